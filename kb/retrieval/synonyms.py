"""Officers' everyday words for what strategies name otherwise ("abusers" for perpetrators,
"businesses" for employers): the strategy's word is added to a question that uses one of its
alternatives and not the word itself. The pairs are data (kb/vocabulary.toml, `[synonyms]`)."""

from __future__ import annotations

import re
from collections.abc import Collection

from kb.retrieval.intent import governance_words
from kb.text import content_terms
from kb.vocabulary import vocabulary


def _used(question: str) -> list[tuple[str, re.Pattern[str]]]:
    """The synonym pairs whose everyday word the question uses and whose strategy word it
    does not, in vocabulary order."""
    return [(term, pattern) for term, pattern in vocabulary().synonyms
            if pattern.search(question)
            and not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", question, re.IGNORECASE)]


def strategy_words(question: str) -> list[str]:
    """The strategy words for the everyday words a question uses, in vocabulary order (none
    for a word the question already holds)."""
    return [term for term, _ in _used(question)]


def in_strategy_words(text: str) -> list[str]:
    """The text reworded with each strategy word in place of the everyday word it stands for
    ("shelters for women" -> "refuge for women"), one rewording per pair the text uses: a
    comparison theme in an officer's words is matched against the strategies' wording."""
    return [pattern.sub(term.replace("\\", "\\\\"), text) for term, pattern in _used(text)]


def phrases_in_strategy_words(text: str, written: Collection[str] | None = None) -> str:
    """The text with each everyday phrase of several words it uses replaced by the strategy
    word it stands for ("survivors who do not speak English" -> "survivors who interpreters");
    a single word ("GPs") is left as written, unless `written` (the terms the indexed
    documents hold) lacks it ("BAME", which they write as "minority ethnic")."""
    for term, pattern in _used(text):
        def reworded(found: re.Match[str], term: str = term) -> str:
            said = found.group()
            unwritten = written is not None and any(t not in written
                                                     for t in content_terms(said))
            return term if " " in said or unwritten else said
        text = pattern.sub(reworded, text)
    return text


def asking_phrase_terms(text: str) -> set[str]:
    """The terms of the everyday phrases a text uses for the strategies' word that asks for
    governance ("in charge of", "keep an eye on": oversee): how the question asks, not what it
    is about."""
    return {found for term, pattern in _used(text) if governance_words(term)
            for match in pattern.finditer(text) for found in content_terms(match.group())}
