"""Every area on the first page of a search that names no area (kb.retrieval.page)."""

import dataclasses

import kb.retrieval.hybrid as hybrid
from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.manifest import load_manifest
from kb.retrieval.page import every_area_on_page

AREAS = {1: "essex", 2: "essex", 3: "essex", 4: "essex", 5: "bucks", 6: "oxon", 7: "essex"}


def _page(similarity: dict[int, float], size: int = 4) -> list[int]:
    return every_area_on_page(sorted(AREAS), similarity, AREAS.__getitem__, size)


def test_an_area_as_close_as_the_page_takes_the_place_of_the_busiest_areas_last_hit():
    similarity = {1: 0.6, 2: 0.5, 3: 0.4, 4: 0.3, 5: 0.35, 6: 0.1, 7: 0.2}
    assert _page(similarity) == [1, 2, 3, 5, 4, 6, 7]


def test_every_missing_area_in_the_order_of_its_rank_and_the_displaced_in_theirs():
    similarity = {1: 0.6, 2: 0.5, 3: 0.4, 4: 0.3, 5: 0.35, 6: 0.32, 7: 0.2}
    assert _page(similarity) == [1, 2, 5, 6, 3, 4, 7]


def test_a_less_similar_area_stays_off_the_page():
    similarity = {1: 0.6, 2: 0.5, 3: 0.4, 4: 0.3, 5: 0.29, 6: 0.1, 7: 0.2}
    assert _page(similarity) == sorted(AREAS)


def test_a_page_with_one_hit_of_each_area_or_a_short_ranking_is_kept():
    areas = {1: "essex", 2: "bucks", 3: "oxon", 4: "kent"}
    assert every_area_on_page([1, 2, 3, 4], dict.fromkeys(areas, 0.5), areas.__getitem__,
                              3) == [1, 2, 3, 4]
    assert every_area_on_page([1, 5], {1: 0.2, 5: 0.9}, AREAS.__getitem__, 4) == [1, 5]


def test_the_search_reorders_only_a_search_that_names_no_area(fake_kb, fixture_corpus,
                                                              tmp_path, monkeypatch):
    calls: list[int] = []

    def reversed_page(ranked, similarity, area_of, size):
        calls.append(size)
        return list(reversed(ranked))

    monkeypatch.setattr(hybrid, "every_area_on_page", reversed_page)
    query = "perpetrator programmes"
    plain = fake_kb.search(query, k=3, areas=["northshire"])
    assert not calls
    assert [h.chunk_id for h in fake_kb.search(query, k=3, areas=["northshire"])] == [
        h.chunk_id for h in plain]
    reordered = fake_kb.search(query, k=3)
    assert calls == [fake_kb.settings.top_k]
    settings = dataclasses.replace(fake_kb.settings, store_dir=tmp_path / "off",
                                   every_area_on_page=False)
    embedder = FakeEmbedder()
    switched_off = KnowledgeBase(settings, InMemoryStore(embedder.name), embedder,
                                 load_manifest(fixture_corpus))
    switched_off.ingest([fixture_corpus])
    assert [h.chunk_id for h in switched_off.search(query, k=3)] != [
        h.chunk_id for h in reordered]
    assert calls == [fake_kb.settings.top_k]
