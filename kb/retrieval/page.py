"""Every area on the first page: a search that names no area is still read as a comparison.

The store holds several areas' strategies, and an officer who searches "funding and
sustainability of services" without naming an area wants to see how each area treats it. A
ranking by relevance alone can fill its first page from one area whose strategy says more
on the subject, though another area has a passage just as close to the query. This moves
each missing area's best hit onto the page when it is as similar to the query as the page's
least similar hit, in place of the last hit of the area the page holds most of; the ranking
above it is kept, so the first hits stay the best ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence


def every_area_on_page(ranked: Sequence[int], similarity: Mapping[int, float],
                       area_of: Callable[[int], str], size: int) -> list[int]:
    """The ranking with each area's best hit on its first page (`size` hits), where it
    belongs there.

    Args:
        ranked: candidate positions, best first.
        similarity: each candidate's similarity to the query (what a hit reports).
        area_of: a candidate's area.
        size: how many hits make the first page.

    Returns:
        The same candidates in a new order: an area absent from the first page whose best
        candidate is at least as similar as the page's least similar hit has that candidate
        on the page, at its end; the hit it displaces (the page's last of the area the page
        holds most of, when that area has two or more) opens the second page. Areas are taken
        in the order of their best candidate's rank.
    """
    page, rest = list(ranked[:size]), list(ranked[size:])
    if len(page) < size:
        return list(ranked)
    floor = min(similarity.get(p, 0.0) for p in page)
    shown = {area_of(p) for p in page}
    best: dict[str, int] = {}
    for position in rest:
        area = area_of(position)
        if area not in shown and area not in best and similarity.get(position, 0.0) >= floor:
            best[area] = position
    for position in best.values():
        counts = Counter(area_of(p) for p in page)
        most, count = counts.most_common(1)[0]
        if count < 2:
            break
        last = max(i for i, p in enumerate(page) if area_of(p) == most)
        rest.insert(0, page.pop(last))
        page.append(position)
        rest.remove(position)
    return page + rest
