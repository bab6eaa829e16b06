"""A question about every area ("Compare the councils on refuges") searches each area for its
share of the hits; over a store of more areas than anyone compares at once it runs one search
and shares its hits out by area, so its cost does not grow with the number of councils."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.retrieval import hybrid
from tests.corpus_support import corpus_kb

FILES = {
    "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nRefuges\n\nWe will open twelve "
                  "new refuge places for women and children. Refuge places in Wyvern will double. "
                  "Refuge staff will be trained.\n",
    "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nHousing\n\nWe will review "
                  "refuge places across the valley.\n",
}

MANIFEST = """[areas.wyvern]
name = "Wyvern"
aliases = ["Wyvern"]

[areas.calder]
name = "Calder Vale"
aliases = ["Calder Vale", "Calder"]

[documents."wyvern.txt"]
area = "wyvern"
title = "Wyvern Domestic Abuse Strategy 2024-2027"
period = "2024-2027"
kind = "strategy"
status = "adopted"

[documents."calder.txt"]
area = "calder"
title = "Calder Vale Domestic Abuse Strategy 2022-2025"
period = "2022-2025"
kind = "strategy"
status = "adopted"
"""


def _counted(kb: KnowledgeBase) -> list[int]:
    """Count the vector store's queries from now on."""
    calls = [0]
    query = kb.store.query

    def counting(*args, **kwargs):
        calls[0] += 1
        return query(*args, **kwargs)

    kb.store.query = counting  # type: ignore[method-assign]
    return calls


@pytest.mark.parametrize("searched_each", [12, 1])
def test_every_area_gets_its_share_however_many_areas_there_are(tmp_path: Path, monkeypatch,
                                                                 searched_each):
    monkeypatch.setattr(hybrid, "AREAS_SEARCHED_EACH", searched_each)
    kb = corpus_kb(tmp_path, FILES, MANIFEST)
    calls = _counted(kb)
    hits = kb.search("Compare the councils on refuge places", k=2)
    assert {h.area for h in hits} == {"wyvern", "calder"}
    assert calls[0] == (2 if searched_each >= 2 else 1)
