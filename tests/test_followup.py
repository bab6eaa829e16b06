"""Follow-up questions resolved from the earlier turns, without an LLM."""

from kb.manifest import Area
from kb.retrieval.areas import AreaResolver
from kb.retrieval.followup import resolve

AREAS = {"wyvern": Area("wyvern", "Wyvern", ("Wyvern",)),
         "calder": Area("calder", "Calder", ("Calder",))}
RESOLVER = AreaResolver(AREAS, AREAS)


def test_a_question_that_stands_alone_is_unchanged():
    assert resolve("What does Calder say about refuges?", ["What are Wyvern's aims?"],
                   RESOLVER) == "What does Calder say about refuges?"
    assert resolve("How will they be measured?", [], RESOLVER) == "How will they be measured?"


def test_another_area_takes_the_previous_question():
    assert resolve("And Calder?", ["What does Wyvern say about refuges?"], RESOLVER) == (
        "What does say about refuges in calder?")


def test_another_area_asked_its_own_question_of_the_last_subject():
    """"How does Calder use it?" asks its own question (how Calder uses it) of the last
    turn's subject, not the last turn's question again."""
    assert resolve("How does Calder use it?", ["What is the MARAC?"], RESOLVER) == (
        "How does Calder use MARAC?")
    assert resolve("Does Calder mention them?", ["What does Wyvern say about refuges?"],
                   RESOLVER) == "Does Calder mention refuges?"
    # with no words of its own, it is the last question again
    assert resolve("What about Calder?", ["What does Wyvern say about refuges?"], RESOLVER) == (
        "What does say about refuges in calder?")


def test_which_one_of_the_last_list_asks_for_an_item_of_it():
    """"Which one is about perpetrators?" after "What are Wyvern's outcomes?" asks which of
    Wyvern's outcomes, one item of them, not the whole list again."""
    from kb.vocabulary import vocabulary

    resolved = resolve("Which one is about perpetrators?", ["What are Wyvern's outcomes?"],
                       RESOLVER)
    assert resolved == "Which of the wyvern outcomes is about perpetrators?"
    assert vocabulary().item_question.search(resolved)
    assert resolve("Which of them covers housing?", ["List Calder's priorities"], RESOLVER) == (
        "Which of the calder priorities covers housing?")


def test_the_nth_one_of_the_last_list_is_that_item_of_it():
    """"What will they do under the second one?" after "What are Wyvern's outcomes?" asks
    about the second of Wyvern's outcomes, which a section reference then finds."""
    from kb.retrieval.headings import numbered_references

    resolved = resolve("What will they do under the second one?", ["What are Wyvern's outcomes?"],
                       RESOLVER)
    assert resolved == "What will they do under the second of the wyvern outcomes?"
    assert numbered_references(resolved)
    assert resolve("What does the third of them say?", ["List Calder's priorities"],
                   RESOLVER) == "What does the third of the calder priorities say?"


def test_a_short_question_pointing_back_with_this_or_that_keeps_the_previous_turn():
    assert resolve("When will that happen?", ["What does Wyvern plan for children?"],
                   RESOLVER) == "When will that happen — What does Wyvern plan for children?"


def test_a_short_question_pointing_back_keeps_the_previous_area():
    # it asks for its own kind of passage (indicators): the previous one's cue ("aims") goes
    assert resolve("How will they be measured?", ["What are Wyvern's strategic aims?"],
                   RESOLVER) == "How will they be measured — What are Wyvern's strategic ?"
    assert resolve("Who funds it?", ["What does Wyvern say about the sanctuary scheme?"],
                   RESOLVER) == "Who funds it — What does Wyvern say about the sanctuary scheme?"


def test_compare_them_sets_the_areas_of_the_last_turns_side_by_side():
    history = ["What does Wyvern say about refuges?", "What about Calder?"]
    assert resolve("Compare them", history, RESOLVER) == (
        "Compare wyvern and calder: What does say about refuges in?")
    assert RESOLVER.mentioned(resolve("How do they compare?", history, RESOLVER)) == [
        "wyvern", "calder"]


def test_comparing_the_last_turn_with_another_area_sets_both_side_by_side():
    history = ["What does Wyvern say about stalking?"]
    for follow_up in ("How does that compare with Calder?", "Is this different in Calder?"):
        assert resolve(follow_up, history, RESOLVER) == (
            "Compare wyvern and calder: What does say about stalking?"), follow_up
    # a comparison that points back to nothing stands alone
    assert resolve("How does Calder's refuge provision compare with the national picture?",
                   history, RESOLVER) == (
        "How does Calder's refuge provision compare with the national picture?")


def test_what_about_another_subject_keeps_the_places_and_drops_the_old_subject():
    history = ["What will Wyvern do about perpetrators?"]
    assert resolve("What about refuges there?", history, RESOLVER) == (
        "What does wyvern say about refuges?")
    assert resolve("And what about stalking?", history, RESOLVER) == (
        "What does wyvern say about stalking?")
    # pointing back, or asking for a kind of passage, keeps the old subject
    assert resolve("What about them?", history, RESOLVER) == (
        "What about them — What will Wyvern do about perpetrators?")
    assert resolve("What about its targets?", history, RESOLVER).endswith("perpetrators?")


def test_a_short_question_that_only_asks_for_a_kind_of_passage_asks_it_of_the_last_turn():
    """"What is the target?", "Who leads?", "What are the actions?" name neither an area nor a
    subject: they ask for that kind of passage on the last turn's."""
    history = ["What will Calder do about housing?"]
    assert resolve("Who leads?", history, RESOLVER) == "Who leads — Calder do about housing?"
    assert "wyvern" in resolve("What is the target?", ["How many refuges does Wyvern have?"],
                               RESOLVER).lower()
    assert resolve("What is the MARAC?", history, RESOLVER) == "What is the MARAC?"


def test_a_short_question_that_only_asks_for_a_value_asks_it_of_the_previous_turn():
    """"How many a year?", "When?" name nothing of their own: they ask the previous turn's
    topic for a number or a date; a short question with a subject of its own stands alone."""
    history = ["What is Wyvern doing about perpetrators?"]
    for question in ("How many a year?", "When?"):
        resolved = resolve(question, history, RESOLVER)
        assert resolved.startswith(question.rstrip("?") + " — ")
        assert "Wyvern" in resolved and resolved.endswith("perpetrators?")
    assert resolve("What is MARAC?", history, RESOLVER) == "What is MARAC?"


def test_the_turn_a_follow_up_is_joined_to_opens_with_no_name():
    """"… — What is Wyvern doing…": its "What" is capitalised as a sentence's first word, not
    as a name that a passage must write ("no passage found names 'What'")."""
    from kb.answers.refusal import specific_terms

    joined = resolve("How many a year?", ["What does Wyvern say about the Sanctuary Scheme?"],
                     RESOLVER)
    assert specific_terms(joined, RESOLVER, {}) == ["Sanctuary Scheme"]
    assert specific_terms("How many children join SAFE! Recovery Groupwork?", RESOLVER, {}) == [
        "SAFE Recovery Groupwork"]
