"""LangChain's standard retriever test suite against `KnowledgeBase.as_retriever()`."""

import pytest
from langchain_tests.integration_tests import RetrieversIntegrationTests

from kb.api import KnowledgeBase
from kb.backends.embedder import FakeEmbedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


class TestKnowledgeBaseRetriever(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _kb(self, tmp_path_factory):
        folder = tmp_path_factory.mktemp("corpus")
        for name in ("oxford_snippet.txt", "northshire_snippet.txt", "manifest.toml"):
            (folder / name).write_bytes((FIXTURES / name).read_bytes())
        embedder = FakeEmbedder()
        kb = KnowledgeBase(Settings(store_dir=tmp_path_factory.mktemp("store"),
                                    corpus_dir=folder, embed_model="fake", chunk_min_words=5,
                                    chunk_max_words=40),
                           InMemoryStore(embedder.name), embedder, load_manifest(folder))
        kb.ingest([folder])
        type(self).kb = kb

    @property
    def retriever_constructor(self):
        return lambda k=4: self.kb.as_retriever(k=k)

    @property
    def retriever_constructor_params(self):
        return {"k": 4}

    @property
    def retriever_query_example(self):
        return "training package for employers"

    @property
    def num_results_arg_name(self):
        return "k"


def test_documents_carry_hit_metadata(fake_kb):
    documents = fake_kb.as_retriever(k=2).invoke("training package for employers")
    assert documents
    metadata = documents[0].metadata
    assert {"area", "doc_id", "page", "section", "kind", "chunk_id"} <= set(metadata)
    assert metadata["area"] == "testshire"
