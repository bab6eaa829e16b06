"""One writer at a time: a second writer waits with a message, then fails clearly."""

import subprocess
import sys
import time

import pytest

from ingest.pipeline import Ingester
from kb.backends.embedder import FakeEmbedder
from kb.backends.lock import lock_path, write_lock
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.errors import StoreBusyError
from kb.manifest import load_manifest

HOLD = """
import sys, time
from filelock import FileLock
with FileLock(sys.argv[1]):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(path, seconds):
    path.parent.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_writer_fails_clearly_after_the_timeout(tmp_path, caplog):
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=tmp_path, lock_timeout_s=1)
    (tmp_path / "wyvern-plan.txt").write_text("Wyvern plan 2024-2027\n\nWe will fund a refuge.\n")
    holder = hold_lock(lock_path(settings), 30)
    try:
        store = InMemoryStore("fake")
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="another process has been writing"):
            Ingester(store, FakeEmbedder, load_manifest(tmp_path), settings).run(
                [tmp_path / "wyvern-plan.txt"])
        assert 1 <= time.monotonic() - started < 10
        assert "waiting up to 1 s" in caplog.text
        assert store.count() == 0
    finally:
        holder.kill()


def test_the_second_writer_goes_on_once_the_first_is_done(tmp_path):
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=tmp_path, lock_timeout_s=30)
    holder = hold_lock(lock_path(settings), 1)
    messages = []
    with write_lock(settings, notify=messages.append):
        assert holder.poll() is not None or holder.wait(timeout=5) == 0
    assert messages and "waiting" in messages[0]


def test_a_server_store_locks_per_collection(tmp_path):
    one = Settings(store_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=8000, collection="a")
    two = Settings(store_dir=tmp_path, chroma_host="127.0.0.1", chroma_port=8000, collection="b")
    assert lock_path(one) != lock_path(two) and lock_path(one).parent == tmp_path / "locks"


def test_a_rebuild_waits_for_the_writer_before_dropping_the_store(tmp_path, monkeypatch, capsys):
    from ingest.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wyvern-plan.txt").write_text("Wyvern plan 2024-2027\n\nWe will fund a refuge.\n")
    monkeypatch.setenv("KB_STORE_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KB_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("KB_EMBED_MODEL", "fake")
    monkeypatch.setenv("KB_LOCK_TIMEOUT_S", "1")
    assert main([]) == 0
    holder = hold_lock(lock_path(Settings.from_env()), 30)
    try:
        assert main(["--rebuild"]) == 1  # refused before anything was dropped
    finally:
        holder.kill()
    assert "another process has been writing" in capsys.readouterr().err
    from kb.api import KnowledgeBase

    assert [d.doc_id for d in KnowledgeBase.open().documents()] == ["wyvern-plan"]
