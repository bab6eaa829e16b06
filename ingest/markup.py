"""Markup and broken hyphenation removed from extracted text at load, before chunking.

Extracted strategies carry HTML left by web publishing (`<p>`, `<ul style=…>`, `<br>`),
markdown emphasis (`**174**`) and words hyphenated across lines ("vic- tims"). Cleaning them
here, before any offset is computed, keeps quotes readable and verbatim against the stored
text, and keeps every chunk's offsets exact.
"""

from __future__ import annotations

import re

from kb.records import Page
from kb.text import BULLET, HTML_TAG

# Typographic ligatures a PDF's text layer may give as one character ("identiﬁed"): their letters
# … and the invisible characters that split a word: a soft hyphen, zero-width spaces and joiners
_TYPOGRAPHY = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00ad": "",
                            "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "",
                            "\ufeff": ""})
_STRONG = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\s]*\)")  # "[the 2016 review](#)": its words
# A markdown table (text copied from a web page): "| Measure | Baseline |" rows, "|---|---|" rule
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*\|)[ \t]*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*\n?",
                         re.MULTILINE)
# a heading underlined with "===" or "---" (markdown's other heading form), or a rule alone
_UNDERLINED = re.compile(r"^([^\n]++)\n[ \t]*+(={3,}|-{3,})[ \t]*+$", re.MULTILINE)  # linear
_RULE = re.compile(r"^[ \t]*(?:={3,}|-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
UNDERLINED_TITLE_WORDS = 14  # a longer line over a rule is a paragraph, the rule a separator
# emphasis marks and a word's closing one ("*Bristol Ideal*", "victims*"); "* item" stays a bullet
_ASTERISKS = re.compile(r"\*{2,}|\*(?! )|(?<=\S)\*")
_BROKEN_WORD = re.compile(r"\b([a-z]{2,})- ([a-z]{2,})\b")
_SPACES = re.compile(r"[ \u00a0]{2,}")
_TRAILING = re.compile(r"[ \u00a0]+(?=\n|\t|$)")
_WORD = re.compile(r"[a-z]{4,}")


def clean_text(text: str) -> str:
    """Text without HTML tags, markdown emphasis or link targets or horizontal rules, underlined
    headings as "#" headings, markdown tables as tab-separated
    rows, ligatures as their letters ("ﬁ" as "fi") and without the invisible characters that
    split words (soft hyphens, zero-width spaces), and line-break hyphenation rejoined.

    A hyphenated pair ("vic- tims") becomes one word when that word occurs elsewhere in the
    text, else a hyphenated compound ("living-learning"), so no word is invented.
    """
    text = HTML_TAG.sub(" ", text.translate(_TYPOGRAPHY))
    text = _LINK.sub(r"\1", text)
    text = _TABLE_ROW.sub(_table_row, _TABLE_RULE.sub("", text))
    text = _RULE.sub("", _UNDERLINED.sub(_underlined, text))
    text = _ASTERISKS.sub("", _STRONG.sub(r"\1", text))
    vocabulary = set(_WORD.findall(text.lower()))

    def rejoin(match: re.Match[str]) -> str:
        word = match.group(1) + match.group(2)
        return word if word.lower() in vocabulary else f"{match.group(1)}-{match.group(2)}"

    text = _BROKEN_WORD.sub(rejoin, text)
    return _TRAILING.sub("", _SPACES.sub(" ", text))


def _underlined(match: re.Match[str]) -> str:
    """"Our priorities" over "---" as "## Our priorities" ("=" underlines a first-level one);
    a long line or a list item over a rule keeps its text, and the rule goes."""
    title, rule = match.group(1), match.group(2)
    if not title.strip():
        return match.group(0)  # a blank line over a rule: the rule goes on its own
    if "\t" in title or BULLET.match(title) or len(title.split()) > UNDERLINED_TITLE_WORDS:
        return title
    return ("# " if rule.startswith("=") else "## ") + title.strip()


def _table_row(match: re.Match[str]) -> str:
    """A markdown table row as the tab-separated row every loader gives a table's row."""
    return "\t".join(cell.strip() for cell in match.group(1)[:-1].split("|"))


def clean_pages(pages: tuple[Page, ...]) -> tuple[Page, ...]:
    """Every page's text cleaned (see `clean_text`)."""
    return tuple(Page(number=page.number, text=clean_text(page.text)) for page in pages)
