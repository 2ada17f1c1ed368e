"""The clustering eval: B-cubed scoring, the baseline, predictions and a replay through the library."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import EXAMPLES, shared_data
from storyline.errors import BadInput
from storyline.eval import clustering


def test_eval_clustering_bcubed_of_a_perfect_clustering_is_one():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert clustering.score({"a": "1", "b": "1", "c": "2"}, gold)["bcubed_f1"] == 1.0


def test_eval_clustering_bcubed_of_everything_in_one_cluster():
    # precision: a and b see 2 of 3 right, c sees 1 of 3; recall is 1
    scores = clustering.score({"a": "1", "b": "1", "c": "1"}, {"a": "x", "b": "x", "c": "y"})
    assert scores["bcubed_p"] == round((2 / 3 + 2 / 3 + 1 / 3) / 3, 4)
    assert scores["bcubed_r"] == 1.0


def test_eval_clustering_items_without_gold_are_not_scored():
    scores = clustering.score({"a": "1", "b": "1", "unlabelled": "1"}, {"a": "x", "b": "x"})
    assert scores["articles"] == 2 and scores["bcubed_f1"] == 1.0


def test_eval_clustering_bad_line_names_its_number(tmp_path):
    data = tmp_path / "stream.jsonl"
    data.write_text('{"id": "1", "text": "A text."}\nnot json\n', encoding="utf-8")
    with pytest.raises(BadInput, match="line 2"):
        clustering.read_lines(data)


def test_eval_clustering_unknown_level_is_refused(tmp_path):
    with pytest.raises(BadInput, match="event, story"):
        clustering.run(tmp_path / "none.jsonl", level="topic")


@pytest.mark.slow
def test_eval_clustering_replays_a_collection_and_writes_predictions(tmp_path):
    lines = shared_data("bench/clustering/basil-dev.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:18]
    data = tmp_path / "basil.jsonl"
    data.write_text("".join(lines), encoding="utf-8")
    scores = clustering.run(data, out=tmp_path / "out", cache=tmp_path / "cache.db", mix=[EXAMPLES])
    assert scores["articles"] == 18
    assert set(scores["baseline"]) >= {"articles", "clusters", "bcubed_p", "bcubed_r", "bcubed_f1", "seconds"}
    assert scores["mixed_articles"] == 5
    with (tmp_path / "out" / "predictions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == [json.loads(line)["id"] for line in lines]
    assert all(row["event"].startswith("e") and row["story"].startswith("s") for row in rows)
