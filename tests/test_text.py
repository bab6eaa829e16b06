"""The one tokenizer that BM25, idf and every term match share."""

from kb.text import content_terms, terms


def test_a_hyphenated_compound_matches_its_words_written_apart():
    assert content_terms("honour-based abuse") == content_terms("'honour' based abuse")
    assert content_terms("multi-agency working") == content_terms("multi agency working")


def test_numbers_joined_by_hyphens_stay_one_term():
    assert terms("the 2019-24 plan") == ["2019-24", "plan"]
    assert "16-year-olds" in terms("16-year-olds in school")


def test_a_compound_matches_in_every_spelling():
    # one strategy writes "frontline", the next "front line" or "front-line"
    closed = content_terms("training for frontline staff")
    assert content_terms("training for front line staff") == closed
    assert content_terms("training for Front-Line staff") == closed
    assert terms("signposting to help lines") == terms("sign-posting to helplines")
    # only the listed compounds close up: "health careers" is not "healthcare"
    assert terms("health careers") == ["health", "career"]
