"""Expected answer types: refusing on-topic questions whose value the evidence does not give."""

from dataclasses import replace
from functools import partial

import pytest

from kb.answers.answer_type import AnswerType, expected_type, missing_value
from kb.records import ChunkKind, Hit


def hit(text, section="Local picture", similarity=0.3):
    return Hit(chunk_id="c1", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=ChunkKind.CONTEXT,
               start=0, end=len(text), similarity=similarity)

def passage(chunk_id: str, text: str, section: str, start: int,
            kind: ChunkKind = ChunkKind.ACTION) -> Hit:
    """A retrieved passage of one document, at `start` in its text."""
    return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=kind, start=start,
               end=start + len(text))



@pytest.mark.parametrize(("question", "kind"), [
    ("What budget has Wyvern set aside for its IDVA service?", AnswerType.AMOUNT),
    ("How much does the refuge contract cost each year?", AnswerType.AMOUNT),
    ("How many refuge bed spaces are there?", AnswerType.COUNT),
    ("By how much did reported incidents rise?", AnswerType.COUNT),
    ("How long is the waiting list for the perpetrator programme?", AnswerType.COUNT),
    ("What is the average caseload of an outreach worker?", AnswerType.COUNT),
    ("What is the repeat referral rate at MARAC?", AnswerType.SHARE),
    ("What percentage of victims report the abuse to the police?", AnswerType.SHARE),
    ("What % of victims report the abuse to the police?", AnswerType.SHARE),
    ("What share of the costs does Wyvern put down to lost work?", AnswerType.SHARE),
    ("When will the sanctuary scheme review finish?", AnswerType.DATE),
    ("What is the timescale for the new refuge?", AnswerType.DATE),
    ("Who chairs the partnership board?", AnswerType.NAME),
    ("What did the evaluation of the pilot find?", AnswerType.FINDING),
    ("What was the outcome of the Wyvern refuge pilot evaluation?", AnswerType.FINDING),
    ("What statutory duty does Wyvern have to fund refuges?", AnswerType.DUTY),
    ("Is Wyvern legally required to publish a safe accommodation strategy?", AnswerType.DUTY),
    ("What do the statutory services in Wyvern do?", None),
    ("What are the outcomes of the strategy?", None),
    ("What are the strategy's priorities?", None),
    ("How was the county coordinator post paid for?", None),
    ("How is the refuge funded?", None),
    ("How will completion rates be monitored?", None),
    ("What is the refuge contract worth?", AnswerType.AMOUNT),
    ("How much money has Wyvern put into refuges?", AnswerType.AMOUNT),
    ("How much cash goes to the IDVA service?", AnswerType.AMOUNT),
    ("Does Wyvern track how many victims are referred by GPs?", None),
    ("Will the partnership record the number of repeat referrals?", None),
    ("How much emphasis does Wyvern put on stalking?", None),
    ("How much attention do the strategies give to older victims?", None),
    ("How much funding goes to the stalking advocate?", AnswerType.AMOUNT),
    # a theme asks what the strategies say, not for a value; a question without its mark
    # still asks, and so does one after an opening clause
    ("funding and sustainability of services", None),
    ("Costs of the refuge contract", None),
    ("findings of the pilot evaluation", None),
    ("what budget has Wyvern set aside for its IDVA service", AnswerType.AMOUNT),
    ("For the board: what is the budget for refuges", AnswerType.AMOUNT),
    ("Please give the cost of the refuge contract", AnswerType.AMOUNT),
    ("How much has Wyvern budgeted for the perpetrator programme?", AnswerType.AMOUNT),
    ("How much is Wyvern spending on the perpetrator programme?", AnswerType.AMOUNT),
    # a measure is a number: a time, a caseload, a capacity; a time frame is a date
    ("What is the waiting time for the perpetrator programme?", AnswerType.COUNT),
    ("What's the capacity of the new refuge?", AnswerType.COUNT),
    ("What is the time frame for the new refuge?", AnswerType.DATE),
])
def test_expected_type(question, kind):
    assert expected_type(question) is kind


IDVA = hit("The IDVA service supports victims at high risk. Referrals to the IDVA service "
           "rose in 2019 and the service now has four advocates.", section="Advocacy")


def test_a_near_miss_without_the_value_is_refused():
    question = "What budget has Wyvern allocated to its IDVA service?"
    assert missing_value(question, question, [IDVA], {}) is AnswerType.AMOUNT


def test_the_value_beside_the_topic_answers():
    question = "How many advocates does the IDVA service have?"
    assert missing_value(question, question, [IDVA], {}) is None


def test_a_share_is_given_as_one_not_as_a_count():
    figures = hit("In 2023 there were 8,760 reports of domestic abuse to Wyvern police. Based "
                  "on survey data, the real number is nearer 40,000.", section="The local picture")
    question = "What percentage of victims in Wyvern report the abuse to the police?"
    assert missing_value(question, question, [figures], {}) is AnswerType.SHARE
    share = hit("Only 21% of victims report the abuse to the police; 1 in 4 women will "
                "experience domestic abuse.", section="The local picture")
    assert missing_value(question, question, [share], {}) is None


def test_an_action_plan_row_s_reference_is_no_value():
    """"3.1" numbers an action in a plan's table; the row gives no count of anything."""
    row = hit("Ref\tAction\tLead\tTimescale\n3.1\tCommission a community perpetrator programme"
              "\tCommunity Safety\tOctober 2024", section="Action plan > Objective 3")
    question = "How many men will the perpetrator programme take?"
    assert missing_value(question, question, [row], {}) is AnswerType.COUNT
    # a letter and a number ("B3"), or a dotted number before an item's words, is a reference
    lettered = hit("Ref\tAction\tLead\tBy\nB3\tRecruit advisers to cut caseloads\tCommunity "
                   "Safety\tMarch 2025", section="Action plan")
    advisers = "How many advisers will Wyvern recruit?"
    assert missing_value(advisers, advisers, [lettered], {}) is AnswerType.COUNT
    numbered = hit("- 3.1 Introduce programmes for high-harm perpetrators.",
                   section="Priority Three")
    programmes = "How many programmes will Wyvern introduce?"
    assert missing_value(programmes, programmes, [numbered], {}) is AnswerType.COUNT


def test_an_action_s_reference_names_the_row_a_question_asks_about():
    """"Who is responsible for action C1?": the reference is no value, but it says which row
    the question is about, so the row's lead answers it."""
    plan = hit("Ref\tAction\tLead\tTimescale\nB2\tMake the refuge fully accessible\tHousing"
               "\tDecember 2026\nC1\tOpen a specialist domestic abuse court\tHM Courts and "
               "Tribunals Service\t2026", section="Action plan")
    idf = {"c1": 5.0, "respons": 2.0, "action": 2.0, "refug": 3.0, "court": 3.0}
    question = "Who is responsible for action C1?"
    assert missing_value(question, question, [plan], idf) is None


def test_a_row_takes_its_date_from_a_header_that_names_the_years():
    """A plan on a page: "Twelve new units of safe accommodation" sits in the "Year 2 (2025/26)"
    column, so the plan dates it; the header's years are no amount."""
    plan = hit("Objective\tYear 1 (2024/25)\tYear 2 (2025/26)\n"
               "SO2\tSingle point of contact for all referrals\tTwelve new units of safe accommodation",
               section="Plan on a page")
    assert missing_value("When will new safe accommodation open?", "new safe accommodation open",
                         [plan], {}) is None
    assert missing_value("How much will the single point of contact cost?",
                         "single point of contact", [plan], {}) is AnswerType.AMOUNT
    # one dated column dates its own cells (a target), not when the rest happens
    measures = hit("Measure\tBaseline\tTarget by 2030\n"
                   "Survivors supported by the one-stop shop\t0\t1,200 a year",
                   section="Key measures")
    assert missing_value("When will the one-stop shop open?", "one-stop shop open", [measures],
                         {}) is AnswerType.DATE


def test_naming_the_source_does_not_add_to_the_topic():
    helpline = hit("There were 493 referrals via the Wyvern helpline in the first 3 months of 2019.")
    question = "How many referrals came through the helpline, according to the plan?"
    assert missing_value(question, question, [helpline], {}) is None


def test_the_words_naming_the_source_document_are_not_its_topic():
    from kb.retrieval.documents import source_terms

    beds = replace(hit("The refuge has 24 bed spaces for women and their children."),
                   title="Wyvern Domestic Abuse and Sexual Violence Strategy")
    question = ("How many bed spaces does the refuge have, according to the Domestic Abuse and "
                "Sexual Violence Strategy?")
    source = source_terms(question)
    assert source == {"domest", "abus", "sexual", "violenc", "strategi"}
    assert missing_value(question, question, [beds], {}) is AnswerType.COUNT  # diluted topic
    assert missing_value(question, question, [beds], {}, source_terms=source) is None


