"""Expected answer types: refusing on-topic questions whose value the evidence does not give."""

from dataclasses import replace

import pytest

from kb.answers.answer_type import AnswerType, expected_type, gives_value, missing_value
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
    ("Which councillor wrote the Wyvern foreword?", AnswerType.NAME),
    ("Which director chairs the Calder board?", AnswerType.NAME),
    # who may go on or use a service asks who it is for, not for a name
    ("Who can go on the Wyvern Freedom Programme?", None),
    ("Who can access the Calder helpline?", None),
    # … and who falls in a group or qualifies for help asks which people
    ("Who falls in tier 3 of the Wyvern model?", None),
    ("In the Calder windscreen model, who falls in tier 3?", None),
    ("Who is eligible for the Wyvern sanctuary scheme?", None),
    ("What did the evaluation of the pilot find?", AnswerType.FINDING),
    ("What was the main finding of the Wyvern review?", AnswerType.FINDING),
    # finding cases is no finding of a review
    ("What is Wyvern planning around health settings finding victims?", None),
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
    ("Does Wyvern have a baseline for how many victims have to move home?", None),
    ("How much does the response to domestic homicide reviews vary across the areas?", None),
    ("How far do Wyvern and Calder differ on refuges?", None),
    ("What does the Wyvern strategy say under 'Funding and Commissioning'?", None),
    ("How much funding does the 'Funding and Commissioning' section promise?", AnswerType.AMOUNT),
    # "who" or "when" opening the main clause, after one that names the source
    ("According to the Wyvern 2024-27 strategy, who oversees delivery?", AnswerType.NAME),
    ("In the 2022-25 plan, when will the refuge open?", AnswerType.DATE),
    ("What help is there for victims, who are often isolated?", None),
    # "who" as the object of what a named subject does asks for no name ("taxi drivers")
    ("Who will Wyvern train to spot abuse?", None),
    ("Who does the Calder board report to?", None),
    # … as of what any subject does: "their GP", "friends or family" answer these
    ("Who do older victims in Wyvern turn to instead of the police?", None),
    ("Who do people in Calder tell first?", None),
    ("Who will chair the Wyvern board?", AnswerType.NAME),
    ("Who will lead the Calder perpetrator programme?", AnswerType.NAME),
    ("Who is the Wyvern lead officer?", AnswerType.NAME),
    # a value noun that names a section asks what the section says …
    ("What does Wyvern's funding and commissioning section say?", None),
    ("What is in the costs chapter of the Calder strategy?", None),
    # … and one asked of a section asks for the value
    ("What budget does the recovery section of the Wyvern strategy set?", AnswerType.AMOUNT),
    ("Will the partnership record the number of repeat referrals?", None),
    ("How much emphasis does Wyvern put on stalking?", None),
    ("How much attention do the strategies give to older victims?", None),
    ("How much funding goes to the stalking advocate?", AnswerType.AMOUNT),
    # "How will X…?" asks in what way, whatever value noun it holds
    ("How will Wyvern make the most of its funding?", None),
    ("How does Calder keep the cost of the refuge contract down?", None),
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
    ("What is the waiting list for the Wyvern perpetrator programme?", AnswerType.COUNT),
    ("What is the backlog of MARAC cases in Calder?", AnswerType.COUNT),
    # a possessive among the words between ("the pilots' evaluation")
    ("What was the outcome of the Wyvern refuge pilots' evaluation?", AnswerType.FINDING),
    # … and between "of" and the source, with no "the" ("of Wyvern's perpetrator pilot")
    ("What was the outcome of Wyvern's perpetrator pilot?", AnswerType.FINDING),
    ("What were the outcomes of its IRIS trials?", AnswerType.FINDING),
    ("What evaluation has Wyvern done of its refuge pilot?", AnswerType.FINDING),
    ("Has the Calder perpetrator pilot been evaluated?", AnswerType.FINDING),
    ("Which schools programme in Wyvern has been evaluated?", None),
    ("What is the county's repeat referral rate?", AnswerType.SHARE),
    ("What is the time frame for the new refuge?", AnswerType.DATE),
    # a count of the strategies that do something asks which do
    ("How many of the strategies mention FGM?", None),
    ("How many councils have a sanctuary scheme?", None),
    ("How many refuges does Wyvern have?", AnswerType.COUNT),
    # a question word asks for its kind of value before a value noun does
    ("Who is funding the Wyvern recovery pilots?", AnswerType.NAME),
    ("When does the funding for the Calder outreach service end?", AnswerType.DATE),
    ("Where is Wyvern funding its perpetrator programme?", None),
    ("Why is Calder cutting its refuge funding?", None),
    # a value noun in a condition says when, not what is asked
    ("What happens to the Wyvern refuge if partners cut their budgets?", None),
    ("What could go wrong in Calder unless the funding continues, and who decides?", None),
    ("How much will Wyvern spend if the bid succeeds?", AnswerType.AMOUNT),
    # a when-clause that frames a yes/no question asks no date
    ("When Wyvern talks about victims, does it mean children too?", None),
    ("When does the Wyvern strategy end?", AnswerType.DATE),
    # an age is a number too
    ("How old are most victims in Calder?", AnswerType.COUNT),
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


