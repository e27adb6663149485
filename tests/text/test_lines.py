import pytest

from analyzer.text.lines import LineIndex, line_runs, lines_text


def test_a_line_is_found_from_any_of_its_characters():
    index = LineIndex("one\ntwo\n\nfour\n")
    assert [index.line_of(i) for i in (0, 3, 4, 8, 9)] == [1, 1, 2, 3, 4]
    assert len(index) == 4 and index.line(4) == "four"


@pytest.mark.parametrize("numbers, runs, text", [
    ([7], [(7, 7)], "line 7"),
    ([4, 5, 6, 9], [(4, 6), (9, 9)], "lines 4–6, 9"),
    ([2, 4], [(2, 2), (4, 4)], "lines 2, 4"),
    ([1, 2], [(1, 2)], "lines 1–2"),
])
def test_lines_are_cited_in_runs_as_a_reader_writes_them(numbers, runs, text):
    assert line_runs(numbers) == runs
    assert lines_text(runs) == text
