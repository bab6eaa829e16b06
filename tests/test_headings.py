"""Headings named in a question favour the chunks under them."""

import math

from kb.retrieval.headings import HeadingMatcher, section_reference
from kb.text import content_terms

# idf of 20 chunks: "domestic"/"abuse" are everywhere, strand names are rare
IDF = {t: math.log(1 + 20 / df) for t, df in [
    ("domest", 18), ("abus", 18), ("pursu", 1), ("prevent", 3), ("key", 1), ("indic", 1),
    ("progress", 1), ("principl", 1), ("strand", 2), ("prioriti", 1)]}


SECTIONS = ["5. Objectives > Pursuing > What we will do", "5. Objectives > Prevention > What we will do",
            "Outcome 2 > Key Indicators of Progress", "Domestic Abuse", "Principles"]


def test_template_headings_are_not_section_names():
    matcher = HeadingMatcher(IDF, [*SECTIONS, "Outcome 3 > Key Indicators of Progress"])
    terms = frozenset(content_terms("the key indicators of progress for outcome 2"))
    assert not matcher.named("Outcome 3 > Key Indicators of Progress", terms)


def test_a_named_strand_matches_its_section():
    matcher = HeadingMatcher(IDF, SECTIONS)
    terms = frozenset(content_terms("What does Wyvern want to achieve under its 'Pursuing' strand?"))
    assert matcher.named("5. Objectives > Pursuing > What we will do", terms)
    assert not matcher.named("5. Objectives > Prevention > What we will do", terms)


def test_common_headings_never_match():
    matcher = HeadingMatcher(IDF, SECTIONS)
    terms = frozenset(content_terms("What does the domestic abuse strategy say about refuges?"))
    assert not matcher.named("Domestic Abuse", terms)


def test_a_heading_that_asks_a_frame_question_in_everyday_words_names_no_section():
    idf = {**IDF, "get": math.log(1 + 20 / 1), "coerciv": math.log(1 + 20 / 1),
           "control": math.log(1 + 20 / 2)}
    sections = ["Plan > How will we get there?", "Plan > What is coercive control?"]
    matcher = HeadingMatcher(idf, sections)
    # "get" is the question's verb, not the subject of the section
    assert not matcher.named("Plan > How will we get there?",
                             frozenset(content_terms("What support will children get?")))
    assert matcher.named("Plan > What is coercive control?",
                         frozenset(content_terms("How does Wyvern tackle coercive control?")))


def test_every_specific_word_of_the_heading_is_needed():
    matcher = HeadingMatcher(IDF, SECTIONS)
    assert matcher.named("Outcome 2 > Key Indicators of Progress",
                         frozenset(content_terms("the key indicators of progress for outcome 2")))
    assert not matcher.named("Outcome 2 > Key Indicators of Progress",
                             frozenset(content_terms("what are the indicators?")))


def test_a_template_heading_with_its_parent_is_named_by_all_their_words():
    matcher = HeadingMatcher(IDF, [*SECTIONS, "Prevention > Outcomes", "Protection > Outcomes"])
    terms = frozenset(content_terms("What are the prevention outcomes?"))
    assert matcher.named("Prevention > Outcomes", terms)
    assert not matcher.named("Protection > Outcomes", terms)
    assert not matcher.named("Prevention > Outcomes", frozenset(content_terms("prevention work")))


def test_a_sections_topic_is_its_path_above_the_template_heading():
    matcher = HeadingMatcher(IDF, [*SECTIONS, "Outcome 3 > Key Indicators of Progress"])
    assert matcher.topic("Outcome 2 > Key Indicators of Progress") == "Outcome 2"
    assert matcher.topic("5. Objectives > Pursuing > What we will do") == "5. Objectives > Pursuing"
    assert matcher.topic("Principles") == "Principles"


