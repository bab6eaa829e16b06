"""Strategies written in other councils' house styles: the structure read from them, each
block's kind and section (their metadata: tests/test_document_metadata.py)."""

from __future__ import annotations

import pytest

from ingest.loaders import load
from ingest.structure import Block, parse_blocks
from kb.records import ChunkKind
from tests.council_support import COUNCILS, cumberland_docx


def blocks_of(name: str) -> list[Block]:
    kind = "docx" if name.endswith(".docx") else "text"
    data = cumberland_docx() if kind == "docx" else (COUNCILS / name).read_bytes()
    return parse_blocks(load(kind, data).pages)


def block(blocks: list[Block], starts: str) -> Block:
    found = [b for b in blocks if b.text.strip().lstrip("#-• ").startswith(starts)]
    assert found, f"no block starts with {starts!r}"
    return found[0]


@pytest.mark.parametrize(("name", "starts", "kind", "section"), [
    # numbered priorities, each with "We will" commitments
    ("telford-da-strategy.txt", "Too many families", ChunkKind.AIM, "1. Early intervention and prevention"),
    ("telford-da-strategy.txt", "deliver healthy relationships", ChunkKind.ACTION,
     "1. Early intervention and prevention"),
    ("telford-da-strategy.txt", "increase the number of safe", ChunkKind.ACTION,
     "2. Support for victims and survivors"),
    ("telford-da-strategy.txt", "expand the Drive", ChunkKind.ACTION, "3. Holding perpetrators to account"),
    ("telford-da-strategy.txt", "The strategy is owned", ChunkKind.GOVERNANCE, "Governance"),
    # a KPI table with baseline and target, under numbered sections without a dot
    ("newforest-da-plan.txt", "Referrals to the outreach", ChunkKind.INDICATOR, "3 Key performance indicators"),
    ("newforest-da-plan.txt", "In 2023/24 Hampshire", ChunkKind.STATISTIC, "2 What the data tells us"),
    ("newforest-da-plan.txt", "Progress against these", ChunkKind.INDICATOR, "4 How we will measure success"),
    ("newforest-da-plan.txt", "New Forest District Council (NFDC) has", ChunkKind.CONTEXT, "1 Introduction"),
    # a delivery-plan table with lead and timescale
    ("brighton-hove-vawg-delivery.txt", "Launch a sanctuary scheme", ChunkKind.ACTION, "Delivery plan"),
    ("brighton-hove-vawg-delivery.txt", "Set up a multi-agency", ChunkKind.ACTION, "Delivery plan"),
    # headings run straight into their text; front matter is not a parent
    ("rotherham-da-strategy.txt", "A Rotherham where", ChunkKind.VISION, "Our vision"),
    ("rotherham-da-strategy.txt", "Priority 1", ChunkKind.AIM, "Our priorities"),
    ("rotherham-da-strategy.txt", "Roll out the Caring Dads", ChunkKind.ACTION, "Key actions for year one"),
    ("rotherham-da-strategy.txt", "The Domestic Abuse Local", ChunkKind.INDICATOR, "Performance framework"),
    ("hackney-vawg-strategy.txt", "Objective 1", ChunkKind.AIM, "Strategic objectives"),
    ("hackney-vawg-strategy.txt", "Referrals to DAIS", ChunkKind.INDICATOR, "Measuring our progress"),
    # a contents page with page numbers, numbered sections with a numbered list inside one,
    # and priorities numbered 3.1, 3.2… under "3. Our priorities"
    ("wiltshire-da-strategy.txt", "1. Reported incidents rose", ChunkKind.STATISTIC, "1. Introduction"),
    ("wiltshire-da-strategy.txt", "We want people to recognise", ChunkKind.AIM,
     "3.1 Prevention and early intervention"),
    ("wiltshire-da-strategy.txt", "fund the Inspire", ChunkKind.ACTION, "3.3 Perpetrators"),
    ("wiltshire-da-strategy.txt", "Safe accommodation units", ChunkKind.INDICATOR, "4. Measuring success"),
    ("wiltshire-da-strategy.txt", "The Wiltshire Domestic Abuse Partnership", ChunkKind.GOVERNANCE,
     "5. Governance"),
    # lettered divisions ("Section C: Action plan"), an action table per objective, measures
    # numbered i., ii., iii.
    ("calderdale-da-strategy.txt", "Domestic abuse affects around", ChunkKind.STATISTIC,
     "Section A: Introduction"),
    ("calderdale-da-strategy.txt", "2.2\tExtend the sanctuary", ChunkKind.ACTION,
     "Objective 2: Improve the safety of victims and their children"),
    ("calderdale-da-strategy.txt", "ii. Referrals to MARAC", ChunkKind.INDICATOR,
     "Section D: How we will measure progress"),
    ("calderdale-da-strategy.txt", "The Safer Stronger Calderdale Partnership Board owns",
     ChunkKind.GOVERNANCE, "Section E: Governance"),
    # sections numbered 1.0, 2.0 with 1.1, 1.2 under them, after a version line; a plan on a
    # page whose header names the years; a measures table
    ("stockton-da-strategy.txt", "This strategy sets out how the Safer Stockton", ChunkKind.CONTEXT,
     "1.1 Purpose of this strategy"),
    ("stockton-da-strategy.txt", "Cleveland Police recorded", ChunkKind.STATISTIC, "2.1 Prevalence"),
    ("stockton-da-strategy.txt", "SO1 – Fewer people", ChunkKind.AIM, "3.0 Strategic objectives"),
    ("stockton-da-strategy.txt", "Repeat victims as a share", ChunkKind.INDICATOR, "5.0 Outcome measures"),
    ("stockton-da-strategy.txt", "The Domestic Abuse Steering Group", ChunkKind.GOVERNANCE, "6.0 Governance"),
    # priorities each with the same sub-headings, a signed foreword, an appendix action plan
    ("northyorks-da-strategy.txt", "Cllr Anne Hartley", ChunkKind.CONTEXT,
     "Foreword by Councillor Anne Hartley"),
    ("northyorks-da-strategy.txt", "Fewer survivors wait", ChunkKind.INDICATOR, "What success looks like"),
    ("northyorks-da-strategy.txt", "Second refuge for women", ChunkKind.ACTION, "Appendix 1: Action plan"),
    # copied from a PDF: lines wrapped by hand, a running footer with the page number, each
    # outcome's title straight above its "What we will do"
    ("sheffield-da-strategy.txt", "Offer a behaviour change", ChunkKind.ACTION, "What we will do"),
    ("sheffield-da-strategy.txt", "the proportion of MARAC cases", ChunkKind.INDICATOR,
     "How we will know we are making a difference"),
    ("sheffield-da-strategy.txt", "The strategy is owned", ChunkKind.GOVERNANCE, "Governance"),
    # a Word document with heading styles and a table
    ("cumberland.docx", "Every resident of Cumberland", ChunkKind.VISION, "Our vision"),
    ("cumberland.docx", "We will fund specialist", ChunkKind.ACTION, "Our commitments"),
    ("cumberland.docx", "Children supported by the hub", ChunkKind.INDICATOR, "Key performance indicators"),
    ("cumberland.docx", "Cumberland Council's Domestic", ChunkKind.GOVERNANCE, "Governance"),
])
def test_each_block_gets_its_kind_and_section(name, starts, kind, section):
    found = block([b for b in blocks_of(name) if b.type != "heading"], starts)
    assert found.kind is kind, f"{starts!r}: {found.kind}"
    assert found.path[-1] == section, f"{starts!r}: {found.path}"


