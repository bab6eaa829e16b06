"""LLM answers: build the prompt from hits, then check every sentence against its passage."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kb.answers.extractive import citation_for
from kb.answers.prompts import SYSTEM, USER, format_passages
from kb.backends.llm import LLM
from kb.records import Answer, Citation, Hit
from kb.reports.compare import best_quote
from kb.text import HTML_TAG, SENTENCE_END, content_terms

_MARKER = re.compile(r"\[(\d{1,2})\]")
LEXICAL_SUPPORT = 0.5
EMBEDDING_SUPPORT = 0.6


def supported(sentence: str, passage: str,
              similarity: Callable[[str, str], float] | None) -> bool:
    """A sentence is supported when most of its content words are in the passage, or when its
    embedding is close to the passage's."""
    terms = content_terms(_MARKER.sub("", sentence))
    if not terms:
        return True
    if len(terms & content_terms(passage)) / len(terms) >= LEXICAL_SUPPORT:
        return True
    return similarity is not None and similarity(sentence, passage) >= EMBEDDING_SUPPORT


def llm_answer(question: str, hits: Sequence[Hit], llm: LLM, idf: dict[str, float],
               similarity: Callable[[str, str], float] | None) -> Answer:
    """Ask the LLM, then verify: unsupported or uncited sentences are listed in `unverified`.

    Raises:
        LLMError: the model failed (the caller falls back to the extractive answer).
    """
    passages = [(n, f"{h.title}, {h.section}", h.text) for n, h in enumerate(hits, start=1)]
    reply = llm.generate(SYSTEM, USER.format(question=question,
                                             passages=format_passages(passages)))
    text = " ".join(HTML_TAG.sub("", reply).split())
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    cited: dict[int, Citation] = {}
    unverified: list[int] = []
    lines = []
    for index, sentence in enumerate(sentences):
        numbers = [int(n) for n in _MARKER.findall(sentence)]
        valid = [n for n in numbers if 1 <= n <= len(hits)]
        ok = bool(valid) and len(valid) == len(numbers) and all(
            supported(sentence, hits[n - 1].text, similarity) for n in valid)
        for n in valid:
            if n not in cited:
                hit = hits[n - 1]
                start, end, quote = best_quote(hit, content_terms(sentence), idf) or (
                    hit.start, hit.end, hit.text)
                cited[n] = citation_for(n, hit, start, end, quote)
        if not ok:
            unverified.append(index)
        lines.append(_MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in cited else "",
                                 sentence).strip())
    return Answer(text="\n".join(lines), citations=[cited[n] for n in sorted(cited)],
                  found=bool(cited), mode=f"llm:{llm.name}", unverified=unverified)
