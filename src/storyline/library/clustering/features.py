"""What the clusterer knows of one article: its vectors (``storyline.analyze.vectors``) and the days
its news may have happened on."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from storyline.analyze.vectors import GROUPS, Vector, rarity
from storyline.model import Article, ArticleAnalysis, DateConfidence

MIN_CONFIDENCE = 0.2
"""An inferred date below this confidence says nothing about when the article's news happened."""
LOOSE_DAYS = 30
"""How far either side an inferred day may be when its day is unsure but not its month, or not wholly."""
LOOSE_BELOW = 0.4
"""The confidence from which a precision of an inferred date is sure (the anchoring threshold)."""

__all__ = ["GROUPS", "ArticleFeatures", "article_features", "rarity"]


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """An article as the clusterer compares it. ``when`` is the first and last day (proleptic ordinals) its
    date may fall on, ``None`` when nothing dates it."""

    article_id: str
    vectors: Mapping[str, Vector]
    when: tuple[int, int] | None
    source: str | None = None

    def keys(self, words: int = 15, names: int = 40) -> set[str]:
        """What an index looks the article up by: its heaviest (rarest, most repeated) words and names."""
        named = {name: weight for group in ("people", "places", "organizations")
                 for name, weight in self.vectors[group].items()}
        return {term for term, _ in _heaviest(self.vectors["words"], words)} | {
            name for name, _ in _heaviest(named, names)
        }


def _heaviest(weights: Mapping[str, float], count: int) -> list[tuple[str, float]]:
    return sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:count]


def article_features(analysis: ArticleAnalysis) -> ArticleFeatures:
    """The features of an analyzed article."""
    article = analysis.article
    vectors = {group: dict(analysis.vectors.get(group, {})) for group in GROUPS}
    return ArticleFeatures(article.id, vectors, date_window(article), article.source)


def date_window(article: Article) -> tuple[int, int] | None:
    """The days the article's date may fall on: its day when stated or confidently inferred, a month either
    side when only its month is sure, the whole month or year at coarser precision (stated, or the finest an
    inferred date is sure of), nothing when unknown."""
    published = article.published
    if published is None:
        return None
    if article.published_from == "text":
        confidences = article.published_confidences or DateConfidence(
            **{published.precision: article.published_confidence}
        )
        if published.precision == "day" and confidences.day < LOOSE_BELOW and (
            confidences.month >= LOOSE_BELOW or confidences.day >= MIN_CONFIDENCE
        ):
            first = published.value.toordinal()
            return first - LOOSE_DAYS, first + LOOSE_DAYS
        supported = confidences.supported(published, LOOSE_BELOW) or confidences.supported(published, MIN_CONFIDENCE)
        if supported is None:
            return None
        published = supported
    first = published.value.toordinal()
    if published.precision == "year":
        return first, dt.date(published.value.year, 12, 31).toordinal()
    if published.precision == "month":
        following = dt.date(published.value.year + published.value.month // 12, published.value.month % 12 + 1, 1)
        return first, following.toordinal() - 1
    return first, first


def dot(first: Mapping[str, float], second: Mapping[str, float]) -> float:
    if len(first) > len(second):
        first, second = second, first
    return sum(weight * second.get(term, 0.0) for term, weight in first.items())


def cosine_to_sum(vector: Mapping[str, float], total: Mapping[str, float]) -> float:
    """Cosine between a unit vector and a sum of unit vectors (a cluster's centroid, unnormalized)."""
    norm = math.sqrt(sum(weight * weight for weight in total.values()))
    return dot(vector, total) / norm if norm else 0.0


def features_record(features: ArticleFeatures) -> dict:
    return {"id": features.article_id, "v": dict(features.vectors), "w": features.when, "s": features.source}


def features_from_record(record: dict) -> ArticleFeatures:
    when = record.get("w")
    return ArticleFeatures(record["id"], record["v"], tuple(when) if when else None, record.get("s"))

