"""RSS 2.0 and Atom feeds: one article per entry, malformed feeds reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.errors import BadInput
from storyline.ingest.dedupe import find_duplicates
from storyline.ingest.feed import is_feed, read_feed
from storyline.model import Article, PartialDate, Rejected

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def _read(name: str) -> list[Article | Rejected]:
    return _read_path(FIXTURES / name)


def _read_path(path: Path) -> list[Article | Rejected]:
    return list(read_feed(path.read_bytes(), path.name))


def test_ingest_feed_reads_rss_entries_with_full_content():
    first = _read("gulf_news.rss")[0]
    assert first.path == "gulf_news.rss#1"
    assert first.text.startswith("President Barack Obama travelled to Grand Isle, Louisiana, on Friday")
    assert "“I am furious at this entire situation,” the president told reporters" in first.text
    assert first.title == "Obama visits Louisiana coast for third time"
    assert first.url == "https://gulfcoastdaily.example/2010/06/04/obama-third-visit"
    assert first.source == "Gulf Coast Daily - Oil Spill"
    assert first.published == PartialDate(dt.date(2010, 6, 4), "day")


def test_ingest_feed_falls_back_to_the_summary_as_text_without_markup():
    second = _read("gulf_news.rss")[1]
    assert second.text.endswith("\n\nShares in BP fell 13 percent in London on Tuesday after the company’s top kill attempt failed.")


def test_ingest_feed_a_short_entry_opens_with_its_title_which_can_be_cited():
    second = _read("gulf_news.rss")[1]
    assert second.text.startswith("BP shares hit 13-year low\n\n")
    assert second.text[second.title_span.start : second.title_span.end] == second.title == "BP shares hit 13-year low"


def test_ingest_feed_entries_sharing_one_stock_line_are_not_copies(tmp_path):
    feed = tmp_path / "explainers.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
        "<item><title>Wildfires spread across New South Wales</title><description>Here's what you need to know.</description></item>"
        "<item><title>Fed raises interest rates by a quarter point</title><description>Here's what you need to know.</description></item>"
        "</channel></rss>", encoding="utf-8")
    first, second = _read_path(feed)
    assert first.id != second.id
    kept, copies = find_duplicates([first, second])
    assert len(kept) == 2 and copies == []


def test_ingest_feed_rejects_an_entry_without_text():
    rejected = [outcome for outcome in _read("gulf_news.rss") if isinstance(outcome, Rejected)]
    assert [(r.path, r.reason) for r in rejected] == [
        ("gulf_news.rss", "entry 3: no text, the entry has neither content nor a summary")
    ]


def test_ingest_feed_reads_atom_entries_dated_where_they_were_published():
    first, second = _read("energy_desk_atom.xml")
    assert first.source == "Energy Desk"
    assert first.text.startswith("BP’s ruptured well in the Gulf of Mexico has been permanently sealed")
    assert first.url == "https://energydesk.example/2010/09/19/well-dead"
    # 23:45 on the 17th in Central time is the 18th in UTC; the publisher's date is kept.
    assert second.published == PartialDate(dt.date(2010, 9, 17), "day")


def test_ingest_feed_keeps_entries_before_a_truncation_and_reports_it():
    outcomes = _read("truncated_feed.rss")
    assert outcomes[0].title == "Fishing grounds reopen east of the Mississippi"
    assert outcomes[-1].reason.startswith("malformed feed (")
    assert "later ones may be missing" in outcomes[-1].reason


def test_ingest_feed_rejects_an_error_page_saved_as_a_feed():
    with pytest.raises(BadInput, match="not an RSS or Atom feed"):
        _read("service_unavailable.rss")


@pytest.mark.parametrize(
    ("head", "feed"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', True),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', False),
    ],
)
def test_ingest_feed_tells_feeds_from_other_xml(head, feed):
    assert is_feed(head) is feed


def test_ingest_feed_takes_the_description_not_a_photos_media_caption():
    (article,) = _read("science_desk_media.rss")
    assert "A capsule carrying rock and dust from the asteroid Bennu landed" in article.text
    assert "Recovery crews" not in article.text


def test_ingest_feed_drops_the_continue_reading_link_closing_an_entry():
    (article,) = _read("world_desk_read_on.rss")
    assert article.text.endswith("until the dispute is settled.")


def test_ingest_feed_reads_a_saved_json_feed_as_articles():
    from storyline.ingest import read_inputs

    result = read_inputs([FIXTURES / "tech_desk_feed.json"])
    assert [article.title for article in result.articles] == ["Drone deliveries reach rural clinics",
                                                               "A telescope carried by a balloon"]
    assert result.rejected == ()
    assert result.articles[0].source == "Tech Desk" and result.articles[0].published == PartialDate(dt.date(2023, 6, 12), "day")


def test_ingest_feed_an_entry_with_a_malformed_link_does_not_stop_the_feed(tmp_path):
    feed = tmp_path / "desk.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
        "<item><title>Bridge closes for repairs</title><link>https://[site_url]/bridge</link>"
        "<description>The old bridge closed on Monday for six months of repairs to its steel supports.</description></item>"
        "<item><title>School opens</title><link>https://valley.example/school</link>"
        "<description>A new primary school opened its doors to 300 pupils in the north of the town.</description></item>"
        "</channel></rss>", encoding="utf-8")
    assert [article.title for article in _read_path(feed)] == ["Bridge closes for repairs", "School opens"]
