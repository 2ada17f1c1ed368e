"""A page's own declarations: headline without site affixes, outlet without slogan, canonical address,
publication time in the publisher's time zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.ingest.dates import published_time
from storyline.ingest.html import read_html
from storyline.ingest.page_metadata import read_page_metadata
from storyline.model import PartialDate

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def quake():
    return read_html((PAGES / "nikkei_style.html").read_bytes(), "nikkei_style.html")


def test_page_title_drops_the_site_name_the_title_tag_ends_with(quake):
    assert quake.title == "Quake shakes northern Japan, no tsunami warning issued"


def test_page_outlet_is_the_declared_site_name_without_its_slogan(quake):
    assert quake.source == "Pacific Wire"


def test_page_url_is_the_canonical_link_resolved_against_the_pages_address(quake):
    assert quake.url == "https://www.pacificwire.example/world/asia/quake-shakes-northern-japan"


def test_page_date_is_the_articles_json_ld_publication_day_where_it_was_written(quake):
    # 06:10 on the 2nd in Tokyo is still the 1st in UTC; the site's own 2009 date and a 2025 sidebar
    # link are not the article's.
    assert quake.published == PartialDate(dt.date(2024, 3, 2), "day")
    assert quake.published_time == "2024-03-02T06:10:00+09:00"


def test_page_title_drops_a_breadcrumb_of_sections_before_the_site_name():
    html = ("<html><head><title>Anticorrupción decidirá en Madrid si recurre la imputación » Local » Noticias » "
            "Ultima Hora</title><meta property='og:url' content='https://www.ultimahora.es/noticias/local/1.html'>"
            "</head><body></body></html>")
    assert read_page_metadata(html).title == "Anticorrupción decidirá en Madrid si recurre la imputación"


def test_page_outlet_comes_from_the_title_when_the_page_declares_no_site_name():
    html = ("<html><head><title>ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย | ประชาไท Prachatai.com</title>"
            "<link rel='canonical' href='https://prachatai.com/journal/2019/01/80642'></head><body></body></html>")
    metadata = read_page_metadata(html)
    assert metadata.title == "ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย"
    assert metadata.outlet == "ประชาไท Prachatai.com"


def test_page_title_is_never_the_site_name_alone():
    html = ("<html><head><title>Yahoo UK</title><meta property='og:site_name' content='Yahoo UK'>"
            "<h1>Algerian airliner missing over Mali</h1></head><body></body></html>")
    assert read_page_metadata(html).title == "Algerian airliner missing over Mali"


def test_page_without_a_declared_time_takes_the_month_its_address_files_it_under():
    html = ("<html><head><title>Kate Henshaw stuns in new photos</title>"
            "<link rel='canonical' href='https://www.linknaija.com/2018/10/kate-henshaw.html'></head></html>")
    metadata = read_page_metadata(html)
    assert metadata.published == PartialDate(dt.date(2018, 10, 1), "month")
    assert metadata.published_confidence == 0.9 and metadata.published_time is None


def test_page_with_a_bare_relative_canonical_keeps_its_og_url():
    html = ("<html><head><link rel='canonical' href='8003098'>"
            "<meta property='og:url' content='http://www.cleveland.com/food/2014/12/searches.html'></head></html>")
    assert read_page_metadata(html).url == "http://www.cleveland.com/food/2014/12/searches.html"



def test_page_declaring_only_when_it_was_updated_is_dated_then_as_likely_not_certain():
    html = ("<html><head><title>Father of Orlando gunman known for rambling political videos</title></head>"
            "<body><div class='timestamp updated' title='2016-06-13T1603Z'>Jun 13, 4:03 PM EDT</div></body></html>")
    metadata = read_page_metadata(html)
    assert metadata.published == PartialDate(dt.date(2016, 6, 13), "day")
    assert metadata.published_confidence == 0.9


def test_page_with_a_malformed_canonical_link_is_read_without_it():
    html = ("<html><head><title>Floods close twelve roads across the valley</title>"
            "<link rel='canonical' href='https://[site_url]/news/floods'></head></html>")
    metadata = read_page_metadata(html)
    assert metadata.url is None and metadata.title == "Floods close twelve roads across the valley"


def test_page_time_written_with_am_or_pm_is_not_misread():
    assert published_time("June 5, 2023 3:45 pm") is None
