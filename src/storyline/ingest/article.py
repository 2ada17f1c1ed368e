"""The one place an ``Article`` is made, so every reader identifies and dates articles the same way."""

from __future__ import annotations

import hashlib

from storyline.errors import BadInput
from storyline.ingest.kind import non_article_reason
from storyline.ingest.language import detect_language
from storyline.model import Article, PartialDate, Span

# A WARC-Date says when the page was fetched, which is at or after its publication: likely, not certain.
CAPTURE_DATE_CONFIDENCE = 0.9
# A date in a file or folder name is how someone filed the article: usually its day, sometimes the day
# it was saved.
FILE_DATE_CONFIDENCE = 0.8
# A date in a page's address ("/2018/10/…") is the publisher's own filing, usually the publication day.
URL_DATE_CONFIDENCE = 0.9
# A page's "last updated" time is at or after its publication, like a capture date.
UPDATED_DATE_CONFIDENCE = CAPTURE_DATE_CONFIDENCE


def content_hash(text: str) -> str:
    """SHA-256 of the stored text in UTF-8: the identity of an article's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_article(
    text: str,
    path: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: PartialDate | None = None,
    published_confidence: float = 1.0,
    published_time: str | None = None,
    title_range: tuple[int, int] | None = None,
) -> Article:
    """An article for ``text`` as stored; raise BadInput when there is no text to store or the text is not an
    article (a robots.txt, a crawler's log, a list of addresses: ``kind``).

    ``published`` is metadata (``published_from="metadata"``) with ``published_confidence``; the dater fills
    in a date from the text later when metadata gives none. ``title_range`` is where the title stands in
    ``text`` when the title is part of it, so a headline can be cited like any sentence.
    """
    if not text.strip():
        raise BadInput(f"{path}: empty, no article text")
    reason = non_article_reason(text, url)
    if reason is not None:
        raise BadInput(f"{path}: not an article: {reason}")
    digest = content_hash(text)
    article_id = digest[:16]
    return Article(
        id=article_id,
        text=text,
        path=path,
        title=_clean(title),
        source=_clean(source),
        url=_clean(url),
        published=published,
        published_from="metadata" if published else None,
        published_confidence=published_confidence if published else 0.0,
        published_time=published_time if published else None,
        content_hash=digest,
        title_span=Span(article_id, *title_range) if title_range else None,
        language=detect_language(text),
    )


def _clean(value: str | None) -> str | None:
    """Metadata strings with their whitespace collapsed; blank becomes None so "no title" is one value."""
    if value is None:
        return None
    collapsed = " ".join(str(value).split())
    return collapsed or None
