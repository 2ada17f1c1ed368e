"""Turning readings into TIMEX3 values against the document creation time (DCT).

The DCT's precision bounds what can be computed: with only a year known, "last year" resolves but "Friday"
stays "XXXX-WXX-5". An underspecified value is better than a wrong one: downstream stages place an event
only when its value names a real period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.analyze.time.lexicon import SEASON_START, SEASONS, UNITS, VAGUE_UNITS
from storyline.analyze.time.patterns import Reading
from storyline.model import PartialDate

Resolved = tuple[str, str, str | None]  # (TIMEX3 type, value, mod)

# The verb nearest before an expression decides its direction: "will meet Bush on Thursday" is ahead,
# "the king met Monday" behind. Future cues are tried first, so "scheduled" is not read as a past tense.
_FUTURE_WORDS = frozenset(
    "will 'll ’ll shall scheduled expected due plan plans planned planning intend intends upcoming would "
    "next".split()
)
_FUTURE_PAIRS = frozenset({("going", "to"), ("set", "to"), ("is", "to"), ("are", "to"), ("hope", "to"),
                           ("hopes", "to"), ("as", "soon"), ("as", "early")})
_PAST_WORDS = frozenset("said says was were had did told ago".split())
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|['’]ll|[,;:\"“”]")
_FUTURE_PREPOSITION = re.compile(r"(?i)\b(?:by|until|till|effective|payable|starting)\s+$")
_SENTENCE_END = re.compile(r"\n|[.!?][\"'”’]*\s+(?=[\"“‘(]?[A-Z])")
# A period after these closes an abbreviation ("Mr.", "Feb."), not a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov jan feb aug sept oct nov dec co inc corp jr lt col sgt capt u.s".split()
)
_VALUE_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")


@dataclass(slots=True)
class Context:
    """What resolution needs besides the reading: the DCT, the text (for tense) and what came before."""

    dct: PartialDate | None
    text: str
    last_quarter: tuple[int, int] | None = None
    year_to_date: bool = False  # the text last spoke of "the nine months", not of a quarter
    last_year: int | None = None
    last_month: tuple[int, int] | None = None
    last_day: dt.date | None = None
    used_dct: bool = False
    # Whether the remembered quarter and month were themselves computed from the DCT: "a year ago" after
    # "third-quarter" depends on the DCT as much as "third-quarter" does.
    quarter_anchored: bool = False
    month_anchored: bool = False
    day_anchored: bool = False

    def recalled_quarter(self) -> tuple[int, int] | None:
        if self.last_quarter is not None and self.quarter_anchored:
            self.used_dct = True
        return self.last_quarter

    def recalled_month(self) -> tuple[int, int] | None:
        if self.last_month is not None and self.month_anchored:
            self.used_dct = True
        return self.last_month

    def recalled_day(self) -> dt.date | None:
        if self.last_day is not None and self.day_anchored:
            self.used_dct = True
        return self.last_day

    def day(self) -> dt.date | None:
        if self.dct is None or self.dct.precision != "day":
            return None
        self.used_dct = True
        return self.dct.value

    def month(self) -> tuple[int, int] | None:
        if self.dct is None or self.dct.precision == "year":
            return None
        self.used_dct = True
        return self.dct.value.year, self.dct.value.month

    def year(self) -> int | None:
        if self.dct is None:
            return None
        self.used_dct = True
        return self.dct.value.year

    def future(self, reading: Reading) -> bool:
        return speaks_of_future(self.text, reading.start)


def speaks_of_future(text: str, position: int) -> bool:
    """Whether the clause before ``position`` speaks of the future ("will meet Bush on Thursday")."""
    return clause_tense(text, position) == "future"


def clause_tense(text: str, position: int) -> str | None:
    """ "future", "past" or None (no cue) for the clause that an expression at ``position`` belongs to.

    The verb nearest before the expression decides ("will meet Bush on Thursday", "the king met Monday");
    a past perfect wins over a future word or preposition ("had been due to expire Friday", "had filed
    reports by Wednesday", "Until Thursday, they had not called him"): the plan lies in the past.
    """
    start, end = _sentence_bounds(text, position)
    window = text[max(start, position - 100) : position]
    written = _WORD.findall(window)
    words = [word.lower() for word in written]
    if _FUTURE_PREPOSITION.search(window):
        after = _WORD.findall(text[position : min(end, position + 80)])
        return "past" if "had" in words[-6:] or "had" in (word.lower() for word in after) else "future"
    maybe_past = False  # a word in -ed may be a past tense ("announced") or an adjective ("unspecified")
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if not word[0].isalpha() and word[0] not in "'’":
            if maybe_past:
                return "past"  # the clause ends: its -ed verb was a past tense
            continue
        if "-" in word:
            continue  # "lower-than-expected earnings": a compound adjective, not a verb
        if word in _FUTURE_WORDS or (index and (words[index - 1], word) in _FUTURE_PAIRS):
            if word == "next" and index + 1 < len(words) and words[index + 1] == "to":
                continue  # "next to the embassy" is a place
            if "had" in words[max(0, index - 3) : index]:
                return "past"
            return "future"
        if word in _PAST_WORDS:
            return "past"
        if len(word) > 4 and word.endswith("ed") and not word.endswith("eed") and written[index].islower():
            maybe_past = True  # not a name ("United")
    return "past" if maybe_past else None


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Where the sentence holding ``position`` starts (looking back at most 160 characters) and ends."""
    low = max(0, position - 160)
    start = low
    for boundary in _SENTENCE_END.finditer(text, low, position):
        if _closes_abbreviation(text, boundary, low):
            continue
        start = boundary.end()
    end = min(len(text), position + 160)
    for boundary in _SENTENCE_END.finditer(text, position, end):
        if not _closes_abbreviation(text, boundary, position):
            end = boundary.start()
            break
    return start, end


def _closes_abbreviation(text: str, boundary: re.Match, low: int) -> bool:
    if boundary.group() == "\n":
        return False
    word_start = boundary.start()
    while word_start > low and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start : boundary.start()].lower()
    return word in _ABBREVIATIONS or len(word) == 1


