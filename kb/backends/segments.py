"""Segments of the lexical index: immutable postings (raw term frequencies) over whole documents.

A segment holds the chunks of some documents, in document and ordinal order (local rows), as
a column-compressed term x row matrix of raw term frequencies: `terms.json` (the column of
each term), `indptr.npy`, `postings.npy` (local rows, ascending within a term), `tf.npy`,
`lengths.npy` (tokens per row, at least 1, as bm25s counts an empty chunk), `rowids.npy`
(the chunk table row of each local row) and `documents.json` (doc id, the stamp it had when
it became visible, first local row, row count). No BM25 weight is baked in, so a segment
stays valid when other documents come and go; scores are computed at query time
(`kb.backends.lexical`). A document's chunks always sit together in one segment.

Segments are written once and never changed; deletions are recorded outside them, per
generation (`kb.backends.snapshot`). `merge` writes the live rows of several into a new one.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ARRAYS = ("indptr", "postings", "tf", "lengths", "rowids")


@dataclass(frozen=True)
class DocumentSpan:
    """Where a document's chunks sit in a segment."""

    doc_id: str
    stamp: int  # the table's change counter when the document became visible
    start: int
    count: int


@dataclass(frozen=True)
class Segment:
    """One segment's postings, row lengths, chunk table rows and documents."""

    name: str
    terms: dict[str, int]
    indptr: np.ndarray
    postings: np.ndarray
    tf: np.ndarray
    lengths: np.ndarray
    rowids: np.ndarray
    documents: tuple[DocumentSpan, ...]

    def __len__(self) -> int:
        """How many rows (chunks) it holds, deleted ones included."""
        return len(self.rowids)

    def term_postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Local rows containing a term and the term's frequency in each, or None."""
        column = self.terms.get(term)
        if column is None:
            return None
        start, end = int(self.indptr[column]), int(self.indptr[column + 1])
        return self.postings[start:end], self.tf[start:end]

    def save(self, folder: Path) -> None:
        """Write the segment's files into a new folder."""
        folder.mkdir(parents=True)
        for name in ARRAYS:
            np.save(folder / f"{name}.npy", getattr(self, name))
        ordered = sorted(self.terms, key=self.terms.__getitem__)
        (folder / "terms.json").write_text(json.dumps(ordered))
        (folder / "documents.json").write_text(json.dumps(
            [[d.doc_id, d.stamp, d.start, d.count] for d in self.documents]))

    @classmethod
    def load(cls, folder: Path) -> Segment:
        """Open a saved segment, its arrays memory-mapped (read only)."""
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in ARRAYS}
        terms = json.loads((folder / "terms.json").read_text())
        documents = tuple(DocumentSpan(*d) for d in json.loads(
            (folder / "documents.json").read_text()))
        return cls(name=folder.name, terms={t: i for i, t in enumerate(terms)},
                   documents=documents, **arrays)


def _assemble(name: str, vocabulary: Sequence[str], columns: np.ndarray, rows: np.ndarray,
              tf: np.ndarray, lengths: np.ndarray, rowids: np.ndarray,
              documents: Sequence[DocumentSpan]) -> Segment:
    """A segment from (column, row, tf) triples in any order, keeping only used terms."""
    used = np.bincount(columns, minlength=len(vocabulary))
    kept = np.flatnonzero(used)
    renumber = np.full(len(vocabulary), -1, dtype=np.int64)
    renumber[kept] = np.arange(len(kept))
    columns = renumber[columns]
    order = np.lexsort((rows, columns))
    indptr = np.zeros(len(kept) + 1, dtype=np.int64)
    np.cumsum(used[kept], out=indptr[1:])
    return Segment(name=name, terms={vocabulary[int(c)]: i for i, c in enumerate(kept)},
                   indptr=indptr, postings=rows[order].astype(np.int32),
                   tf=tf[order].astype(np.float32), lengths=lengths.astype(np.int32),
                   rowids=rowids.astype(np.int64), documents=tuple(documents))


