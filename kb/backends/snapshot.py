"""What one reader sees: the chunk table plus one published generation of the lexical index.

A generation is a folder `<n>` under the store's lexical folder (n: the table's change
counter when it was published) holding its segments (`kb.backends.segments`; a segment kept
from the previous generation is hard-linked, not copied), `<segment>.positions.npy` for each
(local row -> position, -1 for a deleted row), `rows.npy` (position -> chunk table row id) and
`generation.json` (segment names, live rows, their token count). Positions run over the
visible chunks in document and ordinal order, as a full rebuild lays them out, so row + 1 is
the next chunk of the same document (list continuation, context) and ties between equal
scores fall the same way.

Publishing (the end of an ingest run, under the write lock) compares the documents of the
current generation with the table's visible ones (doc id and when each became visible): the
new or re-shown ones are read from the table into one new segment, the replaced and pruned
ones are masked, segments are merged by the tiered policy (`kb.backends.merge_policy`), and
the new generation is written beside the current one and recorded in the table
(`meta.lexical`). Readers open the recorded one memory-mapped; the previous generation stays
on disk for readers still using it. Chunks are fetched by row id from the table; filters are
SQL over its indexed columns, turned into a boolean mask over the positions.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import secrets
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from kb.backends import merge_policy, segments
from kb.backends.chunks import Filter, StoredChunk
from kb.backends.lexical import LexicalIndex
from kb.backends.segments import Segment
from kb.backends.table import ChunkTable

log = logging.getLogger(__name__)
ROWS = "rows.npy"
GENERATION = "generation.json"
POSITIONS = ".positions.npy"


class Snapshot:
    """Positions (visible chunks in document and ordinal order) over the lexical index and the
    chunk table, with targeted reads."""

    def __init__(self, table: ChunkTable, lexical: LexicalIndex, rows: np.ndarray,
                 generation: int, path: Path | None = None) -> None:
        """Wire a snapshot (see `publish` and `open_snapshot`); `path` is the generation
        folder it was read from (None: built in memory)."""
        self.table = table
        self.lexical = lexical
        self.rows = np.asarray(rows, dtype=np.int64)
        self.generation = generation
        self.path = path
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
        """chunk_id -> position, for the chunks in this snapshot."""
        rowids = self.table.rowids(chunk_ids)
        out = {}
        for chunk_id, rowid in rowids.items():
            if rowid < len(self._inverse) and self._inverse[rowid] >= 0:
                out[chunk_id] = int(self._inverse[rowid])
        return out

    def items(self, positions: Iterable[int]) -> dict[int, StoredChunk]:
        """position -> stored chunk, for positions in range whose chunk is still stored."""
        wanted = {int(p) for p in positions if 0 <= p < len(self.rows)}
        found = self.table.by_rowid(int(self.rows[p]) for p in wanted)
        out = {}
        for position in wanted:
            row = found.get(int(self.rows[position]))
            if row is not None:
                out[position] = StoredChunk(chunk=row[1], doc=row[2], sha256=row[3],
                                            source=row[4])
        return out

    def in_sections(self, sections: Sequence[str], where: Filter) -> list[int]:
        """The positions of the chunks under these section paths that pass the filter's areas
        and documents, in document order."""
        return [int(p) for p in self._positions(
            self.table.in_sections(sections, where.areas, where.doc_ids))]

    def allowed(self, where: Filter) -> np.ndarray | None:
        """A mask of the positions that pass the filter (None when it restricts nothing)."""
        if where.areas is None and where.doc_ids is None and where.kinds is None:
            return None
        mask = np.zeros(len(self.rows), dtype=bool)
        mask[self._positions(self.table.filtered(where.areas, where.doc_ids, where.kinds))] = True
        return mask


def _live(base: Snapshot | None, visible: dict[str, int]
          ) -> tuple[list[tuple[Segment, np.ndarray]], set[str]]:
    """The base generation's segments, each with a mask of the rows whose document is still
    visible as it was indexed; and those documents."""
    parts = []
    claimed: set[str] = set()
    for segment, _ in base.lexical.parts if base else ():
        live = np.zeros(len(segment), dtype=bool)
        for span in segment.documents:
            if visible.get(span.doc_id) == span.stamp and span.doc_id not in claimed:
                live[span.start:span.start + span.count] = True
                claimed.add(span.doc_id)
        parts.append((segment, live))
    return parts, claimed


def _new_segment(table: ChunkTable, name: str, visible: dict[str, int],
                 doc_ids: Sequence[str]) -> Segment:
    rows = table.lexical_rows(doc_ids)
    return segments.build(name, (
        (doc_id, visible[doc_id], [(rowid, tokens) for _, rowid, tokens in chunks])
        for doc_id, chunks in itertools.groupby(rows, key=lambda row: row[0])))


def _name(prefix: str, generation: int) -> str:
    """A new segment's name, never reused (readers reuse a segment they hold by its name)."""
    return f"{prefix}{generation}-{secrets.token_hex(4)}"


