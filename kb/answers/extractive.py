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
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from datetime import date
from itertools import pairwise
from typing import TypeVar

from kb.answers.answer_type import AnswerType, expected_type, gives_value, topic_terms
from kb.answers.sentences import names_item, units
from kb.answers.table_columns import column_units
from kb.records import Answer, ChunkKind, Citation, Hit
from kb.retrieval.intent import kind_words
from kb.retrieval.lists import announces_other, asked_nouns, item_lines, list_weight
from kb.retrieval.topic import alternatives
from kb.text import (
    BULLET,
    LEAD_IN,
    NUMBER_WORDS,
    NUMBERED_ITEM,
    IdfTable,
    content_terms,
    idf_weight,
    plain,
    quote_words,
    readable,
    shared_weight,
    word_forms,
)
from kb.vocabulary import vocabulary

MAX_SENTENCES = 5
MAX_PER_AREA = 3
MAX_LIST_ITEMS = 14
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
# A list answer steps back from a list into a sibling section of these kinds only from one
# of them: an introduction before a list of outcomes is no part of it
_BACKGROUND = frozenset({ChunkKind.CONTEXT, ChunkKind.STATISTIC})
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
ADJACENT_GAP = 200  # at most this many characters (a heading) between chunks that continue


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
                kind_terms: AbstractSet[str] = frozenset()
                ) -> list[tuple[float, Hit, int, int, str]]:
    """Every sentence of every hit, scored by idf-weighted overlap with the question (a word
    that shares only its stem with the question's word counts less, "employment" for
    "employers", given the question's `question_forms`: `kb.text.shared_weight`; words of
    the headings above it count half), the hit's rank (RANK_DECAY), whether the hit is of
    a kind the question asks for, and whether it gives the `value` the question asks for (a
    name for "Who wrote…?", a number for "How many…?": VALUE_WEIGHT).

    A sentence that shares no word with the question, nor with its headings, is scored by its
    similarity to the question times `similarity_weight` instead (0: left out), or times the
    question's word weight where that is less (so it never outranks a sentence that holds the
    question's one word): the answer to a paraphrase may share none of its words ("How often
    does someone call the police?" - "an average of 1 report every 45 minutes"). Its
    similarity is its best part's (`parts`:
    by chunk id, the document spans of the hit's units and their similarity to the question,
    see `HybridRetriever.part_similarities`). Nothing is quoted when no sentence shares a word,
    unless the question's words only ask for a kind of passage (`kind_terms`: "How will X
    measure success?") and a hit is of that kind: its performance framework answers, in
    whatever words it is written.
    """
    scored = []
    matched = False
    question_total = idf_weight(question_terms, idf)  # a sentence holding all of them
    signature = vocabulary().signature
    for rank, hit in enumerate(hits):
        section_terms = content_terms(hit.section)
        spans = parts.get(hit.chunk_id, ()) if parts and similarity_weight else ()
        found = list(units(hit.text, hit.start, hit.section.split(" > "), title=hit.title))
        named = _named_title(found, hit.section.split(" > ")[-1], question_terms, idf)
        for index, (start, end, text) in enumerate(found):
            terms = content_terms(text)
            # the sentences under the title the question names are headed by it too
            heading_terms = (section_terms | content_terms(found[named[0]][2])
                             if named and named[0] < index < named[1] else section_terms)
            overlap = (shared_weight(question_terms & terms, idf, question_forms, text)
                       + 0.5 * idf_weight((question_terms & heading_terms) - terms, idf))
            if overlap > 0:
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
            if value is not None and gives_value(text, value, question_terms):
                kind_weight *= VALUE_WEIGHT
            if value is AnswerType.NAME and signature.match(text):  # "Nick Alston, … Chairman"
                kind_weight *= VALUE_WEIGHT  # a person and their role: the name "Who…?" asks
            scored.append((overlap * length_penalty * kind_weight / (1 + RANK_DECAY * rank), hit,
                           start, end, text))
    # a question whose words only ask for a kind ("How will X measure success?") is answered
    # by the hits of that kind, in whatever words they are written
    if not matched and not (kind_terms and any(hit.kind in kinds for hit in hits)):
        return []
    scored.sort(key=lambda item: -item[0])
    return scored


