"""Reading a library as the web app does: read-only, one article as its briefing shows it, search within a
story, an outlet or dates, and the listing's outlets and articles per day."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.errors import StoreError
from storyline.ingest.article import make_article
from storyline.library import AddOptions, Library, SearchFilter
from storyline.render.citations import story_evidence

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def library(web_db):
    with Library(web_db, readonly=True) as opened:
        yield opened


def _seeds(library):
    return next(listing for listing in library.stories() if "Iraq" in listing.title)


def test_library_read_only_cannot_write(library):
    article = make_article("The ferry resumed service on Monday after the storm.", "ferry.txt")
    with pytest.raises(StoreError):
        library.add_articles([article])


def test_library_read_only_without_a_file_says_how_to_make_one(tmp_path):
    with pytest.raises(StoreError, match="storyline add"):
        Library(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_library_article_is_dated_as_its_briefing_dates_it(library):
    story = library.story(_seeds(library).id)
    for article in story.articles:
        shown = library.article(article.id).article
        assert (shown.published, shown.published_from, shown.published_confidence) == (
            article.published, article.published_from, article.published_confidence)


def test_library_article_lists_every_span_its_briefing_cites(library):
    story = library.story(_seeds(library).id)
    article = story.articles[0]
    cited = library.article(article.id).cited
    timeline_spans = {(e.start, e.end) for entry in story.timeline for e in entry.evidence if e.article == article.id}
    assert timeline_spans <= {(evidence.start, evidence.end) for _, evidence in cited}
    assert all(article.text[evidence.start:evidence.end] == evidence.quote for _, evidence in cited)


def test_library_article_names_its_event_and_story(library):
    listing = _seeds(library)
    article_id = library.story(listing.id).events[0].articles[0]
    found = library.article(article_id)
    assert (found.story_id, found.story_title, found.event.id) == (listing.id, listing.title, found.event_id)


def test_library_search_within_a_story_keeps_to_it(library):
    listing = _seeds(library)
    hits = library.search("said", limit=100, within=SearchFilter(story_id=listing.id[:8]))
    assert hits and {hit.story_id for hit in hits} == {listing.id}


def test_library_search_within_dates_leaves_out_events_outside_them(library):
    within = SearchFilter(since=dt.date(2010, 5, 1), until=dt.date(2010, 5, 31))
    hits = library.search("spill", limit=100, within=within)
    assert hits
    assert all(library.article(hit.article_id).article.published.iso().startswith("2010-05") for hit in hits)


def test_library_listing_keeps_outlets_and_articles_per_day(library):
    listing = next(listing for listing in library.stories() if listing.outlets)
    assert listing.sources == len(listing.outlets)
    assert sum(count for _, count in listing.days) <= listing.articles
    assert [day for day, _ in listing.days] == sorted(day for day, _ in listing.days)


def test_library_article_placed_after_its_storys_briefing_is_shown_as_stored(web_db, tmp_path):
    db = tmp_path / "library.db"
    db.write_bytes(web_db.read_bytes())
    later = make_article("BP said on Tuesday that the static kill of the Macondo well had worked, and that mud "
                         "pumped into the well was holding back the oil.", "bp_static_kill_update.txt")
    with Library(db) as writable:
        writable.add_articles([later], AddOptions(briefings=False))
    with Library(db, readonly=True) as library:
        found = library.article(later.id)
    assert found.story_id is not None and found.cited == () and found.article.text == later.text


def test_library_article_cites_exactly_what_the_briefing_cites_in_it(library):
    story = library.story(_seeds(library).id)
    for article in story.articles:
        expected = sorted((where, e.start, e.end) for where, e in story_evidence(story) if e.article == article.id)
        found = sorted((where, e.start, e.end) for where, e in library.article(article.id).cited)
        assert found == expected
