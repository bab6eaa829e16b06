"""The chunk table and the lexical index persist beside the store: a second process opens them
without reading the corpus and finds what the first found; replacing or pruning a document
updates them; their corpus statistics equal the ones computed from every chunk."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ingest.pipeline import Ingester, collect_files
from kb.answers.extractive import idf_table
from kb.api import KnowledgeBase
from kb.backends.chunks import Filter
from kb.backends.embedder import FakeEmbedder
from kb.backends.store import ChromaStore
from kb.backends.table import ChunkTable
from kb.config import Settings
from kb.retrieval.glossary import mine_glossary

QUERIES = ["sanctuary schemes", "perpetrator pilot programmes", "healthy relationships"]
SEARCH = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from kb.api import KnowledgeBase
    from kb.backends.embedder import FakeEmbedder
    from kb.config import Settings

    folder = Path(sys.argv[1])
    settings = Settings(store_dir=folder / "store", corpus_dir=folder / "corpus",
                        embed_model="fake", chunk_min_words=5, chunk_max_words=60)
    kb = KnowledgeBase.open(settings, embedder=FakeEmbedder())
    print(json.dumps([[(h.chunk_id, h.score) for h in kb.search(q, k=5)]
                      for q in json.loads(sys.argv[2])]))
""")


def settings_for(folder: Path) -> Settings:
    return Settings(store_dir=folder / "store", corpus_dir=folder / "corpus", embed_model="fake",
                    chunk_min_words=5, chunk_max_words=60)


@pytest.fixture
def disk_kb(fixture_corpus: Path) -> KnowledgeBase:
    kb = KnowledgeBase.open(settings_for(fixture_corpus.parent), embedder=FakeEmbedder())
    kb.ingest([fixture_corpus])
    return kb


def lexical_docs(kb: KnowledgeBase, query: str) -> set[str]:
    snapshot = kb.store.snapshot()
    rows = [row for row, _ in snapshot.lexical.search(query, 20)]
    return {item.chunk.doc_id for item in snapshot.items(rows).values()}


def test_index_files_exist_and_a_second_process_finds_the_same(disk_kb, tmp_path):
    store = tmp_path / "store"
    assert (store / "strategies.chunks.sqlite3").exists()
    generations = [p for p in (store / "strategies.lexical").iterdir() if p.is_dir()]
    assert generations and all((g / "rows.npy").exists() for g in generations)
    here = [[(h.chunk_id, h.score) for h in disk_kb.search(q, k=5)] for q in QUERIES]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    other = subprocess.run([sys.executable, "-c", SEARCH, str(tmp_path), json.dumps(QUERIES)],
                           env=env, capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(other.stdout.strip().splitlines()[-1]) == json.loads(json.dumps(here))
    assert all(here)


def test_open_and_search_read_no_chunk_wholesale(disk_kb, tmp_path, monkeypatch):
    def whole(*args, **kwargs):
        raise AssertionError("a whole-store read at open or search")

    monkeypatch.setattr(ChunkTable, "select", whole)
    monkeypatch.setattr(ChunkTable, "lexical_rows", whole)
    monkeypatch.setattr(ChromaStore, "_pages", whole)
    kb = KnowledgeBase.open(settings_for(tmp_path), embedder=FakeEmbedder())
    assert kb.search("sanctuary schemes", k=3)
    assert kb.compare("healthy relationships education").cells
    assert {d.doc_id for d in kb.documents()} == {"oxford-snippet", "northshire-snippet"}


def test_replaced_document_old_text_is_gone(disk_kb, fixture_corpus):
    path = fixture_corpus / "northshire_snippet.txt"
    assert "northshire-snippet" in lexical_docs(disk_kb, "sanctuary schemes")
    path.write_text(path.read_text().replace("sanctuary schemes", "zephyrine refuges"))
    report = disk_kb.ingest([fixture_corpus])
    assert report.replaced == ["northshire_snippet.txt"]
    assert "northshire-snippet" not in lexical_docs(disk_kb, "sanctuary schemes")
    assert "northshire-snippet" in lexical_docs(disk_kb, "zephyrine")
    reopened = KnowledgeBase.open(disk_kb.settings, embedder=FakeEmbedder())
    assert "northshire-snippet" not in lexical_docs(reopened, "sanctuary schemes")
    assert not any("sanctuary schemes" in h.text for h in reopened.search("sanctuary", k=10))


def test_pruned_document_leaves_the_lexical_index(disk_kb, fixture_corpus):
    assert "northshire-snippet" in lexical_docs(disk_kb, "perpetrator pilot")
    only_oxford = [p for p in collect_files([fixture_corpus]) if "northshire" not in p.name]
    report = Ingester(disk_kb.store, disk_kb.embedder, disk_kb.manifest,
                      disk_kb.settings).run(only_oxford, prune=True)
    assert report.pruned == ["northshire-snippet"]
    reopened = KnowledgeBase.open(disk_kb.settings, embedder=FakeEmbedder())
    assert "northshire-snippet" not in lexical_docs(reopened, "perpetrator pilot")
    assert [d.doc_id for d in reopened.documents()] == ["oxford-snippet"]
    assert all(h.doc_id == "oxford-snippet" for h in reopened.search("perpetrator", k=10))


def test_table_statistics_equal_the_ones_from_every_chunk(fake_kb, fixture_corpus):
    def check() -> None:
        texts = [c.chunk.text for c in fake_kb.store.all_chunks()]
        table = fake_kb.store.table
        assert table.idf() == pytest.approx(idf_table(texts))
        glossary = mine_glossary(texts)
        assert list(table.glossary().items()) == list(glossary.items())
        assert sorted(table.sections()) == sorted({c.chunk.section
                                                   for c in fake_kb.store.all_chunks()})

    check()
    assert fake_kb.store.table.glossary()  # the fixtures define acronyms
    fake_kb.store.delete_document("oxford-snippet")
    check()
    (fixture_corpus / "second_snippet.txt").write_text(
        (fixture_corpus / "oxford_snippet.txt").read_text()
        + "\nWe will fund an Independent Sexual Violence Adviser (ISVA) post.\n")
    fake_kb.ingest([fixture_corpus])
    check()


def test_a_table_written_before_new_areas_were_kept_gains_the_columns(tmp_path):
    import sqlite3

    from kb.backends.table import ChunkTable

    path = tmp_path / "old.chunks.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE documents(doc_id TEXT PRIMARY KEY, area TEXT NOT NULL, title TEXT NOT NULL, "
                   "period TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL, "
                   "sha256 TEXT NOT NULL, visible INTEGER NOT NULL DEFAULT 0, chunks INTEGER NOT NULL DEFAULT 0)")
        db.execute("INSERT INTO documents VALUES ('old', 'essex', 'Old plan', '2015-2020', 'strategy', "
                   "'adopted', 'old.txt', 'abc', 1, 3)")
    [document] = ChunkTable(path).documents()
    assert (document.doc_id, document.area_name, document.area_aliases) == ("old", "", ())


