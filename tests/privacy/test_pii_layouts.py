"""analyzer_pii on names that only the layout or a citation points to: rosters and cited authors."""

import re

import pytest

from analyzer.privacy.pseudonyms import assign
from analyzer.privacy.redact import Redactor, build_terms

ROSTER = """Nominees for the open seats

Oluwaseun Adebayo
Marisol Quispe
Thandiwe Nkosi
Kenji Watanabe
Radek Dvořák

Voting closes on Friday.
"""

BULLETS = """Working group

The group met four times this spring. Its current makeup:

- Aigerim Sadykova (Northwind Labs)
- Tavita Faleolo, @tfaleolo
- Bartholomew Ngugi Mwangi (Riverbend University)
- Liang Wei (梁伟)
- Priyanka Raghunathan (Contoso)

We thank them for their time.
"""

LEAD_IN = """Steering committee results

The new members are:

- Nnamdi Okeke (Acme)
- Siddharth Iyer (Initech)
- Hoang Thi Lan (Globex)
- Bayarmaa Ganbold (Umbrella)
- Wiremu Tane (Hooli)
"""

COMMAS = "Reviewers this year were Oluwaseun Adebayo, Marisol Quispe, Thandiwe Nkosi, Kenji Watanabe.\n"

CITED = """Why small teams burn out

The pattern is well known. Okonkwo and Lindqvist (2013) showed that on-call load predicts attrition,
and Haugland et al. (2019) found the same in open-source projects. Rest is part of the work
(Abernethy, 2004; Mbeki & Osei 2011).
"""

LOWER_CASE = """Notes on rest

As zora finch (2016) argues, rest is a form of resistance. Later, finch writes that a team that
never stops cannot think.
"""


def people(doc) -> list[str]:
    return [m.text for m in doc._.analyzer_pii.mentions if m.label in ("PERSON", "HANDLE")]


