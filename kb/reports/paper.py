"""A board paper: answers, comparisons, register extracts and coverage views, kept in order.

Each item keeps the record it came from (an `Answer`, `Comparison`, `Framework` or
`Coverage`), the question, theme or area it answers, and the officer's heading and note.
References are numbered once across the whole paper (`numbered`): the same quote from the
same chunk gets one number wherever it is cited, and each item's [n] markers are renumbered.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum

from kb.answers.extractive import is_expired
from kb.records import Answer, Citation, Comparison, Coverage, Facet, Framework

Body = Answer | Comparison | Framework | Coverage
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
MAX_NOTE = 2000


class ItemKind(StrEnum):
    """What a report item holds."""

    ANSWER = "answer"
    COMPARISON = "comparison"
    REGISTER = "register"
    COVERAGE = "coverage"


_KIND_OF: dict[type, ItemKind] = {Answer: ItemKind.ANSWER, Comparison: ItemKind.COMPARISON,
                                  Framework: ItemKind.REGISTER, Coverage: ItemKind.COVERAGE}
_DEFAULT_HEADING = {ItemKind.ANSWER: "Question: {}", ItemKind.COMPARISON: "Comparison: {}",
                    ItemKind.REGISTER: "Commitments register: {}", ItemKind.COVERAGE: "Coverage: {}"}


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class ReportItem:
    """One kept piece of the paper: its record, what it answers, and the officer's words."""

    body: Body
    subject: str  # the question, theme or area
    heading: str = ""
    note: str = ""  # plain text; escaped wherever it is shown
    item_id: str = field(default_factory=_new_id)

    @property
    def kind(self) -> ItemKind:
        """Answer, comparison, register or coverage."""
        return _KIND_OF[type(self.body)]

    @property
    def title(self) -> str:
        """The officer's heading, or one made from the subject."""
        return self.heading.strip() or _DEFAULT_HEADING[self.kind].format(self.subject)


@dataclass(frozen=True)
class BoardPaper:
    """A named report; `problems` (citation key -> reason) is set by the re-check on open."""

    name: str
    items: tuple[ReportItem, ...] = ()
    created: str = field(default_factory=_now)
    updated: str = field(default_factory=_now)
    problems: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    """A numbered entry of the paper's one reference list."""

    n: int
    citation: Citation
    problem: str = ""  # set when the re-check found the source removed or changed

    @property
    def expired(self) -> bool:
        """The strategy's period has ended (checked again at export time)."""
        return self.citation.expired or is_expired(self.citation.period)

    @property
    def draft(self) -> bool:
        """The strategy is a draft."""
        return self.citation.status.lower() == "draft"


def citation_key(c: Citation) -> str:
    """What makes two citations one reference: the chunk and the quote (spacing ignored)."""
    return f"{c.chunk_id}\x00{' '.join(c.quote.split())}"


def item_problems(item: ReportItem, references: list[Reference]) -> list[str]:
    """The re-check's findings on an item's sources, one line per reason: `reason ([n], [m])`."""
    keys = {citation_key(c) for c in citations(item.body)}
    found: dict[str, list[str]] = {}
    for r in references:
        if r.problem and citation_key(r.citation) in keys:
            found.setdefault(r.problem, []).append(f"[{r.n}]")
    return [f"{reason} ({', '.join(numbers)})" for reason, numbers in found.items()]


def citations(body: Body) -> Iterator[Citation]:
    """The citations of a record, in reading order (refusals' nearest passages excluded)."""
    if isinstance(body, Answer):
        yield from body.citations
    elif isinstance(body, Comparison):
        for area in body.areas:
            for facet in Facet:
                yield from body.cells.get(area, {}).get(facet, [])
    elif isinstance(body, Framework):
        for items in body.items.values():
            yield from (item.citation for item in items)
    else:
        for theme in body.themes:
            for area in body.areas:
                cell = body.cells.get(theme, {}).get(area)
                yield from (cell.evidence if cell else [])


