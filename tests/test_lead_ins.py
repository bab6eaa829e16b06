"""A list's lead-in whose items are in the next chunk ("Our shared vision is that … five
outcomes:") is quoted on its own when it says more than a label, and weighs less than a
sentence that states something."""

from kb.answers.extractive import AnswerShape, compose
from kb.answers.sentences import units
from kb.records import ChunkKind, Hit

VISION = ("Our Shared Vision\n\nOur shared vision is that everyone in Wyvern lives a life free "
          "from domestic abuse, achieved by focusing our delivery on four outcomes:")


def _hit(chunk_id: str, text: str, kind: ChunkKind, section: str = "Our Shared Vision") -> Hit:
    return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern", title="t",
               period="2021-2024", page=None, section=section, kind=kind, start=0,
               end=len(text))


def test_a_lead_in_without_its_items_is_a_unit_when_it_says_more_than_a_label():
    quotes = [q for _, _, q in units(VISION, headings=["Our Shared Vision"])]
    assert quotes == [VISION.split("\n\n")[1]]
    assert [q for _, _, q in units("Partners\n\nWE WILL:")] == []
    # with its items, the lead-in is part of the list's quote, not a unit of its own
    listed = [q for _, _, q in units("The four outcomes are:\n- Safety for victims\n- Fewer "
                                     "repeat victims")]
    assert listed == ["The four outcomes are:\n- Safety for victims\n- Fewer repeat victims"]
    # compare items and part vectors read items apart: there a lead-in is never a unit
    assert [q for _, _, q in units(VISION, headings=["Our Shared Vision"], whole_lists=False)] == []


def test_a_vision_stated_in_a_lead_in_answers_a_question_about_the_vision():
    vision = _hit("c1", VISION, ChunkKind.VISION)
    principles = _hit("c2", "- Sharing information safely.\n- Learning from good practice "
                            "elsewhere.", ChunkKind.OUTCOME)
    answer = compose("What is the vision of the strategy?", [vision, principles], {},
                     AnswerShape(kinds=frozenset({ChunkKind.VISION, ChunkKind.OUTCOME})))
    assert answer.text.splitlines()[0].startswith("Our shared vision is that everyone in Wyvern")


def test_a_contents_page_is_never_quoted():
    """Under a Contents heading, a line that ends in a page number is an entry, however it is
    spaced ("2. Our vision 3"); elsewhere "Priority 1" is a line like any other."""
    contents = "Contents\n1. Introduction 2\n2. Our vision 3\n3. Our priorities ..... 4"
    assert [q for _, _, q in units(contents, headings=["Contents"])] == []
    text = "We will report on our work against Priority 1"
    assert [q for _, _, q in units(text, headings=["Our priorities"])] == [text]


def test_a_sentence_wrapped_onto_a_line_that_starts_with_a_figure_is_one_unit():
    wrapped = ("In 2022/23 police recorded 14,386 incidents in Sheffield, and the MARAC heard\n"
               "2,208 cases, 38% of them repeat cases.")
    assert [q for _, _, q in units(wrapped)] == [wrapped]
    # a label over a figure, and a list's next number, are lines of their own
    assert [q for _, _, q in units("Targets for the year\n2022/23 figures show a rise.")] == [
        "Targets for the year", "2022/23 figures show a rise."]
    listed = "Our aims over the coming five years for the borough\n2. Safer homes for all"
    assert len(list(units(listed, whole_lists=False))) == 2


def test_a_table_row_that_ends_in_small_numbers_is_no_contents_line():
    """"Safe accommodation units<TAB>38<TAB>50" gives a baseline and a target, not pages."""
    table = ("We will report progress against these indicators:\n\nIndicator\tBaseline\tTarget\n"
             "Repeat referrals to MARAC\t31%\t25%\nSafe accommodation units\t38\t50")
    [quote] = [q for _, _, q in units(table, headings=["Measuring success"])]
    assert quote.endswith("Safe accommodation units\t38\t50")
    assert [q for _, _, q in units("Foreword\t3\nWhat is Domestic Abuse?\t8",
                                   headings=["Contents"])] == []


