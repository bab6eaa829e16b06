"""BM25 over the stored chunks (bm25s), rebuilt at open: a few milliseconds for this corpus."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
import Stemmer

_STEMMER = Stemmer.Stemmer("english")


class LexicalIndex:
    """A bm25s index over texts addressed by position."""

    def __init__(self, texts: Sequence[str]) -> None:
        """Index the texts (English stopwords removed, Snowball-stemmed)."""
        self._size = len(texts)
        self._retriever = bm25s.BM25()
        if texts:
            tokens = bm25s.tokenize(list(texts), stopwords="en", stemmer=_STEMMER,
                                    show_progress=False)
            self._retriever.index(tokens, show_progress=False)

    def search(self, query: str, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """Positions and BM25 scores of the best k texts (only `allowed` ones when given)."""
        if self._size == 0:
            return []
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=_STEMMER, show_progress=False)
        if not tokens.vocab:
            return []
        scores = np.asarray(self._retriever.get_scores(_query_tokens(tokens)))
        order = np.argsort(-scores)
        results = []
        for position in order:
            if scores[position] <= 0:
                break
            if allowed is None or int(position) in allowed:
                results.append((int(position), float(scores[position])))
                if len(results) == k:
                    break
        return results


def _query_tokens(tokens: bm25s.tokenization.Tokenized) -> list[str]:
    inverse = {index: word for word, index in tokens.vocab.items()}
    return [inverse[i] for i in tokens.ids[0]]
