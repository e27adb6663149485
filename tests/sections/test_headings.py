"""Headings decided from the layout of the whole document, and the look-alikes around them.

Each document here is small and invented; the shapes are the ones published writing uses:
numbered section heads next to numbered lists, short title lines that are sentences,
letters with salutations and signatures, tables, header fields at the top.
"""

import textwrap

import pytest

from analyzer.data.files import DataText
from analyzer.errors import LexiconError
from analyzer.sections.lookalikes import parse_lookalikes, shipped_lookalikes
from analyzer.sections.metadata import parse_date
from analyzer.render import markdown
from analyzer.render.text import display_title
from analyzer.sections.outline import find_sections
from digests import digest_quotes


def headings(report) -> list[tuple[int, str]]:
    return [(s["line"], s["cue"]) for s in report["sections"] if s["title"] is not None]


STOPPED_OPTIONS = """Choosing a build system

Clean builds take forty minutes, and only one person understands the scripts.

Option A — Keep the scripts and tidy them.
This costs two weeks of work but keeps the slow builds.

Option B — Move to Gradle with a shared cache.
Most of the team knows Gradle, and builds would take ten minutes.

Recommendation
I recommend Option B, with a decision at Thursday's planning meeting.
"""

# "Phase 2:" alone is a labelled sentence; one option label makes no set.
LONE_LABEL = """Migration status

Phase 2 — Copy the archive to the new bucket.
The copy finished on Monday, and the checksums match.
"""

ROTA = """Rota changes for the support team

1. No more split shifts.
Nobody works a morning and an evening on the same day from May onwards.

2. No more weekend surprises.
Weekend rotas are published four weeks ahead and changed only by swap.

3. No more unpaid on-call.
Every on-call week is paid at the standby rate, whether or not you are paged.
"""

REVIEW = """Quarterly review

1) Revenue
Revenue grew by four percent against the plan, mostly from renewals.

2) Hiring
We filled six of the nine roles we opened this quarter.
"""

DESK = """Moving the support desk

1. Why we are moving
The current desk software is out of support in June and costs twice as much.

2. What changes for you
From Monday the 3rd:
1. Tickets arrive in the new queue.
2. Macros are copied over by the tools team.

3. What stays the same
Your shifts, your team and your escalation contacts stay as they are.
"""

LESSONS = """Lessons from the failed pilot

1. Talking it through

We met the vendor for an hour and went through the delivery week by week.

2. Our takeaways

1. Context matters: the acceptance criteria were clear, but nobody said why
   the feature was wanted, and that cost us a week.
2. Bidders carry risk as well: they price the work before they see the code
   and hesitate to ask questions that would help their competitors.

3. Next steps

We will run a retrospective after every pilot that misses its date.
"""

OUTAGE = """# Post-mortem: queue outage

## What we did

1. Paused the dispatcher so no new jobs were taken.

2. Drained the dead-letter queue by hand.

3. Restarted the workers one region at a time.

## What we learned

We had no runbook for draining the queue.
"""

SUBPOENA_STYLE = """Records we were asked for

The request listed three kinds of record:

1. "Names of the account holders;"
1. "Addresses of the account holders;"
1. "Connection logs;"

1) Names of the account holders, including display names and user names;

We keep a display name for each account and no history of its changes, so only the current name was shared.

2) Addresses of the account holders;

We keep one e-mail address per account and no postal addresses, so the addresses we shared are the current ones.
"""

SIBLINGS = """A note to the product team

We spent the spring talking to forty customers about how they use the app, and three things stood out.

Our customers need us less than we need them

Most of them open the app once a week and would not notice if a feature vanished tomorrow.

The roadmap follows the loudest voice

We built the last four features for two accounts that have since left us anyway.

Nobody owns the first week

New customers get a welcome mail and then silence until the first invoice arrives.
"""

SURVEY = """Survey results 2024

Thank you for the record turnout!

We had 2,400 responses this year, a third more than last year, from every region we work in.

Who answered?

Most respondents have been with the company for under three years, and half work remotely.

What people value

Flexible hours came first again, ahead of pay and ahead of the office.

Where we fall short

Career paths are the weakest score, as they were in each of the last three years.
"""

# Questions alone over wrapped paragraphs are this post's section heads, though nothing
# answers them on the very next line.
QUESTION_HEADS = """Follow-up on the rota change

Last week we changed the on-call rota without much warning. This note explains
what happened and what comes next.

What went wrong?

Two teams disagreed about who owns the pager at weekends. The disagreement
went on for a month before anyone wrote it down.

What happens next?

We will write the rota policy down and publish it by the end of the month.
Every team lead will review it before it takes effect.
"""

