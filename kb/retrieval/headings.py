"""Headings as a search field: a question that names a section ("under its 'Pursuing'
strand", "the Key Indicators of Progress", "the principles partners will follow") favours
the chunks under that heading.

A heading is named when every specific word of it (words rarer than GENERIC_SHARE of the
chunks) occurs in the question; headings made only of common words ("Domestic abuse") never
count.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from kb.text import content_terms

GENERIC_SHARE = 0.1  # a word in more than a tenth of the chunks says nothing about a section


class HeadingMatcher:
    """Matches a chunk's heading path against a question's terms."""

    def __init__(self, idf: Mapping[str, float]) -> None:
        """Use the corpus idf to tell specific heading words from common ones."""
        floor = math.log(1 + 1 / GENERIC_SHARE)
        self._specific = frozenset(t for t, weight in idf.items() if weight > floor)
        self.headings = lru_cache(maxsize=50_000)(self._headings)

    def _headings(self, section: str) -> tuple[frozenset[str], ...]:
        found = (frozenset(content_terms(h) & self._specific) for h in section.split(" > "))
        return tuple(h for h in found if h)

    def named(self, section: str, terms: frozenset[str]) -> bool:
        """True when the question's terms hold every specific word of one of the headings."""
        return any(heading <= terms for heading in self.headings(section))