def build(name: str, documents: Iterable[tuple[str, int, Sequence[tuple[int, list[str]]]]]
          ) -> Segment:
    """A segment from (doc id, stamp, [(chunk table row, BM25 tokens)...]) per document, in
    doc id order, chunks in ordinal order (read one document at a time, so a first run over a
    large corpus never holds every token list at once)."""
    vocabulary: dict[str, int] = {}
    triples: list[np.ndarray] = []  # (column, row, tf) per document, as int64 arrays
    lengths: list[int] = []
    rowids: list[int] = []
    spans: list[DocumentSpan] = []
    for doc_id, stamp, chunks in documents:
        spans.append(DocumentSpan(doc_id, stamp, len(rowids), len(chunks)))
        found: list[int] = []
        for rowid, tokens in chunks:
            for term, count in Counter(tokens).items():
                found += (vocabulary.setdefault(term, len(vocabulary)), len(rowids), count)
            lengths.append(max(len(tokens), 1))  # bm25s indexes an empty chunk as [""]
            rowids.append(rowid)
        triples.append(np.asarray(found, dtype=np.int64).reshape(-1, 3))
    table = np.concatenate(triples) if triples else np.zeros((0, 3), dtype=np.int64)
    return _assemble(name, list(vocabulary), table[:, 0], table[:, 1], table[:, 2],
                     np.asarray(lengths, dtype=np.int64), np.asarray(rowids, dtype=np.int64),
                     spans)


def layout(parts: Sequence[tuple[Segment, np.ndarray]]
           ) -> tuple[list[np.ndarray], list[DocumentSpan]]:
    """Lay the live documents of several segments (a boolean mask of live rows each) out
    one after another in doc id order, each document's chunks in their order.

    Returns:
        For each segment, its local row -> new row (-1: deleted); the documents' new spans.
    """
    spans = sorted(((d, i) for i, (segment, live) in enumerate(parts)
                    for d in segment.documents if d.count and live[d.start]),
                   key=lambda pair: pair[0].doc_id)
    remaps = [np.full(len(segment), -1, dtype=np.int64) for segment, _ in parts]
    documents: list[DocumentSpan] = []
    row = 0
    for span, i in spans:
        remaps[i][span.start:span.start + span.count] = np.arange(row, row + span.count)
        documents.append(DocumentSpan(span.doc_id, span.stamp, row, span.count))
        row += span.count
    return remaps, documents


def gather(values: Sequence[np.ndarray], remaps: Sequence[np.ndarray], size: int
           ) -> np.ndarray:
    """Per-row values of several segments placed at their new rows (see `layout`)."""
    out = np.zeros(size, dtype=np.int64)
    for value, remap in zip(values, remaps, strict=True):
        placed = remap >= 0
        out[remap[placed]] = value[placed]
    return out


def merge(name: str, parts: Sequence[tuple[Segment, np.ndarray]]) -> Segment:
    """A segment holding the live rows of several (a boolean mask per segment), documents in
    doc id order; the inputs are left as they are."""
    remaps, documents = layout(parts)
    size = sum(d.count for d in documents)
    vocabulary = sorted(set().union(*(segment.terms for segment, _ in parts)))
    index = {term: i for i, term in enumerate(vocabulary)}
    columns, rows, tf = [], [], []
    for (segment, _), remap in zip(parts, remaps, strict=True):
        to_union = np.fromiter((index[t] for t in segment.terms), dtype=np.int64,
                               count=len(segment.terms))  # in column order (dicts keep it)
        segment_columns = np.repeat(to_union, np.diff(segment.indptr))
        new_rows = remap[segment.postings]
        keep = new_rows >= 0
        columns.append(segment_columns[keep])
        rows.append(new_rows[keep])
        tf.append(np.asarray(segment.tf)[keep])
    segments = [segment for segment, _ in parts]
    return _assemble(name, vocabulary, np.concatenate(columns), np.concatenate(rows),
                     np.concatenate(tf), gather([s.lengths for s in segments], remaps, size),
                     gather([s.rowids for s in segments], remaps, size), documents)
