"""BM25 over the stored chunks, scored at query time from the segments' raw term frequencies.

bm25s (the library this index used to be) bakes idf and length normalisation into its stored
matrix and has no incremental add, so a new document meant rebuilding the whole index (10 s
at 200,000 chunks). Here the segments (`kb.backends.segments`) keep raw term frequencies and
row lengths; a query computes each term's document frequency over the live rows, the average
row length and the weights on the fly. The formula, parameters and float32/float64 steps are
bm25s's default ("lucene" variant, k1 = 1.5, b = 0.75):

    idf(t)    = float32(ln(1 + (N - df + 0.5) / (df + 0.5)))
    weight    = float32(idf(t) * tf / (k1 * ((1 - b) + b * len / avg_len) + tf))
    score(d)  = float32 sum of the weights of the query's tokens, in query order

where N, df and avg_len are over the visible chunks and an empty chunk counts one token (bm25s
indexes it as [""]). So scores are bit-for-bit those of a bm25s index built over the same
chunks (tests/test_segments.py checks against bm25s itself).

Texts and queries are tokenized by `kb.text.terms`, the tokenizer the idf table and every
term match use, so BM25 and the answer rules agree on what a word is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from kb.backends.segments import Segment
from kb.text import terms

# bm25s's English stopwords (bm25s.stopwords.STOPWORDS_EN; tests/test_segments.py checks the
# copy), written out: importing them imports bm25s and with it scipy.sparse, 0.1 s of every
# ingest's and every first answer's start-up, for a list of 33 words.
BM25_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
    "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
    "these", "they", "this", "to", "was", "will", "with"})
K1 = 1.5
B = 0.75


class LexicalIndex:
    """BM25 over segments whose rows are mapped to positions (rows of the snapshot)."""

    def __init__(self, parts: Sequence[tuple[Segment, np.ndarray]], size: int,
                 total_length: int) -> None:
        """Score segments, each with its local row -> position map (-1: deleted).

        Args:
            parts: the segments and their position maps.
            size: how many positions there are (the live rows).
            total_length: the live rows' token count (for the average length).
        """
        self.parts = list(parts)
        self.total_length = total_length
        self._size = size
        self._average = np.float64(total_length) / size if size else np.float64(1.0)

    def __len__(self) -> int:
        """How many rows are indexed."""
        return self._size

    def _postings(self, term: str) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(positions, tf, lengths) of the live rows containing a term, per segment."""
        found = []
        for segment, positions in self.parts:
            postings = segment.term_postings(term)
            if postings is None:
                continue
            rows, tf = postings
            where = positions[rows]
            live = where >= 0
            if live.any():
                found.append((where[live], tf[live], segment.lengths[rows[live]]))
        return found

    def scores(self, query: str) -> np.ndarray | None:
        """The BM25 score of every row for a query (None when no query term is indexed)."""
        scores = np.zeros(self._size, dtype=np.float32)
        matched = False
        for term in terms(query, BM25_STOPWORDS):
            postings = self._postings(term)
            df = sum(len(p) for p, _, _ in postings)
            if not df:
                continue
            matched = True
            idf = np.float32(math.log(1 + (self._size - df + 0.5) / (df + 0.5)))
            for positions, tf, lengths in postings:
                tfc = tf / (K1 * ((1 - B) + B * lengths / self._average) + tf)
                scores[positions] += (idf * tfc).astype(np.float32)  # each row once per term
        return scores if matched else None

    def containing(self, text: str, allowed: np.ndarray | None = None) -> np.ndarray:
        """The rows (ascending; only `allowed` ones when given) that hold every term of the
        text: where a name made of common words can be written, found from the postings
        without reading any chunk."""
        held = [np.unique(np.concatenate([p for p, _, _ in postings])) if postings
                else np.zeros(0, dtype=np.int64)
                for postings in map(self._postings, set(terms(text, BM25_STOPWORDS)))]
        if not held:
            return np.zeros(0, dtype=np.int64)
        held.sort(key=len)  # the rarest term first: the intersection stays small
        rows = held[0]
        for other in held[1:]:
            rows = np.intersect1d(rows, other, assume_unique=True)
        return rows[allowed[rows]] if allowed is not None else rows

    def holds_term(self, term: str, allowed: np.ndarray | None = None) -> bool:
        """Whether a row (an `allowed` one when given) holds the term (a stem, as
        `kb.text.terms` makes it)."""
        return any(allowed is None or allowed[positions].any()
                   for positions, _, _ in self._postings(term))

    def holds_any(self, query: str, allowed: np.ndarray | None = None) -> bool:
        """Whether a row (an `allowed` one when given) holds a word of the query that is not
        a stopword of `kb.text.terms`: a topic word, not only "what" or "how"."""
        return any(self.holds_term(term, allowed) for term in set(terms(query)))

    def search(self, query: str, k: int, allowed: np.ndarray | None = None
               ) -> list[tuple[int, float]]:
        """Rows and BM25 scores of the best k rows (only rows whose `allowed` entry is True
        when given), ties broken by row."""
        scores = self.scores(query) if self._size else None
        if scores is None:
            return []
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
