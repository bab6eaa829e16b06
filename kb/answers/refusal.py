"""When the hits do not answer a question: a similarity floor and the question's specific terms."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from kb.records import Hit
from kb.retrieval.areas import AreaResolver

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_NAME = re.compile(r"[A-Z][A-Za-z-]{2,}")


def uncovered_reason(question: str, hits: Sequence[Hit], min_relevance: float,
                     resolver: AreaResolver, acronyms: Collection[str]) -> str:
    """Why the hits do not answer the question ('' when they do).

    Two checks: the best passage's similarity reaches `min_relevance`, and the question's
    specific terms (years, names) occur in the evidence.

    Args:
        question: the resolved question.
        hits: the retrieved hits.
        min_relevance: the similarity floor.
        resolver: finds area names (which are not specific terms).
        acronyms: acronyms the glossary knows (not specific terms either).
    """
    if not hits:
        return "nothing is indexed that matches"
    best = max(h.similarity for h in hits)
    if best < min_relevance:
        return f"no passage is similar enough (best {best:.2f})"
    evidence = " ".join(f"{h.title} {h.section} {h.text}" for h in hits).lower()
    missing = [t for t in specific_terms(question, resolver, acronyms)
               if t.lower() not in evidence]
    if missing:
        return "the strategies do not mention " + ", ".join(f"'{t}'" for t in missing)
    return ""


def specific_terms(question: str, resolver: AreaResolver, acronyms: Collection[str]
                   ) -> list[str]:
    """Years and names in the question: runs of capitalised words (with a year that follows
    them, as in "Domestic Abuse Act 2021"), not the first word, not area names, not acronyms
    the glossary knows. An answer must contain each of them."""
    text = question
    for key in resolver.mentioned(question):
        text = resolver.remove(text, key)
    words = [w.strip("?.,;:!()'\"").removesuffix("'s").removesuffix("’s")
             for w in text.split()[1:]]
    phrases: list[list[str]] = [[]]
    for word in words:
        named = bool(_NAME.fullmatch(word)) and word not in acronyms
        if named or (_YEAR.fullmatch(word) and phrases[-1]):
            phrases[-1].append(word)
        else:
            phrases.append([])
            if _YEAR.fullmatch(word):
                phrases[-1].append(word)
                phrases.append([])
    return sorted({" ".join(p) for p in phrases if p})
