"""A heading that asks the question ("Why partnership?") is answered by the sentences under it,
which share none of the question's words."""

from kb.answers.asked_headings import asking_heading
from kb.answers.extractive import compose
from tests.hit_support import passage

IDF = {"partnership": 2.0, "approach": 2.5, "wyvern": 1.0, "safeti": 2.0, "agenc": 1.5,
       "statutori": 3.0, "duti": 2.5, "domest": 0.2, "abus": 0.1, "marac": 4.0, "stand": 3.0}


def test_the_sentences_under_a_heading_that_asks_the_question_answer_it():
    benefits = passage("c1", "Partnership working is at the centre of our approach at every "
                             "level.", "Benefits of partnership", 0)
    reasons = passage("c2", "- Safety is the priority for every agency\n- Agencies share "
                            "statutory duties to protect victims", "Why partnership?", 200)
    answer = compose("Why does Wyvern take a partnership approach?", [benefits, reasons], IDF)
    assert "statutory duties" in answer.text


def test_a_heading_asks_only_with_the_question_s_asking_word_and_own_words():
    asks = asking_heading("Why does Wyvern take a partnership approach?",
                          {"wyvern", "partnership", "approach"}, IDF)
    assert asks("Why partnership?")
    assert not asks("What is partnership?")  # another asking word
    assert not asks("Partnership")  # no question
    # the corpus's subject words alone ask nothing of a question about more than them
    asks = asking_heading("What does MARAC stand for?", {"marac", "stand", "domest", "abus"}, IDF)
    assert not asks("WHAT IS DOMESTIC ABUSE?")
    asks = asking_heading("What is domestic abuse?", {"domest", "abus"}, IDF)
    assert asks("WHAT IS DOMESTIC ABUSE?")
