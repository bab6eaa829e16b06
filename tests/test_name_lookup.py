"""A name made of words every passage uses ("the Wyvern Domestic Abuse Service") is looked up
as written when no top passage names it (KB_NAME_LOOKUP), rather than refused or answered
from the passages on domestic abuse services (a fictional council)."""

from pathlib import Path

import pytest

from kb.text import content_terms
from tests.corpus_support import corpus_kb

SECTIONS = "\n\n".join(
    f"Priority {n}\n\nWe will review domestic abuse support for domestic abuse victims in "
    f"district {n}, so that the service reaches every domestic abuse survivor."
    for n in range(1, 13))
NAMED = "Our commissioned provider is the Wyvern Domestic Abuse Service"
STRATEGY = ("Wyvern Domestic Abuse Strategy 2024-2027\n\n" + SECTIONS + "\n\nWho does what\n\n"
            f"{NAMED}, which runs the helpline and two refuges.\n")
QUESTION = "What is the Wyvern Domestic Abuse Service?"


@pytest.mark.parametrize("lookup", [False, True])
def test_the_passage_that_writes_a_name_the_hits_lack_leads_them(tmp_path: Path, lookup: bool):
    kb = corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, min_relevance=0.0, name_lookup=lookup)
    hits = [h for h in kb.search(QUESTION, k=8) if NAMED not in h.text][:5]
    led, names = kb._answerer._with_names(QUESTION, hits, kb._retriever.plan(QUESTION, None), None)
    assert len(led) == len(hits)
    if lookup:
        assert NAMED in led[0].text and led[1:] == hits[:-1]
        assert names == ["Domestic Abuse Service"]
        answer = kb.ask(QUESTION)
        assert answer.found and NAMED in answer.citations[0].quote
    else:
        assert led == hits and names == []


def test_a_name_found_only_in_passing_does_not_answer_what_is_asked_of_it(tmp_path: Path):
    """The passage that writes the name is about something else: who runs the helpline, not
    who sits on the service's board; asked what the service is, it answers."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, min_relevance=0.0)
    name = ["Domestic Abuse Service"]
    members = "Which agencies sit on the board of the Wyvern Domestic Abuse Service?"
    hits = kb._retriever.naming(name, kb._retriever.plan(members, None))
    assert "only in passing" in kb._answerer.uncovered_reason(members, hits, (), name)
    assert kb._answerer.uncovered_reason(QUESTION, hits, (), name) == ""


def test_a_name_written_in_lower_case_or_in_the_plural_is_not_the_name(tmp_path: Path):
    """"domestic abuse services" is no "Domestic Abuse Service": the lookup adds nothing."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": STRATEGY.replace(
        NAMED, "Our provider runs the Wyvern domestic abuse services")}, min_relevance=0.0)
    plan = kb._retriever.plan(QUESTION, None)
    assert kb._retriever.naming(["Domestic Abuse Service"], plan) == []
    assert kb._retriever.naming(["Wyvern Domestic Abuse Service"], plan) == []


def test_a_name_is_looked_up_in_every_council_s_text_from_the_word_index(tmp_path: Path):
    """A question naming no council ("How often does the Domestic Abuse Delivery Group
    meet?") finds the one that writes the name: the chunks holding all of its words come from
    the word index, so no council's text is scanned, however many are indexed."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, min_relevance=0.0)
    unnamed = kb._retriever.plan("What is the Domestic Abuse Service?", None)
    assert unnamed.areas is None
    assert NAMED in kb._retriever.naming(["Domestic Abuse Service"], unnamed)[0].text
    lexical = kb._retriever._snapshot.lexical
    holding = lexical.containing("Domestic Abuse Service")
    texts = [chunk.chunk.text for chunk in kb._retriever._snapshot.items(list(holding)).values()]
    assert texts and all(content_terms("Domestic Abuse Service") <= content_terms(t) for t in texts)
    assert not len(lexical.containing("Domestic Abuse Potholes"))


def test_a_plural_s_possessive_names_the_same_body_with_or_without_its_apostrophe(
        tmp_path: Path):
    """"the Survivors' Panel" is the "Survivors Panel" an officer types (the question's
    apostrophes are not part of a name): the passage that writes it is looked up and names
    it; the panel has no chair in the text, so who chairs it is refused."""
    text = STRATEGY.replace(NAMED, "The strategy was written with the Wyvern Survivors' Panel, "
                                   "whose twelve members reviewed every draft. " + NAMED)
    kb = corpus_kb(tmp_path, {"wyvern.txt": text}, min_relevance=0.0)
    answer = kb.ask("What did the Survivors Panel do in Wyvern?")
    assert answer.found and "twelve members reviewed every draft" in answer.text
    chair = kb.ask("Who chairs the Wyvern Survivors' Panel?")
    assert not chair.found


def test_an_acronym_s_plural_is_looked_up_as_the_acronym(tmp_path: Path):
    """"GPs" is named by "GP practices": the passage that writes the acronym is looked up, as
    the word index already reads an acronym's plural as the acronym."""
    text = STRATEGY.replace(NAMED, "We will train staff in every GP practice to ask about "
                                   "abuse. " + NAMED)
    kb = corpus_kb(tmp_path, {"wyvern.txt": text}, min_relevance=0.0)
    plan = kb._retriever.plan("How does Wyvern involve GPs?", None)
    found = kb._retriever.naming(["GPs"], plan)
    assert found and "every GP practice" in found[0].text
