"""List answers: the whole list a question asks for, in document order ("What are the
outcomes?", "What will X do under its Protect strand?"), from the best hit's section and the
hits that continue it, with the items' own names; a section of titles, numbered headings or
an action plan's referenced rows where the list is written that way."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import pairwise

from kb.answers.sentences import is_header_row, names_item, units
from kb.records import ChunkKind, Hit
from kb.retrieval.headings import in_section
from kb.retrieval.lists import announces_other, item_lines, list_weight
from kb.text import (
    BULLET,
    LEAD_IN,
    MARKED_HEADING,
    NUMBER_WORDS,
    NUMBERED_ITEM,
    content_terms,
    idf_weight,
    plain,
    shared_prefix,
)
from kb.vocabulary import vocabulary

MAX_LIST_ITEMS = 14
ADJACENT_GAP = 200  # at most this many characters (a heading) between chunks that continue
# A list answer steps back from a list into a sibling section of these kinds only from one
# of them: an introduction before a list of outcomes is no part of it
_BACKGROUND = frozenset({ChunkKind.CONTEXT, ChunkKind.STATISTIC})


def list_units(hits: Sequence[Hit], within_section: bool = False,
               terms: AbstractSet[str] = frozenset(), idf: Mapping[str, float] | None = None,
               nouns: AbstractSet[str] = frozenset(), reference: re.Pattern[str] | None = None,
               kinds: AbstractSet[ChunkKind] = frozenset(),
               named_section: Callable[[str], str] | None = None
               ) -> list[tuple[Hit, int, int, str]]:
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
    `kinds`: the kinds of passage the question asks for (see `_list_run`); `named_section`:
    for a question about a whole section, of whatever kind, the part of the best hit's section
    path it names: the list is all under it ("What does section 3 say?": 3.1 to 3.3)."""
    if not hits:
        return []
    rows: list[tuple[Hit, int, int, str]] = []
    if reference is not None:
        # (in document order: the hit that ranks first may hold the list's last rows)
        found = {item[1]: item for hit in hits if hit.doc_id == hits[0].doc_id
                 for start, end, text in units(hit.text, hit.start, hit.section.split(" > "),
                                               whole_lists=False, title=hit.title)
                 if (item := _referred(hit, start, end, text, reference))}
        rows = [found[start] for start in sorted(found)]
        if any(row[0] is hits[0] for row in rows):  # the section's own list is the plan's rows
            return rows[:MAX_LIST_ITEMS]
    # … else the section's own text comes first, and the plan's rows for it after it
    return (_own_list(hits, within_section, terms, idf, nouns, kinds, named_section)
            + rows)[:MAX_LIST_ITEMS]


def called_item(items: list[tuple[Hit, int, int, str]], names: AbstractSet[str]
                ) -> list[tuple[Hit, int, int, str]]:
    """The one item of a list that a question calls by number where no heading is numbered so
    (`names`: 'noun#number' tokens, `kb.retrieval.headings.numbered_names`; "Hackney's
    second objective": 'object#2'): the units from the item that opens with the noun and
    number ("Objective 2: …") to the next item. Where the list is announced as one of those
    things (a lead-in before the items or the first item's headings name the noun: "We will
    do this by developing four strategic delivery strands.", "Outcomes: … > 1. Education"),
    the item numbered so ("2. Awareness"), else, where each item opens with a title of its
    own ("PREVENT", "SUPPORT"…), the nth of those. The whole list otherwise: a list of actions
    under the section the question calls is no list of its sections ("3.1", "3.2" of section
    3, "Our priorities", are no third priority). Nothing where the list is not announced as
    one of those things."""
    called = [name.split("#", 1) for name in names if "#" in name and not name.startswith("#")]
    if len(called) != 1 or not items:
        return items
    noun, written = called[0]
    number = _ordinal(written)
    openers = [i for i, (_, _, _, text) in enumerate(items) if _opens_item(text)]
    chosen = next((i for i in openers if _item_number(items[i][3], noun) == number), None)
    first = openers[0] if openers else len(items)
    announced = any(noun in content_terms(hit.section) for hit, _, _, _ in items[:first + 1]
                    ) or any(noun in content_terms(text) for _, _, _, text in items[:first])
    if chosen is None and not announced:
        return []  # no list of those things ("What is New Forest's third priority?")
    if chosen is None:  # "Outcomes: … > 1. Education": "2. Awareness"
        chosen = next((i for i in openers if _listed_number(items[i][3]) == number), None)
    if chosen is None:
        titles = [i for i in openers if is_title(_first_line(items[i][3]))]
        if titles != openers or len(titles) < number:
            return items
        chosen = titles[number - 1]
    end = next((i for i in openers if i > chosen), len(items))
    return items[chosen:end]


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0]