def test_who_chairs_is_answered_by_a_name_given_as_the_chair():
    """"Who chairs the Wyvern Partnership Board?" is not answered by the names beside the
    board's other words ("…, which reports to the Health and Wellbeing Board"): the name must
    be given as its chair; a question with another verb is not held to it."""
    owned = hit("The strategy is owned by the Wyvern Partnership Board, which reports to the "
                "Community Safety Partnership and to the Health and Wellbeing Board.",
                section="Governance")
    question = "Who chairs the Wyvern Partnership Board?"
    assert missing_value(question, question, [owned], {}) is AnswerType.NAME
    chaired = hit("The Wyvern Partnership Board is chaired by the Director of Public Health.",
                  section="Governance")
    assert missing_value(question, question, [owned, chaired], {}) is None
    question = "Who does the Wyvern Partnership Board report to?"
    assert missing_value(question, question, [owned], {}) is None


def test_who_funds_or_when_funding_ends_is_given_where_the_money_is():
    """"Who is funding…?" and "When does the funding… end?" are answered by a name or a date
    given for the money ("commissioned … running October 2024 to March 2025"), not by any
    name or date beside the topic."""
    workshop = hit("In March 2023 the Wyvern Police and Crime Commissioner held a workshop on "
                   "outreach for rural victims.", section="Outreach")
    funded = hit("The outreach service for rural victims is commissioned by the Wyvern Police "
                 "and Crime Commissioner, running April 2024 to March 2026.", section="Outreach")
    for question, kind in [("When does the funding for the rural outreach service end?",
                            AnswerType.DATE),
                           ("Who is funding the outreach service for rural victims?",
                            AnswerType.NAME)]:
        assert missing_value(question, question, [workshop], {}) is kind, question
        assert missing_value(question, question, [workshop, funded], {}) is None, question


def test_a_chair_of_another_board_chairs_no_board_the_question_names():
    """"Who chairs the Safe in the City Partnership Board?" of a store where only another
    council's board has a chair: "chaired" is the role, not what the question is about, and
    that sentence, however like the question, names another board."""
    idf = {"board": 2.3, "safe": 2.2, "citi": 3.8, "chair": 3.9, "partnership": 1.9}
    other = hit("The strategy is owned by the Calder Vale Partnership Board, chaired by the "
                "Director of Public Health.", section="Governance")
    question = "Who chairs the Safe in the City Partnership Board?"
    assert missing_value(question, question, [other], idf,
                         lambda sentences: [0.7] * len(sentences)) is AnswerType.NAME
    own = hit("The Safe in the City Partnership Board is chaired by Anna Clarke.",
              section="Governance")
    assert missing_value(question, question, [other, own], idf) is None


