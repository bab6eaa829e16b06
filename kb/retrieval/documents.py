"""Documents named in a question: "the 2008 presentation", "the recovery pilots launch",
"the 2019-24 strategy", "the older strategy" — resolved against the indexed documents' titles,
periods and kinds, never against file names or a list of known documents.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import cache
from itertools import pairwise

from kb.records import DocumentInfo, Hit
from kb.retrieval.glossary import is_acronym
from kb.retrieval.years import DATING_YEARS, RANGE, YEAR, years_of
from kb.text import POSSESSIVE, STOPWORDS, content_terms, stem, word_list_terms
from kb.vocabulary import vocabulary

_DRAFTS = re.compile(r"\bdrafts?\b", re.IGNORECASE)  # "Which strategies are still drafts?"
_DOCUMENT = r"(\w+ ){0,2}(strategy|plan|presentation|document|version|edition|slides|report)\b"
# a word for documents on its own, singular or plural ("which of the strategies is…")
_DOCUMENTS = (r"\b(strateg(y|ies)|plans?|presentations?|documents?|versions?|editions?|slides|"
              r"reports?)")
# "the oldest strategy", and "which strategy is the oldest"
_OLDEST = re.compile(rf"\b(old|older|oldest|earlier|earliest|previous|first|original) {_DOCUMENT}|"
                     rf"{_DOCUMENTS} (is|are|was|were) (the )?(oldest|earliest)\b", re.IGNORECASE)
_NEWEST = re.compile(rf"\b(new|newer|newest|latest|current|most recent|refreshed) {_DOCUMENT}|"
                     rf"{_DOCUMENTS} (is|are|was|were) (the )?(newest|latest|most recent)\b",
                     re.IGNORECASE)
# "the previous strategy": one before another of its kind, which an area with one is not
_PREVIOUS = re.compile(rf"\b(previous|former|prior) {_DOCUMENT}", re.IGNORECASE)
DEFAULT_KIND = "strategy"  # "the strategy" is how officers say "the area's document"
# A document a question takes its answer from: "What does the <…> Plan say / set out…",
# "according to the <…> Strategy", "according to the 2008 slides" (not "What does X say about
# the Care Act", where the Act is the topic, nor "the recommendations of the 2016 Review", which
# a strategy may report, nor "the April consultation events", which it may report too). A name
# ends in a word for a document (vocabulary [documents] source_names) or for a kind of one
# ([documents.kinds]).
_CAPITALISED = re.compile(r"[A-Z][\w&-]*")


# a question that asks for a name ("Who agreed…?", "Which partnership signed off…?")
_WHO = re.compile(r"\W*(who|whom|(which|what)\s+(bod(y|ies)|partnerships?|boards?|groups?"
                  r"|committees?|organi[sz]ations?|panels?|forums?))\b", re.IGNORECASE)
# "run until 2027", "ends in 2024", "expires 2025": the year a period ends, not one it covers
_ENDING = re.compile(r"\b(until|till|to|through|end(s|ing)?|expir\w*|finish\w*|due)\s+(in\s+)?"
                     r"(19|20)\d\d\b", re.IGNORECASE)


# "the Domestic Abuse Act 2021", "the Care Act 2014": the year names the law, not a document's
# period
_LAW_YEAR = re.compile(r"\b(Act|Acts|Bill|Regulations)\s+(19|20)\d\d\b")
# "What has X achieved since 2016?": what happened from that year on, which only a document
# whose period reaches it can tell
_SINCE = re.compile(r"\b(?:since|after)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# two references joined: "the 2008 presentation and the 2019-24 strategy"
_JOINED_REFERENCES = re.compile(r"\s+(?:and|or|versus|vs\.?|compared (?:with|to))\s+",
                                re.IGNORECASE)


def _asked_year(question: str) -> int | None:
    """The one year a question gives, not as part of a period ("2019-24" names a document),
    by which it asks which documents' periods end in or run over it."""
    if RANGE.search(question):
        return None
    found = {int(y.group()) for y in YEAR.finditer(question)}
    return found.pop() if len(found) == 1 else None