def compose(question: str, hits: Sequence[Hit], idf: dict[str, float],
            multi_area: bool, kinds: frozenset[ChunkKind] = frozenset(),
            area_names: Mapping[str, str] | None = None,
            parts: Mapping[str, Sequence[tuple[int, int, float]]] | None = None,
            similarity_weight: float = 0.0, extra_words: Sequence[str] = (),
            listing: bool = False, whole_section: bool = False,
            which_areas: bool = False, reference: re.Pattern[str] | None = None) -> Answer:
    """Pick the best sentences, de-duplicated, each with its [n].

    A list question gets the whole list in document order (see `list_units`); a question about
    several areas gets up to MAX_PER_AREA sentences from each, under each area's name.

    Args:
        question: the (resolved) question.
        hits: retrieved hits, best first.
        idf: inverse document frequency of terms over the corpus.
        multi_area: several areas asked about: group the answer by area.
        kinds: chunk kinds the question asks for (their sentences weigh more).
        area_names: display names of area keys (the key when absent).
        parts: the hits' units and their similarity to the question (see `score_units`).
        similarity_weight: what a sentence sharing no word with the question scores per
            unit of similarity (`Settings.sentence_similarity`; 0: such sentences are left out).
        extra_words: words that count as the question's too (the strategies' words for its
            everyday ones, kb.retrieval.synonyms).
        listing: the question asks for a list (kb.retrieval.lists.wants_list, read on the
            question as asked: its topic has lost words such as "areas" in "Which areas of
            work…"), or for a named section's.
        whole_section: the question asks what a named section holds: the list is that
            section's alone (kb.retrieval.hybrid.SearchPlan.whole_section).
        which_areas: the question asks which areas do something, naming none ("Which
            councils have a sanctuary scheme?"): an area is in the answer only where one of
            its sentences is about the topic (see `_answering_areas`).
        reference: for a list question about a section called by number ("under Theme B"),
            the references that number its items in an action plan apart from it ("B1",
            "B2": `kb.retrieval.hybrid.SearchPlan.item_reference`); the list is those items.

    Returns:
        The extractive answer (found=False when no sentence matches).
    """
    terms = content_terms(question) | content_terms(" ".join(extra_words))
    # "What will X do in year one?": that column of its plan (a question for indicators or
    # aims asks for something else than a plan's actions)
    in_column = [] if multi_area or kinds - {ChunkKind.ACTION} else column_units(question, hits)
    if in_column:
        picked = in_column[:MAX_LIST_ITEMS]
    elif listing:  # several areas: each area's list, under its name
        picked = [unit for own in (_by_area(hits) if multi_area else [hits])
                  for unit in list_units(own, within_section=whole_section, terms=terms,
                                         idf=idf, nouns=asked_nouns(question),
                                         reference=reference, kinds=kinds)]
    else:
        scored = score_units(terms, hits, idf, kinds, parts, similarity_weight,
                             expected_type(question), word_forms(question), kind_words(question))
        if kinds:
            scored = _of_asked_kind(scored, terms, kinds, multi_area)
        if multi_area and which_areas:  # so that areas that do not answer crowd out none
            scored = _answering_areas(scored, question, idf)
        picked = _best_units(scored, multi_area, {h.chunk_id: i for i, h in enumerate(hits)},
                             which_areas)
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
        lines.append(f"{readable(text)} [{n}]")
    return Answer(text="\n".join(lines), citations=citations, found=bool(citations),
                  mode="extractive")


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
    topic: set[str] = {t for t in topic_terms(question) if t in idf}
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


