"""Resolve short follow-up questions from the previous turn, without an LLM."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.retrieval.areas import AreaResolver

_FOLLOW_UP = re.compile(
    r"^\s*(and|what about|how about|and what about|same for|what of)\b|\b(that|those|this|"
    r"them|they|it)\b\s*\??\s*$|\bgo with (that|this|those|it)\b", re.IGNORECASE)


def resolve(question: str, history: Sequence[str] | None, resolver: AreaResolver) -> str:
    """Rewrite a follow-up ("and what about Essex?") into a self-contained question.

    Args:
        question: the new turn.
        history: earlier questions, oldest first (answers are not needed).
        resolver: finds areas named in text.

    Returns:
        The question unchanged when it stands alone, else combined with the previous one.
    """
    if not history:
        return question
    previous = history[-1]
    if len(question.split()) > 12 or not _FOLLOW_UP.search(question):
        return question
    new_areas = resolver.mentioned(question)
    if new_areas:
        stripped = previous
        for area in resolver.mentioned(previous):
            stripped = resolver.remove(stripped, area)
        return f"{stripped.rstrip(' ?')} in {', '.join(new_areas)}?"
    return f"{question.rstrip(' ?')} — {previous}"
