"""List answers about a section a question numbers or names: the action plan rows a numbered
section refers to, after its own text, a title heading holding the area's name naming no
section, and a list of the kind asked for ending with its section (kb.answers.lists,
kb.retrieval.list_anchor)."""

from pathlib import Path

import pytest

from kb.api import KnowledgeBase
from tests.corpus_support import corpus_kb


def test_a_numbered_section_s_actions_are_the_action_plan_rows_it_numbers(tmp_path):
    """Wyvern lists its themes, then one action plan for all of them, its rows numbered by
    theme: "What will Wyvern do under Theme B?" is answered with rows B1 and B2."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
        "Our three themes\n\n- Theme A: Understanding and preventing abuse\n"
        "- Theme B: Support that fits the person\n- Theme C: Challenging people who harm\n\n"
        "Action plan\n\nRef\tAction\tLead\tBy\n"
        "A1\tRun an economic abuse awareness campaign\tCommunity Safety\tMarch 2024\n"
        "B1\tRecommission the refuge with eight more units\tCommissioning\tApril 2024\n"
        "B2\tFund a by-and-for service for minoritised survivors\tPublic Health\tSeptember 2024\n"
        "C1\tPilot a perpetrator programme\tProbation\tJune 2024\n")})
    answer = kb.ask("What will Wyvern do under Theme B?")
    quotes = [c.quote for c in answer.citations]
    assert [q.split("\t")[0] for q in quotes] == ["B1", "B2"]
    text = (tmp_path / "corpus" / "wyvern.txt").read_text()
    assert all(text[c.start:c.end] == c.quote for c in answer.citations)


def assert_in_order(answer: str, items: list[str]) -> None:
    """Every item is in the answer, in the order given."""
    positions = [answer.find(item) for item in items]
    assert -1 not in positions and positions == sorted(positions), positions


def among_councils(tmp_path: Path, text: str) -> KnowledgeBase:
    """A knowledge base over Wyvern's markdown strategy and the council fixtures' (among which
    a council's name is a rare word, as in a real store)."""
    councils = Path(__file__).parent / "fixtures" / "councils"
    others = {path.name: path.read_text() for path in sorted(councils.glob("*.txt"))}
    return corpus_kb(tmp_path, {**others, "wyvern-strategy.md": text})


def test_an_area_s_name_in_the_title_heading_names_no_section(tmp_path):
    """Wyvern's title heading holds its name, so every section path does: "List the actions
    under Wyvern's objective 3." is answered with Objective 3's actions, not with those of
    whichever objective ranks first."""
    objectives = [("Stop abuse before it starts", "Publish a list of the actions every school "
                   "can take",
                   "Run a campaign in the 16 Days of Action", "Train 800 housing staff"),
                  ("Help people get support early", "Place a navigator in the hospital",
                   "Open one front door for victims", "Extend outreach to rural villages"),
                  ("Keep victims and their children safe", "Commission 20 units of dispersed "
                   "safe accommodation", "Fund an IDVA for older victims",
                   "Offer the Sanctuary Scheme to high-risk victims"),
                  ("Change the behaviour of those who harm", "Commission a behaviour change "
                   "programme for 60 perpetrators", "Use Domestic Abuse Protection Orders",
                   "Develop a response to adolescents who harm their parents")]
    text = "# Wyvern Community Safety Partnership\n\n## Domestic Abuse Strategy 2024 to 2028\n\n"
    text += "## Our four objectives\n\n" + "".join(
        f"### Objective {n}: {name}\n\nWhat we will do:\n\n"
        + "".join(f"{i}. {action}.\n" for i, action in enumerate(actions, 1)) + "\n"
        for n, (name, *actions) in enumerate(objectives, 1))
    kb = among_councils(tmp_path, text)
    answer = kb.ask("List the actions under Wyvern's objective 3.").text
    assert "20 units" in answer and "older victims" in answer and "Sanctuary Scheme" in answer
    assert "every school" not in answer and "Protection Orders" not in answer


def test_a_list_of_the_kind_asked_for_ends_with_its_section(tmp_path):
    """"What are Wyvern's measures of success?": the table of measures, not the funding and
    governance sections after it, which a list of measures does not run on into."""
    text = ("# Wyvern Community Safety Partnership\n\n## Domestic Abuse Strategy 2024 to 2028\n\n"
            "## Our priorities\n\nWe will open a single front door for victims and train 800 "
            "staff to spot the signs of abuse.\n\n"
            "## How we will know we are making a difference\n\n"
            "| Measure | Baseline 2023 | Target 2028 |\n|---|---|---|\n"
            "| Repeat referrals to MARAC | 34% | below 28% |\n"
            "| Victims who feel safer when support ends | 71% | 85% |\n"
            "| Children referred to specialist support | 310 | 450 |\n\n"
            "## Funding\n\nThe partnership has a pooled budget of £1.2 million a year for "
            "domestic abuse services.\n\n"
            "## Governance\n\nThe Wyvern Domestic Abuse Partnership Board oversees this "
            "strategy and reports twice a year to the Health and Wellbeing Board.\n")
    kb = among_councils(tmp_path, text)
    answer = kb.ask("What are Wyvern's measures of success?").text
    assert all(row in answer for row in ("Repeat referrals", "feel safer", "Children referred"))
    assert "pooled budget" not in answer and "Partnership Board" not in answer


def test_a_numbered_section_s_own_text_comes_before_the_action_plan_rows_it_numbers(tmp_path):
    """Wyvern's Priority B has a section of its own, and the action plan numbers its rows B1
    and B2: "What will Wyvern do under Priority B?" is answered with what the section says it
    will do, then those rows."""
    text = ("# Wyvern Domestic Abuse Strategy 2024-2027\n\n"
            "## Introduction\n\nThis strategy sets out what partners in Wyvern will do.\n\n"
            "## Our priorities\n\n"
            "### Priority A: Early identification\n\nWe want every professional to recognise "
            "abuse. We will introduce routine enquiry in GP practices.\n\n"
            "### Priority B: Safe support for all\n\nWe will reduce the wait for counselling to "
            "12 weeks by 2027 and make the refuge accessible to wheelchair users.\n\n"
            "## Action plan\n\n| Ref | Action | Lead | By |\n|---|---|---|---|\n"
            "| A1 | Roll out routine enquiry to all GP practices | Health | March 2026 |\n"
            "| B1 | Commission a by-and-for service | Public Health | April 2026 |\n"
            "| B2 | Make the refuge fully accessible | Housing | December 2026 |\n")
    kb = among_councils(tmp_path, text)
    answer = kb.ask("What will Wyvern do under Priority B?").text
    assert "12 weeks" in answer and "wheelchair" in answer
    assert "by-and-for service" in answer and "fully accessible" in answer
    assert answer.index("12 weeks") < answer.index("by-and-for service")
    assert "routine enquiry" not in answer


def test_a_heading_that_numbers_one_of_the_asked_list_is_no_list_of_its_own(tmp_path):
    """"What are Wyvern's priorities?": each priority is a heading over its actions
    ("Priority three - Children and young people", then bullets). The best hit is one of them;
    it is one item of the list, not a section named for the list, so the answer gives the four
    priorities in document order rather than one priority's actions."""
    priorities = [("one", "Prevention and early intervention", "Launch a community ambassadors scheme"),
                  ("two", "Support that fits the person", "Create a single point of access"),
                  ("three", "Children and young people", "Offer every child a recovery group place"),
                  ("four", "Accountability for those who harm", "Fund a perpetrator programme")]
    text = "Wyvern Domestic Abuse Strategy 2025-2029\n\nHow will we get there?\n\n" + "".join(
        f"Priority {number} - {name}\n• {first}.\n• Report progress to the board each year.\n\n"
        for number, name, first in priorities)
    answer = corpus_kb(tmp_path, {"wyvern.txt": text}).ask("What are Wyvern's priorities?").text
    positions = [answer.find(f"Priority {number} - {name}") for number, name, _ in priorities]
    assert -1 not in positions and positions == sorted(positions)


# Wyvern's contents page is one block of titles; "Our Priorities" says "We have agreed three
# priorities with our partners:" over a numbered list, and each priority then has a section of
# its own
COUNTED_PRIORITIES = (
    "Wyvern Domestic Abuse Strategy 2051-2056\n\nContents\n\nForeword\nOur Vision\n"
    "Our Priorities\nPriority One - Early Help\nPriority Two - Safe Homes\n"
    "Priority Three - Changing Behaviour\n\nForeword\n\nWe are proud to publish this "
    "strategy with partners across Wyvern.\n\nOur Vision\n\nOur vision is a Wyvern free "
    "from domestic abuse.\n\nOur Priorities\n\nWe have agreed three priorities with our "
    "partners:\n\n1. Early Help for families\n2. Safe Homes for every survivor\n"
    "3. Changing the Behaviour of people who harm\n\n" + "".join(
        f"Priority {n} - {name}\n\nWhy this matters\n\n{why}\n\nWhat we will do\n\n"
        f"- {action}.\n- Report progress to the board each year.\n\n"
        for n, name, why, action in (
            ("One", "Early Help", "Most victims wait years for help.",
             "Train every GP practice to ask about abuse"),
            ("Two", "Safe Homes", "Survivors need a safe place to live.",
             "Open twelve more units of dispersed accommodation"),
            ("Three", "Changing Behaviour", "People who harm must be challenged.",
             "Fund a community behaviour change programme"))))


@pytest.mark.parametrize("question", [
    "What are Wyvern's priorities?",
    "What are Wyvern's three priorities?",  # a count of the list, not "Priority Three"
])
def test_a_counted_list_after_its_lead_in_is_the_answer_to_what_the_list_is(tmp_path, question):
    """The answer is the three priorities, in order, not the sections of only some of them."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": COUNTED_PRIORITIES}).ask(question).text
    items = ["Early Help for families", "Safe Homes for every survivor",
             "Changing the Behaviour of people who harm"]
    assert_in_order(answer, items)


# Wyvern's vision paragraph announces its outcomes, written as plain lines under it
ANNOUNCED_OUTCOMES = (
    "Wyvern Domestic Abuse Strategy 2051-2056\n\nOur Shared Vision\n\nOur vision is a Wyvern "
    "free from abuse, and we will get there by focusing our planning and delivery on four "
    "outcomes:\n\nChildren grow up in calm and caring homes\n\nSurvivors are safe where they "
    "live\n\nSurvivors recover and rebuild their lives\n\nPeople who harm change their "
    "behaviour\n\nFunding\n\nThe partnership pools its budgets each year for this work.\n")


def test_a_best_sentence_that_announces_a_list_brings_the_list(tmp_path):
    """'Headline results' is no list noun, but the sentence that answers it best is a lead-in:
    the answer is the list it announces, not the lead-in alone."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": ANNOUNCED_OUTCOMES}).ask(
        "What are the headline results Wyvern is organising its planning and delivery around?").text
    items = ["calm and caring homes", "safe where they live", "recover and rebuild",
             "change their behaviour"]
    assert_in_order(answer, items)


