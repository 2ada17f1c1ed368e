"""Builds a story from input files: ingest → date → analyze (cached) → story stages → Story.

This is the one function the ``build`` command calls. It never prints: progress goes to a callback and
the result says what was read, reused, analyzed and rejected.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from storyline.analyze.time import date_collection
from storyline.analyze.pipeline import analysis_key, analyze_articles, parse_articles, parse_key, serialize_doc
from storyline.ingest import read_inputs
from storyline.ingest.dedupe import find_duplicates
from storyline.model import Article, ArticleAnalysis, Rejected, Story
from storyline.render import FORMATS
from storyline.store import Store
from storyline.story.entities import EntityIndex, merge_entities
from storyline.story.quotes import collect_quotes
from storyline.story.series import build_series
from storyline.story.summary import summarize
from storyline.story.timeline import build_timeline
from storyline.story.title import story_title

Progress = Callable[[str, int, int], None]
PARSE_BATCH = 100


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """Everything a build can be told; the CLI fills it from its flags in one place."""

    db: Path
    summary_words: int = 100
    title: str | None = None


@dataclass(frozen=True, slots=True)
class BuildResult:
    """``analyzed`` counts articles parsed anew (the costly part); the others reused a stored parse,
    re-running only the cheap date-dependent stages if their inferred date changed."""

    story: Story
    analyzed: int
    reused: int
    seconds: float


def build_story(paths: Sequence[Path], options: BuildOptions, on_progress: Progress | None = None) -> BuildResult:
    """Read ``paths`` (files or folders), analyze what is new and assemble the story."""
    started = time.perf_counter()
    ingested = read_inputs(paths)
    articles, duplicates = find_duplicates(ingested.articles)
    articles = sorted(date_articles(articles), key=lambda article: article.path)
    rejected: list[Rejected] = list(ingested.rejected)
    with Store(options.db) as store:
        store.save_articles(articles)
        analyses, analyzed = _analyses(store, articles, rejected, on_progress)
    story = assemble_story(analyses, options, rejected=rejected, duplicates=duplicates)
    return BuildResult(story, analyzed, len(articles) - analyzed, time.perf_counter() - started)


def date_articles(articles: Sequence[Article]) -> list[Article]:
    """Give every article a publication date: metadata when it is plausible, else inferred from the text
    of the article read together with the rest of the collection (marked as inferred, with confidence)."""
    estimates = date_collection(
        {article.id: article.text for article in articles},
        {article.id: article.published for article in articles},
    )
    dated = []
    for article in articles:
        estimate = estimates[article.id]
        if estimate.source == "metadata" and estimate.date == article.published:
            dated.append(article)  # the stated date stands, with where it was stated ("metadata" or "file")
            continue
        dated.append(
            replace(
                article,
                published=estimate.date,
                published_from=estimate.source if estimate.date else None,
                published_confidence=round(estimate.confidence, 2) if estimate.date else 0.0,
            )
        )
    return dated


def assemble_story(
    analyses: Sequence[ArticleAnalysis],
    options: BuildOptions,
    *,
    rejected: Sequence[Rejected] = (),
    duplicates: Sequence = (),
) -> Story:
    """The story stages over analyzed articles; pure and deterministic."""
    entities = merge_entities(analyses)
    index = EntityIndex(entities)
    return Story(
        title=options.title or story_title(analyses, entities),
        articles=tuple(analysis.article for analysis in analyses),
        timeline=tuple(build_timeline(analyses)),
        summary=tuple(summarize(analyses, words=options.summary_words)),
        quotes=tuple(collect_quotes(analyses, index.canonical)),
        figures=tuple(build_series(analyses, index.canonical)),
        entities=tuple(entities),
        rejected=tuple(rejected),
        duplicates=tuple(duplicates),
        generated_at=generated_at(),
    )


def write_story(story: Story, out_dir: Path) -> list[Path]:
    """Write every output format into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, render in FORMATS.items():
        path = out_dir / name
        path.write_text(render(story), encoding="utf-8")
        written.append(path)
    return written


def generated_at() -> str:
    """Now in UTC, or SOURCE_DATE_EPOCH when set so that identical inputs give identical output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _analyses(
    store: Store, articles: Sequence[Article], rejected: list[Rejected], on_progress: Progress | None
) -> tuple[list[ArticleAnalysis], int]:
    """Cached analyses where the key matches; the rest analyzed, reusing stored parses where the
    article only changed date. Returns the analyses in article order and how many were parsed anew."""
    keys = {analysis_key(article): article for article in articles}
    cached = store.cached_analyses(keys)
    todo = [article for key, article in keys.items() if key not in cached]
    parses = store.cached_parses(parse_key(article) for article in todo)
    parsed_anew: list[str] = []
    done = 0

    def remember(docs: Iterable[Doc | None]) -> Iterator[Doc | None]:
        """Store each new parse as it comes, in batches, so a large build never holds them all."""
        batch: dict[str, bytes] = {}
        for article, doc in zip(todo, docs, strict=True):
            if doc is not None and parse_key(article) not in parses:
                batch[parse_key(article)] = serialize_doc(doc)
                parsed_anew.append(article.id)
            if len(batch) >= PARSE_BATCH:
                store.save_parses(batch)
                batch = {}
            yield doc
        store.save_parses(batch)

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if on_progress:
            on_progress("analyze", done, len(todo))

    failures: list[Rejected] = []
    fresh = analyze_articles(
        todo, docs=remember(parse_articles(todo, parses)), on_failure=failures.append, on_progress=advance
    )
    rejected.extend(failures)
    failed = {entry.path for entry in failures}
    store.save_analyses({analysis_key(a.article): a for a in fresh if a.article.path not in failed})
    by_id = {analysis.article.id: analysis for analysis in [*cached.values(), *fresh]}
    return [by_id[article.id] for article in articles], len(parsed_anew)
