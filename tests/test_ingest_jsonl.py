"""JSON Lines and JSON records, field aliases, and broken records that do not stop the file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.errors import BadInput
from storyline.ingest.jsonl import article_from_record, read_json, read_jsonl
from storyline.model import Article, PartialDate, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
MAX = 20_000_000


@pytest.fixture(scope="module")
def outcomes():
    return list(read_jsonl(FIXTURES / "articles.jsonl", "feeds/articles.jsonl", max_bytes=MAX))


def test_ingest_jsonl_reads_every_good_line_as_an_article(outcomes):
    paths = [outcome.path for outcome in outcomes if isinstance(outcome, Article)]
    assert paths == ["feeds/articles.jsonl#1", "feeds/articles.jsonl#2", "feeds/articles.jsonl#6"]


def test_ingest_jsonl_reads_text_title_url_date_and_source(outcomes):
    first = outcomes[0]
    assert first.title == "BP begins static kill of Macondo well"
    assert first.text.startswith("BP has started pumping heavy drilling mud")
    assert first.url == "https://wire.example/2010/08/03/static-kill"
    assert first.source == "Gulf Wire"
    assert first.published == PartialDate(dt.date(2010, 8, 3), "day")
    assert first.published_from == "metadata"


def test_ingest_jsonl_understands_news_api_field_names(outcomes):
    second = outcomes[1]
    assert second.title == "Obama says spill response will be relentless"
    assert second.source == "News Example"
    assert second.url == "https://news.example.org/obama-spill-response"
    assert second.published == PartialDate(dt.date(2010, 5, 2), "day")


def test_ingest_jsonl_rejects_a_broken_line_with_its_number(outcomes):
    rejected = [outcome for outcome in outcomes if isinstance(outcome, Rejected)]
    assert rejected[0].path == "feeds/articles.jsonl"
    assert rejected[0].reason.startswith("line 3: not valid JSON")


def test_ingest_jsonl_rejects_a_record_without_text_naming_the_fields_it_accepts(outcomes):
    rejected = [outcome for outcome in outcomes if isinstance(outcome, Rejected)]
    assert rejected[1].reason.startswith('line 5: no "text" field; expected one of text, body, content')


def test_ingest_jsonl_bounds_each_line_not_the_file(tmp_path):
    record = json.dumps({"text": "The relief well reached its target on Friday. " * 40})
    (tmp_path / "big.jsonl").write_text(record + "\n" + json.dumps({"text": "Short and fine."}) + "\n")
    outcomes = list(read_jsonl(tmp_path / "big.jsonl", "big.jsonl", max_bytes=1_000))
    assert isinstance(outcomes[0], Rejected) and "line 1: oversized" in outcomes[0].reason
    assert isinstance(outcomes[1], Article) and outcomes[1].text == "Short and fine."


def test_ingest_jsonl_reads_a_json_list_under_articles():
    articles = list(read_json((FIXTURES / "articles.json").read_bytes(), "articles.json"))
    assert [article.path for article in articles] == ["articles.json#1", "articles.json#2"]
    assert articles[1].published == PartialDate(dt.date(2010, 7, 1), "month")


def test_ingest_jsonl_reads_a_single_json_object():
    data = json.dumps({"title": "BP cap holds", "text": "No oil has leaked since Thursday."}).encode()
    (article,) = read_json(data, "one.json")
    assert article.path == "one.json" and article.title == "BP cap holds"


def test_ingest_jsonl_extracts_text_from_an_html_field():
    page = (FIXTURES / "news_page.html").read_text(encoding="utf-8")
    article = article_from_record({"html": page, "source": "Wire copy"}, "scrape.jsonl#1")
    assert article.text.startswith("BP says new cap has stopped oil leaking into Gulf\nBP says oil has stopped")
    assert article.source == "Wire copy"
    assert article.title == "BP says new cap has stopped oil leaking into Gulf"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (["not", "an", "object"], "a JSON list, expected an object"),
        ({"text": 42}, 'the "text" field is a int; expected a string'),
        ({"text": "   "}, 'the "text" field is empty'),
    ],
)
def test_ingest_jsonl_says_what_is_wrong_with_a_record(record, reason):
    with pytest.raises(BadInput, match=reason):
        article_from_record(record, "a.jsonl#1")


def test_ingest_jsonl_rejects_a_json_file_that_does_not_parse():
    with pytest.raises(BadInput, match=r"not valid JSON .*name it \.jsonl"):
        list(read_json(b'{"text": "one"}\n{"text": "two"}\n', "lines.json"))


def test_ingest_jsonl_strips_markup_from_a_text_field_holding_html():
    record = {"content": "<p>BP&#8217;s cap is <em>holding</em>.</p><p>No oil has leaked since Thursday.</p>"}
    article = article_from_record(record, "cms.jsonl#1")
    assert article.text == "BP’s cap is holding.\nNo oil has leaked since Thursday."


def test_ingest_jsonl_leaves_plain_text_with_angle_brackets_alone():
    record = {"text": "Output fell to <5,000 barrels a day, and x < y in every test."}
    assert article_from_record(record, "a.jsonl#1").text == record["text"]
