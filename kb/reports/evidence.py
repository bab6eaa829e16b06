"""Whether a hit is evidence for a comparison theme."""

from __future__ import annotations

from collections.abc import Mapping

from kb.records import Hit
from kb.retrieval.english import common_terms
from kb.retrieval.lists import announced_noun
from kb.text import compound_parts, content_terms, is_subject_term, whole_compounds

SHARE_ALONE = 0.7  # of the theme's idf weight: evidence whatever its similarity
SHARE_SIMILAR = 0.4  # evidence when the hit is also similar enough
# For an area nothing else answers: a hit similar enough that holds a quarter of the theme's
# weight (the area words the theme its own way) rather than an empty row. Measured with
# `python -m eval`: check every-area-filled 0.773 -> 0.909, table recall 0.511 -> 0.543,
# precision 0.331 -> 0.325; tune areas filled 0.944 -> 0.958, gold 0.638 -> 0.652.
SHARE_LAST_RESORT = 0.25
# … where the words of everyday English in a theme that has another kind of word weigh this
# share of their idf: "hold perpetrators to account" had left areas whose passages on
# perpetrators hold neither "hold" nor "account" (rare in strategies, so heavy) empty
EVERYDAY_WEIGHT = 0.5


def is_evidence(theme: str, hit: Hit, idf: Mapping[str, float], min_similarity: float,
                min_share: float = SHARE_SIMILAR, everyday: float = 1.0) -> bool:
    """Evidence for a theme: it shares at least `min_share` of the theme's idf-weighted words
    (so "Operation Encompass" is no evidence for "Operation Shield"; the words of a hyphenated
    compound only together, so "community based support" shares nothing of "honour-based")
    and is similar enough, unless it shares SHARE_ALONE or more, which is evidence on its own.

    Args:
        theme: the comparison theme (area names already taken out).
        hit: a candidate hit.
        idf: inverse document frequency of content terms over the corpus.
        min_similarity: the dense similarity a partly matching hit needs.
        min_share: the share of the theme a similar hit needs.
        everyday: what a word of everyday English may weigh, as a share of its idf weight, in
            a theme that has a word that is not one ("hold … to account" around
            "perpetrators"): the hit's share is the better of that weighting and the plain one.
    """
    terms = {t for t in content_terms(theme) if t in idf}
    # (and what its list's lead-in announces its items are: "the following principles will be
    # followed:" over a chunk of principles)
    held = content_terms(f"{hit.section} {announced_noun(hit.lead)} {hit.text}")
    shared = whole_compounds(terms & held, held, compound_parts(theme))  # "honour-based"
    # a hit that shares only the corpus's subject words (`kb.text.SUBJECT_IDF`) of a theme
    # that has others ("the cost of domestic abuse") shares nothing of it
    beyond_subject = {t for t in terms if not is_subject_term(t, idf)}
    if beyond_subject and not beyond_subject & shared:
        return False
    share = _share(shared, {t: idf[t] for t in terms})
    if everyday != 1.0:  # (the English dictionary is read only then)
        share = max(share, _share(shared, theme_weights(theme, terms, idf, everyday)))
    return share >= SHARE_ALONE or (share >= min_share and hit.similarity >= min_similarity)


def _share(shared: set[str], weight: Mapping[str, float]) -> float:
    total = sum(weight.values())
    return sum(weight[t] for t in shared) / total if total else 0.0


def theme_weights(theme: str, terms: set[str], idf: Mapping[str, float], everyday: float
                  ) -> dict[str, float]:
    """Each theme term's idf weight, a word of everyday English's times `everyday` when the
    theme also has a word that is not one: "hold perpetrators to account" is about
    perpetrators, and "hold" and "account", rare in strategies, say how."""
    common = common_terms(theme)
    scale = everyday if terms - common else 1.0
    return {t: idf[t] * (scale if t in common else 1.0) for t in terms}
