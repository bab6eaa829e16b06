"""Headings as a search field: a question that names a section ("under its 'Pursuing'
strand", "the Key Indicators of Progress", "the principles partners will follow") favours
the chunks under that heading.

A heading is named when every specific word of it (words rarer than GENERIC_SHARE of the
chunks) occurs in the question. Headings made only of common words ("Domestic abuse") never
count, and neither do template headings that a document repeats under sibling parents ("What
strategic action should we take?" under each strand, "Key Indicators of Progress" under each
outcome): the parent is what names the section, and with it the template heading's words
("the prevention outcomes" names "Prevention > Outcomes").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import pairwise

from kb.text import content_terms

GENERIC_SHARE = 0.1  # a word in more than a tenth of the chunks says nothing about a section


class HeadingMatcher:
    """Matches a chunk's heading path against a question's terms."""

    def __init__(self, idf: Mapping[str, float], sections: Iterable[str]) -> None:
        """Use the corpus idf to tell specific heading words from common ones, and the
        section paths to tell template headings from section names."""
        floor = math.log(1 + 1 / GENERIC_SHARE)
        self._specific = frozenset(t for t, weight in idf.items() if weight > floor)
        parents: dict[tuple[str, int], set[str]] = defaultdict(set)
        for section in set(sections):
            path = section.split(" > ")
            for depth, heading in enumerate(path):
                parents[heading.strip().lower(), depth].add(" > ".join(path[:depth]))
        self._templates = frozenset(h for (h, _), under in parents.items() if len(under) > 1)
        self.headings = lru_cache(maxsize=50_000)(self._headings)

    def _headings(self, section: str) -> tuple[frozenset[str], ...]:
        path = section.split(" > ")
        names = (h for h in path if h.strip().lower() not in self._templates)
        found = [frozenset(content_terms(h) & self._specific) for h in names]
        # a template heading with its parent, every word counted: "Prevention > Outcomes" is
        # named by "the prevention outcomes"
        found += [frozenset(content_terms(f"{parent} {heading}"))
                  for parent, heading in pairwise(path)
                  if heading.strip().lower() in self._templates
                  and parent.strip().lower() not in self._templates
                  and not any(c.isdigit() for c in parent)]  # "Outcome 3": its number names it
        return tuple(h for h in found if h)

    def topic(self, section: str) -> str:
        """The part of a section path that says what it is about: the path up to its first
        template heading ("Perpetrators are prevented… > What strategic action should we
        take?" is about "Perpetrators are prevented…")."""
        path = section.split(" > ")
        for depth, heading in enumerate(path):
            if depth and heading.strip().lower() in self._templates:
                return " > ".join(path[:depth])
        return section

    def named(self, section: str, terms: frozenset[str]) -> bool:
        """True when the question's terms hold every specific word of one of the headings."""
        return any(heading <= terms for heading in self.headings(section))
