"""Online placement: each new article joins an event or founds one, and each event belongs to a story.

An article meets a few candidate events (those sharing its rarest names and words, within reach in time)
and joins the best one if the event score reaches its threshold; otherwise it founds a new event. A new
event's story is found by comparing it, as a story of one, with the stories sharing its keys: it joins the
best one if the story score reaches its threshold, or founds a new story. When an article grows a story,
the story is compared with the others the same way, and two stories that come to be alike enough merge:
the younger into the older, which keeps its id, and the younger id is recorded as merged so links to it
keep working. Ids come from the founding article, so the same inputs in the same order give the same ids,
and an article's event never changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from storyline.library.clustering.features import ArticleFeatures, rarity
from storyline.library.clustering.scoring import ClusteringModel, LinearScore, event_features, story_features
from storyline.library.clustering.summaries import ClusterSummary

EVENT_CANDIDATES = 20
STORY_CANDIDATES = 10
"""How many clusters an article is scored against: those sharing the rarest keys with it."""


class ClusterState(Protocol):
    """Where events and stories live: the library's SQLite store, or memory for a one-off build."""

    def event_postings(self, keys: set[str], when: tuple[int, int] | None, reach_days: int) -> dict[str, set[str]]:
        """Events indexed under any of ``keys`` and within ``reach_days`` of ``when``: id → keys shared."""
        ...

    def story_postings(self, keys: set[str]) -> dict[str, set[str]]: ...

    def events(self, ids: Sequence[str]) -> list[ClusterSummary]: ...

    def stories_by_id(self, ids: Sequence[str]) -> list[ClusterSummary]: ...

    def story(self, story_id: str) -> ClusterSummary:
        """The story with this id, following merges to the story it became."""
        ...

    def article_features(self, ids: Sequence[str]) -> list[ArticleFeatures]: ...

    def next_seq(self, kind: str) -> int: ...

    def save_event(self, event: ClusterSummary) -> None: ...

    def save_story(self, story: ClusterSummary) -> None: ...

    def merge_story(self, gone: ClusterSummary, into: ClusterSummary) -> None: ...


def best_matches(postings: dict[str, set[str]], count: int) -> list[str]:
    """The ``count`` clusters whose shared keys are rarest in sum (ties by id, for the same result every run)."""
    ranked = sorted(postings.items(), key=lambda item: (-sum(rarity(key) for key in item[1]), item[0]))
    return [cluster_id for cluster_id, _ in ranked[:count]]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one article went and why (the reason is kept with the article, to explain a wrong merge)."""

    article_id: str
    event_id: str
    story_id: str
    new_event: bool
    new_story: bool
    score: float | None
    reason: str
    merged: tuple[str, ...] = ()
    """Stories merged into ``story_id`` by this article."""


@dataclass(slots=True)
class Clusterer:
    """Places articles one at a time into ``state`` with ``model``'s scores."""

    state: ClusterState
    model: ClusteringModel
    _version: int = 0
    """Counts placements, so a choice remembered for an article is reused only while nothing changed."""
    _last_choice: tuple | None = None

    def best_event(self, article: ArticleFeatures) -> ClusterSummary | None:
        """The event the article would join, or ``None`` if it would found one."""
        return self._best_event(article, article.keys())[0]

    def place(self, article: ArticleFeatures) -> Placement:
        """Put the article in its event and story, updating both in the state."""
        event, score, why = self._best_event(article, article.keys())
        merged: list[ClusterSummary] = []
        new_story = False
        if event is not None:
            story = self.state.story(event.parent)
            reason = f"joined event {event.id} (score {score:.2f}: {why})"
            event.add(article, article.article_id)
            story.add(article, event.id)
            story, merged = self._merge_alike(story)
        else:
            event = ClusterSummary(id=f"e{article.article_id}", seq=self.state.next_seq("event"))
            event.add(article, article.article_id)
            alone = ClusterSummary(id=f"s{article.article_id}", seq=0)
            alone.add(article, event.id)
            found, story_score, story_why = self._best_story(alone)
            if found is not None and story_score >= self.model.story.threshold:
                story = found
                story.add(article, event.id)
                reason = f"founded event {event.id} in story {story.id} (story score {story_score:.2f}: {story_why})"
            else:
                new_story = True
                story = alone
                story.seq = self.state.next_seq("story")
                best = f" (best story scored {story_score:.2f}: {story_why})" if found is not None else ""
                reason = f"founded event {event.id} and story {story.id}{best}"
        event.parent = story.id
        self.state.save_event(event)
        self.state.save_story(story)
        self._version += 1
        return Placement(
            article.article_id, event.id, story.id, event.size == 1, new_story, score, reason,
            tuple(gone.id for gone in merged),
        )

    def _best_event(self, article: ArticleFeatures, keys: set[str]) -> tuple[ClusterSummary | None, float, str]:
        if self._last_choice is not None and self._last_choice[0] == (article.article_id, self._version):
            return self._last_choice[1]
        choice = self._choose_event(article, keys)
        self._last_choice = ((article.article_id, self._version), choice)
        return choice

    def _choose_event(self, article: ArticleFeatures, keys: set[str]) -> tuple[ClusterSummary | None, float, str]:
        postings = self.state.event_postings(keys, article.when, self.model.max_gap_days)
        candidates = self.state.events(best_matches(postings, EVENT_CANDIDATES))
        scored = [(event, event_features(article, event, self.state.article_features(event.recent))) for event in candidates]
        event, score, why = _highest(scored, self.model.event)
        if event is None or score < self.model.event.threshold:
            return None, score, why
        return event, score, why

    def _best_story(self, story: ClusterSummary) -> tuple[ClusterSummary | None, float, str]:
        """The story most like ``story`` among those sharing its keys, with its score and why."""
        postings = self.state.story_postings(story.keys())
        postings.pop(story.id, None)
        candidates = self.state.stories_by_id(best_matches(postings, STORY_CANDIDATES))
        return _highest([(other, story_features(story, other)) for other in candidates if other.id != story.id],
                        self.model.story)

    def _merge_alike(self, story: ClusterSummary) -> tuple[ClusterSummary, list[ClusterSummary]]:
        """Merge the story an article grew with the most alike other story, if alike enough; returns the
        story the article is now in and the story merged away."""
        other, score, _ = self._best_story(story)
        if other is None or score < self.model.story.threshold:
            return story, []
        older, younger = (story, other) if story.seq < other.seq else (other, story)
        older.absorb(younger)
        self.state.merge_story(younger, older)
        return older, [younger]


def _highest(
    scored: list[tuple[ClusterSummary, dict[str, float]]], score: LinearScore
) -> tuple[ClusterSummary | None, float, str]:
    """The cluster with the highest score (ties to the later id), its score, and what drove it."""
    best: tuple[float, str, ClusterSummary, dict] | None = None
    for cluster, values in scored:
        value = score(values)
        if best is None or (value, cluster.id) > (best[0], best[1]):
            best = (value, cluster.id, cluster, values)
    if best is None:
        return None, 0.0, ""
    return best[2], best[0], score.explain(best[3])
