"""Story-level dating: a happening several sources report takes the date the surest of them agree on, and
sources that date it otherwise are shown as a conflict."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files

import jsonschema

from storyline.model import (
    Article,
    ArticleAnalysis,
    DateConfidence,
    PartialDate,
    Sentence,
    Span,
    StoryEvent,
    TimeExpression,
)
from storyline.render import render_html, render_json, render_markdown
from storyline.render.changes import changes_text
from storyline.story.build import assemble_story
from storyline.story.changes import story_changes
from storyline.story.timeline import build_timeline

WITHDRAWAL = "the United States has begun withdrawing its troops from Syria, shortly after Trump tweeted."


def _article(article_id: str, line: str, published: str, *, inferred: DateConfidence | None = None,
             timex: tuple[str, str] | None = None, kind: str = "DATE") -> ArticleAnalysis:
    """One sentence; ``timex`` is a relative phrase of it with the day it was resolved to (anchored on the
    article's date); ``inferred`` makes the article's date inferred from its text, with those confidences."""
    text = line + "\n"
    found = ()
    if timex is not None:
        phrase, iso = timex
        start = text.index(phrase)
        found = (TimeExpression(Span(article_id, start, start + len(phrase)), phrase, kind, iso,
                                PartialDate.parse(iso), anchored=True),)
    article = Article(id=article_id, text=text, path=f"{article_id}.txt", published=PartialDate.parse(published),
                      published_from="metadata")
    if inferred is not None:
        article = replace(article, published_from="text", published_confidence=inferred.day,
                          published_confidences=inferred)
    return ArticleAnalysis(article, (Sentence(Span(article_id, 0, len(line)), 0),), timexes=found)


WIRE = _article("wire", f"The White House said Wednesday {WITHDRAWAL}", "2018-12-19", timex=("Wednesday", "2018-12-19"))
DAILY = _article("daily", f"The White House announced on Wednesday {WITHDRAWAL}", "2018-12-20",
                 timex=("Wednesday", "2018-12-19"))
BLOG = _article("blog", f"The White House said Monday {WITHDRAWAL}", "2018-12-17",
                inferred=DateConfidence(day=0.45, month=0.6, year=0.9), timex=("Monday", "2018-12-17"))


def _withdrawal(entries):
    (entry,) = [entry for entry in entries if "withdrawing" in entry.text]
    return entry


def test_date_agreement_surer_sources_outweigh_a_weekday_read_against_an_unsure_day():
    entry = _withdrawal(build_timeline([BLOG, WIRE]))
    assert entry.date == PartialDate.parse("2018-12-19")
    assert entry.text.startswith("The White House said Wednesday")


def test_date_agreement_the_disagreeing_source_is_kept_as_a_conflict_with_its_sentence():
    entry = _withdrawal(build_timeline([BLOG, WIRE, DAILY]))
    assert [date.iso() for date in entry.conflict.dates] == ["2018-12-19", "2018-12-19", "2018-12-17"]
    assert [evidence.article for evidence in entry.conflict.evidence] == ["wire", "daily", "blog"]
    assert entry.conflict.evidence[2].quote.startswith("The White House said Monday")
    assert {evidence.article for evidence in entry.evidence} == {"wire", "daily"}
    assert entry.support == 2


def test_date_agreement_sources_that_agree_make_no_conflict():
    assert _withdrawal(build_timeline([WIRE, DAILY])).conflict is None


def test_date_agreement_a_month_does_not_contradict_a_day_inside_it_and_the_day_is_shown():
    unsure = _article("unsure", f"The White House said {WITHDRAWAL}", "2018-12-12",
                      inferred=DateConfidence(day=0.13, month=0.43, year=0.98))
    entry = _withdrawal(build_timeline([unsure, WIRE]))
    assert (entry.date, entry.conflict, entry.support) == (PartialDate.parse("2018-12-19"), None, 2)


def test_date_agreement_a_conflict_in_story_json_validates_against_the_schema():
    data = json.loads(render_json(assemble_story([BLOG, WIRE, DAILY])))
    schema = json.loads(files("storyline").joinpath("story.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    (entry,) = [entry for entry in data["timeline"] if entry["conflict"]]
    assert entry["conflict"]["dates"] == ["2018-12-19", "2018-12-19", "2018-12-17"]


def test_date_agreement_markdown_says_which_sources_give_which_date():
    markdown = render_markdown(assemble_story([BLOG, WIRE, DAILY]))
    assert "> **Sources disagree on the date**: 19 Dec 2018 (" in markdown
    assert " vs 17 Dec 2018 (" in markdown


def test_date_agreement_the_report_shows_the_disagreement_beside_the_entry():
    html = render_html(assemble_story([BLOG, WIRE, DAILY]))
    assert "sources disagree on the date</span>19 Dec 2018" in html


def test_date_agreement_a_new_disagreement_is_what_changed_since_the_last_briefing():
    before, after = assemble_story([WIRE, DAILY]), assemble_story([BLOG, WIRE, DAILY])
    changes = story_changes(before, after, before_version=1, before_at="2018-12-19", after_version=2,
                            after_at="2018-12-20")
    assert [entry.date.iso() for entry in changes.date_conflicts] == ["2018-12-19"]
    assert "Sources now disagree:\n  the date of “The White House said Wednesday" in changes_text(changes)
    assert "19 Dec 2018 vs 17 Dec 2018" in changes_text(changes)


def test_date_agreement_a_bare_clock_time_in_next_mornings_report_does_not_contradict_the_day():
    evening = _article("evening", "Officers were called to a home in the 2300 block of Magnolia Place just after "
                       "6:30 p.m. on Saturday.", "2016-07-02", timex=("Saturday", "2016-07-02"))
    morning = _article("morning", "Officers were called to a home in the 2300 block of Magnolia Place around "
                       "6:30 p.m. after a funeral.", "2016-07-03", timex=("6:30 p.m.", "2016-07-03"), kind="TIME")
    (entry,) = [entry for entry in build_timeline([evening, morning]) if "Magnolia" in entry.text]
    assert (entry.date.iso(), entry.conflict, entry.support) == ("2016-07-02", None, 2)


def test_date_agreement_articles_of_different_events_do_not_dispute_each_others_dates():
    events = [StoryEvent("e1", "Withdrawal", None, None, ("wire", "daily")),
              StoryEvent("e2", "Later", None, None, ("blog",))]
    entry = _withdrawal(build_timeline([BLOG, WIRE, DAILY], events=events))
    assert (entry.date.iso(), entry.conflict) == ("2018-12-19", None)
