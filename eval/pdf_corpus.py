"""`python -m eval.pdf_corpus OUT_DIR`: the bundled corpus typeset as council-style PDFs.

Each text file becomes a PDF with a running header (the council's name), a "Page N" footer,
lines wrapped at the column width and tab-separated rows set as table columns, with a
manifest giving each PDF its text twin's metadata. Scoring the eval over that folder
(`KB_CORPUS_DIR=OUT_DIR KB_STORE_DIR=... python -m eval`) against the text corpus measures
what PDF extraction loses: the PDF/text recall ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from ingest.pipeline import collect_files
from kb.config import Settings
from kb.manifest import MANIFEST_NAME

FONT, SIZE, LEADING = "Helvetica", 10, 13
LEFT, WIDTH, TOP, BOTTOM = 60.0, 470.0, 780.0, 60.0


def render_pdf(text: str, path: Path, header: str) -> None:
    """Typeset text as a council PDF: running header, "Page N" footer, wrapped lines, tables."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    state = {"page": 1, "y": TOP}

    def start_page() -> None:
        pdf.setFont(FONT, 8)
        pdf.drawString(LEFT, 810, header)
        pdf.setFont(FONT, SIZE)
        state["y"] = TOP

    def end_page() -> None:
        pdf.setFont(FONT, 8)
        pdf.drawString(LEFT, 30, f"Page {state['page']}")
        pdf.showPage()
        state["page"] += 1
        start_page()

    def line_at(cells: list[tuple[float, str]]) -> None:
        if state["y"] < BOTTOM:
            end_page()
        for x, words in cells:
            pdf.drawString(x, state["y"], words)
        state["y"] -= LEADING

    start_page()
    for paragraph in text.split("\n"):
        if "\t" in paragraph:  # a table row: each cell wrapped in its own column
            cells = paragraph.split("\t")
            column = WIDTH / len(cells)
            wrapped = [simpleSplit(c, FONT, SIZE, column - 8) or [""] for c in cells]
            for row in range(max(len(w) for w in wrapped)):
                line_at([(LEFT + i * column, w[row]) for i, w in enumerate(wrapped) if row < len(w)])
            continue
        for line in simpleSplit(paragraph, FONT, SIZE, WIDTH) or [""]:
            line_at([(LEFT, line)])
    pdf.setFont(FONT, 8)
    pdf.drawString(LEFT, 30, f"Page {state['page']}")
    pdf.save()


def render_corpus(corpus: Path, out: Path) -> list[Path]:
    """Render every text file of the corpus into `out`, with a manifest for the PDFs."""
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = corpus / MANIFEST_NAME
    manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    lines = [f"[areas.{key}]\nname = {json.dumps(area['name'])}\naliases = {json.dumps(area.get('aliases', []))}\n"
             for key, area in manifest.get("areas", {}).items()]  # JSON strings are TOML strings
    written = []
    for source in collect_files([corpus]):
        if source.suffix.lower() != ".txt":
            continue
        entry = manifest.get("documents", {}).get(source.name, {})
        target = out / f"{source.stem}.pdf"
        area = manifest.get("areas", {}).get(entry.get("area", ""), {}).get("name", "")
        render_pdf(source.read_text(encoding="utf-8"), target, f"{area} Council".strip())
        fields = "".join(f"{k} = {json.dumps(v)}\n" for k, v in entry.items())
        lines.append(f'[documents."{target.name}"]\n{fields}')
        written.append(target)
    (out / MANIFEST_NAME).write_text("\n".join(lines), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    """Render the configured corpus (KB_CORPUS_DIR) as PDFs into OUT_DIR."""
    parser = argparse.ArgumentParser(prog="python -m eval.pdf_corpus", description=__doc__)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    for path in render_corpus(Settings.from_env().corpus_dir, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
