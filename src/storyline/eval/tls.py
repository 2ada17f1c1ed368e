"""Timeline summarization on Timeline17-format data, scored as the TLS literature scores it.

Protocol (news-tls, Gholipour Ghalandari & Ifrim, ACL 2020): folders sharing the prefix before "_" are one
topic and their articles are pooled; for each gold timeline the system may output as many dates as the
gold has and its mean number of sentences per date (rounded), reading only articles published inside the
gold's date range; scores are the `tilse` package's alignment-based ROUGE (align+ m:1, ROUGE-1 and
ROUGE-2) and date F1. As in news-tls, the averages are F-scores of the mean precision and mean recall over
timelines; each per-timeline row keeps its own scores.

The articles are pre-tokenized, one sentence per line, published on their folder's date. Sentences are
therefore the lines themselves and no spaCy parse is run (the timeline reads only sentences and time
expressions): that keeps a 1,500-article topic within seconds of analysis instead of minutes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import BadInput
from storyline.eval import require
from storyline.model import Article, ArticleAnalysis, PartialDate, Sentence, Span
from storyline.story.dated_sentences import DatedSentence, date_sentences
from storyline.story.timeline import timeline_of_sentences

SEPARATOR = "-" * 32


@dataclass(frozen=True, slots=True)
class GoldTimeline:
    """One reference timeline: ``name`` is "<folder>/<file>" so predictions can be written beside it."""

    name: str
    dates_to_sentences: dict[dt.date, list[str]]
    skipped: tuple[str, ...] = ()

    @property
    def date_range(self) -> tuple[dt.date, dt.date]:
        return min(self.dates_to_sentences), max(self.dates_to_sentences)

    @property
    def sentences_per_date(self) -> int:
        total = sum(len(sentences) for sentences in self.dates_to_sentences.values())
        return max(1, round(total / len(self.dates_to_sentences)))


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    articles: tuple[Article, ...]
    gold: tuple[GoldTimeline, ...]


def run(data: Path, out: Path | None = None, topics: Sequence[str] | None = None) -> dict:
    """Build and score a timeline for every gold timeline of every topic (or of the named topics or
    folders: "bpoil" is the pooled topic, "bpoil_bbc" only that folder's gold timelines against the pool).
    With ``out``, each predicted timeline is written as ``out/<folder>/<gold file>`` in the gold format."""
    timelines = require("tilse.data.timelines", "tls")
    GroundTruth, TilseTimeline = timelines.GroundTruth, timelines.Timeline  # noqa: N806 - tilse's classes
    tilse_dates = require("tilse.evaluation.dates", "tls")
    rouge = require("tilse.evaluation.rouge", "tls")

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
    rows: list[dict] = []
    seconds: dict[str, float] = {}
    for topic in load_topics(data, topics):
        started = time.perf_counter()
        analyses = analyze_for_timeline(topic.articles)
        analysis_seconds = time.perf_counter() - started
        dated = date_sentences(analyses)  # once per topic: every gold timeline reads the same sentences
        for gold in topic.gold:
            timeline_started = time.perf_counter()
            predicted = predict(analyses, gold, dated)
            timeline_seconds = time.perf_counter() - timeline_started
            reference = GroundTruth([TilseTimeline(gold.dates_to_sentences)])
            if predicted:
                candidate = TilseTimeline(predicted)
                rouge_scores = evaluator.evaluate_align_date_content_costs_many_to_one(candidate, reference)
                date_scores = tilse_dates.evaluate_dates(candidate, reference)
            else:
                rouge_scores = {measure: _zero() for measure in ("rouge_1", "rouge_2")}
                date_scores = _zero()
            rows.append(
                {
                    "topic": topic.name,
                    "timeline": gold.name,
                    "articles": sum(1 for a in topic.articles if _in_range(a, gold.date_range)),
                    "gold_dates": len(gold.dates_to_sentences),
                    "predicted_dates": len(predicted),
                    "sentences_per_date": gold.sentences_per_date,
                    "ar1": _prf(rouge_scores["rouge_1"]),
                    "ar2": _prf(rouge_scores["rouge_2"]),
                    "date": _prf(date_scores),
                    "timeline_seconds": round(timeline_seconds, 3),
                    "skipped_gold": list(gold.skipped),
                }
            )
            if out is not None:
                write_timeline(out / gold.name, predicted)
        seconds[topic.name] = round(time.perf_counter() - started, 2)
        seconds[f"{topic.name}:analysis"] = round(analysis_seconds, 2)
        seconds[f"{topic.name}:timelines"] = round(time.perf_counter() - started - analysis_seconds, 2)
    return {
        "ar1_f": _mean_f(rows, "ar1"),
        "ar2_f": _mean_f(rows, "ar2"),
        "date_f1": _mean_f(rows, "date"),
        "timelines": len(rows),
        "seconds": seconds,
        "per_timeline": rows,
    }


def predict(
    analyses: Sequence[ArticleAnalysis], gold: GoldTimeline, dated: Sequence[DatedSentence] | None = None
) -> dict[dt.date, list[str]]:
    """The system's timeline under the protocol's budget for ``gold``, as tilse wants it. ``dated`` is
    ``date_sentences(analyses)`` when the caller has it already (one topic, several gold timelines)."""
    start, end = gold.date_range
    if dated is None:
        dated = date_sentences(analyses)
    in_range = [
        sentence
        for sentence in dated
        if sentence.published is not None and start <= sentence.published.value <= end
    ]
    entries = timeline_of_sentences(
        in_range,
        analyses,
        max_dates=len(gold.dates_to_sentences),
        sentences_per_date=gold.sentences_per_date,
        date_range=(start, end),
        min_precision="day",
        previous_day_leads=True,
    )
    predicted: dict[dt.date, list[str]] = defaultdict(list)
    for entry in entries:
        predicted[entry.date.value].append(" ".join(entry.text.split()))
    return dict(predicted)


def load_topics(data: Path, names: Sequence[str] | None = None) -> list[Topic]:
    """Topics of a Timeline17-format directory, pooled by folder prefix, in name order."""
    if not data.is_dir():
        raise BadInput(f"{data}: not a directory; pass the Timeline17 folder holding <topic>_<source>/ folders")
    folders = sorted(p for p in data.iterdir() if (p / "InputDocs").is_dir() and (p / "timelines").is_dir())
    if not folders:
        raise BadInput(f"{data}: no <topic>_<source>/InputDocs and timelines/ folders found")
    by_topic: dict[str, list[Path]] = defaultdict(list)
    for folder in folders:
        by_topic[folder.name.split("_")[0]].append(folder)
    wanted = set(names) if names else None
    if wanted:
        known = set(by_topic) | {folder.name for folder in folders}
        unknown = sorted(wanted - known)
        if unknown:
            raise BadInput(f"{data}: no topic or folder named {unknown}; choose from {sorted(known)}")
    topics: list[Topic] = []
    for name, topic_folders in sorted(by_topic.items()):
        gold_folders = [
            folder
            for folder in topic_folders
            if wanted is None or name in wanted or folder.name in wanted
        ]
        if not gold_folders:
            continue
        articles = tuple(article for folder in topic_folders for article in read_articles(folder))
        gold = tuple(timeline for folder in gold_folders for timeline in read_gold(folder))
        topics.append(Topic(name, articles, gold))
    return topics


def read_articles(folder: Path) -> Iterable[Article]:
    """The folder's articles, each published (by the protocol) on the date of the folder holding it."""
    for day_folder in sorted((folder / "InputDocs").iterdir()):
        try:
            published = PartialDate(dt.date.fromisoformat(day_folder.name), "day")
        except ValueError:
            continue
        for path in sorted(day_folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            yield Article(
                id=f"{folder.name}/{day_folder.name}/{path.name}",
                text=text,
                path=str(path),
                source=folder.name.split("_", 1)[-1],
                published=published,
                published_from="file",
                published_confidence=1.0,
            )


def read_gold(folder: Path) -> list[GoldTimeline]:
    """Gold timelines in the Timeline17 format: a date line, one sentence per line, a dashed line.

    A block whose date line is not a full date (MJ_bbc has "2011-04-0") cannot be scored against any
    date: it is left out and named in ``GoldTimeline.skipped`` so the report says so.
    """
    timelines: list[GoldTimeline] = []
    for path in sorted((folder / "timelines").glob("*.txt")):
        dates_to_sentences: dict[dt.date, list[str]] = {}
        skipped: list[str] = []
        header: str | None = None
        lines: list[str] = []
        for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            line = raw.strip()
            if line.startswith("-" * 10):
                if header is None:
                    raise BadInput(f"{path} line {number}: separator before any date line")
                try:
                    dates_to_sentences.setdefault(dt.date.fromisoformat(header), []).extend(lines)
                except ValueError:
                    skipped.append(f"{path.name} line {number - len(lines) - 1}: date {header!r}")
                header, lines = None, []
            elif header is None and line:
                header = line
            elif line:
                lines.append(line)
        if dates_to_sentences:
            timelines.append(GoldTimeline(f"{folder.name}/{path.name}", dates_to_sentences, tuple(skipped)))
    return timelines


def write_timeline(path: Path, dates_to_sentences: dict[dt.date, list[str]]) -> None:
    """Write a timeline in the gold files' own format, so any TLS scorer can re-read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    blocks = [
        "\n".join([date.isoformat(), *dates_to_sentences[date], SEPARATOR])
        for date in sorted(dates_to_sentences)
    ]
    path.write_text("\n".join(blocks) + ("\n" if blocks else ""), encoding="utf-8")


def analyze_for_timeline(articles: Sequence[Article]) -> list[ArticleAnalysis]:
    """Sentences and time expressions, the two things the timeline reads.

    Timeline17 texts are tokenized with one sentence per line, so each non-blank line is a sentence: the
    same boundaries spaCy's line-break component would mark, without parsing 1.4 million words the
    timeline never looks at again.
    """
    from storyline.analyze.time import find_time_expressions

    return [
        ArticleAnalysis(
            article=article,
            sentences=tuple(line_sentences(article)),
            timexes=tuple(find_time_expressions(article.text, article.published, article.id)),
        )
        for article in articles
    ]


def line_sentences(article: Article) -> list[Sentence]:
    """One sentence per non-blank line, without the line's surrounding white space."""
    sentences: list[Sentence] = []
    offset = 0
    for line in article.text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            sentences.append(Sentence(Span(article.id, start, start + len(stripped)), len(sentences)))
        offset += len(line)
    return sentences


def _in_range(article: Article, date_range: tuple[dt.date, dt.date]) -> bool:
    return article.published is not None and date_range[0] <= article.published.value <= date_range[1]


def _zero() -> dict[str, float]:
    return {"precision": 0.0, "recall": 0.0, "f_score": 0.0}


def _prf(scores: dict) -> dict[str, float]:
    return {key: round(float(scores[key]), 6) for key in ("precision", "recall", "f_score")}


def _mean_f(rows: Sequence[dict], metric: str) -> float:
    if not rows:
        return 0.0
    precision = sum(row[metric]["precision"] for row in rows) / len(rows)
    recall = sum(row[metric]["recall"] for row in rows) / len(rows)
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
