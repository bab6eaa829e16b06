"""Score the knowledge base (and the baseline, side by side) on a question file."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval import metrics
from eval.baseline import BaselineRetriever
from ingest.loaders import decode_text
from ingest.markup import clean_text
from ingest.pipeline import collect_files
from kb.api import KnowledgeBase
from kb.manifest import doc_id_for

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
REQUIRED = ("id", "category", "question", "areas", "evidence", "must_mention")


@dataclass
class Report:
    """Every figure `python -m eval` prints."""

    system: dict[str, float] = field(default_factory=dict)
    baseline: dict[str, float] = field(default_factory=dict)
    by_category: dict[str, dict[str, float]] = field(default_factory=dict)
    answers: dict[str, float] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def load_questions(path: Path) -> list[dict[str, Any]]:
    """Read a JSON Lines question file in the DESIGN.md schema.

    Raises:
        ValueError: a line is not JSON or lacks a required field (named with its line number).
    """
    questions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        missing = [key for key in REQUIRED if key not in item]
        if missing:
            raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
        questions.append(item)
    return questions


def score_retrieval(kb: KnowledgeBase, questions: list[dict[str, Any]], ks: list[int],
                    report: Report) -> None:
    """Evidence recall@k, MRR, compare-area coverage and search latency."""
    depth = max(ks)
    sums: dict[str, list[float]] = defaultdict(list)
    per_category: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for item in questions:
        quotes = [e["quote"] for e in item["evidence"]]
        started = time.perf_counter()
        hits = kb.search(item["question"], k=depth)
        sums["search_ms"].append((time.perf_counter() - started) * 1000)
        if item["category"] == "compare":
            sums["compare_area_coverage@8"].append(
                metrics.area_coverage([h.area for h in hits[:8]], item["areas"]))
        if not quotes:
            continue
        texts = [h.text for h in hits]
        for k in ks:
            value = metrics.recall_at_k(texts, quotes, k)
            sums[f"recall@{k}"].append(value)
            per_category[item["category"]][f"recall@{k}"].append(value)
        sums["mrr"].append(metrics.reciprocal_rank(texts, quotes))
        if metrics.recall_at_k(texts, quotes, ks[0]) < 1.0:
            report.failures.append(f"{item['id']} ({item['category']}): {item['question']}")
    latencies = sums.pop("search_ms")
    report.latency_ms["search_p50"] = metrics.percentile(latencies, 50)
    report.latency_ms["search_p95"] = metrics.percentile(latencies, 95)
    report.system = {name: metrics.average(values) for name, values in sums.items()}
    report.by_category = {cat: {n: metrics.average(v) for n, v in values.items()}
                          for cat, values in per_category.items()}


def score_baseline(baseline: BaselineRetriever, questions: list[dict[str, Any]],
                   ks: list[int], report: Report) -> None:
    """The same retrieval metrics for the plain pipeline."""
    sums: dict[str, list[float]] = defaultdict(list)
    for item in questions:
        quotes = [e["quote"] for e in item["evidence"]]
        results = baseline.search(item["question"], max(ks))
        if item["category"] == "compare":
            sums["compare_area_coverage@8"].append(
                metrics.area_coverage([a for _, a in results[:8]], item["areas"]))
        if not quotes:
            continue
        texts = [t for t, _ in results]
        for k in ks:
            sums[f"recall@{k}"].append(metrics.recall_at_k(texts, quotes, k))
        sums["mrr"].append(metrics.reciprocal_rank(texts, quotes))
    report.baseline = {name: metrics.average(values) for name, values in sums.items()}


def score_answers(kb: KnowledgeBase, questions: list[dict[str, Any]],
                  sources: dict[str, str], report: Report) -> None:
    """Must-mention coverage, refusal accuracy, false refusals, verbatim citations, ask latency."""
    mention, refused_right, refused_wrong, verbatim, latency = [], [], [], [], []
    for item in questions:
        started = time.perf_counter()
        answer = kb.ask(item["question"])
        latency.append((time.perf_counter() - started) * 1000)
        if item["category"] == "unanswerable":
            refused_right.append(float(not answer.found))
            continue
        refused_wrong.append(float(not answer.found))
        mention.append(metrics.mention_coverage(answer.text, item["must_mention"]))
        for citation in answer.citations:
            verbatim.append(float(citation.quote in sources.get(citation.doc_id, "")))
    report.answers = {
        "must_mention": metrics.average(mention),
        "refusal_accuracy": metrics.average(refused_right),
        "false_refusal_rate": metrics.average(refused_wrong),
        "verbatim_citations": metrics.average(verbatim),
    }
    report.latency_ms["ask_p50"] = metrics.percentile(latency, 50)
    report.latency_ms["ask_p95"] = metrics.percentile(latency, 95)


def score_comparisons(kb: KnowledgeBase, questions: list[dict[str, Any]], report: Report
                      ) -> None:
    """For compare questions: asked areas with a cited item, gold quotes in the table, latency."""
    filled, gold, latency = [], [], []
    for item in questions:
        if item["category"] != "compare":
            continue
        started = time.perf_counter()
        comparison = kb.compare(item["question"], item["areas"] or None)
        latency.append((time.perf_counter() - started) * 1000)
        quotes = [c.quote for row in comparison.cells.values() for cell in row.values()
                  for c in cell]
        for area in item["areas"]:
            filled.append(float(any(comparison.cells.get(area, {}).values())))
        for evidence in item["evidence"]:
            gold.append(float(any(metrics.holds(q, evidence["quote"]) for q in quotes)))
    report.answers["compare_areas_filled"] = metrics.average(filled)
    report.answers["compare_gold_in_table"] = metrics.average(gold)
    report.latency_ms["compare_max"] = max(latency, default=0.0)


def run(kb: KnowledgeBase, questions_path: Path, ks: list[int], with_baseline: bool = True
        ) -> Report:
    """Score everything on one question file."""
    questions = load_questions(questions_path)
    files = collect_files([kb.settings.corpus_dir])
    sources = {doc_id_for(p): clean_text(decode_text(p.read_bytes())) for p in files}
    report = Report()
    kb.search("warm up", k=1)
    score_retrieval(kb, questions, ks, report)
    score_answers(kb, questions, sources, report)
    score_comparisons(kb, questions, report)
    if with_baseline:
        score_baseline(BaselineRetriever(files, kb.embedder()), questions, ks, report)
    return report
