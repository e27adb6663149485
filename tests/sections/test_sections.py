"""Headings a reader sees, in every form memos use, and the look-alikes that are not headings."""

import json
from pathlib import Path

import pytest

from analyzer.sections.outline import find_sections

GOLD = Path(__file__).resolve().parents[1] / "data" / "sections"


def titled(report_or_outline) -> list[tuple[int, str, str]]:
    sections = report_or_outline["sections"]
    return [(s["line"], s["cue"], s["title"]) for s in sections if s["title"] is not None]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# Plan\nWe ship in May.", (1, "atx", "Plan")),
        ("Intro.\n\n## Thank you! {#thanks}\nWe had 9,648 responses.", (3, "atx", "Thank you!")),
        ("Intro.\n\nPlan\n====\nWe ship in May.", (3, "setext", "Plan")),
        ("Intro.\n\nPlan\n----\nWe ship in May.", (3, "setext", "Plan")),
        ("Intro.\n\n2.1 Scope of the change\nEveryone in the London office is covered.", (3, "numbered", "2.1 Scope of the change")),
        ("Intro.\n\n1. Purpose\nThis policy explains when people can work remotely.", (3, "numbered", "1. Purpose")),
        ("Intro.\n\nIV. Budget\nThe budget for the year is fixed at the March review.", (3, "numbered", "IV. Budget")),
        ("Intro.\n\nTHE FEEDBACK:\nI read the proposal twice before writing this.", (3, "caps", "THE FEEDBACK")),
        ("Intro.\n\n**What's going on?**\nNew hires take five weeks to ship a first change.", (3, "bold", "What's going on?")),
        ("Intro.\n\nNext steps:\nLuis writes the rollout plan and shares it by Friday.", (3, "label", "Next steps")),
        ("Intro.\n\nThe way we plan\nWe went from shared to siloed planning this year.", (3, "title-line", "The way we plan")),
        ("Intro.\n\nWhat I am hearing\nYou want the team to own the whole customer experience.", (3, "title-line", "What I am hearing")),
        ("Intro.\n\nHistorical references: a team set up for failure\nThis reminds me of last year.", (3, "title-line", "Historical references: a team set up for failure")),
        ("Options follow.\n\nOptions\n(horizontal team)\nMake a small team that only scales features up.", (4, "bracket", "(horizontal team)")),
        ("Options follow.\n\nOptions\n(catch-up team) - the null hypothesis\nOne team is responsible for everything.", (4, "bracket", "(catch-up team) - the null hypothesis")),
        ("Intro.\n\n[Slide 3] Office move: what changes for you\nWe move into the new building in August.", (3, "bracket", "[Slide 3] Office move: what changes for you")),
        ("Intro.\n\nIs this a formal grievance?\nNot at this stage; I would like to try an informal route first.", (3, "title-line", "Is this a formal grievance?")),
        ("Intro.\n\nIII. Was my data exposed?\nMost likely not. We found no evidence of downloads.", (3, "numbered", "III. Was my data exposed?")),
        # A capitalised title with a gloss in brackets is one of its capitalised siblings.
        ("SUMMARY\n\nOn 13 March the payments API returned errors for 47 minutes after a certificate expired.\n\n"
         "TIMELINE (all times UTC)\n\n09:02  The certificate on the internal gateway expires. No alert fires.\n"
         "09:38  An engineer from the network team notices handshake failures in the gateway logs.\n\n"
         "IMPACT\n\nRoughly 6,200 checkout attempts failed, and support received 340 tickets that morning.\n",
         (5, "caps", "TIMELINE (all times UTC)")),
        # A FAQ's labelled question, however long: its siblings are headings too.
        ("Intro.\n\nQ: I am on leave now. Does the new policy apply to me?\nA: No. It applies from January.",
         (3, "title-line", "Q: I am on leave now. Does the new policy apply to me?")),
        # Its answer may come past a blank line, behind a label on a line of its own.
        ("Self-assessment\nName: Renata Hollis\n\nQ: Where did you fall short of your goals?\n\n"
         "A: My first-response time averaged 5.2 hours in October, against a goal of four hours, and I "
         "did not finish the certification.\n\nQ: What are your goals?\n\nA:\n"
         "- Finish the certification by February.\n",
         (4, "title-line", "Q: Where did you fall short of your goals?")),
        ("Intro.\n\nWins worth highlighting\nTwo new logos closed in September, both in logistics.", (3, "title-line", "Wins worth highlighting")),
        ("Concern raised with the People team\nRaised by: Aisha\n\nI am putting this in writing.", (1, "title-line", "Concern raised with the People team")),
        ("Intro.\n\nOutcome I'm hoping for:\nA rota that is published a month ahead.", (3, "label", "Outcome I'm hoping for")),
    ],
)
def test_each_heading_form_is_found_with_its_cue(analyzer, text, expected):
    assert expected in titled(analyzer.analyze(text))


