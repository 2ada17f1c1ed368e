"""report.html: the briefing a person reads, as one self-contained file.

Everything the page shows is inside it (styles, SVG charts, the articles themselves), so it opens offline,
can be mailed or archived, and fetches nothing at view time. Every cited item links to a ``<mark>`` around
the exact characters in the article's text below, numbered like footnotes: [1] is the first source.
Jinja2 autoescaping escapes all article and user text; only markup built here is passed as ``Markup``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from storyline.model import Article, Duplicate, FigureSeries, PartialDate, Quote, Story, StoryEvent, TimelineEntry
from storyline.render.chart import conflicting_points, series_chart, series_title
from storyline.render.citations import CITED_SOURCES, Citation, SourceIndex, story_evidence
from storyline.render.highlight import highlight
from storyline.render.text import (
    INFERRED_DATE_NOTE,
    conflict_sides,
    format_value,
    human_date,
    published_note,
    quoted,
    source_label,
)

_TEMPLATES = Path(__file__).parent / "templates"
NAMES_SHOWN = 40  # the rest of a long list of names folds away; story.json keeps them all


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    anchor: str
    article: Article
    label: str
    published: str
    link: str | None
    copies: tuple[Duplicate, ...]
    text: Markup


@dataclass(frozen=True, slots=True)
class EventView:
    event: StoryEvent
    anchor: str
    when: str


@dataclass(frozen=True, slots=True)
class EntryView:
    entry: TimelineEntry
    date: str
    citations: list[Citation]
    conflict: list[tuple[str, list[Citation]]]
    """Each date sources give the entry's happening, with their citations (empty when they agree)."""


@dataclass(frozen=True, slots=True)
class PointView:
    date: str
    reading: str
    conflict: bool
    citations: list[Citation]


@dataclass(frozen=True, slots=True)
class SeriesView:
    series: FigureSeries
    title: str
    chart: Markup | None
    points: list[PointView]
    undated: int
    conflicts: list[tuple[str, str, list[Citation]]]


@dataclass(frozen=True, slots=True)
class QuoteView:
    quote: Quote
    text: str
    date: str | None
    citations: list[Citation]


def render_html(story: Story) -> str:
    """report.html text for ``story``; raises StageError if any evidence does not quote its article."""
    index = SourceIndex(story)
    sources = _sources(story, index)
    return _template().render(**briefing_context(story, index, sources))


def briefing_context(story: Story, index: SourceIndex, sources: list[SourceView]) -> dict:
    """What the briefing's templates show, its citations linked as ``index`` links them: report.html and
    the web app's story page render the same sections from it."""
    events = _events(story)
    return dict(
        story=story,
        events=events,
        source_groups=_source_groups(story, events, sources),
        period=_period(story),
        summary=[(s, index.cite_all(s.evidence)) for s in story.summary],
        timeline=_timeline(story, index),
        figures=[_series_view(series, index) for series in story.figures],
        speakers=_speakers(story, index),
        sources=sources,
        names_shown=NAMES_SHOWN,
        cited_sources=CITED_SOURCES,
        confidence_note=INFERRED_DATE_NOTE,
        duplicates=[(d, index.numbers.get(d.of), _original_label(index, d.of)) for d in story.duplicates],
    )


def briefing_templates() -> jinja2.BaseLoader:
    """Where the briefing's templates live (``briefing_sections.html.j2``, ``briefing.css``), for another
    page that shows the same sections."""
    return jinja2.FileSystemLoader(_TEMPLATES)