def list_units(hits: Sequence[Hit], within_section: bool = False,
               terms: AbstractSet[str] = frozenset(), idf: Mapping[str, float] | None = None,
               nouns: AbstractSet[str] = frozenset(), reference: re.Pattern[str] | None = None,
               kinds: AbstractSet[ChunkKind] = frozenset()) -> list[tuple[Hit, int, int, str]]:
    """The items of the list that the best hit under a heading is part of: its units, those
    of the chunks before it that the list starts in and those of the hits that continue it
    (see `_list_run`), in document order, up to MAX_LIST_ITEMS. An item keeps its name where
    a short line names it (see `kb.answers.sentences.units`).

    Where the list goes on as sibling sections (strands or priorities, each a heading over its
    text), each of those sections gives its heading and its first sentence, and the items
    named in it. `within_section`: the list is the best hit's section's alone (a question
    that names the section asks for what it holds). `terms`: the question's terms (see
    `_list_run`); with `idf`, a list whose items fall under titles of their own is the
    items under the title the question names (see `_named_group`; the list's nouns name its
    heading, "Strategy Summary - Outcomes", not one of its items); with the list `nouns` the
    question names, the list that a lead-in among the items names, if one does (see
    `_named_lead_in`); with a `reference` (`kb.retrieval.headings.referenced_items`), the
    items it numbers, where any are ("B1", "B2" of an action plan for "under Theme B");
    `kinds`: the kinds of passage the question asks for (see `_list_run`)."""
    if not hits:
        return []
    rows: list[tuple[Hit, int, int, str]] = []
    if reference is not None:
        rows = [item for hit in hits if hit.doc_id == hits[0].doc_id for start, end, text in
                units(hit.text, hit.start, hit.section.split(" > "), whole_lists=False,
                      title=hit.title) if (item := _referred(hit, start, end, text, reference))]
        if rows and rows[0][0] is hits[0]:  # the section's own list is the plan's rows
            return rows[:MAX_LIST_ITEMS]
    # … else the section's own text comes first, and the plan's rows for it after it
    return (_own_list(hits, within_section, terms, idf, nouns, kinds) + rows)[:MAX_LIST_ITEMS]


def _own_list(hits: Sequence[Hit], within_section: bool, terms: AbstractSet[str],
              idf: Mapping[str, float] | None, nouns: AbstractSet[str],
              kinds: AbstractSet[ChunkKind]) -> list[tuple[Hit, int, int, str]]:
    """The items of the list the best hit under a heading is part of (see `list_units`)."""
    # a contents page names the sections, not their items; a title page (text before the
    # first heading) holds no list: a question that names its document ranks it first, and
    # the list is in the best hit under a heading (the search ranks first the hit whose list
    # is asked for, kb.retrieval.hybrid)
    hits = [h for h in hits if not vocabulary().contents.match(h.section.split(" > ")[-1])] or hits
    anchor = next((h for h in hits if h.section), hits[0])
    # a section named for the list asked for that lists its items ("Our priorities" over
    # "Priority 1 – …" to "Priority 4 – …") holds the whole list: the next section is another
    within_section = within_section or _lists_under_own_name(anchor, nouns)
    run = _list_run(anchor, hits, within_section, terms, kinds)
    if not within_section:
        parent, named = _headings_named(hits, anchor, nouns)
        if named:  # "Priority One: Early help", "Priority Two: …" for "What are the priorities?"
            # after the text of the section they are in, when that is the best hit
            own = _own_units(anchor) if anchor.section.split(" > ") == parent else []
            return (own + named)[:MAX_LIST_ITEMS]
        titles = _child_titles(anchor, run)
        if len(titles) >= 2:  # "Our themes", then "Theme 1…", "Theme 2…" over their own sections
            return (_own_units(anchor) + titles)[:MAX_LIST_ITEMS]
    sections = _sibling_sections(run[1:])
    openers = {h.chunk_id for h in sections} if len(sections) >= 2 else set()
    items: list[tuple[Hit, int, int, str]] = []
    for hit in run:
        found = [(hit, start, end, text) for start, end, text in
                 units(hit.text, hit.start, hit.section.split(" > ")[:-1], labels=True,
                       title=hit.title)]
        if hit.chunk_id in openers:  # its heading and first sentence, and the items it names
            found = found[:1] + [item for item in found[1:] if names_item(item[3])]
        items += found
    return _named_lead_in(_named_group(items, terms, idf or {}, nouns), nouns, terms,
                          idf or {})[:MAX_LIST_ITEMS]


def _referred(hit: Hit, start: int, end: int, text: str, reference: re.Pattern[str]
              ) -> tuple[Hit, int, int, str] | None:
    """The unit from its first line that the reference numbers (a table's first row is read
    with its header row: "Ref  Action…" over "B1  Recommission…"), or None."""
    offset = 0
    for line in text.split("\n"):
        if reference.match(line):
            return hit, start + offset, end, text[offset:]
        offset += len(line) + 1
    return None