def _opens_item(text: str) -> bool:
    """Whether a unit opens an item of a list: a bullet or number, a section noun and number
    ("Objective 2"), or a title line over its text."""
    first = _first_line(text)
    return bool(BULLET.match(first) or NUMBERED_ITEM.match(first) or is_title(first))


_LISTED_NUMBER = re.compile(r"\s*\(?(\d{1,2})[.):]\s")


def _listed_number(text: str) -> int | None:
    """The whole number an item opens with ("2. Awareness", "(3) …"; not "3.1"), else None."""
    found = _LISTED_NUMBER.match(text)
    return int(found.group(1)) if found else None


def _item_number(text: str, noun: str) -> int | None:
    """The number of an item that opens with the section noun (a term: "object") and a
    number ("Objective 2: …", "Priority Two"), else None."""
    named = NUMBERED_ITEM.match(text)
    if named and noun in content_terms(named.group(1)):
        return _ordinal(named.group(2))
    return None


MIN_ROWS = 3  # a table of fewer rows is read whole
CELL_WORDS = 6  # a cell that picks rows out is short: a lead, a date, a status


def rows_asked(items: list[tuple[Hit, int, int, str]], hits: Sequence[Hit],
               terms: AbstractSet[str]) -> list[tuple[Hit, int, int, str]]:
    """Of a list that is a table's rows, the rows a question picks out by their cells
    ("Which actions does Housing lead?": the rows whose lead is Housing; "… due in March
    2025": those with that date): of the rows of the list's document among the hits, in
    document order, those whose short cells after the first (CELL_WORDS) hold every one of
    its `terms` (but the words of the rows' headings) that some rows' cells hold and others
    do not. The list itself where none does so, or it has under MIN_ROWS rows."""
    if sum("\t" in item[3] for item in items) < MIN_ROWS:
        return items
    doc_id = items[0][0].doc_id
    # (by document offset: a row two hits share is one row)
    found = {start: (hit, start, end, text) for hit in hits if hit.doc_id == doc_id
             for start, end, text in units(hit.text, hit.start, hit.section.split(" > "),
                                           whole_lists=False, title=hit.title)
             if "\t" in text}
    rows = [found[start] for start in sorted(found)]
    # (a table of columns, whose header names them: "Action / Lead / Timescale"; not a grid of
    # items, "Physical harm / Emotional harm / …"; the header itself answers nothing)
    headers = [item for item in rows
               if is_header_row(item[0].text, item[1] - item[0].start, item[2] - item[0].start)]
    if not any(vocabulary().table_header.search(item[3]) for item in headers):
        return items
    rows = [item for item in rows if item not in headers]
    # (a row's other cells say who leads it, when it is due, how it stands; its first names
    # it, and the words of the section it is in name every row: "the perpetrators outcome")
    held = [content_terms(" ".join(cell for cell in item[3].split("\t")[1:]
                                   if len(cell.split()) <= CELL_WORDS)) for item in rows]
    headed = set().union(*(content_terms(item[0].section) for item in rows))
    picking = {t for t in terms - headed
               if any(t in h for h in held) and not all(t in h for h in held)}
    picked = [item for item, h in zip(rows, held, strict=True) if picking and picking <= h]
    return picked[:MAX_LIST_ITEMS] or items