def test_a_section_called_by_name_is_named_however_common_its_word():
    matcher = HeadingMatcher(IDF, [*SECTIONS, "Appendix B > Priorities"])
    question = "What will Wyvern do under its Prevention priority?"
    reference = section_reference(question)
    assert reference.names == frozenset({"prevent"})
    assert matcher.names_a_section(reference.names)
    terms = frozenset(content_terms(question))
    assert matcher.named("5. Objectives > Prevention > What we will do", terms, reference.names)
    assert not matcher.named("5. Objectives > Pursuing > What we will do", terms, reference.names)
    # the section noun says what kind of section is meant; it names no heading itself
    assert not matcher.named("Appendix B > Priorities", terms, reference.names)
    assert matcher.named("Appendix B > Priorities", frozenset(content_terms("the priorities?")))


def test_a_section_reference_stops_at_function_words_and_possessives():
    assert section_reference("under Wyvern's 'Pursuing' strand").names == frozenset({"pursu"})
    assert section_reference("the Recovery delivery strand").names == frozenset(
        {"recoveri", "deliveri"})
    assert section_reference("What are the aims?").names == frozenset()
    reference = section_reference("What will they do under the ‘Protection’ pillar?")
    assert reference.names == frozenset({"protect"})
    assert reference.rest == "What will they do under the ?"


def test_a_capitalised_section_name_goes_on_over_and():
    reference = section_reference("What will Wyvern do under its Safety and support priority?")
    assert reference.names == frozenset({"safeti", "support"})
    assert reference.rest == "What will Wyvern do under its ?"
    # lower case, "and" joins two things the question asks about, and ends the name
    assert section_reference("What do the prevention and support strands say?").names == (
        frozenset({"support"}))


def test_a_section_is_taken_out_of_the_question_only_where_it_places_what_is_asked():
    placed = section_reference("What will Wyvern do under its Prevention priority?")
    assert placed.rest == "What will Wyvern do under its ?"
    asked = section_reference("Give me Wyvern's prevention outcomes.")
    assert asked.names == frozenset({"prevent"})
    assert asked.rest == "Give me Wyvern's prevention outcomes."


def test_a_count_before_a_plural_section_noun_counts_the_list_and_names_no_section():
    assert section_reference("What are Wyvern's four priorities?").names == frozenset()
    assert section_reference("What are its 3 strategic aims?").names == frozenset()
    assert section_reference("What will Wyvern do under Priority Four?").names == frozenset(
        {"prioriti#4"})


def test_words_before_a_section_noun_that_name_no_heading_name_no_section():
    matcher = HeadingMatcher(IDF, SECTIONS)
    assert not matcher.names_a_section(section_reference("the four strategic aims").names)


def test_a_section_called_by_its_number_is_that_section():
    """"under Priority Two", "for Outcome 3", "under its second priority": the number names the
    section, whatever its title says, and a number in words or an ordinal is the number in
    digits."""
    sections = ["Why this matters > Priority One: Preventing abuse > What we will do",
                "Why this matters > Priority Two: Supporting survivors > What we will do",
                "Outcome 3: People who harm are held to account > What we will do"]
    matcher = HeadingMatcher(IDF, sections)
    for question, section in [("What will Wyvern do under Priority Two?", sections[1]),
                              ("What will Wyvern do under priority 2?", sections[1]),
                              ("What will Wyvern do under its second priority?", sections[1]),
                              ("What are the actions for Outcome 3?", sections[2]),
                              # … and asked for itself, as one of the list
                              ("What is Wyvern's second priority?", sections[1]),
                              ("What does the first priority of the strategy involve?",
                               sections[0])]:
        reference = section_reference(question)
        assert matcher.names_a_section(reference.names), question
        terms = frozenset(content_terms(question))
        assert [s for s in sections if matcher.named(s, terms, reference.names)] == [section]
    assert not matcher.names_a_section(section_reference("What will Wyvern do under Priority 7?").names)