@pytest.mark.parametrize(
    "text, not_heading",
    [
        # A sentence ending with a colon announces a list; its short items are not titles.
        ("Here is how the team spends its time:\nCustomer support\nSelf-hosted installs\n\nMore text follows here.", 2),
        ("# Notes\nThe plan is fine.\nNote: There seems to be a quiet assumption that we can work this way.", 3),
        ("# Notes\nConclusion: I feel like we realised this model did not work.", 2),
        ("# Risks\n- Hiring is slow\n- The queue could slip\n", 2),
        ("# Agenda\n1. Retry policy\n2. Storage of receipts\n3. Rollout plan\n", 2),
        # A FAQ's answer label on a line of its own says who speaks, not what about.
        ("Intro.\n\nQ: What are your goals?\n\nA:\n- Finish the certification by February.\n", 5),
        ("Hi team,\n\nThe release went out this morning and everything looks healthy.\n\nThanks,\nDana", 1),
        ("The release went out this morning and everything looks healthy.\n\nThanks,\nDana", 4),
        ("# Onboarding\n**Please read this before Friday.**\nThe guide is out of date.", 2),
        ("# Notes\n\nWe shipped it\nand then we went home early to celebrate the launch.", 3),
        ("# Notes\nText before the rule.\n\n---\n\nText after the rule.", 4),
        # A hard wrap can leave the end of a sentence in capitals alone on a line.
        ("# Duties\n- Keep in close touch with the board of the\nASF,\n- Seek consensus first.", 3),
        ("# Notes\n```\n# not a heading\n```\nText.", 3),
        ("# Notes\nWe merged the teams last year and it went well.\n\nPLEASE DO NOT FORWARD", 4),
        ("# Notes\n(sorry, this part is vaguer than the part above)\nIt is history I only heard about.", 2),
        ("# Notes\nWe shipped the release\nThe customers were happy with the new exports.", 2),
        # A subtitle under the title, and a label introducing the section's own content.
        ("Vendor evaluation: log management\nPlatform Engineering | Decision record | November\n\nWe compared three vendors.", 2),
        ("Intro.\n\n4.2 Cost\nThree-year totals, including migration:\nOption A: USD 612K\nOption B: USD 745K", 4),
        # Runs of alike lines: a timeline, a list of names.
        ("# Timeline\n\n09:14 Queue depth alert fires for the dispatcher\n09:21 On-call acknowledges and starts investigating", 3),
        ("Attendees:\nHanna Berg (chair)\nKofi Asante\nLucía Romero\n\nWe met to plan Q3.", 2),
        # A hard-wrapped paragraph's line that reaches the margin runs on.
        ("Intro line that is quite long and wraps at the margin of the page\n\nConfirm your rotation lists in the sheet by July, including\nanyone on a reduced schedule. If someone would lose money, tell me.\nThe change goes live in August and we will review it in the autumn.", 3),
    ],
)
def test_look_alikes_are_not_headings(analyzer, text, not_heading):
    assert not_heading not in [line for line, _, _ in titled(analyzer.analyze(text))]


