"""What counts as an article: robots.txt, crawl logs, address lists, front pages, redirects and paywall
notices are rejected with what they are; a feed saved as a page is read as its entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_data
from storyline.errors import BadInput
from storyline.ingest.article import make_article
from storyline.ingest.html import read_html
from storyline.ingest.kind import non_article_reason
from storyline.ingest.reader import read_file
from storyline.model import Article, Rejected

PAGES = Path(__file__).parent / "fixtures" / "pages"

ROBOTS = """#
# robots.txt for http://www.wikipedia.org/ and friends
#
# Please note: There are a lot of pages on this site, and there are some misbehaved spiders out there
# that go _way_ too fast. If you're irresponsible, your access to the site may be blocked.
#
User-agent: MJ12bot
Disallow: /

User-agent: *
Disallow: /w/
Disallow: /trap/
"""

WGET_LOG = """Opening WARC file 'IAH-urls-wget.warc.gz'.

--2013-10-21 22:53:06--  http://www.archive.org/robots.txt
Resolving www.archive.org... 207.241.224.2
Connecting to www.archive.org|207.241.224.2|:80... connected.
HTTP request sent, awaiting response... 302 Moved Temporarily
Location: http://archive.org/robots.txt [following]

     0K                                                       100% 9.03M=0s

2013-10-21 22:53:07 (826 KB/s) - written to stdout [727/727]
"""


def test_kind_robots_txt_is_not_an_article_even_with_a_comment_in_prose():
    assert non_article_reason(ROBOTS) == "robots.txt, a site's rules for crawlers"


def test_kind_a_crawlers_log_is_not_an_article():
    assert non_article_reason(WGET_LOG) == "a crawler's log"


def test_kind_a_list_of_addresses_is_not_an_article():
    urls = "dns:www.archive.org\nhttp://www.archive.org/robots.txt\nhttp://www.archive.org/\nhttp://www.archive.org/index.php\n"
    assert non_article_reason(urls) == "a list of 4 web addresses"


def test_kind_a_wget_metadata_record_is_not_a_page():
    reason = non_article_reason('"-i" "urls.txt" "--warc-file=IAH"', "metadata://gnu.org/software/wget/warc/wget_arguments.txt")
    assert reason == "the crawler's own record (wget_arguments.txt), not a page"


def test_kind_a_paywall_notice_is_not_an_article():
    notice = "Trump's lawyers file new motion. Subscribe to continue reading. Already a subscriber? Log in."
    assert non_article_reason(notice) == "a paywall notice; the article's text is behind it"


def test_kind_an_article_that_links_and_mentions_subscribers_stays_an_article():
    text = ("The newspaper said on Monday that it had passed one million digital subscribers, "
            "a milestone its editor called proof that readers will pay for local reporting.\n"
            "See https://news.example/subscribers for the figures.")
    assert non_article_reason(text) is None


def test_kind_make_article_rejects_text_that_is_not_an_article_with_its_reason():
    with pytest.raises(BadInput, match=r"^urls\.txt: not an article: a list of 2 web addresses$"):
        make_article("https://a.example/1\nhttps://a.example/2\n", "urls.txt")


def test_kind_a_sites_front_page_is_rejected_as_its_home_page():
    with pytest.raises(BadInput, match="not an article: the home page of www.riversidecourier.example, 3 links"):
        read_html((PAGES / "front_page.html").read_bytes(), "front_page.html")


def test_kind_a_redirect_page_says_where_it_sends_the_reader():
    with pytest.raises(BadInput, match="not an article: a redirect to https://news.example/2024/05/story$"):
        read_html((PAGES / "refresh.html").read_bytes(), "refresh.html")


def test_kind_a_feed_saved_as_html_is_read_as_its_entries():
    outcomes = read_file(PAGES / "saved_feed.html")
    assert [outcome.title for outcome in outcomes] == ["Flood barriers go up along the river", "Library reopens after renovation"]


def test_kind_realworld_crawl_records_never_become_articles():
    archive = shared_data("bench/realworld/warc/small-arcs-and-warcs/IAH-urls-wget.warc.gz")
    outcomes = read_file(archive)
    assert [outcome for outcome in outcomes if isinstance(outcome, Article)] == []
    reasons = [outcome.reason for outcome in outcomes if isinstance(outcome, Rejected)]
    assert "record http://archive.org/robots.txt: not an article: robots.txt, a site's rules for crawlers" in reasons
    assert any(reason.startswith("record metadata://gnu.org/software/wget/warc/wget.log: not an article") for reason in reasons)


def test_kind_a_page_whose_title_calls_it_the_main_page_is_a_home_page():
    html = (b"<html><head><title>Main Page - Wikipedia, the free encyclopedia</title></head><body><div>"
            + b"<p>Today's featured article: the Battle of Hastings was fought on 14 October 1066 between the "
              b"Norman-French army of William, the Duke of Normandy, and an English army.</p>" * 3
            + b"</div></body></html>")
    with pytest.raises(BadInput, match="not an article: the home page of en.wikipedia.org"):
        read_html(html, "main.html", url="http://en.wikipedia.org/wiki/Main_Page")
