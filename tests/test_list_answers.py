"""Whole-list answers: a list question is recognised, and answered with every item of the list
it names, in document order, from the section it names and no further (kb.answers.lists)."""

from dataclasses import replace
from functools import partial

from kb.records import ChunkKind, Hit
from tests.hit_support import hit, passage


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


WHOLE_SECTIONS = (
    "Wyvern Domestic Abuse Strategy 2024-2027\n\n1. Our aims\n\nThe partnership has agreed "
    "three aims:\n• Aim 1: Fewer people experience domestic abuse.\n• Aim 2: Victims get the "
    "right help at the right time.\n• Aim 3: Perpetrators are held to account.\n\n"
    "2. Delivering the aims\n\n2.1 Prevention\n\nWe will teach healthy relationships in all 22 "
    "secondary schools.\n\n2.2 Support for victims\n\nWe will recommission the advocacy service "
    "with four more advisors. We will open a service for Black and minoritised women.\n\n"
    "2.3 Pursuing perpetrators\n\nWe will fund a behaviour change programme for 70 men a year."
    "\n\n3. Governance\n\nThe Wyvern Partnership Board oversees this strategy. It reports to "
    "the Community Safety Partnership every six months.\n\n4. Funding\n\nThe partnership will "
    "spend £2.1 million a year on these services.\n\n")


def test_a_question_about_a_whole_section_is_answered_with_that_section(tmp_path):
    """"What does section 2.2 say?" asks for no kind of passage: the answer is the section,
    from its heading on, and nothing of another section (not the aims' bullets); "section 2"
    is all of its subsections, and a division named by its heading ("the Governance section")
    is one too. A section the document does not have is not answered from another."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": WHOLE_SECTIONS})
    sub = kb.ask("What does section 2.2 of the Wyvern strategy say?").text
    assert "four more advisors" in sub and "minoritised women" in sub
    assert "Aim 1" not in sub and "22 secondary schools" not in sub and "70 men" not in sub
    chapter = kb.ask("What does Wyvern's section 2 say?").text
    assert all(item in chapter for item in ("22 secondary schools", "four more advisors",
                                            "70 men"))
    assert "Aim 1" not in chapter and "six months" not in chapter
    governance = kb.ask("What does the Governance section of the Wyvern strategy say?").text
    assert "oversees this strategy" in governance and "every six months" in governance
    assert "£2.1 million" not in governance
    plan = kb._retriever.plan("What does section 2.2 of the Wyvern strategy say?", None)
    assert plan.whole_section and not plan.kinds
    # "What are the delivery strands?" asks for the strands, not for a section called so
    assert not kb._retriever.plan("What are the delivery strands of the Wyvern strategy?",
                                  None).whole_section


def test_a_section_called_by_a_number_the_strategy_does_not_use_is_refused_by_name(tmp_path):
    """"What does section 7 say?" of a strategy whose sections stop at 4 is refused, and the
    refusal names the section and where it was looked for, instead of quoting other sections."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": WHOLE_SECTIONS})
    answer = kb.ask("What does section 7 of the Wyvern strategy say?")
    assert not answer.found
    assert "no section 7 was found in the documents of Wyvern" in answer.text
    assert kb.ask("What does section 3 of the Wyvern strategy say?").found


OUTCOME_ROWS = (
    "Wyvern Domestic Abuse Strategy 2024-2027\n\nYoung people have healthy relationships\n\n"
    "What we will do\n\n1.1 - Teach healthy relationships in every secondary school\n\n"
    "1.2 - Train youth workers to spot controlling behaviour\n\n"
    "Victims are safe in their own homes\n\nWhat we will do\n\n"
    "2.1 - Extend the sanctuary scheme to private tenants\n\n"
    "2.2 - Fund a by-and-for advocate for disabled victims\n\n"
    "People who harm change their behaviour\n\nWhat we will do\n\n"
    "3.1 - Commission a behaviour change programme for 60 men a year\n")


