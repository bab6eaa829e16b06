"""Split chunk text into quotable units (sentences, bullet items, table rows) with offsets.

A lead-in ending in ':' keeps the items that follow it (so "five outcomes:" quotes the five),
an item keeps the indented bullets under it (how it is measured, its target),
a unit cut off mid-phrase ("estimated to be in excess of") joins the next line, and headings
and contents-page lines are never units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kb.text import BULLET, CONTENTS_ENTRY, LEAD_IN, NUMBERED_ITEM, SENTENCE_END, plain
from kb.vocabulary import vocabulary

# a sentence's end, a line break, or a line break before a lettered item ("a) …", "ii. …")
_UNIT_END = re.compile(rf"{SENTENCE_END.pattern}|\n+(?![ \t]*[a-z])|"
                       rf"\n+(?={BULLET.pattern.removeprefix('^')})")
# … as the stored part-vector layout splits (a store keeps the layout of its ingest): a footnote's
# number after a sentence's end, and a lettered item, ended no unit
_STORED_UNIT_END = re.compile(r"(?<!^\d\.)(?<!\s\d\.)(?<!^\d\d\.)(?<!\s\d\d\.)"
                              r"(?<=[.!?\]])['\"”’)*]*\s+(?=[A-Z0-9“\"'(•*-])|\n+(?![ \t]*[a-z])")
_DANGLING = re.compile(r"\b(of|to|in|for|and|or|the|a|an|with|by|from|were|was|is|are|be|than|"
                       r"that|on|at)\s*$", re.IGNORECASE)
# A (last) line of contents: page numbers after a title ("What is Domestic Abuse?\t8", "…\t6 6 7");
# numbers after cells ("Safe accommodation units\t38\t50") are a table row's values
_CONTENTS_LINE = re.compile(r"(?:^|\n)[^\t\n]*(?:\t|\.{3,}| {2,})(?:\d{1,3} +)*\d{1,3}\s*$")
# under a Contents heading, a numbered title with no page number ("2. Our ambitions")
_NUMBERED_ENTRY = re.compile(r"^[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+[^.!?:\n]{1,80}$")
# … as the stored part-vector layout reads one (a store keeps the layout of its ingest)
_STORED_CONTENTS_LINE = re.compile(r"(\t|\.{3,}|\s{2,})(\d{1,3}\s+)*\d{1,3}\s*$")
MAX_LIST_WORDS = 90
LABEL_WORDS = 6  # a line this short, with no sentence end, names the item after it
WRAPPED_WORDS = 8  # a line this long, with no sentence end, was wrapped (prose, not a label)


_WORDED = re.compile(r"[^\W\d_]{2}")  # a unit needs a word of two letters or more


def _normalise(text: str) -> str:
    return plain(text).lower().strip(" #>:?.")


# A list item's name set as a sentence of its own before what it says ("- Think family. We will
# consider the needs of every child…", bold in the original): one unit with it. Three words at
# most: "- We will fund refuges. We will train staff." is two sentences
ITEM_NAME_WORDS = 3
_ITEM_NAME = re.compile(rf"{BULLET.pattern}\S+(?:[ \t]+\S+){{0,{ITEM_NAME_WORDS - 1}}}[.:]$")


def _raw(text: str, quoting: bool) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in (_UNIT_END if quoting else _STORED_UNIT_END).finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            s = start + len(piece) - len(piece.lstrip())
            if (quoting and out and _ITEM_NAME.match(text[out[-1][0]:out[-1][1]])
                    and "\n" not in text[out[-1][1]:s]):
                out[-1] = (out[-1][0], s + len(piece.strip()))
                continue
            out.append((s, s + len(piece.strip())))
    return out


def _contents_lines(text: str, under_contents: bool = False) -> list[tuple[int, int]]:
    """Where the text has contents-page lines ("What is Domestic Abuse?\t8"; under a Contents
    heading also "2. Our vision 3" and "2. Our vision"): a sentence end inside one ("?")
    splits it, and its page number then starts the next unit."""
    out, position = [], 0
    for line in text.split("\n"):
        entry = _CONTENTS_LINE.search(line) or (under_contents and (
            CONTENTS_ENTRY.search(line.rstrip()) or _NUMBERED_ENTRY.match(line)))
        if entry and re.search(r"[A-Za-z]", line):
            out.append((position, position + len(line)))
        position += len(line) + 1
    return out


def _within(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """The span overlaps one of the ranges."""
    return any(a < span[1] and span[0] < b for a, b in ranges)


def _sub_item(text: str, start: int) -> bool:
    """The unit starting here is an indented bullet: a detail of the item above it."""
    line_start = text.rfind("\n", 0, start) + 1
    return start > line_start and not text[line_start:start].strip() and bool(
        BULLET.match(text[start:]))


_FIGURE_LINE = re.compile(r"\n[ \t]*\d(?![\d,]*[.)]?\s+[A-Z])(?![\d,]*\.\d*\s)")  # "\n2,208 cases"


def _wrapped(text: str, end: int, next_start: int) -> bool:
    """A line of prose ended mid-sentence and the next one carries on with a figure: "…the
    MARAC heard\n2,208 cases" (a text file wrapped by hand), not a list's next number ("2.
    Aims") nor the figure under a label ("Targets\n2022/23")."""
    line = text[text.rfind("\n", 0, end) + 1:end]
    return (len(line.split()) >= WRAPPED_WORDS and not re.search(r"[.!?:;]['\"”’)]*$", line)
            and "\t" not in line and (figure := _FIGURE_LINE.match(text, end)) is not None
            and figure.end() == next_start + 1)


