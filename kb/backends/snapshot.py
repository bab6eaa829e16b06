"""What one reader sees: the chunk table plus one published generation of the lexical index.

A generation is a folder `<n>` under the store's lexical folder (n: the table's change
counter when it was built) holding the bm25s arrays and `rows.npy`, the chunk table row id of
each BM25 row. Rows are in document and ordinal order, so row + 1 is the next chunk of the
same document (list continuation, context). Writers publish a new generation at the end of an
ingest run, under the write lock, then record its name in the table (`meta.lexical`); readers
open the recorded one memory-mapped. Chunks fetched by row id from the table; filters are SQL
over the table's indexed columns, turned into a boolean mask over the rows.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from kb.backends.chunks import Filter, StoredChunk
from kb.backends.lexical import LexicalIndex
from kb.backends.table import ChunkTable

log = logging.getLogger(__name__)
ROWS = "rows.npy"


class Snapshot:
    """Rows of the lexical index mapped to chunk table rows, with targeted reads."""

    def __init__(self, table: ChunkTable, lexical: LexicalIndex, rows: np.ndarray,
                 generation: int) -> None:
        """Wire a snapshot (see `publish` and `open_snapshot`)."""
        self.table = table
        self.lexical = lexical
        self.rows = np.asarray(rows, dtype=np.int64)
        self.generation = generation
        self._inverse = np.full(int(self.rows.max(initial=0)) + 1, -1, dtype=np.int64)
        self._inverse[self.rows] = np.arange(len(self.rows))

    def __len__(self) -> int:
        """How many chunks this snapshot can return."""
        return len(self.rows)

    def _positions(self, rowids: Iterable[int]) -> np.ndarray:
        ids = np.fromiter(rowids, dtype=np.int64)
        ids = ids[ids < len(self._inverse)]
        found = self._inverse[ids]
        return found[found >= 0]

    def positions(self, chunk_ids: Sequence[str]) -> dict[str, int]:
        """chunk_id -> row, for the chunks in this snapshot."""
        rowids = self.table.rowids(chunk_ids)
        out = {}
        for chunk_id, rowid in rowids.items():
            if rowid < len(self._inverse) and self._inverse[rowid] >= 0:
                out[chunk_id] = int(self._inverse[rowid])
        return out

    def items(self, positions: Iterable[int]) -> dict[int, StoredChunk]:
        """row -> stored chunk, for rows in range whose chunk is still stored."""
        wanted = {int(p) for p in positions if 0 <= p < len(self.rows)}
        found = self.table.by_rowid(int(self.rows[p]) for p in wanted)
        out = {}
        for position in wanted:
            row = found.get(int(self.rows[position]))
            if row is not None:
                out[position] = StoredChunk(chunk=row[1], doc=row[2], sha256=row[3],
                                            source=row[4])
        return out

    def allowed(self, where: Filter) -> np.ndarray | None:
        """A mask of the rows that pass the filter (None when it restricts nothing)."""
        if where.areas is None and where.doc_ids is None and where.kinds is None:
            return None
        mask = np.zeros(len(self.rows), dtype=bool)
        mask[self._positions(self.table.filtered(where.areas, where.doc_ids, where.kinds))] = True
        return mask


def _build(table: ChunkTable) -> tuple[LexicalIndex, np.ndarray, int]:
    generation = table.changes()
    rows: list[int] = []
    tokens: list[list[str]] = []
    for rowid, words in table.lexical_rows():
        rows.append(rowid)
        tokens.append(words)
    return LexicalIndex(tokens), np.asarray(rows, dtype=np.int64), generation


def publish(table: ChunkTable, folder: Path | None) -> Snapshot:
    """Build the lexical index from the table's tokens; when a folder is given, save it as a
    new generation, record it in the table and remove generations older than the previous.

    Call it under the store's write lock (the end of an ingest run does).
    """
    lexical, rows, generation = _build(table)
    if folder is not None:
        name = str(generation)
        scratch = folder / f".{name}.{os.getpid()}"
        shutil.rmtree(scratch, ignore_errors=True)
        lexical.save(scratch)
        np.save(scratch / ROWS, rows)
        shutil.rmtree(folder / name, ignore_errors=True)
        os.replace(scratch, folder / name)
        previous = table.get_meta("lexical")
        table.set_meta("lexical", name)
        for old in folder.iterdir():
            if old.name not in {name, previous} and not old.name.startswith("."):
                shutil.rmtree(old, ignore_errors=True)
        lexical = LexicalIndex.load(folder / name, len(rows))
    return Snapshot(table, lexical, rows, generation)


def open_snapshot(table: ChunkTable, folder: Path | None) -> Snapshot:
    """The last published generation, memory-mapped; built in memory when there is none
    (a store written before generations existed) or when the table lives in memory."""
    name = table.get_meta("lexical")
    if folder is not None and name and (folder / name / ROWS).exists():
        rows = np.load(folder / name / ROWS)
        return Snapshot(table, LexicalIndex.load(folder / name, len(rows)), rows, int(name))
    if folder is not None and table.visible_count():
        log.warning("no published lexical index in %s; building one in memory", folder)
    return publish(table, None)
