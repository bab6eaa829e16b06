"""`python -m eval.cues [PATHS...]`: where each vocabulary entry that reads documents fires.

An entry of kb/vocabulary.toml fires in a document when it decides something there:

- `headings.<kind>`: the first cue to match a heading decides its kind; the cue named last in
  a list's lead-in ("... on five outcomes:") decides the items' kind;
- `sections.front_matter`: it matches a whole heading; `sections.views`: a heading's start;
- `tables.action` / `tables.indicator`: it matches a table's header row (action cues first);
- `tables.header`: it matches a table row (the register's header reading);
- `commitments.subjects`: a paragraph or item starts "<subject> will";
- `themes.<theme>`: the phrase occurs in the document's text;
- `compounds.words`: the document writes the compound open or hyphenated ("front line").

Question-side entries (questions, answer types, lists, all-areas phrasing, comparison
scaffolding) read questions, not documents, and title-page entries (documents, councils) only
decide files without a manifest entry, so neither is attributed here. An entry that fires in
one document only is fitted to it: leave that document out and the entry has no evidence
(`python -m eval.loo` measures what it is worth). Run over the bundled corpus and the
house-style fixtures (the default), or over any folder of strategies.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ingest.loaders import load
from ingest.pipeline import collect_files
from ingest.sniff import sniff
from ingest.structure import Block, parse_blocks
from kb.config import Settings
from kb.text import plain
from kb.vocabulary import cue_pattern, open_spelling, vocabulary_data

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "councils"
Entry = tuple[str, str]  # (section, alternative), e.g. ("headings.context", "background")
Cue = tuple[Entry, re.Pattern[str]]


def _cues(section: str, words: Iterable[str]) -> list[Cue]:
    return [((section, word), cue_pattern([word])) for word in words]


def _first(cues: list[Cue], text: str) -> Entry | None:
    return next((entry for entry, pattern in cues if pattern.search(text)), None)


def _last_named(cues: list[Cue], text: str) -> Entry | None:
    ends = [(max(m.end() for m in found), -i, entry) for i, (entry, pattern) in enumerate(cues)
            if (found := list(pattern.finditer(text)))]
    return max(ends)[2] if ends else None


def _document_firings(data: dict[str, Any], blocks: list[Block], text: str) -> Iterator[Entry]:
    """The entries that fire in one document, given its blocks and its whole text."""
    headings = [c for kind, words in data["headings"].items() for c in _cues(f"headings.{kind}", words)]
    action = _cues("tables.action", data["tables"]["action"])
    indicator = _cues("tables.indicator", data["tables"]["indicator"])
    for block in blocks:
        line = plain(block.text).lstrip("# ")
        if block.type == "heading":
            yield from filter(None, [_first(headings, line)])
            yield from (("sections.front_matter", word) for word in data["sections"]["front_matter"]
                        if re.match(rf"^\W*(?:{word})\W*$", line, re.IGNORECASE))
            yield from (("sections.views", word) for word in data["sections"]["views"]
                        if re.match(rf"^\W*(?:{word})\b", line, re.IGNORECASE))
        elif block.type == "row":
            header = block.lead or line
            yield from (entry for entry, pattern in action if pattern.search(header))
            if not any(pattern.search(header) for _, pattern in action):
                yield from (entry for entry, pattern in indicator if pattern.search(header))
            yield from (entry for entry, pattern in _cues("tables.header", data["tables"]["header"])
                        if pattern.search(line))
        else:
            if block.lead:
                yield from filter(None, [_last_named(headings, plain(block.lead))])
            yield from (("commitments.subjects", word) for word in data["commitments"]["subjects"]
                        if re.match(rf"^\W*(?:{word}) will\b", line, re.IGNORECASE))
    for theme, phrases in data["themes"].items():
        yield from (entry for entry, pattern in _cues(f"themes.{theme}", phrases) if pattern.search(text))
    yield from (("compounds.words", words) for words in data["compounds"]["words"]
                if re.search(rf"\b{open_spelling(words)}\b", text, re.IGNORECASE))


def entries(data: dict[str, Any]) -> list[Entry]:
    """Every entry this module attributes, in the vocabulary's order."""
    lists = [("sections.front_matter", data["sections"]["front_matter"]),
             ("sections.views", data["sections"]["views"]),
             *((f"tables.{name}", data["tables"][name]) for name in ("action", "indicator", "header")),
             ("commitments.subjects", data["commitments"]["subjects"])]
    return ([(f"headings.{kind}", w) for kind, words in data["headings"].items() for w in words]
            + [(section, w) for section, words in lists for w in words]
            + [(f"themes.{theme}", w) for theme, words in data["themes"].items() for w in words]
            + [("compounds.words", w) for w in data["compounds"]["words"]])


def firings(files: list[Path], data: dict[str, Any]) -> dict[Entry, set[str]]:
    """Each attributed entry of `data` -> the names of the documents it fires in.

    The documents are parsed with the vocabulary in force, which should be `data` compiled.
    """
    fired: dict[Entry, set[str]] = defaultdict(set)
    for path in files:
        raw = path.read_bytes()
        pages = load(sniff(path, raw, 50_000_000), raw).pages
        text = plain("\n".join(page.text for page in pages))
        for entry in _document_firings(data, parse_blocks(pages), text):
            fired[entry].add(path.name)
    return {entry: fired.get(entry, set()) for entry in entries(data)}


def main(argv: list[str] | None = None) -> int:
    """Print each entry with the number of documents it fires in; flag single-document ones."""
    parser = argparse.ArgumentParser(prog="python -m eval.cues", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    corpus_dir = Settings.from_env().corpus_dir
    files = collect_files(args.paths or [corpus_dir, FIXTURES])
    table = firings(files, vocabulary_data(corpus_dir))
    print(f"{len(files)} documents")
    for (section, cue), documents in table.items():
        flag = "  <-- one document only" if len(documents) == 1 else ""
        print(f"{section:40} {cue:55} {len(documents):2}{flag}")
        if len(documents) == 1:
            print(f"{'':40} {next(iter(documents))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
