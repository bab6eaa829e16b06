"""A question about every area ("Compare the councils on refuges") searches each area for its
share of the hits; over a store of more areas than anyone compares at once it runs one search
and shares its hits out by area, so its cost does not grow with the number of councils."""

from pathlib import Path

import pytest

from kb import api
from kb.api import KnowledgeBase
from kb.errors import TooManyAreasError
from kb.records import ChunkKind, Hit
from kb.retrieval import hybrid, plan
from tests.corpus_support import WYVERN_AND_CALDER, corpus_kb


def _picked(area: str, text: str) -> tuple[Hit, int, int, str]:
    """A sentence an answer picked: the whole of an action passage of the area."""
    hit = Hit(chunk_id=f"{area}:0", text=text, score=1.0, doc_id=area, area=area, title="t",
              period="2024-2027", page=None, section="Our actions", kind=ChunkKind.ACTION,
              start=0, end=len(text))
    return hit, 0, len(text), text

FILES = {
    "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nRefuges\n\nWe will open twelve "
                  "new refuge places for women and children. Refuge places in Wyvern will double. "
                  "Refuge staff will be trained.\n",
    "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nHousing\n\nWe will review "
                  "refuge places across the valley.\n",
}



def _counted(kb: KnowledgeBase) -> list[int]:
    """Count the vector store's queries from now on."""
    calls = [0]
    query = kb.store.query

    def counting(*args, **kwargs):
        calls[0] += 1
        return query(*args, **kwargs)

    kb.store.query = counting  # type: ignore[method-assign]
    return calls


@pytest.mark.parametrize("searched_each", [12, 1])
def test_every_area_gets_its_share_however_many_areas_there_are(tmp_path: Path, monkeypatch,
                                                                 searched_each):
    for module in (hybrid, plan):  # the plan decides, the search shares out
        monkeypatch.setattr(module, "ALL_AREAS_MAX", searched_each)
    kb = corpus_kb(tmp_path, FILES, WYVERN_AND_CALDER)
    calls = _counted(kb)
    hits = kb.search("Compare the councils on refuge places", k=2)
    assert {h.area for h in hits} == {"wyvern", "calder"}
    assert calls[0] == (2 if searched_each >= 2 else 1)


def test_every_area_stands_for_a_bounded_number_of_areas(tmp_path: Path, monkeypatch):
    kb = corpus_kb(tmp_path, FILES, WYVERN_AND_CALDER)
    assert kb.default_areas() == ["calder", "wyvern"]
    assert set(kb.compare("refuge places").areas) == {"calder", "wyvern"}
    monkeypatch.setattr(api, "ALL_AREAS_MAX", 1)
    assert kb.default_areas() == []
    with pytest.raises(TooManyAreasError, match="2 areas are indexed: choose the areas to compare"):
        kb.compare("refuge places")
    with pytest.raises(TooManyAreasError, match="choose the areas to score"):
        kb.coverage()
    # named areas, in the call or in the theme, are compared however many are indexed
    assert set(kb.compare("refuge places", ["wyvern", "calder"]).areas) == {"calder", "wyvern"}
    assert set(kb.compare("refuge places in Wyvern and Calder Vale").areas) == {"calder", "wyvern"}
    assert set(kb.coverage(["wyvern"]).areas) == {"wyvern"}


@pytest.mark.parametrize(("question", "every_area"), [
    ("How do the areas compare on refuges?", True),
    ("How does Wyvern compare with the others on refuges?", True),
    ("How do they compare with each other?", True),
    ("How does provision compare to other counties?", True),
    # one figure set against another, not the areas against each other
    ("How many incidents were there, and how does that compare with other violent crime?", False),
    ("How did reports compare with the same period last year?", False),
])
def test_a_comparison_with_something_else_is_not_about_every_area(question, every_area):
    from kb.manifest import Area
    from kb.retrieval.areas import AreaResolver

    resolver = AreaResolver({"wyvern": Area("wyvern", "Wyvern", ("Wyvern",))}, ["calder"])
    assert resolver.wants_all(question) is every_area


