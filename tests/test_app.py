"""Every user journey through the real app and kb.api, headless (streamlit AppTest)."""

import io
import re
from pathlib import Path

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from kb.api import KnowledgeBase
from tests.app_support import fixture_env

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def app(tmp_path, monkeypatch):
    for key, value in fixture_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def ask(at, question):
    if at.session_state["view"] != "Ask":
        show(at, "Ask")
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def show(at, view):
    """Open a tab: only the open tab's body runs."""
    at.session_state["view"] = view
    at.run()
    assert not at.exception
    return at


def test_ask_shows_cited_answer_and_sources(app):
    ask(app, "What will Testshire do about employers?")
    assistant = app.chat_message[1]
    text = " ".join(m.value for m in assistant.markdown)
    assert "employers" in text and "\\[1\\]" in text
    assert any(e.label.startswith("[1] Testshire Domestic Abuse Strategy") for e in app.expander)


def test_follow_up_uses_previous_question(app):
    ask(app, "What will Testshire do about perpetrator programmes?")
    ask(app, "and what about Northshire?")
    labels = [e.label for e in app.expander]
    assert any("Northshire Domestic Abuse Strategy" in label for label in labels)
    assert len(app.chat_message) == 4


def test_refusal_is_shown_as_such(app):
    ask(app, "What is Kent's refuge budget for 2023?")
    assert any("do not cover" in w.value for w in app.warning)


def test_compare_table_gaps_and_downloads(app):
    show(app, "Compare")
    next(t for t in app.text_input if t.label == "Theme or question").set_value(
        "perpetrator programmes")
    next(b for b in app.button if b.label == "Compare").click().run()
    assert not app.exception
    table = next(m.value for m in app.markdown if m.value.startswith("| Area |"))
    assert "northshire" in table and "no commitment found" in table
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Download Word report", "Download Markdown report"]
    assert not any("No indexed strategy uses" in i.value for i in app.info)
    next(t for t in app.text_input if t.label == "Theme or question").set_value(
        "perpetrator programmes for knife carriers")
    next(b for b in app.button if b.label == "Compare").click().run()
    assert any("No indexed strategy uses the words 'knife', 'carriers'" in i.value
               for i in app.info)


def test_browse_register_and_heatmap(app):
    show(app, "Browse")
    area_select = next(s for s in app.selectbox if s.label == "Area")
    area_select.set_value("northshire").run()
    assert not app.exception
    expanders = [e.label for e in app.expander]
    assert any(label.startswith("Vision (1)") for label in expanders)
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")


def test_upload_good_and_bad_files(app, tmp_path):
    document = docx.Document()
    document.add_heading("What strategic action should we take?", level=2)
    document.add_paragraph("Deliver healthy relationships lessons in every Kent school.")
    path = tmp_path / "kent.docx"
    document.save(str(path))
    show(app, "Library")
    uploader = app.file_uploader[0]
    uploader.set_value([("../../kent plan.docx", path.read_bytes(), "application/octet-stream"),
                        ("broken.pdf", b"%PDF-1.4 truncated", "application/pdf"),
                        ("empty.txt", b"", "text/plain")])
    next(t for t in app.text_input if t.label.startswith("Area")).set_value("Kent")
    app.get("form_submit_button")[0].click().run()
    assert not app.exception
    assert any("kent-plan.docx: indexed" in s.value for s in app.success), [e.value for e in app.error]
    assert any("area 'kent (Kent)' (given by the officer)" in c.value for c in app.caption), app.caption
    errors = " ".join(e.value for e in app.error)
    assert "broken.pdf: rejected" in errors and "empty.txt: rejected — empty file" in errors
    app.run()  # the documents list is cached per store version: the upload made a new one
    assert "kent" in set(app.dataframe[0].value["area"])


def test_hostile_text_is_escaped(app):
    ask(app, "What will Hostshire publish on council web pages?")
    rendered = " ".join(m.value for m in app.markdown)
    # tags are stripped at load; what is left of them is shown as text, never as HTML
    assert "<script>" not in rendered and "<img" not in rendered
    assert "Publish the helpline alert\\('owned'\\) on every" in rendered


def test_empty_store_says_so(tmp_path, monkeypatch):
    for key, value in fixture_env(tmp_path, ingest=False).items():
        monkeypatch.setenv(key, value)
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("store is empty" in i.value for i in at.info)


def test_bad_configuration_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    for key, value in fixture_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("KB_EMBED_MODEL", str(tmp_path / "no-such-model"))
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("cannot continue" in e.value for e in at.error)


def added(at):
    assert not at.exception
    return [s.value for s in at.success if s.value.startswith("Added to")]


def report_titles(at):
    """The report panel's item titles, unescaped: '1. Question: ...'."""
    plain = [m.value.replace("\\", "") for m in at.markdown]
    return [t.strip("*") for t in plain if re.match(r"\*\*\d+\. ", t)]


