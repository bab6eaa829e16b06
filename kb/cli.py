"""`python -m kb search|ask|compare "text" [--area A] [--k N] [--json] [--out FILE]`."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kb.api import KnowledgeBase
from kb.errors import KBError
from kb.records import FACET_LABELS, Answer, Comparison, Facet, Hit, IndexedDocument
from kb.reports.export import NO_COMMITMENT, export

HIT_FIELDS = ("chunk_id", "text", "score", "doc_id", "area", "title", "period", "page",
              "section", "kind", "start", "end")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__)
    parser.add_argument("verb", choices=["search", "ask", "compare", "documents"])
    parser.add_argument("text", nargs="?", default="")
    parser.add_argument("--area", action="append", help="area key (repeatable)")
    parser.add_argument("--k", type=int, default=8, help="hits for search")
    parser.add_argument("--json", action="store_true", help="print records as JSON")
    parser.add_argument("--out", type=Path, help="write a board report (.docx or .md)")
    return parser


def hit_json(hit: Hit) -> dict[str, Any]:
    """A hit as one flat JSON object with the fields DESIGN.md fixes."""
    data = asdict(hit)
    return {name: (data[name].value if name == "kind" else data[name]) for name in HIT_FIELDS}


def _print_hits(hits: list[Hit]) -> None:
    for i, hit in enumerate(hits, start=1):
        where = f"p.{hit.page}" if hit.page else hit.section
        print(f"{i}. [{hit.area}] {hit.title} — {where} ({hit.kind.value}, {hit.score:.4f})")
        print("   " + " ".join(hit.text.split())[:300])


def _print_documents(documents: list[IndexedDocument]) -> None:
    for d in documents:
        print(f"{d.doc_id}  {d.area}  {d.period}  {d.status}  {d.chunks} chunks")


def _print_answer(answer: Answer) -> None:
    print(answer.text)
    for c in answer.citations or answer.nearest:
        label = "nearest" if not answer.found else f"[{c.n}]"
        where = f"p.{c.page}" if c.page else c.section
        flag = ", period ended" if c.expired else ""
        print(f"{label} {c.title} ({c.area}, {c.period}, {c.status}{flag}) — {where}")


def _print_comparison(comparison: Comparison) -> None:
    for area in comparison.areas:
        print(f"== {area}")
        for facet in Facet:
            items = comparison.cells[area][facet]
            print(f"  {FACET_LABELS[facet]}:")
            for c in items:
                print(f"    [{c.n}] {' '.join(c.quote.split())[:200]}")
            if not items:
                print(f"    {NO_COMMITMENT}")


def main(argv: list[str] | None = None) -> int:
    """Run the kb CLI; 0 on success, 1 on a knowledge-base error, 2 on bad usage."""
    args = _parser().parse_args(argv)
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR)
    if args.verb != "documents" and not args.text.strip():
        print("error: give the text to search, ask or compare", file=sys.stderr)
        return 2
    try:
        kb = KnowledgeBase.open()
        record: Any
        if args.verb == "documents":
            record = kb.documents()
            payload: Any = [asdict(d) for d in record]
            printer: Any = _print_documents
        elif args.verb == "search":
            record = kb.search(args.text, k=args.k, areas=args.area)
            payload, printer = [hit_json(h) for h in record], _print_hits
        elif args.verb == "ask":
            record = kb.ask(args.text, areas=args.area)
            payload, printer = asdict(record), _print_answer
        else:
            record = kb.compare(args.text, areas=args.area)
            payload, printer = asdict(record), _print_comparison
        if args.out and isinstance(record, Answer | Comparison):
            export(record, args.text, args.out)
    except (KBError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(payload, indent=2, ensure_ascii=False, default=str))
    else:
        printer(record)
    return 0
