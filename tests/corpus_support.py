"""A knowledge base over a small corpus written by the test: fictional councils' strategies,
the fake embedder and an in-memory store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest
from kb.records import Answer


def document(name: str, area: str, title: str, period: str, kind: str = "strategy",
             status: str = "adopted") -> str:
    """A manifest entry for one document."""
    return (f'\n[documents."{name}"]\narea = "{area}"\ntitle = "{title}"\nperiod = "{period}"\n'
            f'kind = "{kind}"\nstatus = "{status}"\n')


WYVERN_AREA = """[areas.wyvern]
name = "Wyvern"
aliases = ["Wyvern"]
"""
CALDER_AREA = """
[areas.calder]
name = "Calder Vale"
aliases = ["Calder Vale", "Calder"]
"""
WYVERN = WYVERN_AREA + document("wyvern.txt", "wyvern", "Wyvern Domestic Abuse Strategy 2024-2027",
                                "2024-2027")
# Two councils, one strategy each: wyvern.txt and calder.txt.
WYVERN_AND_CALDER = (WYVERN + CALDER_AREA
                     + document("calder.txt", "calder", "Calder Vale Domestic Abuse Strategy 2022-2025",
                                "2022-2025"))


def corpus_kb(tmp_path: Path, files: dict[str, str], manifest: str = WYVERN,
              **settings: object) -> KnowledgeBase:
    """Write `files` and `manifest` to a corpus folder and ingest it, with small chunks and
    `settings` on top."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text)
    (corpus / "manifest.toml").write_text(manifest)
    config = replace(Settings(store_dir=tmp_path / "store", corpus_dir=corpus, embed_model="fake",
                              min_relevance=0.1, chunk_min_words=5, chunk_max_words=60),
                     **settings)
    embedder = FakeEmbedder()
    kb = KnowledgeBase(config, InMemoryStore(embedder.name), embedder, load_manifest(corpus))
    kb.ingest([corpus])
    return kb


def wyvern_answer(tmp_path: Path, text: str, question: str) -> Answer:
    """The answer to a question over one Wyvern strategy of the given text."""
    return corpus_kb(tmp_path, {"wyvern.txt": text}).ask(question)
