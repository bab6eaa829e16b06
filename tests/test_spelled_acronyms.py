"""An acronym that no indexed document defines ("Review of DAPO use") is read as the one
capitalised phrase another document spells it out with ("Use Domestic Abuse Protection Orders
in every eligible case"), where one phrase does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kb.backends.table import ChunkTable
from kb.records import Chunk, ChunkKind, DocumentInfo
from kb.retrieval.glossary import spelled_acronyms, spelled_out


def test_a_run_of_capitalised_words_is_kept_by_the_initials_of_its_endings():
    found = spelled_out("• Use Domestic Abuse Protection Orders in every eligible case, with "
                        "Parents And Children Together and the Crime and Disorder Reduction "
                        "Partnerships.")
    assert found["DAPO"] == {"Domestic Abuse Protection Orders"}
    assert found["PACT"] == {"Parents And Children Together"}  # a capitalised "And" is an initial
    assert found["CDRP"] == {"Crime and Disorder Reduction Partnerships"}
    assert "ACT" not in found  # no phrase opens with a linking word


def test_only_one_name_spells_an_acronym_out():
    phrases = {"DAPO": {"Domestic Abuse Protection Orders", "Domestic Abuse Protection Order"},
               "DAC": {"Domestic Abuse Co-ordinators", "Domestic Abuse Communities"},
               "OCC": {"Oxfordshire County Council's"},
               "RAP": {"Risk Assessment Panel"},
               "IDVA": {"Independent Domestic Violence Advocates"}}
    assert spelled_acronyms(phrases, {"IDVA": {"Independent Domestic Violence Adviser"}}) == {
        "DAPO": {"Domestic Abuse Protection Order"},
        "OCC": {"Oxfordshire County Council"}}  # "RAP" is a word; IDVA is defined


def _chunk(doc_id: str, n: int, text: str) -> tuple[Chunk, DocumentInfo, str, str]:
    doc = DocumentInfo(doc_id=doc_id, area=doc_id, title=doc_id, period="2024-2027",
                       kind="strategy", status="adopted")
    return (Chunk(chunk_id=f"{doc_id}-{n}", doc_id=doc_id, text=text, page=None,
                  section="Actions", kind=ChunkKind.ACTION, start=0, end=len(text), ordinal=n),
            doc, "sha", f"{doc_id}.txt")


def test_the_store_reads_an_acronym_one_council_writes_as_another_spells_it(tmp_path: Path):
    path = tmp_path / "t.chunks.sqlite3"
    table = ChunkTable(path)
    table.add([_chunk("wyvern", 0, "Year 3: review of DAPO use. Safer Wyvern Partnership "
                                   "meets in Sep.")])
    table.add([_chunk("calder", 0, "Use Domestic Abuse Protection Orders in every eligible "
                                   "case. The Safer Essex Partnership meets monthly.")])
    glossary = table.glossary()
    assert glossary["DAPO"] == {"Domestic Abuse Protection Orders"}
    # initials no document writes in capitals ("Sep" is a month) stand for nothing
    assert "SEP" not in glossary and "SWP" not in glossary
    table.delete_document("calder")
    assert "DAPO" not in table.glossary()
    # a table written before the phrases were kept records them once, when opened
    table.add([_chunk("calder", 0, "Use Domestic Abuse Protection Orders in every case.")])
    table.close()
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM spelled_out")
        db.execute("DELETE FROM meta WHERE key = 'spelled_out'")
    assert ChunkTable(path).glossary()["DAPO"] == {"Domestic Abuse Protection Orders"}
