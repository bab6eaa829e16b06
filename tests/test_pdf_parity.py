"""A strategy loaded as PDF is found as well as the same strategy loaded as text."""

from pathlib import Path

from eval.pdf_corpus import render_pdf
from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCE = "buckinghamshire-domestic-abuse-strategy-2018-2021.txt"
QUESTIONS = {
    "Ensure perpetrators are held to account": "Ensure perpetrators are held to account.",
    "victimless prosecutions with the police": "increasing “victimless” prosecutions",
    "roll out Operation Encompass across the county": "Roll out *Operation Encompass*",
    "refuge places for women who could not be accommodated": "187 women and 203 children",
}


def test_pdf_and_text_versions_are_found_alike(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = (CORPUS / SOURCE).read_text(encoding="utf-8")
    (folder / "bucks-text.txt").write_text(text, encoding="utf-8")
    render_pdf(text, folder / "bucks.pdf", "Buckinghamshire County Council")
    embedder = FakeEmbedder()
    kb = KnowledgeBase(Settings(store_dir=tmp_path / "store", corpus_dir=folder,
                                embed_model="fake"),
                       InMemoryStore(embedder.name), embedder, load_manifest(folder))
    report = kb.ingest([folder])
    assert not report.rejected
    pages = {h.page for h in kb.search("domestic abuse", k=50, doc_ids=["bucks-pdf"])}
    assert len(pages - {None}) > 3
    for question, passage in QUESTIONS.items():
        for doc_id in ("bucks-text", "bucks-pdf"):
            hits = kb.search(question, k=5, doc_ids=[doc_id])
            words = passage.replace("*", "").replace("“", "").replace("”", "").split()[:4]
            assert any(" ".join(words) in " ".join(h.text.replace("“", "").replace("”", "")
                                                   .replace("*", "").split()) for h in hits), (
                doc_id, question)
    for hit in kb.search("Buckinghamshire County Council", k=20, doc_ids=["bucks-pdf"]):
        assert "Page " not in hit.text.split("\n")[-1][:6]
