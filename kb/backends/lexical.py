"""BM25 over the stored chunks (bm25s), rebuilt at open: a few milliseconds for this corpus.

Texts and queries are tokenized by `kb.text.terms`, the tokenizer the idf table and every
term match use, so BM25 and the answer rules agree on what a word is.
"""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from kb.text import terms

BM25_STOPWORDS = frozenset(STOPWORDS_EN)


class LexicalIndex:
    """A bm25s index over texts addressed by position."""

    def __init__(self, texts: Sequence[str]) -> None:
        """Index the texts (English stopwords removed, Snowball-stemmed)."""
        self._size = len(texts)
        self._retriever = bm25s.BM25()
        self._vocabulary: set[str] = set()
        if texts:
            tokens = [terms(text, BM25_STOPWORDS) or [""] for text in texts]
            self._vocabulary = {t for words in tokens for t in words}
            self._retriever.index(tokens, show_progress=False)

    def search(self, query: str, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """Positions and BM25 scores of the best k texts (only `allowed` ones when given)."""
        if self._size == 0:
            return []
        query_terms = [t for t in terms(query, BM25_STOPWORDS) if t in self._vocabulary]
        if not query_terms:
            return []
        scores = np.asarray(self._retriever.get_scores(query_terms))
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