def value_date(value: str) -> PartialDate | None:
    """The calendar period a TIMEX3 value names, if it names a year, month or day (not "2018-W50")."""
    match = _VALUE_DATE.fullmatch(value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return PartialDate(dt.date(int(year), int(month), int(day)), "day")
        if month:
            return PartialDate(dt.date(int(year), int(month), 1), "month")
        return PartialDate(dt.date(int(year), 1, 1), "year")
    except ValueError:
        return None


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def duration_value(number: float | None, unit: str) -> str:
    """ "2 1/2 years" -> "P2Y6M"; an unknown count keeps its unit ("several weeks" -> "PXW")."""
    if number is None:
        return VAGUE_UNITS[unit]
    letter, needs_t, size = UNITS[unit]
    total = number * size
    prefix = "PT" if needs_t else "P"
    if total == int(total):
        return f"{prefix}{int(total)}{letter}"
    whole, fraction = int(total), total - int(total)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "Q": ("M", 3)}
    if letter in smaller:
        sub_letter, factor = smaller[letter]
        sub = round(fraction * factor)
        if letter == "D":
            return f"P{whole}DT{sub}H" if whole else f"PT{sub}H"
        if letter == "H":
            return f"PT{whole}H{sub}M"
        if letter in ("W", "Q"):
            return f"P{round(total * (7 if letter == 'W' else 3))}{sub_letter}"
        return f"P{whole}{letter}{sub}{sub_letter}" if whole else f"P{sub}{sub_letter}"
    return f"{prefix}{round(total)}{letter}"


def weekday_offset(today: dt.date, weekday: int, rel: str, future: bool) -> int:
    """Days from ``today`` to the named weekday: news speaks of the past week unless the sentence is future."""
    diff = weekday - today.isoweekday()
    if rel in ("next", "this coming", "coming"):
        return diff if diff > 0 else diff + 7
    if rel in ("last", "this past", "past"):
        return diff if diff < 0 else diff - 7
    if future:
        return diff if diff >= 0 else diff + 7
    return diff if diff <= 0 else diff - 7


def _with_part(day: dt.date, part: str | None) -> str:
    return day.isoformat() + (f"T{part}" if part else "")


