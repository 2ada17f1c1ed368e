"""Coverage by outlet: who reported what in a story, and what only one outlet reports."""

from __future__ import annotations

from dataclasses import replace

from seed_story import seed_story

from storyline.model import Article
from storyline.story.coverage import story_coverage


def _with_outlets(*outlets: str | None):
    """The seeds' story with its five articles credited to these outlets, in order."""
    story = seed_story()
    return replace(story, articles=tuple(replace(a, source=o) for a, o in zip(story.articles, outlets, strict=True)))


def test_coverage_counts_each_outlets_articles():
    coverage = story_coverage(_with_outlets("Reuters", "AP", "Reuters", "AP", "Reuters"))
    assert [(row.outlet, len(row.articles)) for row in coverage.outlets] == [("Reuters", 3), ("AP", 2)]


def test_coverage_counts_the_items_citing_each_outlet():
    story = _with_outlets("Reuters", "AP", "Reuters", "AP", "Reuters")
    reuters = next(row for row in story_coverage(story).outlets if row.outlet == "Reuters")
    ids = set(reuters.articles)
    assert reuters.timeline == sum(1 for entry in story.timeline if any(e.article in ids for e in entry.evidence))
    assert reuters.quotes == sum(1 for quote in story.quotes if any(e.article in ids for e in quote.evidence))


def test_coverage_lists_what_only_one_outlet_reports():
    story = _with_outlets("Reuters", "AP", "Reuters", "AP", "Reuters")
    outlet_of = {article.id: article.source for article in story.articles}
    sole = story_coverage(story).sole
    assert sole
    assert all({outlet_of[e.article] for e in item.evidence} == {item.outlet} for item in sole if item.evidence)
    confirmed = [entry for entry in story.timeline if len({outlet_of[e.article] for e in entry.evidence}) > 1]
    assert confirmed and not {entry.text for entry in confirmed} & {item.text for item in sole}


def test_coverage_of_one_outlet_has_nothing_only_it_reports():
    assert story_coverage(_with_outlets("Reuters", "Reuters", "Reuters", "Reuters", "Reuters")).sole == ()


def test_coverage_never_calls_an_item_sole_when_an_unnamed_article_supports_it():
    story = _with_outlets("Reuters", None, "AP", None, "Reuters")
    coverage = story_coverage(story)
    unnamed = set(coverage.unnamed)
    assert len(unnamed) == 2
    assert not any(e.article in unnamed for item in coverage.sole for e in item.evidence)


def test_article_outlet_is_its_web_hosts_name_when_metadata_names_none():
    article = Article(id="a", text="Troops left.", path="a.html", url="https://www.reuters.com/world/troops")
    assert article.outlet == "reuters.com"
