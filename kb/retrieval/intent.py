"""What kind of passage a question asks for: a re-ranking signal, never a filter. The cues are
data (kb/vocabulary.toml, `[questions]`)."""

from __future__ import annotations

import re

from kb.records import ChunkKind
from kb.retrieval.lists import asked_part, fronted_part
from kb.text import content_terms, singular
from kb.vocabulary import vocabulary

# "What is the MARAC?", "What does JDATT do?": a short question about an acronym asks for its
# definition, which glossaries hold. Case-sensitive: the acronym is written in capitals.
_DEFINITION = re.compile(r"^\W*(what|who)\s+(is|are|does|do)\s+(an?\s+|the\s+)?[A-Z][A-Z&+/]{1,9}s?\b"
                         r"[^?]{0,20}\??\s*$", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Z&+/]{1,9}s?\b")


def defined_term(question: str) -> str | None:
    """The acronym a definition question asks about ("What does CAHBS stand for?")."""
    if not _DEFINITION.match(question):
        return None
    match = _ACRONYM.search(question.split(None, 2)[-1])
    return match.group().rstrip("s") if match else None


def intended_kinds(question: str) -> frozenset[ChunkKind]:
    """The chunk kinds a question favours: empty when it names none, or when its cues point
    to several kinds at once ("the delivery strands": actions or aims?), which would boost
    half the corpus on a guess. A cue that only frames the question ("What will …") counts
    when no other kind's cue is there: "What will Bucks measure…?" asks for indicators. A
    question that opens with the list it asks for asks for that list's kind ("Which
    indicators track the perpetrator outcome?": indicators, `kb.retrieval.lists.fronted_part`)."""
    if defined_term(question):
        return frozenset({ChunkKind.GLOSSARY})
    words = vocabulary()
    if words.reason_question.search(question):  # "Why … hard to measure?": no indicators
        return frozenset()
    # a question that opens with a kind it asks for asks for that kind, whatever the rest
    # names ("What actions support the young people outcome?": actions, not outcomes)
    fronted = _matched(fronted_part(question))
    if len(fronted) == 1:
        return fronted[0]
    question = asked_part(question)  # "the risks to … its outcomes" asks for no outcomes
    groups = _matched(question)
    if len(groups) > 1:
        groups = _matched(words.question_fallbacks.sub(" ", question)) or groups
    return groups[0] if len(groups) == 1 else frozenset()


def _matched(question: str) -> list[frozenset[ChunkKind]]:
    return [group for group, pattern in vocabulary().question_intents if pattern.search(question)]


def kind_words(question: str) -> set[str]:
    """The question's terms that ask for a kind of passage ("propose", "intend", "measure
    success"): those `without_cues` takes out."""
    return content_terms(question) - content_terms(without_cues(question))


def governance_words(question: str) -> set[str]:
    """The question's terms that ask for its governance ("oversee", "oversight", "board";
    vocabulary [questions] governance)."""
    return {term for kinds, pattern in vocabulary().question_intents
            if ChunkKind.GOVERNANCE in kinds
            for match in pattern.finditer(question) for term in content_terms(match.group())}


def framing_words(question: str) -> set[str]:
    """The question's terms that only frame it ("plan to", "intend to", "going to"; vocabulary
    [question_fallbacks]): what it asks is done, not what it is about."""
    return content_terms(question) - content_terms(vocabulary().question_fallbacks.sub(" ", question))


def without_cues(question: str) -> str:
    """The question without the words that ask for a kind of passage ("propose", "intend",
    "what will"): what is left says what it is about."""
    for _, pattern in vocabulary().question_intents:
        question = pattern.sub(" ", question)
    return " ".join(question.split())


def named_kinds(question: str, kinds: frozenset[ChunkKind]) -> frozenset[ChunkKind]:
    """Of the kinds a question favours, those its words name as a heading would: "What is
    Marlowe's vision?" favours aims, outcomes and visions, and names the vision, which a
    strategy may head "Our ambition"; the kinds themselves when its words name none."""
    asked = asked_part(question)
    singulars = re.sub(r"[A-Za-z]+", lambda m: singular(m.group().lower()), asked)  # "visions"
    named = frozenset(kind for kind, cue in vocabulary().heading_cues
                      if kind in kinds and (cue.search(asked) or cue.search(singulars)))
    return named or kinds
