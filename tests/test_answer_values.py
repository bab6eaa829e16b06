"""Expected answer types that are values: a count, share, rate, measure, length of time or
frequency is given only by a sentence that gives it of what the question asks about."""

from dataclasses import replace

from kb.answers.answer_type import (
    AnswerType,
    counted_terms,
    expected_type,
    missing_value,
    rated_terms,
)
from kb.answers.sentences import table_header
from tests.hit_support import hit


def test_a_share_is_given_as_one_not_as_a_count():
    figures = hit("In 2023 there were 8,760 reports of domestic abuse to Wyvern police. Based "
                  "on survey data, the real number is nearer 40,000.", section="The local picture")
    question = "What percentage of victims in Wyvern report the abuse to the police?"
    assert missing_value(question, question, [figures], {}) is AnswerType.SHARE
    share = hit("Only 21% of victims report the abuse to the police; 1 in 4 women will "
                "experience domestic abuse.", section="The local picture")
    assert missing_value(question, question, [share], {}) is None


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


def test_a_number_counts_the_plural_noun_after_it():
    """"How many people have used the Wyvern recovery pilots?" is not answered by "7 pilots"
    commissioned for adults, children and families: the number counts pilots."""
    idf = {"recoveri": 3.0, "pilot": 3.0, "use": 1.0, "famili": 2.0, "children": 1.0}
    question = "How many people have used the Wyvern recovery pilots?"
    pilots = hit("Recovery pilots commissioned for adults, children and whole families: "
                 "7 pilots running from October to March.")
    assert missing_value(question, question, [pilots], idf) is AnswerType.COUNT
    used = hit("The recovery pilots were used by 140 families and 210 children.")
    assert missing_value(question, question, [used], idf) is None


def test_times_are_counted_by_any_word_for_an_occurrence():
    """"How many times is someone assaulted before they call the police?" is answered by "35
    incidents before a victim reports", not by a count of agencies."""
    idf = {"assault": 4.0, "polic": 1.0, "call": 2.0, "incid": 2.0, "agenc": 1.0, "victim": 0.5}
    question = "How many times is someone assaulted before they call the police?"
    agencies = hit("A victim contacts 14 different agencies before getting help from the police.")
    assert missing_value(question, question, [agencies], idf) is AnswerType.COUNT
    incidents = hit("A victim suffers 35 incidents of assault before calling the police.")
    assert missing_value(question, question, [incidents], idf) is None


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
    # a waiting list is given beside its words, not by the length of what is waited for
    course = hit("A 12 week perpetrator programme for men, in groups of eight.", similarity=0.5)
    question = "What is the waiting list for the perpetrator programme?"
    assert missing_value(question, question, [course], idf) is AnswerType.COUNT
    listed = hit("The perpetrator programme has a waiting list of 30 men.")
    assert missing_value(question, question, [course, listed], idf) is None


def test_a_header_of_year_columns_is_a_header_row():
    text = "Objective\tYear 1 (2024/25)\tYear 2 (2025/26)\nSO1\tSchools programme\tBystander training"
    assert table_header(text) == "Objective\tYear 1 (2024/25)\tYear 2 (2025/26)"
    # an ambition's horizons head columns too, and give no count ("How many MARACs…?")
    horizons = "Current/baseline\t1 year\t3 years\t5 years\nRepeat victims\t34%\t30%\t25%"
    assert table_header(horizons) == "Current/baseline\t1 year\t3 years\t5 years"
    marac = hit(f"Ambition for MARAC\n{horizons}", section="MARAC")
    question = "How many MARACs does Wyvern run?"
    assert missing_value(question, question, [marac], {}) is AnswerType.COUNT


