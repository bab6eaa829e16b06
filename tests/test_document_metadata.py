"""Metadata read from other councils' documents themselves (area, title, period, status), with
nothing in the manifest about them, and the new areas understood in questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load
from ingest.metadata import decide
from kb.manifest import Area
from kb.retrieval.areas import AreaResolver
from tests.council_support import COUNCILS, KNOWN, cumberland_docx


@pytest.mark.parametrize(("name", "area", "area_name", "aliases", "title", "period", "status"), [
    ("telford-da-strategy.txt", "telford-and-wrekin", "Telford & Wrekin", {"Telford and Wrekin", "TWCSP"},
     "Domestic Abuse Strategy", "2025-2028", "draft"),
    ("newforest-da-plan.txt", "new-forest", "New Forest", {"NFDC"}, "Safe Accommodation Strategy",
     "2025-2028", "adopted"),
    ("brighton-hove-vawg-delivery.txt", "brighton-and-hove", "Brighton and Hove", {"Brighton & Hove"},
     "Violence Against Women and Girls", "2024-2029", "unknown"),
    ("hackney-vawg-strategy.txt", "hackney", "Hackney", {"Hackney"}, "Hackney's Strategy", "2023-2027", "adopted"),
    ("rotherham-da-strategy.txt", "rotherham", "Rotherham", {"Rotherham"}, "Domestic Abuse Strategy",
     "2022-2027", "unknown"),
    ("wiltshire-da-strategy.txt", "wiltshire", "Wiltshire", {"Wiltshire"},
     "Wiltshire Domestic Abuse Strategy", "2022-2025", "unknown"),
    ("northyorks-da-strategy.txt", "north-yorkshire", "North Yorkshire", {"North Yorkshire"},
     "North Yorkshire Domestic Abuse Strategy", "2023-2026", "adopted"),
    ("sheffield-da-strategy.txt", "sheffield", "Sheffield", {"Sheffield"},
     "Sheffield Domestic and Sexual Abuse Strategy", "2024-2027", "unknown"),
    ("calderdale-da-strategy.txt", "calderdale", "Calderdale", {"Calderdale"},
     "Calderdale Domestic Abuse Strategy", "2023-2026", "unknown"),
    ("stockton-da-strategy.txt", "stockton", "Stockton", {"Stockton"},
     "Stockton-on-Tees Domestic Abuse Strategy", "2024-2027", "adopted"),
])
def test_metadata_comes_from_the_document(name, area, area_name, aliases, title, period, status):
    path = COUNCILS / name
    decision = decide(path, load("text", path.read_bytes()).pages, {}, KNOWN)
    info = decision.info
    assert (info.area, info.area_name, info.period, info.status) == (area, area_name, period, status)
    assert aliases <= set(info.area_aliases)
    assert title in info.title
    assert "the file name" not in decision.reasons.values(), decision.reasons
    assert area_name in decision.summary()


def test_a_place_named_after_its_descriptor_and_a_safe_partnership_give_the_place():
    """"County Durham" is Durham, not "County"; "Safe Durham Partnership Board" names the
    partnership of Durham, not a place called "Safe Durham"."""
    text = ("County Durham Domestic Abuse Strategy 2024-2027\n\nSafe Durham Partnership\n\n"
            "In 2022/23 Durham Constabulary recorded 11,482 incidents in County Durham.\n\n"
            "The Safe Durham Partnership Board agreed this strategy. Durham has four localities.\n")
    decision = decide(Path("strategy.txt"), load("text", text.encode()).pages, {}, KNOWN)
    assert (decision.info.area, decision.info.area_name) == ("durham", "Durham")


def test_word_properties_and_text_give_the_metadata():
    loaded = load("docx", cumberland_docx())
    info = decide(Path("strategy-final-v3.docx"), loaded.pages, loaded.properties, KNOWN).info
    assert (info.area, info.area_name, info.title, info.period) == (
        "cumberland", "Cumberland", "Cumberland Domestic Abuse Strategy 2024-2027", "2024-2027")


def test_a_known_area_named_in_the_text_keeps_its_key():
    text = "Testshire County Council\nDomestic Abuse Strategy 2021-2026\n\nTestshire County Council will act."
    info = decide(Path("x.txt"), load("text", text.encode()).pages, {}, KNOWN).info
    assert (info.area, info.area_name) == ("testshire", "")


def test_nothing_named_is_unassigned_with_the_reason():
    text = "Domestic abuse strategy\n\nWe will train staff and support victims across the area."
    decision = decide(Path("notes.txt"), load("text", text.encode()).pages, {}, KNOWN)
    assert decision.info.area == "unassigned"
    assert "no council" in decision.reasons["area"]


def test_officer_values_win_over_the_document():
    path = COUNCILS / "newforest-da-plan.txt"
    decision = decide(path, load("text", path.read_bytes()).pages, {}, KNOWN,
                      {"area": "Hampshire", "period": "2025-2030", "status": "adopted"})
    info = decision.info
    assert (info.area, info.area_name, info.period) == ("hampshire", "Hampshire", "2025-2030")
    assert decision.reasons["area"] == "given by the officer"


@pytest.mark.parametrize(("question", "key"), [
    ("What are Telford & Wrekin's priorities?", "telford-and-wrekin"),
    ("What does Telford and Wrekin commit to?", "telford-and-wrekin"),
    ("How will NFDC measure success?", "new-forest"),
    ("What does the New Forest plan say about refuges?", "new-forest"),
    ("Brighton & Hove's delivery plan", "brighton-and-hove"),
    ("Does Stoke on Trent have a sanctuary scheme?", "stoke-on-trent"),
    # a joined name is shortened to its first part
    ("When does the Telford strategy end?", "telford-and-wrekin"),
    ("What is Brighton doing about stalking?", "brighton-and-hove"),
    ("Does Stoke have a sanctuary scheme?", "stoke-on-trent"),
])
def test_new_areas_are_understood_in_questions(question, key):
    areas = {
        "telford-and-wrekin": Area("telford-and-wrekin", "Telford & Wrekin", ("Telford & Wrekin", "TWCSP")),
        "new-forest": Area("new-forest", "New Forest", ("New Forest", "NFDC")),
        "brighton-and-hove": Area("brighton-and-hove", "Brighton and Hove", ("Brighton and Hove",)),
        "stoke-on-trent": Area("stoke-on-trent", "Stoke-on-Trent", ("Stoke-on-Trent",)),
    }
    assert AreaResolver(areas, areas).mentioned(question) == [key]


def test_a_short_form_two_areas_share_names_neither():
    areas = {
        "kingston-upon-thames": Area("kingston-upon-thames", "Kingston upon Thames", ()),
        "kingston-upon-hull": Area("kingston-upon-hull", "Kingston upon Hull", ()),
        "brighton-and-hove": Area("brighton-and-hove", "Brighton and Hove", ()),
    }
    resolver = AreaResolver(areas, areas)
    assert resolver.mentioned("What does Kingston do about refuges?") == []
    assert resolver.mentioned("What does Kingston upon Hull do about refuges?") == [
        "kingston-upon-hull"]
    assert resolver.mentioned("Hove's refuges") == []  # only the first part shortens it


def test_an_annual_report_is_a_report_of_its_financial_year():
    """"Annual Report 2022/23" runs over 2022-2023, though its summary names the strategy's
    2022 to 2027 first; a report supports a strategy, whatever the strategy it reports on."""
    text = ("Testshire Domestic Abuse Partnership Board\n\nAnnual Report 2022/23\n\n"
            "Summary\n\nThis is the first annual report on the Testshire Domestic Abuse Strategy "
            "2022 to 2027.\n\nThe front door opened in May 2023.\n")
    info = decide(Path("report.txt"), load("text", text.encode()).pages, {}, KNOWN).info
    assert (info.period, info.kind) == ("2022-2023", "annual-report")


def _pages_under(header: str, paragraphs: list[str], tmp_path: Path) -> bytes:
    """A PDF of the paragraphs, the header set over every page (eval's council typesetting)."""
    from eval.pdf_corpus import render_pdf

    path = tmp_path / "strategy.pdf"
    render_pdf("\n\n".join(paragraphs), path, header)
    return path.read_bytes()


def test_a_council_named_only_over_every_page_is_the_documents_area(tmp_path):
    """The running header ("Harwick Borough Council") is dropped from the text, and the title
    names no place: the council is still read from it, as from a title page."""
    body = ["Ending Violence Against Women and Girls: Our Strategy 2023-2026",
            *[f"In Harwick we will act on theme {n}. We will work with schools, health services "
              "and employers to spot abuse sooner and help people the first time they ask. "
              * 6 for n in range(1, 7)]]
    loaded = load("pdf", _pages_under("Harwick Borough Council", body, tmp_path))
    assert len(loaded.pages) >= 2 and "Borough Council" not in loaded.pages[0].text
    decision = decide(Path("strategy.pdf"), loaded.pages, loaded.properties, KNOWN)
    assert (decision.info.area, decision.info.area_name) == ("harwick", "Harwick")


def test_a_councils_name_in_a_word_page_header_is_read_with_the_properties():
    import io

    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Fenbridge Borough Council"
    document.add_heading("Tackling Domestic Abuse Together 2025-2028", 0)
    document.add_paragraph("In Fenbridge we will open a second refuge and train frontline staff.")
    buffer = io.BytesIO()
    document.save(buffer)
    loaded = load("docx", buffer.getvalue())
    assert loaded.properties["running"] == "Fenbridge Borough Council"
    decision = decide(Path("strategy.docx"), loaded.pages, loaded.properties, KNOWN)
    assert decision.info.area == "fenbridge"


def test_a_safer_communities_board_names_its_place():
    """The strategy names its council as no council, only its board: the board's place is
    the area."""
    text = ("Ending Violence Against Women and Girls: Our Strategy 2023-2026\n\nIntroduction\n\n"
            "This strategy was agreed by the Kingsmere Safer Communities Board in June 2023. In "
            "Kingsmere we know that abuse is under-reported.\n")
    info = decide(Path("vawg.txt"), load("text", text.encode()).pages, {}, KNOWN).info
    assert (info.area, info.area_name) == ("kingsmere", "Kingsmere")
