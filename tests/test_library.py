"""The story library on the seed articles: placing, listing, briefings, ids, search, writers and readers."""

from __future__ import annotations

import fcntl
import json
import shutil

import pytest

from conftest import EXAMPLES
from storyline.errors import BadInput, NotFound, StoreError
from storyline.library import Library
from storyline.library.store import Store
from storyline.render import render_json

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    with Library(folder / "storyline.db") as library:
        result = library.add([EXAMPLES])
    return folder / "storyline.db", result


def test_library_add_places_every_seed_article(seeds_library):
    _, result = seeds_library
    assert (result.read, result.placed, result.known) == (5, 5, 0)
    assert all(placement.reason for placement in result.placements)


@pytest.mark.xfail(strict=True, reason="article 000 (the Syria withdrawal) joins the Iraq drawdown's "
                   "event: dated alone it is sure only of its year, 2018, which cannot set it apart from February "
                   "2018, and the texts alone score it into that event (build, dating the pile together, finds "
                   "all three events)")
def test_library_seeds_are_one_story_of_three_events(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        (listing,) = library.stories()
    assert (listing.articles, listing.events) == (5, 3)


def test_library_lists_each_story_with_its_span_and_counts(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        listing = library.stories()[0]
    assert listing.first <= listing.last
    assert listing.version == 1 and listing.updated


def test_library_rejected_input_is_kept_with_its_reason(seeds_library):
    db, result = seeds_library
    assert [entry.path for entry in result.rejected] == [str(EXAMPLES / "README.md")]
    with Store(db) as store:
        assert [entry.path for entry in store.rejected_inputs()] == [str(EXAMPLES / "README.md")]


def test_library_adding_the_same_inputs_again_changes_nothing(seeds_library, tmp_path):
    db, _ = seeds_library
    copy = tmp_path / "again.db"
    shutil.copy(db, copy)
    with Library(copy) as library:
        result = library.add([EXAMPLES])
        listing = library.stories()[0]
    assert (result.placed, result.known) == (0, 5)
    assert result.new_stories == result.updated_stories == ()
    assert listing.version == 1


def test_library_same_inputs_give_the_same_ids_in_a_fresh_library(seeds_library, tmp_path):
    db, first = seeds_library
    with Library(tmp_path / "fresh.db") as library:
        again = library.add([EXAMPLES])
    assert [(p.event_id, p.story_id) for p in again.placements] == [(p.event_id, p.story_id) for p in first.placements]


def test_library_story_json_names_the_story_its_events_and_each_articles_event(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        story_id = library.stories()[0].id
        data = json.loads(render_json(library.story(story_id)))
    assert data["id"] == story_id
    events = {event["id"]: event for event in data["events"]}
    assert {article["event"] for article in data["articles"]} == set(events)
    for article in data["articles"]:
        assert article["id"] in events[article["event"]]["articles"]


def test_library_story_is_found_by_a_unique_prefix_of_its_id(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        story_id = library.stories()[0].id
        assert library.resolve(story_id[:6]) == story_id


def test_library_unknown_story_says_how_to_list_them(seeds_library):
    db, _ = seeds_library
    with Library(db) as library, pytest.raises(NotFound, match="storyline stories"):
        library.story("s0000000000000000")


def test_library_search_hit_is_the_exact_sentence_of_its_article(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        hits = library.search("Sanders statement")
        texts = {article.id: article.text for article in library.store.articles([hit.article_id for hit in hits])}
    assert hits
    for hit in hits:
        assert texts[hit.article_id][hit.start : hit.end] == hit.text
        assert [fragment for fragment, matched in hit.snippet if matched] == ["Sanders", "statement"]


def test_library_search_finds_other_forms_of_a_word(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        hits = library.search("withdrawals")
    assert any("withdraws" in hit.text for hit in hits)


def test_library_search_for_a_quoted_phrase_matches_it_as_written(seeds_library):
    db, _ = seeds_library
    with Library(db) as library:
        (hit,) = library.search('"begun withdrawing"')
    assert "has begun withdrawing troops from Syria" in hit.text


def test_library_search_without_a_word_says_what_to_type(seeds_library):
    db, _ = seeds_library
    with Library(db) as library, pytest.raises(BadInput, match="one or more words"):
        library.search('"" ***')


def test_library_second_writer_is_told_another_is_adding(seeds_library, tmp_path):
    db, _ = seeds_library
    with open(db.with_name(db.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with Library(db) as library, pytest.raises(StoreError, match="another storyline process is adding"):
            library.add([EXAMPLES])


def test_library_reader_is_not_blocked_by_an_open_write(seeds_library):
    db, _ = seeds_library
    with Store(db) as writer, Library(db) as reader:
        with writer.transaction():
            writer.set_meta("note", "writing")
            assert sum(listing.articles for listing in reader.stories()) == 5


def test_library_syndicated_copy_of_a_library_article_is_a_duplicate(seeds_library, tmp_path):
    db, _ = seeds_library
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    original = (EXAMPLES / "004_876711f44ed858c4.txt").read_text(encoding="utf-8")
    syndicated = tmp_path / "syndicated.txt"
    syndicated.write_text("Reprinted from The New Arab\n\n" + original + "\nCopyright 2018, all rights reserved.\n")
    with Library(copy) as library:
        result = library.add([syndicated])
    assert result.placed == 0
    (duplicate,) = result.duplicates
    assert duplicate.path == str(syndicated) and duplicate.similarity >= 0.9


def test_library_briefing_lists_every_copy_of_its_articles(seeds_library, tmp_path):
    db, _ = seeds_library
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    original = (EXAMPLES / "004_876711f44ed858c4.txt").read_text(encoding="utf-8")
    reprints = [tmp_path / "reprint_a.txt", tmp_path / "reprint_b.txt"]
    reprints[0].write_text("Reprinted from The New Arab\n\n" + original, encoding="utf-8")
    reprints[1].write_text(original + "\nCopyright 2018, all rights reserved.\n", encoding="utf-8")
    with Library(copy) as library:
        result = library.add(reprints)
    (story,) = [briefing.story for briefing in result.briefings]
    assert len(result.duplicates) == 2 and result.updated_stories == (story.id,)
    assert sorted(duplicate.path for duplicate in story.duplicates) == sorted(str(path) for path in reprints)


def test_library_add_leaves_the_briefing_of_a_very_big_story_to_refresh(tmp_path, monkeypatch):
    monkeypatch.setattr("storyline.library.library.DEFERRED_BRIEFING_ARTICLES", 2)
    with Library(tmp_path / "big.db") as library:
        result = library.add([EXAMPLES])
        (listing,) = library.stories()
    assert result.briefings == ()
    assert listing.articles == 5 and "storyline refresh" in listing.pending


def test_library_refresh_builds_a_pending_briefing_and_clears_the_note(tmp_path, monkeypatch):
    monkeypatch.setattr("storyline.library.library.DEFERRED_BRIEFING_ARTICLES", 2)
    with Library(tmp_path / "big.db") as library:
        library.add([EXAMPLES])
        (briefing,) = library.refresh()
        (listing,) = library.stories()
    assert len(briefing.story.articles) == 5 and listing.pending is None
