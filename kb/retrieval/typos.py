"""Misspelt words in a question ("what does oxfordshire do about perpetraters"): a word the
indexed documents do not hold and English does not know is read as the most frequent English
word one edit away that the documents hold (a letter added, dropped, changed or two swapped:
pyspellchecker's frequency dictionary; of equally frequent words, the first alphabetically),
past its first letter: a typo seldom changes a word's first letter, and a word English has
but the dictionary lacks does ("vaping" is no misspelt "raping").
Without this, a typo in the one word that carries the topic shares nothing with any passage,
and the question is refused.

A contraction typed without its apostrophe ("whats", "doesnt") is read with it.

A capitalised word is a name, which the evidence must hold as written: it is corrected
only to a word of an indexed area's name one edit away ("Oxforshire", "Hackny": officers
misspell councils, and a misspelt council is read as no indexed area, so the question is
refused), where it has at least PLACE_LETTERS letters and neither the documents nor English
hold it; else to the one word the documents write one edit away with its first letter
("Claire's Law": Clare's Law, "Mirabal": Mirabel, "Encompas"), unless it is a UK place
(another council asked about by name). Never corrected: acronyms, councils typed in lower
case, words with digits, and words of under five letters.
One edit, not two: two edits cost 0.4-2 s a word that has no near neighbour (1 ms at one),
and the typos officers make ("sanctuery", "coersive", "safegaurding") are one edit away. At
most CHECKED unknown words are looked up, so a pasted paragraph of noise stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from spellchecker import SpellChecker

from kb.retrieval.english import dictionary
from kb.retrieval.places import is_place, lower_case_councils
from kb.text import stem

MIN_LETTERS = 5  # shorter words have too many neighbours
PLACE_LETTERS = 6  # … and a misspelt place name is read as an area's only from this length
CHECKED = 10  # unknown words looked up in one text
_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# A contraction typed without its apostrophe ("whats the vision", "doesnt"): the words it
# contracts are no topic
_CONTRACTION = re.compile(r"(?<![\w'’-])(?:(what|that|there|who|how|where|when|why|here)(s)"
                          r"|(do|does|did|is|are|was|were|has|have|had|could|would|should)"
                          r"(nt))(?![\w'’-])", re.IGNORECASE)


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?=['’]s\b|(?![\w'’-]))")


def corrected(text: str, known: Collection[str], places: Collection[str] = ()
              ) -> tuple[str, list[tuple[str, str]]]:
    """The text with its misspelt words corrected, and the (typed, read as) pairs.

    Args:
        text: the officer's words.
        known: the stems of the indexed documents' words (their idf table).
        places: the (lower-case) words the indexed areas are named by.
    """
    fixes: list[tuple[str, str]] = []

    def apostrophe(match: re.Match[str]) -> str:
        word, ending = match.group(1) or match.group(3), match.group(2) or match.group(4)
        read = f"{word}'{ending}" if ending.lower() == "s" else f"{word}n't"
        fixes.append((match.group(), read))
        return read

    text = _CONTRACTION.sub(apostrophe, text)
    councils = {word for name in lower_case_councils(text, known) for word in name.split()}
    checked = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal checked
        word = match.group()
        if (len(word) < MIN_LETTERS or word in councils or stem(word) in known
                or checked >= CHECKED):
            return word
        checked += 1
        checker = dictionary()
        if checker.known([word]):
            return word  # an English word the documents do not use: a synonym's business
        # the most frequent of the neighbours the documents hold, the first in alphabetical
        # order of equally frequent ones ("scrutinies", "scrutinizes"): pyspellchecker's own
        # correction takes whichever of a set comes first, which follows PYTHONHASHSEED
        held = sorted(c for c in checker.candidates(word) or ()
                      if c[:1] == word[:1] and stem(c) in known)
        if not held:
            return word
        better = max(held, key=checker.word_usage_frequency)
        fixes.append((word, better))
        return better

    def name(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        if len(word) < PLACE_LETTERS or lower in places or stem(lower) in known:
            return word
        named = sorted(_places(frozenset(places)).candidates(lower) or ()) if places else []
        if len(named) == 1 and named[0] != lower and not dictionary().known([lower]):
            read = named[0].capitalize()
        else:
            read = _written_name(match, known)
        if read != word:
            fixes.append((word, read))
        return read

    text = _CAPITALISED.sub(name, text)
    return _WORD.sub(fix, text), fixes


def _written_name(match: re.Match[str], known: Collection[str]) -> str:
    """The capitalised word as the one word of at least MIN_LETTERS letters the indexed
    documents write one edit away with its first letter ("Claire's Law": Clare's Law,
    "Mirabal": Mirabel), where it is no UK place (another council, asked about by name) and
    does not open the text as a word English knows (where any word is capitalised); else the
    word as typed. Within the text English may know it ("Claire"): a name is misspelt as
    another name."""
    word = match.group()
    lower = word.lower()
    opening = not match.string[:match.start()].strip()
    if (opening and dictionary().known([lower])) or is_place(word):
        return word
    written = [c for c in dictionary().edit_distance_1(lower)
               if c[:1] == lower[:1] and len(c) >= MIN_LETTERS and c in known]
    return written[0].capitalize() if len(written) == 1 else word


@lru_cache(maxsize=4)
def _places(words: frozenset[str]) -> SpellChecker:
    """A dictionary of the words areas are named by, one edit away."""
    checker = SpellChecker(language=None, distance=1)
    checker.word_frequency.load_words(sorted(words))
    return checker
