"""The digest: the main point first, the gist of each part, the feelings in the writer's words."""

from pathlib import Path

import pytest

from analyzer import Analyzer, OptionError
from analyzer.data.files import DataText, shipped
from analyzer.errors import LexiconError
from analyzer.markers.lexicon import load_categories
from analyzer.render import render
from analyzer.render.markdown import digest_lines
from analyzer.takeaways.digest import digest_words
from analyzer.takeaways.feelings import CALM_LABEL, parse_themes, stem
from analyzer.takeaways.outline import Scored, gists, parts
from analyzer.takeaways.sentences import MainPointCues, candidates, main_clause, quote
from analyzer.takeaways.view import DocView
from digests import digest_quotes, items_of, quotes_of

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").iterdir())

CHARGED = """FEEDBACK ON THE ROTA CHANGE

What I am hearing
You want the support team to take on the weekend rota as well as the weekday queue from
next month. I read the proposal twice before writing this, and I talked it through with the
two team leads on Monday so that this reflects more than my own view.

How the team is doing
We are already stretched thin. Over the last quarter two people worked through most
weekends, and one of them told me they are close to burning out. Sick days doubled since
January. I find the way the change was announced disheartening, because nobody asked us
first, and it is hard not to read it as a judgement on the work we have done. The team has
gone above and beyond for months and gladly covered for other teams' outages.

My own position
I honestly doubt I can make this work with the people I have. I am a new manager and this
is beyond my experience; I keep trying to close every gap myself and it is not enough.

Figures
About 70% of our senior engineers' time already goes to escalations, and the backlog grew
from 310 to 1,140 tickets since February. Hiring two more people would cost about $180k a
year.

Options
(hire contractors)
Bring in six contractors for twelve weeks, which is risky for quality.
(rotate engineers) - the only realistic option in my view
Each product engineer spends one day a fortnight on support tickets.

Closing
Please do not add the weekend rota before we have hired. Please talk to us first.
"""

# A plain announcement long enough for several parts: the decision opens it.
ANNOUNCEMENT = """Retiring the Orbit dashboard

Summary
We will retire the Orbit dashboard on 30 June. After that date it will no longer receive
fixes, and its data will be exported to the Atlas reporting service. Teams that use Orbit
every day should plan their move during May.

Why we are doing this
Orbit runs on a database version that reaches end of support in July. Keeping it would
mean a rewrite of its storage layer, which we estimate at four engineer-months. Atlas
already covers nine of the eleven reports Orbit offers, and the last two ship in April.

What changes for you
Saved views move automatically; custom alerts do not and must be recreated in Atlas. The
Atlas team runs two migration clinics a week in May. Your existing links will redirect
to the matching Atlas report until the end of the year.

Questions
Write to the platform channel with anything this note does not answer. We will publish a
list of common questions in the first week of May.
""" * 1


@pytest.fixture(scope="module")
def charged_long(analyzer):
    """Long enough that the budget holds every feeling it shows."""
    return analyzer.analyze(CHARGED * 4)


@pytest.fixture(scope="module")
def announcement(analyzer):
    return analyzer.analyze(ANNOUNCEMENT * 3)


def main_quote(analyzer, text: str) -> str:
    """The sentence the digest quotes as the text's main point."""
    return items_of(analyzer.analyze(text)["takeaways"])[0]["evidence"][0]["text"]


def gists_of(takeaways):
    return quotes_of(t for t in takeaways["factual"] if t["role"] == "gist")


def test_the_digest_opens_with_the_main_point(announcement):
    first = items_of(announcement["takeaways"])[0]
    assert first["role"] == "main" and first["label"] == "Main point"
    assert "We will retire the Orbit dashboard on 30 June." == first["evidence"][0]["text"]
    assert first["summary"].startswith("Retiring the Orbit dashboard")


REPLY_WITH_A_REQUEST = """Subject: RE: Budget for the accessibility audit

Hi Sam,

Thanks for the quick answer. We asked for this in March, and waiting for the next fiscal year
means twelve more months in which screen-reader users cannot file a claim on their own.
Could we at least fund the first phase of the audit, the claims form, this quarter? It is about
$18,000 of the $60,000 total.

Regards,
Amara
"""


def test_a_request_to_the_reader_is_the_main_point_of_a_reply(analyzer):
    assert main_quote(analyzer, REPLY_WITH_A_REQUEST) == (
        "Could we at least fund the first phase of the audit, the claims form, this quarter?")


def test_a_sentence_that_hands_over_to_what_follows_is_not_the_main_point(analyzer):
    note = ("Sprint feedback\n\nYou asked for my honest feedback on the sprint process, so here it is. "
            "Planning now takes three hours every second Monday. We finished half of our stories "
            "in the last four sprints. I am asking that we cap planning at one hour.\n")
    assert main_quote(analyzer, note) == "I am asking that we cap planning at one hour."


@pytest.mark.parametrize("lead_in", ["What I am asking for is simple:", "My requests are these:"])
def test_a_list_the_writer_names_as_the_request_is_the_main_point(analyzer, lead_in):
    memo = ("# Staffing on the night desk\n\nOver the last quarter the night desk has run with two people "
            "instead of four. We covered 61 shifts with overtime, and three people are exhausted. I raised "
            f"this in March and again in June.\n\n{lead_in}\n\n1. Approve two temporary hires from next "
            "month.\n2. Stop scheduling anyone for more than four nights in a row.\n\nThe overtime we paid "
            "last quarter would cover both hires.\n")
    assert main_quote(analyzer, memo).startswith(f"{lead_in} Approve two temporary hires")


@pytest.mark.parametrize("declined", ["The board does not plan to renew the hosting contract.",
                                      "We have no plans to renew the hosting contract.",
                                      "We do not intend to renew the hosting contract."])
def test_a_course_the_writer_declines_is_the_main_point(analyzer, declined):
    note = ("Hosting\n\nThe mirrors have run on the hosting contract since 2019, on four servers in two regions. "
            f"{declined} The mirrors will move to donated servers over the winter, and the move is planned "
            "in three steps that the infrastructure team has written up for the wiki.\n")
    assert main_quote(analyzer, note) == declined


def test_a_reply_that_decides_opens_with_its_decision_not_the_request_that_follows(analyzer):
    reply = ("Subject: Re: Proposal to move the release to Thursdays\n\nHi Marco,\n\nThanks for the proposal. "
             "I've read it twice and talked it over with Jess and the QA leads.\n\n"
             "We will not move the release to Thursdays. Our support team is at its thinnest on Fridays, and a "
             "Thursday release means any problem lands on them the next day. Last quarter, 60% of our "
             "post-release tickets came in the first 24 hours.\n\nI do agree that Tuesday is too early in the "
             "sprint. Let's try Wednesday releases for the next six sprints and compare the numbers in March.\n\n"
             "Can you put the change in the release calendar by Friday?\n\nBest,\nAlex\n")
    assert main_quote(analyzer, reply) == "We will not move the release to Thursdays."


def test_a_question_asked_for_effect_is_no_request(analyzer):
    text = REPLY_WITH_A_REQUEST.replace("Could we at least fund", "Why can nobody fund")
    report = analyzer.analyze(text)
    assert not any(q.startswith("Why can nobody") for q in digest_quotes(report["takeaways"]))


@pytest.mark.parametrize("title", ["FAQ", "Frequently asked questions", "Questions and answers", "Q&A"])
def test_a_question_readers_ask_is_answered_not_quoted(analyzer, title):
    text = ("# Quiet week in August\n\n## What we are doing\n\n"
            "The whole company will take the week of 11 August off, on top of everyone's own leave. "
            "Support keeps two people on call that week, and they take another week later in the year.\n\n"
            f"## {title}\n\nCan I still take my own days off in August?\n\n"
            "Yes, and we hope you do: the quiet week comes on top of your own allowance.\n\n"
            "Do I need to book the quiet week in the leave planner?\n\n"
            "No, the planner marks the quiet week for everyone already.\n")
    quotes = digest_quotes(analyzer.analyze(text)["takeaways"])
    assert not any(q.endswith("?") for q in quotes)


def test_each_part_with_prose_has_its_gist_under_its_title(announcement):
    gists = [t for t in items_of(announcement["takeaways"]) if t["role"] == "gist"]
    titles = {t["label"] for t in gists}
    assert {"Why we are doing this", "What changes for you"} <= titles
    for gist in gists:
        assert gist["summary"] == "" and gist["evidence"]
        assert all(e["text"] and e["line"] for e in gist["evidence"])


def test_no_sentence_is_quoted_twice_and_summaries_never_repeat_quotes(announcement):
    items = items_of(announcement["takeaways"])
    quotes = [e["text"] for t in items for e in t["evidence"] if e["text"]]
    assert len(quotes) == len(set(quotes))
    for item in items:
        for evidence in item["evidence"]:
            assert not evidence["text"] or evidence["text"] not in item["summary"]


def test_quotes_are_whole_sentences_or_clauses_cut_with_a_mark(announcement):
    for item in items_of(announcement["takeaways"]):
        for evidence in item["evidence"]:
            text = evidence["text"]
            assert text[:1].isupper() or text[:1].isdigit() or text[:1] in "“\"("
            assert text.endswith((".", "!", "?", "…", "”", ":", ")")), text


@pytest.mark.parametrize("label, word", [
    ("Stress and capacity", "stretched thin"),
    ("Sadness", "disheartening"),
    ("Self-doubt", "beyond my experience"),
    ("Exhaustion and overwork", "burning out"),
])
def test_feelings_a_reader_would_name_are_there_in_the_writers_words(charged_long, label, word):
    themes = {t["label"]: t for t in charged_long["takeaways"]["emotional"]}
    assert label in themes
    assert any(word in e["text"] for e in themes[label]["evidence"])
    assert 0 < themes[label]["strength"] <= 1


def test_a_feeling_names_the_words_it_shows_outside_its_quote(charged_long):
    feeling = next(t for t in charged_long["takeaways"]["emotional"] if t["label"] == "Stress and capacity")
    assert feeling["evidence"][0]["text"] == "We are already stretched thin."
    assert feeling["summary"] == "Also “escalations”, “backlog”."


@pytest.mark.parametrize("words", [("hope", "hoping", "hopefully"), ("stress", "stressed", "stresses"),
                                   ("frustrated", "frustrating"), ("thank", "thanks")])
def test_inflections_of_a_feeling_word_count_as_one_word(words):
    assert len({stem(w) for w in words}) == 1


def test_feelings_are_ordered_strongest_first(charged_long):
    strengths = [t["strength"] for t in charged_long["takeaways"]["emotional"]]
    assert strengths == sorted(strengths, reverse=True)


def test_a_calm_memo_reads_calm_and_names_no_feeling(announcement):
    emotional = announcement["takeaways"]["emotional"]
    assert [t["label"] for t in emotional] == [CALM_LABEL]
    assert emotional[0]["role"] == "tone"


def long_calm_memo(*asides: str) -> str:
    """A memo of about 700 words of plain facts, one aside at the end of each part."""
    teams = ["search", "billing", "mobile", "payments", "identity", "storage", "maps"] * 2
    parts = ["Build minutes from October\n\nFrom 1 October, each team's build minutes are charged to "
             "that team's budget.\n"]
    for k, (title, aside) in enumerate(zip(["Usage", "Runners", "Rates"], asides), start=1):
        facts = " ".join(f"The {team} team runs {10 * (i + k)} builds a day and keeps {i + k} runners of its own."
                         for i, team in enumerate(teams))
        parts.append(f"{title}\n\n{facts} {aside}\n")
    return "\n".join(parts)


def test_a_calm_memo_names_its_faint_feeling_after_the_calm_tone(analyzer):
    text = long_calm_memo("A few teams are worried that the usage page lags behind on busy days.",
                          "Some teams raised a concern about the cost of long test suites.",
                          "The rate is reviewed once a year with the team leads.")
    emotional = analyzer.analyze(text)["takeaways"]["emotional"]
    assert [t["label"] for t in emotional] == [CALM_LABEL, "Worry and concern"]
    assert 0.3 <= emotional[1]["strength"] < 0.38


def line_of(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if words in line)


def calm_memo_with(aside: str) -> str:
    return long_calm_memo("The rate is reviewed once a year with the team leads.", aside,
                          "The runners are replaced every two years.")


def test_a_calm_memo_lists_the_few_feeling_words_it_shows_and_their_lines(analyzer):
    text = calm_memo_with("The old runners were painful to maintain, and the upgrade was frustrating.")
    calm = analyzer.analyze(text)["takeaways"]["emotional"][0]
    assert calm["label"] == CALM_LABEL
    assert calm["summary"] == (f"Few feeling words: “frustrating”, “painful” "
                               f"(line {line_of(text, 'painful')}).")


def test_a_calm_memo_with_no_feeling_words_says_only_that(announcement):
    assert announcement["takeaways"]["emotional"][0]["summary"] == "Few feeling words."


def test_a_calm_memo_does_not_list_the_words_of_a_feeling_it_names(analyzer):
    text = calm_memo_with("The old runners were painful to maintain, and the team was delighted to retire them.")
    calm, named = analyzer.analyze(text)["takeaways"]["emotional"]
    assert named["label"] == "Enthusiasm"
    assert calm["summary"] == f"Few feeling words: “painful” (line {line_of(text, 'painful')})."


def test_a_feeling_word_said_once_in_a_calm_memo_is_not_named(analyzer):
    text = long_calm_memo("A few teams are worried that the usage page lags behind on busy days.",
                          "The runners are replaced every two years.",
                          "The rate is reviewed once a year with the team leads.")
    assert [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]] == [CALM_LABEL]


@pytest.mark.parametrize("sentence", [
    "Running the nightly build is no longer fun for anyone on the team, and it has not been for a while.",
    "The disaster recovery plan covers both regions, and the failover drill is booked for the spring.",
    "The parser uses unsafe code in two functions, which the audit listed for review next quarter.",
    "The audit log keeps every login failure, and the router sends traffic to workloads running on the cluster.",
    "She wrote “I am furious and scared about this” in the survey, which we quote here as it was sent.",
    # Words of a steady state describe the work, not a feeling of relief.
    "The cluster has been stable since the upgrade, the migration is on track and the new rota is manageable.",
    # How a thing is done, a goal, a procedure's outcome: no pride, no stress.
    "A change to the charter is achieved through a vote of the council, as the bylaws describe.",
    "The pilot sets the customer and the vendor up for success, and the success criteria are in the plan.",
    "The council rules on a dispute only when the other attempts have failed and the build checks failed.",
    # A property of a task, not of the people doing it.
    "These semantics are difficult to implement in other VMs, and the old format is hard to parse and to test.",
    # A job that is a computing task.
    "No job in the nightly pipeline needs a change, and no job runs for longer than an hour.",
    # "kind of" hedges; it shows no kindness.
    "It is kind of a big change for the team, and this is kind of late in the quarter to plan it.",
    # An HR process named, not stress shown.
    "Two engineers are on a performance improvement plan, and their managers meet them every week.",
    # The standard a role sets, met or not: no pressure shown.
    "Your work has not met the expectations of your role, and the expectations above must be met by June.",
    # A finding about a share of other people.
    "About 58% of respondents struggle to locate samples, and half of the users were unsure where to start.",
    # A change that did not happen reassures no one; "nothing changes for you" does.
    "We checked the settings after the upgrade and nothing changed in the build times or the cache sizes.",
    # Demand for a product is business, not pressure on people.
    "We hired ahead of demand last year, and customer demand for the new plan grew in the spring.",
    # Stopping a computation, a company, a benefit, a limit, a program's safeguard, money for
    # overtime, praise of composure.
    "Olu is killing the query now, and the worker will restart the job when the lock clears.",
    "Outplacement support comes from an external firm, and health insurance runs to the end of June.",
    "Each exception lasts no more than six months, and a job without a lock must refuse to run.",
    "The overtime budget is unchanged this quarter, and she stays calm under pressure when the pager goes off.",
    # Companies, not firmness; an operations incident and a system's failures, not a clash or a threat.
    "Most firms that tried it kept it, and two firms in the study ran it for a year.",
    "The incident commander paged the team, and the incident report lists the TLS handshake failures.",
    # A backlog worked off and a deadline met put no pressure on anyone.
    "The close finished on day five, and the payables team cleared the backlog before the deadline.",
    # A program's crash path, a process stopped, a pool short of computing time.
    "We killed the stale process, and the panic handler logged the trace while the worker pool was starved.",
    # Hope judged too high, looking back: no hope is shown.
    "I was too optimistic about how fast the sales would come, and the plan was overly confident about hiring.",
    # A plan judged too hopeful is a criticism of the plan, not hope.
    "Our estimates were optimistic again, so the optimistic timelines in the plan move out by a month.",
    # A hope held once, which the text goes on to say did not come true, is no hope now.
    "We were hoping the migration would end in March, and we hoped the new runners would speed it up.",
    # Trust said of a past state, in the story of an outage, is what was known then, not hope.
    "By noon we were confident the queue had drained, and the team was optimistic that the fix had held.",
    # Qualities praised in someone else are theirs, not the writer's hope or joy.
    "We admired her energy, optimism and patience, and Dana's enthusiasm carried the lab through two moves.",
    # Packages and deployments that fail are a system's events.
    "Packages that failed to upload were queued again, and two deployments failed on Friday.",
    # An office's rent is what premises cost, not a household's hardship.
    "The landlord has raised the rent for the office, and the new lease starts in April.",
    # Laboratory equipment, and an incident of safety rather than of conflict.
    "The fume hoods in Building C failed their test, and any breach is treated as a safety incident.",
    # A complaint as a count or a process.
    "Customer complaints fell by a fifth in March, and the complaints procedure now takes ten days.",
    # Shifts as a workplace organises them, and the demands one side makes of the other.
    "Any change to shift patterns or to the night shift at the depot is agreed first, and our demands are "
    "written down.",
    # A case made for or against something, and a value passed to code, are no quarrel.
    "The main argument against the old library is its size, and the function argument is optional.",
    # A duty that pulls two ways is no quarrel.
    "Members with a conflict of interest abstain, and conflicts of interest are recorded in the minutes.",
])
def test_a_word_out_of_its_feeling_names_no_feeling(analyzer, sentence):
    report = analyzer.analyze(f"Notes\n{sentence} {sentence}\n")
    assert [t["label"] for t in report["takeaways"]["emotional"]] == [CALM_LABEL]


