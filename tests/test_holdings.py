"""Questions about what the knowledge base holds: which documents they ask for, and the
answer, the documents by area with their kind, period and status, each citing its opening
line (fictional councils)."""

import pytest

from kb.answers.holdings import MAX_DOCUMENTS, holdings_answer
from kb.records import ChunkKind, DocumentInfo, Hit
from kb.retrieval.documents import DocumentResolver
from tests.corpus_support import CALDER_AREA, WYVERN_AREA, corpus_kb, document
from tests.test_documents_resolver import DOCS  # the fictional councils' documents


@pytest.mark.parametrize(("question", "areas", "expected"), [
    ("What documents do you hold for Wyvern?", ["wyvern"],
     ["wy-plan", "wy-2022", "wy-event", "wy-2016"]),
    ("Which strategies have been uploaded?", None, ["cv-2020", "wy-2022", "wy-2016"]),
    ("List the presentations", None, ["wy-event"]),
    ("What's in the library?", None, ["cv-2020", "wy-plan", "wy-2022", "wy-event", "wy-2016"]),
    ("Is the delivery plan available?", ["wyvern"], ["wy-plan"]),
    ("Which councils have a strategy?", None, ["cv-2020", "wy-2022", "wy-2016"]),
    ("Which councils have an IDVA service?", None, []),
    # what documents say is their content, not what is held
    ("Which documents mention refuges?", None, []),
    ("What support is available?", None, []),
    ("What documents do you hold on forced marriage?", None, []),
    ("List the actions in the delivery plan", ["wyvern"], []),
    ("What does the Wyvern strategy say about refuges?", ["wyvern"], []),
    # which of the documents is an area's (the area named by one of its places)
    ("Which strategy covers Calder Vale?", ["calder"], ["cv-2020"]),
    ("What strategy does Calder Vale have?", ["calder"], ["cv-2020"]),
    ("Which plan is for Wyvern?", ["wyvern"], ["wy-plan"]),
    ("Which strategy covers stalking?", None, []),
    ("What plan does Wyvern have for perpetrators?", ["wyvern"], []),
])
def test_questions_about_what_is_held(question, areas, expected):
    assert DocumentResolver(DOCS).holdings_asked(question, question, areas) == expected


def _opening(doc: DocumentInfo) -> Hit:
    text = f"\n{doc.title}\n\nOur first page."
    return Hit(chunk_id=f"{doc.doc_id}:0", text=text, score=0.0, doc_id=doc.doc_id,
               area=doc.area, title=doc.title, period=doc.period, page=1, section="",
               kind=ChunkKind.CONTEXT, start=100, end=100 + len(text), status=doc.status)


def test_a_store_of_many_lists_the_first_documents_and_counts_the_rest():
    many = [DocumentInfo(f"d{n:03}", f"area{n:03}", f"Strategy {n}", "2030-2033", "strategy",
                         "adopted") for n in range(MAX_DOCUMENTS + 5)]
    by_id = {d.doc_id: d for d in many}
    answer = holdings_answer([d.doc_id for d in many], by_id.get,
                             lambda doc_id: _opening(by_id[doc_id]), {})
    assert answer is not None and answer.found
    lines = answer.text.splitlines()
    assert lines[0] == f"{MAX_DOCUMENTS + 5} documents from {MAX_DOCUMENTS + 5} areas are held:"
    assert lines[1:3] == ["area000:", "- Strategy 0 (strategy; 2030-2033; adopted) [1]"]
    assert len(answer.citations) == MAX_DOCUMENTS
    assert lines[-1].startswith("… and 5 more")
    first = answer.citations[0]  # the opening line as written, where it is written
    assert (first.quote, first.start, first.end) == ("Strategy 0", 101, 111)
    assert holdings_answer([], by_id.get, lambda doc_id: None, {}) is None


def test_ask_lists_the_documents_held_for_an_area(tmp_path):
    manifest = (WYVERN_AREA  # (periods far ahead: none has ended)
                + document("wyvern.txt", "wyvern", "Wyvern Domestic Abuse Strategy 2090-2095",
                           "2090-2095")
                + document("wyvern-slides.txt", "wyvern", "Wyvern Refuge Launch Event",
                           "2091-2092", kind="presentation", status="update")
                + CALDER_AREA + document("calder.txt", "calder",
                                         "Calder Vale Domestic Abuse Strategy 2090-2093",
                                         "2090-2093"))
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "WYVERN DOMESTIC ABUSE STRATEGY 2090 TO 2095\n\nWe will open two "
                      "refuges for women and children fleeing abuse in Wyvern.",
        "wyvern-slides.txt": "Refuge launch, March 2091\n\nThe new refuge opened with twelve "
                             "rooms for survivors and their children.",
        "calder.txt": "Calder Vale Domestic Abuse Strategy\n\nWe will train every GP practice "
                      "to ask about domestic abuse."}, manifest)
    answer = kb.ask("What documents do you hold for Wyvern?")
    assert answer.found
    assert answer.text.splitlines() == [
        "2 documents are held for Wyvern:",
        "- Wyvern Refuge Launch Event (presentation; 2091-2092; update) [1]",
        "- Wyvern Domestic Abuse Strategy 2090-2095 (strategy; adopted) [2]"]
    assert [c.quote for c in answer.citations] == ["Refuge launch, March 2091",
                                                   "WYVERN DOMESTIC ABUSE STRATEGY 2090 TO 2095"]
    every = kb.ask("Which documents are held?")
    assert every.text.splitlines()[0] == "3 documents from 2 areas are held:"
    assert "Calder Vale:" in every.text.splitlines()
    # a question about what the documents say is answered from their passages
    assert "are held" not in kb.ask("What does Wyvern say about refuges?").text
