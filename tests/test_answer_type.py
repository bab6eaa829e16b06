"""Expected answer types: refusing on-topic questions whose value the evidence does not give."""

from dataclasses import replace

import pytest

from kb.answers.answer_type import AnswerType, expected_type, missing_value
from kb.records import ChunkKind, Hit
from tests.hit_support import hit


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
