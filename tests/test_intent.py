"""The kind of passage a question asks for (fictional councils)."""

from dataclasses import replace

import pytest

from kb.records import ChunkKind
from kb.retrieval.intent import defined_term, intended_kinds


@pytest.mark.parametrize(("question", "kinds"), [
    ("How will Wyvern measure progress on refuges?", {ChunkKind.INDICATOR}),
    ("How will Wyvern know whether its perpetrator work is working?", {ChunkKind.INDICATOR}),
    ("How will Calder judge whether its strategy is working?", {ChunkKind.INDICATOR}),
    ("How will Wyvern assess if the new refuge works?", {ChunkKind.INDICATOR}),
    ("How will Calder tell whether its Protect work is succeeding?", {ChunkKind.INDICATOR}),
    ("What will Calder Vale do about stalking?", {ChunkKind.ACTION}),
    ("How will Calder Vale tackle stalking?", {ChunkKind.ACTION}),
    ("What does Calder Vale say it will do for children living with abuse?", {ChunkKind.ACTION}),
    ("What is Calder Vale planning for children living with abuse?", {ChunkKind.ACTION}),
    # "What will …" frames the question; another kind's cue says what it asks for
    ("What will Wyvern measure to show refuges are working?", {ChunkKind.INDICATOR}),
    ("What is Wyvern going to track on stalking?", {ChunkKind.INDICATOR}),
    ("What is Wyvern doing about forced marriage?", {ChunkKind.ACTION}),
    ("What is Calder Vale going to do about forced marriage?", {ChunkKind.ACTION}),
    # "going to" a place is a movement, not an intention
    ("What did survivors tell Wyvern about going to a refuge out of the area?", set()),
    ("How many victims in Calder Vale are going to court alone?", {ChunkKind.STATISTIC}),
    ("What does Wyvern do about forced marriage?", {ChunkKind.ACTION}),
    # … as does a plan or intention to do something
    ("How does Wyvern plan to measure whether fewer children are harmed?",
     {ChunkKind.INDICATOR}),
    ("How does Calder Vale intend to track its refuge work?", {ChunkKind.INDICATOR}),
    ("What does Wyvern plan to do about forced marriage?", {ChunkKind.ACTION}),
    # … but "the plan" that is the document frames the question ("What's the plan for…" asks)
    ("How will Wyvern know if the plan is working?", {ChunkKind.INDICATOR}),
    ("What's the plan for perpetrators in Calder Vale?", {ChunkKind.ACTION}),
    ("What does Wyvern plan for its helpline?", {ChunkKind.ACTION}),
    ("How will Calder Vale know it has made a difference?", {ChunkKind.INDICATOR}),
    ("What does MARAC do?", {ChunkKind.GLOSSARY}),
    ("What is Wyvern doing in schools?", {ChunkKind.ACTION}),
    # how an area deals with something is what it does about it …
    ("How does Wyvern deal with perpetrators?", {ChunkKind.ACTION}),
    ("How is Calder Vale tackling stalking?", {ChunkKind.ACTION}),
    ("How do the councils respond to repeat victims?", {ChunkKind.ACTION}),
    # … unless the question asks for another kind
    ("How does Wyvern deal with stalking in its indicators?", {ChunkKind.INDICATOR}),
    ("How does Wyvern propose to reach older victims?", {ChunkKind.ACTION}),
    ("What does Wyvern hope its prevention work will achieve?",
     {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("What change does Calder Vale want to see for young people?",
     {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("Where does Wyvern want to be by 2027?", {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("What is the Wyvern strategy trying to do?",
     {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("Who oversees the strategy?", {ChunkKind.GOVERNANCE}),
    ("What is Wyvern's vision statement?", {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("What is the MARAC?", {ChunkKind.GLOSSARY}),
    # a question that opens with the kind it asks for asks for it, whatever the rest names
    ("What actions support the prevention priority?", {ChunkKind.ACTION}),
    ("Which indicators track Wyvern's perpetrator outcome?", {ChunkKind.INDICATOR}),
    ("What difference does Wyvern expect its work with abusers to make?",
     {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    # a cue that only qualifies another kind's noun: the noun's kind
    ("What are the intended outcomes of Wyvern's strategy for perpetrators?",
     {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}),
    ("What are Calder Vale's planned targets for refuges?", {ChunkKind.INDICATOR}),
    # a question that asks why asks for reasons, whatever kind its words name
    ("Why does Wyvern think abuse is hard to measure?", set()),
    ("What are the reasons Calder Vale gives for its targets?", set()),
    # cues of two kinds at once: no guess
    ("How do the actions support the prevention priority?", set()),
    ("Tell me about refuges in Wyvern", set()),
])
def test_intended_kinds(question, kinds):
    assert intended_kinds(question) == frozenset(kinds)


def test_what_an_area_does_under_a_named_section_asks_for_its_actions():
    """The plan reads the kind without the section's name ("its Recovery strand") and with the
    area's name taken out ("What does Bucks do…")."""
    from kb.retrieval.headings import section_reference

    for question in ("What does  do under its Recovery strand?",
                     "What is  planning under its Housing priority?"):
        rest = section_reference(question).rest
        assert intended_kinds(rest) == {ChunkKind.ACTION}, question


def test_defined_term():
    assert defined_term("What does JDATT stand for?") == "JDATT"
    assert defined_term("What will the JDATT deliver next year for victims of abuse?") is None


def test_a_list_asked_for_of_another_is_the_one_asked_for():
    """"What are the risks to Wyvern achieving its outcomes?" asks for risks, not outcomes;
    "the indicators for the young people outcome" for indicators; both lists of "the aims and
    outcomes of the strategy" are asked for."""
    from kb.retrieval.lists import asked_nouns

    assert asked_nouns("What are the risks to Wyvern achieving its outcomes?") == {"risk"}
    assert intended_kinds("What are the risks to Wyvern achieving its outcomes?") == frozenset()
    assert intended_kinds("What are the indicators for Wyvern's young people outcome?") == {
        ChunkKind.INDICATOR}
    assert asked_nouns("What are the aims and outcomes of the strategy?") == {"aim", "outcom"}
    # a list the question opens with: the rest says what it is for
    assert asked_nouns("What risks could stop Wyvern achieving its outcomes?") == {"risk"}
    assert asked_nouns("Which working principles have partners signed up to in delivering "
                       "their aims?") == {"principl"}
    assert intended_kinds("What are Wyvern's outcomes for children?") == {
        ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}


def test_a_question_that_only_asks_for_a_kind_is_answered_by_a_passage_of_that_kind(tmp_path):
    """"How will Wyvern measure success?" shares no word with Wyvern's performance framework
    ("will monitor a quarterly dashboard…"); the question asks for indicators, and the passage
    under an indicator heading answers it rather than a refusal."""
    from tests.corpus_support import corpus_kb

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nOur vision\n\nA Wyvern where abuse is "
            "not tolerated.\n\nKey actions for year one\n\n- Launch a champions network in GP "
            "surgeries\n- Commission a recovery service for children\n\nPerformance framework\n\n"
            "The partnership board will monitor a quarterly dashboard covering repeat referrals "
            "to MARAC, arrests and charges, and take-up of refuge places.\n")
    answer = corpus_kb(tmp_path, {"wyvern.txt": text}).ask("How will Wyvern measure success?")
    assert answer.found
    assert answer.text.startswith("The partnership board will monitor a quarterly dashboard")


def test_passages_sharing_only_question_words_with_it_get_no_word_match_credit(tmp_path):
    """"What are Wyvern's targets?": Wyvern never writes "targets", and every priority opens
    "What we will do:". The word search then matches the question's "What" alone, which says
    nothing of its topic; the measures outscore the priorities, as the dense ranking has them."""
    from tests.corpus_support import corpus_kb

    priorities = [("Safe homes", "open two refuges for women and their children"),
                  ("Early help", "fund outreach workers in every rural village"),
                  ("Young people", "deliver healthy relationships lessons in every school"),
                  ("Health", "place a navigator in the hospital's emergency department"),
                  ("Justice", "work with the courts to set up a specialist court"),
                  ("Perpetrators", "commission a behaviour change programme")]
    text = "Wyvern Domestic Abuse Strategy 2024-2027\n\n" + "".join(
        f"Priority {n}: {name}\n\nWhat we will do: {what}.\n\n"
        for n, (name, what) in enumerate(priorities, 1)) + (
        "How we will know we are making a difference\n\nRepeat referrals to MARAC fall from "
        "34% to 28% by 2027. Victims who feel safer when support ends rise from 71% to 85%.\n")
    hits = corpus_kb(tmp_path, {"wyvern.txt": text}).search("What are Wyvern's targets?", k=8)
    measures = next(h for h in hits if "28%" in h.text)
    assert all(h.score < measures.score for h in hits if "What we will do" in h.text)


def test_a_question_for_a_kind_of_passage_is_answered_by_it_whatever_it_is_called(tmp_path):
    """"What is Wyvern's vision?": Wyvern heads its vision "Our ambition" and never writes
    the word; no passage is like the bare question, yet its vision answers it, not its
    themes (aims, which the question's cue favours as well)."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n"
        "Our ambition\n\nWyvern will be a place where abuse is not tolerated and survivors are "
        "believed and helped early.\n\n"
        "Our themes\n\n- Theme A: Understanding and preventing abuse\n"
        "- Theme B: Support that fits the person\n\n"
        "Action plan\n\nWe will recommission the refuge with eight more units by April 2025.\n")},
        min_relevance=0.99)
    answer = kb.ask("What is Wyvern's vision?")
    assert answer.found
    assert answer.text.startswith("Wyvern will be a place where abuse is not tolerated")
    assert "Theme A" not in answer.text


def test_of_the_kinds_a_question_favours_its_words_may_name_one():
    from kb.records import ChunkKind
    from kb.retrieval.intent import intended_kinds, named_kinds

    group = intended_kinds("What is Wyvern's vision?")
    assert group == {ChunkKind.AIM, ChunkKind.OUTCOME, ChunkKind.VISION}
    assert named_kinds("What is Wyvern's vision?", group) == {ChunkKind.VISION}
    assert named_kinds("What are Wyvern's aims and outcomes?", group) == {
        ChunkKind.AIM, ChunkKind.OUTCOME}
    assert named_kinds("What does Wyvern hope to achieve in the long run?", group) == group
    plural = "What are the visions of Wyvern and Calder Vale?"
    assert named_kinds(plural, intended_kinds(plural)) == {ChunkKind.VISION}
    assert intended_kinds("How does Wyvern govern its strategy?") == {ChunkKind.GOVERNANCE}


def test_with_no_passage_using_its_words_the_passage_of_the_named_kind_answers():
    """The themes rank first, but "What is vision?" names the vision ("Our ambition")."""
    from kb.answers.extractive import AnswerShape, compose
    from kb.records import ChunkKind, Hit

    def hit(chunk_id: str, section: str, text: str, kind: ChunkKind) -> Hit:
        return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern",
                   title="t", period="2024-2027", page=None, section=section, kind=kind,
                   start=0, end=len(text))

    themes = hit("c1", "Our themes", "- Theme A: Understanding and preventing abuse\n"
                                     "- Theme B: Support that fits the person", ChunkKind.AIM)
    ambition = hit("c2", "Our ambition", "Wyvern will be a place where abuse is not "
                                         "tolerated.", ChunkKind.VISION)
    parts = {"c1": [(0, 44, 0.5), (45, 85, 0.5)], "c2": [(0, 46, 0.3)]}
    answer = compose("What is vision?", [themes, ambition], {},
                     AnswerShape(kinds=frozenset({ChunkKind.VISION})),
                     parts=parts, similarity_weight=4.0)
    assert answer.text == "Wyvern will be a place where abuse is not tolerated. [1]"
    # about two areas, each area's own: Calder Vale writes "vision", Wyvern does not
    calder = replace(hit("c3", "Our vision", "Our vision is a Calder Vale free from abuse.",
                         ChunkKind.VISION), area="calder")
    both = compose("What are the visions?", [themes, calder, ambition], {},
                   AnswerShape(multi_area=True, kinds=frozenset({ChunkKind.VISION})),
                   parts=parts, similarity_weight=4.0)
    assert "Theme A" not in both.text
    assert "Wyvern will be a place where abuse is not tolerated. [" in both.text


YOUNG_PEOPLE = """Wyvern Domestic Abuse Strategy 2051-2056

Young people have healthy relationships

What young people told us

- Young people want lessons on healthy relationships that feel real, with role-plays.
- Young people said support for young people should be easy to find online.

What we will do

- Fund a healthy relationships programme in every secondary school.
- Train youth workers to spot abuse in teenage relationships.
"""


def test_a_question_opening_with_the_kind_it_asks_for_is_answered_with_that_kind(tmp_path):
    """"What actions support the young people outcome?" names an outcome too: its actions
    answer, not what young people said under the outcome."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": YOUNG_PEOPLE})
    answer = kb.ask("What actions support Wyvern's young people outcome?")
    assert answer.citations[0].quote.startswith(("- Fund a healthy", "What we will do"))


STALKING = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nDelivery\n\nOur delivery plan sets "
            "out the work we intend to do each year and who leads it.\n\nStalking\n\nWe will "
            "fund a specialist advocate for victims of stalking across the county.\n\n"
            "Our county\n\nReports of stalking rose by a fifth last year. Stalking and "
            "harassment now make up one in ten police reports of domestic abuse.\n")
PERPETRATORS = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nFamilies\n\nWe will make an offer "
                "to families of perpetrators who want to stay together and want to achieve a "
                "safe home.\n\nOur outcomes\n\nPerpetrators are prevented from causing harm."
                "\n\nVictims feel safe at home.\n\nPolicing\n\nPerpetrators are arrested. Police "
                "refer perpetrators to MARAC. Perpetrators attend programmes.\n")


@pytest.mark.parametrize(("text", "question", "first", "framing"), [
    (STALKING, "What does Wyvern intend to do about stalking?",
     "We will fund a specialist advocate", "delivery plan"),
    # "want to achieve" asks for its aims on perpetrators, not for families who "want" things
    (PERPETRATORS, "What does Wyvern want to achieve with perpetrators?",
     "Perpetrators are prevented from causing harm", "stay together"),
])
def test_the_words_that_frame_a_question_weigh_nothing_in_its_answer(tmp_path, text, question,
                                                                      first, framing):
    """"What does Wyvern intend to do about stalking?": the sentence that says what the plan
    intends is no part of the answer; those about stalking are (kb.retrieval.intent.framing_words)."""
    from tests.corpus_support import wyvern_answer

    answer = wyvern_answer(tmp_path, text, question)
    assert answer.text.startswith(first)
    assert framing not in answer.text.split("\n")[0]


def test_how_an_area_deals_with_a_topic_is_answered_by_what_it_does(tmp_path):
    """"How does Wyvern address stalking?" asks what it does about stalking: its action, not
    the sentence that shares the question's verb ("address gaps")."""
    from tests.corpus_support import wyvern_answer

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nOur county\n\nReports of stalking "
            "rose by a fifth last year, and stalking now makes up one in ten police reports of "
            "domestic abuse in the county.\n\nWhat we will do\n\n- Address gaps in services "
            "for victims and commission new services where gaps are found.\n- Fund a "
            "specialist stalking advocate for victims across the county.\n")
    answer = wyvern_answer(tmp_path, text, "How does Wyvern address stalking?")
    assert answer.citations[0].quote.startswith("- Fund a specialist stalking advocate")
    assert "Address gaps" not in answer.text


def test_a_statement_or_key_performance_indicators_ask_for_a_kind_of_passage_only():
    """"What is Wyvern's vision statement?": "statement" names the kind of passage, as
    "vision" does, so a strategy that never writes "statement" still answers it."""
    from kb.retrieval.intent import kind_words
    from kb.text import content_terms

    assert kind_words("What is Wyvern's vision statement?") == content_terms("vision statement")
    assert kind_words("What is the mission statement?") == content_terms("mission statement")
    # … and so do "key performance indicators", spelled out
    assert kind_words("Give me Wyvern's key performance indicators.") == content_terms(
        "key performance indicators")


def test_planning_for_something_frames_the_question():
    """"What does Wyvern plan for its helpline?" asks what it will do for the helpline: a
    sentence that holds "plan" ("The Delivery Plan categorises…") answers nothing by it."""
    from kb.retrieval.intent import framing_words

    assert "plan" in framing_words("What does Wyvern plan for its helpline?")
    assert "plan" not in framing_words("What does the delivery plan say about the helpline?")
