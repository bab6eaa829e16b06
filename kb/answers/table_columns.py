"""Answers from one column of a plan's table: a delivery plan sets its actions in columns by
period ("Objective | Year 1 (2024/25) | Year 2 (2025/26)"), so "What will Stockton do in the
first year?" or "… in 2025/26?" asks for that column's cells, each quoted on its own, not for
whole rows that hold every year's actions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.answers.sentences import table_header
from kb.records import Hit
from kb.text import NUMBER_WORDS, ORDINAL_WORDS

_NUMBER = r"\d|one|two|three|four|five"
_ORDINAL = r"first|second|third|fourth|fifth"
# "year 1", "year one", "the first year", "2025/26", "2025-26"
_YEAR_NUMBER = re.compile(rf"\byear\s+({_NUMBER})\b|\b({_ORDINAL})\s+year\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b(20\d\d)\s*[/-]\s*(\d\d)\b")
CELL_WORDS = 3  # a cell quoted on its own says what is done in that period


def column_units(question: str, hits: Sequence[Hit]) -> list[tuple[Hit, int, int, str]]:
    """The cells, in document order, of the table column that the question names by its
    period (none when it names none, or no retrieved table has that column): (hit, start,
    end, text) with document offsets, as list answers give them. Only cells of CELL_WORDS
    words or more are quoted: a figure alone ("25%") says nothing without its row."""
    asked = _periods(question)
    if not asked:
        return []
    found: list[tuple[Hit, int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h.doc_id, h.start)):
        header = hit.lead or table_header(hit.text)
        column = next((i for i, cell in enumerate(header.split("\t")) if asked & _periods(cell)),
                      None)
        if column is None or column == 0:
            continue
        position = 0
        for line in hit.text.split("\n"):
            start, position = position, position + len(line) + 1
            if "\t" not in line or line.strip() == header.strip():
                continue
            cells = line.split("\t")
            # an action, not a figure: "25%" in a target column needs its row to say anything
            if column >= len(cells) or len(cells[column].split()) < CELL_WORDS:
                continue
            at = start + sum(len(c) + 1 for c in cells[:column])
            text = cells[column].strip()
            at += cells[column].index(text)
            if all(item[3] != text for item in found):
                found.append((hit, hit.start + at, hit.start + at + len(text), text))
    return found


def _periods(text: str) -> set[str]:
    """The periods a text names: "year#1" for "Year 1" or "the first year", "2025/26" for a
    financial year however written."""
    numbers = ((m.group(1) or m.group(2)).lower() for m in _YEAR_NUMBER.finditer(text))
    found = {f"year#{NUMBER_WORDS.get(number, ORDINAL_WORDS.get(number, number))}"
             for number in numbers}
    found |= {f"{m.group(1)}/{m.group(2)}" for m in _YEAR_RANGE.finditer(text)}
    return found
