"""An answer may quote a sentence that shares no word with the question, scored by its part
vector's similarity to the question (KB_SENTENCE_SIMILARITY): the answer to a paraphrase."""

from pathlib import Path

import numpy as np
import pytest

from kb.answers.extractive import score_units
from kb.api import KnowledgeBase
from kb.records import ChunkKind, Hit
from kb.retrieval.parts import part_offsets, unit_similarities
from kb.text import content_terms
from tests.corpus_support import corpus_kb

TEXT = ("Wyvern police received 8,760 reports of domestic abuse in 2023. "
        "That comes to one for every hour of the day and night.\n"
        "Key indicators:\n- Fewer repeat victims\n- Shorter waits for refuge places")
STRATEGY = f"Wyvern Domestic Abuse Strategy 2024-2027\n\nThe Picture Locally\n\n{TEXT}\n"
QUESTION = "How often did the police get a report in 2023?"


def _hit(text: str = TEXT, start: int = 100) -> Hit:
    return Hit(chunk_id="w:0", text=text, score=1.0, doc_id="w", area="wyvern", title="W",
               period="2024-2027", page=None, section="The Picture Locally",
               kind=ChunkKind.STATISTIC, start=start, end=start + len(text))


def _parts(hit: Hit) -> dict[str, list[tuple[int, int, float]]]:
    """Similarities by hand: the second sentence 0.5, the first 0.3, the list's items 0.1
    and 0.4 (document offsets)."""
    def span(piece: str) -> tuple[int, int]:
        at = hit.text.index(piece)
        return hit.start + at, hit.start + at + len(piece)

    sims = [("Wyvern police", 0.3), ("That comes", 0.5), ("Fewer repeat", 0.1),
            ("Shorter waits", 0.4)]
    return {hit.chunk_id: [(*span(piece), sim) for piece, sim in sims]}


def test_a_sentence_sharing_no_word_scores_its_similarity_times_the_weight():
    hit = _hit()
    terms = content_terms(QUESTION)
    by_words = [text for _, _, _, _, text in score_units(terms, [hit], {}, parts=_parts(hit))]
    assert by_words == ["Wyvern police received 8,760 reports of domestic abuse in 2023."]
    scored = {text.split()[0]: score for score, _, _, _, text in
              score_units(terms, [hit], {}, parts=_parts(hit), similarity_weight=4.0)}
    assert scored["That"] == pytest.approx(4.0 * 0.5)
    assert scored["Key"] == pytest.approx(4.0 * 0.4)  # a whole list: its best item
    assert scored["Wyvern"] == pytest.approx(3.0)  # shared words score as before (idf 1 each)


def test_nothing_is_quoted_when_no_sentence_shares_a_word():
    hit = _hit()
    assert score_units(content_terms("Which charities help?"), [hit], {}, parts=_parts(hit),
                       similarity_weight=4.0) == []


def _kb(tmp_path: Path, weight: float) -> KnowledgeBase:
    return corpus_kb(tmp_path, {"wyvern.txt": STRATEGY}, chunk_max_words=120,
                     sentence_similarity=weight)


@pytest.mark.parametrize("weight", [0.0, 4.0, 8.0])
def test_ask_quotes_the_sentence_that_answers_in_other_words(tmp_path, weight):
    """A sentence that shares no word with the question is scored by its similarity times the
    weight, and left out at 0. "That comes to one for every hour…" is the frequency "How
    often…?" asks for (VALUE_WEIGHT), so at the default weight (4.0) it scores above the
    answer's floor (kb.answers.extractive.ANSWER_FLOOR) and is quoted, as at any higher one."""
    answer = _kb(tmp_path, weight).ask(QUESTION)
    assert answer.found and "8,760 reports" in answer.text
    assert ("one for every hour" in answer.text) == (weight > 0.0)


def test_stored_parts_line_up_with_the_units_they_were_pooled_from():
    offsets = part_offsets(TEXT, "The Picture Locally")
    assert [TEXT[a:b] for a, b in offsets][1:] == [
        "That comes to one for every hour of the day and night.", "- Fewer repeat victims",
        "- Shorter waits for refuge places"]
    parts = np.eye(4, dtype=np.float32)[:3]  # the last unit cut off by the model's limit
    found = unit_similarities(np.eye(4, dtype=np.float32)[1], TEXT, "The Picture Locally", parts)
    assert [(TEXT[a:b][:4], sim) for a, b, sim in found] == [
        ("Wyve", 0.0), ("That", 1.0), ("- Fe", 0.0)]
    assert unit_similarities(np.eye(5, dtype=np.float32)[0], TEXT, "The Picture Locally",
                             np.eye(5, dtype=np.float32)) == []  # more parts than units


def test_a_later_hit_needs_half_again_the_overlap_to_lead_the_answer():
    """Hits are ranked by the whole question; a sentence of the second hit that matches a
    little more of it (here "refuge" over "places") does not lead the answer."""
    first = Hit(chunk_id="w:1", text="Wyvern will fund more places.", score=1.0, doc_id="w",
                area="wyvern", title="W", period="2024-2027", page=None, section="Actions",
                kind=ChunkKind.ACTION, start=0, end=29)
    second = Hit(chunk_id="w:2", text="A refuge is a safe house.", score=0.9, doc_id="w",
                 area="wyvern", title="W", period="2024-2027", page=None, section="Glossary",
                 kind=ChunkKind.GLOSSARY, start=500, end=525)
    idf = {"wyvern": 0.02, "fund": 0.02, "place": 2.0, "refug": 2.6}
    ranked = score_units(content_terms("How many refuge places will Wyvern fund?"),
                         [first, second], idf)
    assert [text for _, _, _, _, text in ranked][:2] == ["Wyvern will fund more places.",
                                                         "A refuge is a safe house."]


