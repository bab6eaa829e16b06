import shutil
import threading

import pytest

import ingest.cli
import ingest.pipeline
from ingest.cli import embedder_factory
from ingest.pipeline import Ingester
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.backends.store import is_new, open_store
from kb.config import Settings
from kb.manifest import load_manifest


def make(corpus, tmp_path, embedder=None):
    embedder = embedder or FakeEmbedder()
    store = InMemoryStore(embedder.name)
    settings = Settings(store_dir=tmp_path / "s", corpus_dir=corpus, embed_model="fake")
    return store, embedder, Ingester(store, lambda: embedder, load_manifest(corpus), settings)


def test_reingest_unchanged_makes_no_embedding_calls(fixture_corpus, tmp_path):
    store, embedder, ingester = make(fixture_corpus, tmp_path)
    files = sorted(fixture_corpus.glob("*.txt"))
    first = ingester.run(files)
    assert len(first.indexed) == 2 and first.exit_code == 0
    calls, count = embedder.calls, store.count()
    second = ingester.run(files)
    assert second.unchanged == [f.name for f in files]
    assert embedder.calls == calls and store.count() == count


def test_changed_document_is_replaced_not_duplicated(fixture_corpus, tmp_path):
    store, _, ingester = make(fixture_corpus, tmp_path)
    path = fixture_corpus / "oxford_snippet.txt"
    ingester.run([path])
    path.write_text(path.read_text() + "\nA new final paragraph about refuges.\n")
    report = ingester.run([path])
    assert report.indexed and store.document_hashes().keys() == {"oxford-snippet"}
    ids = [s.chunk.chunk_id for s in store.all_chunks()]
    assert len(ids) == len(set(ids))
    assert any("new final paragraph" in s.chunk.text for s in store.all_chunks())


def test_bad_files_are_rejected_with_reasons_and_store_untouched(fixture_corpus, tmp_path):
    store, _, ingester = make(fixture_corpus, tmp_path)
    good = fixture_corpus / "oxford_snippet.txt"
    ingester.run([good])
    before = store.all_chunks()
    (fixture_corpus / "empty.txt").write_bytes(b"")
    (fixture_corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (fixture_corpus / "fake.pdf").write_bytes(b"just text")
    (fixture_corpus / "../evil name;rm -rf.txt").write_text("Hostile name but fine text here.")
    copy = fixture_corpus / "copy_of_oxford.txt"
    shutil.copy(good, copy)
    files = [good, fixture_corpus / "empty.txt", fixture_corpus / "broken.pdf",
             fixture_corpus / "fake.pdf", copy]
    report = ingester.run(files)
    reasons = dict(report.rejected)
    assert reasons["empty.txt"] == "empty file"
    assert "corrupt" in reasons["broken.pdf"] or "no text layer" in reasons["broken.pdf"]
    assert "not a PDF" in reasons["fake.pdf"]
    assert "identical to oxford_snippet.txt" in reasons["copy_of_oxford.txt"]
    assert report.exit_code == 2
    assert store.all_chunks() == before


def test_prune_removes_documents_no_longer_in_the_corpus(fixture_corpus, tmp_path):
    store, _, ingester = make(fixture_corpus, tmp_path)
    ingester.run(sorted(fixture_corpus.glob("*.txt")))
    report = ingester.run([fixture_corpus / "oxford_snippet.txt"], prune=True)
    assert report.pruned == ["northshire-snippet"]
    assert set(store.document_hashes()) == {"oxford-snippet"}


def test_file_without_manifest_entry_gets_area_from_prefix(fixture_corpus, tmp_path):
    store, _, ingester = make(fixture_corpus, tmp_path)
    path = fixture_corpus / "northshire-delivery-plan-2022.txt"
    path.write_text("Delivery plan\n\nWe will train staff in every school.\n")
    report = ingester.run([path])
    doc = next(s.doc for s in store.all_chunks())
    assert doc.area == "northshire" and doc.period == "2022"
    reasons = report.decided[path.name].reasons
    assert (reasons["area"], reasons["period"]) == ("the file name", "the file name")


def test_same_name_different_type_are_two_documents(tmp_path):
    import docx as python_docx

    from kb.manifest import doc_id_for

    (tmp_path / "strategy.txt").write_text("Wyvern Strategy 2024-2027\n\nWe will fund a refuge.\n")
    document = python_docx.Document()
    document.add_paragraph("Wyvern Strategy 2024-2027. We will train every GP practice.")
    document.save(str(tmp_path / "strategy.docx"))
    assert {doc_id_for(p) for p in tmp_path.iterdir()} == {"strategy", "strategy-docx"}
    store = InMemoryStore("fake")
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=tmp_path)
    report = Ingester(store, FakeEmbedder, load_manifest(tmp_path), settings).run(
        sorted(tmp_path.iterdir()))
    assert not report.rejected and len(report.indexed) == 2


def test_text_files_start_no_parser_worker(fixture_corpus, tmp_path, monkeypatch):
    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started for text files")

    monkeypatch.setattr(ingest.pipeline, "Sandbox", no_worker)
    store, _, ingester = make(fixture_corpus, tmp_path)
    report = ingester.run(sorted(fixture_corpus.glob("*.txt")))
    assert len(report.indexed) == 2 and store.count() > 0
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(AssertionError, match="worker was started"):  # PDFs still need one
        ingester.run([pdf])


def test_a_new_store_is_told_without_opening_it(tmp_path):
    settings = Settings(store_dir=tmp_path / "s", embed_model="fake")
    assert is_new(settings)
    open_store(settings, "fake-hash-64")
    assert not is_new(settings)


def test_the_model_loads_at_once_only_when_every_file_will_be_embedded(tmp_path, monkeypatch):
    started = threading.Event()
    monkeypatch.setattr(ingest.cli, "make_embedder", lambda settings: started.set() or "model")
    settings = Settings(store_dir=tmp_path / "s", embed_model="fake")
    later = embedder_factory(settings, now=False)
    assert not started.wait(0.2)
    assert later() == "model"
    started.clear()
    now = embedder_factory(settings, now=True)
    assert started.wait(5)  # before the ingester asks for it
    assert now() == "model"
