"""The segmented lexical index scores exactly as bm25s over the visible chunks, whatever the
history of adds, replacements, prunes and merges; readers keep the generation they opened."""

from __future__ import annotations

import random
from pathlib import Path

import bm25s
import numpy as np
import pytest

from kb.backends import merge_policy, segments
from kb.backends.chunks import Filter
from kb.backends.lexical import BM25_STOPWORDS, K1, B, LexicalIndex
from kb.backends.snapshot import Snapshot, open_snapshot, publish
from kb.backends.table import ChunkTable
from kb.records import Chunk, ChunkKind, DocumentInfo
from kb.text import terms

WORDS = ("refuge sanctuary perpetrator programme pilot healthy relationships education "
         "schools marac idva referral outcome housing children young people training "
         "champions network partnership board survivors victims police health").split()
QUERIES = ["sanctuary refuge", "perpetrator programme pilot", "healthy relationships schools",
           "marac marac referral", "children", "housing survivors police health training",
           "nothing-indexed-here"]


def text(rnd: random.Random) -> str:
    vocabulary = WORDS[:rnd.randint(4, len(WORDS))]
    return " ".join(rnd.choice(vocabulary) for _ in range(rnd.choice([1, 4, 12, 30, 70])))


def add_document(table: ChunkTable, doc_id: str, area: str, rnd: random.Random,
                 version: int = 0) -> None:
    doc = DocumentInfo(doc_id=doc_id, area=area, title=doc_id, period="2020-2025",
                       kind="strategy", status="adopted")
    chunks = [Chunk(chunk_id=f"{doc_id}-{version}-{n}", doc_id=doc_id, text=text(rnd), page=None,
                    section="Aims", kind=rnd.choice([ChunkKind.AIM, ChunkKind.ACTION]),
                    start=0, end=1, ordinal=n) for n in range(rnd.randint(1, 6))]
    table.delete_document(doc_id)
    table.add([(c, doc, "", f"{doc_id}.txt") for c in chunks])
    table.mark_complete([(c.chunk_id, doc_id, f"sha-{version}") for c in chunks])


def reference(table: ChunkTable) -> tuple[list[int], bm25s.BM25]:
    """bm25s built from nothing over the visible chunks, rows in document and ordinal order."""
    rows = [(doc_id, rowid, tokens) for doc_id in sorted(table.visible_documents())
            for doc_id, rowid, tokens in table.lexical_rows([doc_id])]
    index = bm25s.BM25()
    index.index([tokens or [""] for _, _, tokens in rows], show_progress=False)
    return [rowid for _, rowid, _ in rows], index


def assert_same_as_full_rebuild(snapshot: Snapshot, table: ChunkTable) -> None:
    fresh = publish(table, None)
    rowids, bm25 = reference(table)
    assert list(snapshot.rows) == list(fresh.rows) == rowids
    for query in QUERIES:
        tokens = [t for t in terms(query, BM25_STOPWORDS) if t in bm25.vocab_dict]
        expected = np.asarray(bm25.get_scores(tokens)) if tokens else None
        got = snapshot.lexical.scores(query)
        if expected is None:
            assert got is None
        else:
            assert got is not None and np.array_equal(got, expected)  # bit for bit
        for where in (Filter(), Filter(areas=("north",)), Filter(kinds=("aim",))):
            allowed = snapshot.allowed(where)
            assert snapshot.lexical.search(query, 7, allowed) == fresh.lexical.search(
                query, 7, fresh.allowed(where))


def test_stopwords_are_bm25s_english_list() -> None:
    from bm25s.stopwords import STOPWORDS_EN

    assert frozenset(STOPWORDS_EN) == BM25_STOPWORDS


def test_scoring_is_bm25s_default() -> None:
    default = bm25s.BM25()
    assert (default.k1, default.b, default.method, default.idf_method) == (K1, B, "lucene",
                                                                           "lucene")