def test_a_section_called_by_a_number_no_heading_has_is_the_rows_it_numbers(tmp_path):
    """Wyvern numbers no heading, only its actions ("2.1 - …" under its second outcome):
    "What does section 2 say?" is answered with rows 2.1 and 2.2, not with another outcome's."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": OUTCOME_ROWS})
    answer = kb.ask("What does section 2 of the Wyvern strategy say?")
    assert [c.quote.split(" - ")[0] for c in answer.citations] == ["2.1", "2.2"]



def test_a_list_about_a_topic_is_anchored_on_a_hit_of_its_kind_that_speaks_of_the_topic():
    """"What are Wyvern's actions to increase prosecutions?": the actions that speak of
    prosecutions, not the "KEY ACTIONS" introduction ranked above them, whose heading names
    the list and nothing of its topic; with no topic besides the list, the first hit stays."""
    from kb.backends.chunks import StoredChunk
    from kb.records import Chunk, DocumentInfo
    from kb.retrieval.headings import HeadingMatcher
    from kb.retrieval.list_anchor import ListLocator
    from kb.retrieval.plan import SearchPlan

    doc = DocumentInfo("d", "wyvern", "Wyvern Domestic Abuse Strategy", "2024-2027",
                       "strategy", "adopted")
    texts = {"KEY ACTIONS": "KEY ACTIONS\n\nThe following actions are the starting point for "
                            "a refreshed action plan.",
             "PROTECT > What we will do": "1. Work with the police to increase prosecutions.\n"
                                          "2. Offer safety planning to every victim."}
    chunks = {i: StoredChunk(Chunk(f"c{i}", "d", text, None, section, ChunkKind.ACTION, 0,
                                   len(text), i), doc, "h", "wyvern.txt")
              for i, (section, text) in enumerate(texts.items())}
    locator = ListLocator(HeadingMatcher({}, list(texts)), {}, top_k=5)

    def anchor(terms: set[str]) -> int:
        plan = SearchPlan(text="q", lexical_text="q", areas=None, per_area=False,
                          terms=frozenset(terms),
                          kinds=frozenset({ChunkKind.ACTION}), listing=True,
                          list_nouns=frozenset({"action"}), list_terms=frozenset(terms))
        return locator.anchor(plan, [0, 1], chunks)[0]

    assert anchor({"action", "increas", "prosecut"}) == 1
    assert anchor({"action"}) == 0


ITEM_AND_RESEARCH = """Wyvern Domestic Abuse Strategy 2024-2027

Our outcomes

We will focus on four outcomes:

- Young people enjoy healthy relationships
- Victims are safe and supported
- Perpetrators are held to account and change their behaviour
- Communities recognise abuse and report it

Perpetrators are held to account and change their behaviour

What we know

Research on perpetrator programmes is sparse. Perpetrators who complete a programme reoffend
less, and perpetrators who drop out reoffend more. Many perpetrators are never convicted, so
perpetrator work outside the courts matters.
"""


def test_which_item_of_a_kind_is_about_a_topic_is_answered_from_items_of_that_kind(tmp_path):
    """"Which Wyvern outcome is about perpetrators?" asks which of its outcomes: it is
    answered from the outcomes, not from the research under that outcome's heading, which
    says "perpetrators" more often."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": ITEM_AND_RESEARCH})
    answer = kb.ask("Which Wyvern outcome is about perpetrators?").text
    assert "held to account and change their behaviour" in answer
    assert "Research on perpetrator programmes" not in answer
    assert kb._retriever.plan("Which of Wyvern's priorities covers housing?", None).item_asked
    assert not kb._retriever.plan("Which councils mention refuges?", None).item_asked


