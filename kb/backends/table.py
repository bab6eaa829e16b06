"""The chunk table: every chunk, every document and the corpus statistics in SQLite (WAL).

It lives beside the vector store (`<store_dir>/<Settings.local_name>.chunks.sqlite3`; `:memory:` for in-memory and
ephemeral stores) and is what readers use instead of reading the vector store whole: listing
documents reads the `documents` table, retrieval fetches the chunks it needs by row id, and
filters are SQL over indexed columns. Each write is one transaction. A document's chunks are
written pending (`sha256 = ''`) and become visible together when the last one is marked
complete; the term document frequencies (idf), the acronym glossary and the section list
count visible chunks only, and are updated in the same transaction as the visibility change.
A document records when it became visible (`shown`, the change counter then), so the lexical
index can tell a re-shown document from the one it indexed.

One connection serves every thread (Streamlit answers sessions on threads): each statement,
and each write transaction as a whole, holds the table's lock, so a reader never runs inside
a writer's transaction nor sees half of one.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from kb.backends.lexical import BM25_STOPWORDS
from kb.backends.table_sql import (
    CHUNK_COLUMNS,
    SCHEMA,
    SPELLED_SCHEMA,
    decode_chunks,
    visible_where,
)
from kb.records import Chunk, DocumentInfo, IndexedDocument
from kb.retrieval.glossary import (
    mine_glossary,
    spelled_acronyms,
    spelled_out,
    written_acronyms,
)
from kb.text import IdfTable, content_terms, embedding_text, terms, tokenizer_version

TABLE_NAME = "chunks.sqlite3"
PENDING = ""  # the hash a chunk carries until its whole document is stored
log = logging.getLogger(__name__)
_BATCH = 500  # ids per IN (...) clause, well under SQLite's variable limit
SPELLED_VERSION = "2"  # of the phrases kept by their initials (kb.retrieval.glossary.spelled_out)


class ChunkTable:
    """Chunks and documents in SQLite; see the module docstring for the visibility rules."""

    def __init__(self, path: Path | None) -> None:
        """Open (or create) the table at `path`, or in memory when None."""
        self.path = path
        target = ":memory:" if path is None else str(path)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(target, check_same_thread=False, timeout=60.0)
        self._lock = threading.RLock()
        if path is not None:
            self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(chunks)")}
        if columns and "vector" not in columns:  # a table written before vectors were kept
            with self._db:
                self._db.execute("ALTER TABLE chunks ADD COLUMN vector BLOB")
                self._db.execute("INSERT OR REPLACE INTO meta VALUES ('needs_vectors', '1')")
        if columns and "parts" not in columns:  # written before part vectors were kept
            with self._db:
                self._db.execute("ALTER TABLE chunks ADD COLUMN parts BLOB")
        documents = {r[1] for r in self._db.execute("PRAGMA table_info(documents)")}
        if documents and "area_name" not in documents:  # written before new areas were kept
            with self._db:
                self._db.execute("ALTER TABLE documents ADD COLUMN area_name TEXT NOT NULL DEFAULT ''")
                self._db.execute("ALTER TABLE documents ADD COLUMN area_aliases TEXT NOT NULL DEFAULT '[]'")
        if documents and "shown" not in documents:  # written before the lexical index had segments
            with self._db:
                self._db.execute("ALTER TABLE documents ADD COLUMN shown INTEGER NOT NULL DEFAULT 0")
        self._db.executescript(SCHEMA)
        if not columns:
            self.set_meta("tokenizer", tokenizer_version())
            self.set_meta("spelled_out", SPELLED_VERSION)
            return
        if self.get_meta("tokenizer") != tokenizer_version():
            self._retokenize()
        if self.get_meta("spelled_out") != SPELLED_VERSION:
            self._spell_out_all()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, holding the lock throughout."""
        with self._lock, self._db:
            yield self._db

    def _read(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """The rows of one query, read whole under the lock."""
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def _read_in(self, sql: str, values: Sequence[Any]) -> Iterator[Any]:
        """The rows of a query whose `IN ({marks})` takes the values, _BATCH values a query."""
        for start in range(0, len(values), _BATCH):
            batch = list(values[start:start + _BATCH])
            yield from self._read(sql.format(marks=",".join("?" * len(batch))), batch)

    # -- writes (each one transaction) ---------------------------------------------------
    def add(self, items: Sequence[tuple[Chunk, DocumentInfo, str, str]],
            vectors: Sequence[Sequence[float]] | None = None,
            parts: Sequence[np.ndarray | None] | None = None) -> None:
        """Insert or replace (chunk, doc, sha256, source) by chunk id, with their embeddings
        and part vectors when given; a document that gets a pending chunk becomes invisible
        until it is complete again."""
        blobs = ([np.asarray(v, dtype=np.float32).tobytes() for v in vectors] if vectors
                 is not None else [None] * len(items))
        part_blobs = [None if p is None or not len(p) else np.asarray(p, dtype=np.float16).tobytes()
                      for p in (parts if parts is not None else [None] * len(items))]
        with self._transaction():
            for doc_id in dict.fromkeys(c.doc_id for c, _, _, _ in items):
                self._hide(doc_id)  # its statistics are recounted when it is complete
            for (chunk, doc, sha, source), blob, part_blob in zip(items, blobs, part_blobs,
                                                                   strict=True):
                self._db.execute(
                    "INSERT INTO documents(doc_id, area, title, period, kind, status, source, "
                    "area_name, area_aliases, sha256) VALUES (?,?,?,?,?,?,?,?,?,'') "
                    "ON CONFLICT(doc_id) DO UPDATE SET area=excluded.area, title=excluded.title, "
                    "period=excluded.period, kind=excluded.kind, status=excluded.status, "
                    "source=excluded.source, area_name=excluded.area_name, "
                    "area_aliases=excluded.area_aliases",
                    (doc.doc_id, doc.area, doc.title, doc.period, doc.kind, doc.status, source,
                     doc.area_name, json.dumps(list(doc.area_aliases))))
                found = mine_glossary([chunk.text])
                glossary = json.dumps([[a, sorted(f)] for a, f in found.items()]) if found else None
                self._db.execute(
                    "INSERT INTO chunks(chunk_id, doc_id, ordinal, text, page, section, kind, "
                    "start, end, lead, sha256, lexical, terms, glossary, vector, parts) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(chunk_id) DO UPDATE SET "
                    "doc_id=excluded.doc_id, ordinal=excluded.ordinal, text=excluded.text, "
                    "page=excluded.page, section=excluded.section, kind=excluded.kind, "
                    "start=excluded.start, end=excluded.end, lead=excluded.lead, "
                    "sha256=excluded.sha256, lexical=excluded.lexical, terms=excluded.terms, "
                    "glossary=excluded.glossary, vector=excluded.vector, parts=excluded.parts",
                    (chunk.chunk_id, chunk.doc_id, chunk.ordinal, chunk.text, chunk.page,
                     chunk.section, chunk.kind.value, chunk.start, chunk.end, chunk.lead, sha,
                     " ".join(terms(embedding_text(chunk, doc), BM25_STOPWORDS)),
                     " ".join(sorted(content_terms(chunk.text))), glossary, blob, part_blob))
                self._spell_out(chunk.doc_id, chunk.text)
            for doc_id in dict.fromkeys(c.doc_id for c, _, _, _ in items):
                self._settle(doc_id)

    def mark_complete(self, items: Sequence[tuple[str, str, str]]) -> None:
        """Record (chunk_id, doc_id, sha256) hashes; a document none of whose chunks is pending
        becomes visible."""
        with self._transaction():
            self._db.executemany("UPDATE chunks SET sha256 = ? WHERE chunk_id = ?",
                                 [(sha, chunk_id) for chunk_id, _, sha in items])
            for doc_id in dict.fromkeys(doc_id for _, doc_id, _ in items):
                self._settle(doc_id)

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and its chunks (and their share of the statistics)."""
        with self._transaction():
            self._hide(doc_id)
            self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
            self._db.execute("DELETE FROM spelled_out WHERE doc_id = ?", (doc_id,))
            self._db.execute("DELETE FROM written_acronyms WHERE doc_id = ?", (doc_id,))
            self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            self._touch()

    def _retokenize(self) -> None:
        """Rewrite the word index of a table written by another version of `kb.text.terms`:
        every chunk's BM25 tokens and terms, the term counts, and (by forgetting the current
        generation) the lexical index, which the next ingest run publishes again."""
        rows = self._read(f"SELECT {CHUNK_COLUMNS} FROM chunks c JOIN documents d USING (doc_id)")
        log.warning("re-indexing the words of %d chunks in %s (written by an older tokenizer; "
                    "once)", len(rows), self.path)
        with self._transaction():
            self._db.executemany(
                "UPDATE chunks SET lexical = ?, terms = ? WHERE id = ?",
                [(" ".join(terms(embedding_text(chunk, doc), BM25_STOPWORDS)),
                  " ".join(sorted(content_terms(chunk.text))), rowid)
                 for rowid, chunk, doc, _, _ in decode_chunks(rows)])
            self._db.execute("DELETE FROM term_df")
            for (doc_id,) in self._db.execute("SELECT doc_id FROM documents WHERE visible").fetchall():
                self._count_terms(doc_id, +1)
            self._db.execute("DELETE FROM meta WHERE key = 'lexical'")
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('tokenizer', ?)",
                             (tokenizer_version(),))
            self._touch()

    def _spell_out(self, doc_id: str, text: str) -> None:
        """Record a chunk's capitalised phrases by their initials, and the acronyms it writes,
        as its document's (each once a document; they go with the document)."""
        self._db.executemany(
            "INSERT OR IGNORE INTO spelled_out(initials, phrase, doc_id) VALUES (?,?,?)",
            [(initials, phrase, doc_id)
             for initials, phrases in spelled_out(text).items() for phrase in phrases])
        self._db.executemany(
            "INSERT OR IGNORE INTO written_acronyms(initials, doc_id) VALUES (?,?)",
            [(acronym, doc_id) for acronym in written_acronyms(text)])

    def _spell_out_all(self) -> None:
        """Record every chunk's phrases, in a table written before they were kept, or kept
        otherwise (once)."""
        rows = self._read("SELECT doc_id, text FROM chunks")
        log.warning("recording the capitalised phrases of %d chunks in %s (once)", len(rows),
                    self.path)
        with self._lock:  # (a script commits as it goes: the version is set last)
            self._db.executescript("DROP TABLE IF EXISTS spelled_out; "
                                   "DROP TABLE IF EXISTS written_acronyms;" + SPELLED_SCHEMA)
        with self._transaction():
            for doc_id, text in rows:
                self._spell_out(doc_id, text)
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('spelled_out', ?)",
                             (SPELLED_VERSION,))

    def _touch(self) -> None:
        self._db.execute("INSERT INTO meta VALUES ('changes', '1') ON CONFLICT(key) DO UPDATE "
                         "SET value = CAST(value AS INTEGER) + 1")

    def _hide(self, doc_id: str) -> None:
        if not self._db.execute("SELECT 1 FROM documents WHERE doc_id = ? AND visible",
                                (doc_id,)).fetchone():
            return
        self._count_terms(doc_id, -1)
        self._db.execute("UPDATE chunks SET visible = 0 WHERE doc_id = ?", (doc_id,))
        self._db.execute("UPDATE documents SET visible = 0, sha256 = '' WHERE doc_id = ?",
                         (doc_id,))
        self._touch()

    def _settle(self, doc_id: str) -> None:
        """Make a document visible when none of its chunks is pending (else keep it hidden)."""
        row = self._db.execute(
            "SELECT COUNT(*), SUM(sha256 = ''), MAX(sha256) FROM chunks WHERE doc_id = ?",
            (doc_id,)).fetchone()
        if row[0] == 0 or row[1]:
            return self._hide(doc_id)
        if self._db.execute("SELECT visible FROM documents WHERE doc_id = ?",
                            (doc_id,)).fetchone()[0]:
            self._db.execute("UPDATE documents SET sha256 = ? WHERE doc_id = ?", (row[2], doc_id))
            return None
        self._db.execute("UPDATE chunks SET visible = 1 WHERE doc_id = ?", (doc_id,))
        self._count_terms(doc_id, +1)
        self._touch()
        self._db.execute("UPDATE documents SET visible = 1, sha256 = ?, chunks = ?, shown = "
                         "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'changes') "
                         "WHERE doc_id = ?", (row[2], row[0], doc_id))
        return None

    def _count_terms(self, doc_id: str, sign: int) -> None:
        df: Counter[str] = Counter()
        for (words,) in self._db.execute("SELECT terms FROM chunks WHERE doc_id = ?", (doc_id,)):
            df.update(words.split())
        self._db.executemany(
            "INSERT INTO term_df VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            [(t, sign * n) for t, n in df.items()])
        if sign < 0:
            self._db.execute("DELETE FROM term_df WHERE df <= 0")

    # -- reads ---------------------------------------------------------------------------
    def changes(self) -> int:
        """A counter that moves whenever the visible chunks change."""
        rows = self._read("SELECT value FROM meta WHERE key = 'changes'")
        return int(rows[0][0]) if rows else 0

    def get_meta(self, key: str) -> str | None:
        """A value recorded with `set_meta`."""
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, key: str, value: str) -> None:
        """Record a value (e.g. which lexical index generation is current)."""
        with self._transaction():
            self._db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                             "value = excluded.value", (key, value))

    def count(self) -> int:
        """How many chunks are stored (pending ones included)."""
        return int(self._read("SELECT COUNT(*) FROM chunks")[0][0])

    def visible_count(self) -> int:
        """How many chunks of complete documents are stored."""
        return int(self._read("SELECT COUNT(*) FROM chunks WHERE visible")[0][0])

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256, '' while the document is incomplete."""
        return dict(self._read("SELECT doc_id, sha256 FROM documents"))

    def visible_documents(self) -> dict[str, int]:
        """doc_id -> when it became visible (the change counter then), for complete documents."""
        return dict(self._read("SELECT doc_id, shown FROM documents WHERE visible"))

    def documents(self) -> list[IndexedDocument]:
        """The complete documents with their chunk counts, by area and doc id."""
        rows = self._read(
            "SELECT doc_id, area, title, period, kind, status, chunks, area_name, area_aliases "
            "FROM documents WHERE visible ORDER BY area, doc_id")
        return [IndexedDocument(doc_id=r[0], area=r[1], title=r[2], period=r[3], kind=r[4],
                                status=r[5], area_name=r[7], area_aliases=tuple(json.loads(r[8])),
                                chunks=r[6]) for r in rows]

    def areas(self) -> list[str]:
        """Area keys that have complete documents."""
        return [r[0] for r in self._read(
            "SELECT DISTINCT area FROM documents WHERE visible ORDER BY area")]

    def sections(self) -> list[str]:
        """The distinct section paths of visible chunks."""
        return [r[0] for r in self._read("SELECT DISTINCT section FROM chunks WHERE visible")]

    def idf(self) -> IdfTable:
        """Smoothed inverse document frequency of each content term over the visible chunks
        (the same figures as `extractive.idf_table` over their texts)."""
        import math

        n = max(self.visible_count(), 1)
        return IdfTable({t: math.log(1 + n / df) for t, df in self._read(
            "SELECT term, df FROM term_df WHERE df > 0")}, n)

    def glossary(self) -> dict[str, set[str]]:
        """Acronym -> long forms defined in the visible chunks, in the order they are first
        defined (document and ordinal order), as `mine_glossary` over every text gives; then
        the acronyms they write and define nowhere, with the one phrase of theirs that spells
        each out (`kb.retrieval.glossary.spelled_acronyms`)."""
        found: dict[str, set[str]] = {}
        for (entry,) in self._read(
                "SELECT glossary FROM chunks WHERE glossary IS NOT NULL AND visible "
                "ORDER BY doc_id, ordinal"):
            for acronym, forms in json.loads(entry):
                found.setdefault(acronym, set()).update(forms)
        # (only the initials that a visible chunk writes as an acronym are read)
        phrases: dict[str, set[str]] = {}
        for initials, phrase in self._read(
                "SELECT s.initials, s.phrase FROM spelled_out s JOIN documents d USING (doc_id) "
                "WHERE d.visible AND s.initials IN (SELECT w.initials FROM written_acronyms w "
                "JOIN documents e USING (doc_id) WHERE e.visible)"):
            phrases.setdefault(initials, set()).add(phrase)
        found.update(spelled_acronyms(phrases, found))
        return found

    def lexical_rows(self, doc_ids: Sequence[str]
                     ) -> Iterator[tuple[str, int, list[str]]]:
        """(doc id, row id, BM25 tokens) of the visible chunks of these documents, in document
        and ordinal order, read a batch of documents at a time."""
        for doc_id, rowid, words in self._read_in(
                "SELECT doc_id, id, lexical FROM chunks WHERE visible AND doc_id IN ({marks}) "
                "ORDER BY doc_id, ordinal", sorted(doc_ids)):
            yield doc_id, rowid, words.split()

    def by_rowid(self, rowids: Iterable[int]
                 ) -> dict[int, tuple[int, Chunk, DocumentInfo, str, str]]:
        """The chunks with these row ids (missing ones, since deleted, left out)."""
        ids = list(dict.fromkeys(int(r) for r in rowids))
        rows = self._read_in(f"SELECT {CHUNK_COLUMNS} FROM chunks c JOIN documents d "
                             "USING (doc_id) WHERE c.id IN ({marks})", ids)
        return {r[0]: r for r in decode_chunks(rows)}

    def rowids(self, chunk_ids: Sequence[str]) -> dict[str, int]:
        """chunk_id -> row id for the stored ones."""
        return dict(self._read_in("SELECT chunk_id, id FROM chunks WHERE chunk_id IN ({marks})",
                                  chunk_ids))

    def filtered(self, areas: Sequence[str] | None, doc_ids: Sequence[str] | None,
                 kinds: Sequence[str] | None) -> list[int]:
        """Row ids of the visible chunks that pass every given restriction (SQL, indexed)."""
        where, args = visible_where(areas, doc_ids, kinds)
        return [r[0] for r in self._read(
            f"SELECT c.id FROM chunks c JOIN documents d USING (doc_id) WHERE {where}", args)]

    def in_sections(self, sections: Sequence[str], areas: Sequence[str] | None,
                    doc_ids: Sequence[str] | None) -> list[int]:
        """Row ids of the visible chunks under these section paths, of these areas and
        documents (None: any), in document and ordinal order (SQL, indexed)."""
        if not sections:
            return []
        where, args = visible_where(areas, doc_ids, None)
        return [r[0] for r in self._read(
            f"SELECT c.id FROM chunks c JOIN documents d USING (doc_id) WHERE {where} AND "
            f"c.section IN ({','.join('?' * len(sections))}) ORDER BY c.doc_id, c.ordinal",
            (*args, *sections))]

    def vectors(self, areas: Sequence[str] | None, doc_ids: Sequence[str] | None,
                kinds: Sequence[str] | None, limit: int) -> tuple[list[str], np.ndarray] | None:
        """Chunk ids and embeddings of the visible chunks that pass the restrictions, or None
        when more than `limit` pass or some has no stored embedding."""
        where, args = visible_where(areas, doc_ids, kinds)
        rows = self._read(
            f"SELECT c.chunk_id, c.vector FROM chunks c JOIN documents d USING (doc_id) "
            f"WHERE {where} LIMIT ?", (*args, limit + 1))
        if len(rows) > limit or any(blob is None for _, blob in rows):
            return None
        if not rows:
            return [], np.zeros((0, 0), dtype=np.float32)
        return [r[0] for r in rows], np.vstack([np.frombuffer(r[1], dtype=np.float32)
                                                for r in rows])

    def embeddings(self, rowids: Iterable[int]
                   ) -> dict[int, tuple[np.ndarray, np.ndarray | None]]:
        """Row id -> (embedding, part vectors or None) for the rows that have an embedding."""
        ids = list(dict.fromkeys(int(r) for r in rowids))
        out: dict[int, tuple[np.ndarray, np.ndarray | None]] = {}
        for rowid, vector, parts in self._read_in(
                "SELECT id, vector, parts FROM chunks WHERE vector IS NOT NULL AND id IN ({marks})",
                ids):
            dense = np.frombuffer(vector, dtype=np.float32)
            out[rowid] = (dense, None if parts is None else np.frombuffer(
                parts, dtype=np.float16).astype(np.float32).reshape(-1, len(dense)))
        return out

    def select(self, where: str = "1", args: Sequence[Any] = (), page: int = 5_000
               ) -> Iterator[tuple[int, Chunk, DocumentInfo, str, str]]:
        """Visible chunks matching a SQL condition on `c` (chunks) and `d` (documents), in
        document and ordinal order, read a page at a time."""
        last: tuple[str, int] = ("", -1)
        while True:
            rows = self._read(
                f"SELECT {CHUNK_COLUMNS} FROM chunks c JOIN documents d USING (doc_id) "
                f"WHERE c.visible AND ({where}) AND (c.doc_id, c.ordinal) > (?, ?) "
                f"ORDER BY c.doc_id, c.ordinal LIMIT ?", (*args, *last, page))
            yield from decode_chunks(rows)
            if len(rows) < page:
                return
            last = (rows[-1][2], rows[-1][9])

    def set_vectors(self, pairs: Iterable[tuple[str, Sequence[float]]]) -> None:
        """Store embeddings by chunk id (filling a table written without them)."""
        with self._transaction():
            self._db.executemany("UPDATE chunks SET vector = ? WHERE chunk_id = ?", [
                (np.asarray(v, dtype=np.float32).tobytes(), chunk_id) for chunk_id, v in pairs])

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()
