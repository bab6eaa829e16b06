"""Ingestion: files -> SourceDocuments -> chunks -> embeddings -> store, with a report.

The hash of each file is checked against the store before anything is loaded, so an unchanged
corpus costs no parsing, no embedding and no model load. A changed file's old chunks are
deleted before its new ones are written; a rejected file leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.chunker import chunk_document
from ingest.loaders import load, read_bytes
from ingest.markup import clean_pages
from ingest.metadata import Decision, decide
from ingest.sandbox import Sandbox
from ingest.sniff import SUPPORTED_SUFFIXES, sniff
from kb.backends.embedder import Embedder, Parts, embed_with_parts
from kb.backends.lock import write_lock
from kb.backends.store import PENDING, StoredChunk, VectorStore
from kb.config import Settings
from kb.errors import DocumentRejected
from kb.manifest import MANIFEST_NAME, Manifest, doc_id_for
from kb.records import Chunk, SourceDocument
from kb.retrieval.parts import part_spans

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What happened to each file."""

    indexed: list[tuple[str, int]] = field(default_factory=list)  # (file, chunks)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    pruned: list[str] = field(default_factory=list)  # doc ids removed
    replaced: list[str] = field(default_factory=list)  # files that replaced an earlier version
    decided: dict[str, Decision] = field(default_factory=dict)  # file -> its metadata and why

    @property
    def exit_code(self) -> int:
        """0 when every file was indexed or unchanged, 2 when some were rejected."""
        return 2 if self.rejected else 0


@dataclass
class _Run:
    """The state of one ingest run."""

    stored: dict[str, str]  # doc_id -> sha256 already in the store
    rebuild: bool
    overrides: dict[str, dict[str, str]]
    report: IngestReport = field(default_factory=IngestReport)
    seen_ids: dict[str, str] = field(default_factory=dict)
    seen_hashes: dict[str, str] = field(default_factory=dict)
    sandbox: Sandbox | None = None
    embedding: bool = False  # the embedder's build has been queued

    def reader(self, settings: Settings) -> Sandbox:
        """The worker that parses PDF and Word files, started on the first one."""
        if self.sandbox is None:
            self.sandbox = Sandbox(settings.parse_timeout_s, settings.parse_memory_mb)
        return self.sandbox


@dataclass(frozen=True)
class _Embedding:
    """A parsed document whose chunks are being embedded."""

    document: SourceDocument
    decision: Decision
    chunks: list[Chunk]
    vectors: Future[tuple[list[list[float]], list[np.ndarray | None]]]


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus files found (recursively) in folders, manifest excluded."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.name != MANIFEST_NAME and not p.name.startswith(".")
                and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            files.append(path)
    return files


def load_document(path: Path, data: bytes, settings: Settings, sandbox: Callable[[], Sandbox],
                  manifest: Manifest, overrides: dict[str, str] | None = None
                  ) -> tuple[SourceDocument, Decision]:
    """Sniff and load one file, then decide its metadata from the overrides, the manifest, its
    own text and properties, and its name.

    PDF and Word files are parsed in the sandbox's worker (`sandbox()` gives it). Text is
    decoded here: decoding runs no parser, and its time and memory are linear in the bytes,
    which `sniff` has capped at `max_file_mb`; a corpus of text files so starts no worker
    (0.4 s of wall time and 0.5 s of CPU for the bundled corpus).

    Raises:
        DocumentRejected: the file cannot be ingested; the message says why.
    """
    kind = sniff(path, data, settings.max_file_mb * 1_000_000)
    loaded = load(kind, data) if kind == "text" else sandbox().load(kind, data)
    pages = clean_pages(loaded.pages)
    decision = decide(path, pages, loaded.properties, manifest, overrides)
    info = decision.info
    document = SourceDocument(
        doc_id=info.doc_id, path=path, area=info.area, title=info.title, period=info.period,
        kind=info.kind, status=info.status, sha256=hashlib.sha256(data).hexdigest(), pages=pages)
    return document, decision


