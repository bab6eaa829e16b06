"""Markup and broken hyphenation removed from extracted text at load, before chunking.

Extracted strategies carry HTML left by web publishing (`<p>`, `<ul style=…>`, `<br>`),
markdown emphasis (`**174**`) and words hyphenated across lines ("vic- tims"). Cleaning them
here, before any offset is computed, keeps quotes readable and verbatim against the stored
text, and keeps every chunk's offsets exact.
"""

from __future__ import annotations

import re

from kb.records import Page
from kb.text import HTML_TAG

_STRONG = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_ASTERISKS = re.compile(r"\*{2,}|\*(?! )")  # emphasis marks; "* item" stays a bullet
_BROKEN_WORD = re.compile(r"\b([a-z]{2,})- ([a-z]{2,})\b")
_SPACES = re.compile(r"[ \u00a0]{2,}")
_TRAILING = re.compile(r"[ \u00a0]+(?=\n|\t|$)")
_WORD = re.compile(r"[a-z]{4,}")


def clean_text(text: str) -> str:
    """Text without HTML tags or markdown emphasis, with line-break hyphenation rejoined.

    A hyphenated pair ("vic- tims") becomes one word when that word occurs elsewhere in the
    text, else a hyphenated compound ("living-learning"), so no word is invented.
    """
    text = HTML_TAG.sub(" ", text)
    text = _ASTERISKS.sub("", _STRONG.sub(r"\1", text))
    vocabulary = set(_WORD.findall(text.lower()))

    def rejoin(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if word.lower() in vocabulary else f"{match.group(1)}-{match.group(2)}"

    text = _BROKEN_WORD.sub(rejoin, text)
    return _TRAILING.sub("", _SPACES.sub(" ", text))


def clean_pages(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Every page's text cleaned (see `clean_text`)."""
    return tuple(Page(number=page.number, text=clean_text(page.text)) for page in pages)
