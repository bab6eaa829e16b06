"""List questions: the best hit's list continues right after it, behind its close rivals."""

import pytest

from kb.api import KnowledgeBase
from kb.retrieval.lists import with_list_continuation
from tests.corpus_support import corpus_kb


def test_continuation_follows_the_best_hit():
    scores = {10: 1.0, 3: 0.5, 4: 0.4, 11: 1.0, 12: 1.0}
    assert with_list_continuation([10, 3, 4], [11, 12], scores) == [10, 11, 12, 3, 4]


def test_a_close_rival_is_not_pushed_out_by_the_continuation():
    scores = {10: 1.0, 7: 0.95, 3: 0.5, 11: 1.0, 12: 1.0}
    assert with_list_continuation([10, 7, 3], [11, 12], scores) == [10, 7, 11, 12, 3]


def test_a_continuation_chunk_already_ranked_is_not_repeated():
    scores = {10: 1.0, 11: 0.96, 3: 0.5, 12: 1.0}
    assert with_list_continuation([10, 11, 3], [11, 12], scores) == [10, 11, 12, 3]


def _hit(n: int, text: str, section: str, start: int):
    from kb.records import ChunkKind, Hit

    return Hit(chunk_id=f"c{n}", text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=ChunkKind.AIM,
               start=start, end=start + len(text))


def test_a_list_of_sections_answers_with_each_heading_and_its_first_sentence_quoted_together():
    from kb.answers.lists import list_units

    lead = _hit(0, "We will do this through four delivery strands.", "Our approach", 0)
    strands = [_hit(i, f"{name}\n\nWe will {verb} across the county. We will report yearly.",
                    name, 100 * i)
               for i, (name, verb) in enumerate([("PREVENT", "educate young people"),
                                                 ("PROTECT", "keep victims safe"),
                                                 ("SUPPORT", "fund advocates")], 1)]
    follow_on = _hit(9, "Each strand has a lead officer and a delivery plan.", "SUPPORT", 350)
    items = [text for _, _, _, text in list_units([lead, strands[2], strands[0], follow_on,
                                                   strands[1]])]
    assert items == ["We will do this through four delivery strands.",
                     "PREVENT\n\nWe will educate young people across the county.",
                     "PROTECT\n\nWe will keep victims safe across the county.",
                     "SUPPORT\n\nWe will fund advocates across the county.",
                     "Each strand has a lead officer and a delivery plan."]
    for hit, start, end, text in list_units([lead, *strands]):
        assert hit.text[start - hit.start:end - hit.start] == text  # offsets stay exact


def test_a_list_within_one_section_gives_every_item():
    from kb.answers.lists import list_units

    lead = _hit(0, "Our aims are:\n1. Prevent abuse from happening.\n2. Protect victims who are at "
                   "risk.", "Aims", 0)
    more = _hit(1, "3. Support survivors to recover.\n4. Pursue perpetrators through the courts.",
                "Aims", 90)
    items = " | ".join(t for *_, t in list_units([lead, more]))
    assert [items.find(word) >= 0 for word in ("Prevent", "Protect", "Support", "Pursue")] == [
        True] * 4
    assert items.find("Prevent") < items.find("Support") < items.find("Pursue")


def test_a_list_whose_best_chunk_is_its_second_starts_at_the_first():
    from kb.answers.lists import list_units

    before = _hit(0, "Wyvern was the first county to adopt the model in 2015.", "Aims", 0)
    lead = _hit(1, "Our aims are:\n1. Prevent abuse from happening.\n2. Protect victims who are at "
                   "risk.", "Aims", 60)
    more = _hit(2, "3. Support survivors to recover.\n4. Pursue perpetrators through the courts.",
                "Aims", 150)
    items = " | ".join(t for *_, t in list_units([more, before, lead]))
    assert items.startswith("Our aims are:")  # not the chunk before the list's, nor item 3
    assert items.find("Prevent") < items.find("Support") < items.find("Pursue")


