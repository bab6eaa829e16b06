"""The plain pipeline every report is compared with: LangChain's recursive splitter at
1,000 characters, the same embedder, cosine top-k, no BM25, no areas, no structure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.loaders import decode_text
from kb.backends.embedder import Embedder
from kb.manifest import load_manifest


class BaselineRetriever:
    """Split every 1,000 characters + embeddings + top-k."""

    def __init__(self, files: list[Path], embedder: Embedder) -> None:
        """Split and embed the files."""
        manifest = load_manifest(files[0].parent) if files else None
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=0)
        self.texts: list[str] = []
        self.areas: list[str] = []
        for path in files:
            area = manifest.area_of(path) if manifest else "unassigned"
            for piece in splitter.split_text(decode_text(path.read_bytes())):
                self.texts.append(piece)
                self.areas.append(area)
        self._embedder = embedder
        self._matrix = np.asarray(embedder.embed(self.texts), dtype=np.float32)

    def search(self, query: str, k: int) -> list[tuple[str, str]]:
        """(text, area) of the k most similar chunks."""
        q = np.asarray(self._embedder.embed_query(query), dtype=np.float32)
        order = np.argsort(-(self._matrix @ q))[:k]
        return [(self.texts[i], self.areas[i]) for i in order]
