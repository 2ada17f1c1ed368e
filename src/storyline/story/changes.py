"""What changed in a story between two of its briefings: the answer to "what is new since I last looked".

An analyst following a story for months wants the difference, not the whole briefing again: the events
that began, the timeline entries added, each figure whose latest value moved (old → new), disagreements
between sources that appeared, who spoke for the first time and what was said, and which outlets joined
the coverage. Every item keeps its evidence, as in the briefing, so a change is checked like any claim.

Items are matched between briefings by what a reader would call the same thing: an event by its id, a
timeline entry by its date and text, a series by what it counts and where, a conflict by its series, period
and values, a quote by its speaker and words.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from storyline.model import (
    Evidence,
    FigureConflict,
    FigurePoint,
    FigureSeries,
    PartialDate,
    Quote,
    Story,
    StoryEvent,
    TimelineEntry,
)


@dataclass(frozen=True, slots=True)
class NewEvent:
    event: StoryEvent
    evidence: tuple[Evidence, ...]
    """The headlines of its articles, where they stand in the articles' texts."""


@dataclass(frozen=True, slots=True)
class Redated:
    """A timeline entry whose sentence the older briefing placed at another date (more articles dated it
    better, or differently)."""

    before: PartialDate
    entry: TimelineEntry


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A series whose latest dated value is not what it was (``before`` is ``None`` for a new series)."""

    what: str
    where: str | None
    unit: str | None
    before: FigurePoint | None
    after: FigurePoint


@dataclass(frozen=True, slots=True)
class NewConflict:
    what: str
    where: str | None
    unit: str | None
    conflict: FigureConflict


@dataclass(frozen=True, slots=True)
class NewOutlet:
    outlet: str
    articles: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    """Its articles' headlines, where they have one in their text."""


@dataclass(frozen=True, slots=True)
class StoryChanges:
    """What ``after`` holds that ``before`` did not; ``before`` is ``None`` when the story is new since."""

    story_id: str | None
    before_version: int | None
    before_at: str | None
    after_version: int
    after_at: str
    articles: tuple[str, ...]
    events: tuple[NewEvent, ...]
    timeline: tuple[TimelineEntry, ...]
    redated: tuple[Redated, ...]
    figures: tuple[FigureChange, ...]
    conflicts: tuple[NewConflict, ...]
    date_conflicts: tuple[TimelineEntry, ...]
    """Timeline entries whose sources now disagree on the date (each with its ``conflict``)."""
    speakers: tuple[str, ...]
    quotes: tuple[Quote, ...]
    outlets: tuple[NewOutlet, ...]

    @property
    def empty(self) -> bool:
        return not (self.articles or self.events or self.timeline or self.redated or self.figures
                    or self.conflicts or self.date_conflicts or self.speakers or self.quotes or self.outlets)


def story_changes(
    before: Story | None, after: Story, *, before_version: int | None, before_at: str | None,
    after_version: int, after_at: str,
) -> StoryChanges:
    """What changed from ``before`` to ``after`` (two briefings of one story, older first)."""
    old = before or Story(title="", articles=())
    known_articles = {article.id for article in old.articles}
    known_events = {event.id for event in old.events}
    old_entries = _Seen((entry.date, entry.text) for entry in old.timeline)
    old_entries.add_spans((entry.date, evidence) for entry in old.timeline for evidence in entry.evidence)
    dated_before = {_span(evidence): entry.date for entry in old.timeline for evidence in entry.evidence}
    old_quotes = _Seen((quote.speaker, quote.text) for quote in old.quotes)
    old_quotes.add_spans(("quote", quote.evidence[0]) for quote in old.quotes if quote.evidence)
    known_speakers = {quote.speaker for quote in old.quotes}
    known_outlets = {article.outlet for article in old.articles}
    headlines = _headlines(after)
    new_quotes, heard = [], set()
    for quote in after.quotes:
        spans = [("quote", quote.evidence[0])] if quote.evidence else []
        if old_quotes.has((quote.speaker, quote.text), spans):
            heard.add(quote.speaker)
        else:
            new_quotes.append(quote)
    statuses = [(entry, _entry_status(entry, old_entries, dated_before)) for entry in after.timeline]
    outlets: dict[str, list[str]] = {}
    for article in after.articles:
        if article.outlet and article.outlet not in known_outlets:
            outlets.setdefault(article.outlet, []).append(article.id)
    return StoryChanges(
        story_id=after.id, before_version=before_version, before_at=before_at, after_version=after_version,
        after_at=after_at,
        articles=tuple(article.id for article in after.articles if article.id not in known_articles),
        events=tuple(
            NewEvent(event, tuple(headlines[a] for a in event.articles if a in headlines))
            for event in after.events if event.id not in known_events
        ),
        timeline=tuple(entry for entry, status in statuses if status == "new"),
        redated=tuple(
            Redated(dated_before[_span(entry.evidence[0])], entry) for entry, status in statuses if status == "redated"
        ),
        figures=_figure_changes(old.figures, after.figures),
        conflicts=_new_conflicts(old.figures, after.figures),
        date_conflicts=_new_date_conflicts(old.timeline, after.timeline),
        speakers=tuple(dict.fromkeys(
            quote.speaker for quote in new_quotes
            if quote.speaker and quote.speaker not in known_speakers and quote.speaker not in heard
        )),
        quotes=tuple(new_quotes),
        outlets=tuple(
            NewOutlet(outlet, tuple(ids), tuple(headlines[a] for a in ids if a in headlines))
            for outlet, ids in sorted(outlets.items())
        ),
    )


