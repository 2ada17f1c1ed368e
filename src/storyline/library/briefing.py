"""A story's briefing rebuilt from the library, and kept as a version when it changed.

The briefing of a library story is built like ``build`` builds a pile (the same story stages), over the
story's articles in publication order, with its events. Its articles are dated as siblings of one story,
as ``build`` dates a pile: an article placed undated may take the date its story's datelined articles
give it. What is kept is the Story record without its
articles' texts (they stay in the articles table, by id), so a version costs kilobytes, not the whole
coverage again; ``load_version`` puts the articles back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analyze.time import anchor_date, date_articles
from storyline.codec import from_data, to_data
from storyline.library.analyses import cached_analyses
from storyline.library.store import Store
from storyline.model import Article, ArticleAnalysis, DateConfidence, PartialDate, Rejected, Story, StoryEvent
from storyline.render.text import article_name
from storyline.story.build import StoryOptions, assemble_story
from storyline.story.title import content_words, typicality

FULL_BRIEFING_ARTICLES = 300
"""Up to this many articles a story's briefing is rebuilt whole with every article it gains; a bigger story
rebuilds its summary only when asked to (``refresh``), and its briefing says the summary is pending."""
DEFERRED_BRIEFING_ARTICLES = 1_000
"""Above this many articles ``add`` leaves a story's briefing to ``refresh``: rebuilding it reads every
article's analysis back into memory, which for the largest stories costs more memory and time than an
add of a few articles should."""
BRIEFING_PENDING = "briefing of {articles} articles is rebuilt by `storyline refresh`; this one is older"
SUMMARY_PENDING = "summary: this story has more than {limit} articles; its summary is rebuilt by `storyline refresh`"


@dataclass(frozen=True, slots=True)
class Briefing:
    story: Story
    version: int | None
    """The version number this rebuild saved, or ``None`` when the briefing had not changed."""
    listing: dict


def rebuild_briefing(
    store: Store, story_id: str, options: StoryOptions, *, full: bool = False, rejected: list[Rejected] | None = None
) -> Briefing:
    """Rebuild one story's briefing from its articles; ``full`` rebuilds even the slow parts of a big story."""
    event_ids = store.story_events(story_id)
    members = store.members(event_ids)
    event_of = {article_id: event_id for article_id, event_id, _ in members}
    articles = sorted(date_articles(store.articles(list(event_of))), key=_reading_order)
    analyses, _ = cached_analyses(store, articles, rejected if rejected is not None else [])
    big = len(articles) > FULL_BRIEFING_ARTICLES and not full
    story = assemble_story(
        analyses, options, story_id=story_id, events=story_events(analyses, event_of),
        duplicates=store.duplicates_of([article.id for article in articles]),
        skip=frozenset({"summary"}) if big else frozenset(),
        pending=(SUMMARY_PENDING.format(limit=FULL_BRIEFING_ARTICLES),) if big else (),
    )
    record = pack_story(story)
    version = store.save_version(story_id, story.generated_at, _digest(record), json.dumps(record, ensure_ascii=False))
    latest = store.latest_version(story_id)
    listing = story_listing(story, updated=latest[1] if latest else story.generated_at, version=latest[0] if latest else 0)
    store.set_listing(story_id, listing)
    return Briefing(story, version, listing)


def story_events(analyses: Sequence[ArticleAnalysis], event_of: Mapping[str, str]) -> list[StoryEvent]:
    """The events of a story's articles, in the order they began, each with its articles by id."""
    grouped: dict[str, list[ArticleAnalysis]] = {}
    for analysis in analyses:
        event_id = event_of.get(analysis.article.id)
        if event_id is not None:
            grouped.setdefault(event_id, []).append(analysis)
    events = [_event(event_id, members) for event_id, members in grouped.items()]
    return sorted(events, key=lambda event: (event.first.value if event.first else dt.date.max, event.id))


def _event(event_id: str, members: list[ArticleAnalysis]) -> StoryEvent:
    dates = sorted(date for analysis in members if (date := anchor_date(analysis.article)))
    return StoryEvent(
        id=event_id, title=event_title([analysis.article for analysis in members]),
        first=dates[0] if dates else None, last=dates[-1] if dates else None,
        articles=tuple(analysis.article.id for analysis in members),
    )


def event_title(articles: Sequence[Article]) -> str:
    """The event's most typical headline, else the opening words of its first article's lede."""
    headlines = [(article.title, order) for order, article in enumerate(articles) if article.title]
    if headlines:
        vocabularies = [set(content_words(article.text)) for article in articles]
        return max(headlines, key=lambda item: (typicality(item[0], vocabularies), -item[1]))[0]
    return article_name(articles[0])


def story_listing(story: Story, *, updated: str, version: int) -> dict:
    """The story's line in ``storyline stories``."""
    dates = sorted(date for article in story.articles if (date := anchor_date(article)))
    outlets = sorted({article.outlet for article in story.articles if article.outlet})
    return {
        "id": story.id, "title": story.title,
        "first": dates[0].iso() if dates else None, "last": dates[-1].iso() if dates else None,
        "articles": len(story.articles), "sources": len(outlets), "outlets": outlets,
        "days": dict(Counter(date.iso() for date in dates if date.precision == "day")),
        "events": len(story.events), "updated": updated, "version": version, "pending": None,
    }


def pack_story(story: Story) -> dict:
    """The Story as stored in a version: everything but the articles' texts, which stay in the store."""
    data = to_data(replace(story, articles=()))
    data["article_ids"] = [article.id for article in story.articles]
    data["article_dates"] = {
        article.id: [_iso(article.published), article.published_from, article.published_confidence,
                     to_data(article.published_confidences)]
        for article in story.articles
    }
    return data


PACKED_ONLY = ("article_ids", "article_dates")
"""Fields of a stored version that are not Story fields: which articles it holds and how it dated them."""


def load_version(store: Store, data: dict) -> Story:
    """A stored version as a Story again, its articles read back from the store."""
    articles = [replace(article, **briefing_dates(data, article.id)) for article in store.articles(data["article_ids"])]
    record = {key: value for key, value in data.items() if key not in PACKED_ONLY}
    return replace(from_data(Story, record), articles=tuple(articles))


def briefing_dates(data: dict, article_id: str) -> dict:
    """The date fields a stored version gave one of its articles (``published``, ``published_from`` and its
    confidences), to ``replace`` into the article as stored."""
    # versions stored before dates had a confidence per precision hold three fields
    published, published_from, confidence, *per_precision = data["article_dates"][article_id]
    return {
        "published": PartialDate.parse(published) if published else None, "published_from": published_from,
        "published_confidence": confidence,
        "published_confidences": from_data(DateConfidence, per_precision[0] if per_precision else None),
    }


def _digest(record: dict) -> str:
    """What identifies a briefing's content: everything but when it was generated."""
    content = {key: value for key, value in record.items() if key != "generated_at"}
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _reading_order(article: Article) -> tuple:
    return (article.published.value if article.published else dt.date.max, article.path, article.id)


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None