class Ingester:
    """Writes documents into a store; the embedder is built only when something must be embedded."""

    def __init__(self, store: VectorStore, embedder_factory: Callable[[], Embedder],
                 manifest: Manifest, settings: Settings) -> None:
        """Wire the ingester.

        Args:
            store: where chunks go.
            embedder_factory: builds the embedder on first need (keeps torch out of no-op runs).
            manifest: document metadata and areas.
            settings: chunk sizes and file limits.
        """
        self._store = store
        self._factory = embedder_factory
        self._embedder: Embedder | None = None
        self._manifest = manifest
        self._settings = settings

    def _built_embedder(self) -> Embedder:
        """The embedder, built on first call (called on the embedding thread only)."""
        if self._embedder is None:
            self._embedder = self._factory()
        return self._embedder

    def _embed(self, texts: Sequence[str], spans: Sequence[Parts]
               ) -> tuple[list[list[float]], list[np.ndarray | None]]:
        return embed_with_parts(self._built_embedder(), texts, spans)

    def run(self, files: Sequence[Path], *, prune: bool = False, rebuild: bool = False,
            overrides: dict[str, dict[str, str]] | None = None,
            progress: Callable[[Iterable[Path]], Iterable[Path]] = iter) -> IngestReport:
        """Ingest files; the report says what became of each.

        Args:
            files: the files to ingest.
            prune: remove stored documents whose file is not among `files`.
            rebuild: re-ingest every file even when its hash is unchanged.
            overrides: per file name, metadata given by the officer (area, title, period...).
            progress: wraps the file iterator (e.g. a tqdm progress bar).

        Returns:
            The report.

        Raises:
            StoreBusyError: another writer kept the store's lock past KB_LOCK_TIMEOUT_S.
        """
        with write_lock(self._settings, notify=log.warning):
            run = _Run(self._store.document_hashes(), rebuild, overrides or {})
            # One thread builds the embedder and then embeds each document in turn, while this
            # one parses the next document and stores the one before.
            embedding = ThreadPoolExecutor(1, thread_name_prefix="embedder")
            queued: deque[_Embedding] = deque()
            try:
                for path in progress(files):
                    if (job := self._prepare(path, run, embedding)) is not None:
                        queued.append(job)
                    while len(queued) > 1:
                        self._store_document(queued.popleft(), run)
                while queued:
                    self._store_document(queued.popleft(), run)
            finally:
                embedding.shutdown(cancel_futures=True)
                if run.sandbox is not None:
                    run.sandbox.close()
            if prune:
                for doc_id in sorted(set(run.stored) - set(run.seen_ids)):
                    self._store.delete_document(doc_id)
                    run.report.pruned.append(doc_id)
            self._store.publish()  # the lexical index readers open (no-op when up to date)
        return run.report

    def _prepare(self, path: Path, run: _Run, embedding: ThreadPoolExecutor) -> _Embedding | None:
        """Read, parse and chunk one file and start embedding its chunks; None when there is
        nothing to store (unchanged or rejected, as recorded in the run's report)."""
        doc_id = doc_id_for(path)
        try:
            data = read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            if doc_id in run.seen_ids:
                raise DocumentRejected(f"same document id as {run.seen_ids[doc_id]}; rename it")
            if digest in run.seen_hashes:
                raise DocumentRejected(f"identical to {run.seen_hashes[digest]} (not stored twice)")
            run.seen_ids[doc_id], run.seen_hashes[digest] = path.name, path.name
            if not run.rebuild and run.stored.get(doc_id) == digest:
                run.report.unchanged.append(path.name)
                return None
            if not run.embedding:  # the model loads while the first file to parse is parsed
                embedding.submit(self._built_embedder)
                run.embedding = True
            document, decision = load_document(path, data, self._settings,
                                               lambda: run.reader(self._settings), self._manifest,
                                               run.overrides.get(path.name))
            chunks = chunk_document(document, self._settings.chunk_min_words,
                                    self._settings.chunk_max_words)
            if not chunks:
                raise DocumentRejected("no text to index after parsing")
        except DocumentRejected as exc:
            log.warning("%s rejected: %s", path.name, exc)
            run.report.rejected.append((path.name, str(exc)))
            return None
        texts, spans = zip(*(part_spans(c, decision.info) for c in chunks), strict=True)
        return _Embedding(document, decision, chunks, embedding.submit(self._embed, texts, spans))

    def _store_document(self, job: _Embedding, run: _Run) -> None:
        """Write a document's chunks once they are embedded, and record it in the report."""
        doc, info = job.document, job.decision.info
        vectors, parts = job.vectors.result()
        items = [StoredChunk(chunk=c, doc=info, sha256=doc.sha256, source=doc.path.name)
                 for c in job.chunks]
        # Atomic for readers and for a re-run: the chunks are written pending (invisible, and
        # "changed" to the next run) and the document is marked complete once all are stored.
        self._store.delete_document(doc.doc_id)
        self._store.add([replace(item, sha256=PENDING) for item in items], vectors, parts)
        self._store.mark_complete(items)
        name = doc.path.name
        run.report.indexed.append((name, len(items)))
        run.report.decided[name] = job.decision
        if doc.doc_id in run.stored:
            run.report.replaced.append(name)
