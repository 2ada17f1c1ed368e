"""Events and stories held in memory: the state for a one-off ``build`` and for tests, with the same
behaviour as the library's SQLite state (candidates by shared keys, within reach in time)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.library.clustering.features import ArticleFeatures
from storyline.library.clustering.summaries import ClusterSummary


@dataclass(slots=True)
class _Index:
    """Key → cluster ids, kept to each cluster's current keys (a centroid's heaviest words change)."""

    postings: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    keys_of: dict[str, set[str]] = field(default_factory=dict)

    def put(self, cluster_id: str, keys: set[str]) -> None:
        for key in self.keys_of.get(cluster_id, set()) - keys:
            self.postings[key].discard(cluster_id)
        for key in keys:
            self.postings[key].add(cluster_id)
        self.keys_of[cluster_id] = keys

    def drop(self, cluster_id: str) -> None:
        self.put(cluster_id, set())

    def find(self, keys: set[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for key in keys:
            for cluster_id in self.postings.get(key, ()):
                found.setdefault(cluster_id, set()).add(key)
        return found


@dataclass(slots=True)
class MemoryState:
    features: dict[str, ArticleFeatures] = field(default_factory=dict)
    event_by_id: dict[str, ClusterSummary] = field(default_factory=dict)
    story_by_id: dict[str, ClusterSummary] = field(default_factory=dict)
    merged_into: dict[str, str] = field(default_factory=dict)
    event_index: _Index = field(default_factory=_Index)
    story_index: _Index = field(default_factory=_Index)
    seqs: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def remember(self, features: ArticleFeatures) -> None:
        self.features[features.article_id] = features

    def event_postings(self, keys: set[str], when: tuple[int, int] | None, reach_days: int) -> dict[str, set[str]]:
        found = self.event_index.find(keys)
        return {event_id: shared for event_id, shared in found.items()
                if within_reach(self.event_by_id[event_id], when, reach_days)}

    def story_postings(self, keys: set[str]) -> dict[str, set[str]]:
        return self.story_index.find(keys)

    def events(self, ids: Sequence[str]) -> list[ClusterSummary]:
        return [self.event_by_id[event_id] for event_id in ids if event_id in self.event_by_id]

    def stories_by_id(self, ids: Sequence[str]) -> list[ClusterSummary]:
        return [self.story(story_id) for story_id in ids]

    def story(self, story_id: str) -> ClusterSummary:
        return self.story_by_id[self.merged_into.get(story_id, story_id)]

    def article_features(self, ids: Sequence[str]) -> list[ArticleFeatures]:
        return [self.features[article_id] for article_id in ids if article_id in self.features]

    def next_seq(self, kind: str) -> int:
        self.seqs[kind] += 1
        return self.seqs[kind]

    def save_event(self, event: ClusterSummary) -> None:
        self.event_by_id[event.id] = event
        self.event_index.put(event.id, event.keys())

    def save_story(self, story: ClusterSummary) -> None:
        self.story_by_id[story.id] = story
        self.story_index.put(story.id, story.keys())

    def merge_story(self, gone: ClusterSummary, into: ClusterSummary) -> None:
        for story_id, target in self.merged_into.items():
            if target == gone.id:
                self.merged_into[story_id] = into.id
        self.merged_into[gone.id] = into.id
        self.story_index.drop(gone.id)
        for event in self.event_by_id.values():
            if event.parent == gone.id:
                event.parent = into.id


def within_reach(event: ClusterSummary, when: tuple[int, int] | None, reach_days: int) -> bool:
    """Whether an article dated ``when`` could belong to ``event`` at all: undated on either side, or no
    more than ``reach_days`` from the event's span."""
    span = event.span()
    if when is None or span is None:
        return True
    return when[0] - reach_days <= span[1] and span[0] <= when[1] + reach_days
