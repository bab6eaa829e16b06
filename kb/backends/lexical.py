"""BM25 over the stored chunks (bm25s), built from the chunk table's tokens after each ingest
run, saved beside the store and opened memory-mapped (`LexicalIndex.load`).

Texts and queries are tokenized by `kb.text.terms`, the tokenizer the idf table and every
term match use, so BM25 and the answer rules agree on what a word is. The chunk table keeps
each chunk's tokens, so a rebuild never re-tokenizes the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from kb.text import terms

BM25_STOPWORDS = frozenset(STOPWORDS_EN)


class LexicalIndex:
    """A bm25s index over token lists addressed by position (row)."""

    def __init__(self, tokens: Sequence[list[str]], retriever: bm25s.BM25 | None = None,
                 size: int | None = None) -> None:
        """Index token lists (one per row); `LexicalIndex.load` passes a loaded retriever."""
        self._size = len(tokens) if size is None else size
        if retriever is None:
            retriever = bm25s.BM25()
            if tokens:
                retriever.index([t or [""] for t in tokens], show_progress=False)
        self._retriever = retriever
        self._vocabulary: dict[str, int] = getattr(retriever, "vocab_dict", None) or {}

    @classmethod
    def from_texts(cls, texts: Sequence[str]) -> LexicalIndex:
        """Index texts (English stopwords removed, Snowball-stemmed)."""
        return cls([terms(text, BM25_STOPWORDS) for text in texts])

    def save(self, folder: Path) -> None:
        """Write the index's arrays and vocabulary into a folder."""
        if self._size:
            self._retriever.save(str(folder), show_progress=False)
        folder.mkdir(parents=True, exist_ok=True)

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        """Open a saved index, its arrays memory-mapped (read only)."""
        if size == 0:
            return cls([])
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        retriever = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        return cls([], retriever, size)

    def __len__(self) -> int:
        """How many rows are indexed."""
        return self._size

    def search(self, query: str, k: int, allowed: np.ndarray | None = None
               ) -> list[tuple[int, float]]:
        """Rows and BM25 scores of the best k rows (only rows whose `allowed` entry is True
        when given), ties broken by row."""
        if self._size == 0:
            return []
        query_terms = [t for t in terms(query, BM25_STOPWORDS) if t in self._vocabulary]
        if not query_terms:
            return []
        scores = np.asarray(self._retriever.get_scores(query_terms))
        keep = scores > 0
        if allowed is not None:
            keep &= allowed
        rows = np.flatnonzero(keep)
        values = scores[rows]
        if len(rows) > k:  # the k-th best score, then every row at least as good (ties kept)
            threshold = np.partition(values, len(values) - k)[len(values) - k]
            rows, values = rows[values >= threshold], values[values >= threshold]
        order = np.lexsort((rows, -values))[:k]
        return [(int(rows[i]), float(values[i])) for i in order]
