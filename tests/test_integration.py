"""Real bundled model, real persistent Chroma (and a Chroma server on loopback)."""

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.backends.store import open_store
from kb.config import Settings
from kb.errors import ModelMismatchError
from tests.app_support import wait_until

pytestmark = pytest.mark.integration
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("store"),
                        corpus_dir=PROJECT / "corpus")
    kb = KnowledgeBase.open(settings)
    report = kb.ingest([settings.corpus_dir])
    assert len(report.indexed) == 5 and not report.rejected
    return kb


def test_corpus_areas_and_documents(corpus_kb):
    docs = corpus_kb.documents()
    assert {d.area for d in docs} == {"oxfordshire", "buckinghamshire", "essex"}
    assert len(docs) == 5 and all(d.chunks > 5 for d in docs)


def test_real_search_finds_known_passages(corpus_kb):
    hits = corpus_kb.search("What strategic actions will Essex take on perpetrators?", k=5)
    assert all(h.area == "essex" for h in hits)
    assert any("4.1 - Develop and pilot a range of perpetrator programmes" in h.text
               for h in hits)
    hits = corpus_kb.search("How do Oxfordshire and Essex engage employers?", k=8)
    assert {"oxfordshire", "essex"} <= {h.area for h in hits}


def test_real_ask_and_refusal(corpus_kb):
    answer = corpus_kb.ask("How many referrals did Oxfordshire's IDVA service receive in 2018-19?")
    assert answer.found and "174" in answer.text
    assert not corpus_kb.ask("What is Kent's domestic abuse strategy budget for 2023?").found


def test_reopen_with_another_model_is_refused(corpus_kb):
    settings = corpus_kb.settings
    with pytest.raises(ModelMismatchError, match="--rebuild"):
        open_store(settings, "another-model")


def test_unchanged_reingest_does_not_load_the_model(corpus_kb):
    env = {**os.environ, "KB_STORE_DIR": str(corpus_kb.settings.store_dir)}
    code = ("import sys; from ingest.cli import main; rc = main([]); "
            "assert 'torch' not in sys.modules, 'torch imported'; sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stderr
    assert "0 indexed, 5 unchanged" in result.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def chroma_server(folder: Path) -> Iterator[int]:
    """`chroma run` on a free loopback port, stopped afterwards; yields the port."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent))
    if chroma is None:
        pytest.fail("the chroma CLI is not installed beside this Python")
    port = _free_port()
    server = subprocess.Popen([chroma, "run", "--path", str(folder), "--host", "127.0.0.1",
                               "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: socket.create_connection(("127.0.0.1", port), timeout=0.5).close(), 60, 0.5)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_chroma_server_backend(tmp_path):
    with chroma_server(tmp_path / "srv") as port:
        # (the chunk table and word index beside a server's collection: here, not in .store)
        settings = Settings(store_dir=tmp_path / "state", chroma_host="127.0.0.1",
                            chroma_port=port, corpus_dir=PROJECT / "tests" / "fixtures",
                            embed_model="fake", chunk_min_words=5, chunk_max_words=60)
        kb = KnowledgeBase.open(settings)
        kb.ingest([PROJECT / "tests" / "fixtures" / "oxford_snippet.txt"])
        reopened = KnowledgeBase.open(settings)
        assert [d.doc_id for d in reopened.documents()] == ["oxford-snippet"]
        assert reopened.search("training package for employers", k=1)[0].area == "testshire"


READER = """
import sys, time
from kb.api import KnowledgeBase
kb = KnowledgeBase.open()
deadline, seen, searches = time.monotonic() + 60, False, 0
while time.monotonic() < deadline and not seen:
    kb.refresh_if_changed()
    hits = kb.search("Wyvern refuge places for older women", k=3)
    searches += 1
    seen = any(h.doc_id == "wyvern-plan" for h in hits)
    time.sleep(0.2)
print(searches, seen)
sys.exit(0 if seen else 1)
"""


def test_two_readers_and_a_writer_share_a_chroma_server(tmp_path):
    new_file = tmp_path / "wyvern-plan.txt"
    new_file.write_text("Wyvern Council\nDomestic Abuse Strategy 2025-2028\n\nWe will open twelve refuge "
                        "places for older women in Wyvern, with Wyvern Council's housing team.\n")
    with chroma_server(tmp_path / "srv") as port:
        env = {**os.environ, "KB_CHROMA_HOST": "127.0.0.1", "KB_CHROMA_PORT": str(port),
               "KB_STORE_DIR": str(tmp_path / "state"), "KB_EMBED_MODEL": "fake",
               "KB_CORPUS_DIR": str(PROJECT / "tests" / "fixtures")}
        first = subprocess.run([sys.executable, "-m", "ingest", str(PROJECT / "tests" / "fixtures")],
                               env=env, cwd=PROJECT, capture_output=True, text=True, timeout=300)
        assert first.returncode == 0, first.stderr
        app = KnowledgeBase.open(Settings.from_env(env))  # an app process, open before the writer
        before = {d.doc_id for d in app.documents()}
        reader = subprocess.Popen([sys.executable, "-c", READER], env=env, cwd=PROJECT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        writer = subprocess.run([sys.executable, "-m", "ingest", str(new_file)], env=env, cwd=PROJECT,
                                capture_output=True, text=True, timeout=300)
        assert writer.returncode == 0, writer.stderr
        out, err = reader.communicate(timeout=120)
        assert reader.returncode == 0, (out, err)
        assert int(out.split()[0]) >= 1 and "Traceback" not in err
        assert "wyvern-plan" not in before
        assert app.refresh_if_changed() and not app.refresh_if_changed()
        assert "wyvern-plan" in {d.doc_id for d in app.documents()}
        assert app.search("refuge places for older women in Wyvern", k=1)[0].doc_id == "wyvern-plan"


def test_a_server_collection_and_an_embedded_store_never_share_local_files(tmp_path):
    embedded = Settings(store_dir=tmp_path / "state", corpus_dir=PROJECT / "tests" / "fixtures",
                        embed_model="fake", chunk_min_words=5, chunk_max_words=60)
    KnowledgeBase.open(embedded).ingest([PROJECT / "tests" / "fixtures" / "northshire_snippet.txt"])
    with chroma_server(tmp_path / "srv") as port:
        server = replace(embedded, chroma_host="127.0.0.1", chroma_port=port)
        assert KnowledgeBase.open(server).documents() == []
    assert [d.doc_id for d in KnowledgeBase.open(embedded).documents()] == ["northshire-snippet"]
