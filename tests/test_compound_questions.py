"""Compound questions: two questions joined by "and", refused whole because one part has no
answer, give what is found for the other and say which part is not answered
(kb.answers.clauses, kb.answers.pipeline)."""

from kb.answers.clauses import joined, question_clauses
from kb.records import Answer, Citation
from tests.corpus_support import corpus_kb

WYVERN = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nGovernance\n\nThe Wyvern Domestic Abuse "
          "Partnership Board oversees this strategy. It is chaired by the Director of Public "
          "Health.\n\nSupport\n\nWe will fund two more advocates for victims at high risk, and "
          "keep the sanctuary scheme open to private tenants.\n")


def test_a_question_joining_two_questions_is_split_before_the_second():
    assert question_clauses("What is MARAC and how many cases does Wyvern see?") == [
        "What is MARAC?", "How many cases does Wyvern see?"]
    assert question_clauses("Who chairs the board, and how often does it meet?") == [
        "Who chairs the board?", "How often does it meet?"]
    # "and" joining two things, or a word or two, joins no questions
    assert question_clauses("What will Wyvern do for victims and their children?") == []
    assert question_clauses("What does Wyvern fund and how?") == []


def _citation(n: int, quote: str) -> Citation:
    return Citation(n=n, doc_id="d", area="wyvern", title="t", period="2024-2027",
                    status="adopted", page=None, section="s", quote=quote, chunk_id="c")


def test_answers_are_joined_with_citations_numbered_on_and_the_unanswered_part_said():
    first = Answer(text="The board oversees it. [1]\nIts chair is the DPH. [2]",
                   citations=[_citation(1, "a"), _citation(2, "b")], found=True,
                   mode="extractive")
    second = Answer(text="It meets monthly. [1]", citations=[_citation(1, "c")], found=True,
                    mode="extractive")
    refused = Answer(text="The indexed strategies do not cover this: no passage about it gives "
                          "a number.", citations=[], found=False, mode="extractive")
    both = joined(["Who oversees it?", "How often does it meet?"], [first, second])
    assert both.text.endswith("It meets monthly. [3]")
    assert [c.n for c in both.citations] == [1, 2, 3] and both.citations[2].quote == "c"
    part = joined(["Who oversees it?", "How often does it meet?"], [first, refused])
    assert part.found and [c.n for c in part.citations] == [1, 2]
    assert part.text.endswith("(How often does it meet? The indexed strategies do not cover "
                              "this: no passage about it gives a number.)")


def test_a_compound_question_refused_whole_answers_the_part_the_strategy_answers(tmp_path):
    """Wyvern names its board's chair but never says how many members the board has: asked
    both at once (refused whole, for want of a number), the answer says that the count is not
    given and gives the chair (the second part asked as a follow-up of the first, of Wyvern)."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": WYVERN})
    question = "How many members does the Wyvern partnership board have and who chairs it?"
    answer = kb.ask(question)
    assert answer.found
    assert answer.text.startswith("(How many members does the Wyvern partnership board have? "
                                  "The indexed strategies do not cover this")
    assert any("chaired by the Director of Public Health" in c.quote for c in answer.citations)
    text = (tmp_path / "corpus" / "wyvern.txt").read_text()
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)
    # … where neither part is answered, the whole is refused as before
    assert not kb.ask("How many refuges does Wyvern run and how often do they meet?").found