def test_a_numbered_heading_under_a_heading_naming_the_list_is_called_by_its_number(tmp_path):
    """"Our priorities > 3. Holding perpetrators to account" is the third priority: the
    question for it is answered with that section, its heading first, not with the first
    priority's text."""
    from tests.corpus_support import corpus_kb

    sections = ["Our priorities > 1. Early help", "Our priorities > 3. Holding perpetrators "
                "to account", "Delivery > 3. Governance"]
    matcher = HeadingMatcher(IDF, sections)
    reference = section_reference("What is Wyvern's third priority?")
    terms = frozenset(content_terms("What is Wyvern's third priority?"))
    assert [s for s in sections if matcher.named(s, terms, reference.names)] == [sections[1]]
    text = ("Wyvern Domestic Abuse Strategy 2025-2028\n\nOur priorities\n\n1. Early help\n\n"
            "Too many families only come to our attention at crisis point, and we want every "
            "resident to recognise the signs of abuse early.\n\nWe will:\n- deliver healthy "
            "relationships sessions in every school\n\n2. Support for survivors\n\nWe will:\n"
            "- commission an advocacy service with a single front door\n\n3. Holding "
            "perpetrators to account\n\nWe will:\n- expand the behaviour-change programme for "
            "high-harm perpetrators\n- work with the police on protection notices\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text})
    answer = kb.ask("What is Wyvern's third priority?")
    assert answer.citations[0].quote.startswith("3. Holding perpetrators to account")
    assert "Too many families" not in answer.text


def test_a_section_called_by_its_number_after_words_of_its_name_is_that_section():
    """"under strategic objective 2": "strategic" is a word of the section's name, and the
    number still names it ("Strategic objective 2: Support for every victim")."""
    sections = ["Objectives > Strategic objective 1: Recognise abuse early",
                "Objectives > Strategic objective 2: Support for every victim"]
    matcher = HeadingMatcher(IDF, sections)
    question = "What will Wyvern do under strategic objective 2?"
    reference = section_reference(question)
    assert "object#2" in reference.names
    terms = frozenset(content_terms(question))
    assert [s for s in sections if matcher.named(s, terms, reference.names)] == [sections[1]]


def test_a_section_called_by_its_section_number_is_the_heading_numbered_so():
    """"section 3.2", "chapter 5", "part 4": a division of the document called by the number
    its heading opens with ("3.2 Support for victims", "5. Governance"), wherever the words
    stand in the question; "Section 3: Strategic objectives" is section 3 as well."""
    from kb.retrieval.headings import numbered_names

    assert "#3.2" in numbered_names("3. Delivering the aims > 3.2 Support for victims")
    assert "#5" in numbered_names("5. Governance")
    assert "#3" in numbered_names("section 3") and "#3" in numbered_names("Section 3: Objectives")
    assert not {n for n in numbered_names("Priority 2: Support") if n.startswith("#")}
    for question, number in [("What does section 3.2 of the Wyvern strategy say?", "#3.2"),
                             ("What is in chapter 5 of Wyvern's strategy?", "#5"),
                             ("What will Wyvern do under part 4?", "#4")]:
        assert number in section_reference(question).names, question
    # a part of an Act, or a duty named after it, is no division of the strategy
    assert not {n for n in section_reference("What does Wyvern say about Part 4 of the Domestic "
                                             "Abuse Act?").names if n.startswith("#")}
    assert not section_reference("How will Wyvern meet its Part 4 duty?").names


def test_a_question_for_a_numbered_section_is_answered_from_it_not_with_the_outline(tmp_path):
    from tests.corpus_support import corpus_kb

    sections = [("1. Introduction", "This is the partnership's second strategy and it runs for "
                 "three years from April 2024 across the whole of the county."),
                ("2. Our aims", "We aim to reduce repeat victimisation and to make sure that "
                 "every victim is offered support at the first point of contact."),
                ("3. Governance", "The Domestic Abuse Partnership Board, chaired by the Director "
                 "of Public Health, oversees the strategy and meets every quarter.")]
    text = "Wyvern Domestic Abuse Strategy 2024-2027\n\n" + "".join(
        f"{heading}\n\n{body}\n\n" for heading, body in sections)
    answer = corpus_kb(tmp_path, {"wyvern.txt": text}).ask(
        "What does section 3 of the Wyvern strategy say?")
    # (the section, from its heading on)
    assert answer.text.startswith("3. Governance The Domestic Abuse Partnership Board, chaired")


def test_a_short_numbered_subsection_is_found_by_its_number(tmp_path):
    """"2.2 Support for victims" between two short subsections under a single title line is
    a section of its own, so "section 2.2" finds it first, not "2.1" merged with it."""
    from tests.corpus_support import corpus_kb

    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\n1. Introduction\n\nThis is our second "
            "strategy.\n\n2. Delivering our aims\n\n2.1 Prevention\n\nWe will teach healthy "
            "relationships in all 22 secondary schools.\n\n2.2 Support for victims\n\nWe will "
            "recommission the advocacy service with four more advisors.\n\n2.3 Perpetrators\n\n"
            "We will fund a behaviour change programme for 70 men a year.\n\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": text})
    question = "What does section 2.2 of the Wyvern strategy say?"
    top = kb.search(question, k=3)[0]
    assert top.section.endswith("2. Delivering our aims > 2.2 Support for victims")
    assert "teach healthy relationships" not in top.text
    assert "four more advisors" in kb.ask(question).text

