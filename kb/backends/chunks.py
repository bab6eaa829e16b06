"""The records a store keeps and the restrictions a query takes."""

from __future__ import annotations

from dataclasses import dataclass

from kb.records import Chunk, DocumentInfo, Hit


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
