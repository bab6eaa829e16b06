import hashlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.chunker import chunk_document
from ingest.loaders import load_text
from ingest.structure import parse_blocks
from kb.records import ChunkKind, Page, SourceDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def document(pages: tuple[Page, ...], doc_id: str = "doc") -> SourceDocument:
    return SourceDocument(doc_id=doc_id, path=Path(f"{doc_id}.txt"), area="a", title="T",
                          period="2020-2021", kind="strategy", status="adopted",
                          sha256="0" * 64, pages=pages)


def corpus_chunks(name: str):
    data = (CORPUS / name).read_bytes()
    doc = SourceDocument(doc_id=name, path=CORPUS / name, area="a", title="T", period="p",
                         kind="strategy", status="adopted",
                         sha256=hashlib.sha256(data).hexdigest(), pages=load_text(data))
    return doc, chunk_document(doc)


line = st.one_of(
    st.text(alphabet="abcdefghij KLMNOP.,:-\t", min_size=0, max_size=120),
    st.sampled_from(["", "Outcomes", "What we will do", "- a bullet item", "1. Numbered",
                     "KEY ACTIONS", "# Heading", "Key Indicators of Progress"]),
)
page_text = st.lists(line, min_size=0, max_size=40).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(page_text, min_size=1, max_size=3),
       st.integers(min_value=5, max_value=40), st.integers(min_value=0, max_value=60))
def test_chunk_invariants(texts, min_words, extra):
    max_words = min_words + extra
    doc = document(tuple(Page(number=i + 1, text=t) for i, t in enumerate(texts)))
    chunks = chunk_document(doc, min_words, max_words)
    full = doc.text
    assert [c.ordinal for c in chunks] == list(range(len(chunks)))
    previous_end = 0
    for chunk in chunks:
        assert chunk.text.strip(), "chunks are never empty"
        assert full[chunk.start:chunk.end] == chunk.text, "offsets are exact"
        assert chunk.start >= previous_end, "chunks are ordered and do not overlap"
        assert len(chunk.text.split()) <= max_words, "chunks are bounded"
        previous_end = chunk.end
    pages = [c.page for c in chunks]
    assert pages == sorted(pages), "page numbers are monotone"
    for block in parse_blocks(doc.pages):  # every content block lies inside some chunk
        if block.type != "heading":
            assert any(c.start <= block.start and block.end <= c.end for c in chunks) or any(
                c.start <= block.start < c.end for c in chunks), block


def test_chunk_ids_are_stable_and_derived_from_hash():
    doc, first = corpus_chunks("buckinghamshire-domestic-abuse-strategy-2018-2021.txt")
    _, second = corpus_chunks("buckinghamshire-domestic-abuse-strategy-2018-2021.txt")
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert all(c.chunk_id.startswith(f"{doc.doc_id}:{doc.sha256[:12]}:") for c in first)


def test_real_corpus_kinds_on_known_passages():
    _, bucks = corpus_chunks("buckinghamshire-domestic-abuse-strategy-2018-2021.txt")
    action = next(c for c in bucks if "Deliver healthy relationships awareness" in c.text)
    assert action.kind is ChunkKind.ACTION
    assert "What strategic action should we take?" in action.section
    _, essex = corpus_chunks(
        "essex-southend-thurrock-domestic-abuse-joint-commissioning-strategy-2015-2020.txt")
    indicator = next(c for c in essex if "Operation Shield Total Harm Score" in c.text
                     and "Key Indicators of Progress" in c.section)
    assert indicator.kind is ChunkKind.INDICATOR
    _, oxon = corpus_chunks("oxfordshire-domestic-abuse-strategy-2019-2024.txt")
    plan = next(c for c in oxon if "training package for employers" in c.text)
    assert plan.kind is ChunkKind.ACTION
    assert plan.section.endswith("What we will do to improve services and address gaps")
    glossary = next(c for c in bucks if "MARAC - Multi Agency" in c.text)
    assert glossary.kind is ChunkKind.GLOSSARY


