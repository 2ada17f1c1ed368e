"""Duplicates: exact copies and syndicated near-copies collapse into the first; different stories do not."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import shared_data
from storyline.ingest import find_duplicates, read_inputs
from storyline.ingest.article import make_article
from storyline.ingest.dedupe import shingle_similarity

SYNDICATED = Path(__file__).parent / "fixtures" / "ingest" / "syndicated"

CAP_STORY = (
    "BP says oil has stopped flowing into the Gulf of Mexico from its ruptured well for the first time since "
    "the Deepwater Horizon rig exploded on 20 April. The company closed the last of three valves on a 75-ton cap "
    "on Thursday, beginning a test that will run for up to 48 hours while engineers watch the pressure."
)


def test_ingest_dedupe_collapses_an_exact_copy_into_the_first():
    first = make_article(CAP_STORY, "site_a/cap.txt")
    copy = make_article(CAP_STORY, "site_b/cap.txt")
    kept, duplicates = find_duplicates([first, copy])
    assert kept == [first]
    assert [(d.path, d.of, d.similarity) for d in duplicates] == [("site_b/cap.txt", first.id, 1.0)]


def test_ingest_dedupe_collapses_a_syndicated_copy_with_its_own_headline_and_footer():
    articles = read_inputs([SYNDICATED]).articles
    kept, duplicates = find_duplicates(articles)
    assert [Path(article.path).name for article in kept] == ["ap_on_bayou_courier.txt", "commission_analysis.txt"]
    (duplicate,) = duplicates
    assert Path(duplicate.path).name == "ap_on_gulf_times.txt"
    assert duplicate.of == kept[0].id
    assert 0.9 <= duplicate.similarity < 1.0


def test_ingest_dedupe_keeps_different_articles_on_the_same_story():
    articles = read_inputs([SYNDICATED]).articles
    wire, analysis = articles[0], articles[2]
    kept, duplicates = find_duplicates([wire, analysis])
    assert kept == [wire, analysis] and duplicates == []


def test_ingest_dedupe_keeps_a_short_brief_apart_from_the_long_story_that_contains_it():
    brief = make_article(CAP_STORY, "brief.txt")
    long_story = make_article(
        CAP_STORY + " Retired Coast Guard Admiral Thad Allen cautioned that the cap was a temporary measure and that "
        "a relief well, expected to be finished in August, remained the only permanent way to seal the leak. "
        "Government scientists estimate that between 35,000 and 60,000 barrels of oil a day had been gushing from "
        "the well before the cap was fitted, the largest offshore spill in US history.",
        "long.txt",
    )
    kept, duplicates = find_duplicates([brief, long_story])
    assert len(kept) == 2 and duplicates == []


def test_ingest_dedupe_ignores_case_and_punctuation():
    assert shingle_similarity(CAP_STORY, CAP_STORY.upper().replace(",", "").replace(".", " .")) == 1.0


def test_ingest_dedupe_is_fast_on_hundreds_of_news_articles():
    articles = read_inputs(
        [shared_data(f"bench/timeline17/{topic}/InputDocs") for topic in ("bpoil_bbc", "bpoil_guardian")]
    ).articles
    started = time.perf_counter()
    kept, duplicates = find_duplicates(articles)
    assert time.perf_counter() - started < 10.0  # all-pairs comparison would take minutes
    assert len(kept) + len(duplicates) == len(articles)
    assert len(duplicates) < len(articles) // 20  # different reports of one story are not copies
