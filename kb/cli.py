"""`python -m kb search|ask|compare "text" [--area A] [--k N] [--json] [--out FILE]`, and
`python -m kb report new|add|list|show|move|remove|export ...` for board papers."""

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
from kb.reports.paper import numbered

HIT_FIELDS = ("chunk_id", "text", "score", "doc_id", "area", "title", "period", "page",
              "section", "kind", "start", "end")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb", description=__doc__)
    parser.add_argument("verb", choices=["search", "ask", "compare", "documents"])
    parser.add_argument("text", nargs="?", default="")
    parser.add_argument("--area", action="append", help="area key or name (repeatable)")
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


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb report",
                                     description="Board papers saved with the store.")
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("new", help="create an empty report").add_argument("name")
    sub.add_parser("list", help="the saved reports")
    sub.add_parser("show", help="a report's items and source checks").add_argument("name")
    add = sub.add_parser("add", help="add an answer, comparison or area register")
    add.add_argument("name")
    add.add_argument("what", choices=["ask", "compare", "register"])
    add.add_argument("text", help="the question, the theme, or the area key")
    add.add_argument("--area", action="append", help="area key or name (repeatable)")
    add.add_argument("--heading", default="", help="the item's heading")
    add.add_argument("--note", default="", help="the officer's note (plain text)")
    for action, helps in (("move", "move an item"), ("remove", "remove an item")):
        item = sub.add_parser(action, help=helps)
        item.add_argument("name")
        item.add_argument("position", type=int, help="1-based, as `report show` lists")
        if action == "move":
            item.add_argument("offset", type=int, help="places to move: -1 up, 1 down")
    out = sub.add_parser("export", help="write the report (.docx or .md)")
    out.add_argument("name")
    out.add_argument("--out", type=Path, required=True)
    return parser


def _show(kb: KnowledgeBase, name: str) -> None:
    items, references = numbered(kb.reports.get(name))
    for i, item in enumerate(items, start=1):
        print(f"{i}. [{item.kind.value}] {item.title}")
    print(f"{len(references)} references, numbered once")
    flagged: dict[str, list[str]] = {}
    for r in references:
        flags = [f for f, on in (("draft", r.draft), ("period ended", r.expired), (r.problem, r.problem))
                 if on]
        if flags:
            flagged.setdefault(f"{r.citation.title}: {', '.join(flags)}", []).append(f"[{r.n}]")
    for label, numbers in flagged.items():
        print(f"  {label} — {' '.join(numbers)}")


def _report(kb: KnowledgeBase, args: argparse.Namespace) -> None:
    reports, name = kb.reports, getattr(args, "name", "")
    if args.action == "new":
        print(f"created report {reports.create(name).name!r} in {reports.store.path(name)}")
    elif args.action == "list":
        for saved in reports.list():
            print(f"{saved}  ({len(reports.get(saved).items)} items)")
    elif args.action == "show":
        _show(kb, name)
    elif args.action == "add":
        body: Any
        if args.what == "ask":
            body = kb.ask(args.text, areas=args.area)
            if not body.found:
                print(f"note: not covered by the strategies; kept as such: {body.text}")
        elif args.what == "compare":
            body = kb.compare(args.text, areas=args.area)
        else:
            body = kb.framework(args.text)
        paper = reports.add(name, body, args.text, args.heading, args.note)
        print(f"added item {len(paper.items)} ({args.what}) to {paper.name!r}")
    elif args.action in {"move", "remove"}:
        if args.action == "move":
            reports.move(name, args.position - 1, args.offset)
        else:
            reports.remove(name, args.position - 1)
        _show(kb, name)
    else:
        print(f"wrote {reports.export(name, args.out)}")


def main(argv: list[str] | None = None) -> int:
    """Run the kb CLI; 0 on success, 1 on a knowledge-base error, 2 on bad usage."""
    argv = sys.argv[1:] if argv is None else argv
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    logging.basicConfig(level=logging.ERROR)
    if argv[:1] == ["report"]:
        report_args = _report_parser().parse_args(argv[1:])
        try:
            _report(KnowledgeBase.open(), report_args)
        except (KBError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        return 0
    args = _parser().parse_args(argv)
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