def test_a_passage_that_spells_out_the_acronym_gives_its_date():
    marac = hit("- 2007 Multi Agency Risk Assessment Conference process for coordinated "
                "management of high risk cases", section="What has been achieved?")
    glossary = {"MARAC": {"Multi-Agency Risk Assessment Conference"}}
    question = "When did the MARAC start in Wyvern?"
    assert missing_value(question, "When did the MARAC start?", [marac], {}) is AnswerType.DATE
    assert missing_value(question, "When did the MARAC start?", [marac], {},
                         glossary=glossary) is None
    # "start" says which date is asked for, not what about: a rarer word than the topic's
    rare_start = {"marac": 1.0, "start": 3.0}
    assert missing_value(question, "When did the MARAC start?", [marac], rare_start,
                         glossary=glossary) is None
    # the long form is no licence for another value: a budget still needs an amount
    budget = "What budget does the MARAC have?"
    assert missing_value(budget, budget, [marac], {}, glossary=glossary) is AnswerType.AMOUNT


def test_a_kind_of_document_names_the_source_and_an_event_a_strategy_reports_does_not():
    from kb.retrieval.documents import source_terms

    assert source_terms("When did the MARAC start, according to the 2008 slides?") == {
        "2008", "slide"}
    assert source_terms("What did the April 2019 consultation events say about prevention?"
                        ) == set()


def test_a_value_about_something_else_does_not_count():
    other = hit("The refuge contract is worth £1.2 million over three years.", section="Housing")
    question = "What budget has Wyvern allocated to its IDVA service?"
    assert missing_value(question, question, [IDVA, other], {}) is AnswerType.AMOUNT


def test_a_value_made_of_the_question_s_own_words_is_none():
    """The board's own name is no name of its chair; a name beside it is."""
    board = hit("The Strategic Board for Domestic Abuse meets quarterly.", section="Governance")
    question = "Who chairs the Strategic Board for Domestic Abuse?"
    assert missing_value(question, question, [board], {}) is AnswerType.NAME
    chaired = hit("The Strategic Board for Domestic Abuse is chaired by Anna Clarke.",
                  section="Governance")
    assert missing_value(question, question, [chaired], {}) is None


def test_a_paraphrase_counts_when_the_value_sentence_is_similar():
    figures = hit("Police recorded 9,000 incidents in 2019. That is one report every hour.",
                  similarity=0.6)
    question = "How often does someone phone the police about abuse at home?"
    assert missing_value(question, question, [figures], {},
                         lambda sentences: [0.6] * len(sentences)) is None
    assert missing_value(question, question, [figures], {},
                         lambda sentences: [0.3] * len(sentences)) is AnswerType.COUNT


def test_a_number_beside_a_common_topic_word_is_not_the_count_asked_for():
    advisers = hit("We part-fund 87 advisers who support victims of sexual violence. Refuge "
                   "providers report rising demand.", similarity=0.5)
    beds = hit("Wyvern commissions 24 refuge bed spaces for victims and their children.")
    question = "How many refuge bed spaces does Wyvern commission for victims?"
    idf = {"refug": 3.0, "bed": 4.0, "space": 3.0, "commiss": 2.0, "victim": 0.5}
    assert missing_value(question, question, [advisers], idf) is AnswerType.COUNT
    assert missing_value(question, question, [advisers, beds], idf) is None


def test_people_are_counted_by_any_word_for_persons():
    """"How many people did Wyvern consult?" is answered by "240 residents", not by the number
    of organisations alone; "How many young people…" still needs young people counted."""
    idf = {"consult": 4.0, "organis": 2.0, "resid": 3.0, "young": 2.0, "peopl": 1.0}
    bodies = hit("We consulted 19 organisations between September and November.")
    question = "How many people did Wyvern consult?"
    assert missing_value(question, question, [bodies], idf) is AnswerType.COUNT
    residents = hit("We consulted 240 residents and 19 organisations between September and "
                    "November.")
    assert missing_value(question, question, [residents], idf) is None
    question = "How many young people did Wyvern consult?"
    assert missing_value(question, question, [residents], idf) is AnswerType.COUNT


def test_a_length_of_time_beside_the_counted_noun_is_no_count_of_it():
    """"waiting times for an ISVA fall below four weeks" counts weeks, not ISVAs: "How many
    ISVAs does Wyvern employ?" is not answered by it; "three ISVAs" would be."""
    idf = {"isva": 4.0, "employ": 2.0, "wait": 2.0, "time": 1.0}
    waits = hit("Waiting times for an ISVA fall below four weeks.", similarity=0.3)
    question = "How many ISVAs does Wyvern employ?"
    assert missing_value(question, question, [waits], idf) is AnswerType.COUNT
    staff = hit("Wyvern employs three ISVAs and a children's worker.")
    assert missing_value(question, question, [waits, staff], idf) is None


def test_a_measure_is_given_beside_its_noun_and_a_waiting_time_in_units_of_time():
    """"What is the caseload…?" is not answered by any number about advocates; "What is the
    waiting time…?" by a number of weeks, not a number of referrals."""
    idf = {"idva": 3.0, "caseload": 5.0, "wait": 4.0, "time": 1.0, "programm": 2.0,
           "perpetr": 2.0, "capac": 4.0, "refug": 3.0}
    cases = hit("57% of 996 cases saw the abuse stop after IDVA involvement.", similarity=0.5)
    question = "What is the caseload of each IDVA in Wyvern?"
    assert missing_value(question, question, [cases], idf) is AnswerType.COUNT
    caseload = hit("Each IDVA holds a caseload of 80 to 100 victims a year.")
    assert missing_value(question, question, [cases, caseload], idf) is None
    referrals = hit("The perpetrator programme took 120 referrals, and waiting times rose.",
                    similarity=0.5)
    question = "What is the waiting time for the perpetrator programme?"
    assert missing_value(question, question, [referrals], idf) is AnswerType.COUNT
    weeks = hit("Men wait 12 weeks on average to start the perpetrator programme.")
    assert missing_value(question, question, [referrals, weeks], idf) is None
    capacity = hit("Capacity anticipated 40 clients per annum for the new refuge.")
    question = "What is the capacity of the new refuge?"
    assert missing_value(question, question, [capacity], idf) is None


def test_a_name_is_given_for_the_question_s_most_specific_word():
    """"Which charity runs Wyvern's IDVA service?": a name in a sentence on services that
    does not hold "IDVA" ("specialist DA services") runs no IDVA service."""
    idf = {"run": 2.0, "idva": 2.5, "servic": 1.0, "specialist": 1.5}
    question = "Which charity runs Wyvern's IDVA service?"
    services = hit("Specialist DA services are run across the county.", similarity=0.3)
    runs = hit("Wyvern's services are run by charities.\nThe Wyvern Women's Aid runs the IDVA "
               "service.")
    assert missing_value(question, question, [services], idf) is AnswerType.NAME
    assert missing_value(question, question, [services, runs], idf) is None


def test_the_headings_over_a_sentence_are_its_context():
    foreword = hit("Jane Smith, Chair of the Wyvern Partnership Board.", section="Foreword",
                   similarity=0.5)
    question = "Who wrote the foreword to the strategy?"
    idf = {"foreword": 3.0, "wrote": 1.0, "strategi": 0.2}
    assert missing_value(question, question, [foreword], idf) is None
    elsewhere = hit("Jane Smith, Chair of the Wyvern Partnership Board.", section="Governance",
                    similarity=0.5)
    assert missing_value(question, question, [elsewhere], idf) is AnswerType.NAME


def test_the_verb_that_asks_who_wrote_is_no_topic_word():
    """"Who wrote / signed the foreword?" asks for the name that signs it: 'wrote', a word
    no strategy uses, is not a topic the signature must hold."""
    from kb.text import IdfTable

    signed = hit("Cllr Anne Hartley, Executive Member for Housing",
                 section="Foreword by Councillor Anne Hartley", similarity=0.2)
    idf = IdfTable({"foreword": 3.0, "strategi": 0.2}, chunks=300)
    for question in ("Who wrote the foreword to the strategy?",
                     "Who signed the foreword to the strategy?"):
        assert missing_value(question, question, [signed], idf) is None


def test_list_questions_are_recognised():
    from kb.retrieval.lists import wants_list

    assert wants_list("What are Wyvern's five priorities?")
    assert wants_list("List the delivery strands")
    assert wants_list("Which are the key performance indicators?")
    assert not wants_list("How many refuges are there?")
    assert not wants_list("What is the vision?")


