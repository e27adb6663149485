import codecs
import io
import os
import re
import socket
from datetime import datetime, timezone

import pytest

from analyzer.errors import BinaryInputError, EmptyInputError, InputError, UndecodableInputError
from analyzer.text.html_text import html_to_text
from analyzer.text.hyphens import mend_broken_words
from analyzer.text.read import decode, decode_email, encoding_of, normalise, read_source
from digests import digest_quotes
from msg_files import outlook_message
from word_files import open_document, para, word_document


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
        # Markdown's hard line break, never seen on the page; a path's doubled backslash stays
        ("Thanks, \\\nDana Whitfield\\\nC:\\\\", "Thanks,\nDana Whitfield\nC:\\\\"),
    ],
)
def test_normalise_cleans_text_without_moving_lines(raw, expected):
    assert normalise(raw) == expected
    assert normalise(raw).count("\n") == raw.replace("\r\n", "\n").replace("\r", "\n").replace(
        "\u2028", "\n"
    ).count("\n")


BROKEN = ("Effective April 1, the field service group will be split into two teams: in-\n"
          "stallation and maintenance. The group has grown to thirty-one tech-\n"
          "nicians, and the planning is now a matter of careful decision-\n"
          "making by each manager.\n\nQ3-\nreview\n")


def test_a_word_a_hard_wrapped_text_broke_at_a_line_end_is_whole_on_the_next_line():
    lines = normalise(BROKEN).split("\n")
    assert lines[0].endswith("two teams:") and lines[1].startswith("installation and maintenance.")
    assert lines[1].endswith("thirty-one") and lines[2].startswith("technicians,")
    # Not a word of the dictionary when joined: the hyphen was the compound's own.
    assert lines[3] == "decision-making by each manager."
    # A line of one word is no prose to mend.
    assert lines[5:7] == ["Q3-", "review"]
    assert len(lines) == len(BROKEN.split("\n")) and normalise("\n".join(lines)) == "\n".join(lines)


@pytest.mark.parametrize("elsewhere, words, whole", [
    ("The workload grew.", {"work", "load"}, "workload"),   # the text writes the word whole elsewhere
    ("A work-load chart.", {"work"}, "work-load"),          # or with its hyphen
    ("", {"work", "load"}, "work-load"),                    # both halves are words: a compound
    ("", {"work"}, "workload"),                             # one half is none: a word cut in two
])
def test_how_a_broken_word_is_joined_is_read_from_the_text_first(elsewhere, words, whole):
    lines = ["Since the spring the team has carried more work-", "load than it can.", elsewhere]
    assert mend_broken_words(lines, words)[1] == f"{whole} than it can."


def test_a_suffix_or_prefix_the_dictionary_lists_as_a_word_is_still_part_of_one():
    lines = ["We spent the whole week teach-", "ing the new hires, and pro-", "vide notes."]
    assert mend_broken_words(lines, {"teach", "ing", "pro", "vide"})[1:] == ["teaching the new hires, and",
                                                                             "provide notes."]


def test_a_word_broken_at_a_line_end_is_quoted_whole(analyzer):
    quoted = digest_quotes(analyzer.analyze("Field service\n\n" + BROKEN)["takeaways"])
    assert any("thirty-one technicians" in q for q in quoted) and not any("- " in q for q in quoted)


def test_character_references_read_as_the_page_shows_them():
    assert normalise("&nbsp; Ana Lima (R&amp;D) &lt;lead&gt;") == "  Ana Lima (R&D) <lead>"
    # Written out ("&amp;nbsp;"), or naming no character, a reference stays as typed.
    assert normalise("Type &amp;nbsp; for a space; &soon; is no reference.") == \
        "Type &amp;nbsp; for a space; &soon; is no reference."
    # A line break written as a reference stays one: read, it would move every line after it.
    assert normalise("one&#10;two") == "one&#10;two"


def test_normalise_is_idempotent():
    for text in ("\ufeffA\r\n\tB\x00\r\n", "R&amp;D &amp;amp; &amp;nbsp;"):
        assert normalise(normalise(text)) == normalise(text)


def test_utf8_bom_and_utf16_are_decoded():
    assert decode(codecs.BOM_UTF8 + "Hé".encode(), "f") == "Hé"
    assert decode("Hé\nthere".encode("utf-16"), "f") == "Hé\nthere"


