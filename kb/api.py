"""KnowledgeBase: the one surface that app.py, the CLI and eval/ use."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.answers.pipeline import Answerer
from kb.backends.embedder import Embedder, embedder_name, make_embedder
from kb.backends.llm import LLM, make_llm
from kb.backends.store import StoredChunk, VectorStore, open_store
from kb.config import Settings
from kb.errors import TooManyAreasError
from kb.manifest import Manifest, load_manifest
from kb.records import (
    Answer,
    Chunk,
    Citation,
    Comparison,
    Coverage,
    Framework,
    Hit,
    IndexedDocument,
)
from kb.reports.columns import asked_kinds, column_table
from kb.reports.comparer import ThemeComparer
from kb.reports.coverage import build_coverage
from kb.reports.papers import Reports
from kb.reports.register import build_framework
from kb.retrieval.areas import ALL_AREAS_MAX, AreaResolver, known_areas
from kb.retrieval.documents import DocumentResolver
from kb.retrieval.hybrid import HybridRetriever
from kb.retrieval.topic import without_preamble
from kb.retrieval.typos import corrected
from kb.uploads import ingest_uploads

if TYPE_CHECKING:
    from langchain_core.retrievers import BaseRetriever

    from ingest.pipeline import IngestReport

class KnowledgeBase:
    """Search, ask and compare over the indexed strategies."""

    def __init__(self, settings: Settings, store: VectorStore,
                 embedder: Embedder | None = None, manifest: Manifest | None = None,
                 llm: LLM | None = None) -> None:
        """Wire a knowledge base; most callers use `KnowledgeBase.open()`.

        Args:
            settings: the settings in force.
            store: the vector store (Chroma or in-memory).
            embedder: an embedder; when None the configured one is loaded on first use.
            manifest: areas and aliases; read from the corpus folder when None.
            llm: a language model for the LLM answer mode; built from `KB_LLM` when None.
        """
        self.settings = settings
        self.store = store
        self._embedder = embedder
        self._lock = threading.Lock()
        self.llm = llm if llm is not None else make_llm(settings)
        self.manifest = manifest if manifest is not None else load_manifest(settings.corpus_dir)
        self.refresh()

    @classmethod
    def open(cls, settings: Settings | None = None, embedder: Embedder | None = None
             ) -> KnowledgeBase:
        """Open the configured store (settings from the environment by default).

        Raises:
            StoreUnavailableError: the store cannot be opened.
            ModelMismatchError: the store was built with another embedding model.
        """
        settings = settings or Settings.from_env()
        name = embedder.name if embedder else embedder_name(settings)
        return cls(settings, open_store(settings, name), embedder)

    def embedder(self) -> Embedder:
        """The embedder, loaded once on first use (thread-safe)."""
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings)
            return self._embedder

    def refresh(self) -> None:
        """Re-open the indexes: the current lexical index (memory-mapped), and from the chunk
        table the document list, glossary, idf and areas (the manifest's and those new documents
        named); no chunk is read whole.

        `version` changes on every refresh (open, ingest, upload), so views can cache what
        they derive from the store (documents, registers, coverage) keyed on it.
        """
        table = self.store.table
        snapshot = self.store.snapshot()
        documents = table.documents()
        glossary = table.glossary()
        area_keys = sorted({d.area for d in documents})
        areas = known_areas(self.manifest.areas, documents)
        resolver = AreaResolver(areas, area_keys)
        idf = table.idf()
        sections = table.sections()
        documents_named = DocumentResolver(documents, sections)
        retriever = HybridRetriever(self.store, self.embedder, snapshot, sections, glossary,
                                    resolver, documents_named, idf, self.settings)
        area_names = {key: area.name for key, area in areas.items()}
        comparer = ThemeComparer(retriever, idf, glossary, resolver, area_names, self.settings)
        answerer = Answerer(retriever, resolver, glossary, idf, documents_named,
                            area_names, self.settings,
                            self.llm, self.embedder, self._document_chunks,
                            self._document_passages)
        # Everything is built before anything is replaced, so a question asked meanwhile
        # is answered from the old state, not from a mix of old and new.
        (self._documents, self.glossary, self._area_keys, self.known_areas, self.areas, self._idf,
         self._generation, self._retriever, self._comparer, self._answerer, self.version) = (
            documents, glossary, area_keys, areas, resolver, idf, snapshot.generation, retriever,
            comparer, answerer, uuid.uuid4().hex)

    def refresh_if_changed(self) -> bool:
        """Refresh when the store has changed since the last refresh, e.g. another process
        (an ingest, another app) published new documents: one small read of the chunk table.

        Returns:
            True when it refreshed.
        """
        if self.store.snapshot().generation == self._generation:
            return False
        self.refresh()
        return True

    def _chunk(self, chunk_id: str) -> StoredChunk | None:
        found = list(self.store.table.select("c.chunk_id = ?", (chunk_id,)))
        return StoredChunk(*found[0][1:]) if found else None

    def _document_chunks(self, doc_id: str) -> list[Chunk]:
        return [c for _, c, _, _, _ in self.store.table.select("c.doc_id = ?", (doc_id,))]

    def _document_passages(self, doc_id: str) -> list[Hit]:
        """A document's chunks as hits, in document order."""
        rows = self.store.table.select("c.doc_id = ?", (doc_id,))
        return sorted((StoredChunk(*row[1:]).to_hit() for row in rows), key=lambda h: h.start)

    # -- search --------------------------------------------------------------------------
    def search(self, query: str, k: int = 8, areas: Sequence[str] | None = None,
               doc_ids: Sequence[str] | None = None, kinds: Sequence[str] | None = None
               ) -> list[Hit]:
        """Hybrid search (dense + BM25, fused), area-aware and intent-boosted.

        Args:
            query: the officer's words (acronyms and area names understood).
            k: how many hits.
            areas: restrict to these areas, by key or name (default: those the query names,
                else all).
            doc_ids: restrict to these documents.
            kinds: restrict to these chunk kinds.

        Returns:
            Hits, best first.

        Raises:
            ValueError: k is not positive.
            UnknownAreaError: an area given is none of the known areas.
        """
        query = without_preamble(self._corrected(query)[0], self.areas)
        return self._retriever.search(query, k, self._keys(areas), doc_ids, kinds)

    def _keys(self, areas: Sequence[str] | None) -> list[str] | None:
        """The keys of the areas given by key or name (None for none given)."""
        return self.areas.keys_for(areas) if areas else None

    # -- answers -------------------------------------------------------------------------
    def ask(self, question: str, areas: Sequence[str] | None = None,
            history: Sequence[str] | None = None, doc_ids: Sequence[str] | None = None,
            kinds: Sequence[str] | None = None) -> Answer:
        """Answer with verbatim, cited sentences, or refuse honestly.

        Args:
            question: the question.
            areas: restrict to these areas, by key or name.
            history: earlier questions of the conversation, oldest first.
            doc_ids: restrict to these documents.
            kinds: restrict to these chunk kinds.

        Returns:
            The answer; `found` is False when the strategies do not cover the question. A
            misspelt word read as another is said in its `notice`.

        Raises:
            UnknownAreaError: an area given is none of the known areas.
        """
        keys = self._keys(areas)
        question, fixes = self._corrected(question)
        answer = self._answerer.answer(question, keys, history, doc_ids, kinds)
        if fixes and not answer.notice:
            read = ", ".join(f"'{typed}' as '{meant}'" for typed, meant in fixes)
            answer = replace(answer, notice=f"Read {read}.")
        return answer

    def _corrected(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with misspelt words corrected (kb.retrieval.typos), and the fixes."""
        return (corrected(text, self._idf, self.areas.name_words) if self.settings.correct_typos
                else (text, []))

    # -- comparison ----------------------------------------------------------------------
    def compare(self, theme: str, areas: Sequence[str] | None = None) -> Comparison:
        """Each area's aims, indicators, actions and context on a theme, side by side, cited.

        Args:
            theme: a phrase ("perpetrator programmes") or a question; both give the same table.
            areas: areas by key or name (default: the areas the theme names when it names
                two or more, else every indexed area, when there are at most ALL_AREAS_MAX).

        Returns:
            The comparison; an empty cell means nothing relevant was found in that area.

        Raises:
            TooManyAreasError: no areas given or named, and more than ALL_AREAS_MAX indexed.
            UnknownAreaError: an area given is none of the known areas (its empty row would
                say its strategy holds nothing on the theme).
        """
        chosen = self._keys(areas) or self.areas.mentioned(theme)
        if len(chosen) < 2 and not areas:
            chosen = self._every_area("compare")
        topic = self._comparer.topic(self._corrected(theme)[0])
        kinds = asked_kinds(topic)
        if kinds:  # "Compare the aims of X and Y": the column, whatever its items' words
            known = set(self.area_keys())  # an area with no documents has an empty column
            columns = column_table(theme, chosen, kinds,
                                   {a: self.framework(a) for a in chosen if a in known})
            return self._comparer.columns_filled(columns, theme, topic)
        return self._comparer.table(theme, topic, chosen)

    def framework(self, area: str) -> Framework:
        """The area's commitments register: vision, aims, outcomes, indicators, actions, cited.

        Raises:
            ValueError: the area has no indexed documents.
        """
        if area not in self.area_keys():
            raise ValueError(f"no indexed documents for area {area!r}; "
                             f"known: {', '.join(self.area_keys())}")
        chunks = [StoredChunk(*row[1:]) for row in self.store.table.select("d.area = ?", (area,))]
        return build_framework(area, chunks, self.documents())

    def coverage(self, areas: Sequence[str] | None = None) -> Coverage:
        """Common themes x areas, each cell scored 0-4 with its evidence (see kb.reports.coverage).

        Args:
            areas: areas by key or name (default: every indexed area, when there are at
                most ALL_AREAS_MAX).

        Raises:
            TooManyAreasError: no areas given, and more than ALL_AREAS_MAX indexed.
            UnknownAreaError: an area given is none of the known areas.
        """

        def compare(phrases: tuple[str, ...], areas: Sequence[str]) -> Comparison:
            return self._comparer.phrases_table(phrases[0], " ".join(phrases), phrases, areas)

        return build_coverage(self._keys(areas) or self._every_area("score"), compare)

    def _every_area(self, doing: str) -> list[str]:
        keys = self.area_keys()
        if len(keys) > ALL_AREAS_MAX:
            raise TooManyAreasError(f"{len(keys)} areas are indexed: choose the areas to "
                                    f"{doing} (every area is taken only up to {ALL_AREAS_MAX})")
        return keys

    # -- what is indexed -----------------------------------------------------------------
    def area_keys(self) -> list[str]:
        """Area keys that have stored documents."""
        return list(self._area_keys)

    def default_areas(self) -> list[str]:
        """The areas "every area" stands for: all of them, where there are at most
        ALL_AREAS_MAX (few enough to compare side by side); none otherwise."""
        keys = self.area_keys()
        return keys if len(keys) <= ALL_AREAS_MAX else []

    def documents(self) -> list[IndexedDocument]:
        """The indexed documents with their chunk counts (the document table, as of the last
        refresh)."""
        return list(self._documents)

    def ingest(self, paths: Sequence[Path], overrides: dict[str, dict[str, str]] | None = None
               ) -> IngestReport:
        """Ingest files into this knowledge base's store and refresh the indexes.

        Args:
            paths: files or folders.
            overrides: per file name, metadata given by the officer (area, title, period...).

        Returns:
            The ingest report (indexed, unchanged, rejected with reasons).
        """
        from ingest.pipeline import Ingester, collect_files

        report = Ingester(self.store, self.embedder, self.manifest, self.settings).run(
            collect_files(paths), overrides=overrides)
        self.refresh()
        return report

    def ingest_uploads(self, files: Sequence[tuple[str, bytes]], metadata: dict[str, str]
                       ) -> IngestReport:
        """Ingest files uploaded by an officer (safe names, size cap); see `kb.uploads`."""
        return ingest_uploads(files, metadata, self.settings.corpus_dir,
                              self.settings.max_file_mb * 1_000_000,
                              lambda paths, overrides: self.ingest(paths, overrides))

    def passage(self, citation: Citation) -> tuple[str, str, str]:
        """The cited chunk split around the quote: (before, quote, after), for highlighting."""
        stored = self._chunk(citation.chunk_id)
        if stored is None:
            return "", citation.quote, ""
        chunk = stored.chunk
        start = max(citation.start - chunk.start, 0)
        end = max(citation.end - chunk.start, start)
        return chunk.text[:start], chunk.text[start:end], chunk.text[end:]

    @property
    def reports(self) -> Reports:
        """The board papers saved with this store (`<store_dir>/reports`); see `kb.reports.papers`."""
        def chunk(chunk_id: str) -> Chunk | None:
            stored = self._chunk(chunk_id)
            return stored.chunk if stored else None

        return Reports(self.settings.store_dir / "reports", chunk, self._document_chunks)

    def as_retriever(self, **search_kwargs: Any) -> BaseRetriever:
        """A LangChain BaseRetriever over `search()` (kwargs: k, areas, doc_ids, kinds)."""
        from kb.langchain_adapter import KnowledgeBaseRetriever

        return KnowledgeBaseRetriever(kb=self, search_kwargs=search_kwargs)
