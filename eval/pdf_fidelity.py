"""`python -m eval.pdf_fidelity [FILES...] [--layout NAME] [--examples N] [--json]`: how
faithfully the PDF path reads a document, measured against its text twin with no questions.

Each text file (default: the corpus's) is typeset as a council PDF (`eval.pdf_corpus`), and
both the PDF and the text go through the real ingest path (loader, markup clean-up, structure,
chunker). The two word sequences are aligned, and the report gives per document and overall:

- `verbatim`: the share of the text's sentences found verbatim (whitespace normalised) in one
  of the PDF's chunks; `section` / `kind`: found in a chunk with the same section path / kind;
- `headings`: the share of the text's headings that are headings in the PDF;
- `type`: blocks read whole but as another type (heading, paragraph, bullet, row);
- `split` / `joined`: text blocks cut into several PDF blocks, PDF blocks spanning several;
- `inserted` / `lost`: PDF words with no text counterpart (running headers, footers) and
  text words missing or changed in the PDF (hyphenation);

with examples of each kind of loss, to be fixed by general mechanisms in the PDF path.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from eval.pdf_corpus import LAYOUTS, Layout, render_pdf
from ingest.chunker import chunk_document
from ingest.loaders import load_pdf, load_text
from ingest.markup import clean_pages
from ingest.structure import Block, parse_blocks
from kb.config import Settings
from kb.records import Chunk, Page, SourceDocument
from kb.text import SENTENCE_END


@dataclass
class Parsed:
    """A document as ingest reads it: its text, words (with offsets), blocks and chunks."""

    text: str
    words: list[str]
    starts: list[int]  # character offset of each word
    blocks: list[Block]
    chunks: list[Chunk]

    def __post_init__(self) -> None:
        self._block_spans = [self.word_span(b.start, b.end) for b in self.blocks]
        self._block_starts = [a for a, _ in self._block_spans]

    def word_span(self, start: int, end: int) -> tuple[int, int]:
        """The indices of the words inside the character span [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def block_at(self, word: int) -> int | None:
        """The index of the block holding a word, or None (a dropped noise line)."""
        i = bisect.bisect_right(self._block_starts, word) - 1
        return i if i >= 0 and word < self._block_spans[i][1] else None

    def chunk_at(self, offset: int) -> Chunk | None:
        """The chunk holding a character offset, or None."""
        i = bisect.bisect_right([c.start for c in self.chunks], offset) - 1
        return self.chunks[i] if i >= 0 and offset < self.chunks[i].end else None

    def block_words(self, index: int) -> tuple[int, int]:
        """The word span of a block."""
        return self._block_spans[index]


def parse(pages: tuple[Page, ...], name: str) -> Parsed:
    """Run pages through markup clean-up, structure detection and chunking."""
    settings = Settings()
    document = SourceDocument(doc_id=name, path=Path(name), area="", title="", period="",
                              kind="", status="", sha256="0" * 64, pages=clean_pages(pages))
    text = document.text
    words, starts = [], []
    position = 0
    for word in text.split():
        position = text.index(word, position)
        words.append(word)
        starts.append(position)
        position += len(word)
    return Parsed(text, words, starts, parse_blocks(document.pages),
                  chunk_document(document, settings.chunk_min_words, settings.chunk_max_words))


@dataclass
class Fidelity:
    """What one document's PDF keeps of its text twin (counts; shares are computed on report)."""

    name: str
    sentences: int = 0
    verbatim: int = 0
    same_section: int = 0
    same_kind: int = 0
    headings: int = 0
    headings_kept: int = 0
    blocks: int = 0
    type_differs: int = 0
    split: int = 0
    joined: int = 0
    inserted_words: int = 0
    lost_words: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, other: Fidelity) -> None:
        """Add another document's counts (examples are kept per document)."""
        for name, value in asdict(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)

    def shares(self) -> dict[str, float]:
        """The headline shares: sentences verbatim / in the same section / kind, headings kept."""
        def share(part: int, whole: int) -> float:
            return round(part / whole, 3) if whole else 1.0
        return {"verbatim": share(self.verbatim, self.sentences),
                "section": share(self.same_section, self.sentences),
                "kind": share(self.same_kind, self.sentences),
                "headings": share(self.headings_kept, self.headings)}


