"""Shared fixtures: fake embedder, in-memory and Chroma stores, a small fixture knowledge base.

Network is blocked for every test except loopback (haystack's request_blocker idea).
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"

_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else str(address)
    if isinstance(host, str) and not (host.startswith("127.") or host in {"localhost", "::1"}
                                      or "/" in host):
        raise RuntimeError(f"network access in tests is blocked: {address}")
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)


@pytest.fixture
def fixture_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("oxford_snippet.txt", "northshire_snippet.txt", "manifest.toml"):
        shutil.copy(FIXTURES / name, folder / name)
    return folder


@pytest.fixture
def fake_kb(fixture_corpus: Path, tmp_path: Path) -> KnowledgeBase:
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=fixture_corpus,
                        embed_model="fake", min_relevance=0.1, chunk_min_words=5,
                        chunk_max_words=60)
    embedder = FakeEmbedder()
    kb = KnowledgeBase(settings, InMemoryStore(embedder.name), embedder,
                       load_manifest(fixture_corpus))
    kb.ingest([fixture_corpus])
    return kb
