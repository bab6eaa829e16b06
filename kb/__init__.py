"""Strategy KB: chunks -> answers. The public surface is `KnowledgeBase`."""

from kb.api import KnowledgeBase
from kb.config import Settings
from kb.records import (
    Answer,
    Chunk,
    ChunkKind,
    Citation,
    Comparison,
    Hit,
    IndexedDocument,
    SourceDocument,
)

__all__ = [
    "Answer", "Chunk", "ChunkKind", "Citation", "Comparison", "Hit", "IndexedDocument",
    "KnowledgeBase", "Settings", "SourceDocument",
]