@pytest.mark.parametrize("text, codec", [
    ("Résumé of the week: the café budget is up 5 %.\nZoë’s “draft” – done…", "cp1252"),
    ("Résumé: the café budget, Zoë's draft.", "latin-1"),
], ids=["windows-1252 quotes and dashes", "latin-1"])
def test_text_saved_in_the_legacy_windows_encoding_is_read_and_marked(text, codec, tmp_path):
    path = tmp_path / "memo.txt"
    path.write_bytes(text.encode(codec))
    source = read_source(path)
    assert source.text == text
    assert source.legacy


def test_unicode_text_is_not_marked_legacy(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("Résumé — café", encoding="utf-8")
    assert not read_source(path).legacy
    assert encoding_of("Résumé".encode("utf-16")) == "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [
    "Hé\nthere",
    "# Status\n\nThe rollout slipped — again 😞. Café budget: 40 %.\n",
    "Mixed: שלום and مرحبا, but mostly English words in this memo.\n",
], ids=["short", "punctuation and emoji", "some right-to-left words"])
def test_utf16_without_a_byte_order_mark_is_decoded_too(codec, text):
    assert decode(text.encode(codec), "memo.txt") == text


@pytest.mark.parametrize("data, message", [
    (bytes([1, 0]) * 500, "looks like a binary file"),  # zeros in every other byte, but no text
    ("A longer memo line whose last character is cut in half".encode("utf-16-le") + b"\x00\xd8", "looks like UTF-16-LE without a byte-order mark, "
                                                           "but is not valid UTF-16-LE"),
    (bytes(1000), "looks like a binary file"),
], ids=["control characters", "a lone surrogate", "only zero bytes"])
def test_what_only_looks_like_utf16_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "memo.txt")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"%PDF-1.7\n...", "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("café ".encode() + "déjà".encode("latin-1"), "is UTF-8 with a flaw (byte 0xe9 at offset 7)"),
        ("Résumé".encode("cp1252") + b"\x81", "is neither UTF-8 nor Windows-1252 (byte 0x81 at offset 6)"),
    ],
    ids=["empty", "blank", "pdf", "every byte", "utf-8 and latin-1 mixed", "a byte windows-1252 leaves undefined"],
)
def test_undecodable_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        decode(data, "memo.txt")


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_source(tmp_path)


@pytest.mark.timeout(10)
@pytest.mark.parametrize("make, kind", [
    (lambda path: os.mkfifo(path), "a named pipe (FIFO)"),
    (lambda path: socket.socket(socket.AF_UNIX).bind(str(path)), "a socket"),
], ids=["fifo with no writer", "unix socket"])
def test_a_file_that_is_not_regular_is_refused_at_once(tmp_path, make, kind):
    path = tmp_path / "memo.txt"
    make(path)
    with pytest.raises(InputError, match=re.escape(f"{path}: is {kind}, not a regular file; to analyse what it "
                                                   f"streams, give it on standard input (`memo-analyzer analyze - < {path}`)")):
        read_source(path)


def test_a_device_is_refused():
    with pytest.raises(InputError, match="/dev/null: is a device, not a regular file"):
        read_source("/dev/null")


def test_stdin_is_read_as_bytes():
    source = read_source("-", stdin=io.BytesIO("Hello\r\nworld".encode()))
    assert (source.name, source.text) == ("<stdin>", "Hello\nworld")


# --- e-mails -----------------------------------------------------------------------------

HEADERS = b"From: Dana Lee <dana@example.org>\nTo: team@example.org\nSubject: Rota\nDate: Tue, 04 Jun 2024 09:30:00 +0200\n"
BLOCK = "Subject: Rota\nFrom: Dana Lee <dana@example.org>\nTo: team@example.org\nDate: Tue, 04 Jun 2024 09:30:00 +0200\n\n"


@pytest.mark.parametrize(
    "mime, body, text",
    [
        (b"Content-Type: text/plain; charset=utf-8\n", "Plain body.\nSecond line.".encode(), "Plain body.\nSecond line.\n"),
        (b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n",
         b"Caf=E9 is closed. This line is soft=\n wrapped.", "Café is closed. This line is soft wrapped.\n"),
        (b"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n",
         __import__("base64").encodebytes(b"<html><head><style>p{}</style></head><body><p>Hello <b>team</b>,</p>"
                                          b"<ul><li>one</li><li>two &amp; three</li></ul></body></html>"),
         "Hello **team**,\n\n- one\n- two & three\n"),
        (b'Content-Type: multipart/alternative; boundary="b"\n',
         b"--b\nContent-Type: text/html\n\n<p>HTML version</p>\n--b\nContent-Type: text/plain\n\nPlain version.\n--b--\n",
         "Plain version.\n"),
    ],
    ids=["plain", "quoted-printable latin-1", "base64 html only", "alternative prefers plain"],
)
def test_an_e_mail_reads_as_its_header_block_then_its_body(mime, body, text):
    block, _, rest = decode_email(HEADERS + mime + b"\n" + body, "m.eml").partition("\n\n")
    assert (block + "\n\n", rest.lstrip("\n")) == (BLOCK, text)


