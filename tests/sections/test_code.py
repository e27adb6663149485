"""Code set out in a memo is not the writer's prose: no heading, score, claim or quote reads it."""

from analyzer.sections.code import code_lines
from digests import digest_quotes

INCIDENT = """\
Incident report: a leaked token

While testing locally I put my own access token into the build script, and the change was
pushed with the image. We are sorry for the mistake and have revoked the token.

    def fetch(token="0d6a9bb5", unsafe=True):
        g = Client(token)
        return g.get("Dockerfile")

The build did not exclude compiled files, so the token shipped with 42 published images.
"""


def test_an_indented_block_of_code_after_a_blank_line_is_code():
    lines = INCIDENT.splitlines()
    first = lines.index('    def fetch(token="0d6a9bb5", unsafe=True):')
    assert code_lines(lines) == frozenset({first, first + 1, first + 2})


def test_fenced_lines_are_code_fences_and_all():
    lines = ["Run this:", "", "```", "make release", "```", "Then wait."]
    assert code_lines(lines) == frozenset({2, 3, 4})


def test_an_indented_quotation_or_list_of_prose_stays_text():
    lines = ["The board wrote to us:", "", "    We thank the team for a hard year.",
             "    The budget stays as planned for the next two quarters.", "",
             "    - Hiring resumes in May.", "    - The office moves in June."]
    assert code_lines(lines) == frozenset()


def test_an_indented_list_of_prices_stays_text_and_a_shell_session_is_code():
    prices = ["Costs this quarter:", "", "    Hardware: $12,000 (paid 12/03/2024)", "    Travel: $4,500"]
    shell = ["To rebuild:", "", "    $ make clean", "    export TAG=${VERSION}"]
    assert code_lines(prices) == frozenset()
    assert code_lines(shell) == frozenset({2, 3})


def test_a_shells_file_listing_with_its_captions_is_code():
    lines = ["Check the mode of the file:", "", "    Safe:", "    -rwxr-xr-x 1 build staff 407 Mar 3 09:12 tool-2.1/bin",
             "", "    Unsafe:", "    -rwxr-xrwx 1 build staff 407 Mar 3 09:12 tool-2.1/bin", "",
             "    ls -l /opt/tool/current/bin"]
    assert code_lines(lines) == frozenset({2, 3, 5, 6, 8})


def test_a_script_pasted_flush_into_the_text_is_code_and_prose_naming_code_stays_text():
    lines = ["To turn the export off until the fix ships, run this in the admin console:", "",
             'def q = Queue.all(); q.each { job -> if (job.name.contains("export")) q.remove(job) }', "",
             "The parser reads HTTP::Request and stops at the first \\r\\n, as the old one did.",
             "We set retries = 3 for the nightly run; the weekly run keeps its own setting."]
    assert code_lines(lines) == frozenset({2})


def test_lines_indented_right_under_text_continue_it():
    lines = ["Our settings file sets", "    retries = 3 and timeout = 10", "for every job."]
    assert code_lines(lines) == frozenset()


def test_the_digest_and_the_claims_never_read_the_code(analyzer):
    report = analyzer.analyze(INCIDENT)
    quoted = digest_quotes(report["takeaways"])
    code_line = INCIDENT.splitlines().index('    def fetch(token="0d6a9bb5", unsafe=True):') + 1
    code = range(code_line, code_line + 3)
    assert quoted and not any("fetch" in q or "return" in q for q in quoted)
    assert not [c["text"] for c in report["claims"] if c["line"] in code]
