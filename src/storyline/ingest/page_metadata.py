"""What a web page says about itself: its headline, outlet, canonical address and publication time.

Read from the page's own declarations (``<link rel=canonical>``, Open Graph and other meta tags, JSON-LD,
``<time>``), never guessed from its running text or its sidebars: a fact-check page's date is when it was
published, not the date of the statement it checks, and a page saved years later is not dated by the
newest link in its "related stories" box. What a page does not declare stays empty; the dater fills in a
date from the text later and says it inferred it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from storyline.ingest.article import UPDATED_DATE_CONFIDENCE, URL_DATE_CONFIDENCE
from storyline.ingest.dates import date_in_url, parse_metadata_date, published_time
from storyline.ingest.urls import split_url
from storyline.model import PartialDate

# Meta tags naming the publication time, most specific first (property, name or itemprop, lower-cased).
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "og:published_time",
    "published_time", "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
    "dc.date.created", "citation_publication_date", "cxenseparse:recs:publishtime", "date",
)
_UPDATED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified")
_TITLE_META = ("og:title", "title", "twitter:title", "headline")
# JSON-LD types that describe the article itself, rather than the site or a breadcrumb.
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report|LiveBlogPosting)$")
# Separators between a headline and a site name or section ("… | CNN Politics", "… :: WRAL.com",
# "… » Local » Noticias", "LinkNaija: …", "…：日本経済新聞").
_SEPARATOR = re.compile(r"\s+(?:\||-{1,2}|–|—|::|»|·|>|/)\s+|\s*[|｜：]\s*|(?<=\w):\s+")
_BREADCRUMB = frozenset({"»", ">", "/"})
# Longer than this, a "site name" is a headline or a slogan, not the outlet.
_MAX_OUTLET_WORDS = 8
# The second-level labels of country domains ("co.uk", "com.au"), skipped when naming a site by its host.
_GENERIC_LABELS = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go"})


# The page is decoded already (``decode_text`` weighed its declared and detected charsets): lxml must not
# guess again from a <meta charset> that may be wrong.
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """The page's declarations; every field is None when the page does not state it."""

    title: str | None
    outlet: str | None
    url: str | None
    published: PartialDate | None
    published_time: str | None
    """The publication time as declared, ISO 8601 with the page's UTC offset when it gives one."""
    published_confidence: float = 1.0
    """1.0 for a declared publication time; less for the month or day the address files the page under
    ("/2018/10/…") or a declared time of last update, which is at or after the publication."""
    og_type: str | None = None
    og_url: str | None = None
    """The address og:url states, beside the canonical one in ``url``: a page is a home page only when
    every address it states is the site's root."""
    links: int = 0
    """Links in the page's body: what a front page is made of."""
    redirect: str | None = None
    """Where a ``<meta http-equiv=refresh>`` sends the browser, for a page that is only a redirect."""


