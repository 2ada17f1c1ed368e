"""The quality gate: every `storyline eval` on the development data must stay at or above its floor in
benchmarks/baseline.json, or at or below its ceiling for an error measure. Floors are raised (ceilings
lowered) when an engine improves, and never moved back without a reason in the commit. Run with
`make gate` (CI runs it after `make test`)."""

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
    above = {  # error measures, where lower is better
        key: (scores[key], ceiling) for key, ceiling in entry.get("ceilings", {}).items() if scores[key] > ceiling
    }
    assert not below, f"{name} fell below its floors (score, floor): {below}"
    assert not above, f"{name} rose above its ceilings (score, ceiling): {above}"
