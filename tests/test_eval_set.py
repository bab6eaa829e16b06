"""The evaluation set measures generalisation: its size, its mix, its splits, its labels."""

from collections import Counter
from pathlib import Path

import pytest

from eval.questions import SPLITS, load_questions

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = load_questions(ROOT / "eval" / "questions.jsonl")
CATEGORIES = {"lookup", "aims_outcomes", "indicators", "actions", "compare", "paraphrase",
              "acronym", "unanswerable"}
TAGS = {"list", "scoped", "all_areas", "synonym", "theme", "on_topic", "off_topic", "multi_area"}
AREA_FILES = {"oxfordshire": "oxfordshire-", "buckinghamshire": "buckinghamshire-",
              "essex": "essex-"}


def test_size_splits_and_ids():
    assert len(QUESTIONS) >= 260
    assert all(q.category in CATEGORIES for q in QUESTIONS)
    assert {q.split for q in QUESTIONS} == set(SPLITS)
    assert sum(q.split == "check" for q in QUESTIONS) >= 100
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert all(set(q.tags) <= TAGS for q in QUESTIONS)


def test_every_kind_is_well_represented():
    tags = Counter(t for q in QUESTIONS for t in q.tags)
    compare = [q for q in QUESTIONS if q.category == "compare"]
    unanswerable = [q for q in QUESTIONS if not q.answerable]
    assert len(compare) >= 40
    themes = sum("theme" in q.tags for q in compare)
    assert themes >= 15 and len(compare) - themes >= 15  # short themes and full questions
    assert tags["list"] >= 40 and tags["scoped"] >= 30
    assert len(unanswerable) >= 35 and tags["on_topic"] >= 25
    assert tags["all_areas"] >= 15 and tags["synonym"] >= 15
    assert sum(bool(q.items) for q in compare) >= 20


@pytest.mark.parametrize("split", SPLITS)
def test_both_splits_hold_every_kind(split):
    kinds = {t for q in QUESTIONS if q.split == split for t in q.tags}
    categories = {q.category for q in QUESTIONS if q.split == split}
    assert kinds == TAGS
    assert len(categories) == 8


def test_labelled_items_are_verbatim_in_their_area():
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    for q in QUESTIONS:
        for item in q.items:
            assert item.facet in {"aims", "indicators", "actions", "context"}, q.id
            sources = [t for name, t in texts.items() if name.startswith(AREA_FILES[item.area])]
            assert any(item.quote in t for t in sources), (q.id, item.quote)


def test_unanswerable_questions_carry_no_evidence():
    for q in QUESTIONS:
        assert bool(q.evidence) == q.answerable, q.id


def test_evidence_quotes_are_verbatim_in_their_document():
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    for q in QUESTIONS:
        for e in q.evidence:
            assert e.document in texts, (q.id, e.document)
            assert e.quote in texts[e.document], (q.id, e.quote)