def test_a_list_answer_gives_every_item_in_document_order():
    from kb.answers.extractive import AnswerShape, compose

    lead = Hit(chunk_id="c1", text="Our priorities are:\n- Safer homes for families\n- Support "
               "for every survivor", score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section="Priorities", kind=ChunkKind.AIM,
               start=0, end=60)
    rest = Hit(chunk_id="c2", text="- Perpetrators held to account for abuse\n- Children heard "
               "and kept safe", score=0.5, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section="Priorities", kind=ChunkKind.AIM,
               start=80, end=150)
    other = Hit(chunk_id="c3", text="Refuge places were full in 2020 and women were turned away.",
                score=0.7, doc_id="e", area="wyvern", title="u", period="2021-2024", page=None,
                section="Local picture", kind=ChunkKind.CONTEXT, start=0, end=59)
    answer = compose("What are the priorities?", [lead, other, rest], {}, AnswerShape(listing=True))
    lines = answer.text.split("\n")
    assert len(lines) == 3  # the lead-in keeps its items; the list goes on in the next chunk
    assert "Safer homes" in lines[0] and "Support for every survivor" in lines[0]
    assert lines[1].startswith("- Perpetrators held") and lines[2].startswith("- Children heard")
    assert {c.doc_id for c in answer.citations} == {"d"}


def test_numbered_sections_with_a_gap_are_not_the_whole_list():
    """"What are the priorities?" when the hits hold the sections of Priorities A and C but
    not B's: the list is the one the section's lead-in gives, with B, not the two headings."""
    from kb.answers.extractive import AnswerShape, compose

    lead_text = "# Our priorities\n\nWe have agreed three priorities:"
    items = ("- Priority A: Early identification\n- Priority B: Safe support for all\n"
             "- Priority C: Justice and accountability")
    first = "## Priority A: Early identification\n\nWe will train every GP practice."
    third = "## Priority C: Justice and accountability\n\nWe will open a specialist court."
    hits = [passage("c1", lead_text, "Our priorities", 0, ChunkKind.AIM),
            passage("c2", items, "Our priorities", len(lead_text) + 2, ChunkKind.AIM),
            passage("c3", first, "Our priorities > Priority A: Early identification", 300,
                    ChunkKind.AIM),
            passage("c5", third, "Our priorities > Priority C: Justice and accountability", 500,
                    ChunkKind.AIM)]
    answer = compose("What are the priorities?", hits, {}, AnswerShape(listing=True))
    assert "Priority B: Safe support for all" in answer.text


def test_a_list_of_priorities_runs_back_over_each_priority_s_sub_sections():
    """Priorities that each repeat "What we will do" and "What success looks like": the best
    hit (the third priority's actions) is not where the list starts; the second priority's
    sub-section just before it is part of the same list."""
    from kb.answers.extractive import AnswerShape, compose

    part = partial(passage, kind=ChunkKind.ACTION)

    second = part("c2", "What success looks like\n\n- Fewer survivors wait more than six weeks",
                  "Why this matters > Priority Two: Support > What success looks like", 0)
    third = part("c3", "Priority Three: Perpetrators\n\nWhat we will do\n\n- Commission a "
                 "perpetrator programme for men and women",
                 "Why this matters > Priority Three: Perpetrators > What we will do", second.end + 2)
    answer = compose("What are the priorities?", [third, second], {}, AnswerShape(listing=True))
    assert [c.chunk_id for c in answer.citations] == ["c2", "c3"]


def test_a_list_under_the_section_a_question_names_keeps_to_that_section():
    """"What measures … for perpetrators?": the measures under "Theme 3: Holding perpetrators
    to account" are the list, not Theme 2's measures just before it (whose headings do not
    name perpetrators); without that word the list runs back over both."""
    from kb.answers.extractive import AnswerShape, compose

    part = partial(passage, kind=ChunkKind.INDICATOR)

    second = part("c2", "Key measures\n\nMeasure\tBaseline\tTarget\nSurvivors supported\t0\t1,200",
                  "Our themes > Theme 2: Supporting survivors > Key measures", 0)
    third = part("c3", "Theme 3: Holding perpetrators to account\n\nKey measures\n\n"
                 "Measure\tBaseline\tTarget\nStalking charge rate\t9%\t20%",
                 "Our themes > Theme 3: Holding perpetrators to account > Key measures",
                 second.end + 2)
    named = compose("What measures will Wyvern use for perpetrators?", [third, second], {},
                    AnswerShape(listing=True))
    assert {c.chunk_id for c in named.citations} == {"c3"}
    every = compose("What are the key measures?", [third, second], {}, AnswerShape(listing=True))
    assert [c.chunk_id for c in every.citations][:1] == ["c2"]


def test_a_list_of_sections_that_only_head_sub_sections_is_their_titles():
    """"What are the themes?": each theme heads its own "Our commitments" and "Key measures"
    and holds no text itself, so the list is the themes' titles, quoted from their heading
    lines, after the best hit's own sentence; not every commitment and measure under them."""
    from kb.answers.extractive import AnswerShape, compose

    part = partial(passage, kind=ChunkKind.AIM)

    themes = part("c1", "# Our themes\n\nThe strategy is built around two themes.", "Our themes", 0)
    first = part("c2", "## Theme 1: Prevention\n\n### Our commitments\n\n- run a schools campaign",
                 "Our themes > Theme 1: Prevention > Our commitments", themes.end + 2)
    second = part("c3", "## Theme 2: Supporting survivors\n\n### Our commitments\n\n- open a hub",
                  "Our themes > Theme 2: Supporting survivors > Our commitments", first.end + 2)
    answer = compose("What are the themes?", [themes, first, second], {}, AnswerShape(listing=True))
    assert [c.quote for c in answer.citations] == [
        "The strategy is built around two themes.", "Theme 1: Prevention", "Theme 2: Supporting survivors"]


def test_a_list_does_not_run_on_into_the_next_numbered_chapter():
    """The objectives listed in "3.0 Strategic objectives" end where "4.0 Plan on a page"
    starts, however close the next chunk."""
    from kb.answers.extractive import AnswerShape, compose

    part = partial(passage, kind=ChunkKind.AIM)

    objectives = part("c1", "3.0 Strategic objectives\n\nSO1 – Fewer people experience abuse.\n"
                      "SO2 – Victims are safe.", "3.0 Strategic objectives", 0)
    plan = part("c2", "4.0 Plan on a page\n\nSO1\tSchools programme\tBystander training",
                "4.0 Plan on a page", objectives.end + 2)
    answer = compose("What are the strategic objectives?", [objectives, plan], {},
                     AnswerShape(listing=True))
    assert {c.chunk_id for c in answer.citations} == {"c1"}


def test_a_list_under_titles_gives_the_items_under_the_title_the_question_names():
    """Two short objectives merged into one passage, each title over its actions: asked what
    will be done to improve victims' safety, the second objective's actions; asked for the
    actions, both."""
    from kb.answers.extractive import AnswerShape, compose

    text = ("Objective 1: Prevent abuse from happening\n\n1.1\tDeliver healthy relationships "
            "lessons\tPublic Health\n\nObjective 2: Improve the safety of victims and their "
            "children\n\n2.1\tRecommission the IDVA service\tAdult Services\n"
            "2.2\tExtend the sanctuary scheme\tHousing")
    plan = Hit(chunk_id="c1", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2023-2026", page=None, section="Action plan > Objective 1: Prevent abuse "
               "from happening", kind=ChunkKind.ACTION, start=0, end=len(text))
    idf = {t: 2.0 for t in ("improv", "safeti", "victim", "children", "action", "prevent", "abus")}
    named = compose("What actions will Wyvern take to improve the safety of victims and their "
                    "children?", [plan], idf, AnswerShape(listing=True))
    assert [c.quote.split("\t")[0] for c in named.citations] == [
        "Objective 2: Improve the safety of victims and their children", "2.1", "2.2"]
    every = compose("What are the actions?", [plan], idf, AnswerShape(listing=True))
    quotes = " ".join(c.quote for c in every.citations)
    assert "Deliver healthy relationships" in quotes and "Extend the sanctuary" in quotes