def test_commitments_and_parts_are_sections_a_question_calls_by_number():
    """"under Commitment 2", "in Part 3": strategies number their commitments and parts as
    others number their priorities."""
    sections = ["5. Commitment 1: Prevent abuse before it starts > What we will do",
                "6. Commitment 2: Support victims and survivors to recover > What we will do",
                "Part 3: Holding perpetrators to account"]
    matcher = HeadingMatcher(IDF, sections)
    for question, section in [("What will Wyvern do under Commitment 2?", sections[1]),
                              ("What does Wyvern promise in Part 3?", sections[2])]:
        reference = section_reference(question)
        assert matcher.names_a_section(reference.names), question
        terms = frozenset(content_terms(question))
        assert [s for s in sections if matcher.named(s, terms, reference.names)] == [section]


def test_a_division_called_by_its_letter_is_that_division():
    """"What is in Section C?": the capital letter numbers the division as a figure would;
    a word that happens to follow a section noun ("the aims a partner sets") names none."""
    sections = ["Section B: Our objectives",
                "Section C: Action plan > Objective 1: Prevent abuse from happening",
                "Section C: Action plan > Objective 3: Hold perpetrators to account"]
    matcher = HeadingMatcher(IDF, sections)
    reference = section_reference("What is in Section C of the Wyvern strategy?")
    assert matcher.names_a_section(reference.names)
    terms = frozenset(content_terms("What is in Section C of the Wyvern strategy?"))
    assert [s for s in sections if matcher.named(s, terms, reference.names)] == sections[1:]
    assert not section_reference("What do the aims a partner sets say?").names


def test_a_section_called_by_what_it_is_about_is_the_section_whose_heading_says_it():
    sections = ["Perpetrators are prevented from causing harm > What strategic action should we take?",
                "Young people enjoy healthy relationships > What strategic action should we take?"]
    matcher = HeadingMatcher(IDF, sections)
    reference = section_reference("What will Wyvern do under the outcome on perpetrators?")
    assert reference.names == frozenset() and reference.about == frozenset({"perpetr"})
    assert reference.rest == "What will Wyvern do under the ?"
    assert matcher.names_a_section(reference.names, reference.about)
    terms = frozenset(content_terms("What will Wyvern do under the outcome on perpetrators?"))
    assert matcher.named(sections[0], terms, reference.names, reference.about)
    assert not matcher.named(sections[1], terms, reference.names, reference.about)
    # what it is about ends at a function word or punctuation
    assert section_reference("the priority on housing and refuges").about == frozenset({"hous"})
    assert section_reference("the section on stalking, and what it funds").about == frozenset(
        {"stalk"})
    assert not matcher.names_a_section(frozenset(), section_reference(
        "What does the strand on knife crime say?").about)


