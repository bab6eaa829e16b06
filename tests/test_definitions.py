"""Definition questions: the term asked about, and the sentence that defines it answers first
(kb.answers.definitions)."""

from tests.corpus_support import corpus_kb


def test_the_term_a_question_asks_the_definition_of():
    from kb.answers.definitions import asked_definition

    def term(question):
        asked = asked_definition(question)
        return asked[0] if asked else None

    assert term("How does Wyvern define domestic abuse?") == "domestic abuse"
    assert term("What is the definition of the stalking offence?") == "stalking offence"
    assert term("What does Calder mean by coercive control, exactly?") == "coercive control"
    assert term("What will Wyvern do about stalking?") is None
    # "What is X?" asks what X is
    assert term("What is Operation Encompass?") == "Operation Encompass"
    assert term("What is a sanctuary scheme?") == "sanctuary scheme"
    # the words that ask for it, and the strategies' word for them, are no topic words
    assert asked_definition("How does Wyvern define domestic abuse?")[1] == {"defin", "definit"}


def test_a_sentence_defines_a_term_when_it_opens_with_it_or_gives_its_definition():
    from kb.answers.definitions import definition_pattern

    defines = definition_pattern("domestic abuse")
    assert defines.search("Domestic abuse is a pattern of coercive control.")
    assert defines.search("The cross-government definition of Domestic Abuse (DA) is:")
    assert not defines.search("The following sections set out the definition of domestic "
                              "abuse, what is included and what is not.")
    assert not defines.search("Tackling domestic abuse is a priority for every partner.")
    # a glossary's dash, and after a note's number
    encompass = definition_pattern("Operation Encompass")
    assert encompass.search("Operation Encompass - Is the reporting to schools before the start")
    assert encompass.search("⁶ Operation Encompass Is the reporting to schools before the start")
    assert not encompass.search("- Data from TVP Operation Encompass.")


def test_a_label_with_its_colon_defines_the_term_also_when_it_pairs_it_with_another():
    """"What does Wyvern mean by shared risk?": "Shared risk: …" and "Shared data, shared
    risk: …" define it; a sentence that says something of it and another does not."""
    from kb.answers.definitions import definition_pattern

    defines = definition_pattern("shared risk")
    assert defines.search("Shared risk: every agency records the same risk score")
    assert defines.search("- Shared data, shared risk: every agency records the same score")
    assert not defines.search("Shared data and shared risk are vital to every partner.")
    assert not defines.search("We need shared risk: it matters.")


def test_a_definition_question_is_answered_with_the_definition_first(tmp_path):
    """A sentence that announces the definition holds the question's words ("definition",
    "domestic abuse") as well as the definition does; the one that defines the term answers."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\nIntroduction\n\nThe following sections set "
        "out the definition of domestic abuse used in Wyvern and what it includes.\n\n"
        "Terms we use\n\nDomestic abuse is a pattern of coercive control by a partner or family "
        "member.\n\nStalking is a pattern of persistent and unwanted attention.\n")},
        sentence_similarity=0.0)
    answer = kb.ask("How does Wyvern define domestic abuse?")
    assert answer.citations[0].quote.startswith("Domestic abuse is a pattern of coercive control")


def test_the_sentences_under_a_definition_heading_define_the_term(tmp_path):
    """"1.2 What we mean by domestic abuse" heads its definition: "It covers physical…" defines
    the term though it opens with "It"."""
    kb = corpus_kb(tmp_path, {"wyvern.txt": (
        "Wyvern Domestic Abuse Strategy 2024-2027\n\n1.1 Purpose\n\nThis strategy sets out "
        "how partners will respond to domestic abuse in Wyvern.\n\n1.2 What we mean by domestic "
        "abuse\n\nWe use the definition in the Domestic Abuse Act 2021. It covers physical, "
        "sexual, economic and emotional abuse between people aged 16 or over who are personally "
        "connected.\n\n2.0 Priorities\n\nDomestic abuse harms children in Wyvern, and partners "
        "will tackle domestic abuse together.\n")},
        sentence_similarity=0.0)
    answer = kb.ask("How does the Wyvern strategy define domestic abuse?")
    assert any(c.quote.startswith("It covers physical") for c in answer.citations[:2])
