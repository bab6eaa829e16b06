"""Documents named in questions, resolved from titles, periods and kinds (fictional councils)."""

import pytest

from kb.records import DocumentInfo
from kb.retrieval.documents import DocumentResolver
from kb.retrieval.years import years_of

DOCS = [
    DocumentInfo("wy-2016", "wyvern", "Wyvern Domestic Abuse Strategy 2016-2019", "2016-2019",
                 "strategy", "adopted"),
    DocumentInfo("wy-2022", "wyvern", "Wyvern Domestic Abuse and Safe Accommodation Strategy",
                 "2022-2025", "strategy", "adopted"),
    DocumentInfo("wy-plan", "wyvern", "Safe Accommodation Delivery Plan 2022-23", "2022-2023",
                 "delivery-plan", "draft"),
    DocumentInfo("wy-event", "wyvern", "Sanctuary Scheme Launch Event (slides)", "2021-2022",
                 "presentation", "update"),
    DocumentInfo("cv-2020", "calder", "Calder Vale Domestic Abuse Strategy 2020-2023",
                 "2020-2023", "strategy", "adopted"),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("What did the sanctuary scheme launch say about lock changes?", ["wy-event"]),
    ("What does the 2016-19 strategy say about refuges?", ["wy-2016"]),
    ("What was in the presentation about target hardening?", ["wy-event"]),
    ("What does the delivery plan say about move-on housing?", ["wy-plan"]),
    ("What did the previous strategy promise on refuges?", ["wy-2016"]),
    ("What does the latest strategy say about refuges?", ["wy-2022"]),
    ("What new services are planned for survivors?", []),
    ("What are the priorities?", []),
    # "Wyvern Domestic" is in one title only, but it names the area, not a document
    ("Who sat on the Wyvern domestic abuse board in 2017?", ["wy-2016"]),
    ("What does the Wyvern domestic abuse partnership fund?", []),
    # a title's phrase names the document only where the question speaks of a document
    ("Who fits sanctuary schemes for survivors?", []),
    ("What did the sanctuary scheme slides say about lock changes?", ["wy-event"]),
    ("How many sanctuary schemes were fitted in 2021?", ["wy-event"]),
    # a year a figure is asked for dates the figure, which a later strategy may report: it
    # names a document about that year (of at most two years), not a strategy running over it
    ("How many refuge places did Wyvern have in 2017?", []),
    ("How much did Wyvern spend on refuges in 2023?", ["wy-plan"]),
    ("What does the strategy say about sanctuary schemes?", []),
    # … and only as what it calls the document: a subject asked about elsewhere names none
    ("Which document says the most about sanctuary schemes?", []),
    ("What does the Sanctuary Scheme Launch Event say about lock changes?", ["wy-event"]),
    # one word of a title, written right before a word for a document, names it too
    ("According to the launch slides, who fits the locks?", ["wy-event"]),
    ("In the 2021 launch presentation, who fits the locks?", ["wy-event"]),
    ("What does the strategy say about safe accommodation?", []),
    # a word for a document that one title holds names it; said with words no title holds,
    # it is some other event
    ("What did the 2022 launch say about lock changes?", ["wy-event"]),
    ("What did the consultation events say about refuges?", []),
    # of the documents that run over a year, the one of the kind the question names
    ("Which services were listed in the presentation from 2022?", ["wy-event"]),
    # a year in a law's name names the law, not the documents that run over it
    ("What does Wyvern say about the Domestic Abuse Act 2021?", []),
    ("Which documents mention the Care Act 2014?", []),
    # a year and a word for a document name one that is called so, not any that runs over it
    ("What did the 2022 review say about refuges?", []),
    ("What did the 2022 slides say about lock changes?", ["wy-event"]),
    # what happened since a year, only a document whose period reaches that year can tell
    ("What has Wyvern achieved since 2020?", ["wy-2022", "wy-plan", "wy-event"]),
    ("What has Wyvern achieved since 2015?", []),  # every document: no narrowing
    # two references joined name both documents, each by its own words
    ("What did the launch slides and the 2016-19 strategy say about lock changes?",
     ["wy-event", "wy-2016"]),
    ("Compare the delivery plan and the 2016-19 strategy on refuges", ["wy-plan", "wy-2016"]),
    ("What did the launch slides say about locks and doors?", ["wy-event"]),
])
def test_documents_named_in_questions(question, expected):
    assert DocumentResolver(DOCS).mentioned(question, ["wyvern"]) == expected