def test_a_count_counts_what_the_question_counts():
    assert counted_terms("How many IDVAs does Wyvern employ?") == {"idva"}
    assert counted_terms("How many Domestic Homicide Reviews has Wyvern completed?",
                         {"DHR": {"Domestic Homicide Review"}}) >= {"review", "dhr"}
    assert not counted_terms("What budget has Wyvern set aside?")
    # … and so does its long form without the corpus's subject words ("homicide reviews")
    idf = {"domest": 0.2, "homicid": 4.0, "review": 3.0}
    assert "dhr" in counted_terms("How many homicide reviews has Wyvern started?",
                                  {"DHR": {"Domestic Homicide Review"}}, idf)
    assert "dhr" not in counted_terms("How many reviews has Wyvern started?",
                                      {"DHR": {"Domestic Homicide Review"}}, idf)
    started = hit("Since the Home Office introduced Domestic Homicide Reviews (DHRs) in 2011, "
                  "Wyvern has commenced 11 DHRs, involving 14 victims.")
    question = "How many homicide reviews has Wyvern started?"
    assert missing_value(question, question, [started], idf,
                         glossary={"DHR": {"Domestic Homicide Review"}}) is None
    # an acronym's long form names what is counted too, and so do the strategies' words
    assert counted_terms("How many IDVAs does Wyvern employ?",
                         {"IDVA": {"Independent Domestic Violence Advocate"}}) == {"idva", "advoc"}
    assert "perpetr" in counted_terms("How many abusers finished a programme?")
    # … and what was done to them ("were referred": referrals, the strategies' noun)
    assert "referr" in counted_terms("How many people were referred to DAIS last year?")
    assert counted_terms("How many women were housed in refuges?") == {"women", "hous"}
    # … and "the number of …" as "how many …" does
    assert counted_terms("What is the number of IDVAs in Wyvern?") == {"idva"}
    referrals = hit("In 2022 there were 174 referrals to the Wyvern IDVA service.",
                    section="Advocacy")
    question = "How many IDVAs does the Wyvern IDVA service employ?"
    assert missing_value(question, question, [referrals], {}) is AnswerType.COUNT
    asked = "What is the number of IDVAs in the Wyvern IDVA service?"
    assert missing_value(asked, asked, [referrals], {}) is AnswerType.COUNT
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
    question = "What is the conviction rate for domestic abuse prosecutions in Wyvern?"
    assert expected_type(question) is AnswerType.SHARE
    assert rated_terms(question) == {"convict"}
    assert rated_terms("What is the MARAC repeat referral rate?") == {"repeat", "referr"}
    # … however the question asks for it ("What completion rate did … achieve?")
    assert expected_type("What completion rate did the Wyvern programme achieve?") is (
        AnswerType.SHARE)
    assert expected_type("What separate services does Wyvern fund?") is None
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


def test_how_long_is_answered_by_a_number_of_time_units_or_a_span_of_dates():
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


def test_how_often_is_answered_by_a_frequency_anywhere_in_the_sentence():
    question = "How often will Wyvern run awareness campaigns?"
    yearly = hit("Wyvern will run two public awareness campaigns each year.", section="Campaigns")
    assert missing_value(question, question, [yearly], {}) is None
    quarterly = hit("The Wyvern campaigns board meets quarterly to plan awareness campaigns.",
                    section="Campaigns")
    assert missing_value(question, question, [quarterly], {}) is None
    # … or how much of the time it happens
    full = "How often was the Wyvern refuge full last year?"
    nights = hit("Wyvern has one refuge with 7 units. It was full on 93% of nights last year.",
                 section="Key facts")
    assert missing_value(full, full, [nights], {}) is None
    once = hit("No one in Wyvern should miss the awareness campaigns we run.", section="Campaigns")
    assert missing_value(question, question, [once], {}) is AnswerType.COUNT
    # "an annual report" says how often it reports
    reports = "How often does the Wyvern board report progress?"
    annual = hit("The Wyvern board reports to the partnership and publishes an annual progress "
                 "report.", section="Governance")
    assert missing_value(reports, reports, [annual], {}) is None


def test_how_often_is_answered_by_a_number_of_times_not_by_a_ratio():
    """"How often have clients called the police before referral?" asks how many times: "between
    1 to 5 times" answers it; "five times more likely" is a ratio, which does not."""
    question = "How often have Wyvern IDVA clients called the police before referral?"
    times = hit("Wyvern IDVA clients have typically called the police between 1 to 5 times "
                "prior to referral.", section="Local picture")
    assert missing_value(question, question, [times], {}) is None
    likely = hit("Wyvern IDVA clients are five times more likely to have called the police.",
                 section="Local picture")
    assert missing_value(question, question, [likely], {}) is AnswerType.COUNT


def test_when_something_recurs_is_answered_by_a_frequency_as_by_a_date():
    """"When does Wyvern run its awareness campaign?": "each year during the 16 Days of
    Action" says when; "When will…" asks for a date, which a frequency does not give."""
    campaign = hit("We will run a public awareness campaign each year during the 16 Days of "
                   "Action.", section="Prevention")
    question = "When does Wyvern run its awareness campaign?"
    assert missing_value(question, question, [campaign], {}) is None
    question = "When will Wyvern run its awareness campaign?"
    assert missing_value(question, question, [campaign], {}) is AnswerType.DATE