def feelings_named_in_a_long_memo(analyzer, sentence: str) -> list[str]:
    """The feelings named for a memo of over 800 words of plain facts that says ``sentence``
    once: it names a feeling only as the writer's own, not by its density."""
    queues = " ".join(f"Queue {i} holds {3 * i} jobs at noon and {2 * i} jobs at night." for i in range(1, 16))
    text = long_calm_memo(f"{queues} {sentence}", "The runners are replaced every two years.",
                          "The rate is reviewed once a year with the team leads.")
    return [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]


@pytest.mark.parametrize("thanks", ["I would like to thank the two volunteers who ran the mirror.",
                                    "We thank the two volunteers who ran the mirror.",
                                    "The mirror is back, and we thank the two volunteers who ran it."])
def test_thanks_the_writer_gives_in_so_many_words_is_named_however_long_the_text(analyzer, thanks):
    assert "Gratitude and thanks" in feelings_named_in_a_long_memo(analyzer, thanks)


@pytest.mark.parametrize("remark, named", [
    ("Sadly, the old runners could not be reused for the new queues.", True),
    ("Thankfully, the old runners could be reused for the new queues.", True),
    # "Unfortunately" opens bad news as often as it feels it; told of, "sadly" is no remark.
    ("Unfortunately, the old runners could not be reused for the new queues.", False),
    ("The old runners, sadly, could not be reused for the new queues.", False),
])
def test_a_feeling_remarked_by_the_adverb_that_opens_a_sentence_is_named_however_long_the_text(
        analyzer, remark, named):
    assert (feelings_named_in_a_long_memo(analyzer, remark) != [CALM_LABEL]) is named


@pytest.mark.parametrize("remark, named", [
    ("We hope that the new runners will serve the build teams for many years.", True),
    ("We hoped that the old runners could be reused for the new queues.", False),
    ("We hope this helps.", False),
    ("We hope you find the new usage page easier to read than the old one.", False),
    ("We hope you all have a restful break over the holidays.", False),
    # a hope that the reader acts is an appeal the text shows, not a courtesy
    ("We hope you will keep reporting the faults you find on the runners.", True),
])
def test_a_hope_the_writer_states_now_is_named_however_long_the_text(analyzer, remark, named):
    assert ("Hope and resolve" in feelings_named_in_a_long_memo(analyzer, remark)) is named


@pytest.mark.parametrize("remark, named", [
    ("After three years of running the mirror, I need some time to rest.", True),
    ("After three years of running the mirror, I needed some time to rest.", False),
    ("After three years of running the mirror, I don't need any time to rest.", False),
    ("After three years of running the mirror, the volunteers need some time to rest.", False),
])
def test_a_feeling_the_writer_says_of_themselves_now_in_the_sentence_verb_is_named_however_long_the_text(
        analyzer, remark, named):
    assert ("Exhaustion and overwork" in feelings_named_in_a_long_memo(analyzer, remark)) is named


def test_thanks_told_of_inside_another_clause_is_not_the_writers_own(analyzer):
    told = "After the note on how we appreciate the volunteers, the mirror list was updated."
    assert "Gratitude and thanks" not in feelings_named_in_a_long_memo(analyzer, told)


def test_an_unfairness_read_from_a_negated_verb_of_thinking_shows_both(analyzer):
    text = ("On-call\nThe rota changed in March. I don't think the new on-call rota is fair to the night shift. "
            "Three people carry most of the pages.\n")
    (hurt,) = [t for t in analyzer.analyze(text)["takeaways"]["emotional"] if t["label"] == "Feeling treated unfairly"]
    assert hurt["words"] == ["don't think … fair"]


@pytest.mark.parametrize("question, label", [
    ("How many more times do we have to apologise to customers for the same outage?", "Apology"),
    ("Should we apologise to the customers who lost their data?", "Apology"),
    ("Did anyone thank the volunteers who ran the mirror?", "Gratitude and thanks"),
    # a hope put as a question is a doubt
    ("Can our users be confident the mirror will still be there next year? And can we be optimistic that the "
     "funding lasts?", "Hope and resolve"),
])
def test_a_question_about_an_apology_thanks_or_a_hope_gives_none_of_them(analyzer, question, label):
    text = f"Outage review\nThe mirror was down for six hours on Monday. {question}\n"
    assert label not in [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]


def test_thanks_before_a_question_still_thanks(analyzer):
    text = "Outage review\nThe mirror was down for six hours on Monday. Thank you, and could you send the logs?\n"
    assert "Gratitude and thanks" in [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]


def test_shifts_moved_or_ended_add_no_strain_to_a_calm_note(analyzer):
    note = ("Subject: Desk hours\n\nFrom 5 January the desk closes at 18:00, and the Saturday morning shift ends. "
            "The evening shift moves to 10:00-18:00. Urgent incidents still reach the on-call engineer through "
            "the pager line.\n")
    assert [t["label"] for t in analyzer.analyze(note)["takeaways"]["emotional"]] == [CALM_LABEL]


@pytest.mark.parametrize("sentence", [
    "I know some of you will be angry about the new on-call rota, and that is fair.",
    "We know this change is frustrating for those of you who planned your leave around the old rota.",
    "I realise you will be angry that the rota changes again, and I understand why.",
    # a clause of its own after "and", not a second word for the first clause's subject
    "We know a rota change is never welcome, and some of you will be frustrated, especially the night team.",
    # foreseen, also as it goes on without a subject of its own
    "You may feel frustration at first, and then surprise at feeling frustration at all.",
    # granted by the writer, with no one named as feeling it
    "I understand that it is frustrating to see the rota change again so soon.",
])
def test_a_feeling_the_writer_sees_in_the_readers_is_named_as_theirs(analyzer, sentence):
    report = analyzer.analyze(f"Rota change\n\nThe new rota starts on 3 March. {sentence} {sentence}\n")
    assert [t["label"] for t in report["takeaways"]["emotional"]] == [CALM_LABEL,
                                                                      "Frustration, acknowledged in readers"]


@pytest.mark.parametrize("sentence, label", [
    ("Several people said they feel burned out by the ticket targets.", "Exhaustion and overwork, others report"),
    ("People on other teams mentioned how much they appreciated your patience.", "Gratitude and thanks, others report"),
])
def test_a_feeling_others_told_of_is_named_as_reported(analyzer, sentence, label):
    report = analyzer.analyze(f"Survey results\n\nThe response rate was 81%. {sentence} {sentence}\n")
    assert label in [t["label"] for t in report["takeaways"]["emotional"]]


def test_a_feeling_the_writer_tells_of_themselves_is_not_reported(analyzer):
    text = "Survey results\n\nI said in March that I feel burned out, and I still do. I am exhausted.\n"
    assert "Exhaustion and overwork" in [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]


@pytest.mark.parametrize("text, label", [
    # Who was told is not who tells: the admission that follows is the writer's.
    ("Board letter\n\nI accept that the board was told late, and that is on me; I should have briefed you "
     "in September.\n", "Owning mistakes"),
    # After what others said, the writer speaks again in a clause of their own.
    ("Feedback\n\nThe team said the rota was unfair, and I was frustrated by it too. The team said the rota "
     "was unfair, and I was frustrated by it too.\n", "Frustration"),
    # A feeling that moves the writer, in a clause after what others said.
    ("Code review\n\nThe backlog grew in June. Ravi mentioned that he now avoids sending you his changes, "
     "and that worries me.\n", "Worry and concern"),
])
def test_a_feeling_the_writer_states_beside_a_telling_is_the_writers(analyzer, text, label):
    assert label in [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]


def test_a_feeling_of_the_writers_own_beside_the_readers_is_the_writers(analyzer):
    text = ("Rota change\n\nThe new rota starts on 3 March. I am angry that we have to change it again, and "
            "some of you will be angry too. I am frustrated with how this was decided.\n")
    labels = [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]
    assert "Frustration" in labels and CALM_LABEL not in labels


@pytest.mark.parametrize("text", [
    "Minutes of the safety committee\n\nPresent: Joanna, Samuel, Ingrid\nApologies: Peter Mulligan\n\n"
    "The fire door on level 2 was repaired on 18 September. The next meeting is on 13 November.\n",
    "Post-incident review\n\nIncident ID: INC-2024-0931\nIncident severity: SEV-2\n\n"
    "The payments API returned errors for 47 minutes. The certificate was renewed at 10:25.\n",
    "# Steering group notes\n\n**Chair:** Dr Anjali Mehta\n**Apologies:** Dr Catherine Moore\n\n"
    "The fire door on level 2 was repaired on 18 September. Ruth Kingsley sent her apologies, and "
    "apologies were received from Steve Wade. The next meeting is on 13 November.\n",
])
def test_a_lines_label_shows_no_feeling(analyzer, text):
    assert [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]] == [CALM_LABEL]


def test_politeness_in_instructions_is_no_plea(analyzer):
    text = ("Office move\n\nWe move to the new office on Monday 6 October. Please pack your desk into the "
            "crates by Friday. Please take laptops home over the weekend.\n")
    assert [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]] == [CALM_LABEL]


def test_a_request_put_politely_is_no_thanks(analyzer):
    sentence = "I would appreciate clearer priorities when two requests arrive on the same day."
    labels = [t["label"] for t in analyzer.analyze(f"Notes\n{sentence} {sentence}\n")["takeaways"]["emotional"]]
    assert "Gratitude and thanks" not in labels


@pytest.mark.parametrize("text, label", [
    ("Incident\nWe are sorry for the outage on Tuesday and for how long it took us to tell you.\n", "Apology"),
    ("Outcome\nThankfully no customer data was exposed, and service was back to normal within the hour.\n",
     "Relief"),
    ("Policy\nWe will not tolerate harassment of any kind at our events, and there are no exceptions.\n",
     "Firmness and conviction"),
    ("Release\nThe release slipped a second time because I skipped the last review. I'm so sorry.\n", "Apology"),
    ("Hiring\nIf the freeze lasts past June, we risk losing two more senior engineers to other teams.\n",
     "Worry and concern"),
    ("Prototype\nThe vendor's tool cannot export our data, so it is back to the drawing board for the pilot.\n",
     "Sadness"),
    # A failing the writer admits is owned, not a threat of failure.
    ("Keynote\nA speaker mocked attendees on our stage, and we failed to stop it. It should never have "
     "happened.\n", "Owning mistakes"),
    # A negated feeling word can name the feeling: not feeling safe is fear (here one she told of).
    ("Exit notes\nShe said she did not feel safe raising concerns with her manager, and never felt safe in "
     "the weekly review either.\n", "Worry and concern, others report"),
    ("Exit notes\nHe never felt valued by the leads, and in the reviews he did not feel heard at all.\n",
     "Feeling treated unfairly"),
    # A farewell's sadness, and a firmness said as seriousness.
    ("Farewell\nToday is my last day. I will miss working with all of you, and it breaks my heart to go.\n",
     "Sadness"),
    ("Security\nWe take every report very seriously, and this was not a decision we took lightly.\n",
     "Firmness and conviction"),
    ("Lab safety\nThis is not optional, and the decision is final.\n", "Firmness and conviction"),
    ("Layoffs\nWe understand how hard this news is for you. Our priority is the wellbeing of everyone affected.\n",
     "Care for people"),
    ("Outage\nWe owe you an explanation for Tuesday, and a full account follows below.\n", "Owning mistakes"),
    # A negation that says the feeling is at its height.
    ("Results\nI could not be happier with how the launch went.\n", "Enthusiasm"),
    ("Reorg\nWe were blindsided by the announcement on Friday, and nobody on the team had been asked.\n",
     "Frustration"),
    # Feelings said through what is missing: a break, the bandwidth, the right person.
    ("Rota\nI have not had a proper break in months, and I am at my wits' end with the pager.\n",
     "Exhaustion and overwork"),
    ("Roadmap\nWe simply do not have the bandwidth for a fourth project this quarter.\n", "Stress and capacity"),
    ("Team lead\nI am not sure I am the right person to lead this, and I doubt I can do it alone.\n", "Self-doubt"),
    ("Launch\nWe could not have done it without you, and hats off to the support crew.\n", "Gratitude and thanks"),
    # Grief and farewell, reassurance, being passed over.
    ("Farewell\nWe are deeply saddened by the news of her passing last week.\n", "Sadness"),
    ("Leaving\nI will miss working with every one of you.\n", "Sadness"),
    ("Breach\nThe incident is contained, no customer data was exposed, and your jobs are safe.\n", "Reassurance"),
    ("Reorg\nWe were never consulted about the change, and it is another reorg nobody asked for.\n",
     "Feeling treated unfairly"),
    # A choice made reluctantly, a value held, gladness at a response, uncertainty admitted.
    ("Rename\nMoving the repository is not a first choice, and it was a hard decision for the team.\n", "Sadness"),
    ("Privacy\nYour privacy is important to us, and it is important to me that we say so plainly.\n",
     "Firmness and conviction"),
    ("Launch\nThe response was huge, and the turnout was amazing at every meetup.\n", "Enthusiasm"),
    ("The fork\nThe panel does not have all the answers on pricing, and I do not have all the answers on timing.\n",
     "Self-doubt"),
])
def test_the_register_of_workplace_writing_has_its_feelings(analyzer, text, label):
    labels = [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]
    assert label in labels


@pytest.mark.parametrize("text, not_meant", [
    ("Tools\nThanks for nothing, the new tool deleted half our tickets on its first day.\n", "Gratitude and thanks"),
    ("Reorg\nOh great, another reorg announced on a Friday afternoon. Just what we needed.\n", "Enthusiasm"),
    ("Reviews\nLet us skip the review again, because that worked so well last time.\n", "Pride in the work"),
], ids=["thanks", "enthusiasm", "pride"])
def test_praise_said_to_mean_its_opposite_is_sarcasm(analyzer, text, not_meant):
    labels = [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]
    assert "Sarcasm" in labels and not_meant not in labels


def test_a_feelings_words_keep_the_pronoun_i_as_written(analyzer):
    text = "Release\nThe release slipped a second time because I skipped the last review. I'm so sorry.\n"
    apology = next(t for t in analyzer.analyze(text)["takeaways"]["emotional"] if t["label"] == "Apology")
    assert apology["words"] == ["I'm so sorry"]


def test_sorry_to_hear_is_sympathy_not_an_apology(analyzer):
    text = ("Office update\nWe were very sorry to hear that the Lisbon office flooded last week. "
            "Everyone there is safe, and the team works from home until the repairs are done.\n")
    labels = [t["label"] for t in analyzer.analyze(text)["takeaways"]["emotional"]]
    assert "Care for people" in labels and "Apology" not in labels


def long_calm_note(extra: str) -> str:
    """One long untitled section of calm prose (about 500 words) with ``extra`` in its middle."""
    prose = " ".join(line for line in ANNOUNCEMENT.splitlines()[3:] if line.count(" ") > 4)
    return f"Retiring the Orbit dashboard\n\n{prose} {prose} {extra} {prose}\n"


@pytest.mark.parametrize("said, label", [
    ("We are sorry for the short notice.", "Apology"),
    # Said with a participle, as the parser reads "we were …" and notes typed in lower case.
    ("We were frustrated by the delays.", "Frustration"),
    ("i was really annoyed at myself for the delays.", "Frustration"),
    # A verdict only the writer can give, worded impersonally or as what they find.
    ("It is disappointing that nobody asked the support team first.", "Sadness"),
    ("It was frustrating to watch the release slip again.", "Frustration"),
    ("Frankly, I find this frustrating.", "Frustration"),
    # An apology offered as the writer's own noun.
    ("First, my apologies for the silence on the migration.", "Apology"),
])
def test_a_feeling_the_writer_states_of_themselves_is_named_in_a_long_calm_text(analyzer, said, label):
    labels = [t["label"] for t in analyzer.analyze(long_calm_note(said))["takeaways"]["emotional"]]
    assert label in labels and CALM_LABEL not in labels


