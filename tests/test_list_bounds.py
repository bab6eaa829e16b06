"""Where a list answer starts and ends: a lead-in after a list heads its own, a title or
summary page is no list, numbered headings and sections, and each council's list
(kb.answers.lists, kb.retrieval.list_anchor; a section's list: tests/test_section_lists.py)."""


from tests.corpus_support import corpus_kb

OUTCOMES_THEN_PRINCIPLES = """Wyvern Domestic Abuse Strategy 2024-2027

Our Shared Ambition

Our ambition is that everyone in Wyvern lives free from abuse, and we will focus our delivery on four outcomes:

Children and young people grow up in healthy relationships

Survivors are safe in their own homes

Survivors recover and rebuild their lives

Perpetrators stop causing harm

In working towards these outcomes the following principles will be followed: -

- Listening to survivors and acting on what they tell us.
- Sharing information safely between partners.
- Commissioning services jointly where it makes sense.
"""


def test_a_lead_in_after_a_list_heads_a_list_of_its_own_and_stops_the_one_before(tmp_path):
    """A line that announces a list ("… the following principles will be followed: -") is no
    item of the list before it: its own list runs under it, and a question about the outcomes
    is answered with the outcomes only, one about the principles with the principles."""
    from ingest.structure import parse_blocks
    from kb.records import Page

    blocks = parse_blocks((Page(number=None, text=OUTCOMES_THEN_PRINCIPLES),))
    listening = next(b for b in blocks if b.text.startswith("- Listening"))
    assert listening.lead.startswith("In working towards these outcomes the following principles")

    kb = corpus_kb(tmp_path, {"wyvern.txt": OUTCOMES_THEN_PRINCIPLES})
    outcomes = kb.ask("What are Wyvern's four outcomes?").text
    assert "Perpetrators stop causing harm" in outcomes
    assert "principles" not in outcomes and "Listening to survivors" not in outcomes
    principles = kb.ask("What principles will Wyvern's partners follow?").text
    assert "Listening to survivors" in principles and "Commissioning services jointly" in principles


def test_a_lead_in_announces_the_list_noun_it_names_after_following_counts_or_ends_with():
    from kb.retrieval.lists import announced_nouns, announces_other_list

    assert announced_nouns("In working to these aims the following principles will be followed:") \
        == {"principl"}
    assert announced_nouns("We will focus our delivery on four outcomes:") == {"outcom"}
    # the list a lead-in counts, though another list noun ends it
    assert announced_nouns("We have agreed four priorities with our partners:") == {"prioriti"}
    assert announced_nouns("Our strategy has 3 aims, agreed with partners:") == {"aim"}
    # an aim that names partners in passing announces no list of partners
    assert announced_nouns("Strategic aims: by working in partnership all agencies will:") == set()
    principles = "In working to these outcomes the following principles will be followed:\n- Listen."
    assert announces_other_list(principles, "", frozenset({"outcom"}))
    assert not announces_other_list(principles, "", frozenset({"principl"}))
    assert not announces_other_list(principles, "", frozenset())
    # a chunk that holds the asked list and then another's lead-in still holds the asked one
    assert not announces_other_list("- Safer homes.\n" + principles, "Our four outcomes:",
                                    frozenset({"outcom"}))


STRANDS_AFTER_TITLE = """WYVERN DOMESTIC ABUSE STRATEGY

2024 - 2027

OUR APPROACH

We will deliver this strategy through three delivery strands.

PREVENT

Stopping abuse before it starts, through schools and campaigns.

PROTECT

Keeping survivors safe through advocates and civil orders.

RECOVER

Helping survivors rebuild their lives with counselling and housing.
"""


def test_a_title_page_is_never_the_list_a_question_asks_for(tmp_path):
    """A question that names the strategy ranks its title page high; the title and period
    are no list, so the list is looked for in the hits after it."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": STRANDS_AFTER_TITLE})
    for question in ("What are the strands of the Wyvern Domestic Abuse Strategy 2024-2027?",
                     "List the strands in the Wyvern domestic abuse strategy"):
        answer = kb.ask(question).text
        assert "2024 - 2027" not in answer.splitlines()[0]
        assert "three delivery strands" in answer and "Keeping survivors safe" in answer


PARTNERS_ANNEX = """Wyvern Domestic Abuse Strategy 2024-2027

