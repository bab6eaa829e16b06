"""The eval's bootstrap intervals and `python -m eval.diff`: how far a figure moves by the draw
of the questions, and what a change did question by question."""

import json

from eval import diff, metrics


def _split(values: list[float], prefix: str) -> dict[str, list[float]]:
    return {f"{prefix}{i}": [v] for i, v in enumerate(values)}


def test_pooled_counts_every_value_of_every_question():
    assert metrics.pooled({"q1": [1.0, 1.0, 1.0], "q2": [0.0]}) == 0.75


def test_gap_interval_holds_zero_for_two_draws_of_one_population_and_not_for_two_others():
    tune = _split([1.0, 0.0] * 50, "t")
    check = _split([0.0, 1.0] * 20, "c")
    low, high = metrics.gap_interval(tune, check)
    assert low < 0.0 < high
    assert high - low > 0.2  # 40 questions at a half: a wide interval
    assert metrics.gap_interval(_split([1.0] * 50, "t"), _split([0.0] * 40, "c")) == (-1.0, -1.0)


def test_a_question_drawn_keeps_all_its_values():
    # one question with 99 hits and 99 questions with one miss each: drawn by question, the
    # pooled mean swings widely; drawn by value it would hardly move
    tune = {"big": [1.0] * 99} | _split([0.0] * 99, "t")
    low, high = metrics.gap_interval(tune, tune)
    assert high - low > 0.5


def test_paired_interval_sees_one_question_change_and_a_uniform_shift():
    before = _split([0.0] * 100, "t")
    assert metrics.paired_interval(before, before) == (0.0, 0.0)
    one = dict(before, t7=[1.0])
    low, high = metrics.paired_interval(before, one)
    assert low == 0.0 and 0.0 < high <= 0.05
    shifted = {q: [v[0] + 0.5] for q, v in before.items()}
    assert metrics.paired_interval(before, shifted) == (0.5, 0.5)


def test_diff_lists_tune_questions_that_moved_and_only_counts_check_ones():
    before = {"tune": {"recall@5": {"q1": [0.0], "q2": [1.0], "q3": [1.0]}},
              "check": {"recall@5": {"q9": [1.0], "q8": [0.0]}}}
    after = {"tune": {"recall@5": {"q1": [1.0], "q2": [0.0], "q3": [1.0]}},
             "check": {"recall@5": {"q9": [0.0], "q8": [0.0]}}}
    text = "\n".join(diff.lines(before, after))
    assert "up: q1; down: q2" in text
    assert "q9" not in text and "q8" not in text
    check_line = next(line for line in text.splitlines() if line.startswith("check"))
    assert check_line.split()[-1] == "0/1"


def test_diff_names_a_report_without_per_question_values(tmp_path, capsys):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"splits": {"tune": {"recall@5": 0.8}}}), encoding="utf-8")
    assert diff.main([str(old), str(old)]) == 1
    assert "old.json: no per-question values" in capsys.readouterr().err


def test_each_category_and_tag_gap_has_its_interval():
    from eval.questions import Question
    from eval.runner import Report, _Tally

    tally = _Tally()
    for i in range(20):
        for split, value in (("tune", 1.0), ("check", 0.0)):
            q = Question(id=f"{split}{i}", category="compare", question="q", areas=(),
                         evidence=(), must_mention=(), split=split, tags=("theme",))
            tally.add(q, "recall@5", value)
            other = Question(id=f"{split}o{i}", category="lookup", question="q", areas=(),
                             evidence=(), must_mention=(), split=split)
            tally.add(other, "recall@5", 0.5)
    report = Report()
    tally.fill(report)
    assert report.group_gap_interval["category"]["compare"]["recall@5"] == (-1.0, -1.0)
    assert report.group_gap_interval["tag"]["theme"]["recall@5"] == (-1.0, -1.0)
    assert report.group_gap_interval["category"]["lookup"]["recall@5"] == (0.0, 0.0)
    low, high = report.gap_interval["recall@5"]
    assert -1.0 < low < high < 0.0
