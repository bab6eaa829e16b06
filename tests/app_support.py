"""Shared set-up for the app tests: a small fixture store opened through the real kb.api, and
`streamlit run app.py` served on a free loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kb.api import KnowledgeBase
from kb.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = Path(__file__).resolve().parent.parent
FILES = ("oxford_snippet.txt", "northshire_snippet.txt", "hostile_snippet.txt", "manifest.toml")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


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


def wait_until(probe: Callable[[], object], tries: int, pause: float) -> None:
    """Call `probe` until it stops raising OSError (a server coming up), at most `tries` times."""
    for _ in range(tries):
        try:
            probe()
        except OSError:
            time.sleep(pause)
        else:
            return


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(tmp_path: Path, kb_env: dict[str, str], log: Path | None = None) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1 over the store `kb_env` names (see `fixture_env`);
    yields its URL once healthy. The server's output goes to `log` when given."""
    port = free_port()
    env = {**os.environ, **kb_env, "PYTHONPATH": str(PROJECT)}
    out = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PROJECT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: urllib.request.urlopen(f"{url}/_stcore/health", timeout=1), 240, 0.25)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        if log:
            out.close()  # type: ignore[union-attr]
