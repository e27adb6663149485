import codecs
import io

import pytest

from analyzer.errors import InputError
from analyzer.reading import decode, normalise, read_source


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb", "a\nb"),
        ("\ufeffTitle\nbody", "Title\nbody"),
        ("\tindented\ttab", "    indented    tab"),
        ("nul\x00 inside", "nul inside"),
        ("trailing   \nspaces", "trailing\nspaces"),
        ("line\u2028separator", "line\nseparator"),
        ("cafe\u0301", "café"),
    ],
)
def test_normalise_cleans_text_without_moving_lines(raw, expected):
    assert normalise(raw) == expected
    assert normalise(raw).count("\n") == raw.replace("\r\n", "\n").replace("\r", "\n").replace(
        "\u2028", "\n"
    ).count("\n")


def test_normalise_is_idempotent():
    text = "\ufeffA\r\n\tB\x00\r\n"
    assert normalise(normalise(text)) == normalise(text)


def test_utf8_bom_and_utf16_are_decoded():
    assert decode(codecs.BOM_UTF8 + "Hé".encode(), "f") == "Hé"
    assert decode("Hé\nthere".encode("utf-16"), "f") == "Hé\nthere"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"%PDF-1.7\n...", "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("café".encode("latin-1"), "is not UTF-8 (byte 0xe9 at offset 3)"),
    ],
)
def test_undecodable_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data, "memo.txt")


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


def test_stdin_is_read_as_bytes():
    source = read_source("-", stdin=io.BytesIO("Hello\r\nworld".encode()))
    assert (source.name, source.text) == ("<stdin>", "Hello\nworld")