# The first line over the header fields names the post, though it opens on a site's name.
LOWER_CASE_TITLE = """pkgs.dev incident report for 2024-03-11

Author: Dana Whitfield

On 2024-03-11 at 09:10 UTC a user told us that their package was missing from the index.

1. Root cause of the outage

The upload service wrote the index entry before the file was stored.

2. Follow-up work

We will store the file first, and page ourselves when the index lags.
"""

LETTER = """Dear hiring committee:

I am writing to ask that the decision on the platform role be delayed by two weeks.

The candidate we prefer is on leave until the 20th and cannot interview before then.

Thank you,

Priya Raman, Tomas Berg, Ana Ruiz
"""

COMMUNITY = """Subject: Leaving the old forum
Author: Community team
Date: 2024-11-10

To the whole community:

We are closing the old forum at the end of the month and moving every thread to the new site.
"""

PRICES = """Price changes

Plan | Old price | New price
Starter | 10 | 12
Team | 40 | 45

The new prices apply from the first invoice after 1 July.
"""

POLICY_FIELDS = """Release policy

Policy: 12
Title: Release policy
Status: Active
Type: Process
Created: 04-Mar-2024

1. Summary

Releases happen every six weeks, on a Tuesday.

2. Rationale

A fixed rhythm lets other teams plan around us.
"""

SENTENCE_TITLE = """We moved the build to our own servers, and it went better than we feared

Authors: build team

Three months ago we moved every build off the hosted service and onto four machines we run ourselves.
"""

CODE_LEAD_IN = """Export formats

The export runs one query per table:

    select id, name from accounts;

Returning:

    id   | the account's number
    name | the account's display name

These were checked against the live database
"""

DATELINE = """Introducing the new rota
Date: 2025/11/18

November 18, 2025 by the people team

Today we publish the rota for the winter, four weeks ahead as promised.
"""

# Two short sentences alone between paragraphs are not yet a heading style.
TWO_SHORT_LINES = """Team,

The quarter closed yesterday and the numbers are in, a week earlier than we planned for.

We hit the target

Revenue came in two percent above the plan, and churn fell for the third month running.

The team carried it

Every one of you worked late in the last two weeks of the quarter, and I saw it.
"""

# A document that marks its headings: plain sentences alone between paragraphs are prose.
MARKED_UP = """# Release notes

This release is mostly fixes, with one change to search that users asked for all year.

## Fixes

We fixed the export

The export no longer drops the last row when the sheet has a filter applied to it.

We fixed the login loop

Users with two accounts no longer bounce between the two login pages forever.

We sped up search

Search now answers in under a second for most queries, even on the largest projects.
"""

BOLD_SIBLINGS = """**Moving off the old CI**

We have used the hosted CI service for six years, and it served us well.

**A change of owner**

The service was sold last year and the free tier for open projects has ended.

**Thank you, old CI!**

It ran close to a million builds for us without asking for anything.

**Migrating your projects**

Follow the guide in the handbook; it takes about an hour per repository.
"""


LABEL_OVER_A_LINK = """# Release notes

The release went out on Tuesday after two weeks of testing on the staging
cluster, and every team signed off on it before the change window opened.
Nothing was rolled back, and the error rate stayed flat for the whole week
after the switch, which is the best result we have had all year on this.

Test report:
[The full report](https://example.org/reports/2024/release-candidate-final-report-with-all-suites) lists
every suite we ran for the release, and which of them we had to run twice
because the staging cluster ran out of memory on the second day of tests.

Next steps:
We will repeat the same checks for the next release in the spring, and we
will publish the report for it in the same place when it is ready to read.
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        # Numbered section heads written as short sentences with a full stop.
        (ROTA, [(1, "title-line"), (3, "numbered"), (6, "numbered"), (9, "numbered")]),
        # "1) Title" numbering.
        (REVIEW, [(1, "title-line"), (3, "numbered"), (6, "numbered")]),
        # Section heads and a list in one document: the list's items are not heads, and
        # the numbering of the heads goes on past the list.
        (DESK, [(1, "title-line"), (3, "numbered"), (6, "numbered"), (11, "numbered")]),
        # A list right under a head, its items with hanging indents.
        (LESSONS, [(1, "title-line"), (3, "numbered"), (7, "numbered"), (14, "numbered")]),
        # The steps of a procedure are an ordered list, not sections.
        (OUTAGE, [(1, "atx"), (3, "atx"), (11, "atx")]),
        # A quoted list numbered "1." on every item, then heads that stand over text, long
        # and ending with a semicolon as the request they quote.
        (SUBPOENA_STYLE, [(1, "title-line"), (9, "numbered"), (13, "numbered")]),
        # Short lines alone between paragraphs, alike in shape: sentences, yet titles.
        (SIBLINGS, [(1, "title-line"), (5, "title-line"), (9, "title-line"), (13, "title-line")]),
        (SURVEY, [(1, "title-line"), (3, "title-line"), (7, "title-line"), (11, "title-line"), (15, "title-line")]),
        (QUESTION_HEADS, [(1, "title-line"), (6, "title-line"), (11, "title-line")]),
        # A document's first line over its header fields names it, whatever its grammar.
        (SENTENCE_TITLE, [(1, "title-line")]),
        (LOWER_CASE_TITLE, [(1, "title-line"), (7, "numbered"), (11, "numbered")]),
        (POLICY_FIELDS, [(1, "title-line"), (9, "numbered"), (13, "numbered")]),
        # Bold lines standing alone like their siblings, an exclamation among them.
        (BOLD_SIBLINGS, [(1, "bold"), (5, "bold"), (9, "bold"), (13, "bold")]),
        # In hard-wrapped text a label ends its line on purpose, though the link under it
        # would not have fitted after it.
        (LABEL_OVER_A_LINK, [(1, "atx"), (8, "label"), (13, "label")]),
        # Option labels of one set, each over the text that weighs it, end with a stop.
        (STOPPED_OPTIONS, [(1, "title-line"), (5, "option"), (8, "option"), (11, "title-line")]),
    ],
)
def test_headings_follow_the_layout_of_the_whole_document(analyzer, text, expected):
    assert headings(analyzer.analyze(text)) == expected


# Hard-wrapped at 72 columns. An editor keeps a Markdown link whole, so line 6 broke early,
# before the link on line 7; line 9 is a link standing as a sentence of its own.
WRAPPED_BEFORE_A_LINK = """# Date libraries

