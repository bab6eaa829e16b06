"""The theme of a comparison: a phrase or a full question gives the same table, the words that
frame a question (its audience, its areas, a column it names) are not the theme, and a theme
word no document uses is named with the table."""

from pathlib import Path

import pytest

from kb.errors import UnknownAreaError
from kb.records import ChunkKind, Facet

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_a_question_and_its_theme_give_the_same_table(fake_kb):
    theme = fake_kb.compare("perpetrator programmes")
    question = fake_kb.compare("How do Testshire and Northshire deal with perpetrator programmes?")
    framed = fake_kb.compare("For our scrutiny committee: how do Testshire and Northshire deal "
                             "with perpetrator programmes?")
    def table(comparison):
        return {(area, facet, c.quote) for area, row in comparison.cells.items()
                for facet, cell in row.items() for c in cell}

    assert set(question.areas) == set(theme.areas) == {"northshire", "testshire"}
    assert table(question) == table(theme) == table(framed) and table(theme)


def test_question_topic_drops_scaffolding_and_areas():
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver
    from kb.retrieval.topic import question_topic
    from kb.text import content_terms

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, ["calder"])
    for wording in ("How do the three areas deal with perpetrators?", "perpetrators",
                    "Compare Wyvern's and Calder's approach to perpetrators",
                    "What do the strategies say about perpetrators?",
                    "How much emphasis do the three strategies put on perpetrators?",
                    "To what extent do the councils cover perpetrators?",
                    "What role do perpetrators play in each area?",
                    "How do the three strategies describe perpetrators?",
                    "Where do the strategies stand on perpetrators?",
                    "What is Wyvern's position on perpetrators?",
                    "What is each council's stance on perpetrators?",
                    "How much do the strategies talk about perpetrators?",
                    # how an area relates to the topic, as a verb ("work with")
                    "How do the three areas work with perpetrators?",
                    "How does each council plan to engage with perpetrators?"):
        # the same search text, not only the same content words: the search ranks by both
        assert question_topic(wording, resolver) == "perpetrators", wording
    assert question_topic("How does Wyvern tackle violence against women and girls?",
                          resolver) == "violence against women and girls"
    # "effect" would match every item on a service's effectiveness (one stem)
    assert question_topic("How do Wyvern and Calder describe the effect of domestic abuse on "
                          "health?", resolver) == "domestic abuse on health"
    assert content_terms(question_topic("Compare Wyvern and Calder on housing", resolver)) == {
        "hous"}
    # "figures" asks for the numbers on a topic (the table's context column), it is none:
    # "Figure 1: Boards linking…" is a caption, not an incident figure
    # … not the noun of a theme ("behaviour change work with abusers")
    assert question_topic("behaviour change work with abusers", resolver) == (
        "behaviour change work with abusers")
    assert question_topic("incident figures", resolver) == "incident"
    assert question_topic("Compare the areas' statistics on repeat victims", resolver) == (
        "repeat victims")
    # "making sure" says the theme is to be secured, not what it is: an item on services
    # meeting minority ethnic communities' needs, which never says "make sure", belongs
    assert question_topic("How do Wyvern and Calder make sure services reach minority ethnic "
                          "communities?", resolver) == "services reach minority ethnic communities"


