"""Board papers to and from plain JSON-ready dicts (records are dataclasses; enums by value).

Loading is tolerant: unknown keys are ignored and fields added to a record later take their
defaults, so a paper saved by an older version still opens. Comparison facets are read by
iterating `Facet`, so a facet the saved paper lacks is an empty cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields
from typing import Any

from kb.records import (
    Answer,
    ChunkKind,
    Citation,
    Comparison,
    Coverage,
    CoverageCell,
    Facet,
    Framework,
    FrameworkItem,
    IndexedDocument,
)
from kb.reports.paper import BoardPaper, Body, ItemKind, ReportItem

FORMAT_VERSION = 1


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def citation_from_dict(data: dict[str, Any]) -> Citation:
    """A Citation from its dict (as `dataclasses.asdict` writes it)."""
    return Citation(**_known(Citation, data))


def _citations(data: list[dict[str, Any]]) -> list[Citation]:
    return [citation_from_dict(c) for c in data]


def body_to_dict(body: Body) -> dict[str, Any]:
    """A record as a JSON-ready dict (enum keys and values written as strings)."""
    data = asdict(body)
    if isinstance(body, Comparison):
        data["cells"] = {area: {str(f): cs for f, cs in row.items()}
                         for area, row in data["cells"].items()}
    return data


def answer_from_dict(data: dict[str, Any]) -> Answer:
    """An Answer from its dict."""
    values = _known(Answer, data)
    values["citations"] = _citations(data.get("citations", []))
    values["nearest"] = _citations(data.get("nearest", []))
    return Answer(**values)


def comparison_from_dict(data: dict[str, Any]) -> Comparison:
    """A Comparison from its dict; every facet of `Facet` is present (missing ones empty)."""
    cells = {area: {facet: _citations(row.get(facet.value, [])) for facet in Facet}
             for area, row in data["cells"].items()}
    return Comparison(theme=data["theme"], areas=list(data["areas"]), cells=cells,
                      notice=data.get("notice", ""))


def framework_from_dict(data: dict[str, Any]) -> Framework:
    """A Framework (register extract) from its dict."""
    documents = [IndexedDocument(**_known(IndexedDocument, d)) for d in data["documents"]]
    items = {kind: [FrameworkItem(kind=ChunkKind(i["kind"]), text=i["text"],
                                  citation=citation_from_dict(i["citation"]),
                                  heading=i.get("heading", ""), details=dict(i.get("details", {})))
                    for i in entries]
             for kind, entries in data["items"].items()}
    return Framework(area=data["area"], documents=documents, items=items)


def coverage_from_dict(data: dict[str, Any]) -> Coverage:
    """A Coverage (one or more themes) from its dict."""
    cells = {theme: {area: CoverageCell(score=int(cell["score"]),
                                        evidence=_citations(cell["evidence"]),
                                        commitments=int(cell.get("commitments", 0)))
                     for area, cell in row.items()}
             for theme, row in data["cells"].items()}
    return Coverage(themes=list(data["themes"]), areas=list(data["areas"]), cells=cells)


_READERS: dict[ItemKind, Callable[[dict[str, Any]], Body]] = {
    ItemKind.ANSWER: answer_from_dict, ItemKind.COMPARISON: comparison_from_dict,
    ItemKind.REGISTER: framework_from_dict, ItemKind.COVERAGE: coverage_from_dict}


def paper_to_dict(paper: BoardPaper) -> dict[str, Any]:
    """The paper as a JSON-ready dict (the re-check's problems are not saved)."""
    return {
        "version": FORMAT_VERSION, "name": paper.name, "created": paper.created,
        "updated": paper.updated,
        "items": [{"id": item.item_id, "kind": item.kind.value, "subject": item.subject,
                   "heading": item.heading, "note": item.note, "body": body_to_dict(item.body)}
                  for item in paper.items],
    }


def paper_from_dict(data: dict[str, Any]) -> BoardPaper:
    """A paper from its dict.

    Raises:
        ValueError: an item of an unknown kind, or a newer format version.
    """
    if int(data.get("version", FORMAT_VERSION)) > FORMAT_VERSION:
        raise ValueError(f"report {data.get('name')!r} was saved by a newer version "
                         f"(format {data['version']})")
    items = tuple(
        ReportItem(body=_READERS[ItemKind(i["kind"])](i["body"]), subject=i["subject"],
                   heading=i.get("heading", ""), note=i.get("note", ""), item_id=i["id"])
        for i in data["items"])
    return BoardPaper(name=data["name"], items=items, created=data["created"],
                      updated=data["updated"])
