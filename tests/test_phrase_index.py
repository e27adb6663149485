"""A PhraseIndex finds what spaCy's PhraseMatcher finds on the same attribute, phrases kept
as hashes rather than Docs."""

import pytest
from spacy.attrs import LEMMA, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analyzer.markers.phrases import PhraseIndex

PHRASES = {
    "deadline": [("deadline",), ("miss", "deadline"), ("miss", "the", "deadline")],
    "pressure": [("under", "pressure"), ("pressure",)],
    "granted": [("take", "for", "grant"), ("take", "for", "granted")],
    "nothing": [()],
}


@pytest.mark.parametrize("attr, text", [
    (LEMMA, "We missed the deadline again, under pressure, and felt taken for granted."),
    (LEMMA, "Deadline after deadline: the pressure never stops. Pressure, pressure."),
    (LOWER, "UNDER PRESSURE and Under Pressure and under pressure"),
    (LOWER, "Nothing here matches at all."),
    (LEMMA, ""),
])
def test_same_matches_as_a_phrase_matcher(nlp, attr, text):
    doc = nlp(text)
    index, matcher = PhraseIndex(nlp.vocab, attr), PhraseMatcher(nlp.vocab, attr=attr)
    for key, phrases in PHRASES.items():
        index.add(key, phrases)
        matcher.add(key, [Doc(nlp.vocab, words=list(words), lemmas=list(words)) for words in phrases])
    assert sorted(index(doc)) == sorted(matcher(doc))
