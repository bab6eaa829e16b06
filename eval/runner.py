"""Score the knowledge base (and the baseline, side by side) on a question file, per split.

Every per-question value is recorded under its split, its category and each of its tags, so
`python -m eval` can show `tune` and `check` side by side: a rule that only fits the
questions it was tuned on shows up as a gap between the two.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eval import metrics
from eval.baseline import BaselineRetriever
from eval.questions import Question, load_questions
from ingest.loaders import decode_text
from ingest.markup import clean_text
from ingest.pipeline import collect_files
from ingest.sniff import TEXT_SUFFIXES
from kb.api import KnowledgeBase
from kb.manifest import doc_id_for
from kb.records import Citation, Comparison

QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"


@dataclass
class Report:
    """Every figure `python -m eval` prints: metric values per split, category and tag."""

    splits: dict[str, dict[str, float]] = field(default_factory=dict)
    baseline: dict[str, dict[str, float]] = field(default_factory=dict)
    by_category: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    by_tag: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    latency_ms: dict[str, float] = field(default_factory=dict)
    # split -> metric -> question id -> its values, for the bootstrap intervals and for
    # `python -m eval.diff` (which lists no check question)
    per_question: dict[str, dict[str, dict[str, list[float]]]] = field(default_factory=dict)
    # metric -> 95% bootstrap interval of check minus tune
    gap_interval: dict[str, tuple[float, float]] = field(default_factory=dict)
    # "category" or "tag" -> its name -> metric -> the same interval within it
    group_gap_interval: dict[str, dict[str, dict[str, tuple[float, float]]]] = field(
        default_factory=dict)
    failures: list[str] = field(default_factory=list)  # tune questions only
    check_misses: int = 0  # counted, never listed: nobody reads (and so tunes on) them


Key = tuple[str, str, str]  # (split, "split", "") or (split, "category" or "tag", its name)


class _Tally:
    """Each question's values, filed under its split, its category and each of its tags."""

    def __init__(self) -> None:
        # key -> metric -> question id -> values
        self.groups: dict[Key, dict[str, dict[str, list[float]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list)))

    def add(self, q: Question, metric: str, value: float) -> None:
        for key in [(q.split, "split", ""), (q.split, "category", q.category),
                    *((q.split, "tag", tag) for tag in q.tags)]:
            self.groups[key][metric][q.id].append(value)

    def pooled(self, kind: str) -> dict[str, dict[str, dict[str, float]]]:
        """split -> group name -> metric -> the metric over every value of the group's
        questions."""
        out: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
        for (split, of_kind, name), values in self.groups.items():
            if of_kind == kind:
                out[split][name] = {m: metrics.pooled(q) for m, q in values.items()}
        return dict(out)

    def fill(self, report: Report) -> None:
        report.splits = {s: groups[""] for s, groups in self.pooled("split").items()}
        report.by_category = self.pooled("category")
        report.by_tag = self.pooled("tag")
        report.per_question = {s: {m: dict(q) for m, q in values.items()}
                               for (s, kind, _), values in self.groups.items()
                               if kind == "split"}
        for (split, kind, name), tune in self.groups.items():
            check = self.groups.get(("check", kind, name)) if split == "tune" else None
            if not check:
                continue
            intervals = {m: metrics.gap_interval(tune[m], check[m]) for m in tune if m in check}
            if kind == "split":
                report.gap_interval = intervals
            else:
                report.group_gap_interval.setdefault(kind, {})[name] = intervals


def score_retrieval(kb: KnowledgeBase, questions: list[Question], ks: list[int],
                    tally: _Tally, report: Report) -> None:
    """Evidence recall@k, MRR, compare-area coverage and search latency."""
    latencies = []
    for q in questions:
        started = time.perf_counter()
        hits = kb.search(q.question, k=max(ks))
        latencies.append((time.perf_counter() - started) * 1000)
        if q.category == "compare":
            tally.add(q, "compare_area_coverage@8",
                      metrics.area_coverage([h.area for h in hits[:8]], q.areas))
        if not q.quotes:
            continue
        texts = [h.text for h in hits]
        for k in ks:
            tally.add(q, f"recall@{k}", metrics.recall_at_k(texts, q.quotes, k))
        tally.add(q, "mrr", metrics.reciprocal_rank(texts, q.quotes))
        if metrics.recall_at_k(texts, q.quotes, ks[0]) < 1.0:
            if q.split == "check":
                report.check_misses += 1
            else:
                report.failures.append(f"{q.id} ({q.category}): {q.question}")
    report.latency_ms["search_p50"] = metrics.percentile(latencies, 50)
    report.latency_ms["search_p95"] = metrics.percentile(latencies, 95)


def score_baseline(baseline: BaselineRetriever, questions: list[Question], ks: list[int],
                   report: Report) -> None:
    """The same retrieval metrics for the plain pipeline, per split."""
    tally = _Tally()
    for q in questions:
        results = baseline.search(q.question, max(ks))
        if q.category == "compare":
            tally.add(q, "compare_area_coverage@8",
                      metrics.area_coverage([a for _, a in results[:8]], q.areas))
        if not q.quotes:
            continue
        texts = [t for t, _ in results]
        for k in ks:
            tally.add(q, f"recall@{k}", metrics.recall_at_k(texts, q.quotes, k))
        tally.add(q, "mrr", metrics.reciprocal_rank(texts, q.quotes))
    report.baseline = {s: groups[""] for s, groups in tally.pooled("split").items()}


