"""Redaction on documents shaped like real ones: every format writes, and nobody is named in it.

Each case is a place real memos put names (headers, cc: lines, sign-offs, possessives,
handles, non-ASCII names, e-mail addresses, file paths) or a name that collides with our own
words (a person called Mark, and the page's <mark> tags). The leak gate runs on every output,
as the CLI runs it; a refusal here is a gap in the redaction.
"""

import json
import re
from functools import partial

import pytest

from analyzer import Analyzer
from analyzer.errors import LeakError
from analyzer.privacy import check_leaks
from analyzer.render import FORMATS, render


@pytest.fixture(scope="module")
def redacting(nlp):
    """Redacting, with the section text the HTML page shows, as the CLI asks for it."""
    return Analyzer(redact=True, section_text=True)


def written(report) -> dict[str, str]:
    """Every format as a writer would write it: rendered, then through the leak gate."""
    outputs = {}
    for fmt in FORMATS:
        text = render(report, fmt)
        check_leaks(text, report, partial(render, fmt=fmt))
        outputs[fmt] = text
    return outputs


def readable(fmt: str, text: str) -> str:
    """What a reader sees: JSON's strings, the page without its markup."""
    if fmt == "json":
        return json.dumps(json.loads(text), ensure_ascii=False)
    if fmt == "html":
        return re.sub(r"<[^>]+>", " ", text)
    return text


