"""Comparisons wired to one state of the store: each area searched on its own for a theme.

`kb.reports.compare` fills a table from an area search, term weights and a relevance test;
this holds those for one refresh of the knowledge base (its retriever, idf, glossary and
areas), so the facade's comparisons and its coverage matrix are filled alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from kb.config import Settings
from kb.records import ChunkKind, Comparison, Hit
from kb.reports import compare as comparison
from kb.reports.evidence import is_evidence
from kb.retrieval.areas import AreaResolver
from kb.retrieval.glossary import spellings
from kb.retrieval.intent import governance_words
from kb.retrieval.synonyms import in_strategy_words
from kb.retrieval.topic import question_topic, without_preamble

GOVERNANCE = "governance"

if TYPE_CHECKING:
    from kb.retrieval.hybrid import HybridRetriever


class ThemeComparer:
    """Fills comparison tables over one state of the store."""

    def __init__(self, retriever: HybridRetriever, idf: dict[str, float],
                 glossary: dict[str, set[str]], areas: AreaResolver,
                 area_names: Mapping[str, str], settings: Settings) -> None:
        """Wire the comparer.

        Args:
            retriever: searches one area at a time.
            idf: term weights for weighing items.
            glossary: acronym -> long forms (an area may write either).
            areas: finds the areas a theme names (left out of its topic).
            area_names: area key -> display name (a notice names areas by it).
            settings: synonyms on or off, and the relevance floor.
        """
        self._retriever = retriever
        self._idf = idf
        self._glossary = glossary
        self._areas = areas
        self._area_names = area_names
        self._settings = settings

    def topic(self, theme: str) -> str:
        """The theme's topic words: a question's frame and the areas it names left out."""
        return question_topic(without_preamble(theme, self._areas), self._areas)

    def table(self, theme: str, topic: str, areas: Sequence[str]) -> Comparison:
        """The areas x facets table for a theme (`topic`: its topic words), compared as the
        officer worded it, and in the strategies' words for its everyday ones and with its
        acronyms spelt out or shortened (an area may write either). A theme that asks who
        oversees the strategies ("Which boards oversee…?") fills an area that names no board
        nor oversight from its passages on governance, whatever it calls its boards ("The
        Domestic Abuse Steering Group … reports every six months to…" under "Governance")."""
        wordings = comparison.theme_wordings(
            topic, in_strategy_words(topic) if self._settings.synonyms else [], self._idf)
        phrases = list(dict.fromkeys(spelling for wording in wordings
                                     for spelling in spellings(wording, self._glossary)))
        table = self.phrases_table(theme, topic, phrases, areas)
        silent = [area for area in areas if not any(table.cells[area].values())]
        if silent and governance_words(theme):
            table = _filled(table, self.phrases_table(theme, GOVERNANCE, [GOVERNANCE], silent))
        return replace(table, notice=comparison.unindexed_notice(wordings, self._idf))

    def columns_filled(self, table: Comparison, theme: str, topic: str) -> Comparison:
        """A comparison of a column alone (`kb.reports.columns`) with each area that has none
        of the column's items filled from the theme's own comparison, and the notice saying
        so ("How will Oxfordshire and Essex measure success?": Oxfordshire lists no
        indicators, and its row shows its passages on measuring success, a dashboard to
        monitor it)."""
        silent = [area for area in table.areas if not any(table.cells[area].values())]
        if not silent:
            return table
        rows = self.table(theme, topic, silent)
        filled = [self._area_names.get(area, area) for area in silent
                  if any(rows.cells[area].values())]
        if not filled:
            return table
        said = f"{', '.join(filled)} list{'s' if len(filled) == 1 else ''} none of them"
        return replace(_filled(table, rows),
                       notice=f"{table.notice} {said}: compared on the theme's words instead.")

    def phrases_table(self, theme: str, topic: str, phrases: Sequence[str],
                      areas: Sequence[str]) -> Comparison:
        """The table for a theme any one of whose phrases an item may hold."""
        return comparison.compare(theme, topic, areas, self._area_search, self._idf,
                                  self._evidence_for(phrases), phrases)

    def _area_search(self, text: str, area: str, kinds: frozenset[ChunkKind] | None,
                     k: int) -> list[Hit]:
        """One area's hits for a comparison's topic, which the caller has already read for
        typos (a search would look its unknown words up again, for every area and facet)."""
        return self._retriever.search(without_preamble(text), k, [area], None,
                                      sorted(kinds) if kinds else None)

    def _evidence_for(self, phrases: Sequence[str]) -> comparison.Relevance:
        """Whether a hit is evidence for any of the phrases (the ways a theme is worded)."""
        floor = 0.8 * self._settings.min_relevance
        return lambda hit, share, everyday: any(
            is_evidence(p, hit, self._idf, floor, share, everyday) for p in phrases)


def _filled(table: Comparison, rows: Comparison) -> Comparison:
    """The table with the areas of `rows` (a table of some of its areas) filled from it, their
    items numbered on after the table's own."""
    offset = max((c.n for row in table.cells.values() for cell in row.values() for c in cell),
                 default=0)
    cells = dict(table.cells)
    for area, row in rows.cells.items():
        cells[area] = {facet: [replace(c, n=c.n + offset) for c in cell]
                       for facet, cell in row.items()}
    return replace(table, cells=cells, found={**table.found, **rows.found})
