"""The in-memory vector store: the reference implementation of `kb.backends.store.VectorStore`
that the contract tests run beside Chroma, and the store of the unit tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from kb.backends.chunks import Filter, StoredChunk
from kb.backends.snapshot import Snapshot, publish
from kb.backends.store import stored_chunks
from kb.backends.table import ChunkTable


class InMemoryStore:
    """A dictionary and a matrix beside an in-memory chunk table: the reference implementation
    the contract tests also run."""

    def __init__(self, model_name: str) -> None:
        """Create an empty store for the named embedding model."""
        self._model_name = model_name
        self._dimension = 0
        self._items: dict[str, StoredChunk] = {}
        self._vectors: dict[str, np.ndarray] = {}
        self._table = ChunkTable(None)
        self._snapshot: Snapshot | None = None

    @property
    def table(self) -> ChunkTable:
        """The in-memory chunk table."""
        return self._table

    def model(self) -> tuple[str, int] | None:
        """The model name and dimension, once something was added."""
        return (self._model_name, self._dimension) if self._dimension else None

    def add(self, items: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]],
            parts: Sequence[np.ndarray | None] | None = None) -> None:
        """Insert or replace items by chunk id."""
        self._table.add([(s.chunk, s.doc, s.sha256, s.source) for s in items], embeddings, parts)
        for item, vector in zip(items, embeddings, strict=True):
            self._items[item.chunk.chunk_id] = item
            self._vectors[item.chunk.chunk_id] = np.asarray(vector, dtype=np.float32)
            self._dimension = len(vector)

    def mark_complete(self, items: Sequence[StoredChunk]) -> None:
        """Record each item's document hash."""
        self._table.mark_complete([(s.chunk.chunk_id, s.chunk.doc_id, s.sha256) for s in items])

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        for chunk_id in [c for c, s in self._items.items() if s.chunk.doc_id == doc_id]:
            del self._items[chunk_id], self._vectors[chunk_id]
        self._table.delete_document(doc_id)

    def document_hashes(self) -> dict[str, str]:
        """doc_id -> sha256 ('' while incomplete)."""
        return self._table.document_hashes()

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
        """Every chunk of a complete document, in document and ordinal order."""
        return stored_chunks(self._table)

    def count(self) -> int:
        """How many chunks are stored."""
        return len(self._items)

    def publish(self) -> None:
        """Update the lexical index in memory."""
        self._snapshot = publish(self._table, None, self._snapshot)

    def snapshot(self) -> Snapshot:
        """The lexical index, updated when the table changed since the last one."""
        if self._snapshot is None or self._snapshot.generation != self._table.changes():
            self.publish()
        assert self._snapshot is not None
        return self._snapshot
