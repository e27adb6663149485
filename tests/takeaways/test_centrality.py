"""How alike two sentences are, and which one states what the text is about."""

import pytest

from analyzer.takeaways.centrality import centrality, cosine, squared_norms, tfidf

BAGS = [
    ["office", "move", "march"],
    ["office", "move", "cost", "rent"],
    ["rent", "cost", "lease"],
    ["coffee", "machine"],
]


def test_the_sentence_sharing_most_words_with_the_others_is_the_most_central():
    scores = centrality(tfidf(BAGS))
    assert scores.index(max(scores)) == 1
    assert scores[3] == 0.0  # shares nothing


@pytest.mark.parametrize("i, j", [(0, 1), (1, 2), (0, 3), (2, 2)])
def test_a_cosine_from_kept_lengths_is_the_cosine_computed_afresh(i, j):
    vectors = tfidf(BAGS)
    kept = squared_norms(vectors)
    assert cosine(vectors[i], vectors[j], (kept[i], kept[j])) == cosine(vectors[i], vectors[j])
    assert cosine(vectors[j], vectors[i], (kept[j], kept[i])) == cosine(vectors[i], vectors[j])


def test_unlike_and_identical_sentences_score_zero_and_one():
    vectors = tfidf(BAGS)
    assert cosine(vectors[0], vectors[3]) == 0.0
    assert cosine(vectors[1], vectors[1]) == pytest.approx(1.0)
    assert cosine({}, vectors[1]) == 0.0
