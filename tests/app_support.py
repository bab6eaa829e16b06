"""Shared set-up for the app tests: a small fixture store opened through the real kb.api."""

from __future__ import annotations

import shutil
from pathlib import Path

from kb.api import KnowledgeBase
from kb.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
FILES = ("oxford_snippet.txt", "northshire_snippet.txt", "hostile_snippet.txt", "manifest.toml")


def fixture_env(tmp_path: Path, ingest: bool = True) -> dict[str, str]:
    """KB_* variables for a fixture store (fake embedder); ingested unless told otherwise."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name in FILES:
        shutil.copy(FIXTURES / name, corpus / name)
    env = {"KB_STORE_DIR": str(tmp_path / "store"), "KB_CORPUS_DIR": str(corpus),
           "KB_EMBED_MODEL": "fake", "KB_MIN_RELEVANCE": "0.1", "KB_CHUNK_MIN_WORDS": "5",
           "KB_CHUNK_MAX_WORDS": "60", "KB_LLM": "none"}
    if ingest:
        KnowledgeBase.open(Settings.from_env(env)).ingest([corpus])
    return env
