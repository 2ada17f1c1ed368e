"""Figures scored against a hand-written gold set (benchmarks/figures_gold.json).

There is no public benchmark for news figures, so the team wrote one from the seed articles; its
``about`` field says so. Three checks on unseen text follow the same format:
``figures_heldout_gold.json`` (four DUC 2004 articles), ``figures_blind_gold.json`` and
``figures_blind2_gold.json`` (timeline17 articles, each written by reading before any run; ``first_run``
records the blind scores).

A predicted figure matches a gold one when their character spans overlap, their values agree (within
1%, ranges end by end) and they count the same thing (singular or plural alike; "deaths" are the
extractor's people killed, since both name one toll); precision, recall and F1 are over those
matches. On matched figures, ``where_acc`` is the share with the same place (compared as sets of
names, so "Iraq, Syria" is "Iraq and Syria") and ``as_of_acc`` the share whose date, read at the gold
date's precision, is the gold date (a figure the gold leaves undated must be undated too).

Each article is analyzed as the pipeline does it: parsed, time expressions tagged against the gold
publication date, figures found.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from storyline.analyze.figures import find_figures
from storyline.analyze.nlp import load_nlp
from storyline.analyze.time import find_time_expressions
from storyline.errors import BadInput
from storyline.model import Article, Figure, PartialDate

GOLD_FILE = "figures_gold.json"
VALUE_TOLERANCE = 0.01
DEATH_WORDS = {"death", "deaths", "dead", "fatalities", "fatality"}
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def run(data: Path, out: Path | None = None) -> dict:
    """Score ``find_figures`` on the gold file ``data`` (or ``data/figures_gold.json``); with ``out``,
    write the predictions in the gold file's format so they can be re-scored or read."""
    gold_path = data / GOLD_FILE if data.is_dir() else data
    gold = _load(gold_path)
    texts = (gold_path.parent / gold.get("texts", ".")).resolve()
    nlp = load_nlp()
    matched = predicted_total = gold_total = where_right = as_of_right = 0
    predictions: list[dict] = []
    for document in gold["documents"]:
        article = _article(texts, document)
        timexes = find_time_expressions(article.text, article.published, article.id)
        figures = find_figures(article, nlp(article.text), timexes)
        pairs = _match(figures, document["figures"])
        matched += len(pairs)
        predicted_total += len(figures)
        gold_total += len(document["figures"])
        where_right += sum(_same_place(figure.where, truth["where"]) for figure, truth in pairs)
        as_of_right += sum(_same_date(figure.as_of, truth["as_of"]) for figure, truth in pairs)
        predictions.append({"file": document["file"], "figures": [_as_record(f, article.text) for f in figures]})
    precision = matched / predicted_total if predicted_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    result = {
        "docs": len(gold["documents"]),
        "gold": gold_total,
        "predicted": predicted_total,
        "matched": matched,
        "figure_p": round(precision, 4),
        "figure_r": round(recall, 4),
        "figure_f1": round(_f1(precision, recall), 4),
        "where_acc": round(where_right / matched, 4) if matched else 0.0,
        "as_of_acc": round(as_of_right / matched, 4) if matched else 0.0,
    }
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "figures_predicted.json").write_text(json.dumps({"documents": predictions}, indent=1) + "\n")
    return result


def _load(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BadInput(f"{path}: no figures gold file; pass benchmarks/{GOLD_FILE} or its folder") from error
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}: not JSON ({error}); the gold file must be one JSON object") from error
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), list):
        raise BadInput(f"{path}: expected an object with a 'documents' list, as in benchmarks/{GOLD_FILE}")
    return gold


def _article(texts: Path, document: dict) -> Article:
    path = texts / document["file"]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise BadInput(f"{path}: cannot read the gold article ({error}); check 'texts' in the gold file") from error
    published = PartialDate.parse(document["published"]) if document.get("published") else None
    return Article(id=path.stem, text=text, path=str(path), published=published, published_from="file")


def _match(figures: Sequence[Figure], gold: Sequence[dict]) -> list[tuple[Figure, dict]]:
    """One-to-one pairs of overlapping figures with the same value and thing counted, in text order."""
    pairs: list[tuple[Figure, dict]] = []
    used: set[int] = set()
    for figure in figures:
        for index, truth in enumerate(gold):
            if index in used or figure.span.end <= truth["start"] or truth["end"] <= figure.span.start:
                continue
            if _same_value(figure.value, truth["value"]) and _same_thing(figure, truth["what"]):
                pairs.append((figure, truth))
                used.add(index)
                break
    return pairs


def _same_value(predicted: float | tuple[float, float], gold: float | list[float]) -> bool:
    if isinstance(gold, list) != isinstance(predicted, tuple):
        return False
    pairs = zip(predicted, gold, strict=True) if isinstance(predicted, tuple) else [(predicted, gold)]
    return all(abs(p - g) <= VALUE_TOLERANCE * max(abs(g), 1.0) for p, g in pairs)


def _same_thing(figure: Figure, gold_what: str) -> bool:
    """ "17 deaths" is what the extractor reads as 17 people killed: a toll, whichever word counts it."""
    if _singular(figure.what) == _singular(gold_what):
        return True
    return figure.event == "killed" and figure.what == "people" and gold_what.lower() in DEATH_WORDS


def _singular(what: str) -> str:
    """ "boat" counts what "boats" counts: compare the thing, not its grammatical number."""
    words = what.lower().split()
    if not words:
        return ""
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _same_place(predicted: str | None, gold: str | None) -> bool:
    return _place_names(predicted) == _place_names(gold)


def _place_names(place: str | None) -> frozenset[str]:
    if not place:
        return frozenset()
    parts = place.replace(",", " and ").split(" and ")
    return frozenset(part.strip().lower().removeprefix("the ") for part in parts if part.strip())


def _same_date(predicted: PartialDate | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    truth = PartialDate.parse(gold)
    finer_or_same = PRECISION_RANK[predicted.precision] >= PRECISION_RANK[truth.precision]
    return finer_or_same and predicted.truncate(truth.precision) == truth


def _as_record(figure: Figure, text: str) -> dict:
    value = list(figure.value) if isinstance(figure.value, tuple) else figure.value
    return {
        "text": text[figure.span.start : figure.span.end],
        "start": figure.span.start,
        "end": figure.span.end,
        "value": value,
        "qualifier": figure.qualifier,
        "what": figure.what,
        "owner": figure.owner,
        "where": figure.where,
        "as_of": figure.as_of.iso() if figure.as_of else None,
        "unit": figure.unit,
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
