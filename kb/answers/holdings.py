"""Answers to a question about what the knowledge base holds ("What documents do you hold for
Oxfordshire?", "Which strategies have been uploaded?", "List the presentations"): the documents
asked for, by area, each with its kind, period and status and its opening line quoted and
cited, so that an officer sees what a search covers before asking of it. Passages like the
question say nothing about that. Which documents a question asks for is decided by the search
plan (`kb.retrieval.documents.DocumentResolver.holdings_asked`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from kb.answers.extractive import citation_for, is_expired
from kb.records import Answer, Citation, DocumentInfo, Hit
from kb.retrieval.years import years_of

MAX_DOCUMENTS = 25  # listed one by one; the rest of a store of hundreds are counted
MAX_QUOTE = 160  # characters of a document's opening line quoted, cut at a word
_LINE = re.compile(r"\S[^\n]*")


def holdings_answer(doc_ids: Sequence[str], info: Callable[[str], DocumentInfo | None],
                    opening: Callable[[str], Hit | None], area_names: Mapping[str, str],
                    counted: bool = True) -> Answer | None:
    """A count of the documents, then a line per document ("- <title> (<kind>; <period>;
    <status>) [n]"), under its area's name when several areas hold them, the citation quoting
    its opening line (its title as written, as a rule); at most MAX_DOCUMENTS lines, the rest
    counted. None when no document is asked for (the question is then answered as any other).

    Args:
        doc_ids: the documents asked for, in the order to list them (by area).
        info: a document's metadata by id.
        opening: a document's first passage.
        area_names: display names of area keys.
        counted: whether the answer opens with the count ("2 documents are held for…"); not
            where it gives the documents' periods as held ("When was the launch?").
    """
    documents = [d for d in map(info, doc_ids) if d is not None]
    if not documents:
        return None
    areas = list(dict.fromkeys(d.area for d in documents))
    named = [area_names.get(area, area) for area in areas]
    held = f"{len(documents)} document{'s' if len(documents) > 1 else ''}"
    verb = "is" if len(documents) == 1 else "are"
    lines = ([f"{held} {verb} held for {named[0]}:" if len(areas) == 1
              else f"{held} from {len(areas)} areas are held:"] if counted else [])
    citations: list[Citation] = []
    area = ""
    for document in documents[:MAX_DOCUMENTS]:
        if len(areas) > 1 and document.area != area:
            area = document.area
            lines.append(f"{area_names.get(area, area)}:")
        facts = [document.kind, "" if years_of(document.title) else document.period,
                 "" if document.status == "unknown" else document.status,
                 "period ended" if is_expired(document.period) else ""]
        line = f"- {document.title} ({'; '.join(f for f in facts if f)})"
        hit = opening(document.doc_id)
        found = _LINE.search(hit.text) if hit is not None else None
        if hit is not None and found is not None:
            start, end = found.start(), _cut(hit.text, found.start(), found.end())
            n = len(citations) + 1
            citations.append(citation_for(n, hit, hit.start + start, hit.start + end,
                                          hit.text[start:end]))
            line += f" [{n}]"
        lines.append(line)
    if len(documents) > MAX_DOCUMENTS:
        lines.append(f"… and {len(documents) - MAX_DOCUMENTS} more: the Library tab (or "
                     "`python -m kb documents`) lists every document held.")
    return Answer(text="\n".join(lines), citations=citations, found=True, mode="extractive")


def _cut(text: str, start: int, end: int) -> int:
    """Where a quote of text[start:end] ends: at MAX_QUOTE characters, back to a word's end."""
    if end - start <= MAX_QUOTE:
        return len(text[:end].rstrip())
    space = text.rfind(" ", start, start + MAX_QUOTE)
    return space if space > start else start + MAX_QUOTE