def test_a_paraphrase_counts_when_the_value_sentence_is_similar():
    figures = hit("Police recorded 9,000 incidents in 2019. That is one report every hour.",
                  similarity=0.6)
    question = "How often does someone phone the police about abuse at home?"
    assert missing_value(question, question, [figures], {},
                         lambda sentences: [0.6] * len(sentences)) is None
    assert missing_value(question, question, [figures], {},
                         lambda sentences: [0.3] * len(sentences)) is AnswerType.COUNT


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
    # a comma ends a name: "Gypsy, Roma and Traveller" names three (a strategy that writes
    # "Gypsy, Roma, Traveller (GRT)" names each)
    assert specific_terms("What does Wyvern say about the Gypsy, Roma and Traveller community?",
                          resolver, ()) == ["Gypsy", "Roma", "Traveller"]


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


def test_a_count_leads_the_answer_only_where_it_counts_what_is_asked():
    """"How many women are killed each week in Wyvern?" is answered by "2 women per week", not
    by the numbers of a list of principles that holds one of its words."""
    from kb.answers.extractive import compose

    principles = hit("Our principles: 1. Learning the lessons of Domestic Homicide Reviews when "
                     "someone is killed. 2. Training our workforce to support all partner "
                     "agencies.",
                     section="Principles", similarity=0.5)
    figures = hit("Domestic abuse claims the lives of around 2 women per week.",
                  section="The national picture", similarity=0.5)
    answer = compose("How many women are killed each week in Wyvern?", [principles, figures], {})
    assert answer.citations[0].quote.startswith("Domestic abuse claims the lives")


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
    # a finding of what the question names: a review's, what a consultation was told, the
    # points a workshop's sessions brought out, the key findings a needs assessment lists
    # (though the question says "find") and a ratio a survey gives, as a share is
    found = [
        ("The Wyvern homicide reviews found that agencies did not share information.",
         "What did the Wyvern homicide reviews find?"),
        ("We consulted 240 residents. Survivors told us that waiting lists for counselling were "
         "too long.", "What did the Wyvern consultation find?"),
        ("In 2022 Wyvern held a workshop on victim-centred services. The key points emerging "
         "from those sessions were:\n- victims do not know the court's language;\n- services "
         "should not end abruptly.", "What did the Wyvern workshop on victim-centred services find?"),
        ("From the data reviewed in the Calder needs assessment a number of key findings were "
         "identified and include: -\n\n- Victims over 65 are less likely to call the police.\n"
         "- Repeat victims are not recorded.",
         "What did the Calder needs assessment find about victims over 65?"),
        ("1 in 20 Wyvern children do not feel safe in their home (Schools Survey 2030)",
         "What did the Wyvern schools survey find?"),
    ]
    for text, question in found:
        assert missing_value(question, question, [hit(text)], {}) is None, (
            question)


def test_what_a_council_thinks_really_happens_is_asked_of_the_passage_that_estimates_it():
    """"How many incidents does Wyvern think really happen?": "think" and "really" frame the
    question (vocabulary [topic] scaffolding); the estimate answers it."""
    idf = {"incid": 2.3, "report": 1.9, "happen": 3.2, "think": 5.0, "realli": 5.0,
           "polic": 1.0, "estim": 3.0}
    estimate = hit("In 2023 there were 9,000 incidents reported to the police in Wyvern; the "
                   "realistic number of incidents is estimated at 40,000.", similarity=0.3)
    question = "How many incidents does Wyvern think really happen compared with those reported?"
    assert missing_value(question, question, [estimate], idf) is None
    # a verdict is a finding too; the pilot's aims are none
    planned = hit("Pilot of early intervention in Wyvern schools: champions in every school.",
                  section="Prevention")
    judged = hit("Pilot of early intervention in Wyvern schools - extremely positive evaluation.",
                 section="Prevention")
    question = "Has the Wyvern schools pilot been evaluated?"
    assert missing_value(question, question, [planned], {}) is AnswerType.FINDING
    assert missing_value(question, question, [judged], {}) is None


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


