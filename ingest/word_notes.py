"""A Word file's footnotes and endnotes, which python-docx does not read.

Councils cite the source of each figure in a footnote ("£48 million per annum¹" … "¹ Needs
Assessment 2014"). The text keeps a superscript number where it cites a note, and the notes
follow the body under a "Notes" heading, numbered in the order the text cites them, as a PDF of
the same document reads. Running headers and footers (the council's name, "Page 3") are left
out, as the PDF path drops them.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.parser import parse_xml  # python-docx's parser: no entity expansion
from lxml import etree

from ingest.word_xml import W, xml_text
from kb.errors import DocumentRejected
from kb.text import TO_SUPERSCRIPT

_KINDS = ("footnote", "endnote")  # the part's relationship type and element name alike


class WordNotes:
    """The notes of one Word document and the numbers its text cites them by."""

    def __init__(self, document: Any) -> None:
        """Read the notes parts of a python-docx `Document` and number its citations."""
        self._texts: dict[tuple[str, str], str] = {}
        for rel in document.part.rels.values():
            kind = rel.reltype.rsplit("/", 1)[-1].removesuffix("s")
            if kind in _KINDS and not rel.is_external:
                self._texts.update(_notes(kind, rel.target_part.blob))
        self._numbers: dict[tuple[str, str], int] = {}
        for reference in document.element.body.iter(*(f"{W}{k}Reference" for k in _KINDS)):
            key = _key(reference)
            if key in self._texts:
                self._numbers.setdefault(key, len(self._numbers) + 1)

    def text(self, paragraph: Any) -> str:
        """A paragraph's text (a `w:p` element), with each note it cites as a superscript
        number after the run that cites it."""
        if not self._numbers:
            return str(paragraph.text)
        return "".join(part.text + self._markers(part)
                       for part in paragraph.xpath("w:r | w:hyperlink"))

    def lines(self, level: int) -> list[str]:
        """The cited notes under a "Notes" heading of the document's top heading `level` (a
        section of its own, beside its chapters), one paragraph each ("¹ Home Office, 2013");
        none when the text cites none."""
        if not self._numbers:
            return []
        return [f"\n{'#' * level} Notes\n"] + [f"{_superscript(n)} {self._texts[key]}\n"
                                               for key, n in self._numbers.items()]

    def _markers(self, part: Any) -> str:
        numbers = (self._numbers.get(_key(ref))
                   for ref in part.iter(*(f"{W}{k}Reference" for k in _KINDS)))
        return "".join(_superscript(n) for n in numbers if n)


def _notes(kind: str, xml: bytes) -> dict[tuple[str, str], str]:
    """The text of each note in a footnotes or endnotes part, by (kind, id); Word's separator
    notes (the rule above the notes) have a type and no text worth keeping.

    Raises:
        DocumentRejected: the part is not XML (Word itself would not open the file).
    """
    try:
        root = parse_xml(xml)
    except etree.XMLSyntaxError as exc:
        raise DocumentRejected(f"corrupt Word file (its {kind}s are not XML: {exc})") from exc
    notes = {}
    for note in root.iter(f"{W}{kind}"):
        if note.get(f"{W}type"):
            continue
        text = " ".join(filter(None, (xml_text(p) for p in note.iter(f"{W}p"))))
        if text:
            notes[(kind, note.get(f"{W}id", ""))] = text
    return notes


def _key(reference: Any) -> tuple[str, str]:
    kind = reference.tag.removeprefix(W).removesuffix("Reference")
    return kind, reference.get(f"{W}id", "")


def _superscript(number: int) -> str:
    return str(number).translate(TO_SUPERSCRIPT)