def test_a_plain_body_keeps_the_line_numbers_it_has_in_the_file():
    body = b"Hi all,\n\nThe rota changes on Monday.\nThe pay stays the same.\n"
    for mime in (b"Content-Type: text/plain; charset=utf-8\nMessage-ID: <1@example.org>\n",
                 b'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain\n'):
        data = HEADERS + mime + b"\n" + body + (b"--b--\n" if b"multipart" in mime else b"")
        in_file, read = data.decode().split("\n"), decode_email(data, "m.eml").split("\n")
        changes = in_file.index("The rota changes on Monday.")
        assert read[changes] == "The rota changes on Monday."
        assert read[changes + 1] == "The pay stays the same."


def test_encoded_and_folded_headers_become_one_plain_line():
    data = b"Subject: =?utf-8?q?Plan_=E2=80=94_Q3?=\n and beyond\nFrom: a@example.org\n\nBody.\n"
    # The body stays on line 5, where the file has it: a blank line takes the folded line's place.
    assert decode_email(data, "m.eml") == "Subject: Plan — Q3 and beyond\nFrom: a@example.org\n\n\nBody.\n"


@pytest.mark.parametrize(
    "data, error, message",
    [
        (b"just some text, no headers\n", UndecodableInputError, "is not an e-mail"),
        (HEADERS + b"\n\n   \n", EmptyInputError, "has no text body"),
        (HEADERS + b"Content-Type: text/plain; charset=x-unknown-9\n\nBody", UndecodableInputError, "unknown charset"),
        (b"%PDF-1.7 binary", BinaryInputError, "binary"),
    ],
)
def test_an_e_mail_we_cannot_read_says_why(data, error, message):
    with pytest.raises(error, match=message):
        decode_email(data, "m.eml")