def test_hierarchy_ranks_caps_above_title_lines_above_option_labels(analyzer):
    text = (
        "THE FEEDBACK:\n"
        "What I am hearing\nYou want one team to own the whole customer experience.\n\n"
        "Paths forward\nThere are two options I can see.\n"
        "(small team)\nMake a small senior team for enterprise features.\n"
        "(big team)\nMove everyone to enterprise work for a quarter.\n\n"
        "Final thoughts\nPlease take the capacity numbers seriously.\n"
    )
    sections = analyzer.analyze(text)["sections"]
    by_id = {s["id"]: s for s in sections}
    tree = [(s["title"], s["level"], by_id[s["parent"]]["title"] if s["parent"] else None) for s in sections]
    assert tree == [
        ("THE FEEDBACK", 1, None),
        ("What I am hearing", 2, "THE FEEDBACK"),
        ("Paths forward", 2, "THE FEEDBACK"),
        ("(small team)", 3, "Paths forward"),
        ("(big team)", 3, "Paths forward"),
        ("Final thoughts", 2, "THE FEEDBACK"),
    ]


def test_markup_states_the_level():
    outline = find_sections("## Late start\nText.\n### Deeper\nText.\n# Top\nText.".split("\n"))
    assert [(s.title, s.level, s.parent) for s in outline.sections] == [
        ("Late start", 2, None), ("Deeper", 3, 1), ("Top", 1, None),
    ]


def test_numbered_headings_nest_by_their_numbering(analyzer):
    text = ("POLICY\n\n1. Purpose\nWhy this policy exists is explained here in full.\n\n"
            "2. Scope\nWho it covers is set out below in detail.\n\n"
            "2.1 Exceptions\nA few roles are not covered by this policy.\n")
    sections = analyzer.analyze(text)["sections"]
    assert [(s["title"], s["level"]) for s in sections] == [
        ("POLICY", 1), ("1. Purpose", 2), ("2. Scope", 2), ("2.1 Exceptions", 3),
    ]


def test_email_header_block_is_metadata_not_a_section(analyzer):
    text = ("From: Dana <dana@example.com>\nTo: Team <team@example.com>\nSubject: Re: Q3 plan\n"
            "Date: Tue, 9 Jul 2024 16:42:10 +0100\n\nHi all,\n\nWe are over-committed for Q3.\n")
    report = analyzer.analyze(text)
    assert (report["document"]["title"], report["document"]["date"]) == ("Q3 plan", "2024-07-09")
    assert report["document"]["emails"][0]["from"] == "Dana <dana@example.com>"
    assert titled(report) == []
    assert report["sections"][0]["cue"] == "email"
    assert report["sections"][0]["sentiment"]["sentences"] == 2  # the header lines are not prose


@pytest.mark.parametrize("title", ["Platform weekly sync - 2025-04-08", "Board update (2025-04-08)"])
def test_a_title_ending_with_a_date_is_a_dated_title_not_a_chat_turn(analyzer, title):
    notes = f"{title}\n\nDecisions\n- We freeze the payments API on April 20.\n- Luis owns the rota.\n"
    report = analyzer.analyze(notes)
    assert report["document"]["turns"] == []
    assert (report["document"]["title"], report["document"]["date"]) == (title, "2025-04-08")


def test_running_notes_under_the_same_dated_title_are_not_a_chat(analyzer):
    notes = ("Weekly sync - 2025-04-01\nWe agreed to freeze the API.\n\n"
             "Weekly sync - 2025-04-08\nThe freeze starts on April 20.\n")
    assert analyzer.analyze(notes)["document"]["turns"] == []


def test_chat_export_turns_are_metadata_and_split_the_text(analyzer):
    text = ("# Team morale\n\nCreated: 2024-05-02 10:15:00\n\n### User - 2024-05-02 10:15:00\n\n"
            "What is my team worried about?\n\n### Assistant - 2024-05-02 10:16:40\n\n"
            "**Workload**\nOn-call load is the strongest concern.\n")
    report = analyzer.analyze(text)
    assert report["document"]["title"] == "Team morale"
    assert report["document"]["date"] == "2024-05-02"
    assert [(t["speaker"], t["line"], t["end_line"]) for t in report["document"]["turns"]] == [
        ("User", 5, 8), ("Assistant", 9, 12),
    ]
    assert titled(report) == [(1, "atx", "Team morale"), (11, "bold", "Workload")]
    assert [s["cue"] for s in report["sections"]] == ["atx", "chat-turn", "chat-turn", "bold"]