def add(paper: BoardPaper, body: Body, subject: str, heading: str = "", note: str = ""
        ) -> BoardPaper:
    """The paper with a new item at the end.

    Raises:
        ValueError: the note is longer than MAX_NOTE characters.
    """
    item = ReportItem(body=body, subject=subject, heading=heading, note=_checked_note(note))
    return replace(paper, items=(*paper.items, item), updated=_now())


def _checked_note(note: str) -> str:
    if len(note) > MAX_NOTE:
        raise ValueError(f"an officer's note is at most {MAX_NOTE} characters; got {len(note)}")
    return note.strip()


def _index(paper: BoardPaper, index: int) -> int:
    if not 0 <= index < len(paper.items):
        raise ValueError(f"report {paper.name!r} has no item {index + 1} "
                         f"(it has {len(paper.items)})")
    return index


def remove(paper: BoardPaper, index: int) -> BoardPaper:
    """The paper without the item at `index` (0-based).

    Raises:
        ValueError: no such item.
    """
    index = _index(paper, index)
    return replace(paper, items=paper.items[:index] + paper.items[index + 1:], updated=_now())


def move(paper: BoardPaper, index: int, offset: int) -> BoardPaper:
    """The paper with the item at `index` moved by `offset` places (clamped to the ends).

    Raises:
        ValueError: no such item.
    """
    items = list(paper.items)
    item = items.pop(_index(paper, index))
    items.insert(min(max(index + offset, 0), len(items)), item)
    return replace(paper, items=tuple(items), updated=_now())


def edit(paper: BoardPaper, index: int, heading: str | None = None, note: str | None = None
         ) -> BoardPaper:
    """The paper with a new heading and/or note on the item at `index`.

    Raises:
        ValueError: no such item, or the note is too long.
    """
    item = paper.items[_index(paper, index)]
    item = replace(item, heading=item.heading if heading is None else heading.strip(),
                   note=item.note if note is None else _checked_note(note))
    items = (*paper.items[:index], item, *paper.items[index + 1:])
    return replace(paper, items=items, updated=_now())


def numbered(paper: BoardPaper) -> tuple[list[ReportItem], list[Reference]]:
    """The items with their citations renumbered across the paper, and the reference list.

    The same quote from the same chunk gets one number; numbers follow first appearance.
    """
    numbers: dict[str, int] = {}
    references: list[Reference] = []
    items = []
    for item in paper.items:
        for c in citations(item.body):
            key = citation_key(c)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                references.append(Reference(numbers[key], replace(c, n=numbers[key]),
                                            paper.problems.get(key, "")))
        items.append(replace(item, body=_renumbered(item.body, numbers)))
    return items, references


def _renumbered(body: Body, numbers: Mapping[str, int]) -> Body:
    def one(c: Citation) -> Citation:
        return replace(c, n=numbers[citation_key(c)])

    if isinstance(body, Answer):
        local = {c.n: numbers[citation_key(c)] for c in body.citations}

        def marker(match: re.Match[str]) -> str:
            ns = [int(n) for n in match.group(1).split(",")]
            return "[" + ", ".join(str(local.get(n, n)) for n in ns) + "]"

        return replace(body, text=_MARKER.sub(marker, body.text),
                       citations=[one(c) for c in body.citations])
    if isinstance(body, Comparison):
        return replace(body, cells={area: {f: [one(c) for c in cs] for f, cs in row.items()}
                                    for area, row in body.cells.items()})
    if isinstance(body, Framework):
        return replace(body, items={kind: [replace(i, citation=one(i.citation)) for i in items]
                                    for kind, items in body.items.items()})
    return replace(body, cells={theme: {area: replace(cell, evidence=[one(c) for c in cell.evidence])
                                        for area, cell in row.items()}
                                for theme, row in body.cells.items()})
