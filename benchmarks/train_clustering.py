"""Fit the clustering model (src/storyline/library/clustering/model.json) on the development collections.

The articles go through the same steps as ``storyline add`` (read, deduplicate, date each alone, analyze
with the eval cache, publication order), then:

1. Event score: logistic regression on (article, event so far) pairs, each article against the gold events
   formed before it that the index would offer as candidates (sharing a key, within reach in time); label 1
   for its own event. Every collection weighs the same, whatever its size.
2. Story score: logistic regression on the (story, story) comparisons the clusterer makes online with the
   fitted event score and a plain average-similarity rule for stories, labelled by whether the two
   stories' majority gold clusters agree. In the event-level collections every gold cluster is a story of
   its own, so the story score learns to keep look-alike events apart.
3. Thresholds: the event threshold maximizing the mean event-level B-cubed F1 over the event collections,
   then the story threshold maximizing the mean story-level F1 over ``STORY_SCORED``, each run online with
   the real clusterer. One configuration for every collection.

    .venv/bin/python benchmarks/train_clustering.py [--cache FILE] [--out model.json] [--quick]

It prints the scores of the chosen configuration and of each collection left out of the fit (weights
fitted on the others, thresholds kept), the honest estimate for a collection of a new kind.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.analyze.time import date_alone
from storyline.eval.clustering import default_cache, read_lines, score
from storyline.ingest import read_inputs
from storyline.ingest.dedupe import find_duplicates
from storyline.library.analyses import cached_analyses
from storyline.library.clustering import ClusterSummary, Clusterer, MemoryState, article_features
from storyline.library.clustering.clusterer import EVENT_CANDIDATES, STORY_CANDIDATES, best_matches
from storyline.library.clustering.features import ArticleFeatures
from storyline.library.clustering.scoring import ClusteringModel, LinearScore, event_features, story_features
from storyline.library.placing import placement_order
from storyline.library.store import Store

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "clustering"
EVENT_SETS = ("ecbplus-dev", "basil-dev", "duc2004-dev", "gva-dev")
STORY_SETS = ("timeline17-dev", "duc2006")
MODEL = Path(__file__).resolve().parents[1] / "src" / "storyline" / "library" / "clustering" / "model.json"
EVENT_FEATURES = ("words", "opening", "headline", "people", "places", "organizations", "nearest_words",
                  "nearest_opening", "log_gap_span", "log_gap_nearest", "undated", "log_size")
STORY_FEATURES = ("average_words", "centroid_words", "average_opening", "centroid_opening", "people", "places",
                  "organizations", "log_gap", "undated", "log_smaller", "log_larger")
STORY_SCORED = ("ecbplus-dev", "duc2004-dev", "gva-dev", "timeline17-dev", "duc2006")
"""The collections the story score is fitted and chosen on. BASIL is left out: its clusters are events of a
few long political stories (two events of one campaign are two gold clusters), so as stories its gold
would call one story two."""
MAX_GAP_DAYS = 400
POLICY_SIMILARITY = 0.08


@dataclass(frozen=True, slots=True)
class Collection:
    name: str
    features: tuple[ArticleFeatures, ...]
    """In placement order."""
    gold: dict[str, str]
    """Article id → gold cluster."""


def load(name: str, cache: Path) -> Collection:
    data = BENCH / f"{name}.jsonl"
    lines = read_lines(data)
    articles, _ = find_duplicates(read_inputs([data]).articles)
    dated = sorted((date_alone(article) for article in articles), key=placement_order)
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "train.db", cache=cache) as store:
        analyses, _ = cached_analyses(store, dated, [])
    gold = {}
    for article in dated:
        line = lines[int(article.path.rsplit("#", 1)[1]) - 1]
        if "story" in line:
            gold[article.id] = line["story"]
    return Collection(name, tuple(article_features(analysis) for analysis in analyses), gold)


def event_pairs(collection: Collection) -> tuple[np.ndarray, np.ndarray]:
    """Each article against the candidate gold events before it (oracle state)."""
    state = MemoryState()
    rows, labels = [], []
    for features in collection.features:
        state.remember(features)
        gold = collection.gold.get(features.article_id)
        postings = state.event_postings(features.keys(), features.when, MAX_GAP_DAYS)
        for event in state.events(best_matches(postings, EVENT_CANDIDATES)):
            values = event_features(features, event, state.article_features(event.recent))
            rows.append([values[name] for name in EVENT_FEATURES])
            labels.append(int(event.id == gold))
        if gold is not None:
            event = state.event_by_id.get(gold) or ClusterSummary(id=gold, seq=len(state.event_by_id))
            event.add(features, features.article_id)
            state.save_event(event)
    return np.array(rows), np.array(labels)


class _RecordingClusterer(Clusterer):
    """The clusterer, noting each story comparison it makes with whether the two stories' majority gold
    clusters agree (the training pairs of the story score)."""

    __slots__ = ("gold_of", "current", "counts", "rows", "labels")

    def _best_story(self, story):
        label = self._majority(story)
        if label is not None:
            postings = self.state.story_postings(story.keys())
            postings.pop(story.id, None)
            for other in self.state.stories_by_id(best_matches(postings, STORY_CANDIDATES)):
                other_label = self._majority(other)
                if other.id != story.id and other_label is not None:
                    values = story_features(story, other)
                    self.rows.append([values[name] for name in STORY_FEATURES])
                    self.labels.append(int(label == other_label))
        return Clusterer._best_story(self, story)

    def _majority(self, story):
        counts = self.counts.get(story.id)
        if counts:
            return counts.most_common(1)[0][0]
        return self.current if story.size == 1 else None


def story_pairs(collection: Collection, event_model: ClusteringModel) -> tuple[np.ndarray, np.ndarray]:
    """Story comparisons made online with the fitted event score and a plain average-similarity rule as
    the story score (so that both stories that belong together and look-alikes get compared)."""
    policy = replace(event_model, story=LinearScore({"average_words": 1.0}, 0.0, POLICY_SIMILARITY))
    state = MemoryState()
    clusterer = _RecordingClusterer(state, policy)
    clusterer.counts, clusterer.rows, clusterer.labels = {}, [], []
    for features in collection.features:
        state.remember(features)
        clusterer.current = collection.gold.get(features.article_id)
        placement = clusterer.place(features)
        counts = clusterer.counts.setdefault(placement.story_id, Counter())
        for gone in placement.merged:
            counts.update(clusterer.counts.pop(gone, Counter()))
        if clusterer.current is not None:
            counts[clusterer.current] += 1
    return np.array(clusterer.rows), np.array(clusterer.labels)


def fit(pairs: Sequence[tuple[np.ndarray, np.ndarray]], names: Sequence[str]) -> tuple[dict[str, float], float]:
    rows = np.vstack([x for x, _ in pairs if len(x)])
    labels = np.concatenate([y for x, y in pairs if len(x)])
    weights = np.concatenate([np.full(len(y), 1.0 / len(y)) for x, y in pairs if len(x)]) * len(labels)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(rows, labels, sample_weight=weights)
    return {name: round(float(w), 4) for name, w in zip(names, model.coef_[0])}, round(float(model.intercept_[0]), 4)


def _thinned(collection: Collection, most: int = 1000) -> Collection:
    """Every n-th article of a large collection, for the threshold search (clusters shrink in proportion)."""
    step = max(1, -(-len(collection.features) // most))
    return replace(collection, features=collection.features[::step])


def run_online(collection: Collection, model: ClusteringModel) -> tuple[dict[str, str], dict[str, str]]:
    state = MemoryState()
    clusterer = Clusterer(state, model)
    event_of, story_of = {}, {}
    for features in collection.features:
        state.remember(features)
        placement = clusterer.place(features)
        event_of[features.article_id] = placement.event_id
        story_of[features.article_id] = placement.story_id
    return event_of, {article_id: state.story(story_id).id for article_id, story_id in story_of.items()}


def f1(collection: Collection, model: ClusteringModel, level: str) -> float:
    events, stories = run_online(collection, model)
    return score(events if level == "event" else stories, collection.gold)["bcubed_f1"]


def model_with(event: tuple[dict, float], story: tuple[dict, float], event_threshold: float,
               story_threshold: float) -> ClusteringModel:
    return ClusteringModel(
        event=LinearScore(event[0], event[1], event_threshold), story=LinearScore(story[0], story[1], story_threshold),
        max_gap_days=MAX_GAP_DAYS,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--quick", action="store_true", help="A coarser threshold grid.")
    parser.add_argument("--event-grid", type=float, nargs=3, default=(-2.5, 0.5, 0.25), metavar=("FROM", "TO", "STEP"))
    parser.add_argument("--story-grid", type=float, nargs=3, default=(-1.0, 3.0, 0.25), metavar=("FROM", "TO", "STEP"))
    args = parser.parse_args()
    started = time.perf_counter()
    collections = {name: load(name, args.cache) for name in (*EVENT_SETS, *STORY_SETS)}
    print(f"loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    event_data = {name: event_pairs(collections[name]) for name in EVENT_SETS}
    event = fit(list(event_data.values()), EVENT_FEATURES)
    coarse = 2 if args.quick else 1
    event_grid = np.arange(args.event_grid[0], args.event_grid[1] + 1e-9, args.event_grid[2] * coarse)
    story_grid = np.arange(args.story_grid[0], args.story_grid[1] + 1e-9, args.story_grid[2] * coarse)
    never = (dict.fromkeys(STORY_FEATURES, 0.0), -1.0)
    searched = {name: _thinned(collection) for name, collection in collections.items()}
    event_scores = {
        round(float(t), 2): np.mean([f1(searched[n], model_with(event, never, t, 0.0), "event") for n in EVENT_SETS])
        for t in event_grid
    }
    event_threshold = max(event_scores, key=event_scores.get)
    print(f"event threshold {event_threshold}: mean F1 {event_scores[event_threshold]:.4f}", file=sys.stderr, flush=True)

    base = model_with(event, never, event_threshold, 0.0)
    story_data = {name: story_pairs(collections[name], base) for name in STORY_SCORED}
    story = fit(list(story_data.values()), STORY_FEATURES)
    story_scores = {}
    for threshold in story_grid:
        candidate = model_with(event, story, event_threshold, float(threshold))
        story_scores[round(float(threshold), 2)] = np.mean([f1(searched[n], candidate, "story") for n in STORY_SCORED])
        print(f"story threshold {threshold:.2f}: mean F1 {story_scores[round(float(threshold), 2)]:.4f}",
              file=sys.stderr, flush=True)
    story_threshold = max(story_scores, key=story_scores.get)
    model = model_with(event, story, event_threshold, story_threshold)

    report = {name: {level: f1(c, model, level) for level in ("event", "story")} for name, c in collections.items()}
    held_out = {}
    for name in collections:
        event_wo = fit([event_data[n] for n in EVENT_SETS if n != name], EVENT_FEATURES)
        story_wo = fit([story_data[n] for n in STORY_SCORED if n != name], STORY_FEATURES)
        model_wo = model_with(event_wo, story_wo, event_threshold, story_threshold)
        level = "event" if name in EVENT_SETS else "story"
        held_out[name] = {level: f1(collections[name], model_wo, level)}
    data = {
        "about": "Fitted by benchmarks/train_clustering.py on the development collections of "
                 "../shared/bench/clustering; one configuration for every collection.",
        "event": {"weights": event[0], "bias": event[1], "threshold": event_threshold, "max_gap_days": MAX_GAP_DAYS},
        "story": {"weights": story[0], "bias": story[1], "threshold": story_threshold},
        "fitted_scores": report,
        "each_collection_left_out": held_out,
    }
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"fitted": report, "left_out": held_out}, indent=1))
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
