"""What changed between two briefings of a story: the seeds' briefing before an article arrived against
the briefing with it."""

from __future__ import annotations

from dataclasses import replace

from seed_story import IRAQ_2024, NEW_ARAB, SYRIA, seed_story

from storyline.model import PartialDate, Story
from storyline.story.changes import story_changes


def without(story: Story, article_id: str) -> Story:
    """The briefing as it stood before ``article_id`` arrived: its items lose that article's evidence, and
    an item left with none is gone."""

    def kept(items):
        out = []
        for item in items:
            evidence = tuple(e for e in item.evidence if e.article != article_id)
            if evidence:
                out.append(replace(item, evidence=evidence))
        return tuple(out)

    figures = tuple(
        replace(series, points=kept(series.points), conflicts=kept(series.conflicts)) for series in story.figures
    )
    return replace(
        story, articles=tuple(a for a in story.articles if a.id != article_id), timeline=kept(story.timeline),
        summary=kept(story.summary), quotes=kept(story.quotes), figures=figures,
    )


def _changes(before: Story | None, after: Story):
    return story_changes(before, after, before_version=1 if before else None, before_at=None,
                         after_version=2, after_at="2026-12-03T10:00:00Z")


def test_changes_name_the_new_article():
    story = seed_story()
    assert _changes(without(story, IRAQ_2024), story).articles == (IRAQ_2024,)


def test_changes_give_a_figures_latest_value_old_to_new():
    story = seed_story()
    syria = next(c for c in _changes(without(story, IRAQ_2024), story).figures if c.where == "Syria")
    assert (syria.before.value, syria.before.as_of) == (2000.0, PartialDate.parse("2018-12-19"))
    assert (syria.after.value, syria.after.as_of) == (900.0, PartialDate.parse("2024-09-27"))
    assert syria.after.evidence[0].article == IRAQ_2024


def test_changes_leave_out_a_figure_whose_latest_value_stayed():
    story = seed_story()
    changed = {(c.what, c.where) for c in _changes(without(story, NEW_ARAB), story).figures}
    assert ("troops", "Syria") not in changed and ("troops", "Iraq") not in changed  # its values were not the latest


def test_changes_name_an_outlet_new_to_the_story():
    story = seed_story()
    outlets = _changes(without(story, NEW_ARAB), story).outlets
    assert [(new.outlet, new.articles) for new in outlets] == [("The New Arab", (NEW_ARAB,))]


def test_changes_do_not_call_an_outlet_new_when_another_article_had_it():
    story = seed_story()
    assert _changes(without(story, IRAQ_2024), story).outlets == ()  # VOA also published the Syria article


def test_changes_list_new_quotes_with_their_evidence():
    story = seed_story()
    changes = _changes(without(story, SYRIA), story)
    assert changes.quotes and all(any(e.article == SYRIA for e in quote.evidence) for quote in changes.quotes)


def test_changes_call_a_speaker_new_only_when_never_quoted_before():
    story = seed_story()
    before = without(story, SYRIA)
    earlier = {quote.speaker for quote in before.quotes}
    speakers = _changes(before, story).speakers
    assert speakers and not set(speakers) & earlier


def test_changes_know_a_quote_whose_speaker_is_named_more_fully_now():
    story = seed_story()
    quote = next(q for q in story.quotes if q.speaker == "Sarah Sanders")
    before = replace(story, quotes=tuple(replace(q, speaker="Sanders") if q is quote else q for q in story.quotes))
    changes = _changes(before, story)
    assert quote not in changes.quotes and "Sarah Sanders" not in changes.speakers


def test_changes_list_an_entry_dated_anew_apart_from_new_entries():
    story = seed_story()
    entry = story.timeline[-1]
    before = replace(story, timeline=story.timeline[:-1] + (replace(entry, date=PartialDate.parse("2017")),))
    changes = _changes(before, story)
    assert [(moved.before, moved.entry) for moved in changes.redated] == [(PartialDate.parse("2017"), entry)]
    assert entry not in changes.timeline


def test_changes_of_a_briefing_against_itself_are_empty():
    story = seed_story()
    assert _changes(story, story).empty


def test_changes_of_a_new_story_hold_everything():
    story = seed_story()
    changes = _changes(None, story)
    assert len(changes.articles) == len(story.articles) and len(changes.timeline) == len(story.timeline)
