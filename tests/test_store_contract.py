"""One contract, every store: in-memory and Chroma (ephemeral)."""

import uuid

import pytest

from kb.backends.memory_store import InMemoryStore
from kb.backends.store import ChromaStore, Filter, StoredChunk
from kb.errors import ModelMismatchError
from kb.records import Chunk, ChunkKind, DocumentInfo


def item(doc_id: str, ordinal: int, area: str = "north", kind: ChunkKind = ChunkKind.ACTION,
         sha: str = "a" * 64) -> StoredChunk:
    chunk = Chunk(chunk_id=f"{doc_id}:{sha[:12]}:{ordinal:04d}", doc_id=doc_id,
                  text=f"text {doc_id} {ordinal}", page=None if ordinal % 2 else ordinal,
                  section="A > B", kind=kind, start=ordinal * 10, end=ordinal * 10 + 5,
                  ordinal=ordinal)
    info = DocumentInfo(doc_id=doc_id, area=area, title="T", period="2020-2021",
                        kind="strategy", status="adopted")
    return StoredChunk(chunk=chunk, doc=info, sha256=sha, source=f"{doc_id}.txt")


@pytest.fixture(params=["memory", "chroma"])
def store(request):
    if request.param == "memory":
        return InMemoryStore("fake")
    import chromadb

    return ChromaStore(chromadb.EphemeralClient(), f"c{uuid.uuid4().hex[:8]}", "fake", "mem")


def no_duplicates(store) -> bool:
    ids = [s.chunk.chunk_id for s in store.all_chunks()]
    return len(ids) == len(set(ids))


def test_add_is_an_upsert_and_roundtrips_records(store):
    items = [item("d1", 0), item("d1", 1)]
    store.add(items, [[1.0, 0.0], [0.0, 1.0]])
    store.add(items, [[1.0, 0.0], [0.0, 1.0]])
    assert store.count() == 2 and no_duplicates(store)
    assert store.all_chunks() == items
    assert store.model() == ("fake", 2)


def test_query_sorted_by_similarity_and_filtered(store):
    store.add([item("d1", 0, "north"), item("d2", 0, "south", ChunkKind.INDICATOR)],
              [[1.0, 0.0], [0.6, 0.8]])
    results = store.query([1.0, 0.0], 5, Filter())
    assert [r[0] for r in results] == ["d1:aaaaaaaaaaaa:0000", "d2:aaaaaaaaaaaa:0000"]
    assert results[0][1] == pytest.approx(1.0, abs=1e-4)
    assert results[0][1] >= results[1][1]
    assert [r[0] for r in store.query([1.0, 0.0], 5, Filter(areas=("south",)))] == [
        "d2:aaaaaaaaaaaa:0000"]
    assert store.query([1.0, 0.0], 5, Filter(kinds=("action",)))[0][0].startswith("d1")


def test_delete_document_and_hashes(store):
    store.add([item("d1", 0), item("d2", 0, sha="b" * 64)], [[1.0, 0.0], [0.0, 1.0]])
    assert store.document_hashes() == {"d1": "a" * 64, "d2": "b" * 64}
    store.delete_document("d1")
    assert store.document_hashes() == {"d2": "b" * 64}
    assert store.count() == 1


def test_chroma_refuses_another_model():
    import chromadb

    client = chromadb.EphemeralClient()
    name = f"c{uuid.uuid4().hex[:8]}"
    ChromaStore(client, name, "model-a", "mem").add([item("d1", 0)], [[1.0, 0.0]])
    with pytest.raises(ModelMismatchError, match="rebuild"):
        ChromaStore(client, name, "model-b", "mem")


def test_reads_are_paged_and_complete(store, monkeypatch):
    monkeypatch.setattr("kb.backends.store.PAGE_SIZE", 3)
    items = [item(f"d{n % 3}", n) for n in range(8)]
    store.add(items, [[1.0, float(n)] for n in range(8)])
    assert sorted(s.chunk.chunk_id for s in store.all_chunks()) == sorted(
        s.chunk.chunk_id for s in items)
    assert set(store.document_hashes()) == {"d0", "d1", "d2"}


def test_empty_store_and_unknown_document(store):
    assert store.all_chunks() == [] and store.document_hashes() == {} and store.count() == 0
    assert store.query([1.0, 0.0], 5, Filter()) == []
    store.delete_document("nothing-here")
    assert store.count() == 0


def test_a_document_is_invisible_until_complete(store):
    from dataclasses import replace

    from kb.backends.store import PENDING

    items = [item("d1", 0), item("d1", 1), item("d2", 0, sha="b" * 64)]
    store.add([replace(i, sha256=PENDING) for i in items[:2]] + items[2:],
              [[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    assert [s.chunk.doc_id for s in store.all_chunks()] == ["d2"]
    assert store.document_hashes() == {"d1": PENDING, "d2": "b" * 64}
    store.mark_complete(items[:1])  # half marked: still invisible, still "changed"
    assert [s.chunk.doc_id for s in store.all_chunks()] == ["d2"]
    assert store.document_hashes()["d1"] == PENDING
    store.mark_complete(items[:2])
    assert store.all_chunks() == items and store.document_hashes()["d1"] == "a" * 64


def test_a_narrow_filter_is_answered_exactly(store):
    items = [item(f"d{n:02d}", 0, area=f"area{n}") for n in range(60)]
    store.add(items, [[1.0, float(n)] for n in range(60)])
    found = store.query([1.0, 0.0], 5, Filter(areas=("area7",)))  # 1/60: below 1/50
    assert [f[0] for f in found] == [items[7].chunk.chunk_id]
    assert found[0][1] == pytest.approx(1 / (1 + 49) ** 0.5, abs=1e-4)
    assert store.query([1.0, 0.0], 5, Filter(areas=("nowhere",))) == []
