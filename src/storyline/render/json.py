"""story.json: the machine-readable briefing, the contract other tools build on.

Its shape is fixed by ``storyline/story.schema.json``. The output is deterministic (sorted keys, fixed
indentation, UTF-8 text as is), so the same story gives byte-identical files that diff cleanly between
builds. List order is the story's order, which its builders make deterministic and meaningful
(timeline by date, articles by input).
"""

from __future__ import annotations

import json
from typing import Any

from storyline.model import (
    Article,
    DateConfidence,
    DateConflict,
    Entity,
    Evidence,
    FigureConflict,
    FigurePoint,
    FigureSeries,
    PartialDate,
    Quote,
    Rejected,
    Story,
    StoryEvent,
    SummarySentence,
    TimelineEntry,
)
from storyline.render.citations import check_evidence
from storyline.render.text import plain_number


def render_json(story: Story) -> str:
    """story.json text for ``story``; raises StageError if any evidence does not quote its article."""
    check_evidence(story)
    return json.dumps(story_data(story), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def story_data(story: Story) -> dict[str, Any]:
    """The story as the plain data story.json holds."""
    copies: dict[str, list[str]] = {}
    for duplicate in story.duplicates:
        copies.setdefault(duplicate.of, []).append(duplicate.path)
    event_of = {article_id: event.id for event in story.events for article_id in event.articles}
    return {
        "id": story.id,
        "title": story.title,
        "generated_at": story.generated_at,
        "articles": [
            article_data(article, sorted(copies.get(article.id, [])), event_of.get(article.id)) for article in story.articles
        ],
        "events": [event_data(event) for event in story.events],
        "timeline": [timeline_entry_data(entry) for entry in story.timeline],
        "summary": [_summary_sentence(sentence) for sentence in story.summary],
        "quotes": [quote_data(quote) for quote in story.quotes],
        "figures": [_series(series) for series in story.figures],
        "entities": [_entity(entity) for entity in story.entities],
        "rejected": [rejected_data(rejected) for rejected in story.rejected],
        "pending": list(story.pending),
        "notes": list(story.notes),
    }


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date else None


def _value(value: float | tuple[float, float]) -> int | float | list[int | float]:
    if isinstance(value, tuple):
        return [plain_number(value[0]), plain_number(value[1])]
    return plain_number(value)


def evidence_data(evidence: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    """Evidence as story.json holds it."""
    return [{"article": e.article, "start": e.start, "end": e.end, "quote": e.quote} for e in evidence]


def article_data(article: Article, duplicates: list[str], event: str | None) -> dict[str, Any]:
    """One article as story.json holds it."""
    return {
        "id": article.id,
        "event": event,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "path": article.path,
        "text": article.text,
        "published": _iso(article.published),
        "published_from": article.published_from,
        "published_confidence": article.published_confidence,
        "published_confidences": _confidences(article.published_confidences),
        "published_time": article.published_time,
        "duplicates": duplicates,
        "language": article.language,
        "note": article.note,
    }


def _confidences(confidences: DateConfidence | None) -> dict[str, float] | None:
    if confidences is None:
        return None
    return {"day": confidences.day, "month": confidences.month, "year": confidences.year}


def event_data(event: StoryEvent) -> dict[str, Any]:
    return {
        "id": event.id, "title": event.title, "first": _iso(event.first), "last": _iso(event.last),
        "articles": list(event.articles),
    }


def timeline_entry_data(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "date": entry.date.iso(),
        "text": entry.text,
        "support": entry.support,
        "planned": entry.planned,
        "evidence": evidence_data(entry.evidence),
        "conflict": date_conflict_data(entry.conflict) if entry.conflict else None,
    }


def date_conflict_data(conflict: DateConflict) -> dict[str, Any]:
    return {"dates": [date.iso() for date in conflict.dates], "evidence": evidence_data(conflict.evidence)}


def _summary_sentence(sentence: SummarySentence) -> dict[str, Any]:
    return {"text": sentence.text, "evidence": evidence_data(sentence.evidence)}


def quote_data(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "direct": quote.direct,
        "date": _iso(quote.date),
        "cue": quote.cue,
        "evidence": evidence_data(quote.evidence),
    }


def point_data(point: FigurePoint) -> dict[str, Any]:
    return {
        "value": _value(point.value),
        "qualifier": point.qualifier,
        "as_of": _iso(point.as_of),
        "evidence": evidence_data(point.evidence),
    }


def conflict_data(conflict: FigureConflict) -> dict[str, Any]:
    return {
        "period": conflict.period,
        "values": [_value(value) for value in conflict.values],
        "evidence": evidence_data(conflict.evidence),
    }


def _series(series: FigureSeries) -> dict[str, Any]:
    return {
        "what": series.what,
        "where": series.where,
        "unit": series.unit,
        "points": [point_data(point) for point in series.points],
        "conflicts": [conflict_data(conflict) for conflict in series.conflicts],
    }


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": dict(entity.mentions),
    }


def rejected_data(rejected: Rejected) -> dict[str, Any]:
    return {"path": rejected.path, "reason": rejected.reason, "stage": rejected.stage}
