"""The one tokenizer that BM25, idf and every term match share."""

import pytest

from kb.text import content_terms, terms


def test_a_hyphenated_compound_matches_its_words_written_apart():
    assert content_terms("honour-based abuse") == content_terms("'honour' based abuse")
    assert content_terms("multi-agency working") == content_terms("multi agency working")


def test_an_acronym_s_plural_is_the_acronym():
    """The stemmer keeps "gps" whole (no vowel before its "s"), so "Which councils train GPs?"
    had missed "Train GP practices"; "IDVAs" it already read as "IDVA"."""
    assert content_terms("train GPs") == content_terms("train GP")
    assert content_terms("learning from DHRs") == content_terms("learning from a DHR")
    assert content_terms("IDVAs") == content_terms("IDVA")
    # a word in capitals that ends in S is no plural
    assert content_terms("STATUS") == content_terms("status")


def test_numbers_joined_by_hyphens_stay_one_term():
    assert terms("the 2019-24 plan") == ["2019-24", "plan"]
    assert "16-year-olds" in terms("16-year-olds in school")


def test_a_compound_matches_in_every_spelling():
    # one strategy writes "frontline", the next "front line" or "front-line"
    closed = content_terms("training for frontline staff")
    assert content_terms("training for front line staff") == closed
    assert content_terms("training for Front-Line staff") == closed
    assert terms("signposting to help lines") == terms("sign-posting to helplines")
    assert terms("GPs and head teachers") == terms("GPs and headteachers")
    # only the listed compounds close up: "health careers" is not "healthcare"
    assert terms("health careers") == ["health", "career"]


def test_a_word_the_corpus_does_not_hold_weighs_as_the_rarest():
    from kb.answers.extractive import idf_table
    from kb.text import idf_weight

    texts = ["Refuges for victims.", "Support for victims.", "Perpetrator programmes."]
    idf = idf_table(texts)
    rarest = max(idf.values())
    assert idf_weight({"pothol"}, idf) == pytest.approx(rarest)
    assert idf_weight({"pothol"}, idf) > idf_weight({"victim"}, idf)
    # a plain mapping has no corpus size to go by
    assert idf_weight({"pothol"}, {"victim": 2.0}) == 1.0


def test_a_straight_apostrophe_ends_a_word_as_a_curly_one_does():
    assert terms("What's the plan for Women's Aid?") == terms("What’s the plan for Women’s Aid?")
    assert "what" not in terms("What's on the to-do list?")  # a stopword, not a phantom term


def test_a_negative_s_contraction_leaves_no_term():
    """"don't" is "don" and "t": neither is a topic word ("services don't overlap" is about
    services overlapping, and no rare word "don" of a passage that writes "don't")."""
    assert content_terms("services don't overlap; they won’t and can't") == {"servic", "overlap"}


def test_a_preposition_is_no_term():
    """"among", "within", "towards" place or relate what they join, as "between" does: a
    passage that shares only them with a question shares nothing of its topic."""
    assert content_terms("stalking among young people") == content_terms("stalking young people")
    assert not content_terms("within across towards upon onto throughout via whilst amongst")


def test_a_quote_reads_without_the_marks_of_a_word_heading():
    from kb.text import readable

    assert readable("## Priority 2: Support\n\nWe will:\n- fund an IDVA") == (
        "Priority 2: Support We will: - fund an IDVA")
    assert readable("Item #2 costs   £3") == "Item #2 costs £3"


def test_a_table_row_reads_with_its_cells_named_by_the_header():
    from kb.text import labelled_row

    header = "Measure\tBaseline 2021/22\tTarget 2025/26"
    assert labelled_row("Staff trained\t60\t400", header) == (
        "Staff trained (Baseline 2021/22: 60; Target 2025/26: 400)")
    # a header with no label over the first column names the others
    assert labelled_row("Repeat victims\tUnknown\tBaseline set", "1 year\t3 years") == (
        "Repeat victims (1 year: Unknown; 3 years: Baseline set)")
    # an empty cell is left out; rows that do not line up with the header, and the header
    # itself, read as they are
    assert labelled_row("Staff trained\t\t400", header) == "Staff trained (Target 2025/26: 400)"
    assert labelled_row("Staff trained\t60", header + "\tLead\tNotes") == "Staff trained\t60"
    assert labelled_row(header, header) == header


