"""Comparison, commitments register and coverage: fixtures (fake embedder) and real corpus."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from kb.config import Settings
from kb.records import FACET_KINDS, ChunkKind, Facet, Hit
from kb.reports.compare import compare
from kb.reports.coverage import SCALE, cell_from
from kb.vocabulary import vocabulary

PROJECT = Path(__file__).resolve().parent.parent


def hit(area, kind, text, n=0):
    return Hit(chunk_id=f"{area}:{n}", text=text, score=1.0, doc_id=f"{area}-doc", area=area,
               title=f"{area} strategy", period="2015-2020", page=None, section="S",
               kind=ChunkKind(kind), start=100 * n, end=100 * n + len(text), status="adopted",
               similarity=0.9)


def test_facet_sorting_and_empty_cells():
    hits = {"north": [hit("north", "action", "We will run perpetrator programmes.", 1),
                      hit("north", "indicator", "Number of perpetrator programmes completed.", 2),
                      hit("north", "context", "Perpetrator programmes are new here.", 3)],
            "south": []}
    searched = []

    def search(text, area, kinds, k):
        searched.append((text, area, kinds))
        return [h for h in hits[area] if kinds is None or h.kind in kinds][:k]

    theme = "How do north and south deal with perpetrator programmes?"
    result = compare(theme, "perpetrator programmes", ["north", "south"], search, {},
                     lambda *_: True)
    assert result.theme == theme
    assert {text for text, _, _ in searched} == {"perpetrator programmes"}
    assert {kinds for _, area, kinds in searched if area == "south"} == {
        None, *FACET_KINDS.values()}  # an empty cell was looked for in the whole area
    north = result.cells["north"]
    assert [c.quote for c in north["actions"]] == ["We will run perpetrator programmes."]
    assert [c.quote for c in north["indicators"]] == ["Number of perpetrator programmes completed."]
    assert [c.quote for c in north["context"]] == ["Perpetrator programmes are new here."]
    assert north["aims"] == []
    assert result.cells["south"] == {"aims": [], "indicators": [], "actions": [], "context": []}
    assert north["actions"][0].expired  # 2015-2020 has ended
    assert cell_from(result, "north").score == 2  # two commitments: fewer than several
    assert cell_from(result, "north").commitments == 2
    assert cell_from(result, "south").score == 0


def test_a_sentence_a_document_repeats_is_one_item():
    aims = [hit("north", "aim", "Perpetrators are held to account.", 1),
            hit("north", "aim", "Perpetrators are held to account!", 2),  # the appendix again
            hit("north", "aim", "Perpetrators change their behaviour.", 3)]

    def search(text, area, kinds, k):
        return [h for h in aims if kinds is None or h.kind in kinds][:k]

    result = compare("perpetrators", "perpetrators", ["north"], search, {}, lambda *_: True)
    assert [c.quote for c in result.cells["north"]["aims"]] == [
        "Perpetrators are held to account.", "Perpetrators change their behaviour."]


def test_a_cell_holds_the_items_about_the_theme_not_every_sentence_of_a_hit():
    action = hit("north", "action", "Commission perpetrator programmes in every district. "
                 "Review the housing register.\n- Fund refuge places.\n"
                 "- Extend perpetrator programmes to young people.", 1)
    context = hit("north", "context", "Perpetrators are often men.", 2)  # one theme word of two

    def search(text, area, kinds, k):
        return [h for h in [action, context] if kinds is None or h.kind in kinds][:k]

    result = compare("perpetrator programmes", "perpetrator programmes", ["north"], search, {},
                     lambda *_: True)
    assert [c.quote for c in result.cells["north"]["actions"]] == [
        "Commission perpetrator programmes in every district.",
        "- Extend perpetrator programmes to young people."]
    assert result.cells["north"]["context"] == []


def test_another_derivation_of_a_theme_words_stem_counts_part_an_inflection_whole():
    """"governance": "HM Government's approach" shares the stem only, and gives way to the
    governance groups; "commission" and "raise" are forms of "commissioning" and "raising"."""
    from kb.reports.compare import item_weight, theme_phrase

    idf = {"govern": 2.0, "group": 1.0, "commiss": 2.0, "rais": 1.5, "awar": 1.5}
    governance = [theme_phrase("governance", idf)]
    assert item_weight("HM Government's approach is set out.", "", governance, idf) < (
        item_weight("The governance groups meet every quarter.", "", governance, idf))
    assert item_weight("We will commission a refuge.", "",
                       [theme_phrase("commissioning", idf)], idf) == 1.0
    assert item_weight("We will raise awareness.", "", [theme_phrase("raising awareness", idf)],
                       idf) == 1.0

    def search(text, area, kinds, k):
        return [h for h in [hit("east", "context", "HM Government's approach is set out.", 1),
                            hit("east", "context", "The governance groups meet every quarter.", 2)]
                if kinds is None or h.kind in kinds][:k]

    result = compare("governance", "governance", ["east"], search, idf, lambda *_: True)
    assert [c.quote for c in result.cells["east"]["context"]] == [
        "The governance groups meet every quarter."]


def test_an_area_whose_sentences_name_the_theme_only_in_their_heading_is_filled_from_them():
    """"Compare the governance of…": a section headed "5. Governance" whose sentences say who
    owns the strategy and who chairs its board, none of them the word itself."""
    owns = Hit(chunk_id="west:1", text="5. Governance\n\nThe Wyvern board owns this strategy. It "
               "is chaired by the Director of Public Health.", score=1.0, doc_id="west-doc",
               area="west", title="west strategy", period="2021-2024", page=None,
               section="5. Governance", kind=ChunkKind.GOVERNANCE, start=0, end=90,
               status="adopted", similarity=0.9)

    def search(text, area, kinds, k):
        return [h for h in [owns] if kinds is None or h.kind in kinds][:k]

    result = compare("governance", "governance", ["west"], search, {"govern": 2.0},
                     lambda *_: True)
    assert [c.quote for c in result.cells["west"]["context"]] == [
        "The Wyvern board owns this strategy.",
        "It is chaired by the Director of Public Health."]


def test_an_area_that_words_the_theme_its_own_way_is_compared_on_its_best_items():
    hits = [hit("south", "action", "Run a programme for perpetrators.", 1),
            hit("south", "action", "Train every GP.", 2)]

    def search(text, area, kinds, k):
        return [h for h in hits if kinds is None or h.kind in kinds][:k]

    result = compare("perpetrator behaviour change programmes", "perpetrator behaviour change "
                     "programmes", ["south"], search, {}, lambda *_: True)
    assert [c.quote for c in result.cells["south"]["actions"]] == [
        "Run a programme for perpetrators."]


def test_an_area_is_searched_deeper_before_it_is_called_silent():
    noise = [hit("south", "context", f"Residents told us about parking number {i}.", i)
             for i in range(1, 31)]
    found = hit("south", "context", "Perpetrator programmes run in every district.", 40)

    def search(text, area, kinds, k):
        return [h for h in [*noise, found] if kinds is None or h.kind in kinds][:k]

    result = compare("perpetrator programmes", "perpetrator programmes", ["south"], search, {},
                     lambda h, share, everyday: "perpetrator" in h.text.lower())
    assert [c.quote for c in result.cells["south"]["context"]] == [found.text]


def test_an_everyday_phrase_around_a_theme_does_not_leave_an_area_empty():
    """"hold perpetrators to account": "hold" and "account" are rare in strategies, so heavy,
    but they say how, not what; an area whose perpetrator work holds neither is compared on
    it rather than left empty, while one with nothing on perpetrators stays empty."""
    from kb.reports.evidence import is_evidence

    idf = {"hold": 3.1, "account": 2.6, "perpetr": 1.6, "meet": 1.0, "seri": 2.0, "refug": 2.0}
    north = [hit("north", "action", "Perpetrators will be held to account in court.", 1)]
    south = [hit("south", "action", "Introduce a tasking meeting for serial perpetrators.", 1)]
    east = [hit("east", "action", "Open two refuges for families.", 1)]

    def search(text, area, kinds, k):
        return [h for h in {"north": north, "south": south, "east": east}[area]
                if kinds is None or h.kind in kinds][:k]

    theme = "hold perpetrators to account"
    result = compare(theme, theme, ["north", "south", "east"], search, idf,
                     lambda h, share, everyday: is_evidence(theme, h, idf, 0.3, share, everyday))
    assert [c.quote for c in result.cells["north"]["actions"]] == [north[0].text]
    assert [c.quote for c in result.cells["south"]["actions"]] == [south[0].text]
    assert result.cells["east"]["actions"] == []


def test_the_corpus_s_own_subject_words_alone_are_no_evidence_for_a_theme():
    """"the cost of domestic abuse": a passage that shares only "domestic abuse", which half
    the passages or more hold, says nothing of the cost, even as a last resort; one that gives
    the cost is evidence."""
    from kb.reports.evidence import SHARE_LAST_RESORT, is_evidence

    idf = {"cost": 1.5, "domest": 0.9, "abus": 0.9, "ward": 4.0, "public": 2.0}
    theme = "the cost of domestic abuse"
    subject_only = hit("north", "context", "Domestic abuse touches every ward.", 1)
    costed = hit("south", "context", "The cost of domestic abuse is £52 million a year.", 1)
    assert not is_evidence(theme, subject_only, idf, 0.3)
    assert not is_evidence(theme, subject_only, idf, 0.3, SHARE_LAST_RESORT, 0.5)
    assert is_evidence(theme, costed, idf, 0.3)
    # a theme of subject words only is matched by them
    assert is_evidence("domestic abuse", subject_only, idf, 0.3)


def test_a_chunk_continuing_a_list_is_evidence_for_what_its_lead_in_announces():
    """"principles": a chunk of principles whose lead-in ("the following principles will be
    followed:") sits in the chunk before holds the theme; one continuing a list the lead-in
    does not announce as principles does not."""
    from dataclasses import replace

    from kb.reports.evidence import is_evidence

    idf = {"principl": 3.0, "commiss": 2.0, "servic": 1.0, "joint": 2.5}
    items = hit("north", "context", "1. Commissioning services jointly where this makes sense.", 1)
    announced = replace(items, lead="In working to these aims the following principles will "
                                    "be followed:")
    assert is_evidence("principles", announced, idf, 0.3)
    other = replace(items, lead="By working in partnership, on these principles, agencies will:")
    assert not is_evidence("principles", other, idf, 0.3)
    assert not is_evidence("principles", items, idf, 0.3)


def test_a_hyphenated_themes_words_count_only_together():
    """"honour-based abuse": a passage on "community based support" for abuse shares two of
    its words, half its weight, and names nothing of it; "honour based violence" does."""
    from kb.reports.evidence import is_evidence

    idf = {"honour": 3.4, "base": 2.2, "abus": 0.9, "violenc": 1.0, "communiti": 1.5,
           "support": 0.8}
    theme = "honour-based abuse"
    loose = hit("north", "context", "Community based support reduced abuse by a half.", 1)
    named = hit("south", "context", "Honour based violence is a form of abuse.", 1)
    assert not is_evidence(theme, loose, idf, 0.3)
    assert is_evidence(theme, named, idf, 0.3)
    # written apart in the theme, the words are two themes' words
    assert is_evidence("honour and other based abuse", loose, idf, 0.3, min_share=0.4)


def test_an_area_that_words_the_theme_its_own_way_is_not_left_empty():
    from kb.reports.evidence import is_evidence

    idf = {"sanctuari": 3.0, "scheme": 1.0, "target": 2.0, "harden": 3.0, "lock": 2.0,
           "victim": 0.5, "home": 1.0}
    north = [hit("north", "action", "We will expand the sanctuary scheme county-wide.", 1)]
    south = [hit("south", "action", "Victims' homes will be hardened so they can stay.", 1),
             hit("south", "action", "We will review locks in council homes.", 2)]

    def search(text, area, kinds, k):
        return [h for h in {"north": north, "south": south}[area]
                if kinds is None or h.kind in kinds][:k]

    theme = "sanctuary schemes and target hardening"
    result = compare(theme, theme, ["north", "south"], search, idf,
                     lambda h, share, everyday: is_evidence(theme, h, idf, 0.3, share, everyday))
    # north holds 4 of the theme's 9 idf weight: evidence at the usual share
    assert [c.quote for c in result.cells["north"]["actions"]] == [north[0].text]
    # south holds 3 of 9 ("hardened"): below the usual share, above the last resort's; the
    # locks sentence (no theme word) stays out
    assert [c.quote for c in result.cells["south"]["actions"]] == [south[0].text]


def test_a_glossary_entry_fills_context_only_where_nothing_else_mentions_the_theme():
    hits = {"north": [hit("north", "action", "We will train staff on stalking.", 1),
                      hit("north", "glossary", "SHRA - Stalking and Harassment Risk Assessment", 2)],
            "south": [hit("south", "glossary", "SHRA - Stalking and Harassment Risk Assessment", 1)]}

    def search(text, area, kinds, k):
        return [h for h in hits[area] if kinds is None or h.kind in kinds][:k]

    result = compare("stalking", "stalking", ["north", "south"], search, {}, lambda *_: True)
    assert [c.quote for c in result.cells["north"]["actions"]] == [hits["north"][0].text]
    assert result.cells["north"]["context"] == []  # a commitment on the theme: no glossary
    assert [c.quote for c in result.cells["south"]["context"]] == [hits["south"][0].text]
    assert cell_from(result, "south").score == 1  # mentioned only


def test_coverage_scale_spreads_commitments():
    def row(*facets):
        return compare("refuges", "refuges", ["a"], lambda text, area, kinds, k: [
            hit("a", kind, f"Item {n} about refuges.", n) for n, kind in enumerate(facets)
            if kinds is None or ChunkKind(kind) in kinds], {}, lambda *_: True)

    assert cell_from(row(), "a").score == 0
    assert cell_from(row("statistic"), "a").score == 1
    assert cell_from(row("action", "indicator"), "a").score == 2
    assert cell_from(row("action", "aim", "action", "aim"), "a").score == 3
    assert cell_from(row("action", "aim", "indicator", "action"), "a").score == 4
    assert set(SCALE) == {0, 1, 2, 3, 4}
    # every commitment found counts, not only the few a comparison cell shows
    many = row(*["action"] * 7)
    assert len(many.cells["a"]["actions"]) < 7
    assert cell_from(many, "a").commitments == 7 and cell_from(many, "a").score == 3


def test_framework_on_fixture(fake_kb):
    register = fake_kb.framework("northshire")
    assert [i.text for i in register.items["vision"]] == [
        "Everyone in Northshire lives a life free from domestic abuse."]
    actions = [i.text for i in register.items["action"]]
    assert "Ensure appropriate referrals are made to perpetrator pilot programmes." in actions
    for item in register.items["action"]:
        source = (PROJECT / "tests" / "fixtures" / "northshire_snippet.txt").read_text()
        assert source[item.citation.start:item.citation.end].strip().endswith(item.text)
    with pytest.raises(ValueError, match="no indexed documents"):
        fake_kb.framework("atlantis")


def test_coverage_on_fixture(fake_kb):
    coverage = fake_kb.coverage()
    assert coverage.themes == list(vocabulary().themes)
    assert set(coverage.areas) == {"testshire", "northshire"}
    for theme in coverage.themes:
        for area in coverage.areas:
            cell = coverage.cells[theme][area]
            assert cell.score in SCALE
            assert (cell.score >= 1) == bool(cell.evidence)


@pytest.fixture(scope="module")
def corpus_kb(tmp_path_factory):
    kb = KnowledgeBase.open(Settings(store_dir=tmp_path_factory.mktemp("store"),
                                     corpus_dir=PROJECT / "corpus"))
    kb.ingest([PROJECT / "corpus"])
    return kb


@pytest.mark.integration
@pytest.mark.parametrize("theme", ["perpetrator programmes", "healthy relationships in schools",
                                   "training for frontline professionals"])
def test_compare_fills_every_area_with_evidence(corpus_kb, theme):
    comparison = corpus_kb.compare(theme)
    assert comparison.areas == ["buckinghamshire", "essex", "oxfordshire"]
    for area in comparison.areas:
        assert any(comparison.cells[area].values()), (theme, area)


@pytest.mark.integration
def test_compare_leaves_a_gap_where_an_area_is_silent(corpus_kb):
    comparison = corpus_kb.compare("Operation Shield Total Harm Score")
    assert comparison.cells["essex"]["indicators"]
    assert comparison.cells["buckinghamshire"]["indicators"] == []


@pytest.mark.integration
def test_registers_hold_the_known_aims(corpus_kb):
    def texts(area, kind):
        return " ".join(i.text for i in corpus_kb.framework(area).items[kind])

    oxon = texts("oxfordshire", "aim")
    for aim in ("Prevention:", "Provision:", "Pursuing:", "Partnership:"):
        assert aim in oxon
    bucks = texts("buckinghamshire", "aim")
    assert "Ensure perpetrators are held to account." in bucks
    strands = {i.heading.split(" > ")[0] for i in corpus_kb.framework("buckinghamshire")
               .items["action"]}
    assert {"PREVENT", "PROTECT", "RECOVERY"} <= strands
    essex = texts("essex", "outcome")
    for outcome in ("Young people enjoy healthy relationships",
                    "Perpetrators are prevented from causing physical and emotional harm"):
        assert outcome in essex
    baselines = [i for i in corpus_kb.framework("essex").items["indicator"]
                 if "Current/baseline" in i.details]
    assert any("14,548" in i.details["Current/baseline"] for i in baselines)


def test_an_area_that_calls_its_aims_outcomes_fills_the_aims_column_with_them():
    from kb.records import Citation, Framework, FrameworkItem
    from kb.reports.columns import column_table

    def item(kind: ChunkKind, text: str, start: int) -> FrameworkItem:
        return FrameworkItem(kind, text, Citation(0, "d", "wyvern", "t", "2021-2024", "adopted",
                                                  None, "Outcomes", text, "c", start, start + len(text)))

    register = Framework("wyvern", [], {"outcome": [item(ChunkKind.OUTCOME, "Survivors are safe.", 9),
                                                    item(ChunkKind.OUTCOME, "Fewer repeat victims.", 0)]})
    table = column_table("aims", ["wyvern"], frozenset({ChunkKind.AIM}), {"wyvern": register})
    assert [c.quote for c in table.cells["wyvern"][Facet.AIMS]] == [
        "Fewer repeat victims.", "Survivors are safe."]  # in document order
    assert [c.n for c in table.cells["wyvern"][Facet.AIMS]] == [1, 2]


def test_a_table_row_of_small_figures_is_an_indicator_not_a_contents_entry(tmp_path):
    """"Families turned away from refuge<TAB>57<TAB>0" under a Measure/Baseline/Target header
    is a measure with its baseline and target, not a contents line with page numbers."""
    from tests.corpus_support import corpus_kb

    strategy = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nContents\n\nOur priorities\t4\n\n"
                "How we will know we are making a difference\n\n"
                "Measure\tBaseline (2023)\tTarget (2027)\n"
                "Repeat referrals to MARAC\t38%\t30%\n"
                "Families turned away from refuge\t57\t0\n"
                "Staff trained in coercive control\t0\t600\n")
    register = corpus_kb(tmp_path, {"wyvern.txt": strategy}).framework("wyvern")
    indicators = {i.text: i.details for i in register.items["indicator"]}
    assert indicators["Families turned away from refuge"] == {"Baseline (2023)": "57",
                                                             "Target (2027)": "0"}
    assert "Staff trained in coercive control" in indicators
    assert not any("Our priorities" in text for kind in register.items.values() for text in
                   (i.text for i in kind))