def _own_list(hits: Sequence[Hit], within_section: bool, terms: AbstractSet[str],
              idf: Mapping[str, float] | None, nouns: AbstractSet[str],
              kinds: AbstractSet[ChunkKind], named_section: Callable[[str], str] | None
              ) -> list[tuple[Hit, int, int, str]]:
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
    run = _list_run(anchor, hits, _section_scope(anchor, within_section, named_section), terms,
                    kinds)
    if not within_section:
        parent, named = _headings_named(hits, anchor, nouns)
        if named:  # "Priority One: Early help", "Priority Two: …" for "What are the priorities?"
            # after the text of the section they are in, when that is the best hit
            own = _own_units(anchor) if anchor.section.split(" > ") == parent else []
            # … up to the first of them: a passage that runs on into it ("Our priorities", its
            # list, then "Priority 1: …" over "Why this matters") holds that section's text
            starts = [start for hit, start, _, _ in named if hit.chunk_id == anchor.chunk_id]
            named_titles = {title for _, _, _, title in named}
            own = [unit for unit in own if (not starts or unit[1] < min(starts))
                   and unit[3].strip(" \t#") not in named_titles]
            return (own + named)[:MAX_LIST_ITEMS]
        titles = _child_titles(anchor, run)
        if len(titles) >= 2:  # "Our themes", then "Theme 1…", "Theme 2…" over their own sections
            return (_own_units(anchor) + titles)[:MAX_LIST_ITEMS]
    sections = _sibling_sections(run[1:])
    # sections of one kind are a list's items (strands, each under its heading); of several
    # kinds, the parts of one section (its actions, then its indicators), read whole
    parallel = len(sections) >= 2 and len({h.kind for h in sections}) == 1
    # the best hit opens the first of them, where it holds no list of its own ("3.1 Prevention"
    # over a sentence, not "Some impacts of abuse" over a table of them)
    if (parallel and _parent(run[0]) == _parent(sections[0]) and run[0].kind is sections[0].kind
            and item_lines(run[0].text) < 2 and "\t" not in run[0].text):
        sections = [run[0], *sections]
    openers = {h.chunk_id for h in sections} if parallel else set()
    # … and what a strand's section goes on to say in passages of another kind (its actions
    # under "We will:") is its own content, not another item of the list
    strands = {h.section: h.kind for h in sections} if parallel else {}
    items: list[tuple[Hit, int, int, str]] = []
    for hit in run:
        if hit.section in strands and hit.kind is not strands[hit.section]:
            continue
        found = [(hit, start, end, text) for start, end, text in
                 units(hit.text, hit.start, hit.section.split(" > ")[:-1], labels=True,
                       title=hit.title)]
        if hit.chunk_id in openers:  # its heading and first sentence, and the items it names
            found = (found[:1] + [item for item in found[1:] if names_item(item[3])]
                     or _heading_unit(hit))  # ("3.3 Perpetrators" over "We will:")
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
    titles = [i for i, first in enumerate(firsts) if is_title(first)
              and not (i == 0 and content_terms(first) & nouns)]
    if len(titles) < 2:
        return items
    best = _named_one([firsts[i] for i in titles], terms, idf)
    if best is None:
        return items
    end = titles[best + 1] if best + 1 < len(titles) else len(items)
    return items[titles[best]:end]


def named_title(found: Sequence[tuple[int, int, str]], heading: str, terms: AbstractSet[str],
                 idf: Mapping[str, float]) -> tuple[int, int] | None:
    """Within one passage, the (index, end index) of the units under the one title inside it
    that the question names (see `_named_group`; the passage's own heading, which is no unit,
    is a rival title), None when none, or more than one, is named."""
    titles = [i for i, (_, _, text) in enumerate(found) if "\n" not in text.strip()
              and is_title(text)]
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