@cache
def _template() -> jinja2.Template:
    """The report template, loaded once: autoescaping on, and a missing variable is an error, not blank."""
    environment = jinja2.Environment(
        loader=briefing_templates(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2")


def _period(story: Story) -> str:
    """ "Dec 2017 – Sep 2024": the span of the articles' publication dates, when any is known."""
    dates = sorted(a.published for a in story.articles if a.published)
    if not dates:
        return ""
    first, last = human_date(dates[0]), human_date(dates[-1])
    return first if first == last else f"{first} – {last}"


def _timeline(story: Story, index: SourceIndex) -> list[EntryView]:
    return [
        EntryView(
            entry, human_date(entry.date), index.cite_all(entry.evidence),
            [(human_date(date), index.cite_all(evidence)) for date, evidence in conflict_sides(entry.conflict)]
            if entry.conflict else [],
        )
        for entry in story.timeline
    ]


def _series_view(series: FigureSeries, index: SourceIndex) -> SeriesView:
    flagged = conflicting_points(series)
    points = [
        PointView(
            date=human_date(point.as_of) if point.as_of else "undated",
            reading=format_value(point.value, point.qualifier, series.unit),
            conflict=i in flagged,
            citations=index.cite_all(point.evidence),
        )
        for i, point in enumerate(series.points)
    ]
    conflicts = [
        (
            _period_label(conflict.period),
            " vs ".join(format_value(value, unit=series.unit) for value in conflict.values),
            index.cite_all(conflict.evidence),
        )
        for conflict in series.conflicts
    ]
    return SeriesView(
        series=series,
        title=series_title(series),
        chart=series_chart(series, index.cite),
        points=points,
        undated=sum(1 for point in series.points if point.as_of is None),
        conflicts=conflicts,
    )


def _period_label(period: str) -> str:
    """A conflict's period as a reader writes it ("Dec 2017"), or as given when it is not an ISO date."""
    try:
        return human_date(PartialDate.parse(period))
    except ValueError:
        return period


def _speakers(story: Story, index: SourceIndex) -> list[tuple[str, list[QuoteView]]]:
    """Quotes grouped by speaker, the most quoted first; unattributed quotes last."""
    groups: dict[str | None, list[QuoteView]] = {}
    for quote in story.quotes:
        text = quoted(quote.text) if quote.direct else quote.text
        view = QuoteView(quote, text, human_date(quote.date) if quote.date else None, index.cite_all(quote.evidence))
        groups.setdefault(quote.speaker, []).append(view)
    named = sorted(
        ((speaker, views) for speaker, views in groups.items() if speaker is not None),
        key=lambda group: (-len(group[1]), group[0]),
    )
    if None in groups:
        named.append(("Unattributed", groups[None]))
    return named


def _sources(story: Story, index: SourceIndex) -> list[SourceView]:
    """Each article with its evidence spans marked for the citations to land on."""
    spans: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in story.articles}
    for _, evidence in story_evidence(story):
        spans[evidence.article].append((evidence.start, evidence.end, index.mark_id(evidence)))
    return source_views(story, index, lambda article: highlight(article.text, spans[article.id]))


def source_views(story: Story, index: SourceIndex, text: Callable[[Article], Markup]) -> list[SourceView]:
    """Each article as the Sources section lists it, with ``text(article)`` as its body."""
    copies: dict[str, list[Duplicate]] = {}
    for duplicate in story.duplicates:
        copies.setdefault(duplicate.of, []).append(duplicate)
    return [
        SourceView(
            number=index.numbers[article.id],
            anchor=index.anchor(article.id),
            article=article,
            label=source_label(article),
            published=published_note(article),
            link=article.url if article.url and is_web_address(article.url) else None,
            copies=tuple(sorted(copies.get(article.id, []), key=lambda d: d.path)),
            text=text(article),
        )
        for article in story.articles
    ]


def _events(story: Story) -> list[EventView]:
    return [EventView(event, f"event-{number}", _event_dates(event)) for number, event in enumerate(story.events, 1)]


def _event_dates(event: StoryEvent) -> str:
    if event.first is None:
        return "undated"
    first, last = human_date(event.first), human_date(event.last or event.first)
    return first if first == last else f"{first} to {last}"


def _source_groups(
    story: Story, events: list[EventView], sources: list[SourceView]
) -> list[tuple[EventView | None, list[SourceView]]]:
    """Sources under the event they report, events in the order they began; a story without events (or an
    article in none) lists its sources as they are."""
    by_id = {source.article.id: source for source in sources}
    groups: list[tuple[EventView | None, list[SourceView]]] = []
    grouped: set[str] = set()
    for view in events:
        members = [by_id[article_id] for article_id in view.event.articles if article_id in by_id]
        grouped.update(source.article.id for source in members)
        if members:
            groups.append((view, sorted(members, key=lambda source: source.number)))
    rest = [source for source in sources if source.article.id not in grouped]
    if rest:
        groups.append((None, rest))
    return groups


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links: a "javascript:" URL in an input must not run in the report."""
    return url.lower().startswith(("http://", "https://"))


def _original_label(index: SourceIndex, article_id: str) -> str:
    """The label of a duplicate's original, or its id when the story lacks that article."""
    return index.label(article_id) if article_id in index.articles else article_id