def test_which_or_what_before_a_list_noun_asks_for_a_list():
    from kb.retrieval.lists import wants_list

    assert wants_list("What indicators does Wyvern use for its Protect strand?")
    assert wants_list("Which strategic actions cover housing?")
    assert not wants_list("What is the baseline for repeat incidents?")
    assert wants_list("Which harms does Wyvern list as impacts of abuse?")
    assert not wants_list("Is there a waiting list for the programme?")
    # who sits on a board or helped write the strategy: a list of organisations
    assert wants_list("Which organisations sit on the Wyvern steering group?")
    assert wants_list("What agencies does the partnership bring together?")
    assert not wants_list("What does the organisation do about refuges?")
    # a strategy's focus or priority areas are a list as its priorities are
    assert wants_list("What were Wyvern's strategic focus areas in 2020?")
    assert wants_list("What are the priority areas of the Wyvern plan?")
    assert not wants_list("What does Wyvern do in rural areas?")
    # comparing two areas' lists asks for each list
    assert wants_list("Compare Wyvern's and Calder Vale's priorities")
    assert wants_list("Compare the aims of Wyvern and Calder Vale")
    assert not wants_list("Compare how Wyvern and Calder Vale approach perpetrator programmes")
    assert not wants_list("Compare the outcomes for survivors in Wyvern and Calder Vale")


def test_a_request_to_list_anywhere_in_the_question_asks_for_a_list():
    from kb.retrieval.lists import wants_list

    assert wants_list("Our board wants Wyvern's outcome areas - can you list them?")
    assert wants_list("For the scrutiny panel, please set out Wyvern's strands.")
    assert not wants_list("Can you tell me about Wyvern's refuge provision?")


def test_a_list_whose_items_are_headings_starts_at_its_first_item_and_keeps_their_names():
    from kb.answers.lists import list_units

    parent = "Outcomes we want"
    first = _hit(0, f"{parent}\n\n1. Education\n\nChildren learn about healthy relationships.\n\n"
                    "2. Awareness\n\nResidents know how to report abuse.", f"{parent} > 1. Education",
                 0)
    middle = _hit(1, "3. Safeguarding\n\nVictims at risk are referred.\n\n4. Reporting\n\n"
                     "More abuse is reported to the police.", f"{parent} > 3. Safeguarding", 110)
    last = _hit(2, "5. Prosecutions\n\nEvidence is gathered without the victim.",
                f"{parent} > 5. Prosecutions", 200)
    before = _hit(3, "Our vision is a county free from abuse.", "Vision", -60)
    elsewhere = _hit(4, "We will review the strategy every year with partners.", "Governance",
                     900)
    items = [" ".join(text.split()) for *_, text in list_units([last, first, before, elsewhere,
                                                                middle])]
    assert items == ["1. Education Children learn about healthy relationships.",
                     "2. Awareness Residents know how to report abuse.",
                     "3. Safeguarding Victims at risk are referred.",
                     "4. Reporting More abuse is reported to the police.",
                     "5. Prosecutions Evidence is gathered without the victim."]


def test_a_title_page_ranked_first_is_not_taken_for_the_list():
    from kb.answers.lists import list_units

    title = _hit(0, "Recovery Pilots Launch Event 2020\n11:00 - 13:00", "", 0)
    stages = _hit(1, "Stages of change:\n1. Identifying the behaviour\n2. Desiring a change\n"
                     "3. Doing it", "Behaviour change", 400)
    items = " | ".join(t for *_, t in list_units([title, stages]))
    assert items.startswith("Stages of change:") and "3. Doing it" in items
    assert "Launch Event" not in items


WYVERN = """Wyvern Domestic Abuse Strategy 2021-2026

Prevention

Stopping domestic abuse before it starts, by changing attitudes across Wyvern.

What we have already

- A helpline for victims and a schools programme on healthy relationships
- Awareness training for staff in GP surgeries and hospitals

What we will do

- Run a public information campaign every year in every district
- Train teachers to spot the signs of abuse at home
- Give employers a model workplace policy on domestic abuse

Support

Helping victims to be safe and to recover from abuse.

What we will do

- Fund two more advocates for victims at high risk of harm
- Open a second refuge in the north of the county
"""
WYVERN_MANIFEST = """[areas.wyvern]
name = "Wyvern"
aliases = ["Wyvern"]

[documents."wyvern.txt"]
area = "wyvern"
title = "Wyvern Domestic Abuse Strategy 2021-2026"
period = "2021-2026"
kind = "strategy"
status = "adopted"
"""