def test_the_title_a_question_names_inside_a_passage_heads_the_sentences_under_it():
    """A passage that merged "Objective 3" (its heading) with "Objective 4: Build a skilled and
    confident workforce": asked what will be done to build the workforce, the actions under
    that title are quoted with it, though they share none of the question's words."""
    from kb.answers.extractive import compose

    text = ("Objective 3: Hold perpetrators to account\n\n3.1\tCommission a perpetrator "
            "programme\tCommunity Safety\n\nObjective 4: Build a skilled and confident workforce"
            "\n\n4.1\tAppoint a domestic abuse champion in every team\tHuman Resources\n"
            "4.2\tMake training mandatory for frontline staff\tHuman Resources")
    merged = passage("c1", text, "Action plan > Objective 3: Hold perpetrators to account", 0)
    idf = {t: 2.0 for t in ("build", "skill", "confid", "workforc", "perpetr", "account")}
    answer = compose("What will Wyvern do to build a skilled and confident workforce?", [merged], idf)
    assert [c.quote.split("\t")[0] for c in answer.citations] == [
        "Objective 4: Build a skilled and confident workforce", "4.1", "4.2"]


def test_a_list_does_not_run_on_into_the_next_lettered_division():
    from kb.answers.extractive import AnswerShape, compose

    part = partial(passage, kind=ChunkKind.AIM)

    objectives = part("c1", "Section B: Our objectives\n\nObjective 1: Prevent abuse\n\n"
                      "Objective 2: Keep victims safe", "Section B: Our objectives", 0)
    plan = part("c2", "Section C: Action plan\n\n1.1\tDeliver lessons\tPublic Health",
                "Section C: Action plan", objectives.end + 2)
    answer = compose("What are the objectives?", [objectives, plan], {}, AnswerShape(listing=True))
    assert {c.chunk_id for c in answer.citations} == {"c1"}


def test_a_list_of_outcomes_does_not_run_back_into_the_introduction():
    from kb.answers.extractive import AnswerShape, compose

    intro = Hit(chunk_id="c1", text="Introduction\n\nThe partnership agreed this strategy in 2024.",
                score=0.5, doc_id="d", area="wyvern", title="t", period="2024-2027", page=None,
                section="Wyvern Partnership > Introduction", kind=ChunkKind.CONTEXT, start=0,
                end=60)
    outcomes = Hit(chunk_id="c2", text="Our outcomes\nOutcome 1: Fewer people experience abuse\n"
                   "Outcome 2: Survivors get support", score=1.0, doc_id="d", area="wyvern",
                   title="t", period="2024-2027", page=None,
                   section="Wyvern Partnership > Our outcomes", kind=ChunkKind.OUTCOME,
                   start=62, end=150)
    answer = compose("What are the outcomes?", [outcomes, intro], {}, AnswerShape(listing=True))
    assert [c.chunk_id for c in answer.citations] == ["c2"] * len(answer.citations)
    assert "Outcome 1" in answer.text


def test_an_answer_leaves_out_sentences_far_less_relevant_than_its_best():
    """A sentence that shares only a common word with the question ("places") is filler
    beside one that holds its rare words too; a comparison keeps each area's best."""
    from kb.answers.extractive import AnswerShape, compose

    idf = {"refug": 3.0, "place": 0.5, "bed": 2.0}
    text = "Refuge places rose to 30 in 2023. Places of worship were consulted on the plan."
    answer = compose("How many refuge places are there?", [hit(text)], idf)
    assert [c.quote for c in answer.citations] == ["Refuge places rose to 30 in 2023."]
    other = replace(hit("Places of worship were consulted on the plan."), chunk_id="c2",
                    area="testshire")
    both = compose("How many refuge places are there?", [hit(text), other], idf,
                   AnswerShape(multi_area=True))
    assert {c.area for c in both.citations} == {"wyvern", "testshire"}


def test_a_list_answer_never_starts_from_a_contents_page():
    from kb.answers.extractive import AnswerShape, compose

    contents = hit("1. Introduction\n2. Our ambitions\n3. What we will do", section="Contents")
    ambitions = replace(hit("Our ambitions\n- Everyone understands healthy relationships\n- "
                            "Survivors get help early", section="Our ambitions"), chunk_id="c2",
                        start=500, end=580)
    answer = compose("What are the ambitions?", [contents, ambitions], {},
                     AnswerShape(listing=True))
    assert {c.chunk_id for c in answer.citations} == {"c2"}


def test_a_name_around_an_area_name_is_two_names():
    from kb.answers.refusal import specific_terms
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"bucks": Area("bucks", "Buckinghamshire", ("Bucks",))}, [])
    terms = specific_terms("Who chairs the Safer & Stronger Bucks Partnership Board?", resolver, ())
    assert terms == ["Partnership Board", "Safer", "Stronger"]


def test_a_numbered_part_is_no_name():
    """"Year 1", "Priority Two", "Phase II" name parts of a plan: the answer need not write
    "Year" (the delivery plan is headed "Year 1 (2019-20)", outside the top passages); a name
    beside a lower-case word stays one ("Clare's Law a priority")."""
    from kb.answers.refusal import specific_terms
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    assert specific_terms("What are Wyvern's Year 1 delivery plan activities for Provision?",
                          resolver, ()) == ["Provision"]
    assert specific_terms("What does Priority Two of the Thames Valley plan say?", resolver,
                          ()) == ["Thames Valley"]
    assert specific_terms("What will Wyvern do in Phase II?", resolver, ()) == []
    assert specific_terms("Is Clare's Law a priority for Wyvern?", resolver, ()) == ["Clare's Law"]


def test_contents_lines_are_never_quotable_units():
    from kb.answers.sentences import units

    text = ("Definition of Domestic Abuse Some Impacts of Domestic Abuse\t6 6 7\n"
            "Foreword ........ 3\n"
            "We will fund 24 refuge bed spaces by 2021.")
    assert [quote for _, _, quote in units(text)] == ["We will fund 24 refuge bed spaces by 2021."]
    # a heading that ends a sentence ("?") splits its contents line, and the page number then
    # starts the next line's unit; a lead-in among the lines takes none of them as its items
    contents = ("CONTENTS\nForeword\t3\nWhat is Domestic Abuse?\t8\nWhat is Known to Work?\t8\n"
                "Key Actions to Deliver Strategy:\t\nPrevent Delivery Plan\t15\n\nFOREWORD\n\n"
                "Jane Smith, Chair of the Wyvern Partnership Board.\n"
                "Domestic abuse can happen to anyone.")
    assert [quote for _, _, quote in units(contents, headings=["FOREWORD"])] == [
        "Jane Smith, Chair of the Wyvern Partnership Board.",
        "Domestic abuse can happen to anyone."]


def test_each_lettered_or_roman_numbered_item_is_a_unit_of_its_own():
    """"ii." and "b)" start items, not the words that carry on the line before."""
    from kb.answers.sentences import units

    text = ("i. Repeat incidents fall below 28% by 2026.\nii. Referrals from health services "
            "rise to 15%\niii. Nine out of ten survivors feel safer")
    assert [quote.split(". ", 1)[-1] for _, _, quote in units(text)] == [
        "Repeat incidents fall below 28% by 2026.", "Referrals from health services rise to 15%",
        "Nine out of ten survivors feel safer"]


def test_a_lead_in_s_list_ends_where_a_heading_or_another_lead_in_starts():
    """"We have three priorities:" keeps its three items, not the heading after them nor the
    next list's "We will:"; two definitions set one after the other are two units."""
    from kb.answers.sentences import units

    text = ("We have three priorities:\n- Prevention\n- Safety and support\n- Changing behaviour\n\n"
            "## Priority 1: Prevention\n\nWe will:\n- deliver healthy relationships lessons\n"
            "- train frontline staff\n\nControlling behaviour is:\n\na range of acts designed to "
            "isolate a person.\n\nCoercive behaviour is:\n\nan act or pattern of acts of assault.")
    assert [quote.split("\n")[0] for _, _, quote in units(text)] == [
        "We have three priorities:", "## Priority 1: Prevention", "We will:",
        "Controlling behaviour is:", "Coercive behaviour is:"]


def test_a_title_page_line_repeating_the_document_s_title_is_no_unit():
    from kb.answers.sentences import units

    text = "Stockton Domestic Abuse Strategy 2024-2027\n\nWe use the definition in the Act."
    assert [quote for _, _, quote in units(text, title="Stockton Domestic Abuse Strategy 2024-2027")] == [
        "We use the definition in the Act."]


def test_a_header_of_year_columns_is_a_header_row():
    from kb.answers.sentences import table_header

    text = "Objective\tYear 1 (2024/25)\tYear 2 (2025/26)\nSO1\tSchools programme\tBystander training"
    assert table_header(text) == "Objective\tYear 1 (2024/25)\tYear 2 (2025/26)"
    # an ambition's horizons head columns too, and give no count ("How many MARACs…?")
    horizons = "Current/baseline\t1 year\t3 years\t5 years\nRepeat victims\t34%\t30%\t25%"
    assert table_header(horizons) == "Current/baseline\t1 year\t3 years\t5 years"
    marac = hit(f"Ambition for MARAC\n{horizons}", section="MARAC")
    question = "How many MARACs does Wyvern run?"
    assert missing_value(question, question, [marac], {}) is AnswerType.COUNT


