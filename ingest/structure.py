"""Structure detection: split a document's text into headings and content blocks, each block
with its heading path and kind.

Generic rules, not tuned to one file: markdown `#` headings, ALL-CAPS lines, `Appendix X`,
numbered headings (`2. Strategic aims`, `3.1 Prevention` under `3. …`), short title lines, and
the cue headings strategies use ("Our priorities", "How we will measure success", "Key
actions"), which are data in kb/vocabulary.toml. Inside a cue section, short lines are list
items, not headings; so are a numbered list's next number, a contents page's entries, a
running header or footer with its page number, and a line that signs a foreword.

Three rules keep a section open until its next sibling really starts. A title line between two
sub-sections of the document's own repeated template ("What do we know?" ... "What action
should we take?") labels the list under it, not a new section: the template continuing after it
shows the section has not ended. A template heading repeated under each priority or outcome
nests under it rather than closing it. And a line repeating one of the outcomes or aims the
document listed earlier opens that item's section, however long it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from kb.records import PAGE_SEPARATOR, ChunkKind, Page
from kb.text import BULLET, CONTENTS_ENTRY, LEAD_IN, NUMBER_WORDS, SUPERSCRIPT_DIGITS, plain
from kb.vocabulary import vocabulary

# Sections whose numbered sub-headings are their items' own sections ("Our priorities" >
# "2. Support for victims", each with its "We will" commitments).
NUMBERED_ITEM_SECTIONS = frozenset({ChunkKind.AIM, ChunkKind.OUTCOME})
# The kinds a section's own statement of what it wants to achieve is of ("Our aim: …",
# "Outcome we want: …"): once a section has stated it, the list after it is what it will do
AIM_KINDS = frozenset({ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION})
_LABEL = re.compile(r"^([^:]{3,40}):\s+\S")  # "Our aim: attitudes that excuse…"
# Inside a cue section of these kinds, short lines are list items (indicators, outcomes...).
LIST_CUES = frozenset({ChunkKind.INDICATOR, ChunkKind.ACTION, ChunkKind.OUTCOME, ChunkKind.AIM,
                       ChunkKind.CONTEXT, ChunkKind.GLOSSARY})
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
PAGE_FOOTER = re.compile(r"^\s*(page\s*)?\d{1,4}\s*(of|/)\s*\d{1,4}\s*$|^\s*page\s*\d{1,4}\s*$",
                         re.IGNORECASE)
# "… Strategy 2024-2027 Page 3": a running header or footer, the same text before each page's number
PAGE_MARK = re.compile(r"[\s|–—-]*\bpage\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
TRAILING_FUNCTION_WORDS = frozenset(
    "a an the of to in on for and or but with by from at as than that which were was is are be"
    .split()
)


@dataclass(frozen=True)
class Block:
    """A unit of text: a heading, paragraph, bullet item or table row, with its offsets."""

    start: int
    end: int
    text: str
    type: str  # heading | paragraph | bullet | row
    page: int | None
    level: int = 0  # heading level
    path: tuple[str, ...] = ()  # headings above (for content) or including itself (heading)
    kind: ChunkKind = ChunkKind.CONTEXT
    lead: str = ""  # table header / list lead-in this block belongs to


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


def _raw_blocks(page: Page, offset: int) -> Iterator[tuple[int, int, int]]:
    """Groups of lines as (start, end, line count): blank lines end a group, and every bullet
    or table row is a group of its own (a wrapped bullet keeps its continuation lines)."""
    start: int | None = None
    end = lines = 0
    position = offset
    for line in page.text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        indent = len(line) - len(line.lstrip())
        if not line.strip() or "\t" in line or BULLET.match(line):
            if start is not None:
                yield start, end, lines
                start = None
            if "\t" in line or BULLET.match(line):
                start, end, lines = line_start + indent, line_end, 1
                if "\t" in line:
                    yield start, end, lines
                    start = None
            continue
        if start is None:
            start, lines = line_start + indent, 0
        end, lines = line_end, lines + 1
    if start is not None:
        yield start, end, lines


def _blocks(page: Page, offset: int) -> Iterator[tuple[int, int, int]]:
    """`_raw_blocks`, with a cue heading that runs straight into its text (no blank line
    between: "Our vision\nA Rotherham where…") split off as a block of its own."""
    for start, end, lines in _raw_blocks(page, offset):
        if lines > 1:
            text = page.text[start - offset:end - offset]
            first, second = text.split("\n", 2)[:2]
            # not one of a list of labels, unless the next line heads a part of another kind
            # ("Outcome 1: Fewer people experience abuse" over "What we will do")
            short = (len(first.split()) <= 4 or not _looks_like_title(second)
                     or heading_kind(second) not in (None, heading_kind(first)))
            if (short and _looks_like_title(first)
                    and heading_kind(first) is not None and not BULLET.match(first)):
                rest = start + len(first) + 1
                tail = page.text[rest - offset:end - offset]
                rest += len(tail) - len(tail.lstrip())
                yield start, start + len(first.rstrip()), 1
                yield rest, end, lines - 1
                continue
        yield start, end, lines


def _looks_like_title(line: str) -> bool:
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


def _noise_lines(pages: tuple[Page, ...]) -> set[str]:
    """Running headers left in the text: page footers, and the title repeated as a header."""
    lines = [ln.strip() for p in pages for ln in p.text.split("\n") if ln.strip()]
    counts = Counter(lines)
    opening = set(lines[:3])
    # a line ending in a page number, by the text before it (the same on each page it runs on)
    marked = {line: PAGE_MARK.sub("", line) for line in counts if PAGE_MARK.search(line)}
    running = Counter(marked[line] for line in lines if line in marked)
    return {
        line for line, n in counts.items()
        if PAGE_FOOTER.match(line) or (n >= 3 and line in opening and heading_kind(line) is None
                                       and _looks_like_title(line) and not BULLET.match(line))
        or (line in marked and running[marked[line]] >= 2)
    }


def _number(heading: str) -> int | None:
    """The number of a numbered heading ("2. Aims" -> 2), or None."""
    numbered = NUMBERED_HEADING.match(heading)
    return int(numbered.group(1)) if numbered else None


def _major(text: str) -> bool:
    """An appendix or an ALL-CAPS line: a major heading."""
    letters = re.sub(r"[^A-Za-z]", "", text)
    return bool(APPENDIX.match(text)) or (len(letters) >= 4 and letters.isupper())


def _opens_subsection(text: str) -> bool:
    """A title line that opens a cue or question sub-section (level 3, under a section)."""
    cue = heading_kind(text) if _major(text) else section_kind(text)
    return cue is not None and (text.endswith("?") or len(text.split()) <= 14)


def _heading_level(text: str, in_list: bool, open_levels: list[tuple[int, str, ChunkKind | None]],
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
    if not single_line or not _looks_like_title(text):
        return 0
    number = _number(text)
    # the open numbered sections, by level: "1. ABOUT THIS STRATEGY" is major (level 1) by its
    # capitals, "1. About this strategy" a section (level 2)
    sections = [(level, n) for level, h, _ in open_levels
                if level <= 2 and (n := _number(h)) is not None]
    sub = SUB_NUMBERED_HEADING.match(text)
    if sub:  # "3.1 Prevention" under "3. Our priorities"; elsewhere a numbered paragraph
        return 3 if sections and int(sub.group(1)) == sections[-1][1] else 0
    if number is not None and sections and number == sections[-1][1] + 1:
        return sections[-1][0]  # the next numbered section, whatever its words
    if SECTION_ZERO.match(text):
        return 2  # "1.0 Introduction": numbered as a section, never as a list's item
    if APPENDIX.match(text) or DIVISION.match(text):
        return 1  # "Appendix 1: Action plan" is no sub-section of the section before it
    if _opens_subsection(text):
        parent = next((h for h in reversed(open_levels) if h[0] < 3), None)
        return 2 if parent and vocabulary().front_matter.match(parent[1]) else 3
    if _major(text):
        return 1
    top = open_levels[-1] if open_levels else None
    item_section = next((h for h in reversed(open_levels) if h[0] == 3), None)
    if number is not None and item_section and item_section[2] in NUMBERED_ITEM_SECTIONS and top and (
            top is item_section or (top[0] == 4 and _number(top[1]) is not None)):
        return 4  # "Our priorities" > "2. Support for victims and survivors"
    if in_list:
        return 0
    if number is not None:
        previous = _number(top[1]) if top and top[0] == 3 else None
        if previous is not None and number == previous + 1:
            return 3
        if number == 1 and top and top[0] == 2 and top[2] is not None:
            return 3
    return 0 if label else 2


def parse_blocks(pages: tuple[Page, ...]) -> list[Block]:
    """Split pages into blocks with heading paths, kinds and leads.

    Args:
        pages: the document's pages; offsets are into `PAGE_SEPARATOR.join(page texts)`.

    Returns:
        Headings and content blocks in document order (noise lines dropped).
    """
    units = list(_units(pages))
    rank, following = _template(units)
    marked = any(MARKDOWN_HEADING.match(text.strip()) for *_, text in units)
    blocks: list[Block] = []
    stack: list[tuple[int, str, ChunkKind | None]] = []  # (level, heading, cue kind)
    list_mode = False  # inside a cue section, short lines are items
    previous_type = ""
    last_number = 0
    lead = ""
    aim_stated = False  # the open section has stated its aim in a labelled paragraph
    table_header = ""
    announced: set[str] = set()  # the outcomes and aims listed so far
    contents: set[str] = set()  # the sections a contents page lists
    listing_contents = False  # the block before was the contents' heading or one of its entries
    for (page, start, end, line_count, text), next_subsection in zip(units, following, strict=True):
        stripped = text.strip()
        enclosing = next((h for lv, h, _ in reversed(stack) if lv == 3), "")
        label = (enclosing in rank and next_subsection in rank
                 and rank[next_subsection] > rank[enclosing])
        in_list = (list_mode and (previous_type in {"item", "cue"}
                                  or stack[-1][2] is ChunkKind.GLOSSARY)) or (
            bool(lead) and previous_type in {"lead", "item"})
        numbered = NUMBERED_HEADING.match(stripped)
        # the next item of a numbered list, not a heading (nor the next numbered section)
        continues = bool(numbered and last_number and int(numbered.group(1)) == last_number + 1)
        in_list = in_list or continues
        # "1. Introduction 2" under "Contents" points to a section; it does not open one. An
        # entry without a page number is a title line under "Contents" until a line names a
        # section the contents listed: that one opens it. A line that labels the entries
        # after it ("Key Actions to Deliver Strategy:") is one too.
        listed = _listed_as(stripped) if listing_contents else ""
        entry = (listing_contents and not MARKDOWN_HEADING.match(stripped)
                 and (bool(CONTENTS_ENTRY.search(plain(stripped)))
                      or (line_count == 1 and listed not in contents
                          and (_looks_like_title(stripped) or _labels_entries(stripped)))))
        if entry:
            contents.add(listed)
        # the contents page's list runs from its heading to the first block that is no entry
        listing_contents = entry
        # a document that marks its headings ("## Our priorities") numbers list items, not
        # sections: "1. Early help" under a marked heading is an item
        itemised = marked and bool(numbered) and not MARKDOWN_HEADING.match(stripped)
        level = 0 if continues or entry or itemised else _heading_level(
            stripped, in_list, stack, line_count == 1, label, announced)
        if level and _heading_name(stripped) in rank:
            # a heading of the repeated template ("What we will do") nests under the priority
            # or outcome it is repeated for: "Priority Two" keeps its own "What we will do"
            owner = next(((lv, cue) for lv, h, cue in reversed(stack) if h not in rank), None)
            if owner and owner[1] in NUMBERED_ITEM_SECTIONS:
                level = max(level, owner[0] + 1)
        if level:
            # a section the contents page lists is placed under none it does not list; it
            # keeps the role its own level gives it (a glossary's entries stay its list)
            placed = level
            if contents and (listed or _listed_as(stripped)) in contents:
                placed = min(level, _unlisted_level(stack, contents))
            heads_contents = bool(vocabulary().contents.match(_heading_name(stripped)))
            if heads_contents and not MARKDOWN_HEADING.match(stripped):
                stack.clear()  # the title page's lines above the contents head nothing
            elif stack and vocabulary().contents.match(stack[-1][1]):
                stack.pop()  # the contents heads its entries, not the sections after them
            while stack and stack[-1][0] >= placed:
                stack.pop()
            cue = section_kind(stripped) if level >= 3 else heading_kind(stripped)
            if _reports_views(stack, stripped):
                cue = ChunkKind.CONTEXT
            if cue is None and (level == 4 or SUB_NUMBERED_HEADING.match(stripped)):
                # an item section's own: its parent's ("Our priorities" > "3.1 Prevention")
                cue = next((k for lv, _, k in reversed(stack) if lv == placed - 1), None)
            stack.append((placed, _heading_name(stripped), cue))
            listing_contents = heads_contents
            list_mode = level in (3, 4) and cue in LIST_CUES
            previous_type = "cue" if list_mode else "heading"
            blocks.append(Block(start, end, text, "heading", page.number, placed,
                                tuple(h for _, h, _ in stack), cue or ChunkKind.CONTEXT))
            lead = table_header = ""
            last_number = 0
            aim_stated = False
            continue
        # a title line in a label position leads the list under it ("Housing", then bullets)
        labels_list = label and not in_list and line_count == 1 and _looks_like_title(stripped)
        block_type = "row" if "\t" in text else "bullet" if BULLET.match(text) else (
            "item" if (in_list or lead) and not labels_list and _looks_like_item(stripped)
            else "paragraph")
        if block_type == "row":
            table_header = table_header or stripped
            block_lead = table_header if stripped != table_header else ""
        else:
            table_header = ""
            block_lead = lead if block_type in {"bullet", "item"} else ""
        if block_type in {"paragraph", "row"}:
            leads = block_type == "paragraph" and (labels_list or bool(LEAD_IN.search(stripped)))
            lead = stripped if leads else ""
        # a table's header row is of its rows' kind: it heads them, in their chunk
        kind = _block_kind(stack, stripped, table_header if block_type == "row" else "",
                           block_lead or (table_header if block_type == "row" else ""))
        if block_type in {"bullet", "item"} and aim_stated and not block_lead and kind in AIM_KINDS:
            kind = ChunkKind.ACTION  # "Our aim: …" stated, then "- Open a women's centre"
        if block_type == "paragraph" and (labelled := _LABEL.match(plain(stripped))):
            aim_stated = aim_stated or heading_kind(labelled.group(1)) in AIM_KINDS
        if block_type == "item" and kind in NUMBERED_ITEM_SECTIONS:
            announced.add(plain(stripped))
        blocks.append(Block(start, end, text, "paragraph" if block_type == "item"
                            else block_type, page.number, 0,
                            tuple(h for _, h, _ in stack), kind, block_lead))
        previous_type = "bullet" if block_type == "item" and numbered else (
            "lead" if block_type == "paragraph" and lead else block_type)
        last_number = int(numbered.group(1)) if numbered else 0
    return blocks


def _labels_entries(line: str) -> bool:
    """A short line ending in a colon: under "Contents", it groups the entries after it."""
    return bool(LEAD_IN.search(line)) and len(line.split()) <= 14


def _unlisted_level(stack: list[tuple[int, str, ChunkKind | None]], contents: set[str]) -> int:
    """The level of the outermost open section (level 1 or 2) that the contents page does not
    list; a section it lists nests under none of those ("1. Introduction" after a foreword's
    signature line, "Expert by Experience", is no part of it). 4 (no limit) when there is none."""
    return next((level for level, heading, _ in stack
                 if level <= 2 and not _listed_in(_listed_as(heading), contents)), 4)


def _listed_in(heading: str, contents: set[str]) -> bool:
    """Whether the contents lists the heading (its `_listed_as` form), also in a shorter or
    longer wording ("Domestic Abuse - the Impact" for "DOMESTIC ABUSE - THE IMPACT ON THE WHOLE
    COMMUNITY")."""
    return any(heading == entry or heading.startswith(entry + " ") or entry.startswith(heading + " ")
               for entry in contents if entry)


def _listed_as(line: str) -> str:
    """A line as a contents page and the heading it points to both write it: without its
    number, page number, case or kind of apostrophe ("1. Foreword from the Mayor 3" ->
    "foreword from the mayor")."""
    text = CONTENTS_ENTRY.sub("", plain(line))
    text = re.sub(r"\s*([-–—])\s*", r" \1 ", NUMBER_PREFIX.sub("", text))  # "Summary -Outcomes"
    return text.strip(" .").lower().replace("’", "'")


def _units(pages: tuple[Page, ...]) -> Iterator[tuple[Page, int, int, int, str]]:
    """Every block's page, offsets, line count and text, noise lines and blank blocks dropped."""
    noise = _noise_lines(pages)
    offset = 0
    for page in pages:
        for start, end, line_count in _blocks(page, offset):
            text = page.text[start - offset:end - offset]
            if text.strip() and text.strip() not in noise:
                yield page, start, end, line_count, text
        offset += len(page.text) + len(PAGE_SEPARATOR)


def _heading_name(text: str) -> str:
    """A heading as its section path names it."""
    return plain(text.strip()).lstrip("# ")


def _template(units: list[tuple[Page, int, int, int, str]]) -> tuple[dict[str, int], list[str]]:
    """The document's sub-section template and, for each block, the sub-section heading that
    comes next after it ("" when none does).

    The template is the cue and question headings the document repeats (each outcome's "What do
    we know?", "What action should we take?"), ranked by where each first appears.
    """
    names = [_heading_name(text) if line_count == 1 and _looks_like_title(text.strip())
             and _opens_subsection(text.strip()) else ""
             for _, _, _, line_count, text in units]
    counts = Counter(name for name in names if name)
    rank: dict[str, int] = {}
    for name in names:
        if counts[name] >= 2:
            rank.setdefault(name, len(rank))
    following: list[str] = []
    upcoming = ""
    for name in reversed(names):
        following.append(upcoming)
        upcoming = name or upcoming
    return rank, following[::-1]


def _looks_like_item(line: str) -> bool:
    text = plain(line)
    return (bool(text) and len(text.split()) <= 30 and text[-1] not in ".:" and "\t" not in line
            and not LEAD_IN.search(text))  # "… the following principles will be followed: -"


def _reports_views(stack: list[tuple[int, str, ChunkKind | None]], heading: str = "") -> bool:
    """The open sections (or the `heading` opening one) report what others said: consultation
    feedback is no commitment of the strategy, whatever its headings."""
    return any(vocabulary().views.match(h) for h in (*(h for _, h, _ in stack), heading) if h)


def _block_kind(stack: list[tuple[int, str, ChunkKind | None]], text: str,
                table_header: str, lead: str) -> ChunkKind:
    if _reports_views(stack):
        return ChunkKind.CONTEXT
    lead_cue = lead_kind(lead) if lead else None
    if lead_cue is not None and lead_cue is not ChunkKind.CONTEXT:
        return lead_cue
    if table_header:
        if vocabulary().action_table.search(table_header):
            return ChunkKind.ACTION
        if vocabulary().indicator_table.search(table_header):
            return ChunkKind.INDICATOR
    for _, _, cue in reversed(stack):
        if cue is not None:
            commits = vocabulary().commitment.match(plain(text))
            if cue in {ChunkKind.CONTEXT, ChunkKind.STATISTIC} and commits:
                return ChunkKind.ACTION
            if cue is ChunkKind.CONTEXT and STATISTIC.search(text):
                return ChunkKind.STATISTIC
            return cue
    if vocabulary().commitment.match(plain(text)):
        return ChunkKind.ACTION
    if STATISTIC.search(text):
        return ChunkKind.STATISTIC
    return ChunkKind.CONTEXT
