"""A formal letter's address blocks are not its title, its headings or its sentences."""

from analyzer.sections.addresses import address_lines

LETTER = """\
Jordan Ellis
42 Elm Street
Springfield, IL 62704

March 3, 2025

Ms. Karen Liu
Director of Operations
Northwind Logistics
Leeds LS1 4DY

Dear Ms. Liu,

Please accept this letter as notice of my resignation as Senior Dispatcher, effective March 28, 2025.
The dispatch team has lost four of its nine members this year, and overtime is now mandatory most weeks.

Sincerely,

Jordan Ellis
"""


def test_the_senders_and_the_recipients_blocks_are_addresses():
    assert address_lines(LETTER.splitlines()) == frozenset({0, 1, 2, 6, 7, 8, 9})


def test_short_lines_with_no_postal_line_are_not_an_address():
    lines = ["Agenda", "Budget review", "Hiring plan", "", "We meet at 10."]
    assert address_lines(lines) == frozenset()


def test_a_letter_is_not_titled_by_its_senders_name_nor_opens_with_its_date(analyzer):
    report = analyzer.analyze(LETTER)
    assert report["document"]["title"] is None
    assert not [s for s in report["sections"] if s["title"]]
    main = next(t for t in report["takeaways"]["factual"] if t["role"] == "main")
    assert main["evidence"][0]["text"].startswith("Please accept this letter")
