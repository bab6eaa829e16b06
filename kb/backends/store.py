"""Vector stores: a small protocol, Chroma (embedded, server or ephemeral) and an in-memory twin."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from kb.config import Settings
from kb.errors import ModelMismatchError, StoreUnavailableError
from kb.records import Chunk, ChunkKind, DocumentInfo, Hit


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as the store keeps it: the chunk, its document's metadata and the file's hash."""

    chunk: Chunk
    doc: DocumentInfo
    sha256: str
    source: str  # the file name it came from

    def to_hit(self, score: float = 0.0, similarity: float = 0.0, context_before: str = "",
               context_after: str = "") -> Hit:
        """The chunk as a search hit with its document's area, title, period and status."""
        c, d = self.chunk, self.doc
        return Hit(chunk_id=c.chunk_id, text=c.text, score=score, doc_id=c.doc_id, area=d.area,
                   title=d.title, period=d.period, page=c.page, section=c.section, kind=c.kind,
                   start=c.start, end=c.end, status=d.status, lead=c.lead, similarity=similarity,
                   context_before=context_before, context_after=context_after)


@dataclass(frozen=True)
class Filter:
    """Restricts a query to some areas, documents or chunk kinds (None means no restriction)."""

    areas: tuple[str, ...] | None = None
    doc_ids: tuple[str, ...] | None = None
    kinds: tuple[str, ...] | None = None

    def admits(self, item: StoredChunk) -> bool:
        """True when the item passes every restriction."""
        return (
            (self.areas is None or item.doc.area in self.areas)
            and (self.doc_ids is None or item.chunk.doc_id in self.doc_ids)
            and (self.kinds is None or item.chunk.kind.value in self.kinds)
        )