def test_when_something_is_due_is_answered_by_its_date():
    """"When is Wyvern's annual report due?": "due" asks for the date, as "when" does; the
    row that gives the report's date answers."""
    row = hit("Publish an annual report on progress to the Wyvern Partnership Board\t"
              "Community Safety Team\tMarch 2026", section="Delivery plan")
    question = "When is the annual report due?"
    idf = {"annual": 2.0, "report": 1.0, "due": 3.0}  # ("due to…" is written too)
    assert missing_value(question, question, [row], idf) is None


def test_the_year_asked_dates_the_value_and_weighs_nothing_of_what_it_counts():
    """"How many people were referred to MARAC in 2022-23?": a share of young people in
    2022-23 holds the year and "people", not the referrals to MARAC it asks to count; a count
    of MARAC referrals in 2022-23 answers."""
    idf = {"marac": 3.0, "refer": 3.0, "peopl": 1.5, "2022-23": 5.0}
    question = "How many people were referred to MARAC in 2022-23?"
    young = hit("In 2022-23, 47% of young people living with domestic abuse were directly "
                "harmed by it.", section="The local picture")
    assert missing_value(question, question, [young], idf) is AnswerType.COUNT
    referrals = hit("In 2022-23, 310 people were referred to the MARAC, most of them by the "
                    "police.", section="The local picture")
    assert missing_value(question, question, [young, referrals], idf) is None


def test_a_value_noun_after_say_about_is_the_topic_not_a_value_asked_for():
    """"What did the 2008 presentation say about funding?" asks what it says about funding:
    a passage on pooled funding answers it, with no amount; "How much funding…?" still asks
    for one."""
    pooled = hit("The partners pooled funding for a county coordinator post.", section="History")
    said = "What did the Wyvern presentation say about funding?"
    assert missing_value(said, said, [pooled], {}) is None
    asked = "How much funding did the Wyvern partners pool?"
    assert missing_value(asked, asked, [pooled], {}) is AnswerType.AMOUNT


def test_a_count_beside_only_the_corpus_subject_counts_nothing_more_specific():
    """"How many domestic homicides…?" is not answered by "75% of domestic abuse victims":
    words in most passages ("domestic", "abuse") count nothing where the question counts
    something more specific, and beside a count they modify what it counts ("80 domestic
    abuse related calls" counts calls)."""
    from kb.answers.extractive import idf_table

    share = hit("75% of domestic abuse victims are targeted at work, sometimes leading to "
                "a domestic homicide.")
    deaths = hit("There were 4 domestic homicides in Wyvern last year.")
    calls = hit("Wyvern Police get around 80 domestic abuse related calls a day.")
    idf = idf_table([share.text, deaths.text, calls.text, "Domestic abuse harms children.",
                     "We will support victims of domestic abuse.",
                     "Domestic abuse is everyone's business."])
    question = "How many domestic homicides has Wyvern had?"
    assert missing_value(question, question, [share], idf) is AnswerType.COUNT
    assert missing_value(question, question, [share, deaths], idf) is None
    question = "How many domestic abuse calls do Wyvern Police get each day?"
    assert missing_value(question, question, [calls], idf) is None


def test_a_detail_of_a_list_item_is_read_with_the_item_it_details():
    """"How many members does the Wyvern Champions Network have?": the count is a detail
    indented under the item that names the network; the items beside it are others."""
    from kb.answers.extractive import idf_table

    item = hit("5. Membership of the Champions Network is increased.\n"
               " - Increase on 280 members at close of 2023.\n"
               "6. Refuge places are kept at 30 for families.", section="Indicators")
    idf = idf_table([item.text, "Domestic abuse harms children.", "Refuges give safety."])
    question = "How many members does the Wyvern Champions Network have?"
    assert missing_value(question, question, [item], idf) is None
    question = "How many refuge workers does the Wyvern Champions Network have?"
    assert missing_value(question, question, [item], idf) is AnswerType.COUNT