def test_scores_equal_bm25s_on_random_corpora() -> None:
    rnd = random.Random(7)
    for _ in range(5):
        documents = [(f"d{d:03d}", 0, [(rnd.randrange(10**6), terms(text(rnd), BM25_STOPWORDS))
                                       for _ in range(rnd.randint(1, 5))])
                     for d in range(rnd.randint(1, 40))]
        segment = segments.build("s", documents)
        remaps, _ = segments.layout([(segment, np.ones(len(segment), dtype=bool))])
        index = LexicalIndex([(segment, remaps[0])], len(segment),
                             int(np.asarray(segment.lengths).sum()))
        bm25 = bm25s.BM25()
        bm25.index([tokens or [""] for _, _, chunks in sorted(documents) for _, tokens in chunks],
                   show_progress=False)
        for query in QUERIES[:-1]:
            tokens = [t for t in terms(query, BM25_STOPWORDS) if t in bm25.vocab_dict]
            if tokens:
                assert np.array_equal(index.scores(query), bm25.get_scores(tokens))


@pytest.fixture
def store(tmp_path: Path) -> tuple[ChunkTable, Path]:
    return ChunkTable(tmp_path / "t.chunks.sqlite3"), tmp_path / "t.lexical"


def test_incremental_add_replace_and_prune_equal_a_full_rebuild(store, monkeypatch) -> None:
    monkeypatch.setattr(merge_policy, "FACTOR", 3)  # merges happen within a few runs
    monkeypatch.setattr(merge_policy, "FLOOR", 8)
    table, folder = store
    rnd = random.Random(3)
    snapshot = publish(table, folder)
    for n in range(30):
        add_document(table, f"doc{n:02d}", rnd.choice(["north", "south"]), rnd)
    snapshot = publish(table, folder, snapshot)
    assert_same_as_full_rebuild(snapshot, table)
    for run in range(12):  # a few documents added, replaced or pruned per run
        for _ in range(rnd.randint(1, 3)):
            doc_id = f"doc{rnd.randrange(40):02d}"
            if rnd.random() < 0.3:
                table.delete_document(doc_id)
            else:
                add_document(table, doc_id, rnd.choice(["north", "south"]), rnd, run + 1)
        snapshot = publish(table, folder, snapshot)
        assert snapshot.path is not None and snapshot.path.name == str(table.changes())
        assert_same_as_full_rebuild(snapshot, table)
        assert len(snapshot.lexical.parts) <= 3 * (merge_policy.FACTOR - 1)
        reopened = open_snapshot(table, folder)
        assert_same_as_full_rebuild(reopened, table)
    assert any(s.name.startswith("m") for s, _ in snapshot.lexical.parts)  # merged at least once


def test_publishing_with_nothing_changed_keeps_the_generation(store) -> None:
    table, folder = store
    add_document(table, "only", "north", random.Random(1))
    snapshot = publish(table, folder)
    assert publish(table, folder, snapshot) is snapshot
    assert [p.name for p in folder.iterdir()] == [str(snapshot.generation)]


def test_a_reader_keeps_its_generation_while_new_ones_are_published(store) -> None:
    table, folder = store
    rnd = random.Random(5)
    for n in range(10):
        add_document(table, f"doc{n}", "north", rnd)
    writer = publish(table, folder)
    reader = open_snapshot(table, folder)
    before = [reader.lexical.search(q, 5) for q in QUERIES]
    for n in range(3):  # enough generations for the reader's folder to be removed
        add_document(table, f"new{n}", "south", rnd)
        table.delete_document(f"doc{n}")
        writer = publish(table, folder, writer)
    assert not (folder / str(reader.generation)).exists()
    assert [reader.lexical.search(q, 5) for q in QUERIES] == before
    assert reader.items(range(len(reader)))  # chunks still stored are fetched by row
    assert open_snapshot(table, folder).generation == writer.generation != reader.generation


def test_merge_policy_bounds_segments_per_tier() -> None:
    sizes = [(f"s{i}", 10, 10) for i in range(merge_policy.FACTOR)]
    assert merge_policy.plan(sizes) == [[f"s{i}" for i in range(merge_policy.FACTOR)]]
    assert merge_policy.plan([("big", 10, 100), ("small", 3, 3)]) == [["big"]]  # mostly deleted
    assert merge_policy.plan([("gone", 0, 50), ("small", 3, 3)]) == []
    assert merge_policy.tier(merge_policy.FLOOR - 1) == 0
    assert merge_policy.tier(merge_policy.FLOOR * merge_policy.FACTOR) == 2