Chronos runs in many thousands of apps, and we are glad it has eased
calendars and time zones for web developers for eight years or more.

Lately, the browsers' built-in audit tools
[began to flag Chronos as a library worth replacing](https://example.org/notes/2021/03/02/audit-flags-chronos)
for its weight alone. We mostly agree with them.
[The upgrade guide explains the alternatives.](https://example.org/guides/leaving-chronos)

## Next steps

We will not add features, and we will fix only serious bugs from now on.
"""


@pytest.mark.parametrize(
    "text, not_headings",
    [
        (LETTER, [1, 7, 9]),  # salutation, sign-off, signature
        (COMMUNITY, [1, 2, 3, 5]),  # header fields and a salutation
        (PRICES, [3, 4, 5]),  # a table's header row and rows
        (DESK, [8, 9]),  # list items under a lead-in
        (CODE_LEAD_IN, [3, 5, 7, 12]),  # lead-ins, code, a one-line paragraph over nothing
        # A field that gives a date, right above the text it dates, is no title.
        (("Laptop left on a train\n\nIncident date: 4 March 2025\nNature of the incident: a laptop with "
          "customer data was left on a train\n\nOn Tuesday a laptop was left on a train. It was found the next "
          "day.\n"), [3]),
        # A caption over a fenced block (a diagram's source) leads in to it, as over indented code.
        (("# How a request flows\n\nEvery request passes through the gateway before it reaches the store.\n\n"
          "Normal request flow:\n\n```\nbrowser -> gateway -> store\n```\n\n"
          "Request flow during a failover:\n\n```\nbrowser -> gateway -> replica\n```\n\n"
          "The replica answers reads only, so writes wait until the store is back.\n"), [5, 11]),
        (DATELINE, [4]),  # a dateline under the title
        (TWO_SHORT_LINES, [5, 9]),
        (MARKED_UP, [7, 11, 15]),
        # Notes under a letter, each opened by its name in brackets, and a reference's address.
        ("Rota follow-up\n\nWe will settle the weekend rota before the summer, and every support\n"
         "desk will have a say in how it is shared.\n\nThanks,\nthe desk leads\n\n"
         "[leads] The people who run a support desk in each of the four\noffices and answer for its rota.\n\n"
         "[rota] Unlike most teams we know, we share one pager between the\noffices, and each office keeps "
         "its own list.\n\n[vote] https://example.org/votes/2021/12\n", [9, 12, 15]),
        # One question standing alone is the writer asking it, not a section's head.
        ("Status update\n\nThe migration slipped again this week.\n\nWhy does this keep happening?\n\n"
         "Nobody owns the plan, and every team assumes another one does.\n", [5]),
        ("Hello everyone!\n\nThe new rota is out, four weeks ahead as we promised in the spring.\n", [1]),
        ("Team update\n\nThe three things we agreed on last week are:\n\n- Weekly demos move to Thursday\n"
         "- The on-call rota gets a fifth person\n", [3, 5, 6]),
        ("Further reading\n\nhttps://example.com/runbook\n\n- Runbook for the dispatcher\n", [3, 5]),
        ("Hi all,\n\nThe release went out this morning.\n\nBest regards,\nDana Whitfield\n", [1, 5, 6]),
        (WRAPPED_BEFORE_A_LINK, [6, 7, 9]),
        ("# Plan\n\nThe team moved the service to the new cluster over two weekends in May.\n\n"
         "[Read the migration guide](https://example.org/guide)\n"
         "The guide lists every step we took, and why we took it, in order.\n\n"
         "[See the cost report](https://example.org/costs)\n"
         "The costs fell by a third once the old cluster was switched off.\n", [5, 8]),  # links, not "(option)" labels
        # A lead-in that breaks off on "to", and a signature written as a field.
        ("1. Background\n\nWe met twice in the autumn to talk about the ticket backlog and the forecasts.\n\n"
         "2. Expectations\n\nDuring the plan period you are expected to:\n\n"
         "a) Close every ticket within two working days.\nb) Attend the weekly review with a written forecast.\n\n"
         "3. Support\n\nYour manager will meet you every Monday for coaching.\n\n"
         "You may bring a colleague to the review meetings.\n\n"
         "Signed: Rebecca Thornton\nReceived by: ________  Date: ______\n", [7, 18]),
        # A request that leads in to a list.
        ("# Newsletter\n\n## New starters\n\nPlease welcome two new colleagues:\n\n"
         "- Ana Lima joins as a Financial Analyst in the planning team. She was previously at a bank in Porto.\n"
         "- Bo Chen joins as a Payroll Specialist. He will be based in the Leeds office.\n\n"
         "If you see them in the kitchen, say hello.\n\n## Systems\n\nThe ledger upgrade finished on Sunday.\n", [5]),
        ("6. Consequences\n\nIf the expectations are not met by the end of the plan, the company may act.\n\n"
         "You may bring a colleague to the review meetings.\n\n"
         "Signed: Rebecca Thornton\nReceived by: ______________________  Date: __________\n", [7]),
        (LONE_LABEL, [3]),
        # Lines of a budget, each giving a figure as its value.
        ("Funding appeal\n\nWhat the money pays for\n\nIn 2025 our budget was spent on four things, "
         "and every one of them is something users rely on every day:\n\n"
         "Maintainer time, two people at 60%: $118,000\n"
         "Time-zone database updates and the test infrastructure that checks them: $9,400\n"
         "Fiscal host fees at 7%: $10,000\n\nThat is $137,400 in total.\n", [7]),
        # A review's rating under each heading, with or without a gloss in brackets.
        ("# Annual review\n\n## Overall assessment\n\nRating: 4/5 (Exceeds expectations in most areas)\n\n"
         "Adaeze had a strong year and carried the migration of the ingestion layer to the new scheduler.\n\n"
         "## Strengths\n\nRating: 5/5\n\n- Technical ownership: 212 pipelines moved with no data lost.\n", [5, 11]),
    ],
)
def test_look_alikes_from_letters_tables_and_lists_are_not_headings(analyzer, text, not_headings):
    found = [line for line, _ in headings(analyzer.analyze(text))]
    assert not set(found) & set(not_headings), found


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["One line and nothing else"],
        ["# One", "## Two", "## Three"],
        ["1. One", "2. Two", "3. Three"],
        ["- first", "- second", "- third"],
        ["1.", "2)", "---", "|", "Dear:", "Thanks,"],
        ["Author: Dana", "Date: 2024-01-01"],
    ],
)
def test_every_line_belongs_to_exactly_one_section(lines):
    outline = find_sections(lines)
    covered = [n for s in outline.sections for n in range(s.line, s.end_line + 1)]
    assert covered == list(range(1, len(lines) + 1))


def test_a_pep_style_field_block_is_metadata(analyzer):
    report = analyzer.analyze(POLICY_FIELDS)
    assert report["document"]["date"] == "2024-03-04"
    # Known fields only ("Policy: 12" is not one): keys are never redacted, so the document's
    # own words stay out of them.
    assert {k: v for k, v in report["document"]["metadata"].items() if k != "created"} == {
        "title": "Release policy", "status": "Active", "type": "Process"}


def test_an_email_is_one_message_section_with_its_sent_date(analyzer):
    text = ("From: Priya Raman <priya@example.com>\nSent: Monday, July 8, 2024 9:15 AM\nTo: Dana\n"
            "Subject: Q3 capacity plan\n\nHi Dana,\n\nAttached is the capacity plan for Q3.\n\nThanks,\nPriya\n")
    report = analyzer.analyze(text)
    assert (report["document"]["title"], report["document"]["date"]) == ("Q3 capacity plan", "2024-07-08")
    [section] = report["sections"]
    assert (section["cue"], section["line"], section["end_line"]) == ("email", 1, 11)
    assert display_title(section) == "(e-mail message)"


def test_a_folded_header_continues_on_the_next_line(analyzer):
    # Long headers fold onto lines that start with a space or a tab: one field, no heading.
    text = ("From: Priya Raman <priya@example.com>\nTo: Platform team <team@example.com>,\n"
            "\tDana Whitfield <dana@example.com>\nSubject: Moving the on-call rota to the new\n"
            " incident tool\nSent: Monday, July 8, 2024 9:15 AM\n\nHi all,\n\nThe rota moves on Monday.\n")
    report = analyzer.analyze(text)
    assert report["document"]["title"] == "Moving the on-call rota to the new incident tool"
    to = "Platform team <team@example.com>, Dana Whitfield <dana@example.com>"
    assert report["document"]["emails"][0]["to"] == to
    assert report["document"]["date"] == "2024-07-08"
    assert [s["title"] for s in report["sections"]] == [None]


def test_yaml_front_matter_is_metadata_and_gives_the_title(analyzer):
    text = ('---\nlayout: post\ntitle: "Moving the build farm"\ndate: 2024-06-03\nteaser: "We are sorry about the '
            'outage."\ntags:\n  - infrastructure\n---\n\nThe build farm moves to the new region on 3 June.\n\n'
            '## Why\n\nThe old region closes in July.\n')
    report = analyzer.analyze(text)
    assert (report["document"]["title"], report["document"]["date"]) == ("Moving the build farm", "2024-06-03")
    assert [(s["cue"], s["line"], s["title"]) for s in report["sections"]] == [
        ("front-matter", 1, None), ("atx", 12, "Why")]
    # The page's own fields are not the writer's prose: no feeling, no quote from them.
    quoted = digest_quotes(report["takeaways"])
    assert quoted and not any("sorry" in q or "infrastructure" in q for q in quoted)


def test_front_matter_with_a_quoted_value_over_several_lines_is_metadata(analyzer):
    text = ('---\ntitle: "Moving the build farm"\nexcerpt: "The farm moves in June,\nand the caches keep '
            'their addresses."\n---\n\nThe build farm moves to the new region on 3 June.\n')
    report = analyzer.analyze(text)
    assert report["document"]["title"] == "Moving the build farm"
    assert report["sections"][0]["cue"] == "front-matter"


MEMO = ("MEMORANDUM\n\nTO: All Department Heads\nFROM: Office of the Provost\nDATE: February 3, 2025\n"
        "RE: Hiring freeze\n\nEffective immediately, all new searches are suspended.\n")


def test_a_memo_is_one_section_with_its_title_line_and_header_and_never_called_an_email(analyzer):
    report = analyzer.analyze(MEMO)
    [section] = report["sections"]
    assert (section["cue"], section["line"], display_title(section)) == ("memo", 1, "(memo)")
    [header] = report["document"]["emails"]
    assert (header["kind"], header["re"]) == ("memo", "Hiring freeze")
    rows = markdown.render_markdown(report)
    assert "| Memo |" in rows and "| E-mail |" not in rows


@pytest.mark.parametrize("header, kind", [
    ("To: Finance\nFrom: Dana Ortiz\nRe: Travel policy", "memo"),
    ("To: Finance\nFrom: Dana Ortiz\nSubject: RE: Travel policy", "e-mail"),
    ("From: Dana Ortiz <dana@example.com>\nTo: Finance\nRe: Travel policy", "e-mail"),
    ("From: Dana Ortiz\nSent: Monday, July 8, 2024 9:15 AM\nRe: Travel policy", "e-mail"),
])
def test_a_header_block_heads_a_memo_when_it_writes_re_and_has_no_sign_of_mail(analyzer, header, kind):
    [block] = analyzer.analyze(f"{header}\n\nThe policy changes on Monday.\n")["document"]["emails"]
    assert block["kind"] == kind


@pytest.mark.parametrize("title", ["MEMORANDUM", "Interoffice Memo", "Memo 2024-117", "MEMO No. 12",
                                   "MEMORANDUM FOR ALL REGIONAL MANAGERS"])
def test_a_memo_title_line_makes_the_header_under_it_a_memos(analyzer, title):
    text = f"{title}\n\nTo: Finance\nFrom: Dana Ortiz\nSubject: Travel policy\n\nThe policy changes on Monday.\n"
    [section] = analyzer.analyze(text)["sections"]
    assert (section["cue"], section["line"]) == ("memo", 1)


def test_a_memo_header_block_gives_the_subject():
    lines = ["MEMORANDUM", "To: All staff", "From: Finance", "Date: 3 June 2024", "Re: Travel policy", "",
             "This memo replaces the old policy."]
    outline = find_sections(lines)
    assert (outline.title, outline.date) == ("Travel policy", "2024-06-03")


def test_a_subject_that_ends_with_a_full_stop_is_still_the_title():
    lines = ["Subject: Farewell to our treasurer.", "Author: the board", "Date: 2024-03-02", "",
             "We learned this weekend that our treasurer has died."]
    outline = find_sections(lines)
    assert (outline.title, outline.date) == ("Farewell to our treasurer.", "2024-03-02")


def test_a_field_whose_value_is_a_sentence_is_prose():
    lines = ["Status report", "", "Update: we shipped it.", "Owner: Dana", "", "The release went out on Monday."]
    front = find_sections(lines).metadata.front
    assert front is not None and "update" not in front.fields and front.fields["owner"] == "Dana"


@pytest.mark.parametrize("lines, date, byline", [
    (["Health and Safety Committee — Minutes", "Meeting of 9 October 2024, Room 3B and Teams", "",
      "1. Attendance"], "2024-10-09", 2),
    (["Parental leave: questions and answers", "", "From the People team, 2 September 2024.", "",
      "The policy changes in January."], "2024-09-02", 3),
    # In bold, as a Markdown page sets it.
    (["# Travel policy update", "", "**Effective 1 January 2025**", "", "All travel is booked through the portal."],
     "2025-01-01", 3),
    # The next line of the block under the title, and a longer line that says who issued it.
    (["Transparency report, second quarter", "Brightwater Forum Foundation", "Published 2025-07-08", "",
      "1. Purpose of this report"], "2025-07-08", 3),
    (["JOINT NOTICE: PROPOSED MERGER", "", "Issued jointly by the boards of the Halverson Trust for Public Geodata "
      "and the Open Maps Alliance, 2 June 2025.", "", "WHAT IS PROPOSED"], "2025-06-02", 3),
    # A sentence of the body under the title tells of another day.
    (["Parental leave", "", "The old policy, which we wrote on 2 September 2019 after a long review by the whole "
      "leadership team, gave fathers two weeks.", ""], None, None),
])
def test_a_short_line_under_the_title_may_date_the_document_as_its_byline(lines, date, byline):
    outline = find_sections(lines)
    assert (outline.date, outline.byline) == (date, byline)
    assert byline is None or byline in outline.courtesies


@pytest.mark.parametrize("line, credit", [
    ("*Posted by Ana Lima, lead maintainer, on behalf of the core team*", True),
    ("Written by the People team", True),
    ("By Dana Whitfield", True),
    ("By March we will move the whole team to the new rota.", False),
])
def test_a_line_near_the_top_that_credits_the_writer_states_nothing(line, credit):
    outline = find_sections(["Tessellate enters maintenance mode", "", line, "",
                             "After nine years the project enters maintenance mode on 1 September."])
    assert (3 in outline.courtesies) is credit


# A short note's title and first paragraph, for tests of how it closes.
TOKEN_LEAK = ["Token leak", "", "A release token was exposed in a build log for six hours. We revoked it.", ""]


@pytest.mark.parametrize("ending, signature", [
    (["— Marta Kowal, Head of Developer Platform"], {7}),
    (["Dmitri", "for the platform security team"], {7, 8}),
    (["Elena Petrakis, for the Quillpad steering group"], {7}),
    (["Elena Petrakis, on behalf of the board"], {7}),
    # Thanks in a line of its own still thank, and a paragraph's last line is no signature.
    (["Thanks to everyone"], set()),
    (["Dmitri and I will write again", "once the advisory is out."], set()),
])
def test_a_name_that_closes_the_text_is_a_signature_without_a_sign_off(ending, signature):
    lines = [*TOKEN_LEAK, "Please keep the details out of public issues for a week.", "", *ending]
    outline = find_sections(lines)
    assert set(range(7, 7 + len(ending))) & outline.courtesies == signature


@pytest.mark.parametrize("signoff, closes", [
    ("With gratitude and hope,", True),
    ("Thanks and regards,", True),
    ("With thanks and best wishes,", True),
    # Without a sign-off's comma, words joined by "and" are a line of the text.
    ("Best and worst cases", False),
    # A few words on how the names below are set out still sign off.
    ("Signed, by surname,", True),
    ("Thanks, we need to move on this,", False),
])
def test_a_sign_off_may_carry_a_few_words_more(signoff, closes):
    lines = [*TOKEN_LEAK, signoff, "", "Dr. Marta Kowal, Head of Developer Platform"]
    outline = find_sections(lines)
    assert {5, 7} <= outline.courtesies if closes else not {5, 7} & outline.courtesies


@pytest.mark.parametrize("dateline, titles", [
    ("**Effective 1 January 2025**", ["Travel policy update", "Why"]),
    # Marked as a heading, it stays one.
    ("## 1 January 2025", ["Travel policy update", "1 January 2025", "Why"]),
])
def test_a_dateline_under_the_title_heads_no_section_of_its_own(dateline, titles):
    lines = ["# Travel policy update", "", dateline, "", "Every trip over 500 euros needs approval before it is booked.",
             "", "## Why", "", "Travel costs rose by a third last year."]
    outline = find_sections(lines)
    assert [s.title for s in outline.sections if s.title] == titles
    assert outline.date == "2025-01-01"


def test_a_byline_is_never_a_gist(analyzer):
    text = ("Parental leave: questions and answers\n\nFrom the People team, 2 September 2024.\n\n"
            "From January every parent gets twenty weeks of paid leave. The leave may be split into three blocks.\n")
    quotes = [e["text"] for item in analyzer.analyze(text)["takeaways"]["factual"] for e in item["evidence"]]
    assert not [q for q in quotes if q.startswith("From the People team")]


@pytest.mark.parametrize("key", ["**{}:**", "**{}**:", "__{}:__"])
def test_a_memo_header_in_markdown_may_set_its_keys_in_bold(key):
    fields = [("To", "All staff"), ("From", "Finance"), ("Date", "3 June 2024"), ("Re", "Travel policy")]
    lines = ["MEMORANDUM", "", *(f"{key.format(k)} {v}" for k, v in fields), "", "This memo replaces the old policy."]
    outline = find_sections(lines)
    assert (outline.title, outline.date) == ("Travel policy", "2024-06-03")


@pytest.mark.parametrize(
    "written, iso",
    [
        ("Monday, July 8, 2024 9:15 AM", "2024-07-08"),
        ("Sunday, March 3, 2024 at 10:00 AM", "2024-03-03"),
        ("Tue, 9 Jul 2024 16:42:10 +0100", "2024-07-09"),
        ("21-Oct-2009", "2009-10-21"),
        ("next week", None),
        # a day written as an ordinal
        ("October 18th, 2024", "2024-10-18"),
        ("1st March 2025", "2025-03-01"),
        ("the 4th release", None),
    ],
)
def test_dates_with_a_time_after_them(written, iso):
    assert parse_date(written) == iso


@pytest.mark.parametrize(
    "text, problem",
    [
        ("salutation\tdear\ngreeting\thi\n", "x.tsv, line 2: unknown role 'greeting'"),
        ("salutation\tDear\n", "x.tsv, line 1: phrase 'Dear' must be lower-case words"),
        ("salutation\tdear\nsignoff\tthanks\n", "x.tsv: no field phrases"),
    ],
)
def test_a_bad_lookalikes_file_names_the_line(text, problem):
    with pytest.raises(LexiconError, match=problem):
        parse_lookalikes(DataText("x.tsv", text))


def test_a_vocabulary_may_know_no_footer():
    lookalikes = parse_lookalikes(DataText("x.tsv", "salutation\tdear\nsignoff\tthanks\nfield\tauthor\n"))
    assert not lookalikes.footer.match("Sent from my phone")
    assert lookalikes.signoff.match("Thanks,")


FIELD_RUN = """Election setup

1. Configuration

Short name: spring-board-vote

Name: Spring Board Election

Type: Approval vote

2. Risks

Timeline: the next two weeks
Ballots open on Monday and close on Friday at noon.
"""

COMMENTS = """Workshop feedback

Here is what the attendees told us, good and bad:

1. Good

- The pace was right for most people
- The examples came from real projects

2. Bad

- The room was too warm in the afternoon
- Installing the tools took the whole first hour
"""

LONG_LABELS = """Notes on the migration

Systems still on the old database this month:

The billing jobs and two reporting scripts still read from the old database every night.

Attendees (in the order they joined the call):

- Ana
- Bo
"""


def test_a_run_of_fields_is_not_headings_but_a_topic_over_its_own_lines_is(analyzer):
    found = headings(analyzer.analyze(FIELD_RUN))
    assert (5, "title-line") not in found and (7, "title-line") not in found and (9, "title-line") not in found
    assert (13, "title-line") in found


def test_numbered_lines_after_a_lead_in_are_heads_when_each_stands_over_its_own_lines(analyzer):
    assert [line for line, _ in headings(analyzer.analyze(COMMENTS))] == [1, 5, 10]


def test_a_longer_label_names_prose_but_leads_in_to_a_list(analyzer):
    found = [line for line, _ in headings(analyzer.analyze(LONG_LABELS))]
    assert 3 in found and 7 not in found


CHECK_IN = """Q2 check-in: Support team

Objective 1: Faster first response

- Median first response fell from 9 hours to 3.5 hours.
- We met the target in 10 of 13 weeks.

Objective 2: Fewer tickets

- Tickets per 100 customers went from 18 to 16.
- The self-service reset page slipped to Q3.
"""


def test_a_label_under_a_title_with_a_colon_heads_its_section_like_its_siblings(analyzer):
    # Two "Key: value" lines one above the other look like a run of fields; the upper one is
    # the title, so the lower one heads its own lines, as "Objective 2" does.
    assert [line for line, _ in headings(analyzer.analyze(CHECK_IN))] == [1, 3, 8]


@pytest.mark.parametrize("greeting", ["Team,", "Hi all,", "Colleagues,"])
def test_a_first_line_alone_above_a_greeting_is_the_title_whatever_its_grammar(analyzer, greeting):
    text = (f"We shipped offline mode!\n\n{greeting}\n\nAs of this morning, offline mode is live for every "
            "customer. I am so proud of this team.\n\nPriya\n")
    assert headings(analyzer.analyze(text)) == [(1, "title-line")]


@pytest.mark.parametrize("line, greets", [("Team,", True), ("All staff,", True), ("Team, platform and billing "
                                          "changes are below.", False), ("Team updates:", False)])
def test_a_line_of_only_the_people_addressed_is_a_greeting(line, greets):
    assert shipped_lookalikes().greets(line) is greets


def test_an_image_credit_on_a_line_of_its_own_is_no_heading():
    lines = ["Subject: Remembering Nadia Petrov", "", "Artwork by Dana Lee", "",
             "Nadia Petrov, who started our translation team, died on 14 March. We miss her every day.", "",
             "She wrote the first glossary and ran the team for six years."]
    assert [h.title for h in find_sections(lines).sections if h.title] == []


def test_numbered_footnotes_at_the_end_are_no_headings():
    lines = ["DEFENDING OUR NAME", "", "We filed our trademark in 2014 [1]. Another company filed for the same "
             "name a year later [2].", "", "We will defend the name.", "",
             "[1] “Larchway” Trademark Registration Application", "",
             "[2] “Larchway With Quillon” Trademark Registration Application"]
    assert [s.title for s in find_sections(lines).sections if s.title] == ["DEFENDING OUR NAME"]


def test_a_numbered_faq_entry_is_a_heading_however_long_its_question(analyzer):
    text = ("Outage report\n\n1. Timeline\n\nThe mirror pushed stale copies of 40 repositories at noon.\n\n"
            "2. FAQ\n\n2.1 Does everyone in the organisation have write access to all of the repositories?\n\n"
            "Yes, with some exceptions for the release tooling.\n\n"
            "2.2 I block forced pushes in my repositories. I am safe from this trouble, right?\n\n"
            "No, a mirror can still overwrite your branches.\n\n"
            "2.3 Can you roll the change back?\n\nNot this one: ref updates are not versioned.\n")
    titles = [s["title"] for s in analyzer.analyze(text)["sections"] if s["title"]]
    assert [t.split()[0] for t in titles[-3:]] == ["2.1", "2.2", "2.3"]


def test_a_numbered_heading_as_long_as_the_wrap_margin_is_still_a_heading(analyzer):
    body = textwrap.fill("We hired well this year, and we let people go quickly when it was not working out, "
                         "which kept the team small and sharp through the spring and the long summer that "
                         "followed it, when most of the new work arrived.", width=72) + "\n"
    text = ("Things I learned last year\n\nHere is what we learned, good and bad.\n\n"
            "1.1 We were disciplined at letting people go, but we got scared to re-hire\n\n" + body +
            "\n1.2 Who to listen to\n\n" + body)
    titles = [s["title"] for s in analyzer.analyze(text)["sections"] if s["title"]]
    assert titles[1].startswith("1.1 We were disciplined")


def test_a_label_line_over_a_numbered_part_belongs_to_the_section_above():
    lines = ["Introducing working groups", "",
             "We are splitting the maintainers into working groups so that decisions move faster.", "",
             "1. Docs", "", "The docs group owns the guides and the API reference.", "",
             "Lead Maintainer: Dana Reyes", "", "1.1 Members:", "", "- Ola Brandt", "- Tomas Ferreira", "",
             "2. Releases", "", "The release group cuts a release every six weeks.", "",
             "Lead Maintainer: Ahmed Nasser", "", "2.1 Members:", "", "- Priya Raman", "- Lin Zhou"]
    titles = [s.title for s in find_sections(lines).sections if s.title]
    assert titles == ["Introducing working groups", "1. Docs", "1.1 Members", "2. Releases", "2.1 Members"]
