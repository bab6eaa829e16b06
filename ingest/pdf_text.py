"""Clean text extracted from PDF pages: drop running headers and footers, re-join wrapped lines.

Hand-written because no maintained library does this for pypdf output without layout models
(RAGFlow, unstructured and docling bring OCR/vision stacks far beyond this project's needs).
"""

from __future__ import annotations

import re
from collections import Counter

from kb.records import Page
from kb.text import BULLET

_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")
_EDGE_LINES = 2


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Line shapes seen at the top or bottom of at least half the pages (3 pages or more)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [line for line in lines if line.strip()]
        edges = {_shape(line) for line in body[:_EDGE_LINES] + body[-_EDGE_LINES:]}
        counts.update(edges)
    return {shape for shape, n in counts.items() if n >= max(3, len(pages) / 2)}


def _join_wrapped(lines: list[str]) -> str:
    """Join lines wrapped inside a paragraph, and separate paragraphs by a blank line as a text
    file does, so that headings stand alone and structure detection sees blocks, not pages.

    A line continues the one before when that one was cut mid-sentence (it ends with a hyphen or
    a comma, or the line starts in lower case, or it reached the column's width without ending a
    sentence), or when it ran to the full width and the line is not a short, unpunctuated
    heading. Bullets and table rows stay units.
    """
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    wide = max(40, lengths[int(len(lengths) * 0.9)] if lengths else 0)
    out: list[str] = []
    physical = ""  # the previous line as extracted, before joining
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            physical = ""
            continue
        previous = out[-1] if out else ""
        full_width = len(physical.strip()) >= 0.8 * wide
        ended = bool(_SENTENCE_END.search(previous))
        heading_like = len(line.strip()) < 0.6 * wide and not _SENTENCE_END.search(line)
        continues = bool(previous) and "\t" not in previous and "\t" not in line and not BULLET.match(line) and (
            (not ended and (line.lstrip()[:1].islower() or previous.endswith(("-", ",")) or full_width))
            or (ended and full_width and not heading_like))
        if continues:
            if previous.endswith("-") and len(previous.split()[-1]) > 4 and line[:1].islower():
                out[-1] = previous[:-1] + line.lstrip()
            else:
                out[-1] = previous + " " + line.lstrip()
        else:
            if out and out[-1] != "":
                out.append("")  # a new paragraph
            out.append(line)
        physical = raw
    return "\n".join(out).strip()


def clean_pages(raw: list[tuple[int, str]]) -> tuple[Page, ...]:
    """Turn pypdf's per-page text into clean pages, keeping 1-based page numbers.

    Args:
        raw: (page number, extracted text) for every page.

    Returns:
        One `Page` per input page (possibly with empty text).
    """
    split = [text.replace("\r", "").split("\n") for _, text in raw]
    running = _running_lines(split)
    pages = []
    for (number, _), lines in zip(raw, split, strict=True):
        kept = [
            line for line in lines
            if not _PAGE_NUMBER.match(line) and _shape(line) not in running
        ]
        pages.append(Page(number=number, text=_join_wrapped(kept)))
    return tuple(pages)
