"""Strategy KB in Streamlit: a thin view over kb.api (no chunking, no prompts, no chromadb).

Five tabs: Ask (chat with cited answers), Compare (aims / indicators / actions by area, with
Word and Markdown downloads), Browse (each area's commitments register and the theme coverage
heatmap), Library (indexed documents and uploads) and Report (the board paper being built:
every answer, comparison, register section and coverage view has "Add to report"). Every text
that comes from a document or an answer is escaped before it is shown: nothing from a source
is rendered as HTML.

Under load (many officers on one server) each rerun does only what is shown: the tabs track
which one is open and only that tab's body runs, and what is derived from the store (the
documents list, each area's register, the coverage matrix) is cached per store version
(`KnowledgeBase.version`, new after every ingest or upload), so it is computed once per
version for every session.
"""

from __future__ import annotations

import re
from typing import cast

import altair as alt
import streamlit as st

from kb.api import KnowledgeBase
from kb.errors import KBError
from kb.records import (
    FACET_LABELS,
    Answer,
    ChunkKind,
    Citation,
    Comparison,
    Coverage,
    CoverageCell,
    Facet,
    Framework,
    IndexedDocument,
)
from kb.reports.coverage import SCALE
from kb.reports.export import NO_COMMITMENT, export_bytes
from kb.reports.paper import MAX_NOTE, Body, ReportItem, item_problems, numbered
from kb.reports.paper_store import safe_name
from kb.text import readable

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$<])")
UPLOAD_TYPES = ["pdf", "docx", "txt", "md"]
DEFAULT_REPORT = "Board report"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
VIEWS = ("Ask", "Compare", "Browse", "Library", "Report")


def safe(text: str) -> str:
    """Escape markdown and HTML so source text always shows as plain text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


@st.cache_resource(show_spinner="Opening the knowledge base…")
def get_kb() -> KnowledgeBase:
    """One KnowledgeBase for every session; the embedding model loads on the first search."""
    return KnowledgeBase.open()


@st.cache_data(show_spinner=False, max_entries=8)
def documents_list(_kb: KnowledgeBase, version: str) -> list[IndexedDocument]:
    """The indexed documents (cached per store version)."""
    return _kb.documents()


@st.cache_data(show_spinner=False, max_entries=64)
def register_of(_kb: KnowledgeBase, version: str, area: str) -> Framework:
    """An area's commitments register (cached per store version and area)."""
    return _kb.framework(area)


@st.cache_data(show_spinner="Scoring themes across areas…", max_entries=8)
def coverage_rows(_kb: KnowledgeBase, version: str, areas: tuple[str, ...]
                  ) -> list[dict[str, object]]:
    """The coverage matrix of the areas as rows (cached per store version and areas)."""
    coverage = _kb.coverage(areas)
    return [
        {"theme": theme, "area": area, "score": cell.score, "commitments": cell.commitments,
         "evidence": [(c.title, c.section, c.quote) for c in cell.evidence],
         "citations": cell.evidence}
        for theme, row in coverage.cells.items() for area, cell in row.items()
    ]


def badge(c: Citation) -> str:
    """Period and status, flagged when the strategy's period has ended."""
    ended = " · period ended" if c.expired else ""
    return f"{c.area} · {c.period} · {c.status}{ended}"


def source_ui(kb: KnowledgeBase, c: Citation) -> None:
    """One numbered source: the quote highlighted inside its passage."""
    where = f"p. {c.page}" if c.page else (c.section or "whole document")
    with st.expander(f"[{c.n}] {c.title} — {where}"):
        st.caption(safe(badge(c)))
        before, quote, after = kb.passage(c)
        st.markdown(f"{safe(before)} **{safe(quote)}** {safe(after)}")


def answer_ui(kb: KnowledgeBase, answer: Answer) -> None:
    """An answer (or a refusal) with its numbered sources."""
    if answer.notice:
        st.info(safe(answer.notice))
    if not answer.found:
        st.warning(safe(answer.text))
        if answer.nearest:
            st.caption("Nearest passages (not an answer):")
            for c in answer.nearest:
                source_ui(kb, c)
        return
    lines = answer.text.split("\n")
    for index, line in enumerate(lines):
        marker = " ⚠️ unverified" if index in answer.unverified else ""
        st.markdown(safe(line) + marker)
    st.caption(f"Answer mode: {answer.mode}")
    for c in answer.citations:
        source_ui(kb, c)