def test_a_table_row_names_no_item_after_it():
    """A short row ("Repeat referrals to MARAC<TAB>34%<TAB>28%") is an item of its own, not the
    label of the row under it."""
    from kb.answers.sentences import units

    text = ("Measure\tBaseline\tTarget\nRepeat referrals to MARAC\t34%\t28%\n"
            "Victims who feel safer\t78%\t90%\n")
    assert [quote for _, _, quote in units(text, labels=True)] == [
        "Repeat referrals to MARAC\t34%\t28%", "Victims who feel safer\t78%\t90%"]


def test_plural_acronyms_and_possessives_are_not_missing_names():
    from kb.answers.refusal import specific_terms, uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    assert specific_terms("What does Wyvern say about IDVAs?", resolver, {"IDVA"}) == []
    law = hit("Partners will promote Clare’s Law so that victims know a partner's history.",
              similarity=0.6)
    assert uncovered_reason("What does Wyvern say about Clare's Law?", [law], 0.3, resolver,
                            (), {}) == ""
    # a plural named as the text's possessive ("Champion's Network")
    network = hit("Continue to expand the domestic abuse champion's network.", similarity=0.6)
    assert uncovered_reason("What is the Wyvern 'Champions Network'?", [network], 0.3, resolver,
                            (), {}) == ""
    # "&" or "and" between a name's words is no part of it
    board = hit("The partnership is led by Jo Smith, Chair of the Safer & Stronger Wyvern "
                "Partnership Board.", similarity=0.6)
    assert uncovered_reason("Who chairs the Safer Stronger Wyvern Partnership Board?", [board],
                            0.3, resolver, (), {}) == ""
    # a name the evidence lacks is quoted as the question writes it
    other = hit("Partners will promote the disclosure scheme.", similarity=0.6)
    assert uncovered_reason("What does Wyvern say about Sarah’s Law?", [other], 0.3, resolver,
                            (), {}) == "the strategies do not mention 'Sarah’s Law'"
    # … and where every word of it is in the indexed texts, the passages found are all that lack
    # it: the strategies may write it elsewhere ("the Domestic Abuse Strategic Board")
    written = {"sarah": 1.0, "law": 1.0}
    assert uncovered_reason("What does Wyvern say about Sarah’s Law?", [other], 0.3, resolver,
                            (), written) == "no passage found names 'Sarah’s Law'"
    # slides write a name by its initials
    slide = hit("The TV wide force position is currently shown at 23%.", similarity=0.6)
    assert uncovered_reason("How did Thames Valley's rise compare with Wyvern's?", [slide], 0.3,
                            resolver, (), {}) == ""
    assert uncovered_reason("How did Thames Water's rise compare with Wyvern's?", [slide], 0.3,
                            resolver, (), {}) == "the strategies do not mention 'Thames Water's'"


def test_a_section_named_by_its_heading_is_covered_however_dissimilar_its_passages():
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    plans = hit("We will give residents accessible information on the help available.",
                section="PREVENT", similarity=0.12)
    # the heading holds the section's name; "strand" only calls it a section
    assert uncovered_reason("What is Wyvern doing under its Prevent strand?", [plans], 0.15,
                            resolver, (), {}) == ""
    assert uncovered_reason("What is Wyvern doing under its Recovery strand?", [plans], 0.15,
                            resolver, (), {}).startswith("no passage is similar enough")


def test_a_source_document_that_is_not_indexed_is_refused():
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.records import DocumentInfo
    from kb.retrieval.areas import AreaResolver
    from kb.retrieval.documents import DocumentResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    documents = DocumentResolver(
        [DocumentInfo("w", "wyvern", "Wyvern Domestic Abuse Strategy", "2021-2024", "strategy",
                      "adopted")], ["Our priorities > Year 1 Delivery Plan"])
    stalking = replace(hit("Stalking is a pattern of repeated and persistent unwanted behaviour.",
                           section="Year 1 Delivery Plan", similarity=0.6),
                       title="Wyvern Domestic Abuse Strategy")

    def reason(question):
        return uncovered_reason(question, [stalking], 0.3, resolver,
                                {"VAWG": ["Violence Against Women and Girls"]}, {},
                                documents=documents)

    assert reason("What does the Thames Valley Police and Crime Plan say about stalking?") == (
        "no indexed document is the 'Thames Valley Police and Crime Plan'")
    assert reason("What does the Wyvern Domestic Abuse Strategy say about stalking?") == ""
    assert reason("What does the Year 1 Delivery Plan say about stalking?") == ""  # a heading
    assert reason("What does Wyvern say about the Protection from Harassment Act?") != (
        "no indexed document is the 'Protection from Harassment Act'")  # the topic, not a source
    assert reason("What does the national VAWG strategy say about stalking?") == (
        "no indexed document is the 'national VAWG strategy'")
    assert reason("According to the government's strategy, what is stalking?") == (
        "no indexed document is the 'government's strategy'")
    assert reason("What does the strategy say about national guidance on stalking?") == ""
    # a period that no indexed document of the area runs over: the plan it replaced
    assert reason("What did the Wyvern Domestic Abuse Strategy 2017-2020 say about stalking?") == (
        "no indexed document is the 'Domestic Abuse Strategy 2017-2020'")
    assert reason("What does the Wyvern Domestic Abuse Strategy 2021-2024 say about stalking?") == ""
    assert reason("What does the 2022 Wyvern strategy say about stalking?") == ""  # runs over it
    national = DocumentResolver([DocumentInfo("n", "england", "National Statement of Expectations",
                                              "2022", "strategy", "adopted")])
    assert national.unknown("What does the national statement of expectations say?", ()) == ""


def test_an_answer_quotes_a_sentence_once_whatever_its_bullet():
    from kb.answers.extractive import compose

    def chunk(chunk_id, text, start):
        return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern", title="t",
                   period="2021-2024", page=None, section="Indicators", kind=ChunkKind.INDICATOR,
                   start=start, end=start + len(text))

    summary = chunk("c1", "- Proportion of victims identified in health settings", 0)
    table = chunk("c2", "Proportion of victims identified in health settings", 400)
    answer = compose("Are victims identified in health settings?", [summary, table], {})
    assert len(answer.citations) == 1


def test_a_year_needs_the_text_unless_a_plan_runs_over_it():
    from kb.answers.refusal import specific_terms, uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    assert specific_terms("How many referrals were there in 2022-23?", resolver, ()) == ["2022"]
    refuges = hit("We will commission refuge places and 174 referrals were made in 2018-19.",
                  section="Refuges", similarity=0.6)  # period 2021-2024

    def reason(question):
        return uncovered_reason(question, [refuges], 0.3, resolver, (), {})

    assert reason("What will Wyvern do about refuge places in 2022?") == ""  # the plan's years
    assert "2019" in reason("What will Wyvern do about refuge places in 2019?")  # before them
    assert "2022" in reason("How many refuge referrals were made in 2022/23?")  # a value
    assert reason("How many refuge referrals were made in 2018-19?") == ""


def test_an_item_keeps_the_indented_details_under_it():
    from kb.answers.sentences import units

    text = ("5. Membership of the champions network is increased.\n"
            " - Increase on 280 members at close of 2017.\n"
            "6. Learning from reviews is shared with all partners.\n")
    quotes = [quote for _, _, quote in units(text)]
    assert quotes == ["5. Membership of the champions network is increased.\n"
                      " - Increase on 280 members at close of 2017.",
                      "6. Learning from reviews is shared with all partners."]  # item numbers stay
    assert len(list(units(text, details=False))) == 3
    assert len(list(units(text, whole_lists=False))) == 3


def test_a_council_typed_in_lower_case_is_a_name_the_evidence_must_hold():
    from kb.answers.refusal import specific_terms
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"bucks": Area("bucks", "Buckinghamshire", ("Bucks",))}, [])
    assert specific_terms("how many idvas does surrey have", resolver, ()) == ["surrey"]
    assert specific_terms("what does milton keynes do about stalking", resolver, ()) == [
        "milton keynes"]
    assert specific_terms("what does bucks do about stalking", resolver, ()) == []  # indexed
    # one that capitalises its names writes "reading" as a word, and so does one whose
    # documents use the word
    assert specific_terms("How do Bucks schools support reading?", resolver, ()) == []
    assert specific_terms("how do schools support reading", resolver, (), {"read"}) == []