_HEADING_LINE = re.compile(r"#{1,6}\s")  # a markdown (or Word) heading kept in the text


def _starts_another(unit: str) -> bool:
    """The unit ends the list a lead-in opened: a heading, or a lead-in of its own ("We
    will:") that is no item of the list."""
    return bool(_HEADING_LINE.match(unit)) or bool(LEAD_IN.search(unit) and not BULLET.match(unit))


def _after_list(text: str, end: int, following: tuple[int, int]) -> bool:
    """The unit after a list's last bulleted or numbered item (which ends at `end`) is a
    paragraph of its own that is no item: the text goes on after the list ("4. Demand for
    refuge space exceeds supply" + blank line + "The strategy was shaped by a survey…")."""
    line_start = text.rfind("\n", 0, end) + 1
    return (bool(BULLET.match(text[line_start:end])) and "\n\n" in text[end:following[0]]
            and not BULLET.match(text[following[0]:following[1]]))


def _label(text: str, start: int, end: int) -> bool:
    """The unit is a line of its own, short and with no sentence end: the name of what
    follows ("2. Awareness", "Tier 2 – Vulnerable"); a table's row is an item of its own
    ("Repeat referrals to MARAC<TAB>34%<TAB>28%")."""
    piece = text[start:end]
    return (len(piece.split()) <= LABEL_WORDS and "\t" not in piece
            and not piece.rstrip().endswith((".", ":", ";"))
            and text[end:end + 1] in ("\n", ""))


def _parallel(line: str, following: str) -> bool:
    """Two lines that number items of one list alike ("Priority 3 – Pursuing perpetrators",
    "Priority 4 – Strong partnership working"): the first is an item, not the next's name."""
    first, second = NUMBERED_ITEM.match(line), NUMBERED_ITEM.match(following)
    return (first is not None and second is not None
            and first.group(1).lower() == second.group(1).lower())


_YEAR_LIKE = re.compile(r"\b(?:19|20)\d{2}(?:[/-]\d{2,4})?\b")  # "2022/23" heads a column
# … as do a plan's periods ("Year 1", "Q3", "Phase 2") and an ambition's horizons ("1 year",
# "3 years", "6 months")
_PERIOD_LABEL = re.compile(r"\b(?:year|phase|stage|quarter|q|month|wave|step)\s*\d{1,2}\b|"
                           r"\b\d{1,2}\s*(?:years?|months?|weeks?)\b", re.IGNORECASE)
_ACRONYM_CELL = re.compile(r"\b[A-Z]{2,}\b")  # "MARAC" starts a glossary row, not a header
HEADER_CELL_WORDS = 4