OUTCOME_SECTIONS = """Wyvern Domestic Abuse Strategy 2024-2027

Young people enjoy healthy relationships

Too many young people in Wyvern tell us that controlling behaviour is normal.

What will we do?

- Deliver healthy relationship lessons in every secondary school.
- Train youth workers to spot controlling behaviour.

Perpetrators are prevented from causing harm

Repeat offending by a small group causes most of the harm in Wyvern.

What will we do?

- Commission a behaviour change programme for perpetrators.
- Use civil orders to protect victims from repeat offenders.

Key measures

- Fewer repeat referrals to MARAC.
"""


def test_a_section_called_by_a_word_of_its_heading_is_the_section_about_it(tmp_path):
    """"under its perpetrators outcome": no heading is called "Perpetrators", but one is about
    them ("Perpetrators are prevented from causing harm"); its actions answer, not the young
    people's."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": OUTCOME_SECTIONS})
    plan = kb._retriever.plan("What will Wyvern do under its perpetrators outcome?", None)
    assert plan.section_names == frozenset() and plan.section_about == {"perpetr"}
    # "the key outcomes" say which outcomes matter, not what they are about
    assert kb._retriever.plan("What are Wyvern's key outcomes?", None).section_about == set()
    answer = kb.ask("What will Wyvern do under its young people outcome?").text
    assert "healthy relationship lessons" in answer and "Train youth workers" in answer
    assert "Too many young people" not in answer and "behaviour change programme" not in answer


def test_a_title_s_phrase_names_no_section_of_another_document(tmp_path):
    """"the recovery pilot options": "recovery pilots" is what the launch deck's title is
    about, so the strategy's "RECOVERY" strand is not named by it (its heading would have been
    boosted above the deck's own slides)."""
    from tests.corpus_support import WYVERN_AREA, corpus_kb, document

    strategy = ("Wyvern Domestic Abuse Strategy 2024-2027\n\nRECOVERY\n\nWe will help children and "
                "adults recover from abuse through counselling options.\n\nRECOVERY > Contributors\n\n"
                "Wyvern Children's Board\nWyvern Recovery Service\n")
    launch = ("Wyvern Recovery Pilots Launch 2023\n\nThe pilots\n\nOption 1: Adults (18+) group work\n"
              "Option 2: Children (5-11) play therapy\nOption 3: Young people (11-17) mentoring\n")
    manifest = (WYVERN_AREA
                + document("wyvern.txt", "wyvern", "Wyvern Domestic Abuse Strategy 2024-2027",
                           "2024-2027")
                + document("launch.txt", "wyvern", "Wyvern Recovery Pilots Launch 2023", "2023",
                           kind="presentation"))
    kb = corpus_kb(tmp_path, {"wyvern.txt": strategy, "launch.txt": launch}, manifest)
    plan = kb._retriever.plan("What were the recovery pilot options for children?", None)
    assert "recoveri" not in plan.terms and "children" in plan.terms
    assert "recoveri" in kb._retriever.plan("What does Wyvern do for recovery?", None).terms
    top = kb.search("What were the recovery pilot options for children?", k=1)[0]
    assert top.doc_id == "launch"


def test_a_section_called_by_number_refers_to_the_items_numbered_after_it():
    from kb.retrieval.headings import referenced_items

    lettered = referenced_items(section_reference("What will Wyvern do under Theme B?").names)
    assert lettered is not None
    assert [bool(lettered.match(row)) for row in (
        "B1\tRecommission the refuge", "B.2 Fund advocates", "A1\tRun a campaign",
        "2.1 Deliver lessons")] == [True, True, False, False]
    numbered = referenced_items(section_reference("What will Wyvern do under Priority 2?").names)
    assert numbered is not None
    assert [bool(numbered.match(row)) for row in (
        "2.1\tDeliver lessons", "- 2.3 Train staff", "21 people were trained",
        "B2\tFund advocates")] == [True, True, False, False]
    assert referenced_items(section_reference("under its Prevention priority").names) is None
    # "section 3.2" numbers its items "3.2.1"; no bullet or other section's row is one of them
    dotted = referenced_items(section_reference("What will Wyvern do under section 3.2?").names)
    assert dotted is not None
    assert [bool(dotted.match(row)) for row in (
        "3.2.1 Recommission the refuge", "• Aim 1: Fewer victims", "3.2 Support for victims",
        "3.3.1 Fund a programme")] == [True, False, False, False]