PRINCIPLES_BEHIND = (
    "Wyvern Domestic Abuse Strategy 2051-2056\n\n"
    "About this strategy\n\nThe principles of this strategy come from the national strategy, "
    "and this strategy keeps to those principles wherever the strategy can.\n\n"
    "How we will work\n\nIn working towards these aims the following principles will be "
    "followed:\n\n- Listening to survivors before we design a service\n"
    "- Sharing what we know across agencies\n- Paying for what works\n\n"
    "Funding\n\nThe partnership pools its budgets each year for this work.\n")


def test_a_lead_in_that_announces_the_list_names_it_on_its_own(tmp_path):
    """'What are the principles behind the Wyvern strategy?' has no topic word but the list's
    noun, and the lead-in 'the following principles will be followed:' announces that list:
    the answer is its items, not the passage that talks about principles."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": PRINCIPLES_BEHIND}).ask(
        "What are the principles behind the Wyvern strategy?").text
    assert "Listening to survivors" in answer and "Paying for what works" in answer
    assert "come from the national strategy" not in answer


OUTCOMES_AND_WHAT_WE_KNOW = (
    "Wyvern Domestic Abuse Strategy 2051-2056\n\nOur Shared Vision\n\nOur vision is a Wyvern "
    "free from abuse, and we will get there by focusing our planning and delivery on four "
    "outcomes:\n\nChildren grow up in calm and caring homes\n\nFamilies are safe where they "
    "live\n\nEveryone can recover and rebuild their lives\n\nPeople who harm change their "
    "behaviour\n\nOutcome 2: Families are safe where they live\n\n"
    "What do we know about this Outcome?\n\nThe survivors' panel found that the main themes "
    "for survivors included:\n\n- Outcomes for survivors in the rural north fall short of "
    "what survivors want\n- Survivors want to tell their story once, and survivors want one "
    "named worker\n")


def test_a_list_of_the_asked_kind_gives_way_to_the_list_announced_as_it(tmp_path):
    """'List the outcomes Wyvern wants for survivors.': the best hit of the kind asked for is
    the list of themes under one outcome's heading; the answer opens with the list announced
    as the outcomes ('… on four outcomes:') and gives all four."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": OUTCOMES_AND_WHAT_WE_KNOW}).ask(
        "List the outcomes Wyvern wants for survivors.").text
    items = ["calm and caring homes", "safe where they live", "recover and rebuild",
             "change their behaviour"]
    assert_in_order(answer, [*items, "fall short"])


