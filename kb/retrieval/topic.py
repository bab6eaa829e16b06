"""What a question is about, once area names, "all areas" phrasing and question scaffolding
("How do …", "compare", "approach", "deal with") are taken out.

A comparison theme may be a phrase ("perpetrators") or a full question ("How do the three
areas deal with perpetrators?"); both must reduce to the same topic, so the relevance rule
counts the theme's words and not the question's.
"""

from __future__ import annotations

import re

from kb.retrieval.areas import AreaResolver

SCAFFOLDING = frozenset("""compare comparison compared comparing approach approaches deal deals
    dealing tackle tackles tackling handle handles address addresses addressing differ differs
    difference differences different similar similarities similarity versus vs between across
    respective respectively each every both three two four area areas county counties council
    councils partnership partnerships strategy strategies side say says said doing do does
    commit commits committed commitment commitments plan plans planning""".split())


def question_topic(text: str, resolver: AreaResolver) -> str:
    """The topic words of a question or theme (the text itself when nothing is left)."""
    topic = resolver.topic(text)
    words = [w for w in re.findall(r"[\w'’&-]+", topic)
             if w.lower().strip("'’") not in SCAFFOLDING]
    return " ".join(words) or text