def test_a_reference_to_every_candidate_narrows_nothing():
    assert DocumentResolver(DOCS).mentioned("What does the strategy say?", ["calder"]) == []


def test_years_of():
    assert years_of("2019-24") == (2019, 2024)
    assert years_of("2025 to 2028") == (2025, 2028)
    assert years_of("the 2008 presentation") == (2008, 2008)
    assert years_of("no year") is None


@pytest.mark.parametrize(("question", "searched"), [
    # the words that name the document go; what is asked about it stays, years included
    ("What stages of change were set out at the sanctuary scheme launch event in 2021?",
     "What stages of change were set out at the in 2021?"),
    ("What was in the presentation about target hardening?",
     "What was in the about target hardening?"),
    ("What does the delivery plan say about move-on housing?",
     "What does the say about move-on housing?"),
    ("What are the priorities?", "What are the priorities?"),  # names no document
    # named by its period; "domestic abuse" is in other titles too, so it is what is asked
    ("How did domestic abuse change in 2017?", "How did domestic abuse change in 2017?"),
])
def test_the_words_naming_a_document_are_not_searched_for(question, searched):
    resolver = DocumentResolver(DOCS)
    named = resolver.mentioned(question, ["wyvern"])
    assert resolver.without_reference(question, named) == searched


def test_an_annual_report_is_named_as_a_report_not_by_the_verb():
    report = DocumentInfo("wy-report", "wyvern", "Wyvern Partnership Board Annual Report 2022/23",
                          "2022-2023", "annual-report", "unknown")
    resolver = DocumentResolver([*DOCS, report])
    assert resolver.mentioned("What did the annual report say about refuges?", ["wyvern"]) == [
        "wy-report"]
    assert resolver.mentioned("How often does the board report to the partnership?",
                              ["wyvern"]) == []


def test_the_previous_strategy_of_an_area_holding_one_is_not_indexed(tmp_path):
    """"What did the previous Wyvern strategy cover?" over a store holding one Wyvern strategy
    asks about one that is not indexed: refused by name, not answered with the current
    strategy's outline; with two, the older one is the previous one."""
    from tests.corpus_support import WYVERN, corpus_kb, document

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nIntroduction\n\nThis strategy builds on "
            "the 2020-23 strategy.\n\nPriorities\n\nWe will open a refuge for women with complex "
            "needs.\n")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    kb = corpus_kb(tmp_path / "one", {"wyvern.txt": text})
    answer = kb.ask("What did the previous Wyvern strategy cover?")
    assert not answer.found
    assert "no indexed document is the 'previous strategy'" in answer.text
    assert kb.ask("What does the Wyvern strategy cover?").found
    older = ("Wyvern Domestic Abuse Strategy 2020-2023\n\nIntroduction\n\nThis strategy sets out "
             "our work to 2023.\n\nPriorities\n\nWe will train GPs to ask about abuse.\n")
    two = corpus_kb(tmp_path / "two", {"wyvern.txt": text, "wyvern-2020.txt": older},
                    WYVERN + document("wyvern-2020.txt", "wyvern",
                                      "Wyvern Domestic Abuse Strategy 2020-2023", "2020-2023"))
    assert two.ask("What did the previous Wyvern strategy cover?").found


def test_a_part_named_before_the_document_is_no_name_of_the_document():
    """"the national issues section of the Wyvern strategy" names the strategy, which is indexed;
    "the national VAWG strategy" names one that is not."""
    resolver = DocumentResolver(DOCS)
    assert resolver.unknown("What does the national issues section of the strategy say about "
                            "Clare's Law?", []) == ""
    assert resolver.unknown("What does the governance chapter of the delivery plan say about "
                            "boards?", []) == ""
    assert resolver.unknown("What does the national VAWG strategy say about stalking?",
                            []) == "national VAWG strategy"


def test_a_year_written_before_a_document_s_name_word_is_one_it_runs_over():
    """"the April 2019 events" are not the 2021 launch event (the only title holding "event"),
    whose year a question naming it gives right: "the 2021 launch event"."""
    resolver = DocumentResolver(DOCS)
    assert "wy-event" not in resolver.mentioned(
        "What did the April 2019 events say about lock changes?", ["wyvern"])
    assert resolver.mentioned("What did the 2021 launch event say about lock changes?",
                              ["wyvern"]) == ["wy-event"]
