"""RSS and Atom feeds through feedparser: one article per entry, from its full content or else its summary.

Feeds in the wild are often not well-formed XML (a bare "&" in a title); feedparser still recovers their
entries. Those are kept, and the file is also listed as rejected with the XML error, so the reader of the
summary knows the feed may be missing entries after the error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import feedparser

from storyline.errors import BadInput
from storyline.ingest.article import make_article
from storyline.ingest.dates import parse_metadata_date
from storyline.ingest.html import html_to_text
from storyline.model import Article, PartialDate, Rejected

# feedparser's complaints that say nothing about the feed's structure.
_HARMLESS_FEED_ERRORS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def is_feed(data: bytes) -> bool:
    """True when an .xml file is an RSS, RDF or Atom feed rather than some other XML document."""
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(data: bytes, label: str) -> Iterator[Article | Rejected]:
    """Articles from a feed's entries, as ``label#<entry number>``; raise BadInput when nothing is
    recoverable (not a feed, malformed before its first entry, or no entries at all)."""
    parsed = feedparser.parse(data)
    error = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(error, _HARMLESS_FEED_ERRORS):
        error = None
    if not parsed.entries:
        if error is not None:
            raise BadInput(f"{label}: malformed feed, no entry could be read ({error})")
        if not parsed.version:
            raise BadInput(f"{label}: not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        raise BadInput(f"{label}: empty, the feed has no entries")
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article_from_entry(entry, f"{label}#{number}", feed_title)
        except BadInput as failure:
            yield Rejected(label, f"entry {number}: {str(failure).removeprefix(f'{label}#{number}: ')}")
    if error is not None:
        yield Rejected(label, f"malformed feed ({error}); kept the {len(parsed.entries)} entries read "
                              f"before it, later ones may be missing")


def _article_from_entry(entry: Any, path: str, feed_title: str | None) -> Article:
    text = _entry_text(entry)
    if not text:
        raise BadInput(f"{path}: no text, the entry has neither content nor a summary")
    entry_source = entry.get("source", {}).get("title")
    title = html_to_text(entry.get("title", "")) or None
    return make_article(text, path, title=title, source=entry_source or feed_title, url=entry.get("link"),
                        published=_entry_date(entry))


def _entry_text(entry: Any) -> str:
    """The fullest text the entry carries: its longest ``content`` part, else its summary."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    longest = max(contents, key=len, default="")
    return html_to_text(longest) or html_to_text(entry.get("summary", ""))


def _entry_date(entry: Any) -> PartialDate | None:
    """Publication date as the feed writes it (local to the publisher); feedparser's parsed struct is in
    UTC and would move a late-evening story to the next day, so it is only the fallback."""
    for field in ("published", "updated", "created"):
        date = parse_metadata_date(entry.get(field))
        if date is not None:
            return date
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        date = parse_metadata_date(entry.get(field))
        if date is not None:
            return date
    return None
