"""Extractive answers: the sentences of the hits that answer the question, quoted verbatim.

Refusals: a question is answered only when the best passage is similar enough AND the
question's specific terms (places, years, names, the thing asked for) occur in the evidence;
on-topic but off-corpus questions share vocabulary with everything, so similarity alone
cannot separate them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from kb.answers.sentences import units
from kb.records import Answer, ChunkKind, Citation, Hit
from kb.text import content_terms

MAX_SENTENCES = 5
MAX_PER_AREA = 3


def is_expired(period: str, today: date | None = None) -> bool:
    """True when a period such as '2015-2020' ended before this year."""
    years = re.findall(r"(?:19|20)\d{2}", period)
    return bool(years) and int(years[-1]) < (today or date.today()).year


def citation_for(n: int, hit: Hit, start: int, end: int, quote: str) -> Citation:
    """A numbered citation for a quote located in the document's text."""
    return Citation(
        n=n, doc_id=hit.doc_id, area=hit.area, title=hit.title, period=hit.period,
        status=hit.status, page=hit.page, section=hit.section, quote=quote,
        chunk_id=hit.chunk_id, start=start, end=end, expired=is_expired(hit.period),
    )


def score_units(question_terms: set[str], hits: Sequence[Hit], idf: dict[str, float],
                kinds: frozenset[ChunkKind] = frozenset()
                ) -> list[tuple[float, Hit, int, int, str]]:
    """Every sentence of every hit, scored by idf-weighted overlap with the question (words of
    the headings above it count half), the hit's rank, and whether the hit is of a kind the
    question asks for."""
    scored = []
    for rank, hit in enumerate(hits):
        heading_terms = content_terms(hit.section)
        for start, end, text in units(hit.text, hit.start, hit.section.split(" > ")):
            terms = content_terms(text)
            overlap = sum(idf.get(t, 1.0) for t in question_terms & terms) + 0.5 * sum(
                idf.get(t, 1.0) for t in (question_terms & heading_terms) - terms)
            if overlap <= 0:
                continue
            length_penalty = 1.0 if len(text.split()) <= 90 else 90 / len(text.split())
            kind_weight = 1.5 if hit.kind in kinds else 1.0
            scored.append((overlap * length_penalty * kind_weight / (1 + 0.25 * rank), hit,
                           start, end, text))
    scored.sort(key=lambda item: -item[0])
    return scored


def compose(question: str, hits: Sequence[Hit], idf: dict[str, float],
            multi_area: bool, kinds: frozenset[ChunkKind] = frozenset()) -> Answer:
    """Pick the best sentences, de-duplicated, grouped by area, each with its [n].

    Args:
        question: the (resolved) question.
        hits: retrieved hits, best first.
        idf: inverse document frequency of terms over the corpus.
        multi_area: several areas asked about: take up to MAX_PER_AREA from each.
        kinds: chunk kinds the question asks for (their sentences weigh more).

    Returns:
        The extractive answer (found=True).
    """
    terms = content_terms(question)
    picked: list[tuple[float, Hit, int, int, str]] = []
    per_area: Counter[str] = Counter()
    seen: set[str] = set()
    limit = MAX_SENTENCES + (3 if multi_area else 0)
    for item in score_units(terms, hits, idf, kinds):
        _, hit, _, _, text = item
        key = " ".join(text.lower().split())[:120]
        if key in seen or (multi_area and per_area[hit.area] >= MAX_PER_AREA):
            continue
        seen.add(key)
        per_area[hit.area] += 1
        picked.append(item)
        if len(picked) >= limit:
            break
    area_order = list(dict.fromkeys(h.area for h in hits))
    picked.sort(key=lambda item: (area_order.index(item[1].area) if multi_area else 0, -item[0]))
    citations, lines = [], []
    for n, (_, hit, start, end, text) in enumerate(picked, start=1):
        citations.append(citation_for(n, hit, start, end, text))
        lines.append(f"{' '.join(text.split())} [{n}]")
    return Answer(text="\n".join(lines), citations=citations, found=bool(citations),
                  mode="extractive")


def refusal(question: str, hits: Sequence[Hit], reason: str) -> Answer:
    """The honest 'not covered' answer, with the nearest passages labelled as such."""
    nearest = [citation_for(i + 1, h, h.start, h.end, h.text) for i, h in enumerate(hits[:3])]
    return Answer(
        text=f"The indexed strategies do not cover this: {reason}.",
        citations=[], found=False, mode="extractive", nearest=nearest,
    )


def idf_table(texts: Sequence[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of each content term."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(content_terms(text))
    n = max(len(texts), 1)
    return {term: math.log(1 + n / count) for term, count in df.items()}
