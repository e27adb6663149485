"""analyzer_pii on names that only the layout points to: rosters of people."""

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

COMMAS = "Reviewers this year were Oluwaseun Adebayo, Marisol Quispe, Thandiwe Nkosi, Kenji Watanabe.\n"


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
        (COMMAS, ["Oluwaseun Adebayo", "Marisol Quispe", "Thandiwe Nkosi", "Kenji Watanabe"]),
    ],
)
def test_rosters_are_people(nlp, text, expected):
    assert people(nlp(text)) == expected


def test_a_roster_redacts_names_affiliations_aside_and_the_name_in_another_script(nlp):
    text = redacted(nlp(BULLETS))
    assert "- Person 4 (Person 4)" in text
    assert "(Northwind Labs)" in text and "(Riverbend University)" in text and "(Contoso)" in text
    assert not any(name in text for name in ("Faleolo", "tfaleolo", "Mwangi", "梁伟", "Raghunathan"))


@pytest.mark.parametrize(
    "text",
    [
        # One name the model takes for a person does not make a list of products people.
        "Where we deploy:\n\n- Google Cloud\n- Amazon Web Services\n- Microsoft Azure\n- Oracle Cloud\n",
        "Supported browsers:\n\n- Safari\n- Chrome Dev Tools\n- Firefox Nightly\n- Microsoft Edge\n",
    ],
)
def test_lists_of_things_are_not_people(nlp, text):
    assert people(nlp(text)) == []
