"""LangChain adapter: the knowledge base as a BaseRetriever (LangChain types stay here)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import Field


class KnowledgeBaseRetriever(BaseRetriever):
    """Documents carry the hit's metadata: area, doc_id, page, section, kind, chunk_id..."""

    kb: Any
    search_kwargs: dict[str, Any] = Field(default_factory=dict)

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        hits = self.kb.search(query, **{**self.search_kwargs, **kwargs})
        documents = []
        for hit in hits:
            metadata = {k: v for k, v in asdict(hit).items()
                        if k not in {"text", "context_before", "context_after"}}
            metadata["kind"] = hit.kind.value
            documents.append(Document(page_content=hit.text, metadata=metadata, id=hit.chunk_id))
        return documents
