"""The lemmatizer's known words are looked up in a set, and lemmas stay what the model gives."""

import pickle

import pytest
import spacy
import srsly
from spacy.tokens import Doc

from analyzer.known_words import TABLE, KnownWords, dictionary
from analyzer.markers.matcher import pipeline_lemmas
from analyzer.pipeline import load_model


def test_known_words_answer_membership_and_save_as_the_list_they_are():
    words = KnownWords(["hour", "hope", "grant"])
    assert "hope" in words and "hop" not in words
    assert words == ["hour", "hope", "grant"]
    assert srsly.msgpack_loads(srsly.msgpack_dumps({"noun": words})) == {"noun": ["hour", "hope", "grant"]}
    assert "grant" in pickle.loads(pickle.dumps(words))


@pytest.fixture(scope="module")
def bare():
    return load_model()


@pytest.mark.parametrize("word", ["hoping", "hours", "granted", "better", "geese", "studies", "lying", "ran"])
def test_the_analyzers_lemmatizer_gives_the_lemmas_of_the_bare_model(nlp, bare, word):
    ours, theirs = nlp.get_pipe("lemmatizer"), bare.get_pipe("lemmatizer")
    assert all(isinstance(words, KnownWords) for words in ours.lookups.get_table(TABLE).values())
    for pos in ("NOUN", "VERB", "ADJ", "ADV"):
        assert (ours.rule_lemmatize(Doc(nlp.vocab, words=[word], pos=[pos])[0])
                == theirs.rule_lemmatize(Doc(bare.vocab, words=[word], pos=[pos])[0]))


@pytest.mark.parametrize("word, lemmas", [("hoping", {"hoping", "hope", "hop"}), ("better", {"better", "well", "good"}),
                                            ("hours", {"hour", "hours"})])
def test_a_lexicon_word_takes_its_lemmas_as_every_part_of_speech_in_turn(nlp, bare, word, lemmas):
    theirs = bare.get_pipe("lemmatizer")
    each = [lemma for pos in ("NOUN", "VERB", "ADJ", "ADV")
            for lemma in theirs.rule_lemmatize(Doc(bare.vocab, words=[word], pos=[pos])[0])]
    assert pipeline_lemmas(nlp)(word) == tuple(dict.fromkeys(each))
    assert set(pipeline_lemmas(nlp)(word)) == lemmas


@pytest.mark.parametrize("word, not_a_lemma", [("rest", "re"), ("career", "care"), ("need", "ne"), ("manager", "manage")])
def test_a_lexicon_word_takes_no_lemma_the_suffix_rules_only_guess(nlp, word, not_a_lemma):
    """"rest" read as an adjective's superlative gives "re"; a text tags "rest" as what it is,
    so an entry for "need to rest" must not match "the need to re-implement"."""
    assert word in pipeline_lemmas(nlp)(word) and not_a_lemma not in pipeline_lemmas(nlp)(word)


def test_an_entry_does_not_match_a_prefix_its_words_were_guessed_into(analyzer):
    memo = "Licences\n\nThe change went through without anyone having to re-implement the parser. It shipped on Monday.\n"
    markers = [m["text"] for s in analyzer.analyze(memo)["sections"] for m in s["markers"]]
    assert not any(text.startswith("need to") for text in markers)


def test_the_dictionary_knows_english_words_and_not_given_names(nlp):
    known = dictionary(nlp)
    assert known("grace") and known("leadership") and known("write")
    assert not known("chiamaka") and not known("oyelaran")


def test_without_a_lemmatizer_every_word_is_known_so_none_is_read_as_a_name():
    assert dictionary(spacy.blank("en"))("chiamaka")


def test_a_pipeline_loaded_from_disk_looks_its_known_words_up_in_a_set_too(nlp, tmp_path):
    # Loading replaces the lemmatizer's tables with plain lists after our components are
    # made; building their matchers must not scan those lists for every lexicon word.
    nlp.to_disk(tmp_path / "saved")
    loaded = spacy.load(tmp_path / "saved")
    tables = loaded.get_pipe("lemmatizer").lookups.get_table(TABLE)
    assert all(isinstance(words, KnownWords) for words in tables.values())
