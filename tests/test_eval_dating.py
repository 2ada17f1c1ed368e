"""The Timeline17 dating eval, run on a small real collection."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest

from conftest import shared_data
from storyline.errors import BadInput
from storyline.eval.dating import calibration, run
from storyline.model import DateEstimate, PartialDate


@pytest.fixture()
def collection(tmp_path):
    source = shared_data("bench/timeline17/H1N1_guardian/InputDocs")
    for day_folder in sorted(source.iterdir())[:8]:
        shutil.copytree(day_folder, tmp_path / "H1N1_guardian" / "InputDocs" / day_folder.name)
    return tmp_path


def test_eval_dating_reports_accuracies(collection):
    result = run(collection)
    assert result["docs"] >= 8
    for key in ("day_acc", "within3_acc", "within7_acc", "year_acc"):
        assert 0.0 <= result[key] <= 1.0
    assert result["day_acc"] <= result["within3_acc"] <= result["within7_acc"]
    assert result["year_acc"] >= 0.5


def test_eval_dating_writes_predictions_csv(collection, tmp_path):
    run(collection, out=tmp_path / "out")
    with (tmp_path / "out" / "predictions.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and set(rows[0]) == {"path", "predicted", "precision", "confidence", "cues"}
    assert rows[0]["path"].startswith("H1N1_guardian/InputDocs/")


def test_eval_dating_says_when_the_folder_layout_is_wrong(tmp_path):
    with pytest.raises(BadInput, match="InputDocs"):
        run(tmp_path)


def test_eval_dating_calibration_compares_confidence_with_the_share_right():
    estimate = DateEstimate(PartialDate.parse("2018-12-19"), "text", 0.8, ())
    month = DateEstimate(PartialDate.parse("2018-12"), "text", 0.4, ())
    predictions = [(estimate, dt.date(2018, 12, 19)), (estimate, dt.date(2018, 12, 20)), (month, dt.date(2018, 12, 3))]
    result = calibration(predictions)
    assert result["calibration"] == [
        {"bin": "0.4-0.5", "count": 1, "mean_confidence": 0.4, "right": 1.0},
        {"bin": "0.8-0.9", "count": 2, "mean_confidence": 0.8, "right": 0.5},
    ]
    assert result["calibration_error"] == pytest.approx(1 / 3 * 0.6 + 2 / 3 * 0.3)
