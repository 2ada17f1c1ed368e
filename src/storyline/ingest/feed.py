"""RSS and Atom feeds through feedparser: one article per entry, from its full content or else its summary.

Feeds in the wild are often not well-formed XML (a bare "&" in a title); feedparser still recovers their
entries. Those are kept, and the file is also listed as rejected with the XML error, so the reader of the
summary knows the feed may be missing entries after the error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser
from lxml import etree

from storyline.errors import BadInput
from storyline.ingest.article import make_article
from storyline.ingest.dates import parse_metadata_date, published_time
from storyline.ingest.html import html_to_text
from storyline.ingest.language import word_count
from storyline.model import Article, PartialDate, Rejected

_MEDIA_RSS = "http://search.yahoo.com/mrss/"
# The link many feeds end an entry's text with, pointing to the page: not part of what the entry says.
# An entry's dates as the feed writes them, the publication first.
_WRITTEN_DATES = ("published", "updated", "created")
# An entry with fewer words than this is a teaser whose news is in its title.
SHORT_ENTRY_WORDS = 30
_READ_ON = re.compile(r"\s*(?:Continue reading|Keep reading|Read more|Read the full (?:story|article))\s*(?:\.\.\.|…|»|→)?\s*$",
                      re.IGNORECASE)
# feedparser's complaints that say nothing about the feed's structure.
_HARMLESS_FEED_ERRORS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def is_feed(data: bytes) -> bool:
    """True when an .xml file is an RSS, RDF or Atom feed rather than some other XML document."""
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_entries(data: bytes, label: str) -> tuple[Any, Exception | None]:
    """feedparser's reading of a feed, and the XML error it recovered from (``None`` when well formed);
    raise BadInput when it is not a feed or is malformed before its first entry."""
    parsed = feedparser.parse(data)
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(error, _HARMLESS_FEED_ERRORS):
        error = None
    if not parsed.entries:
        if error is not None:
            raise BadInput(f"{label}: malformed feed, no entry could be read ({error})")
        if not parsed.version and not is_feed(data):
            raise BadInput(f"{label}: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    return parsed, error


def read_feed(data: bytes, label: str) -> Iterator[Article | Rejected]:
    """Articles from a feed's entries, as ``label#<entry number>``; raise BadInput when nothing is
    recoverable (not a feed, malformed before its first entry, or no entries at all)."""
    parsed, error = parse_entries(data, label)
    if not parsed.entries:
        raise BadInput(f"{label}: empty, the feed has no entries")
    feed_title = parsed.feed.get("title")
    captions = media_captions(data)
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article_from_entry(entry, f"{label}#{number}", feed_title, captions)
        except BadInput as failure:
            yield Rejected(label, f"entry {number}: {str(failure).removeprefix(f'{label}#{number}: ')}")
    if error is not None:
        yield Rejected(label, f"malformed feed ({error}); kept the {len(parsed.entries)} entries read "
                              f"before it, later ones may be missing")


def _article_from_entry(entry: Any, path: str, feed_title: str | None, captions: frozenset[str]) -> Article:
    text = entry_text(entry, captions)
    if not text:
        raise BadInput(f"{path}: no text, the entry has neither content nor a summary")
    entry_source = entry.get("source", {}).get("title")
    title = html_to_text(entry.get("title", "")) or None
    return entry_article(text, path, title=title, source=entry_source or feed_title, url=entry.get("link"),
                         published=entry_date(entry), published_time=entry_time(entry))


def entry_article(
    text: str, path: str, *, title: str | None, source: str | None, url: str | None,
    published: PartialDate | None, published_time: str | None = None,
) -> Article:
    """The article of a feed entry. An entry whose text is a line or two ("Here's what you need to
    know.") carries its news in its title, so the title opens the stored text (and can be cited): two
    entries sharing one stock line are two articles, not copies of one."""
    title_range = None
    if title and word_count(text) < SHORT_ENTRY_WORDS and not text.startswith(title):
        text, title_range = f"{title}\n\n{text}", (0, len(title))
    return make_article(text, path, title=title, source=source, url=url, published=published,
                        published_time=published_time, title_range=title_range)


def entry_text(entry: Any, captions: frozenset[str] = frozenset()) -> str:
    """The fullest text the entry carries: its longest ``content`` part, else its summary, without a closing
    "Continue reading…" link. feedparser files a photo's ``media:description`` among the entry's content
    parts; a part that is one of the feed's ``captions`` (``media_captions``) is passed over."""
    contents = [
        text for part in entry.get("content", [])
        if (text := html_to_text(part.get("value", ""))) and _plain(text) not in captions
    ]
    text = max(contents, key=len, default="") or html_to_text(entry.get("summary", ""))
    return _READ_ON.sub("", text).rstrip()


def media_captions(data: bytes) -> frozenset[str]:
    """Every ``media:description`` (Media RSS: a photo's or video's caption) in a feed, as plain text."""
    if _MEDIA_RSS.encode() not in data:
        return frozenset()
    try:
        root = etree.fromstring(data, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return frozenset()
    if root is None:
        return frozenset()
    return frozenset(
        _plain(html_to_text(element.text)) for element in root.iter(f"{{{_MEDIA_RSS}}}description") if element.text
    )


def _plain(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class JsonFeedItem:
    """One item of a JSON Feed, as an RSS entry would give it."""

    id: object
    link: str | None
    title: str | None
    published: PartialDate | None
    text: str


def is_json_feed(document: Any) -> bool:
    """A JSON Feed (https://jsonfeed.org) names its version by a jsonfeed.org address."""
    return isinstance(document, dict) and str(document.get("version", "")).startswith("https://jsonfeed.org/")


def json_feed_items(document: dict) -> list[JsonFeedItem]:
    """The items of a JSON Feed, which feedparser does not read: its HTML content as text, else its text
    content or summary."""
    items = []
    for item in document.get("items") or []:
        if not isinstance(item, dict):
            continue
        html = item.get("content_html")
        text = html_to_text(html) if isinstance(html, str) and html else str(item.get("content_text") or item.get("summary") or "")
        items.append(JsonFeedItem(
            item.get("id"), item.get("url") or item.get("external_url"),
            html_to_text(str(item.get("title") or "")) or None,
            parse_metadata_date(item.get("date_published") or item.get("date_modified")), _READ_ON.sub("", text).strip(),
        ))
    return items


def read_json_feed(document: dict, label: str) -> Iterator[Article | Rejected]:
    """Articles from a saved JSON Feed's items, as ``label#<item number>``."""
    items = json_feed_items(document)
    if not items:
        raise BadInput(f"{label}: empty, the JSON Feed has no items")
    for number, item in enumerate(items, start=1):
        if not item.text:
            yield Rejected(label, f"item {number}: no text, the item has neither content nor a summary")
            continue
        yield entry_article(item.text, f"{label}#{number}", title=item.title, source=document.get("title"),
                            url=item.link, published=item.published)


def entry_time(entry: Any) -> str | None:
    """The entry's publication time as the feed writes it, with its offset (ISO 8601)."""
    for field in _WRITTEN_DATES:
        value = entry.get(field)
        if isinstance(value, str) and parse_metadata_date(value) is not None:
            return published_time(value)
    return None


def entry_date(entry: Any) -> PartialDate | None:
    """Publication date as the feed writes it (local to the publisher); feedparser's parsed struct is in
    UTC and would move a late-evening story to the next day, so it is only the fallback."""
    for field in _WRITTEN_DATES:
        date = parse_metadata_date(entry.get(field))
        if date is not None:
            return date
    for field in (f"{written}_parsed" for written in _WRITTEN_DATES):
        date = parse_metadata_date(entry.get(field))
        if date is not None:
            return date
    return None
