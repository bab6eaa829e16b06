"""Word families: an officer's word that the documents never write, where they write another
word of its family ("pharmacists" of a plan that trains "pharmacy and dental staff",
"prosecutors" of a strategy that counts "prosecutions"). The stemmer keeps such words apart
("pharmacist", "pharmaci"), so the question would look off its documents' subject.

A family is found in two steps: the English dictionary's words (pyspellchecker's list, as in
kb.retrieval.english) that begin as the word does, which the documents hold; then the
embedding model, which tells a derivation ("dentists", "dental": 0.77) from a look-alike
("refugees", "refuge": 0.58; "nurses", "nursery": 0.39). No hand-written suffix rules: English
derives words in too many ways for a list to keep up.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache

from kb.retrieval.english import dictionary
from kb.text import content_terms, shared_prefix

FAMILY_PREFIX = 4  # the letters a word shares with its family, at least …
FAMILY_SHARE = 0.6  # … and this share of the shorter word ("dent" of "dental", 4 of 6)
# How alike (cosine, the embedding model) a word and one of its family are. Measured over 50
# pairs sharing a beginning: derivations 0.70-0.94 (pharmacists / pharmacy 0.79, prosecutors /
# prosecutions 0.73, trainers / training 0.70), look-alikes 0.19-0.58 (refugees / refuge 0.58,
# volunteers / voluntary 0.57, policy / police 0.39, doctors / doctrine 0.19).
FAMILY_SIMILARITY = 0.7

Similar = Callable[[str, Sequence[str]], Sequence[float]]


@cache
def _by_beginning() -> dict[str, tuple[str, ...]]:
    """The dictionary's words of letters only, by their first FAMILY_PREFIX letters, the most
    frequent first."""
    frequency = dictionary().word_frequency
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for word in frequency.dictionary:
        if word.isalpha() and len(word) >= FAMILY_PREFIX:
            groups[word[:FAMILY_PREFIX]].append(word)
    return {start: tuple(sorted(words, key=lambda w: (-frequency[w], w)))
            for start, words in groups.items()}


def _begins_alike(word: str, other: str) -> bool:
    """Whether two words share FAMILY_PREFIX letters and FAMILY_SHARE of the shorter one."""
    return shared_prefix(word, other) >= max(FAMILY_PREFIX,
                                             FAMILY_SHARE * min(len(word), len(other)))


def held_relatives(word: str, held: Callable[[str], bool], similar: Similar) -> list[str]:
    """The words of a word's family whose terms the documents hold (`held`, by stemmed term),
    one per term (its most frequent form), that are FAMILY_SIMILARITY like it (`similar`: the
    word's similarity to each of them, one embedding run): "pharmacy" for "pharmacists" where a
    document writes "pharmacy staff". [] for a word of other characters than letters."""
    word = word.lower()
    own = content_terms(word)
    if not word.isalpha() or not own:
        return []
    forms: dict[frozenset[str], str] = {}
    for other in _by_beginning().get(word[:FAMILY_PREFIX], ()):
        terms = frozenset(content_terms(other))
        if (terms and terms != own and terms not in forms and _begins_alike(word, other)
                and all(held(term) for term in terms)):
            forms[terms] = other
    if not forms:
        return []
    candidates = list(forms.values())
    return [other for other, alike in zip(candidates, similar(word, candidates), strict=True)
            if alike >= FAMILY_SIMILARITY]
