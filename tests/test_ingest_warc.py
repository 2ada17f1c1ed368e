"""Web archives: HTML captures become articles; other records and damage are reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import shared_data
from storyline.errors import BadInput
from storyline.ingest.reader import read_file
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


def _write_archive(path: Path, records: list[tuple[str, str, str, bytes]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, status, content_type, body in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2010-06-01T09:30:00Z"},
            ))


def test_ingest_warc_rejects_error_and_redirect_responses(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    _write_archive(archive, [
        ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body><p>Page not found</p></body></html>"),
        ("https://news.example/old", "301 Moved Permanently", "text/html", b""),
    ])
    reasons = [outcome.reason for outcome in read_warc(archive, "crawl.warc.gz", max_bytes=MAX)]
    assert reasons == [
        "record https://news.example/gone: HTTP 404 response, not a page",
        "record https://news.example/old: HTTP 301 response, not a page",
    ]


def test_ingest_warc_reads_a_plain_text_capture_as_text(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    body = "Spill update\n\nBP said on Tuesday that the top kill had failed to stop the flow of oil.\n"
    _write_archive(archive, [("https://news.example/update.txt", "200 OK", "text/plain; charset=utf-8", body.encode())])
    (article,) = read_warc(archive, "crawl.warc.gz", max_bytes=MAX)
    assert article.text == body
    assert article.title == "Spill update"
    assert article.published == PartialDate(dt.date(2010, 6, 1), "day")
    assert article.published_confidence == 0.9


def test_warc_an_older_arc_archive_is_read_record_by_record():
    archive = shared_data("bench/realworld/warc/small-arcs-and-warcs/IAH-20080430204825-00000-blackbook-truncated.arc")
    reasons = [outcome.reason for outcome in read_file(archive) if isinstance(outcome, Rejected)]
    assert "record http://www.archive.org/robots.txt: not an article: robots.txt, a site's rules for crawlers" in reasons
    assert "record http://www.archive.org/images/star.png: not an article (image/png)" in reasons
