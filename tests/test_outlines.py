"""Questions about what a document covers as a whole: which documents they ask about, and the
answer, the document's own headings in order, quoted and cited (fictional councils)."""

import pytest

from kb.answers.outlines import outline_answer, top_headings
from kb.records import ChunkKind, DocumentInfo, Hit
from kb.retrieval.documents import DocumentResolver
from tests.test_documents_resolver import DOCS  # the fictional councils' documents


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the 2016-19 strategy about?", ["wy-2016"]),
    ("Summarise the Sanctuary Scheme launch event.", ["wy-event"]),
    ("What happened at the launch event?", ["wy-event"]),
    ("What does the delivery plan cover?", ["wy-plan"]),
    ("Give me an overview of the latest strategy", ["wy-2022"]),
    ("What topics does the previous strategy cover?", ["wy-2016"]),
    ("What sections does the Safe Accommodation Delivery Plan have?", ["wy-plan"]),
    ("What were the main points of the launch event?", ["wy-event"]),
    ("Give me the headlines of the delivery plan.", ["wy-plan"]),
    ("What were the headline messages of the launch event?", ["wy-event"]),
    ("What are the key messages of the latest strategy?", ["wy-2022"]),
    # what a document says about something is its content, not its outline
    ("What does the 2016-19 strategy say about refuges?", []),
    ("What topics does the delivery plan cover for children?", []),
    ("What are the key points about refuges in the delivery plan?", []),
    ("What is the sanctuary scheme about?", []),
    # a title's words after "about" are the topic ("… and Safe Accommodation Strategy")
    ("What does Wyvern say about safe accommodation?", []),
    ("Tell me about the delivery plan", ["wy-plan"]),
    ("What period does the latest strategy cover?", []),
    ("What are the priorities of the strategy?", []),
    # which place it covers is no outline
    ("What area does the latest strategy cover?", []),
    ("Which districts does the delivery plan cover?", []),
])
def test_questions_about_what_a_document_covers(question, expected):
    resolver = DocumentResolver(DOCS)
    assert resolver.outline_asked(question, question, ["wyvern"], most=3) == expected


def test_more_documents_than_one_answer_outlines_are_none():
    resolver = DocumentResolver(DOCS)
    question = "What are the strategies about?"
    assert resolver.outline_asked(question, question, None, most=3) == ["wy-2016", "wy-2022",
                                                                        "cv-2020"]
    assert resolver.outline_asked(question, question, None, most=2) == []


def _hits(doc: DocumentInfo, passages: list[tuple[str, str]]) -> list[Hit]:
    hits, start = [], 0
    for n, (section, text) in enumerate(passages):
        hits.append(Hit(chunk_id=f"{doc.doc_id}:{n}", text=text, score=0.0, doc_id=doc.doc_id,
                        area=doc.area, title=doc.title, period=doc.period, page=1,
                        section=section, kind=ChunkKind.CONTEXT, start=start,
                        end=start + len(text), status=doc.status))
        start += len(text) + 2
    return hits


STRATEGY = _hits(DOCS[1], [
    ("Wyvern Domestic Abuse and Safe Accommodation Strategy",
     "Wyvern Domestic Abuse and Safe Accommodation Strategy\n\n2022 to 2025"),
    ("Contents", "Contents\n\n1. Our priorities\t4\n2. Delivery\t9"),
    ("1. Our priorities", "1. Our priorities\n\nWe have three."),
    ("1. Our priorities > Safe homes", "Safe homes\n\nEvery refuge place is kept."),
    ("2. Delivery", "Our partners deliver the plan.\n\n2. Delivery\n\nThe board meets monthly."),
    ("Annex: the board", "The board's members are listed below."),
])


def test_an_outline_is_the_documents_top_level_headings_in_order():
    """Not its title page, its contents page, a sub-heading or a heading no passage writes
    out ("Annex: the board"); a heading is quoted where its passage writes it."""
    headings = top_headings(STRATEGY)
    assert [hit.text[a:b] for hit, a, b in headings] == ["1. Our priorities", "2. Delivery"]
    answer = outline_answer(["wy-2022"], lambda doc_id: STRATEGY)
    assert answer is not None and answer.found
    assert answer.text.splitlines() == [
        "Wyvern Domestic Abuse and Safe Accommodation Strategy (2022-2025) is set out under "
        "these headings:", "- 1. Our priorities [1]", "- 2. Delivery [2]"]
    delivery = answer.citations[1]
    passage = STRATEGY[4]
    assert delivery.quote == "2. Delivery"
    assert delivery.start == passage.start + passage.text.index("2. Delivery")


def test_sections_that_all_sit_under_the_title_are_outlined_by_their_own_headings():
    nested = _hits(DOCS[4], [
        ("CALDER VALE DOMESTIC ABUSE STRATEGY 2020-2023",
         "CALDER VALE DOMESTIC ABUSE STRATEGY 2020-2023\n\nOur vision\n\nA safe Calder Vale."),
        ("CALDER VALE DOMESTIC ABUSE STRATEGY 2020-2023 > What we will do",
         "What we will do\n\n1. Fund the refuge."),
        ("CALDER VALE DOMESTIC ABUSE STRATEGY 2020-2023 > How we will know",
         "How we will know\n\nFewer repeat referrals."),
    ])
    assert [hit.text[a:b] for hit, a, b in top_headings(nested)] == ["What we will do",
                                                                      "How we will know"]


def test_a_draft_line_heading_the_title_page_is_no_heading_of_the_outline():
    sections = [("Foreword", "Foreword\n\nWe are proud of this plan."),
                ("Actions", "Actions\n\nOpen two refuges.")]
    draft = _hits(DOCS[2], [
        ("DRAFT v0.3 – for consultation", "DRAFT v0.3 – for consultation\n\nWyvern Council"),
        *sections])
    assert [hit.text[a:b] for hit, a, b in top_headings(draft)] == ["Foreword", "Actions"]
    # nor is a partnership's name over the title and date (a heading that heads no sentence)
    titled = _hits(DOCS[2], [
        ("WYVERN COMMUNITY SAFETY PARTNERSHIP", "WYVERN COMMUNITY SAFETY PARTNERSHIP\n\n"
         "Safe Accommodation Delivery Plan\n\nMarch 2022"), *sections])
    assert [hit.text[a:b] for hit, a, b in top_headings(titled)] == ["Foreword", "Actions"]


def test_a_document_without_headings_gives_no_outline():
    flat = _hits(DOCS[0], [("", "We will keep victims safe.")])
    assert outline_answer(["wy-2016"], lambda doc_id: flat) is None


def test_ask_outlines_the_strategy_it_names(fake_kb):
    answer = fake_kb.ask("What is the Northshire strategy about?")
    assert answer.text.splitlines() == [
        "Northshire Domestic Abuse Strategy 2018-2021 is set out under these headings:",
        "- Our Northshire Vision [1]", "- What strategic action should we take? [2]",
        "- Key Outcomes & indicators of progress on this measure [3]"]
    for citation in answer.citations:
        hits = [h for h in fake_kb.search(citation.quote, k=8) if h.chunk_id == citation.chunk_id]
        assert hits and hits[0].text[citation.start - hits[0].start:
                                     citation.end - hits[0].start] == citation.quote
    # what it says about something is answered from its passages
    about = fake_kb.ask("What does the Northshire strategy say about sanctuary schemes?")
    assert "set out under these headings" not in about.text
