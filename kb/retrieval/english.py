"""Everyday English, from pyspellchecker's word frequency list: what a word the indexed
documents do not use may be misspelt for (kb.retrieval.typos), and whether such a word is so
common that it says nothing about a question's subject (kb.answers.refusal); and, from
lemminflect's dictionary of English word forms, whether a word can name a thing at all."""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas
from spellchecker import SpellChecker

from kb.text import content_terms

# A word used this often per million words of English ("let", "past", "hope") is no sign of
# another subject when the strategies do not use it; the off-topic words of the eval set
# ("potholes" 0.4, "parking" 34, "fly-tipping" 78 and 2.1, "tax" 19.5) are all rarer.
COMMON_PER_MILLION = 100.0


@cache
def dictionary() -> SpellChecker:
    """The English dictionary, loaded once (about 0.2 s) on first use."""
    return SpellChecker(distance=1)


def is_common(word: str) -> bool:
    """Whether a (lower-case) word is among the most frequent words of English."""
    frequency = dictionary().word_frequency
    return frequency[word] * 1_000_000 >= COMMON_PER_MILLION * frequency.total_words


def common_terms(text: str) -> set[str]:
    """The (stemmed) terms of a text's words that are among the most frequent of English."""
    return {term for word in re.findall(r"[a-z]+", text.lower()) if is_common(word)
            for term in content_terms(word)}


# the parts of speech that only say what is done or how, never name a thing
_NAMING_NOTHING = frozenset({"VERB", "AUX", "ADV"})


def names_nothing(word: str) -> bool:
    """Whether English uses the word only to say what is done or how, never to name a thing:
    every reading lemminflect's dictionary gives it is a verb or an adverb ("bounced",
    "suddenly"). An -ing form also names an activity ("parking"), and a word the dictionary
    does not know may name anything."""
    readings = getAllLemmas(word.lower())
    return (bool(readings) and readings.keys() <= _NAMING_NOTHING
            and not word.lower().endswith("ing"))


def is_plural_noun(word: str) -> bool:
    """Whether lemminflect's dictionary reads the word as the plural of a noun ("pilots",
    "women"; not "reported", nor "young")."""
    nouns = getAllLemmas(word.lower()).get("NOUN", ())
    return bool(nouns) and word.lower() not in nouns
