"""Answers to a question about a document's own period or standing ("When does the Bucks
strategy end?", "Is Oxfordshire's strategy still in date?", "Is it still a draft?"): for each
document asked about, the line of its title page that gives its years (or, asked about its
standing, the line that says it is a draft or adopted), quoted and cited, with its status and
whether the period has ended. Which documents a question asks this of is decided by the search
(`kb.retrieval.documents.DocumentResolver.period_asked`), which ranks those lines first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from kb.answers.extractive import citation_for, is_expired
from kb.records import Answer, Citation, Hit
from kb.retrieval.years import standing_line, years_of
from kb.text import readable


def period_answer(hits: Sequence[Hit], doc_ids: Sequence[str], status: bool = False,
                  today: date | None = None, area_names: Mapping[str, str] | None = None
                  ) -> Answer | None:
    """One line per document: its title, the quoted line giving its period [n], its status
    and whether that period has ended by `today`; None when no hit gives any of the
    documents' periods (the question is then answered as any other).

    Args:
        hits: the question's hits (the search ranks each document's period line first).
        doc_ids: the documents whose period is asked about, in the order to answer them.
        status: whether it asks if they are drafts or adopted: the line that says so is quoted
            where a hit has one.
        today: the date the period is checked against (default: today).
        area_names: display names of area keys: documents of several areas are each
            answered with their area's name, unless their line already gives it.
    """
    lines: list[str] = []
    citations: list[Citation] = []
    several = len({hit.area for hit in hits if hit.doc_id in doc_ids}) > 1
    for doc_id in doc_ids:
        mine = [hit for hit in hits if hit.doc_id == doc_id]
        found = standing_line([(hit.text, hit.period) for hit in mine], status)
        if found is None:
            continue
        hit, (start, end) = mine[found[0]], found[1]
        quote = hit.text[start:end]
        n = len(citations) + 1
        citations.append(citation_for(n, hit, hit.start + start, hit.start + end, quote))
        years = years_of(hit.period)
        last = f" in {years[1]}" if years else ""
        state = (f"its period ended{last}" if is_expired(hit.period, today)
                 else f"current, to{last.removeprefix(' in')}" if last else "current")
        standing = "" if hit.status == "unknown" else f"{hit.status}; "
        said = readable(quote)  # ("## Domestic Abuse Strategy 2024 to 2028", a Word heading)
        # a title line needs no title before it; a bare period ("2015-20") does, though the
        # title ends with it
        title_line = said.lower() in hit.title.lower() and any(c.isalpha() for c in said)
        named = "" if title_line else f"{hit.title}: "
        area = (area_names or {}).get(hit.area, hit.area)
        if several and area.lower() not in f"{named}{said}".lower():
            named = f"{area}: {named}"  # "Domestic Abuse Strategy 2022-2027" of which council?
        lines.append(f"{named}{said} [{n}] ({standing}{state})")
    if not citations:
        return None
    return Answer(text="\n".join(lines), citations=citations, found=True, mode="extractive")

