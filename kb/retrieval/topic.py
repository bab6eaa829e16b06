"""What a question is about, once area names, "all areas" phrasing and question scaffolding
("How do …", "compare", "approach", "deal with") are taken out.

A comparison theme may be a phrase ("perpetrators") or a full question ("How do the three
areas deal with perpetrators?"); both must reduce to the same topic, so the relevance rule
counts the theme's words and not the question's.
"""

from __future__ import annotations

import re

from kb.retrieval.areas import AreaResolver
from kb.text import STOPWORDS, content_terms, word_list_terms
from kb.vocabulary import vocabulary

ALTERNATIVE_WORDS = 3  # words on either side of an "or" that make one alternative


def question_topic(text: str, resolver: AreaResolver) -> str:
    """The topic words of a question or theme (the text itself when nothing is left)."""
    topic = resolver.topic(text)
    vocab = vocabulary()
    # (a possessive whose noun was an area or a scaffolding word goes with it: "each
    # council's stance on…"; "work with schools" is on schools, "make sure services reach…"
    # on services reaching)
    topic = vocab.frame_phrases.sub(" ", without_relating(topic))
    words = [w for w in re.findall(r"[\w'’&-]+", topic)
             if w.lower().strip("'’") not in vocab.scaffolding | {"s", ""}]
    while words and words[0].lower() in STOPWORDS:  # "How … with perpetrators": what is left
        words.pop(0)                                # of the scaffolding around the topic
    while words and words[-1].lower() in STOPWORDS:
        words.pop()
    return " ".join(words) or text


def without_relating(text: str) -> str:
    """The text without the verbs that say how an area relates to what follows "with" ("How
    does X plan to work with GPs?" is about GPs; vocabulary [topic] relating)."""
    return vocabulary().relating.sub(r"\1", text)


# a negation and the words it governs, up to the clause's end ("… who don't go to prison?")
_NEGATED = re.compile(r"\b(?:not|never|no longer|cannot|can['’]?t|(?:do|does|did|is|are|was|were|"
                      r"wo|would|could|should|have|has|had)n['’]?t|without)\s+"
                      r"((?:[\w'’-]+\s+){0,3}[\w'’-]+)(?=\s*(?:[?,.;:!]|$|\b(?:and|or|but)\b))",
                      re.IGNORECASE)


def negated_terms(text: str) -> set[str]:
    """The terms of the words a negation governs, to the end of its clause: "prison" and "go"
    of "What happens to perpetrators who don't go to prison?" say what is not the case."""
    return content_terms(" ".join(found.group(1) for found in _NEGATED.finditer(text)))


def without_preamble(question: str, resolver: AreaResolver | None = None) -> str:
    """The question without an opening clause naming who the answer is for ("For a board
    paper: how many…" asks "how many…") or who asks ("Our cabinet member wants to know
    how…"), a closing one naming the paper or meeting it goes into ("Give me the Bucks
    outcomes for a board report"), or one that says how to set it out ("… in order please",
    "In plain terms, what…"); the question itself when that would leave nothing. With the
    `resolver`, what the opening clause's paper is on stays where the rest has no topic of its
    own ("I'm writing a board paper on refuge provision: what does Bucks commit to?" asks about
    refuge provision), and any other opening clause in the officer's own voice before a colon or
    a spaced dash goes where the rest has one and the clause names no area ("We're reviewing
    our own strategy and want to borrow ideas: how does Essex…?")."""
    words = vocabulary()
    rest = words.closing_instructions.sub("", question, count=1)
    rest = words.opening_instructions.sub("", rest, count=1)
    rest = words.audience_asking.sub("", rest, count=1)
    opening = words.preamble.match(rest)
    if opening:
        rest = rest[opening.end():]
        subject = words.paper_subject.search(opening.group())
        if subject and resolver is not None and not _own_topic(rest, resolver):
            rest = f"{subject.group(1)}: {rest}"
    elif resolver is not None and (clause := words.opening_clause.match(rest)):
        # an opening clause in the officer's own voice ("we", "my") says why they ask, where
        # it names no area and the question after it has a topic of its own ("Refuges: how
        # many places does Bucks fund?" is about refuges)
        after = rest[clause.end():]
        if (_FIRST_PERSON.search(clause.group()) and not resolver.mentioned(clause.group())
                and _own_topic(after, resolver)):
            rest = after
    rest = words.closing_audience.sub("", rest, count=1)
    return rest if rest.strip() else question


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i’m|i've|we|we're|we’re|we've|our|my|me|us)\b",
                           re.IGNORECASE)


def _own_topic(question: str, resolver: AreaResolver) -> bool:
    """Whether a question has topic words besides area names and scaffolding ("What does
    Bucks commit to?" has none)."""
    return bool(content_terms(resolver.topic(question))
                - word_list_terms(vocabulary().scaffolding))


def alternatives(text: str) -> list[str]:
    """For each "or" between two runs of words (up to ALTERNATIVE_WORDS each, back to a
    function word or punctuation), the text with the "or" and one run left out, for each run:
    "a target hardening or sanctuary scheme" -> "a sanctuary scheme" and "a target
    hardening"; none when an "or" joins no two runs."""
    tokens = list(re.finditer(r"[\w'’-]+|[^\w\s]", text))
    out = []
    for at, token in enumerate(tokens):
        if token.group().lower() != "or":
            continue
        left = _run(tokens[max(at - ALTERNATIVE_WORDS, 0):at][::-1])
        right = _run(tokens[at + 1:at + 1 + ALTERNATIVE_WORDS])
        if left and right:
            for start, end in ((left[-1].start(), token.end()), (token.start(), right[-1].end())):
                out.append(" ".join(f"{text[:start]} {text[end:]}".split()))
    return out


def _run(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words up to the first function word or punctuation mark."""
    run = []
    for token in tokens:
        if not token.group()[0].isalnum() or token.group().lower() in STOPWORDS:
            break
        run.append(token)
    return run