def test_a_section_whose_parts_are_of_several_kinds_is_read_whole(tmp_path):
    """"What does the Protect section say?" of a section whose parts are its actions, then its
    indicators: every action is in the answer, not each part's heading and first item only
    (parts of one kind are a list's items, each named by its heading: strands)."""
    items = ["All agencies work with the police to increase prosecutions without the victim.",
             "Safety planning for victims and their children is adopted across every service.",
             "Professionals understand local safeguarding procedures and use them every time.",
             "Greater promotion and use of Clare's Law so victims know a partner's history.",
             "Services consult survivors before a perpetrator is released from custody."]
    actions = "\n".join(f"{n}. {text}" for n, text in enumerate(items, start=1))
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\nPREVENT\n\nWe will raise awareness of "
        "abuse in every school and workplace across the county.\n\nPROTECT\n\nProvide support "
        "to victims\nEnsure perpetrators are held to account\nReduce the risk of people becoming "
        "victims again\n\nWhat strategic "
        f"action should we take?\n\n{actions}\n\nKey indicators of progress\n\n1. Number of "
        "successful prosecutions.\n2. Reduction in repeat incidents of abuse.\n")},
        chunk_max_words=40)
    answer = kb.ask("What does the Protect section of the Wyvern strategy say?")
    assert all(item in answer.text for item in items), answer.text