def _named_lead_in(items: list[tuple[Hit, int, int, str]], nouns: AbstractSet[str],
                   terms: AbstractSet[str], idf: Mapping[str, float]
                   ) -> list[tuple[Hit, int, int, str]]:
    """The lead-in among the items that names the list asked for
    (`kb.retrieval.lists.list_weight`: "Partners agreed that the strategy will be guided by the
    following principles:" for "What principles guide…?"; of several, the one that holds the
    most of the question's word weight, the first on a tie) and the items after it in its
    section (the next section's are another list); the items as they are when none does."""
    named = [(weight, -index) for index, (_, _, _, text) in enumerate(items)
             if LEAD_IN.search(first := text.strip().split("\n")[0])
             and (weight := list_weight(first, nouns, terms, idf))]
    if named:
        start = -max(named)[1]
        section = items[start][0].section
        items = [item for item in items[start:] if item[0].section == section]
    # up to a lead-in that announces another list ("… the following principles will be followed:")
    end = next((index for index, item in enumerate(items) if index
                and announces_other(item[3].strip().split("\n")[0], nouns)), len(items))
    return items[:end]


NAMED_SHARE = 0.5  # a title the question names holds this share of its words' weight …
RIVAL_SHARE = 0.5  # … and no other title of the list this share of that title's


def _named_group(items: list[tuple[Hit, int, int, str]], terms: AbstractSet[str],
                 idf: Mapping[str, float], nouns: AbstractSet[str] = frozenset()
                 ) -> list[tuple[Hit, int, int, str]]:
    """The items under the one title the question names, where the list's items fall under
    titles of their own (a quote's first line) that a short section merged into one passage
    ("Objective 1: …" and "Objective 2: Improve the safety of victims and their children",
    each over its actions: asked what will be done "to improve the safety of victims and their
    children", the second's); the list itself when no title, or more than one, is named. A
    first title that holds one of the list `nouns` asked for heads the whole list ("Strategy
    Summary - Outcomes …" for "Which outcomes…?"), not one item."""
    firsts = [item[3].strip().split("\n")[0] for item in items]
    titles = [i for i, first in enumerate(firsts) if _is_title(first)
              and not (i == 0 and content_terms(first) & nouns)]
    if len(titles) < 2:
        return items
    best = _named_one([firsts[i] for i in titles], terms, idf)
    if best is None:
        return items
    end = titles[best + 1] if best + 1 < len(titles) else len(items)
    return items[titles[best]:end]


def _named_title(found: Sequence[tuple[int, int, str]], heading: str, terms: AbstractSet[str],
                 idf: Mapping[str, float]) -> tuple[int, int] | None:
    """Within one passage, the (index, end index) of the units under the one title inside it
    that the question names (see `_named_group`; the passage's own heading, which is no unit,
    is a rival title), None when none, or more than one, is named."""
    titles = [i for i, (_, _, text) in enumerate(found) if "\n" not in text.strip()
              and _is_title(text)]
    best = _named_one([found[i][2] for i in titles], terms, idf, rivals=[heading])
    if best is None:
        return None
    return titles[best], titles[best + 1] if best + 1 < len(titles) else len(found)


def _named_one(titles: Sequence[str], terms: AbstractSet[str], idf: Mapping[str, float],
               rivals: Sequence[str] = ()) -> int | None:
    """The index of the one title the question names: it holds NAMED_SHARE of the question's
    word weight, and no other title, nor any of `rivals`, RIVAL_SHARE of what it holds. None
    when there is no title, or none (or more than one) is named."""
    total = idf_weight(set(terms), idf)
    if not titles or not total:
        return None
    held = [idf_weight(set(terms) & content_terms(title), idf) for title in titles]
    best = max(range(len(titles)), key=held.__getitem__)
    others = [h for i, h in enumerate(held) if i != best]
    others += [idf_weight(set(terms) & content_terms(rival), idf) for rival in rivals]
    if held[best] < NAMED_SHARE * total or (others and max(others) >= RIVAL_SHARE * held[best]):
        return None
    return best


def _is_title(line: str) -> bool:
    """A quote's first line that is a title: short, no sentence nor list item nor table row
    (a title alone, or one that names the item joined under it)."""
    text = line.strip()
    return ("\t" not in text and len(text.split()) <= 12
            and text[:1].isupper() and not text.endswith((".", ":", ";", ","))
            and not BULLET.match(text))


_HEADING_LINE = re.compile(r"[ \t]*#{0,6}[ \t]*(.+)")


