"""A document's chunks become visible together: kill -9 at any point of a large document's
ingest, then ingest again, and the store is exactly the clean store."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.config import Settings

WRITER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from kb.api import KnowledgeBase
    from kb.backends.embedder import FakeEmbedder
    from kb.config import Settings

    kill_after, folder = int(sys.argv[1]), Path(sys.argv[2])
    settings = Settings(store_dir=folder / "store", corpus_dir=folder / "corpus",
                        embed_model="fake", chunk_min_words=20, chunk_max_words=40)
    kb = KnowledgeBase.open(settings, embedder=FakeEmbedder())
    collection, writes = kb.store._collection, [0]

    def dying(method):
        def write(*args, **kwargs):
            writes[0] += 1
            if writes[0] > kill_after:
                os.kill(os.getpid(), signal.SIGKILL)
            return method(*args, **kwargs)
        return write

    collection.upsert = dying(collection.upsert)
    collection.update = dying(collection.update)
    kb.ingest([folder / "corpus"])
""")



def big_strategy(chunks: int) -> str:
    paragraphs = [f"Priority {n}. We will work with partners in ward {n} to fund outreach, train "
                  f"{n} professionals, review refuge place {n} and report progress to the board "
                  f"every quarter so that survivors in ward {n} are heard." for n in range(chunks)]
    return "Wyvern Domestic Abuse Strategy 2024-2027\n\n" + "\n\n".join(paragraphs) + "\n"


def snapshot(folder):
    settings = Settings(store_dir=folder / "store", corpus_dir=folder / "corpus",
                        embed_model="fake", chunk_min_words=20, chunk_max_words=40)
    kb = KnowledgeBase.open(settings, embedder=FakeEmbedder())
    return sorted(c.chunk.chunk_id for c in kb.store.all_chunks()), kb.store.count(), kb


@pytest.mark.integration
@pytest.mark.parametrize("kill_after", [1, 3, 6, 7])  # upserts of 500, then the completion
def test_kill_at_any_point_then_reingest_gives_the_clean_store(tmp_path, kill_after):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "wyvern-strategy.txt").write_text(big_strategy(3000))
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    killed = subprocess.run([sys.executable, "-c", WRITER, str(kill_after), str(tmp_path)],
                            env=env, timeout=600, capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    ids, _, kb = snapshot(tmp_path)
    assert ids == []  # a half-written document is never visible
    report = kb.ingest([tmp_path / "corpus"])
    assert report.indexed and not report.unchanged  # incomplete means changed, not unchanged
    ids, count, _ = snapshot(tmp_path)

    clean = tmp_path / "clean"
    (clean / "corpus").mkdir(parents=True)
    (clean / "corpus" / "wyvern-strategy.txt").write_text(big_strategy(3000))
    snapshot(clean)[2].ingest([clean / "corpus"])
    clean_ids, clean_count, _ = snapshot(clean)
    assert len(ids) >= 3000 and ids == clean_ids and count == clean_count