_YEARS = r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"  # "2022", "2019-2022", "2016/19"


def _document_word() -> str:
    """A word that ends a document's name: a source's ("review", "act") or a kind's cue."""
    words = vocabulary()
    return f"(?:{words.source_names}|{words.document_words})"


@cache
def _source_pattern() -> re.Pattern[str]:
    word = _document_word()
    # … the last of them: "the 2016 Strategic Review" ends with "Review", not "Strategic"
    end = rf"{word}(?!\s+{word}\b)"
    # a name may end with its period: "the Wyvern Domestic Abuse Plan 2019-2022"
    period = rf"(?:\s+{_YEARS})?"
    return re.compile(r"\b(?:(?:does|did|do)\s+(?:the\s+)?(?P<ref>(?:[\w'’&-]+\s+){0,6}?"
                      rf"{end}{period})\s+(?:say|set out|state|propose|recommend|commit|include|"
                      r"cover|list|describe|mention|promise|require)|according to\s+(?:the\s+)?"
                      rf"(?P<per>(?:[\w'’&-]+\s+){{0,6}}?{end}{period}))\b", re.IGNORECASE)


@cache
def _year_then_document_word() -> re.Pattern[str]:
    return re.compile(rf"\b{_YEARS}\s+({_document_word()})\b", re.IGNORECASE)


def _called_by_year(question: str) -> str:
    """The word for a document written right after a year ("the 2016 review": review; "the
    2008 slides": slides), '' when no such word follows one."""
    found = _year_then_document_word().search(question)
    return found.group(1) if found else ""


@cache
def _year_then_name() -> re.Pattern[str]:
    return re.compile(rf"\b({_YEARS})\s+(?:{vocabulary().document_names.pattern})", re.IGNORECASE)


def _dated_name(question: str) -> tuple[int, int] | None:
    """The year written right before a word that names a document ("the April 2019 events",
    "the 2020 launch"): a document so named runs over it. None where there is none."""
    found = _year_then_name().search(question)
    return years_of(found.group(1)) if found else None


_FIGURES = frozenset({"count", "amount", "share"})


def _asks_figure(question: str) -> bool:
    """Whether the question asks for a number, an amount or a share (vocabulary
    [answer_types])."""
    return any(kind in _FIGURES and cue.search(question)
               for kind, cue in vocabulary().answer_type_cues)


def _period(document: DocumentInfo) -> tuple[int, int] | None:
    """The years a document runs over, from its period or else its title."""
    return years_of(document.period) or years_of(document.title)


def _called_so(document: DocumentInfo, called: str) -> bool:
    """The document is what the word calls it: its title or kind holds the word, or the word
    is a cue for its kind ("slides" of a presentation)."""
    return (not called or content_terms(called) <= content_terms(f"{document.title} {document.kind}")
            or any(kind == document.kind and cue.search(called)
                   for kind, cue in vocabulary().document_kinds))


def _of_kind_asked(pool: list[DocumentInfo], asked: set[str]) -> list[DocumentInfo]:
    """The documents of the kind the `asked` terms name ("the strategy"), else all of them."""
    return [d for d in pool if content_terms(d.kind) <= asked] or pool


def _sources(question: str) -> Iterator[str]:
    """Each span by which the question names a document it takes its answer from ("the
    Wyvern Domestic Abuse Strategy" of "according to the…", "the Refuge Plan" of "does the
    Refuge Plan say"), without a part of it named first ("the national issues section of
    the strategy" names the strategy: `_part_of`)."""
    for match in _source_pattern().finditer(question):
        yield _part_of().sub("", match.group("ref") or match.group("per"))


@cache
def _part_of() -> re.Pattern[str]:
    """A part of a document named before the document: "national issues section of (the)"."""
    nouns = "|".join(sorted(vocabulary().section_nouns, key=len, reverse=True))
    return re.compile(rf"^.*?\b(?:{nouns})s?\s+of\s+(?:the\s+|its\s+)?", re.IGNORECASE)