def test_table_rows_keep_their_header_as_lead():
    header = "Area of work\tActivity\tLead\tComment"
    rows = "\n".join(f"Work {i}\t" + "word " * 30 + f"\tLead {i}\tnote" for i in range(6))
    doc = document((Page(number=None, text=f"Delivery Plan\n\n{header}\n{rows}"),))
    chunks = chunk_document(doc, 20, 80)
    assert len(chunks) > 1
    assert all(c.kind is ChunkKind.ACTION for c in chunks)
    assert all(c.lead == header for c in chunks[1:])


def test_a_heading_that_asks_opens_a_context_sub_section_whatever_its_words():
    text = ("1. Young people enjoy healthy relationships\n\nKey Indicators of Progress\n\n"
            "Fewer repeat referrals of young people.\n\nWhat could stop this being realised?\n\n"
            "- Schools not taking part.\n\nHow the Strategy was developed\n\nWith survivors.\n")
    blocks = [b for b in parse_blocks((Page(number=None, text=text),)) if b.type == "heading"]
    asks = next(b for b in blocks if b.text.startswith("What could"))
    assert (asks.level, asks.kind) == (3, ChunkKind.CONTEXT)
    assert asks.path[0] == "1. Young people enjoy healthy relationships"
    assert next(b for b in blocks if b.text.startswith("How the")).level == 2  # not a question


# Each ambition of a (made-up) council's plan: the same question headings in the same order.
AMBITION = """{title}

{intro}

What did residents tell us?

We held listening events in {place} over the summer.

{labels}

What will we do next?

{n}.1 - {action}

{n}.2 - Report progress to the partnership board every quarter.
"""
LABELS = """Getting help early in pregnancy

- Midwives rarely ask about abuse at the booking appointment
- Leaflets in clinics are only printed in English

Safer routes home from the town centre

- Street lighting is poor near the bus station
- Taxi marshals finish before the clubs close

Support that does not end at the court door

- Advocates close cases as soon as a trial ends
"""


def test_labels_of_a_list_inside_a_question_sub_section_are_not_sections():
    """Title lines leading bullet groups inside "What did residents tell us?" stay in that
    sub-section; the next question heading of the ambition's template comes back under the
    ambition, with its actions."""
    text = "\n".join([
        AMBITION.format(title="Survivors are heard early", intro="Abuse often starts or "
                        "escalates in pregnancy.", place="Northwick", labels=LABELS, n=1,
                        action="Train every community midwife to ask about abuse."),
        AMBITION.format(title="Streets and venues feel safe at night", intro="Most assaults "
                        "happen after ten at night.", place="Eastmoor", labels="", n=2,
                        action="Extend the taxi marshal scheme to three in the morning."),
    ])
    blocks = parse_blocks((Page(number=None, text=text),))
    headings = [b.path[-1] for b in blocks if b.type == "heading"]
    assert "Safer routes home from the town centre" not in headings
    action = next(b for b in blocks if b.text.startswith("1.1 - Train every"))
    assert action.path == ("Survivors are heard early", "What will we do next?")
    assert action.kind is ChunkKind.ACTION
    told = next(b for b in blocks if b.text.startswith("- Taxi marshals"))
    assert told.path == ("Survivors are heard early", "What did residents tell us?")
    assert told.lead == "Safer routes home from the town centre"
    second = next(b for b in blocks if b.text.startswith("2.1 - Extend"))
    assert second.path == ("Streets and venues feel safe at night", "What will we do next?")


def test_slide_titles_followed_by_bullets_stay_sections():
    """A slide title between two slides with the same question heading is a new slide, not
    a label: the question heading starts again rather than continuing a template."""
    slides = [("Recovery pilots launch", "- Two pilots funded for a year"),
              ("What did we learn?", "- Waiting lists halved"),
              ("Adult recovery options", "- Group work for survivors\n- One-to-one counselling"),
              ("Children's recovery options", "- Play therapy\n- School-based groups"),
              ("What did we learn?", "- Children need longer support"),
              ("Contacts", "- Write to the board secretary")]
    text = "\n\n".join(f"{title}\n\n{bullets}" for title, bullets in slides)
    blocks = parse_blocks((Page(number=None, text=text),))
    levels = {b.path[-1]: b.level for b in blocks if b.type == "heading"}
    assert levels["Adult recovery options"] == levels["Children's recovery options"] == 2
    assert levels["Contacts"] == 2
    play = next(b for b in blocks if b.text.startswith("- Play therapy"))
    assert play.path == ("Children's recovery options",)


