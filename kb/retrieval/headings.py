"""Headings as a search field: a question that names a section ("under its 'Pursuing'
strand", "the Key Indicators of Progress", "the principles partners will follow") favours
the chunks under that heading.

A heading is named when every specific word of it (words rarer than GENERIC_SHARE of the
chunks) occurs in the question, or when the question calls it a section by name: every word
of the heading is among the words just before a section noun ("under its Prevention
priority", "the Recovery delivery strand"), whatever their frequency, since a strand's name
is often a common word; then the section noun ("priority") says what kind of section is
meant and names no heading of its own ("Delivery priorities"). Otherwise headings made only
of common words ("Domestic abuse") never count, and neither do template headings that a
document repeats under sibling parents ("What strategic action should we take?" under each
strand, "Key Indicators of Progress" under each outcome): the parent is what names the
section, and with it the template heading's words ("the prevention outcomes" names
"Prevention > Outcomes").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

from kb.retrieval.english import common_terms
from kb.text import NUMBER_WORDS, ORDINAL_WORDS, STOPWORDS, content_terms, singular, word_list_terms
from kb.vocabulary import vocabulary

GENERIC_SHARE = 0.1  # a word in more than a tenth of the chunks says nothing about a section
NAME_WORDS = 3  # at most this many words before a section noun are the section's name
ORDINAL_GAP = 2  # words at most between an ordinal and its section noun ("second delivery strand")
_TOKEN = re.compile(r"[\w‘’'-]+")
_PREPOSITIONS = frozenset("under for in within of from on about across to at".split())
_NAMED_AFTER = frozenset("on about".split())  # "the outcome on communities" names it after
_CLAUSE_OPENERS = frozenset("what how why who where when".split())  # "… on what works"
_CLAUSE_WORDS = 8  # the words of such a clause read, function words among them
_DETERMINERS = frozenset("its the their his her our your this that each".split())
_POSSESSIVE = re.compile(r"\w['’]s?$")  # "Oxfordshire's", "partners'"; not a closing quote
_NUMBER = r"\d{1,2}(?:\.\d{1,2})?"  # a section's number: "3", "3.2"


@dataclass(frozen=True)
class SectionReference:
    """A question's references to sections by name: the names' words, and the question
    without the references that place it in a section (what is asked of the section)."""

    names: frozenset[str]
    rest: str
    about: frozenset[str] = frozenset()  # the words after it: "the outcome on communities"
    # it places what it asks in the section ("under its …", "section 3.2 of …"), so the
    # references are out of `rest`; "What are the delivery strands?" asks for the strands
    placed: bool = False


def section_reference(question: str) -> SectionReference:
    """The words a question gives as a section's name: up to NAME_WORDS words before a
    section noun ("strand", "priority", "section"…, vocabulary [lists]), back to a function
    word or a possessive ("Oxfordshire's Prevention priority" names "Prevention"); or, after
    the noun and "on" or "about", up to NAME_WORDS words that say what the section is about
    ("the outcome on communities": a heading about communities)."""
    matches = list(_TOKEN.finditer(question))
    found: set[str] = set()
    about: set[str] = set()
    spans: list[tuple[int, int]] = []
    # "its second delivery strand", "the second of its delivery strands": one called by number
    # (below), whose other words name no heading
    by_ordinal = [m.span() for m in _numbered_pattern().finditer(question) if m.group(3)]
    for at, match in enumerate(matches):
        word = match.group().lower().strip("'‘’")
        if not _is_section_noun(word) or any(a <= match.start() < b for a, b in by_ordinal):
            continue
        first = at
        name: set[str] = set()
        for index in range(at - 1, max(at - NAME_WORDS, 0) - 1, -1):
            text = matches[index].group()
            if text[0] in "'‘’":  # a quoted name: 'Pursuing'
                text = text.strip("'‘’")
            if text.lower() == "and" and _capitalised(matches, index - 1, at - NAME_WORDS):
                first -= 1  # "its Safety and support priority": a capitalised name goes on
                continue
            if text.lower() in STOPWORDS or _POSSESSIVE.search(text):
                break
            if word != singular(word) and (text.isdigit() or text.lower() in NUMBER_WORDS):
                first, name = at, set()  # "its four (strategic) priorities" counts the list
                break
            name |= content_terms(text)
            first -= 1
        found |= name
        subject: list[re.Match[str]] = []  # "the outcome on communities": what it is about
        if first == at and at + 1 < len(matches) and matches[at + 1].group().lower() in _NAMED_AFTER:
            previous = matches[at + 1]
            # "the section on what is known to work": a clause, whose function words go by
            clause = at + 2 < len(matches) and matches[at + 2].group().lower() in _CLAUSE_OPENERS
            for after in matches[at + 2:at + 2 + (_CLAUSE_WORDS if clause else NAME_WORDS)]:
                text = after.group().strip("'‘’")
                gap = question[previous.end():after.start()]
                if (_POSSESSIVE.search(text) or gap.strip(" '‘’")
                        or vocabulary().asking_verbs.fullmatch(text)):
                    break  # a possessive, punctuation or the question's "say" ends it …
                if text.lower() in STOPWORDS and not clause:
                    break  # … and a function word ends a name
                about |= content_terms(text)
                subject.append(after)
                previous = after
        # "the Governance section of the strategy", "… section say?": a division is a place
        # in the document, as one called by number is
        division = singular(word) in _DIVISIONS and bool(_DIVISION_ASKED.match(question, match.end()))
        if (first < at or subject) and (_locates(matches[:first]) or division):
            spans.append((matches[first].start(), (subject[-1] if subject else match).end()))
    # "under Priority Two", "in Ambition 2": the number names the section; "section 3.2" is
    # a place in the document wherever it stands ("What does section 3.2 say?")
    for named in _numbered_pattern().finditer(question):
        names = numbered_names(named.group())
        if _ACT.match(question, named.end()):  # "Part 4 of the Domestic Abuse Act"
            names = frozenset(name for name in names if not name.startswith("#"))
        if (_locates(_before_name(matches[:sum(m.start() < named.start() for m in matches)]))
                or (any(name.startswith("#") for name in names)
                    and _DIVISION_ASKED.match(question, named.end()))):
            found |= names
            spans.append(named.span())
        elif singular(_called_noun(named).lower()) not in _DIVISIONS:
            # "What is Wyvern's second priority?" asks for that one, all of it (not for a
            # "Part 4 duty")
            found |= names
            spans.append(named.span())
    # "the key actions under RECOVERY", "… under 'Pursue'": a heading's own words after
    # "under", at the question's end, where it calls no section otherwise ("the delivery
    # priorities under Prevention" calls the priorities a section, Prevention one of them)
    under = None if found or spans else _under_heading().search(question)
    if under is not None:
        found |= content_terms(under.group(1))
        spans.append(under.span(1))
    rest = question
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    return SectionReference(frozenset(found), " ".join(rest.split()), frozenset(about),
                            bool(spans))


@lru_cache(maxsize=1)
def _under_heading() -> re.Pattern[str]:
    """A capitalised heading's words after "under", at the question's end or before the
    document or list it is in ("… under Prevention in the strategy?", "… under PROTECT in
    the key actions?")."""
    words = vocabulary()
    document = (rf"(?:\s+(?:in|of)\s+(?:the|its|their|this)\s+(?:[\w'’-]+\s+){{0,3}}?"
                rf"(?:{words.document_words}|{words.list_nouns}))?")
    return re.compile(r"\bunder\s+(?:the\s+|its\s+|their\s+)?['‘’\"]?"
                      r"((?-i:[A-Z])[\w-]*(?:\s+(?:and\s+|&\s+)?(?-i:[A-Z])[\w-]*){0,2})"
                      rf"['‘’\"]?(?={document}\s*(?:[?.!]|$))", re.IGNORECASE)


def _capitalised(matches: list[re.Match[str]], index: int, start: int) -> bool:
    """The word at `index` (not before `start`) is capitalised and not the question's first
    word: a name's first word, as in "Safety and support"."""
    return index > 0 and index >= start and matches[index].group()[0].isupper()


@lru_cache(maxsize=1)
def _numbered_pattern() -> re.Pattern[str]:
    by_length = sorted(vocabulary().section_nouns, key=len, reverse=True)
    nouns = "|".join(by_length)
    plurals = "|".join(_plural(n) for n in by_length)
    words = "|".join(NUMBER_WORDS)
    ordinals = "|".join(ORDINAL_WORDS)
    # "Section C", "Part B": a capital letter numbers a division as a figure does; "its
    # second priority" is "Priority 2", and so are "its second delivery strand" (up to
    # ORDINAL_GAP words between) and "the second of its priorities"
    of = r"of\s+(?:the\s+|its\s+|their\s+|[\w-]*['’]s?\s+)?"
    return re.compile(rf"\b(?:({nouns})s?\s+({_NUMBER}|{words}|(?-i:[A-Z]))"
                      rf"|({ordinals})\s+(?:{of}(?:[\w-]+\s+){{0,{ORDINAL_GAP}}}?({plurals})"
                      rf"|(?:[\w-]+\s+){{0,{ORDINAL_GAP}}}?({nouns})))\b", re.IGNORECASE)


# What follows a division's number that a question asks about ("section 3.2 of the strategy",
# "… say?"); not "Part 4 of the Domestic Abuse Act", nor "its Part 4 duty"
_DIVISION_ASKED = re.compile(r"\s*(?:of\b|says?\b|covers?\b|contains?\b|[?.]|$)")
_ACT = re.compile(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)*Act\b")
# A document's divisions called by a section's number ("section 3.2", "chapter 4"), and that
# number where a heading opens with it
_DIVISIONS = frozenset({"section", "chapter", "part"})
_SECTION_NUMBER = re.compile(rf"\s*({_NUMBER})\.?\s+(?=[A-Za-z])")


def _called_noun(match: re.Match[str]) -> str:
    """The section noun of a `_numbered_pattern` match."""
    return str(match.group(1) or match.group(4) or match.group(5))


def listed_question(question: str) -> str | None:
    """The list question that a question calling one item by number is part of, where that
    item is no heading of its own ("What is Bucks' second delivery strand?": "What are Bucks'
    delivery strands?"; "the third of Wiltshire's priorities": "Wiltshire's priorities"); None
    where it calls none so, or calls a division of the document ("section 7": no list's item)."""
    match = _numbered_pattern().search(question)
    if match is None or singular(_called_noun(match).lower()) in _DIVISIONS:
        return None
    before = question[:match.start()]
    if match.group(4):  # "the third of its priorities": its priorities
        called = re.sub(r"^\s*of\s+", "", match.group()[match.end(3) - match.start():])
        before = re.sub(r"\bthe\s+$", "", before, flags=re.IGNORECASE)
    elif match.group(5):  # "its second delivery strand": its delivery strands
        words = match.group()[match.end(3) - match.start():].split()
        called = " ".join([*words[:-1], _plural(words[-1])])
    else:  # "Priority Two": the priorities
        called = _plural(match.group(1))
    listed = f"{before}{called}{question[match.end():]}"
    return re.sub(r"^\s*(?:what\s+is|what['’]s|which\s+is)\b", "What are", listed,
                  flags=re.IGNORECASE)


def _plural(noun: str) -> str:
    return f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"


def numbered_names(text: str) -> frozenset[str]:
    """The sections a text calls by a section noun and a number, a capital letter or an
    ordinal ("Priority Two", "under Ambition 2", "Section C", "its second priority", the
    heading "Outcome 3: …"), as 'noun#number' tokens ("prioriti#2", "section#C")."""
    found = set()
    for match in _numbered_pattern().finditer(text):
        noun, number = (match.group(1), match.group(2)) if match.group(1) else (
            _called_noun(match), ORDINAL_WORDS[match.group(3).lower()])
        number = NUMBER_WORDS.get(number.lower(), number)
        found.add(f"{min(content_terms(noun), default=noun.lower())}#{number}")
        if noun.lower() in _DIVISIONS and number[0].isdigit():
            found.add(f"#{number}")  # "section 3.2" is the heading numbered "3.2"
    # a heading's own number ("3.2 Support for victims", "5. Governance"), and a whole number
    # under a heading that names what it numbers ("Our priorities > 3. Holding perpetrators
    # to account" is the third priority)
    parent = ""
    for heading in text.split(" > "):
        if m := _SECTION_NUMBER.match(heading):
            found.add(f"#{m.group(1)}")
            if m.group(1).isdigit():
                found.update(f"{noun}#{m.group(1)}" for noun in _section_nouns(parent))
        parent = heading
    return frozenset(found)


def _section_nouns(heading: str) -> set[str]:
    """The terms of a heading's section nouns ("Our priorities": prioriti)."""
    return {term for word in re.findall(r"[A-Za-z]+", heading)
            if _is_section_noun(word.lower()) for term in content_terms(word)}


def _is_section_noun(word: str) -> bool:
    """A (lower-case) section noun or its plural ("priority", "strands"; vocabulary [lists])."""
    nouns = vocabulary().section_nouns
    return word in nouns or singular(word) in nouns


def division_reference(text: str) -> str:
    """The first division of a document a text calls by number, as written ("section 12",
    "Part B"; not "Priority Two", which may be an item of a list); '' when it calls none so."""
    return next((called for called in numbered_references(text)
                 if singular(called.split()[0].lower()) in _DIVISIONS), "")


def numbered_references(text: str) -> list[str]:
    """Each section a text calls by a section noun and a number, as written ("section 12",
    "its fourth priority")."""
    return [match.group() for match in _numbered_pattern().finditer(text)]


@lru_cache(maxsize=256)
def referenced_items(names: frozenset[str]) -> re.Pattern[str] | None:
    """The references of the items of the sections `names` calls by number (`numbered_names`:
    "theme#B" numbers its actions "B1", "B.2"; "prioriti#2" numbers them "2.1"), as a pattern
    matching at an item's start: an action plan kept apart from the sections, one table for
    all, refers each row to its section so; None when no name is numbered."""
    numbers = sorted({name.split("#", 1)[1] for name in names if "#" in name})
    if not numbers:
        return None
    letters = "|".join(n for n in numbers if n.isalpha())
    # "section 3.2" numbers its items "3.2.1"
    digits = "|".join(re.escape(n) for n in numbers if re.fullmatch(_NUMBER, n))
    alternatives = ([rf"(?:{letters})\.?\d{{1,2}}"] if letters else []) + (
        [rf"(?:{digits})\.\d{{1,2}}"] if digits else [])
    if not alternatives:
        return None
    return re.compile(rf"^\W*(?:{'|'.join(alternatives)})(?![\d.]*\d)(?=\W)")


def holds_items(reference: re.Pattern[str], text: str, section: str = "") -> bool:
    """Whether a line of a text is an item that `referenced_items` numbers for its section
    ("4.1 - …" for "section 4", "B1" for "Theme B"); not one of the headings of its `section`
    path ("2.2 What survivors told us" heads a section of chapter 2, no item of objective 2)."""
    headings = {heading.strip() for heading in section.split(" > ")}
    return any(reference.match(line) and line.strip() not in headings
               for line in text.splitlines())


def _before_name(before: Sequence[re.Match[str]]) -> Sequence[re.Match[str]]:
    """The words before a numbered section's name words ("under its strategic objective 2":
    "strategic" is part of the name, "under its" places it)."""
    end = len(before)
    while end and len(before) - end < NAME_WORDS and not (
            (word := before[end - 1].group().lower()) in STOPWORDS or _POSSESSIVE.search(word)):
        end -= 1
    return before[:end]


def _locates(before: Sequence[re.Match[str]]) -> bool:
    """True when a preposition leads to the reference ("under its", "for the", "in
    Oxfordshire's"): it places what is asked in the section ("What will X do under its
    Prevention priority?"); without one the section is what is asked ("Give me the
    prevention outcomes")."""
    for match in reversed(before):
        word = match.group().lower()
        if word in _PREPOSITIONS:
            return True
        if word not in _DETERMINERS and not _POSSESSIVE.search(word):
            return False
    return False


def in_section(section: str, named: str) -> bool:
    """Whether a section path is the named one or under it."""
    return section == named or section.startswith(f"{named} > ")


class HeadingMatcher:
    """Matches a chunk's heading path against a question's terms."""

    def __init__(self, idf: Mapping[str, float], sections: Iterable[str]) -> None:
        """Use the corpus idf to tell specific heading words from common ones, and the
        section paths to tell template headings from section names."""
        floor = math.log(1 + 1 / GENERIC_SHARE)
        self._specific = frozenset(t for t, weight in idf.items() if weight > floor)
        self._kinds = word_list_terms(vocabulary().section_nouns)
        parents: dict[tuple[str, int], set[str]] = defaultdict(set)
        written: set[str] = set()  # as written: "Section C" is numbered by its capital
        for section in set(sections):
            path = section.split(" > ")
            written.update(path)
            for depth, heading in enumerate(path):
                parents[heading.strip().lower(), depth].add(" > ".join(path[:depth]))
        self._templates = frozenset(h for (h, _), under in parents.items() if len(under) > 1)
        self._headings_seen = frozenset(h for h, _ in parents if h not in self._templates)
        self._headings_as_written = frozenset(written)
        self.headings = lru_cache(maxsize=50_000)(self._headings)
        self._words = lru_cache(maxsize=50_000)(self._all_words)
        self._numbered = lru_cache(maxsize=50_000)(numbered_names)

    def _headings(self, section: str) -> tuple[frozenset[str], ...]:
        path = section.split(" > ")
        names = (h for h in path if h.strip().lower() not in self._templates)
        # (a heading with no specific word names nothing, whether or not it frames: the
        # English word list is read only for one that has some)
        found = [words for h in names if (words := frozenset(content_terms(h) & self._specific))
                 and not _frame_question(h)]
        # a template heading with its parent, every word counted: "Prevention > Outcomes" is
        # named by "the prevention outcomes"
        found += [frozenset(content_terms(f"{parent} {heading}"))
                  for parent, heading in pairwise(path)
                  if heading.strip().lower() in self._templates
                  and parent.strip().lower() not in self._templates
                  and not any(c.isdigit() for c in parent)]  # "Outcome 3": its number names it
        return tuple(h for h in found if h)

    def topic(self, section: str) -> str:
        """The part of a section path that says what it is about: the path up to its first
        template heading ("Perpetrators are prevented… > What strategic action should we
        take?" is about "Perpetrators are prevented…")."""
        path = section.split(" > ")
        for depth, heading in enumerate(path):
            if depth and heading.strip().lower() in self._templates:
                return " > ".join(path[:depth])
        return section

    def names_a_section(self, names: frozenset[str], about: frozenset[str] = frozenset()
                        ) -> bool:
        """True when the words (see `section_reference`) hold every word of some heading, or
        name a section by its number that a heading has ("Priority Two"), or when some
        heading holds every word of what a section is said to be `about`."""
        return (bool(names) and (any(
            words <= names for word in names for words in self._by_word.get(word, ()))
            or bool(names & self._numbered_seen))) or (bool(about) and any(
                about <= words for word in about for words in self._by_word.get(word, ())))

    @cached_property
    def _numbered_seen(self) -> frozenset[str]:
        return frozenset().union(*(numbered_names(h) for h in self._headings_as_written
                                   if h.strip().lower() not in self._templates))

    @cached_property
    def _by_word(self) -> dict[str, set[frozenset[str]]]:
        """Every heading's words, by word (built when a question first calls a section by
        name: stemming every heading of a large store would slow opening it)."""
        by_word: dict[str, set[frozenset[str]]] = defaultdict(set)
        for heading in self._headings_seen:
            words = frozenset(content_terms(heading))
            for word in words:
                by_word[word].add(words)
        return by_word

    def named(self, section: str, terms: frozenset[str], names: frozenset[str] = frozenset(),
              about: frozenset[str] = frozenset()) -> bool:
        """True when the question's terms hold every specific word of one of the headings, or
        the words it calls a section by (`section_reference`) every word of one, or one of
        them holds every word of what it says the section is `about`."""
        if not names and not about:
            return any(heading <= terms for heading in self.headings(section))
        terms = terms - self._kinds  # "Prevention priority" does not name "Delivery priorities"
        return (any(heading <= terms for heading in self.headings(section))
                or any(words and words <= names for words in self._words(section))
                or bool(names & self._numbered(section))
                or (bool(about) and any(about <= words for words in self._words(section))))

    def named_part(self, section: str, terms: frozenset[str], names: frozenset[str] = frozenset(),
                   about: frozenset[str] = frozenset()) -> str:
        """The section path up to the outermost heading the question names (`named`): "What
        does section 3 say?" of "3. Delivering the aims > 3.1 Prevention" names "3. Delivering
        the aims", all of whose subsections it asks for; the whole path when none is named."""
        path = section.split(" > ")
        return next((named for depth in range(1, len(path))
                     if self.named(named := " > ".join(path[:depth]), terms, names, about)),
                    section)

    def _all_words(self, section: str) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(content_terms(h)) for h in section.split(" > ")
                     if h.strip().lower() not in self._templates)


def _frame_question(heading: str) -> bool:
    """A heading that asks what its section answers in everyday words ("How will we get
    there?", "Where do we want to be?"): it frames the section, and a question that shares
    its "get" or "want" does not name it ("What support will children get?"). "What is
    coercive control?" names its subject."""
    return heading.rstrip().endswith("?") and content_terms(heading) <= common_terms(heading)
