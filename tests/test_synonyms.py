"""A question in everyday words ("businesses", "abusers") finds and quotes what the strategies
say in their own ("employers", "perpetrators"): vocabulary [synonyms], KB_SYNONYMS."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.retrieval.synonyms import strategy_words
from tests.corpus_support import corpus_kb

STRATEGY = """Wyvern Domestic Abuse Strategy 2024-2027

Safer Workplaces

What strategic action should we take?

3.1 - Sign up employers to a domestic abuse pledge and a model policy for staff.

Communities Are Aware

What strategic action should we take?

4.1 - Run local campaigns in libraries and community centres every spring.
4.2 - Train volunteers in faith groups to recognise coercive control.
"""


def test_everyday_words_bring_the_strategies_words():
    assert strategy_words("What will Bucks do about abusers?") == ["perpetrators"]
    assert strategy_words("How will Essex get local businesses involved?") == ["employers"]
    assert strategy_words("Help for bosses") == ["employers"]


def test_a_question_that_already_uses_the_strategies_word_is_left_alone():
    assert strategy_words("What will Essex do about abusers and perpetrators?") == []
    assert strategy_words("What are the aims?") == []


def _kb(tmp_path: Path, synonyms: bool) -> KnowledgeBase:
    return corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, min_relevance=0.0, chunk_max_words=40,
                     synonyms=synonyms)


@pytest.mark.parametrize("synonyms", [False, True])
def test_everyday_words_find_and_quote_the_strategies_commitment(tmp_path, synonyms):
    kb = _kb(tmp_path, synonyms)
    question = "What is Wyvern doing to get businesses on board?"
    answer = kb.ask(question)
    if synonyms:
        assert answer.found and answer.text.startswith("3.1 - Sign up employers")
    else:  # no sentence shares a word with the question
        assert "Sign up employers" not in answer.text