def test_an_announced_outcome_opens_its_section_however_long():
    text = ("Our vision\n\nWe will work towards two outcomes:\n\nSurvivors are heard early\n\n"
            "Every resident knows what an abusive relationship looks like and where in the "
            "borough to go for help\n\n"
            "Survivors are heard early\n\nAbuse often starts in pregnancy.\n\n"
            "Every resident knows what an abusive relationship looks like and where in the "
            "borough to go for help\n\nMost residents could not name a local service.\n")
    blocks = parse_blocks((Page(number=None, text=text),))
    found = next(b for b in blocks if b.text.startswith("Most residents"))
    assert found.path[0].startswith("Every resident knows")


def test_an_infographics_cited_figures_are_statements_not_headings():
    text = ("THE PICTURE IN WYVERN\n\nOne in four women experience abuse in their lifetime ¹\n\n"
            "Domestic abuse related crime is 12% of all recorded crime\n\n"
            "Local picture\n\nWyvern's refuges turned away 140 women last year.\n")
    blocks = parse_blocks((Page(number=None, text=text),))
    headings = [b.path[-1] for b in blocks if b.type == "heading"]
    assert headings == ["THE PICTURE IN WYVERN", "Local picture"]
    figure = next(b for b in blocks if b.text.startswith("Domestic abuse related crime"))
    assert figure.type == "paragraph" and figure.path == ("THE PICTURE IN WYVERN",)


def test_small_sections_under_one_title_heading_are_chunks_of_their_own():
    """A markdown strategy whose "# Title" heads the whole text: its "## " sections are its
    top-level sections, so two short ones are not merged into one chunk, and a contents page
    is a chunk of its own."""
    text = ("# Wyvern Domestic Abuse Strategy 2025-2030\n\n## Contents\n\n1. Introduction\n"
            "2. Our ambitions\n\n## Introduction\n\nThe partnership agreed this strategy.\n\n"
            "## Our ambitions\n\nEveryone in Wyvern understands healthy relationships.\n")
    chunks = chunk_document(document((Page(number=None, text=text),)), min_words=60)
    sections = [c.section.split(" > ")[-1] for c in chunks]
    assert sections == ["Contents", "Introduction", "Our ambitions"]


def test_a_section_of_titles_alone_is_a_chunk_of_its_own():
    """"Our objectives" lists its objectives as sub-headings with nothing under them: they
    are that section's text, not headings glued onto the action plan that follows."""
    text = ("Section B: Our objectives\n\nObjective 1: Prevent abuse from happening\n\n"
            "Objective 2: Improve the safety of victims\n\nSection C: Action plan\n\n"
            "Objective 1: Prevent abuse from happening\n\nRef\tAction\tLead\n"
            "1.1\tDeliver healthy relationships lessons in every school\tPublic Health\n")
    chunks = chunk_document(document((Page(number=None, text=text),)), min_words=60)
    assert [(c.section, c.text.split("\n")[0]) for c in chunks] == [
        ("Section B: Our objectives", "Section B: Our objectives"),
        ("Section C: Action plan > Objective 1: Prevent abuse from happening", "Section C: Action plan")]
    assert "Improve the safety" in chunks[0].text and "Improve the safety" not in chunks[1].text


def _block_kinds(text: str) -> dict[str, ChunkKind]:
    """The kind of each block of a one-page text that is not a heading, by its text."""
    return {b.text.strip(): b.kind for b in parse_blocks((Page(number=None, text=text),))
            if b.type != "heading"}