def test_the_words_a_stem_joins_are_told_apart_by_their_forms():
    from kb.text import word_forms

    forms = word_forms("Employers sign the pledge; employment rates and one employer's policies")
    assert forms["employ"] == {"employer", "employment"}
    assert forms["polici"] == {"policy"}
    # a plural in "-ses" is its singular in "-se"; one in "-sses", "-ches" its stem
    assert word_forms("MARAC cases and each case")["case"] == {"case"}
    assert word_forms("approaches, an approach")["approach"] == {"approach"}


def test_an_example_after_e_g_stays_in_its_sentence():
    """A quote cut at "e.g." reads "…within (e.g." and "A&E, Mental Health services…" as two
    sentences, neither of which says anything."""
    from kb.answers.sentences import units

    text = ("Referrals rise from health services (e.g. A&E, maternity and GP surgeries) in "
            "Wyvern. Dr. Okafor chairs the board.")
    assert [quote for _, _, quote in units(text)] == [
        "Referrals rise from health services (e.g. A&E, maternity and GP surgeries) in Wyvern.",
        "Dr. Okafor chairs the board."]


def test_words_that_join_clauses_are_no_topic_words():
    # "Who keeps an eye on whether it is delivered?" is about delivery, not about "whether"
    assert content_terms("whether it is delivered, although late, unless cut") == {
        "deliv", "late", "cut"}


def test_the_words_of_a_hyphenated_compound_in_a_question_count_only_together(tmp_path):
    """"honour-based abuse": a sentence with only the "based" of it ("community based
    support") shares that compound with the question no more than one without it."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nWhat we will do\n\n- Fund community "
            "based support in every district for victims of domestic abuse.\n\nOur county\n\n"
            "Honour-based abuse is reported to police in Wyvern about twice a month.\n")
    answer = wyvern_answer(tmp_path, text, "What is Wyvern doing about honour-based abuse?")
    assert answer.citations[0].quote.startswith("Honour-based abuse is reported")


def test_fewer_counts_as_few_and_more_do_and_names_no_topic():
    """"fewer people" is people counted, as "more people" is: no compound a strategy must
    write for "How will Essex know if fewer people are being hurt?"."""
    assert terms("fewer people, fewest cases, more victims") == terms("people cases victims")


def test_a_compound_s_rarest_word_counts_on_its_own_and_its_common_word_does_not():
    """Of "honour-based", "izzat (honour)" still names the honour; "media based" names
    nothing of it (kb.text.whole_compounds, with the words' idf)."""
    from kb.text import compound_parts, whole_compounds

    compounds = compound_parts("What does Wyvern say about honour-based abuse?")
    idf = {"honour": 4.0, "base": 1.5, "abus": 0.1}
    question = {"honour", "base", "abus"}
    izzat = set(terms("Some families value izzat (honour) above help."))
    media = set(terms("Social media based resources about domestic abuse."))
    assert whole_compounds(question & izzat, izzat, compounds, idf) == {"honour"}
    assert whole_compounds(question & media, media, compounds, idf) == {"abus"}
    assert whole_compounds(question & izzat, izzat, compounds) == set()


def test_a_set_of_terms_weighs_the_same_in_any_order():
    """Summed in another order, 0.1 + 0.2 + 0.3 is not 0.3 + 0.2 + 0.1 in floating point; a
    set's order follows the process's string hashing, so a comparison's ties broke by it."""
    from kb.text import idf_weight

    idf = {"refuge": 0.1, "sanctuary": 0.2, "scheme": 0.3}
    assert idf_weight(["refuge", "sanctuary", "scheme"], idf) == (
        idf_weight(["scheme", "sanctuary", "refuge"], idf))


def test_a_pronoun_that_names_nothing_is_no_topic_word():
    """"Does Wyvern offer something for families who stay together?" is about offers for
    families: no passage writes "something", and a refusal must not ask one to."""
    assert content_terms("Does Wyvern offer something for families who stay together?") == (
        content_terms("Does Wyvern offer for families who stay together?"))
    assert content_terms("Can anyone refer someone to the refuge?") == {"refer", "refug"}
