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
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from ingest.pipeline import collect_files
from kb.config import Settings
from kb.manifest import MANIFEST_NAME

FONT = "Helvetica"


@dataclass(frozen=True)
class Layout:
    """How a council PDF is set: type size, margins, running header lines and footer style.

    `footer` is formatted with the page number `n` and the page count `m` ("Page {n} of {m}",
    "- {n} -"); `header` lines are set above the council's name line, which always comes first.
    """

    size: float = 10
    leading: float = 13
    left: float = 60.0
    width: float = 470.0
    top: float = 780.0
    bottom: float = 60.0
    header: tuple[str, ...] = ()
    footer: str = "Page {n}"
    blank: float = 1.0  # the height of an empty line, in leadings (paragraph spacing)


COUNCIL = Layout()
# Other house styles, so that what the PDF path learns is not fitted to one renderer.
LAYOUTS = {
    "council": COUNCIL,
    "dense": Layout(size=9, leading=11, left=45.0, width=505.0, top=790.0, bottom=50.0,
                    footer="- {n} -"),
    "large": Layout(size=12, leading=15, left=72.0, width=450.0, top=760.0, bottom=72.0,
                    header=("Domestic Abuse Strategy",), footer="Page {n} of {m}"),
    "numbers": Layout(size=11, leading=14, left=65.0, width=460.0, footer="{n}"),
    "tight": Layout(blank=0.4, footer="Page {n} of {m}"),
}

_Line = list[tuple[float, str]]  # (x, text) of each cell set on one line


def _lines(text: str, layout: Layout) -> list[_Line]:
    """Paragraphs wrapped to the column; tab-separated rows set as columns, each cell wrapped
    in its own; an empty paragraph is an empty line."""
    lines: list[_Line] = []
    for paragraph in text.split("\n"):
        if "\t" in paragraph:  # a table row: each cell wrapped in its own column
            cells = paragraph.split("\t")
            column = layout.width / len(cells)
            wrapped = [simpleSplit(c, FONT, layout.size, column - 8) or [""] for c in cells]
            for row in range(max(len(w) for w in wrapped)):
                lines.append([(layout.left + i * column, w[row])
                              for i, w in enumerate(wrapped) if row < len(w)])
            continue
        lines.extend([(layout.left, line)] for line in simpleSplit(paragraph, FONT, layout.size, layout.width)
                     or [""])
    return lines


def _typeset(text: str, layout: Layout) -> list[list[tuple[float, _Line]]]:
    """Text broken into pages of (y, line), an empty line `layout.blank` leadings high."""
    pages: list[list[tuple[float, _Line]]] = [[]]
    y = layout.top
    for line in _lines(text, layout):
        if y < layout.bottom:
            pages.append([])
            y = layout.top
        pages[-1].append((y, line))
        empty = not any(words for _, words in line)
        y -= layout.leading * (layout.blank if empty else 1)
    return pages


def render_pdf(text: str, path: Path, header: str, layout: Layout = COUNCIL) -> None:
    """Typeset text as a council PDF: running header, page-number footer, wrapped lines, tables."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pages = _typeset(text, layout)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont(FONT, 8)
        for i, line in enumerate((header, *layout.header)):
            pdf.drawString(layout.left, 810 - 10 * i, line)
        pdf.drawString(layout.left, 30, layout.footer.format(n=number, m=len(pages)))
        pdf.setFont(FONT, layout.size)
        for y, cells in lines:
            for x, words in cells:
                pdf.drawString(x, y, words)
        pdf.showPage()
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
