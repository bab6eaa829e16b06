"""The domain vocabulary (kb/vocabulary.toml), compiled once: heading and table cues, question
cues, "all areas" phrasing, comparison scaffolding, council names' parts and coverage themes.

A corpus folder may add a `vocabulary.toml` (same keys): its entries extend the package's, and
the entries under its `[remove]` table (same keys again) are taken out, so a corpus can drop a
package cue that misreads its documents (`python -m eval.loo` uses it to build the vocabulary as
it would be without one document). The corpus folder is the one in force when the vocabulary is
first used (`KB_CORPUS_DIR`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kb.errors import ConfigError
from kb.records import ChunkKind

VOCABULARY_NAME = "vocabulary.toml"
Pattern = re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(f"(?:{w})" for w in words)


# The words a question opens with when it asks (a clause that opens with one is the question,
# not a frame around it)
_ASKING = ("what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|"
           "had|can|could|will|would|should")


def cue_pattern(words: list[str]) -> Pattern:
    """One case-insensitive pattern matching any of the alternatives as whole words (none when
    the list is empty)."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)(?:{_alternatives(words)})(?!\w)", re.IGNORECASE)


def open_spelling(compound: str) -> str:
    """A pattern for a compound written open or hyphenated ("front line", "front-line")."""
    return r"[\s-]+".join(map(re.escape, compound.split()))


def _compounds(words: list[str]) -> Pattern:
    """One lower-case pattern for the open and hyphenated spellings of compounds and their
    inflections ("front line", "front-lines", "sign posting"); none when the list is empty."""
    pairs = [w for w in words if len(w.split()) == 2]
    if not pairs:
        return re.compile(r"(?!)")
    spellings = "|".join(open_spelling(w) for w in pairs)
    return re.compile(rf"\b(?:{spellings})(?:s|es|d|ed|ing)?\b")


