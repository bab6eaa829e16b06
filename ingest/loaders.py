"""Loaders: text (any common encoding), PDF (pypdf, cleaned) and Word (python-docx, with its
footnotes and endnotes: `ingest.word_notes`)."""

from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.pdf_text import clean_pages, running_text
from ingest.word_xml import W, xml_text
from kb.errors import DocumentRejected
from kb.records import Page

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


@dataclass(frozen=True)
class Loaded:
    """A parsed file: its pages and the properties it declares (title, author, subject), with
    the text it runs over every page (`RUNNING`: a PDF's running headers and footers, a Word
    document's page headers and footers), which the pages no longer hold."""

    pages: tuple[Page, ...]
    properties: dict[str, str] = field(default_factory=dict)


PROPERTIES = ("title", "author", "subject")  # what a file may declare about itself
RUNNING = "running"  # … and the property holding the text set over every page


def _properties(declared: Callable[[str], object]) -> dict[str, str]:
    """The non-empty declared properties, whitespace collapsed and at most 300 characters."""
    values = {name: " ".join(str(declared(name) or "").split())[:300] for name in PROPERTIES}
    return {name: value for name, value in values.items() if value}


def _running(lines: list[str]) -> dict[str, str]:
    """The `RUNNING` property for the lines set over every page (none when there are none)."""
    text = " / ".join(lines)
    return {RUNNING: text[:300]} if text else {}


def _page_headers(document: DocxDocument) -> list[str]:
    """The lines of a Word document's page headers and footers, each once."""
    lines: dict[str, None] = {}
    for section in document.sections:
        parts = [section.header, section.footer]
        if section.different_first_page_header_footer:
            parts += [section.first_page_header, section.first_page_footer]
        for part in parts:
            if part.is_linked_to_previous:  # (none of its own: the previous section's)
                continue
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    lines[" ".join(paragraph.text.split())] = None
    return list(lines)


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM-marked UTF-8/16, then UTF-8, then cp1252, then latin-1.

    Never raises UnicodeDecodeError: latin-1 maps every byte. Line endings become \\n.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        for encoding in ("utf-8", "cp1252", "latin-1"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes) -> tuple[Page, ...]:
    """A text file is one page with no page number."""
    text = decode_text(data)
    if not text.strip():
        raise DocumentRejected("empty file (no text after decoding)")
    return (Page(number=None, text=text),)


_PDF_ERRORS: tuple[type[BaseException], ...] = (
    ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError,
    struct.error, zlib.error, OSError, RecursionError,
)


def load_pdf(data: bytes) -> tuple[Page, ...]:
    """Text per page (1-based), with running headers/footers stripped and lines re-joined.

    Raises:
        DocumentRejected: encrypted with a password, corrupt or truncated, or no text layer.
    """
    return read_pdf(data).pages


def read_pdf(data: bytes) -> Loaded:
    """`load_pdf` with the document information's title, author and subject.

    Raises:
        DocumentRejected: as for `load_pdf`.
    """
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentRejected("encrypted PDF: it needs a password")
        raw = [(i + 1, page.extract_text(extraction_mode="layout") or "")
               for i, page in enumerate(reader.pages)]
        info: dict[str, object] = dict(reader.metadata or {})
        properties = _properties(lambda name: info.get(f"/{name.title()}"))
    except DocumentRejected:
        raise
    except LimitReachedError as exc:
        raise DocumentRejected(f"a stream inflates past the reader's limit (decompression bomb?): {exc}"
                               ) from exc
    except (PyPdfError, *_PDF_ERRORS) as exc:  # type: ignore[misc]
        raise DocumentRejected(f"corrupt or truncated PDF ({type(exc).__name__}: {exc})") from exc
    if not raw:
        raise DocumentRejected("corrupt PDF: no pages")
    readable = [(number, _readable(text)) for number, text in raw]
    pages = clean_pages(readable)
    properties |= _running(running_text(readable))
    if sum(len(p.text.split()) for p in pages) < 5:
        lost = sum(len(text) - len(kept) for (_, text), (_, kept) in zip(raw, readable, strict=True))
        if lost >= 20:
            raise DocumentRejected(f"its text layer cannot be read: {lost} characters use fonts with no "
                                   "Unicode map (export it again from the source, or OCR it)")
        raise DocumentRejected("no text layer — needs OCR (scanned or image-only PDF)")
    return Loaded(pages, properties)