def is_title(line: str) -> bool:
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
    # "Priority three - Children and young people" numbers one item of the list asked for
    if (item := NUMBERED_ITEM.match(heading)) and content_terms(item.group(1)) & nouns:
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
    section (or from a marked heading inside a passage of its parent, which runs on into it),
    in document order, with the path of their parent; none unless two or more are found."""
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
        # … and a heading the passage runs on into, below its own ("Our priorities", its list,
        # then "## Priority 1: …" opening the first of them)
        for line in MARKED_HEADING.finditer(hit.text):
            title = line.group(1)
            numbered = NUMBERED_ITEM.match(title)
            if (numbered is not None and content_terms(numbered.group(1)) & nouns
                    and not any(item[3] == title for _, item in found)):
                found.append((tuple(path), (hit, hit.start + line.start(1),
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


def _section_scope(anchor: Hit, within_section: bool,
                   named_section: Callable[[str], str] | None) -> Callable[[Hit], bool] | None:
    """Which hits a list that keeps to a section may take (None: any): those of the best
    hit's section, or, for a question about a whole section of whatever kind, those under the
    part of its path that the question names (`named_section`), subsections too."""
    if not within_section:
        return None
    if named_section is None:
        return lambda hit: hit.section == anchor.section
    named = named_section(anchor.section)
    return lambda hit: in_section(hit.section, named)


def _list_run(first: Hit, hits: Sequence[Hit], scope: Callable[[Hit], bool] | None = None,
              terms: AbstractSet[str] = frozenset(),
              kinds: AbstractSet[ChunkKind] = frozenset()) -> list[Hit]:
    """The hits that may hold the list the best hit is part of, in document order: the chunk
    of its section just before it, when retrieved and adjacent, and the retrieved chunks of
    sibling sections right before that (the best hit is not always where the list starts: it
    may be its fifth item; going further back than the list fills the answer with what
    precedes it), then the hits that continue it without a gap (a hit further on in the
    document is another passage, not the rest of the list); a sibling before it is of the
    best hit's kind (a list of indicators does not start in the actions before it; background
    may start in background of either kind). `scope`: only the hits it takes
    (`_section_scope`). A sibling section is no part of the list when the
    question names something in the best hit's headings that the sibling's lack ("measures
    … for perpetrators" under "Theme 3: Holding perpetrators to account > Key measures" is
    not Theme 2's measures), nor one after a list of a kind the question asks for that is of
    none of those `kinds` (`_list_ended`)."""
    same = sorted((h for h in hits if h.doc_id == first.doc_id
                   and (scope is None or scope(h))),
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
    shared = shared_prefix(path, other_path)  # headings they share, from the top
    return 0 < shared < min(len(path), len(other_path))


def _opening(hit: Hit) -> int:
    """Where the hit's own heading starts its text (after white space only), or -1."""
    heading = hit.section.split(" > ")[-1]
    at = hit.text.find(heading)
    return at if at >= 0 and not hit.text[:at].strip() else -1


def _heading_unit(hit: Hit) -> list[tuple[Hit, int, int, str]]:
    """The heading the hit opens with, as a unit, for a section whose own text gives no item
    ("3.3 Perpetrators" over only "We will:"); none when it opens with no heading."""
    at = _opening(hit)
    if at < 0:
        return []
    heading = hit.section.split(" > ")[-1]
    return [(hit, hit.start + at, hit.start + at + len(heading), heading)]


def _parent(hit: Hit) -> list[str]:
    """The path of the section a hit's section is in."""
    return hit.section.split(" > ")[:-1]


def _sibling_sections(run: Sequence[Hit]) -> list[Hit]:
    """The first hit of each section in the run that opens with its heading, when those
    sections share one parent (the run's first such section decides which parent)."""
    found: list[Hit] = []
    parent: list[str] | None = None
    for hit in run:
        if not hit.section or _opening(hit) < 0:
            continue
        if parent is None:
            parent = _parent(hit)
        if _parent(hit) == parent and all(h.section != hit.section for h in found):
            found.append(hit)
    return found