def test_a_section_called_by_number_is_found_though_no_search_finds_its_words(tmp_path):
    """"What's in section 3 of the Wyvern strategy?" has no topic word to find section 3 by;
    where no top hit is under it, the section's own first chunks lead (found by their
    heading), here past the few candidates each ranking reads."""
    from tests.corpus_support import corpus_kb

    topics = ["refuges", "schools", "courts", "hospitals", "employers", "housing", "police",
              "youth clubs", "GP surgeries", "faith groups"]
    text = "Wyvern Domestic Abuse Strategy 2024-2027\n\n1. Our work\n\n" + "".join(
        f"1.{n} Work with {topic}\n\nThis section of the strategy says what we will do "
        f"with {topic} in Wyvern over 3 years.\n\n"
        for n, topic in enumerate(topics, 1)) + (
        "3. Background facts and figures\n\nIn 2023 Wyvern police recorded 4,100 incidents "
        "and the helpline took 2,300 calls.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text}, dense_k=4, lexical_k=4)
    answer = kb.ask("What's in section 3 of the Wyvern strategy?")
    assert answer.found
    assert "4,100 incidents" in answer.text


def test_an_answer_full_of_one_lists_items_gives_the_rest_of_that_list():
    """"What does Wyvern already have in place for prevention?" is no list question in its
    words, but its answer fills with the first items under "What we have already", one after
    another: it goes on to the list's last item, in document order, and no further."""
    from kb.answers.extractive import MAX_SENTENCES, compose

    items = ["Prevention helpline", "Prevention clinic", "Prevention campaigns",
             "Prevention training", "Prevention groups", "Sanctuary schemes", "School nurses"]
    text = ("What we have already\n\n" + "\n".join(f"- {item}" for item in items)
            + "\n\nThe Wyvern board meets each year.")
    place = hit(text, section="Prevention > What we have already")
    answer = compose("What does Wyvern already have in place for prevention?", [place],
                     {"prevent": 1.0, "wyvern": 0.5, "place": 2.0, "alreadi": 2.0})
    lines = answer.text.split("\n")
    assert len(items) > MAX_SENTENCES
    assert [line.split(" [")[0] for line in lines] == [f"- {item}" for item in items]


def test_a_line_that_heads_list_items_brings_them():
    """"What gaps does Wyvern see in the justice system?" is answered best by a line that heads
    a list, no sentence ("Filling gaps in the justice system for victims"): its items follow
    it, in order, and say what it heads."""
    from kb.answers.extractive import AnswerShape, compose

    text = ("Filling gaps in the justice system for victims\n- long waits for a court date\n"
            "- legal aid cuts\n- too little training for lawyers\n\n"
            "The Wyvern board meets each year.")
    answer = compose("What gaps does Wyvern see in the justice system?",
                     [hit(text, section="Perpetrators")],
                     {"gap": 3.0, "justic": 2.0, "system": 1.0, "wyvern": 0.5}, AnswerShape())
    lines = [line.split(" [")[0] for line in answer.text.split("\n")]
    assert lines[:4] == ["Filling gaps in the justice system for victims",
                         "- long waits for a court date", "- legal aid cuts",
                         "- too little training for lawyers"]


def test_headed_items_go_on_into_the_next_passage_under_the_same_heading():
    """A list that runs to the end of its passage goes on in the next chunk of the document
    when that chunk is retrieved and under the same heading; not into another heading's list."""
    from kb.answers.extractive import AnswerShape, compose

    first = passage("c1", "Filling gaps in the justice system for victims\n- long waits for a "
                          "court date\n- legal aid cuts", "Perpetrators", 0)
    second = passage("c2", "- too little training for lawyers\n- no housing referrals",
                     "Perpetrators", first.end + 1)
    other = passage("c3", "- Wyvern will review its refuges", "Perpetrators > Next steps",
                    second.end + 1)
    idf = {"gap": 3.0, "justic": 2.0, "system": 1.0, "wyvern": 0.5}
    answer = compose("What gaps does Wyvern see in the justice system?", [first, other, second],
                     idf, AnswerShape())
    lines = [line.split(" [")[0] for line in answer.text.split("\n")]
    assert lines[:5] == ["Filling gaps in the justice system for victims",
                         "- long waits for a court date", "- legal aid cuts",
                         "- too little training for lawyers", "- no housing referrals"]
    assert "- Wyvern will review its refuges" not in lines[:5]