def test_date_comes_from_front_matter(analyzer):
    report = analyzer.analyze("# Weekly status\n\nDate: 2025-04-04\n\n## Summary\nA calm week.\n")
    assert report["document"]["date"] == "2025-04-04"


def test_a_letter_dated_on_its_own_line(analyzer):
    report = analyzer.analyze("14 June 2024\n\nDear Marcus,\n\nPlease accept my resignation.\n")
    assert report["document"]["date"] == "2024-06-14"
    assert titled(report) == []


def test_a_document_with_no_headings_is_one_section(analyzer):
    sections = analyzer.analyze("just a note\nwith two lines and nothing more to it")["sections"]
    assert [(s["title"], s["line"], s["end_line"]) for s in sections] == [(None, 1, 2)]


def test_a_document_with_only_headings_is_a_list_of_empty_sections(analyzer):
    sections = analyzer.analyze("# One\n## Two\n## Three\n")["sections"]
    assert [(s["title"], s["words"]) for s in sections] == [("One", 0), ("Two", 0), ("Three", 0)]


def gold_documents():
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text())
        yield path.stem, gold, (path.parent / gold["doc"]).read_text()


@pytest.fixture(scope="module")
def gold_reports(analyzer):
    docs = list(gold_documents())
    reports = analyzer.analyze_many((name, text) for name, _, text in docs)
    return [(name, gold, report) for (name, gold, _), report in zip(docs, reports)]


def test_gold_set_headings_are_found_and_no_trap_is_taken(gold_reports):
    found_right = found_wrong = missed = traps = 0
    for _, gold, report in gold_reports:
        found = {s["line"] for s in report["sections"] if s["title"] is not None}
        required = {h["line"] for h in gold["headings_required"]}
        found_right += len(found & required)
        found_wrong += len(found - required - set(gold["headings_optional"]))
        missed += len(required - found)
        traps += len(found & set(gold["heading_traps"]))
    precision = found_right / (found_right + found_wrong)
    recall = found_right / (found_right + missed)
    assert traps == 0
    assert 2 * precision * recall / (precision + recall) >= 0.97


def test_gold_set_sections_cover_every_line_exactly_once(gold_reports):
    for name, _, report in gold_reports:
        covered = [n for s in report["sections"] for n in range(s["line"], s["end_line"] + 1)]
        assert covered == list(range(1, report["document"]["lines"] + 1)), name


FAQ_IN_CAPITALS = """WE HAVE FOUND AND FIXED A SECURITY BREACH

HERE IS WHAT YOU NEED TO KNOW.

An attacker reached the build servers on Tuesday. We rebuilt them overnight.

HOW DOES THIS AFFECT ME?

Everyone has been logged out. Please sign in again and change your password.

WHAT HAPPENED?

The build server ran an old version with a known flaw.

TIMELINE

The attack started on Monday and ended on Wednesday.
"""


def test_headings_in_capitals_may_end_with_a_question_mark_or_among_siblings_a_stop(analyzer):
    found = [(line, cue) for line, cue, _ in titled(analyzer.analyze(FAQ_IN_CAPITALS))]
    assert (7, "caps") in found and (11, "caps") in found
    assert (3, "caps") in found


def test_one_shouted_sentence_alone_stays_a_sentence(analyzer):
    memo = ("# Rota\n\nThe weekend rota changes again next month.\n\nTHIS IS THE THIRD CHANGE THIS YEAR.\n\n"
            "I would like us to agree on a rota that holds for a full quarter.\n")
    assert 5 not in [line for line, _, _ in titled(analyzer.analyze(memo))]
