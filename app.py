"""Streamlit app: a thin view over kb.api (no chunking, no prompts, no chromadb here).

Run with `streamlit run app.py`. This first version lists the indexed documents and answers
questions with numbered, quoted sources; compare, browse and upload views follow.
"""

from __future__ import annotations

import streamlit as st

from kb.api import KnowledgeBase
from kb.errors import KBError
from kb.records import Answer, IndexedDocument


@st.cache_resource
def get_kb() -> KnowledgeBase:
    """One KnowledgeBase shared by every session (opened once, model loaded on first search)."""
    return KnowledgeBase.open()

def documents_ui(documents: list[IndexedDocument]) -> None:
    """The library: what is indexed."""
    st.subheader("Indexed documents")
    if not documents:
        st.info("The store is empty: run `python -m ingest` to index the corpus.")
        return
    st.dataframe(
        [{"title": d.title, "area": d.area, "period": d.period, "status": d.status,
          "kind": d.kind, "chunks": d.chunks} for d in documents],
        hide_index=True,
    )

def answer_ui(answer: Answer) -> None:
    """An answer with its numbered sources; source text is escaped, never rendered as HTML."""
    if not answer.found:
        st.warning(answer.text)
        return
    st.text(answer.text)
    for c in answer.citations:
        where = f"p. {c.page}" if c.page else c.section
        flag = " · period ended" if c.expired else ""
        with st.expander(f"[{c.n}] {c.title} — {where}"):
            st.caption(f"{c.area} · {c.period} · {c.status}{flag}")
            st.text(c.quote)

def main() -> None:
    """Render the page."""
    st.set_page_config(page_title="Strategy KB", layout="wide")
    st.title("Strategy KB")
    try:
        kb = get_kb()
        documents_ui(kb.documents())
        question = st.chat_input("Ask about the strategies")
        if question:
            with st.chat_message("user"):
                st.text(question)
            with st.chat_message("assistant"):
                answer_ui(kb.ask(question))
    except KBError as exc:
        st.error(str(exc))

main()
