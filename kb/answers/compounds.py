"""A question's loose compounds: two words side by side in its topic ("climate change",
"fly-tipping") that the strategies use, one of them only once and in another sense, and never
together; `kb.answers.refusal` refuses such a question ("no passage is about …")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import takewhile

from kb.answers.about import HITS_CHECKED, TOPIC_SIMILARITY, topic_terms
from kb.records import Hit
from kb.retrieval.documents import naming_terms, source_terms
from kb.retrieval.english import common_terms, dictionary, names_nothing
from kb.retrieval.intent import kind_words
from kb.retrieval.years import years_of
from kb.text import IdfTable, content_terms, idf_weight, terms
from kb.vocabulary import vocabulary

COMPOUND_WINDOW = 3  # a compound's two words count as written together this many words apart
# A word, or a mark of punctuation, which parts the words either side of it
_WORD_OR_MARK = re.compile(r"[\w'’-]+|[,;:.?!()]")


def loose_compounds(question: str, topic: str, hits: Sequence[Hit],
                     idf: Mapping[str, float]) -> list[str]:
    """The two-word compounds of the question's topic ("climate change", "fly-tipping",
    "affordable housing") whose words the strategies use, one of them in a single passage,
    when no top passage writes the two together (COMPOUND_WINDOW words apart) and none is as
    similar to the question as a paraphrase is (TOPIC_SIMILARITY): that one use is in another
    sense ("the current economic climate"), and the question is about another subject. Words
    used more often are the strategies' own, whatever they are compounded with, and the other
    checks judge them."""
    if not isinstance(idf, IdfTable) or any(h.similarity >= TOPIC_SIMILARITY
                                            for h in hits[:HITS_CHECKED]):
        return []
    # (a word they never use is `_unheld`'s to judge, a year or period the specific terms')
    # (nor is a word for a document: "did the 2008 presentation admit to")
    about = {t for t in topic_terms(topic) - source_terms(question) - kind_words(question)
             - naming_terms(question) if t in idf and not years_of(t)}
    once = {t for t in about if idf[t] >= idf.unseen}
    if not once:
        return []
    # (a word of a name, capitalised past the topic's first word, is the specific terms' to
    # judge: "the Karma Nirvana helpline" writes its name, then what it is)
    # (nor is a pair whose last word only says what is done: "working countywide made sense"
    # has no compound "countywide made", `kb.retrieval.english.names_nothing`)
    found = [(phrase, first, second) for phrase, first, second in _compounds(topic, about)
             if {first, second} & once
             and not (phrase[:1].isupper() and not topic.lstrip().startswith(phrase))
             and not names_nothing(phrase.split()[-1])]
    if not found:
        return []
    # a word of everyday English that does not modify the next one is a verb or a pronoun of
    # the question's frame ("make sure", "get neighbours", "when someone discloses"), not the
    # first word of a compound ("about hate crime" is one)
    framing = everyday_framing(question, about, idf)
    written = [terms(f"{h.section} {h.text}") for h in hits[:HITS_CHECKED]]
    return [phrase for phrase, first, second in found if first not in framing
            and not any(_near(first, second, words) for words in written)]


# A word after a preposition, a determiner or a verb that acts on what follows, and before
# another: a modifier of a noun ("about hate crime", "the drink driving", "improve mobile phone
# coverage"), not a verb ("Oxfordshire hope …", "to let survivors …")
@lru_cache(maxsize=1)
def _modifier() -> re.Pattern[str]:
    # (a possessive is the word it is: "children's services")
    return re.compile(r"\b(?:about|on|for|of|with|into|regarding|around|the|a|an|any|its|their"
                      rf"|our|{vocabulary().object_verbs})\s+([a-z]+)(?:['’]s?)?[ \t]+"
                      r"([a-z]+)\b", re.IGNORECASE)


# A verb that acts on what follows it, and the next word: "support veterans", "tackle the gangs"
@lru_cache(maxsize=1)
def _acting() -> re.Pattern[str]:
    return re.compile(rf"\b({vocabulary().object_verbs})\s+(?:the\s+|our\s+|their\s+)?([a-z]+)\b",
                      re.IGNORECASE)


def verbs_acting_on(question: str, words: set[str]) -> set[str]:
    """The terms of the verbs that act on one of `words` ("support" of "How does Essex support
    veterans?"): what the question asks be done about them, not another subject beside them."""
    return {term for match in _acting().finditer(question)
            if content_terms(match.group(2)) & words for term in content_terms(match.group(1))}


def modifiers_of(question: str, about: set[str], idf: Mapping[str, float]) -> set[str]:
    """The question's terms that modify a topic word the strategies use ("hate" of "about hate
    crime"; not "things" of "the nine things", "let" of "let us recycle", "hope" of "Does
    Oxfordshire hope prevention work…")."""
    return {term for match in _modifier().finditer(question)
            if _used_topic_word(content_terms(match.group(2)), about, idf)
            for term in content_terms(match.group(1)) & about}


def everyday_framing(question: str, about: set[str], idf: Mapping[str, float]) -> set[str]:
    """The question's terms that are among the most frequent words of English and modify no
    topic word (`modifiers_of`): words of its frame ("make", "sure", "let", "hope"), which say
    nothing of its subject ("hate" of "about hate crime" does)."""
    return common_terms(question) - modifiers_of(question, about, idf)


def modified_by(question: str, words: set[str], about: set[str], idf: Mapping[str, float]
                ) -> list[str]:
    """The phrases (as typed) in which one of `words` modifies a topic word the strategies use
    (`modifiers_of`: "air quality" of "What about air quality?" for the unseen "air"), or is
    modified by one ("youth unemployment" of "the plan for youth unemployment")."""
    out = []
    for match in _modifier().finditer(question):
        if _adverb_and_verb(match.group(1), match.group(2)):
            continue  # "about routinely asking patients": how something is done, no compound
        first, second = content_terms(match.group(1)), content_terms(match.group(2))
        if ((first & words and first & about and _used_topic_word(second, about, idf))
                or (second & words and _used_topic_word(first, about - words, idf))):
            out.append(match.group(0).split(maxsplit=1)[1])
    return out


def _adverb_and_verb(first: str, second: str) -> bool:
    """An adverb in "-ly" (an English word without it: "routinely", "regularly", "happily")
    before a verb's "-ing" or "-ed" form: "routinely asking", "properly trained"."""
    first, second = first.lower(), second.lower()
    if not first.endswith("ly") or not second.endswith(("ing", "ed")):
        return False
    base = first[:-2]
    base = base[:-1] + "y" if base.endswith("i") else base
    return len(base) > 3 and base in dictionary().word_frequency


def modified_terms(question: str, words: set[str], about: set[str], idf: Mapping[str, float]
                   ) -> set[str]:
    """The terms of the topic words the strategies use that one of `words` modifies ("victim"
    of "older victims" for "older")."""
    return {term for match in _modifier().finditer(question)
            if content_terms(match.group(1)) & words
            and _used_topic_word(second := content_terms(match.group(2)), about, idf)
            for term in second}


QUALIFIER_WORDS = 6  # a phrase that qualifies a noun runs at most this many words after it


def qualified_terms(topic: str, words: set[str], about: set[str], idf: Mapping[str, float]
                    ) -> set[str]:
    """The topic terms of the phrases that `words` hold most of, with the topic word each
    qualifies: "victim" and "stalk" of "victims of stalking", "victim" and "rural" of "victims
    in rural areas", "victim" and "disabl" of "victims with learning disabilities", "domest",
    "homicid" and "review" of "about domestic homicide reviews", for the unused "stalking",
    "rural", "disabilities", "homicide". A phrase opens with a word of vocabulary [topic]
    qualifying, after a topic word, or subject_naming, and runs to the next punctuation, at
    most QUALIFIER_WORDS words; `words` hold most of its topic terms' idf weight ("victims
    from black and minority ethnic backgrounds" is about minority ethnic victims, whether or
    not an area writes "black"; "areas of work" qualifies no topic word: "areas" asks
    which)."""
    words_of = vocabulary()
    tokens = _WORD_OR_MARK.findall(topic)
    found: set[str] = set()
    for at, joint in enumerate(tokens):
        head = content_terms(tokens[at - 1]) if at else set()
        qualifies = joint.lower() in words_of.qualifying and bool(head) and head <= about
        if not (qualifies or joint.lower() in words_of.subject_naming):
            continue
        phrase = _noun_phrase(list(takewhile(lambda token: token[0].isalnum() or token[0] in "'’",
                                             tokens[at + 1:at + 1 + QUALIFIER_WORDS])))
        qualifier = content_terms(" ".join(phrase)) & about
        if idf_weight(qualifier & words, idf) > idf_weight(qualifier - words, idf):
            found |= qualifier | (head if qualifies else set())
    return found


# Words that open a noun phrase: after a word of the phrase, not after a preposition, one opens
# another ("an incident at home | the night before")
_DETERMINERS = frozenset("the a an this that these those each every last next".split())
_JOINING = frozenset("of with without in from to at on for by and or".split())


def _noun_phrase(tokens: list[str]) -> list[str]:
    """The tokens of a qualifying phrase up to a determiner that opens another noun phrase
    ("home" of "at home the night before"; "the local authority" of "in care of the local
    authority" goes on, its "the" after a preposition)."""
    for at in range(1, len(tokens)):
        previous = tokens[at - 1].lower()
        if (tokens[at].lower() in _DETERMINERS and previous not in _JOINING
                and previous not in _DETERMINERS):
            return tokens[:at]
    return tokens


def _used_topic_word(word: set[str], about: set[str], idf: Mapping[str, float]) -> bool:
    """The terms of a word are topic terms (`about`) that the strategies use."""
    return bool(word) and word <= about and all(t in idf for t in word)


def _compounds(text: str, among: set[str]) -> list[tuple[str, str, str]]:
    """Two words of the text side by side, or the two parts of a hyphenated word, whose
    terms are both in `among`: each as typed, with its two terms. Punctuation parts words
    ("before the trial, per Essex" has no compound "trial per")."""
    found = []
    previous: tuple[str, str] | None = None
    for word in _WORD_OR_MARK.findall(text):
        parts = terms(word)
        if len(parts) == 2 and set(parts) <= among:
            found.append((word, parts[0], parts[1]))
        single = parts[0] if len(parts) == 1 and parts[0] in among else None
        if previous and single:
            found.append((f"{previous[0]} {word}", previous[1], single))
        previous = (word, single) if single else None
    return found


def _near(first: str, second: str, words: Sequence[str]) -> bool:
    """The two terms occur within COMPOUND_WINDOW words of each other."""
    at = [i for i, w in enumerate(words) if w == first]
    return any(abs(i - j) <= COMPOUND_WINDOW for j, w in enumerate(words) if w == second
               for i in at)