def named(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


EMAIL = """From: Whitfield, Dana <dana.whitfield@example.org>
To: Ortega, Tomás
Subject: The weekend rota

Hi Tomás,

The weekend rota has worn everyone down. Three of us covered six weekends in a row and
nobody has had a proper break since March. I am worried we will lose people.

Can we talk on Thursday about hiring a contractor?

Dana
"""

CASES = {
    "surname-first From: header, first-name sign-off": (EMAIL, ["Dana", "Whitfield", "Tomás", "Ortega"]),
    "cc: line": (
        "To: Lena Fischer\ncc: Priya Raman, Björn Halvorsen\nSubject: Outage follow-up\n\n"
        "The outage on Monday was stressful for the whole team. We are exhausted.\n",
        ["Lena", "Fischer", "Priya", "Raman", "Björn", "Halvorsen"]),
    "possessive": (
        "# Review notes\n\nAsha Varghese's review came in late, and Asha's team covered the gap.\n"
        "The delay frustrated everyone.\n", ["Asha", "Varghese"]),
    "lower-case handle beside its @handle": (
        "@kwame.a fixed the deploy script on Friday.\nPlease ping kwame on chat if it breaks again.\n",
        ["kwame", "kwame.a"]),
    "a name in lower case, and glued into a user name": (
        "Alba Moreau wrote the plan on Monday.\nalba handled comms too, and tor.h will ship it.\n"
        "Tor Halvard agreed with her.\n", ["Alba", "alba", "Moreau", "tor.h", "Tor", "Halvard"]),
    "non-ASCII name in the title, a heading, quotes and claims": (
        "# Feedback for Zoë Müller-Łukasz\n\n## What Zoë Müller-Łukasz did well\n\n"
        "Zoë Müller-Łukasz rebuilt the alerting in two weeks. Everyone says Zoë is exhausted now.\n\n"
        "## Worries\n\nI am worried that Zoë Müller-Łukasz carries the whole on-call load alone.\n",
        ["Zoë", "Müller", "Łukasz", "Zoe", "Muller", "Lukasz"]),
    "name inside an e-mail address": (
        "Send the figures to ines.carvalho@example.com before Friday; Ines Carvalho will merge them.\n",
        ["ines.carvalho", "Ines", "Carvalho"]),
    "lower-case author slugs in a header": (
        "# Post-incident review\nAuthors: mfeldman, jo-anne\n\nThe deploy failed twice and we rolled back.\n",
        ["mfeldman", "jo-anne"]),
    "a timeline whose verb after a name the tagger reads as a noun": (
        "Timeline\n\n- 21:33 UTC: Dana notices the support mail, pings Sean on chat, Sean starts investigating\n"
        "- 21:37 UTC: Sean and Dana find the symptoms of the incident\n"
        "- 22:20 UTC: Sean addresses Dana's concerns in the PR\n", ["Sean", "Dana"]),
    "a first name that takes a job 'as' its title": (
        "Our treasurer leaves the board in March after four years. Ingrid will step in as acting treasurer "
        "until the members vote.\n", ["Ingrid"]),
    "lower-case author slugs joined by '&' and 'and' in a header": (
        "# Security advisory\nAuthor: mfeldman & jo-anne and tkrol\n\nThe deploy key leaked and we revoked it.\n",
        ["mfeldman", "jo-anne", "tkrol"]),
    "a camel-case user name in a header": (
        "Title: Security incident disclosure\nAuthor: DanaWhitfield\n\nThe deploy key leaked and we revoked it.\n",
        ["DanaWhitfield"]),
    "a name written with its given name in lower case, in a header": (
        "Title: Changes to the release rota\nAuthor: corin Maddox\n\nThe rota moves to two-week turns.\n",
        ["corin", "Maddox"]),
    "a user name in brackets after a person's name or after 'me'": (
        "We have hired Marit Solberg (mSolberg42) as release engineer. For sponsorship, contact me "
        "(quill_ops) or the board.\n", ["Marit", "Solberg", "mSolberg42", "quill_ops"]),
    "a user name that acts as people do": (
        "The port is finished. Last spring qx7Runner decided to hand the driver over to the team.\n",
        ["qx7Runner"]),
    "a list of user names credited for a report": (
        "Release notes\n\nMany thanks to the people who reported these flaws privately: Fern-Gully, "
        "skrypto, OttoBlank, kv9931 and lumenrid.\n",
        ["Fern-Gully", "skrypto", "OttoBlank", "kv9931", "lumenrid"]),
    "a list of first names under 'Signed,'": (
        "We ask the board to approve the charter.\n\nSigned,\n\nFarida, Goran, Hyejin, Ilse, Jomo\n",
        ["Farida", "Goran", "Hyejin", "Ilse", "Jomo"]),
    "a list of first names two blank lines under 'Signed,'": (
        "We ask the board to approve the charter.\n\nSigned,\n\n\nFarida, Goran, Hyejin, Ilse, Jomo\n",
        ["Farida", "Goran", "Hyejin", "Ilse", "Jomo"]),
    "a list after a people noun": (
        "This year we paid two new maintainers:\nOyelaran, Radek, and Siobhan.\n"
        "The money ran out in May and the work is stalling.\n", ["Oyelaran", "Radek", "Siobhan"]),
    "a job title, a comma, then the name": (
        "Questions go to our Executive Director, Marguerite Oduya, who leads the review.\n",
        ["Marguerite", "Oduya"]),
    "a heading naming a person, used as a digest gist's label": (
        "# Workshop notes\n\nImogen Sato and I ran the first workshop this week with twenty researchers.\n\n"
        "## From Imogen\n\nThe installation session took far too long and the room's network failed "
        "twice. Next time we will send the setup instructions a week ahead and test the network.\n\n"
        "## From the helpers\n\nThe exercises worked well and the learners asked for more of them.\n",
        ["Imogen", "Sato"]),
    "a bulleted roster with affiliations, a handle and a name in another script": (
        "# Election results\n\nThe vote was close and the new council is keen to start.\n\n"
        "- Kenji Watanabe (Northwind Labs)\n- Thandiwe Nkosi, @tnkosi\n- Oluwaseun Adebayo\n"
        "- Liang Wei (梁伟)\n- Marisol Quispe (Contoso)\n",
        ["Thandiwe", "Nkosi", "tnkosi", "Liang", "梁伟", "Marisol", "Quispe"]),
    "cited authors, one in lower case": (
        "# Reading notes\n\nOn-call load predicts attrition (Abernethy, 2004), as Lindqvist et al. (2019) "
        "confirm.\nAs zora finch (2016) argues, rest is work; finch writes that we burn out without it.\n",
        ["Abernethy", "Lindqvist", "zora", "finch"]),
}


@pytest.mark.parametrize("text, names", CASES.values(), ids=CASES.keys())
def test_every_format_writes_and_names_nobody(redacting, text, names):
    outputs = written(redacting.analyze(text, source="memo.txt"))
    for fmt, out in outputs.items():
        seen = readable(fmt, out)
        assert not [n for n in names if named(n, seen)], fmt


def test_a_name_written_surname_first_is_one_person(redacting):
    people = redacting.analyze(EMAIL)["privacy"]["people"]
    # Dana (the header and the last line) and Tomás (the header and the greeting), nobody split in two.
    assert [p["mentions"] for p in people] == [2, 2]


def test_a_name_glued_into_a_user_name_joins_its_person(redacting):
    report = redacting.analyze(CASES["a name in lower case, and glued into a user name"][0])
    assert [p["mentions"] for p in report["privacy"]["people"]] == [2, 2]


def test_a_hyphenated_name_is_replaced_whole(redacting):
    report = redacting.analyze(CASES["non-ASCII name in the title, a heading, quotes and claims"][0])
    assert report["document"]["title"] == "Feedback for Person 1"


# Names that are also words, ours among them: "mark" (the page's <mark>, "words that mark
# them"), "line" ("line 3"), "joy" and "hope" (emotion categories), "will", "max"...
WORD_NAMES = ["Mark", "Max", "Joy", "Hope", "Line", "Will", "Grace", "Bill"]
WORDY_MEMO = """# Rota review

{name} Abernethy joined the support rota in May. I told {name} that the weekend shifts are
exhausting and that we are worried about burnout. We hope the new rota brings some joy back,
and we will mark the change in the line of the next plan.

The pressure is overwhelming and everyone is anxious about the deadline.

Thanks,
{name}
"""


@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_name_that_is_one_of_our_own_words_is_never_refused(redacting, name):
    outputs = written(redacting.analyze(WORDY_MEMO.format(name=name)))
    for fmt, out in outputs.items():
        seen = readable(fmt, out)
        assert not named("Abernethy", seen) and not named(f"told {name}", seen), fmt
    assert "<mark" in outputs["html"]


def test_a_name_that_is_a_word_of_the_source_label_is_never_refused(redacting):
    memo = "Budget note\n\nThanks to Dana Source for the review. She found two errors in the March figures.\n"
    for fmt, out in written(redacting.analyze(memo, source="budget.txt")).items():
        assert not named("Dana", readable(fmt, out)), fmt


def test_a_file_path_is_replaced_by_a_neutral_label(redacting, run_cli, tmp_path):
    report = redacting.analyze("Dana Whitfield sent the plan.\n", source="reviews/dana-whitfield.txt")
    assert report["document"]["source"] == "[source]"
    path = tmp_path / "dana-whitfield-notes.txt"
    path.write_text("Dana Whitfield sent the plan. I told Dana it was late.\n")
    for fmt in FORMATS:
        result = run_cli("analyze", str(path), "--redact", "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert not re.search("dana|whitfield", result.stdout, re.IGNORECASE), fmt


def test_the_gate_names_the_field_and_line_never_the_name(redacting):
    report = redacting.analyze(EMAIL)
    leaked = dict(report)
    leaked["claims"] = [dict(c) for c in report["claims"]]
    leaked["claims"][0]["subject"] = "Whitfield"
    leaked = type(report)(leaked)
    leaked.privacy = report.privacy
    with pytest.raises(LeakError) as caught:
        check_leaks(render(leaked, "json"), leaked, partial(render, fmt="json"))
    message = str(caught.value)
    assert f"in the claim subject from line {report['claims'][0]['line']}" in message
    assert "Whitfield" not in message and "Dana" not in message


def test_the_gate_still_refuses_what_a_renderer_adds(redacting):
    report = redacting.analyze(EMAIL)

    def debugging(whole):
        """A renderer bug: it prints what was redacted, read from the report's privacy record."""
        context = getattr(whole, "privacy", None)
        return render(whole, "markdown") + (" ".join(t.text for t in context.terms) if context else "")

    with pytest.raises(LeakError, match="outside any field of the report") as caught:
        check_leaks(debugging(report), report, debugging)
    assert "Dana" not in str(caught.value)


KEPT = {
    "a product after 'the'": ("The Director approved it, and the Steward who reviewed it agreed.\n",
                              ["Director", "Steward"]),
    "a product followed by an acronym": ("Thanks to Jenkins CI for years of free builds. Jenkins CI is slow.\n",
                                        ["Jenkins"]),
    "a list with an acronym": ("Sponsors include Nimbus, Corelink, IDP, and Quarry.\n", ["Nimbus", "Corelink"]),
    "products that organisations' possessives own": (
        "Many teams use the engine in production, from Larkspur's Beacon, to Quillon's Varro, and the phone "
        "apps built on them.\n", ["Varro"]),
    "a job title written before a name": (
        "Subject: Goodbye from Managing Director Ilse Brandt\n\nI leave the Pebblecrest Foundation at the end "
        "of June, after six years as its Managing Director.\n",
        ["Managing Director"]),
    "organisations the text says are one, doing what people do": (
        "Larkspur is a company founded by two maintainers. Pebblecrest is an open source project.\n\n"
        "Only Pebblecrest could decide to change its licence. We congratulate Larkspur on its launch.\n",
        ["Larkspur", "Pebblecrest"]),
}


@pytest.mark.parametrize("text, kept", KEPT.values(), ids=KEPT.keys())
def test_products_places_and_titles_stay_readable(redacting, text, kept):
    report = redacting.analyze(text)
    seen = json.dumps(report, ensure_ascii=False)
    assert [k for k in kept if named(k, seen)] == kept
