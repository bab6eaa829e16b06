"""Split chunk text into quotable units (sentences, bullet items, table rows) with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNIT_END = re.compile(r"(?<=[.!?])['\"”’)]*\s+(?=[A-Z0-9“\"'(])|\n+")


def units(text: str, offset: int = 0) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each sentence or line-unit, offsets shifted by `offset`."""
    position = 0
    for match in _UNIT_END.finditer(text):
        yield from _unit(text, position, match.start(), offset)
        position = match.end()
    yield from _unit(text, position, len(text), offset)


def _unit(text: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int, str]]:
    piece = text[start:end]
    stripped = piece.strip()
    if len(stripped.split()) >= 3:
        lead = len(piece) - len(piece.lstrip())
        s = start + lead
        yield offset + s, offset + s + len(stripped), stripped
