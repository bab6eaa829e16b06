"""Extractive answers: the sentences of the hits that answer the question, quoted verbatim,
each with its citation; grouped under each area's name for a question about several.

A list question's answer is the whole list (`kb.answers.lists`); whether the hits answer at
all is decided before, by `kb.answers.refusal`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from itertools import takewhile
from typing import TypeVar

from kb.answers.about import topic_terms
from kb.answers.answer_type import (
    AnswerType,
    asked_roles,
    counted_terms,
    dated_in,
    expected_type,
    frequency_terms,
    gives_value,
)
from kb.answers.asked_headings import asking_heading
from kb.answers.definitions import asked_definition, definition_heading, definition_pattern
from kb.answers.lists import (
    MAX_LIST_ITEMS,
    called_item,
    is_title,
    list_units,
    named_title,
    rows_asked,
)
from kb.answers.sentences import table_header, units
from kb.answers.table_columns import column_units
from kb.records import Answer, ChunkKind, Citation, Hit
from kb.retrieval.intent import framing_words, kind_words
from kb.retrieval.lists import asked_nouns
from kb.retrieval.topic import alternatives, without_relating
from kb.retrieval.years import year_spans, years_of
from kb.text import (
    BULLET,
    LEAD_IN,
    IdfTable,
    compound_parts,
    content_terms,
    idf_weight,
    is_subject_term,
    labelled_row,
    prose_terms,
    quote_words,
    rarest,
    readable,
    shared_weight,
    whole_compounds,
    word_forms,
    word_list_terms,
)
from kb.vocabulary import vocabulary

MAX_SENTENCES = 5
MAX_PER_AREA = 3
# A sentence of the n-th hit (from 0) weighs 1 / (1 + RANK_DECAY * n) of the same sentence in
# the first: python -m eval, must-mention tune / check 0.866 / 0.770 at 0.25, 0.871 / 0.792 at
# 0.5 (tune 0.853 at 0.1, 0.864 at 0.75, 0.848 at 1.0)
RANK_DECAY = 0.5
# A lead-in quoted without its items (they are in the next chunk: "Our shared vision is that …
# five outcomes:") weighs half a sentence that states something: it may be the answer (a vision)
# but should not take a figure's place (q432: at 1.0 it displaced "33% increase…"; at 0.25 the
# vision lost to the items of a neighbouring list).
LEAD_IN_WEIGHT = 0.5
# A sentence that asks a question ("How will we deliver the strategy?", a slide's "What are we
# worried about?") weighs this much of one that answers (python -m eval identical at 0.5 and 1.0
# on both splits; a probe, "How is the Bucks strategy going to be monitored?", led with
# "How will we deliver the strategy?" at 1.0)
QUESTION_WEIGHT = 0.5
# A sentence that shares only the corpus's subject words (`kb.text.SUBJECT_IDF`: "domestic",
# "abuse") with a question that has others weighs this much: "What is X doing for children who
# have lived with domestic abuse?" had led with "Use Domestic Abuse Protection Orders…" above
# "Fund a children's recovery worker…" (python -m eval: tune answer precision +2 questions,
# check unchanged, new councils' answer precision +1; at 0 tune answer precision -6 questions)
SUBJECT_ONLY_WEIGHT = 0.5
# A sentence is quoted only when it is at least this relevant as the best one (its hit's rank
# aside; in an answer grouped by area, as its area's best): filler past the answer's few good
# sentences is left out. python -m eval, tune: answer precision (quotes that are marked evidence)
# 0.169 -> 0.175 (33 questions up, none down), must-mention 0.878 -> 0.880 (q308: room for a
# good sentence); 0.3 lost two questions' must-mention terms, 0.4 seven; a floor on the
# rank-decayed score cut a comparison's lower-ranked evidence (q042) from 0.2 up
ANSWER_FLOOR = 0.25
# A sentence that gives the kind of value the question asks for (kb.answers.answer_type)
# weighs this much more than one that does not. python -m eval, tune answer precision 0.180 ->
# 0.182 at 1.5 (14 questions up), 0.183 at 2, 0.184 at 3 (24 up, none down), 0.185 at 4 (25);
# check at 3: must-mention 0.786 -> 0.818, answer precision 0.192 -> 0.203, evidence quoted
# 0.578 -> 0.595
VALUE_WEIGHT = 3.0


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
                kinds: frozenset[ChunkKind] = frozenset(),
                parts: Mapping[str, Sequence[tuple[int, int, float]]] | None = None,
                similarity_weight: float = 0.0, value: AnswerType | None = None,
                question_forms: Mapping[str, set[str]] | None = None,
                kind_terms: AbstractSet[str] = frozenset(),
                defines: re.Pattern[str] | None = None, often: bool = False,
                compounds: Sequence[frozenset[str]] = (),
                defined_under: re.Pattern[str] | None = None,
                years: Sequence[tuple[int, int]] = (), counted: AbstractSet[str] = frozenset(),
                answered_under: Callable[[str], bool] | None = None
                ) -> list[tuple[float, Hit, int, int, str]]:
    """Every sentence of every hit, scored by idf-weighted overlap with the question (a word
    that shares only its stem with the question's word counts less, "employment" for
    "employers", given the question's `question_forms`: `kb.text.shared_weight`; words of
    the headings above it count half), the hit's rank (RANK_DECAY), whether the hit is of
    a kind the question asks for, and whether it gives the `value` the question asks for (a
    name for "Who wrote…?", a number for "How many…?", a frequency for "How often…?" when
    `often`: VALUE_WEIGHT; for a question that asks for the value in some `years`, one
    dated in one of them, `_dated`; for a count, one beside what it `counted`: not the "1."
    of a numbered list for "How many women…?"), or, for a definition
    question, whether it `defines` the term ("Domestic abuse is…": VALUE_WEIGHT too) or
    stands under a heading `defined_under` ("What we mean by domestic abuse"), or, for any
    question, under a heading that asks it (`answered_under`, see
    `kb.answers.asked_headings`: "Why partnership?" over the reasons). A sentence
    that shares only the corpus's subject words with a question that has others weighs
    SUBJECT_ONLY_WEIGHT. The
    words of one of the question's hyphenated `compounds` count only together, in the
    sentence or its headings, but for its rarest word ("honour-based": not the "based" of
    "media based resources", but the "honour" of "izzat (honour)").

    A sentence that shares no word with the question, nor with its headings, is scored by its
    similarity to the question times `similarity_weight` instead (0: left out), or times the
    question's word weight where that is less (so it never outranks a sentence that holds the
    question's one word), and never above a sentence, of any hit, that holds the question's
    rarest word ("male" of "What will X do for male victims?"): the answer to a paraphrase may
    share none of its words ("How often does someone call the police?" - "an average of 1
    report every 45 minutes"). Its
    similarity is its best part's (`parts`:
    by chunk id, the document spans of the hit's units and their similarity to the question,
    see `HybridRetriever.part_similarities`). Nothing is quoted when no sentence shares a word,
    unless the question's words only ask for a kind of passage (`kind_terms`: "How will X
    measure success?") and a hit is of that kind: its performance framework answers, in
    whatever words it is written.
    """
    scored: list[tuple[float, Hit, int, int, str]] = []
    matched = False
    question_total = idf_weight(question_terms, idf)  # a sentence holding all of them
    paraphrases: set[int] = set()  # (their indexes in `scored`)
    held: dict[int, set[str]] = {}  # the question's terms each other sentence holds
    signature = vocabulary().signature
    beyond_subject = {t for t in question_terms if not is_subject_term(t, idf)}
    roles = asked_roles(question_terms, value)  # (as `answer_type.missing_value` reads it)
    for rank, hit in enumerate(hits):
        section_terms = content_terms(hit.section)
        path = hit.section.split(" > ")
        # the sentences under a definition's heading define the term, whatever they open with
        defining = bool(defined_under and defined_under.search(path[-1]))
        asked_under = bool(answered_under and answered_under(path[-1]))
        spans = parts.get(hit.chunk_id, ()) if parts and similarity_weight else ()
        found = list(units(hit.text, hit.start, path, title=hit.title))
        named = named_title(found, path[-1], question_terms, idf)
        for index, (start, end, text) in enumerate(found):
            heading = False  # a heading inside the passage ("1.2 What we mean by …")
            if (defined_under is not None and "\n" not in text.strip()
                    and is_title(text.lstrip("0123456789. "))):
                heading, defining = True, bool(defined_under.search(text))
            terms = prose_terms(text)
            # the sentences under the title the question names are headed by it too
            heading_terms = (section_terms | content_terms(found[named[0]][2])
                             if named and named[0] < index < named[1] else section_terms)
            shared = whole_compounds(question_terms & (terms | heading_terms),
                                     terms | heading_terms, compounds, idf)
            overlap = (shared_weight(shared & terms, idf, question_forms, text)
                       + 0.5 * idf_weight(shared - terms, idf))
            if beyond_subject and shared and not shared & beyond_subject:
                overlap *= SUBJECT_ONLY_WEIGHT
            paraphrase = overlap <= 0
            if not paraphrase:
                matched = True
            else:
                similar = max((sim for a, b, sim in spans if a < end and b > start), default=0.0)
                # never above a sentence that holds the question's words in that measure: a
                # one-word question's sentences ("… about perpetrators?") outrank paraphrases
                overlap = similar * min(similarity_weight, question_total)
            if overlap <= 0:
                continue
            length_penalty = 1.0 if len(text.split()) <= 90 else 90 / len(text.split())
            kind_weight = 1.5 if hit.kind in kinds else 1.0
            if LEAD_IN.search(text):  # it introduces items that are not in this hit
                kind_weight *= LEAD_IN_WEIGHT
            if text.rstrip().endswith("?"):  # a prompt ("What are we worried about?"), no answer
                kind_weight *= QUESTION_WEIGHT
            if value is not None and (vocabulary().frequency.search(text) if often
                                      else gives_value(text, value, question_terms, counted)) and (
                    not years or _dated(years, hit, found, index)) and roles <= terms:
                kind_weight *= VALUE_WEIGHT
            if value is AnswerType.NAME and signature.match(text):  # "Nick Alston, … Chairman"
                kind_weight *= VALUE_WEIGHT  # a person and their role: the name "Who…?" asks
            if (defining and not heading) or (defines is not None and defines.search(text)):
                kind_weight *= VALUE_WEIGHT
            if asked_under:  # the heading asks what the question does
                kind_weight *= VALUE_WEIGHT
            score = overlap * length_penalty * kind_weight / (1 + RANK_DECAY * rank)
            if paraphrase:
                paraphrases.add(len(scored))
            else:
                held[len(scored)] = question_terms & terms
            scored.append((score, hit, start, end, text))
    # the question's most specific word that a sentence holds ("male" of "What will X do for
    # male victims?"; "perpetrator" of "Who is responsible for the perpetrator programme?",
    # where none writes "responsible"): a sentence that holds it outranks every paraphrase
    most_specific = rarest(set().union(*held.values()), idf)  # ('' where none holds any)
    specific = max((scored[i][0] for i, terms in held.items() if most_specific in terms),
                   default=0.0)
    if specific:  # (whatever their hits' ranks and kinds)
        scored = [(min(score, 0.99 * specific), hit, start, end, text) if i in paraphrases
                  else (score, hit, start, end, text)
                  for i, (score, hit, start, end, text) in enumerate(scored)]
    # a question whose words only ask for a kind ("How will X measure success?") is answered
    # by the hits of that kind, in whatever words they are written
    if not matched and not (kind_terms and any(hit.kind in kinds for hit in hits)):
        return []
    scored.sort(key=lambda item: -item[0])
    return scored


def _dated(years: Sequence[tuple[int, int]], hit: Hit,
           found: Sequence[tuple[int, int, str]], index: int) -> bool:
    """Whether the unit at `index` of the hit's units is dated in one of the years: by the
    years it writes, else by those of the units beside it, its headings or its short
    document ("… 8,760 reports in 2023. That comes to one for every hour", where "risen from
    5500 in 2004/5" is of 2004/5 whatever its headings say; `answer_type.dated_in`)."""
    text = found[index][2]
    if not year_spans(text):
        text = " ".join(unit for _, _, unit in found[max(index - 1, 0):index + 2])
    return dated_in(years, f"{hit.section} {hit.lead} {text}", hit.period)


@dataclass(frozen=True)
class AnswerShape:
    """What the answer to a question looks like, as its search plan says
    (`kb.retrieval.plan.SearchPlan`)."""

    multi_area: bool = False  # several areas asked about: the answer is grouped by area
    kinds: frozenset[ChunkKind] = frozenset()  # kinds asked for: their sentences weigh more
    # words that count as the question's too (the strategies' words for its everyday ones,
    # kb.retrieval.synonyms; an acronym's long forms)
    extra_words: tuple[str, ...] = ()
    # words of the family of the question's words that no document searched writes
    # ("pharmacy" for "pharmacists", kb.retrieval.families): they count as a word sharing
    # only its stem with the question's does (kb.text.STEM_ONLY_WEIGHT)
    related: tuple[str, ...] = ()
    # it asks for a list (kb.retrieval.lists.wants_list, read on the question as asked: its
    # topic has lost words such as "areas" in "Which areas of work…"), or a named section's
    listing: bool = False
    # it asks what a named section holds: the list is that section's alone
    whole_section: bool = False
    # … whatever the kind of its passages ("What does section 3 say?"): the part of a section
    # path that the question names; the list is all under it, subsections too
    named_section: Callable[[str], str] | None = None
    # it asks which areas do something, naming none ("Which councils have a sanctuary
    # scheme?"): an area is in the answer only where one of its sentences is about the topic
    # (see `_answering_areas`)
    which_areas: bool = False
    # for a list question about a section called by number ("under Theme B"), the references
    # that number its items in an action plan apart from it ("B1", "B2"); the list is those
    reference: re.Pattern[str] | None = None
    # the sections it calls by number ('object#2' of "its second objective"): where no heading
    # is numbered so, the list's item numbered so is the answer (`lists.called_item`)
    called: frozenset[str] = frozenset()


def compose(question: str, hits: Sequence[Hit], idf: dict[str, float],
            shape: AnswerShape = AnswerShape(), area_names: Mapping[str, str] | None = None,
            parts: Mapping[str, Sequence[tuple[int, int, float]]] | None = None,
            similarity_weight: float = 0.0) -> Answer:
    """Pick the best sentences, de-duplicated, each with its [n].

    A list question gets the whole list in document order (see `list_units`); a question about
    several areas gets up to MAX_PER_AREA sentences from each, under each area's name.

    Args:
        question: the (resolved) question.
        hits: retrieved hits, best first.
        idf: inverse document frequency of terms over the corpus.
        shape: what the answer looks like (grouped by area, a list, of which kinds…).
        area_names: display names of area keys (the key when absent).
        parts: the hits' units and their similarity to the question (see `score_units`).
        similarity_weight: what a sentence sharing no word with the question scores per
            unit of similarity (`Settings.sentence_similarity`; 0: such sentences are left out).

    Returns:
        The extractive answer (found=False when no sentence matches).
    """
    multi_area, kinds, which_areas = shape.multi_area, shape.kinds, shape.which_areas
    related = content_terms(" ".join(shape.related))
    terms = content_terms(question) | content_terms(" ".join(shape.extra_words)) | related
    forms = word_forms(question)
    for term in related:
        forms.setdefault(term, set())
    for term in word_list_terms(vocabulary().roles):  # "Who chairs…?": "chaired by" says it
        forms.pop(term, None)
    if multi_area:
        terms = (terms - word_list_terms(vocabulary().scaffolding)) or terms
    # "What will X do in year one?": that column of its plan (a question for indicators or
    # aims asks for something else than a plan's actions)
    in_column = [] if multi_area or kinds - {ChunkKind.ACTION} else column_units(question, hits)
    if in_column:
        picked = in_column[:MAX_LIST_ITEMS]
    elif shape.listing:  # several areas: each area's list, under its name
        picked = [unit for own in (_by_area(hits) if multi_area else [hits])
                  for unit in list_units(own, within_section=shape.whole_section, terms=terms,
                                         idf=idf, nouns=asked_nouns(question),
                                         reference=shape.reference, kinds=kinds,
                                         named_section=shape.named_section)]
        # "Which actions does Housing lead?", "… due in March 2025": those rows of the plan
        picked = rows_asked(picked, hits, topic_terms(question) - kind_words(question))
        if not multi_area:
            picked = called_item(picked, shape.called)
    else:
        definition = asked_definition(question)
        if definition:
            terms = (terms - definition[1]) or terms
        # the words that frame it ("What does X intend to do about stalking?") say what is
        # asked for, not what about: a sentence holding "intend" answers nothing
        about = (terms - framing_words(question)
                 - content_terms(" ".join(_HOW.findall(question.lower())))) or terms
        value = expected_type(question)
        if value is AnswerType.TARGET:  # asked for as an indicator (its kind), whatever its line
            value = None
        often = bool(vocabulary().frequency_question.search(question))
        if value is not None and not often:
            # … nor the frequency a value is asked at ("How many women … each year?"): a
            # sentence sharing only "per annum" gives another value
            rate = frequency_terms(f"{question} {' '.join(shape.extra_words)}")
            about = (about - rate) or about
        scored = score_units(about, hits, idf, kinds, parts, similarity_weight, value,
                             forms, kind_words(question),
                             definition_pattern(definition[0]) if definition else None,
                             often, compound_parts(question),
                             definition_heading(definition[0]) if definition else None,
                             [span for term in about if (span := years_of(term))],
                             counted_terms(question) if value is AnswerType.COUNT else frozenset(),
                             asking_heading(question, about, idf))
        if kinds:
            scored = _of_asked_kind(scored, terms, kinds, multi_area)
        if multi_area and which_areas:  # so that areas that do not answer crowd out none
            scored = _answering_areas(scored, question, idf)
        picked = _best_units(scored, multi_area, {h.chunk_id: i for i, h in enumerate(hits)},
                             which_areas)
        if not multi_area:
            picked = _announced_list(question, picked, hits, terms, idf, kinds) or picked
            picked = _whole_list_picked(picked, hits)
            picked = _with_items_referred_back(picked)
            if value is None:  # (a value asked for is the title's own: "Who signed…?")
                picked = _with_title_body(picked)
                picked = _with_items_headed(picked, hits)
    if multi_area and which_areas:
        picked = _answering_areas(picked, question, idf)
    names = area_names or {}
    citations, lines = [], []
    area = None
    for n, (hit, start, end, text) in enumerate(picked, start=1):
        if multi_area and hit.area != area:
            area = hit.area
            lines.append(f"{names.get(area, area)}:")
        citations.append(citation_for(n, hit, start, end, text))
        lines.append(f"{_shown(hit, text)} [{n}]")
    return Answer(text="\n".join(lines), citations=citations, found=bool(citations),
                  mode="extractive")


# "how many", "how much": the question word's partner asks for a value, and a sentence that
# writes "many" ("Many perpetrators don't get…") gives none for it
_HOW = re.compile(r"(?<=\bhow )(?:many|much|often|long|far|soon)\b")


def _shown(hit: Hit, quote: str) -> str:
    """A quote as the answer shows it (`readable`); a table's row with its cells named by the
    table's header (`labelled_row`), which the citation's quote, verbatim, leaves out."""
    header = hit.lead if "\t" in hit.lead else table_header(hit.text)
    if header and "\t" in quote and "\n" not in quote.strip():
        return readable(labelled_row(quote, header))
    return readable(quote)


_ASKS_WHAT_ARE = re.compile(r"\b(what|which)\s+(are|were)\b", re.IGNORECASE)


def _announced_list(question: str, picked: list[tuple[Hit, int, int, str]],
                    hits: Sequence[Hit], terms: set[str], idf: dict[str, float],
                    kinds: frozenset[ChunkKind]) -> list[tuple[Hit, int, int, str]]:
    """Where a question asks what several things are ("What are the headline results …?")
    and the best sentence is a lead-in ("… this will be achieved by focusing our planning on
    five outcomes:"), the list it announces, from its hit (see `list_units`): the question
    asks for the items, whatever it calls them. [] otherwise ("What is the vision?" is
    answered by a vision stated in a lead-in)."""
    if not picked or not LEAD_IN.search(picked[0][3]) or not _ASKS_WHAT_ARE.search(question):
        return []
    lead = picked[0][0]
    listed = list_units([lead, *(hit for hit in hits if hit is not lead)], terms=terms, idf=idf,
                        nouns=asked_nouns(question), kinds=kinds)
    return listed if len(listed) > 1 else []


def _whole_list_picked(picked: list[tuple[Hit, int, int, str]], hits: Sequence[Hit]
                       ) -> list[tuple[Hit, int, int, str]]:
    """Where an answer is full (MAX_SENTENCES) of items of one list, one after another in
    their passage ("What does Oxfordshire already have in place for prevention?": the first
    five lines under "What we've got already"), the list's items in document order on to
    where the list stops (see `_items_from`): the question asks for what the list holds,
    however it words it."""
    if len(picked) < MAX_SENTENCES:
        return picked
    hit = picked[0][0]
    if any(unit[0] is not hit or not BULLET.match(unit[3]) for unit in picked):
        return picked
    found = list(_passage_units(hit))
    starts = [start for start, _, _ in found]
    places = sorted(starts.index(unit[1]) for unit in picked if unit[1] in starts)
    if len(places) < len(picked) or places != list(range(places[0], places[0] + len(places))):
        return picked
    return _items_from(hit, found[places[0]][0], hits)


# a lead-in that refers back to what the sentence before it speaks of ("The key points emerging
# from those sessions were:")
_REFERS_BACK = re.compile(r"\b(?:this|these|those|such)\b", re.IGNORECASE)


def _with_items_referred_back(picked: list[tuple[Hit, int, int, str]]
                              ) -> list[tuple[Hit, int, int, str]]:
    """The best sentence followed by the next unit of its passage where that unit announces
    items about it, referring back ("In March 2014 the Commissioner held a workshop on
    service design." - "The key points emerging from those sessions were: - …"): what came
    of it is in the items, in none of its words (a lead-in whose items the passage does not
    hold adds nothing)."""
    following = _next_unit(picked)
    if following is None:
        return picked
    lead, *items = following[2].strip().split("\n", 1)
    if not (items and LEAD_IN.search(lead) and _REFERS_BACK.search(lead)):
        return picked
    return _followed_by(picked, following)


_NUMBERED = re.compile(r"^\s*\d{1,2}(\.\d{1,2})*[.)]?\s+")  # "6. " of "6. Victim's Perspective…"


def _with_title_body(picked: list[tuple[Hit, int, int, str]]) -> list[tuple[Hit, int, int, str]]:
    """The best sentence followed by the next unit of its passage where the best is a title
    ("6. Victim's Perspective of Success") and the next its body ("Improved health and
    wellbeing of victims…"): a title names what is said, the body says it, in none of the
    question's words perhaps."""
    if not picked:
        return picked
    title = _NUMBERED.sub("", picked[0][3])
    if not is_title(title) or BULLET.match(title) or title.rstrip().endswith(("!", "?")):
        return picked
    following = _next_unit(picked)
    if following is None or is_title(following[2]) or BULLET.match(following[2]):
        return picked
    return _followed_by(picked, following)


def _with_items_headed(picked: list[tuple[Hit, int, int, str]], hits: Sequence[Hit]
                       ) -> list[tuple[Hit, int, int, str]]:
    """The best sentence followed by the list items straight after it (see `_items_from`),
    where it is a line that heads them, no sentence ("Filling systemic gaps (e.g. within
    Criminal Justice System) to deliver better outcomes…" over "- legal aid cuts …"): what it
    heads is said in the items."""
    if not picked:
        return picked
    hit, _, end, text = picked[0]
    line = text.strip()
    if ("\n" in line or "\t" in line or BULLET.match(line)
            or line.endswith((".", ":", ";", ",", "!", "?"))):
        return picked
    items = _items_from(hit, end, hits)
    if not items:
        return picked
    listed = {(unit[0].chunk_id, unit[1]) for unit in items}
    rest = [unit for unit in picked[1:] if (unit[0].chunk_id, unit[1]) not in listed]
    return [picked[0], *items, *rest]


def _items_from(hit: Hit, start: int, hits: Sequence[Hit]) -> list[tuple[Hit, int, int, str]]:
    """The list items of the passage from `start` on, one after another up to the first unit
    that is none, and on into the hit that continues the passage where they run to its end
    (the next chunk of its document under the same heading, if retrieved), up to
    MAX_LIST_ITEMS."""
    items: list[tuple[Hit, int, int, str]] = []
    passage: Hit | None = hit
    while passage is not None and len(items) < MAX_LIST_ITEMS:
        found = [unit for unit in _passage_units(passage) if unit[0] >= start]
        run = list(takewhile(lambda unit: bool(BULLET.match(unit[2])), found))
        items += [(passage, *unit) for unit in run]
        if not run or len(run) < len(found):
            break
        start = passage.end
        passage = next((other for other in hits if other.doc_id == passage.doc_id
                        and other.section == passage.section
                        and passage.end <= other.start <= passage.end + 2), None)
    return items[:MAX_LIST_ITEMS]


def _next_unit(picked: list[tuple[Hit, int, int, str]]) -> tuple[int, int, str] | None:
    """The unit of the best sentence's passage that comes after it (None: none, or nothing
    picked)."""
    if not picked:
        return None
    hit, _, end, _ = picked[0]
    return next((unit for unit in _passage_units(hit) if unit[0] >= end), None)


def _passage_units(hit: Hit) -> Iterator[tuple[int, int, str]]:
    """The hit's quotable units as an answer quotes them (see `units`), under its headings."""
    return units(hit.text, hit.start, hit.section.split(" > "), title=hit.title)


def _followed_by(picked: list[tuple[Hit, int, int, str]], following: tuple[int, int, str]
                 ) -> list[tuple[Hit, int, int, str]]:
    """The best sentence, then the unit of its passage that `following` is, then the rest."""
    hit = picked[0][0]
    rest = [unit for unit in picked[1:] if not (unit[0] is hit and unit[1] == following[0])]
    return [picked[0], (hit, *following), *rest]


def _of_asked_kind(scored: list[tuple[float, Hit, int, int, str]], terms: set[str],
                   kinds: frozenset[ChunkKind], multi_area: bool
                   ) -> list[tuple[float, Hit, int, int, str]]:
    """The scored sentences, less, where no passage (of an area, in an answer about several)
    uses the question's words ("What is Marlowe's vision?"), those not of the kind it asks
    for when some are: its passages of that kind answer, whatever they call themselves ("Our
    ambition")."""
    def group(hit: Hit) -> str:
        return hit.area if multi_area else ""

    worded = {group(hit) for _, hit, _, _, text in scored
              if terms & content_terms(f"{hit.section} {hit.lead} {text}")}
    of_kind = {group(hit) for _, hit, *_ in scored if hit.kind in kinds}
    return [item for item in scored if item[1].kind in kinds or group(item[1]) in worded
            or group(item[1]) not in of_kind]


AREA_TOPIC_SHARE = 0.5  # of the topic's word weight, held by one sentence of an answering area
# a sentence of a hit, picked (hit, start, end, text) or scored (score, hit, start, end, text)
_Unit = TypeVar("_Unit", tuple[Hit, int, int, str], tuple[float, Hit, int, int, str])


def _answering_areas(units: list[_Unit], question: str, idf: Mapping[str, float]
                     ) -> list[_Unit]:
    """The sentences (picked or scored) of the areas one of whose sentences holds
    AREA_TOPIC_SHARE of the topic's word weight ("sanctuary scheme": not North Yorkshire's
    "community ambassador scheme"), or of one alternative's ("a target hardening or sanctuary
    scheme": either, see `kb.retrieval.topic.alternatives`); all of them when no area's does."""
    # (how the question relates the areas to it is no part of it: "work with" of "Which
    # council works with employers?")
    topic: set[str] = {t for t in topic_terms(without_relating(question)) if t in idf}
    wanted = [(terms, AREA_TOPIC_SHARE * idf_weight(terms, idf))
              for terms in (topic, *(topic & content_terms(alternative)
                                     for alternative in alternatives(question)))]
    if not wanted[0][1]:
        return units
    answering = {item[-4].area for item in units for terms, needed in wanted
                 if needed and _holds_topic(terms & content_terms(item[-1]), terms, needed, idf)}
    return [item for item in units if item[-4].area in answering] or units


def _holds_topic(held: set[str], topic: set[str], needed: float,
                 idf: Mapping[str, float]) -> bool:
    """A sentence holding `held` of the topic's terms is on it: it holds `needed` of their
    weight, and both words of a topic of two ("economic abuse": not "lost economic output",
    whose rare word outweighs the common one)."""
    return held == topic if len(topic) == 2 else idf_weight(held, idf) >= needed


def _best_units(scored: list[tuple[float, Hit, int, int, str]], multi_area: bool,
                ranks: Mapping[str, int], which_areas: bool = False
                ) -> list[tuple[Hit, int, int, str]]:
    """The best sentences, each once, that reach ANSWER_FLOOR of the best one's relevance (of
    its area's, in an answer grouped by area); `ranks`: each hit's rank, by chunk id. An answer
    to which areas do something (`which_areas`) names each with its best sentence, so that as
    many areas as answer are named."""
    picked: list[tuple[float, Hit, int, int, str]] = []
    per_area: Counter[str] = Counter()
    seen: set[str] = set()
    area_order = list(dict.fromkeys(item[1].area for item in scored))
    limit = MAX_SENTENCES + (3 if multi_area else 0)
    most = MAX_PER_AREA
    if multi_area and which_areas:
        most, limit = 1, max(limit, len(area_order))

    def relevance(item: tuple[float, Hit, int, int, str]) -> float:  # its hit's rank aside
        return item[0] * (1 + RANK_DECAY * ranks.get(item[1].chunk_id, 0))

    def group(hit: Hit) -> str:
        return hit.area if multi_area else ""

    best: dict[str, float] = {}
    for item in scored:
        best[group(item[1])] = max(best.get(group(item[1]), 0.0), relevance(item))
    for item in scored:
        _, hit, _, _, text = item
        key = quote_words(text)[:120]
        if (key in seen or (multi_area and per_area[hit.area] >= most)
                or relevance(item) < ANSWER_FLOOR * best[group(hit)]):
            continue
        seen.add(key)
        per_area[hit.area] += 1
        picked.append(item)
        if len(picked) >= limit:
            break
    picked.sort(key=lambda item: (area_order.index(item[1].area) if multi_area else 0, -item[0]))
    return [(hit, start, end, text) for _, hit, start, end, text in picked]


def _by_area(hits: Sequence[Hit]) -> list[Sequence[Hit]]:
    """Each area's hits, the areas in order of their first hit."""
    areas = dict.fromkeys(hit.area for hit in hits)
    return [[hit for hit in hits if hit.area == area] for area in areas]


def refusal(question: str, hits: Sequence[Hit], reason: str) -> Answer:
    """The honest 'not covered' answer, with the nearest passages labelled as such."""
    nearest = [citation_for(i + 1, h, h.start, h.end, h.text) for i, h in enumerate(hits[:3])]
    return Answer(
        text=f"The indexed strategies do not cover this: {reason}.",
        citations=[], found=False, mode="extractive", nearest=nearest,
    )


def idf_table(texts: Sequence[str]) -> IdfTable:
    """Smoothed inverse document frequency of each content term."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(content_terms(text))
    n = max(len(texts), 1)
    return IdfTable({term: math.log(1 + n / count) for term, count in df.items()}, n)
