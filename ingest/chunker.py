"""Chunking: pack blocks into verbatim spans of about 80-250 words.

A chunk never crosses a top-level (or second-level) section, never mixes kinds, and starts at
the headings that introduce it, so `chunk.text == document.text[chunk.start:chunk.end]`.
Over-long blocks are split at sentence ends (then at words). This is hand-written rather than a
LangChain splitter because the splitters return stripped text located by searching, which can
mis-locate repeated passages; exact offsets are what citations and highlighting rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ingest.headings import SUB_NUMBERED_HEADING
from ingest.structure import Block, parse_blocks
from kb.records import Chunk, ChunkKind, SourceDocument
from kb.text import NUMBERED_ITEM, SENTENCE_END
from kb.vocabulary import vocabulary


@dataclass
class _Draft:
    blocks: list[Block] = field(default_factory=list)
    headings: list[Block] = field(default_factory=list)  # headings just before the first block

    @property
    def words(self) -> int:
        return sum(len(b.text.split()) for b in self.headings + self.blocks)

    @property
    def key(self) -> tuple[tuple[str, ...], ChunkKind]:
        first = self.blocks[0]
        return first.path[:2], _merge_class(first.kind)

    @property
    def kind(self) -> ChunkKind:
        """Context blocks and statistics share chunks; a third of figures makes a statistic."""
        kind = self.blocks[0].kind
        if _merge_class(kind) is ChunkKind.CONTEXT:
            figures = sum(b.kind is ChunkKind.STATISTIC for b in self.blocks)
            return ChunkKind.STATISTIC if 3 * figures >= len(self.blocks) else ChunkKind.CONTEXT
        return kind


def _merge_class(kind: ChunkKind) -> ChunkKind:
    return ChunkKind.CONTEXT if kind is ChunkKind.STATISTIC else kind


def _split_long(block: Block, max_words: int) -> Iterator[Block]:
    """Pieces of at most max_words words, cut at sentence ends where possible."""
    if len(block.text.split()) <= max_words:
        yield block
        return
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(block.text)] + [len(block.text)]
    piece_start = 0
    for index in range(1, len(cuts)):
        span = block.text[piece_start:cuts[index]]
        is_last = index == len(cuts) - 1
        next_span = block.text[piece_start:cuts[index + 1]] if not is_last else span
        if is_last or len(next_span.split()) > max_words:
            yield from _split_words(block, piece_start, cuts[index], max_words)
            piece_start = cuts[index]


def _split_words(block: Block, start: int, end: int, max_words: int) -> Iterator[Block]:
    words = list(re.finditer(r"\S+", block.text[start:end]))
    for i in range(0, len(words), max_words):
        group = words[i:i + max_words]
        s, e = start + group[0].start(), start + group[-1].end()
        yield replace(block, start=block.start + s, end=block.start + e, text=block.text[s:e])


def _span_words(text: str, first: Block, last: Block) -> int:
    """Words in the document text from one block to another (text between blocks included)."""
    return len(text[first.start:last.end].split())


def _drafts(blocks: list[Block], max_words: int, text: str) -> list[_Draft]:
    drafts: list[_Draft] = []
    pending: list[Block] = []
    for block in blocks:
        if block.type == "heading":
            if (len(pending) > 1 and block.level <= pending[0].level
                    and all(h.level > pending[0].level for h in pending[1:])):
                drafts.append(_titles(pending))
                pending = []
            pending.append(block)
            continue
        for piece in _split_long(block, max_words):
            current = drafts[-1] if drafts else None
            piece_words = len(piece.text.split()) + sum(len(h.text.split()) for h in pending)
            if (current is None or pending or current.key != (piece.path[:2], _merge_class(piece.kind))
                    or current.words + piece_words > max_words
                    or _span_words(text, current.blocks[0], piece) > max_words):
                drafts.append(_Draft(blocks=[piece], headings=pending))
                pending = []
            else:
                current.blocks.append(piece)
    return drafts


def _titles(headings: list[Block]) -> _Draft:
    """A section that holds only the titles of its sub-sections ("Our objectives", then
    "Objective 1: …" to "Objective 4: …", each with nothing under it) as a chunk of its own:
    the titles are its text, not the headings of the next section's first chunk."""
    parent = headings[0]
    return _Draft(blocks=[replace(h, path=parent.path) for h in headings[1:]], headings=[parent])