def source_terms(question: str) -> set[str]:
    """The (stemmed) words of the spans by which a question names the document it takes its
    answer from (see `_sources`): where the answer is looked up, not what is asked."""
    return {term for span in _sources(question) for term in content_terms(span)}


def _words(text: str) -> list[str]:
    """The text's lower-case words (letters and digits), unstemmed."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _phrases(text: str, without: set[str] | frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """Pairs of consecutive content words (stemmed), e.g. ('recoveri', 'pilot'), leaving out
    the pairs that hold a word of `without`."""
    words = [stem(t) for t in _words(text) if t not in STOPWORDS and len(t) > 1]
    return {pair for pair in pairwise(words) if not set(pair) & without}


def _calling_phrases(question: str) -> set[tuple[str, str]]:
    """The phrases (see `_phrases`) by which a question may call a document by its title:
    those of the words right before a word for a document or its kind ("the Joint
    Commissioning Strategy", "the recovery pilots launch") and of words written with capitals
    ("according to Safer New Forest"); not a subject the question asks about elsewhere ("Which
    strategy has the most units of safe accommodation?")."""
    words = vocabulary()
    before = re.compile(rf"((?:[\w'’-]+\s+){{1,6}}(?:{words.document_words}|"
                        rf"{words.document_names.pattern}))", re.IGNORECASE)
    spans = [match.group(1) for match in before.finditer(question)]
    spans += re.findall(r"(?:\b[A-Z][\w'’-]*\s+){1,}[A-Z][\w'’-]*", question)
    return set().union(set(), *(_phrases(span) for span in spans))


def _modifiers(question: str) -> set[str]:
    """The (stemmed) content words written right before a word for a document or for a kind
    of one ("launch" in "the launch slides", "refuge" in "the refuge plan")."""
    words = vocabulary()
    before = re.compile(rf"\b([\w'’-]+)(?=\s+(?:{words.document_words}|"
                        rf"{words.document_names.pattern}))", re.IGNORECASE)
    return {stem(w) for match in before.finditer(question) for w in _words(match.group(1))
            if w not in STOPWORDS and len(w) > 1 and not YEAR.fullmatch(w)}


def naming_terms(question: str) -> set[str]:
    """The terms of the words by which a question calls a document, by a word for any
    document ("the launch deck") or a cue of a kind's ("the 2008 slides", "the presentation"):
    where to look, not what about."""
    words = vocabulary()
    return {term for pattern in (words.document_names, *(cue for _, cue in words.document_kinds))
            for match in pattern.finditer(question) for term in content_terms(match.group())}


def _names(question: str) -> set[str]:
    """The (stemmed) words the question calls a document by ("the launch", "the event"): a
    title that holds one, as no other does, names its document, unless the question says
    which one in words no title holds (`DocumentResolver._by_title`)."""
    return {stem(match.group().lower())
            for match in vocabulary().document_names.finditer(question)}


def _area_words(document: DocumentInfo) -> set[str]:
    """The (stemmed) words of the document's area key and names: "Oxfordshire domestic" in a
    question names the area, not which of the area's documents, even when only one title
    holds that phrase."""
    names = " ".join([document.area.replace("-", " "), document.area_name, *document.area_aliases])
    return {stem(w) for w in _words(names)}


def _called_a_document(question: str, document: DocumentInfo) -> bool:
    """Whether the question speaks of a document that may be this one: it uses a word for any
    document ("the launch", "the deck"), a cue of this document's kind ("strategy" for a
    strategy, "slides" for a presentation) or a year within its period."""
    words = vocabulary()
    if words.document_names.search(question):
        return True
    if any(kind == document.kind and cue.search(question) for kind, cue in words.document_kinds):
        return True
    asked = years_of(question)
    span = years_of(document.period) or years_of(document.title)
    return bool(asked and span and span[0] <= asked[0] <= span[1])


def _own_terms(document: DocumentInfo, asked: set[str],
               acronyms: Mapping[str, Collection[str]]) -> set[str]:
    """The words that name the document: its title's, kind's and area's, and those of the
    asked terms that are acronyms its title spells out."""
    own = content_terms(f"{document.title} {document.kind}") | _area_words(document)
    spelled = {t for t in asked - own for acronym, forms in acronyms.items()
               if content_terms(acronym) == {t} and any(content_terms(f) <= own for f in forms)}
    return own | spelled


def _newest_first(document: DocumentInfo) -> tuple[str, int, str, str]:
    """A sort key: by area, then the latest period first (undated last), then title."""
    span = years_of(document.period)
    return document.area, -span[0] if span else 0, document.title, document.doc_id


def from_named_documents(hits: Sequence[Hit], named: Collection[str],
                         areas: Collection[str] | None) -> list[Hit]:
    """The hits a question naming documents is answered from: those of the documents it
    names, and of any other area it names that has none among them ("What prevention work was
    reported at the 2020 launch event?" is answered from the launch, not from the area's
    strategy that ranks beside it; "Compare the 2008 presentation with Bucks' strategy" keeps
    Bucks). All the hits when none is of a named document (a refusal's to judge).

    Args:
        hits: the retrieved hits, best first.
        named: the ids of the documents the question names.
        areas: the areas the question names (None: none).
    """
    own = {hit.area for hit in hits if hit.doc_id in named}
    if not own:
        return list(hits)
    return [hit for hit in hits if hit.doc_id in named
            or (areas is not None and hit.area in areas and hit.area not in own)]


class DocumentResolver:
    """Finds the indexed documents a question refers to."""

    def __init__(self, documents: Sequence[DocumentInfo], sections: Sequence[str] = ()) -> None:
        """Index the documents' title words, periods and kinds (and, with the section paths of
        their chunks, every word a title or heading uses)."""
        self._documents = list(documents)
        self._by_id = {d.doc_id: d for d in self._documents}
        self._named = {stem(w) for text in [*(d.title for d in documents), *sections]
                       for w in _words(text)}
        self._title_phrases = {d.doc_id: _phrases(d.title, without=_area_words(d))
                               for d in self._documents}
        # … and its words on their own ("the launch slides"), as `_modifiers` reads them
        self._title_words = {d.doc_id: {(stem(w),) for w in _words(d.title)
                                        if w not in STOPWORDS and len(w) > 1
                                        and stem(w) not in _area_words(d)}
                             for d in self._documents}
        # whether a national document is indexed ("the national strategy" may be one)
        self._national = any(vocabulary().national_documents.search(f"{d.title} {d.area_name}")
                             for d in self._documents)
        self._holders: dict[tuple[str, str], set[str]] = {}  # title phrase -> its doc ids
        for doc_id, phrases in self._title_phrases.items():
            for phrase in phrases:
                self._holders.setdefault(phrase, set()).add(doc_id)

    def title(self, doc_id: str) -> str:
        """The document's title (its id when it is not indexed)."""
        found = self._by_id.get(doc_id)
        return found.title if found else doc_id

    def info(self, doc_id: str) -> DocumentInfo | None:
        """The indexed document's metadata (None when it is not indexed)."""
        return self._by_id.get(doc_id)

    def mentioned(self, question: str, areas: Sequence[str] | None = None) -> list[str]:
        """Doc ids the question names, among the given areas' documents (all when None).

        Returns [] when the question names no document, or names every candidate (so a
        reference never narrows a search to nothing or changes nothing).
        """
        pool = [d for d in self._documents if not areas or d.area in areas]
        if len(pool) < 2:
            return []
        question = _LAW_YEAR.sub(r"\1", question)
        # "What did the 2008 presentation and the 2019-24 strategy say…?" names two: each side
        # of a join that names another document than the other side does
        for joined in _JOINED_REFERENCES.finditer(question):
            left = self._named_in(question[:joined.start()], pool)
            right = self._named_in(question[joined.end():], pool)
            if left and right and set(left) != set(right):
                both = list(dict.fromkeys(left + right))
                return both if len(both) < len(pool) else []
        return self._named_in(question, pool)

    def _named_in(self, question: str, pool: list[DocumentInfo]) -> list[str]:
        """Doc ids of the pool that the question names as one reference ([] for none or all)."""
        titled = self._by_title(question, pool)
        dated = _dated_name(question)
        if dated:  # "the April 2019 events" are none of 2020's launch event
            titled = [d for d in titled if not (span := _period(d))
                      or span[0] <= dated[0] <= span[1]]
        chosen = titled or self._by_period(question, pool)
        # "the presentation from 2020": of the documents that run over 2020, the presentation
        chosen = self._by_kind(question, chosen or pool) or chosen
        chosen = self._by_age(question, chosen or pool) if _OLDEST.search(question) or (
            _NEWEST.search(question)) else chosen
        ids = [d.doc_id for d in chosen]
        return ids if 0 < len(ids) < len(pool) else []

    def period_asked(self, question: str, rest: str, areas: Sequence[str] | None, most: int,
                     acronyms: Mapping[str, Collection[str]] | None = None) -> list[str]:
        """Doc ids whose own period or standing the question asks about ("When does the Bucks
        strategy end?", "Is Oxfordshire's strategy still in date?", "Is it still a draft?"): it
        uses a cue of vocabulary [documents] period_questions or status_questions, and what
        else it says names nothing but the document
        (its title's, kind's and area's words, an acronym its title spells out, words for a
        document; `rest` is the question without its area names). The candidates are the
        documents it names, else the areas' documents (all areas' when None) that are not of
        a supporting kind, those of the kind it names if any ("the strategy", "the plan");
        none when more than `most` are asked about ("When does the strategy end?" over
        hundreds of councils), unless the question asks which of them are drafts (or adopted):
        then those that are.

        Args:
            question: the officer's words.
            rest: the question without its area names.
            areas: the areas it asks about (None: all).
            most: the most documents one answer gives the period of.
            acronyms: the glossary (acronym -> long forms): "Hackney's VAWG strategy" names
                "Ending Violence Against Women and Girls".
        """
        words = vocabulary()
        status = words.status_questions.search(question)
        # "Who agreed the strategy?" asks for a name, not whether it was agreed
        if not (words.period_questions.search(question) or status) or _WHO.match(question):
            return []
        chosen = self._asked_alone(question, rest, areas, acronyms or {},
                                   (words.period_questions, words.status_questions))
        year = _asked_year(question)
        if year is not None and len(chosen) > 1:  # "Which strategies run until 2027?": those
            ending = bool(_ENDING.search(question))
            chosen = [d for d in chosen if (span := years_of(d.period))
                      and (span[1] == year if ending else span[0] <= year <= span[1])]
        if len(chosen) > most and status:
            # "Which strategies are still drafts?" over many councils: the ones that are
            standing = "draft" if _DRAFTS.search(question) else "adopted"
            chosen = [d for d in chosen if d.status == standing]
        return [d.doc_id for d in chosen] if len(chosen) <= most else []

    def outline_asked(self, question: str, rest: str, areas: Sequence[str] | None, most: int,
                      acronyms: Mapping[str, Collection[str]] | None = None) -> list[str]:
        """Doc ids whose contents the question asks about as a whole ("What is the 2008
        presentation about?", "Summarise the Bucks strategy", "What happened at the recovery
        pilots launch?"): it uses a cue of vocabulary [documents] outline_questions and names
        nothing but the documents, as `period_asked` reads that (same arguments); none when
        more than `most` are asked about, or when it asks which place they cover ("What area
        does the plan cover?")."""
        cues = vocabulary().outline_questions
        if not cues.search(question) or vocabulary().place_questions.search(question):
            return []
        chosen = self._asked_alone(question, rest, areas, acronyms or {}, (cues,))
        return [d.doc_id for d in chosen] if len(chosen) <= most else []

    def holdings_asked(self, question: str, rest: str, areas: Sequence[str] | None,
                       acronyms: Mapping[str, Collection[str]] | None = None) -> list[str]:
        """Doc ids of the documents held that a question about the store asks for ("What
        documents do you hold for Oxfordshire?", "Which strategies have been uploaded?",
        "List the presentations"): it uses a cue of vocabulary [documents] holdings_questions
        and names nothing but documents, as `period_asked` reads that (same arguments), of
        any kind; every one (the answer bounds what it shows), by area, the newest first."""
        cues = vocabulary().holdings_questions
        if not cues.search(question):
            return []
        chosen = self._asked_alone(question, rest, areas, acronyms or {}, (cues,),
                                   supporting=True)
        return [d.doc_id for d in sorted(chosen, key=_newest_first)]

    def _asked_alone(self, question: str, rest: str, areas: Sequence[str] | None,
                     acronyms: Mapping[str, Collection[str]], cues: Sequence[re.Pattern[str]],
                     supporting: bool = False) -> list[DocumentInfo]:
        """The documents a question asks about as documents: besides its `cues` it says
        nothing but their title's, kind's and area's words, an acronym a title spells out,
        words for a document, period words and scaffolding. The candidates are the documents
        it names, else the areas' documents (all areas' when None) that are not of a
        supporting kind (unless `supporting`), those of the kind it names if any ("the
        strategy", "the plan")."""
        words = vocabulary()
        if areas and self.previous_unheld(question, areas):
            return []
        named = set(self.mentioned(question, areas))
        pool = [d for d in self._documents if (d.doc_id in named if named else
                                                (not areas or d.area in areas)
                                                and (supporting
                                                     or d.kind not in words.supporting_kinds))]
        asked = content_terms(question)  # "the strategy", "the plan": documents of that kind
        pool = [d for d in pool if content_terms(d.kind) & asked] or pool
        said = _NEWEST.sub(" ", _OLDEST.sub(" ", rest))  # "the latest strategy", "the 2016-19"
        said = YEAR.sub(" ", RANGE.sub(" ", said))
        for cue in (words.title_words, *cues):
            said = cue.sub(" ", said)
        said = words.document_names.sub(" ", POSSESSIVE.sub("", said))
        left = (content_terms(said) - word_list_terms(words.period_words)
                - word_list_terms(words.scaffolding))
        return [d for d in pool if left <= _own_terms(d, left, acronyms)]

    def title_phrase_words(self, question: str) -> set[str]:
        """The (stemmed) words of the question's phrases that one document's title holds and
        no other's ("recovery pilots"): they say what that document is about, and name no
        section of another ("Recovery")."""
        return {word for pair in _phrases(question) if len(self._holders.get(pair, ())) == 1
                for word in pair}

    def without_reference(self, question: str, named: Collection[str]) -> str:
        """The question without the words by which it names the documents `named` (as
        `mentioned` resolved them): the phrases of their titles that no other title holds, and
        their kind words (not years: "what did the launch say about May 2020" asks about 2020;
        nor "domestic abuse" when every title says it). Itself when it names none."""
        if not named:
            return question
        asked, named = _phrases(question), set(named)
        words: set[str] = set()
        for document in (d for d in self._documents if d.doc_id in named):
            words |= {w for pair in asked & self._title_phrases[document.doc_id]
                      if self._holders[pair] <= named for w in pair}
            words |= content_terms(document.kind)
        kept = [w for w in question.split()
                if not (_words(w) and {stem(x) for x in _words(w)} <= words)]
        return " ".join(kept)

    def unknown(self, question: str, acronyms: Collection[str],
                areas: Sequence[str] | None = None) -> str:
        """The document the question takes its answer from when no indexed document is it
        ('' otherwise): a name in it (a capitalised word, not a known acronym) that no indexed
        title or heading uses, as in "What does the Thames Valley Police and Crime Plan say
        about stalking?", a word that calls it a national one ("the national VAWG strategy";
        vocabulary [documents] national) that no indexed title or area uses, or a period that
        no indexed document of the `areas` (all when None) runs over ("the Wyvern Domestic
        Abuse Plan 2019-2022", replaced by its 2023-2026 strategy). Area names should be
        taken out of the question first."""
        national = vocabulary().national_documents
        pool = [d for d in self._documents if not areas or d.area in areas]
        previous = self.previous_unheld(question, areas) if areas else ""
        if previous:
            return previous
        for reference in _sources(question):
            names = _CAPITALISED.findall(POSSESSIVE.sub("", reference))
            span = years_of(reference)
            if any(not is_acronym(w, acronyms) and stem(w.lower()) not in self._named
                   for w in names) or (national.search(reference) and not self._national) or (
                    span and not self._by_period(reference, pool)):
                return reference
        return ""

    def previous_unheld(self, question: str, areas: Sequence[str]) -> str:
        """The words by which the question calls for an earlier document of a kind ("the
        previous strategy") when each of the `areas` holds at most one of that kind: it asks
        about one that is not indexed ('' otherwise)."""
        found = _PREVIOUS.search(question)
        if found is None:
            return ""
        asked = content_terms(found.group())
        for area in areas:
            if len(_of_kind_asked([d for d in self._documents if d.area == area], asked)) > 1:
                return ""
        return found.group()

    def _by_title(self, question: str, pool: list[DocumentInfo]) -> list[DocumentInfo]:
        """Documents whose title holds a phrase of the question (two or more words in a row,
        stopwords aside), or the word written right before its word for a document ("the
        launch slides"), that no other candidate's title holds, where the question also calls
        it a document (`_called_a_document`): "joint commissioning of services" asks about the
        subject, "the Joint Commissioning Strategy" names the document."""
        modifiers = _modifiers(question)
        # "the 2020 launch" names the launch; "the consultation events" some other events
        known = set().union(*(self._title_words[d.doc_id] | {(w,) for w in _area_words(d)}
                              for d in pool))
        named = _names(question) if {(word,) for word in modifiers} <= known else set()
        asked = _calling_phrases(question) | {(word,) for word in modifiers | named}
        shared = {d.doc_id: asked & (self._title_phrases[d.doc_id] | self._title_words[d.doc_id])
                  for d in pool}
        holders = Counter(phrase for phrases in shared.values() for phrase in phrases)
        return [d for d in pool if any(holders[phrase] == 1 for phrase in shared[d.doc_id])
                and _called_a_document(question, d)]

    def _by_period(self, question: str, pool: list[DocumentInfo]) -> list[DocumentInfo]:
        """The documents whose period the question's year falls in or is ("the 2019-24
        strategy", "in 2022"), or, for what happened since a year, runs on to it or later."""
        since = _SINCE.search(question)
        if since:
            year = int(since.group(1))
            return [d for d in pool if (span := _period(d)) and span[1] >= year]
        asked = years_of(question)
        if asked is None:
            return []
        # "the 2016 review" is a review: not a strategy that runs over 2016
        called = _called_by_year(question)
        # a year a figure is asked for dates the figure, which a later document may report
        # ("How many men reported being a victim in 2016?" of a 2018-21 strategy): it names a
        # document about that year (of at most DATING_YEARS: the 2020-21 launch), not every
        # one that runs over it
        figure = not called and _asks_figure(question)
        found = []
        for d in pool:
            span = _period(d)
            runs_over = span is not None and (asked == span or (
                asked[0] == asked[1] and span[0] <= asked[0] <= span[1]
                and not (figure and span[1] - span[0] >= DATING_YEARS)))
            if runs_over and _called_so(d, called):
                found.append(d)
        return found

    def _by_kind(self, question: str, pool: list[DocumentInfo]) -> list[DocumentInfo]:
        words = content_terms(question)
        return [d for d in pool if d.kind != DEFAULT_KIND and content_terms(d.kind) <= words]

    def _by_age(self, question: str, pool: list[DocumentInfo]) -> list[DocumentInfo]:
        """The oldest or newest of the documents of the kind the question names."""
        kinds = _of_kind_asked(pool, content_terms(question))
        dated = [(years_of(d.period) or (0, 0), d) for d in kinds]
        if not dated:
            return []
        pick = min if _OLDEST.search(question) else max
        target = pick(span for span, _ in dated)
        return [d for span, d in dated if span == target]
