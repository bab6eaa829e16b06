"""A question that names a document is answered from that document: "What prevention work was
reported at the launch event?" quotes the launch, not the area's strategy beside it."""

from pathlib import Path

from kb.api import KnowledgeBase
from tests.corpus_support import CALDER_AREA, WYVERN_AREA, corpus_kb, document

FILES = {
    "wyvern-strategy.txt": "Wyvern Domestic Abuse Strategy 2030-2035\n\nPrevention\n\nWe will "
                           "fund prevention work in every secondary school in Wyvern. Prevention "
                           "work with employers will reach every large workplace.\n",
    "wyvern-launch.txt": "Wyvern Recovery Launch Event 2031\n\nPrevention\n\nPrevention work "
                         "reported at the launch: the Safe Steps booklet was sent to every "
                         "household.\n",
    "calder-strategy.txt": "Calder Vale Domestic Abuse Strategy 2030-2034\n\nPrevention\n\n"
                           "Prevention work in Calder Vale starts in primary schools.\n",
}

MANIFEST = (WYVERN_AREA + CALDER_AREA
            + document("wyvern-strategy.txt", "wyvern", "Wyvern Domestic Abuse Strategy 2030-2035",
                       "2030-2035")
            + document("wyvern-launch.txt", "wyvern", "Wyvern Recovery Launch Event 2031", "2031",
                       kind="presentation", status="update")
            + document("calder-strategy.txt", "calder",
                       "Calder Vale Domestic Abuse Strategy 2030-2034", "2030-2034"))


def _kb(tmp_path: Path) -> KnowledgeBase:
    return corpus_kb(tmp_path, FILES, MANIFEST)


def test_a_named_document_is_the_only_source_of_the_answer(tmp_path):
    answer = _kb(tmp_path).ask("What prevention work was reported at the 2031 launch event?")
    assert answer.found
    assert "Safe Steps" in answer.text
    assert {c.doc_id for c in answer.citations} == {"wyvern-launch"}


def test_another_named_area_keeps_its_own_documents(tmp_path):
    answer = _kb(tmp_path).ask("What prevention work did the Wyvern launch event 2031 report, "
                               "and what does Calder Vale do?")
    assert answer.found
    assert {c.doc_id for c in answer.citations} == {"wyvern-launch", "calder-strategy"}


def test_a_question_naming_no_document_quotes_the_strategy(tmp_path):
    answer = _kb(tmp_path).ask("What prevention work will Wyvern do with employers?")
    assert "wyvern-strategy" in {c.doc_id for c in answer.citations}


def test_which_districts_within_a_named_document_are_its_own(tmp_path):
    """"At the 2031 launch event, which district partnerships joined?" asks about the launch's
    partnerships, not which indexed areas: it is no question of which areas, as it is where
    no document is named."""
    kb = _kb(tmp_path)
    named = kb._retriever.plan("At the 2031 launch event, which district partnerships joined?",
                               None)
    assert named.named_documents == frozenset({"wyvern-launch"}) and not named.which_areas
    assert kb._retriever.plan("Which districts fund prevention work?", None).which_areas