@pytest.mark.parametrize("said", [
    "The vendor is sorry for the short notice.",
    "It is not disappointing that the vendor asked the support team first.",
    "The vendor said it was frustrating to watch the release slip again.",
    "The vendor sent its apologies for the short notice.",
    # a clause the parser hangs under "find" is no verdict: only what is found so
    "Several of us worked late for weeks, and I find this phrasing odd.",
])
def test_the_same_word_not_said_of_the_writer_stays_below_its_threshold(analyzer, said):
    report = analyzer.analyze(long_calm_note(said))
    assert [t["label"] for t in report["takeaways"]["emotional"]] == [CALM_LABEL]


OUTAGE_NOTE = ("Wiki outage on the weekend\n\n"
               "Our wiki was unavailable from Friday evening to Sunday morning. The database server that hosts it "
               "lost a disk during a routine backup, and the restore from the nightly copy took most of Saturday. "
               "The wiki came back at 9 AM on Sunday, and no pages were lost.\n\n"
               "We will add a second disk to the server next month and test restores every quarter. {closing}\n")
THANKS = "We thank the storage team at the university lab for their help through the night."


def test_one_sentence_of_thanks_closing_a_short_note_leaves_it_calm(analyzer):
    report = analyzer.analyze(OUTAGE_NOTE.format(closing=THANKS))
    assert [t["label"] for t in report["takeaways"]["emotional"]] == [CALM_LABEL, "Gratitude and thanks"]


def test_two_gentle_feelings_each_said_once_are_a_warmth_the_note_shows(analyzer):
    closing = f"{THANKS} We are proud of how calmly the on-call team worked."
    labels = [t["label"] for t in analyzer.analyze(OUTAGE_NOTE.format(closing=closing))["takeaways"]["emotional"]]
    assert labels == ["Gratitude and thanks", "Pride in the work"]


def test_a_feeling_found_in_the_main_point_points_to_it_instead_of_quoting_it_twice(analyzer):
    text = ANNOUNCEMENT.replace("We will retire the Orbit dashboard on 30 June.",
                                "We are happy to retire the Orbit dashboard on 30 June.")
    takeaways = analyzer.analyze(text)["takeaways"]
    main, (calm, feeling) = items_of(takeaways)[0], takeaways["emotional"]
    assert calm["label"] == CALM_LABEL, "one gentle feeling stated once leaves the memo calm"
    assert main["evidence"][0]["line"] == 4
    assert feeling["evidence"] == []
    assert feeling["summary"] == "“happy to”, in the sentence quoted above (line 4)"


def test_a_main_point_that_takes_nearly_every_word_still_leaves_room_for_the_feeling_in_it(analyzer, budgeted):
    text = ("Team news\n\nWe are so grateful and proud to announce that Ana Ruiz, who has run the invoicing desk in "
            "Lisbon for six years, has joined the billing team as its new lead from Monday.\n\n"
            + "The billing team runs the ledger, the invoices and the monthly close for every region. " * 5 + "\n")
    main_words = digest_words(items_of(analyzer.analyze(text)["takeaways"])[0])
    tight = budgeted(main_words + 6).analyze(text)["takeaways"]
    assert [(t["label"], t["summary"]) for t in tight["emotional"]] == [("Gratitude and thanks", "“grateful” (line 3)")]
    # With a few words more, it says where the word stands.
    roomy = budgeted(main_words + 11).analyze(text)["takeaways"]
    assert [t["summary"] for t in roomy["emotional"]] == ["“grateful”, in the sentence quoted above (line 3)"]


def test_a_feeling_named_by_its_words_cites_every_line_that_holds_them(budgeted):
    text = ("Rota review\n\nWe will move to a new rota on 1 May. I am anxious that it leaves nights short.\n\n"
            + "The rota covers seven days and three shifts a day, with two people a shift. " * 6 + "\n\n"
            "The leads are nervous about the handover at six.\n")
    # A budget with no room left for a quote of the feeling once the gists are in.
    worry = next(t for t in budgeted(50).analyze(text)["takeaways"]["emotional"]
                 if t["label"] == "Worry and concern")
    assert worry["evidence"] == [] and worry["summary"] == "“anxious”, “nervous” (lines 3, 7)"


@pytest.mark.parametrize("bullet", ["●", "–", "■"])
def test_a_list_a_word_processor_or_an_e_mail_marks_is_the_main_point_with_its_lead_in(analyzer, bullet):
    memo = (f"Support this quarter\n\nWe are changing two things in how support works this quarter:\n\n"
            f"{bullet} Every ticket older than 14 days gets a named owner by Friday.\n"
            f"{bullet} The weekend rota moves from volunteers to a paid on-call rotation.\n\n"
            f"Thanks for the extra hours this spring; the backlog is half what it was in March.\n")
    main = items_of(analyzer.analyze(memo)["takeaways"])[0]
    quote = main["evidence"][0]["text"]
    assert quote.startswith("We are changing two things") and "Every ticket older" in quote
    assert bullet not in quote


def test_a_sign_off_with_its_signature_on_one_line_is_never_quoted(analyzer):
    letter = ("Why we paused the sponsorship\n\nWe have ended our partnership with the vendor after the "
              "incident at its offices.\n\nWe will not work with them while the matter is unresolved.\n\n"
              "Signed, -- The Executive Council and the Executive Director\n")
    quoted = quotes_of(items_of(analyzer.analyze(letter)["takeaways"]))
    assert quoted and not any("Signed" in q for q in quoted)


@pytest.mark.parametrize("question, answer", [("Q:", "A:"), ("Question:", "Answer:")])
def test_an_answers_label_in_interview_notes_is_not_quoted(analyzer, question, answer):
    notes = (f"Exit interview\n\n{question} Why are you leaving?\n{answer} The on-call load doubled this year, "
             "and nobody backfilled the two open roles on the payments team.\n")
    quoted = quotes_of(items_of(analyzer.analyze(notes)["takeaways"]))
    assert any(q.startswith("The on-call load doubled") for q in quoted)
    assert not any(q.startswith((question, answer)) for q in quoted)


# The sentence a digest opens with, and what it is preferred over.
MAIN_POINTS = {
    "not a table of contents": (
        "Code of conduct update\n\n"
        "This post explains what changed in the code of conduct, how to report a problem from now on, and what "
        "happened with last year's reports. The revised code of conduct was adopted by the core team on 9 "
        "September and took effect on 1 October.\n\nIt now covers in-person meetups as well as online spaces.\n",
        "The revised code"),
    "not a look ahead at the text itself": (
        "The parser flaw and your clusters\n\n"
        "A flaw in the config parser lets a crafted file run commands on the host. In this post, we will look "
        "closely at which services are exposed to the flaw and how to close the gap.\n\nRelease 4.2 fixes the "
        "parser, and every supported branch gets the fix this week.\n",
        "A flaw in the config parser"),
    "not a note that the text will be amended": (
        "Upload token exposed\n\n"
        "During an audit, a contractor found a misconfigured runner that exposed the upload token to every "
        "maintainer from 10 February to 1 April. A CVE has been requested, and we will amend this announcement "
        "when it is assigned. No package was changed in that time.\n\nWe rotated the token on 1 April.\n",
        "During an audit"),
    "not a wish to explain": (
        "The hosting terms and our channel\n\n"
        "Several people have raised questions with us in private. We would like to explain how the channel "
        "is hosted, how the new hosting terms affect it, and what we plan to do. The new terms do not apply "
        "to the channel or to any package in it.\n\nWe have no money for hosting of our own yet.\n",
        "The new terms do not apply"),
    "not decision words in an aside": (
        "The pilot that missed its date\n\n"
        "Last month the vendor we hired for the reporting pilot missed its delivery date by three weeks. "
        "Northwind (which announced and launched the reporting platform last year) runs it for four teams.\n\n"
        "We met with the vendor twice and wrote down what each side expected at each step.\n",
        "Last month the vendor"),
    "not a sentence that adds to the point": (
        "Changes to the on-call rota\n\n"
        "From 1 May, on-call shifts will be twelve hours long instead of twenty-four. "
        "Additionally, we propose that each shift ends with a short written handover.\n\n"
        "The rota tool already supports shorter shifts, and the team leads have agreed the new times.\n",
        "From 1 May"),
    "a change told from its date, over background": (
        "Changes to the build service\n\nThe build service has grown over the last three years and now "
        "serves forty teams. Starting on 1 October 2025, each team's build minutes will be charged to that "
        "team's budget.\n\nTeams can see their minutes on the usage page, which is updated every hour.\n",
        "Starting on 1 October 2025"),
    "a project put in maintenance mode, over background": (
        "Status of the parser library\n\nThe parser library has been used by thousands of teams since "
        "2014, and we are glad it helped so many of them. It reads four file formats and runs on every "
        "major platform.\n\nAfter a long discussion, we now consider the library to be in "
        "maintenance mode. Security fixes will still ship.\n",
        "After a long discussion"),
    "the writer's own summary, over a request at the end": (
        "# Q2 status: data platform\n\n**Summary:** The warehouse migration is two weeks behind plan because "
        "the vendor's connector failed load testing.\n\n## Risks\n\n- The vendor has not confirmed a fix "
        "date.\n\n## Asks\n\nWe need a decision from finance on the extra month of licence fees by July 10.\n",
        "Summary: The warehouse migration"),
    "not the salutation of a letter": (
        "Subject: Apology for the keynote at the summit\n\nTo everyone who attended the summit last week,\n\n"
        "During Thursday's keynote, a speaker made jokes that demeaned part of our community. We are sorry "
        "to everyone who was hurt.\n\nWe have removed the recording, and the speaker will not be invited "
        "back.\n\nThe summit organizers\n",
        "During Thursday's keynote"),
    "a reorganisation, over the background that opens it": (
        "ENGINEERING TEAM CHANGES\n\nFrom: Rafael Mendes, VP Engineering\nTo: All Engineering\n\n"
        "WHY WE ARE CHANGING\n\nOver the last year the product has grown from two customer segments to five. "
        "Our team structure has not kept up: three squads share the checkout flow, and incidents bounce between "
        "teams. We want each area to have one owning team.\n\nWHAT IS CHANGING\n\nWe are moving from component "
        "teams to product teams. Four new teams will be formed: Checkout, Accounts, Tools and Platform.\n",
        "We are moving from component teams"),
    "a decision declined, over the meeting proposed after it": (
        "Hi Jordan,\n\nThank you for the careful case for promotion. We are not going to move forward "
        "with the promotion this cycle. Your work on the pricing model was excellent.\n\n"
        "Let's meet next week to agree on one project you can own end to end.\n\nBest,\nElena\n",
        "We are not going to move forward"),
    "the sentence a lead-in hands over to, over the feeling that follows": (
        "Subject: The rota changes\n\nI have raised this in three one-to-ones, so here it is plainly:\n"
        "I want the weekend allowance paid before the new rota starts.\n\nLast month four of us covered "
        "eleven weekend shifts. I am tired of learning about changes from a calendar invite.\n",
        "I want the weekend allowance paid"),
    "not a greeting that opens the text": (
        "# Finance update, October\n\nHello everyone, and welcome to the October update of the finance "
        "team. It has been a steady month.\n\nThe September close finished on working day 5, on schedule.\n",
        "The September close"),
    "the purpose a letter states, over the detail after it": (
        "Formal grievance\n\nTo: Rebecca Thornton\nFrom: Marcus Ellis\nDate: 3 June 2024\nSubject: Formal "
        "grievance regarding shift allocation by my line manager\n\n1. I am writing to raise a formal grievance "
        "under section 4 of the company procedure. I have tried to resolve this informally.\n\n2. Since February "
        "2024 my line manager has allocated me to the night shift in eleven of the last fourteen weeks.\n",
        "I am writing to raise"),
    "a refusal, over the feeling that follows": (
        "Subject: The rota changes\n\nI have raised this in three one-to-ones. I will not sign off on the new "
        "rota until the weekend allowance is paid.\n\nLast month four of us covered eleven weekend shifts. "
        "I am frustrated, and frankly I am tired of finding out about changes from a calendar invite.\n",
        "I will not sign off"),
    "a change dated by its month, over a year in the background": (
        "Funding update\n\nFrom June the project pays its three maintainers from donations alone.\n\n"
        "Looking back\nIn 2019 the first maintainer left his job to work on the project full time, paid by a "
        "grant that ended a year later. Two more maintainers joined on a part-time rate the next spring.\n\n"
        "Where we are\nDonations now cover about half of what the three maintainers are paid.\n",
        "From June the project pays"),
    "the meeting's decision as minutes record it, over the report before it": (
        "Platform guild, notes of 3 March\n\n1. Log retention\nBo showed that logs are 41% of our storage "
        "bill. Agreed to cut retention for debug logs from 90 to 30 days.\n\n2. Upgrade\nThe staging "
        "cluster runs the new version without issues.\n",
        "Agreed to cut retention"),
    "an approval told as a green light, over what the project does": (
        "Kick-off: the planner\n\nI could not be more excited to write this. After a year of prototypes, the "
        "planner has a green light and a team. The planner puts routes on the drivers' phones, so they can "
        "replan when a road closes.\n\nIn the pilot, missed delivery windows fell by a fifth.\n",
        "After a year of prototypes"),
    "the point a hand-over gives, over the detail that names the title's words": (
        "Subject: Feedback on the roadmap process\n\nHi Chris,\n\nYou asked for honest feedback after the "
        "planning week, so here it is. I felt that the concerns our team raised were set aside. The roadmap "
        "now promises two new customers in Q3, and nobody on our team was asked how we would get there.\n\n"
        "Thanks,\nAmara\n",
        "I felt that the concerns"),
    "a resignation, over the new role that explains it": (
        "Dear Maria,\n\nPlease accept this letter as my formal resignation from my position as Senior "
        "Analyst. My last day will be Friday 28 February.\n\nI have accepted a role closer to my family in "
        "Lisbon.\n\nKind regards,\nAna\n",
        "Please accept this letter"),
    "a fact, over a decision the text only supposes": (
        "Warehouse space\n\nOrders grew 28% this year, and the site has 400 spare pallet positions. If the "
        "board decides to close the Leeds depot, we will need about 2,000 more by autumn.\n\nThe unit next "
        "door has space for 1,500 pallets.\n",
        "Orders grew 28%"),
    "a fact, over an agreement the writer is unsure of": (
        "Warehouse space\n\nOrders grew 28% this year, and the site has 400 spare pallet positions. I am not "
        "certain the landlord will agree to a two-year lease on the unit next door.\n\nThe unit next door has "
        "space for 1,500 pallets.\n",
        "Orders grew 28%"),
    "a change told in the part so titled, over the background that opens the notice": (
        "Free build minutes\n\n1. Background\n\nSince 2019, every public repository has had unlimited build "
        "minutes on our shared runners. We started the programme because we believed that maintainers should "
        "not pay to test their work. For five years that was affordable. Usage on the free tier grew by 340% "
        "last year, while the number of public repositories grew by 18%. A few accounts ran miners disguised "
        "as test suites. Others mirrored private projects to avoid paying. Last quarter, the free tier cost "
        "more than our payroll. We looked at every option.\n\n2. What is changing\n\nStarting 1 November, "
        "public repositories will receive 6,000 free build minutes a month.\n",
        "Starting 1 November"),
    "the news, over a reproach that follows on from it": (
        "Subject: Invoice export broke again\n\nTom,\n\nI just heard from the account manager that 212 "
        "customers were charged twice for February. This is the third time since November that the export has "
        "failed without anyone noticing.\n\nI am not blaming you personally. But I was promised after the "
        "December incident that the duplicate check would be in place by the end of January, and it is "
        "not.\n\nPriya\n",
        "I just heard"),
    "a departure told as leaving, over a closure added beside it": (
        "Changes this summer\n\nThis is a letter I have put off writing for a while. After six years as "
        "director, I will be leaving the trust on 31 August. Alongside this, and with real sadness, we are "
        "closing the Friday drop-in at the end of term.\n\nThe drop-in lost its grant in March.\n",
        "After six years as director"),
    "an election's result, over a process adopted beside it": (
        "Council election and complaints process\n\nTurnout this year was 41%, up from 33%. Dana Ilic and "
        "Lee Osei have been elected to the two open council seats. The council has also adopted a new process "
        "for handling complaints.\n\nThe new terms start on 1 April.\n",
        "Dana Ilic and Lee Osei"),
    "a request a letter states as its purpose, over the reason for writing jointly": (
        "Re: The support rota\n\nWe are writing to ask you to cap evening shifts at two a month. Our survey "
        "found that nine of twelve people had worked more than four. We are raising this together because "
        "separate requests last year did not lead to any change.\n\nThe survey ran in February.\n",
        "We are writing to ask you"),
    "an event dated after its weekday, over a measure decided later": (
        ("Update from the infrastructure team\n\nOn Tuesday, Oct 14, starting at about 14:00 UTC, the package "
         "registry stopped accepting uploads. A script had sent thousands of empty packages.\n\nWe decided "
         "to act because:\n\n- the packages posed as ours\n- uploads failed for everyone\n\nWhat we will change"
         "\n\nWe will be introducing rate limits on the upload endpoint for every account.\n"),
        "On Tuesday, Oct 14"),
    "a change from the next release, over a background that names the release twice": (
        ("Tracking changes for 2.6\n\nContext\n\nFor six years the release crew kept a shared sheet to "
         "track features for the release. The sheet has grown hard to keep current.\n\nStarting with the 2.6 "
         "release, we are replacing the sheet with a project board.\n"),
        "Starting with the 2.6 release"),
    "a summary written as a label in lower case, over the reasons after it": (
        ("Retiring the reading group\n\n**tl;dr:** we are retiring the reading group and moving its sessions "
         "into the monthly all-hands.\n\nFrom our side, attendance has fallen for a year. Fewer people can give "
         "it the time it needs, and the separate slot now gets in the way more than it helps.\n"),
        "tl;dr: we are retiring the reading group"),
    "a summary part's first paragraph, over an aside in its second": (
        ("Phishing attack: incident report\n\n# Incident report\n\nLast week a phishing attack on our users "
         "by e-mail was uncovered.\n\n## Summary\n\n* 3 accounts were phished and have been disabled\n"
         "* 1 token was created by the attackers and has been revoked\n\nThis appears similar to a recent "
         "incident at another registry, where attackers compromised popular packages to spread malware.\n\n"
         "## Timeline\n\nThe first report arrived on Monday morning.\n"),
        "3 accounts were phished"),
    "an outage told as a site that went down, over the sentence that says when it ended": (
        ("Mirror outage\n\nOn 3 May at 02:10 UTC the download site went down because its database ran out of "
         "connections. Older copies kept serving cached files.\n\nThe mirror outage ended at 04:10, after we "
         "restarted the database.\n"),
        "On 3 May at 02:10 UTC"),
    "staff who depart, over the strategy that prompted it": (
        ("Upcoming changes to the volunteer programme\n\nThe trust is adopting a new strategy for 2026. As part "
         "of that strategy, Mara Lind, Tom Osei and I will have departed the trust by the end of March. From "
         "April the two remaining staff will look after the shop and the garden.\n\nProgramme\n\nThe volunteer "
         "programme stays central to our work, and the weekly call carries on as before.\n"),
        "As part of that strategy, Mara Lind"),
    "the writer's announcement after a day that sets the scene, over the successor named later": (
        ("A note from me\n\nToday is the first day of spring, and with a heavy heart I would like to announce "
         "that I am stepping down as lead of the choir. Some of you may have seen this coming.\n\nI have "
         "decided that Teo Sands will take over as lead from May.\n"),
        "Today is the first day of spring"),
}


