"""Questions about a document's own period: which documents they ask about, the title-page
line that gives the years, and the cited answer (fictional councils)."""

from datetime import date

import pytest

from kb.answers.periods import period_answer
from kb.records import ChunkKind, DocumentInfo, Hit
from kb.retrieval.documents import DocumentResolver
from kb.retrieval.years import period_line
from tests.test_documents_resolver import DOCS  # the fictional councils' documents

STRATEGIES = ["wy-2016", "wy-2022"]


@pytest.mark.parametrize(("question", "expected"), [
    ("When does the strategy end?", STRATEGIES),
    # "the domestic abuse strategy" is the title of one (as `mentioned` reads it)
    ("What period does the domestic abuse strategy cover?", ["wy-2016"]),
    ("What period does the Wyvern strategy cover?", STRATEGIES),
    ("Is the latest strategy still in date?", ["wy-2022"]),
    ("When does the 2016-19 strategy run until?", ["wy-2016"]),
    ("What's the timeframe of the delivery plan?", ["wy-plan"]),
    ("How long does the Safe Accommodation Delivery Plan last?", ["wy-plan"]),
    ("Which years does the previous strategy cover?", ["wy-2016"]),
    ("What is the period of the Wyvern strategy?", STRATEGIES),
    ("What is the time period covered by the 2016-19 strategy?", ["wy-2016"]),
    ("What is the Wyvern strategy's period?", STRATEGIES),
    ("What is the delivery plan's time period?", ["wy-plan"]),
    # what it is called: its title page line
    ("What is the latest strategy called?", ["wy-2022"]),
    ("What is the latest strategy's full name?", ["wy-2022"]),
    ("What is the official name of the latest strategy?", ["wy-2022"]),
    ("What is the full name of the refuge service?", []),
    ("What is the full title of the delivery plan?", ["wy-plan"]),
    ("What is the name of the refuge in the delivery plan?", []),
    ("How many years does the latest strategy last?", ["wy-2022"]),
    # which of them is the oldest or newest, asked either way round
    ("Which strategy is the oldest?", ["wy-2016"]),
    ("Which of the strategies is the most recent?", ["wy-2022"]),
    ("Which is the newest strategy?", ["wy-2022"]),
    ("What are the latest figures on refuges?", []),
    # the period of something the strategy is about, not of the strategy
    ("When does the sanctuary scheme funding end?", []),
    ("How long is the waiting list for a refuge place?", []),
    ("How many years of funding will the refuge get?", []),
    ("What did Wyvern achieve over the period of its last strategy?", []),
    ("How many refuge places were there over the period?", []),
    ("When will the review of refuge provision finish?", []),
    # its standing
    ("Is the Wyvern strategy still a draft?", STRATEGIES),
    ("Has the latest strategy been adopted?", ["wy-2022"]),
    ("Is the latest strategy final?", ["wy-2022"]),
    ("Has Wyvern finalised its latest strategy?", ["wy-2022"]),
    ("Has the latest strategy been approved yet?", ["wy-2022"]),
    ("Has the latest strategy already been signed off?", ["wy-2022"]),
    ("Is the latest strategy in date?", ["wy-2022"]),
    ("Is the latest strategy currently in force?", ["wy-2022"]),
    # … and when it came out
    ("When was the latest strategy published?", ["wy-2022"]),
    ("When did the Wyvern strategy come out?", STRATEGIES),
    ("Who approved the latest strategy?", []),  # asks for a name, in its text
    ("Which partnership signed off the latest strategy?", []),  # … and so does this
    ("Which board approved the delivery plan?", []),
    ("When will the refuge review be published?", []),
    ("What actions have been agreed?", []),
    ("What are the final year's actions?", []),
    ("When was the latest strategy written?", ["wy-2022"]),
    ("When was the 2016-19 strategy drafted?", ["wy-2016"]),
    # which ends first or runs longest, how old they are, which have run out: their periods
    ("Which strategy ends first?", STRATEGIES),
    ("Which strategy runs the longest?", STRATEGIES),
    ("How old is the latest strategy?", ["wy-2022"]),
    ("Which strategies have expired?", STRATEGIES),
    # which is newer or older, and whether it is still relevant or in use: their periods
    ("Which is newer, the 2016-19 strategy or the latest strategy?", ["wy-2016", "wy-2022"]),
    ("Which strategy is older?", STRATEGIES),
    ("Is the 2016-19 strategy still relevant?", ["wy-2016"]),
    ("Is the latest strategy still in use?", ["wy-2022"]),
    ("How relevant is the strategy to older victims?", []),
    ("Who wrote the latest strategy?", []),  # a name, in its text
    ("What was written about refuges in the latest strategy?", []),
    ("Which refuge runs the longest waiting list?", []),
    # what the strategy covers is its content
    ("What does the strategy cover?", []),
    ("What are the priorities of the strategy?", []),
])
def test_questions_about_a_documents_period(question, expected):
    resolver = DocumentResolver(DOCS)
    assert resolver.period_asked(question, question, ["wyvern"], most=12) == expected


