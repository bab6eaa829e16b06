"""Board-report export of an answer or a comparison: Markdown or Word (python-docx)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import IO

from kb.records import FACET_LABELS, Answer, Citation, Comparison, Facet

NO_COMMITMENT = "no commitment found"


def _where(c: Citation) -> str:
    place = f"p. {c.page}" if c.page else (c.section or "whole document")
    flag = " (period ended)" if c.expired else ""
    return f"{c.title}, {c.area}, {c.period} [{c.status}{flag}], {place}"


def _references(citations: list[Citation]) -> list[str]:
    return [f'[{c.n}] {_where(c)}: "{" ".join(c.quote.split())}"' for c in citations]


def _comparison_citations(comparison: Comparison) -> list[Citation]:
    return [c for area in comparison.areas for facet in Facet
            for c in comparison.cells.get(area, {}).get(facet, [])]


def _cell(citations: list[Citation]) -> str:
    return "; ".join(f"{' '.join(c.quote.split())[:160]} [{c.n}]" for c in citations) or (
        NO_COMMITMENT)


def to_markdown(record: Answer | Comparison, question: str) -> str:
    """The report as Markdown: title, date, question, answer or table, numbered references."""
    lines = ["# Strategy KB board report", "", f"Date: {date.today().isoformat()}", ""]
    if isinstance(record, Answer):
        lines += [f"**Question:** {question}", "", record.text, ""]
        citations = record.citations
    else:
        lines += [f"**Theme:** {question}", "", "| Area | " + " | ".join(FACET_LABELS[f]
                                                                       for f in Facet) + " |",
                  "|---|" + "---|" * len(Facet)]
        for area in record.areas:
            cells = [_cell(record.cells.get(area, {}).get(f, [])).replace("|", "/")
                     for f in Facet]
            lines.append(f"| {area} | " + " | ".join(cells) + " |")
        lines.append("")
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
        table = document.add_table(rows=1, cols=1 + len(Facet))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, ["Area", *(FACET_LABELS[f] for f in Facet)],
                               strict=True):
            cell.text = label
        for area in record.areas:
            row = table.add_row().cells
            row[0].text = area
            for i, facet in enumerate(Facet, start=1):
                row[i].text = _cell(record.cells.get(area, {}).get(facet, []))
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
    if path.suffix.lower() == ".docx":
        to_docx(record, question, path)
    elif path.suffix.lower() in {".md", ".markdown"}:
        path.write_text(to_markdown(record, question), encoding="utf-8")
    else:
        raise ValueError(f"--out must end in .docx or .md; got {path.name!r}")


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
