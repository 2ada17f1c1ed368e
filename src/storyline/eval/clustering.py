"""Events and stories in a mixed stream, scored with B-cubed against the collection's gold clusters.

The JSONL file is replayed through the same code as ``storyline add`` into a fresh temporary library
(briefings are not rebuilt: the score reads only where each article went). Each line's gold cluster is its
``story`` field, read by the scorer alone; lines without it are clustered and written, not scored. An input
the library counts as a duplicate goes where its original went. B-cubed precision and recall are averaged
over items (Bagga & Baldwin 1998). The same run scores the baseline of ../shared/bench/clustering: TF-IDF
cosine with average-linkage agglomerative clustering at one distance threshold (0.85).

``mix`` adds other inputs to the same stream (the seeds, say): they are placed with the rest, not scored,
and the result says how many stories (``mixed_stories``) and events (``mixed_events``) they came out as and
how many of the stream's articles joined their stories (``mixed_joined_by``).
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from storyline.errors import BadInput
from storyline.library import AddOptions, Library

BASELINE_DISTANCE = 0.85
LEVELS = ("event", "story")


def default_cache() -> Path:
    """Where the evals keep parses and analyses between runs: $STORYLINE_CACHE or ~/.cache/storyline."""
    root = os.environ.get("STORYLINE_CACHE") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storyline"
    return Path(root) / "eval.db"


def run(
    data: Path, *, level: str = "event", out: Path | None = None, cache: Path | None = None,
    mix: Sequence[Path] = (), sample: int = 1,
) -> dict:
    """Replay ``data`` into a fresh library and score its ``level`` clusters; ``sample`` keeps every
    n-th line (a quicker run over a subset whose clusters stay whole in proportion)."""
    if level not in LEVELS:
        raise BadInput(f"level {level!r}: expected one of {', '.join(LEVELS)}")
    lines = read_lines(data)
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as folder:
        stream = Path(folder) / data.name
        kept = lines[:: max(1, sample)]
        stream.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in kept), encoding="utf-8")
        started = time.perf_counter()
        with Library(Path(folder) / "library.db", cache=cache or default_cache()) as library:
            result = library.add([stream, *(Path(path) for path in mix)], AddOptions(briefings=False))
            predicted = _predictions(library, result, stream)
        seconds = time.perf_counter() - started
    line_ids = [str(line.get("id", number)) for number, line in enumerate(kept, start=1)]
    gold = {line_ids[number]: line["story"] for number, line in enumerate(kept) if "story" in line}
    by_line = {line_ids[number - 1]: clusters for number, clusters in predicted.items() if isinstance(number, int)}
    index = 0 if level == "event" else 1
    scores = score({key: clusters[index] for key, clusters in by_line.items()}, gold)
    scores["seconds"] = round(seconds, 1)
    scores["level"] = level
    scores["baseline"] = baseline(kept, line_ids, gold)
    if mix:
        scores.update(_mixed_report(predicted))
    if out:
        out.mkdir(parents=True, exist_ok=True)
        with (out / "predictions.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "event", "story"])
            for line_id in line_ids:
                if line_id in by_line:
                    writer.writerow([line_id, *by_line[line_id]])
    return scores


def read_lines(data: Path) -> list[dict]:
    lines = []
    with data.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                lines.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise BadInput(f"{data} line {number}: not JSON ({error.msg}); each line must be one JSON object") from error
    return lines


def _predictions(library: Library, result, stream: Path) -> dict[int | str, tuple[str, str]]:
    """Each input's (event, story): by line number for the stream's lines, by path for mixed-in files."""
    by_article = {placement.article_id: placement.event_id for placement in result.placements}
    story_of_event = {}
    for event_id in set(by_article.values()):
        membership = library.store.events([event_id])[0]
        story_of_event[event_id] = library.store.resolve_story(membership.parent) or membership.parent
    path_to_article = {article.path: article.id for article in library.store.articles(list(by_article))}
    for duplicate in result.duplicates:
        if duplicate.of in by_article:
            path_to_article[duplicate.path] = duplicate.of
    predicted: dict[int | str, tuple[str, str]] = {}
    prefix = f"{stream.as_posix()}#"
    for path, article_id in path_to_article.items():
        event_id = by_article[article_id]
        key: int | str = int(path[len(prefix):]) if path.startswith(prefix) else path
        predicted[key] = (event_id, story_of_event[event_id])
    return predicted


def _mixed_report(predicted: Mapping[int | str, tuple[str, str]]) -> dict:
    """How the mixed-in inputs came out: their stories and events, and how many of the stream's own
    articles joined those stories."""
    mixed = {key: clusters for key, clusters in predicted.items() if isinstance(key, str)}
    stories = {clusters[1] for clusters in mixed.values()}
    return {
        "mixed_articles": len(mixed),
        "mixed_stories": len(stories),
        "mixed_events": len({clusters[0] for clusters in mixed.values()}),
        "mixed_joined_by": sum(
            1 for key, clusters in predicted.items() if isinstance(key, int) and clusters[1] in stories
        ),
    }


def score(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict:
    """B-cubed precision, recall and F1 over the items that have both a prediction and a gold cluster."""
    items = [item for item in gold if item in predicted]
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in items:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        shared = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += shared / len(by_predicted[predicted[item]])
        recall += shared / len(by_gold[gold[item]])
    count = len(items) or 1
    precision, recall = precision / count, recall / count
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(items), "clusters": len(by_predicted),
        "bcubed_p": round(precision, 4), "bcubed_r": round(recall, 4), "bcubed_f1": round(f1, 4),
    }


def baseline(lines: Sequence[dict], line_ids: Sequence[str], gold: Mapping[str, str]) -> dict:
    """TF-IDF cosine (English stop words, sublinear tf) and average-linkage agglomerative clustering, cut at
    cosine distance 0.85: the reference of ../shared/bench/clustering/README.md."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    texts = [str(line.get("text") or "") for line in lines]
    if len(texts) < 2:
        labels = [0] * len(texts)
    else:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)  # TF-IDF rows are unit vectors
        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=BASELINE_DISTANCE
        ).fit_predict(distances)
    scores = score({line_id: str(label) for line_id, label in zip(line_ids, labels)}, gold)
    scores["seconds"] = round(time.perf_counter() - started, 1)
    return scores
