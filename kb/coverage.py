"""Theme coverage matrix: how strongly each area's strategies address common themes.

Score per cell: 0 nothing relevant; 1 mentioned (context or figures only); 2 addressed in one
facet (aims, indicators or actions); 3 committed (two or more facets). The evidence behind
every cell is kept as citations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.records import Comparison, Coverage, CoverageCell, Facet, Hit

# Each theme with the words used to search for it (documented list; extend freely).
THEMES: dict[str, str] = {
    "prevention and education": "prevention education schools healthy relationships awareness",
    "victim support and advocacy": "victim support advocacy IDVA outreach helpline",
    "perpetrators": "perpetrators behaviour change programmes held to account",
    "children and young people": "children and young people family impact",
    "housing, refuge and sanctuary": "housing refuge sanctuary accommodation relocation",
    "health": "health settings GP mental health substance misuse",
    "criminal justice": "criminal justice police prosecution court",
    "training and workforce": "training professionals practitioners workforce",
    "data and information sharing": "data information sharing dashboard",
    "governance and partnership": "governance partnership board strategic",
    "under-served groups": "BAMER ethnic minority LGBT older disabled hard to reach",
    "recovery": "recovery move on peer support counselling",
}


def cell_from(comparison: Comparison, area: str, hits: Sequence[Hit]) -> CoverageCell:
    """Score one cell from the area's comparison row and its relevant hits."""
    row = comparison.cells.get(area, {})
    facets = [f for f in Facet if row.get(f.value)]
    evidence = [c for f in Facet for c in row.get(f.value, [])][:4]
    if len(facets) >= 2:
        return CoverageCell(score=3, evidence=evidence)
    if facets:
        return CoverageCell(score=2, evidence=evidence)
    return CoverageCell(score=1 if hits else 0, evidence=evidence)


def build_coverage(areas: Sequence[str], compare: Callable[[str, Sequence[str]], Comparison],
                   relevant_hits: Callable[[str, str], list[Hit]]) -> Coverage:
    """Themes x areas with evidence.

    Args:
        areas: the area keys.
        compare: (theme query, areas) -> comparison.
        relevant_hits: (theme query, area) -> that area's relevant hits of any kind.

    Returns:
        The matrix.
    """
    cells = {}
    for theme, query in THEMES.items():
        comparison = compare(query, areas)
        cells[theme] = {a: cell_from(comparison, a, relevant_hits(query, a)) for a in areas}
    return Coverage(themes=list(THEMES), areas=list(areas), cells=cells)



