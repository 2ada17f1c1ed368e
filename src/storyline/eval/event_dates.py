"""Event dates scored against a hand-written blind gold set (benchmarks/event_dates_gold.json).

A timeline entry's date must be the time of the event its sentence reports, at the precision the sources
support. No public benchmark annotates that for news sentences, so the gold set was written by reading
real pages and Timeline17 articles before any run (its ``about`` and ``guidelines`` fields say how, and
``first_run`` keeps the scores of the first run).

Each gold sentence is matched to the sentence of the product's timeline stage (``date_sentences``) that
covers most of it; a sentence the stage drops or leaves undated predicts "no event". The prediction is
*right* when its date equals the gold date at the same precision (or both say no event), *consistent*
when it does not contradict the gold (one is the other read at a coarser precision), *wrong* when both
give dates that contradict. Documents marked ``heldout`` are also scored apart (``heldout_accuracy``):
their errors are not read while the dater changes. Two runs: articles as read (metadata or file-name
dates where the input has them, else dated from their text as ``add`` does), and text only (every stated
date hidden, each article dated from its own text), where the precision an uncertain date is shown at
matters most. A sentence that only refers to its dates (``refers_only``) predicts "no event".
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.analyze.pipeline import analyze_articles
from storyline.analyze.time import date_alone
from storyline.errors import BadInput
from storyline.ingest import read_inputs
from storyline.model import Article, PartialDate
from storyline.story.dated_sentences import DatedSentence, date_sentences

GOLD_FILE = "event_dates_gold.json"
MIN_OVERLAP = 0.5
"""Share of a gold sentence a timeline sentence must cover to stand for it."""


@dataclass(frozen=True, slots=True)
class Judgement:
    """One gold sentence against the product's date for it."""

    file: str
    text: str
    kind: str
    gold: PartialDate | None
    predicted: PartialDate | None
    heldout: bool = False
    """From a document kept out of development: scored apart, its errors not read while tuning."""

    @property
    def right(self) -> bool:
        return self.gold == self.predicted

    @property
    def consistent(self) -> bool:
        if self.gold is None or self.predicted is None:
            return self.gold is None and self.predicted is None
        return _within(self.gold, self.predicted) or _within(self.predicted, self.gold)


