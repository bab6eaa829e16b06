"""What a question is about, once area names, "all areas" phrasing and question scaffolding
("How do …", "compare", "approach", "deal with") are taken out.

A comparison theme may be a phrase ("perpetrators") or a full question ("How do the three
areas deal with perpetrators?"); both must reduce to the same topic, so the relevance rule
counts the theme's words and not the question's.
"""

from __future__ import annotations

import re

from kb.retrieval.areas import AreaResolver
from kb.text import STOPWORDS
from kb.vocabulary import vocabulary


def question_topic(text: str, resolver: AreaResolver) -> str:
    """The topic words of a question or theme (the text itself when nothing is left)."""
    topic = resolver.topic(text)
    words = [w for w in re.findall(r"[\w'’&-]+", topic)
             if w.lower().strip("'’") not in vocabulary().scaffolding]
    while words and words[0].lower() in STOPWORDS:  # "How … with perpetrators": what is left
        words.pop(0)                                # of the scaffolding around the topic
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words) or text


def without_preamble(question: str) -> str:
    """The question without an opening clause naming who the answer is for ("For a board
    paper: how many…" asks "how many…") or a closing one naming the paper or meeting it goes
    into ("Give me the Bucks outcomes for a board report"); the question itself when that
    would leave nothing."""
    words = vocabulary()
    rest = words.closing_audience.sub("", words.preamble.sub("", question, count=1), count=1)
    return rest if rest.strip() else question