def read_page_metadata(html: str, fetched_url: str | None = None) -> PageMetadata:
    """The metadata ``html`` declares; ``fetched_url`` (where it was downloaded) resolves relative links."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
    except (ValueError, etree.LxmlError):
        return PageMetadata(None, None, fetched_url, None, None)
    meta = _meta_tags(root)
    linked_data = list(_json_ld_objects(root))
    articles = [item for item in linked_data if _is_article(item)]
    url = _canonical_url(root, meta, articles, fetched_url)
    parts = split_url(url or fetched_url)
    host = parts.hostname if parts is not None else None
    site_names = _site_names(meta, articles)
    outlet = _outlet(site_names, host)
    titles = _title_candidates(root, meta, articles)
    title, title_site = _headline(titles, site_names + ([outlet] if outlet else []), host)
    if outlet is None and title_site is not None:
        outlet = title_site
    if outlet is not None and title is not None and _normal(outlet) == _normal(title):
        outlet = None  # a headline is never the outlet
    published, confidence, declared_time = _publication(root, meta, articles, linked_data, url or fetched_url)
    return PageMetadata(
        title=title, outlet=outlet, url=url, published=published, published_time=declared_time,
        published_confidence=confidence, og_type=(meta.get("og:type") or None),
        og_url=meta.get("og:url"),
        links=sum(1 for link in root.iter("a") if link.get("href")), redirect=_refresh_target(root),
    )


def _publication(
    root: lxml.html.HtmlElement, meta: dict[str, str], articles: list[dict], linked_data: list[dict],
    address: str | None,
) -> tuple[PartialDate | None, float, str | None]:
    """The publication date, its confidence and the declared time: a declared publication time (1.0),
    else the date the address files the page under, else a declared last update (both likely, not sure)."""
    declared = _declared_time(_publication_candidates(root, meta, articles, linked_data))
    if declared:
        return parse_metadata_date(declared), 1.0, published_time(declared)
    filed = date_in_url(address or "")
    if filed is not None:
        return filed, URL_DATE_CONFIDENCE, None
    updated = _declared_time(_update_candidates(root, meta, articles))
    if updated:
        return parse_metadata_date(updated), UPDATED_DATE_CONFIDENCE, None
    return None, 0.0, None


def _refresh_target(root: lxml.html.HtmlElement) -> str | None:
    for element in root.iter("meta"):
        if (element.get("http-equiv") or "").strip().lower() == "refresh":
            _, _, target = (element.get("content") or "").partition("=")
            return target.strip().strip("'\"") or None
    return None


def _meta_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    """First value of each meta key (property, name or itemprop), lower-cased keys, collapsed values."""
    tags: dict[str, str] = {}
    for element in root.iter("meta"):
        content = " ".join((element.get("content") or "").split())
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                tags.setdefault(key, content)
    return tags


def _json_ld_objects(root: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object on the page, ``@graph`` members and list items included; bad blocks skipped."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = (script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>").strip().rstrip(";")
        try:
            data = json.loads(text)
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph", []))


def _is_article(item: dict) -> bool:
    types = item.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(kind, str) and _ARTICLE_TYPE.search(kind) for kind in types)


def _canonical_url(
    root: lxml.html.HtmlElement, meta: dict[str, str], articles: list[dict], fetched_url: str | None
) -> str | None:
    """The address the page states for itself (canonical link, og:url, JSON-LD), else where it was fetched."""
    base = meta.get("og:url") or fetched_url
    candidates = [link.get("href") for link in root.iter("link") if "canonical" in (link.get("rel") or "").lower().split()]
    candidates.append(meta.get("og:url"))
    for item in articles:
        page = item.get("mainEntityOfPage")
        candidates.extend([item.get("url"), page.get("@id") if isinstance(page, dict) else page])
    for candidate in candidates:
        if not isinstance(candidate, str) or not candidate.strip():
            continue
        if not candidate.strip().startswith(("http://", "https://", "/")):
            continue  # a bare relative canonical ("8003098") is a site's fault, not an address
        try:
            absolute = urljoin(base, candidate.strip()) if base else candidate.strip()
        except ValueError:
            continue
        parts = split_url(absolute)
        if parts is not None and parts.scheme in ("http", "https") and parts.hostname:
            return absolute
    return fetched_url


def _site_names(meta: dict[str, str], articles: list[dict]) -> list[str]:
    names = [meta.get("og:site_name"), meta.get("application-name")]
    for item in articles:
        publisher = item.get("publisher")
        publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
        if isinstance(publisher, dict):
            names.append(publisher.get("name"))
    return [" ".join(name.split()) for name in names if isinstance(name, str) and name.strip()]


def _outlet(site_names: list[str], host: str | None) -> str | None:
    """The first declared site name, without a slogan ("LinkNaija | Nigeria's popular news platform")."""
    label = _host_label(host)
    for name in site_names:
        parts = [part for part in _SEPARATOR.split(name) if part.strip()]
        if len(parts) > 1:
            named = [part for part in parts if label and label in _normal(part)]
            name = (named or parts)[0].strip()
        if len(name.split()) <= _MAX_OUTLET_WORDS:
            return name
    return None


def _title_candidates(root: lxml.html.HtmlElement, meta: dict[str, str], articles: list[dict]) -> list[str]:
    """Headline candidates, the page's <title> first: og:title is often a variant written for sharing."""
    found = [root.findtext(".//title") or ""]
    found.extend(meta.get(key, "") for key in _TITLE_META)
    found.extend(item.get("headline", "") for item in articles)
    found.extend(heading.text_content() for heading in root.iter("h1"))
    titles: list[str] = []
    for title in found:
        title = " ".join(title.split()) if isinstance(title, str) else ""
        if title and title not in titles:
            titles.append(title)
    return titles


def _headline(titles: list[str], site_names: list[str], host: str | None) -> tuple[str | None, str | None]:
    """The headline without site affixes, and the site name the title carried, if any.

    When one candidate, stripped, is another plus a trailing section ("… -- Puppet Masters" beside "…",
    "… 写真1枚 国際ニュース" beside "…"), the shorter wins: what the longer adds is a label, not part of the
    headline.
    """
    stripped = [_strip_site(title, site_names, host) for title in titles]
    usable = [(headline, site) for headline, site in stripped if _is_headline(headline, site_names, host)]
    if not usable:
        return None, None
    chosen, site = usable[0]
    for other, _ in usable[1:]:
        rest = chosen[len(other):]
        if len(other) < len(chosen) and chosen.startswith(other) and (_SEPARATOR.match(rest) or rest[0].isspace()):
            chosen = other
    return chosen, site or next((found for _, found in usable if found), None)


