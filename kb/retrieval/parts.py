"""A chunk's parts scored on their own: its best sentence or list item speaks for it.

A 150-word chunk that lists nine indicators embeds as the average of the nine; a question
about one of them ("repeat victims") matches that average weakly, while it matches the one
item well. Each chunk is therefore stored with a vector per quotable unit (sentence, list
item, table row: `kb.answers.sentences.units` with a list's items apart), pooled from the
same forward pass that embeds the chunk ("late chunking": the word-piece states inside the
unit's span, so each part is read in its chunk's context and costs no extra model run). A
query's dense similarity to a chunk is the better of the chunk's and its best part's.

Measured with `python -m eval` on a fresh store (onnx), tune / check: recall@5 0.805 / 0.708
-> 0.833 / 0.706, recall@10 0.891 / 0.815 -> 0.931 / 0.839, MRR 0.674 / 0.577 -> 0.704 /
0.609, must-mention 0.816 / 0.659 -> 0.863 / 0.670. Embedding each unit on its own instead
(twice the embedding time) scored check recall@5 0.712, recall@10 0.820.

Answers read the parts too (`unit_similarities`, KB_SENTENCE_SIMILARITY): a sentence of a
hit that shares no word with the question is scored by its part's similarity to it."""

from __future__ import annotations

import numpy as np

from kb.answers.sentences import units
from kb.records import Chunk, DocumentInfo
from kb.text import embedding_text, plain


def part_spans(chunk: Chunk, info: DocumentInfo) -> tuple[str, list[tuple[int, int]]]:
    """The chunk's embedding text and the character span of each quotable unit in it."""
    text = embedding_text(chunk, info)
    base = len(text) - len(plain(chunk.text))  # the chunk's own words come last
    return text, [(base + a, base + b) for _, (a, b) in _located(chunk.text, chunk.section)]


def part_offsets(text: str, section: str) -> list[tuple[int, int]]:
    """The span in the chunk's text of each unit that has a part vector, in the order the
    part vectors are stored (those past the model's length limit have none: the rows are
    a prefix of these)."""
    return [unit for unit, _ in _located(text, section)]


def _located(text: str, section: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each quotable unit's span in the chunk text and in its plain text (units not found
    there are left out)."""
    flat = plain(text)
    cursor = 0
    found = []
    # the layout of the stored part vectors: a change here would misalign existing stores
    for start, end, unit in units(text, 0, section.split(" > "), whole_lists=False,
                                  quoting=False):
        piece = plain(unit)
        at = flat.find(piece, cursor)
        if piece and at >= 0:
            found.append(((start, end), (at, at + len(piece))))
            cursor = at + len(piece)
    return found


def pool_spans(states: np.ndarray, offsets: list[tuple[int, int]],
               spans: list[tuple[int, int]]) -> np.ndarray:
    """Unit-length mean of the word-piece states inside each span (spans that no word
    piece falls in, e.g. cut off by the model's length limit, are left out).

    Args:
        states: one row per word piece (the model's last hidden states for one text; rows
            past the text's own word pieces, padding of a batch, are ignored).
        offsets: each word piece's character span in the text ((0, 0) for special tokens).
        spans: the character spans to pool.
    """
    states = states[:len(offsets)]
    starts = np.asarray([a for a, _ in offsets])
    ends = np.asarray([b for _, b in offsets])
    real = ends > starts
    rows = []
    for start, end in spans:
        inside = real & (starts >= start) & (ends <= end)
        if inside.any():
            pooled = states[inside].mean(axis=0)
            rows.append(pooled / max(float(np.linalg.norm(pooled)), 1e-12))
    width = states.shape[-1]
    return np.asarray(rows, dtype=np.float32).reshape(-1, width)


def part_similarity(query: np.ndarray, vector: np.ndarray, parts: np.ndarray | None
                    ) -> tuple[float, float]:
    """(ranking similarity, chunk similarity) of a unit-length query: the better of its
    cosine similarities to the chunk's vector and to the chunk's best part, and the chunk's
    own."""
    own = float(vector @ query) / max(float(np.linalg.norm(vector)), 1e-12)
    best = own
    if parts is not None and len(parts):
        best = max(best, float((parts @ query).max()))
    return best, own


def unit_similarities(query: np.ndarray, text: str, section: str, parts: np.ndarray | None
                      ) -> list[tuple[int, int, float]]:
    """The span in the chunk's text of each unit with a part vector, and its cosine
    similarity to a unit-length query (none when the chunk has no parts, or parts that do not
    line up with its units: stored by another version of the splitter)."""
    if parts is None or not len(parts):
        return []
    offsets = part_offsets(text, section)
    if len(parts) > len(offsets):
        return []
    return [(a, b, float(s)) for (a, b), s in zip(offsets, parts @ query, strict=False)]
