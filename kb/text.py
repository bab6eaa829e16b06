"""Small text helpers shared by answering, refusal checks and evaluation."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours tell say says said give gives list show explain describe does do anything any
    there""".split()
)
_WORD = re.compile(r"[a-z0-9][a-z0-9'&+-]*")


def stem(word: str) -> str:
    """A light stemmer: plural and common suffixes only (keeps numbers and acronyms)."""
    for suffix in ("ies", "es", "s"):
        if len(word) > 4 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def content_terms(text: str) -> set[str]:
    """Lower-cased, stemmed words of a text without stopwords or markup."""
    words = _WORD.findall(re.sub(r"<[^>]+>|\*+", " ", text.lower()))
    return {stem(w.strip("'-")) for w in words if w not in STOPWORDS and len(w) > 1}
