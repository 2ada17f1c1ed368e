"""Document dating on Timeline17-style folders: ``<collection>/InputDocs/YYYY-MM-DD/<id>.txt``.

The folder date is the truth and is never shown to the dater. Like a user's folder of undated articles,
each collection (a top folder holding ``InputDocs``) is dated together with ``date_collection``, so an
article may borrow from its siblings' text, never from their folder dates.

A prediction counts as within N days only at day precision; ``year_acc`` counts any precision whose year
is right. ``median_abs_days`` is over day-precision predictions.

Users read the confidence shown beside an inferred date as the chance that the date is right, so the eval
also says how far it is from that: ``calibration_error`` is the expected calibration error over ten
confidence bins (the gap between mean confidence and the share right, weighted by the bin's size), and
``calibration`` lists the bins. "Right" means right at the stated precision (the exact day for a day).
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import time
from pathlib import Path

from storyline.analyze.time import date_collection
from storyline.errors import BadInput
from storyline.model import DateEstimate, PartialDate


def find_collections(data: Path) -> dict[Path, list[tuple[Path, dt.date]]]:
    """Every collection under ``data`` with its articles and their folder dates."""
    data = Path(data)
    folders = [data / "InputDocs"] if (data / "InputDocs").is_dir() else sorted(data.rglob("InputDocs"))
    collections: dict[Path, list[tuple[Path, dt.date]]] = {}
    for folder in folders:
        articles = []
        for day_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
            try:
                truth = dt.date.fromisoformat(day_folder.name)
            except ValueError:
                continue
            articles.extend((path, truth) for path in sorted(day_folder.iterdir()) if path.is_file())
        if articles:
            collections[folder.parent] = articles
    if not collections:
        raise BadInput(f"{data}: no InputDocs/YYYY-MM-DD/*.txt folders found; expected Timeline17-style data")
    return collections


def run(data: Path, out: Path | None = None) -> dict:
    """Date every article of every collection under ``data`` and score against the folder dates."""
    data = Path(data)
    rows: list[tuple[Path, dt.date, DateEstimate]] = []
    began = time.process_time()
    for articles in find_collections(data).values():
        names = {path: _name(path, data) for path, _ in articles}
        texts = {names[path]: path.read_text(encoding="utf-8", errors="replace") for path, _ in articles}
        estimates = date_collection(texts)
        rows.extend((path, truth, estimates[names[path]]) for path, truth in articles)
    seconds = time.process_time() - began
    total = len(rows)
    gaps = [abs((estimate.date.value - truth).days) for _, truth, estimate in rows
            if estimate.date is not None and estimate.date.precision == "day"]

    def share(hits: int) -> float:
        return round(hits / total, 4) if total else 0.0

    result = {
        "docs": total,
        "day_acc": share(sum(1 for gap in gaps if gap == 0)),
        "within3_acc": share(sum(1 for gap in gaps if gap <= 3)),
        "within7_acc": share(sum(1 for gap in gaps if gap <= 7)),
        "year_acc": share(sum(1 for _, truth, estimate in rows
                              if estimate.date is not None and estimate.date.value.year == truth.year)),
        "median_abs_days": statistics.median(gaps) if gaps else None,
        "undated": sum(1 for _, _, estimate in rows if estimate.date is None),
        "docs_per_second": round(total / seconds, 1) if seconds else 0.0,
        **calibration([(estimate, truth) for _, truth, estimate in rows]),
    }
    if out is not None:
        write_predictions(rows, data, Path(out))
    return result


def calibration(predictions: list[tuple[DateEstimate, dt.date]], bins: int = 10) -> dict:
    """Expected calibration error of the dated predictions, and per confidence bin the count, mean
    confidence and share right at the stated precision."""
    grouped: dict[int, list[tuple[float, bool]]] = {}
    for estimate, truth in predictions:
        if estimate.date is not None:
            slot = min(int(estimate.confidence * bins), bins - 1)
            grouped.setdefault(slot, []).append((estimate.confidence, _right(estimate, truth)))
    dated = sum(len(members) for members in grouped.values())
    table = []
    error = 0.0
    for slot in sorted(grouped):
        members = grouped[slot]
        confidence = sum(value for value, _ in members) / len(members)
        right = sum(1 for _, hit in members if hit) / len(members)
        error += len(members) / dated * abs(confidence - right)
        table.append({"bin": f"{slot / bins:.1f}-{(slot + 1) / bins:.1f}", "count": len(members),
                      "mean_confidence": round(confidence, 3), "right": round(right, 3)})
    return {"calibration_error": round(error, 4), "calibration": table}


def _right(estimate: DateEstimate, truth: dt.date) -> bool:
    """Whether the estimate names the true date at its own precision."""
    return estimate.date is not None and estimate.date.contains(PartialDate(truth, "day"))


def _name(path: Path, data: Path) -> str:
    return str(path.relative_to(data)) if path.is_relative_to(data) else str(path)


def write_predictions(rows: list[tuple[Path, dt.date, DateEstimate]], data: Path, out: Path) -> Path:
    """predictions.csv: path, predicted date, precision, confidence, cues (joined by " | ")."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / "predictions.csv"
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["path", "predicted", "precision", "confidence", "cues"])
        for path, _, estimate in rows:
            writer.writerow([
                _name(path, data),
                estimate.date.iso() if estimate.date else "",
                estimate.date.precision if estimate.date else "",
                estimate.confidence,
                " | ".join(estimate.cues),
            ])
    return target