def _new_date_conflicts(old: Sequence[TimelineEntry], new: Sequence[TimelineEntry]) -> tuple[TimelineEntry, ...]:
    """Entries whose date sources dispute now and did not before: a disagreement is known when the older
    briefing disputed the same entry, or already held every span that disputes it."""
    disputed = {(entry.date, entry.text) for entry in old if entry.conflict}
    disputing = {_span(evidence) for entry in old if entry.conflict for evidence in entry.conflict.evidence}
    return tuple(
        entry for entry in new
        if entry.conflict and (entry.date, entry.text) not in disputed
        and not {_span(evidence) for evidence in entry.conflict.evidence} <= disputing
    )


def _span(evidence: Evidence) -> tuple[str, int, int]:
    return evidence.article, evidence.start, evidence.end


def _entry_status(entry: TimelineEntry, seen: _Seen, dated_before: dict[tuple[str, int, int], PartialDate]) -> str:
    """ "same" when the older briefing had the entry, "redated" when its sentence stood at another date
    there (the story's articles dated it anew), else "new"."""
    if seen.has((entry.date, entry.text), [(entry.date, evidence) for evidence in entry.evidence]):
        return "same"
    if entry.evidence and _span(entry.evidence[0]) in dated_before and dated_before[_span(entry.evidence[0])] != entry.date:
        return "redated"
    return "new"


class _Seen:
    """Items of the older briefing, known by what they say and by the spans they rest on: an item of the
    newer one is the same when it says the same, or rests on a span one of them rested on (a timeline
    entry retold from a newer article, a speaker's name written more fully once more articles name them)."""

    def __init__(self, keys: Iterable[Hashable]) -> None:
        self.keys = set(keys)
        self.spans: set[tuple[Hashable, str, int, int]] = set()

    def add_spans(self, spans: Iterable[tuple[Hashable, Evidence]]) -> None:
        self.spans.update((scope, e.article, e.start, e.end) for scope, e in spans)

    def has(self, key: Hashable, spans: Iterable[tuple[Hashable, Evidence]]) -> bool:
        return key in self.keys or any((scope, e.article, e.start, e.end) in self.spans for scope, e in spans)


def latest_point(series: FigureSeries) -> FigurePoint | None:
    """The series' most recent dated value (the last of the latest date), or ``None`` if none is dated."""
    dated = [point for point in series.points if point.as_of is not None]
    if not dated:
        return None
    newest = max(point.as_of.value for point in dated if point.as_of)
    return [point for point in dated if point.as_of and point.as_of.value == newest][-1]


def _series_key(series: FigureSeries) -> tuple[str, str | None, str | None]:
    return series.what, series.where, series.unit


def _figure_changes(before: tuple[FigureSeries, ...], after: tuple[FigureSeries, ...]) -> tuple[FigureChange, ...]:
    old = {_series_key(series): latest_point(series) for series in before}
    changes = []
    for series in after:
        now = latest_point(series)
        if now is None:
            continue
        was = old.get(_series_key(series))
        if was is None or (was.value, was.qualifier, was.as_of) != (now.value, now.qualifier, now.as_of):
            changes.append(FigureChange(series.what, series.where, series.unit, was, now))
    return tuple(changes)


def _new_conflicts(before: tuple[FigureSeries, ...], after: tuple[FigureSeries, ...]) -> tuple[NewConflict, ...]:
    known = {(_series_key(series), conflict.period, conflict.values) for series in before for conflict in series.conflicts}
    return tuple(
        NewConflict(series.what, series.where, series.unit, conflict)
        for series in after for conflict in series.conflicts
        if (_series_key(series), conflict.period, conflict.values) not in known
    )


def _headlines(story: Story) -> dict[str, Evidence]:
    """Each article's headline as evidence, for the articles whose headline stands in their text."""
    return {
        article.id: Evidence.of(article.title_span, article.text)
        for article in story.articles if article.title_span is not None
    }
