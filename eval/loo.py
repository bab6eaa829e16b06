"""`python -m eval.loo [--questions FILE] [--keep DIR]`: every vocabulary entry checked
leave-one-document-out.

For each bundled document D, the vocabulary as it would be had D never been seen drops every
entry that fires (`python -m eval.cues`) in D alone among the bundled documents. The corpus is
ingested with that vocabulary into a store of its own, and the questions about D (evidence or
`documents` in D, or unanswerable about D's area) are scored beside the full vocabulary's
figures, on the tune and the check split. A figure that falls means an entry copied from D is
doing D's work; the overall row pools every (document, question) pair.

Each configuration runs `python -m eval` in a child process on a copy of the corpus folder
whose `vocabulary.toml` lists the dropped entries under `[remove]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from eval.cues import Entry, firings
from eval.questions import Question, load_questions
from eval.runner import QUESTIONS
from ingest.pipeline import collect_files
from kb.config import Settings
from kb.manifest import MANIFEST_NAME, load_manifest
from kb.vocabulary import VOCABULARY_NAME, vocabulary_data

METRICS = ("recall@5", "recall@10", "must_mention", "refusal_accuracy", "false_refusal_rate")
SPLITS = ("tune", "check")
Scores = dict[str, dict[str, float]]  # split -> metric -> value


def fitted_to(fired: dict[Entry, set[str]], document: str, bundled: Iterable[str]) -> list[Entry]:
    """The entries that fire, among the `bundled` documents, in `document` alone."""
    among = set(bundled)
    return [entry for entry, documents in fired.items() if documents & among == {document}]


def removal_table(removed: Iterable[Entry]) -> str:
    """A `[remove]` table (TOML) listing `removed` by section, as a corpus vocabulary file holds it."""
    tables: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for section, word in removed:
        table, _, key = section.partition(".")
        tables[table][key].append(word)
    lines = []
    for table, keys in tables.items():
        lines += [f"[remove.{table}]", *(f"{json.dumps(k)} = {json.dumps(w)}" for k, w in keys.items()), ""]
    return "\n".join(lines)


def corpus_without(corpus_dir: Path, removed: list[Entry], dest: Path) -> Path:
    """A copy of the corpus folder (links to its files) whose vocabulary drops `removed`."""
    dest.mkdir(parents=True)
    for path in [*collect_files([corpus_dir]), corpus_dir / MANIFEST_NAME]:
        if path.is_file():
            (dest / path.relative_to(corpus_dir)).symlink_to(path.resolve())
    own = corpus_dir / VOCABULARY_NAME
    text = own.read_text(encoding="utf-8") + "\n" if own.is_file() else ""
    (dest / VOCABULARY_NAME).write_text(text + removal_table(removed), encoding="utf-8")
    return dest


def about(questions: list[Question], document: str, area: str) -> list[Question]:
    """The questions about one document: evidence or `documents` in it, or unanswerable
    questions about its area."""
    return [q for q in questions
            if document in q.documents or any(e.document == document for e in q.evidence)
            or (not q.answerable and area in q.areas)]


def write_subset(questions: Path, ids: set[str], dest: Path) -> Path:
    """The lines of a question file whose ids are in `ids`, written to `dest`."""
    lines = [line for line in questions.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] in ids]
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return dest


def score(corpus_dir: Path, store_dir: Path, questions: Path) -> Scores:
    """`python -m eval` in a child process with this corpus folder and store (ingested on
    first use): the retrieval and answer figures per split."""
    env = {**os.environ, "KB_CORPUS_DIR": str(corpus_dir), "KB_STORE_DIR": str(store_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "eval", "--questions", str(questions), "--json", "--no-baseline",
         "--k", "5", "10"], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"python -m eval failed on {corpus_dir}: {done.stderr.strip()}")
    splits: Scores = json.loads(done.stdout)["splits"]
    return splits


def weights(questions: list[Question]) -> dict[str, dict[str, int]]:
    """How many questions each metric averages over, per split (to pool documents' figures)."""
    counts: dict[str, dict[str, int]] = {s: dict.fromkeys(METRICS, 0) for s in SPLITS}
    for q in questions:
        if q.split not in counts:
            continue
        per = counts[q.split]
        if not q.answerable:
            per["refusal_accuracy"] += 1
            continue
        per["must_mention"] += 1
        per["false_refusal_rate"] += 1
        if q.quotes:
            per["recall@5"] += 1
            per["recall@10"] += 1
    return counts


def pooled(rows: list[tuple[Scores, dict[str, dict[str, int]]]]) -> Scores:
    """Figures pooled over documents, each weighted by its number of questions."""
    result: Scores = {}
    for split in SPLITS:
        result[split] = {}
        for metric in METRICS:
            pairs = [(scores.get(split, {}).get(metric), counts[split][metric]) for scores, counts in rows]
            total = sum(n for value, n in pairs if value is not None)
            if total:
                result[split][metric] = sum(value * n for value, n in pairs if value is not None) / total
    return result


@dataclass(frozen=True)
class Row:
    """One document's questions scored with the full and with a reduced vocabulary."""

    name: str
    removed: tuple[Entry, ...]
    counts: dict[str, dict[str, int]]
    full: Scores
    loo: Scores


def _cell(row: Row, split: str, metric: str) -> str:
    a, b = row.full.get(split, {}).get(metric), row.loo.get(split, {}).get(metric)
    if a is None or b is None:
        return f"{'-':>20}"
    return f"{a:6.3f} {b:6.3f} {b - a:+6.3f}"


def print_table(rows: list[Row]) -> None:
    """One line per document and split: each metric as full, leave-one-out, difference."""
    lead = f"{'':44} {'':>4} {'':5} {'':>3}"
    print(lead + "".join(f"  {m:^20}" for m in METRICS))
    print(f"{'document':44} {'drop':>4} {'split':5} {'n':>3}"
          + f"  {'full    loo   diff':>20}" * len(METRICS))
    for row in rows:
        for split in SPLITS:
            n = row.counts[split]["must_mention"] + row.counts[split]["refusal_accuracy"]
            print(f"{row.name[:44]:44} {len(row.removed):4} {split:5} {n:3}"
                  + "".join(f"  {_cell(row, split, m)}" for m in METRICS))


def overall(rows: list[Row]) -> Row:
    """Every (document, question) pair pooled."""
    counts = {s: {m: sum(r.counts[s][m] for r in rows) for m in METRICS} for s in SPLITS}
    return Row("overall (document, question) pairs", tuple(e for r in rows for e in r.removed), counts,
               pooled([(r.full, r.counts) for r in rows]), pooled([(r.loo, r.counts) for r in rows]))


def evaluate(corpus_dir: Path, questions_file: Path, work: Path, each: bool) -> list[Row]:
    """Per bundled document: its questions with the full vocabulary and without the entries
    fitted to it (all together, or with `each` one at a time: one row per entry)."""
    files = collect_files([corpus_dir])
    fired = firings(files, vocabulary_data(corpus_dir))
    manifest = load_manifest(corpus_dir)
    questions = load_questions(questions_file)
    rows = []
    for path in files:
        removed = fitted_to(fired, path.name, (f.name for f in files))
        subset = about(questions, path.name, manifest.area_of(path))
        subset_file = write_subset(questions_file, {q.id for q in subset}, work / f"{path.stem}.jsonl")
        full = score(corpus_dir, work / "store-full", subset_file)
        trials = [[entry] for entry in removed] if each else [removed]
        for n, trial in enumerate(trials):
            reduced = corpus_without(corpus_dir, trial, work / f"corpus-{path.stem}-{n}")
            loo = score(reduced, work / f"store-{path.stem}-{n}", subset_file)
            rows.append(Row(path.name, tuple(trial), weights(subset), full, loo))
            print(f"{path.name}: without " + "; ".join(f"{s} {w!r}" for s, w in trial), flush=True)
    return rows


def print_entries(rows: list[Row]) -> None:
    """One line per removed entry: what its removal alone changed, per split."""
    shown = METRICS[:3]
    print(f"{'entry (removed alone)':64}" + "".join(f"{s + ' ' + m:>20}" for s in SPLITS for m in shown))
    for row in rows:
        section, word = row.removed[0]
        diffs = "".join(f"{row.loo.get(s, {}).get(m, 0.0) - row.full.get(s, {}).get(m, 0.0):+20.3f}"
                        for s in SPLITS for m in shown)
        print(f"{(section + ' ' + repr(word))[:64]:64}{diffs}")


def main(argv: list[str] | None = None) -> int:
    """Score every bundled document's questions with the full and the leave-it-out vocabulary."""
    parser = argparse.ArgumentParser(prog="python -m eval.loo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--each", action="store_true",
                        help="remove the entries fitted to a document one at a time")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kb-loo-") as temporary:
        rows = evaluate(Settings.from_env().corpus_dir, args.questions, args.keep or Path(temporary),
                        args.each)
    print()
    if args.each:
        print_entries(rows)
    else:
        print_table([*rows, overall(rows)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
