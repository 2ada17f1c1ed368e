"""The typed records every stage reads and writes.

Every annotation points into an article's stored text through a ``Span``; evidence is derived from spans,
so a quote shown to a reader can never drift from its source. Dates are ``PartialDate`` (a date plus how
much of it is known), never bare strings, so "in 2014" stays a year and is not mistaken for 2014-01-01.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

Precision = Literal["day", "month", "year"]
DateSource = Literal["metadata", "text", "file"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to day, month or year precision.

    ``value`` is the first day of the period: PartialDate(date(2014, 1, 1), "year") means "2014".

    >>> PartialDate.parse("2018-12").iso()
    '2018-12'
    """

    value: dt.date
    precision: Precision = "day"

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError on anything else."""
        parts = text.strip().split("-")
        if len(parts) == 1 and len(parts[0]) == 4:
            return cls(dt.date(int(parts[0]), 1, 1), "year")
        if len(parts) == 2 and len(parts[0]) == 4:
            return cls(dt.date(int(parts[0]), int(parts[1]), 1), "month")
        if len(parts) == 3 and len(parts[0]) == 4:
            return cls(dt.date(int(parts[0]), int(parts[1]), int(parts[2])), "day")
        raise ValueError(f"not an ISO date of year, month or day precision: {text!r}")

    def truncate(self, precision: Precision) -> PartialDate:
        """The same date at a coarser precision (never finer than it is known)."""
        if _PRECISION_RANK[precision] >= _PRECISION_RANK[self.precision]:
            return self
        if precision == "year":
            return PartialDate(dt.date(self.value.year, 1, 1), "year")
        return PartialDate(dt.date(self.value.year, self.value.month, 1), "month")

    def contains(self, other: PartialDate) -> bool:
        """True when ``other`` falls inside this period (2018 contains 2018-12-19)."""
        if _PRECISION_RANK[other.precision] < _PRECISION_RANK[self.precision]:
            return False
        return other.truncate(self.precision) == self


@dataclass(frozen=True, slots=True)
class DateConfidence:
    """How sure an inferred date is at each precision: the chance that its year, its month and its day are
    right. An article dated "Wednesday 2018-12-19" on a weekday alone is rarely right to the day (0.13) but
    usually right to the month or the year; readers and relative expressions use the finest precision that
    is sure enough, instead of a day that is not or nothing at all.

    >>> DateConfidence(day=0.13, month=0.43, year=0.98).supported(PartialDate.parse("2018-12-19"), 0.4).iso()
    '2018-12'
    """

    day: float = 0.0
    month: float = 0.0
    year: float = 0.0

    def at(self, precision: Precision) -> float:
        return {"day": self.day, "month": self.month, "year": self.year}[precision]

    def supported(self, date: PartialDate, threshold: float) -> PartialDate | None:
        """``date`` at the finest precision (no finer than its own) whose confidence reaches ``threshold``."""
        for precision in ("day", "month", "year"):
            if _PRECISION_RANK[precision] <= _PRECISION_RANK[date.precision] and self.at(precision) >= threshold:
                return date.truncate(precision)
        return None


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Character offsets ``[start, end)`` into one article's stored text."""

    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a reader sees as the source of an output item: exactly ``text[start:end]`` of the article."""

    article: str
    start: int
    end: int
    quote: str

    @classmethod
    def of(cls, span: Span, text: str) -> Evidence:
        return cls(span.article_id, span.start, span.end, text[span.start : span.end])


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as stored. ``text`` is never cleaned in place: every offset indexes it.

    ``published`` comes from metadata (``published_from="metadata"``) at ingest, from the file name
    (``"file"``), or later from the dater (``"text"``) with its confidence.
    """

    id: str
    text: str
    path: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    published_from: DateSource | None = None
    published_confidence: float = 0.0
    published_confidences: DateConfidence | None = None
    """Per precision, for an inferred date (``published_confidence`` is the one at its own precision)."""
    published_time: str | None = None
    """The publication time as the input declares it (ISO 8601 with its UTC offset when given): the day in
    ``published`` is the day where it was written, which this lets a reader check."""
    content_hash: str = ""
    title_span: Span | None = None
    language: str | None = None
    """ISO 639-1 code of the text's language (``None`` when too short to tell)."""
    note: str | None = None
    """How the text was had when not from the input itself (a feed entry's own text when its page could not
    be fetched), so a reader knows what the evidence is."""

    @property
    def outlet(self) -> str | None:
        """Who published it: the outlet named in its metadata, else its web address's host ("reuters.com")."""
        return self.source or outlet_of_url(self.url)


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, kept with the reason so nothing is lost silently."""

    path: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as written in the text; ``label`` is spaCy's entity label (PERSON, ORG, GPE…)."""

    span: Span
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A TIMEX3 time expression: ``value`` is the TimeML value ("2018-12-19", "2018-W50", "P60D",
    "XXXX-WXX-1", "PRESENT_REF"); ``date`` is the calendar period when the value names one.

    ``anchored`` is True when the value was computed from the article's date rather than read from the
    text alone, so it inherits that date's uncertainty.
    """

    span: Span
    text: str
    type: TimexType
    value: str
    date: PartialDate | None = None
    anchored: bool = False
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """A document's publication date as inferred, with how sure and why (``cues`` are short readable notes)."""

    date: PartialDate | None
    source: DateSource | None
    confidence: float
    cues: tuple[str, ...] = ()
    confidences: DateConfidence | None = None
    """Per precision, for a date inferred from text; ``confidence`` is the one at the date's own precision."""


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what. ``speaker`` is the fullest name found in the article, or the source as written
    ("a senior U.S. defense official") when no name resolves it; ``None`` only if no source is stated.
    ``cue_lemma`` is the cue verb's lemma ("say", "warn", "back"), so a briefing can tell statements from
    stances and beliefs.
    """

    content: Span
    direct: bool
    speaker: str | None = None
    source: Span | None = None
    cue: Span | None = None
    date: PartialDate | None = None
    cue_lemma: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that counts or measures something: "about 2,000 troops in Syria".

    ``value`` is a number, or (low, high) for a range; ``what`` is the thing counted ("troops"), ``where``
    the place if one is stated; ``as_of`` is the sentence's date, else the article's. ``owner`` is whose
    troops, fighters or attacks they are ("U.S.", "IS") as written, so "U.S. troops in Iraq" and "Iraqi
    troops in Iraq" are not one series. ``event`` is what happened to those counted when it defines the
    count ("killed", "evacuated", "missing"): two soldiers killed are not a troop level.
    """

    span: Span
    sentence: Span
    value: float | tuple[float, float]
    what: str
    qualifier: str | None = None
    where: str | None = None
    as_of: PartialDate | None = None
    unit: str | None = None
    owner: str | None = None
    event: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the analysis stages found in one article. ``vectors`` are its weighted words and names by
    group ("words", "people", …), what clustering compares."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    figures: tuple[Figure, ...] = ()
    vectors: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DateConflict:
    """Sources that give one happening different dates: ``dates[i]`` is the date ``evidence[i]`` gives it.
    The first dates are the agreed one, which the entry shows; the others disagree with it."""

    dates: tuple[PartialDate, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated happening. ``date`` is the one its surest sources agree on; ``conflict`` lists the sources
    that date the same happening otherwise, when any do."""

    date: PartialDate
    text: str
    evidence: tuple[Evidence, ...]
    support: int
    planned: bool = False
    conflict: DateConflict | None = None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    speaker: str | None
    text: str
    direct: bool
    evidence: tuple[Evidence, ...]
    date: PartialDate | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class FigurePoint:
    value: float | tuple[float, float]
    qualifier: str | None
    as_of: PartialDate | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """Points of one series and period whose values disagree beyond what their qualifiers allow."""

    period: str
    values: tuple[float | tuple[float, float], ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class FigureSeries:
    what: str
    where: str | None
    points: tuple[FigurePoint, ...]
    conflicts: tuple[FigureConflict, ...] = ()
    unit: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input whose text repeats an article already read (exact copy or syndicated near-copy)."""

    path: str
    of: str
    similarity: float


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """One happening several articles report (an incident, an announcement, a hearing), as a story shows it:
    ``articles`` are the ids of the story's articles that report it, in publication order."""

    id: str
    title: str
    first: PartialDate | None
    last: PartialDate | None
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """The briefing: what ``render`` turns into JSON, HTML, Markdown and TimelineJS.

    ``id`` names the story in a library (``None`` for a pile built outside one); ``events`` are the
    happenings its articles report; ``pending`` says which parts of a large story were left for later
    rather than rebuilt with its newest articles (empty when everything is current).
    """

    title: str
    articles: tuple[Article, ...]
    timeline: tuple[TimelineEntry, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[FigureSeries, ...] = ()
    entities: tuple[Entity, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    generated_at: str = ""
    id: str | None = None
    events: tuple[StoryEvent, ...] = ()
    pending: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    """What the briefing leaves out and why (articles in a language its analysis does not read)."""


def outlet_of_url(url: str | None) -> str | None:
    """The host of a web address without "www." ("https://www.bbc.co.uk/news/1" -> "bbc.co.uk")."""
    if not url or "://" not in url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
