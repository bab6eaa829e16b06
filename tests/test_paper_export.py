"""The whole-paper export, parsed back: Word headings and tables, one reference list whose
numbers each appear once, every [n] of the body resolved, the draft/expired/changed flags."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from kb.records import Answer
from kb.reports import paper
from kb.reports.export import format_for, paper_bytes, paper_to_markdown
from kb.reports.paper import BoardPaper, citation_key
from tests.paper_support import DRAFT, ENDED, SHARED, cite, sample_paper

_REFERENCE = re.compile(r"^\[(\d+)\] ")


def word(paper):
    return docx.Document(io.BytesIO(paper_bytes(paper, "docx")))


def split(document):
    """(body paragraphs, reference paragraphs, currency paragraphs)."""
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    refs_at = texts.index(("Heading 2", "References"))
    currency_at = texts.index(("Heading 2", "Sources and currency"))
    return texts[:refs_at], [t for _, t in texts[refs_at + 1:currency_at]], [
        t for _, t in texts[currency_at + 1:]]


def test_word_has_real_headings_and_tables():
    document = word(sample_paper())
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Board paper: March")
    assert ("Heading 2", "Question: What will Testshire do about employers?") in headings
    assert ("Heading 2", "Employers compared") in headings
    assert ("Heading 3", "Action (1)") in headings
    comparison, coverage = document.tables
    header = [c.text for c in comparison.rows[0].cells]
    assert header == ["Area", "Aims and outcomes", "Indicators", "Actions", "Context and figures"]
    testshire = [c.text for c in comparison.rows[1].cells]
    assert testshire[0] == "testshire" and testshire[3].endswith("[1]")
    assert testshire[1] == "no commitment found"
    assert [c.text for c in coverage.rows[0].cells] == ["Area", "Score", "Evidence"]
    assert coverage.rows[1].cells[1].text == "2 (1 to 3 commitments), 2 found"


def test_every_reference_once_every_marker_resolved():
    body, references, _ = split(word(sample_paper()))
    numbers = [int(_REFERENCE.match(r).group(1)) for r in references]
    assert numbers == sorted(set(numbers)) == [1, 2, 3, 4]
    document = word(sample_paper())
    cells = " ".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    used = {int(n) for _, text in body for n in re.findall(r"\[(\d+)\]", text)}
    used |= {int(n) for n in re.findall(r"\[(\d+)\]", cells)}
    assert used == set(numbers)
    shared = [r for r in references if f'"{SHARED}"' in r]
    assert len(shared) == 1 and shared[0].startswith("[1] Testshire Strategy, testshire, 2099-2100")


def test_flags_in_references_and_currency_note():
    _, references, currency = split(word(sample_paper()))
    draft = next(r for r in references if DRAFT in r)
    ended = next(r for r in references if ENDED in r)
    assert draft.endswith("[DRAFT]") and ", draft," in draft
    assert ended.endswith("[PERIOD ENDED]") and "2015-2020" in ended
    text = " ".join(currency)
    assert "cites 4 passages from 3 documents" in text
    assert "Drafts, not adopted policy: Northshire Strategy (northshire, 2099-2100)" in text
    assert "period has ended: Northshire Strategy (northshire, 2015-2020)" in text


def test_changed_source_is_flagged_on_item_and_reference():
    built = sample_paper()
    flagged = replace(built, problems={citation_key(cite(1, SHARED)): "source removed: gone"})
    body, references, currency = split(word(flagged))
    assert references[0].endswith("[SOURCE REMOVED: GONE]")
    assert sum(t == "Source check: source removed: gone ([1])" for _, t in body) == 4
    assert "references [1]" in " ".join(currency)


def test_markdown_matches_and_escapes_the_officers_note():
    text = paper_to_markdown(sample_paper())
    assert "## References" in text and "## Sources and currency" in text
    assert "*Officer's note:* Check \\<b\\>this\\</b\\> \\*first\\*" in text
    assert "| Area | Aims and outcomes | Indicators | Actions | Context and figures |" in text
    # a comparison's notice (a theme word no indexed document uses) stands above its table
    assert "*No indexed strategy uses the word 'bosses'.*" in text
    body, _, _ = split(word(sample_paper()))
    assert ("Normal", "No indexed strategy uses the word 'bosses'.") in body
    refs = re.findall(r"^\[(\d+)\] ", text, flags=re.M)
    assert refs == ["1", "2", "3", "4"]


def test_format_from_extension():
    assert format_for(Path("x.DOCX")) == "docx"
    with pytest.raises(ValueError, match=r"\.docx or \.md"):
        format_for(Path("x.pdf"))


def test_markdown_keeps_hostile_source_text_inert():
    hostile = "Publish <script>alert(1)</script> and ![x](http://example.com/t.png) [9](http://e)"
    built = paper.add(BoardPaper(name="Hostile"), Answer(
        text=f"{hostile} [1]", citations=[cite(1, hostile)], found=True, mode="extractive"), "q")
    text = paper_to_markdown(built)
    assert "<script>" not in text and "![x](" not in text and "[9](" not in text
    assert "\\<script\\>alert\\(1\\)\\</script\\> and \\!\\[x\\]\\(http://example.com/t.png\\)" in text
    assert re.search(r"^\[1\] Testshire Strategy", text, flags=re.M)
    assert " [1]  " in text  # the marker stays readable
