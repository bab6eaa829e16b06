"""A knowledge base over a small corpus written by the test: fictional councils' strategies,
the fake embedder and an in-memory store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest

WYVERN = """[areas.wyvern]
name = "Wyvern"
aliases = ["Wyvern"]

[documents."wyvern.txt"]
area = "wyvern"
title = "Wyvern Domestic Abuse Strategy 2024-2027"
period = "2024-2027"
kind = "strategy"
status = "adopted"
"""


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
