"""Split chunk text into quotable units (sentences, bullet items, table rows) with offsets.

A lead-in ending in ':' keeps the items that follow it (so "five outcomes:" quotes the five),
a unit cut off mid-phrase ("estimated to be in excess of") joins the next line, and headings
and contents-page lines are never units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kb.text import LEAD_IN, SENTENCE_END, plain

_UNIT_END = re.compile(rf"{SENTENCE_END.pattern}|\n+(?![ \t]*[a-z])")  # or a line break
_DANGLING = re.compile(r"\b(of|to|in|for|and|or|the|a|an|with|by|from|were|was|is|are|be|than|"
                       r"that|on|at)\s*$", re.IGNORECASE)
_CONTENTS_LINE = re.compile(r"(\t|\.{3,}|\s{2,})(\d{1,3}\s+)*\d{1,3}\s*$")  # "…\t6 6 7": pages
MAX_LIST_WORDS = 90


def _normalise(text: str) -> str:
    return plain(text).lower().strip(" #>:?.")


def _raw(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in _UNIT_END.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            s = start + len(piece) - len(piece.lstrip())
            out.append((s, s + len(piece.strip())))
    return out


def units(text: str, offset: int = 0, headings: Iterable[str] = (), whole_lists: bool = True
          ) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each quotable unit, offsets shifted by `offset`.

    Args:
        text: the chunk text.
        offset: the chunk's start in the document text.
        headings: headings of the chunk's section path (never returned as units).
        whole_lists: a lead-in keeps the items that follow it (a quote); when False each
            item is a unit of its own (the lead-in line is then left out).
    """
    skip = {_normalise(h) for h in headings}
    spans = _raw(text)
    index = 0
    while index < len(spans):
        start, end = spans[index]
        index += 1
        piece = text[start:end]
        if whole_lists and LEAD_IN.search(piece):
            while index < len(spans) and len(text[start:spans[index][1]].split()) <= (
                    MAX_LIST_WORDS):
                end = spans[index][1]
                index += 1
        else:
            while _DANGLING.search(text[start:end]) and index < len(spans):
                end = spans[index][1]
                index += 1
        quote = text[start:end]
        if (len(quote.split()) < 3 or _normalise(quote) in skip or _CONTENTS_LINE.search(quote)
                or LEAD_IN.search(quote)):
            continue
        yield offset + start, offset + end, quote