def test_which_councils_do_something_is_answered_by_the_councils_that_do(tmp_path):
    """"Which councils have a sanctuary scheme?" names no council: a council whose best
    sentence shares only "scheme" ("a community ambassador scheme") does not have one, and is
    left out; a question that names the councils keeps each of them."""
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nOur actions\n\n"
                      "Wyvern will extend its sanctuary scheme to private tenants by 2025.\n\n"
                      "Wyvern will recommission the IDVA service in April 2025.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will run a community ambassador scheme in rural parishes.\n\n"
                      "Calder Vale will train GP practices to ask about abuse.\n"},
        WYVERN_AND_CALDER)
    answer = kb.ask("Which councils have a sanctuary scheme?").text
    assert "sanctuary scheme to private tenants" in answer
    assert "Calder Vale" not in answer
    named = kb.ask("Do Wyvern and Calder Vale have a sanctuary scheme?").text
    assert "Wyvern:" in named and "Calder Vale:" in named
    # "How many of the councils…?" asks which do, not for a figure in their text
    counted = kb.ask("How many of the councils have a sanctuary scheme?")
    assert counted.found and "Wyvern:" in counted.text
    assert "sanctuary scheme to private tenants" in counted.text


def test_a_council_that_does_either_thing_asked_answers_which_councils_do_one_or_the_other():
    """"Which councils have a target hardening or sanctuary scheme?": a sentence on either
    answers, though it holds half the words of neither side of the whole question."""
    from kb.answers.extractive import _answering_areas, idf_table
    sentences = [_picked("wyvern", "Wyvern will extend its target hardening scheme."),
                 _picked("calder", "Calder Vale will review sanctuary scheme provision."),
                 _picked("barset", "Barset will run a community ambassador scheme.")]
    idf = idf_table([text for *_, text in sentences] + [
        "Victims get support.", "Refuge places for families.", "Training for GPs."])
    kept = _answering_areas(sentences, "Which councils have a target hardening or sanctuary "
                                       "scheme?", idf)
    assert [hit.area for hit, *_ in kept] == ["wyvern", "calder"]



def test_how_a_question_relates_the_councils_to_its_topic_is_no_part_of_the_topic():
    """"Which council plans to work with employers?": Barset's "We will work in partnership"
    holds "work" only, and no council writes "work" beside employers; the councils that
    write of employers answer it, not every council."""
    from kb.answers.extractive import _answering_areas, idf_table
    sentences = [_picked("wyvern", "Wyvern will develop a model policy for employers."),
                 _picked("calder", "Calder Vale will sign up employers to a pledge."),
                 _picked("barset", "We will work in partnership to keep victims safe.")]
    idf = idf_table([text for *_, text in sentences] + [
        "Victims get support.", "Refuge places for families.", "Training for GPs."])
    kept = _answering_areas(sentences, "Which council plans to work with employers?", idf)
    assert [hit.area for hit, *_ in kept] == ["wyvern", "calder"]


def test_a_council_answers_a_two_word_topic_with_both_words():
    """"Which councils mention economic abuse?": "economic output" is no economic abuse,
    though "economic" is rare and "abuse" is in every passage."""
    from kb.answers.extractive import _answering_areas, idf_table
    sentences = [_picked("wyvern", "Wyvern will train staff on coercive control and economic "
                                  "abuse."),
                 _picked("calder", "Lost economic output is the cost of time off work.")]
    idf = idf_table([text for *_, text in sentences] + [
        "Domestic abuse harms victims.", "Abuse of older people.", "Abuse in families."])
    kept = _answering_areas(sentences, "Which councils mention economic abuse?", idf)
    assert [hit.area for hit, *_ in kept] == ["wyvern"]


