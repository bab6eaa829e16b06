"""A table's header row names its columns and is never quoted as an answer on its own."""

import pytest

from kb.answers.sentences import is_header_row, units

PLAN = ("Year one actions\n"
        "Action\tLead\tTimescale\n"
        "Launch a sanctuary scheme for survivors\tHousing Services\tSeptember 2025\n"
        "Set up a multi-agency perpetrator panel\tPolice\tDecember 2025")


def _line(text: str, number: int) -> tuple[int, int]:
    start = sum(len(line) + 1 for line in text.split("\n")[:number])
    return start, start + len(text.split("\n")[number])


@pytest.mark.parametrize(("text", "number", "header"), [
    (PLAN, 1, True),
    (PLAN, 2, False),  # a row of the table
    (PLAN, 3, False),  # its last row
    ("Measure\t2022/23\tTarget\nReferrals to the outreach service\t1,950\t2,400", 0, True),
    ("Indicator\tBaseline 2024/25\tTarget 2027/28\nRepeat referrals to MARAC\t34%\t28%", 0, True),
    # a glossary's rows are short too, but start with the acronym they define
    ("CRC\tCommunity Rehabilitation Company\nMASH\tMulti-Agency Safeguarding Hub", 0, False),
    ("Referrals to DAIS\t1,950\t2,400\nSurvivors rehoused\t42\t80", 0, False),
    ("Action\tLead\tTimescale", 0, False),  # no table follows it
])
def test_header_rows(text, number, header):
    assert is_header_row(text, *_line(text, number)) is header


def test_an_answer_quotes_the_rows_not_the_header():
    quotes = [q for _, _, q in units(PLAN, headings=["Year one actions"])]
    assert "Action\tLead\tTimescale" not in quotes
    assert quotes[0].startswith("Launch a sanctuary scheme")


def test_a_label_above_a_table_does_not_take_in_its_header():
    text = f"Delivery plan\n{PLAN.split(chr(10), 1)[1]}"
    quotes = [q for _, _, q in units(text, labels=True)]
    assert quotes[0] == "Launch a sanctuary scheme for survivors\tHousing Services\tSeptember 2025"
