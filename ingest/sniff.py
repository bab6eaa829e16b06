"""Decide what a file really is from its bytes, and reject what cannot be ingested."""

from __future__ import annotations

from pathlib import Path

from kb.errors import DocumentRejected

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".pdf", ".docx"}


def sniff(path: Path, data: bytes, max_bytes: int) -> str:
    """Return the loader to use ('text', 'pdf' or 'docx') or raise why the file is refused.

    Args:
        path: the file (its suffix is the claim checked against the bytes).
        data: the file's bytes.
        max_bytes: the size limit.

    Returns:
        The loader name.

    Raises:
        DocumentRejected: empty, too large, unsupported, or bytes that contradict the suffix.
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentRejected(
            f"unsupported file type {suffix or '(none)'!r}; use PDF, Word (.docx) or text"
        )
    if len(data) > max_bytes:
        raise DocumentRejected(
            f"file too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)"
        )
    if not data.strip():
        raise DocumentRejected("empty file")
    is_pdf = data[:1024].lstrip().startswith(b"%PDF")
    is_zip = data.startswith(b"PK\x03\x04")
    if suffix == ".pdf":
        if not is_pdf:
            raise DocumentRejected("not a PDF: the bytes do not start with %PDF")
        return "pdf"
    if suffix == ".docx":
        if not is_zip:
            raise DocumentRejected("not a Word .docx file: the bytes are not a ZIP package")
        return "docx"
    if is_pdf or is_zip:
        raise DocumentRejected(f"named {suffix} but the bytes are a {'PDF' if is_pdf else 'ZIP'}")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentRejected("binary data, not text")
    return "text"
