"""Pure metric functions (no I/O), so the regression test can pin them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from statistics import mean

import numpy as np

RESAMPLES = 2000  # bootstrap draws: the interval's ends move by about 0.002 between seeds
LEVEL = 0.95


def _words(text: str) -> list[str]:
    """Lower-case words; hyphens dropped, so "vic- tims" (a line break in the corpus file) and
    "victims" (as the loader rejoins it) are the same word."""
    return re.findall(r"[a-z0-9£%]+", re.sub(r"-\s*", "", text.lower()))


def ngrams(text: str, n: int = 5) -> set[tuple[str, ...]]:
    """Word n-grams of a text (the whole text as one gram when it is shorter than n)."""
    words = _words(text)
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def holds(chunk: str, quote: str, n: int = 5) -> bool:
    """A chunk holds a quote when it contains at least half of the quote's word n-grams."""
    quote_grams = ngrams(quote, n)
    if not quote_grams:
        return False
    if len(next(iter(quote_grams))) < n:  # short quote: all its words, in order
        return " ".join(next(iter(quote_grams))) in " ".join(_words(chunk))
    chunk_grams = ngrams(chunk, n)
    return len(quote_grams & chunk_grams) * 2 >= len(quote_grams)


def overlaps(a: str, b: str) -> bool:
    """Two quotes are the same item when either holds the other (see `holds`)."""
    return holds(a, b) or holds(b, a)


def recall_at_k(retrieved: Sequence[str], quotes: Sequence[str], k: int) -> float:
    """Share of evidence quotes held by one of the first k retrieved chunks."""
    if not quotes:
        return 0.0
    top = retrieved[:k]
    return sum(any(holds(chunk, q) for chunk in top) for q in quotes) / len(quotes)


def reciprocal_rank(retrieved: Sequence[str], quotes: Sequence[str]) -> float:
    """1 / rank of the first retrieved chunk that holds any evidence quote (0 if none)."""
    for rank, chunk in enumerate(retrieved, start=1):
        if any(holds(chunk, q) for q in quotes):
            return 1.0 / rank
    return 0.0


def area_coverage(hit_areas: Sequence[str], wanted: Sequence[str]) -> float:
    """Share of the wanted areas present among the hits' areas."""
    if not wanted:
        return 1.0
    return len(set(wanted) & set(hit_areas)) / len(set(wanted))


def mention_coverage(answer: str, must_mention: Sequence[str]) -> float:
    """Share of must-mention terms that the answer contains (case-insensitive)."""
    if not must_mention:
        return 1.0
    text = " ".join(answer.lower().split())
    return sum(" ".join(term.lower().split()) in text for term in must_mention) / len(
        must_mention)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the values; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def average(values: Sequence[float]) -> float:
    """Mean, 0 for none."""
    return mean(values) if values else 0.0


Groups = Mapping[str, Sequence[float]]  # a metric's values by question id (a question may give
#                                         several: one per quote, per citation, per table item)


def pooled(groups: Groups) -> float:
    """The metric as `python -m eval` reports it: the mean over every value of every question."""
    return average([v for values in groups.values() for v in values])


# Hand-written rather than scipy.stats.bootstrap: a question's values must be drawn together
# (a ratio of sums over the drawn questions), which scipy's resampling of separate samples
# cannot keep paired for the two independent splits.
def _draws(groups: Sequence[Sequence[float]], picks: np.ndarray) -> np.ndarray:
    """Pooled means of the metric over each row of drawn question indexes (a question's
    values stay together, since they are not independent of each other)."""
    sums = np.array([sum(values) for values in groups], dtype=float)
    counts = np.array([len(values) for values in groups], dtype=float)
    return sums[picks].sum(axis=1) / np.maximum(counts[picks].sum(axis=1), 1.0)


def _picks(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(0, n, size=(RESAMPLES, n))


def _ends(draws: np.ndarray) -> tuple[float, float]:
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(draws, [tail, 100 - tail])
    return float(low), float(high)


def gap_interval(tune: Groups, check: Groups, seed: int = 0) -> tuple[float, float]:
    """A 95% bootstrap interval of check minus tune, the questions of each split drawn with
    replacement: how far the gap between two splits of this size moves by the draw of the
    questions alone. A gap whose interval holds 0 may be chance; a gap beyond -0.05 still
    means the rule fits its examples."""
    if not tune or not check:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    return _ends(_draws(list(check.values()), _picks(rng, len(check)))
                 - _draws(list(tune.values()), _picks(rng, len(tune))))


def paired_interval(before: Groups, after: Groups, seed: int = 0) -> tuple[float, float]:
    """A 95% bootstrap interval of after minus before over the questions both runs scored,
    each question drawn with both of its runs: the question-to-question noise that a
    comparison of two unpaired means would carry cancels out."""
    shared = sorted(set(before) & set(after))
    if not shared:
        return (0.0, 0.0)
    picks = _picks(np.random.default_rng(seed), len(shared))
    return _ends(_draws([after[q] for q in shared], picks)
                 - _draws([before[q] for q in shared], picks))