def test_a_count_of_people_something_was_done_to_is_given_by_a_count_of_it():
    """"How many people were referred to DAIS?" is answered by the row "Referrals to DAIS
    1,950": a count of what was done to them."""
    from kb.answers.extractive import idf_table

    table = hit("Measure\t2022/23\tTarget\nReferrals to DAIS\t1,950\t2,400", section="Progress")
    idf = idf_table([table.text, "Domestic abuse harms children.", "Refuges give safety."])
    question = "How many people were referred to DAIS?"
    assert missing_value(question, question, [table], idf) is None


def test_an_acronym_is_spelled_out_by_its_long_form_in_order_not_by_its_words_apart():
    """"How much is spent on IDVAs?": "independent sexual violence advisers", with
    "domestic" in the next sentence, spells out no Independent Domestic Violence Adviser."""
    from kb.answers.extractive import idf_table

    glossary = {"IDVA": {"Independent Domestic Violence Adviser"}}
    isvas = hit("The Government is part-funding 87 independent sexual violence advisers at a "
                "cost of £4 million. Domestic abuse services will also be reviewed.",
                section="National context")
    idvas = hit("Wyvern funds six Independent Domestic Violence Advisers at a cost of £300,000.",
                section="Advocacy")
    idf = idf_table([isvas.text, idvas.text, "Refuges give safety.", "The IDVA service is busy."])
    question = "How much is spent on IDVAs?"
    assert missing_value(question, question, [isvas], idf, glossary=glossary) is AnswerType.AMOUNT
    assert missing_value(question, question, [idvas], idf, glossary=glossary) is None


def test_how_often_is_answered_first_by_the_sentence_that_gives_a_frequency(tmp_path):
    """"How often does the Wyvern board report progress?": the sentence that says how often
    ("an annual progress report") comes before the measures whose percentages are numbers but
    no frequency."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nMeasuring progress\n\nThe Wyvern "
            "board will report progress on repeat cases at MARAC (38% in 2023) and on waiting "
            "times (24% wait over four weeks).\n\nGovernance\n\nIt publishes an annual "
            "progress report.\n")
    answer = wyvern_answer(tmp_path, text, "How often does the Wyvern board report progress?")
    assert answer.text.startswith("It publishes an annual progress report")


def test_the_frequency_a_value_is_asked_at_is_no_part_of_what_it_is_of(tmp_path):
    """"How much does Wyvern spend on its refuge each year?" is not answered by what abuse
    costs "per annum"; "How many women … each year?" is answered first by the count of
    women, not by the yearly cost that shares only the frequency."""
    from tests.corpus_support import corpus_kb

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nThe cost of abuse\n\nDomestic abuse "
            "costs Wyvern's public services an estimated £20 million per annum.\n\nRefuge\n\n"
            "The Wyvern refuge offers twelve rooms for women and their children.\n\nWho is "
            "affected\n\nAbout 9,000 women in Wyvern experience domestic abuse.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text})
    refused = kb.ask("How much does Wyvern spend on its refuge each year?")
    assert not refused.found
    assert "no passage about it gives an amount" in refused.text
    women = kb.ask("How many women in Wyvern experience domestic abuse each year?")
    assert women.citations[0].quote.startswith("About 9,000 women")


def test_a_target_is_a_performance_framework_line_or_a_figure_called_a_target():
    """"What is Wyvern's target for repeat victims?" is answered by a line of its indicators
    (with a figure or not) or by a figure a sentence calls a target, not by a count of repeat
    victims in its local picture; "target audience" and "target hardening" ask for none."""
    from kb.records import ChunkKind

    question = "What is Wyvern's target for repeat victims?"
    assert expected_type(question) is AnswerType.TARGET
    assert expected_type("What target audience did Wyvern set for its sessions?") is not (
        AnswerType.TARGET)
    assert expected_type("What is meant by target hardening?") is None
    # a target for a number asks for the target, as a number of targets asks for a count
    assert expected_type("What is Wyvern's target for the number of victims relocated?") is (
        AnswerType.TARGET)
    assert expected_type("How many targets does Wyvern set?") is AnswerType.COUNT
    picture = hit("Wyvern recorded 1,200 repeat victims in 2022/23.")
    framework = replace(hit("Reducing the number of repeat victims from baseline.",
                            section="Key indicators"), kind=ChunkKind.INDICATOR)
    called = hit("We will cut repeat victims to 25% of all victims, our target for 2027.")
    idf = {"repeat": 2.0, "victim": 1.0, "target": 2.0, "wyvern": 3.0}
    assert missing_value(question, question, [picture], idf) is AnswerType.TARGET
    assert missing_value(question, question, [picture, framework], idf) is None
    assert missing_value(question, question, [picture, called], idf) is None


def test_a_figure_of_the_year_asked_outranks_an_older_one_from_a_higher_passage():
    """"How many incidents were reported to police in 2022-23?": the sentence that gives the
    figure for 2022-23 comes before a figure of 2010 from a passage ranked above it; asked for
    no year, the higher passage's figure stays first."""
    from kb.answers.answer_type import AnswerType
    from kb.answers.extractive import idf_table, score_units
    from kb.text import content_terms
    from tests.hit_support import passage

    old = passage("a", "Approx 5,000 reported incidents to police (risen from 3,000 in 2004/5).",
                  "Wyvern statistics 2010", 0)
    fillers = [passage(f"f{i}", f"Partners will review the {name} plan.", "Plans", 100 + 50 * i)
               for i, name in enumerate(("refuge", "outreach"))]
    new = passage("b", "In 2022-23 there were 6,214 domestic abuse incidents reported to police.",
                  "Local picture", 400)
    hits = [old, *fillers, new]
    idf = idf_table([h.text for h in hits])
    dated = "How many incidents were reported to police in 2022-23?"
    scored = score_units(content_terms(dated), hits, idf, value=AnswerType.COUNT,
                         years=[(2022, 2023)])
    assert scored[0][4].startswith("In 2022-23 there were 6,214")
    undated = score_units(content_terms("How many incidents were reported to police?"), hits,
                          idf, value=AnswerType.COUNT)
    assert undated[0][4].startswith("Approx 5,000")


