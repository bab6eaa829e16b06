"""Board papers: items and order, one reference numbering, JSON round trip, safe file names,
and the re-check of citations against the store on open."""

from __future__ import annotations

import json
import re

import pytest

from kb.records import Facet
from kb.reports import paper
from kb.reports.paper import ItemKind, numbered
from kb.reports.paper_codec import paper_from_dict, paper_to_dict
from kb.reports.paper_store import CHANGED_HELD, REMOVED, PaperStore, ReportError, safe_name
from tests.paper_support import DRAFT, OTHER, SHARED, sample_paper


def test_items_keep_order_and_default_headings():
    built = sample_paper()
    assert [i.kind for i in built.items] == [ItemKind.ANSWER, ItemKind.ANSWER, ItemKind.COMPARISON,
                                             ItemKind.REGISTER, ItemKind.COVERAGE]
    assert built.items[0].title == "Question: What will Testshire do about employers?"
    assert built.items[2].title == "Employers compared"


def test_move_remove_and_edit():
    built = sample_paper()
    ids = [i.item_id for i in built.items]
    moved = paper.move(built, 2, -1)
    assert [i.item_id for i in moved.items] == [ids[0], ids[2], ids[1], ids[3], ids[4]]
    assert [i.item_id for i in paper.move(built, 0, -1).items] == ids  # clamped at the top
    assert [i.item_id for i in paper.remove(built, 0).items] == ids[1:]
    edited = paper.edit(built, 1, heading="Perpetrators", note="  plain note ")
    assert (edited.items[1].title, edited.items[1].note) == ("Perpetrators", "plain note")
    with pytest.raises(ValueError, match="has no item 9"):
        paper.remove(built, 8)
    with pytest.raises(ValueError, match="at most"):
        paper.edit(built, 0, note="x" * 5000)


def test_references_numbered_once_and_markers_renumbered():
    items, references = numbered(sample_paper())
    assert [r.n for r in references] == [1, 2, 3, 4]
    quotes = [r.citation.quote for r in references]
    assert quotes.count(SHARED) == 1  # cited five times, one number
    first, second = items[0].body, items[1].body
    assert first.text.endswith(f"{OTHER} [2]")
    # the second answer's local [1] (draft) is global 3; its local [2] (shared) is global 1
    assert second.text == f"{DRAFT} [3]\n{SHARED} [1]"
    comparison = items[2].body
    assert comparison.cells["testshire"][Facet.ACTIONS][0].n == 1
    assert comparison.cells["northshire"][Facet.INDICATORS][0].n == 4
    assert items[3].body.items["action"][0].citation.n == 2
    numbers = {int(n) for item in items[:2] for n in re.findall(r"\[(\d+)\]", item.body.text)}
    assert numbers <= {r.n for r in references}
    assert [r.draft for r in references] == [False, False, True, False]
    assert [r.expired for r in references] == [False, False, False, True]


def test_json_round_trip_keeps_every_record():
    built = sample_paper()
    data = json.loads(json.dumps(paper_to_dict(built)))
    again = paper_from_dict(data)
    assert again.items == built.items and again.name == built.name


def test_missing_facet_in_saved_comparison_is_an_empty_cell():
    data = paper_to_dict(sample_paper())
    del data["items"][2]["body"]["cells"]["testshire"]["context"]
    again = paper_from_dict(data)
    assert again.items[2].body.cells["testshire"][Facet.CONTEXT] == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs/path", "a/b\\c", "..\\x"])
def test_names_cannot_leave_the_folder(tmp_path, name):
    store = PaperStore(tmp_path / "reports")
    assert store.path(name).parent == tmp_path / "reports"
    assert safe_name("../../etc/passwd") == "etc-passwd"


def test_unusable_name_is_refused():
    with pytest.raises(ValueError, match="letters or digits"):
        safe_name("../..")


def test_store_saves_atomically_lists_and_deletes(tmp_path):
    store = PaperStore(tmp_path / "reports")
    built = sample_paper()
    store.save(built)
    store.save(paper.remove(built, 0))
    assert store.names() == ["Board paper: March"]
    assert len(store.load("board paper march").items) == 4  # same safe name
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["board-paper-march.json"]
    store.delete("Board paper: March")
    with pytest.raises(ReportError, match="no report named"):
        store.load("Board paper: March")


def test_reopened_report_flags_removed_and_changed_sources(fake_kb, fixture_corpus):
    reports = fake_kb.reports
    reports.create("Board")
    answer = fake_kb.ask("What will Testshire do about employers?")
    compared = fake_kb.compare("perpetrator programmes")
    reports.add("Board", answer, "What will Testshire do about employers?")
    reports.add("Board", compared, "perpetrator programmes")
    assert reports.get("Board").problems == {}
    # Testshire's file changes (re-ingested with new text), Northshire's is removed
    path = fixture_corpus / "oxford_snippet.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    fake_kb.ingest([path])
    fake_kb.store.delete_document("northshire-snippet")
    fake_kb.refresh()
    reopened = fake_kb.reports.get("Board")
    assert len(reopened.items) == 2  # nothing dropped
    _, references = numbered(reopened)
    problems = {(r.citation.area, r.problem) for r in references}
    assert problems == {("testshire", CHANGED_HELD), ("northshire", REMOVED)}


def test_unreadable_file_is_a_named_error_and_not_listed(tmp_path):
    store = PaperStore(tmp_path / "reports")
    store.save(sample_paper())
    (tmp_path / "reports" / "broken.json").write_text("{not json", encoding="utf-8")
    assert store.names() == ["Board paper: March"]
    with pytest.raises(ReportError, match="cannot be read"):
        store.load("broken")
    assert not list((tmp_path / "reports").glob(".tmp-*"))  # no temporary file left behind
    assert oct((tmp_path / "reports" / "board-paper-march.json").stat().st_mode & 0o777) == "0o644"