def _normal(text: str) -> str:
    return " ".join(text.split())


def _sentences(block: Block) -> Iterator[tuple[int, str]]:
    """(offset in the document, normalised sentence) for each sentence of a content block."""
    cuts = [0] + [m.end() for m in SENTENCE_END.finditer(block.text)] + [len(block.text)]
    for start, end in itertools.pairwise(cuts):
        sentence = _normal(block.text[start:end])
        if len(sentence.split()) >= 3:
            yield block.start + start, sentence


class Comparison:
    """A text document and its PDF twin, aligned word by word."""

    def __init__(self, name: str, text: Parsed, pdf: Parsed, examples: int) -> None:
        """Align the two word sequences and keep up to `examples` examples of each loss."""
        self.text, self.pdf = text, pdf
        self.fidelity = Fidelity(name)
        self.limit = examples
        self.to_pdf: dict[int, int] = {}
        self.to_text: dict[int, int] = {}
        matcher = SequenceMatcher(None, text.words, pdf.words, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                self.to_pdf.update(zip(range(a0, a1), range(b0, b1), strict=True))
                self.to_text.update(zip(range(b0, b1), range(a0, a1), strict=True))
            else:
                self._word_change(a0, a1, b0, b1)

    def example(self, loss: str, text: str) -> None:
        """Record an example of a kind of loss (at most `limit` per kind)."""
        found = self.fidelity.examples.setdefault(loss, [])
        if len(found) < self.limit:
            found.append(text[:300])

    def _word_change(self, a0: int, a1: int, b0: int, b1: int) -> None:
        self.fidelity.inserted_words += b1 - b0
        self.fidelity.lost_words += a1 - a0
        before = " ".join(self.text.words[a0:a1])
        after = " ".join(self.pdf.words[b0:b1])
        loss = "inserted" if a0 == a1 else "lost" if b0 == b1 else "changed"
        self.example(f"words {loss}", f"{before!r} -> {after!r}")

    def measure(self) -> Fidelity:
        """Count sentences, headings and blocks kept, split or joined."""
        self._sentences()
        self._blocks()
        self._invented_headings()
        return self.fidelity

    def _sentences(self) -> None:
        chunks = [(c, _normal(c.text)) for c in self.pdf.chunks]
        for block in self.text.blocks:
            if block.type == "heading":
                continue
            for offset, sentence in _sentences(block):
                twin = self.text.chunk_at(offset)
                holders = [c for c, text in chunks if sentence in text]
                self.fidelity.sentences += 1
                if not holders:
                    self.example("sentence not verbatim in a chunk", sentence)
                    continue
                self.fidelity.verbatim += 1
                if twin and any(c.section == twin.section for c in holders):
                    self.fidelity.same_section += 1
                elif twin:
                    self.example("sentence in another section",
                                 f"{sentence[:80]!r}: {twin.section!r} -> {holders[0].section!r}")
                if twin and any(c.kind == twin.kind for c in holders):
                    self.fidelity.same_kind += 1

    def _pdf_blocks_of(self, index: int) -> list[int]:
        """The PDF blocks holding the aligned words of a text block, in order."""
        first, last = self.text.block_words(index)
        found = [self.pdf.block_at(self.to_pdf[w]) for w in range(first, last) if w in self.to_pdf]
        return sorted({b for b in found if b is not None})

    def _blocks(self) -> None:
        for index, block in enumerate(self.text.blocks):
            self.fidelity.blocks += 1
            heading = block.type == "heading"
            self.fidelity.headings += heading
            twins = self._pdf_blocks_of(index)
            if not twins:
                self.example(f"{block.type} lost", _normal(block.text))
                continue
            if len(twins) > 1:
                self._split(block, twins)
                continue
            twin = self.pdf.blocks[twins[0]]
            whole = _normal(twin.text) == _normal(block.text)
            if heading and twin.type == "heading" and whole:
                self.fidelity.headings_kept += 1
            elif heading:
                self.example("heading lost", f"{_normal(block.text)!r} read as {twin.type}")
            if not whole:
                self._joined(block, twin)
            elif twin.type != block.type and not heading:
                self.fidelity.type_differs += 1
                self.example(f"{block.type} read as {twin.type}", _normal(block.text))

    def _split(self, block: Block, twins: list[int]) -> None:
        self.fidelity.split += 1
        parts = [self.pdf.blocks[i] for i in twins]
        where = "across a page break" if len({p.page for p in parts}) > 1 else "on one page"
        self.example(f"{block.type} split {where}", " | ".join(_normal(p.text)[:100] for p in parts))

    def _joined(self, block: Block, twin: Block) -> None:
        self.fidelity.joined += 1
        self.example(f"{block.type} joined into a {twin.type}",
                     f"{_normal(block.text)[:100]!r} in {_normal(twin.text)[:200]!r}")

    def _invented_headings(self) -> None:
        for index, block in enumerate(self.pdf.blocks):
            if block.type != "heading":
                continue
            first, last = self.pdf.block_words(index)
            origins = {self.text.block_at(self.to_text[w]) for w in range(first, last) if w in self.to_text}
            if not any(o is not None and self.text.blocks[o].type == "heading" for o in origins):
                self.example("heading invented", _normal(block.text))


def compare_file(source: Path, layout: Layout, examples: int) -> Fidelity:
    """Render one text file as a PDF and measure what the PDF path keeps of it."""
    data = source.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"{source.stem}.pdf"
        render_pdf(data.decode("utf-8"), target, "Northshire County Council", layout)
        pdf_pages = load_pdf(target.read_bytes())
    text = parse(load_text(data), source.stem)
    pdf = parse(pdf_pages, source.stem)
    return Comparison(source.stem, text, pdf, examples).measure()


def _row(fidelity: Fidelity) -> str:
    shares = fidelity.shares()
    return (f"{fidelity.name[:44]:44} {fidelity.sentences:5} {shares['verbatim']:8.3f} "
            f"{shares['section']:7.3f} {shares['kind']:6.3f} {shares['headings']:8.3f} "
            f"{fidelity.type_differs:4} {fidelity.split:5} {fidelity.joined:6} "
            f"{fidelity.inserted_words:8} {fidelity.lost_words:5}")


def report(results: list[Fidelity], total: Fidelity, examples: bool) -> str:
    """The per-document table, the overall row and (optionally) the examples of each loss."""
    lines = [f"{'document':44} {'sents':>5} {'verbatim':>8} {'section':>7} {'kind':>6} "
             f"{'headings':>8} {'type':>4} {'split':>5} {'joined':>6} {'inserted':>8} {'lost':>5}"]
    lines += [_row(r) for r in results] + [_row(total)]
    if examples:
        counts: Counter[str] = Counter()
        for result in results:
            counts.update({loss: len(found) for loss, found in result.examples.items()})
            for loss, found in sorted(result.examples.items()):
                lines.append(f"\n{result.name} — {loss}:")
                lines += [f"  {e}" for e in found]
        lines.append("\nlosses with examples (capped per document): "
                     + ", ".join(f"{loss} {n}" for loss, n in sorted(counts.items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure the PDF path's fidelity over text files (default: the corpus)."""
    parser = argparse.ArgumentParser(prog="python -m eval.pdf_fidelity", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="council")
    parser.add_argument("--examples", type=int, default=3, help="examples of each loss per document")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    files = args.files or sorted(Settings.from_env().corpus_dir.glob("*.txt"))
    results = [compare_file(path, LAYOUTS[args.layout], args.examples) for path in files]
    total = Fidelity("overall")
    for result in results:
        total.add(result)
    if args.json:
        print(json.dumps({"documents": [asdict(r) | r.shares() for r in results],
                          "overall": asdict(total) | total.shares()}, indent=1))
    else:
        print(report(results, total, args.examples > 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