def _child_titles(anchor: Hit, run: Sequence[Hit]) -> list[tuple[Hit, int, int, str]]:
    """The headings of the best hit's sub-sections when they head sub-sections of their own
    and hold no text of their own ("Theme 1: Prevention" over "Our commitments" and "Key
    measures"): the list is theirs, each quoted as its heading line. None when a sub-section
    has text of its own (its items are the list, see `list_units`)."""
    path = anchor.section.split(" > ")
    found: list[tuple[Hit, int, int, str]] = []
    for hit in run:
        inner = hit.section.split(" > ")
        if hit is anchor or inner[:len(path)] != path or len(inner) < len(path) + 2:
            continue
        title = inner[len(path)]
        line = _HEADING_LINE.match(hit.text.lstrip("\n"))
        if line is None or plain(line.group(1)).strip() != title:
            continue
        start = hit.text.index(line.group(1))
        if all(item[3] != title for item in found):
            found.append((hit, hit.start + start, hit.start + start + len(line.group(1)), title))
    return found


def _own_units(hit: Hit) -> list[tuple[Hit, int, int, str]]:
    """The hit's own units, its section's headings aside (see `kb.answers.sentences.units`)."""
    return [(hit, start, end, text) for start, end, text in
            units(hit.text, hit.start, hit.section.split(" > "), title=hit.title)]


def _lists_under_own_name(hit: Hit, nouns: AbstractSet[str]) -> bool:
    """The hit opens a section whose heading names the list asked for and holds two or more
    of its items (lines of one form: bulleted, or numbered alike)."""
    heading = hit.section.split(" > ")[-1]
    lines = [line for line in hit.text.splitlines() if line.strip()]
    if not lines or plain(lines[0]).strip() != heading or not content_terms(heading) & nouns:
        return False
    numbered = [m.group(1).lower() for line in lines[1:] if (m := NUMBERED_ITEM.match(line))]
    return (item_lines("\n".join(lines[1:])) >= 2
            or any(numbered.count(word) >= 2 for word in set(numbered)))


def _headings_named(hits: Sequence[Hit], anchor: Hit, nouns: AbstractSet[str]
                    ) -> tuple[list[str], list[tuple[Hit, int, int, str]]]:
    """The headings of the best hit's document that number the items of the list asked for:
    one of the list `nouns` and a number ("Priority Two: Safety and support", "Outcome 3 –
    …" for "What are the priorities?"; not a sub-section repeated under each, "Key indicators
    of progress"), sharing their parent heading. Each is quoted from the line that opens its
    section, in document order, with the path of their parent; none unless two or more are
    found."""
    found: list[tuple[tuple[str, ...], tuple[Hit, int, int, str]]] = []
    for hit in sorted((h for h in hits if h.doc_id == anchor.doc_id), key=lambda h: h.start):
        path = hit.section.split(" > ")
        for depth, title in enumerate(path):
            numbered = NUMBERED_ITEM.match(title)
            if (numbered is None or not content_terms(numbered.group(1)) & nouns
                    or any(item[3] == title for _, item in found)):
                continue
            line = re.search(rf"(?m)^[ \t#]*({re.escape(title)})[ \t]*$", hit.text)
            if line:
                found.append((tuple(path[:depth]), (hit, hit.start + line.start(1),
                                                    hit.start + line.end(1), title)))
    if not found:
        return [], []
    parent = found[0][0]
    siblings = [item for path, item in found if path == parent]
    # "Priority A", "Priority C": the hits hold only some of the list's sections
    return list(parent), siblings if len(siblings) >= 2 and _in_sequence(siblings) else []


def _in_sequence(items: Sequence[tuple[Hit, int, int, str]]) -> bool:
    """The items' numbers ("Priority 2", "Outcome Three", "Theme B", "Part iv":
    `NUMBERED_ITEM`) run on without a gap."""
    numbers = [_ordinal(match.group(2)) if (match := NUMBERED_ITEM.match(item[3])) else 0
               for item in items]
    return all(after == before + 1 for before, after in pairwise(numbers))


_ROMAN = {numeral: n for n, numeral in enumerate(
    "i ii iii iv v vi vii viii ix x xi xii".split(), start=1)}


def _ordinal(number: str) -> int:
    """A number as written: "2", "two", "B" (a letter to "h") or "iv" (a roman numeral)."""
    word = number.lower()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return int(NUMBER_WORDS[word])
    if word in _ROMAN:
        return _ROMAN[word]
    return ord(word[0]) - ord("a") + 1