@pytest.mark.parametrize(("question", "asked"), [
    ("For a board paper: how many refuge places are there?", "how many refuge places are there?"),
    ("I'm preparing a briefing for our cabinet member, what will Wyvern do about stalking?",
     "what will Wyvern do about stalking?"),
    ("For the 2008 presentation, what was achieved?", None),  # names a document, not an audience
    ("For victims, what support is there?", None),
    ("What does the board oversee?", None),
    ("Give me the Bucks outcomes for a board report", "Give me the Bucks outcomes"),
    ("What are Wyvern's indicators, for tomorrow's scrutiny briefing?",
     "What are Wyvern's indicators"),
    ("What training is there for board members?", None),  # who, not what for
    ("How are incidents reported to the board?", None),
    # … and one on how to set the answer out
    ("Give me Wyvern's outcomes in order.", "Give me Wyvern's outcomes."),
    ("List Calder's aims in full, please", "List Calder's aims"),
    ("What are the Wyvern priorities, as a list?", "What are the Wyvern priorities?"),
    ("Give me the Wyvern outcomes for a board report, in order please",
     "Give me the Wyvern outcomes"),
    ("What does Wyvern do in order to reduce harm?", None),
    # … also as an opening clause
    ("In plain terms, what is Wyvern trying to do?", "what is Wyvern trying to do?"),
    ("Briefly: what are Calder's aims?", "what are Calder's aims?"),
    ("In order to reduce harm, what does Wyvern do?", None),
    # … and one on who asks
    ("Our cabinet member wants to know how Wyvern involves survivors.",
     "how Wyvern involves survivors."),
    ("My director has asked whether Wyvern has a refuge.", "Wyvern has a refuge."),
    ("The board wants to know what Wyvern will do about stalking",
     "what Wyvern will do about stalking"),
    ("What do survivors want to know about refuges?", None),
])
def test_a_clause_naming_the_audience_or_paper_is_dropped(question, asked):
    from kb.retrieval.topic import without_preamble

    assert without_preamble(question) == (asked or question)


def _wyvern_resolver():
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    return AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])


def test_what_the_paper_is_on_is_the_topic_when_the_rest_has_none():
    from kb.retrieval.topic import without_preamble

    resolver = _wyvern_resolver()
    assert without_preamble("I'm writing a board paper on refuge provision: what does Wyvern "
                            "commit to?", resolver) == (
        "refuge provision: what does Wyvern commit to?")
    # a question with a topic of its own keeps it alone
    assert without_preamble("For a scrutiny report on housing, what does Wyvern say about "
                            "refuges?", resolver) == "what does Wyvern say about refuges?"
    assert without_preamble("For our board meeting, what does Wyvern commit to?", resolver) == (
        "what does Wyvern commit to?")
    # a spaced dash ends the opening clause as a colon does
    assert without_preamble("I'm writing a paper for our Health and Wellbeing Board - what "
                            "does Wyvern say about GPs?", resolver) == (
        "what does Wyvern say about GPs?")


def test_who_asks_and_a_closing_tag_question_are_no_part_of_the_question():
    from kb.retrieval.topic import without_preamble

    assert without_preamble("The board chair wants to know how the Wyvern strategy was "
                            "developed.") == "how the Wyvern strategy was developed."
    assert without_preamble("Our DA coordinator has asked whether Wyvern funds refuges - does "
                            "it?") == "Wyvern funds refuges?"
    assert without_preamble("Our housing lead asks whether Wyvern police refer victims to "
                            "a landlord.") == "Wyvern police refer victims to a landlord."
    assert without_preamble("My director wonders if Calder still funds its refuge.") == (
        "Calder still funds its refuge.")
    assert without_preamble("What's the Wyvern vision in one line?") == "What's the Wyvern vision?"
    assert without_preamble("Does Wyvern fund a refuge for men or not?") == (
        "Does Wyvern fund a refuge for men?")
    # a question that opens with its own question word keeps it; a tag needs its comma or dash
    for kept in ["How do officers want to know about risk?",
                 "What does the strategy cover and who does it?",
                 "For the coordinator post, what does Wyvern fund?"]:
        assert without_preamble(kept) == kept


def test_an_opening_clause_in_the_officers_own_voice_is_dropped_before_a_question():
    from kb.retrieval.topic import without_preamble

    resolver = _wyvern_resolver()
    assert without_preamble("We're reviewing our own strategy and want to borrow ideas: how "
                            "does Wyvern involve survivors?", resolver) == (
        "how does Wyvern involve survivors?")
    assert without_preamble("I'm drafting the partnership's response - what gaps did Wyvern "
                            "find?", resolver) == "what gaps did Wyvern find?"
    # a label names the topic; a clause that names an area, or a question with no topic of
    # its own after it, keeps it
    for kept in ["Refuges: how many places does Wyvern fund?",
                 "Our Wyvern colleagues asked: what do they fund?",
                 "My question is this: what does Wyvern commit to?"]:
        assert without_preamble(kept, resolver) == kept


