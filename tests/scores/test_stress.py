"""The stress index: levels, short texts, its explanation, and how reports show it."""

import math
import re

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analyzer import LexiconError
from analyzer.render import render
from analyzer.data.files import DataText
from analyzer.scores.sentiment import parse_overrides

MEMO = """# Weekly planning
We plan the next sprint on Monday with product and design. Each team brings its roadmap, we
agree on the order of work, and we write the decisions in the shared tracker. The release
train leaves every second Thursday and the process has worked well for two quarters. New
joiners pick it up within a week, and the retrospective notes show few surprises.

# Capacity
I am honestly overwhelmed. The team is stretched thin and we have been working overtime for
six weeks, with no break in sight. I am worried that I cannot keep up, and I doubt I have the
experience to lead this on my own. There is immense pressure from sales and the deadlines
keep moving closer.

# How the feedback landed
I found the feedback disheartening and unfair. People worked late nights and weekends, some at
the cost of their own health, and they never complained. Reading that they did not take
ownership felt like being taken for granted. I am frustrated and sad about how it was phrased.

# A plea
Please let's not break this team. I am asking for time, for two more engineers, and for a plan
we can actually deliver without burning people out. If we keep going like this, I am afraid
we will lose good people, and I do not know how much longer I can hold it together.
"""


@pytest.fixture(scope="module")
def report(analyzer):
    return analyzer.analyze(MEMO, source="memo.md")


def by_title(report):
    return {s["title"]: s for s in report["sections"]}


def test_strained_sections_rank_above_the_calm_one(report):
    ranked = [s["title"] for s in sorted(report["sections"], key=lambda s: -s["stress"]["index"])]
    assert ranked[-1] == "Weekly planning"
    assert set(ranked[:3]) == {"Capacity", "How the feedback landed", "A plea"}
    sections = by_title(report)
    assert sections["Weekly planning"]["stress"]["level"] == "low"
    assert sections["Capacity"]["stress"]["level"] == "high"


def test_the_index_is_recomputed_from_its_drivers(report):
    for stress in [report["stress"], *(s["stress"] for s in report["sections"])]:
        score = stress["baseline"] + sum(d["contribution"] for d in stress["drivers"])
        assert stress["index"] == pytest.approx(100 / (1 + math.exp(-score)), abs=0.1)


def test_drivers_name_the_words_behind_them(report):
    drivers = {d["feature"]: d for d in by_title(report)["Capacity"]["stress"]["drivers"]}
    assert drivers["workload"]["contribution"] > 0
    assert {"overwhelmed", "stretched thin"} <= set(drivers["workload"]["words"])
    assert "overtime" in drivers["exhaustion"]["words"]  # time taken from rest
    assert drivers["pressure"]["words"][0] == "pressure"  # "immense pressure" weighs most


def test_words_between_quotation_marks_add_nothing_to_the_writers_stress(analyzer):
    quoted = analyzer.analyze("The pager rota changes in May. One engineer wrote: “I am exhausted and honestly "
                              "angry that the pager never stops.” We will review the rota in June.\n")["stress"]
    drivers = {d["feature"]: d for d in quoted["drivers"]}
    assert "exhausted" not in drivers["exhaustion"]["words"] and quoted["categories"]["exhaustion"] == 0


@pytest.mark.parametrize("text", ["The team is stretched thin.", "Worried.\nVery worried about the launch date."])
def test_a_short_text_gets_no_confident_level(analyzer, text):
    stress = analyzer.analyze(text)["stress"]
    assert stress["too_short"] is True
    assert stress["level"] is None
    assert 0 <= stress["index"] <= 100


def test_a_heading_without_prose_has_no_index(analyzer):
    section = analyzer.analyze("# Empty\n# Next\nSome words here.\n")["sections"][0]
    assert section["stress"]["index"] is None and section["markers"] == []


