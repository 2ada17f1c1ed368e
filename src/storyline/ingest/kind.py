"""What counts as an article: text that is not one is rejected with what it is instead.

Crawls and download folders carry files that are text but not news: a site's robots.txt, the crawler's
own log, manifest and arguments (wget writes them into every WARC), seed lists of addresses, front pages
of headlines, paywall notices. Let into a briefing they become its title, its summary sentences and its
quotes. Each test here looks at what the text *is* (its structure), never at its subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.ingest.urls import split_url

# A line that is one web address (or a crawler's "dns:" lookup), alone.
_ADDRESS_LINE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://\S+|dns:\S+|www\.\S+)$", re.IGNORECASE)
_ROBOTS_DIRECTIVE = re.compile(r"^\s*(?:user-agent|disallow|allow|sitemap|crawl-delay|host|noindex)\s*:",
                               re.IGNORECASE)
# What wget, Heritrix and curl write while crawling: timestamps, requests, responses, saving.
_CRAWL_LOG_LINE = re.compile(
    r"^(?:--\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}--|\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}\S* |\d+K[ .]|"
    r"(?:Resolving|Connecting to|HTTP request sent|Length:|Saving to:|Location:|Reusing existing connection|"
    r"Opening WARC file|Downloaded:|FINISHED --|Total wall clock time:|Converting links|Queuing))",
)
_MANIFEST_LINE = re.compile(r"^<urn:uuid:[0-9a-f-]+>$", re.IGNORECASE)
_COMMAND_ARGUMENTS = re.compile(r'^(?:"-{1,2}[^"]*"\s*|"[^"]*"\s*)+$')
_PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log ?in|sign in)|"
    r"already a subscriber|this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:paying )?subscribers|"
    r"create a free account to (?:continue|read)",
    re.IGNORECASE,
)
# A paywall notice is short; an article that mentions subscribing in its footer is not one.
_PAYWALL_MAX_WORDS = 150
# The share of a file's lines that must be of a kind for the file to be that kind.
_MOSTLY = 0.6
_HOME_TITLES = frozenset({"main page", "home", "home page", "homepage", "front page", "startseite", "hauptseite",
                          "accueil", "page d'accueil", "portada", "página principal", "pagina principale"})
_HOME_PATHS = frozenset({"", "/", "/index.html", "/index.htm", "/index.php", "/index.shtml", "/default.aspx",
                         "/home", "/home/"})


def non_article_reason(text: str, url: str | None = None) -> str | None:
    """What ``text`` (found at ``url``) is when it is not an article, as one short line; None for an article.

    >>> non_article_reason("User-agent: *\\nDisallow: /search\\n")
    "robots.txt, a site's rules for crawlers"
    >>> non_article_reason("http://a.example/1\\nhttp://a.example/2\\nhttp://b.example/\\n")
    'a list of 3 web addresses'
    >>> non_article_reason("Troops began leaving Syria on Wednesday, officials said.") is None
    True
    """
    address = split_url(url)
    if address is not None and address.scheme == "metadata":
        return f"the crawler's own record ({address.path.rsplit('/', 1)[-1] or url}), not a page"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if (address is not None and address.path.endswith("/robots.txt")) or _mostly(lines, _ROBOTS_DIRECTIVE.match):
        return "robots.txt, a site's rules for crawlers"
    if len(lines) >= 2 and _mostly(lines, _ADDRESS_LINE.match):
        return f"a list of {len(lines)} web addresses"
    if _mostly(lines, _CRAWL_LOG_LINE.match):
        return "a crawler's log"
    if all(_MANIFEST_LINE.match(line) for line in lines):
        return "a crawl's manifest of record ids"
    if all(_COMMAND_ARGUMENTS.match(line) for line in lines):
        return "a crawler's command-line arguments"
    if len(text.split()) <= _PAYWALL_MAX_WORDS and _PAYWALL.search(text):
        return "a paywall notice; the article's text is behind it"
    return None


def home_page_reason(addresses: list[str | None], links: int, title: str | None = None) -> str | None:
    """Why a page is a site's front page rather than an article, or None: every address it states for
    itself or was fetched at (``addresses``) is the site's root — one root canonical beside an article's
    own address is a site's misconfiguration — or its title calls it the main page ("Main Page")."""
    known = [parts for parts in (split_url(address) for address in addresses) if parts is not None and parts.hostname]
    site = known[0].hostname if known else "a site"
    at_root = bool(known) and all(parts.path.lower() in _HOME_PATHS and not parts.query for parts in known)
    if at_root or " ".join((title or "").split()).casefold() in _HOME_TITLES:
        return f"the home page of {site}, {links} links and no article of its own"
    return None


def _mostly(lines: list[str], test: Callable[[str], object]) -> bool:
    """True when most lines but ``#`` comments pass ``test``."""
    counted = [line for line in lines if not line.startswith("#")]
    if not counted:
        return False
    return sum(1 for line in counted if test(line)) >= _MOSTLY * len(counted)
