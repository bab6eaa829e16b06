"""The vocabulary is data: the package's file, extended by a corpus folder's own."""

import pytest

from kb.errors import ConfigError
from kb.records import ChunkKind
from kb.vocabulary import read_vocabulary


def kind_of(vocabulary, heading):
    return next((kind for kind, pattern in vocabulary.heading_cues if pattern.search(heading)), None)


def test_a_corpus_vocabulary_teaches_a_councils_own_wording(tmp_path):
    assert kind_of(read_vocabulary(tmp_path), "Our pledges to residents") is None
    (tmp_path / "vocabulary.toml").write_text(
        '[headings]\naction = ["(our )?pledges"]\n\n[themes]\n"stalking" = ["stalking", "harassment"]\n',
        encoding="utf-8")
    vocabulary = read_vocabulary(tmp_path)
    assert kind_of(vocabulary, "Our pledges to residents") is ChunkKind.ACTION
    assert kind_of(vocabulary, "Key performance indicators") is ChunkKind.INDICATOR  # kept
    assert vocabulary.themes["stalking"] == ("stalking", "harassment")
    assert "perpetrators" in vocabulary.themes


@pytest.mark.parametrize(("text", "message"), [
    ("[headings\n", "not valid TOML"),
    ('[headings]\nnonsense = ["x"]\n', "not valid"),
    ('[headings]\naction = ["(unclosed"]\n', "not valid"),
])
def test_a_broken_corpus_vocabulary_is_a_clear_error(tmp_path, text, message):
    (tmp_path / "vocabulary.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_vocabulary(tmp_path)


@pytest.mark.parametrize(("question", "all_areas"), [
    ("How do the three strategies tackle stalking?", True),
    ("What does each council say about refuges?", True),
    ("Compare the boroughs' approaches to training", True),
    ("What are the areas of work in Essex?", False),
    ("What does the strategy say about refuges?", False),
    ("Which strategy has the strongest focus on prevention?", True),
    ("What do the local authorities commit to on housing?", True),
    ("Which areas mention Operation Encompass?", True),
    ("What does the Oxfordshire strategy say about refuges?", False),
    ("Contrast the approaches to forced marriage.", True),
    ("Do all of them fund a refuge?", True),
    ("Are these strategies alike on housing?", True),
    ("How do those councils train GPs?", True),
    ("What do them all say?", False),
    ("Which of the agencies leads on housing?", False),
    ("Where do the approaches to stalking diverge?", True),
    ("How much does refuge provision vary?", True),
    ("Is there common ground on training GPs?", True),
    ("How is the voice of survivors heard across the board?", True),
    ("What is the variety of services on offer in Kent?", False),
])
def test_all_areas_phrasing(question, all_areas):
    assert bool(read_vocabulary(None).all_areas.search(question)) is all_areas


def test_a_corpus_vocabulary_can_remove_package_entries(tmp_path):
    (tmp_path / "vocabulary.toml").write_text(
        '[remove.headings]\nglossary = ["glossary", "abbreviations", "acronyms", "definitions", '
        '"terminology", "key terms"]\n\n[remove.themes]\n"recovery" = ["recovery", "move on", "peer support"]\n\n'
        '[remove.topic]\nscaffolding = "versus vs"\n', encoding="utf-8")
    vocabulary = read_vocabulary(tmp_path)
    assert kind_of(vocabulary, "Glossary of terms") is None  # an emptied kind matches nothing
    assert kind_of(vocabulary, "Key performance indicators") is ChunkKind.INDICATOR
    assert "recovery" not in vocabulary.themes
    assert "versus" not in vocabulary.scaffolding and "compare" in vocabulary.scaffolding
