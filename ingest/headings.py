"""Heading lines: whether a line is a title, what level of heading it is, and what kind of
section it announces ("Our priorities", "How we will measure success": cues that are data in
kb/vocabulary.toml), by markdown marks, numbering ("2. Aims", "3.1 Prevention" under "3. …",
"2.0 The local picture"), capitals, appendices and divisions, and the sections open above it.
`ingest.structure` reads a document's lines with these rules."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from kb.records import ChunkKind
from kb.text import BULLET, NUMBER_WORDS, SUPERSCRIPT_DIGITS, plain
from kb.vocabulary import vocabulary

# Sections whose numbered sub-headings are their items' own sections ("Our priorities" >
# "2. Support for victims", each with its "We will" commitments).
NUMBERED_ITEM_SECTIONS = frozenset({ChunkKind.AIM, ChunkKind.OUTCOME})
STATISTIC = re.compile(r"\d[\d,.]*\s*(%|per cent|million|billion)|£\s?\d|\b\d{1,3},\d{3}\b")
FOOTNOTE_END = re.compile(rf"\S\s*[{SUPERSCRIPT_DIGITS}]+$")  # "… of total crime ⁹": a cited statement

# "2. Aims", "2 Aims", "2.0 Aims"
NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2})(?:\.(?:0\.?)?\s+|\s+(?=[A-Z]))(\S.*)$")
NUMBER_PREFIX = re.compile(r"^\s*\d{1,2}(\.\d{1,2})*\.?\s+")  # "1. ", "3.1 "
SECTION_ZERO = re.compile(r"^\s*\d{1,2}\.0\.?\s+(?=[A-Z])")  # "2.0 The local picture"
SUB_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2})\.(?!0\b)\d{1,2}\.?\s+(?=[A-Z])\S")  # "3.1 Prevention"
MARKDOWN_HEADING = re.compile(r"^\s*(#{1,6})\s+(\S.*)$")
# A heading that asks ("What could prevent this?", "What we've got already", "Is it working?")
# opens a sub-section of its section, as a cue heading does, whatever its words.
QUESTION_HEADING = re.compile(r"^\W*what\b|\?$", re.IGNORECASE)
APPENDIX = re.compile(r"^\s*(appendix|annex)\s+[A-Z0-9]{1,3}\b", re.IGNORECASE)
# "Section B: Our objectives", "Part 2 - Delivery", "Chapter One": a division of the document
DIVISION = re.compile(r"^\s*(section|part|chapter)\s+([A-Z]|\d{1,2}|[IVX]{1,4}|one|two|three|four|"
                      r"five|six|seven|eight|nine|ten)\b(?!['’])", re.IGNORECASE)
TRAILING_FUNCTION_WORDS = frozenset(
    "a an the of to in on for and or but with by from at as than that which were was is are be"
    .split()
)


def heading_kind(heading: str) -> ChunkKind | None:
    """The kind a heading announces, or None when it carries no cue. A cue that qualifies the
    cue right after it is a modifier: the compound's last word decides ("Baseline statistics"
    are statistics, "Partnership board priorities" priorities)."""
    text = plain(heading)
    for kind, pattern in vocabulary().heading_cues:
        match = pattern.search(text)
        if match:
            return _compound_head(text, match.end()) or kind
    return None


def _compound_head(text: str, end: int) -> ChunkKind | None:
    """The kind of a cue that follows, after a space, the cue ending at `end` (and of the last
    of a run of such cues); None when no cue does."""
    after = re.match(r"[ \t]+", text[end:])
    if not after:
        return None
    at = end + after.end()
    for kind, pattern in vocabulary().heading_cues:
        match = pattern.match(text, at)
        if match and match.end() > at:
            return _compound_head(text, match.end()) or kind
    return None


def section_kind(heading: str) -> ChunkKind | None:
    """The kind of the sub-section a heading opens: its cue's, else context for a heading that
    asks a question (a document's own template: "What could prevent this ambition?")."""
    kind = heading_kind(heading)
    if kind is None and QUESTION_HEADING.search(plain(heading)):
        return ChunkKind.CONTEXT
    return kind


# a list noun counted or pointed at ("three priorities", "the following outcomes"): the list's
_COUNTED = re.compile(rf"\b(?:\d{{1,2}}|{'|'.join(NUMBER_WORDS)}|following|these|key)\s+$",
                      re.IGNORECASE)


def lead_kind(lead: str) -> ChunkKind | None:
    """The kind a list's lead-in announces: the cue mentioned last ("... on five outcomes:"),
    unless an earlier one is counted and the later ones are not ("We have agreed three
    priorities with partners and survivors:" lists priorities, not partners)."""
    text = plain(lead)
    found = [(bool(_COUNTED.search(text[:m.start()])), m.end(), kind)
             for kind, pattern in vocabulary().heading_cues for m in pattern.finditer(text)]
    return max(found, key=lambda cue: (cue[0], cue[1]))[2] if found else None


def looks_like_title(line: str) -> bool:
    """A line that could head a section: short, opening with a capital or a section number,
    not a sentence, list item, table row, link, statistic or signature."""
    text = plain(line)
    if not text or len(text) > 90 or "\t" in line or text.startswith(("http", "www.")):
        return False
    words = text.split()
    if len(words) > 14 or not re.search(r"[A-Za-z]{3}", text):
        return False
    if text[-1] in ".,;:-–" or (BULLET.match(line) and not NUMBERED_HEADING.match(line)):
        return False
    if words[-1].lower() in TRAILING_FUNCTION_WORDS:
        return False
    if STATISTIC.search(text) or FOOTNOTE_END.search(text):  # an infographic's statement
        return False
    if vocabulary().signature.match(text):  # "Cllr Anne Hartley, Executive Member…"
        return False
    first = text.lstrip("\"'“‘#(")[:1]
    return first.isupper() or (first.isdigit() and bool(NUMBERED_HEADING.match(text)
                                                        or SUB_NUMBERED_HEADING.match(text)))


def heading_number(heading: str) -> int | None:
    """The number of a numbered heading ("2. Aims" -> 2), or None."""
    numbered = NUMBERED_HEADING.match(heading)
    return int(numbered.group(1)) if numbered else None


def _major(text: str) -> bool:
    """An appendix or an ALL-CAPS line: a major heading."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(APPENDIX.match(text)) or (len(letters) >= 4 and letters.isupper())


def opens_subsection(text: str) -> bool:
    """A title line that opens a cue or question sub-section (level 3, under a section)."""
    cue = heading_kind(text) if _major(text) else section_kind(text)
    return cue is not None and (text.endswith("?") or len(text.split()) <= 14)


def heading_level(text: str, in_list: bool, open_levels: list[tuple[int, str, ChunkKind | None]],
                   single_line: bool, label: bool = False, announced: AbstractSet[str] = frozenset()
                   ) -> int:
    """0 when the line is content; else 1 (major), 2 (section), 3 (cue / sub-section) or 4 (a
    numbered item's own section under a priorities or outcomes cue).

    A line repeating one of the `announced` outcomes or aims (items of an earlier list) opens
    that item's section however long it is. In a `label` position (the section's sub-section
    template continues after it) a title line is content: it labels the list under it."""
    markdown = MARKDOWN_HEADING.match(text)
    if markdown:
        return min(len(markdown.group(1)), 3)
    if single_line and not in_list and "\t" not in text and plain(text) in announced:
        return 2
    if not single_line or not looks_like_title(text):
        return 0
    number = heading_number(text)
    # the open numbered headings, by level: "1. ABOUT THIS STRATEGY" is major (level 1) by its
    # capitals, "1. About this strategy" a section (level 2), or a cue sub-section (level 3)
    # under a single title line ("1. Introduction")
    numbered = [(level, n) for level, h, _ in open_levels
                if level <= 3 and (n := heading_number(h)) is not None]
    sections = [(level, n) for level, n in numbered if level <= 2]
    sub = SUB_NUMBERED_HEADING.match(text)
    if sub:  # "3.1 Prevention" under "3. Our priorities"; elsewhere a numbered paragraph
        return numbered[-1][0] + 1 if numbered and int(sub.group(1)) == numbered[-1][1] else 0
    if number is not None and sections and number == sections[-1][1] + 1:
        return sections[-1][0]  # the next numbered section, whatever its words
    if SECTION_ZERO.match(text):
        return 2  # "1.0 Introduction": numbered as a section, never as a list's item
    if APPENDIX.match(text) or DIVISION.match(text):
        return 1  # "Appendix 1: Action plan" is no sub-section of the section before it
    if opens_subsection(text):
        parent = next((h for h in reversed(open_levels) if h[0] < 3), None)
        return 2 if parent and vocabulary().front_matter.match(parent[1]) else 3
    if _major(text):
        return 1
    top = open_levels[-1] if open_levels else None
    item_section = next((h for h in reversed(open_levels) if h[0] == 3), None)
    if number is not None and item_section and item_section[2] in NUMBERED_ITEM_SECTIONS and top and (
            top is item_section or (top[0] == 4 and heading_number(top[1]) is not None)):
        return 4  # "Our priorities" > "2. Support for victims and survivors"
    if in_list:
        return 0
    if number is not None:
        previous = heading_number(top[1]) if top and top[0] == 3 else None
        if previous is not None and number == previous + 1:
            return 3
        if number == 1 and top and top[0] == 2 and top[2] is not None:
            return 3
    return 0 if label else 2
