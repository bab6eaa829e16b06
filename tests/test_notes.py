"""The notes a quoted sentence cites, given when a question asks where something comes from."""

from kb.answers.notes import asks_for_sources, cited_notes, with_notes
from kb.records import Answer, Chunk, ChunkKind, Citation

TEXT = ("The cost of abuse is £48 million per annum ¹\n\n"
        "One in four women experience abuse ²\n\n"
        "¹ Wyvern Needs Assessment 2014\n\n"
        "² Women's Aid data 2016/17\n\n"
        "Reported incidents rose by 6% ¹\n\n"
        "¹ Wyvern Police data 2017\n")


def chunk(start: int, end: int, chunk_id: str) -> Chunk:
    return Chunk(chunk_id, "d", TEXT[start:end], None, "Local picture", ChunkKind.STATISTIC,
                 start, end, 0)


CHUNKS = [chunk(0, 80, "c1"), chunk(80, len(TEXT), "c2")]


def citation(n: int, quote: str) -> Citation:
    start = TEXT.index(quote)
    owner = next(c for c in CHUNKS if c.start <= start < c.end)
    return Citation(n, "d", "wyvern", "Wyvern Strategy", "2021-2024", "adopted", None,
                    "Local picture", quote, owner.chunk_id, start, start + len(quote))


def test_a_sentence_s_note_is_the_first_line_after_it_with_its_number():
    cost = cited_notes(citation(1, "The cost of abuse is £48 million per annum ¹"), CHUNKS)
    assert [n.quote for n in cost] == ["¹ Wyvern Needs Assessment 2014"]
    assert TEXT[cost[0].start:cost[0].end] == cost[0].quote
    # numbered again further on (page by page): the later sentence's note is the later line
    rise = cited_notes(citation(1, "Reported incidents rose by 6% ¹"), CHUNKS)
    assert [n.quote for n in rise] == ["¹ Wyvern Police data 2017"]


def test_a_number_cited_again_before_its_note_has_no_note_in_the_text():
    """The first page's note was lost: "¹" is cited again on the next page before any "¹"
    line, so the next page's note is not taken for the first page's."""
    text = "A figure ¹\n\nAnother figure ¹\n\n¹ Source of the other figure\n"
    chunks = [Chunk("c", "d", text, None, "", ChunkKind.STATISTIC, 0, len(text), 0)]
    lost = Citation(1, "d", "wyvern", "t", "", "", None, "", "A figure ¹", "c", 0, 10)
    assert cited_notes(lost, chunks) == []


def test_an_answer_to_a_source_question_gives_each_quote_s_notes_after_it():
    first = citation(1, "The cost of abuse is £48 million per annum ¹")
    second = citation(2, "One in four women experience abuse ²")
    answer = Answer(f"{first.quote} [1]\n{second.quote} [2]", [first, second], True, "extractive")
    noted = with_notes(answer, lambda doc_id: CHUNKS)
    assert noted.text.split("\n") == [
        f"{first.quote} [1]", "¹ Wyvern Needs Assessment 2014 [3]",
        f"{second.quote} [2]", "² Women's Aid data 2016/17 [4]"]
    assert [c.n for c in noted.citations] == [1, 2, 3, 4]


def test_source_questions_are_recognised():
    assert asks_for_sources("Where does the £48 million figure come from?")
    assert asks_for_sources("What is the source of the incident figures?")
    assert not asks_for_sources("What does Wyvern say about refuges?")
