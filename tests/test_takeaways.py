"""The digest: a few themes and facts, each with its evidence, within the word budget."""

import json
from pathlib import Path

import pytest

from analyzer.data.files import DataText
from analyzer.errors import LexiconError
from analyzer.markers.lexicon import load_categories
from analyzer.takeaways.component import digest_words, parse_themes

SAMPLES = sorted((Path(__file__).parent.parent / "samples").iterdir())

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


@pytest.fixture(scope="module")
def charged(analyzer):
    return analyzer.analyze(CHARGED)["takeaways"]


@pytest.fixture(scope="module")
def ranked(nlp):
    """Every theme and fact before the word budget picks the few that fit."""
    emotional, factual = nlp.get_pipe("analyzer_takeaways").rank(nlp(CHARGED))
    return {"emotional": emotional, "factual": factual}


def test_each_takeaway_carries_its_fields(ranked):
    for theme in ranked["emotional"]:
        assert set(theme) >= {"label", "summary", "strength", "sections", "evidence"}
        assert 0 < theme["strength"] <= 1
        assert all(set(e) >= {"text", "section", "line"} for e in theme["evidence"])
    for fact in ranked["factual"]:
        assert set(fact) >= {"label", "summary", "modality", "kind", "evidence"}


def test_the_strongest_theme_leads_and_quotes_its_sentences(charged):
    first = charged["emotional"][0]
    assert first["label"] == "Stress and capacity concerns"
    assert "stretched thin" in first["summary"]
    assert any("stretched thin" in e["text"] for e in first["evidence"])


@pytest.mark.parametrize("label, word", [
    ("Disheartened or treated unfairly", "disheartening"),
    ("Self-doubt", "beyond my experience"),
    ("Pleas and appeals", "Please"),
])
def test_themes_a_reader_would_name_are_there(ranked, label, word):
    takeaways = ranked
    theme = next(t for t in takeaways["emotional"] if t["label"] == label)
    assert any(word.lower() in e["text"].lower() for e in theme["evidence"])


def test_figures_and_the_favoured_option_are_facts(ranked):
    takeaways = ranked
    by_label = {}
    for fact in takeaways["factual"]:
        by_label.setdefault(fact["label"], []).append(fact)
    assert any("70%" in f["summary"] for f in by_label["Figures"])
    options = by_label["Options and proposals"][0]
    assert options["summary"].startswith("2 options are laid out: “hire contractors”; “rotate engineers”.")
    assert "The writer favours “rotate engineers”" in options["summary"]
    assert options["modality"] == "opinion"


def test_a_figure_summary_keeps_every_figure_of_its_claim(analyzer):
    text = ("Budget\nFinance told us on Monday that the cloud bill for the search cluster is not going to "
            "grow by a modest 5% over the year as planned in the spring, but by roughly 40% before the "
            "end of the third quarter.\n")
    facts = analyzer.analyze(text)["takeaways"]["factual"]
    figures = [f["summary"] for f in facts if f["label"] == "Figures"]
    assert figures and "5%" in figures[0] and "40%" in figures[0]


def test_an_opinion_is_never_presented_as_a_fact(analyzer):
    text = ("Planning\nIn my opinion the new planning process is a mistake for this team.\n"
            "The process started in March and covers all twelve teams.\n") * 3
    for fact in analyzer.analyze(text)["takeaways"]["factual"]:
        if fact["modality"] == "opinion":
            assert fact["summary"].startswith("In the writer's view: ") or fact["label"] == "Options and proposals"


def test_a_short_note_gets_one_to_three_takeaways_within_a_quarter_of_its_words(analyzer):
    note = ("Quick update on the release. It slipped by two days because the payment tests kept "
            "failing, and I am worried we will miss the Friday deadline again. People are already "
            "working late every night this week. Please tell me by noon if you can help with the "
            "testing, and thanks to everyone for the effort so far. The vendor confirmed the fix "
            "ships on Monday, and the customer has agreed to wait until then.")
    report = analyzer.analyze(note)
    takeaways = report["takeaways"]
    count = len(takeaways["emotional"]) + len(takeaways["factual"])
    assert 1 <= count <= 3
    assert takeaways["words"] <= report["document"]["words"] / 4


def test_a_long_document_stays_under_600_words(analyzer):
    report = analyzer.analyze("\n\n".join([CHARGED] * 12))
    takeaways = report["takeaways"]
    counted = sum(digest_words(t) for t in takeaways["emotional"] + takeaways["factual"])
    assert counted == takeaways["words"] <= 600
    # Counted as its JSON reads too, keys and all.
    as_json = " ".join(json.dumps(takeaways[k]) for k in ("emotional", "factual"))
    assert len(as_json.split()) <= 600


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_gets_a_digest_within_budget(analyzer, sample):
    report = analyzer.analyze(sample.read_text())
    takeaways = report["takeaways"]
    assert takeaways["emotional"] and takeaways["factual"]
    assert takeaways["words"] <= takeaways["budget"]
    lines = report["document"]["lines"]
    for takeaway in takeaways["emotional"] + takeaways["factual"]:
        assert all(1 <= e["line"] <= lines for e in takeaway["evidence"])


def test_markdown_puts_the_digest_first(analyzer):
    from analyzer.render import render

    markdown = render(analyzer.analyze(CHARGED), "markdown")
    assert markdown.index("## Key takeaways") < markdown.index("## Sections")
    assert "### How it reads" in markdown and "### What it says" in markdown


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
