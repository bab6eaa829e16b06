"""In a search of several areas, each area speaks through its strategy: a presentation's
slides rank behind the strategy's passages unless the question names the presentation."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.corpus_support import corpus_kb

FILES = {
    "wyvern-strategy.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nRefuges\n\nWe will open "
                           "twelve new refuge places for women and children fleeing abuse.\n",
    "wyvern-slides.txt": "Wyvern Partnership Presentation 2023\n\nRefuge places\n\nWe will compare "
                         "refuge places: refuge places for women, refuge places in Wyvern.\n",
    "calder-strategy.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nRefuges\n\nWe will "
                           "review refuge places for women across the valley.\n",
}

MANIFEST = """[areas.wyvern]
name = "Wyvern"
aliases = ["Wyvern"]

[areas.calder]
name = "Calder Vale"
aliases = ["Calder Vale", "Calder"]

[documents."wyvern-strategy.txt"]
area = "wyvern"
title = "Wyvern Domestic Abuse Strategy 2024-2027"
period = "2024-2027"
kind = "strategy"
status = "adopted"

[documents."wyvern-slides.txt"]
area = "wyvern"
title = "Wyvern Partnership Presentation 2023"
period = "2023"
kind = "presentation"
status = "historical"

[documents."calder-strategy.txt"]
area = "calder"
title = "Calder Vale Domestic Abuse Strategy 2022-2025"
period = "2022-2025"
kind = "strategy"
status = "adopted"
"""


def _kb(tmp_path: Path, penalty: float) -> KnowledgeBase:
    return corpus_kb(tmp_path, FILES, MANIFEST, supporting_penalty=penalty)


def _first_for(hits, area):
    return next(h for h in hits if h.area == area)


@pytest.mark.parametrize("penalty", [0.0, 0.5])
def test_an_area_is_compared_through_its_strategy(tmp_path, penalty):
    kb = _kb(tmp_path, penalty)
    hits = kb.search("How do Wyvern and Calder Vale compare on refuge places?", k=4)
    expected = "wyvern-strategy" if penalty else "wyvern-slides"
    assert _first_for(hits, "wyvern").doc_id == expected


def test_a_named_presentation_is_not_held_back(tmp_path):
    kb = _kb(tmp_path, 0.5)
    hits = kb.search("Compare refuge places in Calder Vale and in the Wyvern Partnership "
                     "Presentation 2023", k=4)
    assert _first_for(hits, "wyvern").doc_id == "wyvern-slides"


def test_a_search_of_one_area_is_left_alone(tmp_path):
    assert _kb(tmp_path, 0.5).search("refuge places in Wyvern", k=1)[0].doc_id == "wyvern-slides"
