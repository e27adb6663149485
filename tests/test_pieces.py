"""Long documents go through the model in pieces cut at paragraph or line starts, and come out
as one doc with the same text and, away from the cuts, the same annotations."""

import pytest
from analyzer import pieces
from analyzer.pieces import cuts, parse_in_pieces

PARAGRAPHS = """# Quarterly review

The migration finished two weeks late. Priya's team carried most of the load and the
on-call rota was stretched thin for a month.

We will hire two engineers in March. The budget was approved on Friday.

Next steps:
- Freeze the old cluster on 2025-04-01.
- Move the billing jobs first.

I am worried about the handover, but the plan is sound. It wasn’t easy.
"""


def laid_out(nlp, text):
    return nlp.get_pipe("analyzer_line_breaks")(nlp.make_doc(text))


@pytest.mark.parametrize("text, size, first_words", [
    # A cut falls where a paragraph starts...
    ("One short paragraph.\n\nAnother short one.\n\nA third.\n", 25, ["One", "Another", "A"]),
    ("One short paragraph.\n\nAnother short one.\n\nA third.\n", 45, ["One", "A"]),
    # ...else where a line starts a sentence...
    ("- First item of a list\n- Second item of a list\n- Third item\n", 30, ["-", "-", "-"]),
    # ...else, in a line longer than the size, where the size runs out.
    ("word " * 20, 40, ["word", "word", "word"]),
])
def test_cuts(nlp, text, size, first_words):
    doc = laid_out(nlp, text)
    ranges = cuts(doc, size)
    assert [doc[start].text for start, _ in ranges] == first_words
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc)
    assert all(end == start for (_, end), (start, _) in zip(ranges, ranges[1:]))


def test_a_short_document_is_one_piece(nlp):
    doc = laid_out(nlp, PARAGRAPHS)
    assert cuts(doc, pieces.PIECE_TEXT) == [(0, len(doc))]


def test_pieces_join_into_one_parsed_doc_with_the_same_text_and_sentence_starts(nlp, monkeypatch):
    monkeypatch.setattr(pieces, "PIECE_TEXT", 150)
    laid = laid_out(nlp, PARAGRAPHS)
    joined = parse_in_pieces(nlp, PARAGRAPHS)
    assert len(cuts(laid, 150)) > 2
    assert joined.text == PARAGRAPHS
    assert [t.text for t in joined] == [t.text for t in laid]
    # The tokenizer's norms ("n’t" -> "not") reach the model, which reads them.
    assert [t.norm_ for t in joined] == [t.norm_ for t in laid] and "not" in [t.norm_ for t in joined]
    assert all(joined[t.i].is_sent_start for t in laid if t.is_sent_start)
    assert all(joined.has_annotation(attr) for attr in ("TAG", "POS", "LEMMA", "DEP", "ENT_IOB"))
    assert joined.spans["analyzer_sections"] and joined._.analyzer_takeaways


def test_long_texts_keep_their_place_among_short_ones(analyzer, monkeypatch):
    # Cut at its paragraphs, this memo reads the same as whole.
    expected = [report for report in analyzer.analyze_many([("a", "Short note."), ("b", PARAGRAPHS),
                                                            ("c", "Another note.")])]
    monkeypatch.setattr(pieces, "LONG_TEXT", 200)
    monkeypatch.setattr(pieces, "PIECE_TEXT", 150)
    reports = list(analyzer.analyze_many([("a", "Short note."), ("b", PARAGRAPHS), ("c", "Another note.")]))
    assert [r["document"]["source"] for r in reports] == ["a", "b", "c"]
    assert reports == expected