def redacted(doc) -> str:
    detection = doc._.analyzer_pii
    return Redactor(build_terms(detection, assign(detection)))(doc.text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (ROSTER, ["Oluwaseun Adebayo", "Marisol Quispe", "Thandiwe Nkosi", "Kenji Watanabe", "Radek Dvořák"]),
        (BULLETS, ["Aigerim Sadykova", "Tavita Faleolo", "@tfaleolo", "Bartholomew Ngugi Mwangi", "Liang Wei",
                   "梁伟", "Priyanka Raghunathan"]),
        # One person vouches for a list after a lead-in about people; the companies stay companies.
        (LEAD_IN, ["Nnamdi Okeke", "Siddharth Iyer", "Hoang Thi Lan", "Bayarmaa Ganbold", "Wiremu Tane"]),
        # A heading about people is a lead-in too; a title and a middle initial do not end a name.
        ("# Elected members\n\n- Dr. Nnamdi C. Okeke (Acme)\n- Siddharth Iyer (Initech)\n"
         "- Hoang Thi Lan (Globex)\n- Bayarmaa Ganbold (Umbrella)\n",
         ["Nnamdi", "Okeke", "Siddharth Iyer", "Hoang Thi Lan", "Bayarmaa Ganbold"]),
        ("| Name | Company |\n|---|---|\n| Nnamdi Okeke | Acme |\n| Wiremu Tane | Initech |\n"
         "| Thandiwe Nkosi | Globex |\n| Marisol Quispe | Hooli |\n",
         ["Nnamdi Okeke", "Wiremu Tane", "Thandiwe Nkosi", "Marisol Quispe"]),
        # Names down any column of a table are a list of people, the parser's joining of
        # cells ("Checkout | Jonas Lindqvist") no list of things.
        ("| Person | Current team | New team | New manager |\n|---|---|---|---|\n"
         "| Nnamdi Okeke | Payments API | Checkout | Jonas Lindqvist |\n"
         "| Wiremu Tane | Payments API | Merchant Tools | Chloe Durand |\n"
         "| Marisol Quispe | Web Frontend | Checkout | Thandiwe Nkosi |\n",
         ["Nnamdi Okeke", "Jonas Lindqvist", "Wiremu Tane", "Chloe Durand", "Marisol Quispe", "Thandiwe Nkosi"]),
        ("Shortlist\n\n1. Thandiwe Nkosi\n2. Oluwaseun Adebayo\n3. Kenji Watanabe\n4. Marisol Quispe\n",
         ["Thandiwe Nkosi", "Oluwaseun Adebayo", "Kenji Watanabe", "Marisol Quispe"]),
        ("Candidates\n\n* Thandiwe Nkosi @tnkosi\n* Kenji Watanabe @kwat\n* Oluwaseun Adebayo @oade\n"
         "* Marisol Quispe @mq\n",
         ["Thandiwe Nkosi", "@tnkosi", "Kenji Watanabe", "@kwat", "Oluwaseun Adebayo", "@oade", "Marisol Quispe", "@mq"]),
        ("The panel was Oluwaseun Adebayo, Kenji Watanabe, Marisol Quispe,\nThandiwe Nkosi, Radek Dvořák.\n",
         ["Oluwaseun Adebayo", "Kenji Watanabe", "Marisol Quispe", "Thandiwe Nkosi", "Radek Dvořák"]),
        ("Candidates:\n\n* **Nnamdi Okeke** (Acme)\n* **Thandiwe Nkosi** (Initech)\n* __Marisol Quispe__ (Globex)\n",
         ["Nnamdi Okeke", "Thandiwe Nkosi", "Marisol Quispe"]),
        (COMMAS, ["Oluwaseun Adebayo", "Marisol Quispe", "Thandiwe Nkosi", "Kenji Watanabe"]),
        (CITED, ["Okonkwo", "Lindqvist", "Haugland", "Abernethy", "Mbeki", "Osei"]),
        (LOWER_CASE, ["zora finch", "finch"]),
        ("Later work confirmed it (see Abernethy, 2004), and Ruiz's (2016) survey found it too.\n",
         ["Abernethy", "Ruiz"]),
        ("Rest matters, as Haugland et al. showed.\n", ["Haugland"]),
        # A cue and a comma before the year cite without parentheses, whatever follows the year.
        ("Free time is not evenly shared, e.g. Okafor and Lindqvist, 2010 -- and that matters.\n",
         ["Okafor", "Lindqvist"]),
        # Initials open a name; a suffix and a name in another script without brackets end it.
        ("Voters\n\n    Oluwaseun Adebayo\n    J.R.K. Okonkwo\n    Marisol Quispe\n    Kenji Watanabe\n",
         ["Oluwaseun Adebayo", "Okonkwo", "Marisol Quispe", "Kenji Watanabe"]),
        ("The new members are:\n\n- Thandiwe Nkosi (Acme)\n- Liang Wei 梁伟 (Globex)\n- Kenji Watanabe (Initech)\n",
         ["Thandiwe Nkosi", "Liang Wei", "梁伟", "Kenji Watanabe"]),
        # Someone known by one name, in a list that is mostly full names; "None" stays a word.
        ("The nominees are:\n\n- Oluwaseun Adebayo\n- Marisol Quispe\n- Ximena\n- Kenji Watanabe\n\n"
         "Withdrawn:\n\n- None\n",
         ["Oluwaseun Adebayo", "Marisol Quispe", "Ximena", "Kenji Watanabe"]),
        # The people noun may sit a sentence before the lead-in's colon.
        ("Thanks to our retired members. Your help over the years meant a great deal:\n\n- Oluwaseun Adebayo (@oade)\n"
         "- Radek Dvořák Jr. (@rdv)\n- Tavita Faleolo (@tfa)\n",
         ["Oluwaseun Adebayo", "@oade", "Radek Dvořák", "@rdv", "Tavita Faleolo", "@tfa"]),
        ("References\n\nOkafor, J., & Lindqvist, K. (2004). Rest and work. Journal of Rest, 3, 1-10.\n",
         ["Okafor", "Lindqvist"]),
        # The name a person is known by, in the brackets a roster keeps for affiliations, is
        # theirs too; a company's new name is no person's.
        ("The new board members are:\n\n- Thandiwe Nkosi\n- Kenji Watanabe (known in the community as Radek Mraz)\n"
         "- Marisol Quispe\n\nAcme, now known as Globex, hosts the meetings.\n",
         ["Thandiwe Nkosi", "Kenji Watanabe", "Radek Mraz", "Marisol Quispe"]),
        # Given names joined by commas, most of them people the model knows: the others are
        # people too, past a word the model took for a product ("Hugo"), which is no member.
        ("Help desk winter review\n\nThe queue is back under a day. Thanks go to the people who answered the "
         "help desk this winter: Mireille, Sven, Ilya, Bogdan, Fabrice, Marek, Octave, Hugo, Kirsten, Katrin, "
         "Ned, and Kurt.\n",
         ["Mireille", "Sven", "Ilya", "Bogdan", "Fabrice", "Marek", "Octave", "Kirsten", "Katrin", "Ned", "Kurt"]),
        # Name particles may come two in a row.
        ("Reviewers this year were Ludwig van der Berg and Marisol de la Cruz.\n",
         ["Ludwig van der Berg", "Marisol de la Cruz"]),
    ],
)
def test_rosters_and_cited_authors_are_people(nlp, text, expected):
    assert people(nlp(text)) == expected