STRANDS_OVER_ACTIONS = (
    "Wyvern Domestic Abuse Strategy 2051-2054\n\n1. Introduction\n\nThis strategy sets out how "
    "the Wyvern partnership will tackle domestic abuse across the county.\n\n"
    "2. Our priorities\n\n2.1 Prevention and early help\n\nWe want people to recognise abuse "
    "before it escalates and know where to go for help.\n\nWe will:\n"
    "- run healthy relationships lessons in every secondary school\n"
    "- train pharmacy staff to ask about abuse\n\n"
    "2.2 Safety for survivors and their children\n\nWe will:\n"
    "- recommission the advocacy service with extra capacity in the hills\n"
    "- open ten units of dispersed safe accommodation\n\n"
    "2.3 Perpetrators\n\nWe will:\n"
    "- fund a behaviour-change programme in every market town\n"
    "- hold a monthly tasking meeting on serial perpetrators\n\n"
    "2.4 A confident workforce\n\nWe will:\n"
    "- publish a training framework on coercive control\n"
    "- appoint a champion in every partner organisation\n\n"
    "3. Governance\n\nThe Wyvern board owns this strategy.\n")


def test_a_list_of_strands_gives_each_strand_not_what_each_will_do(tmp_path):
    """'What are Wyvern's four priorities?' of priorities that each head their actions ("2.3
    Perpetrators" over "We will:" and its bullets): the answer names every priority, the one
    whose own text is only "We will:" by its heading, and quotes none of their actions."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": STRANDS_OVER_ACTIONS}).ask(
        "What are Wyvern's four priorities?").text
    assert_in_order(answer, ["Prevention and early help", "Safety for survivors",
                             "2.3 Perpetrators", "A confident workforce"])
    assert "dispersed safe accommodation" not in answer, answer


def test_a_section_asked_for_whole_is_read_from_its_start_when_that_is_no_candidate(tmp_path):
    """"What does Wyvern say in section 1?" is answered from the section, though neither
    search drew its first chunk as a candidate (reading from it had raised a KeyError)."""
    from tests.corpus_support import corpus_kb

    intro = " ".join(f"Sentence {i} of the introduction says the partnership works on topic {i}."
                     for i in range(1, 25))
    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\n1. Introduction\n\n" + intro
            + "\n\n2. Our priorities\n\nWe will open a refuge. We will train staff.\n\n"
            "3. Governance\n\nThe board oversees the plan.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text}, chunk_max_words=30, dense_k=2, lexical_k=2)
    answer = kb.ask("What does Wyvern say in section 1?")
    assert answer.found
    assert all("of the introduction" in c.quote for c in answer.citations)


def test_a_question_placed_in_a_section_is_answered_from_that_section(tmp_path):
    """"What does success look like for Priority Two?": each priority has its own success
    measures, and the answer is the second's, not the best of all three."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
        "Priority One: Preventing abuse before it starts\n\nWhat we will do\n\n"
        "a) Deliver healthy relationship lessons in every school.\n\n"
        "What success looks like\n\n- More young people say they know what a healthy "
        "relationship is.\n- More employers support staff affected by abuse.\n\n"
        "Priority Two: Supporting survivors to recover\n\nWhat we will do\n\n"
        "a) Open a second refuge for women with complex needs.\n\n"
        "What success looks like\n\n- Fewer survivors wait more than six weeks for "
        "counselling.\n- More survivors say they feel safe when their case is closed.\n\n"
        "Priority Three: Changing the behaviour of people who harm\n\nWhat we will do\n\n"
        "a) Commission a perpetrator programme.\n\n"
        "What success looks like\n\n- Fewer repeat incidents involving the same "
        "perpetrator.\n")})
    answer = kb.ask("What does Wyvern say success looks like for Priority Two?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Fewer survivors wait more than six weeks" in quotes
    assert "young people" not in quotes and "repeat incidents" not in quotes


def test_the_rows_of_an_action_plan_a_question_picks_by_their_cells(tmp_path):
    """"Which actions does Housing lead?", "… due in March 2025": the plan's rows whose lead or
    date cell holds it, from every part of the plan; a grid of items with no header naming
    its columns ("Physical harm / Emotional harm / …") is read whole."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\nAction plan\n\n"
        "Objective 1: Prevent abuse\n\nRef\tAction\tLead\tTimescale\n"
        "1.1\tDeliver healthy relationships lessons in every school\tPublic Health\tSeptember 2024\n"
        "1.2\tRun a community awareness campaign\tCommunity Safety\tAnnually\n"
        "1.3\tTrain pharmacy staff to ask about abuse\tPublic Health\tMarch 2025\n\n"
        "Objective 2: Keep victims safe\n\nRef\tAction\tLead\tTimescale\n"
        "2.1\tRecommission the IDVA service\tAdult Services\tApril 2024\n"
        "2.2\tExtend the sanctuary scheme to private tenants\tHousing\tMarch 2025\n"
        "2.3\tOpen eight units of dispersed safe accommodation\tHousing\tDecember 2025\n\n"
        "The harms of abuse\n\nPhysical harm\tEmotional harm\tLost schooling\n"
        "Poor mental health\tIsolation\tSubstance misuse\n"
        "Debt\tHomelessness\tSerious injury\n")})
    led = kb.ask("Which actions in Wyvern's plan does Housing lead?")
    assert [c.quote.split("\t")[0] for c in led.citations] == ["2.2", "2.3"]
    due = kb.ask("List the Wyvern actions due in March 2025.")
    assert [c.quote.split("\t")[0] for c in due.citations] == ["1.3", "2.2"]

    from kb.answers.lists import rows_asked
    from kb.answers.sentences import units
    from kb.text import content_terms
    from tests.hit_support import hit

    grid = hit("Physical harm\tEmotional harm\tLost schooling\nPoor mental health\tIsolation"
               "\tSubstance misuse\nDebt\tHomelessness\tSerious injury\n", section="Harms")
    rows = [(grid, start, end, text) for start, end, text in units(grid.text, grid.start)]
    assert rows_asked(rows, [grid], content_terms("Which harms does Wyvern list?")) == rows


def test_an_outcome_called_by_number_is_found_by_the_actions_it_numbers(tmp_path):
    """Wyvern heads its outcomes by their words alone and numbers their actions ("2.1 - …"):
    "What does Wyvern say under outcome 2?" is answered with those actions, though many
    passages that speak of outcomes outrank them (top_k=3 here) and no heading is numbered 2."""
    outcomes = "".join(
        f"Outcome words {n}\n\nThis outcome matters, and outcomes like it are how the strategy "
        f"measures its outcome for victims; the outcome of each year is reviewed.\n\n"
        for n in range(6))
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n" + outcomes +
        "Victims are safe\n\nWhat will we do?\n\n"
        "1.1 - Recommission the refuge with eight more units\n"
        "1.2 - Fund two more advocates for victims at high risk\n\n"
        "Perpetrators change\n\nWhat will we do?\n\n"
        "2.1 - Pilot a perpetrator programme for men who are not before the courts\n"
        "2.2 - Hold monthly tasking meetings on serial perpetrators\n")}, top_k=3)
    answer = kb.ask("What does Wyvern say under outcome 2?")
    quotes = [c.quote for c in answer.citations]
    assert quotes[:2] == ["2.1 - Pilot a perpetrator programme for men who are not before the "
                          "courts", "2.2 - Hold monthly tasking meetings on serial perpetrators"]



def test_an_outcome_s_numbered_actions_come_in_document_order_whichever_ranks_first(tmp_path):
    """Wyvern's actions under outcome 3 fill two passages, and the one holding 3.4 and 3.5
    ranks first (it says "outcome" and "actions"): the answer still reads 3.1 to 3.5."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
        "Victims are safe where they live\n\nWhat will we do?\n\n"
        "3.1 - Keep survivors in their own homes with sanctuary schemes where the risk allows it\n"
        "3.2 - Commission a community based service for survivors in every district council\n"
        "3.3 - Train housing officers to ask about abuse at every tenancy review they hold\n"
        "3.4 - Report the actions for outcome 3 to the partnership board every quarter\n"
        "3.5 - Review the outcome 3 actions with survivors each year of the strategy\n")},
        chunk_max_words=45)
    answer = kb.ask("What are Wyvern's actions under outcome 3?")
    numbers = [c.quote.split(" - ")[0] for c in answer.citations]
    assert numbers == ["3.1", "3.2", "3.3", "3.4", "3.5"]