def _top_depth(blocks: list[Block]) -> int:
    """How many levels of the document's section paths every block shares: 1 under a title
    heading over the whole text ("# Bristol … Strategy" over its "## " sections), else 0."""
    paths = [b.path for b in blocks if b.type != "heading"]
    depth = 0
    while paths and all(len(p) > depth + 1 and p[depth] == paths[0][depth] for p in paths):
        depth += 1
    return depth


def _merge_small(drafts: list[_Draft], min_words: int, max_words: int, text: str,
                 top: int = 0) -> list[_Draft]:
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.words < min_words
                and previous.blocks[0].path[:top + 1] == draft.blocks[0].path[:top + 1]
                and not _numbered_sibling(previous, draft)
                and _contents(previous) == _contents(draft)  # a contents page is a chunk apart
                and previous.key[1] == draft.key[1]
                and previous.words + draft.words <= max_words
                and _span_words(text, previous.blocks[0], draft.blocks[-1]) <= max_words):
            previous.blocks.extend(draft.headings + draft.blocks)
        else:
            merged.append(draft)
    return merged


def _numbered_sibling(previous: _Draft, draft: _Draft) -> bool:
    """The draft opens the next numbered section after the previous draft's ("Priority B: …"
    after "Priority A: …", "3.2 Support" after "3.1 Prevention"): a question calls each by its
    number ("under Priority B", "section 3.2"), so each keeps a chunk, and its heading, of its
    own. (A heading's path ends with its own name.)"""
    before = previous.blocks[0].path[-1:]
    return bool(before and _numbered(before[0])
                and any(_numbered(h.path[-1]) for h in draft.headings if h.path))


def _numbered(heading: str) -> bool:
    """A heading numbered as an item ("Priority B: …") or as a subsection ("3.2 …"); a single
    number ("1. Education") may number a list's items set out as headings, which merge."""
    return bool(NUMBERED_ITEM.match(heading) or SUB_NUMBERED_HEADING.match(heading))


def _contents(draft: _Draft) -> bool:
    """The draft is a contents page's list (its section is a "Contents" heading)."""
    path = draft.blocks[0].path
    return bool(path) and bool(vocabulary().contents.match(path[-1]))


def chunk_document(doc: SourceDocument, min_words: int = 60, max_words: int = 150) -> list[Chunk]:
    """Cut a document into chunks whose text is an exact span of `doc.text`.

    Args:
        doc: the loaded document.
        min_words: chunks smaller than this merge with the next one of the same section and kind.
        max_words: no chunk is longer than this.

    Returns:
        The chunks in document order, ordinals 0..n-1.
    """
    text = doc.text
    blocks = parse_blocks(doc.pages)
    drafts = _merge_small(_drafts(blocks, max_words, text), min_words, max_words, text,
                          _top_depth(blocks))
    chunks = []
    for ordinal, draft in enumerate(drafts):
        first = draft.blocks[0]
        start = draft.headings[0].start if draft.headings else first.start
        end = draft.blocks[-1].end
        if len(text[start:end].split()) > max_words:
            start = first.start  # the headings would push it over the bound: leave them out
        chunks.append(Chunk(
            chunk_id=f"{doc.doc_id}:{doc.sha256[:12]}:{ordinal:04d}",
            doc_id=doc.doc_id,
            text=text[start:end],
            page=first.page,
            section=" > ".join(first.path),
            kind=draft.kind,
            start=start,
            end=end,
            ordinal=ordinal,
            lead=first.lead if first.lead and first.lead not in text[start:end] else "",
        ))
    return chunks
