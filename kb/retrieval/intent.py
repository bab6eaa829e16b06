"""What kind of passage a question asks for: a re-ranking signal, never a filter."""

from __future__ import annotations

import re

from kb.records import ChunkKind

_INTENTS: tuple[tuple[frozenset[ChunkKind], re.Pattern[str]], ...] = tuple(
    (frozenset(kinds), re.compile(pattern, re.IGNORECASE))
    for kinds, pattern in (
        ({ChunkKind.INDICATOR}, r"\b(measur\w*|indicators?|baselines?|targets?|track\w*|"
                                r"monitor\w*|kpis?|metrics?|ambitions?|progress|success)\b"),
        ({ChunkKind.ACTION}, r"\b(actions?|plans?|planned|commit\w*|deliver\w*|steps|"
                             r"will \w+ (do|take|put)|what will|going to|intend\w*|leads?)\b"),
        ({ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION},
         r"\b(aims?|priorit\w*|outcomes?|vision|goals?|objectives?|strands?|"
         r"want to achieve|purpose)\b"),
        ({ChunkKind.STATISTIC}, r"\b(how many|number of|figures?|statistics?|per ?cent\w*|"
                                r"cost\w*|how much|prevalence|rates?|data)\b|%"),
        ({ChunkKind.GLOSSARY}, r"\b(stand for|stands for|acronym|abbreviation|meaning of)\b"),
        ({ChunkKind.GOVERNANCE}, r"\b(governance|accountab\w*|oversee\w*|oversight|board)\b"),
    )
)


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
    half the corpus on a guess."""
    if defined_term(question):
        return frozenset({ChunkKind.GLOSSARY})
    groups = [group for group, pattern in _INTENTS if pattern.search(question)]
    return groups[0] if len(groups) == 1 else frozenset()
