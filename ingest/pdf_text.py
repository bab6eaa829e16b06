"""Clean text extracted from PDF pages: drop running headers and footers, re-join wrapped lines.

Hand-written because no maintained library does this for pypdf output without layout models
(RAGFlow, unstructured and docling bring OCR/vision stacks far beyond this project's needs).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ingest.headings import TRAILING_FUNCTION_WORDS
from kb.records import Page
from kb.text import BULLET

_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;]['\"”’)]*$")
_NUMBERED_TITLE = re.compile(r"^\s*\d{1,2}(\.\d{1,2})+\.?\s+[A-Z]")  # "3.3 Perpetrators"
_EDGE_LINES = 2
_GAP = re.compile(r"\S+(?: {1,2}\S+)*")  # a run of text; three spaces or more end it
MIN_INDENT = 8  # a line this far in, inside a table, continues a column further right
ONE_WORD_SHARE = 0.2  # a column with no more of its lines holding two words holds one-word cells
ROOM = 0.8  # a cell line shorter than this share of its column's widest line, plus the next word, was not wrapped
PROSE_WORDS = 30  # a column of text this long in a run set in two columns is prose, not cells
SPACED_SHARE = 0.2  # spaced layouts measured 0.24-0.53, tight ones (paragraph gap 0.4 line) 0-0.12

Cells = list[tuple[int, str]]  # (start column, text) of each run of text on a line


def _segments(line: str) -> Cells:
    return [(m.start(), m.group()) for m in _GAP.finditer(line)]



def _column_starts(run: list[tuple[int, Cells]]) -> list[int]:
    starts: list[int] = []
    for start in sorted(s for _, segments in run for s, _ in segments):
        if not starts or start - starts[-1] > 2:
            starts.append(start)
    return starts


def _table_rows(run: list[tuple[int, Cells]]) -> list[tuple[int, str]]:
    """Lines set in columns -> (page index, tab-separated row), each cell a column's text read
    top to bottom; a row stays on the page where it starts. A row starts on a line with text in
    the first column, unless that line carries on the row: the first column's cell on the line
    before had no room for this line's first word (it wrapped), no column's cell resumes after
    a line without it, and no column of one-word cells (a contents list's page numbers) is
    filled again."""
    starts = _column_starts(run)

    def column(start: int) -> int:
        return max(i for i, s in enumerate(starts) if s <= start + 2)

    widths = [0] * len(starts)
    lines, multiword = [0] * len(starts), [0] * len(starts)
    for _, segments in run:
        for start, text in segments:
            i = column(start)
            widths[i] = max(widths[i], start + len(text) - starts[i])
            lines[i] += 1
            multiword[i] += " " in text
    # a column of one-word cells (page numbers, figures; a heading above them aside) shows no wraps
    wraps = [words > ONE_WORD_SHARE * n for words, n in zip(multiword, lines, strict=True)]
    rows: list[tuple[int, list[list[str]]]] = []
    previous: dict[int, str] = {}
    for page, segments in run:
        cells = {column(start): text for start, text in segments}
        if not rows or (0 in cells and not _carries_on(cells, previous, rows[-1][1], widths, wraps)):
            rows.append((page, [[] for _ in starts]))
        for start, text in segments:
            rows[-1][1][column(start)].append(text)
        previous = cells
    return [(page, "\t".join(" ".join(cell) for cell in row).rstrip("\t")) for page, row in rows]


def _carries_on(cells: dict[int, str], previous: dict[int, str], row: list[list[str]],
                widths: list[int], wraps: list[bool]) -> bool:
    """Whether a line with text in the first column carries on the row above (see `_table_rows`)."""
    if 0 not in previous or not wraps[0]:
        return False
    def room(i: int) -> bool:  # the cell ended on the line before: it had room, and no joiner
        fits = len(previous[i]) + 1 + len(cells[i].split()[0]) <= ROOM * widths[i]
        return fits and not _open_ended(previous[i])

    wrapped = not room(0) and not any(wraps[i] and room(i) for i in cells if i and i in previous)
    resumed = any(i not in previous and row[i] for i in cells)
    repeated = any(not wraps[i] for i in cells if i in previous)
    return wrapped and not resumed and not repeated


def _two_columns(run: list[tuple[int, Cells]]) -> list[list[str]]:
    """The lines of each column of a run set in exactly two columns, left then right ([]
    when the run has more or fewer columns)."""
    starts = _column_starts(run)
    if len(starts) != 2:
        return []
    columns: list[list[str]] = [[], []]
    for _, segments in run:
        for start, text in segments:
            columns[1 if start >= starts[1] - 2 else 0].append(text)
    return columns


def _prose_columns(run: list[tuple[int, Cells]]) -> bool:
    """Whether a run of lines set in two columns is a page laid out in two columns of text, not
    a table: each column has PROSE_WORDS words or more, and most of its lines fill it (a table's
    cells are short or end well before the next column)."""
    columns = _two_columns(run)
    for lines in columns:
        widest = max((len(line) for line in lines), default=0)
        full = sum(len(line) >= ROOM * widest for line in lines)
        if sum(len(line.split()) for line in lines) < PROSE_WORDS or full < 0.5 * len(lines):
            return False
    return bool(columns)


def _column_texts(run: list[tuple[int, Cells]]) -> list[str]:
    """The lines of a page's two columns of text: the left column's, then the right one's, a
    blank line between, as the page is read."""
    left, right = _two_columns(run)
    return [*left, "", *right]


def _columnar(segments: Cells, run: list[tuple[int, Cells]]) -> bool:
    """Whether a line belongs to a run of lines set in columns: it has two cells or more, or it
    continues a run with one cell, set well right of the run's first column or fitting inside
    the first column (a wrapped first cell), and is no numbered title."""
    if len(segments) >= 2:
        return True
    if not run or len(segments) != 1:
        return False
    (start, text), = segments
    if _NUMBERED_TITLE.match(text):
        return False  # "5.0 Outcome measures" between two tables heads the second
    starts = _column_starts(run)
    inside_first = abs(start - starts[0]) <= 2 and len(starts) > 1 and start + len(text) < starts[1]
    return inside_first or start >= MIN_INDENT + starts[0]


def read_page_columns(pages: list[list[str]]) -> list[list[str]]:
    """Pages of lines extracted in layout mode as plain lines, with any run of lines set in
    columns (a table, a two-column layout) read column by column into tab-separated rows, as
    the same table reads in a text file; a table row wrapped over a page break stays on the
    page where it starts. Plain extraction interleaves the lines of cells wrapped side by side.
    """
    out: list[list[str]] = [[] for _ in pages]
    run: list[tuple[int, Cells]] = []  # (page index, cells) of each line

    def flush() -> None:
        if len(run) >= 2 and _prose_columns(run):
            for index in dict.fromkeys(page for page, _ in run):  # each page's columns in turn
                on_page = [(page, cells) for page, cells in run if page == index]
                out[index].extend(_column_texts(on_page))
        elif len(run) >= 2:
            for page, row in _table_rows(run):
                out[page].append(row)
        else:
            for page, segments in run:
                out[page].append(" ".join(text for _, text in segments))
        run.clear()

    for index, lines in enumerate(pages):
        for line in lines:
            segments = _segments(line)
            if _columnar(segments, run):
                run.append((index, segments))
                continue
            flush()
            out[index].append(" ".join(" ".join(text.split()) for _, text in segments))
    flush()
    return out


def read_columns(layout: str) -> str:
    """One page extracted in layout mode, read as `read_page_columns` reads pages."""
    return "\n".join(read_page_columns([layout.split("\n")])[0])


def _shape(line: str) -> str:
    """A line with its digits as # and each run of spaces as one: layout mode spaces a
    footer's "Page 3" out from its title by a different width on each page."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Line shapes (digits as #) seen at the top or bottom of at least half the pages, and on
    two pages or more."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [line for line in lines if line.strip()]
        edges = {_shape(line) for line in body[:_EDGE_LINES] + body[-_EDGE_LINES:]}
        counts.update(edges)
    return {shape for shape, n in counts.items() if n >= max(2, len(pages) / 2)}


def _trim(lines: list[str]) -> list[str]:
    """Lines without the blank lines at the start and end of the page."""
    kept = [i for i, line in enumerate(lines) if line.strip()]
    return lines[kept[0]:kept[-1] + 1] if kept else []


def _spaced(pages: list[list[str]]) -> bool:
    """Whether the layout marks paragraphs with blank lines (at least one text line in
    SPACED_SHARE is followed by one): then lines that are neither wrapped nor spaced apart are
    lines of one block, as in a text file, not paragraphs of their own."""
    text = blank_after = 0
    for lines in pages:
        for line, following in itertools.pairwise(lines):
            if line.strip():
                text += 1
                blank_after += not following.strip()
    return text > 0 and blank_after >= SPACED_SHARE * text


def _open_ended(line: str) -> bool:
    """Whether a line ends on a joiner (a hyphen, comma, "&" or a function word such as "of"),
    so that it cannot end a paragraph."""
    return line.endswith(("-", ",", "&")) or line.split()[-1].lower() in TRAILING_FUNCTION_WORDS


def _continues(previous: str, physical: str, line: str, wide: int, at_break: bool) -> bool:
    """Whether a line carries on the paragraph before it (see `_join_wrapped`). At the top of a
    page, where no blank line can mark a new paragraph, a short unpunctuated line starting in
    upper case (a heading) does not."""
    if not previous or "\t" in previous or "\t" in line or BULLET.match(line):
        return False
    full_width = len(physical.strip()) >= 0.8 * wide
    heading_like = len(line.strip()) < 0.6 * wide and not _SENTENCE_END.search(line)
    if heading_like and _NUMBERED_TITLE.match(line) and not _open_ended(previous):
        return False  # "3.3 Perpetrators" after the last line of 3.2 starts a section
    lower = line.lstrip()[:1].islower()
    if _SENTENCE_END.search(previous):
        return full_width and not heading_like
    if at_break and heading_like and not lower and not _open_ended(previous):
        return False
    return lower or previous.endswith(("-", ",")) or full_width


def _join_wrapped(pages: list[list[str]]) -> list[str]:
    """Join lines wrapped inside a paragraph (on one page or over a page break, where the
    paragraph stays on the page it starts on), and separate paragraphs by a blank line as a
    text file does, so that headings stand alone and structure detection sees blocks, not pages.

    A line continues the one before when that one was cut mid-sentence (it ends with a hyphen or
    a comma, or the line starts in lower case, or it reached the column's width without ending a
    sentence), or when it ran to the full width and the line is not a short, unpunctuated
    heading. Bullets and table rows stay units. A line-end hyphen is kept before a space
    ("victim- survivors"): `ingest.markup` rejoins the word when the document uses it whole.
    Where the layout marks paragraphs with blank lines, other lines stay lines of one block.
    """
    lengths = sorted(len(line.strip()) for lines in pages for line in lines if line.strip())
    wide = max(40, lengths[int(len(lengths) * 0.9)] if lengths else 0)
    spaced = _spaced(pages)
    out: list[list[str]] = [[] for _ in pages]
    target: list[str] = []  # the lines of the page where the current paragraph started
    physical = ""  # the previous line as extracted, before joining
    for index, lines in enumerate(pages):
        blank_before = True
        for number, raw in enumerate(lines):
            line = raw.rstrip()
            if not line.strip():
                if target and target[-1] != "":
                    target.append("")
                physical, blank_before = "", True
                continue
            previous = target[-1] if target else ""
            if _continues(previous, physical, line, wide, at_break=number == 0):
                target[-1] = previous + " " + line.lstrip()
            else:
                target = out[index]
                if target and target[-1] != "" and (blank_before or not spaced):
                    target.append("")  # a new paragraph
                target.append(line)
            physical, blank_before = raw, False
    return ["\n".join(lines).strip() for lines in out]


def running_text(raw: list[tuple[int, str]]) -> list[str]:
    """The running headers' and footers' own lines, each once as first set, its white space
    collapsed (page numbers aside): what `clean_pages` drops from every page, and often the
    only line naming the council ("Harwick Borough Council" over each page of a strategy whose
    title does not)."""
    split = [text.replace("\r", "").split("\n") for _, text in raw]
    running = _running_lines(split)
    found: dict[str, str] = {}
    for lines in split:
        for line in lines:
            shape = _shape(line)
            if shape in running and shape not in found and not _PAGE_NUMBER.match(line):
                found[shape] = " ".join(line.split())
    return list(found.values())


def clean_pages(raw: list[tuple[int, str]]) -> tuple[Page, ...]:
    """Turn pypdf's per-page text (layout mode) into clean pages, keeping 1-based page numbers:
    running headers and footers dropped, tables read into rows, wrapped lines joined.

    Args:
        raw: (page number, extracted text) for every page.

    Returns:
        One `Page` per input page (possibly with empty text).
    """
    split = [text.replace("\r", "").split("\n") for _, text in raw]
    running = _running_lines(split)
    kept = [_trim([line for line in lines if not _PAGE_NUMBER.match(line) and _shape(line) not in running])
            for lines in split]
    texts = _join_wrapped(read_page_columns(kept))
    return tuple(Page(number=number, text=text) for (number, _), text in zip(raw, texts, strict=True))
