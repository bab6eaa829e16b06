"""`python -m eval [--questions FILE] [--k 5 8 10] [--json] [--no-baseline] [--split S]`.

Prints every metric for the `tune` and `check` splits side by side with their difference
and its 95% bootstrap interval (how far a gap moves by the draw of the questions alone); a
difference above GAP_WARNING is flagged, since it means a rule fits the questions it was
tuned on rather than questions in general. `--json` keeps every question's values, which
`python -m eval.diff` compares between two runs.
"""

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

GAP_WARNING = 0.05
LOWER_IS_BETTER = {"false_refusal_rate"}  # a rise on check is the worse direction
ORDER = ("tune", "check", "all")


def _columns(report: Report) -> list[str]:
    return [s for s in ORDER if s in report.splits] + sorted(set(report.splits) - set(ORDER))


def _row(name: str, values: list[float | None], baseline: list[float | None],
         interval: tuple[float, float] | None = None) -> str:
    cells = "".join(f"{v:9.3f}" if v is not None else "        -" for v in values)
    gap = ""
    if len(values) == 2 and None not in values:
        diff = values[1] - values[0]  # type: ignore[operator]
        better = -diff if name in LOWER_IS_BETTER else diff
        flag = "  <-- check lags tune" if better < -GAP_WARNING else (
            "  (check ahead)" if better > GAP_WARNING else "")
        spread = f" [{interval[0]:+.3f}, {interval[1]:+.3f}]" if interval else ""
        gap = f"{diff:+11.3f}{spread}{flag}"
    base = "".join(f"{v:12.3f}" if v is not None else f"{'-':>12}" for v in baseline)
    return f"{name:28}{cells}{base}{gap}".rstrip()


def _print(report: Report) -> None:
    splits = _columns(report)
    head = "".join(f"{s:>9}" for s in splits)
    base = "".join(f"{'base ' + s:>12}" for s in splits) if report.baseline else ""
    diff = f"{'check-tune':>11} [95% interval]" if splits == ["tune", "check"] else ""
    print(f"{'metric':28}{head}{base}{diff}")
    names = list(dict.fromkeys(n for s in splits for n in report.splits[s]))
    for name in names:
        print(_row(name, [report.splits[s].get(name) for s in splits],
                   [report.baseline.get(s, {}).get(name) for s in splits]
                   if report.baseline else [], report.gap_interval.get(name)))
    for kind, table in (("category", report.by_category), ("tag", report.by_tag)):
        print(f"\nby {kind}:")
        intervals = report.group_gap_interval.get(kind, {})
        groups = sorted({g for s in splits for g in table.get(s, {})})
        for group in groups:
            print(f"  {group}")
            metric_names = list(dict.fromkeys(
                m for s in splits for m in table.get(s, {}).get(group, {})))
            for name in metric_names:
                print("  " + _row(name, [table.get(s, {}).get(group, {}).get(name)
                                         for s in splits], [],
                                  intervals.get(group, {}).get(name)))
    print("\nlatency (ms):")
    for name, value in report.latency_ms.items():
        print(f"  {name:22} {value:.1f}")
    if report.failures:
        print("\ntune questions not fully found at the first k:")
        for line in report.failures:
            print(f"  {line}")
    if report.check_misses:
        print(f"\ncheck questions not fully found at the first k: {report.check_misses} "
              "(not listed, so that no rule is fitted to them)")


def main(argv: list[str] | None = None) -> int:
    """Score the running knowledge base; ingests the corpus first when the store is empty."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--k", type=int, nargs="+", default=[5, 8, 10])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--split", choices=["tune", "check"],
                        help="score one split only (tune while changing rules; report both)")
    args = parser.parse_args(argv)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR)
    try:
        kb = KnowledgeBase.open()
        if not kb.documents():
            kb.ingest([kb.settings.corpus_dir])
        report = run(kb, args.questions, sorted(args.k), with_baseline=not args.no_baseline,
                     split=args.split)
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
