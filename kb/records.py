"""The record types passed between stages (see DESIGN.md). All frozen."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class ChunkKind(StrEnum):
    """What a chunk of a strategy says: decided from headings, cue phrases and table headers."""

    VISION = "vision"
    AIM = "aim"
    OUTCOME = "outcome"
    INDICATOR = "indicator"
    ACTION = "action"
    STATISTIC = "statistic"
    GOVERNANCE = "governance"
    CONTEXT = "context"
    GLOSSARY = "glossary"


class Facet(StrEnum):
    """The columns of a comparison."""

    AIMS = "aims"
    INDICATORS = "indicators"
    ACTIONS = "actions"
    CONTEXT = "context"  # statistics, governance and context: the figures and boards


FACET_KINDS: dict[Facet, frozenset[ChunkKind]] = {
    Facet.AIMS: frozenset({ChunkKind.VISION, ChunkKind.AIM, ChunkKind.OUTCOME}),
    Facet.INDICATORS: frozenset({ChunkKind.INDICATOR}),
    Facet.ACTIONS: frozenset({ChunkKind.ACTION}),
    Facet.CONTEXT: frozenset({ChunkKind.STATISTIC, ChunkKind.GOVERNANCE, ChunkKind.CONTEXT}),
}
COMMITMENT_FACETS = (Facet.AIMS, Facet.INDICATORS, Facet.ACTIONS)
FACET_LABELS: dict[Facet, str] = {Facet.AIMS: "Aims and outcomes", Facet.INDICATORS: "Indicators",
                                  Facet.ACTIONS: "Actions", Facet.CONTEXT: "Context and figures"}


@dataclass(frozen=True)
class Page:
    """The extracted text of one page (a text file is one page with number None)."""

    number: int | None
    text: str


@dataclass(frozen=True)
class DocumentInfo:
    """A document's metadata: given by the officer or the manifest, else read from the
    document (see ingest.metadata). `area_name` and `area_aliases` are set when the document
    named an area the manifest does not know, so that questions can name it."""

    doc_id: str
    area: str
    title: str
    period: str
    kind: str
    status: str
    area_name: str = ""
    area_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceDocument:
    """A loaded file: its metadata, the hash of its bytes and its text by page."""

    doc_id: str
    path: Path
    area: str
    title: str
    period: str
    kind: str
    status: str
    sha256: str
    pages: tuple[Page, ...]

    @property
    def text(self) -> str:
        """The document's extracted text: pages joined by a blank line; offsets point into it."""
        return PAGE_SEPARATOR.join(page.text for page in self.pages)


PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Chunk:
    """A verbatim span of a document's extracted text, with where it sits and what it says."""

    chunk_id: str
    doc_id: str
    text: str
    page: int | None
    section: str
    kind: ChunkKind
    start: int
    end: int
    ordinal: int
    lead: str = ""  # table header or list lead-in that sits before the span (context only)


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its score and its document's area, title and period."""

    chunk_id: str
    text: str
    score: float
    doc_id: str
    area: str
    title: str
    period: str
    page: int | None
    section: str
    kind: ChunkKind
    start: int
    end: int
    status: str = "unknown"
    lead: str = ""
    similarity: float = 0.0  # cosine similarity of the query to the chunk or its best part, for refusals
    context_before: str = ""  # the neighbouring chunks' text, for display only
    context_after: str = ""


@dataclass(frozen=True)
class Citation:
    """A numbered reference: the verbatim quote and where it comes from."""

    n: int
    doc_id: str
    area: str
    title: str
    period: str
    status: str
    page: int | None
    section: str
    quote: str
    chunk_id: str
    start: int = 0  # offsets of the quote in the document's extracted text
    end: int = 0
    expired: bool = False  # the strategy's period has ended


@dataclass(frozen=True)
class Answer:
    """An answer whose sentences end in [n] markers that index `citations`."""

    text: str
    citations: list[Citation]
    found: bool
    mode: str
    notice: str = ""
    unverified: list[int] = field(default_factory=list)  # indexes of unsupported sentences
    nearest: list[Citation] = field(default_factory=list)  # shown on refusals, labelled


@dataclass(frozen=True)
class Comparison:
    """What each area commits to on a theme, by facet; an empty list is an honest gap."""

    theme: str
    areas: list[str]
    cells: dict[str, dict[Facet, list[Citation]]]  # area -> facet -> items
    # area -> facet -> how many distinct relevant items were found, before each cell kept its
    # best few (what coverage counts)
    found: dict[str, dict[Facet, int]] = field(default_factory=dict)
    notice: str = ""  # shown with the table: the theme's words that no indexed document uses


@dataclass(frozen=True)
class IndexedDocument(DocumentInfo):
    """A document as the store holds it: its metadata and how many chunks are stored."""

    chunks: int = 0


@dataclass(frozen=True)
class FrameworkItem:
    """One vision, aim, outcome, indicator or action of an area, with its source."""

    kind: ChunkKind
    text: str
    citation: Citation
    heading: str = ""  # the aim or strand it sits under
    details: dict[str, str] = field(default_factory=dict)  # table columns: lead, baseline...


@dataclass(frozen=True)
class Framework:
    """An area's commitments register: every item cited."""

    area: str
    documents: list[IndexedDocument]
    items: dict[str, list[FrameworkItem]]  # keyed by ChunkKind value


@dataclass(frozen=True)
class CoverageCell:
    """How strongly an area's strategies address a theme, and the evidence for it."""

    score: int  # see kb.reports.coverage.SCALE
    evidence: list[Citation]
    commitments: int = 0  # distinct aims, indicators and actions found on the theme


@dataclass(frozen=True)
class Coverage:
    """Themes x areas."""

    themes: list[str]
    areas: list[str]
    cells: dict[str, dict[str, CoverageCell]]  # theme -> area -> cell
