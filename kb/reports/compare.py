"""Comparisons: per area, the cited aims, indicators, actions and context on a theme.

Each area is searched on its own (so no area is crowded out), once for the theme and once per
facet restricted to that facet's chunk kinds, so an empty cell means that nothing relevant of
that kind was found anywhere in the area's text, not only among the first hits.

A cell holds items, not passages: every sentence or list item of the area's relevant hits is
a candidate (a note's line, the source of a sentence, is none), weighed on its own words (with
its table header or list lead-in): the share of the theme's idf weight it holds, for a long
item scaled down as a search engine normalises a long document's score (so a paragraph that
mentions every theme word once in passing does not outrank the sentence that is about the
theme), and VALUE_WEIGHT times that where the theme asks for a kind of value and the item gives
one ("Compare the cost of domestic abuse": "… in Oxfordshire is £79 million per annum"). An
area's cells keep the items that hold at least RELATIVE_SHARE of the best item's weight in
that area, best first: a passage that merely mentions one theme word does not fill a row, and
an area that words the theme its own way is still compared on its own best items. An area
whose only mention of the theme is a glossary entry (a risk tool's name) shows that entry as
context rather than an empty row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from kb.answers.about import topic_terms
from kb.answers.answer_type import AnswerType, counted_terms, expected_type, gives_value
from kb.answers.definitions import definition_pattern
from kb.answers.extractive import VALUE_WEIGHT, citation_for, score_units
from kb.answers.notes import is_note
from kb.answers.sentences import is_header_row, table_header, units
from kb.records import FACET_KINDS, ChunkKind, Citation, Comparison, Facet, Hit
from kb.reports.evidence import EVERYDAY_WEIGHT, SHARE_LAST_RESORT, SHARE_SIMILAR
from kb.retrieval.lists import announced_noun
from kb.text import (
    BULLET,
    LEAD_IN,
    STEM_ONLY_WEIGHT,
    content_terms,
    idf_weight,
    is_subject_term,
    quote_words,
    shared_prefix,
    typed_words,
    word_forms,
)
from kb.vocabulary import vocabulary

_TOKEN = re.compile(r"[^\W_][\w'’]*")
_COORDINATORS = ("and", "or")
# words before a verb: "victims who report abuse", "to witness abuse"
_VERB_MARKERS = frozenset("to who that which will would can could may might must should do does "
                          "did".split())

PER_CELL = 3
RELATIVE_SHARE = 0.6  # of the area's best item
ITEM_WORDS = 25  # about one sentence: longer items' weight is scaled by sqrt(ITEM_WORDS / words)
HEADING_WEIGHT = 0.5  # a theme word only the item's section heading holds (as answers weigh it)
THEME_DEPTH = 12
FACET_DEPTH = 4
DEEPER = 4  # an area with no evidence in its first hits is searched this many times deeper
COMPARED_KINDS = frozenset().union(*FACET_KINDS.values())

AreaSearch = Callable[[str, str, frozenset[ChunkKind] | None, int], list[Hit]]
# (hit, share of the theme a similar hit needs, weight of its everyday English words)
Relevance = Callable[[Hit, float, float], bool]


def best_quote(hit: Hit, terms: set[str], idf: dict[str, float], min_share: float = 0.0
               ) -> tuple[int, int, str] | None:
    """The sentence of a hit that best matches the terms and holds at least `min_share` of
    their idf weight itself (headings aside); None when no sentence does."""
    total = idf_weight(terms, idf) or 1.0
    for _, _, start, end, text in score_units(terms, [hit], idf):
        own = terms & content_terms(f"{hit.lead} {text}")
        if idf_weight(own, idf) / total >= min_share and (own or not min_share):
            return start, end, text
    return None


@dataclass(frozen=True)
class Item:
    """A quotable unit of a hit, with how much of the theme it holds itself."""

    weight: float  # the share of a theme phrase's idf weight it holds, length-normalised
    rank: int  # its hit's rank among the area's evidence
    hit: Hit
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Phrase:
    """A wording of the theme: its terms with the words it writes for them
    (`kb.text.word_forms`), and the terms of its words that modify a word of the corpus's
    subject (`subject_modifiers`)."""

    forms: Mapping[str, set[str]]
    modifiers: frozenset[str] = frozenset()


def theme_phrase(text: str, idf: Mapping[str, float]) -> Phrase:
    """The wording as items are weighed against it."""
    return Phrase(word_forms(text), subject_modifiers(text, idf))


def subject_modifiers(text: str, idf: Mapping[str, float]) -> frozenset[str]:
    """The term of the word written just before the phrase's last word, when that word is of
    the corpus's subject (`kb.text.SUBJECT_IDF`) and the one before it is not: "economic" of
    "economic abuse", "relationship" of "teenage relationship abuse". Beside the subject
    word, which weighs next to nothing, such a word carries the whole theme. A verb is no
    modifier: one after "to", "who" and the like ("victims who report abuse"), a gerund
    ("preventing abuse") or a verb that acts on its object (vocabulary [topic] object_verbs)."""
    tokens = _TOKEN.findall(text)
    content = [at for at, token in enumerate(tokens) if content_terms(token)]
    if len(content) < 2 or content[-1] - content[-2] != 1:
        return frozenset()
    head, word = content_terms(tokens[content[-1]]), tokens[content[-2]]
    modifier = content_terms(word)
    before = tokens[content[-2] - 1].lower() if content[-2] else ""
    if (len(head) != 1 or len(modifier) != 1 or not is_subject_term(next(iter(head)), idf)
            or next(iter(modifier)) not in idf or is_subject_term(next(iter(modifier)), idf)
            or before in _VERB_MARKERS or word.lower().endswith("ing")
            or _acting_verb().fullmatch(word)):
        return frozenset()
    return frozenset(modifier)


@lru_cache(maxsize=1)
def _acting_verb() -> re.Pattern[str]:
    return re.compile(vocabulary().object_verbs, re.IGNORECASE)


def _otherwise_modified(text: str, modifier: str, idf: Mapping[str, float]) -> bool:
    """Every time the text writes the modifier, it modifies a word that is not of the
    subject: "the current economic climate", "the financial costs of abuse", "economic and
    educational disadvantage" are not about economic or financial abuse ("financial and
    emotional abuse", "types of abuse: physical; financial" are)."""
    tokens = list(_TOKEN.finditer(text))
    uses = [at for at, word in enumerate(tokens) if content_terms(word.group()) == {modifier}]
    return bool(uses) and all(
        bool(held := content_terms(_modified_word(text, tokens, at)))
        and not any(is_subject_term(t, idf) for t in held) for at in uses)


