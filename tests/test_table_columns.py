"""Answers from one column of a plan's table, named by its period."""

from kb.answers.extractive import AnswerShape, compose
from kb.answers.table_columns import column_units
from kb.records import ChunkKind, Hit

PLAN = ("4.0 Plan on a page\n\nObjective\tYear 1 (2024/25)\tYear 2 (2025/26)\n"
        "SO1\tHealthy relationships education in all schools\tBystander training for the night-time economy\n"
        "SO2\tSingle point of contact for all referrals\tTwelve new units of safe accommodation\n")
MEASURES = ("Measure\tBaseline (2022/23)\tTarget (2025/26)\nRepeat victims as a share of all victims\t33%\t25%\n")


def table(text: str, kind: ChunkKind = ChunkKind.ACTION, start: int = 0) -> Hit:
    return Hit(chunk_id=f"c{start}", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2024-2027", page=None, section="Plan on a page", kind=kind, start=start,
               end=start + len(text))


def test_a_question_naming_a_period_gets_that_column_s_cells_verbatim():
    for question in ("What will Wyvern do in the first year?", "What will Wyvern do in year 1?",
                     "What is planned for 2024-25?"):
        cells = column_units(question, [table(PLAN, start=100)])
        assert [text for *_, text in cells] == [
            "Healthy relationships education in all schools", "Single point of contact for all referrals"]
        for _, start, end, text in cells:
            assert PLAN[start - 100:end - 100] == text
    assert [text for *_, text in column_units("What happens in year two?", [table(PLAN)])] == [
        "Bystander training for the night-time economy", "Twelve new units of safe accommodation"]


def test_no_column_without_a_period_nor_for_figures_alone():
    assert column_units("What will Wyvern do about refuges?", [table(PLAN)]) == []
    # a target's figure ("25%") says nothing without its row
    assert column_units("What is the target for 2025/26?", [table(MEASURES, ChunkKind.INDICATOR)]) == []


def test_an_answer_about_a_year_of_the_plan_quotes_its_column():
    answer = compose("What will Wyvern do in the first year?", [table(PLAN)], {},
                     AnswerShape(kinds=frozenset({ChunkKind.ACTION})))
    assert [c.quote for c in answer.citations] == [
        "Healthy relationships education in all schools", "Single point of contact for all referrals"]