def test_a_theme_word_no_document_uses_is_named_with_the_table():
    from kb.answers.extractive import idf_table
    from kb.reports.compare import unindexed_notice

    idf = idf_table(["Rates of crime and anti-social behaviour fell.",
                     "Perpetrators will be held to account.", "Refuges for women and children."])
    assert unindexed_notice(["knife crime"], idf) == (
        "No indexed strategy uses the word 'knife': the rows below match the theme's other "
        "words only.")
    assert unindexed_notice(["potholes"], idf) == "No indexed strategy uses the word 'potholes'."
    assert unindexed_notice(["perpetrators"], idf) == ""
    # an everyday word the strategies write otherwise ("shelters": refuges) is no gap
    assert unindexed_notice(["shelters for women", "refuge for women"], idf) == ""


@pytest.mark.parametrize(("topic", "kinds"), [
    ("aims", {ChunkKind.AIM}),
    ("visions", {ChunkKind.VISION}),
    ("measure success", {ChunkKind.INDICATOR}),
    ("outcomes and want", {ChunkKind.OUTCOME}),
    ("key priorities", {ChunkKind.AIM}),
    ("measure success with young people", set()),  # a subject too: a theme
    ("measure progress", {ChunkKind.INDICATOR}),  # what is measured is the column's to say
    ("track progress", {ChunkKind.INDICATOR}),
    ("progress", set()),  # no column named
    ("perpetrator programmes", set()),
    ("refuge provision", set()),
])
def test_a_theme_that_names_only_a_column_asks_for_that_column(topic, kinds):
    from kb.reports.columns import asked_kinds

    assert asked_kinds(topic) == kinds


def test_comparing_a_column_gives_each_area_s_items_of_it_whatever_their_words(fake_kb):
    """"Compare the aims of Testshire and Northshire": Testshire's aims hold no word "aim";
    the column is filled from each area's register, Northshire's left empty as it lists no
    aim nor outcome, and the columns not asked for stay empty."""
    table = fake_kb.compare("Compare the aims of Testshire and Northshire")
    testshire = [c.quote for c in table.cells["testshire"][Facet.AIMS]]
    assert any(q.startswith("Prevention: Preventing domestic abuse") for q in testshire)
    assert any(q.startswith("Provision: Providing high quality support") for q in testshire)
    assert not table.cells["northshire"][Facet.AIMS]
    assert not any(table.cells[a][f] for a in table.areas for f in Facet if f is not Facet.AIMS)
    with pytest.raises(UnknownAreaError):  # no such area: no row saying it has no aims
        fake_kb.compare("aims", ["testshire", "atlantis"])
    outcomes = fake_kb.compare("What outcomes do Testshire and Northshire want?")
    assert any("consistent education on healthy relationships" in c.quote
               for c in outcomes.cells["testshire"][Facet.AIMS])
    assert "aims" in table.notice
    source = (FIXTURES / "oxford_snippet.txt").read_text()
    first = table.cells["testshire"][Facet.AIMS][0]
    assert source[first.start:first.end] == first.quote


