"""The story stages over analyzed articles: title, timeline, summary, quotes, figure series, entities.

Pure and deterministic: the same analyses give the same Story. Reading files, caching analyses and
keeping a library are the library's job (``storyline.library``); this module only assembles.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.pipeline import is_analyzed_language
from storyline.model import ArticleAnalysis, Duplicate, Rejected, Story, StoryEvent
from storyline.render.text import article_name
from storyline.story.entities import EntityIndex, merge_entities
from storyline.story.quotes import collect_quotes
from storyline.story.series import build_series
from storyline.story.summary import summarize
from storyline.story.timeline import build_timeline
from storyline.story.title import story_title


@dataclass(frozen=True, slots=True)
class StoryOptions:
    """What a briefing can be told: the summary's length and a title to use instead of the inferred one."""

    summary_words: int = 100
    title: str | None = None


def assemble_story(
    analyses: Sequence[ArticleAnalysis],
    options: StoryOptions = StoryOptions(),
    *,
    rejected: Sequence[Rejected] = (),
    duplicates: Sequence[Duplicate] = (),
    story_id: str | None = None,
    events: Sequence[StoryEvent] = (),
    pending: Sequence[str] = (),
    skip: frozenset[str] = frozenset(),
) -> Story:
    """The story stages over analyzed articles; ``skip`` names stages left for later ("summary") on a
    story too large to rebuild them with every article, and ``pending`` says so to the reader."""
    everything = analyses
    analyses = [analysis for analysis in everything if is_analyzed_language(analysis.article.language)]
    entities = merge_entities(analyses)
    index = EntityIndex(entities)
    title = story_title(analyses, entities) if analyses else article_name(everything[0].article) if everything else ""
    return Story(
        title=options.title or title,
        articles=tuple(analysis.article for analysis in everything),
        timeline=tuple(build_timeline(analyses, events=events)),
        summary=() if "summary" in skip or not analyses else tuple(summarize(analyses, words=options.summary_words)),
        quotes=tuple(collect_quotes(analyses, index.canonical)),
        figures=tuple(build_series(analyses, index.canonical)),
        entities=tuple(entities),
        rejected=tuple(rejected),
        duplicates=tuple(duplicates),
        generated_at=generated_at(),
        id=story_id,
        events=tuple(events),
        pending=tuple(pending),
        notes=tuple(_not_analyzed(everything)),
    )


NAMED_IN_NOTE = 5
"""Articles a language note names; the rest are counted (each article's ``language`` is in story.json)."""


def _not_analyzed(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """One note per language the analysis does not read, naming its first articles and counting the rest."""
    by_language: dict[str, list[str]] = {}
    for analysis in analyses:
        if not is_analyzed_language(analysis.article.language):
            by_language.setdefault(analysis.article.language or "", []).append(article_name(analysis.article))
    notes = []
    for language, names in sorted(by_language.items()):
        named = "; ".join(names[:NAMED_IN_NOTE])
        more = f" and {len(names) - NAMED_IN_NOTE} more" if len(names) > NAMED_IN_NOTE else ""
        count = f"{len(names)} articles" if len(names) > 1 else "1 article"
        notes.append(f"not analyzed, in language {language!r}, {count} (names, quotes, figures, dates and the "
                     f"summary read English only): {named}{more}")
    return notes


def generated_at() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when set so that identical inputs give identical output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")