def test_a_place_named_only_in_passing_does_not_answer_for_it():
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    idf = {"perpetr": 3.0, "programm": 2.0, "cost": 2.5, "domest": 0.1, "abus": 0.1}
    passing = hit("Wyvern will develop perpetrator programmes. The cost of domestic abuse in "
                  "England and Wales is £66 billion (Home Office).", similarity=0.6)

    def reason(question):
        return uncovered_reason(question, [passing], 0.3, resolver, (), idf)

    assert reason("What is Wales doing about perpetrator programmes?") == (
        "the strategies name 'Wales' only in passing")
    assert reason("What is the cost of domestic abuse in England and Wales?") == ""
    assert reason("What is Wyvern doing about perpetrator programmes?") == ""  # an indexed area


def test_a_word_asking_for_a_kind_of_passage_is_no_unseen_topic_word():
    """"What indicators does Wyvern use?" over strategies that call theirs "measures": the
    question asks for indicator passages, not for the word."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    table = hit("Measure\tBaseline\tTarget\nRepeat referrals to MARAC\t38%\t30%",
                section="How we will know we are making a difference", similarity=0.3)
    idf = idf_table([table.text, "We will use schools to teach healthy relationships.",
                     "The board meets every quarter."])
    assert uncovered_reason("What indicators does Wyvern use?", [table], 0.15, resolver, (),
                            idf) == ""
    assert uncovered_reason("What does Wyvern say about potholes?", [table], 0.15, resolver, (),
                            idf) == "no passage is about 'potholes'"


def test_a_looked_up_name_is_said_with_the_topic_not_with_the_words_asking_for_a_value():
    """"How often does the Delivery Group meet?": the sentence that names the group says when
    it meets; "often" asks for a frequency and is no topic word it must also hold."""
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    idf = {"often": 4.0, "meet": 2.0, "deliveri": 3.0, "group": 1.0, "domest": 0.1, "abus": 0.1,
           "quarter": 3.0}
    group = hit("The Domestic Abuse Delivery Group meets every quarter.", similarity=0.6)
    reason = uncovered_reason("How often does the Domestic Abuse Delivery Group meet?", [group],
                              0.3, resolver, (), idf, looked_up=["Domestic Abuse Delivery Group"])
    assert reason == ""


def test_a_name_inside_an_everyday_phrase_the_strategies_word_otherwise_is_no_name():
    """"survivors who do not speak English" asks about interpreters, so "English" is not a
    name the evidence must hold; "GPs", the everyday word itself, still is."""
    from kb.answers.refusal import specific_terms
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    assert specific_terms("How will Wyvern help survivors who do not speak English?",
                          resolver, ()) == []
    assert specific_terms("What training does Wyvern plan for GPs?", resolver, ()) == ["GPs"]


def test_a_looked_up_name_one_of_two_alternatives_is_said_with_its_own_words_only():
    """"Which councils have a Survivors' Panel or forum?": the panel is not said in passing for
    want of the word "forum", which the other alternative asks for; a panel asked about with
    "forum" as a topic word of its own still needs it."""
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    idf = {"survivor": 2.0, "panel": 3.0, "forum": 3.0, "council": 1.0, "draft": 3.0,
           "review": 2.0}
    panel = hit("The Wyvern Survivors' Panel reviewed every draft.", similarity=0.6)
    question = "Which councils have a Survivors' Panel or forum?"
    assert uncovered_reason(question, [panel], 0.3, resolver, (), idf,
                            looked_up=["Survivors Panel"]) == ""
    question = "Which councils have a Survivors' Panel forum?"
    assert "in passing" in uncovered_reason(question, [panel], 0.3, resolver, (), idf,
                                            looked_up=["Survivors Panel"])


def test_a_topic_the_strategies_never_mention_is_refused_however_similar_its_passages():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    texts = ["Wyvern will develop perpetrator programmes with partners.",
             "Victims will get support from the IDVA service.",
             "The strategy sets out our priorities for the next three years.",
             "Employers will be offered training to spot domestic abuse among staff."]
    idf = idf_table(texts)
    strategy = hit(texts[2], similarity=0.3)
    training = hit(texts[3], similarity=0.3)

    def reason(question, hits, similarity=0.3):
        return uncovered_reason(question, [replace(h, similarity=similarity) for h in hits],
                                0.15, resolver, (), idf)

    # passages past the similarity floor that share only the scaffolding ("strategy")
    assert reason("What does the Wyvern strategy say about potholes?", [strategy]) == (
        "no passage is about 'potholes'")
    assert reason("How is Wyvern tackling fly-tipping?", [strategy]) == (
        "no passage is about 'fly-tipping'")
    # a passage that holds the rest of the topic answers, and so does one as similar as a
    # paraphrase; a question whose topic words the strategies all use is not judged here
    assert reason("How will Wyvern help bosses spot abuse among their staff?", [training]) == ""
    assert reason("What will Wyvern do for landlords?", [training], similarity=0.45) == ""
    assert reason("What will Wyvern do for landlords?", [training]) == (
        "no passage is about 'landlords'")
    # the strategies' word for an everyday one holds it ("businesses": employers)
    assert reason("What will Wyvern do for businesses?", [training]) == ""
    assert reason("What will Wyvern do for businesses?", [strategy]) == (
        "no passage is about 'businesses'")
    assert reason("What will Wyvern do for victims?", [strategy]) == ""
    # a passage that holds the rest of the topic ("crime") answers the rest, not the unseen
    # word, when the word makes the question less like it ("vehicle crime")
    crime = hit("Crime in Wyvern fell last year, and domestic abuse crime with it.", similarity=0.5)
    idf_crime = idf_table([*texts, crime.text])

    def with_unseen(question, full, without):
        return uncovered_reason(question, [crime], 0.15, resolver, (), idf_crime,
                                similarities=lambda queries, found: [
                                    [full if query == question else without] * len(found)
                                    for query in queries])

    assert with_unseen("What will Wyvern do about vehicle crime?", 0.45, 0.55) == (
        "no passage is about 'vehicle'")
    assert with_unseen("What will Wyvern do about vehicle crime?", 0.52, 0.50) == ""
    # a word for a document and a year are not what the question is about
    assert with_unseen("What did the Wyvern deck say about crime?", 0.45, 0.55) == ""
    # one of the most frequent words of English is no sign of another subject
    assert reason("How will Wyvern let employers spot abuse?", [training]) == ""
    assert reason("How will Wyvern let us recycle more?", [strategy]) == (
        "no passage is about 'recycle'")


def test_a_rewording_that_keeps_the_unseen_word_does_not_answer_for_it():
    """"knife crime among teenagers" reworded as "… among young people" still asks about
    knives: a passage on young people's crime answers the rewording's other words, not the
    word no strategy uses, which is judged as if there were no rewording."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    crime = hit("Wyvern will reduce crime among young people through youth outreach.",
                similarity=0.5)
    idf = idf_table([crime.text, "Victims will get support from the IDVA service.",
                     "Employers will be offered training to spot abuse among staff.",
                     "Teenagers can call the helpline."])

    def reason(question, full, without):
        return uncovered_reason(question, [crime], 0.15, resolver, (), idf,
                                similarities=lambda queries, found: [
                                    [full if query == question else without] * len(found)
                                    for query in queries])

    question = "How will Wyvern reduce knife crime among teenagers?"
    assert reason(question, 0.45, 0.55) == "no passage is about 'knife'"
    assert reason(question, 0.52, 0.50) == ""  # the word makes the question more like it
    assert reason("How will Wyvern reduce crime among teenagers?", 0.45, 0.55) == ""


