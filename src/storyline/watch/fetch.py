"""Polite, bounded HTTP for `storyline watch`: what a feed reader owes the sites it reads, and what it owes
the person running it (a slow or hostile server must not stall or swamp a round).

- Conditional GET: a feed is asked for with the ETag and Last-Modified it last sent; 304 costs nothing.
- Timeouts on every request; a failure to connect, a timeout or a 5xx is retried with backoff, then
  reported (the next round tries again).
- At most one request per second to any host.
- robots.txt is respected for article pages (a feed is fetched because its owner published it to be).
- A size limit on every response, counted on the decoded bytes as they stream in, so a gzip bomb is cut
  off after ``max_bytes`` of output, not after it filled the memory.
- Redirects are followed up to a limit; a loop ends in a clear error.
- Every request says who it is (``USER_AGENT``).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from storyline import __version__
from storyline.ingest.urls import split_url

USER_AGENT = f"storyline/{__version__} (news briefing tool; reads feeds and the articles they link to)"
MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 20.0
RETRIES = 2
BACKOFF_SECONDS = 1.0
PER_HOST_INTERVAL = 1.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response, or why there is none: ``content`` is ``None`` when ``error`` says what went wrong or
    ``not_modified`` says the server had nothing new."""

    url: str
    status: int | None
    content: bytes | None = None
    final_url: str | None = None
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None


@dataclass
class Fetcher:
    """An HTTP client with the manners above; one per watch, reused across rounds."""

    max_bytes: int = MAX_BYTES
    timeout: float = TIMEOUT_SECONDS
    retries: int = RETRIES
    backoff: float = BACKOFF_SECONDS
    per_host_interval: float = PER_HOST_INTERVAL
    sleep: Callable[[float], None] = time.sleep
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _client: httpx.Client | None = None

    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url``, conditionally when given the validators it last answered with."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        failure = "not fetched"
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                return self._get_once(url, headers)
            except _Retry as retry:
                failure = str(retry)
            except httpx.TooManyRedirects:
                return Fetched(url, None, error=f"more than {MAX_REDIRECTS} redirects (a redirect loop?)")
            except httpx.TimeoutException:
                failure = f"no answer within {self.timeout:g} s"
            except httpx.TransportError as error:
                failure = f"could not connect ({type(error).__name__}: {error})"
            except httpx.InvalidURL as error:
                return Fetched(url, None, error=f"not a web address ({error})")
            except _TooBig as error:
                return Fetched(url, None, error=str(error))
        return Fetched(url, None, error=f"{failure}; tried {self.retries + 1} times, the next round tries again")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this client fetch ``url`` (allowed when it has none)."""
        parts = split_url(url)
        if parts is None:
            return True  # a malformed address: fetching it fails with the reason, robots.txt has no say
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            fetched = self.get(f"{origin}/robots.txt")
            if fetched.content is not None and fetched.status == 200:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
                self._robots[origin] = parser
            else:
                self._robots[origin] = None
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(USER_AGENT, url)

    def forget_robots(self) -> None:
        """Read robots.txt afresh (once a round: sites change them)."""
        self._robots.clear()

    def _get_once(self, url: str, headers: dict[str, str]) -> Fetched:
        with self.client().stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(url, 304, final_url=str(response.url), not_modified=True,
                               etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))
            if response.status_code >= 500:
                raise _Retry(f"the server answered {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise _TooBig(f"the response is {int(declared):,} bytes, over the {self.max_bytes:,}-byte limit")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise _TooBig(f"the response is over the {self.max_bytes:,}-byte limit once decoded "
                                  "(a compressed response that inflates that far is refused)")
            if response.status_code >= 400:
                return Fetched(url, response.status_code, final_url=str(response.url),
                               error=f"the server answered {response.status_code}")
            return Fetched(
                url, response.status_code, bytes(body), str(response.url), response.headers.get("content-type", ""),
                response.headers.get("etag"), response.headers.get("last-modified"),
            )

    def _wait_for_host(self, url: str) -> None:
        parts = split_url(url)
        host = parts.netloc if parts is not None else url
        last = self._last_request.get(host)
        if last is not None:
            wait = self.per_host_interval - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()


class _Retry(Exception):
    """A failure worth another try (a 5xx answer)."""


class _TooBig(Exception):
    """A response over the size limit."""
