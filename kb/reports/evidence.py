"""Whether a hit is evidence for a comparison theme."""

from __future__ import annotations

from collections.abc import Mapping

from kb.records import Hit
from kb.text import content_terms, idf_weight

SHARE_ALONE = 0.7  # of the theme's idf weight: evidence whatever its similarity
SHARE_SIMILAR = 0.4  # evidence when the hit is also similar enough
# For an area nothing else answers: a hit similar enough that holds a quarter of the theme's
# weight (the area words the theme its own way) rather than an empty row. Measured with
# `python -m eval`: check every-area-filled 0.773 -> 0.909, table recall 0.511 -> 0.543,
# precision 0.331 -> 0.325; tune areas filled 0.944 -> 0.958, gold 0.638 -> 0.652.
SHARE_LAST_RESORT = 0.25


def is_evidence(theme: str, hit: Hit, idf: Mapping[str, float], min_similarity: float,
                min_share: float = SHARE_SIMILAR) -> bool:
    """Evidence for a theme: it shares at least `min_share` of the theme's idf-weighted words
    (so "Operation Encompass" is no evidence for "Operation Shield") and is similar enough,
    unless it shares SHARE_ALONE or more, which is evidence on its own.

    Args:
        theme: the comparison theme (area names already taken out).
        hit: a candidate hit.
        idf: inverse document frequency of content terms over the corpus.
        min_similarity: the dense similarity a partly matching hit needs.
        min_share: the share of the theme a similar hit needs.
    """
    terms = {t for t in content_terms(theme) if t in idf}
    shared = terms & content_terms(f"{hit.section} {hit.text}")
    total = idf_weight(terms, idf)
    share = idf_weight(shared, idf) / total if total else 0.0
    return share >= SHARE_ALONE or (share >= min_share and hit.similarity >= min_similarity)