def test_a_small_collection_is_searched_exactly_and_a_large_one_by_hnsw(disk_kb, monkeypatch):
    import kb.backends.store as store_module

    store = disk_kb.store
    vector = FakeEmbedder().embed_query("sanctuary schemes")
    ids, matrix = store.table.vectors(None, None, None, 10_000)
    exact = store_module._nearest(ids, matrix, vector, 5)
    calls = []
    hnsw = store._collection.query
    monkeypatch.setattr(store._collection, "query",
                        lambda *a, **kw: calls.append(1) or hnsw(*a, **kw))
    assert store.query(vector, 5, Filter()) == exact and not calls
    monkeypatch.setattr(store_module, "EXACT", 1)  # as if the collection were large
    assert [i for i, _ in store.query(vector, 5, Filter())] and calls


def test_a_table_written_by_an_older_tokenizer_is_reindexed(disk_kb, tmp_path):
    import sqlite3

    from kb.text import tokenizer_version

    path = tmp_path / "store" / "strategies.chunks.sqlite3"
    query = "multi-agency training"
    expected = [(h.chunk_id, h.score) for h in disk_kb.search(query, k=5)]
    with sqlite3.connect(path) as db:  # the fixture's "Multi Agency" as a stale token
        db.execute("UPDATE chunks SET lexical = replace(lexical, 'multi agenc', 'multi-ag')")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'tokenizer'")
    assert "multi-ag" in " ".join(r[0] for r in sqlite3.connect(path).execute(
        "SELECT lexical FROM chunks"))
    reopened = KnowledgeBase.open(settings_for(tmp_path), embedder=FakeEmbedder())
    assert ChunkTable(path).get_meta("tokenizer") == tokenizer_version()
    assert "multi-ag" not in " ".join(r[0] for r in sqlite3.connect(path).execute(
        "SELECT lexical FROM chunks"))
    assert [(h.chunk_id, h.score) for h in reopened.search(query, k=5)] == expected
    reopened.ingest([tmp_path / "corpus"])  # publishes the rewritten index
    assert ChunkTable(path).get_meta("lexical") is not None