@pytest.mark.parametrize("text, opening", MAIN_POINTS.values(), ids=MAIN_POINTS.keys())
def test_the_digest_opens_with_the_sentence_that_states_the_point(analyzer, text, opening):
    assert main_quote(analyzer, text).startswith(opening)


# Sentences that say nothing of their own, and the words each opens with: never a gist.
NEVER_GISTS = {
    "a pointer to what follows": (
        ("Changes to the release schedule\n\nThe project will move its release dates to give the team "
         "more time while many of us work reduced hours. The changes to each release line are detailed below.\n\n"
         "Version 3\nThe next release of version 3 moves from 2 June to 16 June.\n\n"
         "Version 4\nVersion 4 keeps its date, and its support period is unchanged.\n"),
        "The changes to each"),
    "a thought left unfinished": (
        "Moving the build farm\n\nThe farm moves to the new region in June.\n\n"
        "What we heard\n"
        "The platform team would own the runners and the caches for every product team. "
        "Effectively moving the whole burden onto one small team\n"
        "Teams that need more minutes can ask the platform group, which answers within two days.\n",
        "Effectively moving"),
    "a sentence that only points ahead": (
        "Release review\n\nThe release shipped on 5 April, two weeks after the date we first announced.\n\n"
        "What went right\n"
        "Here’s what went as we planned in this release. "
        "Each change updated the upgrade notes in the same commit, so the notes were never out of date. "
        "Every breaking change had a codemod that rewrote old configuration files automatically.\n",
        "Here’s what"),
    "the end of someone else's words": (
        "Release review\n\nThe release shipped on 5 April, two weeks after the date we first announced, "
        "and most teams upgraded within a month of it.\n\n"
        "Documentation\n"
        "Most users asked for help in the chat before they read the guide, and many never opened it at all. "
        "As one user wrote: “I cannot spend an afternoon on the guide to learn which settings changed. "
        "Just do it for me, please.”\n\n"
        "Tooling\nWe will ship a tool that rewrites old configuration files, so nobody has to read the guide "
        "to upgrade. It will run in the browser and on the command line.\n",
        "Just do it"),
    "a sentence that leans on the ones around it": (
        "Support review\n\nThe support rota moves to the platform team from 1 March, and the product team "
        "keeps only its own alerts.\n\n"
        "What the team did\n"
        "For two years the platform engineers debugged client code they had never written, and fixed "
        "incidents that other teams owned, on evenings and weekends. And they never complained about it. "
        "Perhaps we should look into that.\n\n"
        "What changes\nEach team answers its own alerts, and the platform team answers only for the "
        "shared services it runs.\n",
        "And they never"),
    "a sentence that names who acted and on what only by pointing back": (
        "Exposed password\n\nOn 3 May a contractor noticed that the password for the staging database was "
        "visible on a public wiki page. She sent this to our IT help desk. Within two hours the password was "
        "changed on every server, and the wiki no longer shows its pages or their history to anyone outside the "
        "company.\n\n"
        "What changes\nEvery password now expires after ninety days, and only two administrators can set one.\n",
        "She sent"),
    "a salutation that names everyone it greets": (
        "A letter from our director\n\nTo the volunteers, staff, funders and families of the Riverside "
        "Reading Project,\n\nAfter six years as director, I will be leaving the project on 31 August.\n\n"
        "The board will appoint an interim director in July, and the search for a permanent director "
        "opens in September.\n",
        "To the volunteers"),
    "who took the notes": (
        "TOWN HALL NOTES - Finance, 12 June 2025\nNotes taken by the People team. Questions were sent in "
        "advance.\n\nOpening remarks\nThe finance director confirmed that the Krakow office will run accounts "
        "payable from October. No one will be asked to leave before March.\n\nQ: How many roles are "
        "affected?\nA: Fourteen roles are in scope.\n",
        "Notes taken"),
    "a name signed after a dash, with no sign-off above it": (
        "Build minutes\n\nFrom 1 November each public repository gets 6,000 free build minutes a month.\n\n"
        "Feedback\n\nWe are not going to pretend this is good news. We will publish the real figures in "
        "December.\n\n— Marta Kowal, Head of Developer Platform\n",
        "— Marta"),
    "a closing cheer": (
        "Leaving the foundation\n\nAfter four years as director, I am leaving the foundation at the end of "
        "June. The board will name an acting director next week.\n\nThe community grew from two hundred to "
        "four thousand members while I was here. Keep up the great work, all of you.\n",
        "Keep up the great work"),
    "a list item that only gives a time": (
        "Registry outage report\n\nWe are moving the registry to a new host on 1 April, after three outages "
        "this month. The cause was a database that had run out of disk.\n\nTimeline\n\nBetween 4 March and "
        "15 March the registry went down for hours at a time on three separate days, while the database kept "
        "filling its disk faster than the nightly clean-up could free it again:\n\n"
        "1. 4 March -- 06:10 to 07:40 UTC\n2. 13 March -- 14:20 to 17:05 UTC\n3. 15 March -- 21:15 to 23:50 UTC"
        "\n\nFollow-up\n\nWe added an alert on free disk space. The team also wrote a runbook for the next "
        "time.\n",
        "13 March --"),
}


@pytest.mark.parametrize("text, opening", NEVER_GISTS.values(), ids=NEVER_GISTS.keys())
def test_a_sentence_that_says_nothing_of_its_own_is_never_a_gist(analyzer, text, opening):
    quotes = quotes_of(items_of(analyzer.analyze(text)["takeaways"]))
    assert quotes and not any(q.startswith(opening) for q in quotes)


MEETING_NOTES = ("# Notes from the planning meeting\n\nAttendees: Priya Raman, Omar Haddad, Sean Brody\n"
                 "Location: Room 4\n\n## Actions\n\n- Priya to follow up with legal by Friday.\n"
                 "- Omar to draft the hiring plan.\n- Sean will review the budget before it goes to finance.\n")


@pytest.mark.parametrize("notes", [MEETING_NOTES, MEETING_NOTES.replace("Location: Room 4\n", "")],
                         ids=["a block of fields", "one field the lexicon knows"])
def test_the_fields_under_the_title_are_never_quoted(analyzer, notes):
    quotes = quotes_of(items_of(analyzer.analyze(notes)["takeaways"]))
    assert quotes and not any(q.startswith(("Attendees", "Location")) for q in quotes)


def test_a_list_quoted_whole_separates_its_items_without_their_stops(analyzer):
    quotes = quotes_of(items_of(analyzer.analyze(MEETING_NOTES)["takeaways"]))
    listed = next(q for q in quotes if q.startswith("Priya to follow up"))
    assert listed.startswith("Priya to follow up with legal by Friday; Omar to draft the hiring plan; ")


def test_the_items_of_a_list_whose_lead_in_shares_the_main_points_paragraph_can_be_gists(analyzer):
    # The lead-in stands on the main point's line, but its items stand on their own lines,
    # unquoted: they are the reasons a reader wants next, not a repeat of the main point.
    text = ("Retiring the weekly digest\n\n"
            "On May 1 we will stop mailing the weekly digest of code changes that every engineer has "
            "received since 2016. The decision comes down to three reasons:\n\n"
            "- Most engineers now follow code changes in the chat channel, where each one is posted as it lands.\n"
            "- Building the digest by hand takes one engineer most of every Friday afternoon.\n"
            "- The mailing tool it depends on loses vendor support in June.\n\n"
            "The archive of past digests stays on the wiki for anyone who wants to look something up. "
            "Teams that want a summary of their own can subscribe to the changes feed for their repositories.\n")
    quotes = digest_quotes(analyzer.analyze(text)["takeaways"])
    assert "Building the digest by hand takes one engineer most of every Friday afternoon." in quotes


def test_the_texts_a_reading_list_points_to_are_never_quoted(analyzer):
    text = ("Why we are moving off the old scheduler\n\n"
            "The old scheduler cannot run jobs across regions, and its last release was three years ago. "
            "From June, every team schedules its jobs with the new service.\n\n"
            "If you liked this, you might want to read:\n\n- Scheduling at scale, part one\n"
            "- Ten reasons schedulers fail\n"
            "- Our scheduler journey\n\n"
            "Teams that need help with the move can book an hour with the platform group each week.\n")
    quotes = " ".join(quotes_of(items_of(analyzer.analyze(text)["takeaways"])))
    assert "Ten reasons" not in quotes and "part one" not in quotes and "journey" not in quotes
    assert "book an hour" in quotes


@pytest.mark.parametrize("lead_in", ["In this post I will explain:", "This note covers:"])
def test_the_contents_a_text_announces_for_itself_are_never_quoted(analyzer, lead_in):
    text = ("Retiring the old scheduler\n\n"
            "We are retiring the old scheduler at the end of June. Because we are an open team, I want to be "
            f"clear about what this change means for you. {lead_in}\n\n"
            "1. Why the scheduler is being retired\n2. How the retirement affects teams with nightly jobs\n"
            "3. The help teams with nightly jobs can get during the move\n\n"
            "Important: right now about 4% of teams use the old scheduler, so this change affects few of them. "
            "We remain committed to supporting nightly jobs.\n\n"
            "Why\n\nThe old scheduler cannot run jobs across regions, and its last release was three years ago. "
            "The team that built it has moved on.\n\n"
            "Help\n\nTeams with nightly jobs can book an hour with the platform group each week until July.\n")
    quotes = " ".join(quotes_of(items_of(analyzer.analyze(text)["takeaways"])))
    assert lead_in not in quotes
    assert "affects teams" not in quotes and "The help teams" not in quotes and "being retired" not in quotes


def test_a_lead_in_is_never_quoted_without_what_it_leads_in_to(analyzer):
    text = ("Review of the outage\n\nThe outage lasted four hours and affected all customers in the region.\n\n"
            "What we found\n\nWe agreed on the following summary of the problem:\n\n"
            "The failover script assumed a database that had been retired a year before, and nobody had tested it since.\n")
    quotes = quotes_of(items_of(analyzer.analyze(text)["takeaways"]))
    assert "We agreed on the following summary of the problem:" not in quotes
    assert any(q.startswith("The failover script") for q in quotes)


@pytest.mark.parametrize("aside", [
    "Further details on the new release schedule can be found here.",
    "This text is placed in the public domain.",
    "Parts of this text were copied from another project and are used under their license.",
    "You can see every release date of the schedule on the release calendar.",
    "There is an announcement about the release schedule below, so read on!",
    "Continue reading for the history of the release schedule and what it replaces.",
    "This schedule was last updated on 2 March at 9 a.m., when the security release was added.",
    "Please stay tuned for the announcement of the next release dates.",
    "We will share the dates of every release in a future post.",
    "More details to follow on the release dates.",
    "Follow this blog for news as the release dates are decided.",
    "Please read the full release policy before you plan a release date.",
    "Please do read the release policy in full.",
    "For the full story of the release schedule, please see the planning notes.",
    "For more details on the release dates, see the release calendar.",
    "Please see the release team's documentation for information on how to change the release date.",
    "You will find the full release calendar here.",
    "The recording of the planning call is available here.",
    "Let's walk through the release dates one at a time.",
    "(Photo by Dana Lee on Unsplash.)",
    "See this list for every release date we have set.",
    "The story of how we chose the six weeks we wrote down here.",
])
def test_a_note_about_the_text_itself_is_never_quoted_even_with_decision_words(analyzer, aside):
    text = ("Release schedule\n\nFrom March, we will ship a release every six weeks instead of every month. "
            "Each release gets a two-week freeze before it ships, and security fixes ship at once.\n\n"
            f"Notes\n\n{aside} The release team reviews the schedule every quarter and may change it.\n")
    quotes = quotes_of(items_of(analyzer.analyze(text)["takeaways"]))
    assert aside not in quotes
    assert any(q.startswith("The release team reviews") for q in quotes)


def test_a_pointer_that_closes_its_paragraph_is_an_aside(nlp):
    text = ("Second audit of the scheduler\n\n"
            "The audit found ten issues, all of low severity, and eight are fixed already. "
            "You will find the full audit report here.\n\n"
            "We will fuzz the parser next, and the last two fixes ship in June.\n")
    pointer = next(c for c in quotable(nlp, text) if c.text.startswith("You will find"))
    assert pointer.aside


def test_a_line_of_nouns_that_ends_with_here_is_read_and_kept(nlp):
    text = "Release notes\n\nThe full report here.\n\nThe release moves to Tuesday.\n"
    listed = next(c for c in quotable(nlp, text) if c.text.startswith("The full report"))
    assert not listed.aside  # no verb sends the reader anywhere


@pytest.mark.parametrize("title", ["Additional reading", "Further Reading", "See also", "References",
                                   "For more information", "Previous related announcements"])
def test_the_titles_under_a_reading_list_are_never_quoted(analyzer, title):
    text = ("# Key exposed in a release\n\n## What happened\n\n"
            "On 3 May a release of the web client shipped with a storage key inside it. "
            "A reader told us the same evening, and we revoked the key within an hour.\n\n"
            "## What we changed\n\nRelease builds now run a scanner that fails on any key. "
            "Only the release robot can reach the storage buckets.\n\n"
            f"## {title}\n\n- Release security policy\n- Storage access guide for maintainers\n"
            "- Security mailing list archive\n")
    quotes = " ".join(quotes_of(items_of(analyzer.analyze(text)["takeaways"])))
    assert "Release security policy" not in quotes and "Storage access guide" not in quotes


@pytest.mark.parametrize("courtesy", [
    "Thank you for your patience and support this spring.",
    "Thanks for your understanding while the teams move over.",
])
def test_thanks_for_the_readers_patience_is_a_courtesy_not_a_point(analyzer, courtesy):
    text = ("Release schedule\n\nFrom March, we will ship a release every six weeks instead of every month.\n\n"
            "Each release gets a two-week freeze before it ships, during which only fixes for regressions found in "
            "the release candidate may land, and every fix needs a second reviewer from another team.\n\n"
            "Security fixes ship at once in a patch release, outside the schedule, and the release team writes an "
            "advisory for each of them within a day of the fix landing on the main branch.\n\n"
            "We are deeply grateful to the maintainers who ran the old schedule for nine years.\n\n"
            "The release team reviews the schedule every quarter with the maintainers of the largest projects and "
            f"may change it when the freeze proves too long or too short for them.\n\n{courtesy}\n")
    assert courtesy not in quotes_of(items_of(analyzer.analyze(text)["takeaways"]))


def test_the_documents_title_is_named_once_not_again_over_its_opening_part(nlp):
    text = ("# Moving the build farm\n\nThe build farm moves to the new data centre on 3 June.\n\n"
            "## What stays the same\n\nThe build queue and the caches keep their addresses.\n")
    view = DocView.of(nlp(text))
    found = parts(view, candidates(view.sentences, view.line_of, MainPointCues(DataText("cues.tsv", ""))))
    assert [(p.title, p.label) for p in found] == [("Moving the build farm", ""),
                                                   ("What stays the same", "What stays the same")]


