"""A council the manifest has never heard of, end to end: ingested as it comes, then asked about
by name, compared with a known area, and present in the register and the coverage matrix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.cli import print_report
from kb.records import ChunkKind, Facet

COUNCIL_FILE = Path(__file__).parent / "fixtures" / "councils" / "telford-da-strategy.txt"
KEY = "telford-and-wrekin"


@pytest.fixture
def kb_with_new_council(fake_kb, tmp_path):
    upload = tmp_path / "incoming" / "strategy.txt"  # a file name that says nothing
    upload.parent.mkdir()
    shutil.copy(COUNCIL_FILE, upload)
    report = fake_kb.ingest([upload])
    return fake_kb, report


def test_ingest_decides_and_reports_the_metadata(kb_with_new_council, capsys):
    kb, report = kb_with_new_council
    print_report(report)
    printed = capsys.readouterr().out
    assert f"area '{KEY} (Telford & Wrekin)'" in printed
    assert "period '2025-2028'" in printed and "status 'draft'" in printed
    [document] = [d for d in kb.documents() if d.area == KEY]
    assert document.area_name == "Telford & Wrekin" and "TWCSP" in document.area_aliases
    assert KEY in kb.area_keys()


@pytest.mark.parametrize("question", ["What are Telford & Wrekin's priorities?",
                                      "What will Telford and Wrekin do about perpetrators?",
                                      "What does the TWCSP strategy commit to?"])
def test_questions_name_the_new_council(kb_with_new_council, question):
    kb, _ = kb_with_new_council
    hits = kb.search(question, k=5)
    assert hits and {h.area for h in hits} == {KEY}
    answer = kb.ask(question)
    assert answer.citations and {c.area for c in answer.citations} == {KEY}


def test_acronym_the_new_document_defines_is_answered(kb_with_new_council):
    kb, _ = kb_with_new_council
    answer = kb.ask("What is LEAN in Telford & Wrekin?")
    assert answer.citations, answer.text
    assert "Lived Experience Advisory Network" in answer.text


def test_compare_register_and_coverage_include_it(kb_with_new_council):
    kb, _ = kb_with_new_council
    comparison = kb.compare("perpetrators", [KEY, "testshire"])
    assert any(comparison.cells[KEY][facet] for facet in Facet)
    assert any(comparison.cells["testshire"][facet] for facet in Facet)
    framework = kb.framework(KEY)
    assert framework.items[ChunkKind.ACTION] and framework.items[ChunkKind.AIM]
    coverage = kb.coverage()
    assert KEY in coverage.areas
    assert any(coverage.cells[theme][KEY].score > 0 for theme in coverage.themes)


def test_another_subject_age_and_unknown_theme_words_in_a_new_house_style(kb_with_new_council):
    kb, _ = kb_with_new_council
    # another subject asked of the new council is refused
    assert not kb.ask("What does Telford and Wrekin say about potholes?").found
    # which strategy is the newest: the new council's (2025 to 2028), from its title page
    newest = kb.ask("Which is the most recent strategy?")
    assert newest.found and [c.area for c in newest.citations] == [KEY]
    assert "2025 to 2028" in newest.text
    # a comparison theme with a word no document uses says so above the table
    knives = kb.compare("knife crime perpetrators", [KEY, "testshire"])
    assert "'knife'" in knives.notice
