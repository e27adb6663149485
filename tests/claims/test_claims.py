"""Claims: each kind and each modality, pinned with sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from analyzer.render import render


def claims_of(analyzer, text: str) -> list[dict]:
    return analyzer.analyze(text)["claims"]


def only_claim(analyzer, text: str) -> dict:
    claims = claims_of(analyzer, text)
    assert len(claims) == 1, [c["text"] for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    "text, kind, modality",
    [
        # copular
        ("The new server is in the Frankfurt data centre.", "state", "asserted"),
        # passive
        ("The contract was signed by the vendor on Monday.", "event", "asserted"),
        # imperative
        ("Move the launch to the first week of June.", "state", "proposal"),
        # hedged
        ("Perhaps the vendor lost our purchase order.", "event", "hedged"),
        ("The vendor could be late again.", "state", "hedged"),
        ("Customers could not complete a purchase for an hour.", "state", "asserted"),
        ("The migration seems to be slower than we planned.", "comparison", "hedged"),
        ("I think the release slipped again.", "event", "hedged"),
        ("My gut feeling is that the budget will be cut.", "state", "hedged"),
        # opinion
        ("In my opinion the new review process is a mistake.", "state", "opinion"),
        ("I feel the support team deserves more credit.", "state", "opinion"),
        ("I find the new rota confusing.", "state", "opinion"),
        # a discovery is an event, not a judgement
        ("This morning we found the admin password posted in a public repository.", "event", "asserted"),
        ("The rollout was terrible.", "state", "opinion"),
        # a judging word on a span of time judges the whole span
        ("Adaeze had a strong year.", "state", "opinion"),
        ("The team had a difficult quarter.", "state", "opinion"),
        ("Obviously the plan cannot work.", "state", "opinion"),
        ("For me, the old rota was the better one.", "state", "opinion"),
        # "me" is the subject of a plan, not the holder of a view
        ("It is time for me to step down as release manager.", "state", "asserted"),
        # proposal
        ("We should hire a second designer.", "state", "proposal"),
        ("The signed form should be sent to payroll by Friday.", "state", "proposal"),
        # looking back on what was not done is a judgement, not a proposal
        ("Looking back, we should have hired a second designer in spring.", "event", "opinion"),
        ("We could move the planning meeting to Friday.", "state", "proposal"),
        ("Make a small team for the data migration.", "state", "proposal"),
        ("Please do not cancel the offsite.", "state", "proposal"),
        ("2. Add pool saturation to the dashboard.", "state", "proposal"),
        # a letter's courtesies instruct no one
        ("Please accept this letter as my formal resignation from my position as analyst.", "state", "asserted"),
        ("Please note that the office closes at six on Friday.", "state", "asserted"),
        ("Accept the invitation by Friday.", "state", "proposal"),
        # a price stated, not a judgement
        ("The Starter plan stays free for small teams.", "state", "asserted"),
        # an instruction under a condition is still an instruction
        ("If you have questions, please talk to your team lead.", "state", "proposal"),
        ("Unless you hear otherwise, assume the offsite is on.", "state", "proposal"),
        # the writer's stated plan is news of what will happen, not a view
        ("We do not plan any further reductions this year.", "state", "asserted"),
        ("We will not be changing the rota again.", "state", "asserted"),
        # the writer's side announcing is news, however many "we" and "our" it says
        ("Today, we're announcing our plans to open a second office.", "attribution", "asserted"),
        ("As a first step, we are publishing our new travel policy.", "event", "asserted"),
        ("With heavy hearts, we announce twelve job cuts in the support group.", "attribution", "asserted"),
        ("We are writing to let you know about an incident that may have affected your account.", "event",
         "asserted"),
        # a feeling that frames news puts the news forward; said of a thing, it judges
        ("We are happy to share that the office reopens in May.", "state", "asserted"),
        ("I am pleased to welcome Dana to the team.", "state", "asserted"),
        ("I am happy with the new rota.", "state", "opinion"),
        ("We are sad to announce that the office will close.", "state", "asserted"),
        ("With great regret, the board closed the office.", "event", "asserted"),
        # but a feeling put in the future tense is still a feeling
        ("We will miss you all very deeply.", "state", "opinion"),
        # an inability is stated, not suggested; a possibility is hedged
        ("We cannot move the launch to Friday.", "state", "asserted"),
        ("It is possible that the pilot would be seen as unfair.", "state", "hedged"),
        # "may not" said to people forbids; said of a thing it still hedges
        ("Managers may not refuse a request without a written reason.", "state", "proposal"),
        ("You may not share your password with anyone.", "state", "proposal"),
        ("The outage may not be over yet.", "state", "hedged"),
        ("With immediate effect, no work may take place in room C104.", "state", "proposal"),
        ("Effective immediately, nobody may use the shared admin account.", "state", "proposal"),
        # a request put politely; thanks put politely asks nothing
        ("I would appreciate clearer priorities when requests arrive together.", "state", "proposal"),
        ("I would like the following outcomes from the review.", "state", "proposal"),
        ("We would like to thank the maintainers for their work.", "state", "opinion"),
        # speculation
        ("If the vendor fails, we would lose the contract.", "state", "speculation"),
        ("Suppose the vendor fails.", "state", "speculation"),
        # an exception to a plan leaves it a plan
        ("The upgrade goes ahead on Monday unless the rollback test fails.", "state", "asserted"),
        ("Assumption: the other teams keep their roadmaps.", "state", "speculation"),
        # question
        ("Did the vendor sign the contract?", "state", "question"),
        # attribution
        ("Dana said the servers were back by noon.", "attribution", "asserted"),
        ("Leadership wants the platform team to own customer support.", "attribution", "asserted"),
        ("According to the vendor, the patch ships on Monday.", "attribution", "asserted"),
        ("The vendor suggested that we wait a week.", "attribution", "asserted"),
        # evidence that suggests is the writer's inference, not someone's words
        ("The timing suggests that the outage began after the deploy.", "event", "hedged"),
        # cause
        ("The release slipped because the vendor was late.", "cause", "asserted"),
        # comparison
        ("The new build is faster than the old one.", "comparison", "asserted"),
        # event
        ("We merged the two client teams last spring.", "quantity", "asserted"),
        ("The team shipped the billing fix.", "event", "asserted"),
    ],
)
def test_kind_and_modality(analyzer, text, kind, modality):
    claim = only_claim(analyzer, text)
    assert (claim["kind"], claim["modality"]) == (kind, modality), claim


@pytest.mark.parametrize(
    "text, subject, predicate, obj",
    [
        ("The new server is in the Frankfurt data centre.", "The new server", "be", "in the Frankfurt data centre"),
        ("The contract was signed by the vendor.", "The contract", "be signed", "by the vendor"),
        ("The team did not miss the deadline.", "The team", "not miss", "the deadline"),
        ("We set up a weekly review.", "We", "set up", "a weekly review"),
        ("Move the launch to June.", None, "move", "the launch to June"),
        ("I think the release slipped.", "the release", "slip", None),
    ],
)
def test_subject_predicate_object(analyzer, text, subject, predicate, obj):
    claim = only_claim(analyzer, text)
    assert (claim["subject"], claim["predicate"], claim["object"]) == (subject, predicate, obj)


@pytest.mark.parametrize(
    "text, polarity",
    [
        ("The team did not miss the deadline.", "negated"),
        ("There is no budget for travel.", "negated"),
        ("Nobody answered the survey.", "negated"),
        ("I don't think the plan works.", "negated"),
        ("The team met the deadline.", "affirmative"),
    ],
)
def test_polarity(analyzer, text, polarity):
    assert only_claim(analyzer, text)["polarity"] == polarity


def test_not_knowing_is_a_hedge_not_a_denial(analyzer):
    claim = only_claim(analyzer, "I do not know whether the vendor shipped the parts.")
    assert (claim["modality"], claim["polarity"]) == ("hedged", "affirmative")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Dana said the servers were back by noon.", "Dana"),
        ("According to the finance team, the budget is fixed.", "finance team"),
        ("I think the release slipped.", "I"),
        ("The release slipped.", None),
    ],
)
def test_speaker_where_the_text_names_one(analyzer, text, speaker):
    assert only_claim(analyzer, text)["speaker"] == speaker


def test_reported_hedges_belong_to_the_speaker_not_the_writer(analyzer):
    claim = only_claim(analyzer, "Priya said the vendor might be late.")
    assert (claim["kind"], claim["modality"], claim["speaker"]) == ("attribution", "asserted", "Priya")


@pytest.mark.parametrize(
    "text, figure, value, high, unit, dimension, measures",
    [
        ("Support takes about 70% of our senior engineers' time.", "70%", 70, None, "percent", "share",
         "our senior engineers' time"),
        ("The bank offered a $2m deal for the platform.", "$2m", 2_000_000, None, "USD", "money", "deal for the platform"),
        ("The forecast shows a 2x increase in tickets.", "2x", 2, None, "times", "multiplier", "increase in tickets"),
        ("It took us two weeks to build the prototype.", "two weeks", 2, None, "week", "duration", None),
        ("About 4,100 orders failed.", "4,100", 4100, None, None, "count", "orders"),
        ("Trucks of 30-40k lbs cross the bridge daily.", "30-40k lbs", 30_000, 40_000, "lb", "weight", None),
        ("The outage cost us $180k in delayed revenue.", "$180k", 180_000, None, "USD", "money", "delayed revenue"),
        ("Ticket volume doubled this quarter.", "doubled", 2, None, "times", "multiplier", "Ticket volume"),
    ],
)
def test_quantities_with_unit_and_what_they_measure(analyzer, text, figure, value, high, unit, dimension, measures):
    claim = only_claim(analyzer, text)
    assert claim["kind"] == "quantity"
    (quantity,) = claim["quantities"]
    assert (quantity["text"], quantity["value"], quantity["high"], quantity["unit"], quantity["dimension"]) == (
        figure, value, high, unit, dimension)
    if measures is not None:
        assert quantity["measures"] == measures
    else:
        assert quantity["measures"]


@pytest.mark.parametrize(
    "text",
    [
        "The review happened in 2023 with the whole team.",
        "The outage started on 3 March after the deploy.",
        "The alert fired at 14:09 during the deploy.",
        "The variant BA.5 spread quickly among the staff.",
        "1. Review the on-call rota with the team.",
        "Call the desk on +44 20 7946 0958 if the build breaks.",
        "Release 2024.06.04-1 shipped to every customer.",
        "Most vendors only ship Python 2.6 so far.",
        "The new API needs OAuth 2.0 for every client.",
        "Code written for 3.x runs unchanged on the new interpreter.",
        "The process is described in PEP 382 in full.",
        "The mirror answered every request with HTTP 500.",
        "Room 101 is booked for the review.",
        "We covered this in Part 2 of the series.",
        "The widget works on Firefox 60 and higher.",
        "The vendor blamed the load balancer.[2] It had been replaced.",
        "[3] Vendor letter to the platform team, spring.",
        # days the model does not read as dates
        "The code was adopted on 9 September 2025 by the board.",
        "The window runs from 1 Aug 2025 to 12 Sept 2025.",
        "The board met on Aug 4 and again on Sept. 18, 2025.",
    ],
)
def test_dates_times_versions_and_item_numbers_are_not_figures(analyzer, text):
    assert all(not c["quantities"] for c in claims_of(analyzer, text))


@pytest.mark.parametrize("text, figure", [
    ("In Berlin 40 people joined the call.", "40"),
    ("First ballot\n\n61 of 93 eligible members voted.", "61"),
    ("We received 12 reports in March.", "12"),
], ids=["a count after a place name", "a count under a heading", "a count before a month"])
def test_a_count_after_a_name_is_still_a_figure_when_it_counts_something(analyzer, text, figure):
    figures = [q["text"] for c in claims_of(analyzer, text) for q in c["quantities"]]
    assert figure in figures


def test_a_technical_sense_lends_no_stance_to_a_claim(analyzer):
    """ "major" grades a problem, but ranks a release: the second sentence states a plan."""
    assert only_claim(analyzer, "This is a major problem for us.")["modality"] == "opinion"
    assert only_claim(analyzer, "We are now close to shipping the next major version.")["modality"] == "asserted"


def test_a_fragment_list_item_yields_its_figure(analyzer):
    text = "Current duties:\n- Incident triage (lately about 60% of most senior staff time goes there).\n"
    claims = claims_of(analyzer, text)
    figures = [q for c in claims for q in c["quantities"]]
    assert [(q["text"], q["measures"]) for q in figures] == [("60%", "most senior staff time")]


def test_a_noun_fragment_is_a_state_claim(analyzer):
    claim = only_claim(analyzer, "- Weekly planning with the sales team\n")
    assert (claim["kind"], claim["predicate"], claim["subject"]) == ("state", None, "Weekly planning with the sales team")


@pytest.mark.parametrize(
    "text, parts",
    [
        ("We shipped the fix and the customers stopped complaining.",
         ["We shipped the fix", "the customers stopped complaining"]),
        ("The build passed; the deploy failed.", ["The build passed", "the deploy failed"]),
        ("We merged the teams, but the backlog kept growing.", ["We merged the teams", "the backlog kept growing"]),
        ("It took them a month to write, they released it, they measured it.",
         ["It took them a month to write", "they released it", "they measured it"]),
    ],
)
def test_clauses_joined_by_and_but_or_semicolon_are_separate_claims(analyzer, text, parts):
    assert [c["text"] for c in claims_of(analyzer, text)] == parts


@pytest.mark.parametrize("text, subject, predicate", [
    ("I went and interviewed the people who ran the last migration.", "I", "interview"),
    ("We discovered and fixed the leak a month ago.", "We", "fix"),
])
def test_a_verb_that_only_leads_into_the_next_is_one_claim_with_it(analyzer, text, subject, predicate):
    claim = only_claim(analyzer, text)
    assert claim["text"] == text.rstrip(".")
    assert (claim["subject"], claim["predicate"]) == (subject, predicate)


@pytest.mark.parametrize("line, modality", [
    ("Make sure every ticket has an owner.", "proposal"),
    ("Send me your preferred weeks by Friday.", "proposal"),
    # a formula of thanks instructs nobody
    ("Thank you for your patience this quarter.", "opinion"),
])
def test_an_instruction_under_a_heading_is_a_proposal(analyzer, line, modality):
    # The heading above makes the tagger read the bare verb as present tense.
    assert only_claim(analyzer, f"Actions\n{line}\n")["modality"] == modality


def test_each_clause_keeps_its_own_modality(analyzer):
    claims = claims_of(analyzer, "We merged the two teams and I think the change failed.")
    assert [(c["text"], c["modality"]) for c in claims] == [
        ("We merged the two teams", "asserted"), ("I think the change failed", "hedged")]


def test_a_frame_covers_every_clause_it_introduces(analyzer):
    claims = claims_of(analyzer, "I think the plan slipped and the budget grew.")
    assert [c["modality"] for c in claims] == ["hedged", "hedged"]


def test_speculation_markup_is_its_own_claim(analyzer):
    text = "The client teams missed the issue, <speculation>which would suggest they skip support</speculation>."
    claims = claims_of(analyzer, text)
    assert [(c["text"], c["modality"]) for c in claims] == [
        ("The client teams missed the issue", "asserted"),
        ("which would suggest they skip support", "speculation")]


def test_under_an_options_heading_present_tense_lines_are_proposals(analyzer):
    text = ("# Paths forward\n\nThe company starts acting enterprise first.\n"
            "It took us two weeks to build the prototype.\nOpinion: it is a recipe for failure.\n")
    claims = claims_of(analyzer, text)
    assert [(c["modality"], c["cues"][-1]["text"]) for c in claims] == [
        ("proposal", "Paths forward"), ("asserted", "two weeks"), ("opinion", "opinion")]


def test_a_question_mark_in_an_aside_does_not_make_a_question(analyzer):
    claim = only_claim(analyzer, "One set of teams (experience mostly?) owns the prototypes.")
    assert claim["modality"] == "asserted"


def test_a_date_alone_is_not_a_claim(analyzer):
    assert claims_of(analyzer, "Created: 2025-03-07\n") == []


def test_headings_are_not_claims(analyzer):
    claims = claims_of(analyzer, "# Budget review\n\nThe budget grew by 10% this year.\n")
    assert [c["line"] for c in claims] == [3]


def test_claims_json_shape_and_section_ids(analyzer):
    text = "# Plan\n\nWe ship in May.\n\n## Risks\n\nI think the vendor is late. Should we wait?\n"
    report = json.loads(json.dumps(analyzer.analyze(text)))
    claims = report["claims"]
    assert [c["id"] for c in claims] == [1, 2, 3]
    fields = {"id": int, "text": str, "line": int, "section": int, "subject": (str, type(None)),
              "predicate": (str, type(None)), "object": (str, type(None)), "path": str, "kind": str,
              "modality": str, "polarity": str, "speaker": (str, type(None)), "quantities": list, "cues": list}
    for claim in claims:
        for name, types in fields.items():
            assert isinstance(claim[name], types), (name, claim)
    assert [s["claims"] for s in report["sections"]] == [[1], [2, 3]]
    assert [(c["line"], c["modality"]) for c in claims] == [(3, "asserted"), (7, "hedged"), (7, "question")]
    assert claims[1]["cues"] == [{"text": "I think", "marks": "hedged"}]


def test_markdown_lists_claims_by_kind_with_their_modality(analyzer):
    text = "We merged the client teams. In my opinion the merge was a mistake. Support takes 70% of our time.\n"
    markdown = render(analyzer.analyze(text), "markdown", detail=True)
    part = markdown.split("## Claims", 1)[1]
    assert part.index("### Figures") < part.index("### Events") < part.index("### States")
    assert "*asserted* · “We merged the client teams”" in part
    assert "*opinion (“In my opinion”)*" in part
    assert "— 70% (our time)" in part


def test_claims_to_check_fill_only_what_keeps_the_report_shorter_than_the_memo(analyzer):
    text = ("Update\nWe merged the client teams in March. Support takes 70% of our time now. "
            "Dana said the budget will not change this year. The queue grew by 40 tickets. "
            "Two engineers joined in April, and one left in May. Releases slipped by 3 days on average. "
            "The board approved 12 new laptops. Priya reported that 5 customers asked for refunds. "
            "Hosting costs rose by 8% after the move.\n")
    report = analyzer.analyze(text)
    part = render(report, "markdown").split("## Claims to check", 1)[1]
    assert "none listed here, to keep the report shorter than the memo" in part and "### Figures" not in part
    assert "`--detail` lists every one" in part


def test_no_claims_no_claims_part(analyzer):
    assert "## Claims" not in render(analyzer.analyze("# Title only\n"), "markdown", detail=True)


def test_the_default_markdown_lists_only_the_claims_to_check(analyzer):
    text = ("Update\nWe merged the client teams in March, and the new team is settling in well. "
            "In my opinion the merge was a mistake for the roadmap. Support takes 70% of our time now. "
            "Dana said the budget will not change this year.\n") * 12
    report = analyzer.analyze(text)
    markdown = render(report, "markdown")
    part = markdown.split("## Claims to check", 1)[1]
    assert "### Figures" in part and "### Events" not in part and "### States" not in part
    assert "--detail" in part
    assert len(markdown.split()) < len(render(report, "markdown", detail=True).split())


def test_a_letters_greeting_sign_off_and_signature_claim_nothing(analyzer):
    text = "Dear colleagues,\n\nThe rota changes on the first of May.\n\nCheers,\nDana Whitfield\nHead of Platform\n"
    assert [c["text"] for c in claims_of(analyzer, text)] == ["The rota changes on the first of May"]


def test_a_replys_quoted_message_is_not_the_writers_claims(analyzer):
    text = ("The venue costs $4,000 more than we planned, so we cut the second day.\n\n"
            "On Tue, Mar 3, 2026 at 9:14 AM Dana Reyes wrote:\n"
            "> The venue quote came back at $12,000 for two days.\n"
            "> We should keep both days.\n")
    assert [c["text"] for c in claims_of(analyzer, text)] == [
        "The venue costs $4,000 more than we planned", "so we cut the second day"]


@pytest.mark.parametrize("label", ["**Budget:**", "__Budget__:", "Budget:"])
def test_a_run_in_label_is_neither_claim_text_nor_what_a_figure_measures(analyzer, label):
    claim = only_claim(analyzer, f"{label} Spending was 8% under plan in the first quarter.\n")
    assert claim["text"] == "Spending was 8% under plan in the first quarter"
    assert [q["measures"] for q in claim["quantities"]] == ["Spending"]


def test_a_tables_header_row_claims_nothing_and_a_rows_figures_measure_its_first_cell(analyzer):
    text = "Reports\n\n| Outcome | Reports |\n|---|---|\n| Warning | 40 |\n| Permanent ban | 4 |\n"
    claims = claims_of(analyzer, text)
    assert [c["line"] for c in claims] == [5, 6]
    assert [q["measures"] for c in claims for q in c["quantities"]] == ["Warning", "Permanent ban"]


def test_a_number_that_numbers_a_minute_or_a_table_row_is_no_figure(analyzer):
    text = ("Board minutes\n\n1. Welcome\n\n1.1 The Chair welcomed trustees and 4 new members.\n"
            "1.2 The minutes of the last meeting were approved.\n\n2. Budget\n\n2.1 Owen Pritchard presented "
            "the draft budget of £95,000.\n2.2 The board approved the budget.\n\n3. Actions\n\n"
            "| # | Action | Cost |\n|---|---|---|\n| 1 | Agree the fix plan | £3,000 |\n| 2 | Book the rooms | £400 |\n")
    figures = [(q["text"], q["measures"]) for c in claims_of(analyzer, text) for q in c["quantities"]]
    assert figures == [("4", "new members"), ("£95,000", "draft budget of"),
                       ("£3,000", "Agree the fix plan"), ("£400", "Book the rooms")]


@pytest.mark.parametrize("fields", [
    "Subject: Re: Weekend release support\n\nHi Victor,\n\n",
    "# Steering group\n\n**Apologies:** Dr Catherine Moore\n**Notes taken by:** Hannah Price\n\n",
])
def test_a_field_line_describes_the_document_and_claims_nothing(analyzer, fields):
    text = fields + "My team has worked three of the last four weekends.\n"
    assert [c["text"] for c in claims_of(analyzer, text)] == ["My team has worked three of the last four weekends"]


def test_a_claim_reads_as_the_page_shows_it_without_markdown(analyzer):
    text = "The `security` flag is **required** for every release of [the installer](https://example.org/i).\n"
    assert only_claim(analyzer, text)["text"] == "The security flag is required for every release of the installer"


def test_a_name_or_a_date_alone_claims_nothing(analyzer):
    text = "1. Register every certificate in the inventory. Owner: Grace Mbeki. Due: 22 March.\n"
    assert [c["text"] for c in claims_of(analyzer, text)] == ["1. Register every certificate in the inventory"]