_UNREADABLE = frozenset({"Cc", "Co", "Cs", "Cn"})
# A glyph with no Unicode meaning standing alone as a word is a list bullet (Symbol and
# Wingdings bullets extract as private-use or control characters).
_GLYPH_BULLET = re.compile(r"(?<!\S)[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd](?= )")


def _readable(text: str) -> str:
    """Text without the characters a font with no Unicode map yields (NULs, private-use and
    replacement characters), except that such a glyph standing alone as a word is read as a bullet (•);
    letters of any script are kept (Welsh, Arabic, Urdu...)."""
    text = _GLYPH_BULLET.sub("•", text)
    return "".join(c for c in text if c in "\n\t" or (c != "\ufffd"
                                                      and unicodedata.category(c) not in _UNREADABLE))


def load_docx(data: bytes) -> tuple[Page, ...]:
    """Paragraphs (headings as markdown #, list items as bullets) and tables row by row.

    Raises:
        DocumentRejected: not a valid Word package, or no text.
    """
    return read_docx(data).pages


def read_docx(data: bytes) -> Loaded:
    """`load_docx` with the core properties' title, author and subject.

    Raises:
        DocumentRejected: as for `load_docx`.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_package(data)
    try:
        document: DocxDocument = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentRejected(f"corrupt Word file ({type(exc).__name__}: {exc})") from exc
    from ingest.word_notes import WordNotes

    notes = WordNotes(document)
    bold_headings = not _uses_heading_styles(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            line = _paragraph_line(block, notes.text(block._p), bold_headings)
            if line and lines and lines[-1].startswith("- ") and not line.startswith("- "):
                lines.append("")  # a list ends where a paragraph that is no item of it starts
            lines.append(line)
            lines += [f"{text}\n" for text in _text_boxes(block._p)]
        elif isinstance(block, Table):
            lines.append("")
            for row in block.rows:
                cells = [" ".join(" ".join(notes.text(p._p) for p in c.paragraphs).split())
                         for c in row.cells]
                lines.append("\t".join(_dedupe_merged(cells)))
            lines.append("")
    headings = [len(m.group(1)) for line in lines if (m := _HEADING_LINE.match(line))]
    lines += notes.lines(min(headings, default=1))
    text = "\n\n".join(part for part in "\n".join(lines).split("\n\n") if part.strip())
    if not text.strip():
        raise DocumentRejected("empty Word document (no text)")
    core = document.core_properties
    properties = _properties(lambda name: getattr(core, name))
    return Loaded((Page(number=None, text=text),), properties | _running(_page_headers(document)))


MAX_PART_MB = 100  # no Word part of a strategy inflates past this; a zip bomb does


def _check_package(data: bytes) -> None:
    """Refuse a Word package whose parts inflate past MAX_PART_MB or that declare XML entities
    (Word never writes a DTD; entity expansion is an attack)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if info.file_size > MAX_PART_MB * 1_000_000:
                    raise DocumentRejected(f"a part of the Word file ({info.filename}) inflates to "
                                           f"{info.file_size // 1_000_000} MB (zip bomb?)")
            if "word/document.xml" in archive.namelist():
                with archive.open("word/document.xml") as member:
                    head = member.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise DocumentRejected("the Word XML declares entities (DTD), which Word "
                                           "never writes: refused as an entity-expansion attack")
    except zipfile.BadZipFile as exc:
        raise DocumentRejected(f"corrupt Word file (BadZipFile: {exc})") from exc