def test_analyze_reads_an_eml_file_as_an_e_mail(tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(HEADERS + b"\nThe rota is late again.\n")
    assert read_source(path).text == BLOCK + "The rota is late again.\n"


def test_an_outlook_sent_header_dates_the_e_mail(analyzer, tmp_path):
    path = tmp_path / "m.eml"
    path.write_bytes(b"From: Dana Lee <dana@example.org>\nSubject: Rota\nSent: Tuesday, March 4, 2025 9:12 AM\n"
                     b"\nThe rota is late again, and two people covered it last week.\n")
    source = read_source(path)
    assert "Sent: Tuesday, March 4, 2025 9:12 AM" in source.text
    assert analyzer.analyze(source.text)["document"]["date"] == "2025-03-04"


# --- HTML files --------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Q3 plan</title><style>p { color: red }</style>
<script>var x = 1;</script></head><body>
<p>Hello <b>team</b>, the budget is
tight.</p>
<h2>Options</h2>
<ol><li>Cut scope</li><li>Hire <em>two</em> people<ul><li>one senior</li></ul></li></ol>
<blockquote><p>You said: we are worried.</p><p>And tired.</p></blockquote>
<p><strong>Decision: </strong>we cut scope.</p>
<table><tr><th>Team</th><th>Cost</th></tr><tr><td>Core</td><td>$2m</td></tr></table>
<pre>step 1
  step 2</pre>
</body></html>"""


def test_an_html_file_reads_as_the_page_laid_out_as_markdown(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_source(path).text == (
        "# Q3 plan\n\n"
        "Hello **team**, the budget is tight.\n\n"
        "## Options\n\n"
        "1. Cut scope\n2. Hire two people\n  - one senior\n\n"
        "> You said: we are worried.\n>\n> And tired.\n\n"
        "**Decision:** we cut scope.\n\n"
        "Team | Cost\nCore | $2m\n\n"
        "step 1\n  step 2\n"
    )


def test_a_page_with_its_own_top_heading_keeps_it_and_not_the_tab_title(tmp_path):
    path = tmp_path / "plan.htm"
    path.write_bytes("<title>Intranet – Plan</title><h1>Q3 plan</h1><p>Café budget “tight”.</p>".encode("cp1252"))
    source = read_source(path)
    assert source.text == "# Q3 plan\n\nCafé budget “tight”.\n"
    assert source.legacy


def test_an_html_file_with_no_text_is_empty(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title></title></head><body><p> </p></body></html>")
    with pytest.raises(EmptyInputError, match="is empty"):
        read_source(path)


def test_empty_list_items_and_stray_spaces_leave_no_marks():
    assert html_to_text("<p> -- The council</p><ul><li></li><li> </li><li>Real item</li></ul>") == (
        "-- The council\n\n- Real item")


@pytest.mark.parametrize("head, body", [
    ('<meta property="article:published_time" content="2020-09-14T10:00:00Z">', ""),
    ("", '<p>Posted <time datetime="2020-09-14">14 September</time>.</p>'),
], ids=["meta", "time element"])
def test_the_date_a_page_gives_of_itself_is_set_under_its_title(tmp_path, head, body):
    path = tmp_path / "status.html"
    path.write_text(f"<html><head><title>Project status</title>{head}</head><body>{body}"
                    "<p>The library is now in maintenance mode.</p></body></html>")
    text = read_source(path).text
    assert text.startswith("# Project status\n\nDate: 2020-09-14\n")


def test_a_page_with_its_own_date_line_gets_no_second_one(tmp_path):
    path = tmp_path / "status.html"
    path.write_text('<html><head><meta name="date" content="2020-09-01"></head><body><h1>Project status</h1>'
                    "<p>Date: 14 September 2020</p><p>The library is now in maintenance mode.</p></body></html>")
    assert read_source(path).text.count("Date:") == 1



def test_a_word_document_reads_as_its_text_laid_out_as_markdown(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(word_document(
        para("Q3 plan", "Title"), para("The budget is tight, so we cut scope."), para("Options", "Heading1"),
        para("Cut scope", level=0), para("Hire two people", level=0), para("one senior", level=1),
        para("Decision", bold=True), para("We cut scope &amp; ship in May."),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Team</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Cost</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl>"))
    source = read_source(path)
    assert source.text == (
        "# Q3 plan\n\nThe budget is tight, so we cut scope.\n\n## Options\n\n"
        "- Cut scope\n- Hire two people\n  - one senior\n\n**Decision**\n\nWe cut scope & ship in May.\n\n"
        "Team | Cost\n")
    assert not source.legacy


def test_an_opendocument_text_reads_as_its_text_laid_out_as_markdown(tmp_path):
    path = tmp_path / "plan.odt"
    path.write_bytes(open_document(
        '<text:p text:style-name="P1">Q3 plan</text:p>',
        '<text:p>The budget is <text:span>tight</text:span>,<text:s/>so we cut scope.'
        '<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>',
        '<text:h text:outline-level="2">Options</text:h>',
        "<text:list><text:list-item><text:p>Cut scope</text:p></text:list-item><text:list-item><text:p>Hire two"
        "</text:p><text:list><text:list-item><text:p>one senior</text:p></text:list-item></text:list>"
        "</text:list-item></text:list>",
        "<table:table><table:table-row><table:table-cell><text:p>Team</text:p></table:table-cell>"
        "<table:table-cell><text:p>Cost</text:p></table:table-cell></table:table-row></table:table>",
        styles='<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'))
    source = read_source(path)
    assert source.text == ("# Q3 plan\n\nThe budget is tight, so we cut scope.\n\n## Options\n\n"
                           "- Cut scope\n- Hire two\n  - one senior\n\nTeam | Cost\n")
    assert not source.legacy


def test_a_file_named_odt_that_is_not_a_readable_one_is_refused_in_one_line(tmp_path):
    path = tmp_path / "memo.odt"
    path.write_bytes(b"not an archive")
    with pytest.raises(UndecodableInputError, match=r"is not a readable OpenDocument text \(\.odt\)"):
        read_source(path)


WORDPAD_RTF = (
    rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}{\f1\fsymbol Symbol;}}"
    rb"{\colortbl;\red0\green0\blue0;}" b"\n"
    rb"{\*\generator Riched20 10.0}{\info{\title Draft}{\author Dana Whitfield}}" b"\n"
    rb"\pard\sa200\b\fs32 Moving the release\b0\fs24\par" b"\n"
    rb"\pard\sa200 We move the release to Friday: the audit found two issues.\par" b"\n"
    rb"{\pntext\f1\'b7\tab}Caf\'e9 menu \endash  updated\par" b"\n"
    rb"{\listtext\pard\plain\f1 \'b7\tab}The team\rquote s rota stays.\par" b"\n"
    rb"{\field{\*\fldinst HYPERLINK " b'"https://example.com"' rb"}{\fldrslt The notes}} are online.\par" b"\n"
    rb"\trowd\cellx2000\cellx4000 Owner\cell Date\cell\row" b"\n"
    rb"\trowd\cellx2000\cellx4000 Dana\cell Friday\cell\row" b"\n"
    rb"Unicode \u8220?quoted\u8221? words.\par}"
)
# TextEdit ends each line with a backslash, and a blank line the writer typed is an empty one.
TEXTEDIT_RTF = (
    rb"{\rtf1\ansi\ansicpg1252\cocoartf2709" b"\n" rb"{\fonttbl\f0\fswiss\fcharset0 Helvetica;}" b"\n"
    rb"{\*\expandedcolortbl;;}" b"\n" rb"\pard\tx566\pardirnatural" b"\n\n"
    rb"\f0\fs24 \cf0 Team update" b"\\\n" b"\\\n" rb"We are pausing hiring." b"\\\n" rb"Next steps}"
)


@pytest.mark.parametrize("data, text", [
    (WORDPAD_RTF, "Moving the release\n\nWe move the release to Friday: the audit found two issues.\n\n"
                  "- Café menu – updated\n- The team’s rota stays.\n\nThe notes are online.\n\n"
                  "Owner | Date\nDana | Friday\n\nUnicode “quoted” words.\n"),
    (TEXTEDIT_RTF, "Team update\n\nWe are pausing hiring.\nNext steps\n"),
], ids=["wordpad", "textedit"])
def test_a_rich_text_file_reads_as_the_text_it_shows(tmp_path, data, text):
    path = tmp_path / "memo.rtf"
    path.write_bytes(data)
    assert read_source(path).text == text


def test_rich_text_is_read_as_such_whatever_the_file_is_called(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_bytes(TEXTEDIT_RTF)
    assert read_source(path).text.startswith("Team update\n")


SENT = datetime(2025, 3, 4, 9, 12, tzinfo=timezone.utc)


def test_an_outlook_message_reads_as_its_header_block_and_its_body(tmp_path):
    path = tmp_path / "rota.msg"
    path.write_bytes(outlook_message("RE: Rota change", "Hi team,\r\n\r\nWe move to eight-hour shifts.\r\n",
                                     sender="Dana Whitfield", to="Platform team", cc="Sam Ortega", sent=SENT))
    source = read_source(path)
    assert source.text == ("Subject: RE: Rota change\nFrom: Dana Whitfield\nTo: Platform team\nCc: Sam Ortega\n"
                           "Date: Tue, 04 Mar 2025 09:12:00 +0000\n\nHi team,\n\nWe move to eight-hour shifts.\n")
    assert not source.legacy


def test_an_outlook_message_with_only_an_html_body_reads_as_the_page_it_shows(tmp_path):
    path = tmp_path / "memo.txt"  # named as text, told by its properties
    path.write_bytes(outlook_message("Rota", html="<html><body><p>We move to <b>eight-hour</b> shifts.</p></body>"))
    assert read_source(path).text == "Subject: Rota\n\nWe move to **eight-hour** shifts.\n"


@pytest.mark.parametrize("data, error, message", [
    (outlook_message("Rota"), EmptyInputError, "has no text body to analyse"),
    (b"not a compound file", UndecodableInputError, "is not a readable Outlook message (.msg)"),
], ids=["no body", "not a message"])
def test_an_outlook_message_that_cannot_be_read_is_refused_in_one_line(tmp_path, data, error, message):
    path = tmp_path / "rota.msg"
    path.write_bytes(data)
    with pytest.raises(error, match=re.escape(message)):
        read_source(path)


@pytest.mark.parametrize("data, advice", [
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "it is a PDF: copy its text into a .txt file"),
    (b"\xd0\xcf\x11\xe0" + bytes(range(256)) * 4, "old Word (.doc) or Excel (.xls) file: save it as .docx"),
])
def test_a_binary_file_of_a_known_kind_says_how_to_make_it_readable(tmp_path, data, advice):
    path = tmp_path / "memo.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError, match=re.escape(advice)):
        read_source(path)


@pytest.mark.parametrize("data", [b"not an archive", word_document("<w:p>")[:-40]],
                         ids=["not a zip", "cut short"])
def test_a_file_named_docx_that_is_not_a_readable_one_is_refused_in_one_line(tmp_path, data):
    path = tmp_path / "memo.docx"
    path.write_bytes(data)
    with pytest.raises(UndecodableInputError, match=r"is not a readable Word document \(\.docx\)"):
        read_source(path)