def test_a_text_without_headings_is_one_part_whatever_its_paragraphs(nlp):
    # Parts made of runs of paragraphs lost key points on real letters: each run took a
    # gist of its own, however little it said.
    text = ("Hi all,\n\nThe support desk moves to the second floor on 3 June.\n\n* * *\n\n"
            "The phones and the queue keep their numbers. " + "We will share a floor plan soon. " * 12 +
            "\n\n* * *\n\nThanks for bearing with the noise while the movers work.\n")
    view = DocView.of(nlp(text))
    found = parts(view, candidates(view.sentences, view.line_of, MainPointCues(DataText("cues.tsv", ""))))
    assert len(found) == 1 and found[0].title is None


def test_a_quote_from_an_untitled_message_is_cited_without_brackets_in_brackets():
    item = {"role": "feeling", "label": "Frustration", "strength": 0.5, "summary": "",
            "evidence": [{"text": "This is the third slip this year.", "section": 2, "line": 9}]}
    assert digest_lines(item, {2: "(e-mail message)"})[1] == "  - “This is the third slip this year.” (*e-mail message*, line 9)"


def test_a_gist_cites_its_quotes_by_line_alone():
    # Under its part's title; or under the document's own, which the digest's titles leave out.
    item = {"role": "gist", "label": "What stays the same", "summary": "", "modality": "asserted",
            "evidence": [{"text": "The caches keep their addresses.", "section": 2, "line": 7}]}
    assert digest_lines(item, {2: "What stays the same"}) == [
        "- **What stays the same**: “The caches keep their addresses.” (line 7)"]
    item = {"role": "gist", "label": "", "summary": "", "modality": "asserted",
            "evidence": [{"text": "The build farm moves on 3 June.", "section": 1, "line": 3}]}
    assert digest_lines(item, {2: "What stays the same"}) == ["- “The build farm moves on 3 June.” (line 3)"]


def test_each_quote_of_a_gist_says_how_it_is_put_after_its_own_line():
    # The proposal is the second quote: its mark must not read as the first one's.
    item = {"role": "gist", "label": "Next steps", "summary": "", "modality": "asserted",
            "evidence": [{"text": "The queue grew by a third in May.", "section": 2, "line": 4,
                          "modality": "asserted"},
                         {"text": "We should add a second reviewer.", "section": 2, "line": 6,
                          "modality": "proposal"}]}
    assert digest_lines(item, {2: "Next steps"}) == [
        "- **Next steps**: “The queue grew by a third in May.” (line 4); "
        "“We should add a second reviewer.” (line 6) *(proposal)*"]


def test_a_gist_item_keeps_each_quotes_modality(budgeted):
    report = budgeted(200).analyze(
        "# Mirror move\n\nThe mirror moved to the new data centre on 3 May.\n\n## Next steps\n\nThe review "
        "queue grew by a third in May, to 412 open changes. We should add a second reviewer to every release "
        "branch before June.\n")
    gist = next(t for t in report["takeaways"]["factual"] if t["label"] == "Next steps")
    assert [e["modality"] for e in gist["evidence"]] == ["asserted", "proposal"]
    assert gist["modality"] == "asserted"


@pytest.mark.parametrize("form, start, end", [("markdown", "## Key takeaways", "\n## "),
                                               ("html", 'id="takeaways"', "</section>")])
def test_the_main_point_names_the_documents_title_once(analyzer, form, start, end):
    report = analyzer.analyze("# Moving the build farm\n\nThe build farm moves to the new data centre on "
                              "3 June.\n\n## What stays the same\n\nThe build queue and the caches keep their "
                              "addresses, and every job runs as before.\n")
    page = render(report, form)
    digest = page[page.index(start):]
    digest = digest[: digest.index(end, 1)]
    assert digest.count("Moving the build farm") == 1
    assert "line 3" in digest


CORRECTED = ("Payment letters sent in error\n\nWhat happened\n\nLast week about 8,700 people received letters "
             "telling them that their heating payment had been stopped. That was not true. Every payment was made "
             "on time.\n\nWhat we are doing\n\nWe will write to everyone affected by Friday.\n")


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_a_main_point_is_quoted_with_the_sentence_that_says_it_was_untrue(analyzer, form):
    report = analyzer.analyze(CORRECTED)
    main = items_of(report["takeaways"])[0]
    assert [e["text"] for e in main["evidence"]][1:] == ["That was not true."]
    page = render(report, form)
    digest = page[page.index("Key takeaways"):]
    assert digest.index("heating payment had been stopped") < digest.index("That was not true.")
    assert digest.count("That was not true.") == 1


@pytest.mark.parametrize("after", ["That was the first batch.", "It was not a large batch, but it hurt.",
                                   "Nobody noticed for a week, which was not true of the earlier batch."])
def test_a_sentence_after_the_main_point_that_corrects_nothing_is_not_joined_to_it(analyzer, after):
    main = items_of(analyzer.analyze(CORRECTED.replace("That was not true.", after))["takeaways"])[0]
    assert len(main["evidence"]) == 1


DESK_CHANGES = ("Changes to the support desk\n\nThe support desk has changed shape this spring. It had nine staff, "
                "and from May it will have four. The reporting work pauses until the autumn while we settle in."
                "\n\nWhat stays the same\n\nThe weekly office hours carry on as before, and requests still go through "
                "the usual form.\n")


def test_a_main_point_in_general_terms_is_quoted_with_the_amounts_the_next_sentence_gives(analyzer):
    main = items_of(analyzer.analyze(DESK_CHANGES)["takeaways"])[0]
    assert [e["text"] for e in main["evidence"]] == [
        "The support desk has changed shape this spring.", "It had nine staff, and from May it will have four."]


def test_a_main_point_that_announces_news_without_telling_it_is_quoted_with_the_sentence_that_does(analyzer):
    memo = ("Keeping Arbor funded\n\nLast spring, two other schedulers changed their licences, and their users "
            "were left unsure what they could still run. With that in mind, in March we announced an important "
            "change to the Arbor scheduler. We would stop shipping long-term support builds from the community "
            "repository.\n\nSince then the team has grown from three maintainers to seven, and the next release "
            "is due in June.\n")
    main = items_of(analyzer.analyze(memo)["takeaways"])[0]
    assert [e["text"] for e in main["evidence"]] == [
        "With that in mind, in March we announced an important change to the Arbor scheduler.",
        "We would stop shipping long-term support builds from the community repository."]


@pytest.mark.parametrize("memo", [
    DESK_CHANGES.replace("It had nine staff, and from May it will have four.", "It has not been easy for anyone."),
    DESK_CHANGES.replace("spring. It had", "spring.\n\nIt had")])
def test_a_main_point_is_not_joined_by_a_sentence_without_amounts_or_in_another_paragraph(analyzer, memo):
    main = items_of(analyzer.analyze(memo)["takeaways"])[0]
    assert [e["text"] for e in main["evidence"]] == ["The support desk has changed shape this spring."]


def test_the_amounts_are_not_joined_to_a_main_point_when_the_two_would_not_fit_the_digest(budgeted):
    longer = DESK_CHANGES.replace("from May it will have four.", "from May it will have four, since two people move to "
                                  "the payments group and three contracts end.")
    takeaways = budgeted(30).analyze(longer)["takeaways"]
    main = items_of(takeaways)[0]
    assert [e["text"] for e in main["evidence"]] == ["The support desk has changed shape this spring."]
    assert takeaways["words"] <= takeaways["budget"] == 30


def test_a_sentence_the_memo_quotes_whole_is_quoted_once(nlp):
    doc = nlp('"Names of every account holder, with the dates they joined."\n')
    assert quote(doc[:]) == "Names of every account holder, with the dates they joined."


@pytest.mark.parametrize("written, quoted", [
    ("Please read the [rollout guide](https://example.com/guide_(v2)) before Friday.\n",
     "Please read the rollout guide before Friday."),
    ("The move happens on ~~Monday~~ Tuesday, after the freeze.\n", "The move happens on Tuesday, after the freeze."),
    ("The rota is *not* optional, and the cache_dir setting stays as _it is_ today.\n",
     "The rota is not optional, and the cache_dir setting stays as it is today."),
    ("*Teams must agree on the handover before the\nrota changes.*\n",
     "Teams must agree on the handover before the rota changes."),
    ("On behalf of the leads[^leads] and the board[^2], I apologise for the delay.\n",
     "On behalf of the leads and the board, I apologise for the delay."),
])
def test_a_markdown_quote_reads_as_the_page_shows_it(nlp, written, quoted):
    # A link shows its text, not its address; words struck through are withdrawn; italics
    # show no asterisks or underscores; a footnote's mark shows no label.
    assert quote(nlp(written)[:]) == quoted


def test_a_sentence_struck_through_whole_is_never_quoted(nlp):
    assert quote(nlp("~~The office will close in May.~~\n")[:]) is None


@pytest.mark.parametrize(
    "table, lemmas, weights",
    [
        # the longest phrase wins where two start on one word; a phrase may start anywhere
        ("step down\t2\nstep\t0.5\n", "so i will step down in may", [2.0]),
        ("step down\t2\nstep\t0.5\n", "we step in and then step down", [0.5, 2.0]),
        # a wildcard stands for any one word inside a phrase
        ("eliminate * role\t2\n", "we eliminate twelve role", [2.0]),
        ("eliminate * role\t2\n", "we eliminate role", []),
        ("", "nothing here", []),
        # a phrase said twice counts once; another phrase still counts
        ("cancel\t1.5\npolicy\t0.8\n", "policy for cancel travel under the policy for cancel trip", [0.8, 1.5]),
        # a word inside a hyphenated one is not the word: "end" in "end-to-end"; the whole is
        ("end\t0.8\n", "we own it end - to - end", []),
        ("end\t0.8\nfollow-up\t1.0\n", "we end the trial and follow - up", [0.8, 1.0]),
    ],
)
def test_main_point_cues_are_found_wherever_they_start(table, lemmas, weights):
    cues = MainPointCues(DataText("cues.tsv", "# phrase\tweight\tnote\n" + table))
    assert cues.found(lemmas.split()) == weights


def quotable(nlp, text: str, cues: str = "") -> list:
    """The candidates a digest may quote from ``text``, with the main-point cue words of the
    table ``cues`` (none by default)."""
    view = DocView.of(nlp(text))
    return candidates(view.sentences, view.line_of, MainPointCues(DataText("cues.tsv", cues)))


def test_a_list_quoted_whole_shows_each_items_words_up_to_its_verb(nlp):
    text = ("Billing\n\n"
            "- To keep bills simple, we will charge memory monthly.\n"
            "- From next year, storage will cost more per terabyte.\n")
    found = quotable(nlp, text)
    listed = next(c for c in found if not c.item)
    # Cut at the first comma, the items would read "To keep bills simple; From next year".
    assert listed.text == ("To keep bills simple, we will charge memory monthly; "
                           "From next year, storage will cost more per terabyte.")


def test_a_list_item_a_few_words_over_the_cut_is_quoted_whole(nlp):
    text = ("Decisions\n\n"
            "- The production upgrade goes ahead on 22 October unless the rollback test fails.\n"
            "- New alerts need a named owner and a written runbook and a tested path before they page anyone.\n")
    listed = next(c for c in quotable(nlp, text) if not c.item)
    # Cut at ten words, the first would read "goes ahead on 22 October unless the …".
    assert listed.text == ("The production upgrade goes ahead on 22 October unless the rollback test fails; "
                           "New alerts need a named owner and a written runbook …")


def test_a_list_whose_items_carry_their_own_lines_is_still_one_list(nlp):
    text = ("Team changes\n\n"
            "We thank two people who have decided to leave the review team:\n\n"
            "* Ana Ruiz is leaving the review team and the release group.\n"
            "She joined in 2018 and wrote most of the style guide.\n\n"
            "* Li Wei hands over his review duties to the new leads.\n"
            "He will keep working on the build tools.\n")
    listed = max((c for c in quotable(nlp, text) if not c.item), key=lambda c: c.words)
    assert listed.text == ("We thank two people who have decided to leave the review team: Ana Ruiz is leaving "
                           "the review team and the release group; Li Wei hands over his review duties to the "
                           "new leads.")
    # A paragraph of its own between two lists ends the first: it is no item's text.
    text = ("Results\n\nThe new members are:\n\n- Ana Ruiz, Acme\n- Li Wei, Globex\n\n"
            "They join the continuing members:\n\n- Omar Haddad, Initech\n- Sara Berg, Hooli\n")
    lists = [c.text for c in quotable(nlp, text) if ";" in c.text]
    assert lists == ["The new members are: Ana Ruiz, Acme; Li Wei, Globex",
                     "They join the continuing members: Omar Haddad, Initech; Sara Berg, Hooli"]


def test_a_list_quoted_with_the_writers_lead_in_is_the_writers_announcement(analyzer):
    note = ("Team changes\n\n"
            "We thank two people who chose to step down from the review team:\n\n"
            "* Ana Ruiz is leaving the review team and the release group.\n"
            "She joined in 2018 and wrote most of the style guide.\n\n"
            "* Li Wei hands over his review duties to the new leads.\n"
            "He will keep working on the build tools.\n\n"
            "We are grateful for all they did and hope to see them at the next meeting.\n")
    assert main_quote(analyzer, note).startswith("We thank two people who chose to step down "
                                                 "from the review team: Ana Ruiz is leaving")


ROTA_TABLE = ("# Weekend rota from March\n\n"
              "We are changing the weekend rota from 1 March so that nobody works more than two weekends.\n\n"
              "## New cover\n\n"
              "| Team | Old weekends per month | New weekends per month |\n"
              "|------|------------------------|------------------------|\n"
              "| Support | 4 | 2 |\n"
              "| **Platform** | 3 | 1 |\n\n"
              "## Why\n\n"
              "We looked at the call volumes and saw that Saturday mornings carry most of the load.\n")


def test_a_table_is_quoted_whole_with_its_header_row(nlp):
    found = quotable(nlp, ROTA_TABLE)
    # The rule under the header row is no row, and a cell shows no emphasis.
    assert [c.text for c in found if "|" in c.text] == [
        "Team | Old weekends per month | New weekends per month: Support | 4 | 2; Platform | 3 | 1"]


def test_a_header_row_of_two_cells_is_quoted_only_with_its_table(nlp):
    text = ("Incident\n\n"
            "The checkout failed for an hour on Tuesday afternoon.\n\n"
            "| Time | Event |\n|---|---|\n| 14:05 | Deploy completes |\n| 14:09 | Alert fires |\n")
    found = quotable(nlp, text)
    # A row below names a time and an event, a fact; the header row names only the columns.
    assert [c.text for c in found if "|" in c.text] == [
        "Time | Event: 14:05 | Deploy completes; 14:09 | Alert fires", "14:05 | Deploy completes",
        "14:09 | Alert fires"]


def test_a_lone_footnote_is_not_quotable(nlp):
    text = ("Migrating\n\nMoving off the old build service is easy: most projects move in an afternoon.\n\n"
            "[1] Or automatically with the setup helper by running:\n")
    found = quotable(nlp, text)
    assert [c.text for c in found] == ["Moving off the old build service is easy: most projects move in an afternoon."]


def test_a_table_that_is_all_a_section_says_is_its_gist_when_words_allow(budgeted):
    takeaways = budgeted(80).analyze(ROTA_TABLE)["takeaways"]
    assert any(q.startswith("Team | Old weekends") for q in digest_quotes(takeaways))


@pytest.mark.parametrize("lead_in, points_ahead", [
    ("We agreed on the following summary of the problem:", True),
    ("The causes were these:", True),
    ("Here is what we know now:", True),
    ("Rewards for single fixes are a poor fit for how volunteers work:", False),
    ("The decision to close the office comes down to three reasons:", True),
    ("We weighed two very different options:", True),
    ("The team keeps in touch in a number of ways:", True),
    ("The portal was offline for most of the night on two separate weekends:", False),
    ("The three aims of this plan for the new council are:", True),
    ("The changes to the release process in the coming year include:", True),
])
def test_a_lead_in_points_ahead_only_when_it_says_nothing_itself(nlp, lead_in, points_ahead):
    found = quotable(nlp, f"Notes\n\n{lead_in}\n\nThe rest of the note follows here in a sentence.\n")
    lead = next(c for c in found if c.text == lead_in)
    assert lead.lead_in and lead.points_ahead is points_ahead


@pytest.mark.parametrize("said, points_ahead", [
    ("My aim in this letter is to answer the questions you sent.", True),
    ("The purpose of this note is to explain the new rota.", True),
    # the aim of the work, not of the text: a key point
    ("The goal of this project is to replace the billing system.", False),
    # a promise of what the next sentences tell
    ("I want to be direct about why.", True),
    # a sentence that only points at a summary to follow, whatever its last mark
    ("Here are the highlights of the new rota.", True),
    ("Here's a quick rundown of the new rota.", True),
    ("Here are the details we could confirm: the key was revoked at 14:02.", False),
    ("Let me explain how.", True),
    ("The nightly backups stopped in March, and for weeks nobody on the team noticed or asked why.", False),
])
def test_a_sentence_that_says_what_the_text_sets_out_to_do_points_ahead(nlp, said, points_ahead):
    found = quotable(nlp, f"Notes\n\nThe sponsor laid off forty people last week. {said}\n")
    assert next(c for c in found if c.text == said).points_ahead is points_ahead


