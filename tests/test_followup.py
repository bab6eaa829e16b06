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