@pytest.mark.parametrize("searched_each", [12, 1])
def test_over_more_councils_than_are_searched_each_all_councils_means_those_that_speak_of_it(
        tmp_path: Path, monkeypatch, searched_each):
    """"What do all the councils say about stalking?": with few councils each is searched and
    answers with its best; over more than are searched one by one, a council whose sentences
    are not about stalking is left out, as for "Which councils…"."""
    for module in (hybrid, plan):  # the plan decides, the search shares out
        monkeypatch.setattr(module, "ALL_AREAS_MAX", searched_each)
    monkeypatch.setattr(api, "ALL_AREAS_MAX", searched_each)
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nOur actions\n\n"
                      "Wyvern will fund a stalking advocate for victims of stalking.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nOur actions\n\n"
                      "Calder Vale will train GP practices to ask about abuse.\n"},
        WYVERN_AND_CALDER)
    answer = kb.ask("What do all the councils say about stalking?").text
    assert "stalking advocate" in answer
    assert ("Calder Vale:" in answer) is (searched_each >= 2)


def test_which_councils_over_a_large_store_names_every_council_that_does_it(tmp_path: Path,
                                                                           monkeypatch):
    """Over more councils than are searched one by one, "Which councils have a behaviour change
    programme for perpetrators?" is answered by every council that has one, up to as many as
    are searched one by one, not only by those among the first `top_k` hits; and councils that
    only write about perpetrator programmes crowd none of them out of the answer."""
    from tests.corpus_support import document

    for module in (hybrid, plan):  # the plan decides, the search shares out
        monkeypatch.setattr(module, "ALL_AREAS_MAX", 6)
    monkeypatch.setattr(api, "ALL_AREAS_MAX", 6)
    doing = ["Ashby", "Brock", "Corley", "Dunmore"]
    talking = ["Fenby", "Garth", "Hollin"]
    manifest, files = "", {}
    for name in doing + talking:
        key = name.lower()
        manifest += (f'\n[areas.{key}]\nname = "{name}"\naliases = ["{name}"]\n'
                     + document(f"{key}.txt", key, f"{name} Domestic Abuse Strategy 2024-2027",
                                "2024-2027"))
        if name in doing:
            text = (f"{name} will commission a behaviour change programme for perpetrators "
                    f"referred by the police.")
        else:
            text = "Research on perpetrator programmes is mixed."
        files[f"{key}.txt"] = (f"{name} Domestic Abuse Strategy 2024-2027\n\nOur actions\n\n"
                               f"{text}\n")
    kb = corpus_kb(tmp_path, files, manifest, top_k=3)
    answer = kb.ask("Which councils have a behaviour change programme for perpetrators?").text
    assert all(f"{name}:" in answer for name in doing), answer
    assert not any(f"{name}:" in answer for name in talking), answer