def test_a_question_naming_a_place_asks_only_about_that_places_documents():
    resolver = DocumentResolver(DOCS)
    question = "When does the Calder Vale strategy end?"
    assert resolver.period_asked(question, question, None, most=12) == ["cv-2020"]
    unknown = "When does the Barset strategy end?"  # no document of Barset is indexed
    assert resolver.period_asked(unknown, unknown, None, most=12) == []


def test_an_acronym_the_title_spells_out_names_the_document():
    docs = [DocumentInfo("hk", "hackney", "Ending Violence Against Women and Girls: Hackney's "
                         "Strategy 2023/24 - 2026/27", "2023-2027", "strategy", "adopted"),
            DocumentInfo("hk-old", "hackney", "Hackney Housing Plan", "2019-2022", "plan",
                         "adopted")]
    question = "What period does the VAWG strategy cover?"
    glossary = {"VAWG": {"Violence Against Women and Girls"}}
    assert DocumentResolver(docs).period_asked(question, question, ["hackney"], 12,
                                               glossary) == ["hk"]
    assert DocumentResolver(docs).period_asked(question, question, ["hackney"], 12) == []


def test_too_many_documents_to_answer_for_is_none():
    resolver = DocumentResolver(DOCS)
    assert resolver.period_asked("When does the strategy end?", "When does the strategy end?",
                                 None, most=2) == []
    assert resolver.period_asked("When does the strategy end?", "When does the strategy end?",
                                 None, most=12) == ["wy-2016", "wy-2022", "cv-2020"]


@pytest.mark.parametrize(("text", "period", "line"), [
    ("Joint Strategy\n\n2015-20\n\nEssex", "2015-2020", "2015-20"),
    ("WYVERN DOMESTIC ABUSE STRATEGY\n\n  2018 - 2021  \n\nCONTENTS", "2018-2021", "2018 - 2021"),
    ("Our strategy for 2019 to 2024 sets out", "2019-2024", "Our strategy for 2019 to 2024 sets out"),
    ("Published 2016; reviewed 2019-20.", "2016-2019", None),  # not the period's range
    ("Hackney's Strategy 2023/24 - 2026/27\nVersion 1.2", "2023-2027",
     "Hackney's Strategy 2023/24 - 2026/27"),  # in financial years
    ("Partnership (2007/8)", "2007-2008", "Partnership (2007/8)"),
    ("A strategy", "", None),
])
def test_the_line_that_gives_a_period(text, period, line):
    span = period_line(text, period)
    assert (text[span[0]:span[1]] if span else None) == line


def _hit(doc: DocumentInfo, text: str, start: int) -> Hit:
    return Hit(chunk_id=f"{doc.doc_id}:0", text=text, score=1.0, doc_id=doc.doc_id,
               area=doc.area, title=doc.title, period=doc.period, page=1, section="",
               kind=ChunkKind.CONTEXT, start=start, end=start + len(text), status=doc.status)


