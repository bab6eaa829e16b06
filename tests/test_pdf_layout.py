"""The PDF path reads council layouts as their text twins read: one test per mechanism, on
small PDFs drawn here (running headers and footers in several styles, page breaks inside a
sentence, a list item and a table row, contents lists, wrapped table cells, glyph bullets)."""

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from ingest.loaders import load_pdf
from ingest.markup import clean_text
from ingest.structure import parse_blocks

Line = str | list[tuple[float, str]]  # a line at the left margin, or cells at x positions
LEFT, TOP, LEADING = 60, 780, 13
LONG = ("The partnership will commission a specialist service for victims and their children "
        "across the county")


def draw(pages: list[list[Line]], header: tuple[str, ...] = ("Northshire County Council",),
         footer: str = "Page {n}") -> bytes:
    """A PDF whose pages hold these lines ("" a blank line), with running header and footer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        for i, text in enumerate(header):
            pdf.drawString(LEFT, 810 - 10 * i, text)
        pdf.drawString(LEFT, 30, footer.format(n=number, m=len(pages)))
        pdf.setFont("Helvetica", 10)
        for row, line in enumerate(lines):
            for x, text in [(LEFT, line)] if isinstance(line, str) else line:
                pdf.drawString(x, TOP - row * LEADING, text)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


WORDS = ("first", "second", "third", "fourth")


def body(page: int) -> list[Line]:
    """A page of ordinary paragraphs, its own words on each page, so that only the running
    header and footer repeat."""
    return [f"The {WORDS[page]} section", "", f"Partners agree the {WORDS[page]} actions in this plan.", ""]


@pytest.mark.parametrize(("header", "footer"), [
    (("Northshire County Council",), "Page {n}"),
    (("Northshire County Council", "Domestic Abuse Strategy 2025-2028"), "Page {n} of {m}"),
    (("Safer Northshire Partnership",), "- {n} -"),
    ((), "{n}"),
])
def test_running_headers_and_footers_with_page_numbers_are_removed(header, footer):
    pages = load_pdf(draw([body(0), body(1)], header, footer))
    assert [p.number for p in pages] == [1, 2]
    for page in pages:
        assert page.text.startswith("The ")
        assert page.text.endswith("actions in this plan.")


def test_a_footer_spaced_out_differently_on_each_page_is_still_a_running_footer():
    """A footer of a title at the left and "Page N" at the right: layout mode sets the gap
    between them by each page's own fonts, so it differs from page to page. It is still
    dropped, and each page's heading stays on its page (it was read into the page before as
    a cell of the footer's row)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pages = [[(22, "Northshire Strategy"), (12, "Adopted by Cabinet, 20 July 2023")],
             [(16, "1. Foreword"), (10, "Partners agree the first actions in this plan.")],
             [(16, "2. Governance"), (10, "The board meets four times a year to review it.")]]
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(LEFT, 30, "Northshire Domestic Abuse Strategy 2023-2026")
        pdf.drawRightString(535, 30, f"Page {number}")
        for row, (size, text) in enumerate(lines):
            pdf.setFont("Helvetica", size)
            pdf.drawString(LEFT, TOP - row * 30, text)
        pdf.showPage()
    pdf.save()
    texts = [page.text for page in load_pdf(buffer.getvalue())]
    assert texts == ["Northshire Strategy\n\nAdopted by Cabinet, 20 July 2023",
                     "1. Foreword\n\nPartners agree the first actions in this plan.",
                     "2. Governance\n\nThe board meets four times a year to review it."]


def test_a_sentence_split_by_a_page_break_is_joined_on_the_page_where_it_starts():
    first = [*body(0), "We will commission a specialist service for victims and their children across the",
             "whole county, working with"]
    pages = load_pdf(draw([first, ["health partners and the police.", "", "Our priorities"], body(1)]))
    assert "working with health partners and the police." in pages[0].text
    assert pages[1].text.startswith("Our priorities")


