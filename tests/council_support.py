"""Other councils' strategies for tests: the fixture folder of their house styles, a manifest
that knows none of them, and a Word strategy built with real heading styles."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from kb.manifest import Area, Manifest

COUNCILS = Path(__file__).parent / "fixtures" / "councils"
KNOWN = Manifest(areas={"testshire": Area("testshire", "Testshire", ("Testshire",))})


def cumberland_docx() -> bytes:
    """A Word strategy with real heading styles, a numbered priority list and a KPI table."""
    document = docx.Document()
    document.core_properties.title = "Cumberland Domestic Abuse Strategy 2024-2027"
    document.add_heading("Cumberland Council", level=0)
    document.add_paragraph("Working together for a Cumberland free from domestic abuse. Cumberland Council "
                           "leads the Safer Cumberland Partnership on this strategy.")
    document.add_heading("Our vision", level=1)
    document.add_paragraph("Every resident of Cumberland can live free from abuse and fear.")
    document.add_heading("Our commitments", level=1)
    for text in ("We will open a domestic abuse hub in Carlisle and Whitehaven.",
                 "We will fund specialist support for older victims."):
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Key performance indicators", level=1)
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, (("Measure", "Baseline", "Target"),
                                       ("Repeat victims referred to MARAC", "31%", "25%"),
                                       ("Children supported by the hub", "120", "300")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Governance", level=1)
    document.add_paragraph("Cumberland Council's Domestic Abuse Partnership Board oversees delivery.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
