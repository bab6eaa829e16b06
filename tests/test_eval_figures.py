"""The eval's figures, pinned with a tolerance (as pyserini pins its regressions): the bundled
corpus ingested with the bundled model, every question scored on both splits. A change that
moves a figure by more than the tolerance fails here: a drop is a regression, a rise means the
pins (and the README's and closing note's figures) are to be updated on purpose. The search
is exact at this size (kb.backends.store.EXACT), so two runs give the same figures."""

import pytest

from eval.runner import QUESTIONS, run
from kb.api import KnowledgeBase
from kb.config import Settings

TOLERANCE = 0.03  # about three questions of a split
PINNED = {
    "tune": {"recall@5": 0.840, "recall@10": 0.911, "must_mention": 0.866,
             "refusal_accuracy": 0.887, "false_refusal_rate": 0.019,
             "compare_all_filled": 0.979, "compare_area_coverage@8": 0.996},
    "check": {"recall@5": 0.784, "recall@10": 0.855, "must_mention": 0.821,
              "refusal_accuracy": 0.867, "false_refusal_rate": 0.010,
              "compare_all_filled": 1.000, "compare_area_coverage@8": 1.000},
}


@pytest.mark.integration
def test_eval_figures_hold_on_both_splits(tmp_path):
    kb = KnowledgeBase.open(Settings(store_dir=tmp_path / "store"))
    kb.ingest([kb.settings.corpus_dir])
    report = run(kb, QUESTIONS, [5, 10], with_baseline=False)
    moved = {(split, metric): (round(report.splits[split][metric], 3), pinned)
             for split, figures in PINNED.items() for metric, pinned in figures.items()
             if abs(report.splits[split][metric] - pinned) > TOLERANCE}
    assert not moved, f"(figure, pinned) beyond ±{TOLERANCE}: {moved}"
