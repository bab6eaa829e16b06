"""A comparison theme matches an area that writes it as an acronym ("learning from DHRs") as
well as one that spells it out ("domestic homicide reviews"): the acronyms of the documents'
own glossaries give each theme its other spellings (kb.retrieval.glossary.spellings)."""

from pathlib import Path

from kb.retrieval.glossary import spellings
from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

FILES = {
    "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nLearning from Reviews\n\n"
                  "What will we do?\n\n1. Share the learning from DHRs with every partner each year.\n"
                  "2. Fund two more refuge places.\n3. Review domestic abuse training for GPs.\n\nGlossary\n\n"
                  "DHR - Domestic Homicide Review\nIDVA - Independent Domestic Violence Adviser\n",
    "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nLearning\n\nWhat will we do?\n\n"
                  "1. Publish the learning from domestic homicide reviews in an annual report.\n",
}
GLOSSARY = {"DHR": {"Domestic Homicide Review"}, "IDVA": {"Independent Domestic Violence Adviser"}}


def test_a_theme_is_spelled_with_its_acronyms_and_their_long_forms():
    assert spellings("learning from domestic homicide reviews", GLOSSARY) == [
        "learning from domestic homicide reviews", "learning from DHRs"]
    assert spellings("IDVA caseloads", GLOSSARY) == [
        "IDVA caseloads", "Independent Domestic Violence Adviser caseloads"]
    assert spellings("refuge places", GLOSSARY) == ["refuge places"]


def test_an_area_that_writes_the_acronym_is_compared_on_it(tmp_path: Path):
    kb = corpus_kb(tmp_path, FILES, WYVERN_AND_CALDER, min_relevance=0.0)
    comparison = kb.compare("How do Wyvern and Calder learn from domestic homicide reviews?")
    quotes = {area: [c.quote for cell in comparison.cells[area].values() for c in cell]
              for area in ("wyvern", "calder")}
    assert "learning from DHRs" in quotes["wyvern"][0], quotes  # not "Review domestic abuse…"
    assert any("domestic homicide reviews" in q for q in quotes["calder"]), quotes
    assert not any("refuge" in q for q in quotes["wyvern"])
