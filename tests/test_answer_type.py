"""Expected answer types: refusing on-topic questions whose value the evidence does not give."""

import pytest

from kb.answers.answer_type import AnswerType, expected_type, missing_value
from kb.records import ChunkKind, Hit


def hit(text, section="Local picture", similarity=0.3):
    return Hit(chunk_id="c1", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=ChunkKind.CONTEXT,
               start=0, end=len(text), similarity=similarity)


@pytest.mark.parametrize(("question", "kind"), [
    ("What budget has Wyvern set aside for its IDVA service?", AnswerType.AMOUNT),
    ("How much does the refuge contract cost each year?", AnswerType.AMOUNT),
    ("How many refuge bed spaces are there?", AnswerType.COUNT),
    ("By how much did reported incidents rise?", AnswerType.COUNT),
    ("When will the sanctuary scheme review finish?", AnswerType.DATE),
    ("Who chairs the partnership board?", AnswerType.NAME),
    ("What did the evaluation of the pilot find?", AnswerType.FINDING),
    ("What are the strategy's priorities?", None),
])
def test_expected_type(question, kind):
    assert expected_type(question) is kind


IDVA = hit("The IDVA service supports victims at high risk. Referrals to the IDVA service "
           "rose in 2019 and the service now has four advocates.", section="Advocacy")


def test_a_near_miss_without_the_value_is_refused():
    question = "What budget has Wyvern allocated to its IDVA service?"
    assert missing_value(question, question, [IDVA], {}) is AnswerType.AMOUNT


def test_the_value_beside_the_topic_answers():
    question = "How many advocates does the IDVA service have?"
    assert missing_value(question, question, [IDVA], {}) is None


def test_a_value_about_something_else_does_not_count():
    other = hit("The refuge contract is worth £1.2 million over three years.", section="Housing")
    question = "What budget has Wyvern allocated to its IDVA service?"
    assert missing_value(question, question, [IDVA, other], {}) is AnswerType.AMOUNT


def test_a_paraphrase_counts_when_the_passage_is_similar():
    figures = hit("Police recorded 9,000 incidents in 2019. That is one report every hour.",
                  similarity=0.6)
    question = "How often does someone phone the police about abuse at home?"
    assert missing_value(question, question, [figures], {}) is None