@pytest.mark.parametrize("second, opening", [
    ("Or, worse, it may ask for changes to the code.", "follows_on"),
    # a consequence or an addition told of what came before
    ("As a result of these cuts, releases will take longer.", "follows_on"),
    ("As a result, releases will take longer.", "follows_on"),
    ("Consequently, releases will take longer.", "follows_on"),
    ("In addition, the vendor may rename the product.", "follows_on"),
    ("As a result of the audit, releases will take longer.", None),
    # how things have stood from the start, the background to the news
    ("From its earliest days, the project has taken outside patches.", "background"),
    ("Since its founding, the project has taken outside patches.", "background"),
    ("For those who want reminders, we suggest a monitoring service.", "conditional"),
    ("For anyone who runs old phones, the change breaks the app.", "conditional"),
    ("For three years the name has been ours.", None),
])
def test_what_a_sentences_first_words_tell_of_it(nlp, second, opening):
    found = quotable(nlp, f"Notes\n\nThe vendor may revoke the name. {second}\n")
    assert [c.opening for c in found] == [None, opening]


@pytest.mark.parametrize("supposed", ["could insist", "might insist", "would insist"])
def test_decision_words_in_what_another_party_could_do_count_for_less(nlp, supposed):
    said, supposing = quotable(nlp, "Notes\n\nThe vendor insists on changes to our release decisions. "
                                    f"The vendor {supposed} on changes to our release decisions.\n", "decision\t1.5\n")
    assert supposing.cue == pytest.approx(said.cue / 2)


def test_decision_words_in_what_the_writer_could_do_count_in_full(nlp):
    told, option = quotable(nlp, "Notes\n\nWe retire the old dashboard in June. We could retire the old dashboard "
                                 "in June.\n", "retire\t2.0\n")
    assert option.cue == told.cue > 0


def test_the_options_laid_out_and_the_one_favoured_are_a_takeaway(charged_long):
    factual = charged_long["takeaways"]["factual"]
    options = next(t for t in factual if t["role"] == "options")
    assert options["summary"].startswith("2 options are laid out: “hire contractors”; “rotate engineers”.")
    assert "The writer favours “rotate engineers”" in options["summary"]
    assert options["modality"] == "opinion"


SHORT_OPTIONS = """Feedback on the rota proposal

Context
Each lead was asked for a view on the proposal to move support to the platform team by May.

How the team is doing
I am worried. We are stretched thin, two people are close to burning out, and it is frustrating
to be told we lack ownership after covering for other teams for months.

Options
(move in May)
Move support in May, as proposed, with the current staff.
(move in July, with help)
Move support in July and lend us one engineer until then. I would choose this one.
"""


def test_a_short_note_names_the_option_favoured_and_keeps_words_for_its_feelings(analyzer):
    takeaways = analyzer.analyze(SHORT_OPTIONS)["takeaways"]
    assert takeaways["budget"] == 60 and takeaways["words"] <= 60
    options = next(t for t in takeaways["factual"] if t["role"] == "options")
    assert options["summary"] == "The writer favours “move in July, with help” of 2 options."
    assert len([t for t in takeaways["emotional"] if t["role"] == "feeling"]) >= 2


LABELLED_OPTIONS = """Choosing a new on-call tool

Our pager contract ends in September, and the team has to choose what replaces it.

Option A: Stay on PagerDuty
We renew for three years at $42,000 a year, and the price rises 30%.

Option B: Move to Opsgenie
It costs $26,000 a year, and migrating the schedules and escalation rules takes two weeks.

Recommendation
I recommend Option B, and I'd like a decision by August 1 so we can migrate in time.
"""


def test_options_with_labels_are_named_with_the_one_the_text_recommends_elsewhere(analyzer):
    takeaways = analyzer.analyze(LABELLED_OPTIONS)["takeaways"]
    options = next(t for t in takeaways["factual"] if t["role"] == "options")
    assert "The writer favours “Move to Opsgenie”" in options["summary"]
    assert "Stress and capacity" not in [t["label"] for t in takeaways["emotional"]], "escalation rules route alerts"


@pytest.mark.parametrize("dash", [" — ", ": ", " - "])
def test_option_labels_that_end_with_a_stop_are_options_too(analyzer, dash):
    text = (LABELLED_OPTIONS.replace("Option A: Stay on PagerDuty", f"Option A{dash}Stay on PagerDuty.")
            .replace("Option B: Move to Opsgenie", f"Option B{dash}Move to Opsgenie."))
    options = next(t for t in analyzer.analyze(text)["takeaways"]["factual"] if t["role"] == "options")
    assert "The writer favours “Move to Opsgenie”" in options["summary"]


def test_the_favoured_option_is_shown_by_the_sentence_that_favours_it_when_words_allow(budgeted, analyzer):
    def evidence(takeaways):
        options = next(t for t in takeaways["factual"] if t["role"] == "options")
        return [(e["text"], e["line"]) for e in options["evidence"]], options

    said = "I recommend Option B, and I'd like a decision by August 1 so we can migrate in time."
    report = budgeted(200).analyze(LABELLED_OPTIONS)
    roomy, options = evidence(report["takeaways"])
    assert roomy == [(said, 12)]
    # The summary names the option: its line is all the citation adds.
    titles = {s["id"]: s["title"] for s in report["sections"]}
    assert digest_lines(options, titles)[0].endswith(f"“{said}” (line 12)")
    # In 60 words the long sentence does not fit; the option's heading still shows where it is.
    assert evidence(analyzer.analyze(LABELLED_OPTIONS)["takeaways"])[0] == [("Option B: Move to Opsgenie", 8)]


def test_a_short_proposal_still_names_the_option_its_writer_recommends(analyzer):
    text = ("Where to host the warehouse\n\nBackground\nThe warehouse servers reach the end of their support "
            "contract in September, and queries now take up to 40 minutes.\n\nOption A: renew the servers\n"
            "Renew the support contract for another three years at $48,000. Query times stay as they are.\n\n"
            "Option B: move to a managed warehouse\nMove to a managed warehouse at $61,000 a year. Migration "
            "takes ten weeks of one engineer's time.\n\nOption C: do nothing until next year\nKeep the servers "
            "without a contract until the 2027 budget.\n\nRecommendation\nI recommend Option B. It costs more, "
            "but it makes the board pack usable again.\n")
    takeaways = analyzer.analyze(text)["takeaways"]
    assert takeaways["budget"] == 60 and takeaways["words"] <= 60
    options = next(t for t in takeaways["factual"] if t["role"] == "options")
    assert options["summary"] == "The writer favours “move to a managed warehouse” of 3 options."
    assert [e["text"] for e in options["evidence"]] == ["I recommend Option B."]


def test_a_note_about_the_writing_itself_is_not_a_gist(analyzer):
    text = ("Feedback on the merger\n\nContext\nLeadership asked each lead for written feedback on the proposal "
            "to merge the data and analytics teams by October. I have tried to keep it short.\n\nWorkload\n"
            "The proposal adds the reporting backlog of about 40 open requests to the merged team, and it moves "
            "two engineers to the growth team in September.\n")
    takeaways = analyzer.analyze(text)["takeaways"]
    assert "I have tried to keep it short." not in quotes_of(takeaways["factual"])


@pytest.mark.parametrize("note", ["All times are in UTC.", "Times are given in both local time and UTC.",
                                  "This section lists the steps in the order we took them.",
                                  "This section is going to be less concrete than the last one."])
def test_a_note_on_how_a_part_is_written_is_an_aside_and_no_gist(nlp, note):
    text = f"Outage on 4 March\n\nTimeline\n\n{note} At 09:10 the change went out.\n"
    found = {c.text: c for c in quotable(nlp, text, shipped("takeaways/main-point.tsv").text)}
    assert found[note].aside and not found["At 09:10 the change went out."].aside


def test_a_short_note_gets_a_main_point_within_sixty_words(analyzer):
    note = ("Quick update on the release. It slipped by two days because the payment tests kept "
            "failing, and I am worried we will miss the Friday deadline again. People are already "
            "working late every night this week. Please tell me by noon if you can help with the "
            "testing, and thanks to everyone for the effort so far. The vendor confirmed the fix "
            "ships on Monday, and the customer has agreed to wait until then.")
    takeaways = analyzer.analyze(note)["takeaways"]
    assert takeaways["budget"] == 60
    assert 1 <= takeaways["words"] <= 60
    assert items_of(takeaways)[0]["role"] == "main"


@pytest.mark.parametrize("greeting", ["Good morning everyone", "Hi all", "Hi team"])
def test_a_greeting_is_not_the_main_point(analyzer, greeting):
    note = (greeting + ", and welcome to the monthly update for the platform group. The billing service "
            "moves to the new cluster on 4 May. The move takes an hour, and no customer will see downtime.\n")
    assert main_quote(analyzer, note) == "The billing service moves to the new cluster on 4 May."


@pytest.mark.parametrize("text, opening", [
    pytest.param("Deploys\n\nThe payments service had two outages this week, both after a deploy on a Friday. "
                 "With immediate effect, we stop deploys to production after 14:00 on Fridays. "
                 "The release calendar in the wiki shows the new windows.\n",
                 "With immediate effect, we stop deploys", id="a change with immediate effect"),
    pytest.param("Minutes of 12 November\n\n1. Finance\n\nThe treasurer reported income 8% below budget. "
                 "The board agreed to freeze non-essential spending until the end of the year.\n\n"
                 "2. Fundraising\n\nThe spring appeal raised 38,000 against a target of 50,000. "
                 "Decision deferred to the January meeting.\n",
                 "The board agreed to freeze", id="what a board agreed, in its minutes"),
    pytest.param("Moving our builds\n\nLast month the vendor announced that it would end its free plan in June. "
                 "Our builds run on that plan. We compared three other services this week.\n",
                 "Last month the vendor announced", id="what others announced earlier, still news"),
    pytest.param("Ticketing\n\nOur contract for the ticketing system ends in March. I looked at three options. "
                 "Renewing costs 42,000 a year and needs no migration. Deskly costs 38,000 a year and has the "
                 "integrations we need. Building on our CRM costs 25,000 in licences but needs two engineers for "
                 "a quarter. Agents say the current system is slow. Deskly's European data centre opens in "
                 "January. The vendor migrates our history for free.\n\n"
                 "Recommendation: we move to Deskly in February, after its data centre opens.\n",
                 "Recommendation: we move to Deskly", id="a recommendation labelled at the end"),
    pytest.param(
        "All-hands, June\n\nThanks, Hollis. I'll start with the headline, because I know it's what most of you "
        "came for. We are going to stop selling Beacon Classic on 1 October. Existing customers will be supported "
        "until the end of 2026.\n\nCloud revenue grew 64 percent this year, and Classic revenue fell 11 percent.\n",
        "We are going to stop selling Beacon Classic on 1 October.", id="after 'I'll start with the headline'"),
    pytest.param(
        "Subject: End of day summary - Sev1 - sync delay\n\nAll,\n\nThis is my end-of-day summary as incident "
        "commander for today's Sev1 on Harrowgate Sync. The short version: customer data is safe, and sync is "
        "working again for every customer as of 18:40. I am not declaring this closed until the backfill is "
        "verified tomorrow.\n\nSupport received 388 tickets today.\n",
        "The short version: customer data is safe", id="not 'This is my summary', which says what the text is"),
    pytest.param(
        "# Annual review\n\n## Overall assessment\n\nAdaeze had a strong year. She carried the migration of the "
        "ingestion layer from the old scheduler, and the platform is more reliable because of it. My overall "
        "conclusion is that she works above the level of her role and should be considered for promotion.\n\n"
        "## Strengths\n\nThe migration moved 212 pipelines with no data lost.\n",
        "My overall conclusion is that", id="a review's stated conclusion"),
    pytest.param(
        "Subject: Response to my review\n\nThank you for the time on Tuesday. As we discussed, I am using my right "
        "under section 4.3 of the review policy to add a written response to my review.\n\n**My core objection**"
        "\n\nI do not accept the overall rating of 2/5. The review says I missed most deadlines, and that is not "
        "accurate.\n\n**The deadline record**\n\nNine of eleven deliverables were on time.\n",
        "I do not accept the overall rating of 2/5.", id="the part headed as the writer's core objection"),
    pytest.param(
        "360 feedback summary\n\nOverall picture\nRespondents describe Thomas as a credible manager who protects "
        "his team. The most consistent theme for development is how he handles disagreement.\n\n"
        "What colleagues would like to see more of\n"
        "- \"I'm frustrated that the rewrite was announced without asking the people who maintain it.\"\n"
        "- \"He's stretched thin. Half our one-on-ones were cancelled in February.\"\n",
        "Respondents describe Thomas", id="the summary, not a quoted comment"),
    pytest.param(
        "Subject: A new chapter\n\nHi all,\n\nThe last two years on this project have been a privilege. With that "
        "said, it is time for me to step back. Soon, the steering group will be announcing its first meeting of "
        "the year, and the new lead will be chosen there.\n\nI will stay on as a reviewer for a while.\n",
        "With that said, it is time for me to step back.", id="'time for me to step back', not what others announce"),
    pytest.param(
        "Login incident report for 3 March\n\nOn 3 March at 09:10 UTC we received reports that nobody could log in "
        "to the dashboard. This was a bug in the session service exposed by a certificate renewal.\n\n"
        "1. Root cause\n\nThe renewal job restarted the session service before the new certificate was in place."
        "\n\n2. Resolution\n\nThe team rolled the certificate back. At the same time, we replaced the broken "
        "sessions and asked every user to log in again.\n",
        "On 3 March at 09:10 UTC", id="the incident, not its 'Resolution', which tells the fix"),
    pytest.param(
        "Security incident disclosure\n\nOn 2 May, a researcher found a flaw in the bot that reviews our pull "
        "requests.\n\nWhenever a pull request changed only a version number, the Gatekeeper Action would "
        "approve the change without a review. Each approval would start the release job, which "
        "would publish the package."
        "\n\nWe removed the bot's rights the same day.\n",
        "On 2 May, a researcher found a flaw", id="the event, not how the flaw would work"),
    pytest.param(
        "Fernmap announces a tile service of its own\n\nLast month, Vantor announced they are ending the free "
        "tier of every map service they run, including the tile API. In reply we wrote an open letter, and four "
        "hundred map makers signed it.\n\nThe letter asked for one of two things. The second was a tile service "
        "run by its users.\n\nSince Vantor has not changed course, we are proud to announce the Fernmap tile "
        "service, open to every map maker. Twelve volunteers spent their evenings setting up the servers for "
        "it.\n",
        "Since Vantor has not changed course, we are proud to announce", id="the writer's announcement, not another's"),
    pytest.param(
        "Subject: Remembering Nadia Petrov\n\nNadia Petrov, who started our translation team, passed away "
        "suddenly on 14 March. Translators in every time zone looked to her for advice.\n\nIn 2016 Nadia "
        "announced the shared glossary that we still use. She later ran the first course for new translators.\n",
        "Nadia Petrov, who started our translation team, passed away", id="a death told as the news"),
    pytest.param(
        "Subject: Farewell to our treasurer.\n\nIt is not always easy to welcome newcomers to a project like ours. "
        "On Sunday the board learned of the sudden passing of our treasurer, Tomas Berg, who had kept our "
        "forum running since 2015.\n\nHe answered questions from new users every day and reviewed their first "
        "sites.\n",
        "On Sunday the board learned of the sudden passing of our treasurer", id="a death told as 'the passing of'"),
    pytest.param(
        "Sorry for the silence from the working group over the last month. The talks with the "
        "vendor over the name have ended.\n\nThe vendor holds the trademark and will not transfer it to the "
        "association.\n\nAs we see it, the only realistic option left is to rename the library, so that no company "
        "can decide what it is called.\n",
        "As we see it, the only realistic option left is to rename the library",
        id="a forced course, not the courtesy for a silence"),
    pytest.param(
        "Hello, Tessera!\n\nTessera has reached version 1.0! Our map tile server now keeps its interface stable.\n\n"
        "1. What is Tessera?\n\nTessera is a tile server for small teams that keep their own maps. It reads "
        "vector tiles from a folder and serves them over plain HTTP, with a cache that fits on one disk.\n",
        "Tessera has reached version 1.0!", id="a milestone reached, not what the project is"),
    pytest.param(
        "Ending renewal reminders\n\nFor ten years, the project has mailed a reminder to each subscriber whose "
        "certificate was about to lapse. We will stop sending the reminders on 1 September 2026. Our decision "
        "to stop them comes down to three things:\n\n- Most subscribers now renew automatically.\n"
        "- Keeping millions of addresses is a privacy risk.\n- The mail costs more each year than the "
        "servers that send it.\n",
        "We will stop sending the reminders on 1 September 2026.", id="the end of a service, not the reasons for it"),
    pytest.param(
        "The vote on the new name\n\n(This was first sent as an e-mail to the users list after the vote closed, "
        "but it belongs here too.)\n\nVoting has ended, and we have a tally. The final count is 187 votes "
        "to rename and 23 against.\n",
        "The final count is 187 votes to rename", id="not a bracketed note on how the text came to be"),
    pytest.param(
        "Tidying the bug tracker\n\nIf you have been watching, the tracker has grown to over 300 open reports. "
        "That is too many for the core team to follow. Some of them are two years old.\n\n"
        "Closing them all at once would throw away useful notes. Many of the old reports need a large "
        "rewrite of the scheduler that nobody has had time for.\n\n"
        "To keep things manageable, we will be consolidating these reports into one tracking issue per "
        "part of the code. The original reports will be closed. Please keep commenting there so that "
        "nothing is lost.\n\n"
        "Small reports with an easy workaround may be closed without a tracking issue.\n",
        "To keep things manageable, we will be consolidating", id="a consolidation, not the state before it"),
])
def test_the_main_point_is_the_sentence_that_decides(analyzer, text, opening):
    assert main_quote(analyzer, text).startswith(opening)


