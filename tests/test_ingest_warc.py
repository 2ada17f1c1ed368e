"""Web archives: HTML captures become articles; other records and damage are reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.errors import BadInput
from storyline.ingest.warc import read_warc
from storyline.model import Article, PartialDate, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
MAX = 20_000_000
PAGE_URI = "https://www.deltaobserver.example/news/marshes-brace-for-oil"


def _read(name: str, max_bytes: int = MAX) -> list[Article | Rejected]:
    return list(read_warc(FIXTURES / name, name, max_bytes=max_bytes))


def test_ingest_warc_reads_an_html_response_through_the_html_reader():
    article = _read("capture.warc.gz")[0]
    assert article.path == f"capture.warc.gz#{PAGE_URI}"
    assert article.title == "Gulf spill: Louisiana marshes brace for oil"
    assert article.source == "Delta Observer"
    assert article.url == PAGE_URI
    assert "Crews laid miles of orange boom across the mouths of bayous" in article.text
    assert "Advertise" not in article.text


def test_ingest_warc_dates_an_undated_page_by_its_capture_with_less_confidence():
    article = _read("capture.warc.gz")[0]
    assert article.published == PartialDate(dt.date(2010, 5, 2), "day")
    assert article.published_from == "metadata"
    assert article.published_confidence == 0.9


def test_ingest_warc_lists_a_non_html_record_as_rejected():
    rejected = _read("capture.warc.gz")[1]
    assert rejected == Rejected(
        "capture.warc.gz", "record https://www.deltaobserver.example/static/logo.png: not an article (image/png)"
    )


def test_ingest_warc_keeps_the_records_before_a_truncation_and_reports_it():
    article, rejected = _read("truncated.warc.gz")
    assert article.url == PAGE_URI
    assert rejected.reason.startswith("truncated WARC: record https://www.deltaobserver.example/news/pelican-colonies")


def test_ingest_warc_rejects_an_oversized_record():
    outcomes = _read("capture.warc.gz", max_bytes=500)
    assert outcomes[0].reason.startswith(f"record {PAGE_URI}: oversized")


def test_ingest_warc_rejects_a_file_cut_before_its_first_record(tmp_path):
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes((FIXTURES / "capture.warc.gz").read_bytes()[:60])
    with pytest.raises(BadInput, match="truncated WARC, not one complete record"):
        list(read_warc(cut, "cut.warc.gz", max_bytes=MAX))


def test_ingest_warc_rejects_a_file_that_is_not_an_archive():
    with pytest.raises(BadInput, match="not a WARC archive"):
        list(read_warc(FIXTURES / "gulf_news.rss", "gulf_news.warc", max_bytes=MAX))