def _wyvern_kb(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wyvern.txt").write_text(WYVERN)
    (corpus / "manifest.toml").write_text(WYVERN_MANIFEST)
    return _kb_for(corpus, tmp_path)


def _kb_for(corpus, tmp_path):
    from kb.backends.embedder import FakeEmbedder
    from kb.backends.memory_store import InMemoryStore
    from kb.config import Settings
    from kb.manifest import load_manifest

    settings = Settings(store_dir=tmp_path / "store", corpus_dir=corpus, embed_model="fake",
                        min_relevance=0.1, chunk_min_words=5, chunk_max_words=60)
    embedder = FakeEmbedder()
    kb = KnowledgeBase(settings, InMemoryStore(embedder.name), embedder, load_manifest(corpus))
    kb.ingest([corpus])
    return kb


def test_a_question_placed_in_a_named_section_is_answered_with_that_sections_list(tmp_path):
    kb = _wyvern_kb(tmp_path)
    answer = kb.ask("What will Wyvern do under its Prevention priority?")
    assert answer.text.splitlines() == [
        "What we will do - Run a public information campaign every year in every district [1]",
        "- Train teachers to spot the signs of abuse at home [2]",
        "- Give employers a model workplace policy on domestic abuse [3]"]


def test_only_a_question_asking_a_kind_and_nothing_narrower_of_a_named_section_wants_its_list(
        tmp_path):
    plan = _wyvern_kb(tmp_path)._retriever.plan
    assert plan("What will Wyvern do under its Prevention priority?", None).whole_section
    # the words that ask for the kind ("propose", "intend to deliver") are no narrower topic
    assert plan("What does Wyvern propose for its Prevention priority?", None).whole_section
    assert plan("What does Wyvern intend to deliver under its Support priority?",
                None).whole_section
    assert plan("What will be done under the Support priority in the Wyvern strategy?",
                None).whole_section  # "done" asks what is done as "do" does
    assert not plan("What will Wyvern do about teachers under its Prevention priority?",
                    None).whole_section
    assert not plan("What is written under its Prevention priority?", None).whole_section
    assert not plan("What will Wyvern do about employers?", None).whole_section


def test_a_list_question_is_read_as_asked_not_as_its_topic(tmp_path):
    # the topic loses "areas" ("which areas" reads as every area), and with it "areas of work"
    from kb.answers.extractive import MAX_SENTENCES

    kb = _wyvern_kb(tmp_path)
    assert not kb._retriever.plan("What will Wyvern do about teachers?", None).listing
    answer = kb.ask("Which areas of work come under Wyvern's Prevention priority?")
    starts = [c.start for c in answer.citations]
    assert len(starts) > MAX_SENTENCES and starts == sorted(starts)  # a list, in document order


NAMED_LISTS = """Wyvern Domestic Abuse Strategy 2024-2027

What residents told us

Residents told us what partners should do. Residents want partners to follow up reports \
quickly, and partners to follow the advice of survivors. Partners should follow up every \
referral.

- Faster responses from partners.
- More information in surgeries.

Our approach

This strategy was written with survivors and specialist services over two years. Partners \
agreed that the work will be guided by the following principles:

- Survivor-led: services are shaped by people with lived experience.
- Trauma-informed: every contact recognises the impact of trauma.
- Think family: the needs of children are considered with those of adults.
"""


@pytest.mark.parametrize("named_lists", [False, True])
def test_a_list_question_finds_the_list_its_lead_in_names(tmp_path, named_lists):
    hits = corpus_kb(tmp_path, {"wyvern.txt": NAMED_LISTS}, named_lists=named_lists).search(
        "What principles will Wyvern's partners follow?", k=2)
    found = [h.text for h in hits]
    assert any("Survivor-led" in text for text in found) == named_lists
    if named_lists:  # the lead-in that names the list, then the list it runs on into
        assert "the following principles:" in found[0] and "Survivor-led" in found[1]


def test_the_list_nouns_a_question_names_and_the_labels_of_a_chunks_lists():
    from kb.retrieval.lists import asked_nouns, list_labels

    # the list a question opens with is the one asked for, not the list it says it shapes
    assert asked_nouns("What core values shape the pillars of Wyvern's response?") == {"valu"}
    assert asked_nouns("Which core values and pillars does Wyvern name?") == {"valu", "pillar"}
    assert not asked_nouns("How does Wyvern support older victims?")
    assert list_labels("Some text.\nThe outcomes we want are:\n- Safer homes.", "",
                       "Priority 1") == ["The outcomes we want are:", "Priority 1"]
    assert list_labels("- Fewer repeats.", "Our aims are:", "Aims") == ["Our aims are:", "Aims"]


def test_a_list_that_its_lead_in_runs_on_into_comes_before_any_rival():
    scores = {10: 1.0, 7: 0.95, 3: 0.5, 11: 1.0}
    assert with_list_continuation([10, 7, 3], [11], scores, runs_on=True) == [10, 11, 7, 3]


def test_a_list_noun_after_an_auxiliary_is_the_subject_not_the_list_asked_for():
    from kb.retrieval.lists import wants_list

    assert not wants_list("What will partners do about refuges?")
    assert not wants_list("What do partners commit to on housing?")
    assert wants_list("Which strategic actions cover housing?")
    assert wants_list("What partners sit on the board?")


def test_a_list_answer_starts_at_the_lead_in_that_names_the_list_and_ends_with_its_section():
    from kb.answers.extractive import AnswerShape, compose

    intro = _hit(0, "This strategy replaces the 2018 strategy. Partners agreed that the strategy "
                    "will be guided by the following principles:", "Introduction", 0)
    items = _hit(1, "- Survivor-led: services are shaped by survivors.\n- Think family: children "
                    "come first.", "Introduction", 120)
    residents = _hit(2, "What residents told us\n\nResidents' main priorities were:\n\n- Faster "
                        "police response.", "Introduction > What residents told us", 220)
    answer = compose("What principles guide the Wyvern strategy?", [intro, items, residents], {},
                     AnswerShape(listing=True))
    assert [c.quote for c in answer.citations] == [
        "Partners agreed that the strategy will be guided by the following principles:",
        "- Survivor-led: services are shaped by survivors.",
        "- Think family: children come first."]


def test_a_lead_in_that_announces_another_list_names_none_of_the_list_asked_for():
    """"In working to improve these outcomes the following principles will be followed:"
    announces principles: "What outcomes is Wyvern working towards?" is answered with the
    outcomes it set out before, not the principles, though the lead-in holds "outcomes" and
    "working"."""
    from kb.answers.extractive import AnswerShape, compose
    from kb.retrieval.lists import list_weight

    label = "In working to improve these outcomes the following principles will be followed:"
    idf = {"outcom": 2.0, "work": 1.5, "principl": 3.0}
    assert list_weight(label, {"outcom"}, {"outcom", "work"}, idf) == 0.0
    assert list_weight(label, {"principl"}, {"principl", "work"}, idf) > 0.0
    outcomes = _hit(0, "Our shared vision will be achieved by focusing on three outcomes:\n"
                       "- Young people enjoy healthy relationships.\n- Victims are safe.\n"
                       "- Perpetrators change their behaviour.", "Our vision", 0)
    principles = _hit(1, f"{label}\n- Designing services with survivors.\n- Sharing "
                         "information safely.", "Our vision", 200)
    answer = compose("What outcomes is Wyvern working towards?", [principles, outcomes], idf,
                     AnswerShape(listing=True))
    assert not any("principles" in c.quote or "Designing" in c.quote for c in answer.citations)


# a summary page repeats the priorities' headings before the sections that list their actions
KESTREL = """Kestrel Domestic Abuse Strategy 2022-2025

Our priorities at a glance

Prevention

We will do all we can under our Prevention priority to change attitudes across Kestrel.

Support

We will do all we can under our Support priority to help victims across Kestrel.

""" + WYVERN.split("\n", 1)[1].replace("Wyvern", "Kestrel")


def test_a_section_named_twice_is_answered_from_where_it_sets_out_its_list(tmp_path):
    # a summary page repeats the priorities' headings over a sentence each; the question asks
    # for what the priority holds, which the later section sets out as a list
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kestrel.txt").write_text(KESTREL)
    (corpus / "manifest.toml").write_text(WYVERN_MANIFEST.replace("wyvern", "kestrel")
                                          .replace("Wyvern", "Kestrel"))
    kb = _kb_for(corpus, tmp_path)
    answer = kb.ask("What will Kestrel do under its Support priority?")
    assert "Open a second refuge in the north of the county" in answer.text
    assert "across Kestrel" not in answer.text
