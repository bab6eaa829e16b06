"""The chunk table is shared by threads (Streamlit answers sessions on threads): readers on
other threads never see a writer's transaction half done, and nothing fails meanwhile."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from kb.backends.table import ChunkTable
from kb.records import Chunk, ChunkKind, DocumentInfo

DOCUMENTS, CHUNKS = 4, 5


def items(doc_id: str, version: int) -> list[tuple[Chunk, DocumentInfo, str, str]]:
    doc = DocumentInfo(doc_id=doc_id, area="north", title=doc_id, period="2020-2025",
                       kind="strategy", status="adopted")
    return [(Chunk(chunk_id=f"{doc_id}-{n}", doc_id=doc_id, text=f"refuge places {version} {n}",
                   page=None, section="Aims", kind=ChunkKind.AIM, start=0, end=1, ordinal=n),
             doc, f"sha-{version}", f"{doc_id}.txt") for n in range(CHUNKS)]


@pytest.mark.parametrize("on_disk", [False, True])
def test_readers_on_threads_never_see_a_write_half_done(tmp_path: Path, on_disk: bool) -> None:
    table = ChunkTable(tmp_path / "t.chunks.sqlite3" if on_disk else None)
    for d in range(DOCUMENTS):
        table.add(items(f"doc{d}", 0))  # complete hashes: visible at once
    failures: list[str] = []
    stop = threading.Event()

    def write() -> None:
        version = 0
        while not stop.is_set():  # each add hides the document, rewrites it, shows it again
            version += 1
            table.add(items(f"doc{version % DOCUMENTS}", version))

    def read() -> None:
        while not stop.is_set():
            try:
                count = table.visible_count()
                documents = table.documents()
                rows = table.filtered(["north"], None, None)
                chunks = table.by_rowid(rows)
                listed = list(table.select("d.area = ?", ("north",)))
            except Exception as exc:  # noqa: BLE001 - any failure on a reader thread counts
                failures.append(repr(exc))
                return
            expected = DOCUMENTS * CHUNKS
            if (count, len(documents), len(rows), len(listed)) != (
                    expected, DOCUMENTS, expected, expected) or len(chunks) > expected:
                failures.append(f"saw {count} chunks, {len(documents)} documents, "
                                f"{len(rows)} rows, {len(listed)} listed")
                return

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    stop.set()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    assert table.visible_count() == DOCUMENTS * CHUNKS