def test_a_list_item_continued_over_a_page_break_stays_one_item():
    first = [*body(2), "Key actions:", "", "- Train every frontline worker in the county to recognise coercive",
             "  control and to make a safe referral to the"]
    pages = load_pdf(draw([first, ["  specialist service", "- Publish the referral pathway"], body(0)]))
    blocks = parse_blocks(pages)
    items = [b.text for b in blocks if b.type == "bullet"]
    assert items[0].endswith("a safe referral to the specialist service")
    assert items[1] == "- Publish the referral pathway"


def test_a_heading_at_the_top_of_a_page_is_not_joined_to_the_paragraph_before():
    pages = load_pdf(draw([[*body(1), LONG], ["What we will do", "", "Partners will act."], body(2)]))
    assert pages[1].text.startswith("What we will do\n\nPartners will act.")


def test_a_numbered_sub_heading_after_a_full_line_starts_its_own_block():
    """A layout with no blank lines: nothing but its section number marks "3.3 Perpetrators"
    off from the full-width last line of 3.2."""
    tight = [[line for line in body(page) if line] for page in (0, 1)]
    lines = ["3.2 Support for victims", LONG, "3.3 Perpetrators",
             "Partners will refer perpetrators to the programme."]
    pages = load_pdf(draw([lines + tight[0], tight[1]]))
    assert "across the county\n\n3.3 Perpetrators\n\nPartners will refer" in pages[0].text


def test_lines_that_are_not_spaced_apart_stay_lines_of_one_block():
    vision = ["Our vision", "", "Safe at home", "Safe in the community", "Safe online", ""]
    pages = load_pdf(draw([vision + body(0), body(1), body(2)]))
    assert "Our vision\n\nSafe at home\nSafe in the community\nSafe online" in pages[0].text


def test_a_table_row_wrapped_over_a_page_break_stays_one_row():
    first = [*body(0), [(LEFT, "Action"), (300, "Lead")],
             [(LEFT, "Recommission the specialist"), (300, "Community Safety")],
             [(LEFT, "domestic abuse service"), (300, "Partnership")]]
    second = [[(LEFT, "with a trauma-informed model")], "", "Partners will act."]
    pages = load_pdf(draw([first, second, body(1)]))
    assert ("Recommission the specialist domestic abuse service with a trauma-informed model\t"
            "Community Safety Partnership") in pages[0].text.split("\n")
    assert pages[1].text == "Partners will act."


def test_a_contents_list_reads_one_row_per_entry():
    contents = [[(LEFT, "Foreword"), (400, "3")],
                [(LEFT, "Strategic Summary - Vision, Aims and Outcomes"), (400, "4")],
                [(LEFT, "Governance and accountability"), (400, "12")]]
    pages = load_pdf(draw([["Contents", "", *contents], body(2), body(0)]))
    assert pages[0].text.split("\n")[2:] == [
        "Foreword\t3", "Strategic Summary - Vision, Aims and Outcomes\t4", "Governance and accountability\t12"]


def test_table_rows_start_where_the_first_cell_had_room_or_a_column_resumes():
    table = [[(LEFT, "Indicator"), (250, "Baseline 2024/25"), (400, "Target 2027/28")],
             [(LEFT, "Households in safe"), (250, "54%"), (400, "75%")],
             [(LEFT, "accommodation supported to")],
             [(LEFT, "move on within 6 months")],
             [(LEFT, "Referrals to the outreach service"), (250, "31"), (400, "90")],
             [(LEFT, "from GPs")]]
    pages = load_pdf(draw([body(1) + table, body(2), body(0)]))
    assert pages[0].text.split("\n")[-3:] == [
        "Indicator\tBaseline 2024/25\tTarget 2027/28",
        "Households in safe accommodation supported to move on within 6 months\t54%\t75%",
        "Referrals to the outreach service from GPs\t31\t90"]


def test_a_bullet_glyph_with_no_unicode_meaning_reads_as_a_bullet():
    pages = load_pdf(draw([[*body(1), "• Train frontline staff", "• Publish the pathway"], body(2), body(0)]))
    assert "• Train frontline staff\n• Publish the pathway" in pages[0].text  # reportlab's bullet extracts as \x7f


