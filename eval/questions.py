"""The question file: JSON Lines in the DESIGN.md schema, read into typed records."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

REQUIRED = ("id", "category", "question", "areas", "evidence", "must_mention")
SPLITS = ("tune", "check")


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote that answers the question."""

    document: str
    quote: str


@dataclass(frozen=True)
class LabelledItem:
    """A hand-labelled comparison item: it belongs in the table for this area and facet."""

    area: str
    facet: str
    quote: str


@dataclass(frozen=True)
class Question:
    """One evaluation question."""

    id: str
    category: str
    question: str
    areas: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    must_mention: tuple[str, ...]
    split: str = "all"  # "tune" (rules may be fitted to it), "check" (never), or "all"
    tags: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    answer: str = ""
    items: tuple[LabelledItem, ...] = ()

    @property
    def quotes(self) -> list[str]:
        """The evidence quotes."""
        return [e.quote for e in self.evidence]

    @property
    def answerable(self) -> bool:
        """False for the questions the corpus does not answer."""
        return self.category != "unanswerable"


def load_questions(path: Path) -> list[Question]:
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
        questions.append(Question(
            id=item["id"], category=item["category"], question=item["question"],
            areas=tuple(item["areas"]),
            evidence=tuple(Evidence(e["document"], e["quote"]) for e in item["evidence"]),
            must_mention=tuple(item["must_mention"]), split=item.get("split", "all"),
            tags=tuple(item.get("tags", ())), documents=tuple(item.get("documents", ())),
            answer=item.get("answer", ""),
            items=tuple(LabelledItem(i["area"], i["facet"], i["quote"])
                        for i in item.get("items", ()))))
    return questions
