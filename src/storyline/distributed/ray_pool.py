"""The per-article work on a Ray cluster (``--ray``): reading is done, and parsing and analysis run as a
Ray Data stage whose actors each load spaCy once, while the driver clusters, stores and builds stories as
it does without Ray.

What travels to the workers is the article (its text and metadata) and, when the library already holds
it, its stored parse; what comes back is the new parse and the analysis. The library file never leaves
the driver. A worker that dies is restarted by Ray and its batch retried; an article whose analysis fails
is reported with its stage and reason, as it is without Ray. Results are the same as on one process: the
same model and stages run on the same texts, and the rows come back in order.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from storyline.analyze.parallel import CHUNK, analyze_chunk
from storyline.analyze.pipeline import parse_key
from storyline.errors import ClusterUnavailable, MissingExtra
from storyline.model import Article, ArticleAnalysis, Rejected

RESTARTS = 3
"""Times Ray restarts a dead worker (and retries its batch) before the run fails."""


def require_ray() -> Any:
    """The ray module; raise MissingExtra saying how to install it when it is not there."""
    # Ray's notices about its own deprecated options are for Ray's developers, not storyline's users
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"ray(\.|$)")
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is the part used
    except ImportError as error:
        raise MissingExtra(
            "--ray needs Ray, an optional extra: pip install 'storyline[ray]' (or `make ray` in a checkout)"
        ) from error
    from ray.util.annotations import RayDeprecationWarning

    warnings.filterwarnings("ignore", category=RayDeprecationWarning)
    return ray


class RayPool:
    """Ray workers for the per-article work, in the interface of ``AnalysisPool``. ``address`` joins a
    running cluster ("auto", "ray://host:10001", or ``RAY_ADDRESS``); ``None`` starts a local Ray with this
    machine's CPUs (or ``workers`` of them). Use as a context manager."""

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        self.ray = require_ray()
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.workers = workers
        self._started = False

    def __enter__(self) -> RayPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._started and self.ray.is_initialized():
            self.ray.shutdown()
        self._started = False

    def worth_it(self, count: int) -> bool:
        """Asked for by name: any work goes to the cluster."""
        return count > 0

    def analyze(
        self, articles: Sequence[Article], parses: dict[str, bytes]
    ) -> Iterator[tuple[Article, bytes | None, ArticleAnalysis, list[Rejected]]]:
        """(article, new parse or None, analysis, failures) for each article, in order."""
        self._start()
        context = self.ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        rows = [{"item": pickle.dumps((article, parses.get(parse_key(article))))} for article in articles]
        actors = self.workers or max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        dataset = self.ray.data.from_items(rows).map_batches(
            RayAnalyzer, batch_size=CHUNK, compute=self.ray.data.ActorPoolStrategy(min_size=1, max_size=actors),
            batch_format="numpy", max_restarts=RESTARTS, max_task_retries=RESTARTS,
        )
        for article, row in zip(articles, dataset.iter_rows(), strict=True):
            doc_bytes, analysis, failures = pickle.loads(row["result"])
            yield article, doc_bytes, analysis, failures

    def _start(self) -> None:
        if self.ray.is_initialized():
            return
        local = self.address is None
        for name in ("ray", "ray.data"):  # Ray's progress notes are for its operators, not storyline's users
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            self.ray.init(
                address=self.address, num_cpus=self.workers if local else None, include_dashboard=False,
                log_to_driver=False, logging_level=logging.ERROR,
            )
        except Exception as error:  # noqa: BLE001 - Ray fails to start or connect in many ways; each is this
            where = "start a local Ray" if local else f"reach the Ray cluster at {self.address}"
            raise ClusterUnavailable(
                f"cannot {where} ({error}); start one with `ray start --head`, or check --ray and RAY_ADDRESS"
            ) from error
        self._started = True


class RayAnalyzer:
    """A Ray Data actor: spaCy loaded once, then a batch of pickled (article, stored parse) at a time."""

    def __init__(self) -> None:
        from storyline.analyze.nlp import load_nlp

        load_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import numpy

        items = [pickle.loads(item) for item in batch["item"]]
        results = [pickle.dumps(result) for result in analyze_chunk(items)]
        return {"result": numpy.array(results, dtype=object)}
