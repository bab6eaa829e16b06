"""The chunk table's SQL: its schema, the columns a chunk is read with and their decoding, and
the condition that admits visible chunks by area, document and kind."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kb.records import Chunk, ChunkKind, DocumentInfo

# The columns a chunk is read with (`decode_chunks`)
CHUNK_COLUMNS = ("c.id, c.chunk_id, c.doc_id, c.text, c.page, c.section, c.kind, c.start, "
                 "c.end, c.ordinal, c.lead, d.area, d.title, d.period, d.kind, d.status, "
                 "c.sha256, d.source, d.area_name, d.area_aliases")
# Each document's capitalised phrases by their initials, and the acronyms it writes, each once
# (kb.retrieval.glossary.spelled_out, written_acronyms): an acronym no document defines is
# read as the one phrase that spells it. A few rows a document, read by initials.
SPELLED_SCHEMA = """
CREATE TABLE IF NOT EXISTS spelled_out(initials TEXT NOT NULL, phrase TEXT NOT NULL,
    doc_id TEXT NOT NULL, PRIMARY KEY (initials, phrase, doc_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS written_acronyms(initials TEXT NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (initials, doc_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS spelled_out_doc ON spelled_out(doc_id);
CREATE INDEX IF NOT EXISTS written_acronyms_doc ON written_acronyms(doc_id);
"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents(
    doc_id TEXT PRIMARY KEY, area TEXT NOT NULL, title TEXT NOT NULL, period TEXT NOT NULL,
    kind TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,
    area_name TEXT NOT NULL DEFAULT '',     -- a new area's display name (see ingest.metadata)
    area_aliases TEXT NOT NULL DEFAULT '[]', -- and its aliases, JSON
    sha256 TEXT NOT NULL,              -- '' while any chunk is pending
    visible INTEGER NOT NULL DEFAULT 0, chunks INTEGER NOT NULL DEFAULT 0,
    shown INTEGER NOT NULL DEFAULT 0); -- the change counter when it last became visible
CREATE INDEX IF NOT EXISTS documents_area ON documents(area, visible);
CREATE TABLE IF NOT EXISTS chunks(
    id INTEGER PRIMARY KEY, chunk_id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL, text TEXT NOT NULL, page INTEGER, section TEXT NOT NULL,
    kind TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, lead TEXT NOT NULL,
    sha256 TEXT NOT NULL, visible INTEGER NOT NULL DEFAULT 0,
    lexical TEXT NOT NULL,             -- BM25 tokens of the embedding text, space-separated
    terms TEXT NOT NULL,               -- distinct content terms of the text (idf)
    glossary TEXT,                     -- acronyms the chunk defines, JSON, or NULL
    vector BLOB,                       -- float32 embedding (for filters too narrow for HNSW)
    parts BLOB);                       -- float16 vectors of its units (kb.retrieval.parts)
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, ordinal);
CREATE INDEX IF NOT EXISTS chunks_kind ON chunks(kind, visible);
CREATE INDEX IF NOT EXISTS chunks_section ON chunks(section) WHERE visible;
CREATE INDEX IF NOT EXISTS chunks_glossary ON chunks(doc_id, ordinal)
    WHERE glossary IS NOT NULL AND visible;
CREATE TABLE IF NOT EXISTS term_df(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
""" + SPELLED_SCHEMA


def decode_chunks(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[int, Chunk, DocumentInfo, str, str]]:
    """Rows read with CHUNK_COLUMNS as (row id, chunk, document, sha256, source)."""
    for r in rows:
        chunk = Chunk(chunk_id=r[1], doc_id=r[2], text=r[3], page=r[4], section=r[5],
                      kind=ChunkKind(r[6]), start=r[7], end=r[8], ordinal=r[9], lead=r[10])
        doc = DocumentInfo(doc_id=r[2], area=r[11], title=r[12], period=r[13], kind=r[14],
                           status=r[15], area_name=r[18], area_aliases=tuple(json.loads(r[19])))
        yield r[0], chunk, doc, r[16], r[17]


def visible_where(areas: Sequence[str] | None, doc_ids: Sequence[str] | None,
                  kinds: Sequence[str] | None) -> tuple[str, list[str]]:
    """The SQL condition (and its arguments) for visible chunks of these areas, documents and
    kinds (None: any)."""
    clauses: list[str] = ["c.visible"]
    args: list[str] = []
    for column, values in (("d.area", areas), ("c.doc_id", doc_ids), ("c.kind", kinds)):
        if values is not None:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            args.extend(values)
    return " AND ".join(clauses), args
