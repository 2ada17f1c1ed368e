"""What a watched source says is new: a feed's entries (RSS, Atom, or JSON Feed), and where the feeds are
(a URL, a file listing URLs one a line, or OPML).

An entry is known by its id (RSS guid, Atom id, JSON Feed id), else its link, else its title and date, so
a feed that rewrites an entry's text does not make it new again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from storyline.errors import BadInput
from storyline.ingest.feed import (
    entry_date,
    entry_text,
    is_json_feed,
    json_feed_items,
    media_captions,
    parse_entries,
)
from storyline.ingest.html import html_to_text
from storyline.model import PartialDate

@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str
    link: str | None
    title: str | None
    published: PartialDate | None
    text: str
    """The entry's own text (its content, else its summary), used when its page cannot be had."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]
    problem: str | None = None
    """Set when the feed is malformed but some entries were read: later ones may be missing."""


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """The entries of a fetched feed; raise BadInput when it is not a feed or nothing can be read."""
    if data.lstrip()[:1] == b"{":
        return _json_feed(data, url)
    parsed, error = parse_entries(data, url)
    captions = media_captions(data)
    entries = tuple(_entry(entry, captions) for entry in parsed.entries)
    problem = f"malformed feed ({error}); {len(entries)} entries read" if error is not None else None
    return ParsedFeed(parsed.feed.get("title"), entries, problem)


def feed_urls(source: str) -> list[str]:
    """The feeds a SOURCE names: itself when it is a URL, else the URLs its file lists (OPML outlines, or
    one URL a line with # comments)."""
    if source.startswith(("http://", "https://")):
        return [source]
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{source}: cannot read this list of feeds ({error})") from error
    if text.lstrip().startswith("<"):
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError as error:
            raise BadInput(f"{source}: not valid OPML ({error})") from error
        urls = [outline.get("xmlUrl") for outline in root.iter("outline") if outline.get("xmlUrl")]
    else:
        urls = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    bad = [url for url in urls if not url.startswith(("http://", "https://"))]
    if bad:
        raise BadInput(f"{source}: {bad[0]!r} is not an http(s) feed address")
    if not urls:
        raise BadInput(f"{source}: lists no feed; write one feed URL a line, or give an OPML file")
    return list(dict.fromkeys(urls))


def _entry(entry: Any, captions: frozenset[str]) -> FeedEntry:
    link = entry.get("link")
    title = html_to_text(entry.get("title", "")) or None
    published = entry_date(entry)
    text = entry_text(entry, captions)
    return FeedEntry(_key(entry.get("id"), link, title, published), link, title, published, text)


def _json_feed(data: bytes, url: str) -> ParsedFeed:
    """A JSON Feed (https://jsonfeed.org), which feedparser does not read."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput(f"{url}: not valid JSON ({error})") from error
    if not is_json_feed(document):
        raise BadInput(f"{url}: JSON, but not a JSON Feed (no jsonfeed.org version)")
    entries = tuple(
        FeedEntry(_key(item.id, item.link, item.title, item.published), item.link, item.title, item.published, item.text)
        for item in json_feed_items(document)
    )
    return ParsedFeed(document.get("title"), entries)


def _key(entry_id: object, link: str | None, title: str | None, published: PartialDate | None) -> str:
    if entry_id not in (None, ""):
        return f"id:{entry_id}"
    if link:
        return f"link:{link}"
    digest = hashlib.sha256(f"{title}|{published.iso() if published else ''}".encode()).hexdigest()[:16]
    return f"title:{digest}"