def _modified_word(text: str, tokens: Sequence[re.Match[str]], at: int) -> str:
    """The word that the word at `at` is written against, past the words coordinated with it
    ("financial and emotional abuse": abuse); '' where punctuation ends it."""
    while at + 1 < len(tokens):
        gap = text[tokens[at].end():tokens[at + 1].start()].strip(" -")
        word = tokens[at + 1].group()
        if word.lower() in _COORDINATORS and gap in ("", ",", "/"):
            at += 2  # past "and" to the word coordinated with this one
        elif gap in (",", "/"):
            at += 1
        else:
            return "" if gap else word
    return ""


def item_weight(text: str, lead: str, phrases: Sequence[Phrase],
                idf: dict[str, float], heading: str = "") -> float:
    """The largest share of any theme phrase's idf weight that the text (with its table header
    or list lead-in) holds, a word that is another derivation of the phrase's stem counting
    STEM_ONLY_WEIGHT ("Government" for "governance", not "commission" for "commissioning":
    `_derived_only`) and a word that only its section's `heading` holds HEADING_WEIGHT (the
    sentences under "5. Governance" are on governance), scaled down for items longer than
    about a sentence. A phrase's modifier of its subject word counts only where the text
    writes it so (`_otherwise_modified`), and a text that holds only the subject's words of a
    phrase that has others holds none of it.
    """
    said = f"{lead} {text}"
    forms = word_forms(said)
    headed = content_terms(heading) - forms.keys()
    share = 0.0
    for phrase in phrases:
        asked = phrase.forms
        shared = {t for t in forms.keys() & asked.keys()
                  if t not in phrase.modifiers or not _otherwise_modified(said, t, idf)}
        if phrase.modifiers and all(is_subject_term(t, idf) for t in shared):
            continue
        other = _derived_only(shared, forms, asked)
        held = (idf_weight(shared - other, idf) + STEM_ONLY_WEIGHT * idf_weight(other, idf)
                + HEADING_WEIGHT * idf_weight(headed & asked.keys(), idf))
        share = max(share, held / (idf_weight(asked, idf) or 1.0))
    return share * min(1.0, (ITEM_WORDS / max(len(text.split()), 1)) ** 0.5)


def _derived_only(shared: set[str], forms: Mapping[str, set[str]],
                  asked: Mapping[str, set[str]]) -> set[str]:
    """The shared terms for which the text writes only words that part from the asked word
    where the stem ends: another derivation of the stem ("government" of "governance"), not
    an inflection ("commission" of "commissioning") nor another ending of one word
    ("relocation" of "relocating")."""
    return {term for term in shared
            if not any(_same_word(said, word, term) for said in forms[term]
                       for word in asked[term])}