def test_the_answer_quotes_each_documents_period_line_and_says_whether_it_has_ended():
    old, new = DOCS[0], DOCS[1]
    hits = [_hit(old, "WYVERN DOMESTIC ABUSE STRATEGY\n2016 - 2019\nForeword", 10),
            _hit(new, "Our strategy\n\nfor 2022 to 2025", 0)]
    answer = period_answer(hits, ["wy-2016", "wy-2022", "wy-plan"], today=date(2024, 5, 1))
    assert answer is not None and answer.found
    assert answer.text.splitlines() == [
        "Wyvern Domestic Abuse Strategy 2016-2019: 2016 - 2019 [1] (adopted; its period "
        "ended in 2019)",
        "Wyvern Domestic Abuse and Safe Accommodation Strategy: for 2022 to 2025 [2] "
        "(adopted; current, to 2025)"]
    first = answer.citations[0]
    assert (first.quote, first.start, first.end) == ("2016 - 2019", 41, 52)


@pytest.mark.parametrize(("question", "expected"), [
    ("Which strategies run until 2025?", ["wy-2022"]),
    ("Which strategies end in 2023?", ["cv-2020"]),
    ("Which strategies were current in 2021?", ["cv-2020"]),
    ("Which strategies were in force during 2022?", ["wy-2022", "cv-2020"]),
    ("Which strategies run until 2030?", []),
    # a period names its document, whatever the year
    ("When does the 2016-19 strategy run until?", ["wy-2016"]),
])
def test_which_documents_run_until_or_over_a_year(question, expected):
    """"Which strategies run until 2027?" over several councils: the documents whose period
    ends in the year (runs over it, for "current in"), not every council's (three strategies
    are more than the two one answer gives)."""
    resolver = DocumentResolver(DOCS)
    assert resolver.period_asked(question, question, None, most=2) == expected


def test_documents_of_several_areas_are_answered_with_their_area_s_name():
    """"Domestic Abuse Strategy 2022-2027" of which council? A line that gives its area
    already is left as it is."""
    rotherham = DocumentInfo("rt", "rotherham", "Domestic Abuse Strategy 2022-2027",
                             "2022-2027", "strategy", "adopted")
    hits = [_hit(DOCS[1], "Our strategy\n\nfor 2022 to 2025", 0),
            _hit(rotherham, "Domestic Abuse Strategy 2022-2027\n\nIntroduction", 0)]
    answer = period_answer(hits, ["wy-2022", "rt"], today=date(2024, 5, 1),
                           area_names={"wyvern": "Wyvern", "rotherham": "Rotherham"})
    assert answer is not None
    assert answer.text.splitlines() == [
        "Wyvern Domestic Abuse and Safe Accommodation Strategy: for 2022 to 2025 [1] "
        "(adopted; current, to 2025)",
        "Rotherham: Domestic Abuse Strategy 2022-2027 [2] (adopted; current, to 2027)"]


def test_a_title_line_is_not_repeated_and_an_unknown_status_is_not_shown():
    doc = DocumentInfo("rt", "rotherham", "Safer Rotherham Partnership Domestic Abuse Strategy "
                       "2022-2027", "2022-2027", "strategy", "unknown")
    answer = period_answer([_hit(doc, "Safer Rotherham Partnership\n\nDomestic Abuse Strategy "
                                      "2022-2027\n\nIntroduction", 0)], ["rt"],
                           today=date(2026, 1, 1))
    assert answer is not None
    assert answer.text == "Domestic Abuse Strategy 2022-2027 [1] (current, to 2027)"
    # a bare period names no document, though the title ends with it
    years = period_answer([_hit(doc, "Safer Rotherham\n\n2022-2027\n\nIntroduction", 0)], ["rt"],
                          today=date(2026, 1, 1))
    assert years is not None and years.text == (
        "Safer Rotherham Partnership Domestic Abuse Strategy 2022-2027: 2022-2027 [1] "
        "(current, to 2027)")
    # a Word or markdown title line keeps its "## " in the extracted text, where the quote
    # points; the answer shows the line as the page writes it
    marked = period_answer([_hit(doc, "# Safer Rotherham Partnership\n\n## Domestic Abuse "
                                      "Strategy 2022-2027\n\n## Introduction", 0)], ["rt"],
                           today=date(2026, 1, 1))
    assert marked is not None and marked.citations[0].quote.startswith("## ")
    assert marked.text == "Domestic Abuse Strategy 2022-2027 [1] (current, to 2027)"


