"""Quotable units: what an answer may quote is a whole sentence, list item, table row or
lead-in with its list, never a contents line or a title page line repeating the title."""

from kb.answers.extractive import compose
from kb.answers.sentences import units
from kb.records import ChunkKind, Hit


def test_contents_lines_are_never_quotable_units():
    text = ("Definition of Domestic Abuse Some Impacts of Domestic Abuse\t6 6 7\n"
            "Foreword ........ 3\n"
            "We will fund 24 refuge bed spaces by 2021.")
    assert [quote for _, _, quote in units(text)] == ["We will fund 24 refuge bed spaces by 2021."]
    # a heading that ends a sentence ("?") splits its contents line, and the page number then
    # starts the next line's unit; a lead-in among the lines takes none of them as its items
    contents = ("CONTENTS\nForeword\t3\nWhat is Domestic Abuse?\t8\nWhat is Known to Work?\t8\n"
                "Key Actions to Deliver Strategy:\t\nPrevent Delivery Plan\t15\n\nFOREWORD\n\n"
                "Jane Smith, Chair of the Wyvern Partnership Board.\n"
                "Domestic abuse can happen to anyone.")
    assert [quote for _, _, quote in units(contents, headings=["FOREWORD"])] == [
        "Jane Smith, Chair of the Wyvern Partnership Board.",
        "Domestic abuse can happen to anyone."]


def test_each_lettered_or_roman_numbered_item_is_a_unit_of_its_own():
    """"ii." and "b)" start items, not the words that carry on the line before."""
    text = ("i. Repeat incidents fall below 28% by 2026.\nii. Referrals from health services "
            "rise to 15%\niii. Nine out of ten survivors feel safer")
    assert [quote.split(". ", 1)[-1] for _, _, quote in units(text)] == [
        "Repeat incidents fall below 28% by 2026.", "Referrals from health services rise to 15%",
        "Nine out of ten survivors feel safer"]


def test_a_lead_in_s_list_ends_where_a_heading_or_another_lead_in_starts():
    """"We have three priorities:" keeps its three items, not the heading after them nor the
    next list's "We will:"; two definitions set one after the other are two units."""
    text = ("We have three priorities:\n- Prevention\n- Safety and support\n- Changing behaviour\n\n"
            "## Priority 1: Prevention\n\nWe will:\n- deliver healthy relationships lessons\n"
            "- train frontline staff\n\nControlling behaviour is:\n\na range of acts designed to "
            "isolate a person.\n\nCoercive behaviour is:\n\nan act or pattern of acts of assault.")
    assert [quote.split("\n")[0] for _, _, quote in units(text)] == [
        "We have three priorities:", "## Priority 1: Prevention", "We will:",
        "Controlling behaviour is:", "Coercive behaviour is:"]


def test_a_lead_in_s_list_ends_at_the_paragraph_after_its_last_numbered_item():
    """The paragraph after a numbered list is no item of it ("The strategy was shaped by a
    survey of 312 survivors" answers "How many survivors did Wyvern survey?" on its own);
    items of one list set apart by a blank line, or written without bullets, stay in it."""
    text = ("Its main findings were:\n\n1. Incidents rose by 14%\n2. Rural victims wait "
            "longer\n\n3. Few referrals come from health\n\nThe strategy was shaped by a survey "
            "of 312 survivors.\n\nOur aims are:\n\nSafer homes for victims\n\nFewer repeat "
            "victims")
    assert [quote for _, _, quote in units(text)] == [
        "Its main findings were:\n\n1. Incidents rose by 14%\n2. Rural victims wait longer\n\n"
        "3. Few referrals come from health",
        "The strategy was shaped by a survey of 312 survivors.",
        "Our aims are:\n\nSafer homes for victims\n\nFewer repeat victims"]


def test_a_title_page_line_repeating_the_document_s_title_is_no_unit():
    text = "Stockton Domestic Abuse Strategy 2024-2027\n\nWe use the definition in the Act."
    assert [quote for _, _, quote in units(text, title="Stockton Domestic Abuse Strategy 2024-2027")] == [
        "We use the definition in the Act."]


def test_a_table_row_names_no_item_after_it():
    """A short row ("Repeat referrals to MARAC<TAB>34%<TAB>28%") is an item of its own, not the
    label of the row under it."""
    text = ("Measure\tBaseline\tTarget\nRepeat referrals to MARAC\t34%\t28%\n"
            "Victims who feel safer\t78%\t90%\n")
    assert [quote for _, _, quote in units(text, labels=True)] == [
        "Repeat referrals to MARAC\t34%\t28%", "Victims who feel safer\t78%\t90%"]


def test_an_answer_quotes_a_sentence_once_whatever_its_bullet():
    def chunk(chunk_id, text, start):
        return Hit(chunk_id=chunk_id, text=text, score=1.0, doc_id="d", area="wyvern", title="t",
                   period="2021-2024", page=None, section="Indicators", kind=ChunkKind.INDICATOR,
                   start=start, end=start + len(text))

    summary = chunk("c1", "- Proportion of victims identified in health settings", 0)
    table = chunk("c2", "Proportion of victims identified in health settings", 400)
    answer = compose("Are victims identified in health settings?", [summary, table], {})
    assert len(answer.citations) == 1


def test_an_item_keeps_the_indented_details_under_it():
    text = ("5. Membership of the champions network is increased.\n"
            " - Increase on 280 members at close of 2017.\n"
            "6. Learning from reviews is shared with all partners.\n")
    quotes = [quote for _, _, quote in units(text)]
    assert quotes == ["5. Membership of the champions network is increased.\n"
                      " - Increase on 280 members at close of 2017.",
                      "6. Learning from reviews is shared with all partners."]  # item numbers stay
    assert len(list(units(text, details=False))) == 3
    assert len(list(units(text, whole_lists=False))) == 3
