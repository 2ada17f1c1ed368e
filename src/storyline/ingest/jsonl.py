"""JSON Lines and JSON: one article per record, under the field names scrapers and news APIs use.

A broken record is rejected with its line number and the reading goes on: one bad line in a dump of
thousands must not cost the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import BadInput
from storyline.ingest.article import make_article
from storyline.ingest.dates import parse_metadata_date, published_time
from storyline.ingest.decode import decode_text, detect_bom, normalize_newlines
from storyline.ingest.feed import is_json_feed, read_json_feed
from storyline.ingest.html import article_from_html, html_to_text
from storyline.model import Article, Rejected

TEXT_FIELDS = ("text", "body", "content")
HTML_FIELDS = ("html", "raw_html")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
DATE_FIELDS = ("published", "date", "published_at", "publishedAt", "pubDate", "datePublished", "publish_date")
SOURCE_FIELDS = ("source", "site_name", "sitename", "site", "publisher", "outlet")
# Scrapers and CMS exports often put the article's HTML in its "content" field: paragraphs, breaks, links.
_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|li|a|span|em|strong|b|i)[\s>/]", re.IGNORECASE)
# Containers in which a .json file may hold its list of records.
LIST_FIELDS = ("articles", "items", "records", "data")


def read_jsonl(file: Path, label: str, *, max_bytes: int) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines file, one per non-blank line, as ``label#<line>``.

    The file is streamed; ``max_bytes`` bounds each line, not the file, since dumps grow large.
    """
    with file.open("rb") as stream:
        head = stream.read(4)
        stream.seek(0)
        if detect_bom(head) not in (None, "utf-8"):
            yield from _records_in_lines(decode_text(stream.read(), label).split("\n"), label, max_bytes)
            return
        yield from _records_in_lines(stream, label, max_bytes)


def read_json(data: bytes, label: str) -> Iterator[Article | Rejected]:
    """Articles from a JSON file: one record, a list of records, or an object holding such a list."""
    text = decode_text(data, label)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"{label}: not valid JSON ({error.msg.removesuffix(' at')} at line {error.lineno} "
                       f"column {error.colno}); "
                       f"if it holds one record per line, name it .jsonl") from error
    if is_json_feed(document):
        yield from read_json_feed(document, label)
        return
    records = _record_list(document)
    if records is None:
        yield _article_or_rejected(document, label, label, "the record")
        return
    if not records:
        raise BadInput(f"{label}: empty, the JSON list holds no records")
    for number, record in enumerate(records, start=1):
        yield _article_or_rejected(record, f"{label}#{number}", label, f"record {number}")


def _records_in_lines(lines: Any, label: str, max_bytes: int) -> Iterator[Article | Rejected]:
    seen_record = False
    for number, raw in enumerate(lines, start=1):
        if len(raw) > max_bytes:
            yield Rejected(label, f"line {number}: oversized, {len(raw):,} bytes is over the {max_bytes:,} limit (--max-bytes)")
            seen_record = True
            continue
        try:
            line = raw if isinstance(raw, str) else decode_text(raw, f"{label} line {number}")
        except BadInput as error:
            yield Rejected(label, f"line {number}: {str(error).removeprefix(f'{label} line {number}: ')}")
            seen_record = True
            continue
        if not line.strip():
            continue
        seen_record = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = error.msg.removesuffix(" at")
            yield Rejected(label, f"line {number}: not valid JSON ({problem} at column {error.colno})")
            continue
        yield _article_or_rejected(record, f"{label}#{number}", label, f"line {number}")
    if not seen_record:
        raise BadInput(f"{label}: empty, no JSON lines")


def _record_list(document: Any) -> list[Any] | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and not any(field in document for field in TEXT_FIELDS + HTML_FIELDS):
        for field in LIST_FIELDS:
            if isinstance(document.get(field), list):
                return document[field]
    return None


def _article_or_rejected(record: Any, path: str, label: str, where: str) -> Article | Rejected:
    try:
        return article_from_record(record, path)
    except BadInput as error:
        return Rejected(label, f"{where}: {str(error).removeprefix(f'{path}: ')}")


def article_from_record(record: Any, path: str) -> Article:
    """An article from one JSON object; raise BadInput saying which field is missing or wrong."""
    if not isinstance(record, dict):
        raise BadInput(f"{path}: a JSON {type(record).__name__}, expected an object with a text field")
    title = _string_field(record, TITLE_FIELDS, path)
    url = _string_field(record, URL_FIELDS, path)
    source = _source(record, path)
    stated = _first_present(record, DATE_FIELDS)
    published = parse_metadata_date(stated)
    stated_time = published_time(stated) if published and isinstance(stated, str) else None
    text = _text_field(record, path)
    if text is None:
        html = _string_field(record, HTML_FIELDS, path)
        if html is None:
            raise BadInput(f'{path}: no "text" field; expected one of {", ".join(TEXT_FIELDS + HTML_FIELDS)}')
        page = article_from_html(html, path, url=url)
        title_range = page.title_span if title in (None, page.title) else None
        return make_article(page.text, path, title=title or page.title, source=source or page.source,
                            url=url or page.url, published=published or page.published,
                            published_time=stated_time if published else page.published_time,
                            title_range=(title_range.start, title_range.end) if title_range else None)
    return make_article(text, path, title=title, source=source, url=url, published=published,
                        published_time=stated_time)


def _text_field(record: dict[str, Any], path: str) -> str | None:
    for field in TEXT_FIELDS:
        value = record.get(field)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(value)
        if not isinstance(value, str):
            raise BadInput(f'{path}: the "{field}" field is a {type(value).__name__}; expected a string')
        if _MARKUP.search(value):
            value = html_to_text(value)
        if not value.strip():
            raise BadInput(f'{path}: the "{field}" field is empty')
        return normalize_newlines(value)
    return None


def _string_field(record: dict[str, Any], fields: tuple[str, ...], path: str) -> str | None:
    value = _first_present(record, fields)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    raise BadInput(f'{path}: the "{fields[0]}" field is a {type(value).__name__}; expected a string')


def _source(record: dict[str, Any], path: str) -> str | None:
    """The outlet's name; news APIs nest it as ``{"source": {"id": "bbc-news", "name": "BBC News"}}``."""
    value = _first_present(record, SOURCE_FIELDS)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    return _string_field({"source": value}, ("source",), path)


def _first_present(record: dict[str, Any], fields: tuple[str, ...]) -> Any:
    for field in fields:
        if record.get(field) not in (None, ""):
            return record[field]
    return None