def test_a_budget_is_an_amount_spent_not_what_abuse_costs():
    """"What is Wyvern's annual budget for domestic abuse services?" is not answered by the
    cost of abuse ("£31 million per annum"); an amount given as funded or commissioned is one.
    A question about the strategy as a whole ("What is Wyvern's budget for the strategy?") is
    answered only where a top passage gives an amount spent."""
    idf = {"domest": 0.2, "abus": 0.1, "servic": 0.8, "annual": 2.0}
    cost = hit("The estimated cost of domestic abuse services and harm in Wyvern is £31 million "
               "per annum.", similarity=0.5)
    question = "What is Wyvern's annual budget for domestic abuse services?"
    assert missing_value(question, question, [cost], idf) is AnswerType.AMOUNT
    funded = hit("Wyvern has funded domestic abuse services with £2.4 million a year.",
                 similarity=0.5)
    assert missing_value(question, question, [cost, funded], idf) is None
    question = "What is Wyvern's budget for the strategy?"
    assert missing_value(question, question, [cost], idf) is AnswerType.AMOUNT
    assert missing_value(question, question, [cost, funded], idf) is None
    # what abuse costs is asked for so
    question = "What does domestic abuse cost Wyvern each year?"
    assert missing_value(question, question, [cost], idf) is None
    # what a contract costs is what is paid under it
    question = "How much does the Wyvern domestic abuse services contract cost?"
    assert missing_value(question, question, [cost], idf) is AnswerType.AMOUNT
    contract = hit("The domestic abuse services contract is worth £1.9 million a year.",
                   similarity=0.5)
    assert missing_value(question, question, [cost, contract], idf) is None


def test_a_section_s_number_is_no_count_of_what_it_is_about():
    """"Priority 3 – Pursuing perpetrators" numbers a priority: "How many perpetrators were
    charged in Wyvern?" is not answered by its 3, nor "Objective 2: …" by its 2."""
    idf = {"perpetr": 1.0, "charg": 3.0, "pursu": 2.0}
    headed = hit("Priority 3 – Pursuing perpetrators\nObjective 2: charge more perpetrators",
                 similarity=0.5)
    question = "How many perpetrators were charged in Wyvern?"
    assert missing_value(question, question, [headed], idf) is AnswerType.COUNT
    counted = hit("Police charged 212 perpetrators in 2023.", similarity=0.5)
    assert missing_value(question, question, [headed, counted], idf) is None


def test_the_word_document_names_where_to_look_not_what_a_name_is_given_for():
    """"In the Wyvern document, who wrote the foreword?": a passage on the foreword that names
    its author answers; "document" is how the officer calls the strategy, not a word the
    passage must hold."""
    from kb.answers.answer_type import missing_value

    foreword = hit("Cllr Jane Smith, Chair of the Wyvern Partnership Board.", section="Foreword")
    idf = {"foreword": 3.0, "document": 3.5, "wrote": 3.5, "chair": 2.5, "board": 1.5}
    for question in ("In the Wyvern document, who wrote the foreword?",
                     "Who wrote the foreword to the Wyvern document?"):
        assert missing_value(question, question, [foreword], idf) is None, question


