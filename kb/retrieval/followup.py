"""Resolve short follow-up questions from the previous turns, without an LLM."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.retrieval.areas import AreaResolver
from kb.retrieval.intent import intended_kinds, kind_words, without_cues
from kb.retrieval.lists import wants_list
from kb.retrieval.topic import question_topic
from kb.text import ORDINAL_WORDS, content_terms, word_list_terms
from kb.vocabulary import vocabulary

_FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|and what about|same for|what of)\b|\b(that|those|this|"
    r"them|they|it)\b\s*\??\s*$|\bgo with (that|this|those|it)\b", re.IGNORECASE)
# "Which one is about perpetrators?", "Which of them covers housing?": an item of the last list
_WHICH_ONE = re.compile(r"^\s*which\s+(one|ones|of\s+(them|these|those))\b", re.IGNORECASE)
# "What will they do under the second one?": the item of the last list called by its place
_NTH_ONE = re.compile(rf"\bthe\s+({'|'.join(ORDINAL_WORDS)})\s+(one|of\s+(them|these|those))\b",
                      re.IGNORECASE)
_ABOUT = re.compile(r"^\s*(and\s+)?(what|how)\s+(about|of)\s+", re.IGNORECASE)
_THERE = re.compile(r"\b(there|then|too|as well|instead)\b", re.IGNORECASE)
# a short question that points back ("How will they be measured?", "Who leads on it?")
_POINTS_BACK = re.compile(r"\b(they|them|their|these|those|it|its|this|that)\b", re.IGNORECASE)
# … and the words that stand for the last turn's subject itself ("How does Oxfordshire use
# it?", "How does that compare…?", "Is this different…?")
_STANDS_FOR = re.compile(r"\b(they|them|these|those|it|this|that)\b", re.IGNORECASE)
POINTING_WORDS = 8  # at most this many words, to point back rather than ask anew
# "Compare them", "How do they compare?", "What's the difference?"
_COMPARE = re.compile(r"\b(compar\w*|differ\w*|contrast\w*|similar\w*)\b", re.IGNORECASE)
TURNS = 4  # the earlier questions read for the areas a comparison follow-up sets side by side


def resolve(question: str, history: Sequence[str] | None, resolver: AreaResolver) -> str:
    """Rewrite a follow-up ("and what about Essex?", "How will they be measured?", "Compare
    them") into a self-contained question.

    Args:
        question: the new turn.
        history: earlier questions, oldest first (answers are not needed).
        resolver: finds areas named in text.

    Returns:
        The question unchanged when it stands alone, else combined with the previous one (as
        that was itself resolved; without the words by which it asked for a kind of passage
        when the follow-up asks for one); a comparison follow-up names the areas of the last
        turns.
    """
    if not history or not _follows_up(question, resolver):
        return question
    return _against(question, _resolved(history[-TURNS:], resolver), resolver)


def _against(question: str, turns: Sequence[str], resolver: AreaResolver) -> str:
    """A follow-up resolved against the earlier turns (each already resolved, the last
    one its previous question); one that compares it with another area sets the areas side
    by side."""
    previous = turns[-1]
    new_areas = resolver.mentioned(question)
    pointed = _WHICH_ONE.match(question)
    subject = question_topic(previous, resolver)
    placed = _NTH_ONE.search(question)
    if (pointed or (placed and not new_areas)) and subject and wants_list(previous):
        # an item of the last list, as its areas' ("the wyvern outcomes")
        areas = new_areas or resolver.mentioned(previous)
        the_list = f"the {' and '.join(areas)} {subject}" if areas else f"the {subject}"
        if pointed:  # "What are the Essex outcomes?" -> "Which one is about perpetrators?"
            return f"Which of {the_list}{question[pointed.end():].rstrip(' ?')}?"
        if placed:  # "What are Sheffield's outcomes?" -> "What will they do under the second
            # one?": under the second of the Sheffield outcomes
            return (f"{question[:placed.start()]}the {placed.group(1)} of {the_list}"
                    f"{question[placed.end():]}")
    if _COMPARE.search(question):
        # "How does that compare with Bucks?": the last turn's areas and the one named;
        # "Compare them": the areas of the last turns
        compared = list(dict.fromkeys(
            [*resolver.mentioned(previous), *new_areas] if new_areas
            else [a for turn in turns for a in resolver.mentioned(turn)]))
        if len(compared) >= 2:
            names = " and ".join(a.replace("-", " ") for a in compared)
            return f"Compare {names}: {resolver.without_names(previous).rstrip(' ?')}?"
    if new_areas:
        # "How does Oxfordshire use it?" asks its own question, of the last turn's subject
        own = content_terms(_STANDS_FOR.sub(" ", resolver.without_names(question)))
        if subject and own and _STANDS_FOR.search(question):
            return _STANDS_FOR.sub(subject.replace("\\", "\\\\"), question, count=1)
        stripped = previous
        for area in resolver.mentioned(previous):
            stripped = resolver.remove(stripped, area)
        return f"{stripped.rstrip(' ?')} in {', '.join(new_areas)}?"
    if intended_kinds(question):  # "How will they be measured?" asks for its own kind
        previous = without_cues(previous)
    topic = _new_topic(question)
    areas = resolver.mentioned(previous)
    if topic and areas:  # "What about refuges there?": another subject, the same places
        return f"What does {' and '.join(areas)} say about {topic}?"
    return f"{question.rstrip(' ?')} — {previous}"


def _new_topic(question: str) -> str:
    """The subject a "What about …?" follow-up turns to ("refuges" in "What about refuges
    there?"), '' when it only points back ("What about them?") or asks for a kind of passage."""
    opened = _ABOUT.match(question)
    if not opened or intended_kinds(question):
        return ""
    topic = _THERE.sub(" ", question[opened.end():]).strip(" ?.")
    return topic if content_terms(topic) and not _POINTS_BACK.fullmatch(topic) else ""


def _follows_up(question: str, resolver: AreaResolver) -> bool:
    """The question refers to the previous turn: at most 12 words, it opens as a follow-up
    ("and…", "what about…"), ends pointing back ("…for them?"), compares what it points back
    to ("How does that compare with Bucks?"), or is a short question that
    names no area and points back ("How will they be measured?") or asks only for a value
    ("How many a year?", "When?": vocabulary [topic] value_words) or a kind of passage ("What
    is the target?", "Who leads?")."""
    if len(question.split()) > 12:
        return False
    short = len(question.split()) <= POINTING_WORDS and not resolver.mentioned(question)
    # "How does that compare with Bucks?": the previous turn set against another area
    compared = bool(_COMPARE.search(question) and _STANDS_FOR.search(question))
    return bool(_FOLLOW_UP.search(question) or _WHICH_ONE.match(question)
                or _NTH_ONE.search(question)) or compared or (short and (
        bool(_POINTS_BACK.search(question))
        or not content_terms(question) - word_list_terms(vocabulary().value_words)
        - kind_words(question)))


def _resolved(turns: Sequence[str], resolver: AreaResolver) -> list[str]:
    """Each earlier turn as it was resolved against the turns before it (each resolved once)."""
    out: list[str] = []
    for turn in turns:
        out.append(_against(turn, out, resolver) if out and _follows_up(turn, resolver)
                   else turn)
    return out