def test_a_common_word_modifying_the_topic_and_a_topic_only_the_frame_is_like_are_refused():
    """"hate crime": one of the most frequent words of English is the subject when it modifies
    a topic word the strategies use ("about hate crime"), not when it follows one ("the nine
    things") or is a verb ("Does Wyvern hope domestic abuse crime fell…?").
    "revenge porn": when the strategies use none of the topic's words, a passage as like the
    question as a paraphrase is must be so like those words on their own, not by the frame
    ("What does the Wyvern strategy say about …")."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    crime = hit("Crime in Wyvern fell last year, and domestic abuse crime with it.")
    aims = hit("Nine aims: things Wyvern wants are safer homes and fewer repeat victims.")
    frame = hit("The Wyvern strategy sets out what partners will do over three years.",
                similarity=0.45)
    idf = idf_table([crime.text, aims.text, frame.text,
                     "Victims of crime will get support from the IDVA service.",
                     "Crime and disorder partners sit on the board."])

    def reason(question, hits, other=0.2):
        """`other`: the passages' similarity to the question without its unseen words, and
        to those words on their own (0.45 to the question)."""
        return uncovered_reason(question, hits, 0.15, resolver, (), idf,
                                similarities=lambda queries, found: [
                                    [other if query != question else 0.45] * len(found)
                                    for query in queries])

    # the passages are more like the question without 'hate': they answer "crime"
    assert reason("What does the Wyvern strategy say about hate crime?", [crime],
                  other=0.55) == "no passage is about 'hate'"
    assert reason("Set out the nine things Wyvern wants from its strategy.", [aims],
                  other=0.55) == ""
    assert reason("Does Wyvern hope domestic abuse crime fell last year?", [crime], other=0.55) == ""
    assert reason("What does the Wyvern strategy say about revenge porn?", [frame]) == (
        "no passage is about 'revenge', 'porn'")
    # a passage like the topic's words on their own is a paraphrase of them
    assert reason("What does the Wyvern strategy say about revenge porn?", [frame],
                  other=0.45) == ""
    # a word asking for a kind of passage is not the topic: the strategies use none of it
    targets = hit("Wyvern's targets: fewer repeat victims and more referrals.", similarity=0.45)
    assert reason("What are Wyvern's targets for revenge porn?", [targets]) == (
        "no passage is about 'revenge', 'porn'")


def test_a_compound_one_of_whose_words_the_strategies_use_once_in_another_sense_is_refused():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    climate = hit("The strategy recognises the current economic climate and austerity.")
    change = hit("Perpetrators will be offered programmes to change their behaviour.")
    housing = hit("Victims will get help with housing when they leave a refuge.")
    texts = [climate.text, change.text, housing.text,
             "Victims will get support from the IDVA service.",
             "Schools will teach healthy relationships and change attitudes."]

    def reason(question, hits, similarity=0.3, corpus=texts):
        return uncovered_reason(question, [replace(h, similarity=similarity) for h in hits],
                                0.15, resolver, (), idf_table(corpus))

    # 'climate' is used once, in another sense, and never beside 'change'
    assert reason("What does Wyvern say about climate change?", [climate, change]) == (
        "no passage is about 'climate change'")
    # a passage as similar as a paraphrase answers; so does one writing the two together
    assert reason("What does Wyvern say about climate change?", [climate, change],
                  similarity=0.45) == ""
    tackled = hit("Wyvern will tackle climate change in its estates.")
    assert reason("What does Wyvern say about climate change?", [tackled, change],
                  corpus=[*texts, tackled.text]) == ""
    assert reason("What does Wyvern say about behaviour change?", [change]) == ""
    assert reason("What will Wyvern do about refuge housing?", [housing]) == ""
    # a compound of words the strategies use more than once is left to the other checks
    assert reason("What does Wyvern say about changing victims?", [housing]) == ""
    # a comma parts two words: "the IDVA service, per Wyvern" is no compound 'service per'
    idva = hit(texts[3])
    assert reason("What will victims get from the IDVA service, per Wyvern?", [idva],
                  corpus=[*texts, "Advocates visit twice per year."]) == ""


def test_a_question_naming_a_document_is_refused_when_that_document_is_silent_on_it():
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.records import DocumentInfo
    from kb.retrieval.areas import AreaResolver
    from kb.retrieval.documents import DocumentResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    documents = DocumentResolver([
        DocumentInfo("wy-strategy", "wyvern", "Wyvern Domestic Abuse Strategy 2021-2024",
                     "2021-2024", "strategy", "adopted"),
        DocumentInfo("wy-launch", "wyvern", "Recovery Pilots Launch Event 2022", "2022",
                     "presentation", "update")])
    launch = replace(hit("Seven recovery pilots run from October to March, for adults and "
                         "children."), doc_id="wy-launch", title="Recovery Pilots Launch Event 2022")
    strategy = replace(hit("We will map counselling and make sure survivors can get it."),
                       doc_id="wy-strategy", title="Wyvern Domestic Abuse Strategy 2021-2024")
    idf = idf_table([launch.text, strategy.text, "Refuges will open in the north.",
                     "Our vision is a Wyvern free from abuse."])

    def reason(question, hits):
        return uncovered_reason(question, hits, 0.15, resolver, (), idf, documents=documents,
                                sources=documents.mentioned(question, ["wyvern"]))

    # the launch does not speak of counselling, though the strategy does
    assert reason("What did the 2022 launch say about counselling?", [launch, strategy]) == (
        "'Recovery Pilots Launch Event 2022' does not speak of it")
    assert reason("What did the 2022 launch say about the recovery pilots for children?",
                  [launch, strategy]) == ""
    assert reason("What does Wyvern say about counselling?", [launch, strategy]) == ""
    # a document named by its period: the period is no topic word its passages must hold
    assert reason("In the 2021-24 strategy, what is the vision?", [strategy, launch]) == ""
    # when ("future", "next") and how it is said ("set out") are no topic it must speak of
    assert reason("What future priorities did the 2022 launch set out?", [launch, strategy]) == ""


def test_an_answer_leads_with_the_sentences_that_give_the_value_asked_for():
    """ "Who wrote the foreword?" is answered by the signatures, not by the foreword's
    sentences about the strategy; "How many…?" by the sentence with the number."""
    from kb.answers.extractive import compose

    foreword = hit("We are committed to this Wyvern strategy and its foreword's aims for every "
                   "victim. Anna Clarke, Chair of the Wyvern Community Safety Partnership",
                   section="Foreword", similarity=0.5)
    answer = compose("Who wrote the foreword to the Wyvern strategy?", [foreword], {})
    assert answer.citations[0].quote.startswith("Anna Clarke")
    refuges = hit("Refuges in Wyvern are always full and refuges turn women away. Wyvern has "
                  "24 bed spaces.", section="Refuges", similarity=0.5)
    answer = compose("How many refuge bed spaces does Wyvern have?", [refuges], {})
    assert answer.citations[0].quote == "Wyvern has 24 bed spaces."


def test_a_count_counts_what_the_question_counts():
    from kb.answers.answer_type import counted_terms

    assert counted_terms("How many IDVAs does Wyvern employ?") == {"idva"}
    assert counted_terms("How many Domestic Homicide Reviews has Wyvern completed?",
                         {"DHR": {"Domestic Homicide Review"}}) >= {"review", "dhr"}
    assert not counted_terms("What budget has Wyvern set aside?")
    # an acronym's long form names what is counted too, and so do the strategies' words
    assert counted_terms("How many IDVAs does Wyvern employ?",
                         {"IDVA": {"Independent Domestic Violence Advocate"}}) == {"idva", "advoc"}
    assert "perpetr" in counted_terms("How many abusers finished a programme?")
    referrals = hit("In 2022 there were 174 referrals to the Wyvern IDVA service.",
                    section="Advocacy")
    question = "How many IDVAs does the Wyvern IDVA service employ?"
    assert missing_value(question, question, [referrals], {}) is AnswerType.COUNT
    advocates = hit("The Wyvern IDVA service employs 6 IDVAs.", section="Advocacy")
    assert missing_value(question, question, [advocates], {}) is None
    # a row's first cell or its table's header names what its figures count
    table = hit("Measure\t2021/22\t2022/23\nIDVAs employed by the service\t5\t6\n"
                "Referrals to the service\t150\t174", section="Advocacy")
    assert missing_value(question, question, [table], {}) is None
    by_year = hit("Year\tIDVAs employed\n2021/22\t5 advocates\n2022/23\t6 advocates",
                  section="Advocacy")
    assert missing_value(question, question, [by_year], {}) is None


def test_a_rate_is_a_share_of_what_the_words_before_it_name():
    from kb.answers.answer_type import rated_terms

    question = "What is the conviction rate for domestic abuse prosecutions in Wyvern?"
    assert expected_type(question) is AnswerType.SHARE
    assert rated_terms(question) == {"convict"}
    assert rated_terms("What is the MARAC repeat referral rate?") == {"repeat", "referr"}
    # shares of other things, however like the question, give no conviction rate
    def like(sentences: list[str]) -> list[float]:
        return [0.6] * len(sentences)

    others = hit("Wyvern Police recorded 4,210 domestic abuse incidents. 57% of the domestic "
                 "abuse cases referred to the IDVA service saw the abuse stop.",
                 section="Domestic abuse prosecutions in Wyvern", similarity=0.6)
    assert missing_value(question, question, [others], {}, like) is AnswerType.SHARE
    convictions = hit("The conviction rate for domestic abuse prosecutions in Wyvern was 74%.",
                      section="Justice")
    assert missing_value(question, question, [convictions], {}, like) is None
    # a rate per head is a share too
    question = "What is the domestic abuse incident rate in Wyvern?"
    per_head = hit("Wyvern Police recorded 4,210 domestic abuse incidents, 12.1 per 1,000 "
                   "residents.", section="Local picture")
    assert missing_value(question, question, [per_head], {}) is None


def test_a_value_for_a_year_is_one_dated_in_that_year():
    """"How many cases did MARAC hear in 2021?" is not answered by the count for 2022/23, nor
    by one since 2018; the 2022/23 count answers for 2023, as a sentence beside it that dates it
    does, and a figure of a document about that year is of it."""
    heard = hit("Wyvern MARAC heard 611 cases in 2022/23. Refuges were full all year. Four "
                "homicides took place since 2018.", section="Local picture")
    question = "How many cases did the Wyvern MARAC hear in 2021?"
    assert missing_value(question, question, [heard], {}) is AnswerType.COUNT
    question = "How many cases did the Wyvern MARAC hear in 2023?"
    assert missing_value(question, question, [heard], {}) is None
    dated_beside = hit("In 2023 Wyvern MARAC met every fortnight. It heard 611 cases.",
                       section="Local picture")
    assert missing_value(question, question, [dated_beside], {}) is None
    report = replace(hit("Wyvern MARAC heard 611 cases.", section="Risk"), period="2023-2024")
    assert missing_value(question, question, [report], {}) is None
    question = "How many homicides took place in Wyvern in 2023?"
    assert missing_value(question, question, [heard], {}) is AnswerType.COUNT


def test_a_list_item_gives_a_value_with_its_own_words_and_details_not_its_neighbours():
    """"Which charity runs the counselling service?" is not answered by the next item's
    programme name; an item's figure is read with the details indented under it."""
    items = hit("C1 Commission a trauma-informed counselling service.\n"
                "C2 Offer the Freedom Programme to survivors.", section="Recovery")
    question = "Which charity runs the Wyvern counselling service?"
    assert missing_value(question, question, [items], {}) is AnswerType.NAME
    detailed = hit("- Champion networks piloted in 2005 – 220 champions\n"
                   "  - 2 day initial training for every champion\n"
                   "- Refuge places for 12 families", section="Early intervention")
    question = "How many champions were trained in the Wyvern network?"
    assert missing_value(question, question, [detailed], {}) is None
    question = "How many families were trained in the Wyvern network?"
    assert missing_value(question, question, [detailed], {}) is AnswerType.COUNT


