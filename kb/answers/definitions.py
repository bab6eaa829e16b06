"""Definition questions: the term a question asks the definition of, and the sentences that
define it ("How does Essex define domestic abuse?": "Domestic abuse is…", "The cross-government
definition of Domestic Abuse (DA) is:")."""

from __future__ import annotations

import re

from kb.retrieval.synonyms import strategy_words
from kb.text import SUPERSCRIPT_DIGITS, content_terms
from kb.vocabulary import vocabulary

TERM_WORDS = 6  # the most words a defined term runs to after its cue ("define …")


def asked_definition(question: str) -> tuple[str, set[str]] | None:
    """For a question that asks the definition of a term, the term and the terms of the words
    that ask for it; None for a question that asks none.

    The term is the words after the last of "define", "definition of", "mean by", "What
    is" (vocabulary [definitions]), at most TERM_WORDS, up to "?" or a comma. The asking
    words ("define", and the strategies' word for it, "definition") say what is asked, not
    what about, so a sentence that only announces a definition ("The following sections will
    set out the definition of…") holds no more of the question than the definition does.
    """
    # the last cue: "What is the definition of X?", "What is meant by X?"
    cues = list(vocabulary().definition_question.finditer(question))
    if not cues:
        return None
    cue = cues[-1]
    words = re.split(r"[?,;:]", question[cue.end():], maxsplit=1)[0].split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    term = " ".join(words[:TERM_WORDS])
    if not term:
        return None
    return term, content_terms(" ".join([cue.group(), *strategy_words(cue.group())]))


def definition_pattern(term: str) -> re.Pattern[str]:
    """A sentence that defines the term: it opens with it (after "The") and a defining verb
    ("Domestic abuse is…", vocabulary [definitions] defining) or a dash or colon ("MARAC -
    a meeting…", "Shared leadership: everybody…", also when a label pairs it with another:
    "Shared understanding, shared leadership: …"), or gives its definition ("The
    cross-government definition of Domestic Abuse (DA) is:"; not "… will set out the
    definition of domestic abuse, what is included…")."""
    written = _written(term)
    # (after a note's number, "⁶ Operation Encompass Is the reporting…"; a glossary's dash or
    # colon defines too: "Operation Encompass - Is the reporting to schools…")
    return re.compile(rf"^[\W{SUPERSCRIPT_DIGITS}]*(?:the\s+)?{written}(?:\s*\([^)]*\))?"
                      rf"(?:\s+(?:{vocabulary().defining})\b|(?:\s+[-–]|\s*:)\s+\S)"
                      rf"|^[\W{SUPERSCRIPT_DIGITS}]*{_PAIRED_LABEL}{written}:\s+\S"
                      rf"|\bdefinition\s+of\s+(?:the\s+)?{written}(?:\s*\([^)]*\))?\s*(?:is\b|:)",
                      re.IGNORECASE)


# a label that pairs the term with another ("Shared understanding, shared leadership: …")
_PAIRED_LABEL = r"[\w'’ -]{1,40}?(?:,|\s+and|\s+&)\s+"


def definition_heading(term: str) -> re.Pattern[str]:
    """A heading over the term's definition ("1.2 What we mean by domestic abuse",
    "Definition of stalking"; vocabulary [definitions] headings)."""
    cues = vocabulary().definition_headings
    return re.compile(rf"\b(?:{cues})\s+(?:the\s+)?{_written(term)}\W*$", re.IGNORECASE)


def _written(term: str) -> str:
    """The term as a pattern, its words apart by spaces or hyphens ("domestic-abuse")."""
    return r"[\s-]+".join(map(re.escape, term.split()))
