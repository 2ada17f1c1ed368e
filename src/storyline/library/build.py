"""``storyline build``: one pile of inputs built into one briefing, the way the demo shows storyline.

The pile is read, deduplicated and dated together (its articles are siblings of one story), analyzed with
the store as cache, then sorted into events with the library's clusterer held in memory; the events go into
the briefing, and when the clusterer finds several unrelated stories in the pile the result says so, so the
caller can point the user at ``storyline add``.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.analyze.time import date_articles
from storyline.ingest import read_inputs
from storyline.ingest.dedupe import find_duplicates
from storyline.ingest.reader import DEFAULT_MAX_BYTES
from storyline.analyze.parallel import analysis_pool
from storyline.library.analyses import Progress, cached_analyses
from storyline.library.briefing import story_events
from storyline.library.clustering import Clusterer, MemoryState, article_features, default_model
from storyline.library.placing import placement_order
from storyline.library.store import Store
from storyline.model import ArticleAnalysis, Rejected, Story
from storyline.story.build import StoryOptions, assemble_story


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a build can be told; the CLI fills it from its flags in one place."""

    db: Path
    summary_words: int = 100
    title: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1
    """Processes for the per-article work (parse and analysis); more than one pays from a few dozen articles."""
    ray: str | None = None
    """Run the per-article work on Ray instead: "local" starts one here, anything else is a cluster address."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """``analyzed`` counts articles parsed anew (the costly part); the others reused a stored parse.
    ``stories`` is how many unrelated stories the pile holds (1 when it is one story)."""

    story: Story
    analyzed: int
    reused: int
    seconds: float
    stories: int


def build_story(paths: Sequence[Path], options: BuildOptions, on_progress: Progress | None = None) -> BuildResult:
    """Read ``paths`` (files or folders), analyze what is new and assemble the one story they make."""
    started = time.perf_counter()
    ingested = read_inputs(paths, max_bytes=options.max_bytes)
    articles, duplicates = find_duplicates(ingested.articles)
    articles = sorted(date_articles(articles), key=lambda article: article.path)
    rejected: list[Rejected] = list(ingested.rejected)
    with Store(options.db) as store:
        with store.transaction():
            store.save_articles(articles)
        with analysis_pool(options.workers, options.ray) as pool:
            analyses, analyzed = cached_analyses(store, articles, rejected, on_progress, pool=pool)
    events, story_count, story_id = _events_of(analyses)
    story = assemble_story(
        analyses, StoryOptions(options.summary_words, options.title), rejected=rejected, duplicates=duplicates,
        story_id=story_id, events=story_events(analyses, events),
    )
    return BuildResult(story, analyzed, len(articles) - analyzed, time.perf_counter() - started, story_count)


def _events_of(analyses: Sequence[ArticleAnalysis]) -> tuple[dict[str, str], int, str | None]:
    """Each article's event as the library's clusterer places the pile, how many stories it finds, and the
    id of the story founded first (the pile's id)."""
    state = MemoryState()
    clusterer = Clusterer(state, default_model())
    event_of: dict[str, str] = {}
    stories: list[str] = []
    for analysis in sorted(analyses, key=lambda analysis: placement_order(analysis.article)):
        features = article_features(analysis)
        state.remember(features)
        placement = clusterer.place(features)
        event_of[analysis.article.id] = placement.event_id
        stories.append(placement.story_id)
    live = {state.story(story_id).id for story_id in stories}
    return event_of, len(live), stories[0] if stories else None
