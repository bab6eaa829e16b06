"""A hit's section siblings of the asked-for kind: a question about what an area will do on a
topic often finds the topic's background or indicators first, and the actions the document
sets out beside them, under the same topic heading, are the answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from kb.backends.chunks import StoredChunk
from kb.retrieval.headings import HeadingMatcher

SIBLING_WINDOW = 16  # chunks either side of a hit searched for its section's asked-for kind
SIBLINGS = 3  # at most this many of them, in document order


def _window(position: int) -> range:
    """The positions searched for a hit's section siblings."""
    return range(max(position - SIBLING_WINDOW, 0), position + SIBLING_WINDOW + 1)


class SectionSiblings:
    """Ranks, ahead of each of the first few hits not of the asked-for kind, its siblings that
    are."""

    def __init__(self, headings: HeadingMatcher,
                 fetch: Callable[[dict[int, StoredChunk], Sequence[int]], None], hits: int) -> None:
        """Tell topics apart with `headings`, read chunks into a position map with `fetch`, and
        promote siblings for the first `hits` hits."""
        self._headings = headings
        self._fetch = fetch
        self._hits = hits

    def promote(self, ranked: list[int], kinds: frozenset[object], allowed: np.ndarray | None,
                chunks: dict[int, StoredChunk], scores: dict[int, float],
                similarity: dict[int, float]) -> list[int]:
        """The ranking with, ahead of each of the first few hits that is not of the kind the
        question asks for, the chunks of that kind in the same section: a question about what
        an area will do on a topic finds the topic's background or indicators first, and the
        actions the document sets out beside them are the answer."""
        first = ranked[:self._hits]
        self._fetch(chunks, [p for origin in first if chunks[origin].chunk.kind not in kinds
                             for p in _window(origin)])  # one read for every window
        out: list[int] = []
        for rank, origin in enumerate(ranked):
            if rank < self._hits and chunks[origin].chunk.kind not in kinds:
                for sibling in self._near(origin, kinds, chunks):
                    if sibling not in out and (allowed is None or allowed[sibling]):
                        scores[sibling] = max(scores.get(sibling, 0.0), scores[origin])
                        similarity.setdefault(sibling, similarity.get(origin, 0.0))
                        out.append(sibling)
            if origin not in out:
                out.append(origin)
        return out

    def _near(self, position: int, kinds: frozenset[object],
              chunks: dict[int, StoredChunk]) -> list[int]:
        """Up to SIBLINGS chunks of the given kinds near a chunk, in its document and under
        the same topic heading (kb.retrieval.headings.HeadingMatcher.topic), in document order
        (from `chunks`, where `promote` has read the chunk's window)."""
        origin = chunks[position].chunk
        topic = self._headings.topic(origin.section)
        return [p for p in _window(position) if p in chunks
                and chunks[p].chunk.doc_id == origin.doc_id
                and chunks[p].chunk.kind in kinds
                and self._headings.topic(chunks[p].chunk.section) == topic][:SIBLINGS]
