"""Theme coverage matrix: how strongly each area's strategies address common themes.

Each theme is a set of alternative phrases ("refuge", "sanctuary", "housing"); a passage is
evidence for the theme when it is evidence for any of them. Score per cell: 0 nothing
relevant; 1 mentioned (context or figures only); 2 addressed in one facet (aims, indicators
or actions); 3 committed (two or more facets). The evidence behind every cell is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.records import Comparison, Coverage, CoverageCell, Facet, Hit

THEMES: dict[str, tuple[str, ...]] = {
    "prevention and education": ("prevention", "education", "healthy relationships"),
    "victim support and advocacy": ("victim support", "advocacy", "IDVA", "outreach"),
    "perpetrators": ("perpetrators", "behaviour change programmes"),
    "children and young people": ("children", "young people"),
    "housing, refuge and sanctuary": ("housing", "refuge", "sanctuary", "accommodation"),
    "health": ("health services", "GP", "mental health"),
    "criminal justice": ("criminal justice", "prosecution", "court"),
    "training and workforce": ("training", "professionals", "workforce"),
    "data and information sharing": ("data", "information sharing", "dashboard"),
    "governance and partnership": ("governance", "partnership board", "strategic board"),
    "under-served groups": ("minority ethnic", "BAMER", "LGBT", "older people", "disability"),
    "recovery": ("recovery", "move on", "peer support"),
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


def build_coverage(areas: Sequence[str],
                   compare: Callable[[tuple[str, ...], Sequence[str]], Comparison],
                   relevant_hits: Callable[[tuple[str, ...], str], list[Hit]]) -> Coverage:
    """Themes x areas with evidence.

    Args:
        areas: the area keys.
        compare: (theme phrases, areas) -> comparison.
        relevant_hits: (theme phrases, area) -> that area's relevant hits of any kind.

    Returns:
        The matrix.
    """
    cells = {}
    for theme, phrases in THEMES.items():
        comparison = compare(phrases, areas)
        cells[theme] = {a: cell_from(comparison, a, relevant_hits(phrases, a)) for a in areas}
    return Coverage(themes=list(THEMES), areas=list(areas), cells=cells)
