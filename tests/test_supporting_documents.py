"""In a search of several areas, each area speaks through its strategy: a presentation's
slides rank behind the strategy's passages unless the question names the presentation."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.corpus_support import CALDER_AREA, WYVERN_AREA, corpus_kb, document

FILES = {
    "wyvern-strategy.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nRefuges\n\nWe will open "
                           "twelve new refuge places for women and children fleeing abuse.\n",
    "wyvern-slides.txt": "Wyvern Partnership Presentation 2023\n\nRefuge places\n\nWe will compare "
                         "refuge places: refuge places for women, refuge places in Wyvern.\n",
    "calder-strategy.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nRefuges\n\nWe will "
                           "review refuge places for women across the valley.\n",
}

MANIFEST = (WYVERN_AREA + CALDER_AREA
            + document("wyvern-strategy.txt", "wyvern", "Wyvern Domestic Abuse Strategy 2024-2027",
                       "2024-2027")
            + document("wyvern-slides.txt", "wyvern", "Wyvern Partnership Presentation 2023", "2023",
                       kind="presentation", status="historical")
            + document("calder-strategy.txt", "calder",
                       "Calder Vale Domestic Abuse Strategy 2022-2025", "2022-2025"))


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
