"""Refusals: names the evidence must hold, sections, places and documents named, and years
(kb.answers.refusal; topics the strategies never mention: tests/test_unseen_topics.py)."""

from dataclasses import replace

from tests.hit_support import hit


def test_plural_acronyms_and_possessives_are_not_missing_names():
    from kb.answers.refusal import specific_terms, uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    assert specific_terms("What does Wyvern say about IDVAs?", resolver, {"IDVA"}) == []
    # an acronym's possessive is the acronym: the glossary spells it out
    assert specific_terms("What did the PCC's workshop in Wyvern find?", resolver, {"PCC"}) == []
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
    # a name is held as whole words: "IRIS" is no part of "enquiries"
    enquiries = hit("Partners will answer enquiries from GP practices within a week.",
                    similarity=0.6)
    assert uncovered_reason("Which Wyvern GP practices take part in IRIS?", [enquiries], 0.3,
                            resolver, (), {}) == "the strategies do not mention 'IRIS'"
    # slides write a name by its initials
    slide = hit("The TV wide force position is currently shown at 23%.", similarity=0.6)
    assert uncovered_reason("How did Thames Valley's rise compare with Wyvern's?", [slide], 0.3,
                            resolver, (), {}) == ""
    assert uncovered_reason("How did Thames Water's rise compare with Wyvern's?", [slide], 0.3,
                            resolver, (), {}) == "the strategies do not mention 'Thames Water's'"


def test_an_everyday_acronym_no_document_writes_is_no_name_the_evidence_must_hold():
    """"BAME": the strategies write "Black, Asian and minority ethnic" (vocabulary
    [synonyms]); where no indexed document writes the word, it is read as theirs, not as a
    name."""
    from kb.answers.refusal import specific_terms
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver
    from kb.text import content_terms

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    written = content_terms("Black, Asian and minority ethnic victims; GP practices")
    assert specific_terms("What does Wyvern do for BAME victims?", resolver, (), written) == []
    assert specific_terms("What does Wyvern do for BAME victims?", resolver, (), {"bame"}) == [
        "BAME"]


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
    assert reason("According to the 2017 strategic review, what is stalking?") == (
        "no indexed document is the '2017 strategic review'")  # its name ends with "review"
    assert reason("What does the strategy say about national guidance on stalking?") == ""
    # a period that no indexed document of the area runs over: the plan it replaced
    assert reason("What did the Wyvern Domestic Abuse Strategy 2017-2020 say about stalking?") == (
        "no indexed document is the 'Domestic Abuse Strategy 2017-2020'")
    assert reason("What does the Wyvern Domestic Abuse Strategy 2021-2024 say about stalking?") == ""
    assert reason("What does the 2022 Wyvern strategy say about stalking?") == ""  # runs over it
    # a document the strategy reports on, in a passage on what is asked of it, is answered there
    review = replace(hit("The nine recommendations of the 2017 Independent Review of Refuges "
                         "are set out below.", similarity=0.6),
                     title="Wyvern Domestic Abuse Strategy")

    def reported(question):
        return uncovered_reason(question, [review], 0.3, resolver, {}, {}, documents=documents)

    assert reported("What did Wyvern's 2017 independent review recommend?") == ""
    assert reported("What did the 2017 independent review say about stalking?") == (
        "no indexed document is the '2017 independent review'")
    national = DocumentResolver([DocumentInfo("n", "england", "National Statement of Expectations",
                                              "2022", "strategy", "adopted")])
    assert national.unknown("What does the national statement of expectations say?", ()) == ""


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
                     "Our vision is a Wyvern free from abuse.", "The board picks up new work."])

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
    # … nor how it is asked ("actually")
    assert reason("What did the 2022 launch actually cover?", [launch, strategy]) == ""
    # … and it speaks of what the question says in other words, in the strategies' own
    review = replace(hit("The outstanding recommendations of the review are addressed in this "
                         "strategy."), doc_id="wy-strategy",
                     title="Wyvern Domestic Abuse Strategy 2021-2024")
    assert reason("What was left over that the 2021-24 strategy picks up?",
                  [review, launch]) == ""
    assert reason("What was left over that the 2022 launch picks up?",
                  [launch, review]) == "'Recovery Pilots Launch Event 2022' does not speak of it"


