"""Word families: a question's word no document writes, read as a word of its family that
they do write ("pharmacists" of a plan that trains "pharmacy staff"), not as a look-alike
("refugees" of a strategy about refuges)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.backends.embedder import Embedder, make_embedder
from kb.backends.memory_store import InMemoryStore
from kb.config import Settings
from kb.manifest import load_manifest
from kb.retrieval.families import held_relatives
from kb.text import content_terms
from tests.corpus_support import WYVERN

STRATEGY = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nOur priorities\n\nPrevention\n\n"
            "We will train pharmacy and dental staff to ask about abuse. We will deliver "
            "healthy relationships lessons in every secondary school.\n\nSafe accommodation\n\n"
            "We will open a second refuge for women and their children in Kingsbridge.\n\n"
            "Justice\n\nWe will work with the police to increase prosecutions for coercive "
            "control.\n")


@pytest.fixture(scope="module")
def model() -> Embedder:
    return make_embedder(Settings(embedder="onnx"))


def _similar(model: Embedder):
    def similar(word: str, others: list[str]) -> list[float]:
        first, *rest = model.embed([word, *others])
        return [sum(a * b for a, b in zip(first, other, strict=True)) for other in rest]
    return similar


def test_a_family_is_a_derivation_the_documents_write_not_a_look_alike(model):
    held = content_terms(STRATEGY).__contains__
    similar = _similar(model)
    assert held_relatives("pharmacists", held, similar) == ["pharmacy"]
    assert held_relatives("dentists", held, similar) == ["dental"]
    assert held_relatives("Prosecutors", held, similar) == ["prosecution"]
    assert held_relatives("refugees", held, similar) == []  # "refuge" looks like it, no more
    assert held_relatives("taxis", held, similar) == []
    assert held_relatives("co-ordinators", held, similar) == []


def _wyvern(tmp_path: Path, model: Embedder) -> KnowledgeBase:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wyvern.txt").write_text(STRATEGY)
    (corpus / "manifest.toml").write_text(WYVERN)
    settings = replace(Settings(store_dir=tmp_path / "store", corpus_dir=corpus,
                                embedder="onnx", chunk_min_words=5, chunk_max_words=60))
    kb = KnowledgeBase(settings, InMemoryStore(model.name), model, load_manifest(corpus))
    kb.ingest([corpus])
    return kb


def test_a_question_in_another_word_of_the_family_is_answered(tmp_path, model):
    kb = _wyvern(tmp_path, model)
    answer = kb.ask("What is Wyvern doing with pharmacists and dentists?")
    assert answer.found
    assert "pharmacy and dental staff" in answer.citations[0].quote
    assert kb.ask("What does the Wyvern strategy say about prosecutors?").found
    refused = kb.ask("How does Wyvern support refugees?")
    assert not refused.found
    assert "'refugees'" in refused.text
    # the setting turns it off
    off = KnowledgeBase(replace(kb.settings, word_families=False), kb.store, model,
                        kb.manifest)
    assert not off.ask("What is Wyvern doing with pharmacists and dentists?").found
