"""List questions ("What are the nine outcomes?", "List the delivery strands") need the whole
list, and a list in a strategy often runs over several chunks. The best hit is where the list
starts; the chunks that follow it in the same top-level section are the rest of it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from functools import cache

from kb.text import BULLET, LEAD_IN, NUMBER_WORDS, content_terms, idf_weight
from kb.vocabulary import vocabulary

_AUXILIARIES = r"will|would|shall|should|can|could|may|might|must|do|does|did|has|have|had|is|was"
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
        # "Compare Wyvern's and Calder Vale's priorities", "Compare the aims of…"
        rf"|^\W*(compare|contrast)\s+(the\s+)?(({nouns})\s+of\b|([\w'’]+\s+){{0,4}}({nouns})\W*$)"
        # "which strategic actions", not "what will partners do"
        rf"|\b(what|which)\s+((?!(?:{_AUXILIARIES})\b)\w+\s+){{0,2}}({nouns})\b"
        rf"|\b({_COUNT})\s+(\w+\s+){{0,2}}({nouns})\b",
        re.IGNORECASE)


LIST_CHUNKS = 4  # chunks taken after the best hit
CLOSE_SCORE = 0.9  # a hit scoring this share of the best one may be the list's real start


@cache
def _list_noun() -> re.Pattern[str]:
    return re.compile(rf"\b({vocabulary().list_nouns})\b", re.IGNORECASE)


@cache
def _headed() -> re.Pattern[str]:
    return re.compile(rf"^\W*(what|which)\s+(are|were)\s+((the|its|their|[\w-]+['’]s?)\s+)?"
                      rf"([\w-]+\s+){{0,3}}?({vocabulary().list_nouns})\s+"
                      rf"(?P<of>to|of|for|in|on|under|from|against|towards|behind|within|around)\b",
                      re.IGNORECASE)


def asked_part(question: str) -> str:
    """The words that say what a question asks for: where it asks for a list and says what
    of ("What are the risks to Essex achieving its outcomes?", "What are the indicators for
    the young people outcome?"), the list it asks for, up to the preposition; else all of it."""
    headed = _headed().search(question)
    return question[:headed.start("of")] if headed else question


@cache
def _fronted() -> re.Pattern[str]:
    nouns = vocabulary().list_nouns  # … and the lists joined to it ("values and pillars")
    return re.compile(rf"^\W*(what|which)\s+((?!(?:{_AUXILIARIES}|are|were)\b)[\w-]+\s+){{0,2}}?"
                      rf"({nouns})\b"
                      rf"(\s*(,|and|or)\s+([\w-]+\s+){{0,2}}?({nouns})\b)*", re.IGNORECASE)


def fronted_part(question: str) -> str:
    """The words by which a question opens with the list it asks for ("What risks", "Which
    indicators and targets"), or ''."""
    fronted = _fronted().search(question)
    return question[:fronted.end()] if fronted else ""


def asked_nouns(question: str) -> frozenset[str]:
    """The terms of the list nouns a question asks for ("principles", "core values"; "the
    risks to … its outcomes": risks, see `asked_part`; a list the question opens with, "What
    risks could stop Essex achieving its outcomes?": risks, see `fronted_part`)."""
    asked = fronted_part(question) or asked_part(question)
    return frozenset(term for match in _list_noun().finditer(asked)
                     for term in content_terms(match.group()))


LABEL_TERMS = 2  # a label names the list asked for when it shares this many of its terms


def list_weight(label: str, nouns: AbstractSet[str], terms: AbstractSet[str],
                idf: Mapping[str, float], context: AbstractSet[str] = frozenset()) -> float:
    """How well a lead-in or heading names the list a question asks for: 0.0 unless it holds
    one of the list nouns the question names (`asked_nouns`) and either announces that list
    (`announced_nouns`: "the following principles will be followed:" names the principles
    behind a strategy, and no other list whose noun it holds) or, announcing none, holds
    more than the noun, LABEL_TERMS of the question's topic `terms` ("Priority 4" names no
    list of priorities); else the idf weight of the topic terms it holds, with its `context`
    (a chunk's section path)."""
    found = content_terms(label)
    if not found & nouns:
        return 0.0
    # "In working to improve these outcomes the following principles will be followed:"
    # announces principles: it names no list of outcomes, whatever else it holds
    announced = announced_nouns(label)
    if announced and not announced & nouns:
        return 0.0
    if len(found & terms) < LABEL_TERMS and not announced & nouns:
        return 0.0
    return idf_weight(set(terms) & (found | context), idf)


@cache
def _announcing() -> re.Pattern[str]:
    nouns = vocabulary().list_nouns
    return re.compile(rf"\bfollowing\s+(?:\w+\s+)?(?P<after>{nouns})\b"
                      rf"|\b(?P<ending>{nouns})\s*:\s*[-–]?\s*$", re.IGNORECASE)


@cache
def _counting() -> re.Pattern[str]:
    counts = "|".join([r"\d+", *NUMBER_WORDS])
    return re.compile(rf"\b(?:{counts})\s+(?:\w+\s+)?(?P<counted>{vocabulary().list_nouns})\b",
                      re.IGNORECASE)


def announced_nouns(line: str) -> set[str]:
    """The terms of the list noun a lead-in announces (`announced_noun`)."""
    return content_terms(announced_noun(line))


def announced_noun(line: str) -> str:
    """The list noun a lead-in announces, as written, where it says which: the one after "the
    following" ("… these outcomes the following principles will be followed:"), else the one
    it counts ("We have agreed four priorities with our partners:"), else the one that ends it
    ("… on five outcomes:"); '' for "… by all agencies working in partnership:"."""
    found = _announcing().search(line)
    if found and found.group("after"):
        return found.group("after")
    counted = _counting().search(line)
    if counted:
        return counted.group("counted")
    return found.group("ending") if found else ""


def announces_other(line: str, nouns: AbstractSet[str]) -> bool:
    """True when the line is a lead-in that announces a list other than the one whose `nouns`
    a question asks for (False when none is asked for)."""
    announced = announced_nouns(line) if LEAD_IN.search(line) else set()
    return bool(nouns) and bool(announced) and not announced & nouns


def announces_other_list(text: str, lead: str, nouns: AbstractSet[str]) -> bool:
    """True when a chunk's list lead-ins (its `lead`, its own lead-in lines) announce only
    lists other than the one whose `nouns` a question asks for ("In working to improve these
    outcomes the following principles will be followed:" lists principles, not outcomes).
    False when no noun is asked for or no lead-in names a list."""
    lines = [lead, *(line for line in text.splitlines() if LEAD_IN.search(line))]
    announced = [terms for line in lines if line and (terms := announced_nouns(line))]
    return bool(nouns) and bool(announced) and not any(terms & nouns for terms in announced)


def item_lines(text: str) -> int:
    """How many list items (bulleted or numbered lines) a text holds."""
    return sum(bool(BULLET.match(line)) for line in text.splitlines())


def list_labels(text: str, lead: str, heading: str) -> list[str]:
    """What announces the lists a chunk holds: its list lead-in (given apart when the list
    runs on from an earlier chunk), its own lead-in lines ("… the following principles will be
    followed:") and its heading."""
    lines = [line for line in text.splitlines() if LEAD_IN.search(line)]
    return [label for label in (lead, *lines, heading) if label]


def wants_list(question: str) -> bool:
    """True when the question asks for a list of items (aims, outcomes, strands, actions…)."""
    return bool(_list_question().search(question))


def with_list_continuation(ranked: list[int], following: list[int], scores: dict[int, float],
                           runs_on: bool = False) -> list[int]:
    """The ranking with the chunks that continue the best hit's list right after it, behind
    the hits that score nearly as well as the best one: the best hit is not always where the
    list starts, and its close rivals must not be pushed out by its continuation. `runs_on`: the
    best hit ends with the lead-in that names the list asked for (or continues it), so the
    chunks after it are that list, ahead of any rival."""
    if not ranked:
        return ranked
    top = scores[ranked[0]]
    rivals = [p for p in ranked[1:] if p not in following and scores[p] >= CLOSE_SCORE * top
              and not runs_on]
    rest = [p for p in ranked[1:] if p not in following and p not in rivals]
    return [ranked[0], *rivals, *following, *rest]
