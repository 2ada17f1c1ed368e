"""Online clustering: articles into events, events into stories, with stable ids and explained placements.

The articles here are built by hand from real news sentences: their vectors weigh the words and names a
reader sees in them, so each test states what the clusterer must do with them and why.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from storyline.analyze.vectors import GROUPS, weigh
from storyline.library.clustering import ArticleFeatures, Clusterer, ClusteringModel, MemoryState, default_model
from storyline.library.clustering.features import date_window
from storyline.library.clustering.scoring import LinearScore
from storyline.model import Article, PartialDate


def features(article_id: str, day: str | None, words: str, people: str = "", places: str = "") -> ArticleFeatures:
    vectors = {group: {} for group in GROUPS}
    vectors["words"] = weigh(Counter(words.lower().split()))
    vectors["opening"] = dict(vectors["words"])
    vectors["people"] = weigh(Counter(people.lower().split(","))) if people else {}
    vectors["places"] = weigh(Counter(places.lower().split(","))) if places else {}
    when = None if day is None else (dt.date.fromisoformat(day).toordinal(),) * 2
    return ArticleFeatures(article_id, vectors, when)


CHOHAN = "woman killed hit run driver queens richmond hill chohan manslaughter"
CHOHAN_AGAIN = "grandmother killed drunk hit run driver chohan queens charged manslaughter"
BLOOMINGTON = "hit run killed woman parking lot bloomington lasalle charged"


def place_all(articles: list[ArticleFeatures], model: ClusteringModel | None = None):
    state = MemoryState()
    clusterer = Clusterer(state, model or default_model())
    placements = []
    for article in articles:
        state.remember(article)
        placements.append(clusterer.place(article))
    return state, placements


@pytest.mark.parametrize(("published", "source", "confidence", "window"), [
    ("2013-09-14", "metadata", 1.0, ("2013-09-14", "2013-09-14")),
    ("2013-09-14", "text", 0.82, ("2013-09-14", "2013-09-14")),
    ("2013-09-14", "text", 0.3, ("2013-08-15", "2013-10-14")),
    ("2013-09", "text", 0.5, ("2013-09-01", "2013-09-30")),
    ("2013", "text", 0.5, ("2013-01-01", "2013-12-31")),
])
def test_clustering_date_window_is_as_wide_as_the_date_is_uncertain(published, source, confidence, window):
    article = Article("a", "text", "a.txt", published=PartialDate.parse(published), published_from=source,
                      published_confidence=confidence)
    assert date_window(article) == tuple(dt.date.fromisoformat(day).toordinal() for day in window)


def test_clustering_date_window_of_a_guess_is_unknown():
    article = Article("a", "text", "a.txt", published=PartialDate.parse("2001"), published_from="text",
                      published_confidence=0.11)
    assert date_window(article) is None


def test_clustering_second_report_of_an_incident_joins_its_event():
    _, placements = place_all([
        features("a1", "2013-09-14", CHOHAN, "Chohan", "Queens"),
        features("a2", "2013-09-14", CHOHAN_AGAIN, "Chohan", "Queens"),
    ])
    assert placements[1].event_id == placements[0].event_id == "ea1"
    assert not placements[1].new_event
    assert placements[1].reason.startswith("joined event ea1")


def test_clustering_look_alike_incident_elsewhere_is_its_own_event_and_story():
    _, placements = place_all([
        features("a1", "2013-09-14", CHOHAN, "Chohan", "Queens"),
        features("b1", "2012-07-03", BLOOMINGTON, "LaSalle", "Bloomington"),
    ])
    assert placements[1].new_event and placements[1].new_story
    assert (placements[1].event_id, placements[1].story_id) == ("eb1", "sb1")


def test_clustering_same_words_years_apart_are_not_one_event():
    _, placements = place_all([
        features("a1", "2009-02-04", CHOHAN, "Chohan", "Queens"),
        features("a2", "2013-09-14", CHOHAN, "Chohan", "Queens"),
    ])
    assert placements[1].event_id != placements[0].event_id


RULES = ClusteringModel(
    event=LinearScore({"people": 10.0}, -8.0, 0.0),  # one event: the same person (cosine above 0.8)
    story=LinearScore({"places": 10.0}, -4.0, 0.0),  # one story: places alike (cosine above 0.4)
    max_gap_days=400,
)


def test_clustering_an_article_tying_two_stories_merges_them_into_the_older():
    state, placements = place_all([
        features("a", "2018-02-05", "troops withdraw iraq", "Dillon", "Iraq"),
        features("b", "2018-12-19", "troops withdraw syria", "Sanders", "Syria"),
        features("c", "2019-01-10", "coalition troops syria", "Dillon", "Syria"),  # Dillon's event, now in Syria
    ], RULES)
    assert [p.story_id for p in placements[:2]] == ["sa", "sb"]
    assert (placements[2].event_id, placements[2].story_id) == ("ea", "sa")
    assert placements[2].merged == ("sb",)
    assert state.story("sb").id == "sa"


def test_clustering_new_event_alike_a_story_joins_it():
    _, placements = place_all([
        features("a", "2018-02-05", "troops withdraw iraq", "Dillon", "Iraq"),
        features("b", "2018-12-19", "troops withdraw iraq", "Sanders", "Iraq"),
    ], RULES)
    assert placements[1].new_event and not placements[1].new_story
    assert placements[1].story_id == "sa"
    assert "in story sa" in placements[1].reason


def test_clustering_same_inputs_give_the_same_ids():
    articles = [
        features("a1", "2013-09-14", CHOHAN, "Chohan", "Queens"),
        features("b1", "2012-07-03", BLOOMINGTON, "LaSalle", "Bloomington"),
        features("a2", "2013-09-15", CHOHAN_AGAIN, "Chohan", "Queens"),
    ]
    first = [(p.event_id, p.story_id) for p in place_all(articles)[1]]
    again = [(p.event_id, p.story_id) for p in place_all(articles)[1]]
    assert first == again


def test_clustering_index_follows_a_cluster_whose_heaviest_words_change():
    state = MemoryState()
    clusterer = Clusterer(state, RULES)
    for number in range(40):
        article = features(f"x{number}", "2018-02-05", f"troops word{number} word{number} word{number}", "Dillon")
        state.remember(article)
        clusterer.place(article)
    (event,) = state.event_by_id.values()
    assert set(state.event_index.keys_of[event.id]) == event.keys()
    assert all(event.id in state.event_index.postings[key] for key in event.keys())
