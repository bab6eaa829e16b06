import io
from pathlib import Path

import pytest

from ingest.loaders import decode_text, load_docx, load_pdf
from ingest.pdf_text import clean_pages, read_columns
from ingest.sniff import sniff
from kb.errors import DocumentRejected

MB = 1_000_000


def make_pdf(pages: list[list[str]], encrypt: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number, lines in enumerate(pages, start=1):
        pdf.drawString(72, 800, "Testshire County Council")
        y = 760
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 16
        pdf.drawString(72, 40, f"Page {number} of {len(pages)}")
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    if encrypt is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password=encrypt, owner_password="owner")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


PAGES = [["Our strategic aims", "We will develop a training package for",
          "employers across the county."],
         ["Key Indicators of Progress", "Number of repeat victims"],
         ["Glossary", "MARAC - Multi Agency Risk Assessment Conference"]]


def test_decode_handles_utf8_utf16_and_cp1252():
    assert decode_text("café – ok".encode()) == "café – ok"
    assert decode_text("\ufeffcafé".encode("utf-16")) .endswith("café")
    assert decode_text("caf\xe9 \x96 ok".encode("latin-1")) == "café – ok"
    assert decode_text(b"a\r\nb") == "a\nb"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("fake.pdf", b"hello", "not a PDF"),
    ("fake.docx", b"hello", "not a Word"),
    ("notes.xls", b"hello", "unsupported file type"),
    ("disguised.txt", b"%PDF-1.4 ...", "bytes are a PDF"),
    ("binary.txt", b"ab\x00\x01cd", "binary data"),
])
def test_sniff_rejects_with_reason(name, data, reason):
    with pytest.raises(DocumentRejected, match=reason):
        sniff(Path(name), data, MB)


def test_sniff_rejects_huge_files():
    with pytest.raises(DocumentRejected, match="too large"):
        sniff(Path("big.txt"), b"x" * 2000, 1000)


def test_pdf_pages_are_numbered_and_running_headers_stripped():
    pages = load_pdf(make_pdf(PAGES))
    assert [p.number for p in pages] == [1, 2, 3]
    assert "Testshire County Council" not in pages[0].text
    assert "Page 1 of 3" not in pages[0].text
    assert "training package for employers across the county." in pages[0].text


def test_encrypted_pdf_with_empty_password_loads_and_with_password_is_rejected():
    assert load_pdf(make_pdf(PAGES, encrypt=""))[0].number == 1
    with pytest.raises(DocumentRejected, match="encrypted"):
        load_pdf(make_pdf(PAGES, encrypt="secret"))