def is_header_row(text: str, start: int, end: int) -> bool:
    """The unit is a table's header row ("Action<TAB>Lead<TAB>Timescale", "Measure<TAB>2022/23
    <TAB>Target"): a whole line of two or more short cells, with no figure but a year, no
    sentence end and no acronym, and another row of the table on the next line. It names the
    columns (each row's quote keeps it as its `lead`) and answers nothing itself."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    cells = [c.strip() for c in text[line_start:line_end].split("\t") if c.strip()]
    following = text[line_end + 1:].split("\n", 1)[0]
    return (not text[line_start:start].strip() and not text[end:line_end].strip()
            and len(cells) >= 2 and "\t" in following
            and all(len(c.split()) <= HEADER_CELL_WORDS and not c.endswith((".", ":", ";"))
                    and not re.search(r"\d", _PERIOD_LABEL.sub("", _YEAR_LIKE.sub("", c)))
                    and not _ACRONYM_CELL.search(c) for c in cells))


def names_item(quote: str) -> bool:
    """The quote starts with a line that names it (see `units(..., labels=True)`)."""
    first, _, rest = quote.partition("\n")
    return bool(rest.strip()) and _label(first, 0, len(first))


def units(text: str, offset: int = 0, headings: Iterable[str] = (), whole_lists: bool = True,
          details: bool = True, labels: bool = False, quoting: bool = True, title: str = ""
          ) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each quotable unit, offsets shifted by `offset`.

    Args:
        text: the chunk text.
        offset: the chunk's start in the document text.
        headings: headings of the chunk's section path (never returned as units).
        whole_lists: a lead-in keeps the items that follow it (a quote); when False each
            item is a unit of its own (the lead-in line is then left out).
        details: with `whole_lists`, an item keeps the indented bullets under it.
        labels: a short line that names an item (see `_label`) leads the unit after it, so
            a list item keeps its name ("2. Awareness" + "Increase residents' awareness…").
        quoting: units as an answer quotes them: none overlaps a contents-page line, a
            lead-in takes none as an item, and a sentence wrapped onto a line that starts with
            a figure is one unit; False gives the units that stores hold part vectors for
            (`kb.retrieval.parts`), whose layout a store keeps from its ingest.
        title: the document's title: a title-page line that repeats it, or part of it ("Pilots
            Launch Event" of "… Recovery Pilots launch event: …"), is no unit either.
    """
    path = list(headings)
    skip = {_normalise(h) for h in [*path, title] if h}
    whole_title = _normalise(title)
    spans = _raw(text, quoting)
    under_contents = bool(path) and bool(vocabulary().contents.match(path[-1]))
    pages = _contents_lines(text, under_contents) if quoting else []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        index += 1
        if labels:
            last = start
            while (index < len(spans) and _label(text, last, end)
                   and _normalise(text[last:end]) not in skip
                   and not _parallel(text[last:end], text[slice(*spans[index])])
                   # a table's header names its columns, not an item
                   and not is_header_row(text, last, end) and not is_header_row(text, *spans[index])
                   and len(text[start:spans[index][1]].split()) <= MAX_LIST_WORDS):
                last, end = spans[index]
                index += 1
        piece = text[start:end]
        if whole_lists and LEAD_IN.search(piece):
            while (index < len(spans) and not _within(spans[index], pages)
                   and not _starts_another(text[slice(*spans[index])])
                   and not _after_list(text, end, spans[index])
                   and len(text[start:spans[index][1]].split()) <= MAX_LIST_WORDS):
                end = spans[index][1]
                index += 1
        else:
            while index < len(spans) and (_DANGLING.search(text[start:end]) or (
                    quoting and _wrapped(text, end, spans[index][0]))):
                end = spans[index][1]
                index += 1
        while whole_lists and details and index < len(spans) and _sub_item(text, spans[index][0]):
            end = spans[index][1]  # "5. Membership is increased." + " - on 280 members in 2017"
            index += 1
        quote = text[start:end]
        # a lead-in whose items are not in this text (the next chunk's) is quoted on its own
        # when it says more than a label ("Our shared vision is that … five outcomes:")
        bare = LEAD_IN.search(quote) and (not whole_lists or len(quote.split()) <= LABEL_WORDS)
        contents_line = _CONTENTS_LINE if quoting else _STORED_CONTENTS_LINE
        if (len(quote.split()) < 3 or _normalise(quote) in skip or contents_line.search(quote)
                or (title and _normalise(quote) in whole_title)  # a line of the title
                or (quoting and not _WORDED.search(quote))  # "11:00 – 13:00": nothing to read
                or _within((start, end), pages)
                or bare or (whole_lists and is_header_row(text, start, end))):
            continue
        yield offset + start, offset + end, quote


def table_header(text: str) -> str:
    """The first table header row in a text (see `is_header_row`), or ''."""
    position = 0
    for line in text.split("\n"):
        if "\t" in line and is_header_row(text, position, position + len(line)):
            return line
        position += len(line) + 1
    return ""