ITEMS_BY_NUMBER = (
    "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
    "1.0 Introduction\n\nThis strategy sets out how Wyvern partners will respond to domestic "
    "abuse over three years.\n\n"
    "2.0 The picture in Wyvern\n\n2.1 Prevalence\n\nPolice recorded 4,100 incidents last year.\n\n"
    "2.2 What survivors told us\n\nSurvivors told us they had to repeat their story too often.\n\n"
    "3.0 Strategic objectives\n\n"
    "Objective 1: Fewer people experience domestic abuse\n"
    "Objective 2: Survivors are safe and supported to recover\n"
    "Objective 3: People who harm change their behaviour\n\n"
    "4.0 Delivery\n\nWe will do this by developing three delivery strands.\n\n"
    "PREVENT\n\nWe will teach healthy relationships in every secondary school.\n\n"
    "SUPPORT\n\nWe will fund two more advocates for survivors at high risk.\n\n"
    "PROTECT\n\nWe will hold monthly tasking meetings on serial perpetrators.\n\n"
    "5 Key performance indicators\n\nRepeat referrals to MARAC fall from 34% to 28%.\n")


@pytest.mark.parametrize(("question", "first", "absent"), [
    # the item that opens with the noun and its number, alone
    ("What is Wyvern's second objective?", "Objective 2: Survivors are safe", "Objective 3"),
    # … not the section numbered 2.2 of another chapter, whose heading holds no item
    ("What is Wyvern's second strategic objective?", "Objective 2: Survivors are safe",
     "What survivors told us"),
    # the nth of the titles a lead-in announces as strands
    ("What is Wyvern's third delivery strand?", "PROTECT", "SUPPORT"),
    ("What is the second of Wyvern's delivery strands?", "SUPPORT", "PROTECT"),
])
def test_an_item_called_by_number_is_picked_out_of_its_list(tmp_path, question, first, absent):
    """Where no heading is numbered as the question calls an item ("its second objective"),
    the item is picked out of the list it belongs to: the line that numbers it, or the nth
    title of a list announced as those things."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": ITEMS_BY_NUMBER}).ask(question)
    assert answer.found, answer.text
    assert answer.citations[0].quote.startswith(first), answer.text
    assert absent not in answer.text, answer.text


def test_an_item_called_by_number_of_a_list_the_strategy_has_not_is_refused(tmp_path):
    """"What is Wyvern's fifth priority?" of a strategy with no priorities (its section 5 is its
    indicators): no list is announced as priorities, so nothing is quoted."""
    answer = corpus_kb(tmp_path, {"wyvern.txt": ITEMS_BY_NUMBER}).ask(
        "What is the third of Wyvern's priorities?")
    assert not answer.found, answer.text


def test_a_list_of_numbered_sections_is_their_headings_not_the_first_ones_text(tmp_path):
    """A Word strategy's "Our priorities" lists them, and its passage runs on into "Priority 1"
    and its "Why this matters": the answer is the list and the four priorities' headings, not
    the first priority's sub-heading and text."""
    import io

    import docx

    from tests.corpus_support import WYVERN_AREA, document

    word = docx.Document()
    word.add_heading("Wyvern Domestic Abuse Strategy 2024-2027", 0)
    word.add_heading("Our priorities", 1)
    word.add_paragraph("The partnership has agreed four priorities:")
    names = ["Prevent abuse before it starts", "Support survivors to recover",
             "Change the behaviour of people who harm", "Work better together"]
    for name in names:
        word.add_paragraph(name, style="List Number")
    for n, name in enumerate(names, start=1):
        word.add_heading(f"Priority {n}: {name}", 2)
        word.add_heading("Why this matters", 3)
        word.add_paragraph(f"Residents told us that priority {n} matters to them.")
        word.add_heading("What we will do", 3)
        word.add_paragraph(f"Deliver the work of priority {n} with partners.", style="List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wyvern.docx").write_bytes(buffer.getvalue())
    manifest = WYVERN_AREA + document("wyvern.docx", "wyvern",
                                      "Wyvern Domestic Abuse Strategy 2024-2027", "2024-2027")
    kb = corpus_kb(tmp_path, {}, manifest, chunk_min_words=40, chunk_max_words=120)
    quotes = [c.quote for c in kb.ask("What are Wyvern's four priorities?").citations]
    assert "Priority 1: Prevent abuse before it starts" in quotes
    assert "Priority 4: Work better together" in quotes
    assert not any("Why this matters" in q or "Residents told us" in q for q in quotes)