What could prevent this?

- Partner agencies do not engage in joint working.
- Health partners and other agencies do not continue to engage with the agenda.
- Partners' agencies lack the capacity to take part.

Annex A - Wyvern Partners

The following partners sit on the Domestic Abuse Board or are represented by another agency

Wyvern Police
Wyvern County Council
Wyvern Women's Aid
National Probation Service
"""


def test_a_list_headed_with_the_area_s_name_is_named_by_it(tmp_path):
    """"Name the agencies that are Wyvern partners": the heading "Annex A - Wyvern Partners"
    names the list by the area's name and the noun, though the area's name is no topic word."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": PARTNERS_ANNEX})
    answer = kb.ask("Name the agencies that are Wyvern partners.").text
    assert answer.startswith("Annex A - Wyvern Partners")
    assert "Wyvern Women's Aid" in answer and "do not engage" not in answer


SUMMARY_PAGE = """Wyvern Domestic Abuse Strategy 2024-2027

Contents

Summary - Outcomes and Measures of Success	3
Safer homes for survivors	5

Summary - Outcomes and Measures of Success

Vision - Everyone in Wyvern lives free from domestic abuse

Children grow up in safe and healthy homes

- Number of children referred to specialist support
- Percentage of schools taking part in Operation Encompass

Survivors are safe and able to rebuild their lives

- Number of survivors housed in refuge accommodation
- Percentage of survivors reporting they feel safer

Perpetrators change their behaviour

- Number of perpetrators completing behaviour change work
- Percentage of perpetrators who do not reoffend

Safer homes for survivors

Wyvern will commission refuge places and a sanctuary scheme for survivors across the county.
""" + "".join(f"""
{topic}

Outcomes for {topic.lower()} will be reviewed each year, and the outcomes reached will be
reported to the board with the outcomes still to reach.
""" for topic in ("Health services", "Schools and colleges", "Housing providers", "Police response",
                  "Courts and justice", "Adult social care", "Children's social care",
                  "Voluntary sector", "Faith groups", "Employers"))


def test_a_summary_heading_that_names_the_list_over_no_item_is_followed_by_the_list(tmp_path):
    """"Which outcomes does Wyvern list?": the summary page's heading names the outcomes over
    its vision line alone, and the outcomes follow as headings of their own, each over its
    measures. The answer is the summary's list, not its heading alone (nor the heading's one
    'title', which names the list, taken for one item's)."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": SUMMARY_PAGE})
    for question in ("Which outcomes does Wyvern list?", "What outcomes does Wyvern list?",
                     "List the outcomes in the Wyvern strategy."):
        answer = kb.ask(question).text
        assert answer.startswith("Summary - Outcomes and Measures of Success")
        for outcome in ("Children grow up in safe and healthy homes",
                        "Survivors are safe and able to rebuild their lives",
                        "Perpetrators change their behaviour"):
            assert outcome in answer, (question, answer)


NUMBERED_PRIORITIES = """Wyvern Domestic Abuse Strategy 2024-2027

1. ABOUT THIS STRATEGY

This strategy sets out what Wyvern's partners will do about domestic abuse.

2. OUR PRIORITIES

PRIORITY ONE: EARLY HELP AND PREVENTION

What we will do
(a) Teach healthy relationships in every primary and secondary school by 2026.
(b) Train GP practices to identify and refer patients experiencing abuse.

How we will know
- More referrals from GPs and pharmacies each year.

PRIORITY TWO: SAFETY AND SUPPORT FOR SURVIVORS

What we will do
(a) Fund 40 units of safe accommodation for survivors and their children.
(b) Keep the IDVA service at no fewer than 18 advisers.

How we will know
- Fewer survivors turned away from refuge for lack of space.

PRIORITY THREE: CHANGING PERPETRATOR BEHAVIOUR

What we will do
(a) Commission a behaviour change programme for perpetrators.

How we will know
- The number of perpetrators completing a behaviour change programme.

3. GOVERNANCE

