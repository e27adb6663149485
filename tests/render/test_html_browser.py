"""The HTML page in a real browser: headless Chromium loads it without a console message,
draws the digest and the chart, and takes a screenshot.

Chromium comes from Debian's packages (``apt-get install -y chromium``); ``.ci/run`` installs
it. Without it these tests are skipped, with the reason in pytest's summary, so the README's
test command passes on a fresh machine; under CI (``CI`` set, as ``.ci/run`` is run) they fail
instead, so a missing browser is never mistaken there for a passing page.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from analyzer import Analyzer
from analyzer.render import render

MEMO = """# Support load

The support rotation takes 70% of our senior engineers' time, and we are exhausted.
Please let's not add the migration on top of it.

## Options

I think we should hire two engineers before the next quarter.
"""
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0"]
# Chromium runs in well under this; the limit only stops a hung browser from hanging the suite.
HUNG = 120


MISSING = ("headless Chromium is needed for the browser tests: install it with "
           "`apt-get install -y chromium` (.ci/run does this)")


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if found := shutil.which(name):
            return found
    if os.environ.get("CI"):
        pytest.fail(MISSING, pytrace=False)
    pytest.skip(MISSING)


def browse(page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
                          capture_output=True, text=True, timeout=HUNG, check=True)


def console(result: subprocess.CompletedProcess[str]) -> list[str]:
    """What the page said to the console: errors, and every resource the CSP refused."""
    return [line for line in result.stderr.splitlines() if ":CONSOLE" in line or "Refused" in line]


@pytest.fixture(scope="module")
def page(tmp_path_factory, analyzer) -> Path:
    report = Analyzer(section_text=True).analyze(MEMO, source="support.md")
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    return path


def test_the_page_loads_without_console_messages_and_draws_digest_and_chart(page, tmp_path):
    result = browse(page, tmp_path / "profile", "--dump-dom")
    assert console(result) == []
    dom = result.stdout
    assert '<h2 id="takeaways-h">Key takeaways</h2>' in dom
    assert '<article class="takeaway main">' in dom
    assert dom.count('<circle class="point sentiment"') == 2
    assert dom.count('<circle class="point stress"') == 2
    assert "<mark " in dom


def test_the_console_check_sees_what_the_policy_refuses(analyzer, tmp_path):
    # The check above must be able to fail: a script on our page is refused and reported.
    path = tmp_path / "bad.html"
    path.write_text(render(analyzer.analyze("Fine."), "html").replace("</main>", "<script>1</script></main>"))
    assert console(browse(path, tmp_path / "profile", "--dump-dom"))


def test_a_screenshot_of_the_page(page, tmp_path):
    shot = tmp_path / "report.png"
    browse(page, tmp_path / "profile", "--hide-scrollbars", "--window-size=1280,2400", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2400)
    # A blank page compresses to a few kilobytes; text, badges and a chart do not.
    assert len(data) > 40_000


@pytest.mark.parametrize("ci, outcome", [("true", pytest.fail.Exception), (None, pytest.skip.Exception)],
                         ids=["under CI it fails", "elsewhere it skips"])
def test_without_chromium_the_test_says_how_to_install_it(monkeypatch, ci, outcome):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match=r"apt-get install -y chromium"):
        chromium()
