"""How dates, numbers and provenance read to a person, shared by every human-facing format.

Month names are spelled here rather than taken from ``strftime`` so a report does not change with the
machine's locale: the same story renders to the same bytes everywhere.
"""

from __future__ import annotations

import math
from collections import Counter

from storyline.analyze.time import ANCHOR_CONFIDENCE, anchor_date
from storyline.model import Article, DateConflict, Evidence, PartialDate

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_PERCENT_UNITS = {"%", "percent", "per cent", "pct"}
_CURRENCY_SIGNS = {"$", "€", "£", "¥"}
_OPENING_QUOTES = {'"', "“", "‘", "'", "«", "„"}

LABEL_WORDS = 10
"""Words of an untitled article's lede that name it in citations: enough to recognise, short enough to
sit beside four other sources."""

MIN_LEDE_WORDS = 6


def human_date(date: PartialDate) -> str:
    """A date at exactly the precision it is known: "19 Dec 2018", "Dec 2018" or "2018"."""
    value = date.value
    if date.precision == "year":
        return f"{value.year}"
    if date.precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def conflict_sides(conflict: DateConflict) -> list[tuple[PartialDate, tuple[Evidence, ...]]]:
    """Each date of a date conflict with the evidence giving it, the agreed date first."""
    sides: dict[PartialDate, list[Evidence]] = {}
    for date, evidence in zip(conflict.dates, conflict.evidence, strict=True):
        sides.setdefault(date, []).append(evidence)
    return [(date, tuple(evidence)) for date, evidence in sides.items()]


def plain_number(number: float) -> int | float:
    """An integral float as an int, so 2000.0 is written "2000" in JSON and "2,000" to a reader."""
    if isinstance(number, float) and number.is_integer() and math.isfinite(number):
        return int(number)
    return number


def format_number(number: float) -> str:
    """Thousands separated, no spurious decimals: 170000.0 -> "170,000", 0.25 -> "0.25"."""
    number = plain_number(number)
    if isinstance(number, int):
        return f"{number:,}"
    return f"{number:,.6f}".rstrip("0").rstrip(".")


def compact_number(number: float) -> str:
    """A chart tick short enough for the axis: 250000 -> "250,000", 4500000000 -> "4.5B"."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if abs(number) >= size:
            return f"{format_number(round(number / size, 2))}{suffix}"
    return format_number(number)


def format_value(
    value: float | tuple[float, float], qualifier: str | None = None, unit: str | None = None
) -> str:
    """A figure as written for a reader: "about 2,000", "1,500–3,000", "60%", "more than 5,000 km"."""
    if isinstance(value, tuple) and qualifier == "between":
        number, qualifier = f"between {format_number(value[0])} and {format_number(value[1])}", None
    elif isinstance(value, tuple):
        number = f"{format_number(value[0])}–{format_number(value[1])}"
    else:
        number = format_number(value)
    if unit in _CURRENCY_SIGNS:
        number = f"{unit}{number}"
    elif unit and unit.strip().lower() in _PERCENT_UNITS:
        number += "%"
    elif unit:
        number += f" {unit}"
    return f"{qualifier} {number}" if qualifier else number


def quoted(text: str) -> str:
    """Direct speech in quotation marks, unless the quote as extracted already carries its own."""
    if text[:1] in _OPENING_QUOTES or text.startswith("``"):  # `` is how tokenized corpora open a quote
        return text
    return f"“{text}”"


INFERRED_DATE_NOTE = (
    "An inferred date’s confidence is the share of dates inferred from the same kind of evidence that were "
    "right at that precision (day, month or year), measured on 3,058 news articles (Timeline17); an inferred "
    f"date is shown at the finest precision of confidence {ANCHOR_CONFIDENCE} or more, and relative dates such "
    "as “Wednesday” resolve against it only that finely."
)
"""Said once above the sources whenever one of them is dated by inference, so "confidence 0.13" reads as
a measured chance, not a mood."""


def published_note(article: Article) -> str:
    """When an article appeared and how we know: metadata is stated plainly, an inference says so."""
    if article.published is None:
        return "date unknown"
    date = human_date(article.published)
    if article.published_from == "text":
        return _inferred_note(article)
    if article.published_from == "file":
        return f"{date}, from the file name"
    return date


def _inferred_note(article: Article) -> str:
    """An inferred date at the precision it is sure of, with the finer guess and its lower confidence after."""
    published, supported = article.published, anchor_date(article)
    if supported is None or supported == published or article.published_confidences is None:
        return f"{human_date(published)}, inferred from text (confidence {_share(article.published_confidence)})"
    sure = article.published_confidences.at(supported.precision)
    return (
        f"{human_date(supported)}, inferred from text (confidence {_share(sure)}; "
        f"{human_date(published)} at {_share(article.published_confidence)})"
    )


def _share(value: float) -> str:
    return format_number(round(value, 2))


def source_label(article: Article) -> str:
    """The name a reader knows an article by in a citation: its title, else its outlet and date, else
    what ``article_name`` finds."""
    if article.title:
        return article.title
    if article.source:
        return f"{article.source}, {human_date(article.published)}" if article.published else article.source
    return article_name(article)


def article_name(article: Article) -> str:
    """An article's title, else the opening words of its lede in quotation marks (a file name such as
    "002_d2a7998f1b8d5525.txt" tells a reader nothing), else its file name."""
    if article.title:
        return article.title
    opening = lede_opening(article.text)
    if opening:
        return f"“{opening}”"
    return article.path.replace("\\", "/").rsplit("/", 1)[-1]


def lede_opening(text: str, words: int = LABEL_WORDS) -> str | None:
    """The first ``words`` words of the article's first line that reads as prose, with "…" if cut.

    Lines printed twice are photo captions and lines of fewer than ``MIN_LEDE_WORDS`` words are bylines,
    datelines or reading times ("2 min read"); what is left first is the lede, which names the story.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    counts = Counter(lines)
    for line in lines:
        line_words = line.split()
        if counts[line] == 1 and len(line_words) >= MIN_LEDE_WORDS:
            return line if len(line_words) <= words else " ".join(line_words[:words]) + "…"
    return None