def test_consultation_feedback_is_context_whatever_its_headings():
    """What consultees said is no commitment of the strategy: under "Consultation feedback",
    "Our priorities" and its bullets are context, not aims; the strategy's own priorities
    before it keep their kind."""
    text = ("Our priorities\n\n- Prevent abuse before it starts\n- Keep survivors safe\n\n"
            "Appendix 2\n\nConsultation feedback\n\nOur priorities\n\n"
            "- Respondents asked for more early help in schools\n"
            "- Several partners wanted a single referral route\n")
    blocks = parse_blocks((Page(number=None, text=text),))
    kind = _block_kinds(text)
    assert kind["- Prevent abuse before it starts"] is ChunkKind.AIM
    assert kind["- Respondents asked for more early help in schools"] is ChunkKind.CONTEXT
    assert [b.kind for b in blocks if b.type == "heading" and b.text == "Our priorities"] == [
        ChunkKind.AIM, ChunkKind.CONTEXT]


def test_a_cue_that_qualifies_another_leaves_the_kind_to_the_compound_s_last_word():
    """"Baseline statistics" are statistics, not indicators: a national figure under them is
    no measure the strategy tracks. A heading whose cues stand apart keeps its first cue's kind,
    and an indicator heading stays one."""
    text = ("Baseline statistics\n\n- 1 in 5 women will experience abuse in their lifetime\n"
            "- 2 women a week are killed by a partner\n\n"
            "Performance measures\n\n- Number of referrals to the MARAC\n\n"
            "Priority actions\n\n- Commission a second refuge in Easthaven\n")
    kind = _block_kinds(text)
    assert kind["- 1 in 5 women will experience abuse in their lifetime"] is ChunkKind.STATISTIC
    assert kind["- Number of referrals to the MARAC"] is ChunkKind.INDICATOR
    assert kind["- Commission a second refuge in Easthaven"] is ChunkKind.ACTION


def test_a_lead_in_that_names_its_items_measures_makes_them_indicators():
    """"We will report each year against these measures:" lists measures, though "We will"
    opens it as it opens a list of actions."""
    text = ("How we will measure progress\n\nWe will report each year against these measures:\n"
            "- the number of repeat referrals to MARAC\n- survivors' own rating of support\n\n"
            "Priority Two: Safety\n\nWe will:\n- Open a single front door for referrals\n")
    kind = _block_kinds(text)
    assert kind["- the number of repeat referrals to MARAC"] is ChunkKind.INDICATOR
    assert kind["- Open a single front door for referrals"] is ChunkKind.ACTION


def test_numbered_sections_keep_a_chunk_each_however_short():
    """Short sections "Priority A", "Priority B", "Priority C" are not merged into one chunk:
    a question calls each by its number ("under Priority B"), which only its own chunk's
    section path carries; other short sections still merge."""
    text = ("# Introduction\n\nThis strategy sets out what partners will do.\n\n# Our priorities\n\n"
            + "".join(f"## Priority {letter}: {name}\n\nWe will {doing} across the borough.\n\n"
                      for letter, name, doing in (
                          ("A", "Early identification", "train every GP practice and school"),
                          ("B", "Safe support for all", "cut the wait for counselling to 12 weeks"),
                          ("C", "Justice", "open a specialist domestic abuse court")))
            + "## Background\n\nAbuse is common.\n\n## Context\n\nReports rose by a tenth.\n")
    chunks = chunk_document(document((Page(number=None, text=text),)), 60, 150)
    sections = [c.section for c in chunks]
    assert [s for s in sections if "Priority" in s] == [
        "Our priorities > Priority A: Early identification",
        "Our priorities > Priority B: Safe support for all",
        "Our priorities > Priority C: Justice"]
    assert any("Reports rose" in c.text and "Abuse is common" in c.text for c in chunks)