def test_a_closing_bottom_line_draws_a_moral_and_leaves_the_news_first(analyzer):
    post = ("Document previews\n\nThis morning the auditor released a report about an error we made with "
            "our chat tool in 2015. An administrator turned on a setting that let the tool index shared documents. "
            "About a hundred documents were indexed. We found the setting in March and turned it off. "
            "We then reviewed every indexed file. None held personal data. We told the affected teams. "
            "Two people now review each new integration before it goes live.\n\n"
            "Bottom line: it is not ok to let an outside company index our documents.\n")
    assert main_quote(analyzer, post).startswith("This morning the auditor released a report")


@pytest.mark.parametrize("back", ["Last month I announced", "Two weeks ago we announced",
                                  "In my last update I announced"])
def test_a_decision_the_writer_told_before_gives_way_to_the_new_one(analyzer, back):
    memo = ("Pausing the rewrite\n\n" + back + " that we would rebuild the app from scratch by June. "
            "I said then that the new design would let us ship faster. After a review with the leads, "
            "we will pause the rewrite from Monday. Two milestones slipped by five weeks each.\n")
    assert main_quote(analyzer, memo).startswith("After a review with the leads, we will pause")


def test_decisions_minutes_record_at_their_end_are_the_main_point(analyzer):
    minutes = ("Platform sync\n\nDatabase upgrade\n\nJoel reported that the staging upgrade finished without errors. "
               "Query times on the replica improved by about 20%. Production is scheduled for 22 October.\n\n"
               "On-call load\n\nPriya said the team took 41 pages last week, most from one flaky disk alert. "
               "Two people were woken three nights in a row. Mei agreed to raise the alert threshold. "
               "Sam will ask for a second rotation in the budget review. The vendor has a ticket open.\n\n"
               "Decisions\n\nThe production upgrade goes ahead on 22 October unless the rollback test fails.\n")
    main = items_of(analyzer.analyze(minutes)["takeaways"])[0]
    assert main["evidence"][0]["text"] == ("The production upgrade goes ahead on 22 October unless the rollback "
                                           "test fails.")
    assert main["modality"] == "asserted"  # an exception to a decision does not make it a guess


@pytest.mark.parametrize("cut", ["We are reducing the size of the studio by six people",
                                 "We are eliminating six roles in the studio",
                                 "We are cutting six jobs in the studio"])
def test_a_layoff_told_without_the_word_is_the_main_point(analyzer, cut):
    letter = ("Hard news\n\nI have to share something I wish I did not. " + cut + ", about a quarter of "
              "us. The people affected heard from me this morning. We grew faster than our bookings last "
              "year, and the contracts we counted on went elsewhere. Everyone leaving gets ten weeks of pay "
              "and help finding a new role.\n")
    main = items_of(analyzer.analyze(letter)["takeaways"])[0]
    assert main["role"] == "main" and main["evidence"][0]["text"].startswith(cut)


def test_the_writers_own_announcement_late_in_a_long_letter_is_its_main_point(analyzer):
    letter = ("A new chapter\n\n"
              "Short version: these have been six wonderful years on the scheduler, and this year brings a lot of "
              "change for me. I start a new job in March, at a studio that builds tools for teachers. "
              "My partner and I are also moving to a farm two hours north of the city. "
              "The farm needs a new roof before winter, and we plan to do most of the work ourselves. "
              "We are expecting our first child in the autumn. "
              "Each of these would fill a year on its own. "
              "For the last two years I have written less code and done more review and release work. "
              "Review takes about two hours of every day, and releases take a weekend each month. "
              "I have tried to fit this around everything else, and it no longer fits. "
              "The project deserves someone who can give it that time. "
              "I thought about this for most of the winter.\n\n"
              "So I am announcing, with a heavy heart, that I will step down as lead maintainer at the end "
              "of April.\n\n"
              "Rosa will take over the release work. Ahmed will lead code review. "
              "I will still answer questions on the forum when I can. "
              "The roadmap for the next release stays as it is.\n")
    assert main_quote(analyzer, letter).startswith("So I am announcing, with a heavy heart, that I will step down")


PRICE_NOTE = ("Price changes\n\n"
              "From 1 October the hosting plan costs 1,550 dollars a month instead of 1,250. "
              "We are sorry that the new prices arrive with so little notice, and we know that many of you "
              "planned your budgets months ago around the old rates. "
              "Memory is billed monthly instead of daily. "
              "Storage above one terabyte costs 300 dollars a month per terabyte.\n")


def _support_changes(hearing: str) -> str:
    """A memo of three parts; ``hearing`` is the middle one's prose."""
    return ("Support changes\n\nFrom 1 March the platform team takes over the support rota from the product "
            f"team.\n\nWhat we are hearing\n{hearing}\n\nWhat changes\nEach team answers its own alerts, and the "
            "platform team answers only for the shared services.\n")


@pytest.mark.parametrize("hearing, words, opening", [
    ("Customers wait too long for answers when an incident crosses the boundary between two teams, and several "
     "renewals were delayed because of it. Specifically, I mean the large customers on annual contracts. We heard "
     "the same complaint in every quarterly review this year.", 80, "Specifically"),
    ("Customers wait too long for answers when an incident crosses the boundary between two teams. I mean Acme "
     "and Globex, whose tickets waited for the platform team for days.", 50, "I mean"),
], ids=["a detail", "what the writer meant"])
def test_a_gist_states_its_point_rather_than_the_detail_that_follows_it(budgeted, hearing, words, opening):
    gists = gists_of(budgeted(words).analyze(_support_changes(hearing))["takeaways"])
    assert any(g.startswith("Customers wait too long") for g in gists)
    assert not any(g.startswith(opening) for g in gists)

ASK_PRIYA = "Who to ask\nPriya answers questions about the move in the platform channel.\n"


@pytest.mark.parametrize("text, words, gist, not_a_gist", [
    # What to do should something else hold is a caveat, not the point.
    ("Build server move\n\nOn 4 May the build server moves from the office rack to the hosted cluster.\n\n"
     "What it means for you\nIf you run builds from a laptop, keep your scripts. Nightly builds will take about "
     "twenty minutes instead of two hours at the hosted cluster. The old server stays up for reading logs until "
     "the end of June.\n\n" + ASK_PRIYA,
     60, "Nightly builds will take about twenty minutes instead of two hours at the hosted cluster.",
     "If you run builds"),
    # How things were is the background to the news.
    ("Storage changes\n\nFrom 1 March the storage service moves to new servers in the second data centre.\n\n"
     "What changes for you\nPreviously, backups ran once a week on the old array. Backups now run every night "
     "and are kept for ninety days. Restores take minutes instead of hours.\n\n" + ASK_PRIYA,
     50, "Backups now run every night and are kept for ninety days.", "Previously"),
    # A part titled as background tells what a thing is or how it came to be.
    ("Scheduler retirement\n\nThe old job scheduler will be switched off on 30 June, and every team moves its "
     "jobs to the shared queue.\n\nAbout the scheduler\nThe scheduler was written in 2014 by the data team and "
     "runs 340 nightly exports for twelve teams in Leeds, Porto and Austin.\n\nWhat changes for you\nEach team "
     "tests its exports on the shared queue for a week before the switch.\n\n"
     "Who to ask\nPriya answers questions in the platform channel.\n", 60,
     "Each team tests its exports on the shared queue for a week before the switch.", "The scheduler was written"),
], ids=["a condition", "how things were", "what a thing is"])
def test_a_gist_states_what_holds_now_rather_than_a_caveat_or_the_past(budgeted, text, words, gist, not_a_gist):
    gists = gists_of(budgeted(words).analyze(text)["takeaways"])
    assert gist in gists
    assert not any(g.startswith(not_a_gist) for g in gists)


def test_a_gist_states_a_point_made_alone_rather_than_one_also_made(budgeted):
    # "also" sets a point beside another: less often a key fact than a point made alone.
    decided = ("The board also approved the hiring plan for the support team. "
               "The board approved a budget of two million for the new office in Leeds.")
    text = _support_changes(decided).replace("What we are hearing", "What the board decided")
    gists = gists_of(budgeted(50).analyze(text)["takeaways"])
    assert "The board approved a budget of two million for the new office in Leeds." in gists
    assert not any("also" in g for g in gists)


@pytest.mark.parametrize("plan", ["The support team will hire two engineers for the night shift in Leeds.",
                                  "The support team is going to hire two engineers for the Leeds office."],
                         ids=["will", "going to"])
def test_a_gist_states_what_will_happen_rather_than_how_things_run_now(budgeted, plan):
    # A plan or a decision ("will hire", "is going to hire") carries a key fact more often
    # than a routine told.
    decided = f"The support team answers most tickets from the shared queue within a day. {plan}"
    text = _support_changes(decided).replace("What we are hearing", "What the board decided")
    gists = gists_of(budgeted(50).analyze(text)["takeaways"])
    assert gists == [plan]


def test_a_sentence_whose_feeling_the_digest_names_gives_way_to_a_fact_as_a_gist(analyzer):
    # "Pride in the work: “proud” (line 12)" has told what that sentence says; the gist goes
    # to what the writer will do next.
    text = ("Subject: Stepping down as platform lead\n\nHi all,\n\n"
            "After four years leading this group I have decided to step down as platform lead at the end of April. "
            "This was not an easy call, and I wanted you to hear it from me first.\n\n"
            "The short version: I am exhausted, and the team deserves a lead with more energy than I have right now. "
            "The last two quarters of on-call and the migration took more out of me than I expected.\n\n"
            "Priya will act as interim lead from May 1 while we search for a permanent replacement. "
            "I will stay on as a staff engineer and help with the handover.\n\n"
            "Thank you for the trust you have given me. I am proud of what we built together.\n\nDana\n")
    takeaways = analyzer.analyze(text)["takeaways"]
    assert "Pride in the work" in [t["label"] for t in takeaways["emotional"]]
    assert gists_of(takeaways) == ["I will stay on as a staff engineer and help with the handover."]


def test_a_note_typed_in_lower_case_still_has_a_digest(analyzer):
    note = ("hey team\n\nthe root cause of yesterday's outage was an expired certificate on the api gateway. "
            "downtime was 47 minutes for internal tools and customers were not affected. "
            "i have moved all certificate alerts to the on-call channel.\n\n- sam\n")
    quotes = digest_quotes(analyzer.analyze(note)["takeaways"])
    assert "downtime was 47 minutes for internal tools and customers were not affected." in quotes


def test_a_one_paragraph_note_still_gets_gists_beside_its_main_point(analyzer):
    takeaways = analyzer.analyze(PRICE_NOTE)["takeaways"]
    gists = gists_of(takeaways)
    assert "Memory is billed monthly instead of daily." in gists


def test_a_feeling_whose_quote_does_not_fit_is_named_by_its_words_and_line(analyzer):
    takeaways = analyzer.analyze(PRICE_NOTE)["takeaways"]
    apology = next(t for t in takeaways["emotional"] if t["label"] == "Apology")
    assert apology["evidence"] == [] and apology["summary"] == "“we are sorry” (line 3)"
    assert takeaways["words"] <= takeaways["budget"] == 60


def test_a_short_charged_memo_names_its_feelings_before_quoting_one(analyzer):
    feelings = analyzer.analyze(CHARGED)["takeaways"]["emotional"]
    assert [t["label"] for t in feelings][:3] == ["Exhaustion and overwork", "Stress and capacity", "Self-doubt"]
    assert any(t["evidence"] for t in feelings), "what room is left goes to quotes"


def test_nobody_negates_a_feeling(analyzer):
    note = PRICE_NOTE.replace("We are sorry that the new prices arrive with so little notice, and we know",
                              "Nobody needs to worry about the new prices, since we know")
    assert [t["label"] for t in analyzer.analyze(note)["takeaways"]["emotional"]] == [CALM_LABEL]


def test_a_short_notes_gist_is_a_sentence_that_fits_what_the_budget_leaves(analyzer):
    note = ("Subject: On-call changes from April\n\nFrom 1 April the on-call rota moves from weekly to daily "
            "shifts, so nobody carries the pager for more than one night in a row. Priya will publish the new "
            "rota by Friday.\n\nI know the last quarter was hard on everyone, and I am grateful for how you "
            "covered for each other.\n")
    takeaways = analyzer.analyze(note)["takeaways"]
    gists = gists_of(takeaways)
    assert gists == ["Priya will publish the new rota by Friday."]
    assert takeaways["words"] <= takeaways["budget"]


@pytest.mark.parametrize("sentence, cut", [
    (("She was later named the first head of the data platform group, where she built the on-call rota "
      "that every team still uses."), "She was later named the first head of the data platform group …"),
    ("The rota moves to daily shifts from April, making it the first change to on-call in five years.",
     "The rota moves to daily shifts from April …"),
    ("The old build servers are switched off on 3 June; their disks are wiped and recycled the week after.",
     "The old build servers are switched off on 3 June …"),
    ("The team moved the build servers to the new data centre in May, and the old racks were sold to a recycler.",
     "The team moved the build servers to the new data centre in May …"),
])
def test_a_sentence_loses_a_tail_that_only_adds_to_it(nlp, sentence, cut):
    assert main_clauses(nlp, f"Notes\n\n{sentence}\n") == [cut]


@pytest.mark.parametrize("sentence", [
    "The rota moves to daily shifts from April, but only for the teams that asked for the change.",
    "The rota moves to daily shifts from April, unless the vote at the next meeting goes the other way.",
    "The rota moves to daily shifts (for the teams that asked, which is most of them) from April onwards.",
    "The rota moves to daily shifts from April.",
])
def test_a_sentence_keeps_a_contrast_a_condition_and_a_bracket_whole(nlp, sentence):
    assert main_clauses(nlp, f"Notes\n\n{sentence}\n") == [None]


def main_clauses(nlp, text):
    view = DocView.of(nlp(text))
    return [main_clause(c) for c in candidates(view.sentences, view.line_of, MainPointCues(DataText("cues.tsv", "")))]


def test_words_no_whole_sentence_fits_go_to_a_main_clause(nlp):
    text = ("In memory of Dana Reyes\n\nIt is with deep sadness that we share the news that Dana Reyes died last "
            "week after a short illness.\n\nShe was later named the first head of the data platform group, where "
            "she built the on-call rota and the review process that every team still uses today.\n")
    view = DocView.of(nlp(text))
    found = candidates(view.sentences, view.line_of, MainPointCues(DataText("cues.tsv", "")))
    chosen = gists(parts(view, found), Scored.of(found), [0], 14)
    assert [c.text for _, c in chosen] == ["She was later named the first head of the data platform group …"]
    assert gists(parts(view, found), Scored.of(found), [0], 12) == []


def test_a_long_document_stays_within_600_words(analyzer):
    takeaways = analyzer.analyze("\n\n".join([ANNOUNCEMENT] * 40))["takeaways"]
    counted = sum(digest_words(t) for t in takeaways["emotional"] + takeaways["factual"])
    assert takeaways["budget"] == 600 and counted == takeaways["words"] <= 600


GRIEVANCE = ("Subject: Weekend on-call shifts\n\nOver the last twelve weeks I have been scheduled for seven weekend "
             "shifts, while the rota policy says one weekend in four. I raised this with my manager on 14 August "
             "and again on 2 September. Both times I was told it would be fixed in the next cycle, and it was "
             "not.\n\nI have missed two family events and I am sleeping badly. I am frustrated and, honestly, "
             "exhausted.\n\nI am asking that the next rota follows the written policy and that I receive a "
             "written answer within ten working days.\n")


def test_the_user_may_give_the_digest_more_words_than_a_quarter_of_the_memo(analyzer, budgeted):
    short, long = analyzer.analyze(GRIEVANCE)["takeaways"], budgeted(150).analyze(GRIEVANCE)["takeaways"]
    assert short["budget"] == 60 and long["budget"] == 150
    assert short["words"] <= 60 < long["words"] <= 150
    assert len(gists_of(long)) > len(gists_of(short))