def run(data: Path, out: Path | None = None) -> dict:
    """Score the timeline's sentence dates on the gold file ``data`` (or ``data/event_dates_gold.json``)."""
    gold_path = data / GOLD_FILE if data.is_dir() else data
    gold = _load(gold_path)
    texts = (gold_path.parent / gold.get("texts", "../../shared")).resolve()
    read = [(document, _read(texts / document["file"])) for document in gold["documents"]]
    as_read = [date_alone(article) for _, article in read]
    text_only = [date_alone(replace(article, published=None, published_from=None, published_confidence=0.0))
                 for _, article in read]
    scores: dict = {"documents": len(read), "sentences": sum(len(doc["sentences"]) for doc, _ in read)}
    judged: dict[str, list[Judgement]] = {}
    for mode, articles in (("as_read", as_read), ("text_only", text_only)):
        judged[mode] = list(_judge([document for document, _ in read], articles))
        prefix = "" if mode == "as_read" else "text_only_"
        scores.update(_scores(judged[mode], prefix=prefix))
        heldout = [judgement for judgement in judged[mode] if judgement.heldout]
        scores[f"{prefix}heldout_accuracy"] = _accuracy(heldout)
        scores[f"{prefix}dev_accuracy"] = _accuracy([j for j in judged[mode] if not j.heldout])
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        rows = {mode: [_as_record(judgement) for judgement in items] for mode, items in judged.items()}
        (out / "event_dates_predicted.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    return scores


def _judge(documents: Sequence[dict], articles: Sequence[Article]) -> Iterable[Judgement]:
    analyses = analyze_articles(articles)
    dated = date_sentences(analyses)
    by_article: dict[int, list[DatedSentence]] = {}
    for sentence in dated:
        if not sentence.refers_only:  # it refers to its dates, and reports no event on them
            by_article.setdefault(sentence.article_index, []).append(sentence)
    for index, document in enumerate(documents):
        text = articles[index].text
        for truth in document["sentences"]:
            start, end = _located(text, truth)
            match = _covering(by_article.get(index, []), start, end)
            yield Judgement(
                file=document["file"], text=truth["text"], kind=truth.get("kind", ""),
                gold=PartialDate.parse(truth["date"]) if truth["date"] else None,
                predicted=match.date if match is not None else None, heldout=document.get("heldout", False),
            )


def _located(text: str, truth: dict) -> tuple[int, int]:
    """Where the gold sentence stands in the text as read now: at its recorded offsets, or (when the
    reader's extraction has changed since the gold was written, e.g. a boilerplate line removed above it)
    at the occurrence of its text nearest to them."""
    start, end = truth["start"], truth["end"]
    if text[start:end] == truth["text"]:
        return start, end
    found = _occurrences(text, truth["text"])
    if not found:
        return start, end
    nearest = min(found, key=lambda position: abs(position - start))
    return nearest, nearest + len(truth["text"])


def _occurrences(text: str, needle: str) -> list[int]:
    positions, position = [], text.find(needle)
    while position >= 0:
        positions.append(position)
        position = text.find(needle, position + 1)
    return positions


def _covering(sentences: Sequence[DatedSentence], start: int, end: int) -> DatedSentence | None:
    best, best_overlap = None, 0
    for sentence in sentences:
        overlap = min(end, sentence.sentence.span.end) - max(start, sentence.sentence.span.start)
        if overlap > best_overlap:
            best, best_overlap = sentence, overlap
    return best if best_overlap >= MIN_OVERLAP * max(1, end - start) else None


def _scores(judgements: Sequence[Judgement], prefix: str) -> dict:
    total = len(judgements) or 1
    dated_gold = [j for j in judgements if j.gold is not None]
    undated_gold = [j for j in judgements if j.gold is None]
    both = [j for j in dated_gold if j.predicted is not None]
    by_kind: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        by_kind.setdefault(judgement.kind, []).append(judgement)
    precisions = Counter(j.predicted.precision for j in judgements if j.predicted is not None)
    return {
        f"{prefix}accuracy": round(sum(j.right for j in judgements) / total, 4),
        f"{prefix}consistent_acc": round(sum(j.consistent for j in judgements) / total, 4),
        f"{prefix}wrong": sum(not j.consistent for j in both),
        f"{prefix}coarser": sum(j.consistent and not j.right and _within(j.gold, j.predicted) for j in both),
        f"{prefix}finer": sum(j.consistent and not j.right and _within(j.predicted, j.gold) for j in both),
        f"{prefix}missed": sum(j.predicted is None for j in dated_gold),
        f"{prefix}false_dates": sum(j.predicted is not None for j in undated_gold),
        f"{prefix}predicted_precisions": dict(sorted(precisions.items())),
        f"{prefix}accuracy_by_kind": {
            kind: round(sum(j.right for j in items) / len(items), 3) for kind, items in sorted(by_kind.items())
        },
    }


def _accuracy(judgements: Sequence[Judgement]) -> float:
    return round(sum(j.right for j in judgements) / (len(judgements) or 1), 4)


def _within(finer: PartialDate, coarser: PartialDate) -> bool:
    """``finer`` read at ``coarser``'s precision is ``coarser`` (a day inside a month, a month in a year)."""
    rank = {"year": 0, "month": 1, "day": 2}
    if rank[finer.precision] < rank[coarser.precision]:
        return False
    if coarser.precision == "year":
        return finer.value.year == coarser.value.year
    if coarser.precision == "month":
        return (finer.value.year, finer.value.month) == (coarser.value.year, coarser.value.month)
    return finer.value == coarser.value


def _read(path: Path) -> Article:
    result = read_inputs([path])
    if not result.articles:
        reason = result.rejected[0].reason if result.rejected else "no article read"
        raise BadInput(f"{path}: {reason}; the gold set names a file storyline no longer reads as an article")
    return result.articles[0]


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise BadInput(f"{path}: no such gold file; pass benchmarks/{GOLD_FILE}") from error
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}: not JSON ({error.msg} at line {error.lineno}); fix the gold file") from error


def _as_record(judgement: Judgement) -> dict:
    return {
        "file": judgement.file, "text": judgement.text, "kind": judgement.kind,
        "gold": judgement.gold.iso() if judgement.gold else None,
        "predicted": judgement.predicted.iso() if judgement.predicted else None,
        "right": judgement.right, "consistent": judgement.consistent,
    }