def test_a_finding_is_of_the_source_the_question_names():
    """"What did the evaluation of the pilot find?" is not answered by the pilot's targets,
    however many percentages they give; the review's own "found" answers what the review
    found, and what survivors told a consultation is its finding."""
    targets = hit("Perpetrators completing the Wyvern perpetrator pilot will rise from 22 to 45 "
                  "a year, and repeat referrals after the pilot fall from 34% to 28%.",
                  section="Measures")
    question = "What did the evaluation of the Wyvern perpetrator pilot find?"
    assert missing_value(question, question, [targets], {}) is AnswerType.FINDING
    reviewed = hit("The Wyvern homicide reviews found that agencies did not share information.",
                   section="Learning")
    question = "What did the Wyvern homicide reviews find?"
    assert missing_value(question, question, [reviewed], {}) is None
    consulted = hit("We consulted 240 residents. Survivors told us that waiting lists for "
                    "counselling were too long.", section="Consultation")
    question = "What did the Wyvern consultation find?"
    assert missing_value(question, question, [consulted], {}) is None


def test_the_words_framing_a_value_question_are_no_topic_its_sentence_must_hold():
    """"How much cash is Wyvern putting into the strategy?": "putting" and "strategy" frame the
    question (vocabulary [topic] scaffolding), so the spend on the strategy answers it."""
    spend = hit("The partnership will spend £2.4 million over five years on this plan.",
                section="Resources")
    question = "How much cash is Wyvern putting into the strategy?"
    idf = {"put": 4.5, "strategi": 1.7, "spend": 3.0, "partnership": 1.0, "year": 1.0,
           "plan": 2.0}
    topic = "How much cash is putting into the strategy?"  # (the area's name out)
    assert missing_value(question, topic, [spend], idf) is None


def test_a_duty_is_given_by_a_sentence_that_lays_one_down():
    question = "What statutory duty does Wyvern have for safe accommodation?"
    laid_down = hit("Wyvern Council has a duty under Part 4 of the Domestic Abuse Act 2021 to "
                    "assess the need for safe accommodation.", section="Safe accommodation")
    assert missing_value(question, question, [laid_down], {}) is None
    planned = hit("Wyvern will commission 20 units of safe accommodation by 2026.",
                  section="Safe accommodation")
    assert missing_value(question, question, [planned], {}) is AnswerType.DUTY


def test_how_long_is_answered_by_a_number_of_time_units_or_a_span_of_dates():
    from kb.answers.answer_type import counted_terms

    assert "week" in counted_terms("How long do Wyvern victims wait for counselling?")
    assert counted_terms("How many pilots ran in Wyvern, and for how long?") >= {"pilot"}
    question = "How long do Wyvern victims wait for counselling?"
    nobody = hit("Wyvern makes sure no one who asks for counselling is turned away, and "
                 "victims can wait at one of the counselling hubs.", section="Counselling")
    assert missing_value(question, question, [nobody], {}) is AnswerType.COUNT
    weeks = hit("Wyvern victims wait 6 weeks on average for counselling.", section="Counselling")
    assert missing_value(question, question, [weeks], {}) is None
    pilots = hit("Wyvern recovery pilots are running October 2020 to March 2021.",
                 section="Recovery")
    question = "How long will the Wyvern recovery pilots run?"
    assert missing_value(question, question, [pilots], {}) is None


def test_a_word_no_passage_holds_is_not_asked_of_the_value_sentence():
    from kb.answers.extractive import idf_table

    costs = hit("The financial costs of domestic abuse in Wyvern are estimated at £48 million "
                "per annum.", section="Cost of domestic abuse")
    idf = idf_table([costs.text, "Victims will get support from the IDVA service."])
    question = "How much does abuse drain from the Wyvern public purse?"
    assert missing_value(question, question, [costs], idf) is None


def test_how_often_is_answered_by_a_frequency_anywhere_in_the_sentence():
    question = "How often will Wyvern run awareness campaigns?"
    yearly = hit("Wyvern will run two public awareness campaigns each year.", section="Campaigns")
    assert missing_value(question, question, [yearly], {}) is None
    quarterly = hit("The Wyvern campaigns board meets quarterly to plan awareness campaigns.",
                    section="Campaigns")
    assert missing_value(question, question, [quarterly], {}) is None
    once = hit("No one in Wyvern should miss the awareness campaigns we run.", section="Campaigns")
    assert missing_value(question, question, [once], {}) is AnswerType.COUNT


def test_who_asks_for_the_person_whose_signature_line_names_them(tmp_path):
    """"Who wrote the foreword?": the foreword's sentences all hold capitalised names (the
    strategy's, the board's); the line that signs it names a person and a role."""
    from tests.corpus_support import corpus_kb

    strategy = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nForeword\n\nWe are proud to present "
                "the Wyvern Domestic Abuse Strategy for Wyvern. The Safer Wyvern Partnership "
                "Board agreed the strategy in March.\n\nCllr Anne Hartley, "
                "Executive Member for Communities\n\nOur priorities\n\nThis strategy has three "
                "priorities.\n\nPrevention\n\nThe strategy funds work in schools.\n\n"
                "Support\n\nThe strategy opens two refuges.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": strategy}, min_relevance=0.0)
    answer = kb.ask("Who wrote the foreword to the Wyvern strategy?")
    assert answer.citations[0].quote == "Cllr Anne Hartley, Executive Member for Communities"


def test_an_acronym_s_plural_is_named_by_its_singular():
    """"GPs" is named by "GP practices" and by "GP's", as "Champions Network" is by
    "Champion's Network"; an acronym the text does not write stays unnamed."""
    from kb.answers.refusal import unnamed

    practices = hit("Wyvern will improve prevention work in schools and GP practices.")
    assert unnamed("What will Wyvern do to help GPs spot abuse?", ["GPs"], [practices]) == []
    assert unnamed("What will Wyvern do to help GPs spot abuse?", ["GPs"],
                   [hit("Referrals from GP's and A&E rose.")]) == []
    assert unnamed("What will Wyvern do about IDVAs?", ["IDVAs"], [practices]) == ["IDVAs"]
