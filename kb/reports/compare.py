"""Comparisons: per area, the cited aims, indicators, actions and context on a theme.

Each area is searched on its own (so no area is crowded out), once for the theme and once per
facet restricted to that facet's chunk kinds, so an empty cell means that nothing relevant of
that kind was found anywhere in the area's text, not only among the first hits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.answers.extractive import citation_for, score_units
from kb.records import FACET_KINDS, ChunkKind, Citation, Comparison, Facet, Hit
from kb.text import content_terms

PER_CELL = 3
MIN_QUOTE_SHARE = 0.01  # an item's own words hold a theme word (not only its heading)
THEME_DEPTH = 12
FACET_DEPTH = 4
DEEPER = 4  # an area with no evidence in its first hits is searched this many times deeper

AreaSearch = Callable[[str, str, frozenset[ChunkKind] | None, int], list[Hit]]


def best_quote(hit: Hit, terms: set[str], idf: dict[str, float], min_share: float = 0.0
               ) -> tuple[int, int, str] | None:
    """The sentence of a hit that best matches the terms and holds at least `min_share` of
    their idf weight itself (headings aside); None when no sentence does."""
    total = sum(idf.get(t, 1.0) for t in terms) or 1.0
    for _, _, start, end, text in score_units(terms, [hit], idf):
        own = terms & content_terms(f"{hit.lead} {text}")
        if sum(idf.get(t, 1.0) for t in own) / total >= min_share and (own or not min_share):
            return start, end, text
    return None


def _said(quote: str) -> str:
    """A quote's words, for telling repeats apart from new items."""
    return " ".join(re.findall(r"\w+", quote.lower()))


def _candidates(topic: str, area: str, search: AreaSearch, scale: int = 1) -> list[Hit]:
    """The area's hits for the theme, then for each facet's kinds; each chunk once."""
    hits = search(topic, area, None, THEME_DEPTH * scale)
    for kinds in FACET_KINDS.values():
        hits += search(topic, area, kinds, FACET_DEPTH * scale)
    return list({h.chunk_id: h for h in reversed(hits)}.values())[::-1]


def _evidence(topic: str, area: str, search: AreaSearch, is_relevant: Callable[[Hit], bool]
              ) -> list[Hit]:
    """The area's relevant hits; when its first hits hold none, a deeper search before the
    area is reported as silent on the theme."""
    hits = [h for h in _candidates(topic, area, search) if is_relevant(h)]
    return hits or [h for h in _candidates(topic, area, search, DEEPER) if is_relevant(h)]


def compare(theme: str, topic: str, areas: Sequence[str], search: AreaSearch,
            idf: dict[str, float], is_relevant: Callable[[Hit], bool]) -> Comparison:
    """Fill the areas x facets table from each area's own hits.

    Args:
        theme: the officer's wording (kept on the comparison).
        topic: the theme's topic words (see `kb.retrieval.topic`): what is searched and matched.
        areas: the areas to compare.
        search: (text, area, kinds or None, k) -> that area's hits, best first.
        idf: term weights for picking quotes.
        is_relevant: whether a hit is evidence for the topic (else it is left out).

    Returns:
        The comparison; an empty list marks "nothing found".
    """
    terms = content_terms(topic)
    cells: dict[str, dict[Facet, list[Citation]]] = {}
    quoted: set[tuple[str, int]] = set()
    n = 0
    for area in areas:
        said: set[str] = set()  # a sentence a document repeats (summary, appendix) is one item
        hits = _evidence(topic, area, search, is_relevant)
        row: dict[Facet, list[Citation]] = {}
        for facet, kinds in FACET_KINDS.items():
            row[facet] = []
            for hit in (h for h in hits if h.kind in kinds):
                quote = best_quote(hit, terms, idf, MIN_QUOTE_SHARE)
                if quote is None or (hit.doc_id, quote[0]) in quoted or _said(quote[2]) in said:
                    continue
                quoted.add((hit.doc_id, quote[0]))
                said.add(_said(quote[2]))
                n += 1
                row[facet].append(citation_for(n, hit, *quote))
                if len(row[facet]) == PER_CELL:
                    break
        cells[area] = row
    return Comparison(theme=theme, areas=list(areas), cells=cells)