def test_a_bullet_glyph_inside_a_table_cell_reads_as_a_bullet():
    cells = [[(LEFT, "Training"), (250, "Courses including: \u2022 Basic awareness")]]
    text = load_pdf(draw([[*body(1), *cells], body(2), body(0)]))[0].text
    assert "Training\tCourses including: • Basic awareness" in text


def test_a_line_end_hyphen_is_rejoined_only_when_the_document_uses_the_whole_word():
    lines = [*body(1), "Support for victim-", "survivors and for every vic-", "tim of abuse; victims first."]
    text = clean_text(load_pdf(draw([lines, body(2), body(0)]))[0].text)
    assert "victim-survivors and for every victim of abuse" in text


def test_markdown_links_emphasis_and_tables_read_as_text_and_rows():
    text = ("See the [2016 review](#review) and *Bristol Ideal* schools; victims* below.\n\n"
            "| Measure | 2024 baseline | 2030 target |\n|---|---|---|\n"
            "| Schools holding the Bristol Ideal | 41 | 120 |\n\n* a bullet item")
    assert clean_text(text) == (
        "See the 2016 review and Bristol Ideal schools; victims below.\n\n"
        "Measure\t2024 baseline\t2030 target\nSchools holding the Bristol Ideal\t41\t120\n\n"
        "* a bullet item")


def test_underlined_headings_read_as_headings_and_rules_go():
    """Markdown's other heading form ("Our priorities" over "---", a title over "===") is a
    heading; a rule under a long line, or alone, is a separator and goes."""
    text = ("Bolton Domestic Abuse Strategy\n==============================\n\n"
            "Our priorities\n--------------\n\n* Early help\n\n"
            "This paragraph runs on for well over fourteen words, so the rule below it is only a "
            "separator between paragraphs.\n---\n\n***\n\nThe end.")
    assert clean_text(text) == (
        "# Bolton Domestic Abuse Strategy\n\n## Our priorities\n\n* Early help\n\n"
        "This paragraph runs on for well over fourteen words, so the rule below it is only a "
        "separator between paragraphs.\n\n\n\nThe end.")


def test_a_page_set_in_two_columns_of_text_reads_one_column_then_the_other():
    """Two columns of prose are no table: the left column's text, then the right column's,
    page by page (a table's cells would read as one tab-separated row)."""
    from reportlab.lib.utils import simpleSplit

    def page(left: str, right: str) -> list[Line]:
        columns = [simpleSplit(text, "Helvetica", 10, 220) for text in (left, right)]
        return [[(LEFT, a), (320, b)] for a, b in zip(*columns, strict=False)]

    first = page("Our vision. Everyone in Wyvern lives free from domestic abuse and gets help early. "
                 "We will train every GP practice to ask about abuse and to refer survivors to the "
                 "county outreach service, and publish the referral pathway for all partners.",
                 "Our priorities. First, prevention through healthy relationships education in all "
                 "schools. Second, advocates in both hospitals and a new refuge for women with "
                 "complex needs. Third, the Drive programme for high-harm perpetrators.")
    second = page("Governance. The Wyvern Domestic Abuse Board owns the strategy and meets every "
                  "quarter to review it. It reports each year to the Health and Wellbeing Board "
                  "and to the Community Safety Partnership on progress.",
                  "Measuring success. Repeat referrals to MARAC should fall from 31 per cent to 25 "
                  "per cent by 2027, survivors should wait six weeks at most for counselling, and "
                  "every school should teach healthy relationships.")
    pages = load_pdf(draw([first, second]))
    assert pages[0].text.startswith("Our vision. Everyone in Wyvern")
    assert "for all partners.\n\nOur priorities. First," in pages[0].text
    assert "\t" not in pages[0].text + pages[1].text
    assert pages[1].text.startswith("Governance.") and "\n\nMeasuring success." in pages[1].text


def test_ligatures_read_as_their_letters():
    assert clean_text("Ofﬁcers identiﬁed ﬁnancial abuse and ﬂexible support.") == (
        "Officers identified financial abuse and flexible support.")
    assert clean_text("vic\u00adtims get sup\u200bport\ufeff") == "victims get support"
