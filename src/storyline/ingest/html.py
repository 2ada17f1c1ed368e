"""Web pages: trafilatura finds the article's main text; the page's own declarations give its title, outlet,
address and publication time (``page_metadata``).

The stored text is trafilatura's extraction, not the page source: navigation, adverts and comments are not
part of the story, and offsets index what a reader would call the article.
"""

from __future__ import annotations

from html import unescape

import lxml.html
import trafilatura
from lxml import etree

from storyline.errors import BadInput
from storyline.ingest.article import CAPTURE_DATE_CONFIDENCE, make_article
from storyline.ingest.boilerplate import without_boilerplate
from storyline.ingest.decode import decode_text, declared_html_charset
from storyline.ingest.kind import home_page_reason
from storyline.ingest.language import word_count
from storyline.ingest.page_metadata import read_page_metadata
from storyline.model import Article, PartialDate

# Fewer words than this is a menu or a button trafilatura fell back to, not an article (the shortest news
# briefs run to a few sentences).
MIN_ARTICLE_WORDS = 10
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)


def read_html(
    data: bytes,
    path: str,
    *,
    url: str | None = None,
    declared_charset: str | None = None,
    capture_date: PartialDate | None = None,
) -> Article:
    """One article from a web page; raise BadInput when the page holds no article text.

    ``url`` is where the page was fetched (a WARC's target URI) and is replaced by the page's canonical URL
    when it names one; ``capture_date`` dates the article when its metadata does not.
    """
    html = decode_text(data, path, declared=declared_html_charset(data) or declared_charset)
    return article_from_html(html, path, url=url, capture_date=capture_date)


def article_from_html(
    html: str, path: str, *, url: str | None = None, capture_date: PartialDate | None = None
) -> Article:
    """One article from decoded HTML (a page, or a JSON record's ``html`` field)."""
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
        )
    except (ValueError, etree.LxmlError) as error:
        raise BadInput(f"{path}: not a readable HTML page ({error})") from error
    text = without_boilerplate(document.text or "").strip() if document else ""
    page = read_page_metadata(html, url)
    if word_count(text) < MIN_ARTICLE_WORDS:
        if page.redirect:
            raise BadInput(f"{path}: not an article: a redirect to {_shortened(page.redirect)}")
        found = f"only {_shortened(text)!r}" if text else "nothing"
        raise BadInput(f"{path}: no article text found in the page ({found}; it may be an index, login or "
                       f"error page)")
    addresses = [page.url, page.og_url, url]
    home_page = home_page_reason(addresses, page.links, page.title) if page.og_type != "article" else None
    if home_page:
        raise BadInput(f"{path}: not an article: {home_page}")
    title = page.title or document.title
    published, confidence = page.published, page.published_confidence
    if published is None and capture_date is not None:
        published, confidence = capture_date, CAPTURE_DATE_CONFIDENCE
    return make_article(
        text,
        path,
        title=title,
        source=page.outlet,
        url=page.url or url,
        published=published,
        published_confidence=confidence,
        published_time=page.published_time,
        title_range=_title_range(text, title),
    )


def html_to_text(fragment: str) -> str:
    """Readable text of an HTML fragment (a feed entry's content): one line per block, entities decoded.

    >>> html_to_text("<p>BP&#8217;s cap <b>holds</b>.</p><p>Oil has stopped.</p>")
    'BP’s cap holds.\\nOil has stopped.'
    """
    if "<" not in fragment:
        return "\n".join(" ".join(line.split()) for line in unescape(fragment).splitlines() if line.strip())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.LxmlError):
        return ""
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _shortened(text: str, limit: int = 80) -> str:
    """One line of at most ``limit`` characters: a rejection reason never carries a page's text."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _title_range(text: str, title: str | None) -> tuple[int, int] | None:
    """Where the title stands, when the extracted text opens with it (trafilatura keeps the <h1>)."""
    if not title:
        return None
    title = " ".join(title.split())
    first_line = text.split("\n", 1)[0]
    start = first_line.find(title)
    return (start, start + len(title)) if start >= 0 else None
