"""Answers to a question about what a document covers as a whole ("What is the 2008
presentation about?", "Summarise the Bucks strategy", "What happened at the recovery pilots
launch?"): for each document asked about, its title and its top-level headings in document
order, each quoted from the passage it heads and cited. Similar sentences from anywhere in a
document do not say what it covers; its own headings do. Which documents a question asks this
of is decided by the search plan (`kb.retrieval.documents.DocumentResolver.outline_asked`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.answers.extractive import citation_for
from kb.records import Answer, Citation, Hit
from kb.retrieval.years import status_line, years_of
from kb.text import content_terms, plain
from kb.vocabulary import vocabulary

MAX_HEADINGS = 25  # a document's first this many top-level headings; the rest are counted
MIN_HEADINGS = 2  # an outline of fewer is read one level down
MAX_DEPTH = 2  # … at most this many levels
_SENTENCE = re.compile(r"[.!?](\s|$)")  # a sentence's end: a title page has none


def outline_answer(doc_ids: Sequence[str], passages: Callable[[str], Sequence[Hit]]
                   ) -> Answer | None:
    """For each document, "<title> (<period>) is set out under these headings:" and its
    top-level headings as cited lines; None when no document has a heading to quote (the
    question is then answered as any other).

    Args:
        doc_ids: the documents asked about, in the order to answer them.
        passages: a document's passages (as hits), in document order.
    """
    lines: list[str] = []
    citations: list[Citation] = []
    for doc_id in doc_ids:
        headings = top_headings(passages(doc_id))
        if not headings:
            continue
        first = headings[0][0]
        period = f" ({first.period})" if first.period and not years_of(first.title) else ""
        lines.append(f"{first.title}{period} is set out under these headings:")
        for hit, start, end in headings[:MAX_HEADINGS]:
            n = len(citations) + 1
            quote = hit.text[start:end]
            citations.append(citation_for(n, hit, hit.start + start, hit.start + end, quote))
            lines.append(f"- {' '.join(quote.split())} [{n}]")
        if len(headings) > MAX_HEADINGS:
            lines.append(f"- … and {len(headings) - MAX_HEADINGS} more")
    if not citations:
        return None
    return Answer(text="\n".join(lines), citations=citations, found=True, mode="extractive")


def top_headings(hits: Sequence[Hit]) -> list[tuple[Hit, int, int]]:
    """Each top-level heading of a document once, in order, with the passage that holds it
    and its span there: the headings of the shallowest level that has two or more (a
    document whose sections all sit under its title line is outlined by theirs). Not a
    contents page's heading, nor its title page's (a first heading that says nothing its title
    does not, that says the document is a draft, or that heads no sentence), nor a heading no
    passage writes out."""
    found: list[tuple[Hit, int, int]] = []
    for depth in range(MAX_DEPTH):
        found = _headings_at(hits, depth) or found
        if len(found) >= MIN_HEADINGS:
            break
    return found


def _headings_at(hits: Sequence[Hit], depth: int) -> list[tuple[Hit, int, int]]:
    contents = vocabulary().contents
    opening = _heading(hits[0], 0) if hits else ""
    found: list[tuple[Hit, int, int]] = []
    seen: set[str] = set()
    for hit in hits:
        heading = _heading(hit, depth)
        said = plain(heading).lower()
        if not heading or said in seen:
            continue
        seen.add(said)
        # the title page's heading repeats the title, says the document is a draft, or heads
        # no sentence ("NORFOLK COUNTY COMMUNITY SAFETY PARTNERSHIP" over the title and date)
        title_page = heading == opening and (content_terms(heading) <= content_terms(hit.title)
                                             or status_line(heading) is not None
                                             or not _SENTENCE.search(hit.text))
        start = hit.text.find(heading)
        if title_page or contents.match(heading) or start < 0:
            continue
        found.append((hit, start, start + len(heading)))
    return found


def _heading(hit: Hit, depth: int) -> str:
    path = hit.section.split(" > ")
    return path[depth].strip() if depth < len(path) else ""
