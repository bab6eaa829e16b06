"""Part vectors: each quotable unit of a chunk pooled from the chunk's own forward pass, and
a chunk ranked by its best part."""

import sqlite3

import numpy as np
import pytest

from kb.answers.sentences import units
from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder, OnnxEmbedder, make_embedder
from kb.backends.memory_store import InMemoryStore
from kb.backends.table import ChunkTable
from kb.config import Settings
from kb.manifest import load_manifest
from kb.records import Chunk, ChunkKind, DocumentInfo
from kb.retrieval.parts import part_similarity, part_spans, pool_spans
from kb.text import plain

INFO = DocumentInfo(doc_id="d", area="westshire", title="Westshire Strategy", period="2024-2027",
                    kind="strategy", status="adopted")
INDICATORS = ("Key indicators of progress:\n"
              "1. Number of referrals to the <b>MARAC</b> each quarter.\n"
              "2. Reduction in repeat incidents reported to police.\n"
              "3. Share of schools delivering healthy relationships lessons.\n"
              "4. Uptake of the perpetrator behaviour change programme.\n"
              "5. Waiting times for refuge bed spaces.")


def chunk(text: str, section: str = "Protect > Indicators", ordinal: int = 0) -> Chunk:
    return Chunk(chunk_id=f"d:{ordinal}", doc_id="d", text=text, page=None, section=section,
                 kind=ChunkKind.INDICATOR, start=0, end=len(text), ordinal=ordinal)


def test_each_unit_is_found_in_the_embedding_text_in_order():
    text, spans = part_spans(chunk(INDICATORS), INFO)
    expected = [plain(u) for _, _, u in units(INDICATORS, 0, ["Protect", "Indicators"],
                                                         whole_lists=False)]
    assert [text[a:b] for a, b in spans] == expected and len(expected) >= 5
    assert all(a >= len(text) - len(plain(INDICATORS)) for a, _ in spans)  # not the prefix
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)


def test_pooling_ignores_padding_and_spans_past_the_model_limit():
    states = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [9.0, 9.0]])  # last row: padding
    offsets = [(0, 0), (0, 4), (5, 9)]  # [CLS], two word pieces
    pooled = pool_spans(states, offsets, [(0, 9), (20, 30)])
    assert pooled.shape == (1, 2) and np.allclose(pooled[0], [0.0, 1.0])


def test_a_chunk_is_as_close_as_its_best_part():
    query = np.array([1.0, 0.0], dtype=np.float32)
    vector = np.array([0.6, 0.8], dtype=np.float32)
    parts = np.array([[0.0, 1.0], [0.96, 0.28]], dtype=np.float32)
    assert part_similarity(query, vector, parts) == pytest.approx((0.96, 0.6))
    assert part_similarity(query, vector, None) == pytest.approx((0.6, 0.6))


@pytest.fixture(scope="module")
def onnx():
    embedder = make_embedder(Settings(embedder="onnx"))
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def test_onnx_parts_come_from_the_same_run_and_do_not_depend_on_the_batch(onnx):
    texts_spans = [part_spans(chunk(t), INFO) for t in (INDICATORS, "We will train staff.\n"
                                                        "We will fund two refuges.")]
    texts = [t for t, _ in texts_spans]
    vectors, parts = onnx.embed_parts(texts, [s for _, s in texts_spans])
    assert np.allclose(vectors, onnx.embed(texts), atol=1e-6)
    alone = onnx.embed_parts(texts[:1], [texts_spans[0][1]])[1][0]
    assert parts[0].shape == (len(texts_spans[0][1]), onnx.dimension)
    assert np.allclose(parts[0], alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-5)


def test_a_question_about_one_item_is_closer_to_that_item_than_to_its_list(onnx):
    text, spans = part_spans(chunk(INDICATORS), INFO)
    vectors, parts = onnx.embed_parts([text], [spans])
    query = np.asarray(onnx.embed_query("How will they track repeat victims?"), np.float32)
    best, own = part_similarity(query, np.asarray(vectors[0], np.float32), parts[0])
    assert int(np.argmax(parts[0] @ query)) == 1  # "Reduction in repeat incidents ..."
    assert best > own + 0.05


def test_search_ranks_a_list_by_the_item_a_question_names(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    # A long list of indicators, one of them about refuge bed spaces, and a short paragraph
    # that shares more words with the question overall than the whole list does.
    (folder / "westshire-strategy-2024-2027.txt").write_text(
        "WESTSHIRE DOMESTIC ABUSE STRATEGY 2024-2027\n\n"
        "Protect\n\nKey indicators of progress:\n"
        + "\n".join(f"{i}. {item}" for i, item in enumerate([
            "Number of referrals to the multi agency risk conference each quarter",
            "Reduction in repeat incidents reported to police across the county",
            "Share of secondary schools delivering healthy relationships lessons",
            "Uptake of the perpetrator behaviour change programme by offenders",
            "Waiting times for refuge bed spaces",
            "Satisfaction of survivors with the helpline and outreach service",
            "Completion of domestic homicide review action plans on time"], 1))
        + "\n\nAccommodation\n\nVictims and their families need safe accommodation and "
          "waiting for support is hard for families.\n", encoding="utf-8")
    results = {}
    for enabled in (True, False):
        settings = Settings(store_dir=tmp_path / f"store-{enabled}", corpus_dir=folder,
                            embed_model="fake", chunk_min_words=5, chunk_max_words=200,
                            lexical_weight=0.0, part_scoring=enabled)
        embedder = FakeEmbedder()
        kb = KnowledgeBase(settings, InMemoryStore(embedder.name), embedder,
                           load_manifest(folder))
        kb.ingest([folder])
        results[enabled] = kb.search("waiting times for refuge bed spaces families", k=2)
    assert "refuge bed spaces" in results[True][0].text
    assert "refuge bed spaces" not in results[False][0].text  # the list's average loses


def test_a_hit_is_as_relevant_as_its_best_part(tmp_path):
    """The similarity a hit reports (the refusal floor and evidence tests read it) is its best
    part's with KB_PART_RELEVANCE, the whole chunk's without."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "westshire-strategy-2024-2027.txt").write_text(
        "WESTSHIRE DOMESTIC ABUSE STRATEGY 2024-2027\n\nProtect\n\n" + INDICATORS + "\n",
        encoding="utf-8")
    reported = {}
    for enabled in (True, False):
        settings = Settings(store_dir=tmp_path / f"store-{enabled}", corpus_dir=folder,
                            embed_model="fake", chunk_min_words=5, chunk_max_words=200,
                            part_relevance=enabled)
        embedder = FakeEmbedder()
        kb = KnowledgeBase(settings, InMemoryStore(embedder.name), embedder,
                           load_manifest(folder))
        kb.ingest([folder])
        hit = next(h for h in kb.search("waiting times for refuge bed spaces", k=3)
                   if "refuge bed spaces" in h.text)
        reported[enabled] = hit.similarity
    assert reported[True] > reported[False]


def test_a_table_written_before_part_vectors_gains_the_column(tmp_path):
    path = tmp_path / "chunks.sqlite3"
    ChunkTable(path).close()
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE chunks DROP COLUMN parts")
    table = ChunkTable(path)
    table.add([(chunk(INDICATORS), INFO, "abc", "w.txt")], [[1.0, 0.0]],
              [np.array([[0.0, 1.0]], dtype=np.float32)])
    rowid = table.rowids(["d:0"])["d:0"]
    vector, parts = table.embeddings([rowid])[rowid]
    assert np.allclose(vector, [1.0, 0.0]) and parts is not None and np.allclose(parts, [[0, 1]])
