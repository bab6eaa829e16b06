"""`python -m ingest [PATHS...] [--rebuild] [--prune] [--area A --title T --period P --status S
--kind K]`: index files into the store, printing what was decided about each new file."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tqdm import tqdm

from ingest.pipeline import Ingester, IngestReport, collect_files
from kb.backends.embedder import Embedder, embedder_name, make_embedder
from kb.backends.lock import write_lock
from kb.backends.store import drop_collection, is_new, open_store
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
    given = parser.add_argument_group(
        "metadata", "values for the files named (they win over the manifest and over what is read "
        "from the document)")
    given.add_argument("--area", help='area key or council name, e.g. "New Forest"')
    given.add_argument("--title", help="document title")
    given.add_argument("--period", help='e.g. "2025-2028"')
    given.add_argument("--status", help="e.g. draft, adopted, historical")
    given.add_argument("--kind", help="e.g. strategy, plan, presentation")
    return parser


def print_report(report: IngestReport) -> None:
    """One line per file: indexed (chunks), unchanged, rejected (reason), pruned."""
    for name, count in report.indexed:
        replaced = ", replacing the earlier version" if name in report.replaced else ""
        print(f"indexed    {name} ({count} chunks{replaced})")
        if name in report.decided:
            print(f"  decided  {report.decided[name].summary()}")
    for name in report.unchanged:
        print(f"unchanged  {name}")
    for name, reason in report.rejected:
        print(f"rejected   {name}: {reason}")
    for doc_id in report.pruned:
        print(f"pruned     {doc_id}")
    print(f"{len(report.indexed)} indexed, {len(report.unchanged)} unchanged, "
          f"{len(report.rejected)} rejected, {len(report.pruned)} pruned")


def embedder_factory(settings: Settings, now: bool) -> Callable[[], Embedder]:
    """What builds the ingester's embedder: on first need, or, when `now` (every file will be
    embedded: a new store, a rebuild), started at once in a thread, so that the model loads
    while Chroma is imported and opened."""
    if not now:
        return lambda: make_embedder(settings)
    loader = ThreadPoolExecutor(1, thread_name_prefix="embedder-load")
    loading = loader.submit(make_embedder, settings)
    loader.shutdown(wait=False)  # the thread ends once the model is built
    return loading.result


def main(argv: list[str] | None = None) -> int:
    """Run the ingest CLI; returns 0 (all indexed/unchanged), 2 (some rejected), 1 (fatal)."""
    args = _parser().parse_args(argv)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(message)s")
    try:
        settings = Settings.from_env()
        files = collect_files(args.paths or [settings.corpus_dir])

        def bar(items: Iterable[Path]) -> Iterable[Path]:
            return tqdm(items, total=len(files), desc="ingest", unit="file",
                        disable=not sys.stderr.isatty())

        given = {k: v for k in ("area", "title", "period", "status", "kind") if (v := getattr(args, k))}
        overrides = {f.name: given for f in files} if given else None
        with write_lock(settings, notify=lambda message: print(message, file=sys.stderr)):
            factory = embedder_factory(settings, args.rebuild or is_new(settings))
            if args.rebuild:  # under the lock: no other writer sees the store dropped half-way
                drop_collection(settings)
            store = open_store(settings, embedder_name(settings))
            ingester = Ingester(store, factory, load_manifest(settings.corpus_dir), settings)
            report = ingester.run(files, prune=args.prune, rebuild=args.rebuild, overrides=overrides,
                                  progress=bar)
    except KBError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print_report(report)
    return report.exit_code