@dataclass(frozen=True)
class Vocabulary:
    """The compiled vocabulary; see kb/vocabulary.toml for what each part means."""

    heading_cues: tuple[tuple[ChunkKind, Pattern], ...]
    front_matter: Pattern
    views: Pattern
    contents: Pattern
    signature: Pattern
    action_table: Pattern
    indicator_table: Pattern
    table_header: Pattern
    accountability_column: Pattern  # "Lead", "Timescale": who leads a row and by when
    commitment: Pattern
    described: Pattern  # a comparison asking how areas describe or count, not what they commit to
    question_intents: tuple[tuple[frozenset[ChunkKind], Pattern], ...]
    question_fallbacks: Pattern  # intent cues that count only when no other kind's does
    answer_type_cues: tuple[tuple[str, Pattern], ...]
    value_words: frozenset[str]  # "how much", "when", "who": words that ask for a value
    measure_question: Pattern  # "What is the caseload…": a count beside the measure's noun
    rated: Pattern  # "the repeat victimisation rate": group 1 is what the rate is of
    finding_sources: frozenset[str]  # "evaluation", "review": what a finding is of
    duration_question: Pattern  # "How long…": a count of time units …
    time_units: frozenset[str]  # … these, as words
    # "How many people…" is answered by a count beside any word for persons: (general words,
    # the words that answer them)
    counted_as: tuple[tuple[frozenset[str], frozenset[str]], ...]
    ages: frozenset[str]  # a number after these words is an age, no count
    frequency_question: Pattern  # "How often…": a frequency
    recurring_question: Pattern  # "When does the board meet?": a date or a frequency
    date_endings: frozenset[str]  # "When did X close?": a date near one, or a span's end
    frequency: Pattern
    indirect_value: Pattern
    condition: Pattern  # "… if partners cut their budgets": a condition, to its clause's end
    question_opener: Pattern
    list_nouns: str
    section_nouns: frozenset[str]
    item_question: Pattern  # "Which outcome is about…?", "Which of its priorities covers…?"
    section_qualifiers: frozenset[str]
    all_areas: Pattern
    which_areas: Pattern  # "Which councils…?", "What strategies…?": asks which areas do it
    places_counted: Pattern  # "How many of the strategies…?": asks which areas do it, too
    other_areas: Pattern
    scaffolding: frozenset[str]
    wishing: frozenset[str]  # "want", "hope": what is wished done, not what about
    qualifying: frozenset[str]  # "of", "with": a phrase after a noun that narrows it
    subject_naming: frozenset[str]  # "about": a phrase after it names the subject
    frame_phrases: Pattern  # "make sure" of "make sure services reach…": how, not what about
    relating: Pattern  # "work with" of "work with schools": how, not what about
    asking_verbs: Pattern  # "say", "mention": not searched for by words
    said_about: Pattern  # "… say about X…" to the end: X is the topic, whatever value noun
    object_verbs: str  # "improve", "tackle": the words after them name what is acted on
    definition_question: Pattern  # "define", "definition of": the term follows
    future_question: Pattern  # "When will…": a date it asks for is not before its document
    achieved_question: Pattern  # "How many clients did it support?": what happened …
    planned_value: Pattern  # … which a capacity, an expected figure or a target does not give
    roles: frozenset[str]  # "Who chairs…?": a name given with the role's word
    spending_asked: frozenset[str]  # "What is the budget…?" asks for an amount spent …
    spending_given: frozenset[str]  # … which a sentence gives with one of these words
    reason_question: Pattern  # "Why…": asks for reasons, whatever kind of passage it names
    defining: str  # "is", "means": what follows a term its definition opens with
    definition_headings: str  # "What we mean by": a heading over a term's definition
    preamble: Pattern
    opening_clause: Pattern  # "We're reviewing our strategy: how does Essex…?"
    closing_audience: Pattern
    paper_subject: Pattern
    audience_asking: Pattern
    closing_instructions: Pattern
    opening_instructions: Pattern
    council_bodies: tuple[str, ...]
    council_prefixes: tuple[str, ...]
    council_descriptors: frozenset[str]
    not_place_words: frozenset[str]
    partnership_prefixes: tuple[str, ...]
    draft: Pattern
    adopted: Pattern
    title_words: Pattern
    document_names: Pattern
    national_documents: Pattern
    document_kinds: tuple[tuple[str, Pattern], ...]
    document_words: str  # alternatives: the words for the kinds of document
    source_names: str  # alternatives: the words that end a named source document
    supporting_kinds: frozenset[str]
    period_questions: Pattern
    status_questions: Pattern
    outline_questions: Pattern
    place_questions: Pattern  # "What area does it cover?" asks for a place, not an outline
    holdings_questions: Pattern
    period_words: frozenset[str]
    source_questions: Pattern
    columns: tuple[tuple[ChunkKind, Pattern], ...]
    column_asking: frozenset[str]
    themes: dict[str, tuple[str, ...]]
    synonyms: tuple[tuple[str, Pattern], ...]
    compounds: Pattern


def _plurals(nouns: list[str]) -> str:
    """A regex alternation of the nouns, each singular or plural ("priority", "priorities")."""
    return "|".join(rf"{re.escape(n[:-1])}(?:y|ies)" if n.endswith("y") else rf"{re.escape(n)}s?"
                    for n in nouns)


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """`base` with `extra`'s entries added: lists are extended, tables merged, strings joined."""
    merged = dict(base)
    for key, value in extra.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            merged[key] = current + [v for v in value if v not in current]
        elif isinstance(current, str) and isinstance(value, str):
            merged[key] = f"{current} {value}"
        else:
            merged[key] = value
    return merged


