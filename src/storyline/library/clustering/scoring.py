"""How strongly an article belongs to an event, or to a story: a linear score over a few similarities.

The features are named, the weights live in ``model.json`` beside this module and are fitted by
``benchmarks/train_clustering.py`` on the development collections (one set of weights for every
collection; nothing is tuned per collection). Keeping the score linear keeps it explainable: a placement
records each feature's contribution, so a wrong merge can be traced to what drove it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from storyline.errors import StorylineError
from storyline.library.clustering.features import ArticleFeatures, dot
from storyline.library.clustering.summaries import ClusterSummary, log_size, windows_gap

NEAREST_MEMBERS = 10
"""An event's latest articles an article is compared with one by one."""


def event_features(
    article: ArticleFeatures, event: ClusterSummary, members: Sequence[ArticleFeatures]
) -> dict[str, float]:
    """Article against one event: centroid cosines per group, the nearest recent member, and time."""
    values = {group: event.cosine(group, article.vectors[group]) for group in article.vectors}
    latest = members[-NEAREST_MEMBERS:]
    values["nearest_words"] = max((dot(article.vectors["words"], m.vectors["words"]) for m in latest), default=0.0)
    values["nearest_opening"] = max(
        (dot(article.vectors["opening"], m.vectors["opening"]) for m in latest), default=0.0
    )
    values.update(_time_features(article, event))
    values["log_size"] = log_size(event.size)
    return values


def story_features(story: ClusterSummary, other: ClusterSummary) -> dict[str, float]:
    """One story against another (a new event's story against those it may belong to): how alike their
    articles are on average and as centroids, in words, openings and names, and how far apart in time.

    Average similarity (the dot product of the two sums over the product of their sizes) is what average
    linkage joins on; the centroid cosine and the names keep look-alike events apart: two shootings in one
    city share the city and the words of a shooting, one long story shares its people and organisations."""
    values: dict[str, float] = {}
    for group in ("words", "opening"):
        shared = dot(story.sums[group], other.sums[group])
        values[f"average_{group}"] = shared / (story.size * other.size)
        norms = story.norm(group) * other.norm(group)
        values[f"centroid_{group}"] = shared / norms if norms else 0.0
    for group in ("people", "places", "organizations"):
        norms = story.norm(group) * other.norm(group)
        values[group] = dot(story.sums[group], other.sums[group]) / norms if norms else 0.0
    first, second = story.span(), other.span()
    if first is None or second is None:
        values.update(log_gap=0.0, undated=1.0)
    else:
        values.update(log_gap=math.log1p(max(0, second[0] - first[1], first[0] - second[1])), undated=0.0)
    values["log_smaller"] = log_size(min(story.size, other.size))
    values["log_larger"] = log_size(max(story.size, other.size))
    return values


def _time_features(article: ArticleFeatures, cluster: ClusterSummary) -> dict[str, float]:
    span = cluster.span()
    if article.when is None or span is None:
        return {"log_gap_span": 0.0, "log_gap_nearest": 0.0, "undated": 1.0}
    return {
        "log_gap_span": math.log1p(windows_gap(article.when, [span])),
        "log_gap_nearest": math.log1p(windows_gap(article.when, cluster.narrow_windows())),
        "undated": 0.0,
    }


@dataclass(frozen=True, slots=True)
class LinearScore:
    """``bias + sum(weight * feature)``; the article joins when the score reaches ``threshold``."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def __call__(self, values: Mapping[str, float]) -> float:
        return self.bias + sum(weight * values[name] for name, weight in self.weights.items())

    def explain(self, values: Mapping[str, float], top: int = 4) -> str:
        """The features that moved the score most, as "words +2.31, undated -1.20"."""
        parts = sorted(
            ((name, weight * values[name]) for name, weight in self.weights.items()), key=lambda item: -abs(item[1])
        )[:top]
        return ", ".join(f"{name} {value:+.2f}" for name, value in parts)


@dataclass(frozen=True, slots=True)
class ClusteringModel:
    """The event score (article against event) and the story score (story against story)."""

    event: LinearScore
    story: LinearScore
    max_gap_days: int
    """An event is never joined across more days than this (nothing days-wide spans them)."""



@cache
def default_model() -> ClusteringModel:
    """The fitted model shipped with storyline (``model.json``)."""
    return load_model(json.loads(files("storyline.library.clustering").joinpath("model.json").read_text("utf-8")))


def load_model(data: Mapping) -> ClusteringModel:
    try:
        return ClusteringModel(
            event=_linear(data["event"]),
            story=_linear(data["story"]),
            max_gap_days=int(data["event"]["max_gap_days"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise StorylineError(
            f"the clustering model is malformed ({error!r}); reinstall storyline or rerun "
            "benchmarks/train_clustering.py"
        ) from error


def _linear(data: Mapping) -> LinearScore:
    return LinearScore(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