def _merged(parts: list[tuple[Segment, np.ndarray]], generation: int
            ) -> list[tuple[Segment, np.ndarray]]:
    """The segments after the merges the policy asks for, segments with no live row dropped."""
    by_name = {segment.name: (segment, live) for segment, live in parts}
    groups = merge_policy.plan([(s.name, int(live.sum()), len(s)) for s, live in parts])
    merging = {name for group in groups for name in group}
    out = [(s, live) for s, live in parts if s.name not in merging and live.any()]
    for group in groups:
        merged = segments.merge(_name("m", generation), [by_name[name] for name in group])
        out.append((merged, np.ones(len(merged), dtype=bool)))
    return out


def _assemble(table: ChunkTable, parts: list[tuple[Segment, np.ndarray]], generation: int,
              path: Path | None = None) -> Snapshot:
    """A snapshot over segments with live masks: positions in document and ordinal order."""
    remaps, documents = segments.layout(parts)
    size = sum(d.count for d in documents)
    rows = segments.gather([s.rowids for s, _ in parts], remaps, size)
    total = sum(int(np.asarray(s.lengths)[live].sum()) for s, live in parts)
    lexical = LexicalIndex([(s, remap) for (s, _), remap in zip(parts, remaps, strict=True)],
                           size, total)
    return Snapshot(table, lexical, rows, generation, path)


def publish(table: ChunkTable, folder: Path | None, base: Snapshot | None = None) -> Snapshot:
    """Bring the lexical index up to date with the table's visible chunks, starting from `base`
    (the current generation; None: from nothing); when a folder is given, save the result
    as a new generation, record it in the table and remove generations older than the
    previous one. With nothing changed, `base` itself is returned.

    Call it under the store's write lock (the end of an ingest run does).
    """
    generation = table.changes()
    if base is not None and base.generation == generation and (folder is None) == (
            base.path is None):
        return base
    visible = table.visible_documents()
    parts, indexed = _live(base, visible)
    added = sorted(set(visible) - indexed)
    if added:
        segment = _new_segment(table, _name("s", generation), visible, added)
        parts.append((segment, np.ones(len(segment), dtype=bool)))
    snapshot = _assemble(table, _merged(parts, generation), generation)
    if folder is None:
        return snapshot
    return _save(snapshot, table, folder, base)


def _save(snapshot: Snapshot, table: ChunkTable, folder: Path, base: Snapshot | None
          ) -> Snapshot:
    previous = base.path if base else None
    name = str(snapshot.generation)
    scratch = folder / f".{name}.{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    names = []
    for segment, positions in snapshot.lexical.parts:
        kept = previous / segment.name if previous else None
        if kept is not None and kept.is_dir():
            _link(kept, scratch / segment.name)
        else:
            segment.save(scratch / segment.name)
        np.save(scratch / f"{segment.name}{POSITIONS}", positions.astype(np.int32))
        names.append(segment.name)
    np.save(scratch / ROWS, snapshot.rows)
    (scratch / GENERATION).write_text(json.dumps(
        {"segments": names, "rows": len(snapshot), "length": snapshot.lexical.total_length}))
    if (folder / name).exists():  # a generation of that name not recorded, or an older format
        os.replace(folder / name, folder / f".{name}.{os.getpid()}.old")
    os.replace(scratch, folder / name)
    current = table.get_meta("lexical")
    table.set_meta("lexical", name)
    for old in folder.iterdir():
        if old.name not in {name, current}:
            shutil.rmtree(old, ignore_errors=True)
    return _open(table, folder / name, base)


def _link(source: Path, target: Path) -> None:
    """Hard-link a segment's files into another generation (a copy where links fail)."""
    target.mkdir()
    for path in source.iterdir():
        try:
            os.link(path, target / path.name)
        except OSError:
            shutil.copy2(path, target / path.name)


def _open(table: ChunkTable, path: Path, held: Snapshot | None = None) -> Snapshot:
    """A saved generation, its arrays memory-mapped; segments `held` (a snapshot this process
    has open) already has are reused, not read again."""
    recorded = json.loads((path / GENERATION).read_text())
    known = {segment.name: segment for segment, _ in held.lexical.parts} if held else {}
    parts = [(known[name] if name in known else Segment.load(path / name),
              np.load(path / f"{name}{POSITIONS}", mmap_mode="r"))
             for name in recorded["segments"]]
    lexical = LexicalIndex(parts, recorded["rows"], recorded["length"])
    return Snapshot(table, lexical, np.load(path / ROWS, mmap_mode="r"), int(path.name), path)


def open_snapshot(table: ChunkTable, folder: Path | None, held: Snapshot | None = None
                  ) -> Snapshot:
    """The last published generation, memory-mapped (reusing the segments of `held`, the
    snapshot this process had open); built in memory when there is none (a store written
    before generations, or before segments, existed; the next ingest run publishes one) or
    when the table lives in memory."""
    name = table.get_meta("lexical")
    if folder is not None and name and (folder / name / GENERATION).exists():
        return _open(table, folder / name, held)
    if folder is not None and table.visible_count():
        log.warning("no published lexical index in %s; building one in memory", folder)
    return publish(table, None)
