"""Comparisons: per area, the best cited aims, indicators and actions on a theme."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.answers.extractive import citation_for, score_units
from kb.records import FACET_KINDS, Citation, Comparison, Hit
from kb.text import content_terms

PER_CELL = 3


def best_quote(hit: Hit, terms: set[str], idf: dict[str, float]) -> tuple[int, int, str]:
    """The sentence of a hit that best matches the terms (its first sentence if none does)."""
    scored = score_units(terms, [hit], idf)
    if scored:
        _, _, start, end, text = scored[0]
        return start, end, text
    text = hit.text.strip()
    offset = hit.start + (len(hit.text) - len(hit.text.lstrip()))
    return offset, offset + len(text), text


def compare(theme: str, areas: Sequence[str],
            search: Callable[[str, str], list[Hit]], idf: dict[str, float],
            is_relevant: Callable[[str, Hit], bool]) -> Comparison:
    """Fill the areas x facets table from each area's own hits.

    Args:
        theme: a phrase or a full question.
        areas: the areas to compare.
        search: (theme, area) -> that area's hits.
        idf: term weights for picking quotes.
        is_relevant: whether a hit is real evidence for the theme (else the cell stays empty).

    Returns:
        The comparison; an empty list marks "no commitment found".
    """
    terms = content_terms(theme)
    cells: dict[str, dict[str, list[Citation]]] = {}
    n = 0
    for area in areas:
        hits = [h for h in search(theme, area) if is_relevant(theme, h)]
        row: dict[str, list[Citation]] = {}
        for facet, kinds in FACET_KINDS.items():
            row[facet.value] = []
            for hit in [h for h in hits if h.kind in kinds][:PER_CELL]:
                n += 1
                start, end, quote = best_quote(hit, terms, idf)
                row[facet.value].append(citation_for(n, hit, start, end, quote))
        cells[area] = row
    return Comparison(theme=theme, areas=list(areas), cells=cells)
