"""Years and periods as documents write them ("2019-24", "2015/16 - 2019/20", "since 2018"),
and the title-page lines that give a document's period or its standing (a draft, adopted by
cabinet): what a question about a document's dates is answered from."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.vocabulary import vocabulary

RANGE = re.compile(r"\b((?:19|20)\d{2})\s*(?:-|–|to|/)\s*((?:19|20)?\d{2})\b")
_YEAR_OR_RANGE = re.compile(r"\b((?:19|20)\d{2})(?:\s*(?:-|–|to|/)\s*((?:19|20)?\d{2}))?\b")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
DATING_YEARS = 2  # a document about at most this many years dates the figures it gives


def years_of(text: str) -> tuple[int, int] | None:
    """The first year range in a text ("2019-24" -> (2019, 2024)), or a single year twice."""
    match = RANGE.search(text)
    if match:
        start, end_year = _span(match)
        if end_year >= start:
            return start, end_year
    year = YEAR.search(text)
    return (int(year.group()), int(year.group())) if year else None


def year_spans(text: str) -> list[tuple[int, int]]:
    """Every year and year range a text writes ("in 2022/23" -> (2022, 2023), "since 2018" ->
    (2018, 2018)), as (first, last) years."""
    return [(start, max(start, last)) for start, last in map(_span, _YEAR_OR_RANGE.finditer(text))]


def _span(match: re.Match[str]) -> tuple[int, int]:
    """A matched year, or range of years ("2019-24"), as (first, last) years."""
    start, end = int(match.group(1)), match.group(2)
    if end is None:
        return start, start
    return start, int(end) if len(end) == 4 else start // 100 * 100 + int(end)


def period_line(text: str, period: str) -> tuple[int, int] | None:
    """The span of the first line of a text that gives a period's years as the document
    writes them ("2015-2020" as "2015-20", "2018 - 2021", "2019 to 2024"); None when none
    does, or the period has no years."""
    span = years_of(period)
    if span is None:
        return None
    first, last = span
    # "2015-2020" may be written "2015-20", "2015 to 2020" or in financial years, "2015/16 -
    # 2019/20"
    short = rf"{last % 100:02d}|{last % 100}"  # "2019-20", "2007/8"
    closing = rf"(?:{last - 1}/(?:{last}|{short})|{last}|{short})"
    written = (rf"\b{first}\b" if first == last else
               rf"\b{first}(?:/\d{{2}})?\s*(?:-|–|—|to|/)\s*{closing}\b")
    match = re.search(written, text)
    return _line(text, match.start(), match.end()) if match else None


def status_line(text: str) -> tuple[int, int] | None:
    """The span of the first line of a text that says the document is a draft or was adopted
    (vocabulary [documents] draft, adopted: what ingest reads its status from)."""
    words = vocabulary()
    for match in re.finditer(r"[^\n]+", text):
        if words.draft.search(match.group()) or words.adopted.search(match.group()):
            return _line(text, match.start(), match.end())
    return None


def standing_line(texts: Sequence[tuple[str, str]], status: bool
                  ) -> tuple[int, tuple[int, int]] | None:
    """Which of a document's texts, each with its period, answers a question about its period
    or, with `status`, its standing, and the span of the line that does: the first line that
    says it is a draft or adopted where the standing is asked and one is there, else the first
    line that gives its period's years; None when no text has either."""
    finds: list[Callable[[str, str], tuple[int, int] | None]] = [period_line]
    if status:
        finds.insert(0, lambda text, _period: status_line(text))
    for find in finds:
        for index, (text, period) in enumerate(texts):
            span = find(text, period)
            if span:
                return index, span
    return None


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the line that holds text[start:end], without its surrounding spaces."""
    first = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    line = text[first:len(text) if stop < 0 else stop]
    return first + len(line) - len(line.lstrip()), first + len(line.rstrip())
