"""Clustering: articles into events (what happened) and events into stories (how it developed), online.

``article_features`` turns an analyzed article into vectors; ``Clusterer.place`` puts it in an event and a
story held by a ``ClusterState`` (the library's store, or ``MemoryState``).
"""

from storyline.library.clustering.clusterer import Clusterer, ClusterState, Placement
from storyline.library.clustering.features import ArticleFeatures, article_features, features_from_record, features_record
from storyline.library.clustering.memory import MemoryState, within_reach
from storyline.library.clustering.scoring import ClusteringModel, default_model, load_model
from storyline.library.clustering.summaries import ClusterSummary

__all__ = [
    "ArticleFeatures",
    "ClusterState",
    "ClusterSummary",
    "Clusterer",
    "ClusteringModel",
    "MemoryState",
    "Placement",
    "article_features",
    "default_model",
    "features_from_record",
    "features_record",
    "load_model",
    "within_reach",
]
