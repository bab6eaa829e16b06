"""Leave-one-document-out: an entry that fires in one document only is dropped with it."""

from eval.cues import firings
from eval.loo import corpus_without, fitted_to
from kb.records import ChunkKind
from kb.vocabulary import read_vocabulary, vocabulary_data

NORTH = ("North Strategy\n\nOur pillars\n\nSafety first for every resident.\n\n"
         "Key indicators\n\nFewer repeat incidents.\n")
SOUTH = "South Strategy\n\nKey indicators\n\nMore reports to the police.\n"


def kind_of(vocabulary, heading):
    return next((kind for kind, pattern in vocabulary.heading_cues if pattern.search(heading)), None)


def test_an_entry_firing_in_one_document_is_left_out_with_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "north.txt").write_text(NORTH, encoding="utf-8")
    (corpus / "south.txt").write_text(SOUTH, encoding="utf-8")
    fired = firings(sorted(corpus.iterdir()), vocabulary_data(None))
    assert fired[("headings.aim", "pillars?")] == {"north.txt"}
    assert fired[("headings.indicator", "indicators?")] == {"north.txt", "south.txt"}

    removed = fitted_to(fired, "north.txt", ["north.txt", "south.txt"])
    assert ("headings.aim", "pillars?") in removed
    assert ("headings.indicator", "indicators?") not in removed
    assert fitted_to(fired, "south.txt", ["north.txt", "south.txt"]) == []

    without_north = read_vocabulary(corpus_without(corpus, removed, tmp_path / "without-north"))
    assert kind_of(without_north, "Our pillars") is None
    assert kind_of(without_north, "Key indicators") is ChunkKind.INDICATOR
    assert (tmp_path / "without-north" / "south.txt").read_text(encoding="utf-8") == SOUTH


def test_a_compound_written_open_in_one_document_is_left_out_with_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "north.txt").write_text(NORTH + "\nTraining for front-line staff.\n", encoding="utf-8")
    (corpus / "south.txt").write_text(SOUTH + "\nTraining for frontline staff.\n", encoding="utf-8")
    fired = firings(sorted(corpus.iterdir()), vocabulary_data(None))
    assert fired[("compounds.words", "front line")] == {"north.txt"}  # written closed in south
    removed = fitted_to(fired, "north.txt", ["north.txt", "south.txt"])
    without_north = read_vocabulary(corpus_without(corpus, removed, tmp_path / "without-north"))
    assert not without_north.compounds.search("front line")