def test_a_word_no_passage_holds_is_not_asked_of_the_value_sentence():
    from kb.answers.extractive import idf_table

    costs = hit("The financial costs of domestic abuse in Wyvern are estimated at £48 million "
                "per annum.", section="Cost of domestic abuse")
    idf = idf_table([costs.text, "Victims will get support from the IDVA service."])
    question = "How much does abuse drain from the Wyvern public purse?"
    assert missing_value(question, question, [costs], idf) is None


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


def test_a_section_called_by_another_form_of_its_heading_word_is_named():
    """"under 'Pursue'" calls the strand headed "Pursuing": a one-word name whose stem a hit's
    heading holds is named; a name in no heading nor text, or of several words, is not."""
    from kb.answers.refusal import unnamed

    strand = hit("We will hold perpetrators to account.", section="4. Pursuing > What we will do")
    assert unnamed("What will Wyvern do under 'Pursue'?", ["Pursue"], [strand]) == []
    assert unnamed("What will Wyvern do under 'Protect'?", ["Protect"], [strand]) == ["Protect"]
    assert unnamed("What does Wyvern say about the Pursue Programme?", ["Pursue Programme"],
                   [strand]) == ["Pursue Programme"]


def test_when_something_will_happen_is_not_dated_before_its_document():
    """"When will Wyvern publish its action plan?": a year before the document's period (its
    2021-2024) dates what was done before it ("the 2019 audit"), not what it will do."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    earlier = hit("The action plan to be published will draw on the 2019 safeguarding audit.")
    dated = hit("The refreshed action plan will be published in 2022.")
    idf = idf_table([earlier.text, dated.text, "Victims will get support from the IDVA service.",
                     "Employers will be offered training to spot abuse among staff."])
    question = "When will Wyvern publish its action plan?"
    assert uncovered_reason(question, [earlier], 0.15, resolver, (), idf) == (
        "no passage about it gives a date")
    assert uncovered_reason(question, [dated], 0.15, resolver, (), idf) == ""
    # (what was done is dated so: "When did Wyvern audit its safeguarding?")
    assert uncovered_reason("When did Wyvern carry out its safeguarding audit?", [earlier], 0.15,
                            resolver, (), idf) == ""


def test_a_councillor_asked_for_is_answered_by_the_signature_that_names_one(tmp_path):
    """"Which councillor wrote the Wyvern foreword?" asks for a name: the foreword's
    signature gives it, not the sentences about the county."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nForeword\n\nDomestic abuse harms "
            "families in every town and village in Wyvern. This strategy is our promise to do "
            "better for every family it affects.\n\nCllr Jane Marsh, Cabinet Member for "
            "Communities\n\nOur priorities\n\nWe will open a second refuge.\n")
    answer = wyvern_answer(tmp_path, text, "Which councillor wrote the Wyvern foreword?")
    assert answer.text.startswith("Cllr Jane Marsh")


def test_a_count_asked_over_a_year_is_about_what_it_counts():
    """"How many incidents were reported … over a year?" (its topic read as "per annum",
    kb.retrieval.synonyms) asks a count of incidents: a passage about them is about the
    question though it never says "per annum", which a rarer word than its topic's weighs more."""
    from kb.answers.extractive import idf_table

    picture = hit("From April 2022 to March 2023 there were 4,210 incidents reported to Wyvern "
                  "Police.", section="The local picture")
    idf = idf_table([picture.text, "The refuge costs £900,000 per annum.",
                     *(f"Victims report incidents to the police in {place}."
                       for place in ("Ashby", "Brent", "Colne", "Dover"))])
    question = "How many incidents were reported to the police in Wyvern over a year?"
    topic = "How many incidents were reported to the police in over per annum?"
    assert missing_value(question, topic, [picture], idf) is None
    # a passage about something else gives no count of incidents
    refuge = hit("The refuge costs £900,000 per annum.", section="Refuge")
    assert missing_value(question, topic, [refuge], idf) is AnswerType.COUNT