class VectorStore(Protocol):
    """Where chunks and their embeddings live."""

    def model(self) -> tuple[str, int] | None:
        """The embedding model name and dimension the store was built with, if any."""
        ...

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Insert or replace items by chunk id."""
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


def _check_model(recorded: tuple[str, int] | None, name: str, where: str) -> None:
    if recorded is not None and recorded[0] != name:
        raise ModelMismatchError(
            f"the store at {where} was built with the embedding model {recorded[0]!r} but "
            f"{name!r} is configured; rebuild it with `python -m ingest --rebuild` or set "
            f"KB_EMBED_MODEL to the model it was built with"
        )


PENDING = ""  # the hash a chunk carries until its whole document is stored


def _sorted(items: Iterable[StoredChunk]) -> list[StoredChunk]:
    """Complete documents' chunks in document and ordinal order: a document any of whose
    chunks is still pending is left out whole."""
    items = list(items)
    incomplete = {i.chunk.doc_id for i in items if i.sha256 == PENDING}
    return sorted((i for i in items if i.chunk.doc_id not in incomplete),
                  key=lambda s: (s.chunk.doc_id, s.chunk.ordinal))


def _hashes(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """doc_id -> sha256, PENDING for a document any of whose chunks is still pending."""
    hashes: dict[str, str] = {}
    for doc_id, sha in pairs:
        hashes[doc_id] = PENDING if PENDING in (sha, hashes.get(doc_id)) else sha
    return hashes


class InMemoryStore:
    """A dictionary and a matrix: the reference implementation the contract tests also run."""

    def __init__(self, model_name: str) -> None:
        """Create an empty store for the named embedding model."""
        self._model_name = model_name
        self._dimension = 0
        self._items: dict[str, StoredChunk] = {}
        self._vectors: dict[str, np.ndarray] = {}

    def model(self) -> tuple[str, int] | None:
        """The model name and dimension, once something was added."""
        return (self._model_name, self._dimension) if self._dimension else None

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None:
        """Insert or replace items by chunk id."""
        for item, vector in zip(items, embeddings, strict=True):
            self._items[item.chunk.chunk_id] = item
            self._vectors[item.chunk.chunk_id] = np.asarray(vector, dtype=np.float32)
            self._dimension = len(vector)

    def mark_complete(self, items: Sequence[StoredChunk]) -> None:
        """Record each item's document hash."""
        for item in items:
            self._items[item.chunk.chunk_id] = item

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        for chunk_id in [c for c, s in self._items.items() if s.chunk.doc_id == doc_id]:
            del self._items[chunk_id], self._vectors[chunk_id]

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256 ('' while incomplete)."""
        return _hashes((s.chunk.doc_id, s.sha256) for s in self._items.values())

    def query(self, vector: Sequence[float], k: int, where: Filter) -> list[tuple[str, float]]:
        """Cosine similarity against every admitted chunk."""
        q = np.asarray(vector, dtype=np.float32)
        q = q / (np.linalg.norm(q) or 1.0)
        scored = []
        for chunk_id, item in self._items.items():
            if where.admits(item):
                v = self._vectors[chunk_id]
                scored.append((chunk_id, float(v @ q / (np.linalg.norm(v) or 1.0))))
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored[:k]

    def all_chunks(self) -> list[StoredChunk]:
        """Every stored chunk."""
        return _sorted(self._items.values())

    def count(self) -> int:
        """How many chunks are stored."""
        return len(self._items)


PAGE_SIZE = 5_000
ALIAS_SEPARATOR = "|"  # area aliases in one metadata string (Chroma metadata values are scalars)


class ChromaStore:
    """Chunks in a Chroma collection (cosine space) whose metadata records the embedding model."""

    def __init__(self, client: Any, collection: str, model_name: str, where: str) -> None:
        """Open (or create) the collection and refuse it if another model built it.

        Args:
            client: a chromadb client (persistent, HTTP or ephemeral).
            collection: the collection name.
            model_name: the configured embedding model's name.
            where: a description of the store's location for messages.

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

    def model(self) -> tuple[str, int] | None:
        """The recorded model name and dimension (dimension 0 until the first write)."""
        meta = self._collection.metadata or {}
        if "embed_model" not in meta:
            return None
        return str(meta["embed_model"]), int(meta.get("embed_dim", 0))

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None:
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

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        self._collection.delete(where={"doc_id": doc_id})

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256 ('' while incomplete), read a page at a time."""
        return _hashes((str(m["doc_id"]), str(m["sha256"]))
                       for _, _, m in self._pages(include=["metadatas"]))

    def _pages(self, include: list[str]) -> Iterator[tuple[str, str, Any]]:
        """(id, document, metadata) of every stored chunk, PAGE_SIZE at a time: one get() of a
        large collection exceeds SQLite's variable limit ("too many SQL variables")."""
        for offset in range(0, self.count(), PAGE_SIZE):
            page = self._collection.get(include=include, limit=PAGE_SIZE, offset=offset)
            docs = page.get("documents") or [""] * len(page["ids"])
            metas = page.get("metadatas") or [{}] * len(page["ids"])
            yield from zip(page["ids"], docs, metas, strict=True)

    def query(self, vector: Sequence[float], k: int, where: Filter) -> list[tuple[str, float]]:
        """The k nearest chunk ids with cosine similarity (1 - cosine distance)."""
        count = self.count()
        if count == 0:
            return []
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
        """Every stored chunk with its metadata, read a page at a time."""
        return _sorted(_from_metadata(i, d, m)
                       for i, d, m in self._pages(include=["documents", "metadatas"]))

    def count(self) -> int:
        """How many chunks are stored."""
        return int(self._collection.count())


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
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            where = f"http://{settings.chroma_host}:{settings.chroma_port}"
            client = chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        else:
            where = str(settings.store_dir)
            settings.store_dir.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=where, settings=chroma_settings)
        return ChromaStore(client, settings.collection, model_name, where)
    except (ValueError, OSError, ConnectionError) as exc:
        raise StoreUnavailableError(f"cannot open the Chroma store: {exc}") from exc


def drop_collection(settings: Settings) -> None:
    """Delete the configured collection (for `--rebuild`, e.g. after changing the model).

    Raises:
        StoreUnavailableError: the store cannot be reached.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                         settings=chroma_settings)
        else:
            client = chromadb.PersistentClient(path=str(settings.store_dir),
                                               settings=chroma_settings)
        if settings.collection in {c.name for c in client.list_collections()}:
            client.delete_collection(settings.collection)
    except (ValueError, OSError, ConnectionError) as exc:
        raise StoreUnavailableError(f"cannot open the Chroma store: {exc}") from exc