def test_a_contents_page_s_numbered_titles_are_entries_and_its_other_lines_text():
    contents = ("Contents\n\n1. Introduction\n2. Our ambitions\n\n"
                "Version: DRAFT 1.3 Date: AUGUST 2019")
    assert [q for _, _, q in units(contents, headings=["Contents"])] == [
        "Version: DRAFT 1.3 Date: AUGUST 2019"]


def test_a_title_page_s_lines_are_not_quoted():
    # a line that is part of the document's title, and a line with no word to read
    text = ("Recovery Pilots Launch Event\n11:00 – 13:00\n"
            "Seven recovery pilots run from October to March.")
    quoted = [quote for _, _, quote in units(
        text, title="Domestic Abuse Recovery Pilots launch event: strategic oversight (2020)")]
    assert quoted == ["Seven recovery pilots run from October to March."]


def test_a_sentence_that_asks_a_question_weighs_less_than_one_that_answers():
    """A slide's prompt ("How will we monitor the strategy?") shares the question's words but
    answers nothing: the sentence that says how comes first."""
    slide = _hit("c1", "How will we monitor the strategy?\n\nPartners will monitor the strategy "
                       "through a quarterly dashboard.", ChunkKind.GOVERNANCE, section="Delivery")
    answer = compose("How is the strategy going to be monitored?", [slide], {})
    assert answer.citations[0].quote.startswith("Partners will monitor")


def test_a_list_item_s_name_is_quoted_with_what_it_says():
    """"- Think family. We will consider the needs of every child…" (the name set in bold in
    the original) is one item: "What does Wyvern mean by think family?" is answered by what
    the item says, not by its name alone. A bullet's two sentences stay two units."""
    text = ("## The principles we will work to\n\n- Listen to survivors. The Survivor Voice Forum "
            "will review every change to services.\n- Think family. We will consider the needs "
            "of every child and adult in the household.\n- We will fund refuges. We will train "
            "staff.")
    quotes = [q for _, _, q in units(text, headings=["The principles we will work to"],
                                     whole_lists=False)]
    assert "- Think family. We will consider the needs of every child and adult in the " \
           "household." in quotes
    assert "- We will fund refuges." in quotes and "We will train staff." in quotes
    hit = _hit("c1", text, ChunkKind.CONTEXT, "The principles we will work to")
    answer = compose("What does Wyvern mean by think family?", [hit], {})
    assert "every child and adult" in answer.text


def test_a_lead_in_that_refers_back_to_the_best_sentence_follows_it_with_its_items():
    """"What came out of the Wyvern listening events?" is answered by the sentence naming the
    events and by the points the next line says emerged from them, which share none of the
    question's words; a lead-in whose items the passage does not hold adds nothing."""
    text = ("In May 2022 the Wyvern board held three listening events with survivors. The "
            "main messages emerging from these sessions were:\n- Survivors want one number to "
            "call\n- Waiting lists are too long\n\nRefuge space is reviewed each year.")
    events = _hit("c1", text, ChunkKind.CONTEXT, section="Listening to survivors")
    answer = compose("What came out of the Wyvern listening events?", [events], {})
    assert "Survivors want one number to call" in answer.text
    assert answer.citations[1].quote.startswith("The main messages emerging from these")
    bare = _hit("c1", "In May 2022 the Wyvern board held three listening events with "
                "survivors. This strategy will act on them by ensuring:", ChunkKind.CONTEXT,
                section="Listening to survivors")
    answer = compose("What came out of the Wyvern listening events?", [bare], {})
    assert [c.quote for c in answer.citations] == [
        "In May 2022 the Wyvern board held three listening events with survivors."]
