"""Coverage by outlet: which outlets reported which events, figures and quotes of a story, and what only
one outlet reports.

A reader weighing a story asks who else has it. An item resting on one outlet's articles alone is not
wrong, but it is unconfirmed, and an analyst wants to see those items apart. The outlet of an article is
``Article.outlet`` (its metadata's outlet, else its web address's host); an article that names neither is
counted apart and never makes an item "only one outlet's", since it may well be another outlet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from storyline.model import Evidence, Story

ItemKind = Literal["event", "timeline", "figure", "quote"]


@dataclass(frozen=True, slots=True)
class OutletCoverage:
    """What one outlet contributed to a story: its articles, the events they report, and how many of the
    story's timeline entries, figure values and quotes cite it."""

    outlet: str
    articles: tuple[str, ...]
    events: tuple[str, ...]
    timeline: int
    figures: int
    quotes: int


@dataclass(frozen=True, slots=True)
class SoleReport:
    """An item of the briefing that only ``outlet`` reports, with the evidence it rests on: ``text`` is an
    event's title, a timeline entry's text, what a figure counts ("troops in Syria") or a quote with its
    speaker; an event's evidence is empty (it rests on its articles)."""

    kind: ItemKind
    outlet: str
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Coverage:
    outlets: tuple[OutletCoverage, ...]
    """Most articles first."""
    unnamed: tuple[str, ...]
    """Articles whose outlet is not known."""
    sole: tuple[SoleReport, ...]
    """Items only one outlet reports; empty unless the story has two outlets or more."""


def story_coverage(story: Story) -> Coverage:
    """Who reported what in ``story``."""
    outlet_of = {article.id: article.outlet for article in story.articles}
    items = list(_items(story))
    outlets = sorted({outlet for outlet in outlet_of.values() if outlet})
    rows = []
    for outlet in outlets:
        articles = tuple(article_id for article_id, name in outlet_of.items() if name == outlet)
        citing = [item for item in items if any(outlet_of.get(article) == outlet for article in item.articles)]
        rows.append(OutletCoverage(
            outlet=outlet,
            articles=articles,
            events=tuple(item.key for item in citing if item.kind == "event"),
            timeline=sum(1 for item in citing if item.kind == "timeline"),
            figures=sum(1 for item in citing if item.kind == "figure"),
            quotes=sum(1 for item in citing if item.kind == "quote"),
        ))
    rows.sort(key=lambda row: (-len(row.articles), row.outlet))
    sole = []
    if len(outlets) > 1:
        for item in items:
            named = {outlet_of.get(article) for article in item.articles}
            if len(named) == 1 and None not in named:
                sole.append(SoleReport(item.kind, named.pop(), item.text, item.evidence))
    unnamed = tuple(article_id for article_id, name in outlet_of.items() if not name)
    return Coverage(tuple(rows), unnamed, tuple(sole))


@dataclass(frozen=True, slots=True)
class _Item:
    kind: ItemKind
    key: str
    text: str
    articles: frozenset[str]
    evidence: tuple[Evidence, ...]


def _items(story: Story) -> Iterator[_Item]:
    """Every item of the briefing that some outlets may report and others not, with the articles it rests
    on (an event rests on its articles; the other items on their evidence)."""
    for event in story.events:
        yield _Item("event", event.id, event.title, frozenset(event.articles), ())
    for entry in story.timeline:
        yield _Item("timeline", entry.date.iso(), entry.text, _articles(entry.evidence), entry.evidence)
    for series in story.figures:
        counted = f"{series.what} in {series.where}" if series.where else series.what
        for point in series.points:
            yield _Item("figure", counted, counted, _articles(point.evidence), point.evidence)
    for quote in story.quotes:
        speaker = f"{quote.speaker}: " if quote.speaker else ""
        yield _Item("quote", quote.speaker or "", f"{speaker}{quote.text}", _articles(quote.evidence), quote.evidence)


def _articles(evidence: tuple[Evidence, ...]) -> frozenset[str]:
    return frozenset(item.article for item in evidence)
