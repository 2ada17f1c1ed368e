"""Web pages: trafilatura's main text and the page's own metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.errors import BadInput
from storyline.ingest.html import html_to_text, read_html
from storyline.model import PartialDate

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def news_page():
    return read_html((FIXTURES / "news_page.html").read_bytes(), "news_page.html")


def test_ingest_html_keeps_the_article_and_drops_navigation(news_page):
    assert "BP says oil has stopped flowing into the Gulf of Mexico" in news_page.text
    assert "Terry Ryder, who has not been able to fish for shrimp since May" in news_page.text
    assert "Subscribe" not in news_page.text
    assert "All rights reserved" not in news_page.text
    assert "dataLayer" not in news_page.text


def test_ingest_html_reads_title_site_and_canonical_url(news_page):
    assert news_page.title == "BP says new cap has stopped oil leaking into Gulf"
    assert news_page.source == "Coastline Herald"
    assert news_page.url == "https://www.coastlineherald.example/environment/2010/jul/15/bp-cap-stops-oil-leak"


def test_ingest_html_dates_the_article_from_its_metadata_in_the_publishers_time_zone(news_page):
    # article:published_time is 21:40 on the 15th in Houston, already the 16th in UTC.
    assert news_page.published == PartialDate(dt.date(2010, 7, 15), "day")
    assert news_page.published_from == "metadata"
    assert news_page.published_confidence == 1.0


def test_ingest_html_title_span_cites_the_headline_in_the_text(news_page):
    span = news_page.title_span
    assert news_page.text[span.start : span.end] == news_page.title


def test_ingest_html_honours_a_declared_windows_1252_charset():
    article = read_html((FIXTURES / "cafe_windows1252.html").read_bytes(), "cafe_windows1252.html")
    assert "Business at Michèle Boudreaux’s café in Grand Isle" in article.text
    assert "“The tourists just stopped coming – overnight,”" in article.text


def test_ingest_html_leaves_an_undated_page_undated():
    article = read_html((FIXTURES / "cafe_windows1252.html").read_bytes(), "cafe_windows1252.html")
    assert article.published is None and article.published_from is None


def test_ingest_html_rejects_a_page_without_article_text():
    page = b"<html><head><title>Login</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(BadInput, match=r"login\.html: no article text found"):
        read_html(page, "login.html")


def test_ingest_html_fragment_to_text_puts_blocks_on_their_own_lines():
    fragment = "<p>BP&#8217;s cap <b>holds</b>.</p><p>Oil has stopped.<br>For now.</p><script>track()</script>"
    assert html_to_text(fragment) == "BP’s cap holds.\nOil has stopped.\nFor now."
