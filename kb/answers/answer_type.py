"""Expected answer types: a question that asks for an amount needs an amount in its evidence.

On-topic questions about a figure, budget, count, date, name or finding that a strategy does
not give share most of their words with passages that are near misses, so similarity cannot
refuse them. What can: the kind of value the question asks for (a budget or cost wants an amount,
"How many…" or "How much…" a number, "When…" a date, "Who…" a name, "What did the evaluation find?" a
finding) must appear in a passage sentence that is about the question's topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import cache
from itertools import pairwise

from kb.answers.about import (
    HITS_CHECKED,
    LongForms,
    acronym_long_forms,
    held_terms,
    held_weight,
    topic_terms,
)
from kb.answers.sentences import table_header, units
from kb.records import ChunkKind, Hit
from kb.retrieval.english import is_plural_noun
from kb.retrieval.intent import governance_words
from kb.retrieval.synonyms import strategy_words
from kb.retrieval.years import DATING_YEARS, year_spans, years_of
from kb.text import (
    BULLET,
    LEAD_IN,
    NUMBER_WORDS,
    STOPWORDS,
    content_terms,
    idf_weight,
    is_subject_term,
    rarest,
    word_list_terms,
)
from kb.vocabulary import vocabulary


class AnswerType(StrEnum):
    """The kind of value a question asks for."""

    SHARE = "share"
    AMOUNT = "amount"
    COUNT = "count"
    DATE = "date"
    NAME = "name"
    FINDING = "finding"
    DUTY = "duty"
    TARGET = "target"


_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 r"thirty|forty|fifty|hundred|thousand|dozen|half|third|quarter")
# (May as written: not the verb "may")
_MONTHS = (r"january|february|march|april|(?-i:May)|june|july|august|september|october|november|"
           r"december|spring|summer|autumn|winter")
_VALUES: dict[AnswerType, re.Pattern[str]] = {
    # a rate per head is a share too ("12.4 per 1,000 population")
    AnswerType.SHARE: re.compile(rf"%|\bper ?cent\b|\b(\d+|{_NUMBER_WORDS}) (in|out of) "
                                 rf"(\d+|{_NUMBER_WORDS})\b|\b(half|a third|a quarter|a fifth|"
                                 r"two[- ]thirds|three[- ]quarters|majority)\b|"
                                 r"\bper (1,?000|10,?000|100,?000|thousand|head|capita)\b",
                                 re.IGNORECASE),
    AnswerType.AMOUNT: re.compile(r"£\s?\d|\b\d[\d,.]*\s?(k|m|million|billion|bn|pounds)\b",
                                  re.IGNORECASE),
    # (an ordinal is a place in an order or a date's day, "11th December", no count)
    AnswerType.COUNT: re.compile(rf"(?<![\w/-])(?!(19|20)\d\d\b)\d[\d,.]*(?![\d/]|(st|nd|rd|th)\b)|%|"
                                 rf"\b({_NUMBER_WORDS})\b", re.IGNORECASE),
    # ("each quarter", "Q1"; not "a quarter of victims", a share)
    AnswerType.DATE: re.compile(rf"\b(19|20)\d\d\b|\b({_MONTHS})\b|\bq[1-4]\b|(?<!\ba )\bquarter\b|"
                                r"\b(within|by|over) (the )?(next |first )?\w+ (months?|years?)\b",
                                re.IGNORECASE),
    AnswerType.NAME: re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]+\s){1,4}[A-Z][a-z]+\b|"
                                r"\b[A-Z]{2,}[a-z]?\b"),
    # (a consultation's findings are what people told it: "Survivors told us that …")
    AnswerType.FINDING: re.compile(r"\b(found|findings|showed|shown|shows|demonstrated|"
                                   r"revealed|concluded|resulted in|suggests|saw an?|told us|"
                                   r"recommended|recommendations?|"
                                   r"(said|reported|felt) that|"
                                   # "The key points emerging from those sessions were:"
                                   r"key (points|messages|themes|issues|lessons|findings)|"
                                   r"(emerged|emerging) (from|were|was|themes?)|"
                                   # a verdict: "extremely positive evaluation"
                                   r"(positive|negative|good|poor|successful|mixed|favourable|"
                                   r"encouraging) (evaluation|review|results?|feedback)|"
                                   r"evaluated (as|positively|well|poorly))\b|%|"
                                   # a ratio, as a share is: "1 in 20 children do not feel safe
                                   # (Schools Survey 2007)"
                                   r"\b(\d+|one|two|three|four|five) in (\d+|three|four|five|"
                                   r"six|seven|eight|nine|ten)\b", re.IGNORECASE),
    # a duty with what it is to do or what lays it down ("a duty under Part 4 of the Domestic
    # Abuse Act 2021 to assess…"): more than the words of a question that asks for one
    AnswerType.DUTY: re.compile(r"\b(dut(y|ies)|obligations?|obliged|required by law)\b"
                                r"[^.;:]{0,60}", re.IGNORECASE),
    # a target, outside a performance framework, is a figure the sentence calls one ("a target
    # of 25% by 2027"); every line of an indicator passage states one (`_INDICATOR_LINE`)
    AnswerType.TARGET: re.compile(r"\btargets?\b[^\n]*?\d[\d,.]*%?|\d[\d,.]*%?[^\n]*?\btargets?\b",
                                  re.IGNORECASE),
}
# An indicator passage's line states a target, with a figure or not ("Reducing total harm
# score from baseline")
_INDICATOR_LINE = re.compile(r"\w+")
_TARGET_TERMS = frozenset(content_terms("target targets"))  # the word that asks for one
PERIOD_COLUMNS = 2  # a table header with this many dated columns sets its rows in time
# an action's reference before its words: a table row's first cell ("3.1\t", "A1\t") or a
# list item's number ("1.1 Deliver…", "B3 Reduce…")
_ITEM_REFERENCE = re.compile(r"^\s*(?:[A-Z]?\d{1,2}(\.\d{1,2})*\.?\t"
                             r"|(?:\d{1,2}\.\d{1,2}|[A-Z]\d{1,2})\.?\s+(?=[A-Z]))")


@cache
def _section_label() -> re.Pattern[str]:
    """A section's noun and number opening a line ("Priority 3 – Pursuing perpetrators",
    "Objective 2:"): a label, no count of what follows it."""
    nouns = "|".join(sorted(vocabulary().section_nouns, key=len, reverse=True))
    numbers = "|".join(NUMBER_WORDS)
    return re.compile(rf"^\W*(?:{nouns})s?\s+(?:\d{{1,2}}|[ivx]{{1,4}}|[A-H]|{numbers})\b\W*",
                      re.IGNORECASE)


MIN_TOPIC_SHARE = 0.5  # a passage is about the topic when it holds half its idf weight …
ABOUT_SIMILARITY = 0.45  # … or is this similar to the question (paraphrases share no words)
# "How long…" is also answered by a span of dates ("running October 2020 to March 2021")
_PERIOD_RANGE = re.compile(rf"\b(?:{_MONTHS})?\s*(?:19|20)\d\d\s*(?:to|until|till|–|-)\s*"
                           rf"(?:{_MONTHS})?\s*(?:19|20)?\d\d\b|\buntil\s+(?:{_MONTHS})?\s*"
                           rf"(?:19|20)\d\d\b", re.IGNORECASE)
# (a day's number before the second date's month: "3 November to 15 December")
_SPAN_JOIN = re.compile(r"\s*(?:to|until|till|through|–|-)\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?",
                        re.IGNORECASE)
_HOW_MANY = re.compile(r"\b(?:how many|numbers? of)\b(.*)", re.IGNORECASE)
COUNTED_WORDS = 4  # what a "How many…" question counts: at most this many words …
# … and what was done to them, after "were", "have been"… ("How many people were referred")
_DONE_TO = re.compile(r"\s*(?:were|are|was|is|get|got|have been|has been|had been|will be)\s+"
                      r"([a-z]+ed)\b", re.IGNORECASE)
COUNTED_NEAR = 3  # … one of which a count has this near it
DATE_ENDING_NEAR = 6  # words either side of a date that the word for what ended is within
PLANNED_NEAR = 4  # words before a value that a word for its being planned is within
# … other than a word of the corpus's own subject (`kb.text.SUBJECT_IDF`: "domestic", "abuse"),
# where the question counts something more specific: such words beside a count modify what it
# counts ("80 domestic abuse related calls"), and are passed over
# … and a sentence gives the value asked for when it, with its neighbours and headings, is
# about the topic in the same sense (tune on-topic refusals 0.77 without the rule, 0.85 at a
# quarter of the weight, 0.92 at a third, 0.96 at 0.45 and at a half, false refusals
# unchanged), or says it in other words, as similar to the question as a paraphrase.
VALUE_TOPIC_SHARE = MIN_TOPIC_SHARE
VALUE_SIMILARITY = ABOUT_SIMILARITY
def expected_type(question: str) -> AnswerType | None:
    """The kind of value the question asks for, if it asks for one ("Does X track how many…"
    asks whether a figure is monitored, not for the figure; "How many of the strategies
    mention FGM?" asks which do, as "Which strategies…?" does; a value noun in a condition, "if
    partners cut their budgets", asks for none; and a theme such as "funding and
    sustainability of services", which is no question, asks for none)."""
    words = vocabulary()
    if (words.indirect_value.search(question) or words.places_counted.search(question)
            or not is_question(question)):
        return None
    # the words that name a section ("What does the funding and commissioning section say?"),
    # or that the question quotes ("under 'Funding and Commissioning'"), ask for what it says,
    # not for a value
    question = _QUOTED.sub(" ", _section_name().sub(" ", question))
    # … nor do those of a condition ("What could go wrong if partners cut their budgets?")
    question = words.condition.sub(" ", question)
    for kind, pattern in words.answer_type_cues:
        if pattern.search(question):
            return AnswerType(kind)
    return None


_QUOTED = re.compile(r"(?<!\w)['‘\"“]([^'’\"”?]{2,80})['’\"”](?!\w)")  # 'Funding and Commissioning'


@cache
def _section_name() -> re.Pattern[str]:
    """A section noun with the one or two words before it that name the section ("the costs
    chapter", "its funding and commissioning section")."""
    nouns = "|".join(re.escape(noun) for noun in sorted(vocabulary().section_nouns))
    word = rf"(?!(?:{'|'.join(sorted(STOPWORDS))})\b)[\w'’-]+"  # (no "the outcome")
    return re.compile(rf"\b{word}(?:\s+(?:and|&)\s+{word})?\s+(?:{nouns})s?\b", re.IGNORECASE)


def frequency_terms(text: str) -> set[str]:
    """The terms of the text's frequencies ("each year", "per annum", "monthly")."""
    return content_terms(" ".join(m.group() for m in vocabulary().frequency.finditer(text)))


def is_question(text: str) -> bool:
    """Whether the text asks something: it has a question mark or opens with a question or
    request word (vocabulary [indirect_value] question_openers), else it names a theme."""
    return "?" in text or bool(vocabulary().question_opener.search(text))


def missing_value(question: str, topic: str, hits: Sequence[Hit], idf: Mapping[str, float],
                  similar: Callable[[Sequence[str]], Sequence[float]] | None = None,
                  source_terms: Collection[str] = (),
                  glossary: Mapping[str, Collection[str]] | None = None) -> AnswerType | None:
    """The expected answer type when no sentence about the topic gives a value of it.

    Args:
        question: the question (its wording decides the expected type).
        topic: the question's topic words (area names taken out).
        hits: the retrieved hits.
        idf: term weights.
        similar: the similarity of sentences to the question (embeddings), for values
            given in other words than the question's.
        source_terms: the words that name the document the question asks about ("according
            to the Wyvern Domestic Abuse Strategy 2021-2024"): not its topic.
        glossary: acronyms and their long forms: a passage that spells out the question's
            acronym ("Multi Agency Risk Assessment Conference" for "MARAC") holds it.

    Returns:
        The missing type, or None when the evidence holds one (or no type is expected).
    """
    kind = expected_type(question)
    # "What did the 2008 presentation say about funding?" asks what it says, an amount or
    # not: the value noun after "say about" is its topic (an answer still puts a sentence that
    # gives one first)
    if kind is None or expected_type(vocabulary().said_about.sub(" ", question)) is None:
        return None
    # what it is about: not the words asking for a value, nor its frame ("How much is X
    # putting into the strategy?": scaffolding), nor section nouns
    terms = topic_terms(topic)
    if kind is AnswerType.NAME:  # "Who oversees the Wiltshire strategy?": the passages on its
        # governance name who does, in whatever words ("owns", "chaired by")
        terms -= governance_words(topic)
    if kind is AnswerType.TARGET:  # "What is X's target for repeat victims?": the word asks
        terms = terms - _TARGET_TERMS or terms
    # a word no passage holds ("taxpayer") can be held by no value sentence: whether it takes
    # the question off the strategies' subject is kb.answers.refusal's unseen-word check
    terms = {t for t in terms if t in idf} or terms
    # the frequency an amount or count is given at is not what it is about, unless asked for
    # ("How much does X spend on its refuge each year?" is not answered by "£48 million per
    # annum" of the cost of abuse; "How many incidents were reported over a year?" is about
    # incidents, not "annum")
    unasked = (set() if vocabulary().frequency_question.search(question)
               else frequency_terms(topic))
    about_terms = terms - unasked or terms
    total = idf_weight(about_terms, idf)
    # a passage is about the topic in a document the question names; its value sentence
    # need not repeat how the question named that document
    asked = terms - set(source_terms)
    # "What is Bucks' annual budget…?" asks for an amount spent, not what abuse costs
    asks_spending = bool(content_terms(question) & word_list_terms(vocabulary().spending_asked))
    spending = kind is AnswerType.AMOUNT and asks_spending
    # "Who is funding the pilots?", "When does the funding end?": a name or date given for the
    # money, in a sentence that says it is spent ("commissioned … running October 2020 to March
    # 2021"), not any name or date about the topic
    spent_for = kind in (AnswerType.NAME, AnswerType.DATE) and asks_spending
    if not idf_weight(asked, idf):
        # "What is Telford's budget for the strategy?": for the strategy as a whole, whatever
        # amount spent its top passages give
        unspent = spending and not any(
            _spent(hit, sentence) for hit in hits[:HITS_CHECKED]
            for sentence, _ in _values(hit, set(), _VALUES[kind], idf, {}))
        return kind if unspent else None
    # "How many homicides in 2023?" is not answered by a count since 2018; the years it
    # asks for date the value (`dated_in`) and weigh nothing of what the value is of ("47%
    # of young people" in 2018-19 is no count of MARAC referrals in 2018-19)
    years = [span for term in asked if (span := years_of(term))]
    weighed = {t for t in asked if not years_of(t)} or asked
    # … nor does the frequency an amount or count is given at
    weighed = weighed - unasked or weighed
    weighed_total = idf_weight(weighed, idf)
    spelled = acronym_long_forms(terms, glossary or {})
    # "Who chairs …?" is answered by a name given as the chair
    roles = asked_roles(content_terms(question), kind)
    # … for the question's most specific word besides the role ("Who chairs the Safe in the
    # City Board?": a name beside the board's other words chairs nothing, and Sheffield's chair
    # is not the Safe in the City Board's)
    specific = rarest(weighed - roles or weighed, idf)
    # … and the words of a proper name it gives ("the Safe in the City Partnership Board"): a
    # value sentence given in other words than the question's names the same thing
    proper = (proper_name_terms(topic) & weighed if kind is AnswerType.NAME else set())
    # "What did the review of the Complex Needs pilot conclude?": a finding about what it
    # names, not another review's ("… the recommendations set out within the Strategic Review")
    named = (_name_runs(topic) & weighed if kind is AnswerType.FINDING else set())
    words = content_terms(question) - (_TARGET_TERMS if kind is AnswerType.TARGET else set())
    # … nor is a name's initials ("FP" of "Who evaluated the Freedom Programme?")
    words |= initials(question)
    counted = (counted_terms(question, glossary or {}, idf) if kind is AnswerType.COUNT
               else frozenset())
    lasting, often = _asks_time(question, kind)
    # "When will X publish its plan?": not "the 2017 audit" of a 2018-21 strategy
    ahead = kind is AnswerType.DATE and bool(vocabulary().future_question.search(question))
    rated = rated_terms(question) & asked
    # "What did the evaluation of X find?": a finding of an evaluation, not a figure about X
    sources = finding_source(question) & asked if kind is AnswerType.FINDING else frozenset()
    # "When does X run its campaign?": "each year during the 16 Days of Action" says when
    recurring = kind is AnswerType.DATE and bool(vocabulary().recurring_question.search(question))
    value = _dates_or_frequencies() if recurring else _VALUES[kind]
    endings = (content_terms(question) & word_list_terms(vocabulary().date_endings)
               if kind is AnswerType.DATE else set())
    # "How many clients did the service support?": not its capacity nor its target
    achieved = (kind in (AnswerType.COUNT, AnswerType.AMOUNT)
                and bool(vocabulary().achieved_question.search(question))
                and not vocabulary().planned_value.search(question))
    if recurring:  # … also where the question gives the frequency itself ("its yearly
        # campaign": "each year during the 16 Days of Action" says when)
        words -= frequency_terms(question)
    others: list[str] = []
    for hit in hits[:HITS_CHECKED]:
        about = (held_weight(about_terms, hit, idf, spelled) / total >= MIN_TOPIC_SHARE
                 or hit.similarity >= ABOUT_SIMILARITY)
        if not about:
            continue
        # a target is stated by any line of a performance framework
        stated = (_INDICATOR_LINE if kind is AnswerType.TARGET and hit.kind is ChunkKind.INDICATOR
                  else value)
        for sentence, held in _values(hit, asked, stated, idf, spelled,
                                      dated_columns=kind is AnswerType.DATE, asked_words=words,
                                      counted=counted, lasting=lasting, often=often,
                                      years=years, led=kind is AnswerType.FINDING,
                                      by_noun=bool(_HOW_MANY.search(question))):
            if ((rated and not rated & held) or (sources and not sources & held)
                    or not roles <= held
                    or ((spending or spent_for) and not _spent(hit, sentence))):
                continue  # a share of something else, a finding of another source, no chair
            if ahead and _before_document(sentence, hit.period):
                continue
            if endings and not (_PERIOD_RANGE.search(sentence) or _spans(sentence, value)
                                or any(_near_date(sentence, value, term) for term in endings)):
                continue  # "When did X close?": a date of something else
            if achieved and _planned(sentence, value, counted):
                continue  # "Capacity anticipated 40 clients per annum": none supported yet
            if (idf_weight(held & weighed, idf) >= VALUE_TOPIC_SHARE * weighed_total
                    and (kind is not AnswerType.NAME or specific in held) and named <= held):
                return None
            if proper <= held:  # a name of the question is no paraphrase of another
                others.append(sentence)
    if others and similar is not None and max(similar(others)) >= VALUE_SIMILARITY:
        return None
    return kind


def _planned(sentence: str, value: re.Pattern[str], counted: Collection[str]) -> bool:
    """Whether every value the sentence gives (of what is `counted`, where given) is one
    planned for, with a word for a capacity, an expectation or a target within PLANNED_NEAR
    words before it ("Capacity anticipated 40 clients", "up to 5 families a day"; not "over
    26,000 incidents …, the more realistic number is expected to be …")."""
    given = [found for found in value.finditer(sentence)
             if not counted or _beside(sentence, found.start(), found.end(), counted)]
    planned = vocabulary().planned_value
    return bool(given) and all(
        planned.search(" ".join(_around(sentence, found.start(), found.end(), PLANNED_NEAR)[0]))
        for found in given)


def _near_date(sentence: str, value: re.Pattern[str], term: str) -> bool:
    """Whether the term's word is within DATE_ENDING_NEAR words of one of the sentence's dates
    (`value`), or in it: "the service closed in March 2019" dates the closure."""
    for found in value.finditer(sentence):
        before, after = _around(sentence, found.start(), found.end(), DATE_ENDING_NEAR)
        if any(term in content_terms(w) for w in [*before, found.group(), *after]):
            return True
    return False


def _spans(sentence: str, value: re.Pattern[str]) -> bool:
    """Whether two of the sentence's dates (`value`) make a span ("from 3 November to 15
    December"): its end says when it ended."""
    return any(_SPAN_JOIN.fullmatch(sentence[a.end():b.start()])
               for a, b in pairwise(value.finditer(sentence)))


def asked_roles(terms: Collection[str], kind: AnswerType | None) -> set[str]:
    """The role a name question asks the holder of (vocabulary [roles]: "chair" of "Who chairs
    the board?"): a name answers only given as that role's ("chaired by"), not beside the
    board's other words. None for other questions."""
    if kind is not AnswerType.NAME:
        return set()
    return set(word_list_terms(vocabulary().roles) & set(terms))


def proper_name_terms(text: str) -> set[str]:
    """The terms of the capitalised words of a question past its first word ("Safe", "City",
    "Partnership", "Board" of "Who chairs the Safe in the City Partnership Board?")."""
    words = re.findall(r"[\w'’-]+", text)[1:]
    return content_terms(" ".join(w for w in words if w[:1].isupper()))


def _name_runs(text: str) -> set[str]:
    """The terms of the names written as two or more capitalised words in a row, past the
    text's first word ("Complex Needs" of "What did the review of the Complex Needs pilot
    find?"; not an area's or a month's single word)."""
    return content_terms(" ".join(_names_written(text)))


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


def _names_written(text: str) -> list[str]:
    """The runs of two or more capitalised words the text writes past its first word."""
    return _NAME_RUN.findall(text.strip().partition(" ")[2])


def initials(text: str) -> set[str]:
    """The terms of the initials of the names the text writes as two or more capitalised words
    in a row, and of each run of two or more of their words ("fp" of "the Bucks Freedom
    Programme"), past its first word."""
    found: list[str] = []
    for run in _names_written(text):
        letters = "".join(word[0] for word in run.split())
        found += [letters[i:j] for i in range(len(letters))
                  for j in range(i + 2, len(letters) + 1)]
    return content_terms(" ".join(found))


def _spent(hit: Hit, sentence: str) -> bool:
    """Whether an amount's sentence, under its headings and lead-in, says it is spent ("funded",
    "a budget of", "commissioned for": vocabulary [spending] giving), not what something costs."""
    return bool(content_terms(f"{hit.section} {hit.lead} {sentence}")
                & word_list_terms(vocabulary().spending_given))


@cache
def _dates_or_frequencies() -> re.Pattern[str]:
    """A date, or a frequency (vocabulary [durations] frequencies)."""
    return re.compile(f"(?:{_VALUES[AnswerType.DATE].pattern})|(?:{vocabulary().frequency.pattern})",
                      re.IGNORECASE)


def finding_source(question: str) -> frozenset[str]:
    """The term of what the question asks the finding of: its first word naming a source of
    findings ("the evaluation of the pilot": evalu; vocabulary [findings] sources)."""
    sources = word_list_terms(vocabulary().finding_sources)
    return next((frozenset(found) for word in re.findall(r"[\w'’-]+", question)
                 if (found := content_terms(word) & sources)), frozenset())


def rated_terms(question: str) -> frozenset[str]:
    """What the question's rate is of: the terms of the two words before "rate" ("What is
    the conviction rate…": convict; "the repeat referral rate": repeat, referr; vocabulary
    [measures] rates), none for a question that asks for no rate."""
    return frozenset().union(*(content_terms(match.group(1))
                               for match in vocabulary().rated.finditer(question)))


def counted_terms(question: str, glossary: Mapping[str, Collection[str]] | None = None,
                  idf: Mapping[str, float] | None = None) -> frozenset[str]:
    """The terms of what a "How many …?" question counts: its words after "how many" up to
    the first word that is no content word ("How many IDVAs does…": idva; "How many recovery
    pilots ran…": recoveri, pilot, ran), the acronym of a long form among them ("How many
    Domestic Homicide Reviews": DHRs too; with the `idf`, a long form's subject words, as
    `is_subject_term` reads them, need not be: "How many homicide reviews") and the last word
    of an acronym's long form ("How many IDVAs": advocates too); the units of time for "How
    long…?" (vocabulary [durations]); the measure a question asks for ("What is the
    caseload…?": caseload; [answer_types] measures); none for any other question."""
    asked = _HOW_MANY.search(question)
    if not asked:  # "How many pilots…, and for how long?" counts the pilots
        words = vocabulary()
        if words.duration_question.search(question):
            return word_list_terms(words.time_units)
        measure = words.measure_question.search(question)
        return frozenset(content_terms(measure.group()) if measure else ())
    counted: set[str] = set()
    named: list[str] = []
    for word in re.findall(r"[\w'’-]+", asked.group(1))[:COUNTED_WORDS]:
        found = content_terms(word)
        if not found:
            break
        counted |= found
        named.append(word)
    # "How many people were referred…?" counts referrals too ("Referrals to DAIS 1,950")
    done = _DONE_TO.match(asked.group(1), len(" ".join(named)) + 1) if named else None
    if done:  # (in the strategies' words too: "referred", referrals)
        counted |= content_terms(" ".join([done.group(1), *strategy_words(done.group(1))]))
    # in the strategies' words too ("How many abusers…": perpetrators), and persons or
    # occurrences by any of their names ("How many people…": residents, survivors; "How many
    # times…": incidents)
    counted |= content_terms(" ".join(strategy_words(" ".join(named))))
    if named:
        counted |= {term for general, answering in vocabulary().counted_as
                    if content_terms(named[0]) <= word_list_terms(general)
                    for term in word_list_terms(answering)}
    glossary = glossary or {}
    acronyms = {term for acronym, forms in glossary.items()
                if any((spelled := {t for t in content_terms(form)
                                     if not is_subject_term(t, idf or {})})
                       and spelled <= counted for form in forms)
                for term in content_terms(acronym)}
    # "How many IDVAs…" counts "Independent Domestic Violence Advocates": the long form's noun
    heads = {term for acronym, forms in glossary.items()
             if (own := content_terms(acronym)) and own <= counted
             for form in forms for term in content_terms(form.split()[-1] if form.split() else "")}
    return frozenset(counted | acronyms | heads)


def _asks_time(question: str, kind: AnswerType) -> tuple[bool, bool]:
    """Whether the question asks how long, and whether how often (neither when it asks how
    many: "How many pilots…, and for how long?")."""
    if kind is not AnswerType.COUNT or _HOW_MANY.search(question):
        return False, False
    words = vocabulary()
    return (bool(words.duration_question.search(question)),
            bool(words.frequency_question.search(question)))


def gives_value(text: str, kind: AnswerType, asked_words: Collection[str],
                counted: Collection[str] = ()) -> bool:
    """Whether the text gives a value of the kind (a name, number, date…) that is not made
    of the question's own words (`asked_words`, its content terms), and for a count, one
    beside what is `counted` where given (`counted_terms`). A list's number ("1.") and a
    section's ("Priority 3 –") are markers, no values."""
    return _gives(_section_label().sub("", BULLET.sub("", text)), _VALUES[kind], asked_words,
                  counted)


def _gives(text: str, value: re.Pattern[str], asked_words: Collection[str],
           counted: Collection[str] = (), passed: Collection[str] = (),
           by_noun: bool = False) -> bool:
    """Whether the text gives a value not made of the question's words, and beside one of the
    `counted` terms when there are any (COUNTED_NEAR words either side, not counting the
    `passed` ones: "174 referrals to the IDVA service" counts referrals, not IDVAs; see
    `_beside` for `by_noun`)."""
    return any((not (own := content_terms(found.group())) or not own <= set(asked_words))
               and (not counted
                    or _beside(text, found.start(), found.end(), counted, passed, by_noun))
               for found in value.finditer(text))  # "%", "£4" hold no words


def _beside(text: str, start: int, end: int, terms: Collection[str],
            passed: Collection[str] = (), by_noun: bool = False) -> bool:
    """The number between `start` and `end` counts one of the terms: one of them is within
    COUNTED_NEAR words of it (words of the `passed` terms not counted), and it is no length
    of time unless time is counted ("an ISVA fall below four weeks" counts weeks, not
    ISVAs), nor an age unless ages are ("women aged 18+" counts no women)."""
    before, after = _around(text, start, end, COUNTED_NEAR, passed)
    units = word_list_terms(vocabulary().time_units)
    if after and content_terms(after[0]) & units and not set(terms) & units:
        return False
    ages = word_list_terms(vocabulary().ages)
    if content_terms(" ".join(before[-2:])) & ages and not set(terms) & ages:
        return False
    # what a question counts by its noun (`by_noun`: "How many people…?", not "What is the
    # capacity…?", which "40 clients" gives) is the plural noun straight after the number:
    # "7 pilots running…" counts pilots, not the "adults, children and whole family" they
    # are commissioned for
    if (by_noun and after and is_plural_noun(after[0])
            and not content_terms(after[0]) & set(terms)):
        return False
    return bool(content_terms(" ".join(before + after)) & set(terms))


def _around(text: str, start: int, end: int, count: int, passed: Collection[str] = ()
            ) -> tuple[list[str], list[str]]:
    """The `count` words before `start` and after `end` in the text (words of the `passed`
    terms not counted)."""
    def words(part: str) -> list[str]:
        return [w for w in re.findall(r"[\w'’-]+", part)
                if not ((found := content_terms(w)) and found <= set(passed))]

    return words(text[:start])[-count:], words(text[end:])[:count]


def _details(i: int, quotes: Sequence[str], indents: Sequence[int]) -> list[str]:
    """The units after unit i that are indented under it (an item's details)."""
    out = []
    for quote, indent in zip(quotes[i + 1:], indents[i + 1:], strict=True):
        if indent <= indents[i]:
            break
        out.append(quote)
    return out


def _parent(i: int, quotes: Sequence[str], indents: Sequence[int]) -> list[str]:
    """The unit that unit i is indented under (the item it is a detail of), if any: "280
    members at close of 2017" under "5. Membership of the Champion's Network is increased"."""
    for j in range(i - 1, -1, -1):
        if indents[j] < indents[i]:
            return [quotes[j]]
    return []


def _before_document(text: str, period: str) -> bool:
    """Every year the text writes is before the first year of its document's `period` (a
    date of something done before the document, not of what it will do)."""
    own = years_of(period)
    spans = year_spans(text)
    return own is not None and bool(spans) and all(last < own[0] for _, last in spans)


def dated_in(years: Sequence[tuple[int, int]], text: str, period: str) -> bool:
    """The text writes a year in one of the ranges, or the document's `period`, of at most
    DATING_YEARS years, runs over one ("the 2008 presentation")."""
    own = years_of(period)
    spans = [*year_spans(text), *([own] if own and own[1] - own[0] < DATING_YEARS else [])]
    return any(first <= last_asked and first_asked <= last
               for first, last in spans for first_asked, last_asked in years)


def _values(hit: Hit, terms: set[str], value: re.Pattern[str], idf: Mapping[str, float],
            long_forms: LongForms, dated_columns: bool = False,
            asked_words: Collection[str] = (), counted: Collection[str] = (),
            lasting: bool = False, often: bool = False,
            years: Sequence[tuple[int, int]] = (), led: bool = False, by_noun: bool = False
            ) -> Iterator[tuple[str, set[str]]]:
    """Each sentence of the hit that gives a value, with the topic words it, the sentences
    beside it and the hit's headings hold (a list item or a table row with its own details
    only: the items beside it are other items). List numbers ("3.", "4.1 -", "1.1 Deliver")
    and an action's reference ("3.1\tCommission a programme", "B3 Reduce…") are markers, not values.
    `dated_columns`: a table row takes a date from its table's header when the header's
    columns are periods ("Year 1 (2024/25)", "Year 2 (2025/26)" over the actions of each
    year), not when one column names a date ("Target by 2030" dates a target, not the rest of
    the row); the header's other figures are labels. A value made of the question's own
    words (`asked_words`) is none it did not have: "Strategic Board for Domestic Abuse" names
    no chair of it, and "Young People" no one who runs its sessions. A count must count what
    the question does (`counted`, see `counted_terms`): beside it in the sentence, or in its
    table row's first cell or its table's header, and where the question counts by its noun
    (`by_noun`), no other plural noun straight after it; `lasting` (the question asks how
    long), a span of dates gives it too ("running October 2020 to March 2021"); `often` (it asks how
    often), a frequency does, and nothing else ("two campaigns each year", "quarterly";
    vocabulary [durations]). With `led`, a list item gives the value its list's lead-in gives
    ("The nine recommendations … are as follows:" over "5. Service user voice to be
    included…"; a finding). A value for the `years` asked (ranges of years) is one that the
    sentence, the sentences beside it or the hit's headings date in one of them ("In 2022/23
    …" for 2023), or one of a document of at most DATING_YEARS years that runs over one."""
    # the corpus's own subject words count nothing where the question counts more ("How many
    # domestic homicides…?" is not answered by "75% of domestic abuse victims")
    passed = {t for t in counted if is_subject_term(t, idf)}
    if passed < set(counted):
        counted = [t for t in counted if t not in passed]
    else:
        passed = set()
    header_row = hit.lead or table_header(hit.text)
    header = header_row if dated_columns else ""
    dated = sum(bool(value.search(cell)) for cell in header.split("\t")) >= PERIOD_COLUMNS
    found = list(units(hit.text, details=False))
    marked = [quote for _, _, quote in found]
    quotes = [BULLET.sub("", quote) for quote in marked]
    # how far each unit's line is indented: an item's details are indented under it
    indents = [start - hit.text.rfind("\n", 0, start) - 1 for start, _, _ in found]
    # (a reference names its item: "Who leads action C1?" is about the row "C1")
    sentences = [_section_label().sub("", _ITEM_REFERENCE.sub("", quote)) for quote in quotes]
    # whether the lead-in of the list the unit is in gives the value (the chunk's own lead-in,
    # else the one its list continues from)
    listed = led and bool(hit.lead) and bool(value.search(hit.lead))
    for i, sentence in enumerate(sentences):
        bulleted = bool(BULLET.match(marked[i]))
        if not bulleted:
            listed = led and bool(LEAD_IN.search(sentence)) and bool(value.search(sentence))
        # a row's figures count what its first cell or its table's header names
        first_cell = sentence.split("\t")[0]
        headed = "\t" in sentence and bool(
            content_terms(f"{header_row} {first_cell}") & set(counted))
        if (vocabulary().frequency.search(sentence) if often else (
                _gives(sentence, value, asked_words, () if headed else counted, passed, by_noun)
                or (listed and bulleted)
                or (dated and "\t" in sentence)
                or (lasting and _PERIOD_RANGE.search(sentence)))):
            # a list item, a table row or a glossary's entry stands alone, with its details:
            # the items beside it are others
            item = "\t" in sentence or bulleted or hit.kind is ChunkKind.GLOSSARY
            beside = (" ".join([*_parent(i, quotes, indents), quotes[i],
                                *_details(i, quotes, indents)]) if item
                      else " ".join(quotes[max(i - 1, 0):i + 2]))
            if "\t" in sentence:  # a row is read under its table's header
                beside = f"{beside} {header_row}"
            if years and not dated_in(years, f"{hit.section} {hit.lead} {beside}", hit.period):
                continue
            yield sentence, held_terms(terms, f"{hit.section} {hit.lead} {beside}", long_forms)