def _strip_site(title: str, site_names: list[str], host: str | None) -> tuple[str, str | None]:
    """``title`` without a leading or trailing site name (and a breadcrumb of sections before it)."""
    site: str | None = None
    for name in sorted(site_names, key=len, reverse=True):  # a declared name with its slogan, whole
        for pattern in (rf"^{re.escape(name)}\s*(?:{_SEPARATOR.pattern})", rf"(?:{_SEPARATOR.pattern})\s*{re.escape(name)}$"):
            shorter = re.sub(pattern, "", title, count=1)
            if shorter != title and shorter.strip():
                title, site = shorter.strip(), site or name
    parts = _SEPARATOR.split(title)
    separators = _SEPARATOR.findall(title)
    if len(parts) > 1 and _is_site(parts[-1], site_names, host):
        site = site or parts[-1].strip()
        parts, separators = parts[:-1], separators[:-1]
        while len(parts) > 1 and separators[-1].strip() in _BREADCRUMB:  # "… » Local » Noticias"
            parts, separators = parts[:-1], separators[:-1]
    if len(parts) > 1 and _is_site(parts[0], site_names, host):
        site = site or parts[0].strip()
        parts, separators = parts[1:], separators[1:]
    rebuilt = parts[0] + "".join(separator + part for separator, part in zip(separators, parts[1:]))
    return rebuilt.strip(), site


def _is_site(segment: str, site_names: list[str], host: str | None) -> bool:
    """A title segment that names the site: a declared name (or its start), or a short segment carrying
    the host's name ("CNN Politics" on cnn.com, "ประชาไท Prachatai.com" on prachatai.com)."""
    normal = _normal(segment)
    if len(normal) < 2:
        return False
    for name in site_names:
        declared = _normal(name)
        if normal == declared or (len(normal) >= 3 and declared.startswith(normal)):
            return True
    label = _host_label(host)
    return bool(label) and len(label) >= 3 and len(segment.split()) <= 4 and label in normal


def _is_headline(text: str, site_names: list[str], host: str | None) -> bool:
    """Not empty, not the site's name alone, and more than one word (or a few characters of CJK)."""
    if not text or _is_site(text, site_names, host):
        return False
    return len(text.split()) >= 2 or len(text) >= 6


def _publication_candidates(
    root: lxml.html.HtmlElement, meta: dict[str, str], articles: list[dict], linked_data: list[dict]
) -> list[object]:
    """The publication times the page declares, surest first: the article's JSON-LD, meta tags, a marked
    <time>, the JSON-LD of the page around the article."""
    candidates: list[object] = [item.get("datePublished") for item in articles]
    candidates.extend(meta.get(key) for key in _PUBLISHED_META)
    candidates.extend(_parsely_date(meta.get("parsely-page")))
    candidates.extend(_marked_times(root, "published"))
    candidates.extend(item.get("datePublished") for item in linked_data if not _is_article(item))
    return candidates


def _update_candidates(root: lxml.html.HtmlElement, meta: dict[str, str], articles: list[dict]) -> list[object]:
    """When the page says it was last updated: at or after its publication, the closest date it gives
    when it declares no publication time (AP's hosted pages mark only "timestamp updated")."""
    candidates: list[object] = [item.get("dateModified") for item in articles]
    candidates.extend(meta.get(key) for key in _UPDATED_META)
    candidates.extend(_marked_times(root, "updated"))
    return candidates


def _declared_time(candidates: list[object]) -> str | None:
    for candidate in candidates:
        if isinstance(candidate, str) and parse_metadata_date(candidate) is not None:
            return candidate.strip()
    return None


def _parsely_date(value: str | None) -> Iterable[object]:
    try:
        data = json.loads(value) if value else {}
    except ValueError:
        return []
    return [data.get("pub_date")] if isinstance(data, dict) else []


def _marked_times(root: lxml.html.HtmlElement, kind: str) -> Iterator[str]:
    """Times marked as the publication (``kind`` "published": ``<time itemprop=datePublished>``,
    ``<time pubdate>``, hAtom's ``<abbr class="published" title=…>``) or as the last update ("updated":
    ``itemprop=dateModified``, ``class="updated"``)."""
    itemprop = "datepublished" if kind == "published" else "datemodified"
    for element in root.iter("time", "abbr", "span", "div"):
        classes = (element.get("class") or "").lower().split()
        marked = (
            (element.get("itemprop") or "").lower() == itemprop
            or (kind == "published" and element.tag == "time" and element.get("pubdate") is not None)
            or kind in classes
        )
        if marked:
            value = element.get("datetime") or element.get("content") or element.get("title")
            if value:
                yield value


def _host_label(host: str | None) -> str:
    """The name part of a host ("cnn" for edition.cnn.com, "yna" for en.yna.co.kr)."""
    if not host:
        return ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return labels[0] if labels else ""
    labels = labels[:-1]
    while len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
        labels = labels[:-1]
    return labels[-1]


def _normal(text: str) -> str:
    """Letters and digits only, case-folded and width-folded: how site names are compared."""
    return "".join(char for char in unicodedata.normalize("NFKC", text).casefold() if char.isalnum())

