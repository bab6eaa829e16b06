"""Councils a question names in lower case ("what does kent do about stalking"): the UK's
local authorities, from ISO 3166-2:GB as pycountry ships it. A capitalised name is already a
name the evidence must hold (kb.answers.refusal.specific_terms); typed in lower case it is
only recognisable against a list of places."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

import pycountry

from kb.retrieval.areas import name_pattern
from kb.text import stem


@cache
def council_names() -> tuple[str, ...]:
    """The UK's local authorities as officers write them ("Bristol", not "Bristol, City of";
    "Caerphilly", not "Caerphilly [Caerffili GB-CAF]"), longest first."""
    names = set()
    for place in pycountry.subdivisions.get(country_code="GB") or ():
        name = re.sub(r"\s*\[.*?\]", "", place.name)
        names.add(re.sub(r",\s*(?:City|County) of$", "", name).strip())
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _lower_case_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(name_pattern(n.lower()) for n in council_names()) + r")\b")


def lower_case_councils(text: str, document_words: Collection[str]) -> list[str]:
    """The council names the text writes in lower case ("how many idvas does surrey have"),
    except a one-word name that is also a word of the indexed documents."""
    found = []
    for match in _lower_case_pattern().finditer(text):
        name = match.group()
        if " " in name or "-" in name or stem(name) not in document_words:
            found.append(name)
    return found


@cache
def _names() -> frozenset[str]:
    return frozenset(name.lower() for name in council_names())


def is_place(name: str) -> bool:
    """True when a capitalised name is a UK council, city or nation, or ends with one
    ("Kent", "Wales", "Greater Manchester", "North Wales")."""
    words = name.lower().split()
    return any(" ".join(words[i:]) in _names() for i in range(len(words)))
