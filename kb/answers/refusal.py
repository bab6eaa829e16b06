"""When the hits do not answer a question: a similarity floor and the question's specific terms."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from itertools import pairwise

from kb.answers.about import HITS_CHECKED, TOPIC_SIMILARITY, passage_about, topic_terms
from kb.answers.answer_type import MIN_TOPIC_SHARE, AnswerType, expected_type, missing_value
from kb.answers.compounds import (
    everyday_framing,
    loose_compounds,
    modified_by,
    modified_terms,
    qualified_terms,
    verbs_acting_on,
)
from kb.answers.sentences import units
from kb.records import Hit
from kb.retrieval.areas import AreaResolver
from kb.retrieval.documents import DocumentResolver, naming_terms, source_terms
from kb.retrieval.english import names_nothing
from kb.retrieval.glossary import is_acronym
from kb.retrieval.intent import intended_kinds, kind_words
from kb.retrieval.places import is_place, lower_case_councils
from kb.retrieval.synonyms import (
    asking_phrase_terms,
    in_strategy_words,
    phrases_in_strategy_words,
)
from kb.retrieval.topic import alternatives, negated_terms, without_relating
from kb.retrieval.years import YEAR, years_of
from kb.text import (
    NUMBERED_ITEM,
    POSSESSIVE,
    content_terms,
    idf_weight,
    singular_acronyms,
    typed_words,
    word_list_terms,
)
from kb.vocabulary import vocabulary

_YEARS = re.compile(r"((?:19|20)\d{2})[-–/](?:\d{2}|(?:19|20)\d{2})")  # "2022-23", "2020/21"
_NAME = re.compile(r"[A-Z][A-Za-z-]{2,}(?:['’]s)?")  # "Clare's Law" is quoted as written
_DATE_WORD = re.compile(r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*(-|$)|"
                        r"(spring|summer|autumn|winter)(-|$)", re.IGNORECASE)
# A topic word no indexed document uses is not answered by top passages that are this much
# more like the question without it ("How will Essex reduce vehicle crime?": crime passages).
# Set on tune, where off-topic questions' drops were 0.04-0.13 and one paraphrase's 0.08
# ("flagged as being in danger"); the others' under 0.025
UNSEEN_DROP = 0.04
_SENTENCE_BREAK = re.compile(r"(?:^[—–-]|[.?:])$")  # the word after it opens a sentence ("SAFE!" ends none)
_ACRONYM_WORD = re.compile(r"\b[A-Z][A-Z&]{1,9}s?\b")  # "IRIS", "IDVAs"
_JOINED = re.compile(r" (?:&|and) ")  # "Safer & Stronger", "Safer and Stronger"
_PLURAL_S = re.compile(r"(?<=[a-z]{3})s\b")  # "champions" as "champion"
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)['’](?!\w)")  # "Survivors' Panel" as "Survivors Panel"
# (queries, texts) -> each query's similarity to each text
Similarities = Callable[[Sequence[str], Sequence[str]], Sequence[Sequence[float]]]
ARTICLES = {AnswerType.SHARE: "a percentage or share", AnswerType.AMOUNT: "an amount",
            AnswerType.COUNT: "a number", AnswerType.DATE: "a date", AnswerType.NAME: "a name",
            AnswerType.FINDING: "a finding", AnswerType.DUTY: "a duty",
            AnswerType.TARGET: "a target"}


def uncovered_reason(question: str, hits: Sequence[Hit], min_relevance: float,
                     resolver: AreaResolver, acronyms: Mapping[str, Collection[str]],
                     idf: Mapping[str, float],
                     similar: Callable[[Sequence[str]], Sequence[float]] | None = None,
                     documents: DocumentResolver | None = None,
                     similarities: Similarities | None = None,
                     sources: Collection[str] = (), looked_up: Collection[str] = (),
                     used: Callable[[str], bool] | None = None, scope: str = "",
                     written: Callable[[str], bool] | None = None,
                     related: Collection[str] = ()) -> str:
    """Why the hits do not answer the question ('' when they do).

    The checks: the best passage's similarity reaches `min_relevance`, unless a passage
    holds every topic word of the question (an exact match the embedding may rank low); the
    question's specific terms (years, names, a name also as its initials: "TV" for "Thames
    Valley"; not months, which a text may write as "the first 3 months") occur in the
    evidence or in its documents' titles and periods (a year that a
    document's period runs over counts, unless the question asks for a value), and a place
    among them (a council, city or nation) occurs in a sentence about the question's topic,
    not only in passing; a topic word the strategies never use needs a top passage about the
    topic, by its words or as a paraphrase (`kb.answers.about.passage_about`), and the
    word does not make the question less like them, nor is the whole topic with no passage
    like it on its own (`_unseen_unanswered`); a compound of
    the topic one of whose words they use only once ("climate change" of "the current
    economic climate") needs a top passage that writes it (`kb.answers.compounds.loose_compounds`); a question
    that names its document needs a passage of that document about its topic
    (`_silent_document`); and when the question asks for a kind of value (a share, an
    amount, a count, a date, a name, a finding, a duty), a sentence about its topic gives
    one (see `kb.answers.answer_type`; the words by which the question names its source,
    "according to the … Strategy", are not its topic).

    Args:
        question: the resolved question.
        hits: the retrieved hits.
        min_relevance: the similarity floor.
        resolver: finds area names (which are not specific terms).
        acronyms: the glossary: acronyms (not specific terms either) and their long forms.
        idf: term weights.
        similar: the similarity of sentences to the question (see `missing_value`).
        documents: the indexed documents, to tell when the question takes its answer from a
            document that is not one of them ("the Home Office's Tackling Domestic Abuse Plan").
        similarities: the similarity of texts to each of some queries (one embedding run):
            whether a topic word the strategies never use makes the question less like its top
            passages.
        sources: the documents the question names (its answer must come from one of them).
        looked_up: names of the question that only a passage read for it writes
            (`kb.retrieval.hybrid.HybridRetriever.naming`): as a place, such a name must share a
            sentence with the question's other topic words ("Which agencies sit on the
            Domestic Abuse Strategic Board?" is not answered by the sentence that names the
            board as overseeing the plan).
        used: whether the documents of the areas the question names use a term (None: any
            indexed document's, as `idf` tells): a topic word its areas never use is checked
            as one the strategies never use.
        scope: where the search looked (" in the documents of Essex"), for the reason.
        written: whether the documents of the areas the question names write a phrase (None:
            it names none): an acronym they never use is named by its long form.
        related: the question's terms that the documents searched never use, but whose word
            has a family they write ("pharmacists": "pharmacy", `kb.retrieval.families`): not
            unseen.
    """
    if not hits:
        return "nothing is indexed that matches"
    if documents is not None:
        other = documents.unknown(resolver.without_names(question, " "), acronyms,
                                  resolver.mentioned(question) or None)
        if other and not _reported(other, question, resolver, hits):
            return f"no indexed document is the '{other}'"
    best = max(h.similarity for h in hits)
    topic_text = resolver.topic(question)
    topic = content_terms(topic_text)
    # "under its Prevent strand": the heading holds the section's name, not the noun "strand"
    named = topic - word_list_terms(vocabulary().section_nouns)
    exact = bool(named) and any(named <= content_terms(f"{h.section} {h.text}") for h in hits)
    # "What is Marlowe's vision?" asks for a kind of passage, whatever the passage calls itself
    # ("Our ambition"), and names nothing else that a passage must be like
    kind_only = not named - kind_words(question) and bool(
        intended_kinds(question) & {h.kind for h in hits[:HITS_CHECKED]})
    if best < min_relevance and not exact and not kind_only:
        return f"no passage is similar enough (best {best:.2f})"
    specific = specific_terms(question, resolver, acronyms, idf.keys())
    missing = unnamed(question, specific, hits)
    if missing:
        said = ", ".join(f"'{t}'" for t in missing)
        # only a word no indexed text holds proves that the strategies never write it
        if all(content_terms(t) - idf.keys() for t in missing):
            return "the strategies do not mention " + said
        return "no passage found names " + said
    unused = _unused_acronyms(question, acronyms, used, written)
    if unused:
        return f"no passage{scope} names " + ", ".join(f"'{a}'" for a in unused)
    # (how the question relates an area to a name is not what it is about: "How does Bucks
    # plan to work with GPs?" is about GPs)
    passing = [t for t in specific if (is_place(t) or t in looked_up)
               and not any(_said_with(t, topic_terms(without_relating(wording)), hits, idf)
                           for wording in _wordings_naming(t, topic_text))]
    if passing:
        return "the strategies name " + ", ".join(f"'{t}'" for t in passing) + " only in passing"
    unheld = (_unheld(question, topic_text, hits, idf, acronyms, similarities, used, related)
              or _loose(question, topic_text, hits, idf))
    if unheld:
        return f"no passage{scope} is about " + ", ".join(f"'{w}'" for w in unheld)
    if sources and documents is not None:
        silent = _silent_document(question, topic_text, hits, idf, acronyms, sources, documents)
        if silent:
            return f"'{silent}' does not speak of it"
    # a value sentence holds the strategies' word for an everyday phrase ("keeps an eye on":
    # oversees), not the phrase's own words
    absent = missing_value(question, phrases_in_strategy_words(topic_text), hits, idf, similar,
                           source_terms(question), acronyms)
    if absent is not None:
        return f"no passage about it gives {ARTICLES[absent]}"
    return ""


def _reported(document: str, question: str, resolver: AreaResolver, hits: Sequence[Hit]
              ) -> bool:
    """A top passage writes the name of a document that is not indexed and holds the rest of
    the question's topic: the indexed strategy reports on that document ("What did the 2016
    review recommend?" of "The nine recommendations set out within the 2016 Strategic
    Review…", or of the items a chunk continues under that lead-in), where one that
    only names it ("Thames Valley's Police and Crime Plan" in a list of related plans) answers
    nothing that it says."""
    named = content_terms(document)  # its words, as the passage writes them ("the 2016 review"
    # of "the 2016 Strategic Review")
    rest = content_terms(resolver.topic(question)) - named
    return bool(rest) and any(
        named <= (held := content_terms(f"{hit.lead} {hit.text}"))
        and rest <= held | content_terms(hit.section) for hit in hits[:HITS_CHECKED])


def unnamed(question: str, specific: Sequence[str], hits: Sequence[Hit]) -> list[str]:
    """The question's specific terms (`specific_terms`) that no hit names: not in their text,
    section, title or period, nor as initials ("TV" for "Thames Valley"), nor, for a one-word
    name, as another form of a hit's heading word ("Pursue" for "Pursuing"); a year a hit's
    document runs over counts as named unless the question asks for a value."""
    evidence = _comparable(" ".join(f"{h.title} {h.period} {h.section} {h.text}" for h in hits))
    planned = expected_type(question) is None  # asks what is done, not for a value of a year
    written = " ".join(h.text for h in hits)
    headings = {term for h in hits for term in content_terms(h.section)}
    return [t for t in specific if not _names(evidence, t)
            and not (planned and YEAR.fullmatch(t) and _covered(int(t), hits))
            and not _initials_in(t, written)
            # a section called by another form of its heading's word ("under 'Pursue'" for
            # the strand "Pursuing")
            and not (" " not in t and not YEAR.fullmatch(t) and content_terms(t) <= headings)]


def _unheld(question: str, topic: str, hits: Sequence[Hit], idf: Mapping[str, float],
            acronyms: Mapping[str, Collection[str]],
            similarities: Similarities | None = None,
            used: Callable[[str], bool] | None = None,
            related: Collection[str] = ()) -> list[str]:
    """The question's topic words (as typed) that the strategies never use, when no top
    passage is about its topic (`kb.answers.about.passage_about`), in its own words nor
    in the strategies' words for its everyday ones ("businesses": employers,
    `kb.retrieval.synonyms`; a rewording that keeps an unseen word, "knife crime among young
    people" for "… among teenagers", is judged as the question is). "What does the Essex
    strategy say about potholes?" finds passages past the similarity floor, but none about
    potholes. A question whose topic words the strategies all use is left to the other
    checks: a word of everyday English around the topic ("hope", "bosses") is no sign of
    another subject, nor is one of the most frequent words of English that they do not use
    ("let", `kb.retrieval.english.is_common`). None either when the question asks only for a
    kind of passage ("What does X propose for its Partnership priority?")."""
    source = source_terms(question)
    # (how the question relates an area to what it names is not what it is about: "Does Bucks
    # work with employers?" is about employers)
    about = topic_terms(without_relating(topic)) - source
    # a year or a period is checked as a specific term; a word asking for a kind of passage
    # ("indicators") is answered by passages of that kind, whatever they call themselves
    subject = about - kind_words(question) - asking_phrase_terms(question)
    # (nor is a word of a family they write: "pharmacists" of "pharmacy staff", `related`)
    unseen = {term for term in subject
              if term not in idf and term not in related and not years_of(term)}
    # … or its areas never use, where they are the whole subject (what the question wishes
    # done aside: "want" of "What does Bucks want employers to do?"; a wishing word is never
    # the subject: "What outcomes are expected under its Partnership aim?")
    wishing = word_list_terms(vocabulary().wishing)
    qualified: set[str] = set()
    if used is not None:
        scoped = {term for term in subject - wishing
                  if not used(term) and term not in related and not years_of(term)}
        # … or modify or qualify the rest of it: "older victims", "victims in rural areas" of
        # a council that writes of victims but never of older or rural ones
        qualified = qualified_terms(topic, scoped, about, idf)
        rest = subject - scoped - verbs_acting_on(question, scoped | qualified) - wishing
        if scoped and (not rest or rest <= modified_terms(question, scoped, about, idf)
                       | qualified):
            unseen |= scoped
    # what the question says is not so need not be written ("What happens to perpetrators who
    # don't go to prison?"), where it asks about something else too
    negated = negated_terms(topic)
    if subject - negated:
        unseen -= negated
    # a word that only says what is done or how ("victims bounced between services", "support
    # stopping suddenly") names no subject the strategies could lack where a top passage is
    # about the rest of the question: it says that in other words ("How will Wyvern recycle
    # more?" has no rest)
    doing = {term for term in unseen if _names_nothing(question, term)}
    if doing and (seen := subject - unseen) and passage_about(seen, hits, idf, acronyms):
        unseen -= doing
    if unseen:  # (the English dictionary is read only for such a question)
        # … but one that modifies a topic word they use, or qualifies one ("care" of "children
        # in care"), names the subject with it
        unseen -= everyday_framing(question, about, idf) - qualified
    # … nor do the words of one of two alternatives ("influencers or famous people") where the
    # other holds none of them: the question is answered by what the strategies say of it
    if not unseen or any(not content_terms(wording) & unseen for wording in alternatives(topic)):
        return []
    # a rewording a passage is about holds the everyday words it replaced; the unseen words it
    # keeps ("knife" of "knife crime among young people") are judged as the question's are,
    # and one whose own words the asked areas never use either ("financial abuse" for
    # "economic abuse", of a council that writes neither) is about nothing they say
    held = [reworded & unseen for reworded in
            (topic_terms(wording) - source for wording in in_strategy_words(topic))
            if not any(t not in idf or (used is not None and not used(t))
                       for t in reworded - about - set(related))
            and passage_about(reworded, hits, idf, acronyms)]
    left = min(held, key=len) if held else unseen
    # the unseen words are the whole subject when the rest only says what is done about them
    # ("How does Essex support veterans?") or names what they narrow ("… victims of stalking")
    whole = not held and subject - unseen <= (verbs_acting_on(question, unseen | qualified)
                                              | wishing | qualified)
    if (held or passage_about(about, hits, idf, acronyms)) and not (left and _unseen_unanswered(
            question, left, whole, hits, similarities,
            modified_by(question, left, about, idf))):
        return []
    return typed_words(question, left)


def _names_nothing(question: str, term: str) -> bool:
    """Whether every word by which the question writes the term names nothing
    (`kb.retrieval.english.names_nothing`)."""
    words = typed_words(question, {term})
    return bool(words) and all(names_nothing(word) for word in words)


def _loose(question: str, topic: str, hits: Sequence[Hit], idf: Mapping[str, float]) -> list[str]:
    """The topic's loose compounds (`loose_compounds`) but an officer's everyday phrase for
    what the strategies call otherwise ("armed forces": military, vocabulary [synonyms]),
    which they need never write, nor a compound of a word of such a phrase ("drug treatment"
    of "alcohol and drug treatment": substance misuse treatment)."""
    everyday = [match.group() for _, pattern in vocabulary().synonyms
                for match in pattern.finditer(topic)]
    return [phrase for phrase in loose_compounds(question, topic, hits, idf)
            if not any(pattern.search(phrase) for _, pattern in vocabulary().synonyms)
            and not any(content_terms(phrase) & content_terms(said) for said in everyday)]


def _silent_document(question: str, topic: str, hits: Sequence[Hit], idf: Mapping[str, float],
                     acronyms: Mapping[str, Collection[str]], named: Collection[str],
                     documents: DocumentResolver) -> str:
    """The title of the document the question names ("What did the 2020 launch say about
    counselling?") when none of its top passages is about the question's topic
    (`kb.answers.about.passage_about`, with the words naming it left out), in the question's
    words or in the strategies' words for its everyday ones ("What was left over from the 2016
    review?": the outstanding recommendations): the answer must come from it, not from another
    document that does speak of the topic. '' otherwise."""
    own = [h for h in hits if h.doc_id in named]
    rest = documents.without_reference(topic, named)
    unasked = (source_terms(question) | kind_words(question)
               | word_list_terms(vocabulary().section_qualifiers))

    def about_terms(text: str) -> set[str]:
        # a year or a period ("2019-24") is checked as a specific term, and a word that only
        # says how ("what its strategy document actually is") names nothing it must speak of
        return {t for t in topic_terms(text) - unasked
                if not years_of(t) and not _names_nothing(question, t)}

    about = about_terms(rest)
    # (the rewordings are read only where the question's own words leave the document silent)
    if not about or (own and (passage_about(about, own, idf, acronyms) or any(
            passage_about(about_terms(wording), own, idf, acronyms)
            for wording in in_strategy_words(rest)))):
        return ""
    return next((h.title for h in own), documents.title(next(iter(named))))


def _unseen_unanswered(question: str, unseen: set[str], whole_topic: bool, hits: Sequence[Hit],
                       similarities: Similarities | None, compounds: Sequence[str] = ()
                       ) -> bool:
    """Whether the top passages answer the rest of the question, not its unseen words: they
    are less like the question than like the question without them ("crime" of "vehicle
    crime"); or, when they are the `whole_topic` (the strategies use none of its words), no
    top passage is TOPIC_SIMILARITY like them on their own: a passage as like the whole
    question is so by its frame ("What does the Essex strategy say about revenge porn?"), not
    as a paraphrase of its subject; nor, when an unseen word modifies a topic word they use or
    is modified by one (`compounds`: "road safety" of "about road safety", "youth unemployment"
    of "for youth unemployment"), like the two together ("a new place of safety" is no answer
    on road safety). (One embedding run.)"""
    # years are checked as specific terms; a word for a document ("the launch deck", "the
    # 2008 slides") names where to look, not what about
    unseen = {t for t in unseen if not any(c.isdigit() for c in t)} - naming_terms(question)
    if similarities is None or not unseen:
        return False
    kept = " ".join(w for w in re.findall(r"[\w'’-]+", question)
                    if not ((found := content_terms(w)) and found <= unseen))
    alone = ([" ".join(typed_words(question, unseen))] if whole_topic
             else [pair for pair in compounds if content_terms(pair) & unseen])
    full, reduced, *rest = similarities([question, kept, *alone],
                                        [h.text for h in hits[:HITS_CHECKED]])
    return (max(full) - max(reduced) < -UNSEEN_DROP
            or any(max(row) < TOPIC_SIMILARITY for row in rest))


def _said_with(place: str, topic: set[str], hits: Sequence[Hit], idf: Mapping[str, float]
               ) -> bool:
    """A sentence of the hits names the place with half the idf weight of the question's
    other topic words: "What is Wales doing about perpetrators?" is not answered by "the cost
    of domestic abuse in England and Wales" (a place a strategy names in passing, as in a
    source's name, is not one it is about)."""
    rest = topic - content_terms(place)
    total = idf_weight(rest, idf)
    if not total:
        return True
    return any(_names(_comparable(sentence), place)
               and idf_weight(rest & content_terms(sentence), idf) >= MIN_TOPIC_SHARE * total
               for hit in hits for _, _, sentence in units(hit.text, details=False))


def _unused_acronyms(question: str, acronyms: Mapping[str, Collection[str]],
                     used: Callable[[str], bool] | None,
                     written: Callable[[str], bool] | None) -> list[str]:
    """The acronyms of the question that the glossary knows ("OSARCC") but the documents of
    the areas it names never write (`used`), nor their long form (`written`; either None: it
    names none): "How does Bucks work with OSARCC?" of a strategy that never names the
    centre. (An acronym the glossary does not know is a name, `specific_terms`.)"""
    if used is None or written is None:
        return []
    out = []
    for word in dict.fromkeys(_ACRONYM_WORD.findall(question)):
        # (the glossary's acronym, or its plural: `is_acronym`)
        acronym = next((a for a in (word, word.removesuffix("s")) if a in acronyms), None)
        if (acronym is not None and not any(used(term) for term in content_terms(acronym))
                and not any(written(long) for long in acronyms[acronym])):
            out.append(acronym)
    return out


def _wordings_naming(name: str, topic: str) -> list[str]:
    """The topic, and each of its alternatives that keeps the name ("a Survivors' Panel or
    forum": "a Survivors' Panel"): a name is said with the words of its own alternative."""
    return [topic, *(wording for wording in alternatives(topic)
                     if _names(_comparable(wording), name))]


def _initials_in(name: str, text: str) -> bool:
    """A name of two or more capitalised words whose initials the text writes as a word:
    slides write "Thames Valley" as "TV" ("The TV wide force position…")."""
    words = name.split()
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return len(words) >= 2 and len(initials) == len(words) and bool(
        re.search(rf"\b{initials}\b", text))


def _covered(year: int, hits: Sequence[Hit]) -> bool:
    """A hit's document runs over the year ("refuges in 2022" of a 2019-2024 strategy)."""
    spans = [years_of(h.period) for h in hits]
    return any(span[0] <= year <= span[1] for span in spans if span)


def _names(comparable: str, name: str) -> bool:
    """A text, as `_comparable` writes it, holds the name as whole words ("IRIS" is no part
    of "enquiries")."""
    return re.search(rf"(?<!\w){re.escape(_comparable(name))}(?!\w)", comparable) is not None


def _comparable(text: str) -> str:
    """Lower case, possessives and apostrophes' kinds aside ("Clare’s Law" holds "Clare Law",
    "Survivors' Panel" "Survivors Panel"),
    a plural's "s" too ("Champion's Network" holds "Champions Network", "GP practices" holds
    "GPs"), and "&" or "and" between words ("Safer & Stronger" holds "Safer Stronger")."""
    singular = singular_acronyms(" ".join(text.split()))
    plain = _JOINED.sub(" ", _PLURAL_POSSESSIVE.sub("", POSSESSIVE.sub("", singular.lower())))
    return _PLURAL_S.sub("", plain)


def specific_terms(question: str, resolver: AreaResolver, acronyms: Collection[str],
                   document_words: Collection[str] = ()) -> list[str]:
    """Years and names in the question: runs of capitalised words (with a year that follows
    them, as in "Domestic Abuse Act 2021"), not the first word, not area names, not acronyms
    the glossary knows; a year range ("2022-23") by its first year; and, in a question typed
    in lower case, the councils it names (kb.retrieval.places; `document_words`: the indexed
    documents' terms). An answer must contain each of them."""
    text = resolver.without_names(question, " | ")  # a name around an area's is two names
    # a name inside an everyday phrase the strategies word otherwise is no name ("survivors
    # who do not speak English": interpreters); a name that is the everyday word ("GPs") is
    text = phrases_in_strategy_words(text, document_words or None)
    # a question that capitalises a word after its first writes names with capitals, so its
    # lower-case words are words ("How do Bucks schools support reading?")
    typed_lower = not any(c.isupper() for c in question[1:])
    councils = lower_case_councils(text, document_words) if typed_lower else []
    typed = text.split()
    # a word that opens a sentence is capitalised for that ("… — What will Wyvern do…", a
    # follow-up joined to the turn it follows), as the question's first word is
    opening = {i for i in range(1, len(typed)) if _SENTENCE_BREAK.search(typed[i - 1])}
    words = ["" if i in opening else w.strip("?.,;:!()'\"") for i, w in enumerate(typed[1:], 1)]
    words = [ranged.group(1) if (ranged := _YEARS.fullmatch(w)) else w for w in words]
    # a word numbered by the next one names a part ("Year 1", "Priority Two"), not a body,
    # and its number is no name either; a lower-case word numbers nothing ("Clare's Law a…")
    numbered = {i + j for i, (word, number) in enumerate(pairwise(words))
                if NUMBERED_ITEM.fullmatch(f"{word} {number}")
                and (number[:1].isdigit() or number[:1].isupper()) for j in (0, 1)}
    phrases: list[list[str]] = [[]]
    for i, word in enumerate(words):
        named = (bool(_NAME.fullmatch(word)) and not is_acronym(word, acronyms)
                 and not _DATE_WORD.match(word)  # dates are checked by their answer type
                 and i not in numbered)
        if named or (YEAR.fullmatch(word) and phrases[-1]):
            phrases[-1].append(word)
            if typed[i + 1].endswith(","):  # a comma ends a name ("Gypsy, Roma and Traveller")
                phrases.append([])
        else:
            phrases.append([])
            if YEAR.fullmatch(word):
                phrases[-1].append(word)
                phrases.append([])
    return sorted({" ".join(p) for p in phrases if p} | set(councils))
