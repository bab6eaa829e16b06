"""Theme coverage matrix: how strongly each area's strategies address common themes.

Each theme (data: kb/vocabulary.toml, `[themes]`) is a set of alternative phrases ("refuge",
"sanctuary", "housing"); a passage is evidence for the theme when it is evidence for any of
them. A cell is scored from the comparison of that theme: the distinct cited commitments (aims,
indicators, actions) and whether progress is measured. The scale (`SCALE`) is shown beside the
heatmap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.records import COMMITMENT_FACETS, Comparison, Coverage, CoverageCell, Facet
from kb.vocabulary import vocabulary

SCALE: dict[int, str] = {
    0: "nothing found",
    1: "mentioned (context or figures only)",
    2: "one commitment",
    3: "several commitments",
    4: "several commitments, with an indicator to measure progress",
}
MAX_EVIDENCE = 6


def cell_from(comparison: Comparison, area: str) -> CoverageCell:
    """Score one cell from the area's row of the theme's comparison (see `SCALE`)."""
    row = comparison.cells.get(area, {})
    commitments = {(c.doc_id, c.start) for f in COMMITMENT_FACETS for c in row.get(f, [])}
    evidence = [c for f in (*COMMITMENT_FACETS, Facet.CONTEXT) for c in row.get(f, [])]
    if len(commitments) >= 2:
        score = 4 if row.get(Facet.INDICATORS) else 3
    elif commitments:
        score = 2
    else:
        score = 1 if row.get(Facet.CONTEXT) else 0
    return CoverageCell(score=score, evidence=evidence[:MAX_EVIDENCE])


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
