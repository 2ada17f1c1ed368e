"""What each page shows, built from the library: plain data for the templates.

A citation on a story page links to the article page at the exact span (``/articles/{id}#c-{start}-{end}``),
where every span the briefing cites in that article is marked, so a reader checks a claim in one click and
the link can be shared. Nothing here formats HTML except the small charts, built from numbers only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from storyline.library import LibraryArticle, StoryListing
from storyline.model import PartialDate, Story
from storyline.render.changes import change_lines
from storyline.render.citations import CITED_SOURCES, SourceIndex
from storyline.render.highlight import highlight
from storyline.render.html import briefing_context, is_web_address, source_views
from storyline.render.text import human_date, published_note, source_label
from storyline.story.changes import StoryChanges
from storyline.story.coverage import story_coverage

STORIES_PER_PAGE = 50
KIND_NAMES = {"timeline": "Timeline", "summary": "Summary", "quotes": "Quote", "figures": "Figure"}
"""What the parts of a briefing that cite an article are called on its page."""


def article_href(article_id: str, start: int | None = None, end: int | None = None) -> str:
    """The page of an article, at a span of its text when one is given."""
    page = f"/articles/{quote(article_id, safe='')}"
    return page if start is None or end is None else f"{page}#{span_anchor(start, end)}"


def span_anchor(start: int, end: int) -> str:
    return f"c-{start}-{end}"


def story_href(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def story_context(story: Story, listing: StoryListing | None) -> dict:
    """The story page: the briefing's sections with citations linking to article pages, its sources
    listed (their texts are on their own pages), and coverage by outlet."""
    index = SourceIndex(story, href=lambda evidence: article_href(evidence.article, evidence.start, evidence.end))
    sources = source_views(story, index, lambda article: Markup(""))
    context = briefing_context(story, index, sources)
    context.update(
        coverage=story_coverage(story),
        listing=listing,
        article_href=article_href,
        cite_evidence=index.cite_all,
        kind_names={"event": "Event", "timeline": "Timeline", "figure": "Figure", "quote": "Quote"},
    )
    return context


@dataclass(frozen=True, slots=True)
class CitedItem:
    """One item of the briefing that cites this article (a timeline entry, a quote with its speaker…): its
    spans here, in text order, the first one linked."""

    anchor: str
    kind: str
    quotes: tuple[str, ...]


def article_context(found: LibraryArticle) -> dict:
    """The article page: its text with every cited span marked under its anchor, and what it feeds."""
    article = found.article
    by_item: dict[str, list[tuple[int, int]]] = {}
    for where, evidence in found.cited:
        by_item.setdefault(where.rsplit(".evidence", 1)[0], []).append((evidence.start, evidence.end))
    cited = sorted(
        (
            CitedItem(span_anchor(*min(spans)), KIND_NAMES.get(item.split("[")[0], item),
                      tuple(article.text[start:end] for start, end in sorted(set(spans))))
            for item, spans in by_item.items()
        ),
        key=lambda item: tuple(int(part) for part in item.anchor.split("-")[1:]),
    )
    spans = {(evidence.start, evidence.end) for _, evidence in found.cited}
    return dict(
        found=found,
        article=article,
        label=source_label(article),
        published=published_note(article),
        link=article.url if article.url and is_web_address(article.url) else None,
        text=highlight(article.text, [(start, end, span_anchor(start, end)) for start, end in spans]),
        cited=cited,
        story_href=story_href(found.story_id) if found.story_id else None,
    )


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What the stories page is narrowed to: stories active within the dates, and carrying the outlet."""

    since: dt.date | None = None
    until: dt.date | None = None
    outlet: str | None = None

    def keeps(self, listing: StoryListing) -> bool:
        if self.outlet and self.outlet not in listing.outlets:
            return False
        if self.since and (listing.last is None or _day_range(listing.last)[1] < self.since):
            return False
        if self.until and (listing.first is None or _day_range(listing.first)[0] > self.until):
            return False
        return True


def _day_range(iso: str) -> tuple[dt.date, dt.date]:
    """The first and last day an ISO date of any precision ("2018", "2018-12") covers."""
    date = PartialDate.parse(iso)
    first = date.value
    if date.precision == "year":
        return first, dt.date(first.year, 12, 31)
    if date.precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return first, first


def span_label(listing: StoryListing) -> str:
    """ "Dec 2018 – Sep 2024", the dates its articles span as precisely as they are known."""
    if listing.first is None:
        return "undated"
    first, last = human_date(PartialDate.parse(listing.first)), human_date(PartialDate.parse(listing.last or listing.first))
    return first if first == last else f"{first} – {last}"


def activity_chart(days: tuple[tuple[str, int], ...], width: int = 160, height: int = 28) -> Markup | None:
    """A small bar chart of articles per day (articles dated to the day), one bar per day with any,
    placed on a time axis from the first day to the last."""
    if not days:
        return None
    dated = [(dt.date.fromisoformat(day), count) for day, count in days]
    first, last = dated[0][0], dated[-1][0]
    span = max((last - first).days, 1)
    most = max(count for _, count in dated)
    bar = max(2.0, min(8.0, width / (span + 1)))
    bars = []
    for day, count in dated:
        x = (day - first).days / span * (width - bar) if span else (width - bar) / 2
        tall = max(2.0, count / most * (height - 2))
        bars.append(
            f'<rect x="{x:.1f}" y="{height - tall:.1f}" width="{bar:.1f}" height="{tall:.1f}">'
            f"<title>{day.isoformat()}: {count} article{'' if count == 1 else 's'}</title></rect>"
        )
    label = f"articles per day, {first.isoformat()} to {last.isoformat()}"
    return Markup(
        f'<svg class="activity" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{label}">{"".join(bars)}</svg>'
    )


def listing_rows(listings: list[StoryListing]) -> list[dict]:
    return [
        dict(listing=listing, href=story_href(listing.id), span=span_label(listing), chart=activity_chart(listing.days))
        for listing in listings
    ]



def changes_context(story: Story, changes: StoryChanges) -> dict:
    """The changes page: each change under its heading, cited as the story page cites (sources numbered as
    in the latest briefing)."""
    index = SourceIndex(story, href=lambda evidence: article_href(evidence.article, evidence.start, evidence.end))
    sections: dict[str, list[tuple[str, list]]] = {}
    for heading, line, evidence in change_lines(changes):
        sections.setdefault(heading, []).append((line, index.cite_all(evidence)))
    return dict(story=story, changes=changes, sections=sections, cited_sources=CITED_SOURCES, story_href=story_href(story.id or ""))
