"""A misspelt question word is read as the English word it is closest to, where the indexed
documents hold that word; names, councils and words English knows are left as typed."""

from kb.retrieval.typos import corrected
from kb.text import content_terms

KNOWN = content_terms("perpetrators are held to account; survivors of coercive control; "
                      "sanctuary schemes in Surrey and Northshire")


def test_a_misspelt_word_the_documents_hold_is_corrected():
    assert corrected("what does wyvern do about perpetraters", KNOWN) == (
        "what does wyvern do about perpetrators", [("perpetraters", "perpetrators")])
    text, fixes = corrected("How are survivers of coersive control helped?", KNOWN)
    assert text == "How are survivors of coercive control helped?"
    assert fixes == [("survivers", "survivors"), ("coersive", "coercive")]


def test_names_councils_english_words_and_short_words_are_left_as_typed():
    # capitalised: a name the evidence must hold as written
    assert corrected("What does Perpetraterville do?", KNOWN)[1] == []
    # a council typed in lower case
    assert corrected("what does surrey do about sanctuary schemes", KNOWN)[1] == []
    # English words the documents do not use are a synonym's business, not a typo
    assert corrected("what is done about abusers", KNOWN)[1] == []
    # too short to tell from its neighbours
    assert corrected("what about refs", KNOWN)[1] == []
    # the nearest English word is not one the documents hold
    assert corrected("what about stalkng", KNOWN)[1] == []


def test_a_word_is_not_read_as_one_that_starts_with_another_letter():
    """A typo seldom changes a word's first letter; a word English has that the dictionary
    lacks ("vaping") is no misspelling of the documents' word one letter away ("raping")."""
    known = content_terms("raping and sexual violence; victims")
    assert corrected("What does Wyvern say about vaping?", known)[1] == []
    assert corrected("What about rapng?", known)[1] == [("rapng", "raping")]


def test_a_misspelt_area_name_is_read_as_the_area_it_is_one_edit_from():
    """Officers misspell councils ("Wyverne", "Calderdail's"): a capitalised word no document
    nor English holds, one edit from a word an indexed area is named by, is read as it; not a
    name two edits away, a short one, nor an English word ("Wessex" for "Essex")."""
    places = {"wyvern", "calder", "vale", "essex"}
    assert corrected("What does Wyverne say about refuges?", KNOWN, places) == (
        "What does Wyvern say about refuges?", [("Wyverne", "Wyvern")])
    assert corrected("Compare Wyvern's plan with Caldre's", KNOWN, places)[0] == (
        "Compare Wyvern's plan with Calder's")
    for text in ["What does Wyvverne say?", "What does Calde say?", "What does Wessex say?",
                 "What does Perpetraterville do?"]:
        assert corrected(text, KNOWN, places)[1] == [], text


def test_a_misspelt_name_is_read_as_the_one_name_the_documents_write_one_edit_away():
    """Officers write "Claire's Law" for Clare's Law and "Encompas" for Operation Encompass:
    a capitalised word the documents do not hold, one edit from exactly one word they write
    with its first letter, is read as it, though English knows it ("Claire"); not a UK
    place one edit from a word of theirs (Surrey, survey), nor an opening word English knows."""
    known = content_terms("Clare's Law requests; Operation Encompass in schools; a survey")
    assert corrected("What does Wyvern say about Claire's Law?", known) == (
        "What does Wyvern say about Clare's Law?", [("Claire", "Clare")])
    assert corrected("Is Operation Encompas used in Calder?", known)[1] == [
        ("Encompas", "Encompass")]
    assert corrected("What does Surrey say about schools?", known)[1] == []
    assert corrected("Claire's Law requests in Wyvern", known)[1] == []


def test_a_contraction_typed_without_its_apostrophe_is_read_with_it():
    """"whats the vision" asks what the vision is: "whats" is no topic word (a question whose
    topic word no document holds is refused); words that only begin so are left alone."""
    assert corrected("whats the wyvern vision", KNOWN) == (
        "what's the wyvern vision", [("whats", "what's")])
    assert corrected("Doesnt Wyvern fund refuges?", KNOWN)[0] == "Doesn't Wyvern fund refuges?"
    assert corrected("whatsapp groups for survivors", KNOWN)[1] == []


def test_ask_reads_a_misspelt_topic_word_and_says_so(fake_kb):
    answer = fake_kb.ask("what does northshire do about sanctuery schemes")
    assert answer.found and "sanctuary schemes" in answer.text
    assert answer.notice == "Read 'sanctuery' as 'sanctuary'."
    assert fake_kb.ask("what does northshire do about sanctuary schemes").notice == ""


def test_ask_reads_a_misspelt_council_as_the_area_and_says_so(fake_kb):
    """"Northshre" was refused as an area the strategies never mention."""
    answer = fake_kb.ask("What does Northshre do about sanctuary schemes?")
    assert answer.found and "sanctuary schemes" in answer.text, answer.text
    assert answer.notice == "Read 'Northshre' as 'Northshire'."


def test_a_pasted_paragraph_of_noise_is_looked_up_only_so_far():
    from kb.retrieval.typos import CHECKED

    text, fixes = corrected(" ".join(["survivers"] * (CHECKED + 2)), KNOWN)
    assert len(fixes) == CHECKED
    assert text.split()[-2:] == ["survivers", "survivers"]


def test_of_equally_frequent_neighbours_the_one_the_documents_hold_is_read_whatever_the_seed():
    """"scrutinises" is one edit from "scrutinies" and "scrutinizes", equally frequent in
    English: the documents' word is read, in every process (a choice by set order had followed
    PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    script = ("from kb.retrieval.typos import corrected; from kb.text import stem; "
              "print(corrected('Who scrutinises progress?', {stem('scrutinies'), "
              "stem('progress')})[0])")
    for seed in "1234":
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, check=True, timeout=60)
        assert out.stdout.strip() == "Who scrutinies progress?", seed