def test_a_heading_called_by_its_own_words_after_under_is_a_section_name():
    """"the key actions under RECOVERY" calls a section by its heading's words, with no section
    noun; "under" with no capitalised words at the end calls none, and a question that calls a
    section otherwise keeps that reference alone."""
    reference = section_reference("What are the key actions under RECOVERY?")
    assert reference.names == frozenset({"recoveri"})
    assert reference.rest == "What are the key actions under ?"
    assert section_reference("What will they do under 'Pursue'?").names == frozenset({"pursu"})
    assert section_reference("What falls under the criminal justice system?").names == frozenset()
    assert section_reference("What are the delivery priorities under Prevention?").names == (
        frozenset({"deliveri"}))
    # … or before the document it is in
    assert section_reference("What actions are listed under Prevention in the strategy?"
                             ).names == frozenset({"prevent"})
    assert section_reference("What is under Recovery in its 2024-27 action plan?").names == (
        frozenset({"recoveri"}))
    assert section_reference("What comes under Prevention in Wyvern Police?").names == (
        frozenset())


def test_the_list_asked_for_names_no_heading_where_a_section_is_called_by_name(tmp_path):
    """"What are Wyvern's key actions under RECOVERY?": "KEY ACTIONS" is what is asked for
    there, not the section; the answer is the actions under RECOVERY."""
    from tests.corpus_support import corpus_kb

    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\nKEY ACTIONS\n\nThe following actions will "
        "form the starting point for a detailed action plan drawn up by partners.\n\n"
        "PREVENT\n\nWhat we will do:\n\n1. Deliver healthy relationships lessons in schools.\n\n"
        "RECOVERY\n\nWhat we will do:\n\n1. Fund peer support groups for survivors.\n"
        "2. Offer counselling within four weeks of referral.\n")})
    answer = kb.ask("What are Wyvern's key actions under RECOVERY?")
    assert "Fund peer support groups" in answer.citations[0].quote + answer.citations[1].quote
    assert "starting point" not in answer.text


def test_a_section_is_named_by_a_clause_after_on_or_about():
    matcher = HeadingMatcher(IDF, ["What is known to work when tackling abuse? > Perpetrators",
                                   "Protect > What we will do"])
    reference = section_reference("What is in the section on what is known to work?")
    assert reference.about == frozenset({"known", "work"})
    assert matcher.named("What is known to work when tackling abuse? > Perpetrators",
                         frozenset(content_terms(reference.rest)), reference.names,
                         reference.about)
    # the question's own "say" ends the clause; a name after "on" still ends at a function word
    assert section_reference("What does the section on what works say about refuges?"
                             ).about == frozenset({"work"})
    assert section_reference("What does the outcome on communities in Calder say?"
                             ).about == frozenset({"communiti"})


