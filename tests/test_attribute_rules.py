"""The attribute ruler's patterns, looked up instead of matched, find the same matches and give
every token the same part of speech, morphology and lemma."""

import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG

from analyzer.attribute_rules import RuleIndex, index_attribute_rules
from analyzer.pipeline import load_model

DOCUMENTS = [
    "We shipped the fix on Monday. It wasn't easy, but it's done and we're relieved.",
    # Contractions and informal spellings the ruler's regular expressions and two-token rules read.
    "Y'all gonna love it, ain't it? Nothin' gets done if we gotta wait. C'm on, let's go!",
    # Auxiliaries, expletives and pronouns as objects.
    "There is a plan. There were two. Do you have it? He did it to me, and they told you.",
    "# Status\n\n- Owner: Priya\n- Due: 2025-03-07\n\n  Indented line with  double  spaces.\n",
    "Whatever that is, it's fine; we'd have done it. Which one? That one, because I said so.",
    "",
]


@pytest.fixture(scope="module")
def ruler(nlp):
    return nlp.get_pipe("attribute_ruler")


@pytest.fixture(scope="module")
def bare():
    return load_model()


def before_ruler(nlp, text):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = proc(doc)
    raise AssertionError("no attribute ruler")


def test_the_pipeline_matches_the_rules_through_the_index(ruler):
    assert isinstance(ruler.matcher, RuleIndex)
    # Most rules are one token tested for equality or membership.
    assert len(ruler.matcher.looked_up) > 10 * len(ruler.matcher.rest)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_same_matches_as_the_rulers_own_matcher(nlp, ruler, text):
    doc = before_ruler(nlp, text)
    index = ruler.matcher
    assert set(index(doc, allow_missing=True)) == set(index.matcher(doc, allow_missing=True))


@pytest.mark.parametrize("text", DOCUMENTS)
def test_same_token_attributes_as_the_bare_model(nlp, bare, text):
    ours, theirs = nlp(text), bare(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    attrs = [TAG, POS, MORPH, LEMMA]
    assert (ours.to_array(attrs) == theirs.to_array(attrs)).all()


def test_a_rule_added_later_is_matched_and_listed():
    nlp = load_model()
    index_attribute_rules(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    count = len(ruler.patterns)
    ruler.add([[{"LOWER": "zzqx"}]], {"LEMMA": "zzqx-lemma"})
    assert len(ruler.patterns) == count + 1
    assert [t.lemma_ for t in nlp("We zzqx daily.")][1] == "zzqx-lemma"
