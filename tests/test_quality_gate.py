"""The quality gate: every `storyline eval` on the development data must stay at or above its floor in
benchmarks/baseline.json. Floors are raised when an engine improves and never lowered without a reason in
the commit. Run with `make gate` (CI runs it after `make test`)."""

import importlib
import json
from pathlib import Path

import pytest

from conftest import REPO, shared_data

BASELINE = json.loads((REPO / "benchmarks" / "baseline.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.gate


@pytest.mark.parametrize("name", sorted(BASELINE["evals"]))
def test_quality_gate_eval_meets_its_floors(name):
    entry = BASELINE["evals"][name]
    if "needs" in entry:  # a gold file in the repo whose texts stay in ../shared
        shared_data(entry["needs"])
    data = shared_data(entry["data"]) if entry["data"].startswith("bench/") else REPO / entry["data"]
    bench = importlib.import_module(f"storyline.eval.{entry['module']}")
    scores = bench.run(Path(data), **entry.get("options", {}))
    below = {
        key: (scores[key], floor) for key, floor in entry["floors"].items() if scores[key] < floor
    }
    assert not below, f"{name} fell below its floors (score, floor): {below}"