def test_an_item_called_by_ordinal_with_words_between_or_of_a_list():
    """"its second delivery strand" (up to two words between the ordinal and the noun) and "the
    third of Calder's priorities" call an item by number as "its second strand" does; the list
    question each is part of asks for the whole list."""
    from kb.retrieval.headings import listed_question, numbered_names

    assert numbered_names("What is Wyvern's second delivery strand?") == {"strand#2"}
    assert numbered_names("What is the third of Calder's priorities?") == {"prioriti#3"}
    assert numbered_names("What is the first strategic aim in Wyvern?") == {"aim#1"}
    # (an area's name taken out leaves its possessive: "the second of ' outcomes")
    assert numbered_names("What is the second of ' outcomes?") == {"outcom#2"}
    for text in ["the second highest demand", "in the first 3 months",
                 "first of all, what are the aims"]:
        assert numbered_names(text) == frozenset(), text
    assert listed_question("What is Wyvern's second delivery strand?") == (
        "What are Wyvern's delivery strands?")
    assert listed_question("What is the third of Calder's priorities?") == (
        "What are Calder's priorities?")
    assert listed_question("What's Wyvern's fourth outcome?") == "What are Wyvern's outcomes?"
    assert listed_question("What does Wyvern say about refuges?") is None
    assert listed_question("What does section 7 of the Wyvern strategy say?") is None


def test_a_heading_word_in_a_question_naming_no_area_calls_no_section(tmp_path):
    """"What's in the SAFE! recovery group for younger children?" names no area, and Wyvern's
    heading "RECOVERY" is one of its words by chance: Calder's passage on the group answers it,
    not the passages under Wyvern's heading. Naming Wyvern, its section is called."""
    from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb

    wyvern = ("WYVERN DOMESTIC ABUSE STRATEGY 2024-2027\n\nRECOVERY\n\n"
              "Helping victims to feel safe and move on to lead happier lives.\n\n"
              "We will maintain clear pathways for people to move on from refuges.\n\n"
              "PREVENTION\n\nWe will deliver healthy relationships lessons in schools.\n")
    calder = ("CALDER VALE DOMESTIC ABUSE STRATEGY 2022-2025\n\nSAFE! Recovery Groupwork\n\n"
              "Weekly group sessions for younger children aged 11 to 14 who have witnessed "
              "domestic abuse, with two one-to-one sessions.\n\n"
              "Housing\n\nWe will fund a sanctuary scheme for victims.\n")
    # (more sections, so that "recovery" is a specific word: in under a tenth of the chunks)
    others = "".join(f"\n{topic.upper()}\n\nWe will review our {topic} services every year.\n"
                     for topic in ("stalking", "housing", "health", "courts", "policing",
                                   "schools", "employers", "faith groups", "helplines",
                                   "translation", "disability", "older people"))
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern + others, "calder.txt": calder + others},
                   WYVERN_AND_CALDER)

    assert kb.search("What's in the SAFE! recovery group for younger children?", k=1)[0].area == "calder"
    assert kb.search("What's in Wyvern's recovery section?", k=1)[0].section == "RECOVERY"


def test_a_heading_under_which_a_question_asks_may_stand_before_the_list_it_is_in(tmp_path):
    """"What's under PROTECT in the key actions?" calls the section PROTECT, as "… under
    PROTECT in the strategy?" does, and asks for all of it: "key" says which actions, not what
    they are about."""
    from tests.corpus_support import corpus_kb

    assert section_reference("What's under PROTECT in the key actions?").names == {"protect"}
    assert section_reference("What's under Pursuing in its priorities?").names == {"pursu"}
    wyvern = ("WYVERN DOMESTIC ABUSE STRATEGY 2024-2027\n\nKEY ACTIONS\n\n"
              "The following actions will form the starting point for our action plan.\n\n"
              "PROTECT\n\nWhat strategic action should we take?\n\n"
              "1. Agencies work with the police on prosecutions without the victim.\n"
              "2. Safety planning is adopted for victims and their children.\n"
              "3. Greater promotion of Clare's Law so victims know a partner's history.\n\n"
              "RECOVER\n\nWhat strategic action should we take?\n\n"
              "1. Clear pathways from refuges to independent living.\n"
              "2. Counselling for survivors and their children.\n")
    kb = corpus_kb(tmp_path, {"wyvern.txt": wyvern})
    question = "What's under PROTECT in the Wyvern key actions?"
    assert kb._retriever.plan(question, None).whole_section
    answer = kb.ask(question)
    assert all(item in answer.text for item in ("prosecutions", "Safety planning", "Clare's Law"))
    assert "Counselling" not in answer.text
