"""`python -m eval.diff BEFORE.json AFTER.json [--list N]`: what a change did, question by question.

Both files are `python -m eval --json` reports, run before and after a change (a setting, a
rule) on the same question file. For each split and metric it prints the two figures, their
difference with a 95% paired bootstrap interval (the same questions drawn in both runs, so
the noise of which questions a split holds cancels out), and how many questions moved each
way. A difference whose interval holds 0 may be chance. Tune questions that moved are listed
by id; check questions are only counted, so that no rule is fitted to them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

from eval import metrics

PerQuestion = dict[str, dict[str, dict[str, list[float]]]]


def _per_question(path: Path) -> PerQuestion:
    """The per-question values of a saved report.

    Raises:
        ValueError: the file is not a `python -m eval --json` report with per-question values.
    """
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a readable JSON report ({exc})") from exc
    values = report.get("per_question") if isinstance(report, dict) else None
    if not values:
        raise ValueError(f"{path}: no per-question values (save a report of this version "
                         "with `python -m eval --json > FILE`)")
    return values


def moved(before: dict[str, list[float]], after: dict[str, list[float]]
          ) -> tuple[list[str], list[str]]:
    """The questions whose own mean of the metric rose, and those whose mean fell."""
    shared = sorted(set(before) & set(after))
    up = [q for q in shared if mean(after[q]) > mean(before[q]) + 1e-9]
    down = [q for q in shared if mean(after[q]) < mean(before[q]) - 1e-9]
    return up, down


def lines(before: PerQuestion, after: PerQuestion, listed: int = 8) -> list[str]:
    """The comparison, one line per split and metric that both runs scored."""
    out = [f"{'split':6}{'metric':28}{'before':>8}{'after':>8}{'diff':>8}  "
           f"{'95% interval':18}{'questions up/down':>18}"]
    for split in [s for s in before if s in after]:
        for metric in [m for m in before[split] if m in after[split]]:
            old, new = before[split][metric], after[split][metric]
            low, high = metrics.paired_interval(old, new)
            up, down = moved(old, new)
            diff = metrics.pooled(new) - metrics.pooled(old)
            out.append(f"{split:6}{metric:28}{metrics.pooled(old):8.3f}{metrics.pooled(new):8.3f}"
                       f"{diff:+8.3f}  [{low:+.3f}, {high:+.3f}]{len(up):>10}/{len(down)}")
            if split == "tune" and listed and (up or down):
                out.append(f"{'':8}up: {' '.join(up[:listed]) or '-'}"
                           f"{' …' if len(up) > listed else ''}; "
                           f"down: {' '.join(down[:listed]) or '-'}"
                           f"{' …' if len(down) > listed else ''}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Print what changed between two saved reports."""
    parser = argparse.ArgumentParser(prog="python -m eval.diff", description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--list", type=int, default=8,
                        help="tune question ids listed per direction (0: none)")
    args = parser.parse_args(argv)
    try:
        before, after = _per_question(args.before), _per_question(args.after)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("\n".join(lines(before, after, args.list)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