def _coarse_anchor(ctx: Context) -> str | None:
    """The month or year of a DCT known no finer: "Wednesday" in an article sure only of its month happened
    in (about) that month."""
    if ctx.dct is None or ctx.dct.precision == "day":
        return None
    ctx.used_dct = True
    return ctx.dct.iso()


def _weekday(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    today = ctx.day()
    if today is None:
        coarse = _coarse_anchor(ctx)
        if coarse is not None:
            return "DATE", coarse, fields["mod"]
        return "DATE", f"XXXX-WXX-{fields['wd']}" + (f"T{fields['part']}" if fields["part"] else ""), fields["mod"]
    offset = weekday_offset(today, fields["wd"], fields["rel"], ctx.future(reading))
    return "DATE", _with_part(today + dt.timedelta(days=offset), fields["part"]), fields["mod"]


def _relday(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    today = ctx.day()
    if today is None:
        return "DATE", _coarse_anchor(ctx) or "XXXX-XX-XX", fields["mod"]
    return "DATE", _with_part(today + dt.timedelta(days=fields["offset"]), fields["part"]), fields["mod"]


def _guess_year(ctx: Context, reading: Reading, month: int, day: int | None) -> int | None:
    """The year of a month (and day) written without one: the DCT's, unless that puts a past event in the future."""
    known = ctx.month()
    if known is None:
        return ctx.year()
    year, dct_month = known
    ahead = month - dct_month
    if day is not None and ctx.dct is not None and ctx.dct.precision == "day":
        try:
            days_ahead = (dt.date(year, month, day) - ctx.dct.value).days
        except ValueError:
            return year
        if days_ahead < -90 and ctx.future(reading):
            return year + 1
        return year - 1 if days_ahead > _DAYS_AHEAD_IN_PAST and not ctx.future(reading) else year
    if ahead < -2 and ctx.future(reading):
        return year + 1
    return year - 1 if ahead > 1 and not ctx.future(reading) else year


# A day written without a year and this far after the DCT, in a sentence not about the future, is last
# year's ("was last seen Oct. 23", said in May); nearer than this it is more likely an upcoming date.
_DAYS_AHEAD_IN_PAST = 120


def _date(reading: Reading, ctx: Context) -> Resolved | None:
    fields = reading.fields
    year = fields["y"] if fields["y"] is not None else _guess_year(ctx, reading, fields["m"], fields["d"])
    if year is None:
        return "DATE", "XXXX-WXX" if fields.get("week") else f"XXXX-{fields['m']:02d}-{fields['d']:02d}", None
    try:
        day = dt.date(year, fields["m"], fields["d"])
    except ValueError:
        return None
    return "DATE", week_value(day) if fields.get("week") else day.isoformat(), None


def _month(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    month, rel, mod = fields["m"], fields["rel"], fields["mod"]
    if fields["y"] is not None:
        return "DATE", f"{fields['y']}-{month:02d}", mod
    known = ctx.month()
    if rel in ("last", "this past", "the past", "next", "this coming", "the coming") and known:
        year, current = known
        if rel in ("last", "this past", "the past"):
            year = year if month < current else year - 1
        else:
            year = year if month > current else year + 1
    elif rel in ("of last year", "of next year", "this"):
        year = ctx.year()
        if year is not None:
            year += {"of last year": -1, "of next year": 1, "this": 0}[rel]
    else:
        year = _guess_year(ctx, reading, month, None)
    if year is None:
        return "DATE", f"XXXX-{month:02d}", mod
    return "DATE", f"{year}-{month:02d}", mod


def _period(reading: Reading, ctx: Context) -> Resolved | None:
    fields = reading.fields
    rel, unit, mod = fields["rel"], fields["unit"], fields["mod"]
    step = -1 if rel in ("last", "the past", "the previous", "this past") else (
        1 if rel in ("next", "the coming", "the following", "this coming") else 0)
    if rel in ("that", "the same"):
        if unit == "year" and ctx.last_year is not None:
            return "DATE", str(ctx.last_year), mod
        return None
    if rel in ("the following", "the previous") and unit == "year" and ctx.last_year is not None:
        return "DATE", str(ctx.last_year + step), mod
    if rel in ("the following", "the previous") and unit == "month" and ctx.last_month is not None:
        year, month = shift_month(*ctx.recalled_month(), step)
        return "DATE", f"{year}-{month:02d}", mod
    if unit in SEASONS:
        code = SEASONS[unit]
        if fields["year"] is not None:
            return "DATE", f"{fields['year']}-{code}", mod
        known = ctx.month()
        if known is None:
            year = ctx.year()
            return "DATE", f"{year if year is not None and step == 0 else 'XXXX'}-{code}", mod
        year, month = known
        start = SEASON_START[code]
        if step < 0:
            year = year if month >= start + 3 else year - 1
        elif step > 0:
            year = year if month < start else year + 1
        return "DATE", f"{year}-{code}", mod
    if unit in ("week", "weekend"):
        today = ctx.day()
        if today is None:
            return "DATE", "XXXX-WXX" + ("-WE" if unit == "weekend" else ""), mod
        if unit == "weekend" and rel == "the" and today.isoweekday() < 6 and not ctx.future(reading):
            step = -1  # "over the weekend", said on a weekday: the one just past
        week = week_value(today + dt.timedelta(days=7 * step))
        return "DATE", week + ("-WE" if unit == "weekend" else ""), mod
    if unit == "month":
        known = ctx.month()
        if known is None:
            return "DATE", "XXXX-XX", mod
        year, month = shift_month(*known, step)
        return "DATE", f"{year}-{month:02d}", mod
    year = fields["year"] if fields["year"] is not None else ctx.year()
    if unit == "year":
        if year is None:
            return "DATE", "XXXX", mod
        return "DATE", str(year + step), mod
    if unit == "decade":
        if rel in ("the past", "the previous"):
            return "DURATION", "P10Y", mod
        return "DATE", str(year + 10 * step)[:3] if year is not None else "XXX", mod
    if unit == "century":
        if rel in ("the past", "the previous"):
            return "DURATION", "P100Y", mod
        return "DATE", str(year + 100 * step)[:2] if year is not None else "XX", mod
    return None


def _quarter_year(ctx: Context, quarter: int) -> int | None:
    known = ctx.month()
    if known is None:
        return ctx.year()
    year, month = known
    current = (month - 1) // 3 + 1
    return year - 1 if quarter > current + 1 else year


def _quarter(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    ordinal, half = fields["ord"], fields["half"]
    count = 2 if half else 4
    ordinal = count if ordinal == -1 else ordinal
    if not 1 <= ordinal <= count:
        return "DATE", "XXXX-QX", None
    year = fields["y"]
    if year is None and fields["rel"]:
        year = ctx.year()
        if year is not None:
            year += {"this": 0, "last": -1, "next": 1}.get(fields["rel"], 0)
    if year is None:
        year = _quarter_year(ctx, ordinal * (2 if half else 1))
    letter = "H" if half else "Q"
    if year is None:
        return "DATE", f"XXXX-{letter}{ordinal}", None
    if not half:
        _focus_quarter(ctx, (year, ordinal))
    return "DATE", f"{year}-{letter}{ordinal}", None


def _focus_quarter(ctx: Context, quarter: tuple[int, int]) -> None:
    """Make ``quarter`` the one that "a year earlier" and "the latest period" refer to, if it is reported.

    Results news reports a quarter that has ended; a quarter still running or ahead ("expects a
    fourth-quarter charge") or an earlier one of the same year ("after a flat second quarter") is
    mentioned in passing and leaves the reported quarter in focus.
    """
    ctx.year_to_date = False
    anchored = ctx.used_dct
    if ctx.last_quarter is None:
        ctx.last_quarter, ctx.quarter_anchored = quarter, anchored
        return
    current = _current_quarter(ctx)
    ctx.used_dct = anchored  # comparing with the DCT's quarter does not make this quarter's value depend on it
    if current is not None and quarter >= current:
        return
    if quarter[0] == ctx.last_quarter[0] and quarter[1] < ctx.last_quarter[1]:
        return
    ctx.last_quarter, ctx.quarter_anchored = quarter, anchored


def _current_quarter(ctx: Context, offset: int = 0) -> tuple[int, int] | None:
    known = ctx.month()
    if known is None:
        return None
    year, month = known
    index = year * 4 + (month - 1) // 3 + offset
    return index // 4, index % 4 + 1


def _named_quarter(reading: Reading, ctx: Context) -> Resolved | None:
    fields = reading.fields
    which, unit = fields["which"], fields["unit"]
    if which in ("year-earlier", "year-ago", "comparable", "corresponding", "comparable year-ago"):
        return _year_back(reading, ctx)
    if fields["y"] is not None:
        if ctx.last_quarter and not ctx.year_to_date:
            return "DATE", f"{fields['y']}-Q{ctx.recalled_quarter()[1]}", None
        return "DATE", str(fields["y"]), None
    if which in ("current", "current fiscal"):
        quarter = _current_quarter(ctx)
    elif which in ("previous", "prior"):
        quarter = ctx.last_quarter and _shift_quarter(ctx.recalled_quarter(), -1) or _current_quarter(ctx, -1)
    else:
        if unit == "period" and not ctx.last_quarter and which not in ("latest", "most recent", "just-ended"):
            return None if not which else ("DATE", "XXXX-QX", None)
        quarter = ctx.recalled_quarter() or _current_quarter(ctx, -1)
    if quarter is None:
        return "DATE", "XXXX-QX", None
    return "DATE", f"{quarter[0]}-Q{quarter[1]}", None


def _shift_quarter(quarter: tuple[int, int], offset: int) -> tuple[int, int]:
    index = quarter[0] * 4 + quarter[1] - 1 + offset
    return index // 4, index % 4 + 1


def _year_back(reading: Reading, ctx: Context) -> Resolved:
    """ "a year earlier", "the year-ago quarter": in earnings news the period a year before the one discussed."""
    if ctx.last_quarter is not None:
        year, quarter = ctx.recalled_quarter()
        return "DATE", f"{year - 1}" if ctx.year_to_date else f"{year - 1}-Q{quarter}", None
    year = ctx.year()
    return "DATE", str(year - 1) if year is not None else "XXXX", None


def _anaphoric_year(reading: Reading, ctx: Context) -> Resolved:
    """ "the following year" counts from the last year the text named; with none named, from the DCT."""
    if ctx.last_year is None:
        year = ctx.year() if reading.fields["offset"] else None
        return "DATE", str(year + reading.fields["offset"]) if year is not None else "XXXX", reading.fields["mod"]
    return "DATE", str(ctx.last_year + reading.fields["offset"]), reading.fields["mod"]


def _anaphoric_day(reading: Reading, ctx: Context) -> Resolved | None:
    """ "the next day" counts from the last day the text named, whether written out ("Aug. 7") or
    resolved ("Friday"). With none named, "that day" points at something outside the text ("trades made
    that day"): no time expression to place, and the DCT is no stand-in for it."""
    fields = reading.fields
    named = ctx.recalled_day()
    if named is None:
        return None
    return "DATE", _with_part(named + dt.timedelta(days=fields["offset"]), fields["part"]), fields["mod"]


def _ago(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    number, unit, sign, mod = fields["n"], fields["unit"], fields["sign"], fields["mod"]
    if number is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    if unit in ("second", "minute", "hour"):
        today = ctx.day()
        return "DATE", today.isoformat() if today else "XXXX-XX-XX", mod
    if unit in ("day", "night", "week", "fortnight"):
        today = ctx.day()
        days = int(number * (1 if unit in ("day", "night") else 7 * UNITS[unit][2]))
        if today is None:
            return "DATE", "XXXX-XX-XX" if unit in ("day", "night") else "XXXX-WXX", mod
        target = today + dt.timedelta(days=sign * days)
        return "DATE", target.isoformat() if unit in ("day", "night") else week_value(target), mod
    if unit in ("month", "quarter"):
        known = ctx.month()
        if known is None:
            return "DATE", "XXXX-XX", mod
        months = int(number * (3 if unit == "quarter" else 1))
        year, month = shift_month(*known, sign * months)
        return "DATE", f"{year}-{month:02d}", mod
    year = ctx.year()
    if year is None:
        return "DATE", "XXXX", mod
    return "DATE", str(year + sign * int(number * UNITS[unit][2])), mod


def _duration(reading: Reading, ctx: Context) -> Resolved:
    if reading.fields.get("year_to_date") and ctx.last_quarter is not None:
        ctx.year_to_date = True
    return "DURATION", duration_value(reading.fields["n"], reading.fields["unit"]), reading.fields["mod"]


def _clock(reading: Reading, ctx: Context) -> Resolved:
    fields = reading.fields
    clock = f"T{fields['h']:02d}:{fields['min']:02d}"
    today = ctx.day()
    if "m" in fields:
        year = _guess_year(ctx, reading, fields["m"], fields["d"])
        day = f"{year}-{fields['m']:02d}-{fields['d']:02d}" if year else f"XXXX-{fields['m']:02d}-{fields['d']:02d}"
        return "TIME", day + clock, None
    if today is None:
        return "TIME", ("XXXX-WXX-" + str(fields["wd"]) if "wd" in fields else "XXXX-XX-XX") + clock, None
    if "wd" in fields:
        today += dt.timedelta(days=weekday_offset(today, fields["wd"], "", ctx.future(reading)))
    elif "offset" in fields:
        today += dt.timedelta(days=fields["offset"])
    return "TIME", today.isoformat() + clock, None


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    return dt.date(year, month, (h + l - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth given weekday of a month (nth=-1: the last one)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> dt.date | None:
    fixed = {"new year's day": (1, 1), "new years day": (1, 1), "new year's": (1, 1), "new years": (1, 1),
             "new year's eve": (12, 31), "new years eve": (12, 31), "christmas": (12, 25),
             "christmas day": (12, 25), "christmas eve": (12, 24), "independence day": (7, 4),
             "the fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
             "valentines day": (2, 14), "veterans day": (11, 11)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "labor day":
        return _nth_weekday(year, 9, 1, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 1, -1)
    if name == "election day":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)
    if name.startswith("easter"):
        return _easter(year)
    if name == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    return None


def _holiday(reading: Reading, ctx: Context) -> Resolved | None:
    fields = reading.fields
    year = fields["y"] if fields["y"] is not None else ctx.year()
    if year is None:
        return None
    day = holiday_date(fields["name"], year)
    today = ctx.day()
    if day is None:
        return None
    if fields["y"] is None and today is not None and not fields["rel"]:
        if (day - today).days > 45 and not ctx.future(reading):
            day = holiday_date(fields["name"], year - 1)
        elif (day - today).days < -90 and ctx.future(reading):
            day = holiday_date(fields["name"], year + 1)
    elif fields["y"] is None and today is not None:
        if fields["rel"] == "last" and day >= today:
            day = holiday_date(fields["name"], year - 1)
        elif fields["rel"] == "next" and day <= today:
            day = holiday_date(fields["name"], year + 1)
    return "DATE", day.isoformat(), None


def _year(reading: Reading, ctx: Context) -> Resolved:
    return "DATE", str(reading.fields["y"]), reading.fields["mod"]


def _literal(reading: Reading, ctx: Context) -> Resolved:
    return reading.fields["type"], reading.fields["value"], reading.fields.get("mod")


RESOLVERS = {
    "date": _date, "month": _month, "year": _year, "literal": _literal, "weekday": _weekday,
    "relday": _relday, "period": _period, "quarter": _quarter, "named_quarter": _named_quarter,
    "year_back": _year_back, "anaphoric_year": _anaphoric_year, "anaphoric_day": _anaphoric_day, "ago": _ago,
    "duration": _duration, "clock": _clock, "holiday": _holiday,
}


def resolve(reading: Reading, ctx: Context) -> Resolved | None:
    """The reading's TIMEX3 (type, value, mod), updating what later anaphora ("that year") refer to."""
    ctx.used_dct = False
    resolved = RESOLVERS[reading.kind](reading, ctx)
    if resolved is not None and resolved[0] == "DATE":
        date = value_date(resolved[1])
        if date is not None and not ctx.used_dct:
            ctx.last_year = date.value.year
        if date is not None and date.precision != "year":
            ctx.last_month, ctx.month_anchored = (date.value.year, date.value.month), ctx.used_dct
        if date is not None and date.precision == "day":
            ctx.last_day, ctx.day_anchored = date.value, ctx.used_dct
    return resolved
