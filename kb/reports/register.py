"""An area's commitments register, built from the stored chunks' kinds and structure.

Items are the bullets, numbered items, table rows and sentences of chunks whose kind is
vision, aim, outcome, indicator or action. A table row is read with its header, so an
ambition table yields baseline and targets and a delivery plan yields lead and comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kb.answers.extractive import citation_for
from kb.backends.store import StoredChunk
from kb.records import ChunkKind, Framework, FrameworkItem, IndexedDocument
from kb.text import BULLET, LEAD_IN, plain
from kb.vocabulary import vocabulary

REGISTER_KINDS = (ChunkKind.VISION, ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.INDICATOR,
                  ChunkKind.ACTION)
_CONTENTS_ROW = re.compile(r"^[^\t]+\t+\s*\d{1,3}(\s+\d{1,3})*\s*$")  # "Title<TAB>12"


def _cells(row: str) -> list[str]:
    return [plain(c) for c in row.split("\t")]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each item: bullet and table lines alone, wrapped paragraphs joined."""
    position = 0
    for block in re.split(r"\n[ \t]*\n", text):
        start = text.index(block, position)
        position = start + len(block)
        lines = block.split("\n")
        if len(lines) > 1 and all(BULLET.match(ln) or "\t" in ln or ln.startswith(" ")
                                  for ln in lines[1:]):
            offset = start
            for line in lines:
                yield offset, line
                offset += len(line) + 1
        else:
            yield start, block


def _items(item: StoredChunk) -> Iterator[tuple[int, int, str, dict[str, str]]]:
    """(start, end, text, details) of each item of a chunk; headings and lead-ins skipped."""
    chunk = item.chunk
    headings = {h.strip().lower() for h in chunk.section.split(" > ")}
    header = _cells(chunk.lead) if chunk.lead else []
    for start, line in _lines(chunk.text):
        text = line.strip()
        text_plain = plain(text).strip("# ")
        lead_in = LEAD_IN.search(text_plain) and "vision" not in text_plain.lower()
        # (a row of a table with a header is no contents entry, however small its figures)
        if (len(text_plain.split()) < 3 or text_plain.lower().rstrip(":?") in headings or lead_in
                or heading_cue_only(text_plain) or (not header and _CONTENTS_ROW.search(line))):
            continue
        details: dict[str, str] = {}
        if "\t" in line:
            cells = _cells(line)
            if not header and vocabulary().table_header.search(line):
                header = cells
                continue
            if header:
                names = ["", *header] if len(header) == len(cells) - 1 else header
                details = {h: c for h, c in zip(names[1:], cells[1:], strict=False) if h and c}
            text_plain = cells[0] or text_plain
        offset = chunk.start + start + (len(line) - len(line.lstrip()))
        yield offset, offset + len(text), BULLET.sub("", text_plain), details


def heading_cue_only(text: str) -> bool:
    """Short title-like lines naming a section ("Vision, Aims and Outcomes")."""
    words = text.split()
    return len(words) <= 6 and not text.endswith(".") and all(
        w[:1].isupper() or w.lower() in {"and", "of", "the", "&", "for"} for w in words)


def build_framework(area: str, chunks: Sequence[StoredChunk],
                    documents: Sequence[IndexedDocument]) -> Framework:
    """Every vision, aim, outcome, indicator and action of an area, each with its citation.

    Args:
        area: the area key.
        chunks: all stored chunks (only this area's are used).
        documents: the indexed documents (this area's are listed in the register).

    Returns:
        The register, items in document order within each kind.
    """
    items: dict[str, list[FrameworkItem]] = {k.value: [] for k in REGISTER_KINDS}
    seen: dict[str, int] = {}  # item key -> position in its list
    for stored in chunks:
        if stored.doc.area != area or stored.chunk.kind not in REGISTER_KINDS:
            continue
        hit = stored.to_hit()
        for start, end, text, details in _items(stored):
            key = f"{stored.chunk.kind.value}:{text.lower()[:100]}"
            bucket = items[stored.chunk.kind.value]
            if key in seen and (bucket[seen[key]].details or not details):
                continue  # a repeat (e.g. a summary list); a table row with details wins
            quote = stored.chunk.text[start - stored.chunk.start:end - stored.chunk.start]
            item = FrameworkItem(kind=stored.chunk.kind, text=text,
                                 citation=citation_for(len(seen) + 1, hit, start, end, quote),
                                 heading=stored.chunk.section, details=details)
            if key in seen:
                bucket[seen[key]] = item
            else:
                seen[key] = len(bucket)
                bucket.append(item)
    return Framework(area=area, documents=[d for d in documents if d.area == area], items=items)

