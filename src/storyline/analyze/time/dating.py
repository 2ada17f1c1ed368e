"""When was an article published? Metadata when it is believable, else the article's own text, else its
collection.

The text speaks of its own date in many small ways: a dateline ("BAGHDAD, Feb. 5 (Reuters) -"), dates of
recent events ("said on December 11"), weekdays ("said Wednesday"), a date paired with "last week" or
"yesterday", and years ("claimed in 2023" while "this year" is still running). Each cue votes for candidate
days; the best-supported day wins, with a precision no finer than the cues allow. In a collection, an
article whose text says too little borrows the date of the sibling articles that tell the same story,
adjusted to its own weekdays ("announced Monday").

The confidence returned is calibrated: the share of estimates resting on the same kind of evidence that
name the right date (a dateline 0.99, a day named with its weekday in the opening lines 0.82, further down
0.39, a weekday alone 0.07-0.13), so a reader can take 0.82 as "four chances in five".

>>> date_article("BAGHDAD, Feb. 5, 2018 (Reuters) - U.S. troops began to leave.").date.iso()
'2018-02-05'
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from storyline.analyze.time.expressions import find_time_expressions
from storyline.analyze.time.lexicon import WEEKDAYS
from storyline.analyze.time.normalize import clause_tense, speaks_of_future
from storyline.model import DateConfidence, DateEstimate, PartialDate, TimeExpression

__all__ = ["ANCHOR_CONFIDENCE", "anchoring_date", "date_article", "date_collection", "plausible_metadata"]

# Relative expressions ("Friday", "yesterday") resolve against an inferred date only from this confidence
# up, where the dates they resolve to are more often right than wrong. On Timeline17, resolving each
# article's expressions against its estimate and against its true date (measured before the kinds of evidence
# were split by where the weekday is named): datelines and a day named with its weekday resolve 69-99% of them
# rightly; the day before and the weekday, a finished year 54%; a weekday on a sibling's stated day, a named
# day alone 50%, a coin flip; a weekday alone 34%. Below it "Friday" stays "XXXX-WXX-5", not the wrong day.
ANCHOR_CONFIDENCE = 0.4

EPOCH = dt.date(1970, 1, 1)
# How far back and ahead of a recent event an article may be published, and how much each distance counts.
_DISTANCE_WEIGHTS = ((0, 1.0), (1, 0.8), (3, 0.5), (7, 0.35), (31, 0.1))
_CANDIDATE_SPAN = 13
_PAIR_DISTANCE = 450
_DATELINE_LINES = 8
_CLOCK_AFTER = re.compile(
    r"\s*(?:[:|,-]\s*)?(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|GMT|UTC|ET|EST|EDT)?|\(|-LRB-|--|—|-\s|\|)", re.I
)
_DATELINE_LINE_NOISE = re.compile(
    r"(?i)\b(?:published|updated|last updated|posted|on|at|by|page|gmt|bst|utc|et|est|edt|am|pm|min read|read)\b"
    r"|\d{1,2}[:.]\d\d|[|:,\-–—]"
)
# In a collection: the story's span reaches this far beyond its confidently dated articles; a date many
# articles recall (the explosion on April 20) is a landmark and counts for less as a sign of recency.
_SPAN_MARGIN = dt.timedelta(days=21)
_CONFIDENT = 0.5
_DATELINE_CONFIDENCE = 0.8
_FULL_DATELINE = 0.9  # a dateline that states its year
_LANDMARK_MIN_ARTICLES = 5
_LANDMARK_SHARE = 0.05
_LANDMARK_WEIGHT = 0.25
# The opening: the first lines of 40 characters or more (a byline or "2 min read" is not one of them).
_OPENING_LINES = 3
_PROSE_LINE = re.compile(r"[^\n]*\S[^\n]{38,}")
_BOILERPLATE_REPEATS = 3  # the same date in the same words in this many articles is page furniture
# Siblings: how many lend their date, how alike they must be, how sure of their own date, how far and how
# strongly their date pulls the article's.
_NEIGHBOURS = 5
_MIN_SIMILARITY = 0.05
_DONOR = 0.5
_PRIOR_REACH = 4
_PRIOR_WEIGHT = 2.5
_PRIOR_KERNEL = {0: 1.0, 1: 0.8, 2: 0.5, 3: 0.35, 4: 0.2}
# An article whose own weekday ("announced Monday") falls exactly on the stated date of a sibling telling the
# same story has two independent cues that agree.
_AGREEING_SIMILARITY = 0.15
# The confidence a reader is shown: how often an estimate resting on this kind of evidence names the right
# day, month and year, as measured on the Timeline17 development collections (right/estimates there,
# smoothed as (right + 1) / (estimates + 2); counts are day/month/year of n). The confidence at the
# estimate's own precision is the one shown beside it; the coarser ones say whether its month or year can be
# used when its day cannot (a weekday alone is rarely the right day, but usually the right month in a
# collection). The year and month guesses, rare in Timeline17, pool their own-precision counts with
# TempEval-3's. The thresholds above (_CONFIDENT, _DONOR, _DATELINE_CONFIDENCE, _FULL_DATELINE) compare the
# dater's own strengths (a dateline 0.9, dated cues 0.35 + 0.15 per point of score), which choose the dates;
# these shares only say how far to trust the choice.
Shares = tuple[float, float, float]
"""Right shares at day, month and year precision."""
_RIGHT_SHARE: dict[str, Shares] = {
    "metadata": (0.95, 0.95, 0.95),  # a stated date, trusted; not measured (the benchmarks carry none)
    "dateline": (0.99, 0.99, 0.99),  # 705/709/709 of 713
    "dateline without year": (0.85, 0.92, 0.99),  # 71/77/83 of 83
    # the text names the day ("on June 1") and its weekday, in its opening lines or further down
    "day and its weekday in the opening": (0.82, 0.95, 0.99),  # 171/197/207 of 207
    "day and its weekday": (0.39, 0.84, 0.98),  # 46/100/117 of 118
    "day before and the weekday in the opening": (0.57, 0.76, 0.97),  # 20/27/35 of 35
    "day before and the weekday": (0.30, 0.65, 0.95),  # 12/27/40 of 41
    "weekday on a sibling's stated day in the opening": (0.47, 0.77, 0.98),  # 19/32/41 of 41
    "weekday on a sibling's stated day": (0.22, 0.61, 0.96),  # 4/13/21 of 21
    "day or day before": (0.28, 0.71, 0.97),  # 88/221/304 of 311: a named date, no weekday to confirm it
    "weekday in the opening": (0.13, 0.43, 0.98),  # 54/185/426 of 432: the week is left to the other cues
    "weekday": (0.07, 0.40, 0.95),  # 33/199/473 of 498
    "siblings or earlier days": (0.05, 0.34, 0.95),  # 24/174/483 of 507: neither the day nor its weekday
    "collection's middle month": (0.0, 0.24, 0.97),  # -/8/35 of 35
    "month of recent dates": (0.0, 0.17, 0.60),  # month 1/10 (1/3 Timeline17, 0/7 TempEval-3), year 2/3
    "year after a finished year": (0.0, 0.0, 0.4),  # 3/8 (1/2, 2/6)
    "latest year": (0.0, 0.0, 0.11),  # 7/68 (1/11, 6/57)
    "none": (0.0, 0.0, 0.0),
}
_RIGHT_SHARE_ALONE: dict[str, Shares] = {
    # The same kinds when an article is dated by its own text only (``date_article``, as a library dates an
    # article entering a mixed stream): no story span bounds the year, so the coarse precisions are less sure.
    # Counts are Timeline17's and TempEval-3's (TBAQ) pooled, in brackets.
    "metadata": (0.95, 0.95, 0.95),
    "dateline": (0.99, 0.99, 0.99),  # 705/709/709 of 713
    "dateline without year": (0.10, 0.10, 0.20),  # 0/0/1 of 8: its year is a guess
    "day and its weekday in the opening": (0.85, 0.91, 0.94),  # 147/159/164 of 173
    "day and its weekday": (0.37, 0.77, 0.87),  # 33/69/78 of 89
    "day before and the weekday in the opening": (0.35, 0.42, 0.69),  # 8/10/17 of 24 (8/10/17 of 23, 0/0/0 of 1)
    "day before and the weekday": (0.17, 0.46, 0.75),  # 3/10/17 of 22
    "weekday on a sibling's stated day in the opening": (0.0, 0.0, 0.0),  # no siblings alone
    "weekday on a sibling's stated day": (0.0, 0.0, 0.0),
    "day or day before": (0.25, 0.65, 0.79),  # 38/102/125 of 157 (38/101/123 of 152, 0/1/2 of 5)
    "weekday in the opening": (0.12, 0.24, 0.48),  # 3/7/15 of 31 (3/7/15 of 28, 0/0/0 of 3)
    "weekday": (0.06, 0.20, 0.33),  # 2/10/17 of 52
    "siblings or earlier days": (0.0, 0.0, 0.0),
    "collection's middle month": (0.0, 0.0, 0.0),
    "month of recent dates": (0.0, 0.54, 0.64),  # -/63/75 of 117 (-/63/75 of 110, -/0/0 of 7)
    "year after a finished year": (0.0, 0.0, 0.39),  # 16/42 (14/36, 2/6)
    "latest year": (0.0, 0.0, 0.19),  # 125/655 (119/598, 6/57)
    "none": (0.0, 0.0, 0.0),
}
_WEEKDAY_NAME = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_CALENDAR_CYCLE = 11  # within this many years every date falls on every weekday at least once
_BIRTH = re.compile(r"(?i)\b(?:born|died|founded|established)\b(?:\s+(?:on|in))?\s*$")
_NAMES_AN_EVENT = re.compile(r"\b(?:the|of)\s+$")
_SEPTEMBER_ELEVENTH = re.compile(r"(?i)^(?:sept?\.?|september)\s+11(?:th)?$")
"""Without a year, "September 11" in news names the 2001 attacks ("just as happened before September
11th"), not a day of the story: it is not a dating cue."""
_EVENT_NOUN = re.compile(r"\s+(?!(?:and|or|to|in|at|on|by|for|of|when|as|after|before|until|the|a|an)\b)[a-z]{3,}\b")
# "the next day", "earlier that day" restate a day the text already named: counted again, they would
# outweigh the story's other dates.
_RESTATED_DAY = re.compile(r"(?i)\b(?:that|same|next|following|previous|preceding)\s(?:day|morning|afternoon|evening|night)$")
_YEAR_WORDS = re.compile(r"(?i)\b(?:this|earlier this|later this|so far this) year\b")
_BARE_YEAR_PAST = re.compile(r"(?i)\b(?:in|since|during|throughout|by the end of|until)\s+(\d{4})\b(?!\s*,?\s*\d)")


DayRange = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class Prior:
    """The date the collection suggests for an article: its most similar dated siblings' (``strength`` 0–1)."""

    day: dt.date
    strength: float
    note: str
    stated: bool = False
    """True when the sibling lending ``day`` is itself dated as surely as by a dateline."""


@dataclass(frozen=True, slots=True)
class _Scored:
    """The best-supported day, its score, and which of the text's own cues name it."""

    day: dt.date
    score: float
    notes: tuple[str, ...]
    names_day: bool  # a date the text mentions is this day
    names_day_before: bool
    names_weekday: bool
    weekday_opens: bool  # the day's weekday is named in the article's opening, where the news is told


@dataclass(slots=True)
class _Cues:
    """What one article's text says about its own date (before choosing)."""

    dateline: tuple[dt.date, str] | None = None
    dateline_without_year: tuple[int, int, str] | None = None
    days: list[tuple[dt.date, str, bool]] = field(default_factory=list)  # (day, text, future)
    partial_days: list[tuple[int, int, str, bool]] = field(default_factory=list)  # (month, day, text, future)
    weekdays: list[tuple[int, str]] = field(default_factory=list)
    opening_weekdays: set[int] = field(default_factory=set)  # weekdays named in the opening lines
    weekday_dates: list[tuple[int, int, int, str]] = field(default_factory=list)  # "Monday, Oct. 26": month, day, weekday
    months: list[tuple[int, int, str]] = field(default_factory=list)
    years: list[tuple[int, str, bool]] = field(default_factory=list)
    last_week_days: list[tuple[dt.date | tuple[int, int], str]] = field(default_factory=list)
    yesterday_days: list[tuple[dt.date | tuple[int, int], str]] = field(default_factory=list)
    today_days: list[tuple[dt.date | tuple[int, int], str]] = field(default_factory=list)
    says_this_year: bool = False
    past_bare_years: set[int] = field(default_factory=set)
    told_in_past: list[dt.date] = field(default_factory=list)  # starts of months a past-tense verb governs
    contexts: set[str] = field(default_factory=set)  # the words around each dated mention

    @property
    def latest_past_year(self) -> int | None:
        """The article was written in or after the latest year it speaks of in the past tense ("in July
        2023", "claimed in 2023"); full dates are left out, as sidebars and page furniture carry them."""
        years = [year for year, _, _ in self.months]
        years += self.past_bare_years
        return max(years, default=None)

    @property
    def written_after(self) -> dt.date | None:
        """The start of the latest month a past-tense verb governs ("were invited in July 1997"):
        the article cannot be older, whatever older full dates it recalls ("On April 4, 1949, ... signed")."""
        return max(self.told_in_past, default=None)


def plausible_metadata(date: PartialDate | None, today: dt.date) -> str | None:
    """Why a metadata date cannot be the publication date (None when it can)."""
    if date is None:
        return "no metadata date"
    if date.value == EPOCH:
        return f"metadata date {date.iso()} is the Unix epoch, a placeholder"
    if date.value > today + dt.timedelta(days=1):
        return f"metadata date {date.iso()} is in the future"
    if date.value.year < 1800:
        return f"metadata date {date.iso()} is implausibly old"
    return None


def date_article(
    text: str, metadata_date: PartialDate | None = None, *, today: dt.date | None = None
) -> DateEstimate:
    """The article's publication date: the metadata's unless implausible, else what the text says.

    Returns ``DateEstimate(None, None, 0.0, cues)`` when nothing in the text dates it.
    """
    today = today or dt.date.today()
    problem = plausible_metadata(metadata_date, today)
    if problem is None:
        return DateEstimate(metadata_date, "metadata", 0.95, (f"metadata date {metadata_date.iso()}",))
    estimate = _calibrated(*_estimate(_read_cues(text if isinstance(text, str) else ""), today), _RIGHT_SHARE_ALONE)
    if metadata_date is not None:
        return replace(estimate, cues=(problem, *estimate.cues))
    return estimate


def anchoring_date(estimate: DateEstimate) -> PartialDate | None:
    """The estimate's date at the finest precision sure enough for relative expressions to resolve against
    (``ANCHOR_CONFIDENCE``), or ``None``: an article sure of its month but not its day resolves "Wednesday"
    to that month, not to a day that is more often wrong than right."""
    if estimate.date is None:
        return None
    if estimate.confidences is not None:
        return estimate.confidences.supported(estimate.date, ANCHOR_CONFIDENCE)
    return estimate.date if estimate.confidence >= ANCHOR_CONFIDENCE else None


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _is_dateline(text: str, timex: TimeExpression) -> bool:
    """A date that dates the article itself: near the top, alone on its line, or followed by a clock time
    or an agency ("February 2 , 2011 : 2:24 PM ET", "BAGHDAD, Feb. 5 (Reuters) -")."""
    start, end = _line_bounds(text, timex.span.start)
    if text.count("\n", 0, start) >= _DATELINE_LINES or timex.span.start > 1500:
        return False
    rest_of_line = text[start : timex.span.start] + " " + text[timex.span.end : end]
    words = _DATELINE_LINE_NOISE.sub(" ", rest_of_line).split()
    if len(words) <= 4:
        return True
    before = text[max(start, timex.span.start - 40) : timex.span.start]
    if re.search(r"(?i)\b(?:on|in|since|from|until|by|of)\s*$", before):
        return False
    return bool(_CLOCK_AFTER.match(text, timex.span.end)) and (
        timex.span.start - start < 120 or re.search(r"[A-Z]{3,}[^a-z]{0,20}$", before) is not None
    )


def _opening_end(text: str) -> int:
    """Where the article's opening ends: its first three lines of prose (a headline, a caption, the lede),
    where a news report names the day of its news ("officials told the Associated Press Monday")."""
    end = 0
    for _ in range(_OPENING_LINES):
        match = _PROSE_LINE.search(text, end)
        if match is None:
            return len(text)
        end = match.end()
    return end


def _near(items: list[TimeExpression], position: int) -> list[TimeExpression]:
    return [item for item in items if abs(item.span.start - position) <= _PAIR_DISTANCE]


def _day_key(timex: TimeExpression) -> dt.date | tuple[int, int] | None:
    if timex.date is not None and timex.date.precision == "day":
        return timex.date.value
    match = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", timex.value)
    return (int(match.group(1)), int(match.group(2))) if match else None


def _context(text: str, timex: TimeExpression) -> str:
    return " ".join(text[max(0, timex.span.start - 30) : timex.span.end + 30].split())


def _read_cues(text: str, boilerplate: frozenset[str] = frozenset()) -> _Cues:
    """Every dating cue in the text; ``boilerplate`` lists contexts of dates to skip (repeated sidebars)."""
    cues = _Cues(says_this_year=bool(_YEAR_WORDS.search(text)))
    timexes = [timex for timex in find_time_expressions(text, None) if not _RESTATED_DAY.search(timex.text)]
    day_mentions: list[TimeExpression] = []
    opening_end = _opening_end(text)
    for timex in timexes:
        key = _day_key(timex)
        if key is not None or (timex.date is not None and timex.date.precision != "year"):
            context = _context(text, timex)
            cues.contexts.add(context)
            if context in boilerplate or _BIRTH.search(text, max(0, timex.span.start - 16), timex.span.start):
                continue
            if _NAMES_AN_EVENT.search(text, max(0, timex.span.start - 5), timex.span.start) and _EVENT_NOUN.match(
                text, timex.span.end
            ):
                continue  # "the April 20 explosion", "the 11 September 2001 attacks": an event named by its date
            if _SEPTEMBER_ELEVENTH.match(timex.text) and not _is_dateline(text, timex):
                continue

        tense = clause_tense(text, timex.span.start)
        future = tense == "future"
        if tense == "past" and timex.date is not None and timex.date.precision == "month" and timex.type == "DATE":
            cues.told_in_past.append(timex.date.value)
        if key is not None:
            day_mentions.append(timex)
            if isinstance(key, dt.date):
                if cues.dateline is None and _is_dateline(text, timex):
                    cues.dateline = (key, timex.text)
                cues.days.append((key, timex.text, future))
                named = _WEEKDAY_NAME.search(timex.text)
                if named and WEEKDAYS[named.group().lower()] == key.isoweekday():
                    cues.weekdays.append((key.isoweekday(), named.group()))  # "Tuesday, January 25, 2011"
                    if timex.span.start < opening_end:
                        cues.opening_weekdays.add(key.isoweekday())
            else:
                if cues.dateline is None and cues.dateline_without_year is None and _is_dateline(text, timex):
                    cues.dateline_without_year = (key[0], key[1], timex.text)
                cues.partial_days.append((key[0], key[1], timex.text, future))
                named = _WEEKDAY_NAME.search(timex.text)
                if named:
                    cues.weekday_dates.append((key[0], key[1], WEEKDAYS[named.group().lower()], timex.text))
        elif re.fullmatch(r"XXXX-WXX-[1-7]", timex.value) and not future:
            cues.weekdays.append((int(timex.value[-1]), timex.text))
            if timex.span.start < opening_end:
                cues.opening_weekdays.add(int(timex.value[-1]))
        elif timex.date is not None and timex.date.precision == "month" and not future:
            cues.months.append((timex.date.value.year, timex.date.value.month, timex.text))
        elif timex.date is not None and timex.date.precision == "year" and timex.type == "DATE":
            cues.years.append((timex.date.value.year, timex.text, future))
    for timex in timexes:
        word = timex.text.lower()
        pairs = [(_day_key(day), day.text) for day in _near(day_mentions, timex.span.start)]
        if word.endswith("last week"):
            cues.last_week_days.extend(pairs)
        elif word == "yesterday":
            cues.yesterday_days.extend(pairs)
        elif word in ("today", "tonight"):
            cues.today_days.extend(pairs)
    for match in _BARE_YEAR_PAST.finditer(text):
        if not speaks_of_future(text, match.start()):
            cues.past_bare_years.add(int(match.group(1)))
    return cues


def _reference_year(cues: _Cues, hint: int | None, today: dt.date) -> int | None:
    """The year that dates written without one ("December 11") most likely belong to: the latest year of
    the recent dates the text gives, moved forward to the first year its weekday-dates fit ("Sunday
    11 April" beside "in April 2008" is 2010)."""
    if cues.dateline is not None:
        return cues.dateline[0].year
    recent = [day.year for day, _, future in cues.days if not future]
    recent += [year for year, _, _ in cues.months]
    year = max(recent) if recent else hint
    if year is None:
        return None
    return _weekday_year(cues, year, today.year) or year


def _weekday_year(cues: _Cues, floor: int, ceiling: int) -> int | None:
    """The first year from ``floor`` in which every date written with its weekday falls on that weekday.

    A date falls on the same weekday again only after 5, 6 or 11 years, so a text that dates recent
    events and writes "Sunday 11 April" pins its year; None when there is no such date or no year fits.
    (Searched from the recent dates' year only: from a bare historic year, "in 1953", the first fitting
    year is as likely wrong as right.)
    """
    if not cues.weekday_dates:
        return None
    for year in range(floor, min(ceiling, floor + _CALENDAR_CYCLE) + 1):
        if all(_falls_on(year, month, day, weekday) for month, day, weekday, _ in cues.weekday_dates):
            return year
    return None


def _falls_on(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return dt.date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


def _complete(key: dt.date | tuple[int, int], year: int | None, span: DayRange | None = None) -> dt.date | None:
    """A day written without its year ("December 11"): in the given year, or in the story's span."""
    if isinstance(key, dt.date):
        return key
    if span is not None and year is not None:
        try:
            own = dt.date(year, key[0], key[1])
        except ValueError:
            return None
        if _inside(own, span):
            return own  # the article's own year, when the story's span allows it
    years = [year] if span is None else [span[0].year, span[1].year, *([year] if year else [])]
    placed = []
    for candidate_year in dict.fromkeys(y for y in years if y is not None):
        try:
            day = dt.date(candidate_year, key[0], key[1])
        except ValueError:
            continue
        if _inside(day, span):
            placed.append(day)
    if not placed:
        return None
    if span is None:
        return placed[0]
    middle = _middle(span)
    return min(placed, key=lambda day: abs((day - middle).days))


def _same_week(one: dt.date, other: dt.date) -> bool:
    return one.isocalendar()[:2] == other.isocalendar()[:2]


def _distance_weight(days: int) -> float:
    if days < -1:
        return -0.5
    if days < 0:
        return -0.1
    for limit, weight in _DISTANCE_WEIGHTS:
        if days <= limit:
            return weight
    return 0.0


def _mentioned_days(cues: _Cues, year: int | None, today: dt.date, span: DayRange | None) -> list[tuple[dt.date, str]]:
    """The past days the text mentions, with the year filled in where it was left out."""
    mentioned: list[tuple[dt.date, str]] = [(day, label) for day, label, future in cues.days if not future]
    mentioned += [
        (day, label) for month, number, label, future in cues.partial_days
        if not future and (day := _complete((month, number), year, span)) is not None
    ]
    return [(day, label) for day, label in mentioned if day <= today and _inside(day, span)]


def _score_days(
    cues: _Cues, year: int | None, today: dt.date, span: DayRange | None = None, prior: Prior | None = None,
    landmarks: frozenset[dt.date] = frozenset(),
) -> _Scored | None:
    """The best-supported publication day among the days just after the dates the text mentions.

    With a ``span`` (the collection's story span), dates outside it are background, not candidates; a
    ``prior`` (the siblings' date) adds its days as candidates and votes for the days nearest it.
    ``landmarks`` are days many articles of the collection recall (the explosion on April 20): recalling
    one says little about when an article was written, so it counts for less.
    """
    mentioned = _mentioned_days(cues, year, today, span)
    if not mentioned and prior is None:
        return None
    candidates = {day + dt.timedelta(days=offset) for day, _ in mentioned for offset in range(_CANDIDATE_SPAN + 1)}
    if prior is not None:
        candidates |= {prior.day + dt.timedelta(days=offset) for offset in range(-_PRIOR_REACH, _PRIOR_REACH + 1)}
    pairs = {
        "last week": [(_complete(key, year, span), label) for key, label in cues.last_week_days],
        "yesterday": [(_complete(key, year, span), label) for key, label in cues.yesterday_days],
        "today": [(_complete(key, year, span), label) for key, label in cues.today_days],
    }
    best: _Scored | None = None
    for candidate in sorted(candidates):
        if candidate > today or not _inside(candidate, span) or _before(candidate, cues.written_after):
            continue
        score, notes, gaps = 0.0, [], set()
        for day, label in mentioned:
            weight = _distance_weight((candidate - day).days)
            if day in landmarks and weight > 0:
                weight *= _LANDMARK_WEIGHT
            score += weight
            if weight >= 0.35:
                notes.append(f"date '{label}'")
                gaps.add((candidate - day).days)
        for weekday, label in cues.weekdays:
            gap = (candidate.isoweekday() - weekday) % 7
            if gap <= 1:
                score += 0.6 if gap == 0 else 0.3
                notes.append(f"weekday '{label}'")
        for kind, days in pairs.items():
            for day, label in days:
                if day is None:
                    continue
                if kind == "last week" and _same_week(candidate, day + dt.timedelta(days=7)):
                    score += 1.0
                    notes.append(f"'{label}' … last week")
                elif kind == "yesterday" and candidate == day + dt.timedelta(days=1):
                    score += 1.5
                    notes.append(f"'{label}' … yesterday")
                elif kind == "today" and candidate == day:
                    score += 1.5
                    notes.append(f"'{label}' … today")
        if prior is not None:
            closeness = _PRIOR_KERNEL.get(abs((candidate - prior.day).days), 0.0)
            score += _PRIOR_WEIGHT * prior.strength * closeness
            if closeness >= 0.5:
                notes.append(prior.note)
        if best is None or score > best.score + 1e-9:
            names_weekday = any(weekday == candidate.isoweekday() for weekday, _ in cues.weekdays)
            opens = candidate.isoweekday() in cues.opening_weekdays
            best = _Scored(candidate, score, tuple(dict.fromkeys(notes)), 0 in gaps, 1 in gaps, names_weekday, opens)
    return best


def _weekday_agrees_with_sibling(cues: _Cues, day: dt.date, prior: Prior) -> bool:
    """The article names the weekday of the very day a closely similar sibling states as its date
    ("announced Monday" beside a sibling datelined Monday, 5 February 2018): two independent cues agree."""
    return (
        prior.stated
        and prior.strength >= _AGREEING_SIMILARITY
        and day == prior.day
        and any(weekday == day.isoweekday() for weekday, _ in cues.weekdays)
    )


def _inside(day: dt.date, span: DayRange | None) -> bool:
    return span is None or span[0] <= day <= span[1]


def _before(day: dt.date, floor: dt.date | None) -> bool:
    return floor is not None and day < floor


def _year_guess(cues: _Cues, today: dt.date) -> tuple[int, list[str], float, str] | None:
    """The publication year from years alone: the latest year the text treats as past or present.

    A latest year written bare and in the past ("claimed in 2023") while the text also speaks of "this
    year" is a finished year: the article is from the year after.
    """
    years = [(year, label) for year, label, future in cues.years if not future and year <= today.year]
    years += [(year, label) for year, _, label in cues.months if year <= today.year]
    if not years:
        return None
    latest, label = max(years)
    if cues.says_this_year and latest in cues.past_bare_years and latest < today.year:
        only_bare = all(year != latest for year, _, _ in cues.months)
        if only_bare:
            note = f"'{label}' is a finished year (the text says 'this year')"
            return latest + 1, [note], 0.5, "year after a finished year"
    return latest, [f"latest year '{label}'"], 0.3, "latest year"


def _estimate(
    cues: _Cues, today: dt.date, year_hint: int | None = None, span: DayRange | None = None, prior: Prior | None = None,
    landmarks: frozenset[dt.date] = frozenset(),
) -> tuple[DateEstimate, str]:
    """The article's date with the strength the dater weighs it by, and the kind of evidence it rests on
    (a key of ``_RIGHT_SHARE``, which gives the confidence a user is shown)."""
    if cues.dateline is not None and cues.dateline[0] <= today and _inside(cues.dateline[0], span):
        day, label = cues.dateline
        return DateEstimate(PartialDate(day, "day"), "text", 0.9, (f"dateline '{label}'",)), "dateline"
    year = _reference_year(cues, year_hint, today)
    if cues.dateline_without_year is not None and year is not None:
        month, number, label = cues.dateline_without_year
        day = _complete((month, number), year, span)
        if day is not None and day <= today and _inside(day, span) and not _before(day, cues.written_after):
            estimate = DateEstimate(PartialDate(day, "day"), "text", 0.8, (f"dateline '{label}' in {year}",))
            return estimate, "dateline without year"
    scored = _score_days(cues, year, today, span, prior, landmarks)
    if scored is not None:
        evidence = _day_evidence(scored, prior is not None and _weekday_agrees_with_sibling(cues, scored.day, prior))
        if scored.score >= 1.2 or prior is not None:
            strength = min(0.85, 0.35 + 0.15 * scored.score) if scored.score >= 1.2 else 0.15 + 0.15 * scored.score
            estimate = DateEstimate(PartialDate(scored.day, "day"), "text", round(strength, 2), scored.notes[:4])
            return estimate, evidence
        if scored.score >= 0.6:
            month = PartialDate(scored.day, "day").truncate("month")
            return DateEstimate(month, "text", 0.35, scored.notes[:4]), "month of recent dates"
    guess = _year_guess(cues, today)
    if guess is not None:
        year_found, notes, strength, evidence = guess
        return DateEstimate(PartialDate(dt.date(year_found, 1, 1), "year"), "text", strength, tuple(notes)), evidence
    return DateEstimate(None, None, 0.0, ("no date cue in the text",)), "none"


def _day_evidence(scored: _Scored, weekday_on_siblings_day: bool) -> str:
    """What in the article says that ``scored.day`` is its day, strongest first. A weekday named in the
    opening lines is the day of the news the article reports, one named further down often an earlier step
    of the story, so the same kind of evidence is right far more often with the weekday in the opening."""
    opening = " in the opening" if scored.weekday_opens else ""
    if scored.names_day and scored.names_weekday:
        return "day and its weekday" + opening
    if scored.names_day_before and scored.names_weekday:
        return "day before and the weekday" + opening
    if scored.names_day or scored.names_day_before:
        return "day or day before"
    if weekday_on_siblings_day:
        return "weekday on a sibling's stated day" + opening
    if scored.names_weekday:
        return "weekday" + opening
    return "siblings or earlier days"


def date_collection(
    texts: Mapping[str, str],
    metadata: Mapping[str, PartialDate | None] | None = None,
    *,
    today: dt.date | None = None,
) -> dict[str, DateEstimate]:
    """Date every article of a collection, letting the collection speak for articles whose text cannot.

    First each article alone; then the confidently dated ones give the story's span, and every article is
    read again inside it (a sidebar's "February 11, 2013" in a 2011 story is background, and "December 11"
    takes the story's year); finally an article still dated loosely takes the date of the siblings that
    share most of its vocabulary, moved to the nearest day that fits its own weekdays ("announced Monday").
    """
    readings = _read_collection(texts, metadata or {}, today or dt.date.today())
    return {key: _calibrated(estimate, evidence) for key, (estimate, evidence) in readings.items()}


def _read_collection(
    texts: Mapping[str, str], metadata: Mapping[str, PartialDate | None], today: dt.date
) -> dict[str, tuple[DateEstimate, str]]:
    """Every article's estimate at the strength the dater weighs it, with the evidence it rests on."""
    estimates: dict[str, DateEstimate] = {}
    evidence_of: dict[str, str] = {}
    cues_of: dict[str, _Cues] = {}
    for key, text in texts.items():
        metadata_date = metadata.get(key)
        if plausible_metadata(metadata_date, today) is None:
            estimates[key] = DateEstimate(metadata_date, "metadata", 0.95, (f"metadata date {metadata_date.iso()}",))
            evidence_of[key] = "metadata"
            continue
        cues_of[key] = _read_cues(text if isinstance(text, str) else "")
    seen_in = Counter(context for cues in cues_of.values() for context in cues.contexts)
    boilerplate = frozenset(context for context, count in seen_in.items() if count >= _BOILERPLATE_REPEATS)
    for key, cues in cues_of.items():
        if cues.contexts & boilerplate:
            cues_of[key] = _read_cues(texts[key], boilerplate)
        estimates[key], evidence_of[key] = _estimate(cues_of[key], today)
    span = _story_span(estimates.values())
    if span is None:
        return {key: (estimates[key], evidence_of[key]) for key in estimates}
    year_hint = _middle(span).year
    wide = (span[0] - _SPAN_MARGIN, span[1] + _SPAN_MARGIN)
    recalled = Counter(
        day for cues in cues_of.values()
        for day in {day for day, _ in _mentioned_days(cues, _reference_year(cues, year_hint, today), today, wide)}
    )
    threshold = max(_LANDMARK_MIN_ARTICLES, _LANDMARK_SHARE * len(cues_of))
    landmarks = frozenset(day for day, count in recalled.items() if count >= threshold)
    # An article dated by its own dateline keeps it; one that speaks in the past of a year after the
    # story's span ("claimed in 2023") is not part of the story.
    inside = {key: cues for key, cues in cues_of.items()
              if estimates[key].confidence < _FULL_DATELINE and (cues.latest_past_year or 0) <= wide[1].year + 1}
    for key, cues in inside.items():
        estimates[key], evidence_of[key] = _estimate(cues, today, year_hint, wide, landmarks=landmarks)
    unsure = [key for key in inside if estimates[key].confidence < _DATELINE_CONFIDENCE]
    priors = _sibling_priors(texts, estimates, unsure)
    for key in unsure:
        estimate, evidence = _estimate(cues_of[key], today, year_hint, wide, priors.get(key), landmarks)
        if estimate.date is None or not wide[0].year <= estimate.date.value.year <= wide[1].year:
            middle = PartialDate(_middle(span), "day").truncate("month")
            estimate = DateEstimate(middle, "text", 0.1, (f"collection's middle month {middle.iso()}",))
            evidence = "collection's middle month"
        estimates[key], evidence_of[key] = estimate, evidence
    return {key: (estimates[key], evidence_of[key]) for key in estimates}


def _calibrated(estimate: DateEstimate, evidence: str, shares: Mapping[str, Shares] = _RIGHT_SHARE) -> DateEstimate:
    """The estimate with the confidences a reader takes it for: the chance its date is right at its own
    precision, and at each coarser one."""
    if estimate.date is None:
        return replace(estimate, confidence=0.0)
    day, month, year = shares[evidence]
    precision = estimate.date.precision
    confidences = DateConfidence(
        day=day if precision == "day" else 0.0, month=month if precision != "year" else 0.0, year=year
    )
    return replace(estimate, confidence=confidences.at(precision), confidences=confidences)


def _middle(span: DayRange) -> dt.date:
    return span[0] + (span[1] - span[0]) / 2


def _story_span(estimates) -> DayRange | None:
    """The days the collection's confidently dated articles cover, without the outlying twentieth at each end
    or anything more than a year from their median."""
    days = sorted(
        estimate.date.value for estimate in estimates
        if estimate.date is not None and estimate.date.precision == "day" and estimate.confidence >= _CONFIDENT
    )
    if len(days) < 3:
        return None
    median = days[len(days) // 2]
    days = [day for day in days if abs((day - median).days) <= 365]
    cut = len(days) // 20
    return days[cut], days[len(days) - 1 - cut]


def _sibling_priors(
    texts: Mapping[str, str], estimates: dict[str, DateEstimate], keys: list[str]
) -> dict[str, Prior]:
    """For each article in ``keys``, the date its most similar confidently dated siblings share.

    Similarity is TF-IDF cosine over words and word pairs, so articles telling the same event
    ("top kill", "Kennebunkport") find each other; the prior is their similarity-weighted median date.
    """
    donors = [key for key, estimate in estimates.items()
              if estimate.date is not None and estimate.date.precision == "day" and estimate.confidence >= _DONOR]
    if not donors or not keys:
        return {}
    from sklearn.feature_extraction.text import TfidfVectorizer

    everyone = list(dict.fromkeys([*keys, *donors]))
    documents = [texts[key] if isinstance(texts[key], str) else "" for key in everyone]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=2,
                                 max_df=0.5).fit_transform(documents)
    except ValueError:  # too few words to compare
        return {}
    row_of = {key: index for index, key in enumerate(everyone)}
    similarity = (matrix[[row_of[key] for key in keys]] @ matrix[[row_of[key] for key in donors]].T).toarray()
    priors: dict[str, Prior] = {}
    for row, key in enumerate(keys):
        order = similarity[row].argsort()[::-1]
        neighbours = [(float(similarity[row][column]), donors[column]) for column in order[: _NEIGHBOURS + 1]
                      if donors[column] != key and similarity[row][column] > 0][:_NEIGHBOURS]
        if not neighbours or neighbours[0][0] < _MIN_SIMILARITY:
            continue
        day = _weighted_median([(estimates[other].date.value, weight) for weight, other in neighbours])
        best_weight, best_key = next(
            ((weight, other) for weight, other in neighbours if abs((estimates[other].date.value - day).days) <= 3),
            neighbours[0],
        )
        note = f"like '{best_key}' ({estimates[best_key].date.iso()}, similarity {best_weight:.2f})"
        stated = estimates[best_key].confidence >= _DATELINE_CONFIDENCE and estimates[best_key].date.value == day
        priors[key] = Prior(day, min(1.0, best_weight), note, stated)
    return priors


def _weighted_median(values: list[tuple[dt.date, float]]) -> dt.date:
    values = sorted(values)
    half, running = sum(weight for _, weight in values) / 2, 0.0
    for day, weight in values:
        running += weight
        if running >= half:
            return day
    return values[-1][0]
