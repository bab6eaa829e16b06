"""Headings named in a question favour the chunks under them."""

import math

from kb.retrieval.headings import HeadingMatcher
from kb.text import content_terms

# idf of 20 chunks: "domestic"/"abuse" are everywhere, strand names are rare
IDF = {t: math.log(1 + 20 / df) for t, df in [
    ("domest", 18), ("abus", 18), ("pursu", 1), ("prevent", 3), ("key", 1), ("indic", 1),
    ("progress", 1), ("principl", 1), ("strand", 2)]}


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
