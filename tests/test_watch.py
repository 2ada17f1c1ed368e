"""`storyline watch` against a feed server on 127.0.0.1: entries become articles through `add`'s code, a
feed is asked for conditionally, pages that cannot be had fall back to the entry's text (and say so), and
slow, looping, oversized or malformed answers end in a clear status while the next round tries again."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from feed_server import FeedServer, Route

from conftest import REPO
from storyline.cli import main
from storyline.errors import BadInput
from storyline.library import Library
from storyline.watch import Fetcher, Watcher, parse_interval

pytestmark = pytest.mark.slow
FIXTURES = REPO / "tests" / "fixtures" / "watch"
FEED = "/environment/feed.rss"


def _feed(server: FeedServer, name: str = "coast_feed.rss") -> bytes:
    return (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", server.base).encode()


def _page(name: str) -> Route:
    return Route((FIXTURES / name).read_bytes())


@pytest.fixture
def server():
    with FeedServer() as running:
        running.routes[FEED] = Route(_feed(running), content_type="application/rss+xml", etag='"v1"')
        running.routes["/environment/cap"] = Route((REPO / "tests" / "fixtures" / "ingest" / "news_page.html").read_bytes())
        running.routes["/business/claims"] = _page("claims_page.html")
        running.routes["/environment/relief"] = _page("relief_page.html")
        yield running


def _quick() -> Fetcher:
    return Fetcher(timeout=1.0, backoff=0.0, per_host_interval=0.0, retries=1)


@pytest.fixture
def library(tmp_path):
    with Library(tmp_path / "library.db") as opened:
        yield opened


def _round(library, *sources, fetcher=None):
    return Watcher(library, fetcher or _quick()).round(list(sources))


def _articles(library) -> dict[str, object]:
    ids = [row[0] for row in library.store._query("SELECT article_id FROM members")]
    return {article.url: article for article in library.store.articles(ids)}


def test_watch_adds_each_entrys_page_with_the_feeds_metadata(server, library):
    report = _round(library, server.base + FEED)
    assert [(line.status, line.entries) for line in report.sources] == [("new entries", 3)]
    claims = next(a for a in _articles(library).values() if a.title == "Feinberg opens claims office in Mobile")
    assert "within days, not months" in claims.text and claims.source == "Coastline Herald" and claims.note is None


def test_watch_uses_the_entrys_own_text_when_its_page_is_missing_and_says_so(server, library):
    _round(library, server.base + FEED)
    beaches = next(a for a in _articles(library).values() if a.title == "Beaches reopen in Gulf Shores")
    assert "Officials in Gulf Shores, Alabama, reopened" in beaches.text
    assert "feed's own text" in beaches.note and "404" in beaches.note


def test_watch_asks_for_an_unchanged_feed_conditionally_and_adds_nothing(server, library):
    _round(library, server.base + FEED)
    report = _round(library, server.base + FEED)
    assert report.sources[0].status == "not modified"
    assert server.requests(FEED)[-1].get("If-None-Match") == '"v1"'
    assert library.store.count("members") == 3


def test_watch_adds_only_the_entries_a_feed_gained(server, library):
    _round(library, server.base + FEED)
    server.routes[FEED] = Route(_feed(server, "coast_feed_later.rss"), content_type="application/rss+xml", etag='"v2"')
    report = _round(library, server.base + FEED)
    assert (report.sources[0].entries, report.sources[0].added) == (1, 1)
    assert library.store.count("members") == 4


def test_watch_times_out_on_a_slow_feed_and_the_next_round_retries(server, library):
    server.routes[FEED].delay = 2.0
    first = _round(library, server.base + FEED)
    assert first.sources[0].status == "error" and "no answer within" in first.sources[0].error
    server.routes[FEED].delay = 0.0
    assert _round(library, server.base + FEED).sources[0].entries == 3


def test_watch_stops_following_a_redirect_loop(server, library):
    server.routes["/loop/a"] = Route(status=302, location="/loop/b")
    server.routes["/loop/b"] = Route(status=302, location="/loop/a")
    report = _round(library, server.base + "/loop/a")
    assert report.sources[0].status == "error" and "redirect" in report.sources[0].error


def test_watch_refuses_a_response_over_the_size_limit(server, library):
    server.routes["/big.rss"] = Route(b"<rss>" + b" " * 200_000 + b"</rss>", content_type="application/rss+xml")
    fetcher = Fetcher(max_bytes=100_000, timeout=2.0, backoff=0.0, per_host_interval=0.0)
    report = _round(library, server.base + "/big.rss", fetcher=fetcher)
    assert "over the 100,000-byte limit" in report.sources[0].error


def test_watch_refuses_a_gzip_bomb_once_it_inflates_past_the_limit(server, library):
    server.routes["/bomb.rss"] = Route(b"\0" * 5_000_000, content_type="application/rss+xml", gzip=True)
    assert len(gzip.compress(b"\0" * 5_000_000)) < 10_000
    fetcher = Fetcher(max_bytes=1_000_000, timeout=2.0, backoff=0.0, per_host_interval=0.0)
    report = _round(library, server.base + "/bomb.rss", fetcher=fetcher)
    assert "once decoded" in report.sources[0].error


def test_watch_reports_a_malformed_feed_and_goes_on_to_the_next(server, library):
    server.routes["/broken.rss"] = Route(b"<rss><channel><title>Broken</tit", content_type="application/rss+xml")
    report = _round(library, server.base + "/broken.rss", server.base + FEED)
    assert report.sources[0].status == "error" and "feed" in report.sources[0].error
    assert report.sources[1].entries == 3


def test_watch_keeps_every_entry_of_a_feed_with_a_stray_control_character(server, library):
    body = _feed(server).replace(b"the town's beaches", b"the town\x0b's beaches")
    server.routes["/control.rss"] = Route(body, content_type="application/rss+xml")
    assert _round(library, server.base + "/control.rss").sources[0].entries == 3


def test_watch_respects_robots_txt_for_article_pages(server, library):
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /business/\n", content_type="text/plain")
    _round(library, server.base + FEED)
    assert server.requests("/business/claims") == []
    claims = next(a for a in _articles(library).values() if a.title == "Feinberg opens claims office in Mobile")
    assert "robots.txt" in claims.note


def test_watch_reads_a_json_feed(server, library):
    items = [{"id": "claims-1", "url": f"{server.base}/business/claims", "title": "Feinberg opens claims office",
              "content_text": "Kenneth Feinberg opened a claims office in Mobile, Alabama, on Monday.",
              "date_published": "2010-08-23T16:00:00-05:00"}]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Herald JSON", "items": items}
    server.routes["/feed.json"] = Route(json.dumps(feed).encode(), content_type="application/feed+json")
    report = _round(library, server.base + "/feed.json")
    assert (report.sources[0].entries, report.sources[0].added) == (1, 1)


def test_watch_follows_the_feeds_an_opml_file_lists(server, library, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(f'<opml version="2.0"><body><outline text="Herald" xmlUrl="{server.base}{FEED}"/></body></opml>')
    assert _round(library, str(opml)).sources[0].entries == 3


def test_watch_follows_the_feeds_a_url_list_names(server, library, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# the Herald\n{server.base}{FEED}\n")
    assert _round(library, str(listing)).sources[0].source == server.base + FEED


def test_watch_list_with_a_bad_line_says_which(library, tmp_path):
    listing = tmp_path / "feeds.txt"
    listing.write_text("ftp://example.org/feed\n")
    report = _round(library, str(listing))
    assert report.sources[0].status == "error" and "ftp://example.org/feed" in report.sources[0].error


def test_watch_picks_up_only_new_files_from_a_folder(library, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "relief.html").write_bytes((FIXTURES / "relief_page.html").read_bytes())
    assert _round(library, str(folder)).sources[0].entries == 1
    (folder / "claims.html").write_bytes((FIXTURES / "claims_page.html").read_bytes())
    report = _round(library, str(folder))
    assert (report.sources[0].entries, library.store.count("members")) == (1, 2)


def test_watch_waits_a_second_between_requests_to_one_host(server):
    waits: list[float] = []
    fetcher = Fetcher(per_host_interval=1.0, sleep=waits.append)
    fetcher.get(server.base + "/environment/cap")
    fetcher.get(server.base + "/business/claims")
    assert len(waits) == 1 and 0.5 < waits[0] <= 1.0


def test_watch_says_who_it_is(server):
    Fetcher(per_host_interval=0).get(server.base + "/environment/cap")
    assert server.requests("/environment/cap")[0]["User-Agent"].startswith("storyline/")


def test_sources_lists_each_feed_with_its_status_and_articles(server, tmp_path):
    db = tmp_path / "library.db"
    with Library(db) as library:
        _round(library, server.base + FEED)
    result = CliRunner().invoke(main, ["sources", "--db", str(db), "--json"])
    state = json.loads(result.output)
    assert (state["source"], state["status"], state["articles"], state["error"]) == (server.base + FEED, "new entries", 3, None)


def test_watch_interval_reads_units():
    assert (parse_interval("90s"), parse_interval("15m"), parse_interval("1h")) == (90, 900, 3600)
    with pytest.raises(BadInput, match="15m"):
        parse_interval("every so often")


# --- stopping: nothing lost, nothing doubled ---

def _watch(db: Path, url: str, *flags: str) -> subprocess.Popen:
    return subprocess.Popen(
        [Path(sys.executable).with_name("storyline"), "watch", url, "--db", str(db), *flags],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )


def _members(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT COUNT(*) FROM members").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _until(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def _slow_pages(server: FeedServer) -> None:
    server.routes[FEED] = Route(_feed(server, "coast_feed_later.rss"), content_type="application/rss+xml")
    for path in ("/environment/cap", "/business/claims", "/environment/relief"):
        server.routes[path].delay = 1.5


@pytest.mark.parametrize("moment", ["fetching pages", "writing articles"])
def test_watch_killed_mid_round_loses_and_doubles_nothing(server, tmp_path, moment):
    _slow_pages(server)
    db = tmp_path / "library.db"
    watching = _watch(db, server.base + FEED, "--once")
    if moment == "fetching pages":  # the feed, robots.txt and a page asked for
        _until(lambda: len(server.log) >= 3 or watching.poll() is not None)
    else:  # articles in the library, their entries not yet marked seen
        _until(lambda: _members(db) > 0 or watching.poll() is not None)
    watching.send_signal(signal.SIGKILL)
    watching.wait(timeout=30)
    for route in server.routes.values():
        route.delay = 0.0
    again = _watch(db, server.base + FEED, "--once")
    assert again.wait(timeout=300) == 0, again.stderr.read()
    with Library(db) as library:
        urls = sorted(article.url for article in _articles(library).values())
        assert len(urls) == len(set(urls)) == 4
        keys = ["id:herald-2010-09-17-relief", "id:herald-2010-07-15-cap", "id:herald-2010-08-23-claims",
                "id:herald-2010-08-30-beaches"]
        assert library.seen_entries(server.base + FEED, keys) == set(keys)


def test_watch_stopped_by_sigterm_mid_round_exits_cleanly_and_the_next_round_finishes(server, tmp_path):
    _slow_pages(server)
    db = tmp_path / "library.db"
    watching = _watch(db, server.base + FEED, "--every", "1h")
    _until(lambda: len(server.log) >= 3)
    watching.send_signal(signal.SIGTERM)
    assert watching.wait(timeout=120) == 0
    assert "stopping" in watching.stderr.read()
    for route in server.routes.values():
        route.delay = 0.0
    again = _watch(db, server.base + FEED, "--once")
    assert again.wait(timeout=300) == 0
    assert _members(db) == 4


def test_web_sources_page_lists_the_watched_feeds(server, tmp_path):
    import httpx
    from web_server import serving

    from storyline.web import ServeOptions

    db = tmp_path / "library.db"
    with Library(db) as library:
        _round(library, server.base + FEED)
    with serving(ServeOptions(db)) as base:
        page = httpx.get(base + "/sources", timeout=30)
        listed = httpx.get(base + "/api/sources", timeout=30).json()["sources"]
    assert page.status_code == 200 and "Coastline Herald - Environment" in page.text
    assert [(state["source"], state["articles"]) for state in listed] == [(server.base + FEED, 3)]