def _same_word(said: str, asked: str, stem: str) -> bool:
    """One word begins the other, a final "e" aside ("raise", "raising"), or they go on alike
    past their stem."""
    said, asked = said.removesuffix("e"), asked.removesuffix("e")
    common = shared_prefix(said, asked)
    return common == min(len(said), len(asked)) or common > len(stem)


def items(hits: Sequence[Hit], phrases: Sequence[Phrase],
          idf: dict[str, float], headed: bool = False,
          value: AnswerType | None = None, counted: AbstractSet[str] = frozenset()) -> list[Item]:
    """Every sentence or list item of the hits that holds a theme word, heaviest first; with
    `headed`, one whose section heading holds it too. With the `value` the theme asks for, an
    item that gives one weighs VALUE_WEIGHT times more (a count, one beside what is `counted`:
    not the "5." of a numbered indicator). Notes' lines and tables' header rows are left out."""
    asked = set().union(*(phrase.forms.keys() for phrase in phrases))
    found = []
    for rank, hit in enumerate(hits):
        heading = hit.section.split(" > ")[-1] if headed else ""
        header = hit.lead or table_header(hit.text)
        for start, end, text in units(hit.text, hit.start, hit.section.split(" > "),
                                      whole_lists=False, title=hit.title):
            # an item is one of what its list's lead-in announces ("the following principles
            # will be followed:" over "1. Commissioning services jointly…": a principle)
            kind = announced_noun(_lead_in_above(hit.text, start - hit.start))
            weight = item_weight(committed(text, header), f"{hit.lead} {kind}", phrases, idf,
                                 heading)
            if weight > 0 and value is not None and gives_value(text, value, asked, counted):
                weight *= VALUE_WEIGHT
            if (weight > 0 and not is_note(text)  # a table's header row names its columns
                    and not is_header_row(hit.text, start - hit.start, end - hit.start)):
                found.append(Item(weight, rank, hit, start, end, text))
    found.sort(key=lambda item: (-item.weight, item.rank))
    return found


def _lead_in_above(text: str, at: int) -> str:
    """The lead-in line of the list whose item starts at `at` in the text ('' when the unit
    is no list item or its list's lead-in is not in the text)."""
    if not BULLET.match(text[at:]):
        return ""
    for line in reversed(text[:at].rstrip("\n").split("\n")):
        if line.strip() and not BULLET.match(line):
            return line if LEAD_IN.search(line) else ""
    return ""


def committed(row: str, header: str) -> str:
    """A table row without its cells under the columns that say who leads it and by when
    (vocabulary [tables] accountability: "Lead", "Timescale"): "Public Health" leads a row on
    school lessons, which is no commitment on health. Any other text as it is."""
    columns = header.split("\t")
    cells = row.split("\t")
    if len(cells) < 2 or len(cells) != len(columns):
        return row
    pattern = vocabulary().accountability_column
    return "\t".join(cell for cell, column in zip(cells, columns, strict=True)
                     if not pattern.fullmatch(column.strip()))


def theme_wordings(topic: str, reworded: Sequence[str], idf: Mapping[str, float]) -> list[str]:
    """The wordings a theme is compared on: as the officer put it and in the strategies' words
    for its everyday ones (`reworded`), but in theirs alone where it has a word no indexed
    document uses: that word matches nothing, so its other words would match too much
    ("spend on domestic abuse": every passage on domestic abuse; "funding on domestic abuse")."""
    unseen = content_terms(topic) - idf.keys()
    wordings = [topic, *reworded]
    return [w for w in wordings if not unseen & content_terms(w)] or wordings


def unindexed_notice(wordings: Sequence[str], idf: Mapping[str, float]) -> str:
    """What to say with a table whose theme has words that no indexed document uses in any of
    its wordings (the theme, and the theme in the strategies' words for its everyday ones):
    the rows match its other words only ("knife crime": crime). '' when there are none."""
    topics = [topic_terms(wording) for wording in wordings]
    unseen = set.intersection(*({t for t in terms if t not in idf} for terms in topics))
    words = typed_words(wordings[0], unseen)
    if not words:
        return ""
    named = ", ".join(f"'{word}'" for word in words)
    said = f"No indexed strategy uses the word{'s' if len(words) > 1 else ''} {named}"
    if topics[0] <= unseen:
        return f"{said}."
    return f"{said}: the rows below match the theme's other words only."


def _repeats(said: str, before: set[str]) -> bool:
    """A quote repeats an item when either holds the other's words (a summary, an appendix)."""
    return any(said in other or other in said for other in before)


def _candidates(topic: str, area: str, search: AreaSearch, scale: int = 1) -> list[Hit]:
    """The area's hits for the theme, then for each facet's kinds; each chunk once."""
    hits = search(topic, area, None, THEME_DEPTH * scale)
    for kinds in FACET_KINDS.values():
        hits += search(topic, area, kinds, FACET_DEPTH * scale)
    return list({h.chunk_id: h for h in reversed(hits)}.values())[::-1]