def test_councils_that_do_not_answer_which_councils_crowd_none_out():
    """The sentences of councils that only write about some of the topic's words are left out
    before the answer's sentences are chosen, so however well they score they take none of the
    answer's places from the council that does the thing asked about."""
    from kb.answers.extractive import MAX_PER_AREA, MAX_SENTENCES, AnswerShape, compose, idf_table
    def hit(area: str, text: str) -> Hit:
        return Hit(chunk_id=f"{area}:0", text=text, score=1.0, doc_id=area, area=area,
                   title="t", period="2024-2027", page=None, section="Our actions",
                   kind=ChunkKind.ACTION, start=0, end=len(text))

    said = ["Councils have a programme for perpetrators to debate.",
            "Which councils have a programme for perpetrators varies.",
            "Councils have research on a programme for perpetrators."][:MAX_PER_AREA]
    talkers = [f"Talker{n}" for n in range(MAX_SENTENCES // MAX_PER_AREA + 2)]
    hits = [hit(area, " ".join(f"{area}: {sentence}" for sentence in said)) for area in talkers]
    hits.append(hit("Ashby", "Ashby will fund a behaviour change course for men who harm."))
    idf = idf_table([h.text for h in hits] + ["Victims get support.", "Refuge places.",
                                              "Training for GPs.", "Perpetrators harm."])
    answer = compose("Which councils have a behaviour change programme for perpetrators?", hits, idf,
                     AnswerShape(multi_area=True, which_areas=True))
    assert "Ashby will fund a behaviour change course" in answer.text
    assert not any(area in answer.text for area in talkers)


def test_which_councils_names_each_council_once_so_that_every_one_that_does_it_is_named():
    """Councils that each write several sentences on the topic fill no answer between them:
    "Which councils…?" names every council that does it, each with its best sentence."""
    from kb.answers.extractive import MAX_PER_AREA, MAX_SENTENCES, AnswerShape, compose, idf_table
    def hit(area: str, text: str) -> Hit:
        return Hit(chunk_id=f"{area}:0", text=text, score=1.0, doc_id=area, area=area,
                   title="t", period="2024-2027", page=None, section="Our actions",
                   kind=ChunkKind.ACTION, start=0, end=len(text))

    councils = [f"Council{n}" for n in range(MAX_SENTENCES + 4)]
    hits = [hit(area, f"{area} will commission a programme for perpetrators. The programme for "
                      f"perpetrators will run in {area} each year. Perpetrators referred by "
                      f"the police join the programme.")
            for area in councils]
    idf = idf_table([h.text for h in hits] + ["Victims get support.", "Refuge places.",
                                              "Training for GPs.", "Schools teach."])
    answer = compose("Which councils have a programme for perpetrators?", hits, idf,
                     AnswerShape(multi_area=True, which_areas=True))
    assert all(f"{area}:" in answer.text for area in councils), answer.text
    assert len(answer.citations) == len(councils) > MAX_PER_AREA


def test_which_councils_mention_something_counts_every_document_of_a_council(tmp_path):
    """"Which councils mention Operation Encompass?": a council that names it only in a
    presentation names it; the lower weight of supporting documents is for comparing what
    the councils' strategies commit to, not for whether they mention a thing."""
    from tests.corpus_support import document

    strategy = "Wyvern Domestic Abuse Strategy 2024-2027\n\n" + "\n\n".join(
        f"Priority {n}\n\nWyvern will improve its operational response to abuse in district {n} "
        f"and work with schools there." for n in range(1, 9)) + "\n"
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": strategy,
        "wyvern-launch.txt": "Wyvern launch event 2025\n\nNext steps\n\n- Operation Encompass: "
                             "notifying schools after a call-out.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nSchools\n\nCalder Vale "
                      "will roll out Operation Encompass to every school.\n"},
        WYVERN_AND_CALDER + document("wyvern-launch.txt", "wyvern", "Wyvern launch event",
                                     "2025-2026", kind="presentation"))
    answer = kb.ask("Which councils mention Operation Encompass?").text
    assert "Wyvern:" in answer and "notifying schools after a call-out" in answer
    assert "Calder Vale:" in answer


def test_an_answer_about_several_areas_is_scored_on_its_topic_not_its_frame(tmp_path):
    """"What role do schools play in Wyvern and Calder Vale?": the words that frame a
    comparison ("role", "play", "areas") are not its topic, so a sentence that shares only them
    ("The role of the board…") is no answer, as it is none in a comparison's table."""
    kb = corpus_kb(tmp_path, {
        "wyvern.txt": "Wyvern Domestic Abuse Strategy 2024-2027\n\nGovernance\n\nThe role of the "
                      "board is to play its part in overseeing delivery across both areas.\n\n"
                      "Prevention\n\nWyvern will train teachers in every secondary school.\n",
        "calder.txt": "Calder Vale Domestic Abuse Strategy 2022-2025\n\nPrevention\n\nCalder Vale "
                      "will fund healthy relationships lessons in schools.\n"},
        WYVERN_AND_CALDER, sentence_similarity=0.0)  # (sentences are weighed by words alone)
    answer = kb.ask("What role do schools play in Wyvern and Calder Vale?").text
    assert "train teachers in every secondary school" in answer
    assert "The role of the board" not in answer