def score_answers(kb: KnowledgeBase, questions: list[Question], sources: dict[str, str],
                  tally: _Tally, report: Report) -> None:
    """Must-mention coverage, refusals (right and wrong), verbatim citations, the share of an
    answer's quotes that are marked evidence and of the evidence it quotes, ask latency."""
    latency = []
    for q in questions:
        started = time.perf_counter()
        answer = kb.ask(q.question)
        latency.append((time.perf_counter() - started) * 1000)
        if not q.answerable:
            tally.add(q, "refusal_accuracy", float(not answer.found))
            # about the strategies' subject; about another subject ("potholes"); another area
            kind = next((tag for tag in ("on_topic", "off_topic") if tag in q.tags), "other")
            tally.add(q, f"refusal_accuracy_{kind}", float(not answer.found))
            continue
        tally.add(q, "false_refusal_rate", float(not answer.found))
        tally.add(q, "must_mention", metrics.mention_coverage(answer.text, q.must_mention))
        for citation in answer.citations:
            tally.add(q, "verbatim_citations",
                      float(_verbatim(kb, citation, sources)))
        if answer.found and q.quotes:  # how much of the answer is the marked evidence, and how
            quoted = [c.quote for c in answer.citations]  # much of that evidence it quotes
            for quote in quoted:
                tally.add(q, "answer_precision",
                          float(any(metrics.overlaps(quote, gold) for gold in q.quotes)))
            for gold in q.quotes:
                tally.add(q, "evidence_quoted",
                          float(any(metrics.overlaps(quote, gold) for quote in quoted)))
    report.latency_ms["ask_p50"] = metrics.percentile(latency, 50)
    report.latency_ms["ask_p95"] = metrics.percentile(latency, 95)


def _verbatim(kb: KnowledgeBase, citation: Citation, sources: dict[str, str]) -> bool:
    """The quote is in its text file as written, or, for a PDF or Word file, is exactly the
    stored extracted text at the citation's offsets."""
    if citation.doc_id in sources:
        return citation.quote in sources[citation.doc_id]
    return kb.passage(citation)[1] == citation.quote


def _table_quotes(comparison: Comparison, area: str) -> list[str]:
    return [c.quote for cell in comparison.cells.get(area, {}).values() for c in cell]


def score_comparisons(kb: KnowledgeBase, questions: list[Question], tally: _Tally,
                      report: Report) -> None:
    """For compare questions: areas filled, gold quotes in the table, and for hand-labelled
    questions the table's precision (items that belong) and recall (labelled items found)."""
    latency = []
    for q in questions:
        if q.category != "compare":
            continue
        started = time.perf_counter()
        comparison = kb.compare(q.question, list(q.areas) or None)
        latency.append((time.perf_counter() - started) * 1000)
        filled = [bool(_table_quotes(comparison, area)) for area in q.areas]
        for value in filled:
            tally.add(q, "compare_areas_filled", float(value))
        tally.add(q, "compare_all_filled", float(all(filled)))
        every = [quote for area in comparison.areas for quote in _table_quotes(comparison, area)]
        for quote in q.quotes:
            tally.add(q, "compare_gold_in_table", float(any(metrics.holds(t, quote) for t in every)))
        if not q.items:
            continue
        for area in comparison.areas:
            labelled = [i.quote for i in q.items if i.area == area]
            for quote in _table_quotes(comparison, area):
                tally.add(q, "table_precision", float(any(metrics.overlaps(quote, label)
                                                          for label in labelled)))
        for item in q.items:
            found = _table_quotes(comparison, item.area)
            tally.add(q, "table_recall", float(any(metrics.overlaps(t, item.quote) for t in found)))
    report.latency_ms["compare_p50"] = metrics.percentile(latency, 50)
    report.latency_ms["compare_p95"] = metrics.percentile(latency, 95)


def run(kb: KnowledgeBase, questions_path: Path, ks: list[int], with_baseline: bool = True,
        split: str | None = None) -> Report:
    """Score everything on one question file (one split of it when `split` is given)."""
    questions = [q for q in load_questions(questions_path) if split in (None, q.split)]
    files = collect_files([kb.settings.corpus_dir])
    sources = {doc_id_for(p): clean_text(decode_text(p.read_bytes())) for p in files
               if p.suffix.lower() in TEXT_SUFFIXES}
    report, tally = Report(), _Tally()
    kb.search("warm up", k=1)
    score_retrieval(kb, questions, ks, tally, report)
    score_answers(kb, questions, sources, tally, report)
    score_comparisons(kb, questions, tally, report)
    tally.fill(report)
    if with_baseline:
        score_baseline(BaselineRetriever(files, kb.embedder()), questions, ks, report)
    return report