def test_a_contents_page_names_the_sections_without_opening_them():
    """"1. Introduction 2" under "Contents" is an entry; the numbered sections open where their
    own headings are, each at the top level (not under the contents' last entry)."""
    blocks = blocks_of("wiltshire-da-strategy.txt")
    headings = [b.path for b in blocks if b.type == "heading"]
    assert ("Contents",) in headings and ("1. Introduction",) in headings
    assert ("5. Governance",) in headings and ("3. Our priorities", "3.4 A confident workforce") in headings
    assert not [path for path in headings if path[-1].endswith((" 2", " 9"))]
    assert block(blocks, "4. Measuring success 8").path == ("Contents",)


def test_a_contents_list_without_page_numbers_names_the_sections_without_opening_them():
    """Under "Contents", "1. Foreword from the Mayor" is an entry; "Foreword from the Mayor"
    further on, the section it points to, opens that section."""
    blocks = blocks_of("hackney-vawg-strategy.txt")
    assert block(blocks, "1. Foreword from the Mayor").path[-1] == "Contents"
    assert block(blocks, "Hackney is a borough").path == ("Foreword from the Mayor",)


def test_a_contents_heading_that_runs_straight_into_its_entries_heads_them():
    """"Contents" with its entries on the next lines (no blank line between) is the contents
    page's heading, not the first line of a paragraph under the title page's last line
    ("Draft for consultation - October 2024"); "Introduction", which it lists, opens its own
    section at the top level, and the title page heads nothing."""
    text = ("Wyvern Borough Council\n\nWyvern Domestic Abuse Strategy 2025 - 2029\n\n"
            "Draft for consultation - October 2024\n\nContents\nIntroduction ............ 2\n"
            "Where are we now? ........ 3\n\nIntroduction\n\nThis is Wyvern's second strategy.\n\n"
            "Where are we now?\n\nIn 2023/24 the police recorded 2,906 domestic abuse crimes.\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Introduction ............ 2").path == ("Contents",)
    assert block(blocks, "This is Wyvern's second strategy").path == ("Introduction",)


