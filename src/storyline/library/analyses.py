"""Analyses from the store where their key matches, the rest analyzed now (reusing a stored parse when
only the article's date changed), with every new parse and analysis written back in batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from spacy.tokens import Doc

from storyline.analyze.parallel import WorkerPool
from storyline.analyze.pipeline import analysis_key, analyze_articles, parse_articles, parse_key, serialize_doc
from storyline.library.store import Store
from storyline.model import Article, ArticleAnalysis, Rejected

Progress = Callable[[str, int, int], None]
PARSE_BATCH = 100


def cached_analyses(
    store: Store, articles: Sequence[Article], rejected: list[Rejected], on_progress: Progress | None = None,
    *, pool: WorkerPool | None = None,
) -> tuple[list[ArticleAnalysis], int]:
    """The analyses of ``articles`` in their order and how many were parsed anew (the costly part), on the
    ``pool``'s worker processes when there are enough articles to analyze for it to pay.

    An article whose analysis fails is appended to ``rejected`` with the stage and reason, and its analysis
    keeps the stages that worked."""
    keys = {analysis_key(article): article for article in articles}
    cached = store.cached_analyses(keys)
    todo = [article for key, article in keys.items() if key not in cached]
    parses = store.cached_parses(parse_key(article) for article in todo)
    if pool is not None and pool.worth_it(len(todo)):
        fresh, parsed = _analyzed_by_workers(store, todo, parses, rejected, on_progress, pool)
        by_id = {analysis.article.id: analysis for analysis in [*cached.values(), *fresh]}
        return [by_id[article.id] for article in articles], parsed
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


def _analyzed_by_workers(
    store: Store, todo: list[Article], parses: dict[str, bytes], rejected: list[Rejected],
    on_progress: Progress | None, pool: WorkerPool,
) -> tuple[list[ArticleAnalysis], int]:
    """``todo`` analyzed by worker processes, new parses and analyses stored in batches as they come."""
    fresh: list[ArticleAnalysis] = []
    new_parses: dict[str, bytes] = {}
    analyses: dict[str, ArticleAnalysis] = {}
    parsed = 0
    for done, (article, doc_bytes, analysis, failures) in enumerate(
        pool.analyze(todo, parses), start=1
    ):
        fresh.append(analysis)
        rejected.extend(failures)
        if doc_bytes is not None:
            new_parses[parse_key(article)] = doc_bytes
            parsed += 1
        if not failures:
            analyses[analysis_key(article)] = analysis
        if len(new_parses) >= PARSE_BATCH or len(analyses) >= PARSE_BATCH:
            store.save_parses(new_parses)
            store.save_analyses(analyses)
            new_parses, analyses = {}, {}
        if on_progress:
            on_progress("analyze", done, len(todo))
    store.save_parses(new_parses)
    store.save_analyses(analyses)
    return fresh, parsed
