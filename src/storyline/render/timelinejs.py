"""timelinejs.json: the timeline in Knight Lab's TimelineJS3 format, for an interactive newsroom embed.

TimelineJS shows a short headline above HTML text, so each event's headline is its sentence shortened at
a word boundary (marked with "…", never reworded) and the text holds the full sentence and its sources as
links. Dates carry only the parts that are known: an event known to the month has no day.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from storyline.model import Article, PartialDate, Story, TimelineEntry
from storyline.render.citations import check_evidence
from storyline.render.text import source_label

HEADLINE_LENGTH = 90


def render_timelinejs(story: Story) -> str:
    """timelinejs.json text for ``story``; raises StageError if any evidence does not quote its article."""
    check_evidence(story)
    articles = {article.id: article for article in story.articles}
    summary = "".join(f"<p>{escape(sentence.text)}</p>" for sentence in story.summary)
    count = len(story.articles)
    summary += f"<p>Built from {count} article{'s' if count != 1 else ''}.</p>"
    data = {
        "title": {"text": {"headline": escape(story.title), "text": summary}},
        "events": [_event(entry, articles) for entry in story.timeline],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def start_date(date: PartialDate) -> dict[str, str]:
    """TimelineJS date parts, only those known: {"year": "2018", "month": "12", "day": "19"}."""
    parts = {"year": str(date.value.year)}
    if date.precision in ("month", "day"):
        parts["month"] = str(date.value.month)
    if date.precision == "day":
        parts["day"] = str(date.value.day)
    return parts


def shorten(text: str, limit: int = HEADLINE_LENGTH) -> str:
    """``text`` cut at the last word boundary before ``limit`` characters, with "…" when cut.

    >>> shorten("The U.S. intervention in Iraq began in 2003.", 20)
    'The U.S. intervention…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def _source_link(article: Article) -> str:
    label = escape(source_label(article))
    if article.url and article.url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(article.url)}">{label}</a>'
    return f"<cite>{label}</cite>"


def _event(entry: TimelineEntry, articles: dict[str, Article]) -> dict[str, Any]:
    cited = list(dict.fromkeys(evidence.article for evidence in entry.evidence))
    sources = ", ".join(_source_link(articles[article_id]) for article_id in cited)
    notes = ["Planned."] if entry.planned else []
    notes.append(f"{entry.support} source{'s' if entry.support != 1 else ''}: {sources}" if sources else "")
    text = f"<p>{escape(entry.text)}</p>" + "".join(f"<p>{note}</p>" for note in notes if note)
    return {
        "start_date": start_date(entry.date),
        "text": {"headline": escape(shorten(entry.text)), "text": text},
    }