def without(data: dict[str, Any], removals: dict[str, Any]) -> dict[str, Any]:
    """`data` with `removals`' entries taken out: list items dropped, tables handled key by
    key, words dropped from whitespace-separated strings. Entries `data` lacks are ignored."""
    kept = dict(data)
    for key, value in removals.items():
        current = kept.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            kept[key] = without(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            kept[key] = [v for v in current if v not in value]
        elif isinstance(current, str) and isinstance(value, (str, list)):
            dropped = set(value.split() if isinstance(value, str) else value)
            kept[key] = " ".join(w for w in current.split() if w not in dropped)
    return kept


def compile_vocabulary(data: dict[str, Any]) -> Vocabulary:
    """Compile the vocabulary's data (as read from TOML).

    Raises:
        ConfigError: a section is missing, a kind is unknown or a pattern does not compile.
    """
    try:
        places = _alternatives(data["areas"]["places"])
        audience = _alternatives(data["topic"]["audience"])  # who an answer is for
        papers = _alternatives(data["topic"]["audience_papers"])  # … and what it goes into
        openers = _alternatives(data["indirect_value"]["question_openers"])  # what, how, does…
        instructions = _alternatives(data["topic"]["instructions"])  # how to set it out
        places_counted = r"how many(?: of)?(?: the| these| our)?"
        numbers = "(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})"
        # The grammar of "every area" questions is fixed; the words are data.
        all_areas = re.compile(
            rf"\b(?:(each|every|both|all|either|which|any|other|different|respective|various) "
            rf"(of )?(the )?({numbers} |local |other |different )?(?:{places})"
            rf"|across (the )?({numbers} )?(?:{places})|the {numbers} (?:{places})|all {numbers}"
            rf"|{places_counted} (?:{places})"
            rf"|the (local |other |different |various )?(?:{places})(?<=s)(?! of)"
            rf"|(these|those) ({numbers} )?(?:{places})|{_alternatives(data['areas']['all'])})\b",
            re.IGNORECASE)
        return Vocabulary(
            heading_cues=tuple((ChunkKind(kind), cue_pattern(words))
                               for kind, words in data["headings"].items()),
            front_matter=re.compile(rf"^\W*(?:{_alternatives(data['sections']['front_matter'])})\W*$",
                                    re.IGNORECASE),
            views=re.compile(rf"^\W*(?:{_alternatives(data['sections']['views'])})\b", re.IGNORECASE),
            contents=re.compile(rf"^\W*(?:{_alternatives(data['sections']['contents'])})\W*$",
                                re.IGNORECASE),
            # "Cllr Anne Hartley, Executive Member…", "Mayor Lutfur Rahman": an honorific, a
            # capitalised name, then a comma or nothing
            signature=re.compile(rf"^\W*(?i:{_alternatives(data['sections']['honorifics'])})\.?"
                                 rf"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}}\s*(?:,|$)|"
                                 # "Nick Alston, … Commissioner": a name, a comma, a role
                                 rf"^(?:[A-Z]{{2,4}}\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}},"
                                 rf".*\b(?i:{_alternatives(data['sections']['signatory_roles'])})\b"),
            action_table=cue_pattern(data["tables"]["action"]),
            indicator_table=cue_pattern(data["tables"]["indicator"]),
            table_header=cue_pattern(data["tables"]["header"]),
            accountability_column=cue_pattern(data["tables"]["accountability"]),
            commitment=re.compile(rf"^\W*(?:{_alternatives(data['commitments']['subjects'])}) will\b",
                                  re.IGNORECASE),
            described=cue_pattern(data["commitments"]["described"]),
            question_intents=tuple(
                (frozenset(ChunkKind(k) for k in kinds.split()), cue_pattern(words))
                for kinds, words in data["questions"].items()),
            question_fallbacks=cue_pattern(data["question_fallbacks"]["cues"]),
            answer_type_cues=tuple((kind, cue_pattern(words))
                                   for kind, words in data["answer_types"].items()),
            measure_question=cue_pattern(data["measures"]["nouns"]),
            finding_sources=frozenset(data["findings"]["sources"].split()),
            rated=re.compile(rf"((?:[\w-]+\s+)?[\w-]+)\s+(?:{_alternatives(data['measures']['rates'])})(?!\w)",
                             re.IGNORECASE),
            duration_question=cue_pattern(data["durations"]["questions"]),
            time_units=frozenset(data["durations"]["units"].split()),
            ages=frozenset(data["measures"]["ages"].split()),
            counted_as=tuple((frozenset(general.split()), frozenset(answering.split()))
                             for general, answering in data["measures"]["counted_as"]),
            frequency_question=cue_pattern(data["durations"]["frequency_questions"]),
            recurring_question=cue_pattern(data["durations"]["recurring_questions"]),
            date_endings=frozenset(data["durations"]["endings"].split()),
            frequency=cue_pattern(data["durations"]["frequencies"]),
            indirect_value=cue_pattern(data["indirect_value"]["cues"]),
            condition=re.compile(
                rf"\b(?:{_alternatives(data['indirect_value']['conditions'])})\b[^,;:?]*",
                re.IGNORECASE),
            # at the start, or after an opening clause ("For the board: what…")
            question_opener=re.compile(
                rf"(?:^|[:;,]\s)\W*(?:{_alternatives(data['indirect_value']['question_openers'])})\b",
                re.IGNORECASE),
            list_nouns=_alternatives(data["lists"]["nouns"]),
            section_nouns=frozenset(data["lists"]["sections"]),
            item_question=re.compile(
                r"\bwhich\s+(?:one\s+)?(?:of\s+(?:the|its|their|these|those)\s+)?"
                rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_plurals(data['lists']['sections'])})\s+"
                rf"(?:{_alternatives(data['lists']['item_verbs'])})\b",
                re.IGNORECASE),
            section_qualifiers=frozenset(data["lists"]["qualifiers"].split()),
            all_areas=all_areas,
            which_areas=re.compile(rf"\b(?:which|what|{places_counted}) (?:{places})\b",
                                   re.IGNORECASE),
            places_counted=re.compile(rf"\b{places_counted} (?:{places})\b", re.IGNORECASE),
            other_areas=cue_pattern(data["areas"]["others"]),
            scaffolding=frozenset(data["topic"]["scaffolding"].split()),
            wishing=frozenset(data["topic"]["wishing"].split()),
            qualifying=frozenset(data["topic"]["qualifying"].split()),
            subject_naming=frozenset(data["topic"]["subject_naming"].split()),
            frame_phrases=re.compile(rf"\b(?:{_alternatives(data['topic']['frame_phrases'])})\b",
                                     re.IGNORECASE),
            # (as a verb, after "to" or an auxiliary: not the noun of "behaviour change work
            # with abusers")
            relating=re.compile(
                r"(\b(?:to|do|does|did|will|would|can|could|should)\b(?:\s+[\w'’]+){0,3}?\s+)"
                rf"(?:{_alternatives(data['topic']['relating'].split())})\s+with\b", re.IGNORECASE),
            asking_verbs=cue_pattern(data["topic"]["asking_verbs"]),
            said_about=re.compile(rf"\b(?:{_alternatives(data['topic']['said_about'])})\s+"
                                  r"(?:anything\s+)?(?:about|on|regarding|concerning)\b.*$",
                                  re.IGNORECASE),
            object_verbs=_alternatives(data["topic"]["object_verbs"]),
            definition_question=cue_pattern(data["definitions"]["questions"]),
            future_question=cue_pattern(data["future"]["questions"]),
            achieved_question=cue_pattern(data["achieved"]["questions"]),
            planned_value=cue_pattern(data["achieved"]["planned"]),
            roles=frozenset(data["roles"]["words"]),
            spending_asked=frozenset(data["spending"]["asking"].split()),
            spending_given=frozenset(data["spending"]["giving"].split()),
            reason_question=cue_pattern(data["reasons"]["questions"]),
            defining=_alternatives(data["definitions"]["defining"]),
            definition_headings=_alternatives(data["definitions"]["headings"]),
            value_words=frozenset(data["topic"]["value_words"].split()),
            # an opening clause up to its comma or colon, for or about an audience
            # (a spaced dash ends it too: "I'm writing a board paper - what does…")
            preamble=re.compile(rf"^\s*(?=[^,:?]*\b(?:{audience})\b)"
                                rf"(?:for|ahead of|before|i'?m|i am|i need|i have|we|quick)\b"
                                rf"[^,:?]{{0,100}}?(?:[,:]|\s[–—-](?=\s))\s*", re.IGNORECASE),
            # any other opening clause up to a colon or a spaced dash, before a question
            # ("We're reviewing our strategy and want ideas: how does Essex…?")
            opening_clause=re.compile(
                rf"^\s*(?!\W*(?:{_ASKING})\b)[^:?–—]{{3,120}}?(?::|\s[–—-]\s)\s*"
                rf"(?=(?:{openers})\b)", re.IGNORECASE),
            # a closing clause for the paper or meeting the answer goes into
            closing_audience=re.compile(
                rf"[\s,;:–-]*\b(?:for|in|to go in|ahead of|before)\s+(?:a|an|the|our|my|this|"
                rf"next|tomorrow['’]s|today['’]s)\s+(?:[\w'’&-]+\s+){{0,3}}?"
                rf"(?:{papers})\W*$", re.IGNORECASE),
            # what the paper an opening clause names is on ("a board paper on refuges")
            paper_subject=re.compile(rf"\b(?:{papers})\s+(?:on|about|into|regarding|covering)\s+"
                                     r"([^,:?]+?)\s*(?:[,:]|\s[–—-])\s*$", re.IGNORECASE),
            # an opening frame for who asks ("Our cabinet member wants to know how…")
            audience_asking=re.compile(
                rf"^\s*(?!(?:{_ASKING})\b)(?:(?:my|our|the|a|an)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
                rf"(?:{audience}|{_alternatives(data['topic']['askers'])})\s+"
                rf"(?:{_alternatives(data['topic']['asking'])})\s+", re.IGNORECASE),
            # (one or more, after the question or its audience: "…, in order please")
            closing_instructions=re.compile(
                rf"(?:[\s,;:–-]*\b(?:{instructions}))+(?=\W*$)", re.IGNORECASE),
            # (one, as the question's opening clause: "In plain terms, what…")
            opening_instructions=re.compile(rf"^\W*(?:{instructions})\s*[,:;–-]\s*",
                                            re.IGNORECASE),
            council_bodies=tuple(sorted(data["councils"]["bodies"], key=len, reverse=True)),
            council_prefixes=tuple(data["councils"]["prefixes"]),
            council_descriptors=frozenset(data["councils"]["descriptors"]),
            not_place_words=frozenset(data["councils"]["not_place_words"].split()),
            partnership_prefixes=tuple(data["councils"]["partnership_prefixes"]),
            draft=cue_pattern(data["documents"]["draft"]),
            adopted=cue_pattern(data["documents"]["adopted"]),
            title_words=cue_pattern(data["documents"]["title_words"]),
            document_names=cue_pattern(data["documents"]["names"]),
            national_documents=cue_pattern(data["documents"]["national"]),
            document_words=_alternatives([word for words in data["documents"]["kinds"].values()
                                          for word in words]),
            source_names=_alternatives(data["documents"]["source_names"]),
            document_kinds=tuple((kind, cue_pattern(words))
                                 for kind, words in data["documents"]["kinds"].items()),
            supporting_kinds=frozenset(data["documents"]["supporting"]),
            period_questions=cue_pattern(data["documents"]["period_questions"]),
            status_questions=cue_pattern(data["documents"]["status_questions"]),
            outline_questions=cue_pattern(data["documents"]["outline_questions"]),
            place_questions=cue_pattern(data["documents"]["place_questions"]),
            holdings_questions=cue_pattern(data["documents"]["holdings_questions"]),
            period_words=frozenset(data["documents"]["period_words"].split()),
            source_questions=cue_pattern(data["sources"]["questions"]),
            columns=tuple((ChunkKind(kind), cue_pattern(words))
                          for kind, words in data["columns"].items() if kind != "asking"),
            column_asking=frozenset(data["columns"]["asking"].split()),
            themes={theme: tuple(phrases) for theme, phrases in data["themes"].items() if phrases},
            synonyms=tuple((term, cue_pattern(words))
                           for term, words in data["synonyms"].items() if words),
            compounds=_compounds(data["compounds"]["words"]),
        )
    except (KeyError, ValueError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"the vocabulary is not valid: {type(exc).__name__}: {exc}") from exc


def vocabulary_data(corpus_dir: Path | None) -> dict[str, Any]:
    """The vocabulary's data, uncompiled: the package's, extended by the corpus folder's
    `vocabulary.toml` if any, less that file's `[remove]` entries.

    Raises:
        ConfigError: the corpus folder's vocabulary file is not valid TOML.
    """
    data = tomllib.loads(resources.files("kb").joinpath(VOCABULARY_NAME).read_text(encoding="utf-8"))
    extra = corpus_dir / VOCABULARY_NAME if corpus_dir else None
    if extra and extra.is_file():
        try:
            own = tomllib.loads(extra.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{extra} is not valid TOML: {exc}") from exc
        removals = own.pop("remove", {})
        data = without(merge(data, own), removals)
    return data


def read_vocabulary(corpus_dir: Path | None) -> Vocabulary:
    """The compiled vocabulary of `vocabulary_data(corpus_dir)`.

    Raises:
        ConfigError: a vocabulary file is not valid TOML or not a valid vocabulary.
    """
    return compile_vocabulary(vocabulary_data(corpus_dir))


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary in force: the package's plus the configured corpus folder's."""
    from kb.config import Settings

    return read_vocabulary(Settings.from_env().corpus_dir)