def test_a_top_level_glossary_lists_its_entries():
    """A Word file's "Glossary" in Heading 1 style (read as "# Glossary") over one entry a
    paragraph: each entry is an item of the glossary, not a heading of its own."""
    text = ("# Wyvern Domestic Abuse Strategy 2024-2027\n\n# Governance\n\nThe board oversees "
            "delivery.\n\n# Glossary\n\nCAPVA - Child and adolescent to parent violence and "
            "abuse\n\nIRIS - Identification and Referral to Improve Safety\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    entry = block(blocks, "CAPVA - Child and adolescent")
    assert entry.type != "heading" and entry.path == ("Glossary",)
    assert entry.kind is ChunkKind.GLOSSARY


def test_a_section_the_contents_lists_nests_under_no_heading_it_does_not_list():
    """A foreword ends with its signatory's title line ("Expert by Experience"), which reads
    as a heading; "1. Introduction", which the contents lists, is a top-level section and not
    part of it. A sub-section the contents lists stays under its section, also when the
    contents gives the section a shorter name; the title page above the contents heads
    nothing."""
    text = ("OXFORDSHIRE\n\nCOUNTY COUNCIL\n\nContents\n\nForewords\t3\n1. Introduction\t4\n"
            "2. What abuse costs\t6\nThe national picture\t7\n\nForewords\n\n"
            "We are proud to publish this strategy with our partners.\n\nExpert by Experience\n\n"
            "1. Introduction\n\nThis is our five-year strategy.\n\n"
            "2. WHAT ABUSE COSTS THE WHOLE COMMUNITY\n\nAbuse costs public services dearly.\n\n"
            "The national picture\n\nOne in four women experience abuse in their lifetime.\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Forewords\t3").path == ("Contents",)
    assert block(blocks, "This is our five-year strategy").path == ("1. Introduction",)
    assert block(blocks, "One in four women").path == ("2. WHAT ABUSE COSTS THE WHOLE COMMUNITY",
                                                         "The national picture")


def test_sections_a_contents_block_lists_are_not_part_of_a_vision_before_them():
    """The contents page is one block of titles without page numbers. "Our Vision" (a heading
    of the vision's kind) is followed by "Where We Are Now", "Our Priorities" and "Delivery
    Plan", which the contents lists beside it: each is a top-level section, not part of the
    vision; the numbered lines after the priorities' lead-in are its list's items, and
    "What we will do" under a priority stays that priority's own."""
    text = ("Wyvern Domestic Abuse Strategy 2051-2056\n\nContents\n\nForeword\nOur Vision\n"
            "Where We Are Now\nOur Priorities\nPriority One - Early Help\nDelivery Plan\n\n"
            "Foreword\n\nWe are proud to publish this strategy.\n\nOur Vision\n\nOur vision is "
            "a Wyvern free from domestic abuse.\n\nWhere We Are Now\n\nIn 2050/51 the police "
            "recorded 4,812 domestic abuse incidents.\n\nOur Priorities\n\nWe have agreed two "
            "priorities with our partners:\n\n1. Early Help for families\n2. Safe Homes for every "
            "survivor\n\nPriority One - Early Help\n\nWhat we will do\n\n- Train every GP "
            "practice.\n\nDelivery Plan\n\nRef\tAction\tLead\nP1\tGP training\tICB\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Foreword\nOur Vision").path == ("Contents",)
    assert block(blocks, "Our vision is").path == ("Our Vision",)
    assert block(blocks, "In 2050/51 the police").path == ("Where We Are Now",)
    first = block(blocks, "1. Early Help for families")
    assert first.type != "heading" and first.path == ("Our Priorities",)
    assert block(blocks, "Train every GP").path == ("Priority One - Early Help", "What we will do")
    assert block(blocks, "P1\tGP training").path == ("Delivery Plan",)


def test_sections_numbered_from_one_point_nought_are_top_level_sections():
    """"1.0 Introduction" is a numbered section (never a list's item), even after a title
    page's version line; "1.1 Purpose" is a sub-section of it, and "2.0" the next section."""
    blocks = blocks_of("stockton-da-strategy.txt")
    headings = [b.path for b in blocks if b.type == "heading"]
    assert ("1.0 Introduction", "1.1 Purpose of this strategy") in headings
    assert ("2.0 The picture in Stockton-on-Tees",) in headings and ("4.0 Plan on a page",) in headings


def test_a_table_s_header_row_is_of_its_rows_kind():
    """The header names the rows' columns: it is chunked with them, not apart."""
    blocks = blocks_of("stockton-da-strategy.txt")
    header = block(blocks, "Objective\tYear 1")
    assert header.kind is block(blocks, "SO2\tSingle point").kind


def test_a_foreword_s_signatory_line_is_text_not_a_heading():
    """"Nick Alston, Essex Police and Crime Commissioner" signs the foreword above it: it heads
    nothing, and the contents page after it ("Content", with a "Page Number" column) heads no
    section after its entries."""
    text = ("Foreword\n\nWe are pleased to present this strategy.\n\n"
            "Nick Alston, Essex Police and Crime Commissioner\n\nContent\n\n"
            "\tPage Number\nStrategy Summary - Outcomes\t4\nIntroduction\t5\n\n"
            "Strategy Summary -Outcomes\n\nOur shared vision\n\nEveryone lives free from abuse.\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Nick Alston").path == ("Foreword",)
    assert block(blocks, "Nick Alston").type == "paragraph"
    assert block(blocks, "Introduction\t5").path == ("Content",)
    assert block(blocks, "Everyone lives free").path[0] == "Strategy Summary -Outcomes"


def test_numbered_lines_under_marked_headings_are_list_items():
    """A document that marks its headings ("## Our priorities", as markdown and Word files
    do) numbers its list items, not its sections: "1. Early help" is an item of that list."""
    text = ("# Bolton Domestic Abuse Strategy\n\n## Our priorities\n\n1. Early help and prevention\n"
            "2. Safety for victims and their children\n\n## What we will do\n\n* Train 400 practitioners\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    early = block(blocks, "1. Early help")
    assert early.type == "bullet" and early.path[-1] == "Our priorities"
    assert early.kind is ChunkKind.AIM


def test_lines_called_by_a_reference_are_items_of_the_list_their_lead_in_announces():
    """"A1 Deliver…", "A2 Launch…" under "Our commitments:" are the items of a list of
    actions, each its own, in a section of another kind (a strand)."""
    text = ("5. Strand A: Prevent\n\nWhat we want to achieve: young people know what a healthy "
            "relationship looks like.\n\nOur commitments:\nA1 Deliver the Healthy Relationships "
            "curriculum in every school.\nA2 Launch an Employers' Pledge.\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    pledge = block(blocks, "A2 Launch")
    assert pledge.type == "bullet" and pledge.kind is ChunkKind.ACTION
    assert pledge.path == ("5. Strand A: Prevent",)
    assert block(blocks, "A1 Deliver").text.rstrip().endswith("every school.")


def test_a_list_after_a_section_s_stated_aim_is_what_it_will_do():
    """Under "Theme 2: Support for survivors", "Our aim: …" states the theme's aim; the
    bullets after it, with no lead-in of their own, are its actions, not more aims; a list of
    priorities with no aim stated before it stays a list of aims."""
    text = ("Theme 2: Support for survivors\n\nOur aim: survivors get the right support at the "
            "right time.\n\n- Open a women's centre in the town centre.\n- Provide interpreters "
            "for every survivor who needs one.\n\nOur priorities\n\n- Prevent abuse\n"
            "- Support survivors\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Our aim:").kind is ChunkKind.AIM
    assert block(blocks, "Open a women's centre").kind is ChunkKind.ACTION
    assert block(blocks, "Provide interpreters").kind is ChunkKind.ACTION
    assert block(blocks, "Prevent abuse").kind is ChunkKind.AIM


def test_a_contents_line_that_labels_entries_keeps_the_listing_going():
    """"Delivery plans:" groups the entries after it: "Glossary", listed after it, is a
    section of its own, not part of the contributors' list before it."""
    text = ("Contents\n\nForeword\t3\nDelivery plans:\nPrevent delivery plan\t15\nGlossary\t19\n\n"
            "Foreword\n\nWe are proud of this strategy.\n\nContributors\n\nThames Valley Police\n\n"
            "Glossary\n\nIDVA - Independent Domestic Violence Advocate\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, "Prevent delivery plan").path == ("Contents",)
    assert block(blocks, "IDVA - Independent").path == ("Glossary",)


def test_a_numbered_list_in_a_numbered_section_stays_a_list():
    """Item 2 of a list inside "1. Introduction" is not the next numbered section, however
    much it looks like a title; the real "2. Background" after the list is."""
    text = ("1. Introduction\n\nThe review made three recommendations:\n\n"
            "1. Endorse a pathway of services for victims\n"
            "2. Implement the proposed new governance structure\n"
            "3. Set up task and finish groups\n\n"
            "2. Background\n\nReported incidents rose last year.\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert [b.path for b in blocks if b.type == "heading"] == [("1. Introduction",), ("2. Background",)]
    assert block(blocks, "2. Implement").path == ("1. Introduction",)
    assert block(blocks, "Reported incidents").path == ("2. Background",)


def test_numbered_sections_in_capitals_follow_one_another_whatever_their_words():
    """"2. WHAT WE KNOW", "4. OUR PRIORITIES", "5. TARGETS" and "7. GLOSSARY" name kinds of
    passage, which would make them sub-sections; numbered after "1. ABOUT THIS STRATEGY" (a
    major heading by its capitals), each is the next section, at its level."""
    text = ("1. ABOUT THIS STRATEGY\n\nThis strategy covers domestic abuse in Norfolk.\n\n"
            "2. WHAT WE KNOW\n\nPolice recorded 14,820 incidents in 2023.\n\n"
            "3. OUR PRIORITIES\n\nPRIORITY ONE: EARLY HELP\n\nWhat we will do\n"
            "(a) Teach healthy relationships in every school.\n\n"
            "4. TARGETS\n\nMeasure\tBaseline\tTarget\nRepeat referrals\t25%\t20%\n\n"
            "5. GLOSSARY\n\nIRIS\tIdentification and Referral to Improve Safety\n")
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert [b.path for b in blocks if b.type == "heading" and len(b.path) == 1] == [
        ("1. ABOUT THIS STRATEGY",), ("2. WHAT WE KNOW",), ("3. OUR PRIORITIES",),
        ("4. TARGETS",), ("5. GLOSSARY",)]
    assert block(blocks, "(a) Teach").path[0] == "3. OUR PRIORITIES"
    assert block(blocks, "Repeat referrals").path == ("4. TARGETS",)
    assert block(blocks, "IRIS").kind is ChunkKind.GLOSSARY


def test_each_priority_keeps_its_own_repeated_sub_sections():
    """"What we will do" and "What success looks like" repeat under every priority: each
    nests under its priority, which it does not close; an appendix is a top-level section."""
    blocks = blocks_of("northyorks-da-strategy.txt")
    outreach = block(blocks, "a) Keep a specialist outreach")
    assert outreach.path[-2:] == ("Priority Two: Supporting survivors to be safe and recover",
                                  "What we will do")
    assert outreach.kind is ChunkKind.ACTION
    assert block(blocks, "Fewer repeat incidents").path[-2].startswith("Priority Three")
    assert block(blocks, "Community perpetrator programme commissioned").path == (
        "Appendix 1: Action plan",)


@pytest.mark.parametrize("line", ["Cllr Anne Hartley, Executive Member for Housing",
                                  "Mayor Lutfur Rahman", "Councillor Anne Hartley"])
def test_a_line_that_signs_a_foreword_is_text(line):
    text = f"Foreword\n\nEvery resident deserves to be safe.\n\n{line}\n\nOur priorities\n\nSafety.\n"
    blocks = parse_blocks(load("text", text.encode()).pages)
    assert block(blocks, line.split()[0]).type == "paragraph"
    assert [b.path for b in blocks if b.type == "heading"] == [("Foreword",), ("Our priorities",)]


def test_a_running_footer_is_dropped_and_each_outcome_heads_its_actions():
    """"Sheffield … Strategy 2024-2027 Page 4" repeats with each page's number: it heads
    nothing. "Outcome 3: …" with "What we will do" on the next line are two headings."""
    blocks = blocks_of("sheffield-da-strategy.txt")
    assert not [b for b in blocks if "Page 4" in b.text]
    offer = block(blocks, "Offer a behaviour change")
    assert offer.path[-2] == "Outcome 3: People who harm change their behaviour or are held to account"
