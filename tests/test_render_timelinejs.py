"""timelinejs.json: Knight Lab TimelineJS3 events with partial dates and source links."""

from __future__ import annotations

import json

import pytest
from seed_story import hostile_story, seed_story

from storyline.model import PartialDate
from storyline.render import render_timelinejs
from storyline.render.timelinejs import shorten, start_date


@pytest.fixture(scope="module")
def timeline() -> dict:
    return json.loads(render_timelinejs(seed_story()))


def test_render_timelinejs_shape(timeline):
    assert set(timeline) == {"title", "events"}
    assert timeline["title"]["text"]["headline"] == "US troop drawdowns in Iraq and Syria"
    assert len(timeline["events"]) == len(seed_story().timeline)
    for event in timeline["events"]:
        assert set(event) == {"start_date", "text"}
        assert set(event["text"]) == {"headline", "text"}
        assert all(isinstance(part, str) for part in event["start_date"].values())


@pytest.mark.parametrize(
    ("date", "parts"),
    [
        ("2003", {"year": "2003"}),
        ("2014-08", {"year": "2014", "month": "8"}),
        ("2018-12-19", {"year": "2018", "month": "12", "day": "19"}),
    ],
)
def test_render_timelinejs_dates_carry_only_known_parts(date, parts):
    assert start_date(PartialDate.parse(date)) == parts


def test_render_timelinejs_links_sources_with_urls_and_names_the_rest(timeline):
    text = timeline["events"][1]["text"]["text"]
    assert '<a href="https://www.newarab.com/news/us-starts-iraq-withdrawal-after-defeat-islamic-state">' in text
    assert "<cite>As the Islamic State dwindles, US withdraws troops from Iraq</cite>" in text


def test_render_timelinejs_marks_planned_events(timeline):
    assert "<p>Planned.</p>" in timeline["events"][-1]["text"]["text"]


def test_render_timelinejs_headline_is_the_sentence_cut_at_a_word(timeline):
    headline = timeline["events"][0]["text"]["headline"]
    assert headline == "In 2003, an American-led invasion toppled Iraqi President Saddam Hussein and troops…"
    assert shorten("The U.S. intervention in Iraq began in 2003.") == "The U.S. intervention in Iraq began in 2003."


def test_render_timelinejs_escapes_article_html():
    event = json.loads(render_timelinejs(hostile_story()))["events"][0]
    assert "<script>" not in event["text"]["text"] and "<script>" not in event["text"]["headline"]
    assert "javascript:" not in event["text"]["text"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in event["text"]["text"]