def test_a_roster_redacts_names_affiliations_aside_and_the_name_in_another_script(nlp):
    text = redacted(nlp(BULLETS))
    assert "- Person 4 (Person 4)" in text
    assert "(Northwind Labs)" in text and "(Riverbend University)" in text and "(Contoso)" in text
    assert not any(name in text for name in ("Faleolo", "tfaleolo", "Mwangi", "梁伟", "Raghunathan"))


def test_a_lower_case_author_is_one_person_wherever_written(nlp):
    doc = nlp(LOWER_CASE)
    assert "finch" not in redacted(doc)
    assert len(assign(doc._.analyzer_pii)) == 1
    assert doc._.analyzer_pii.people[("zora", "finch")] == ("cited author writing in lower case",)


def test_a_name_written_as_a_label_is_redacted_there_too(nlp):
    doc = nlp("Farewell to Odile Marchetti\n\n![][odile-marchetti-photo]\n\n"
              "Odile Marchetti led the archive team for ten years.\n")
    assert "odile" not in doc._.analyzer_pii.ordinary_words
    text = redacted(doc)
    assert "odile" not in text.lower() and "marchetti" not in text.lower()

def test_a_name_that_a_wrapped_line_breaks_in_two_is_one_name(nlp):
    doc = nlp("Release notes\n\n"
              "We fixed the cache bug in the new release and published the patched packages today. Thanks to [Odile\n"
              "Marchetti] from the storage team for helping us find the cause of the failing uploads so fast, and\n"
              "to the reviewers who stayed late to check every change before the release went out this morning.\n")
    assert "Odile" not in redacted(doc) and len(assign(doc._.analyzer_pii)) == 1
    # Under a list item's hanging indent, the indent is no word of the name.
    doc = nlp("Meeting notes\n\n"
              "- The council met with the release managers and thanked Odile\n"
              "  Marchetti for the work on the new release process and the checklist.\n"
              "- The council discussed the budget for the next year and agreed to fund\n"
              "  two more mentors for the summer programme, starting in June this year.\n")
    detection = doc._.analyzer_pii
    assert all(term.text.strip() for term in build_terms(detection, assign(detection)))
    assert "Odile" not in redacted(doc)
    # The line the name goes on in may be short, when it holds more than names.
    doc = nlp("Team changes\n\n"
              "We are very glad to announce today that Odile\n"
              "Marchetti and Li Wei\n"
              "have joined the billing team, and both of them start on Monday next week.\n"
              "They have worked with us on the ledger for more than two years and know it well.\n"
              "The team will meet them at the planning meeting on Tuesday afternoon as usual.\n")
    assert "Odile" not in redacted(doc) and len(assign(doc._.analyzer_pii)) == 2
    # The lines of a roster are names of their own.
    assert people(nlp(ROSTER))[:2] == ["Oluwaseun Adebayo", "Marisol Quispe"]

def test_names_on_the_fold_of_a_long_header_are_people(nlp):
    # A long To line folds onto lines that start with a space (RFC 5322): still the header.
    text = ("From: Ops desk <ops@example.com>\nTo: Platform team <team@example.com>,\n"
            " tfaleolo, Bayarmaa Ganbold <bg@example.com>\nSubject: Rota for March\n\nThe rota is attached.\n")
    assert people(nlp(text)) == ["tfaleolo", "Bayarmaa Ganbold"]


def test_a_quoted_value_over_several_lines_keeps_the_front_matter_whole(nlp):
    # YAML lets a quoted value run on over unindented lines; the authors after it are still read.
    text = ('---\ntitle: Rota for March\nexcerpt: "The rota changes this month,\nand the handover moves to '
            'Fridays."\nauthors:\n- tfaleolo\n---\n\nThe rota is attached.\n')
    assert people(nlp(text)) == ["tfaleolo"]


