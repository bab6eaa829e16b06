"""Officers' everyday words for what strategies name otherwise ("abusers" for perpetrators,
"businesses" for employers): the strategy's word is added to a question that uses one of its
alternatives and not the word itself. The pairs are data (kb/vocabulary.toml, `[synonyms]`)."""

from __future__ import annotations

import re

from kb.vocabulary import vocabulary


def strategy_words(question: str) -> list[str]:
    """The strategy words for the everyday words a question uses, in vocabulary order (none
    for a word the question already holds)."""
    return [term for term, pattern in vocabulary().synonyms
            if pattern.search(question)
            and not re.search(rf"(?<!\w){re.escape(term)}(?!\w)", question, re.IGNORECASE)]
