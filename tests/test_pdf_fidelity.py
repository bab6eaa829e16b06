"""The bundled corpus typeset as council PDFs keeps its text twin's sentences, sections and
headings (eval.pdf_fidelity, no questions involved); pinned so a regression in the PDF path shows."""

from pathlib import Path

import pytest

from eval.pdf_corpus import LAYOUTS
from eval.pdf_fidelity import Fidelity, compare_file

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
COUNCILS = Path(__file__).resolve().parent / "fixtures" / "councils"


def overall(files: list[Path], layout: str) -> dict[str, float]:
    total = Fidelity("overall")
    for path in files:
        total.add(compare_file(path, LAYOUTS[layout], examples=0))
    return total.shares()


def test_corpus_pdfs_keep_sentences_sections_and_headings():
    shares = overall(sorted(CORPUS.glob("*.txt")), "council")  # before the PDF-path fixes: 0.853 0.572 0.977
    assert shares["verbatim"] >= 0.95
    assert shares["section"] >= 0.93
    assert shares["headings"] >= 0.98


@pytest.mark.parametrize("layout", ["dense", "large", "numbers", "tight"])
def test_other_house_styles_keep_the_fixture_councils_sentences(layout):
    shares = overall(sorted(COUNCILS.glob("*.txt")), layout)  # before: 0.68-0.70 verbatim
    assert shares["verbatim"] >= 0.95


def test_a_layout_without_blank_lines_between_paragraphs_keeps_its_headings():
    # before: 0.855 verbatim, 0.926 headings; 0.596 section before a contents page's
    # sections stopped nesting under the headings it does not list (the title page's lines)
    shares = overall(sorted(CORPUS.glob("*.txt")), "tight")
    assert shares["verbatim"] >= 0.95
    assert shares["headings"] >= 0.9
    assert shares["section"] >= 0.78
