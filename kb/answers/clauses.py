"""Compound questions: two questions joined by "and" ("What is MARAC and how many cases does
Oxfordshire see?"). Where the whole is refused, each is asked in turn, the second as a
follow-up of the first ("… and how often does it meet?"), and the answer gives what is found
for either, saying which part the strategies do not answer."""

from __future__ import annotations

import re
from dataclasses import replace

from kb.records import Answer, Citation

# "and" (after a comma or not) before a word that opens a question of its own
_JOINED = re.compile(r"\s*,?\s+and\s+(?=(?:how|what|who|whom|whose|when|where|why|which|is|are|"
                     r"was|were|does|do|did|will|has|have|can)\b)", re.IGNORECASE)
MIN_CLAUSE_WORDS = 2  # "and how?" asks nothing of its own
_MARKER = re.compile(r"\[(\d+)\]")


def question_clauses(question: str) -> list[str]:
    """The two questions a compound question joins, each ending in "?"; none where it joins
    none (or one of them is a word or two: "How and why?")."""
    parts = _JOINED.split(question.strip(), maxsplit=1)
    if len(parts) != 2 or any(len(part.split()) < MIN_CLAUSE_WORDS for part in parts):
        return []
    first, second = parts[0].rstrip(" ,?") + "?", parts[1].strip()
    return [first, second[:1].upper() + second[1:]]


def joined(clauses: list[str], answers: list[Answer]) -> Answer:
    """One answer to the clauses: each found answer's lines in turn, their citations numbered
    on, and for a clause the strategies do not answer, the clause and the reason."""
    lines: list[str] = []
    citations: list[Citation] = []
    unverified: list[int] = []
    notices: list[str] = []
    for clause, answer in zip(clauses, answers, strict=True):
        if not answer.found:
            lines.append(f"({clause} {answer.text})")
            continue
        shift = len(citations)
        unverified += [len(lines) + index for index in answer.unverified]
        lines += _renumbered(answer.text, shift).split("\n")
        citations += [replace(c, n=c.n + shift) for c in answer.citations]
        notices += [answer.notice] if answer.notice else []
    mode = next(a.mode for a in answers if a.found)
    return Answer(text="\n".join(lines), citations=citations, found=True, mode=mode,
                  notice=" ".join(notices), unverified=unverified)


def _renumbered(text: str, shift: int) -> str:
    """The text with each [n] marker moved on by `shift`."""
    return _MARKER.sub(lambda found: f"[{int(found.group(1)) + shift}]", text)
