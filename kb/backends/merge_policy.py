"""Which lexical segments to merge at the end of an ingest run: a bounded tiered policy.

A segment's tier is the order of magnitude of its live rows (below FLOOR rows: tier 0;
FLOOR to FACTOR x FLOOR: tier 1; ...). When FACTOR segments share a tier they are merged into
one, which may fill the next tier; so there are fewer than FACTOR segments per tier (fewer
than 40 at a million chunks) and a row is rewritten about once per tier it climbs, however
many runs added it. A segment more than half of whose rows are deleted is rewritten with its
live rows, so dead rows never make up most of what a query scans.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FACTOR = 10
FLOOR = 1_000


def tier(rows: int) -> int:
    """The tier of a segment with this many live rows."""
    level, bound = 0, FLOOR
    while rows >= bound:
        level, bound = level + 1, bound * FACTOR
    return level


@dataclass(eq=False)  # compared by identity
class _Group:
    names: list[str]
    live: int
    rewrite: bool


def plan(segments: Sequence[tuple[str, int, int]]) -> list[list[str]]:
    """Groups of segment names to merge (each into one new segment), given each segment's
    (name, live rows, rows). Segments with no live row are left out: the caller drops them."""
    groups = [_Group([name], live, rows > 2 * live) for name, live, rows in segments if live]
    while True:
        tiers: dict[int, list[_Group]] = {}
        for group in groups:
            tiers.setdefault(tier(group.live), []).append(group)
        full = [members for _, members in sorted(tiers.items()) if len(members) >= FACTOR]
        if not full:
            return [g.names for g in groups if g.rewrite]
        merged = _Group([n for g in full[0] for n in g.names], sum(g.live for g in full[0]), True)
        groups = [g for g in groups if g not in full[0]] + [merged]
