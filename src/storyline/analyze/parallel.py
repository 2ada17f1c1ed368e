"""The per-article work (spaCy parse and the analysis stages) on several processes, so a build or an add
uses every core of the machine.

Articles are independent of each other at this stage, so chunks of them go to worker processes, each with
its own spaCy loaded once, and come back in order with their serialized parse and their analysis. The
workers are started fresh ("spawn"), never forked from a process that may hold threads or open database
connections (the web app adds through the same code). Results are the same as in one process: the same
model and stages run on the same texts.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Protocol

from storyline.analyze.nlp import load_nlp
from storyline.analyze.pipeline import analyze_articles, parse_articles, parse_key, serialize_doc
from storyline.model import Article, ArticleAnalysis, Rejected

if TYPE_CHECKING:
    from storyline.distributed import RayPool

CHUNK = 16
"""Articles sent to a worker at a time: enough to batch spaCy, few enough to keep every worker busy."""
MIN_ARTICLES = 48
"""Below this many articles to parse, one process is faster than starting workers (each loads spaCy)."""

PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal a process gets when its parent dies."""

Analyzed = tuple[bytes | None, ArticleAnalysis, list[Rejected]]


def default_workers() -> int:
    """The cores this process may use (``os.sched_getaffinity``, so a container's limit is respected)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class WorkerPool(Protocol):
    """Where the per-article work runs: local processes (``AnalysisPool``) or Ray (``RayPool``)."""

    def worth_it(self, count: int) -> bool: ...

    def analyze(
        self, articles: Sequence[Article], parses: dict[str, bytes]
    ) -> Iterator[tuple[Article, bytes | None, ArticleAnalysis, list[Rejected]]]: ...

    def close(self) -> None: ...


class AnalysisPool:
    """Worker processes for the per-article work, started on first use and kept until closed, so a long
    ``add`` pays spaCy's start-up once per worker, not once per batch. Use as a context manager."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def worth_it(self, count: int) -> bool:
        """Whether ``count`` articles to analyze are enough to hand to the workers."""
        return self.workers > 1 and count >= MIN_ARTICLES

    def analyze(
        self, articles: Sequence[Article], parses: dict[str, bytes]
    ) -> Iterator[tuple[Article, bytes | None, ArticleAnalysis, list[Rejected]]]:
        """(article, new parse or None, analysis, failures) for each article, in order; a stored parse in
        ``parses`` is reused rather than parsed again."""
        if self._executor is None:
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_start_worker)
        chunks = [
            [(article, parses.get(parse_key(article))) for article in articles[offset : offset + CHUNK]]
            for offset in range(0, len(articles), CHUNK)
        ]
        for chunk, results in zip(chunks, self._executor.map(analyze_chunk, chunks), strict=True):
            for (article, _), (doc_bytes, analysis, failures) in zip(chunk, results, strict=True):
                yield article, doc_bytes, analysis, failures


def analyze_chunk(items: list[tuple[Article, bytes | None]]) -> list[Analyzed]:
    """In a worker: parse what has no stored parse, analyze everything, and return the new parses."""
    nlp = load_nlp()
    stored_parses = {parse_key(article): stored for article, stored in items if stored is not None}
    docs = list(parse_articles([article for article, _ in items], stored_parses, nlp=nlp))
    fresh = [stored is None and doc is not None for (_, stored), doc in zip(items, docs, strict=True)]
    results: list[Analyzed] = []
    for (article, _), doc, new in zip(items, docs, fresh, strict=True):
        failures: list[Rejected] = []
        (analysis,) = analyze_articles([article], docs=[doc], on_failure=failures.append)
        results.append((serialize_doc(doc) if new and doc is not None else None, analysis, failures))
    return results


def _start_worker() -> None:
    """A worker dies with the process that started it (Linux): an ``add`` killed or stopped mid-run must
    not leave spaCy processes behind waiting for work that will never come."""
    _die_with_parent()
    load_nlp()


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        return
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


def analysis_pool(workers: int, ray: str | None = None) -> AnalysisPool | RayPool:
    """The pool a build or an add analyzes on: Ray when ``ray`` names it ("local" for a Ray started here
    with ``workers`` CPUs, else a cluster's address), else ``workers`` local processes."""
    if ray:
        from storyline.distributed import RayPool

        return RayPool(None, workers) if ray == "local" else RayPool(ray)
    return AnalysisPool(workers)