def test_a_recurring_event_asked_at_its_frequency_is_dated_by_that_frequency():
    """"When does Wyvern run its yearly awareness campaign?": "each year during the 16 Days of
    Action" says when, though the question gives the frequency itself ("yearly")."""
    campaign = hit("- run a public awareness campaign each year during the 16 Days of Action",
                   section="Prevention")
    question = "When does Wyvern run its yearly awareness campaign?"
    assert missing_value(question, question, [campaign], {}) is None
    refuge = hit("- open a second refuge for women with complex needs", section="Refuge")
    assert missing_value(question, question, [refuge], {}) is AnswerType.DATE


def test_who_oversees_a_strategy_is_answered_by_the_passages_on_its_governance():
    """"Who oversees the Wyvern strategy?" (or "Who is in charge of …", "Who keeps an eye on
    …"): the strategies' word for it asks for governance, and Wyvern's board, which "owns" the
    strategy and is "chaired by" its director, is who does, whatever the words."""
    from kb.retrieval.intent import governance_words
    from kb.retrieval.synonyms import asking_phrase_terms

    assert governance_words("Who oversees the Wyvern strategy?") == {"overse"}
    assert asking_phrase_terms("Who is in charge of the Wyvern strategy?") == {"charg"}
    assert asking_phrase_terms("Who keeps an eye on the Wyvern strategy?") == {"keep", "eye"}
    assert asking_phrase_terms("Does Wyvern charge for its courses?") == set()
    owned = hit("The Wyvern Domestic Abuse Partnership Board owns this strategy. It is chaired by "
                "Anna Clarke.", section="Governance")
    idf = {"overse": 3.0, "board": 1.5, "partnership": 1.5, "chair": 3.0}
    for question in ("Who oversees the Wyvern strategy?", "Who oversees the strategy?"):
        assert missing_value(question, question, [owned], idf) is None, question


def test_when_something_ended_is_dated_near_its_ending_or_by_a_spans_end():
    """"When did Safe Steps close?" is not answered by the year the charity began, though a
    detail under it writes "close partnership": a date answers it beside a word for the ending,
    or as the end of a span ("from 3 November to 15 December")."""
    charity = hit("- 2019 'Safe Steps' new charity: objectives are to fill gaps in services\n"
                  "  - First service = an advocacy service with close partnership with police.",
                  section="What has been achieved?")
    question = "When did Safe Steps close?"
    assert missing_value(question, question, [charity], {}) is AnswerType.DATE
    # (its start is dated by the year alone)
    started = "When did Safe Steps start?"
    assert missing_value(started, started, [charity], {}) is None
    closed = hit("The Safe Steps charity closed in March 2023 when its funding ended.",
                 section="What has been achieved?")
    assert missing_value(question, question, [closed], {}) is None
    groups = hit("- Weekly group sessions on zoom from 3 November to 15 December",
                 section="Recovery groups")
    ended = "When did the weekly group sessions end?"
    assert missing_value(ended, ended, [groups], {}) is None


def test_a_planned_figure_gives_no_count_of_what_happened():
    """"How many clients did the outreach service support?" is not answered by its capacity
    ("Capacity anticipated 60 clients per annum"), which answers how many it can take; a
    sentence that gives what happened beside what is expected answers both."""
    planned = hit("Wyvern outreach service for survivors: capacity anticipated 60 clients per "
                  "annum.", section="Outreach service", similarity=0.5)
    asked = "How many clients did the Wyvern outreach service support?"
    assert missing_value(asked, asked, [planned], {}) is AnswerType.COUNT
    asked = "How many clients can the Wyvern outreach service support?"
    assert missing_value(asked, asked, [planned], {}) is None
    both = hit("The Wyvern outreach service supported 48 clients, and is expected to support "
               "70 clients next year.", section="Outreach service", similarity=0.5)
    asked = "How many clients did the Wyvern outreach service support?"
    assert missing_value(asked, asked, [both], {}) is None


def test_a_finding_is_about_what_the_question_names():
    """"What did the review of the Safe Steps pilot conclude?" is not answered by the findings
    of another review that shares the question's other words."""
    other = hit("In 2021 the review of our refuge pilot found that demand outstripped supply.",
                section="Refuge provision", similarity=0.5)
    asked = "What did the 2021 review of the Safe Steps pilot conclude?"
    assert missing_value(asked, asked, [other], {}) is AnswerType.FINDING
    own = hit("In 2021 the review of the Safe Steps pilot found that most families felt safer.",
              section="Safe Steps", similarity=0.5)
    assert missing_value(asked, asked, [own], {}) is None


