"""`python -m ingest [PATHS...] [--rebuild] [--prune]`: index files into the store."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable
from pathlib import Path

from tqdm import tqdm

from ingest.pipeline import Ingester, IngestReport, collect_files
from kb.backends.embedder import embedder_name, make_embedder
from kb.backends.store import drop_collection, open_store
from kb.config import Settings
from kb.errors import KBError
from kb.manifest import load_manifest


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("paths", nargs="*", type=Path,
                        help="files or folders (default: the corpus folder, KB_CORPUS_DIR)")
    parser.add_argument("--rebuild", action="store_true", help="drop the store and start over")
    parser.add_argument("--prune", action="store_true",
                        help="remove stored documents whose file is not among PATHS")
    return parser


def print_report(report: IngestReport) -> None:
    """One line per file: indexed (chunks), unchanged, rejected (reason), pruned."""
    for name, count in report.indexed:
        replaced = ", replacing the earlier version" if name in report.replaced else ""
        print(f"indexed    {name} ({count} chunks{replaced})")
    for name in report.unchanged:
        print(f"unchanged  {name}")
    for name, reason in report.rejected:
        print(f"rejected   {name}: {reason}")
    for doc_id in report.pruned:
        print(f"pruned     {doc_id}")
    print(f"{len(report.indexed)} indexed, {len(report.unchanged)} unchanged, "
          f"{len(report.rejected)} rejected, {len(report.pruned)} pruned")


def main(argv: list[str] | None = None) -> int:
    """Run the ingest CLI; returns 0 (all indexed/unchanged), 2 (some rejected), 1 (fatal)."""
    args = _parser().parse_args(argv)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    try:
        settings = Settings.from_env()
        if args.rebuild:
            drop_collection(settings)
        store = open_store(settings, embedder_name(settings))
        paths = args.paths or [settings.corpus_dir]
        files = collect_files(paths)
        ingester = Ingester(store, lambda: make_embedder(settings),
                            load_manifest(settings.corpus_dir), settings)

        def bar(items: Iterable[Path]) -> Iterable[Path]:
            return tqdm(items, total=len(files), desc="ingest", unit="file",
                        disable=not sys.stderr.isatty())

        report = ingester.run(files, prune=args.prune, rebuild=args.rebuild, progress=bar)
    except KBError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print_report(report)
    return report.exit_code
