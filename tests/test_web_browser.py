"""The web app in a real browser: Playwright drives Debian's Chromium (``executable_path``; nothing is
downloaded) against the app served on 127.0.0.1.

Skips with the reason when Chromium is not installed (``apt-get install chromium``; ``make test`` does it).
"""

from __future__ import annotations

import shutil

import pytest
from web_server import serving

from storyline.web import ServeOptions

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium on PATH (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def base(web_db):
    with serving(ServeOptions(web_db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and any dialog (which no page should open)."""
    context = browser.new_context()
    opened = context.new_page()
    opened.console_errors = []
    opened.dialogs = []
    opened.on("console", lambda message: opened.console_errors.append(message.text) if message.type == "error" else None)
    opened.on("pageerror", lambda error: opened.console_errors.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def _seeds_story(page, base):
    page.goto(base + "/")
    page.get_by_role("link", name="As the Islamic State dwindles, US withdraws troops from Iraq").click()
    page.wait_for_load_state()


def test_web_browser_stories_page_opens_a_story(page, base):
    _seeds_story(page, base)
    assert "/stories/s" in page.url
    assert page.locator("h1").text_content() == "As the Islamic State dwindles, US withdraws troops from Iraq"
    assert page.locator("#timeline ol.timeline li").count() > 3
    assert page.console_errors == []


def test_web_browser_timeline_citation_highlights_its_sentence(page, base):
    _seeds_story(page, base)
    citation = page.locator("#timeline .cite a").first
    quote = citation.get_attribute("title").split(": “", 1)[1].removesuffix("”")
    citation.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and "#c-" in page.url
    target = page.locator("mark.current")
    assert target.count() == 1 and quote.startswith(target.text_content())
    assert target.evaluate("mark => mark.getBoundingClientRect().top >= 0 && mark.getBoundingClientRect().bottom <= innerHeight")
    assert page.console_errors == []


def test_web_browser_search_hit_opens_its_sentence(page, base):
    page.goto(base + "/")
    page.fill("header.site input[name=q]", "White House begun withdrawing troops Syria")
    page.press("header.site input[name=q]", "Enter")
    page.wait_for_load_state()
    hit = page.locator("ol.hits a.hit").first
    sentence = hit.text_content()
    assert page.locator("ol.hits a.hit mark").count() >= 3
    hit.click()
    page.wait_for_load_state()
    assert page.locator("mark.current").first.text_content() in sentence
    assert page.console_errors == []


def test_web_browser_figure_chart_is_drawn(page, base):
    _seeds_story(page, base)
    chart = page.locator("#figures svg.chart").first
    assert chart.is_visible()
    assert chart.locator(".point").count() >= 2
    assert chart.bounding_box()["width"] > 200


def test_web_browser_hostile_payloads_show_as_text_and_run_nothing(page, base):
    page.goto(base + "/search?q=harbour+dredging")
    page.locator("ol.hits a.hit").first.click()
    page.wait_for_load_state()
    assert "<img src=x onerror=alert('text')>" in page.locator("#article-text").text_content()
    assert "<script>alert('title')</script>" in page.locator("h1").text_content()
    page.locator("header.masthead .kicker a").click()
    page.wait_for_load_state()
    for url in (page.url, base + "/", base + "/search?q=petition"):
        page.goto(url)
        page.mouse.move(10, 10)
        page.wait_for_timeout(200)
    assert page.dialogs == []
    assert page.locator("a[href^='javascript:']").count() == 0


def test_web_browser_no_console_errors_on_any_page(page, base):
    page.goto(base + "/api/stories")
    story_id = page.evaluate("() => JSON.parse(document.body.innerText).stories[0].id")
    article_id = page.evaluate(f"() => fetch('/api/stories/{story_id}').then(r => r.json()).then(s => s.articles[0].id)")
    for path in ("/", f"/stories/{story_id}", f"/articles/{article_id}", "/search?q=troops", "/?outlet=Gulf+Wire"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_web_browser_a_long_address_wraps_instead_of_widening_the_page(page, base):
    page.set_viewport_size({"width": 420, "height": 900})
    page.goto(base + "/search?q=harbour+dredging")
    page.locator("ol.hits a.hit").first.click()
    page.wait_for_load_state()
    story_link = page.locator("header.masthead .kicker a").get_attribute("href")
    for path in (page.url, base + story_link):
        page.goto(path)
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