def test_a_definitions_section_s_definition_of_the_theme_is_context_on_it(tmp_path):
    """A strategy's "Definitions" section is read as a glossary, whose entries fill a row only
    where nothing else does; its sentence that defines the theme ("Stalking is a pattern of…")
    is context on the theme beside the area's other items."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nDefinitions\n\n"
                      "Stalking is a pattern of persistent and unwanted following and contact "
                      "that causes fear.\n\nForced marriage is a marriage without the full and "
                      "free consent of both people.\n\nOur actions\n\nWyvern will add questions "
                      "about stalking to the risk assessment it uses for every victim.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will fund a stalking advocate for victims at high risk.\n"},
        WYVERN_AND_CALDER)
    wyvern = kb.compare("stalking").cells["wyvern"]
    context = [c.quote for c in wyvern[Facet.CONTEXT]]
    assert any(q.startswith("Stalking is a pattern") for q in context)
    assert not any("Forced marriage" in q for q in context)
    assert any("risk assessment" in c.quote for c in wyvern[Facet.ACTIONS])


def test_a_theme_asking_for_figures_gives_each_area_s_figures_and_no_notes(tmp_path):
    """"Compare the cost of domestic abuse in each area" asks for amounts: an area's sentence
    that gives one comes before its sentences that only speak of the cost, and a note's line
    (the source of a figure) is no item."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nThe cost of abuse\n\n"
                      "The human cost of domestic abuse is immeasurable. The cost of domestic "
                      "abuse falls on every service. The cost of domestic abuse goes beyond "
                      "money. Based on the prevalence data available, the estimated cost of "
                      "domestic abuse to public services in Wyvern is £31 million per annum ¹\n\n"
                      "¹ The economic and social cost of domestic abuse, Home Office, 2019\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nThe cost of abuse\n\n"
                      "Domestic abuse costs Calder Vale £12 million a year.\n"},
        WYVERN_AND_CALDER)
    table = kb.compare("Compare the cost of domestic abuse in each area")
    wyvern = [c.quote for c in table.cells["wyvern"][Facet.CONTEXT]]
    assert "£31 million" in wyvern[0]
    assert not any(q.startswith("¹") for q in wyvern)
    assert "£12 million" in table.cells["calder"][Facet.CONTEXT][0].quote


def test_a_count_theme_weighs_the_counts_of_what_it_counts_not_list_numbers(tmp_path):
    """"Compare the number of incidents reported in each area": Wyvern's "4,100 incidents"
    counts incidents; the "1." of its numbered indicator on incidents counts nothing, so the
    indicator does not crowd the figure out of the table."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nIndicators of progress\n\n"
                      "1. Reduction in reported repeat incidents of domestic abuse to police.\n"
                      "2. Increase in reported incidents of domestic abuse from rural areas.\n\n"
                      "The local picture\n\nOur partnership works with every agency in the "
                      "county, and the services that victims turn to first record domestic "
                      "abuse in many different ways, which is why in 2023 the county's police "
                      "alone recorded 4,100 incidents.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nThe local picture\n\n"
                      "In 2022 police recorded 2,900 incidents of domestic abuse reported.\n"},
        WYVERN_AND_CALDER)
    table = kb.compare("Compare the number of incidents reported in each area")
    wyvern = [c.quote for cell in table.cells["wyvern"].values() for c in cell]
    assert any("4,100 incidents" in q for q in wyvern), wyvern


def test_a_table_s_header_row_is_no_item_of_a_comparison(tmp_path):
    """"Indicator  Baseline 2021  Target 2025" names a table's columns: comparing targets
    quotes the rows under it, not the header."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nHow we will measure success\n\n"
                      "Indicator\tBaseline 2021\tTarget 2025\n"
                      "Repeat referrals to MARAC\t31%\t25%\n"
                      "Referrals from health services\t20%\t35%\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nMeasures\n\n"
                      "Measure\tBaseline\tTarget\n"
                      "Repeat referrals to MARAC\t34%\t28%\n"},
        WYVERN_AND_CALDER)
    table = kb.compare("Compare the targets for repeat MARAC referrals")
    quotes = [c.quote for row in table.cells.values() for cell in row.values() for c in cell]
    assert any(q.startswith("Repeat referrals to MARAC\t31%") for q in quotes)
    assert not any(q.startswith(("Indicator\t", "Measure\t")) for q in quotes)


