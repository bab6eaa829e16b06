"""List questions ("What are the nine outcomes?", "List the delivery strands") need the whole
list, and a list in a strategy often runs over several chunks. The best hit is where the list
starts; the chunks that follow it in the same top-level section are the rest of it.
"""

from __future__ import annotations

import re
from functools import cache

from kb.vocabulary import vocabulary

_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}"


@cache
def _list_question() -> re.Pattern[str]:
    nouns = vocabulary().list_nouns  # data: kb/vocabulary.toml, [lists]
    return re.compile(
        rf"^\W*(list|name|set out|outline|summari[sz]e|enumerate|give)\b"
        rf"|\b(you|please)\s+(list|name|set out|outline|summari[sz]e|enumerate)\b"  # "can you…"
        rf"|\b(list|enumerate)\s+(them|these|those|all|each|every)\b"
        rf"|\b(list|lists|listed|name|names|named)\s+(as|under)\b"  # "What does Essex list as impacts?"
        rf"|\b(what|which) (are|were)\b.*\b({nouns})\b"
        rf"|\b(what|which)\s+(\w+\s+){{0,2}}({nouns})\b"
        rf"|\b({_COUNT})\s+(\w+\s+){{0,2}}({nouns})\b",
        re.IGNORECASE)


LIST_CHUNKS = 4  # chunks taken after the best hit
CLOSE_SCORE = 0.9  # a hit scoring this share of the best one may be the list's real start


def wants_list(question: str) -> bool:
    """True when the question asks for a list of items (aims, outcomes, strands, actions…)."""
    return bool(_list_question().search(question))


def with_list_continuation(ranked: list[int], following: list[int], scores: dict[int, float]
                           ) -> list[int]:
    """The ranking with the chunks that continue the best hit's list right after it, behind
    the hits that score nearly as well as the best one: the best hit is not always where the
    list starts, and its close rivals must not be pushed out by its continuation."""
    if not ranked:
        return ranked
    top = scores[ranked[0]]
    rivals = [p for p in ranked[1:] if p not in following and scores[p] >= CLOSE_SCORE * top]
    rest = [p for p in ranked[1:] if p not in following and p not in rivals]
    return [ranked[0], *rivals, *following, *rest]