def test_markers_in_the_report_carry_their_evidence(report):
    markers = by_title(report)["Capacity"]["markers"]
    pressure = next(m for m in markers if m["text"] == "pressure")
    assert pressure == {
        "category": "pressure", "group": "stress", "text": "pressure", "lemma": "pressure", "line": 10,
        "weight": 1.6, "base_weight": 1.0,
        "adjusted_by": [{"kind": "intensifier", "text": "immense", "factor": 1.6, "line": 10}],
        "entry": pressure["entry"],
    }
    assert pressure["entry"].startswith("lexicons/markers/stress.tsv:")
    complained = next(m for m in by_title(report)["How the feedback landed"]["markers"] if m["text"] == "complained")
    assert complained["weight"] == 0 and complained["adjusted_by"][0]["kind"] == "negation"
    assert len(report["markers"]) == sum(len(s["markers"]) for s in report["sections"])


def test_categories_are_densities_per_100_words(report):
    stress = by_title(report)["Capacity"]["stress"]
    workload = sum(m["weight"] for m in by_title(report)["Capacity"]["markers"] if m["category"] == "workload")
    assert stress["categories"]["workload"] == pytest.approx(100 * workload / stress["words"], abs=0.01)
    assert set(stress["categories"]) >= {"workload", "pressure", "anger", "gratitude", "hedge", "plea"}


def test_markdown_shows_each_sections_stress_and_top_markers(report):
    markdown = render(report, "markdown", detail=True)
    assert "| Stress language | " in markdown
    capacity = markdown.split("### 2. Capacity")[1].split("###")[0]
    assert re.search(r"- Stress language: \d+/100, high\. Raised by workload and capacity \(“", capacity)
    assert "line 10: “pressure” (pressure and urgency, weight 1.6; intensified by “immense”)" in capacity
    feedback = markdown.split("### 3. How the feedback landed")[1].split("###")[0]
    assert "“complained” counts for nothing (frustration and anger; negated by “never”)" in feedback


def test_markdown_describes_the_text_never_a_persons_health(report):
    prose = re.sub(r"“[^”]*”", "", render(report, "markdown"))  # the writer's quoted words aside
    assert not re.search(r"\b(writer|author|you are|they are|is|are|feels?) (stressed|burn[et]d? out|exhausted|"
                         r"anxious|depressed|overwhelmed)\b", prose, flags=re.I)


@pytest.mark.parametrize(
    "text, compound",
    [
        ("Please review the attached plan.", lambda c: c == 0),
        ("We are overwhelmed by the deadline.", lambda c: c < -0.3),
        ("No issues this week.", lambda c: c > 0),
        ("It is not on track.", lambda c: c < 0),
    ],
)
def test_vader_overrides_fix_workplace_words(nlp, text, compound):
    doc = nlp(f"# Note\n{text}\nSecond line here.\n")
    first = next(s for s in doc.sents if s.text.strip() == text)
    assert compound(first._.analyzer_sentence_sentiment.compound)


def test_the_words_of_a_name_rate_nothing(nlp):
    doc = nlp("# Note\nThe board of the Halverson Trust will meet the Hope Street Clinic in May.\nSecond line here.\n")
    first = next(s for s in doc.sents if s.text.startswith("The board"))
    assert first._.analyzer_sentence_sentiment.compound == 0
    assert first._.analyzer_sentence_sentiment.words == ()


def test_an_override_phrase_is_quoted_whole_in_the_evidence(nlp):
    doc = nlp("# Note\nNo issues this week.\nAll good.\n")
    first = next(s for s in doc.sents if s.text.startswith("No"))
    assert first._.analyzer_sentence_sentiment.words == (("No issues", 1.2),)


def test_vaders_own_lexicon_is_left_alone(nlp):
    assert SentimentIntensityAnalyzer().lexicon["please"] == 1.3
    assert nlp.get_pipe("analyzer_sentiment").vader.lexicon["please"] == 0


@pytest.mark.parametrize(
    "line, message",
    [
        ("please\tvery", "line 1: bad valence 'very'; use a number from -4 to 4"),
        ("please\t9", "line 1: bad valence '9'"),
        ("Please!\t0", "line 1: bad term 'Please!'"),
        ("please", "line 1: expected term<TAB>valence<TAB>[note], found 1 column"),
    ],
)
def test_a_bad_override_line_names_its_line(line, message):
    with pytest.raises(LexiconError, match=re.escape(f"vader.tsv, {message}")):
        parse_overrides(DataText("vader.tsv", line + "\nplease\t0\n"))
