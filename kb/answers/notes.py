"""The notes a quoted sentence cites: "… in excess of £48 million per annum ¹" and, further on,
"¹ Buckinghamshire DVA Needs Assessment 2014". Asked where a figure comes from, an answer gives
each quoted sentence's notes after it, each cited in turn.

A sentence's note is the first line after it, in the same document, that starts with the same
superscript number: a PDF's notes sit at the foot of each page and are often numbered page by
page, a Word file's follow its text (`ingest.word_notes`). Notes written with ordinary digits
cannot be told from numbered items, so only superscript numbers are followed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from kb.records import Answer, Chunk, Citation
from kb.text import SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT, readable
from kb.vocabulary import vocabulary

_MARKER = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+")
# a note's line: its number in superscript, or several written "^{1&2}" as some exports do
_NOTE_LINE = re.compile(rf"^[ \t]*([{SUPERSCRIPT_DIGITS}]+|\^\{{[\d&,\s-]+\}})[ \t]*"
                        rf"([^\s{SUPERSCRIPT_DIGITS}][^\n]*)", re.MULTILINE)
_TRAILING = re.compile(rf"^[ \t]*([{SUPERSCRIPT_DIGITS}]+)")  # a number right after a quote
_CITED = re.compile(r"\[(\d+)\]\s*$")
REACH = 3  # characters after a quote where its note's number may sit ("… a year.¹")


def is_note(text: str) -> bool:
    """Whether a text is a note's line ("² The economic and social costs of domestic abuse,
    Home Office, 2019"): the source of a sentence, not a sentence of the document's own."""
    return bool(_NOTE_LINE.match(text))


def asks_for_sources(question: str) -> bool:
    """Whether the question asks where something comes from (vocabulary [sources])."""
    return bool(vocabulary().source_questions.search(question))


def with_notes(answer: Answer, document_chunks: Callable[[str], Sequence[Chunk]]) -> Answer:
    """The answer with the notes its quotes cite, each on a line after the quote that cites
    it and cited in turn; the answer itself when its quotes cite none.

    Args:
        answer: an extractive answer (one quote per line, each ending in its [n]).
        document_chunks: a document's stored chunks, by document id.
    """
    by_number = {c.n: c for c in answer.citations}
    citations = list(answer.citations)
    lines: list[str] = []
    noted = {(c.doc_id, c.start) for c in citations}  # a note the answer quotes already
    documents: dict[str, list[Chunk]] = {}  # each document's chunks, read once, in order
    for line in answer.text.split("\n"):
        lines.append(line)
        cited = _CITED.search(line)
        if cited is None or int(cited.group(1)) not in by_number:
            continue
        citation = by_number[int(cited.group(1))]
        if citation.doc_id not in documents:
            documents[citation.doc_id] = sorted(document_chunks(citation.doc_id),
                                                key=lambda c: c.start)
        for note in cited_notes(citation, documents[citation.doc_id]):
            if (note.doc_id, note.start) in noted:
                continue
            noted.add((note.doc_id, note.start))
            note = replace(note, n=len(citations) + 1)
            citations.append(note)
            lines.append(f"{readable(note.quote)} [{note.n}]")
    if len(citations) == len(answer.citations):
        return answer
    return replace(answer, text="\n".join(lines), citations=citations)


def cited_notes(citation: Citation, chunks: Sequence[Chunk]) -> list[Citation]:
    """The notes a citation's quote cites (by the superscript numbers in it or just after
    it), each as a citation of the note's own line; none for a quote that is a note itself.
    `chunks`: the document's, in document order."""
    own = next((c for c in chunks if c.chunk_id == citation.chunk_id), None)
    if own is None or _NOTE_LINE.match(citation.quote):
        return []
    end = citation.end - own.start
    trailing = _TRAILING.match(own.text[end:end + REACH])
    numbers = list(dict.fromkeys(_MARKER.findall(citation.quote)
                                 + ([trailing.group(1)] if trailing else [])))
    found = []
    for number in numbers:
        note = _first_note(number, citation.end, chunks)
        if note is not None:
            chunk, start, end_at, text = note
            found.append(replace(citation, page=chunk.page, section=chunk.section, quote=text,
                                 chunk_id=chunk.chunk_id, start=start, end=end_at))
    return found


def _first_note(number: str, after: int, chunks: Sequence[Chunk]
                ) -> tuple[Chunk, int, int, str] | None:
    """The first line after a document offset that starts with the note number: (chunk,
    start, end, text) with document offsets. None when another sentence cites the same
    number first: the numbering started again (page by page), and this sentence's note is
    not in the text."""
    for chunk in chunks:
        if chunk.end <= after:
            continue
        position = chunk.start
        for line in chunk.text.split("\n"):
            start, position = position, position + len(line) + 1
            if start < after:
                continue
            note = _NOTE_LINE.match(line)
            if note is not None and number in _numbers(note.group(1)):
                begin = start + note.start(1)
                text = note.group(0).strip()
                return chunk, begin, begin + len(text), text
            if note is None and number in _MARKER.findall(line):
                return None
    return None


def _numbers(label: str) -> set[str]:
    """The superscript numbers a note's label gives ("²" -> {"²"}, "^{1&2}" -> {"¹", "²"})."""
    if label.startswith("^"):
        return {digits.translate(TO_SUPERSCRIPT) for digits in re.findall(r"\d+", label)}
    return {label}
