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
    """Join lines wrapped mid-sentence into paragraphs; keep bullets and table rows as units."""
    out: list[str] = []
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        previous = out[-1] if out else ""
        continues = (
            previous
            and "\t" not in previous and "\t" not in line
            and not _SENTENCE_END.search(previous)
            and not BULLET.match(line)
            and (line.lstrip()[:1].islower() or previous.endswith(("-", ",")))
        )
        if continues:
            if previous.endswith("-") and len(previous.split()[-1]) > 4 and line[:1].islower():
                out[-1] = previous[:-1] + line.lstrip()
            else:
                out[-1] = previous + " " + line.lstrip()
        else:
            out.append(line)
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