def test_names_written_as_markdown_links_are_people(nlp):
    text = ("We now pay three maintainers: [Yìfān](https://example.org/yf), [Gaëtan](https://example.org/gt) "
            "and [Kai](https://example.org/kai).\n\nOur steward is [Philippa Ormsby](https://example.org/po).\n")
    assert people(nlp(text)) == ["Yìfān", "Gaëtan", "Kai", "Philippa Ormsby"]


def test_a_personal_site_that_runs_a_name_together_is_personal_data(nlp):
    doc = nlp("We thank Marta Ilves, who helped us move to https://martailves.example.com/ last year.\n")
    assert ("URL", "https://martailves.example.com/") in [(m.label, m.text) for m in doc._.analyzer_pii.mentions]


@pytest.mark.parametrize("key", ["authors", "by"])
def test_the_authors_listed_in_front_matter_are_people(nlp, key):
    text = (f"---\ntitle: Rota for March\n{key}:\n  - tfaleolo\n  - Bayarmaa Ganbold\ntags:\n  - rota\n---\n\n"
            "The rota is attached.\n")
    assert people(nlp(text)) == ["tfaleolo", "Bayarmaa Ganbold"]


@pytest.mark.parametrize(
    "text",
    [
        # One name the model takes for a person does not make a list of products people.
        "Where we deploy:\n\n- Google Cloud\n- Amazon Web Services\n- Microsoft Azure\n- Oracle Cloud\n",
        "Supported browsers:\n\n- Safari\n- Chrome Dev Tools\n- Firefox Nightly\n- Microsoft Edge\n",
        # A year in parentheses after a common noun, or a month, cites nobody.
        "The last survey (2019) and the one before (March 2017) asked the same questions.\n",
        "Python 3 (2008) broke the old syntax, as the release notes (2008) explain.\n",
    ],
)
def test_lists_of_things_and_dated_nouns_are_not_people(nlp, text):
    assert people(nlp(text)) == []


@pytest.mark.parametrize("text", ["he would just buy a mansion in LA", "We met the team from La"])
def test_a_particle_alone_at_the_end_of_a_text_names_nobody(nlp, text):
    # "la" is a name particle ("de la Cruz"); alone, with no newline after it, it once ran off the text.
    assert people(nlp(text)) == []


def test_a_text_that_is_one_run_of_capitalised_words_is_read_to_its_end(nlp):
    # The name read as opening a list line ended with the text; looking past it for an
    # affiliation in parentheses once ran off the end.
    assert isinstance(people(nlp("Grim Southern Rogues")), list)


@pytest.mark.parametrize("text, expected", [
    # The parser hangs a link's text on the last word of its address.
    ("We thank [Dana Whitfield](https://git.example.org/dwhit) for her work.\n", ["Dana Whitfield"]),
    # Linked names need no "and" to be a list, and a byline is no title for opening with a capital.
    ("Posted 3 June 2025 by [Dana Whitfield](https://x.example/dw), [Tomas Lindqvist](https://x.example/tl), "
     "[Amara Okafor](https://x.example/ao)\n\nThe rota is attached.\n",
     ["Dana Whitfield", "Tomas Lindqvist", "Amara Okafor"]),
])
def test_names_that_are_a_links_text_are_people(nlp, text, expected):
    assert people(nlp(text)) == expected


def test_a_signers_list_stays_people_when_the_model_tags_one_surname_an_organisation(nlp):
    """The model's organisation tags do not decide a list that accepted people vouch for: it
    tagged one surname of a real statement's seventeen signers as an organisation, and the
    other fourteen names were left in the redacted report."""
    text = ("Statement on the grant\n\nThe work was led by Priya Natarajan and Jonas Rennick.\n\n"
            "Priya Natarajan, Jonas Rennick, Leila Haddad, Tomasz Nowak, Aiko Tanaka, Bruno Costa\n")
    with nlp.select_pipes(disable=["analyzer_pii"]):
        doc = nlp(text)
    doc.ents = [doc.char_span(m.start(), m.end(), label="ORG") for m in re.finditer("Rennick", text)]
    doc = nlp.get_pipe("analyzer_pii")(doc)
    assert {"Leila Haddad", "Tomasz Nowak", "Aiko Tanaka", "Bruno Costa"} <= set(people(doc))
