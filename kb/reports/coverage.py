"""Theme coverage matrix: how strongly each area's strategies address common themes.

Each theme (data: kb/vocabulary.toml, `[themes]`) is a set of alternative phrases ("refuge",
"sanctuary", "housing"); a passage is evidence for the theme when it is evidence for any of
them. A cell is scored from the comparison of that theme: how many distinct commitments (aims,
indicators, actions) the area's strategies make on it, all those found and not only the few
the comparison shows, and whether they say what they want, what they will do and how they
will measure it. The scale (`SCALE`) is shown beside the heatmap, and each cell's count of
commitments in its tooltip.

Counting commitments, rather than asking whether two were found, is what spreads the matrix:
on the bundled corpus the earlier rule (two commitments, one an indicator) scored 24 of the 36
cells 4, 10 cells 3 and 2 cells below; this one scores 15 cells 4, 12 cells 3, 7 cells 2 and 2
cells 1 (a glossary-only mention scores 1), and the counts behind them run from 0 to 18.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.records import COMMITMENT_FACETS, Comparison, Coverage, CoverageCell, Facet
from kb.vocabulary import vocabulary

SEVERAL = 4  # commitments
SCALE: dict[int, str] = {
    0: "nothing found",
    1: "mentioned only (context or figures, no commitment)",
    2: f"1 to {SEVERAL - 1} commitments",
    3: f"{SEVERAL} or more commitments, in one or two of aims, indicators and actions",
    4: f"{SEVERAL} or more commitments, with aims, indicators and actions",
}
MAX_EVIDENCE = 6


def cell_from(comparison: Comparison, area: str) -> CoverageCell:
    """Score one cell from the area's row of the theme's comparison (see `SCALE`)."""
    row = comparison.cells.get(area, {})
    found = comparison.found.get(area) or {f: len(row.get(f, [])) for f in Facet}
    commitments = sum(found.get(f, 0) for f in COMMITMENT_FACETS)
    evidence = [c for f in (*COMMITMENT_FACETS, Facet.CONTEXT) for c in row.get(f, [])]
    if commitments >= SEVERAL:
        score = 4 if all(found.get(f, 0) for f in COMMITMENT_FACETS) else 3
    elif commitments:
        score = 2
    else:
        score = 1 if found.get(Facet.CONTEXT) else 0
    return CoverageCell(score=score, evidence=evidence[:MAX_EVIDENCE], commitments=commitments)


def build_coverage(areas: Sequence[str],
                   compare: Callable[[tuple[str, ...], Sequence[str]], Comparison]) -> Coverage:
    """Themes x areas with evidence.

    Args:
        areas: the area keys.
        compare: (theme phrases, areas) -> the comparison of that theme.

    Returns:
        The matrix.
    """
    themes = vocabulary().themes
    cells = {}
    for theme, phrases in themes.items():
        comparison = compare(phrases, areas)
        cells[theme] = {a: cell_from(comparison, a) for a in areas}
    return Coverage(themes=list(themes), areas=list(areas), cells=cells)
