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


_GAP = re.compile(r"\S+(?: {1,2}\S+)*")  # a run of text; three spaces or more end it
MIN_INDENT = 8  # a line this far in, inside a table, continues a column further right


def _segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _GAP.finditer(line)]


def _table_rows(run: list[list[tuple[int, str]]]) -> list[str]:
    """Lines set in columns -> tab-separated rows, each cell a column's text read top to
    bottom. A row starts where the first column starts again after lines without it, so a table
    whose first cells are on every line reads as one row (starting a row at every line that
    fills all columns instead measured worse: recall@10 0.879 against 0.901 on `tune`)."""
    starts: list[int] = []
    for start in sorted(s for segments in run for s, _ in segments):
        if not starts or start - starts[-1] > 2:
            starts.append(start)
    rows: list[list[list[str]]] = []
    first_empty = True
    for segments in run:
        has_first = any(s <= starts[0] + 2 for s, _ in segments)
        if not rows or (has_first and first_empty):
            rows.append([[] for _ in starts])
        first_empty = not has_first
        for start, text in segments:
            column = max(i for i, s in enumerate(starts) if s <= start + 2)
            rows[-1][column].append(text)
    return ["\t".join(" ".join(cell) for cell in row).rstrip("\t") for row in rows]


def read_columns(layout: str) -> str:
    """A page extracted in layout mode (pypdf `extraction_mode="layout"`) as plain lines, with
    any run of lines set in columns (a table, a two-column layout) read column by column into
    tab-separated rows, as the same table reads in a text file. Plain extraction interleaves
    the lines of cells wrapped side by side."""
    out: list[str] = []
    run: list[list[tuple[int, str]]] = []

    def flush() -> None:
        if len(run) >= 2:
            out.extend(_table_rows(run))
        else:
            out.extend(" ".join(text for _, text in segments) for segments in run)
        run.clear()

    for line in layout.split("\n"):
        segments = _segments(line)
        columnar = len(segments) >= 2 or (bool(run) and len(segments) == 1
                                          and segments[0][0] >= MIN_INDENT + min(s for s, _ in run[0]))
        if columnar:
            run.append(segments)
            continue
        flush()
        out.append(" ".join(" ".join(text.split()) for _, text in segments))
    flush()
    return "\n".join(out)


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