def test_who_chairs_is_answered_first_by_the_sentence_that_gives_the_chair(tmp_path):
    """"It is chaired by…" says who chairs the board; the sentences around it name the board
    and the bodies it reports to, in more of the question's words."""
    from tests.corpus_support import wyvern_answer

    answer = wyvern_answer(tmp_path, (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\nGovernance\n\n"
        "The Wyvern Domestic Abuse Local Partnership Board oversees this strategy. It is chaired "
        "by the Director of Public Health and meets every quarter. It reports once a year to the "
        "Wyvern Community Safety Partnership and to the Health and Wellbeing Board.\n"),
        "Who chairs the Domestic Abuse Local Partnership Board in Wyvern?")
    assert answer.found
    assert answer.citations[0].quote.startswith("It is chaired by the Director of Public Health")


def test_a_table_row_is_answered_with_its_columns_named(tmp_path):
    """"What is Wyvern's target for staff trained?" quotes the row "Staff trained … 60 400";
    the answer names the columns those figures are in, the citation keeps the row verbatim."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nHow we will know we have made a "
            "difference\n\nMeasure\tBaseline 2021/22\tTarget 2025/26\n"
            "Households placed in bed and breakfast\t41\t0\n"
            "Staff trained in domestic abuse awareness\t60\t400\n")
    answer = wyvern_answer(tmp_path, text,
                           "What is Wyvern's target for staff trained in domestic abuse awareness?")
    assert answer.text.splitlines()[0] == ("Staff trained in domestic abuse awareness (Baseline "
                                           "2021/22: 60; Target 2025/26: 400) [1]")
    assert answer.citations[0].quote == "Staff trained in domestic abuse awareness\t60\t400"


def test_the_many_of_how_many_is_no_word_a_sentence_answers_by(tmp_path):
    """"How many refuge spaces does Wyvern commission?": "Many survivors…" gives no count for
    sharing the question's "many"."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nSafe accommodation\n\n"
            "Wyvern commissions 24 refuge spaces across two refuges.\n\n"
            "Many survivors told us they waited months for refuge spaces.\n")
    answer = wyvern_answer(tmp_path, text, "How many refuge spaces does Wyvern commission?")
    assert [c.quote for c in answer.citations] == [
        "Wyvern commissions 24 refuge spaces across two refuges."]


def test_an_age_is_no_count_of_those_it_is_about():
    """"Available to women aged 18+" counts no women: "How many women finished the course?"
    is not answered by it, and "those aged between 16-24" counts no victims; "42 women" is."""
    idf = {"women": 2.0, "finish": 4.0, "cours": 3.0, "victim": 0.5, "wyvern": 3.0}
    eligible = hit("The recovery course is available to women aged 18+ in Wyvern.",
                   similarity=0.5)
    question = "How many women finished the Wyvern recovery course?"
    assert missing_value(question, question, [eligible], idf) is AnswerType.COUNT
    ages = hit("Victims aged between 16-24 are the most likely to finish the course.",
               similarity=0.5)
    assert missing_value(question, question, [ages], idf) is AnswerType.COUNT
    finished = hit("42 women finished the recovery course in its first year.")
    assert missing_value(question, question, [eligible, finished], idf) is None
    question = "What age do women have to be to join the Wyvern recovery course?"
    assert missing_value(question, question, [eligible], idf) is None


def test_attendance_is_a_count_given_beside_its_noun():
    """"What was the attendance at the conference?" asks for a number, and a sentence that
    only plans the conference gives none."""
    idf = {"attend": 4.0, "confer": 4.0, "wyvern": 3.0}
    planned = hit("Work with partners to deliver a domestic abuse conference for Wyvern.",
                  similarity=0.6)
    question = "What was the attendance at the Wyvern domestic abuse conference?"
    assert expected_type(question) is AnswerType.COUNT
    assert missing_value(question, question, [planned], idf) is AnswerType.COUNT
    held = hit("The conference was held in March with an attendance of 180 professionals.")
    assert missing_value(question, question, [planned, held], idf) is None