def _list_run(first: Hit, hits: Sequence[Hit], within_section: bool = False,
              terms: AbstractSet[str] = frozenset(),
              kinds: AbstractSet[ChunkKind] = frozenset()) -> list[Hit]:
    """The hits that may hold the list the best hit is part of, in document order: the chunk
    of its section just before it, when retrieved and adjacent, and the retrieved chunks of
    sibling sections right before that (the best hit is not always where the list starts: it
    may be its fifth item; going further back than the list fills the answer with what
    precedes it), then the hits that continue it without a gap (a hit further on in the
    document is another passage, not the rest of the list); a sibling before it is of the
    best hit's kind (a list of indicators does not start in the actions before it; background
    may start in background of either kind). `within_section`: only the
    chunks of the best hit's section. A sibling section is no part of the list when the
    question names something in the best hit's headings that the sibling's lack ("measures
    … for perpetrators" under "Theme 3: Holding perpetrators to account > Key measures" is
    not Theme 2's measures), nor one after a list of a kind the question asks for that is of
    none of those `kinds` (`_list_ended`)."""
    same = sorted((h for h in hits if h.doc_id == first.doc_id
                   and (not within_section or h.section == first.section)),
                  key=lambda h: h.start)
    best = same.index(first)
    at = best
    if at and same[at - 1].section == first.section and _adjacent(same[at - 1], first):
        at -= 1
    named = terms & content_terms(first.section)
    while (at and _siblings(same[at - 1], same[at]) and _adjacent(same[at - 1], same[at])
           and (same[at - 1].kind == first.kind or {same[at - 1].kind, first.kind} <= _BACKGROUND)
           and named <= content_terms(same[at - 1].section)):
        at -= 1
    end = best + 1
    while (end < len(same) and _adjacent(same[end - 1], same[end])
           and not _another_chapter(first, same[end])
           and not _list_ended(first, same[end], kinds)):
        end += 1
    return same[at:end]


def _list_ended(first: Hit, hit: Hit, kinds: AbstractSet[ChunkKind]) -> bool:
    """The best hit is of a kind the question asks for and holds list items of its own (rows
    of a table of measures, bullets), and the hit is another section of no kind asked for
    ("Funding" after "How we will know we are making a difference", for "What are X's measures
    of success?"): the list has ended with its section."""
    rows = sum("\t" in line for line in first.text.splitlines())
    return (first.kind in kinds and hit.kind not in kinds and hit.section != first.section
            and item_lines(first.text) + rows >= 2)


# "3. Our priorities", "4.0 Plan on a page", "Section C: Action plan", "Part 2 - Delivery"
_CHAPTER = re.compile(r"\s*(?:(?:section|part|chapter)\s+(\w{1,5})\b|(\d{1,2})(?:\.0)?\.?\s)",
                      re.IGNORECASE)


def _another_chapter(first: Hit, hit: Hit) -> bool:
    """The hit is in another numbered chapter than the list's best hit ("4.0 Plan on a page"
    after the objectives listed in "3.0 Strategic objectives"): no list runs on into it."""
    ours = _CHAPTER.match(first.section)
    theirs = _CHAPTER.match(hit.section)
    return (ours is not None and theirs is not None
            and (ours.group(1) or ours.group(2)).lower() != (theirs.group(1) or theirs.group(2)).lower())


def _adjacent(before: Hit, after: Hit) -> bool:
    return after.start - before.end <= ADJACENT_GAP


def _siblings(one: Hit, other: Hit) -> bool:
    """Different sections under one parent heading (two items of a list of headings), or
    under two such sections ("Priority Two > What success looks like" and "Priority Three >
    What we will do")."""
    path, other_path = one.section.split(" > "), other.section.split(" > ")
    if len(path) < 2 or path == other_path:
        return False
    shared = next((i for i, (a, b) in enumerate(zip(path, other_path, strict=False)) if a != b),
                  min(len(path), len(other_path)))  # headings they share, from the top
    return 0 < shared < min(len(path), len(other_path))


def _opening(hit: Hit) -> int:
    """Where the hit's own heading starts its text (after white space only), or -1."""
    heading = hit.section.split(" > ")[-1]
    at = hit.text.find(heading)
    return at if at >= 0 and not hit.text[:at].strip() else -1


def _sibling_sections(run: Sequence[Hit]) -> list[Hit]:
    """The first hit of each section in the run that opens with its heading, when those
    sections share one parent (the run's first such section decides which parent)."""
    found: list[Hit] = []
    parent: list[str] | None = None
    for hit in run:
        path = hit.section.split(" > ")
        if not hit.section or _opening(hit) < 0:
            continue
        if parent is None:
            parent = path[:-1]
        if path[:-1] == parent and all(h.section != hit.section for h in found):
            found.append(hit)
    return found


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
