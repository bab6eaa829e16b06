"""The WordprocessingML names and text that ingest reads from a Word file's XML where
python-docx's API gives none (text boxes, footnotes and endnotes)."""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # w: as lxml spells it


def xml_text(paragraph: Any) -> str:
    """A `w:p` element's text: its `w:t` runs joined, white space collapsed."""
    return " ".join("".join(t.text or "" for t in paragraph.iter(f"{W}t")).split())
