"""Whether a hit is evidence for a comparison theme."""

from __future__ import annotations

from collections.abc import Mapping

from kb.records import Hit
from kb.text import content_terms


def is_evidence(theme: str, hit: Hit, idf: Mapping[str, float], min_similarity: float) -> bool:
    """Evidence for a theme: it shares at least 40% of the theme's idf-weighted words (so
    "Operation Encompass" is no evidence for "Operation Shield") and is similar enough,
    unless it shares 70% or more, which is evidence on its own.

    Args:
        theme: the comparison theme (area names already taken out).
        hit: a candidate hit.
        idf: inverse document frequency of content terms over the corpus.
        min_similarity: the dense similarity a partly matching hit needs.
    """
    terms = {t for t in content_terms(theme) if t in idf}
    shared = terms & content_terms(f"{hit.section} {hit.text}")
    total = sum(idf[t] for t in terms)
    share = sum(idf[t] for t in shared) / total if total else 0.0
    return share >= 0.7 or (share >= 0.4 and hit.similarity >= min_similarity)