def test_numbered_subsections_keep_a_chunk_each_and_single_numbers_merge():
    """"3.2 Support for victims" after "3.1 Prevention" is a subsection a question calls by its
    number ("section 3.2"), so it keeps its own chunk and section path; headings numbered
    "1.", "2." under one section may be a list's items set out as headings, and merge."""
    text = ("Wyvern Domestic Abuse Strategy 2024-2027\n\n1. Introduction\n\nThis is our second "
            "strategy.\n\n2. Our vision\n\nA county free from abuse.\n\n3. Delivering the aims\n\n"
            "3.1 Prevention\n\nWe will teach healthy relationships in all 22 schools.\n\n"
            "3.2 Support for victims\n\nWe will recommission the IDVA service with four more "
            "advisors.\n\n3.3 Perpetrators\n\nWe will fund a behaviour change programme.\n\n"
            "4. Outcomes\n\n1. Education\n\nChildren know what a healthy relationship is.\n\n"
            "2. Awareness\n\nResidents know where to get help.\n\n")
    chunks = chunk_document(document((Page(number=None, text=text),)), 60, 150)
    sections = {c.section.split(" > ", 1)[1]: c.text for c in chunks}  # (under the title)
    assert "four more advisors" in sections["3. Delivering the aims > 3.2 Support for victims"]
    assert "four more" not in sections["3. Delivering the aims > 3.1 Prevention"]
    assert "3. Delivering the aims > 3.3 Perpetrators" in sections
    assert any("Children know" in t and "Residents know" in t for t in sections.values())


def test_a_lead_in_announces_the_list_it_counts_not_a_later_cue():
    """"We have agreed three priorities with partners and survivors:" lists priorities (aims);
    "partners", a governance cue, only says with whom. Without a counted cue the last one
    mentioned is the list's."""
    from ingest.headings import lead_kind

    assert lead_kind("We have agreed three priorities with partners and survivors:") is (
        ChunkKind.AIM)
    assert lead_kind("focusing our delivery on four outcomes:") is ChunkKind.OUTCOME
    assert lead_kind("Partners will:") is ChunkKind.GOVERNANCE


def test_the_items_after_we_will_know_we_have_succeeded_when_are_indicators():
    """"We will know we have succeeded when:" leads in the outcome's measures, not actions
    ("We will:" before it leads in those)."""
    text = ("OUTCOME 2 - VICTIMS GET THE RIGHT HELP QUICKLY\n\nWe will:\n- fund an ISVA two days "
            "a week\n- give every rural parish a named champion\n\nWe will know we have "
            "succeeded when:\n- waiting times for an ISVA fall below four weeks\n- more victims "
            "from rural parishes are referred\n")
    kinds = {b.text.lstrip("- "): b.kind for b in parse_blocks((Page(number=None, text=text),))
             if b.type == "bullet"}
    assert kinds["fund an ISVA two days a week"] is ChunkKind.ACTION
    assert kinds["waiting times for an ISVA fall below four weeks"] is ChunkKind.INDICATOR


def test_a_numbered_section_the_contents_page_names_again_is_placed_by_its_number():
    """"3. How we will know we have made a difference" reads like a repeated sub-section
    heading ("How will we know…?") when the contents page lists it too; its number makes it
    the section after "2. Our objectives", not a part of the last objective."""
    text = ("Calder Vale Safe Accommodation Strategy 2024-2027\n\nCONTENTS\n\n"
            "1. INTRODUCTION\n2. OUR OBJECTIVES\n3. HOW WE WILL KNOW WE HAVE MADE A DIFFERENCE\n"
            "4. GOVERNANCE\n\n1. INTRODUCTION\n\nThis strategy sets out what partners will do.\n\n"
            "2. OUR OBJECTIVES\n\nObjective A: Safe homes\n\nWhat we will do:\n"
            "(a) Fund a sanctuary scheme.\n\nObjective B: Holding perpetrators to account\n\n"
            "What we will do:\n(a) Refer perpetrators to a behaviour change programme.\n\n"
            "3. HOW WE WILL KNOW WE HAVE MADE A DIFFERENCE\n\n"
            "Households placed in bed and breakfast\t41\t0\n\n4. GOVERNANCE\n\n"
            "The Calder Vale Community Safety Partnership owns this strategy.\n")
    paths = {" > ".join(b.path) for b in parse_blocks((Page(number=None, text=text),))
             if b.type == "heading"}
    assert "3. HOW WE WILL KNOW WE HAVE MADE A DIFFERENCE" in paths
    assert "4. GOVERNANCE" in paths
    assert not any("Objective B" in path and "GOVERNANCE" in path for path in paths)
