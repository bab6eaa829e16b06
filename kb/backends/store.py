"""Vector stores: a small protocol and Chroma (embedded, server or ephemeral); the in-memory
twin is `kb.backends.memory_store`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from kb.backends.chunks import Filter, StoredChunk
from kb.backends.snapshot import Snapshot, open_snapshot, publish
from kb.backends.table import PENDING, TABLE_NAME, ChunkTable
from kb.config import Settings
from kb.errors import ModelMismatchError, StoreUnavailableError
from kb.records import Chunk, ChunkKind, DocumentInfo


class VectorStore(Protocol):
    """Where chunks and their embeddings live."""

    def model(self) -> tuple[str, int] | None:
        """The embedding model name and dimension the store was built with, if any."""
        ...

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]],
            parts: Sequence[np.ndarray | None] | None = None) -> None:
        """Insert or replace items by chunk id, with each one's part vectors when the embedder
        gives them (kb.retrieval.parts)."""
        ...

    def mark_complete(self, items: Sequence[StoredChunk]) -> None:
        """Record each item's document hash: its document becomes visible and unchanged."""
        ...

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        ...

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256 of the file its chunks came from ('' while it is incomplete)."""
        ...

    def query(self, vector: Sequence[float], k: int, where: Filter) -> list[tuple[str, float]]:
        """The k nearest chunk ids with their cosine similarity, best first."""
        ...

    def all_chunks(self) -> list[StoredChunk]:
        """Every chunk of a complete document, in document and ordinal order."""
        ...

    def count(self) -> int:
        """How many chunks are stored."""
        ...

    @property
    def table(self) -> ChunkTable:
        """The chunk and document table (SQLite) kept beside the vectors."""
        ...

    def publish(self) -> None:
        """Bring the lexical index up to date with the table and make it current (under the
        write lock; nothing happens when it already is)."""
        ...

    def snapshot(self) -> Snapshot:
        """The current lexical index over the table, for a reader."""
        ...


def _check_model(recorded: tuple[str, int] | None, name: str, where: str) -> None:
    if recorded is not None and recorded[0] != name:
        raise ModelMismatchError(
            f"the store at {where} was built with the embedding model {recorded[0]!r} but "
            f"{name!r} is configured; rebuild it with `python -m ingest --rebuild` or set "
            f"KB_EMBED_MODEL to the model it was built with"
        )


def stored_chunks(table: ChunkTable) -> list[StoredChunk]:
    """Every chunk of a complete document in the table, in document and ordinal order."""
    return [StoredChunk(chunk=c, doc=d, sha256=sha, source=source)
            for _, c, d, sha, source in table.select(page=PAGE_SIZE)]


PAGE_SIZE = 5_000
ALIAS_SEPARATOR = "|"  # area aliases in one metadata string (Chroma metadata values are scalars)


class ChromaStore:
    """Chunks in a Chroma collection (cosine space) whose metadata records the embedding model."""

    def __init__(self, client: Any, collection: str, model_name: str, where: str,
                 folder: Path | None = None, local_name: str | None = None) -> None:
        """Open (or create) the collection and refuse it if another model built it.

        Args:
            client: a chromadb client (persistent, HTTP or ephemeral).
            collection: the collection name.
            model_name: the configured embedding model's name.
            where: a description of the store's location for messages.
            folder: where the chunk table and the lexical index live (in memory when None).
            local_name: their file names' stem (`Settings.local_name`; the collection by default).

        Raises:
            ModelMismatchError: the collection was built with another model.
        """
        self._collection = client.get_or_create_collection(
            collection,
            metadata={"embed_model": model_name},
            configuration={"hnsw": {"space": "cosine"}},
            embedding_function=None,
        )
        self._where = where
        _check_model(self.model(), model_name, where)
        name = local_name or collection
        self._table = ChunkTable(folder / f"{name}.{TABLE_NAME}" if folder else None)
        self._lexical = folder / f"{name}.lexical" if folder else None
        self._snapshot: Snapshot | None = None
        if self._table.count() == 0 and self.count() > 0:
            self._import()  # a store written before the chunk table existed
        if self._table.get_meta("needs_vectors") == "1":
            for offset in range(0, self.count(), PAGE_SIZE):
                page = self._collection.get(include=["embeddings"], limit=PAGE_SIZE,
                                            offset=offset)
                self._table.set_vectors(zip(page["ids"], page["embeddings"], strict=True))
            self._table.set_meta("needs_vectors", "0")

    def _import(self) -> None:
        items = [_from_metadata(i, d, m)
                 for i, d, m in self._pages(include=["documents", "metadatas"])]
        self._table.add([(s.chunk, s.doc, PENDING, s.source) for s in items])
        self._table.set_meta("needs_vectors", "1")
        self._table.mark_complete([(s.chunk.chunk_id, s.chunk.doc_id, s.sha256) for s in items])
        self.publish()

    @property
    def table(self) -> ChunkTable:
        """The chunk table beside the collection."""
        return self._table

    def model(self) -> tuple[str, int] | None:
        """The recorded model name and dimension (dimension 0 until the first write)."""
        meta = self._collection.metadata or {}
        if "embed_model" not in meta:
            return None
        return str(meta["embed_model"]), int(meta.get("embed_dim", 0))

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]],
            parts: Sequence[np.ndarray | None] | None = None) -> None:
        """Upsert items by chunk id, recording the embedding dimension."""
        if not items:
            return
        recorded = self.model()
        dimension = len(embeddings[0])
        if recorded is not None and recorded[1] not in (0, dimension):
            raise ModelMismatchError(
                f"the store at {self._where} holds {recorded[1]}-dimensional vectors; got "
                f"{dimension}; rebuild it with `python -m ingest --rebuild`"
            )
        if recorded is None or recorded[1] == 0:
            name = recorded[0] if recorded else "unknown"
            self._collection.modify(metadata={"embed_model": name, "embed_dim": dimension})
        self._table.add([(s.chunk, s.doc, s.sha256, s.source) for s in items], embeddings, parts)
        for start in range(0, len(items), 500):
            batch = items[start:start + 500]
            self._collection.upsert(
                ids=[s.chunk.chunk_id for s in batch],
                embeddings=[list(map(float, e)) for e in embeddings[start:start + 500]],
                documents=[s.chunk.text for s in batch],
                metadatas=[_to_metadata(s) for s in batch],
            )

    def mark_complete(self, items: Sequence[StoredChunk]) -> None:
        """Rewrite the items' metadata with their document hash (vectors untouched)."""
        for start in range(0, len(items), 500):
            batch = items[start:start + 500]
            self._collection.update(ids=[s.chunk.chunk_id for s in batch],
                                    metadatas=[_to_metadata(s) for s in batch])
        self._table.mark_complete([(s.chunk.chunk_id, s.chunk.doc_id, s.sha256) for s in items])

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        self._collection.delete(where={"doc_id": doc_id})
        self._table.delete_document(doc_id)

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256 ('' while incomplete), from the document table."""
        return self._table.document_hashes()

    def _pages(self, include: list[str]) -> Iterator[tuple[str, str, Any]]:
        """(id, document, metadata) of every stored chunk, PAGE_SIZE at a time: one get() of a
        large collection exceeds SQLite's variable limit ("too many SQL variables")."""
        for offset in range(0, self.count(), PAGE_SIZE):
            page = self._collection.get(include=include, limit=PAGE_SIZE, offset=offset)
            docs = page.get("documents") or [""] * len(page["ids"])
            metas = page.get("metadatas") or [{}] * len(page["ids"])
            yield from zip(page["ids"], docs, metas, strict=True)

    def query(self, vector: Sequence[float], k: int, where: Filter) -> list[tuple[str, float]]:
        """The k nearest chunk ids with cosine similarity (1 - cosine distance).

        A filter that admits at most 1/SELECTIVE of the collection (one council of hundreds)
        is answered exactly from the embeddings in the chunk table: Chroma's filtered HNSW
        query costs ~100 ms there, the table read and a matrix product a few. So is every
        query on a collection of at most EXACT chunks (a few councils' strategies): exact
        and the same from one build to the next, where HNSW's neighbours vary between builds.
        """
        count = self.count()
        if count == 0:
            return []
        filtered = where.areas is not None or where.doc_ids is not None or where.kinds is not None
        if filtered or count <= EXACT:
            found = self._table.vectors(where.areas, where.doc_ids, where.kinds,
                                        max(count // SELECTIVE, EXACT))
            if found is not None:
                return _nearest(found[0], found[1], vector, k)
        result = self._collection.query(
            query_embeddings=[list(map(float, vector))],
            n_results=min(k, count),
            where=_to_where(where),
            include=["distances"],
        )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def all_chunks(self) -> list[StoredChunk]:
        """Every chunk of a complete document, read from the table a page at a time."""
        return stored_chunks(self._table)

    def count(self) -> int:
        """How many chunks are stored."""
        return int(self._collection.count())

    def publish(self) -> None:
        """Update the lexical index from the current generation and the table's changes; save
        it as the new current generation (in memory without a folder)."""
        base = self.snapshot() if self._lexical is not None else self._snapshot
        self._snapshot = publish(self._table, self._lexical, base)

    def snapshot(self) -> Snapshot:
        """The current generation of the lexical index (memory-mapped from the folder)."""
        if self._lexical is None:
            if self._snapshot is None or self._snapshot.generation != self._table.changes():
                self.publish()
        else:
            current = self._table.get_meta("lexical")
            if self._snapshot is None or (
                    current is not None and str(self._snapshot.generation) != current):
                self._snapshot = open_snapshot(self._table, self._lexical, self._snapshot)
        assert self._snapshot is not None
        return self._snapshot


SELECTIVE = 50
EXACT = 2_000


def _nearest(ids: list[str], matrix: np.ndarray, vector: Sequence[float], k: int
             ) -> list[tuple[str, float]]:
    if not ids:
        return []
    q = np.asarray(vector, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1) * (np.linalg.norm(q) or 1.0)
    similarity = matrix @ q / np.where(norms == 0, 1.0, norms)
    order = np.lexsort((np.arange(len(ids)), -similarity))[:k]
    return [(ids[i], float(similarity[i])) for i in order]


def _to_where(where: Filter) -> dict[str, Any] | None:
    clauses: list[dict[str, Any]] = []
    for key, values in (("area", where.areas), ("doc_id", where.doc_ids), ("kind", where.kinds)):
        if values is not None:
            clauses.append({key: {"$in": list(values)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _to_metadata(item: StoredChunk) -> dict[str, str | int]:
    c, d = item.chunk, item.doc
    return {
        "doc_id": c.doc_id, "page": -1 if c.page is None else c.page, "section": c.section,
        "kind": c.kind.value, "start": c.start, "end": c.end, "ordinal": c.ordinal,
        "lead": c.lead, "area": d.area, "title": d.title, "period": d.period,
        "doc_kind": d.kind, "status": d.status, "sha256": item.sha256, "source": item.source,
        "area_name": d.area_name, "area_aliases": ALIAS_SEPARATOR.join(d.area_aliases),
    }


def _from_metadata(chunk_id: str, text: str, m: Any) -> StoredChunk:
    page = int(m["page"])
    chunk = Chunk(
        chunk_id=chunk_id, doc_id=str(m["doc_id"]), text=text, page=None if page < 0 else page,
        section=str(m["section"]), kind=ChunkKind(str(m["kind"])), start=int(m["start"]),
        end=int(m["end"]), ordinal=int(m["ordinal"]), lead=str(m.get("lead", "")),
    )
    doc = DocumentInfo(
        doc_id=chunk.doc_id, area=str(m["area"]), title=str(m["title"]),
        period=str(m["period"]), kind=str(m["doc_kind"]), status=str(m["status"]),
        area_name=str(m.get("area_name", "")),
        area_aliases=tuple(a for a in str(m.get("area_aliases", "")).split(ALIAS_SEPARATOR) if a),
    )
    return StoredChunk(chunk=chunk, doc=doc, sha256=str(m["sha256"]), source=str(m["source"]))


def _client(settings: Settings) -> tuple[Any, str]:
    """A Chroma client for the configured server or folder (created if missing), and where."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                   settings=chroma_settings), (
            f"http://{settings.chroma_host}:{settings.chroma_port}")
    settings.store_dir.mkdir(parents=True, exist_ok=True)
    where = str(settings.store_dir)
    return chromadb.PersistentClient(path=where, settings=chroma_settings), where


def open_store(settings: Settings, model_name: str) -> ChromaStore:
    """Open the configured Chroma store: a server when KB_CHROMA_HOST is set, else a folder.

    Args:
        settings: where the store is.
        model_name: the configured embedding model, checked against the collection's.

    Returns:
        The store.

    Raises:
        StoreUnavailableError: the server cannot be reached or the folder cannot be opened.
        ModelMismatchError: the collection was built with another model.
    """
    try:
        client, where = _client(settings)
        return ChromaStore(client, settings.collection, model_name, where, settings.store_dir,
                           settings.local_name)
    except (ValueError, OSError, ConnectionError) as exc:
        raise StoreUnavailableError(f"cannot open the Chroma store: {exc}") from exc


def is_new(settings: Settings) -> bool:
    """Whether the configured store has never been written (no chunk table beside it), told
    without importing Chroma."""
    return not (settings.store_dir / f"{settings.local_name}.{TABLE_NAME}").exists()


def drop_collection(settings: Settings) -> None:
    """Delete the configured collection (for `--rebuild`, e.g. after changing the model).

    Raises:
        StoreUnavailableError: the store cannot be reached.
    """
    try:
        client, _ = _client(settings)
        if settings.collection in {c.name for c in client.list_collections()}:
            client.delete_collection(settings.collection)
        for path in settings.store_dir.glob(f"{settings.local_name}.{TABLE_NAME}*"):
            path.unlink()
        shutil.rmtree(settings.store_dir / f"{settings.local_name}.lexical", ignore_errors=True)
    except (ValueError, OSError, ConnectionError) as exc:
        raise StoreUnavailableError(f"cannot open the Chroma store: {exc}") from exc
