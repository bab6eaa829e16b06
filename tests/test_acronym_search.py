"""A question that writes an acronym ("IDVA services") is searched by the acronym in the word
index and by its long form in the dense one (`KB_LEXICAL_LONG_FORMS`): the long form's
words ("independent", "domestic", "violence") would otherwise rank the glossary that
defines it, and any passage on domestic violence, above the passages about the service."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.corpus_support import corpus_kb

STRATEGY = """Wyvern Domestic Abuse Strategy 2024-2027

Protecting Victims

What strategic action should we take?

2.1 - Maintain IDVA provision for adults at high risk and review caseloads every year.

Independent Review of Domestic Violence Services

An independent review of domestic violence services found that independent advice for
victims of domestic violence is valued, and that domestic violence outreach is stretched.

Glossary

IDVA - Independent Domestic Violence Advisor
MARAC - Multi Agency Risk Assessment Conference
"""


def _kb(tmp_path: Path, lexical_long_forms: bool) -> KnowledgeBase:
    return corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, min_relevance=0.0, chunk_max_words=40,
                     lexical_long_forms=lexical_long_forms)


@pytest.mark.parametrize("lexical_long_forms", [False, True])
def test_the_word_search_takes_the_acronym_and_the_dense_search_its_long_form(
        tmp_path, lexical_long_forms):
    plan = _kb(tmp_path, lexical_long_forms)._retriever.plan("IDVA services", None)
    assert "Independent Domestic Violence Advisor" in plan.text
    assert ("Independent Domestic Violence Advisor" in plan.lexical_text) is lexical_long_forms
    assert plan.lexical_text.startswith("IDVA services")


def test_a_question_spelling_out_the_long_form_still_searches_the_acronym(tmp_path):
    plan = _kb(tmp_path, False)._retriever.plan(
        "What about Independent Domestic Violence Advisor caseloads?", None)
    assert "(IDVA)" in plan.lexical_text



def test_what_an_acronym_stands_for_is_answered_first_by_the_line_that_spells_it_out(
        tmp_path):
    strategy = STRATEGY.replace(
        "2.1 - Maintain IDVA provision",
        "2.0 - The MARAC chair will stand down and a new MARAC chair will stand in.\n\n"
        "2.1 - Maintain IDVA provision")
    kb = corpus_kb(tmp_path, {"wyvern.txt": strategy}, min_relevance=0.0, chunk_max_words=40)
    answer = kb.ask("What does MARAC stand for?")
    assert answer.citations[0].quote == "MARAC - Multi Agency Risk Assessment Conference"


def test_the_verb_that_asks_what_a_document_says_is_not_searched_for(tmp_path):
    """"What does Wyvern say about counselling?": the one passage on counselling comes first,
    not the table whose rare "say" ("Victims who say they feel safer") the word search would
    weigh above the topic's own word."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
        "How we will know we are making a difference\n\n"
        "Measure\tBaseline\tTarget\nVictims who say they feel safer when support ends\t71%\t85%\n"
        "Children who say they were listened to\t60%\t80%\n\n"
        "Consultation\n\nSurvivors told us that waiting lists for counselling were too long "
        "and that they wanted one named worker.\n\n"
        "Our priorities\n\nWe will open a single front door and train 800 staff to spot the "
        "signs of abuse in every ward.\n")})
    plan = kb._retriever.plan("What does Wyvern say about counselling?", None)
    assert "say" not in plan.lexical_text.split()
    first = kb.search("What does Wyvern say about counselling?", k=1)[0]
    assert "counselling" in first.text