def test_truncated_pdf_is_rejected():
    data = make_pdf(PAGES)
    with pytest.raises(DocumentRejected, match="corrupt or truncated"):
        load_pdf(data[: len(data) // 3])


def test_pdf_without_text_layer_needs_ocr():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.rect(100, 100, 200, 200, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentRejected, match="needs OCR"):
        load_pdf(buffer.getvalue())


def test_clean_pages_joins_wrapped_lines_but_keeps_bullets():
    pages = clean_pages([(1, "We will work with\nschools and colleges.\n- first item\n- second")])
    assert pages[0].text == "We will work with schools and colleges.\n\n- first item\n\n- second"


def test_clean_pages_separates_paragraphs_and_headings_like_a_text_file():
    wrapped = ("The partnership will commission a new specialist service for victims across the\n"
               "County from April, working with Health and the Police to reach people earlier.\n"
               "Our priorities\n"
               "Every victim is offered support within two days of a referral to the service by any\n"
               "Partner agency.\n")
    assert clean_pages([(1, wrapped)])[0].text == (
        "The partnership will commission a new specialist service for victims across the County from "
        "April, working with Health and the Police to reach people earlier.\n\nOur priorities\n\n"
        "Every victim is offered support within two days of a referral to the service by any Partner agency.")


def test_docx_headings_lists_and_tables():
    import docx

    document = docx.Document()
    document.add_heading("Key Indicators of Progress", level=2)
    document.add_paragraph("Number of repeat victims", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Activity", "Lead", "Comment"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Train staff", "Board", "Q1"], strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    text = load_docx(buffer.getvalue())[0].text
    assert "## Key Indicators of Progress" in text
    assert "- Number of repeat victims" in text
    assert "Activity\tLead\tComment\nTrain staff\tBoard\tQ1" in text


UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def unicode_pdf(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", str(UNICODE_FONT)))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("DejaVu", 12)
    for row, line in enumerate(lines * 3):
        page.drawString(50, 800 - 20 * row, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.mark.skipif(not UNICODE_FONT.exists(), reason="needs the DejaVu font (fonts-dejavu-core)")
@pytest.mark.parametrize("lines", [
    ["Strategaeth Cam-drin Domestig Cyngor Gwynedd 2023–2026", "Byddwn yn sicrhau cymorth i bob dioddefwr: ŵyr, ŷd."],
    ["استراتيجية مكافحة العنف المنزلي", "سنعمل مع الشركاء لدعم الضحايا والناجين"],
    ["گھریلو زیادتی کی حکمت عملی", "ہم متاثرین کی مدد کے لیے شراکت داروں کے ساتھ کام کریں گے"],
], ids=["welsh", "arabic", "urdu"])
def test_pdf_in_any_script_is_indexed_not_sent_to_ocr(lines):
    text = load_pdf(unicode_pdf(lines))[0].text
    assert len(text.split()) >= 10
    assert "\x00" not in text


@pytest.mark.skipif(not UNICODE_FONT.exists(), reason="needs the DejaVu font (fonts-dejavu-core)")
def test_pdf_whose_fonts_have_no_unicode_map_is_rejected_for_that_reason():
    private_use = "".join(chr(0xE000 + i) for i in range(30))
    with pytest.raises(DocumentRejected, match="no Unicode map"):
        load_pdf(unicode_pdf([private_use, private_use]))


def test_cells_wrapped_side_by_side_are_read_column_by_column():
    layout = ("Our partners\n"
              "Safer Wyvern       Strategic leadership for      Council leader\n"
              "                   the whole county\n"
              "Health board       Commissions health            Director of\n"
              "                   services                      public health\n"
              "Every partner signs the protocol.")
    assert read_columns(layout).split("\n") == [
        "Our partners",
        "Safer Wyvern\tStrategic leadership for the whole county\tCouncil leader",
        "Health board\tCommissions health services\tDirector of public health",
        "Every partner signs the protocol.",
    ]


def test_a_numbered_title_between_two_tables_heads_the_second():
    """With no blank line around it, "5.0 Outcome measures" is no wrapped first cell of the
    table above: it ends that table and heads the next."""
    layout = ("SO1                             Perpetrator programme           Review of use\n"
              "                                for men not in the\n"
              "                                criminal justice system\n"
              "5.0 Outcome measures\n"
              "Measure                                   Baseline                   Target\n"
              "Repeat victims as a share                 33%                        25%")
    assert read_columns(layout).split("\n")[:3] == [
        "SO1\tPerpetrator programme for men not in the criminal justice system\tReview of use",
        "5.0 Outcome measures",
        "Measure\tBaseline\tTarget",
    ]


def test_docx_text_boxes_are_read_once_after_their_paragraph():
    """A designed strategy's call-out in a text box: python-docx's paragraph text leaves it
    out, and Word writes it twice (for new readers and, in mc:Fallback, for old ones)."""
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    text = "1 in 4 women in Wyvern will experience domestic abuse."
    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    run = (f'<w:r xmlns:w="{w}" xmlns:mc="{mc}"><mc:AlternateContent>'
           f'<mc:Choice Requires="wps"><w:drawing>{content}</w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict>{content}</w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    document = docx.Document()
    document.add_paragraph("Domestic abuse affects every community.")._p.append(etree.fromstring(run))
    document.add_paragraph("We will act on it.")
    buffer = io.BytesIO()
    document.save(buffer)
    page_text = load_docx(buffer.getvalue())[0].text
    assert page_text.count(text) == 1
    assert page_text.index("every community") < page_text.index(text) < page_text.index("act on it")


def test_a_word_table_of_contents_is_left_out():
    """A generated contents field ("TOC 1" entries under a "TOC Heading") is navigation: its
    entries and page numbers are not the document's text."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_paragraph("Our priorities\t4", style="TOC 1")
    document.add_heading("Our priorities", level=1)
    document.add_paragraph("Prevention comes first.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = load_docx(buffer.getvalue())[0].text
    assert "\t4" not in text and "Contents" not in text
    assert text.strip().startswith("# Our priorities")


def test_a_custom_heading_style_based_on_a_heading_is_a_heading():
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    custom = document.styles.add_style("Wyvern Section", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("Our priorities", style="Wyvern Section")
    document.add_paragraph("Prevention comes first.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "## Our priorities" in load_docx(buffer.getvalue())[0].text


def test_a_paragraph_word_numbers_itself_is_a_list_item():
    """Word list numbering set on a Normal paragraph (w:numPr), not by a List style."""
    import docx
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("We will:")
    item = document.add_paragraph("Open a second refuge.")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    item._p.get_or_add_pPr().append(etree.fromstring(
        f'<w:numPr xmlns:w="{w}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    assert "- Open a second refuge." in load_docx(buffer.getvalue())[0].text


W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES = (f'<w:footnotes xmlns:w="{W_MAIN}">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Women\'s Aid data 2016/17.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:t>Wyvern Needs Assessment 2014.</w:t></w:r></w:p></w:footnote>'
             '<w:footnote w:id="3"><w:p><w:r><w:t>A note nothing cites.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')


def docx_with_footnotes(notes: str) -> bytes:
    """A Word file (a title, then "Heading 2" sections) citing footnote 2 in a paragraph and
    footnote 1 in a table cell."""
    import docx
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    def cite(paragraph, note_id: int) -> None:
        paragraph._p.append(etree.fromstring(
            f'<w:r xmlns:w="{W_MAIN}"><w:footnoteReference w:id="{note_id}"/></w:r>'))

    document = docx.Document()
    document.add_heading("Wyvern Domestic Abuse Strategy", level=0)
    document.add_heading("What abuse costs", level=2)
    cite(document.add_paragraph("Abuse costs Wyvern £48 million a year."), 2)
    document.add_paragraph("We will act on it.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Refuge places"
    cite(table.cell(0, 1).paragraphs[0], 1)
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, notes.encode(),
                document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_word_footnotes_follow_the_text_numbered_as_it_cites_them():
    """python-docx reads no footnotes: the text keeps a superscript number where it cites one
    (also in a table), and the notes follow under "Notes" in the order the text cites them;
    Word's separator note is no note. "Notes" is a section beside the document's own (its
    headings' level), not under its last one nor over all of them."""
    text = load_docx(docx_with_footnotes(FOOTNOTES))[0].text
    assert "Abuse costs Wyvern £48 million a year.¹" in text
    assert "Refuge places\t²" in text
    assert text.index("We will act on it.") < text.index("\n## Notes") < text.index(
        "¹ Wyvern Needs Assessment 2014.") < text.index("² Women's Aid data 2016/17.")
    assert "nothing cites" not in text


def test_a_word_file_whose_footnotes_are_not_xml_is_rejected_for_that_reason():
    with pytest.raises(DocumentRejected, match="footnotes are not XML"):
        load_docx(docx_with_footnotes(FOOTNOTES[:-20]))


def test_a_footnote_number_ends_its_sentence():
    from kb.text import SENTENCE_END

    assert SENTENCE_END.split("Abuse costs £48 million a year.¹ We will act on it.") == [
        "Abuse costs £48 million a year.", "We will act on it."]


def test_a_paragraph_after_a_word_list_is_no_part_of_its_last_item():
    """Word writes no blank line: "To keep victims safe we will:" after a list is a lead-in
    of its own, not words carried on from the item above it."""
    import docx

    document = docx.Document()
    document.add_paragraph("To stop abuse before it starts we will:")
    document.add_paragraph("deliver healthy relationships lessons;", style="List Bullet")
    document.add_paragraph("To keep victims safe we will:")
    document.add_paragraph("open a second refuge.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    text = load_docx(buffer.getvalue())[0].text
    assert "- deliver healthy relationships lessons;\n\nTo keep victims safe we will:" in text


def test_bold_lines_head_a_word_file_that_uses_no_heading_style():
    """Many council Word files set headings in bold Normal paragraphs: with no heading style
    in the document, a short all-bold paragraph is a heading; a bold lead-in ("We will:") or
    sentence is not. A document that uses heading styles keeps its bold lines as text."""
    import docx

    def strategy(styled: bool) -> str:
        document = docx.Document()
        if styled:
            document.add_heading("Our priorities", level=1)
        for text in ("Our three aims", "We will:", "Survivors are safe."):
            document.add_paragraph().add_run(text).bold = True
        document.add_paragraph("Aim 1: Stop abuse before it starts.")
        buffer = io.BytesIO()
        document.save(buffer)
        return load_docx(buffer.getvalue())[0].text

    plain = strategy(styled=False)
    assert "## Our three aims" in plain
    assert "## We will:" not in plain and "## Survivors" not in plain
    assert "## Our three aims" not in strategy(styled=True)
