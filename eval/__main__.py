"""`python -m eval [--questions FILE] [--k 5 8 10] [--json] [--no-baseline]`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path

from eval.runner import QUESTIONS, Report, run
from kb.api import KnowledgeBase
from kb.errors import KBError


def _print(report: Report) -> None:
    print(f"{'metric':28} {'system':>8} {'baseline':>9} {'ratio':>7}")
    for name, value in report.system.items():
        base = report.baseline.get(name)
        ratio = f"{value / base:7.2f}" if base else "      -"
        base_text = f"{base:9.3f}" if base is not None else "        -"
        print(f"{name:28} {value:8.3f} {base_text} {ratio}")
    print("\nby category:")
    for category, values in sorted(report.by_category.items()):
        print(f"  {category:16} " + "  ".join(f"{n}={v:.2f}" for n, v in values.items()))
    print("\nanswers:")
    for name, value in report.answers.items():
        print(f"  {name:22} {value:.3f}")
    print("\nlatency (ms):")
    for name, value in report.latency_ms.items():
        print(f"  {name:22} {value:.1f}")
    if report.failures:
        print("\nnot fully found at the first k:")
        for line in report.failures:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    """Score the running knowledge base; ingests the corpus first when the store is empty."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--k", type=int, nargs="+", default=[5, 8, 10])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR)
    try:
        kb = KnowledgeBase.open()
        if not kb.documents():
            kb.ingest([kb.settings.corpus_dir])
        report = run(kb, args.questions, sorted(args.k), with_baseline=not args.no_baseline)
    except (KBError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        _print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
