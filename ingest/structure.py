"""Structure detection: split a document's text into headings and content blocks, each block
with its heading path and kind.

Generic rules, not tuned to one file (those for a heading line itself are in
`ingest.headings`): markdown `#` headings, ALL-CAPS lines, `Appendix X`, numbered headings
(`2. Strategic aims`, `3.1 Prevention` under `3. …`), short title lines, and the cue headings
strategies use ("Our priorities", "How we will measure success", "Key actions"), which are
data in kb/vocabulary.toml. Inside a cue section, short lines are list
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
from dataclasses import dataclass

from ingest.headings import (
    MARKDOWN_HEADING,
    NUMBER_PREFIX,
    NUMBERED_HEADING,
    NUMBERED_ITEM_SECTIONS,
    STATISTIC,
    SUB_NUMBERED_HEADING,
    heading_kind,
    heading_level,
    heading_number,
    lead_kind,
    looks_like_title,
    opens_subsection,
    section_kind,
)
from kb.records import PAGE_SEPARATOR, ChunkKind, Page
from kb.text import BULLET, CONTENTS_ENTRY, LEAD_IN, plain
from kb.vocabulary import vocabulary

# The kinds a section's own statement of what it wants to achieve is of ("Our aim: …",
# "Outcome we want: …"): once a section has stated it, the list after it is what it will do
AIM_KINDS = frozenset({ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION})
_LABEL = re.compile(r"^([^:]{3,40}):\s+\S")  # "Our aim: attitudes that excuse…"
# Inside a cue section of these kinds, short lines are list items (indicators, outcomes...).
LIST_CUES = frozenset({ChunkKind.INDICATOR, ChunkKind.ACTION, ChunkKind.OUTCOME, ChunkKind.AIM,
                       ChunkKind.CONTEXT, ChunkKind.GLOSSARY})
PAGE_FOOTER = re.compile(r"^\s*(page\s*)?\d{1,4}\s*(of|/)\s*\d{1,4}\s*$|^\s*page\s*\d{1,4}\s*$",
                         re.IGNORECASE)
# "… Strategy 2024-2027 Page 3": a running header or footer, the same text before each page's number
PAGE_MARK = re.compile(r"[\s|–—-]*\bpage\s*\d{1,4}(\s*(of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


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
            short = (len(first.split()) <= 4 or not looks_like_title(second)
                     or heading_kind(second) not in (None, heading_kind(first)))
            # … and a contents page's heading over its entries ("Contents\nIntroduction …… 2")
            contents = (bool(vocabulary().contents.fullmatch(first.strip()))
                        and bool(CONTENTS_ENTRY.search(plain(second))))
            if contents or (short and looks_like_title(first)
                            and heading_kind(first) is not None and not BULLET.match(first)):
                rest = start + len(first) + 1
                tail = page.text[rest - offset:end - offset]
                rest += len(tail) - len(tail.lstrip())
                yield start, start + len(first.rstrip()), 1
                yield rest, end, lines - 1
                continue
        yield start, end, lines


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
                                       and looks_like_title(line) and not BULLET.match(line))
        or (line in marked and running[marked[line]] >= 2)
    }


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
                          and (looks_like_title(stripped) or _labels_entries(stripped)))
                      or (line_count > 1 and not contents  # the entries as one block
                          and all(looks_like_title(line) for line in stripped.splitlines()))))
        if entry:  # (a block of entries, one a line, lists each)
            contents.update(_listed_as(line) for line in stripped.splitlines())
        # the contents page's list runs from its heading to the first block that is no entry
        listing_contents = entry
        # a document that marks its headings ("## Our priorities") numbers list items, not
        # sections: "1. Early help" under a marked heading is an item
        itemised = marked and bool(numbered) and not MARKDOWN_HEADING.match(stripped)
        # … and a numbered line right after a lead-in is its list's first item ("We have
        # agreed four priorities with our partners:", then "1. Prevention and Early Help")
        itemised = itemised or (bool(numbered) and bool(lead) and previous_type == "lead")
        level = 0 if continues or entry or itemised else heading_level(
            stripped, in_list, stack, line_count == 1, label, announced)
        if level and _heading_name(stripped) in rank and heading_number(stripped) is None:
            # a heading of the repeated template ("What we will do") nests under the priority
            # or outcome it is repeated for: "Priority Two" keeps its own "What we will do"
            # (a numbered section named again by the contents page, "4. How we will know we
            # have made a difference", is no template: its number places it)
            owner = next(((lv, cue) for lv, h, cue in reversed(stack) if h not in rank), None)
            if owner and owner[1] in NUMBERED_ITEM_SECTIONS:
                level = max(level, owner[0] + 1)
        if level:
            # a section the contents page lists is placed under none it does not list; it
            # keeps the role its own level gives it (a glossary's entries stay its list)
            placed = level
            if contents and (listed or _listed_as(stripped)) in contents:
                placed = min(level, _unlisted_level(stack, contents))
                if not NUMBER_PREFIX.match(plain(stripped)):
                    placed = min(placed, _listed_level(stack, contents))
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
            # a glossary lists its entries at any level ("# Glossary" in a Word file)
            list_mode = (level in (3, 4) or cue is ChunkKind.GLOSSARY) and cue in LIST_CUES
            previous_type = "cue" if list_mode else "heading"
            blocks.append(Block(start, end, text, "heading", page.number, placed,
                                tuple(h for _, h, _ in stack), cue or ChunkKind.CONTEXT))
            lead = table_header = ""
            last_number = 0
            aim_stated = False
            continue
        # a title line in a label position leads the list under it ("Housing", then bullets)
        labels_list = label and not in_list and line_count == 1 and looks_like_title(stripped)
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


def _listed_level(stack: list[tuple[int, str, ChunkKind | None]], contents: set[str]) -> int:
    """The level of the outermost open unnumbered section of a passage kind ("Our Vision")
    that the contents page lists: an unnumbered section it lists is that one's sibling, not
    its sub-section ("Where We Are Now" after "Our Vision" is no part of the vision). 4 (no
    limit) when there is none; numbered headings nest by their numbers, and a section of no
    kind ("Domestic Abuse - the Impact") may hold listed ones, as a contents page written as
    text shows no indent."""
    return next((level for level, heading, cue in stack
                 if cue is not None and not NUMBER_PREFIX.match(heading)
                 and _listed_in(_listed_as(heading), contents)), 4)


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
    names = [_heading_name(text) if line_count == 1 and looks_like_title(text.strip())
             and opens_subsection(text.strip()) else ""
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