def filters_ui(kb: KnowledgeBase) -> tuple[list[str], list[str], list[str]]:
    """Sidebar filters: areas, documents and content kinds (empty means all)."""
    st.sidebar.header("Filters")
    areas = st.sidebar.multiselect("Areas", kb.area_keys())
    documents = {d.title: d.doc_id for d in documents_list(kb, kb.version)}
    titles = st.sidebar.multiselect("Documents", list(documents))
    kinds = st.sidebar.multiselect("Content kinds", [k.value for k in ChunkKind])
    mode = "extractive (no LLM)" if kb.llm is None else f"LLM: {kb.llm.name}"
    st.sidebar.caption(f"Answer mode: {mode}")
    return areas, [documents[t] for t in titles], kinds


def ask_ui(kb: KnowledgeBase, areas: list[str], doc_ids: list[str], kinds: list[str]) -> None:
    """Chat: each turn's question and cited answer; follow-ups use earlier questions."""
    turns: list[tuple[str, Answer]] = st.session_state.setdefault("turns", [])
    question = st.chat_input("Ask about the strategies, e.g. What will Essex do about perpetrators?")
    if question:
        history = [q for q, _ in turns]
        turns.append((question, kb.ask(question, areas=areas or None, history=history,
                                       doc_ids=doc_ids or None, kinds=kinds or None)))
    for index, (asked, answer) in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(safe(asked))
        with st.chat_message("assistant"):
            answer_ui(kb, answer)
            if answer.found:
                add_to_report_ui(kb, f"add-answer-{index}", answer, asked)