def test_report_journey_ask_add_compare_add_reorder_export(app):
    ask(app, "What will Testshire do about employers?")
    app.button(key="add-answer-0").click().run()
    assert added(app) == ["Added to Board report as item 1."]
    show(app, "Compare")
    next(t for t in app.text_input if t.label == "Theme or question").set_value(
        "perpetrator programmes")
    next(b for b in app.button if b.label == "Compare").click().run()
    app.button(key="add-comparison").click().run()
    assert added(app) == ["Added to Board report as item 2."]
    show(app, "Report")
    assert report_titles(app) == ["1. Question: What will Testshire do about employers?",
                                  "2. Comparison: perpetrator programmes"]
    second = app.button(key=next(b.key for b in app.button if b.key and b.key.startswith("up-")
                                 and not b.disabled))
    second.click().run()
    assert not app.exception
    assert report_titles(app)[0] == "1. Comparison: perpetrator programmes"
    preview = next(c.value for c in app.code if c.value.startswith("# Board report"))
    assert preview.index("## Comparison") < preview.index("## Question") < preview.index(
        "## References")
    labels = [d.label for d in app.get("download_button")]
    assert "Download report (Word)" in labels and "Download report (Markdown)" in labels
    # what the buttons serve: the saved report, reopened by a new knowledge base (a restart)
    document = docx.Document(io.BytesIO(KnowledgeBase.open().reports.export_bytes("Board report",
                                                                                "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Comparison: perpetrator programmes",
                        "Question: What will Testshire do about employers?", "References",
                        "Sources and currency"]
    assert document.tables[0].rows[0].cells[0].text == "Area"


def test_report_heading_note_remove_and_export_bytes(app):
    ask(app, "What will Testshire do about employers?")
    app.button(key="add-answer-0").click().run()
    show(app, "Browse")
    area_select = next(s for s in app.selectbox if s.label == "Area")
    area_select.set_value("northshire").run()
    app.button(key="add-register-northshire-vision").click().run()
    app.button(key="add-coverage").click().run()
    assert added(app) == ["Added to Board report as item 3."]
    show(app, "Report")
    note = next(t for t in app.text_area if t.label == "Officer's note")
    note.set_value("Read <b>this</b> first")
    next(t for t in app.text_input if t.label == "Heading").set_value("Employers")
    next(b for b in app.button if b.label == "Save heading and note").click().run()
    assert not app.exception
    assert report_titles(app)[0] == "1. Employers"
    assert any("Read \\<b\\>this\\</b\\> first" in c.value for c in app.caption)
    next(b for b in app.button if b.label == "Remove").click().run()
    assert report_titles(app) == ["1. Commitments register: northshire",
                                  "2. Coverage: children and young people"]


def test_new_report_from_the_sidebar(app):
    app.sidebar.text_input(key="new-report").set_value("April board")
    app.sidebar.button(key="create-report").click().run()
    assert not app.exception
    assert app.sidebar.selectbox[0].value == "April board"
    show(app, "Report")
    assert any("April board is empty" in i.value for i in app.info)
    ask(app, "What will Testshire do about employers?")
    app.button(key="add-answer-0").click().run()
    assert added(app) == ["Added to April board as item 1."]


def test_reopened_report_flags_a_removed_source(tmp_path, monkeypatch):
    env = fixture_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    kb = KnowledgeBase.open()
    kb.reports.create("Saved paper")
    question = "What will Testshire do about employers?"
    kb.reports.add("Saved paper", kb.ask(question), question, note="kept last week")
    kb.store.delete_document("oxford-snippet")
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["view"] = "Report"
    at.run()
    assert not at.exception
    assert at.sidebar.selectbox[0].value == "Saved paper"
    assert report_titles(at) == [f"1. Question: {question}"]
    assert any("source removed" in w.value for w in at.warning)


def test_only_the_open_tab_runs_and_store_views_are_cached(app, monkeypatch):
    calls = {"framework": 0, "coverage": 0}
    framework, coverage = KnowledgeBase.framework, KnowledgeBase.coverage

    def counted(name, method):
        def wrapper(self, *args):
            calls[name] += 1
            return method(self, *args)
        return wrapper

    monkeypatch.setattr(KnowledgeBase, "framework", counted("framework", framework))
    monkeypatch.setattr(KnowledgeBase, "coverage", counted("coverage", coverage))
    ask(app, "What will Testshire do about employers?")
    assert not [s for s in app.selectbox if s.label == "Area"]  # Browse did not run
    assert not app.get("arrow_vega_lite_chart") and not app.get("vega_lite_chart")
    assert calls == {"framework": 0, "coverage": 0}
    show(app, "Browse")
    show(app, "Ask")
    show(app, "Browse")
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")
    assert calls == {"framework": 1, "coverage": 1}  # once per store version, not per rerun


def test_a_spawned_ingest_worker_does_not_run_the_app(monkeypatch):
    """The upload sandbox spawns a worker that re-imports Streamlit's __main__ (app.py) as
    __mp_main__: that import must not open the knowledge base or render the page."""
    import runpy

    def refuse(*args, **kwargs):
        raise AssertionError("the app ran in a spawned worker")

    monkeypatch.setattr(KnowledgeBase, "open", refuse)
    namespace = runpy.run_path(APP, run_name="__mp_main__")
    assert callable(namespace["main"])
