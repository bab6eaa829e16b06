"""Hand-made records for the board-paper tests: two answers sharing a quote, a comparison."""

from __future__ import annotations

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
)
from kb.reports import paper
from kb.reports.paper import BoardPaper


def cite(n: int, quote: str, chunk_id: str = "c1", status: str = "adopted",
         period: str = "2099-2100", doc_id: str = "doc-a", area: str = "testshire") -> Citation:
    return Citation(n=n, doc_id=doc_id, area=area, title=f"{area.title()} Strategy",
                    period=period, status=status, page=None, section="Aims > What we will do",
                    quote=quote, chunk_id=chunk_id)


SHARED = "Develop and promote a training package for employers."
OTHER = "Continue to commission refuge services."
DRAFT = "Pilot a perpetrator programme in two districts."
ENDED = "Number of repeat victims."


def first_answer() -> Answer:
    return Answer(text=f"{SHARED} [1]\n{OTHER} [2]", mode="extractive", found=True,
                  citations=[cite(1, SHARED), cite(2, OTHER, chunk_id="c2")])


def second_answer() -> Answer:
    """Cites SHARED again (as its [2]) and a draft strategy (as its [1])."""
    return Answer(text=f"{DRAFT} [1]\n{SHARED} [2]", mode="extractive", found=True,
                  citations=[cite(1, DRAFT, chunk_id="d1", status="draft", doc_id="doc-b",
                                  area="northshire"), cite(2, SHARED)])


def comparison() -> Comparison:
    cells = {"testshire": {f: [] for f in Facet}, "northshire": {f: [] for f in Facet}}
    cells["testshire"][Facet.ACTIONS] = [cite(1, SHARED)]
    cells["northshire"][Facet.INDICATORS] = [cite(2, ENDED, chunk_id="e1", period="2015-2020",
                                                  doc_id="doc-c", area="northshire")]
    return Comparison(theme="employers", areas=["testshire", "northshire"], cells=cells,
                      notice="No indexed strategy uses the word 'bosses'.")


def register() -> Framework:
    item = FrameworkItem(kind=ChunkKind.ACTION, text=OTHER, citation=cite(1, OTHER, "c2"),
                         details={"lead": "Housing"})
    return Framework(area="testshire", documents=[], items={"action": [item], "aim": []})


def coverage() -> Coverage:
    cell = CoverageCell(score=2, evidence=[cite(1, SHARED)], commitments=2)
    return Coverage(themes=["training"], areas=["testshire"], cells={"training": {"testshire": cell}})


def sample_paper() -> BoardPaper:
    built = BoardPaper(name="Board paper: March")
    built = paper.add(built, first_answer(), "What will Testshire do about employers?")
    built = paper.add(built, second_answer(), "What about perpetrators?", note="Check <b>this</b> *first*")
    built = paper.add(built, comparison(), "employers", heading="Employers compared")
    built = paper.add(built, register(), "testshire")
    return paper.add(built, coverage(), "training")