def test_an_ordinal_is_no_count_and_the_verb_may_is_no_month():
    """"Referrals by 11th December" counts no referrals; "siblings may be considered" dates
    nothing; a question word asking for a number is not overruled by a noun for a date."""
    assert not gives_value("Referrals need to be received by 11th December.", AnswerType.COUNT,
                           ["referr"], ["referr"])
    assert gives_value("The group received 11 referrals.", AnswerType.COUNT, ["referr"],
                       ["referr"])
    assert not gives_value("Older siblings may be considered for individual support.",
                           AnswerType.DATE, ["sibl"])
    assert gives_value("The group starts in May.", AnswerType.DATE, ["group"])
    assert expected_type("How many referrals did the group get by the deadline?") is (
        AnswerType.COUNT)
    assert expected_type("What is the deadline for referrals to the group?") is AnswerType.DATE
    # "a quarter of victims" is a share, "each quarter" a date
    assert not gives_value("A quarter of victims report to the police.", AnswerType.DATE,
                           ["victim"])
    assert gives_value("MARAC reports to the board each quarter.", AnswerType.DATE, ["marac"])


def test_a_name_s_initials_are_no_name_and_a_glossary_entry_stands_alone():
    """"Who evaluated the Freedom Programme?" is not answered by the glossary's "FP - Freedom
    Programme…" (its initials are the question's own words), nor by the next entry's name
    (another term's definition); an entry that names who evaluated it does answer."""
    from kb.records import ChunkKind

    # ("evaluated" is a word no passage holds: no value sentence need hold it)
    idf = {"freedom": 4.0, "programm": 1.0, "magistr": 5.0, "order": 2.0}
    glossary = replace(hit("FP - Freedom Programme – for women to learn more about abuse\n"
                           "DVPO - Domestic Violence Protection Orders are granted by a "
                           "magistrate.", section="Glossary", similarity=0.3),
                       kind=ChunkKind.GLOSSARY)
    question = "Who evaluated the Wyvern Freedom Programme?"
    assert missing_value(question, question, [glossary], idf) is AnswerType.NAME
    evaluated = hit("The Freedom Programme was evaluated by Calder University in 2023.")
    assert missing_value(question, question, [glossary, evaluated], idf) is None


def test_a_numbered_title_picked_first_brings_its_body():
    """"What does Wyvern say success looks like from the victim's point of view?": the title
    "6. Victim's Perspective of Success" shares the most words, and its body, on the next line,
    says what success is; the answer quotes both. A title that gives the value asked for ("Who
    signed…?") stands alone, as a bulleted line does."""
    from kb.answers.extractive import compose

    outcomes = hit("6. Victim's Perspective of Success\n\nImproved health and wellbeing of "
                   "victims which builds resilience.\n\n7. Reporting\n\nIncreased reporting "
                   "of domestic abuse to police.", section="Outcomes", similarity=0.5)
    measured = hit("We will report success to the board each year, with victim feedback.",
                   section="Measuring success", similarity=0.4)
    answer = compose("What does Wyvern say success looks like from the victim's point of view?",
                     [outcomes, measured], {})
    quotes = [c.quote for c in answer.citations]
    assert quotes[0].startswith("6. Victim's Perspective of Success")
    assert quotes[1].startswith("Improved health and wellbeing")
    signed = hit("Anna Clarke, Chair of the Wyvern Adults Board\n\nThe impact of abuse is "
                 "catastrophic.", section="Foreword", similarity=0.5)
    answer = compose("Who signed the Wyvern strategy for the adults board?", [signed], {})
    assert [c.quote for c in answer.citations][:1] == [
        "Anna Clarke, Chair of the Wyvern Adults Board"]
    assert len(answer.citations) == 1 or "catastrophic" not in answer.citations[1].quote