def test_a_review_the_strategy_reports_on_is_answered_from_its_listed_recommendations(tmp_path):
    """"What did the 2019 review recommend about outreach?" names no indexed document, but the
    strategy lists that review's recommendations ("The recommendations of the 2019 Strategic
    Review … are as follows:"): the item on outreach answers it, also where it sits in a chunk
    that continues the list under that lead-in; a subject none of them is about is refused."""
    from tests.corpus_support import corpus_kb

    items = "\n".join(f"{n}. {text}" for n, text in enumerate((
        "Commission a single specialist service for the whole county with one front door.",
        "Publish a pathway for survivors that every partner agency signs up to and follows.",
        "Train frontline housing staff to ask about abuse at every tenancy review meeting.",
        "Set up a survivors' forum that meets every quarter and reports to the board.",
        "Extend the outreach service to rural villages and market towns across Wyvern.",
        "Strengthen links between domestic abuse and sexual violence services.",
    ), start=1))
    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nIntroduction\n\nThis strategy follows "
            "the 2019 Strategic Review of Domestic Abuse in Wyvern.\n\nThe recommendations of the "
            f"2019 Strategic Review of Domestic Abuse in Wyvern are as follows:\n\n{items}\n\n"
            "Our priorities\n\nWe will open a second refuge in Kingsbridge.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text}, chunk_max_words=40)
    answer = kb.ask("What did the 2019 review recommend about outreach?")
    assert answer.found
    assert any(c.quote.startswith("5. Extend the outreach service") for c in answer.citations)
    assert not kb.ask("What did the 2019 review recommend about taxi drivers?").found



def test_how_a_question_relates_an_area_to_a_name_is_not_what_it_is_about():
    """"How does Wyvern plan to work with GPs?" is about GPs: the sentence that names them
    need not also say "work" to be on the question's topic ("Encourage membership of GPs")."""
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    idf = {"work": 1.5, "gps": 4.0, "gp": 4.0, "encourag": 3.0, "membership": 3.0, "plan": 1.0}
    champions = hit("Encourage membership of GPs and school headteachers.", similarity=0.6)
    reason = uncovered_reason("How does Wyvern plan to work with GPs?", [champions], 0.3,
                              resolver, (), idf, looked_up=["GPs"])
    assert reason == ""
    # a name said with none of what the question is about is still said in passing
    assert uncovered_reason("How does Wyvern fund refuges with GPs?", [champions], 0.3,
                            resolver, (), {**idf, "fund": 3.0, "refug": 3.0},
                            looked_up=["GPs"]).endswith("only in passing")


def test_a_judgement_asked_for_is_no_topic_word_of_a_named_programme():
    """"What are the drawbacks of the Wyvern Change Programme?" asks for a judgement of the
    programme: the sentence that names it ("… can be rigid in delivery") need not also say
    "drawbacks" (vocabulary [topic] value_words), as it need not say "strengths"."""
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"calder": Area("calder", "Calder", ("Calder",))}, [])
    idf = {"wyvern": 5.0, "chang": 2.0, "programm": 2.0, "rigid": 5.0, "deliveri": 1.5,
           "drawback": 6.0, "strength": 6.0, "refug": 3.0}
    rigid = hit("The Wyvern Change Programme can be rigid in delivery and time-limited.",
                similarity=0.6)

    def reason(question):
        return uncovered_reason(question, [rigid], 0.3, resolver, (), idf,
                                looked_up=["Wyvern Change Programme"])

    assert reason("What are the drawbacks of the Wyvern Change Programme in Calder?") == ""
    assert reason("What are the strengths of the Wyvern Change Programme in Calder?") == ""
    assert reason("Is the Wyvern Change Programme in Calder realistic?") == ""
    # a topic word the sentence does not hold still makes the name one said in passing
    assert reason("What refuges does the Wyvern Change Programme run in Calder?").endswith(
        "only in passing")


def test_what_a_question_says_is_not_so_need_not_be_written():
    """"What happens to perpetrators who don't go to prison?" asks about perpetrators: the
    strategy need not write "prison"; the words it does not negate are still judged."""
    from kb.answers.extractive import idf_table
    from kb.answers.refusal import uncovered_reason
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, [])
    programmes = hit("Perpetrators who are not convicted are offered a community perpetrator "
                     "programme.", section="Perpetrators", similarity=0.3)
    # (another council's strategy writes of prison, Wyvern's does not)
    idf = idf_table([programmes.text, "We will use schools to teach healthy relationships.",
                     "The board meets every quarter.", "Offenders leaving prison are met."])
    wyvern_writes = set(idf_table([programmes.text]))
    assert uncovered_reason("What happens to Wyvern perpetrators who don't go to prison?",
                            [programmes], 0.15, resolver, (), idf,
                            used=wyvern_writes.__contains__) == ""
    assert uncovered_reason("What does Wyvern say about potholes that are not fixed?",
                            [programmes], 0.15, resolver, (), idf) == (
        "no passage is about 'potholes'")
