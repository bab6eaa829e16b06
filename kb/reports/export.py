"""Board-report export: one answer or comparison, or a whole board paper; Markdown or Word."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import IO, Any

from kb.records import FACET_LABELS, Answer, Citation, Comparison, Coverage, Facet, Framework
from kb.reports.coverage import SCALE
from kb.reports.paper import BoardPaper, Reference, ReportItem, item_problems, numbered
from kb.text import readable

NO_COMMITMENT = "no commitment found"


def _where(c: Citation) -> str:
    place = f"p. {c.page}" if c.page else (c.section or "whole document")
    flag = " (period ended)" if c.expired else ""
    return f"{c.title}, {c.area}, {c.period} [{c.status}{flag}], {place}"


def _references(citations: list[Citation]) -> list[str]:
    return [f'[{c.n}] {_where(c)}: "{readable(c.quote)}"' for c in citations]


def _comparison_citations(comparison: Comparison) -> list[Citation]:
    return [c for area in comparison.areas for facet in Facet
            for c in comparison.cells.get(area, {}).get(facet, [])]


def _cell(citations: list[Citation]) -> str:
    return "; ".join(f"{readable(c.quote)[:160]} [{c.n}]" for c in citations) or (
        NO_COMMITMENT)


def _comparison_rows(comparison: Comparison) -> tuple[list[str], list[list[str]]]:
    return (["Area", *(FACET_LABELS.get(f, f.value.title()) for f in Facet)],
            [[a, *(_cell(comparison.cells.get(a, {}).get(f, [])) for f in Facet)]
             for a in comparison.areas])


def to_markdown(record: Answer | Comparison, question: str) -> str:
    """The report as Markdown: title, date, question, answer or table, numbered references."""
    lines = ["# Strategy KB board report", "", f"Date: {date.today().isoformat()}", ""]
    if isinstance(record, Answer):
        lines += [f"**Question:** {question}", "", record.text, ""]
        citations = record.citations
    else:
        lines += [f"**Theme:** {question}", "", *_md_notice(record),
                  *_md_table(*_comparison_rows(record))]
        citations = _comparison_citations(record)
    lines += ["## References", ""] + [f"{ref}  " for ref in _references(citations)]
    return "\n".join(lines) + "\n"


def to_docx(record: Answer | Comparison, question: str, target: Path | IO[bytes]) -> None:
    """The same report as a Word document (to a path or a binary stream), with a real table
    for comparisons."""
    import docx

    document = docx.Document()
    document.add_heading("Strategy KB board report", level=1)
    document.add_paragraph(f"Date: {date.today().isoformat()}")
    if isinstance(record, Answer):
        document.add_paragraph(f"Question: {question}")
        for line in record.text.split("\n"):
            document.add_paragraph(line)
        citations = record.citations
    else:
        document.add_paragraph(f"Theme: {question}")
        _docx_comparison(document, record)
        citations = _comparison_citations(record)
    document.add_heading("References", level=2)
    for ref in _references(citations):
        document.add_paragraph(ref)
    document.save(str(target) if isinstance(target, Path) else target)


def export(record: Answer | Comparison, question: str, path: Path) -> None:
    """Write the report; the extension (.docx or .md) chooses the format.

    Raises:
        ValueError: another extension.
    """
    if format_for(path) == "docx":
        to_docx(record, question, path)
    else:
        path.write_text(to_markdown(record, question), encoding="utf-8")


def export_bytes(record: Answer | Comparison, question: str, fmt: str) -> bytes:
    """The report as bytes for a download button: fmt is 'docx' or 'md'.

    Raises:
        ValueError: another format.
    """
    if fmt == "md":
        return to_markdown(record, question).encode("utf-8")
    if fmt != "docx":
        raise ValueError(f"unknown export format {fmt!r}; use 'docx' or 'md'")
    buffer = io.BytesIO()
    to_docx(record, question, buffer)
    return buffer.getvalue()


# -- whole board papers: every item, one reference list, a currency note --------------------
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#|!~])")
_MD_MARKER = re.compile(r"\\\[(\d+(?:, \d+)*)\\\]")


def _md_plain(text: str) -> str:
    """Text as Markdown that shows exactly as written (no markup, links, images or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_source(text: str) -> str:
    """Source text made plain as `_md_plain` does, keeping the [n] markers readable."""
    return _MD_MARKER.sub(r"[\1]", _md_plain(text))


def _place(c: Citation) -> str:
    parts = ([f"p. {c.page}"] if c.page else []) + ([c.section] if c.section else [])
    return ", ".join(parts) or "whole document"


def reference_line(ref: Reference) -> str:
    """`[n] title, area, period, status, page/section: "quote"`, then its flags."""
    c = ref.citation
    flags = (["DRAFT"] if ref.draft else []) + (["PERIOD ENDED"] if ref.expired else []) + (
        [ref.problem.upper()] if ref.problem else [])
    flagged = f" [{'; '.join(flags)}]" if flags else ""
    return (f'[{ref.n}] {c.title}, {c.area}, {c.period}, {c.status}, {_place(c)}: '
            f'"{readable(c.quote)}"{flagged}')


def currency_lines(references: list[Reference]) -> list[str]:
    """The "Sources and currency" note: documents cited, drafts, ended periods, changes."""
    titles = {r.citation.doc_id: r.citation for r in references}

    def names(refs: list[Reference]) -> str:
        found = {r.citation.doc_id: f"{r.citation.title} ({r.citation.area}, {r.citation.period})"
                 for r in refs}
        return "; ".join(found.values())

    drafts = [r for r in references if r.draft]
    ended = [r for r in references if r.expired]
    changed = [r for r in references if r.problem]
    lines = [f"This paper cites {len(references)} passages from {len(titles)} documents."]
    if drafts:
        lines.append(f"Drafts, not adopted policy: {names(drafts)}.")
    if ended:
        lines.append(f"Strategies whose period has ended: {names(ended)}.")
    if changed:
        lines.append("Sources removed or changed since they were added: references "
                     + ", ".join(f"[{r.n}]" for r in changed) + ".")
    if not (drafts or ended or changed):
        lines.append("Every cited strategy is current and unchanged since it was added.")
    return lines


def _register_lines(framework: Framework) -> list[tuple[str, list[str]]]:
    return [(f"{kind.title()} ({len(items)})",
             [f"{i.text} [{i.citation.n}]" + (f" ({'; '.join(f'{k}: {v}' for k, v in i.details.items())})"
                                             if i.details else "") for i in items])
            for kind, items in framework.items.items() if items]


def _coverage_rows(coverage: Coverage, theme: str) -> list[list[str]]:
    return [[area, f"{cell.score} ({SCALE.get(cell.score, '')})"
             + (f", {cell.commitments} found" if cell.commitments else ""), _cell(cell.evidence)]
            for area, cell in coverage.cells.get(theme, {}).items()]


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(_md_source(" ".join(c.split())) for c in cells) + " |"

    return [row(header), "|" + "---|" * len(header), *(row(r) for r in rows), ""]


def _md_item(item: ReportItem, references: list[Reference]) -> list[str]:
    lines = [f"## {_md_plain(item.title)}", ""]
    if item.note:
        lines += [f"*Officer's note:* {_md_plain(item.note)}", ""]
    lines += [f"Source check: {_md_source(p)}  " for p in item_problems(item, references)]
    body = item.body
    if isinstance(body, Answer):
        lines += [f"**Question:** {_md_plain(item.subject)}", ""]
        lines += [_md_source(line) + (" *(unverified)*" if i in body.unverified else "") + "  "
                  for i, line in enumerate(body.text.split("\n"))] + [""]
    elif isinstance(body, Comparison):
        lines += [f"**Theme:** {_md_plain(item.subject)}", "", *_md_notice(body),
                  *_md_table(*_comparison_rows(body))]
    elif isinstance(body, Framework):
        for label, entries in _register_lines(body):
            lines += [f"### {label}", "", *(f"- {_md_source(e)}" for e in entries), ""]
    else:
        for theme in body.themes:
            rows = _coverage_rows(body, theme)
            lines += [f"**Theme:** {_md_plain(theme)}", "", *_md_table(["Area", "Score", "Evidence"], rows)]
    return lines


def paper_to_markdown(paper: BoardPaper) -> str:
    """The whole paper as Markdown: a section per item, one reference list, a currency note."""
    items, references = numbered(paper)
    lines = [f"# {_md_plain(paper.name)}", "", f"Date: {date.today().isoformat()}", ""]
    for item in items:
        lines += _md_item(item, references)
    lines += ["## References", "", *(f"{_md_source(reference_line(r))}  " for r in references), ""]
    lines += ["## Sources and currency", ""]
    lines += [f"{_md_source(line)}\n" for line in currency_lines(references)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _docx_table(document: Any, header: list[str], rows: list[list[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = label
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def _md_notice(comparison: Comparison) -> list[str]:
    """A comparison's notice (theme words no indexed document uses, a column compared alone),
    in italics."""
    return [f"*{_md_plain(comparison.notice)}*", ""] if comparison.notice else []


def _docx_comparison(document: Any, comparison: Comparison) -> None:
    """A comparison's notice, in italics, then its table."""
    if comparison.notice:
        document.add_paragraph().add_run(comparison.notice).italic = True
    _docx_table(document, *_comparison_rows(comparison))


def _docx_item(document: Any, item: ReportItem, references: list[Reference]) -> None:
    document.add_heading(item.title, level=2)
    if item.note:
        document.add_paragraph().add_run(f"Officer's note: {item.note}").italic = True
    for problem in item_problems(item, references):
        document.add_paragraph(f"Source check: {problem}")
    body = item.body
    if isinstance(body, Answer):
        document.add_paragraph(f"Question: {item.subject}")
        for i, line in enumerate(body.text.split("\n")):
            document.add_paragraph(line + (" (unverified)" if i in body.unverified else ""))
    elif isinstance(body, Comparison):
        document.add_paragraph(f"Theme: {item.subject}")
        _docx_comparison(document, body)
    elif isinstance(body, Framework):
        for label, entries in _register_lines(body):
            document.add_heading(label, level=3)
            for entry in entries:
                document.add_paragraph(entry, style="List Bullet")
    else:
        for theme in body.themes:
            document.add_paragraph(f"Theme: {theme}")
            _docx_table(document, ["Area", "Score", "Evidence"], _coverage_rows(body, theme))


def paper_to_docx(paper: BoardPaper, target: Path | IO[bytes]) -> None:
    """The whole paper as Word: Heading styles, real tables, one numbered reference list."""
    import docx

    items, references = numbered(paper)
    document = docx.Document()
    document.add_heading(paper.name, level=1)
    document.add_paragraph(f"Date: {date.today().isoformat()}")
    for item in items:
        _docx_item(document, item, references)
    document.add_heading("References", level=2)
    for ref in references:
        document.add_paragraph(reference_line(ref))
    document.add_heading("Sources and currency", level=2)
    for line in currency_lines(references):
        document.add_paragraph(line)
    document.save(str(target) if isinstance(target, Path) else target)


def paper_bytes(paper: BoardPaper, fmt: str) -> bytes:
    """The paper as bytes for a download or a file: fmt is 'docx' or 'md'.

    Raises:
        ValueError: another format.
    """
    if fmt == "md":
        return paper_to_markdown(paper).encode("utf-8")
    if fmt != "docx":
        raise ValueError(f"unknown export format {fmt!r}; use 'docx' or 'md'")
    buffer = io.BytesIO()
    paper_to_docx(paper, buffer)
    return buffer.getvalue()


def format_for(path: Path) -> str:
    """'docx' or 'md' from a file name.

    Raises:
        ValueError: another extension.
    """
    suffix = path.suffix.lower()
    if suffix in {".docx", ".md", ".markdown"}:
        return "docx" if suffix == ".docx" else "md"
    raise ValueError(f"--out must end in .docx or .md; got {path.name!r}")
