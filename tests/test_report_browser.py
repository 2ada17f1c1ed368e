"""report.html in a real browser: headless Debian Chromium loads the file and shows the timeline.

Skips with the reason when Chromium is not installed (``apt-get install chromium``; ``make test`` does it).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from seed_story import seed_story

from storyline.render import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium on PATH (apt-get install chromium) to load report.html"
)


def _chromium(tmp_path: Path, *arguments: str) -> str:
    profile = tmp_path / "profile"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(seed_story()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dom(report, tmp_path_factory) -> str:
    """The page's DOM after Chromium loaded and laid it out."""
    return _chromium(tmp_path_factory.mktemp("chromium"), "--dump-dom", report.as_uri())


def test_report_browser_shows_the_timeline(dom):
    timeline = re.search(r'<section id="timeline">(.*?)</section>', dom, re.S)
    assert timeline, "the loaded page has no timeline section"
    events = re.findall(r'<li class="event[^"]*">.*?<time datetime="([^"]+)">', timeline.group(1), re.S)
    assert events == [entry.date.iso() for entry in seed_story().timeline]
    assert "American-led invasion toppled Iraqi President Saddam Hussein" in timeline.group(1)


def test_report_browser_renders_the_charts(dom):
    assert len(re.findall(r'<svg class="chart"', dom)) == 3


@pytest.mark.slow
def test_report_browser_takes_a_screenshot_of_the_page(report, tmp_path):
    shot = tmp_path / "report.png"
    _chromium(tmp_path, "--window-size=1100,1400", f"--screenshot={shot}", report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1100, 1400)
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes
