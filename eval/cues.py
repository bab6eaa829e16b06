"""`python -m eval.cues [PATHS...]`: where each heading cue of kb/vocabulary.toml fires.

For every cue alternative, the documents whose headings it decides (the first cue to match a
heading decides its kind). A cue that decides headings in one document only is fitted to that
document: leave that document out and the cue has no evidence. Run it over the bundled
corpus and the house-style fixtures (the default), or over any folder of strategies.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

from ingest.loaders import load
from ingest.pipeline import collect_files
from ingest.sniff import sniff
from ingest.structure import parse_blocks
from kb.config import Settings
from kb.text import plain
from kb.vocabulary import VOCABULARY_NAME, cue_pattern

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "councils"


def cue_documents(files: list[Path]) -> dict[tuple[str, str], set[str]]:
    """(kind, cue) -> names of the documents with a heading that cue decides."""
    data = tomllib.loads(resources.files("kb").joinpath(VOCABULARY_NAME).read_text(encoding="utf-8"))
    cues = [(kind, cue, cue_pattern([cue])) for kind, words in data["headings"].items() for cue in words]
    fired: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in files:
        raw = path.read_bytes()
        pages = load(sniff(path, raw, 50_000_000), raw).pages
        for block in parse_blocks(pages):
            if block.type != "heading":
                continue
            heading = plain(block.text)
            deciding = next(((k, c) for k, c, pattern in cues if pattern.search(heading)), None)
            if deciding:
                fired[deciding].add(path.name)
    return {(kind, cue): fired.get((kind, cue), set()) for kind, cue, _ in cues}


def main(argv: list[str] | None = None) -> int:
    """Print each cue with the number of documents it fires in; flag single-document cues."""
    parser = argparse.ArgumentParser(prog="python -m eval.cues", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = collect_files(args.paths or [Settings.from_env().corpus_dir, FIXTURES])
    table = cue_documents(files)
    print(f"{len(files)} documents")
    for (kind, cue), documents in table.items():
        flag = "  <-- one document only" if len(documents) == 1 else ""
        print(f"{kind:11} {cue:55} {len(documents):2}{flag}")
        if len(documents) == 1:
            print(f"{'':11} {next(iter(documents))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