_HEADING_LINE = re.compile(r"\n(#+) ")  # a "Heading N" paragraph as `_paragraph_line` writes it
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in a Word paragraph (a designed strategy's
    call-outs: "1 in 4 women…"), which python-docx's paragraph text leaves out. Word writes
    each box twice, for new and old readers; the old readers' copy (mc:Fallback) is skipped."""
    found = []
    for box in paragraph.iter(f"{W}txbxContent"):
        ancestor = box.getparent()
        while ancestor is not None and ancestor.tag != _FALLBACK:
            ancestor = ancestor.getparent()
        if ancestor is not None:
            continue
        for p in box.iter(f"{W}p"):
            text = xml_text(p)
            if text:
                found.append(text)
    return found


def _paragraph_line(paragraph: object, text: str, bold_headings: bool = False) -> str:
    """A paragraph as a line of text: a heading as markdown ("## Our aims"), a list item as a
    bullet. `bold_headings`: the document uses no heading style, so a short paragraph set
    all in bold is one of its headings."""
    text = " ".join(text.split())
    style = getattr(paragraph, "style", None)
    name = getattr(style, "name", "") or ""
    if not text or name.lower().startswith("toc "):  # a generated table of contents
        return ""
    heading = _heading_style(style)
    if heading.startswith("Heading") and heading[-1:].isdigit():
        return "\n" + "#" * int(heading[-1]) + " " + text + "\n"
    if heading == "Title":
        return "# " + text + "\n"
    if "List" in name or _numbered(paragraph):
        return "- " + text
    if bold_headings and _bold_title(paragraph, text):
        return "\n## " + text + "\n"
    return text + "\n"


BOLD_TITLE_WORDS = 14  # a bold line this short with no sentence end is a heading


def _bold_title(paragraph: Any, text: str) -> bool:
    """Every run with text is bold (by itself or by its paragraph's style), and the text is
    short and ends no sentence ("Our three aims", not "We will:" nor a bold sentence)."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return (bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)
            and len(text.split()) <= BOLD_TITLE_WORDS and not text.endswith((".", ":", ";", ",")))


def _uses_heading_styles(document: Any) -> bool:
    """Some paragraph of the document is set in a heading style (or the title's)."""
    return any(_heading_style(p.style).startswith(("Heading", "Title")) for p in document.paragraphs)


def _numbered(paragraph: object) -> bool:
    """A paragraph Word numbers or bullets by its own properties (w:numPr), whatever its style."""
    properties = getattr(getattr(paragraph, "_p", None), "pPr", None)
    return properties is not None and properties.numPr is not None


def _heading_style(style: Any) -> str:
    """The built-in heading style ("Heading 2", "Title") a paragraph style is, or is based on
    ("Strategy Heading" based on "Heading 2"), else its own name."""
    name = getattr(style, "name", "") or ""
    for _ in range(5):  # a chain of custom styles, bounded
        current = getattr(style, "name", "") or ""
        if (current.startswith("Heading") and current[-1:].isdigit()) or current == "Title":
            return current
        style = getattr(style, "base_style", None)
        if style is None:
            break
    return name


def _dedupe_merged(cells: list[str]) -> list[str]:
    """python-docx repeats a merged cell's text in every grid cell it spans; keep one."""
    out: list[str] = []
    for cell in cells:
        if not out or cell != out[-1]:
            out.append(cell)
    return out


def load(kind: str, data: bytes) -> Loaded:
    """Run the loader named by `ingest.sniff.sniff`: pages and declared properties."""
    if kind == "pdf":
        return read_pdf(data)
    if kind == "docx":
        return read_docx(data)
    return Loaded(load_text(data))


def read_bytes(path: Path) -> bytes:
    """Read a file, turning an unreadable one into a rejection."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentRejected(f"cannot read the file ({exc.strerror or exc})") from exc