# sections on the corpus's subject, each a passage of its own, so that "abuse" is in most
_SECTIONS = "\n\n".join(
    f"{heading}\n\n{{area}} will {doing} for everyone affected by domestic abuse, working with "
    "the police, health services, schools and the voluntary sector across the county."
    for heading, doing in (("Refuges", "fund refuge places"),
                           ("Training", "train frontline staff to recognise abuse"),
                           ("Perpetrators", "commission a perpetrator programme"),
                           ("Children", "offer specialist support to children"),
                           ("Housing", "extend the sanctuary scheme"))) + "\n"


def test_a_theme_s_modifier_of_the_subject_counts_only_where_it_modifies_the_subject(tmp_path):
    """"economic abuse": its "economic" carries the theme, beside "abuse", which every passage
    holds. Wyvern's "current economic climate" and "financial costs" of abuse are not on it;
    its advisers for victims of economic abuse are, and so is Calder Vale's "financial and
    emotional abuse" (the older word for the same abuse)."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nOur context\n\n"
                      "The current economic climate puts pressure on every service that "
                      "supports victims of domestic abuse.\n\nThe cost of abuse\n\n"
                      "The financial costs of domestic abuse to Wyvern's services are high.\n\n"
                      "Our actions\n\nWyvern will train advisers to help victims of economic "
                      "abuse manage their debts.\n\n" + _SECTIONS.format(area="Wyvern"),
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will fund a money adviser for survivors of financial and "
                      "emotional abuse.\n\n" + _SECTIONS.format(area="Calder Vale")},
        WYVERN_AND_CALDER)
    table = kb.compare("What do the areas say about economic abuse?")
    wyvern = [c.quote for cell in table.cells["wyvern"].values() for c in cell]
    calder = [c.quote for cell in table.cells["calder"].values() for c in cell]
    assert any("victims of economic abuse" in q for q in wyvern), wyvern
    assert not any("climate" in q or "financial costs" in q for q in wyvern), wyvern
    assert any("financial and emotional abuse" in q for q in calder), calder


def test_a_plan_s_row_is_weighed_on_its_commitment_not_on_who_leads_it(tmp_path):
    """A row of an action plan led by "Public Health" commits to school lessons, not to health:
    comparing health quotes the row on the hospital IDVA, not that one."""
    from kb.reports.compare import committed
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    header = "Ref\tAction\tLead\tTimescale"
    assert committed("1.1\tDeliver lessons in schools\tPublic Health\tSeptember 2024",
                     header) == "1.1\tDeliver lessons in schools"
    assert committed("A sentence.", header) == "A sentence."
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nAction plan\n\n"
                      f"{header}\n"
                      "1.1\tDeliver healthy relationships lessons in every secondary school\t"
                      "Public Health\tSeptember 2024\n"
                      "1.2\tFund an IDVA based in the hospital to support patients referred by "
                      "health services\tAdult Services\tApril 2025\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will train health services staff to ask about abuse.\n"},
        WYVERN_AND_CALDER)
    wyvern = [c.quote for cell in kb.compare("health").cells["wyvern"].values() for c in cell]
    assert any("hospital" in q for q in wyvern), wyvern
    assert not any("lessons" in q for q in wyvern), wyvern


def test_who_oversees_the_strategies_is_compared_on_each_areas_governance(tmp_path):
    """Calder's strategy names no board nor oversight; its governance section says who does:
    that fills its row rather than an empty one, and the items are numbered on."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    wyvern = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nGovernance\n\n"
              "The Wyvern Domestic Abuse Partnership Board oversees this strategy and meets "
              "every quarter.\n\nPriorities\n\nWe will open a second refuge for families.\n")
    calder = ("Calder Vale Domestic Abuse Strategy 2022-2025\n\nGovernance\n\n"
              "The Domestic Abuse Steering Group, chaired by the Director of Public Health, "
              "reports every six months to the Safer Calder Partnership.\n\nPriorities\n\n"
              "We will fund a recovery worker for children.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern, "calder.txt": calder}, WYVERN_AND_CALDER)
    table = kb.compare("Which boards oversee the strategies in Wyvern and Calder?")
    quotes = {area: [c.quote for cell in row.values() for c in cell]
              for area, row in table.cells.items()}
    assert any("Partnership Board oversees" in q for q in quotes["wyvern"])
    assert any("Steering Group" in q for q in quotes["calder"])
    numbers = [c.n for row in table.cells.values() for cell in row.values() for c in cell]
    assert len(numbers) == len(set(numbers))


def test_an_area_that_lists_none_of_a_column_s_items_is_compared_on_the_theme_s_words(tmp_path):
    """"How will Wyvern and Calder Vale measure success?" compares indicators; Calder Vale
    lists none, and its row shows what it says of measuring success (a dashboard), which the
    notice says, rather than an empty row."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nHow we will measure success\n\n"
                      "Indicator\tBaseline\tTarget\nRepeat referrals to MARAC\t38%\t30%\n"
                      "Victims who feel safer after support\t70%\t85%\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will build a dashboard to measure the success of the "
                      "strategy for the board.\n\nCalder Vale will fund a stalking advocate.\n"},
        WYVERN_AND_CALDER)
    table = kb.compare("How will Wyvern and Calder Vale measure success?")
    assert table.cells["wyvern"][Facet.INDICATORS]
    calder = [c.quote for row in table.cells["calder"].values() for c in row]
    assert any("dashboard" in quote for quote in calder)
    assert not any("stalking" in quote for quote in calder)
    assert "Calder Vale lists none of them" in table.notice


def test_an_item_is_one_of_what_its_list_s_lead_in_announces(tmp_path):
    """"principles": Calder Vale's items under "the following principles will be followed:"
    are its principles, though none of them says "principle"."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    wyvern = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nOur principles\n\n"
              "Our first principle is that survivors shape every service.\n\nPriorities\n\n"
              "We will open a second refuge for families.\n")
    calder = ("Calder Vale Domestic Abuse Strategy 2022-2025\n\nHow we will work\n\n"
              "In delivering these priorities the following principles will be followed:\n\n"
              "1. Commissioning services jointly where this makes sense.\n"
              "2. Sharing information safely and appropriately.\n\nOur actions\n\n"
              "We will fund a recovery worker for children.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern, "calder.txt": calder}, WYVERN_AND_CALDER)
    table = kb.compare("principles")
    calder_quotes = [c.quote for row in table.cells["calder"].values() for c in row]
    assert any("Commissioning services jointly" in q for q in calder_quotes)
    assert not any("recovery worker" in q for q in calder_quotes)


def test_a_comparison_of_how_areas_describe_something_ranks_any_passage_on_it_first(tmp_path):
    """"How do Wyvern and Calder Vale describe their risk assessment tools?" asks what they say
    of the tools, wherever they say it: each area's passage naming its tool leads its hits, not
    an aim that merely speaks of risk (aims lead where a comparison asks what they commit to)."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    aims = ("Our aims\n\n1. Reduce the risk to victims at high risk of harm.\n2. Ensure those at "
            "risk are referred to support.\n3. Assess the risk posed by perpetrators.\n\n")
    wyvern = ("Wyvern Domestic Abuse Strategy 2024-2027\n\n" + aims + "What we have already\n\n"
              "Agencies use the DASH checklist as the preferred risk assessment tool.\n")
    calder = ("Calder Vale Domestic Abuse Strategy 2022-2025\n\n" + aims + "Local picture\n\n"
              "Police officers complete the DOM5 risk assessment tool at every incident.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern, "calder.txt": calder}, WYVERN_AND_CALDER)
    hits = kb.search("How do Wyvern and Calder Vale describe their risk assessment tools?", k=4)
    first = {area: next(h.text for h in hits if h.area == area) for area in ("wyvern", "calder")}
    assert "DASH checklist" in first["wyvern"]
    assert "DOM5" in first["calder"]
