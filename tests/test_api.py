from pathlib import Path

import docx
import pytest

from eval import metrics
from eval.questions import load_questions
from kb.reports.export import export

FIXTURES = Path(__file__).parent / "fixtures"


def test_search_restricts_to_named_area(fake_kb):
    hits = fake_kb.search("What will Testshire do about employers?", k=5)
    assert hits and {h.area for h in hits} == {"testshire"}
    assert "employers" in hits[0].text


def test_search_interleaves_areas_for_comparisons(fake_kb):
    hits = fake_kb.search("Compare perpetrator programmes in Testshire and Northshire", k=4)
    assert {h.area for h in hits[:2]} == {"testshire", "northshire"}


def test_one_area_set_against_the_others_searches_every_area(fake_kb):
    plan = fake_kb._retriever.plan("How does Northshire's refuge offer compare with the others?", None)
    assert plan.per_area and plan.areas[0] == "northshire" and "testshire" in plan.areas
    assert "others" not in plan.text and "Northshire" not in plan.text
    only = fake_kb._retriever.plan("How does Northshire work with other agencies?", None)
    assert only.areas == ("northshire",) and not only.per_area


def test_a_councils_full_name_is_its_area_not_another_document(fake_kb):
    assert fake_kb.areas.without_names("What does Testshire County Council's plan say?") == (
        "What does plan say?")
    answer = fake_kb.ask("What will Testshire County Council's strategy do about employers?")
    assert answer.found and {c.area for c in answer.citations} == {"testshire"}


def test_an_area_is_given_by_key_or_name_and_an_unknown_one_is_refused(fake_kb):
    """An area given that is no known area would show as an empty row ("no commitment
    found"), as if its strategy said nothing: it is refused, naming the known areas; a name
    or alias is read as its area."""
    from kb.errors import UnknownAreaError

    table = fake_kb.compare("perpetrator programmes", ["Testshire", "northshire"])
    assert table.areas == ["testshire", "northshire"]
    for call in (lambda: fake_kb.compare("perpetrator programmes", ["testshire", "wessex"]),
                 lambda: fake_kb.ask("What about refuges?", ["wessex"]),
                 lambda: fake_kb.search("refuges", areas=["wessex"])):
        with pytest.raises(UnknownAreaError, match="'wessex'.*testshire"):
            call()


def test_search_rejects_bad_k(fake_kb):
    with pytest.raises(ValueError, match="k must be greater than 0"):
        fake_kb.search("anything", k=0)


def test_acronyms_expand_from_the_documents_glossary(fake_kb):
    assert "Multi Agency Risk Assessment Conference" in fake_kb.glossary["MARAC"]
    plan = fake_kb._retriever.plan("What is a MARAC?", None)
    assert "Multi Agency Risk Assessment Conference" in plan.text


def test_ask_cites_verbatim_quotes(fake_kb):
    answer = fake_kb.ask("What will Testshire do about employers?")
    assert answer.found and answer.mode == "extractive"
    assert answer.text.split("\n")[0] == "- Develop and promote a training package for employers [1]"
    first = answer.citations[0]
    assert (first.n, first.doc_id, first.area, first.page) == (1, "oxford-snippet", "testshire", None)
    assert first.section.endswith("What we will do to improve services and address gaps")
    source = (FIXTURES / "oxford_snippet.txt").read_text()
    for citation in answer.citations:
        assert citation.quote in source
        assert source[citation.start:citation.end] == citation.quote


def test_ask_refuses_off_corpus_questions(fake_kb):
    answer = fake_kb.ask("What is Kent's refuge budget for 2023?")
    assert not answer.found and "do not cover" in answer.text
    assert answer.citations == []


def test_follow_up_takes_the_previous_question(fake_kb):
    answer = fake_kb.ask("and what about Northshire?",
                         history=["What will Testshire do about perpetrator programmes?"])
    assert answer.found
    assert {c.area for c in answer.citations} == {"northshire"}


def test_compare_fills_cells_and_leaves_honest_gaps(fake_kb):
    comparison = fake_kb.compare("perpetrator programmes")
    assert comparison.areas == ["northshire", "testshire"]
    assert comparison.cells["northshire"]["actions"]
    assert comparison.cells["testshire"]["actions"] == []
    assert comparison.notice == ""
    knives = fake_kb.compare("perpetrator programmes for knife carriers")
    assert "'knife'" in knives.notice and "'carriers'" in knives.notice


def test_exports_parse_back(fake_kb, tmp_path):
    comparison = fake_kb.compare("perpetrator programmes")
    export(comparison, "perpetrator programmes", tmp_path / "r.docx")
    document = docx.Document(str(tmp_path / "r.docx"))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "Area", "Aims and outcomes", "Indicators", "Actions", "Context and figures"]
    assert {row.cells[0].text for row in table.rows[1:]} == {"northshire", "testshire"}
    assert "no commitment found" in [c.text for c in table.rows[2].cells]
    knives = fake_kb.compare("knife crime perpetrator programmes")
    export(knives, "knife crime", tmp_path / "k.docx")
    assert knives.notice in [p.text for p in docx.Document(str(tmp_path / "k.docx")).paragraphs]
    export(knives, "knife crime", tmp_path / "k.md")
    assert "'knife'" in knives.notice and knives.notice in (tmp_path / "k.md").read_text()
    answer = fake_kb.ask("What will Testshire do about employers?")
    export(answer, "employers", tmp_path / "r.md")
    markdown = (tmp_path / "r.md").read_text()
    assert "## References" in markdown and "[1] Testshire Domestic Abuse Strategy" in markdown
    with pytest.raises(ValueError, match="docx or .md"):
        export(answer, "employers", tmp_path / "r.pdf")


def test_documents_lists_chunk_counts(fake_kb):
    docs = {d.doc_id: d for d in fake_kb.documents()}
    assert set(docs) == {"oxford-snippet", "northshire-snippet"}
    assert all(d.chunks > 0 for d in docs.values())


def test_retrieval_regression_on_fixture_questions(fake_kb):
    """Pins retrieval quality on the fixture set with the fake embedder."""
    questions = load_questions(FIXTURES / "questions.jsonl")
    recalls = []
    for item in questions:
        quotes = item.quotes
        if quotes:
            texts = [h.text for h in fake_kb.search(item.question, k=2)]
            recalls.append(metrics.recall_at_k(texts, quotes, 2))
    assert metrics.average(recalls) == pytest.approx(1.0)


def test_metrics_by_hand():
    chunk = "We will develop and promote a training package for employers in the county"
    assert metrics.holds(chunk, "develop and promote a training package for employers")
    assert not metrics.holds(chunk, "commission refuge services and explore safe options")
    assert metrics.recall_at_k(["x", chunk], ["promote a training package for employers"], 1) == 0
    assert metrics.reciprocal_rank(["x", chunk], ["promote a training package for employers"]) \
        == 0.5
    assert metrics.area_coverage(["a", "a"], ["a", "b"]) == 0.5
    assert metrics.percentile([1, 2, 3, 4], 50) == 2


def test_eval_question_evidence_is_verbatim():
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    questions = load_questions(Path(__file__).resolve().parent.parent / "eval" /
                               "questions.jsonl")
    assert {q.category for q in questions} == {
        "lookup", "aims_outcomes", "indicators", "actions", "compare", "paraphrase",
        "acronym", "unanswerable"}
    for item in questions:
        for evidence in item.evidence:
            assert evidence.quote in (corpus / evidence.document).read_text(), item.id


def test_load_questions_names_bad_lines(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "x"}\n')
    with pytest.raises(ValueError, match=r"q.jsonl:1: missing category"):
        load_questions(path)