def test_two_feelings_that_peak_in_one_sentence_quote_it_once(budgeted):
    takeaways = budgeted(150).analyze(GRIEVANCE)["takeaways"]
    quoted = [e["text"] for t in takeaways["emotional"] for e in t["evidence"]]
    assert quoted.count("I am frustrated and, honestly, exhausted.") == 1
    frustration = next(t for t in takeaways["emotional"] if t["label"] == "Frustration")
    assert "in the sentence quoted above" in frustration["summary"]


@pytest.mark.parametrize("words", [10, 6000, 99.5, True])
def test_a_digest_length_out_of_range_is_refused(words):
    with pytest.raises(OptionError, match=r"digest_words \(--digest-words\) must be a whole number from 30 to 5000"):
        Analyzer(digest_words=words)


def test_a_chat_export_is_summarised_by_the_text_the_user_pasted(analyzer):
    chat = ("### User - 2024-05-02 09:00:01\n\nPlease summarise this memo for me:\n\n" + ANNOUNCEMENT
            + "\n### Assistant - 2024-05-02 09:00:30\n\nThe memo says a dashboard is being retired and "
              "asks teams to move. I am worried this will upset people.\n")
    takeaways = analyzer.analyze(chat)["takeaways"]
    lines = [e["line"] for t in items_of(takeaways) for e in t["evidence"]]
    assert lines and max(lines) < chat[: chat.index("### Assistant")].count("\n") + 1
    turns = next(t for t in takeaways["factual"] if t["role"] == "turns")
    assert "Assistant" in turns["summary"]
    assert all(t["label"] != "Worry and concern" for t in takeaways["emotional"])


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_gets_a_digest_within_budget(analyzer, sample):
    report = analyzer.analyze(sample.read_text())
    takeaways = report["takeaways"]
    assert takeaways["emotional"] and takeaways["factual"]
    assert takeaways["words"] <= takeaways["budget"]
    lines = report["document"]["lines"]
    for takeaway in items_of(takeaways):
        assert all(1 <= e["line"] <= lines for e in takeaway["evidence"])


def test_markdown_reads_main_point_then_parts_then_feelings(charged_long):
    markdown = render(charged_long, "markdown")
    digest = markdown[markdown.index("## Key takeaways"): markdown.index("## Sections")]
    assert digest.index("**Main point**") < digest.index("### What it says") < digest.index("### How it reads")
    assert len(digest[: digest.index("**Main point**")].split()) < 10


def test_a_text_without_headings_cites_its_evidence_by_line_alone(analyzer):
    from analyzer.render import html, markdown

    text = ("We are stretched thin again this month and I am exhausted. Two people left in May and "
            "nobody replaced them, so the backlog keeps growing and the deadline has not moved. "
            "I worry that we will miss the launch and that the team will burn out before it.\n")
    report = analyzer.analyze(text)
    assert report["takeaways"]["emotional"]
    for digest in (markdown.digest(report), html.digest(report, {})):
        assert "line 1" in digest and "before the first heading" not in digest


def test_a_theme_naming_an_unknown_category_is_refused_with_its_line():
    table = "# theme\tcategories\tlabel\tdescribes\ncapacity\tworkload,overload\tStress\tstress language\n"
    with pytest.raises(LexiconError, match=r"themes.tsv, line 2: unknown marker category overload"):
        parse_themes(DataText("themes.tsv", table), load_categories())


def test_a_category_belongs_to_one_theme_only():
    table = "capacity\tworkload\tStress\tstress language\nload\tworkload,pressure\tLoad\tload language\n"
    with pytest.raises(LexiconError, match=r"themes.tsv, line 2: category workload already belongs to theme capacity"):
        parse_themes(DataText("themes.tsv", table), load_categories())


@pytest.mark.parametrize("row, message", [
    ("announce\tloud", "line 1: weight 'loud' is not a number"),
    ("announce\t7", "line 1: weight 7 is out of range"),
    ("step down from the board\t3", "line 1: a phrase of 5 words is too long"),
    ("step down?\t3", "line 1: '\\?' and '/POS' are not read here"),
    ("* announce\t2", "line 1: pattern '\\* announce' starts or ends with \\*"),
])
def test_main_point_words_are_checked_with_their_line(row, message):
    with pytest.raises(LexiconError, match=f"main-point.tsv, {message}"):
        MainPointCues(DataText("main-point.tsv", row + "\n"))


def test_main_point_words_are_written_as_marker_patterns():
    cues = MainPointCues(DataText("main-point.tsv", "good morning|afternoon\t-2.5\neliminate * role\t2.5\n"
                                                    "cross-post\t-1.5\n"))
    assert cues.found(["good", "afternoon", "all"]) == [-2.5]
    assert cues.found(["we", "be", "eliminate", "six", "role"]) == [2.5]
    assert cues.found(["eliminate", "role"]) == []
    assert cues.found(["this", "be", "cross", "-", "post", "from"]) == [-1.5]  # as spaCy splits it


def test_the_names_under_a_sign_off_are_not_what_a_letter_says(analyzer):
    letter = ("We propose a new working group for release tooling. The audit showed that no team owns it,\n"
              "and three outages this year came from gaps between teams.\n\nThank you.\n\nSigned,\n\n"
              "Ana Lima, Bo Chen, Cy Okafor, Dee Brandt, Eli Haddad, Fay Moreno\n")
    takeaways = analyzer.analyze(letter)["takeaways"]
    quoted = quotes_of(items_of(takeaways))
    assert quoted and not any("Bo Chen" in text for text in quoted)


@pytest.mark.parametrize("signoff, thanks", [("Cheers,", False), ("Take care,", False), ("Thanks,", False),
                                             ("With love and gratitude,", False), ("Thank you.", True)])
def test_a_sign_off_is_a_formula_that_only_thanks(analyzer, signoff, thanks):
    note = ("The nightly build moves to the new runners on Monday, and the old ones are switched off a week\n"
            "later. The checklist for the move is in the team wiki, and I am glad to see the move happen.\n\n"
            f"{signoff}\nDana\n")
    feelings = analyzer.analyze(note)["takeaways"]["emotional"]
    words = [w.lower() for t in feelings for w in t.get("words", [])]
    assert [t["label"] for t in feelings if t["label"] == "Gratitude and thanks"] == (["Gratitude and thanks"] if thanks else [])
    assert any(signoff.lower().startswith(w) for w in words) == thanks, words


def test_a_sentence_that_repeats_anothers_words_with_a_new_figure_is_a_new_point(budgeted):
    text = ("Maintainer pay\n\nIn January we started paying the two maintainers a rate of 2,000 dollars a month.\n\n"
            "What changes\nFrom July the two maintainers will be paid a rate of 6,000 dollars a month. "
            "The sponsors' donations cover this until the end of the year. "
            "We will publish the accounts every quarter on the project's website.\n\n"
            "Why\nTwo of our largest sponsors left last spring, and the donations that remain barely cover "
            "the servers.\n")
    gists = gists_of(budgeted(70).analyze(text)["takeaways"])
    assert "From July the two maintainers will be paid a rate of 6,000 dollars a month." in gists


@pytest.mark.parametrize("text, words, leaning", [
    # A short sentence that points back to where the story was.
    ("Funding update\n\nFrom June the project pays its three maintainers from donations alone.\n\n"
     "Looking back\n"
     "In 2019 the first maintainer left his job to work on the project full time, paid by a grant "
     "from a foundation that ended a year later. We did not want to stop there. "
     "Two more maintainers joined on a part-time rate the next spring.\n\n"
     "Where we are\nDonations now cover about half of what the three maintainers are paid.\n",
     50, "We did not want to stop there."),
    # A sentence that names things only by their place before.
    ("Hybrid work\n\nFrom February every team agrees on two anchor days a week in the office. "
     "In the survey, 71% of staff valued the flexibility, but 58% found it harder to meet colleagues. "
     "Anchor days keep the first and fix the second. "
     "Nobody is asked to come in more than two days a week.\n",
     60, "Anchor days keep the first and fix the second."),
    # A subject that picks one of the things just named.
    (("Ending support for 2.x\n\nFrom 1 March the 2.x releases get no more security fixes.\n\n"
      "How to check\nIf you are not sure which release you run, you are most likely on 3.x already. To check, "
      "you can type the version command or open the About box of the app. Either one will print your "
      "current release.\n\n"
      "What to do\nIf you still run 2.x on an old machine, you will find fewer and fewer tools for it. We "
      "recommend that you upgrade to 3.1 soon.\n"),
     50, "Either one will print your current release."),
])
def test_a_sentence_that_leans_on_what_came_before_is_never_a_gist(budgeted, text, words, leaning):
    quotes = digest_quotes(budgeted(words).analyze(text)["takeaways"])
    assert quotes and leaning not in quotes


def test_a_short_sentence_that_gives_a_count_is_a_gist_though_it_opens_with_this(budgeted):
    # "third" is one of spaCy's stop words; a count is still what the sentence is about.
    text = ("Hosting escalation\n\nI am asking you to take our hosting contract to the review board, with a "
            "recommendation that we do not renew it in June. This is the third outage this quarter. Both times "
            "the status page stayed green until we called the vendor ourselves.\n")
    assert "This is the third outage this quarter." in gists_of(budgeted(60).analyze(text)["takeaways"])


def test_a_farewell_names_who_leads_next_rather_than_its_closing_wave(analyzer):
    letter = ("Moving on\n\nAfter four years as lead of the docs team, it is time for me to move on. My last day is "
              "28 November.\n\nWorking with all of you has been the best part of my career. The guides we rewrote "
              "last year are read by thousands of people every week, and the style checks catch most broken links "
              "before they ship. Priya will step in as acting lead while the board looks for the next one. The "
              "review rota stays as it is. Keep writing, folks. I'll see you at the next community meetup in the "
              "spring.\n")
    quotes = quotes_of(items_of(analyzer.analyze(letter)["takeaways"]))
    assert "Priya will step in as acting lead while the board looks for the next one." in quotes
    assert not any(q.startswith("I'll see you") for q in quotes)


def test_a_pointer_to_another_post_is_not_the_main_point(analyzer):
    update = ("Root certificate changes\n\nSee our new blog post for details on the September 2024 expiry of the "
              "cross-signed root.\n\nWhen a new certificate authority starts, browsers do not trust it for years. "
              "We got a cross-signature from an older authority to bridge that gap.\n")
    assert not main_quote(analyzer, update).startswith("See our new blog post")


def test_a_notice_of_a_death_reads_as_sadness_however_long_its_history(analyzer):
    history = " ".join(f"In {2010 + i} the team translated edition {i} of the handbook for {10 * i} more readers."
                       for i in range(1, 30))
    notice = ("Subject: Remembering Nadia Petrov\n\nNadia Petrov, who started our translation team, passed away "
              f"on 14 March. She was a warm and patient colleague.\n\n{history}\n\nWe are grateful to have "
              "worked with her, and her loss is felt by many of us.\n")
    labels = [t["label"] for t in analyzer.analyze(notice)["takeaways"]["emotional"]]
    assert labels[0] == "Sadness" and CALM_LABEL not in labels


def test_a_long_letter_without_headings_gets_a_gist_from_each_stretch_of_it(analyzer):
    plans = " ".join(f"Our first product helped sales teams plan their {w} meetings, and sales leaders told us the "
                     "sales plans were useful." for w in ["Monday", "weekly", "quarterly", "monthly", "daily",
                                                          "review", "pipeline", "territory", "forecast", "hiring",
                                                          "coaching", "account"])
    calls = " ".join(f"In week {i} we booked {i + 1} more calls with heads of sales and showed them the sales "
                     "planner." for i in range(1, 12))
    ending = ("Two days before the deadline we threw the application away and wrote it again in plain words. "
              "We rebuilt the demo around developers and their tech debt. Ten companies asked to try it within a "
              "week. The interview invitation came on Friday, and we were accepted into the accelerator in March.")
    letter = f"Subject: Before the accelerator\n\n{plans}\n\n{calls}\n\n{ending}\n"
    gists = [t for t in items_of(analyzer.analyze(letter)["takeaways"]) if t["role"] == "gist"]
    assert len(gists) == 2
    assert {e["line"] for e in gists[-1]["evidence"]} == {7}


@pytest.mark.parametrize("sentence, acts", [
    ("The Acme team will discontinue the old Windows installer in May.", True),
    ("The Acme security team will rotate every key this week.", True),
    ("The team will discontinue the old Windows installer in May.", False),
    ("The Acme logo will change in May.", False),
])
def test_a_team_its_organisation_names_acts_for_it(nlp, sentence, acts):
    """Its decision words state the organisation's own decision, as a board's would."""
    found = [c for c in quotable(nlp, f"Support\n\n{sentence}\n") if c.text == sentence]
    assert [c.agent for c in found] == [acts]

OPEN_LEAD_INS = """Statement on the conference complaint

The board has received a complaint about behaviour at the spring conference. We take every report seriously,
and an independent reviewer will look at this one by the end of May.

We have decided to suspend the conference's volunteer programme until the review ends. The reviewer will
report to the whole board, and we will publish what the board decides.

To protect the people involved, this note does not:

- name the members who complained
- repeat what was said at the dinner
- judge anyone before the review ends

The problem in the registration system affects accounts which:

- were created before the March migration and never signed in again
- were moved over from the old billing system by hand last year

From June the new organisation will hold the main parts of the project, such as:

- the compiler and its command-line tools
- the standard library and its documentation
"""


def test_an_item_that_only_finishes_its_lead_in_is_never_quoted_alone(analyzer):
    quotes = digest_quotes(analyzer.analyze(OPEN_LEAD_INS)["takeaways"])
    assert quotes
    for item in ("repeat what was said", "judge anyone", "were created before", "were moved over",
                 "the compiler and its", "the standard library"):
        assert not any(q.startswith(item) for q in quotes), (item, quotes)
    for lead in ("this note does not:", "affects accounts which:", "such as:"):
        assert not any(q.endswith(lead) for q in quotes), (lead, quotes)


@pytest.mark.parametrize("lead, finished", [
    ("Our core reviewers demonstrate:", True),
    ("Our goals for the year include:", True),
    ("By the end of June we will:", True),
    # a lead-in whose verb has its object already hands over to items that stand alone
    ("The council agreed on the following points:", False),
])
def test_an_item_that_is_the_object_its_lead_in_lacks_only_finishes_it(nlp, lead, finished):
    text = f"Reviews\n\n{lead}\n\n- a good grasp of the billing code\n- a record of careful, kind reviews\n"
    items = [c for c in quotable(nlp, text) if c.item and c.text.startswith("a good grasp")]
    assert [c.finishes_lead_in for c in items] == [finished]


def test_a_list_item_is_not_cut_where_it_leaves_a_clause_open(nlp):
    text = ("Scope\n\nThe fault hit only messages that:\n\n"
            "- were posted in channels in which, at the time of posting, guests could read history\n"
            "- were copied in from another server after the sender had left the channel\n")
    listed = max((c for c in quotable(nlp, text) if not c.item), key=lambda c: c.words)
    assert "in which;" not in listed.text
    assert listed.text.startswith("The fault hit only messages that: were posted in channels in which, at the time")


def test_the_books_a_writer_recommends_are_never_quoted_as_a_gist(analyzer):
    text = ("Why we are moving off the old scheduler\n\n"
            "The old scheduler cannot run jobs across regions, and its last release was three years ago. "
            "From June, every team schedules its jobs with the new service. Teams that need help with the "
            "move can book an hour with the platform group each week.\n\n"
            "If you want to know more about scheduling, I recommend the following three books:\n\n"
            "- Scheduling at Scale: Queues, Workers and the Limits of Cron by Ana Ruiz (2019).\n"
            "- Distributed Job Systems: A Practical Guide for Operators by Li Wei (2021).\n"
            "- The Patient Queue: Designing Work That Waits Its Turn by Omar Haddad (2018).\n")
    quotes = " ".join(digest_quotes(analyzer.analyze(text)["takeaways"]))
    assert "(2019)" not in quotes and "(2021)" not in quotes and "(2018)" not in quotes


def test_a_list_written_as_one_sentence_is_quoted_without_its_joints(nlp):
    text = ("Contributions\n\nThis year the project received valuable contributions:\n\n"
            "- Ana Ruiz gained commit rights and now leads the documentation team,\n"
            "- Li Wei designed the new logo and the colours of the website,\n"
            "- Omar Haddad translated the user survey into three languages, and\n"
            "- Sara Berg ran the first mentoring programme for new contributors.\n")
    found = quotable(nlp, text)
    items = [c.text for c in found if c.item]
    assert items[0] == "Ana Ruiz gained commit rights and now leads the documentation team"
    assert items[2] == "Omar Haddad translated the user survey into three languages"
    listed = max((c for c in found if not c.item), key=lambda c: c.words)
    assert ",;" not in listed.text and "and;" not in listed.text


def test_an_item_that_is_a_sentence_of_its_own_may_be_quoted_under_a_negated_lead_in(nlp):
    text = ("Retrospective\n\nThe launch slipped by two weeks.\n\nWhat did not go well:\n\n"
            "- The deploy took four hours because the database migration locked every table.\n"
            "- Two people were on call for the whole weekend without a break.\n")
    items = [c for c in quotable(nlp, text) if c.item]
    assert items and not any(c.finishes_lead_in for c in items)