def _evidence(topic: str, area: str, search: AreaSearch, is_relevant: Relevance) -> list[Hit]:
    """The area's relevant hits; when its first hits hold none, a deeper search, and then a
    looser share of the theme (SHARE_LAST_RESORT), before the area is reported as silent on
    the theme."""
    hits = [h for h in _candidates(topic, area, search) if is_relevant(h, SHARE_SIMILAR, 1.0)]
    if hits:
        return hits
    deeper = _candidates(topic, area, search, DEEPER)
    return ([h for h in deeper if is_relevant(h, SHARE_SIMILAR, 1.0)]
            or [h for h in deeper if is_relevant(h, SHARE_LAST_RESORT, EVERYDAY_WEIGHT)])


def compare(theme: str, topic: str, areas: Sequence[str], search: AreaSearch,
            idf: dict[str, float], is_relevant: Relevance,
            phrases: Sequence[str] = ()) -> Comparison:
    """Fill the areas x facets table from each area's own hits.

    Args:
        theme: the officer's wording (kept on the comparison).
        topic: the theme's topic words (see `kb.retrieval.topic`): what is searched and matched.
        areas: the areas to compare.
        search: (text, area, kinds or None, k) -> that area's hits, best first.
        idf: term weights for weighing items.
        is_relevant: whether a hit is evidence for the topic (else it is left out), given the
            share of the topic's weight a similar hit must hold (see `kb.reports.evidence`).
        phrases: alternative phrasings of the theme, any one of which an item may hold (a
            coverage theme's phrases); default: the topic.

    Returns:
        The comparison; an empty list marks "nothing found".
    """
    wanted = [theme_phrase(p, idf) for p in phrases or (topic,)]
    defines = definition_pattern(topic)
    value = expected_type(theme)  # "Compare the cost of…": the items that give amounts
    counted = counted_terms(theme) if value is AnswerType.COUNT else frozenset()
    cells: dict[str, dict[Facet, list[Citation]]] = {}
    counts: dict[str, dict[Facet, int]] = {}
    quoted: set[tuple[str, int]] = set()
    n = 0
    for area in areas:
        said: set[str] = set()  # a sentence a document repeats (summary, appendix) is one item
        evidence = _evidence(topic, area, search, is_relevant)
        # where no sentence names the theme itself, those under a heading that does ("5.
        # Governance" over who owns the strategy and who chairs its board)
        candidates = (items(evidence, wanted, idf, value=value, counted=counted)
                      or items(evidence, wanted, idf, headed=True, value=value, counted=counted))
        # a definitions section's sentence that defines the theme is context on it ("Stalking
        # is a long term pattern of…"); the glossary's other entries only where nothing else is
        found = ([i for i in candidates if i.hit.kind in COMPARED_KINDS or defines.search(i.text)]
                 or [i for i in candidates if i.hit.kind is ChunkKind.GLOSSARY])
        floor = RELATIVE_SHARE * found[0].weight if found else 0.0
        found = [i for i in found if i.weight >= floor]
        counts[area] = _counts(found)
        row: dict[Facet, list[Citation]] = {}
        for facet in FACET_KINDS:
            row[facet] = []
            for item in (i for i in found if _facet(i.hit.kind) is facet):
                words = quote_words(item.text)
                if (item.hit.doc_id, item.start) in quoted or _repeats(words, said):
                    continue
                quoted.add((item.hit.doc_id, item.start))
                said.add(words)
                n += 1
                row[facet].append(citation_for(n, item.hit, item.start, item.end, item.text))
                if len(row[facet]) == PER_CELL:
                    break
        cells[area] = row
    return Comparison(theme=theme, areas=list(areas), cells=cells, found=counts)


def _counts(found: Sequence[Item]) -> dict[Facet, int]:
    """How many distinct items each facet has (a sentence said twice counts once)."""
    said: set[str] = set()
    counts = dict.fromkeys(FACET_KINDS, 0)
    for item in found:
        words = quote_words(item.text)
        facet = _facet(item.hit.kind)
        if facet is not None and not _repeats(words, said):
            said.add(words)
            counts[facet] += 1
    return counts


def _facet(kind: ChunkKind) -> Facet | None:
    """The column a kind of passage fills; a glossary entry (taken only for an area that says
    nothing else on the theme: "Stalking" only in its risk tool's name) is context."""
    if kind is ChunkKind.GLOSSARY:
        return Facet.CONTEXT
    return next((f for f, kinds in FACET_KINDS.items() if kind in kinds), None)