def test_a_question_about_its_standing_quotes_the_line_that_says_it_is_a_draft():
    draft = DocumentInfo("tw", "telford", "Telford & Wrekin Council Domestic Abuse Strategy",
                         "2025-2028", "strategy", "draft")
    title_page = "DRAFT v0.4 – for consultation\n\nTelford & Wrekin Council\n2025 to 2028"
    hits = [_hit(draft, title_page, 0)]
    asked = period_answer(hits, ["tw"], status=True, today=date(2026, 1, 1))
    assert asked is not None and asked.citations[0].quote == "DRAFT v0.4 – for consultation"
    assert asked.text.endswith("[1] (draft; current, to 2028)")
    # asked when it runs, the period line answers
    dated = period_answer(hits, ["tw"], today=date(2026, 1, 1))
    assert dated is not None and dated.citations[0].quote == "2025 to 2028"


def test_no_period_line_in_the_hits_gives_no_answer():
    assert period_answer([_hit(DOCS[0], "Foreword by the chair", 0)], ["wy-2016"]) is None


def test_ask_answers_a_period_question_from_the_title_page(fake_kb):
    answer = fake_kb.ask("When does the Northshire strategy end?")
    assert answer.found and "2018-2021 [1]" in answer.text
    (citation,) = answer.citations
    assert citation.quote == "NORTHSHIRE DOMESTIC ABUSE STRATEGY 2018-2021"
    hits = fake_kb.search("When does the Northshire strategy end?", k=3)
    assert hits[0].chunk_id == citation.chunk_id


def test_a_question_about_the_strategys_content_is_not_a_period_question(fake_kb):
    answer = fake_kb.ask("What does the Northshire strategy say about its vision?")
    assert "NORTHSHIRE DOMESTIC ABUSE STRATEGY 2018-2021 [" not in answer.text


def test_which_of_many_councils_strategies_are_drafts_names_those_that_are():
    """Over more councils than one answer lists, "Which strategies are still drafts?" is
    answered by the drafts' standing lines (and "Which have been adopted?" by the adopted
    ones); "When do the strategies end?" still names none."""
    docs = [DocumentInfo(f"c{i}", f"council{i}", f"Council {i} Domestic Abuse Strategy 2024-2027",
                         "2024-2027", "strategy", "draft" if i in (3, 7) else "adopted")
            for i in range(14)]
    resolver = DocumentResolver(docs)
    drafts = "Which strategies are still drafts?"
    assert resolver.period_asked(drafts, drafts, None, most=12) == ["c3", "c7"]
    adopted = "Which strategies have been adopted?"
    assert resolver.period_asked(adopted, adopted, None, most=12) == [
        f"c{i}" for i in range(14) if i not in (3, 7)]
    ended = "When do the strategies end?"
    assert resolver.period_asked(ended, ended, None, most=12) == []


def test_a_document_whose_text_gives_no_period_is_answered_with_its_record(tmp_path):
    """"When was the Wyvern recovery launch?": the launch's slides give no date line, so the
    answer is the document as it is held, its title and period, citing its opening line,
    rather than a refusal or another document's passages."""
    from tests.corpus_support import WYVERN, corpus_kb, document

    manifest = WYVERN + document("wyvern-launch.txt", "wyvern",
                                 "Wyvern Recovery Pilots launch event (2031)", "2031-2032",
                                 kind="presentation", status="update")
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nPrevention\n\nWe will run "
                      "healthy relationships sessions in every secondary school.\n",
        "wyvern-launch.txt": "Recovery Pilots Launch Event\n\n11:00 - 13:00\n\nPilots\n\nSeven "
                             "recovery pilots were commissioned for adults and children.\n"},
        manifest)
    answer = kb.ask("When was the Wyvern recovery pilots launch?")
    assert answer.found
    assert "Wyvern Recovery Pilots launch event (2031)" in answer.text
    assert answer.citations and answer.citations[0].doc_id == "wyvern-launch"