The Wyvern Domestic Abuse Board oversees this strategy and meets every quarter.
"""


def test_a_list_of_numbered_headings_is_answered_with_the_headings(tmp_path):
    """"What are Wyvern's priorities?": each priority is a numbered heading ("PRIORITY TWO:
    …") over sub-sections of its own; the answer is the priorities, in order, not the items
    of their sub-sections without the headings that say whose they are."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": NUMBERED_PRIORITIES})
    for question in ("What are Wyvern's priorities?", "List the priorities in the Wyvern strategy."):
        assert kb.ask(question).text.splitlines() == [
            "PRIORITY ONE: EARLY HELP AND PREVENTION [1]",
            "PRIORITY TWO: SAFETY AND SUPPORT FOR SURVIVORS [2]",
            "PRIORITY THREE: CHANGING PERPETRATOR BEHAVIOUR [3]"]
    # a question for what one priority holds gets its items
    answer = kb.ask("What will Wyvern do under its safety and support priority?").text
    assert "Fund 40 units" in answer and "PRIORITY ONE" not in answer


PRIORITY_LINES = """Wyvern Domestic Abuse Strategy 2024-2027

Introduction
The Wyvern Partnership is the statutory community safety partnership for the borough.

Our priorities
Priority 1 – Early identification and intervention
Priority 2 – Provision of effective support
Priority 3 – Pursuing perpetrators
Priority 4 – Strong partnership working

Key actions for year one
• Launch a domestic abuse champions network in all GP surgeries
• Commission a children and young people's recovery service

Performance framework
The Wyvern Domestic Abuse Board will monitor a quarterly dashboard of repeat referrals.
"""


def test_a_section_named_for_the_list_that_lists_its_items_is_the_whole_list(tmp_path):
    """"Our priorities" lists "Priority 1 – …" to "Priority 4 – …", each on a line: each is an
    item (a short line before one numbered alike is no name of it), and the list ends with the
    section (the key actions after it are another list)."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": PRIORITY_LINES})
    lines = kb.ask("What are Wyvern's priorities?").text.splitlines()
    assert [line.split(" [")[0] for line in lines[1:]] == [
        "Priority 2 – Provision of effective support", "Priority 3 – Pursuing perpetrators",
        "Priority 4 – Strong partnership working"]
    assert lines[0].split(" [")[0].endswith("Priority 1 – Early identification and intervention")


TWO_COUNCILS = {
    "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
                  "1. Commitment 1: Prevent abuse before it starts\n\nWhat we will do\n\n"
                  "- Use schools to teach healthy relationships in every secondary school.\n"
                  "- Use the helpline to reach rural victims in every district.\n\n"
                  "2. Commitment 2: Support survivors to recover\n\nWhat we will do\n\n"
                  "- Open a survivor hub in the town centre by 2025.\n\n"
                  "3. How we will know we are making a difference\n\n"
                  "Measure\tBaseline (2023)\tTarget (2027)\n"
                  "Repeat referrals to MARAC\t38%\t30%\n"
                  "Survivors who feel safer at exit\t70%\t85%\n\n"
                  "4. Governance\n\nThe Safer Wyvern Board owns the strategy and reviews the "
                  "action plan every quarter.\n",
    "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\n"
                  "1. OUR PRIORITIES\n\nPRIORITY ONE: SAFETY\n\nWhat we will do\n\n"
                  "(a) Use GP surgeries to ask patients about abuse.\n"
                  "(b) Fund a second refuge for families.\n\n"
                  "2. TARGETS\n\nMeasure\tBaseline 2022\tTarget 2025\n"
                  "Referrals from health settings\t9%\t15%\n"
                  "Families turned away from refuge\t41\t10\n",
}


def test_a_list_question_about_several_areas_gives_each_area_s_list(tmp_path):
    """"What indicators do Wyvern and Calder use?": each area's measures under its name, not
    the actions that share the question's words ("Use the helpline…")."""
    from tests.corpus_support import WYVERN_AND_CALDER

    kb = corpus_kb(tmp_path, TWO_COUNCILS, WYVERN_AND_CALDER)
    answer = kb.ask("What indicators do Wyvern and Calder use?").text
    assert "Repeat referrals to MARAC" in answer and "Survivors who feel safer" in answer
    assert "Referrals from health settings" in answer and "Families turned away" in answer
    assert "Use the helpline" not in answer and "Use GP surgeries" not in answer