def comparison_table(comparison: Comparison) -> str:
    """The comparison as a markdown table with escaped quotes and [n] markers."""
    header = "| Area | " + " | ".join(FACET_LABELS[f] for f in Facet) + " |"
    rows = [header, "|---|" + "---|" * len(Facet)]
    for area in comparison.areas:
        cells = []
        for facet in Facet:
            items = comparison.cells[area][facet]
            cells.append("<br>".join(f"{safe(readable(c.quote)[:220])} \\[{c.n}\\]" for c in items)
                         or f"*{NO_COMMITMENT}*")
        rows.append(f"| **{safe(area)}** | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def compare_ui(kb: KnowledgeBase) -> None:
    """Theme + areas -> the table, its references and downloads."""
    theme = st.text_input("Theme or question", placeholder="e.g. perpetrator programmes")
    areas = st.multiselect("Areas to compare", kb.area_keys(), default=kb.default_areas())
    if st.button("Compare", type="primary") and theme.strip():
        try:
            st.session_state["comparison"] = (theme, kb.compare(theme, areas or None))
        except KBError as exc:
            st.error(str(exc))
    if "comparison" not in st.session_state:
        return
    theme, comparison = st.session_state["comparison"]
    if comparison.notice:
        st.info(safe(comparison.notice))
    st.markdown(comparison_table(comparison), unsafe_allow_html=False)
    add_to_report_ui(kb, "add-comparison", comparison, theme)
    left, right = st.columns(2)
    left.download_button("Download Word report", export_bytes(comparison, theme, "docx"),
                         file_name="comparison.docx",
                         mime="application/vnd.openxmlformats-officedocument."
                              "wordprocessingml.document")
    right.download_button("Download Markdown report", export_bytes(comparison, theme, "md"),
                          file_name="comparison.md", mime="text/markdown")
    for area in comparison.areas:
        for facet in Facet:
            for c in comparison.cells[area][facet]:
                source_ui(kb, c)


def browse_ui(kb: KnowledgeBase) -> None:
    """An area's commitments register, then the theme coverage heatmap with its evidence."""
    if not kb.area_keys():
        return
    area = st.selectbox("Area", kb.area_keys())
    register = register_of(kb, kb.version, area)
    for kind, items in register.items.items():
        with st.expander(f"{kind.title()} ({len(items)})", expanded=kind in {"vision", "aim"}):
            for item in items:
                details = "; ".join(f"{k}: {v}" for k, v in item.details.items())
                st.markdown(f"- {safe(item.text)} \\[{safe(item.citation.title)}\\]")
                if details:
                    st.caption(safe(details))
            section = Framework(area=area, documents=register.documents, items={kind: items})
            add_to_report_ui(kb, f"add-register-{area}-{kind}", section, area)
    st.subheader("Theme coverage")
    chosen = st.multiselect("Areas in the coverage matrix", kb.area_keys(),
                            default=kb.default_areas() or [area])
    if not chosen:
        return
    rows = coverage_rows(kb, kb.version, tuple(chosen))
    chart = alt.Chart(alt.Data(values=[{k: r[k] for k in ("theme", "area", "score", "commitments")}
                                       for r in rows])).mark_rect().encode(
        x=alt.X("area:N", title="Area"), y=alt.Y("theme:N", title="Theme"),
        color=alt.Color("score:Q", scale=alt.Scale(domain=[0, max(SCALE)], scheme="blues"),
                        title=f"0 … {max(SCALE)}"),
        tooltip=["theme:N", "area:N", "score:Q", "commitments:Q"])
    st.altair_chart(chart, width="stretch")
    st.caption("Scale: " + "; ".join(f"{score} {label}" for score, label in SCALE.items()))
    theme = st.selectbox("Evidence for theme", sorted({str(r["theme"]) for r in rows}))
    for row in rows:
        if row["theme"] == theme:
            score = int(str(row["score"]))
            st.markdown(f"**{safe(str(row['area']))}** — {score}: {SCALE[score]} "
                        f"({row['commitments']} found)")
            for title, section, quote in row["evidence"]:  # type: ignore[attr-defined]
                st.caption(f"{safe(title)} · {safe(section)}: {safe(quote[:200])}")
    add_to_report_ui(kb, "add-coverage", coverage_view(rows, theme), theme)


def library_ui(kb: KnowledgeBase) -> None:
    """Indexed documents, and uploads of new strategies with a per-file result."""
    documents = documents_list(kb, kb.version)
    if documents:
        st.dataframe([{"title": d.title, "area": d.area, "period": d.period,
                       "status": d.status, "kind": d.kind, "chunks": d.chunks}
                      for d in documents], hide_index=True)
    with st.form("upload", clear_on_submit=True):
        files = st.file_uploader("Add strategies (PDF, Word, text)", type=UPLOAD_TYPES,
                                 accept_multiple_files=True)
        st.caption("Leave a field blank to read it from the document; the result says what was decided.")
        area = st.text_input("Area: a council name or an area key (e.g. New Forest, kent)")
        title = st.text_input("Title")
        period = st.text_input("Period (e.g. 2022-2027)")
        status = st.selectbox("Status", ["", "draft", "adopted", "historical"],
                              format_func=lambda s: s or "read from the document")
        submitted = st.form_submit_button("Ingest")
    if submitted and files:
        with st.status("Ingesting…", expanded=True) as progress:
            report = kb.ingest_uploads([(f.name, f.getvalue()) for f in files],
                                       {"area": area.strip(), "title": title.strip(),
                                        "period": period.strip(), "status": status})
            for name, count in report.indexed:
                replaced = "; it replaced the earlier version" if name in report.replaced else ""
                st.success(f"{name}: indexed ({count} chunks){replaced}")
                if name in report.decided:
                    st.caption(f"Decided: {report.decided[name].summary()}")
            for name in report.unchanged:
                st.info(f"{name}: already indexed, unchanged")
            for name, reason in report.rejected:
                st.error(f"{name}: rejected — {reason}")
            progress.update(label="Ingest finished", state="complete", expanded=True)


def coverage_view(rows: list[dict[str, object]], theme: str) -> Coverage:
    """One theme's row of the coverage matrix, as a record a report can keep."""
    cells = {str(r["area"]): CoverageCell(int(str(r["score"])), cast(list[Citation], r["citations"]),
                                          int(str(r["commitments"])))
             for r in rows if r["theme"] == theme}
    return Coverage(themes=[theme], areas=list(cells), cells={theme: cells})


def add_to_report_ui(kb: KnowledgeBase, key: str, body: Body, subject: str) -> None:
    """An "Add to report" button that keeps `body` in the current report."""
    if st.button("Add to report", key=key):
        name = st.session_state.get("report") or DEFAULT_REPORT
        kb.reports.create(name, exist_ok=True)
        paper = kb.reports.add(name, body, subject)
        st.success(f"Added to {safe(paper.name)} as item {len(paper.items)}.")


def report_picker_ui(kb: KnowledgeBase) -> str:
    """Sidebar: the report that "Add to report" fills, and a form to start a new one."""
    st.sidebar.header("Board report")
    new = st.sidebar.text_input("New report name", key="new-report")
    if st.sidebar.button("Create report", key="create-report") and new.strip():
        try:
            st.session_state["report"] = kb.reports.create(new).name
        except (KBError, ValueError) as exc:
            st.sidebar.error(safe(str(exc)))
    names = kb.reports.list()
    current = st.session_state.get("report") or (names[0] if names else DEFAULT_REPORT)
    options = names if current in names else [current, *names]
    st.session_state["report"] = st.sidebar.selectbox("Add items to", options,
                                                      index=options.index(current))
    return str(st.session_state["report"])


def report_item_ui(kb: KnowledgeBase, name: str, index: int, count: int, item: ReportItem,
                   problems: list[str]) -> None:
    """One kept item: heading, note, source checks, and up / down / remove."""
    with st.container(border=True):
        st.markdown(f"**{index + 1}. {safe(item.title)}**")
        st.caption(f"{item.kind.value} · {safe(item.subject)}")
        for problem in problems:
            st.warning(safe(problem))
        uid = item.item_id
        heading = st.text_input("Heading", value=item.heading, key=f"heading-{uid}")
        note = st.text_area("Officer's note", value=item.note, max_chars=MAX_NOTE,
                            key=f"note-{uid}")
        if note:
            st.caption("Note as it will print: " + safe(note))
        actions = (("Save heading and note", "save", False, lambda: kb.reports.edit(name, index, heading, note)),
                   ("Move up", "up", index == 0, lambda: kb.reports.move(name, index, -1)),
                   ("Move down", "down", index == count - 1, lambda: kb.reports.move(name, index, 1)),
                   ("Remove", "remove", False, lambda: kb.reports.remove(name, index)))
        for column, (label, tag, disabled, act) in zip(st.columns(4), actions, strict=True):
            if column.button(label, key=f"{tag}-{uid}", disabled=disabled):
                act()
                st.rerun()


def report_ui(kb: KnowledgeBase, name: str) -> None:
    """The report panel: kept items in order, editable, and Word / Markdown downloads."""
    paper = kb.reports.get(name) if name in kb.reports.list() else None
    if paper is None or not paper.items:
        st.info(f"{safe(name)} is empty: use \"Add to report\" under an answer, a comparison, "
                "a register section or a coverage view.")
        return
    items, references = numbered(paper)
    st.subheader(safe(paper.name))
    st.caption(f"{len(items)} items · {len(references)} references, numbered once")
    for index, item in enumerate(items):
        report_item_ui(kb, name, index, len(items), item, item_problems(item, references))
    markdown = kb.reports.export_bytes(name, "md")
    with st.expander("Preview the paper (Markdown, as exported)"):
        st.code(markdown.decode("utf-8"), language="markdown", wrap_lines=True)
    left, right = st.columns(2)
    stem = safe_name(name)
    left.download_button("Download report (Word)", kb.reports.export_bytes(name, "docx"),
                         file_name=f"{stem}.docx", mime=DOCX_MIME, key="report-docx")
    right.download_button("Download report (Markdown)", markdown,
                          file_name=f"{stem}.md", mime="text/markdown", key="report-md")


def main() -> None:
    """Render the page; domain errors become messages, never tracebacks."""
    st.set_page_config(page_title="Strategy KB", layout="wide")
    st.title("Strategy KB")
    try:
        kb = get_kb()
        kb.refresh_if_changed()  # another process (an ingest, another app) may have written
        areas, doc_ids, kinds = filters_ui(kb)
        report = report_picker_ui(kb)
        if not documents_list(kb, kb.version):
            st.info("The store is empty: add strategies in the Library tab or run "
                    "`python -m ingest`.")
        # only the open tab's body runs (the tabs rerun the page when another is chosen)
        ask, compare, browse, library, report_tab = st.tabs(VIEWS, key="view", on_change="rerun")
        if ask.open:
            with ask:
                ask_ui(kb, areas, doc_ids, kinds)
        if compare.open:
            with compare:
                compare_ui(kb)
        if browse.open:
            with browse:
                browse_ui(kb)
        if library.open:
            with library:
                library_ui(kb)
        if report_tab.open:
            with report_tab:
                report_ui(kb, report)
    except KBError as exc:
        st.error(f"Strategy KB cannot continue: {exc}")


# Streamlit runs this file as __main__; the ingest sandbox's spawned worker re-imports it as
# __mp_main__, and must not open the knowledge base or render the page again in every upload.
if __name__ == "__main__":
    main()