def test_a_sentence_sharing_the_questions_word_outranks_one_sharing_only_its_stem():
    """'employment' and 'employers' are one stem; a question about employers is answered by
    the sentence about employers first, whatever its hit's rank."""
    from kb.text import word_forms

    def hit(n: int, text: str) -> Hit:
        return Hit(chunk_id=f"w:{n}", text=text, score=1.0, doc_id="w", area="wyvern", title="W",
                   period="2024-2027", page=None, section="Actions", kind=ChunkKind.ACTION,
                   start=100 * n, end=100 * n + len(text))

    question = "How does Wyvern engage employers?"
    hits = [hit(0, "More victims will return to employment after support."),
            hit(1, "Sign up employers to a workplace pledge on domestic abuse.")]
    ranked = score_units(content_terms(question), hits, {}, question_forms=word_forms(question))
    assert ranked[0][4].startswith("Sign up employers")
    assert score_units(content_terms(question), hits, {})[0][4].startswith("More victims")


def test_a_paraphrase_never_outranks_the_sentence_that_holds_the_question_s_words():
    """A question of one topic word ("What will Wyvern do about perpetrators?") weighs little;
    a sentence that shares no word with it scores its similarity times that weight at most,
    so the sentence about perpetrators leads."""
    text = ("This will include alternatives to custody for women who offend.\n"
            "- Develop an approach to dealing with perpetrators.")
    hit = _hit(text)
    first = text.split("\n")[0]
    parts = {hit.chunk_id: [(hit.start, hit.start + len(first), 0.5)]}
    idf = {"perpetr": 1.5}
    ranked = [text for _, _, _, _, text in
              score_units({"perpetr"}, [hit], idf, parts=parts, similarity_weight=4.0)]
    assert ranked[0] == "- Develop an approach to dealing with perpetrators."


def test_a_paraphrase_of_a_better_ranked_hit_never_outranks_the_sentence_holding_its_rarest_word():
    """"What will Wyvern do for male victims?": an action of the first hit that shares no word
    with it (a paraphrase, of the kind asked for) does not lead over a later hit's sentence
    that names male victims, the question's most specific word."""
    action = Hit(chunk_id="w:1",
                 text="- Develop guidance for young people in abusive relationships.", score=1.0,
                 doc_id="w", area="wyvern", title="W", period="2024-2027", page=None,
                 section="Actions", kind=ChunkKind.ACTION, start=0, end=61)
    later = Hit(chunk_id="w:2", text="- Further work: resources for male victims.", score=0.9,
                doc_id="w", area="wyvern", title="W", period="2024-2027", page=None,
                section="Next steps", kind=ChunkKind.AIM, start=500, end=543)
    parts = {"w:1": [(0, 61, 0.6)]}
    idf = {"male": 3.0, "victim": 0.5}
    ranked = score_units({"male", "victim"}, [action, later], idf, {ChunkKind.ACTION}, parts,
                         similarity_weight=4.0)
    assert ranked[0][4] == "- Further work: resources for male victims."


def test_a_paraphrase_never_outranks_the_sentence_holding_the_rarest_word_any_sentence_holds():
    """"Who is responsible for the perpetrator programme?": no sentence writes "responsible",
    the question's rarest word, so the cap on paraphrases is the sentence holding the rarest
    word one does ("perpetrator"): the action plan's row, not a similar sentence on another
    action that merely names a body (a name, VALUE_WEIGHT)."""
    text = ("b) Hold multi-agency tasking and coordination (MATAC) meetings every month.\n"
            "Perpetrator programme commissioned\tProbation Service\tOctober 2023")
    hit = Hit(chunk_id="w:0", text=text, score=1.0, doc_id="w", area="wyvern", title="W",
              period="2024-2027", page=None, section="Action plan", kind=ChunkKind.ACTION,
              start=0, end=len(text))
    parts = {"w:0": [(0, text.index("\n"), 0.9)]}
    idf = {"respons": 5.0, "perpetr": 2.0, "programm": 1.0}
    from kb.answers.answer_type import AnswerType

    ranked = score_units(content_terms("Who is responsible for the perpetrator programme?"),
                         [hit], idf, parts=parts, similarity_weight=4.0, value=AnswerType.NAME)
    assert ranked[0][4].startswith("Perpetrator programme commissioned")


def test_a_sentence_sharing_only_the_corpus_subject_ranks_below_one_on_the_topic():
    """"Domestic abuse" is in half the passages; a question's other word says what it is
    about: the children's recovery worker answers, not the protection orders."""
    text = ("- Seek Domestic Abuse Protection Orders wherever the courts allow.\n"
            "- Fund a recovery worker for children in each locality.")
    idf = {"domest": 0.9, "abus": 0.9, "children": 1.4, "live": 2.2}
    terms = content_terms("children who have lived with domestic abuse")
    best = max(score_units(terms, [_hit(text)], idf), key=lambda unit: unit[0])
    assert best[4] == "- Fund a recovery worker for children in each locality."


def test_the_words_of_a_web_address_are_not_what_its_line_says():
    """A slide's picture credit ("https://…/developing-online-courses/") shares the question's
    "online" and "courses" only inside its address: it is no sentence about online courses."""
    text = ("Wyvern will run online courses for frontline staff from 2025.\n\n"
            "This Photo by Unknown Author is licensed under CC BY\n\n"
            "https://blog.example.org/2011/11/developing-online-courses-for-frontline-staff/\n"
            "https://creativecommons.org/licenses/by/3.0/")
    hit = _hit(text)
    quoted = [quote for _, _, _, _, quote in
              score_units(content_terms("What online courses will frontline staff get?"),
                          [hit], {})]
    assert quoted == ["Wyvern will run online courses for frontline staff from 2025."]
