"""Finding time expressions: regex rules that turn a stretch of text into a context-free reading.

Each rule reads what the words say ("last Wednesday" = weekday 3, one back) without any document date;
``normalize`` later turns the reading into a TIMEX3 value against the document creation time. Keeping the
two apart means extents can be scored on their own and the same readings serve every DCT.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from storyline.analyze.time.lexicon import (
    DAY_RE, MONTH_RE, MONTHS, NUMBER_RE, NUMBER_WORD_RE, ORDINALS, PARTS_OF_DAY, SEASONS, UNIT_RE,
    UNITS, WEEKDAY_RE, WEEKDAYS, YEAR_RE, parse_number, spoken_year,
)


@dataclass(slots=True)
class Reading:
    """What a matched stretch of text means before any anchoring: ``kind`` names the resolver."""

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)


Builder = Callable[[re.Match, str], list[Reading]]

_L = r"(?<![\w'’$#@/.-])"
_R = r"(?![\w-]|[.,]\d)"
_MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "the start of": "START",
    "beginning of": "START", "start of": "START", "late": "END", "later": "END", "the end of": "END",
    "end of": "END", "mid": "MID", "mid-": "MID", "the middle of": "MID", "middle of": "MID",
}
_MOD_RE = (
    r"(?:[Ee]arly|[Ee]arlier|[Ll]ate|[Ll]ater|(?:[Tt]he )?(?:beginning|start|end|middle) of|[Mm]id)"
)
_DURATION_MODS = {
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "about": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
}
_PLACING_WORDS = {"over", "just over", "well over", "within", "about", "around", "approximately", "roughly",
                  "some"}
_DURATION_MOD_RE = "(?:" + "|".join(sorted(_DURATION_MODS, key=len, reverse=True)) + ")"
_FUTURE_ADVERB = r"(?:ago|from now|hence|earlier|later|before|after|back|previously)"


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    return int(re.match(r"\d+", word).group())


def valid_day(year: int | None, month: int, day: int) -> bool:
    """True when the day exists (Feb 29 only in leap years; any year allows it when the year is unknown)."""
    return 1 <= day <= calendar.monthrange(year if year is not None else 2000, month)[1]


def modifier(word: str | None) -> str | None:
    return _MODS.get(word.strip().lower()) if word else None


def _date(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    month = month_number(groups["mon"])
    day = day_number(groups["day"])
    year = int(groups["year"]) if groups.get("year") else None
    if not valid_day(year, month, day):
        return [Reading(match.start(), match.end(), "blocked")]
    if year is None and groups["mon"].lower().startswith("may") and not groups.get("wd"):
        if re.search(r"(?i)\b(?:may|might)\s*$", text[: match.start()]):
            return []
    weekday = WEEKDAYS[groups["wd"].lower()] if groups.get("wd") else None
    return [Reading(match.start(), match.end(), "date", {"y": year, "m": month, "d": day, "wd": weekday})]


def _week_of(match: re.Match, text: str) -> list[Reading]:
    """ "the week of March 6" names the calendar week holding that day (2000-W10)."""
    readings = _date(match, text)
    for reading in readings:
        if reading.kind == "date":
            reading.fields["week"] = True
    return readings


def _numeric_date(match: re.Match, text: str) -> list[Reading]:
    year, month, day = int(match["year"]), int(match["mon"]), int(match["day"])
    if not 1 <= month <= 12 or not valid_day(year, month, day):
        return [Reading(match.start(), match.end(), "blocked")]
    return [Reading(match.start(), match.end(), "date", {"y": year, "m": month, "d": day, "wd": None})]


def _month(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    word = groups["mon"]
    rel = (groups.get("rel") or "").strip().lower()
    tail = (groups.get("tail") or "").lower()
    year = int(groups["year"]) if groups.get("year") else None
    if groups.get("spoken"):
        year = spoken_year(groups["spoken"])
        if year is None:
            return []
    mod = modifier(groups.get("mod"))
    if year is None and not tail and re.match(r"\s?\d{1,2}(?:st|nd|rd|th)?\b", text[match.end() : match.end() + 6]):
        return []  # "last Oct. 23": the day rule reads it
    bare = not (rel or tail or year or mod)
    if bare and (word.rstrip(".") in ("May", "Mar", "Jan", "Jun", "Jul", "Sep", "Dec", "Aug", "Oct",
                                      "Nov", "Feb", "Apr", "Sept") or word.endswith(".")):
        # "May" is mostly the verb; bare abbreviations are mostly names. Take them after a preposition.
        before = text[max(0, match.start() - 12) : match.start()]
        if not re.search(r"(?i)\b(?:in|since|until|by|from|through|of|during|before|after|early|late)\s$", before):
            return []
    if "last year" in tail:
        rel = "of last year"
    elif "next year" in tail:
        rel = "of next year"
    elif "this year" in tail:
        rel = "this"
    return [Reading(match.start(), match.end(), "month",
                    {"m": month_number(word), "y": year, "rel": rel, "mod": mod})]


def _year(match: re.Match, text: str) -> list[Reading]:
    before = text[max(0, match.start() - 3) : match.start()]
    after = text[match.end() : match.end() + 12]
    if re.search(r"[$£€#]\s?$|\d[,.]?$", before) or re.match(r"\s?(?:%|percent|per cent|[-–]\d|/\d|,\d)", after):
        return []
    if re.match(r"(?i)\s+(?:troops|soldiers|people|fighters|members|dollars|barrels|tons|miles|cases|deaths)", after):
        return []
    year = int(match["year"])
    prefix = (match["pre"] or "").strip().lower()
    mod = modifier((prefix.replace("the ", "") if prefix.startswith("the ") else prefix).rstrip("- "))
    if not prefix.startswith(("fiscal", "fy", "the", "mid", "early", "late", "end", "beginning")) and not mod:
        if re.search(r"(?i)\b(?:No\.|number|flight|route|highway|interstate|model|version|room|page)\s*$",
                     text[max(0, match.start() - 12) : match.start()]):
            return []
    return [Reading(match.start(), match.end(), "year", {"y": year, "mod": mod})]


def _two_digit_year(match: re.Match, text: str) -> list[Reading]:
    """ "the class of '98", "since '05": a year written with its last two digits, in the century that puts
    it within 50 years of 2000 (TimeML values a year in full; news rarely abbreviates older ones). Not a
    number opening a quotation ("'20 people were killed,' he said") nor one counting something ("'50
    years ago …")."""
    rest = text[match.end() : match.end() + 200]
    sentence = re.split(r"[.!?][\s\"”]|\n", rest, maxsplit=1)[0]
    if re.match(r"\s+(?:%|percent|[a-z]+s\b)", rest) or re.search(r"\w[.,!?]?[’']", sentence):
        return []
    short = int(match["yy"])
    return [Reading(match.start(), match.end(), "year", {"y": (2000 if short < 50 else 1900) + short, "mod": None})]


def _decade(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    if groups.get("full"):
        digits = groups["full"][:3]
    elif groups.get("short"):
        digits = "19" + groups["short"][0]
    else:
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[groups["word"].lower()]
        digits = f"19{tens}"
    return [Reading(match.start(), match.end(), "literal",
                    {"type": "DATE", "value": digits, "mod": modifier(groups.get("mod"))})]


def _century(match: re.Match, text: str) -> list[Reading]:
    word = match["ord"].lower()
    number = ORDINALS.get(word) or (int(re.match(r"\d+", word).group()) if word[0].isdigit() else 0)
    if number <= 0:
        return []
    return [Reading(match.start(), match.end(), "literal", {"type": "DATE", "value": f"{number - 1:02d}"})]


def _spoken_year(match: re.Match, text: str) -> list[Reading]:
    year = spoken_year(match["words"])
    if year is None:
        return []
    return [Reading(match.start(), match.end(), "year", {"y": year, "mod": None})]


def _weekday(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    pre = (groups.get("pre") or "").strip().lower()
    rel = pre if pre in ("last", "next", "this", "this coming", "this past", "coming", "past") else ""
    part = PARTS_OF_DAY.get((groups.get("part") or "").lower())
    return [Reading(match.start(), match.end(), "weekday",
                    {"wd": WEEKDAYS[groups["wd"].lower()], "rel": rel, "part": part, "mod": modifier(pre)})]


# "today's youth" speaks of the present age, not of the day ("today's editions").
_GENERIC_TODAY = re.compile(
    r"['’]s\s+(?:world|youth|young|society|children|kids|generation|standards|economy|technology|consumers"
    r"|students|teenagers|personal|modern|business|families|women|men|America|Americans)\b", re.I)


def _relative_day(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    word = groups["word"].lower()
    if word == "today" and _GENERIC_TODAY.match(text, match.end()):
        return []
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    part = PARTS_OF_DAY.get((groups.get("part") or "").lower())
    if word == "tonight":
        part = "NI"
    if word in ("this", "last") and (part is None or (word == "last" and part != "NI")):
        return []
    mod = modifier(groups.get("mod"))
    return [Reading(match.start(), match.end(), "relday", {"offset": offsets[word], "part": part, "mod": mod})]


def _relative_period(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    rel = " ".join(groups["rel"].lower().split())
    unit = groups["unit"].lower()
    mod = modifier(groups.get("mod"))
    if rel == "the" and not mod and unit not in SEASONS and unit != "weekend":
        return []
    if rel == "in the" and not mod:
        return []
    year = int(groups["year"]) if groups.get("year") else None
    return [Reading(match.start(), match.end(), "period", {"rel": rel, "unit": unit, "mod": mod, "year": year})]


def _modified_season(match: re.Match, text: str) -> list[Reading]:
    """ "early summer", "the late spring": that season of the year the text is in, with its part."""
    return [Reading(match.start(), match.end(), "period",
                    {"rel": "the", "unit": match["unit"].lower(), "mod": modifier(match["mod"]), "year": None})]


def _year_end(match: re.Match, text: str) -> list[Reading]:
    return [Reading(match.start(), match.end(), "period", {"rel": "this", "unit": "year", "mod": "END",
                                                           "year": None})]


def _named_year(match: re.Match, text: str) -> list[Reading]:
    """ "the current fiscal year" is this year; "the year ended March 31" is a twelve-month period."""
    if match["ended"]:
        return [Reading(match.start(), match.start("ended"), "duration", {"n": 1, "unit": "year", "mod": None})]
    if not match["current"]:
        return []
    step = -1 if "latest" in match["current"].lower() else 0
    return [Reading(match.start(), match.end(), "period", {"rel": "last" if step else "this", "unit": "year",
                                                           "mod": None, "year": None})]


def _quarter(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    ordinal = ORDINALS.get(groups["ord"].lower(), 0)
    unit = groups["unit"].lower()
    if unit.endswith("s") and not groups.get("pre"):
        return [Reading(match.start(), match.end(), "literal",
                        {"type": "DATE", "value": f"XXXX-Q{ordinal}" if ordinal > 0 else "XXXX-QX"})]
    year = groups.get("year") or groups.get("py") or groups.get("py2")
    pre = (groups.get("pre") or "").lower()
    start = match.start()
    if pre.strip() in ("its", "a") or (pre.strip() == "the" and groups["sep"] == "-" and not groups.get("py")):
        # "its third quarter", "the third-quarter loss": the determiner belongs to the noun phrase.
        start = match.end("pre")
    rel = (groups.get("rel") or (pre.split()[0] if "year's" in pre else "")).lower()
    return [Reading(start, match.end(), "quarter",
                    {"ord": ordinal, "half": unit.startswith("half"), "y": int(year) if year else None,
                     "rel": rel})]


def _named_quarter(match: re.Match, text: str) -> list[Reading]:
    which = " ".join((match["which"] or "").lower().split())
    year = int(match["year"]) if match["year"] else None
    return [Reading(match.start(), match.end(), "named_quarter",
                    {"which": which, "y": year, "unit": match["unit"].lower()})]


def _year_back(match: re.Match, text: str) -> list[Reading]:
    return [Reading(match.start(), match.end(), "year_back", {"word": match.group().lower()})]


def _anaphoric_year(match: re.Match, text: str) -> list[Reading]:
    word = " ".join(match["which"].lower().split())
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1}
    offset = next((value for key, value in shift.items() if key in word), 0)
    return [Reading(match.start(), match.end(), "anaphoric_year",
                    {"offset": offset, "mod": modifier(match["mod"])})]


def _anaphoric_day(match: re.Match, text: str) -> list[Reading]:
    """ "the next day", "earlier that day", "that morning": a day counted from the last one the story named."""
    which = (match["which"] or "").lower()
    offset = 1 if which.startswith(("next", "following")) else -1 if which.startswith(("previous", "preceding")) else 0
    part = PARTS_OF_DAY.get((match["part"] or "").lower())
    return [Reading(match.start(), match.end(), "anaphoric_day",
                    {"offset": offset, "part": part, "mod": modifier(match["mod"])})]


def _ago(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    number = parse_number(groups["num"])
    unit = _unit_word(groups["unit"])
    direction = groups["dir"].lower()
    mod = _DURATION_MODS.get((groups.get("mod") or "").strip().lower())
    if direction in ("ago", "back", "previously"):
        sign = -1
    elif direction in ("from now", "hence"):
        sign = 1
    else:
        # "two days later" counts from an event in the story, not from the article's date.
        end = match.start("dir") - 1
        return [Reading(match.start(), end, "duration", {"n": number, "unit": unit, "mod": mod})]
    return [Reading(match.start(), match.end(), "ago", {"n": number, "unit": unit, "sign": sign, "mod": mod})]


def _unit_word(word: str) -> str:
    word = word.lower().split()[-1]
    if word in ("centuries", "millennia"):
        return "century" if word == "centuries" else "millennium"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


_RATE_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:million|billion|thousand|hundred|percent|times|once|twice|flights|seats|units|rooms|in))"
    r"[\s\S]{0,14}$"
)


def _duration(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    number_text = groups["num"]
    number = parse_number(number_text)
    unit = _unit_word(groups["unit"])
    plural = groups["unit"].lower().endswith("s")
    if number_text.lower() in ("a", "an") and plural:
        return []
    if number is not None and number != 1 and not plural and not groups.get("sep", " ").startswith("-"):
        if not re.match(r"\s?[a-z]", text[match.end() : match.end() + 2]):
            return []
    if number is not None and number > 10000:
        return []
    after = text[match.end() : match.end() + 12]
    if re.match(r"(?i)[\s-]old\b", after) or (unit == "quarter" and re.match(r"\s+of\s", after)):
        return []  # "52 years old" is an age; "three-quarters of its food" a fraction
    if number_text.lower() in ("a", "an"):
        if unit == "second" or _RATE_BEFORE.search(text[max(0, match.start() - 24) : match.start()]):
            return []  # "$55 a night", "four flights a week": a rate, not a period
    mod_word = (groups.get("mod") or "").strip().lower()
    start = match.start()
    if mod_word in _PLACING_WORDS:
        # "within the past two days", "over three years": the period is what follows; the word places
        # an event in it (TimeML leaves it outside the extent).
        start = match.end("mod") + 1
    if groups.get("det") and not groups.get("dir") and groups.get("sep") == "-":
        start = match.start("num")  # "the 14-day deadline": the article belongs to the noun phrase
    direction = (groups.get("dir") or "").lower()
    # "the first nine months", "the nine months": in results news the year to date, the period that a
    # following "a year earlier" compares with.
    year_to_date = unit == "month" and number in (6, 9) and (direction in ("first", "latest") or (
        groups.get("det", "") or "").lower() == "the" and not direction)
    return [Reading(start, match.end(), "duration",
                    {"n": number, "unit": unit, "mod": _DURATION_MODS.get(mod_word), "year_to_date": year_to_date})]


def _duration_range(match: re.Match, text: str) -> list[Reading]:
    """ "60 to 100 days" is two durations: the first number borrows the unit of the second."""
    unit = _unit_word(match["unit"])
    low, high = parse_number(match["low"]), parse_number(match["num"])
    if low is None or high is None:
        return []
    return [
        Reading(match.start("low"), match.end("low"), "duration", {"n": low, "unit": unit, "mod": None}),
        Reading(match.start("num"), match.end(), "duration", {"n": high, "unit": unit, "mod": None}),
    ]


def _vague_span(match: re.Match, text: str) -> list[Reading]:
    if match["pre"].lower().endswith("recent") and match["unit"].lower() == "years":
        start = match.start() + (3 if match["pre"].lower().startswith("in ") else 0)
        return [Reading(start, match.end(), "literal", {"type": "DATE", "value": "PAST_REF"})]
    pre = match["pre"].lower()
    if pre in ("for", "within", "in"):
        if match["unit"].lower() == "days":
            return []  # "in days" / "for days" are too often part of other phrases ("in days past")
        start = match.start("unit")
    else:
        start = match.start() + (3 if pre.startswith("in ") else 0)
    return [Reading(start, match.end(), "duration",
                    {"n": None, "unit": _unit_word(match["unit"]), "mod": None})]


def _literal(type_: str, value: str) -> Builder:
    def build(match: re.Match, text: str) -> list[Reading]:
        return [Reading(match.start(), match.end(), "literal", {"type": type_, "value": value})]

    return build


def _every_few(match: re.Match, text: str) -> list[Reading]:
    """ "every four years": a set whose period is the duration named (TimeML SET P4Y)."""
    count = parse_number(match["num"])
    if count is None or count != int(count) or count < 1:
        return []
    letter, needs_t, size = UNITS[_unit_word(match["unit"])]
    return [Reading(match.start(), match.end(), "literal",
                    {"type": "SET", "value": f"P{'T' if needs_t else ''}{int(count) * size}{letter}"})]


def _times_a(match: re.Match, text: str) -> list[Reading]:
    """ "twice a week", "three times a year": a set over the unit (TimeML SET P1W; the count is its
    frequency, which the value does not carry)."""
    letter, needs_t, size = UNITS[_unit_word(match["unit"])]
    return [Reading(match.start(), match.end(), "literal", {"type": "SET", "value": f"P{'T' if needs_t else ''}{size}{letter}"})]


def _set(match: re.Match, text: str) -> list[Reading]:
    word = match["what"]
    lower = word.lower()
    if lower in WEEKDAYS or lower.rstrip("s") in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[lower.rstrip('s')]}"
    elif lower.rstrip(".") in MONTHS and word[0].isupper():
        value = f"XXXX-{month_number(word):02d}"
    else:
        letter, needs_t, size = UNITS[_unit_word(word)]
        value = f"P{'T' if needs_t else ''}{size}{letter}"
    return [Reading(match.start(), match.end(), "literal", {"type": "SET", "value": value})]


# After a frequency word, a word that makes it an adjective ("quarterly dividend", "weekly magazine"):
# a lower-case word that is not a function word joining the next phrase.
_ADJECTIVE_USE = re.compile(
    r"\s(?!(?:and|or|but|since|through|until|till|for|in|on|at|to|from|with|by|as|over|under|after|before|"
    r"during|throughout|if|when|while|because|so|than|then|thereafter|now|ever|again)\b)[a-z]"
)
_ACCOUNTING_FREQUENCIES = frozenset({"quarterly", "annually", "semiannually", "biannually"})
# Before it, a rate ("rise 8.5% annually", "doubling its profits annually"): how fast, not how often.
_RATE_BEFORE_ADVERB = re.compile(r"(?i)(?:\d%|percent|per cent|doubl\w*|tripl\w*)\s*(?:\w+\s){0,2}$")


def _adverb_set(match: re.Match, text: str) -> list[Reading]:
    """ "held here annually", "meets weekly", "the daily tally": a set. The words of accounts ("quarterly",
    "annually"…) are left untagged, as TimeBank leaves them, as adjectives ("quarterly dividend") and in
    rates ("rise 8.5% annually"): how fast, not how often."""
    if match["word"].lower() in _ACCOUNTING_FREQUENCIES and (
        _ADJECTIVE_USE.match(text, match.end()) or _RATE_BEFORE_ADVERB.search(text[max(0, match.start() - 30) : match.start()])
    ):
        return []
    values = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M",
              "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "semiannually": "P6M",
              "biannually": "P6M"}
    return [Reading(match.start(), match.end(), "literal", {"type": "SET", "value": values[match["word"].lower()]})]


def _clock(match: re.Match, text: str) -> list[Reading]:
    groups = match.groupdict()
    word = (groups.get("word") or "").lower()
    if word:
        hour, minute = (12, 0) if word in ("noon", "midday") else (24, 0)
    else:
        hour = int(groups["h"] or groups["h2"] or groups["h24"])
        minute = int(groups["min"] or groups["min24"] or 0)
        meridiem = (groups.get("ampm") or "").lower()
        if groups.get("inthe"):  # "4 in the morning"
            meridiem = "am" if "morning" in groups["inthe"] else "pm"
        if hour > 12 and meridiem or hour > 24 or minute > 59:
            return []
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
        if "morning" in (groups.get("inthe") or "") and hour == 12:
            hour = 0
    anchor = {}
    if groups.get("wd"):
        anchor = {"wd": WEEKDAYS[groups["wd"].lower()]}
    elif groups.get("rw"):
        anchor = {"offset": {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[groups["rw"].lower()]}
    elif groups.get("mon"):
        month, day = month_number(groups["mon"]), day_number(groups["day"])
        if not valid_day(None, month, day):
            return [Reading(match.start(), match.end(), "blocked")]
        anchor = {"m": month, "d": day}
    return [Reading(match.start(), match.end(), "clock", {"h": hour, "min": minute, **anchor})]


def _holiday(match: re.Match, text: str) -> list[Reading]:
    name = " ".join(match["name"].lower().replace("’", "'").split())
    rel = (match["rel"] or "").strip().lower()
    year = int(match["year"]) if match["year"] else None
    return [Reading(match.start(), match.end(), "holiday", {"name": name, "rel": rel, "y": year})]


def _c(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


_I = re.IGNORECASE
_LOOKAHEAD = 12


@dataclass(frozen=True, slots=True)
class Trigger:
    """Where a rule can match: near one of ``words`` (as a whole word, any case) or a ``pattern`` hit.

    Running each costly rule only in short windows around its trigger words keeps tagging fast (hundreds
    of articles a second) without changing what matches.
    """

    before: int
    after: int
    words: frozenset[str] = frozenset()
    pattern: re.Pattern | None = None


def _trigger(pattern: str, before: int, after: int) -> Trigger:
    return Trigger(before, after, pattern=re.compile(pattern))


def _words(words: str, before: int, after: int, pattern: str | None = None) -> Trigger:
    return Trigger(before, after, frozenset(words.split()), re.compile(pattern) if pattern else None)


_UNIT_TRIGGER = _words(
    "second seconds minute minutes hour hours day days night nights week weeks fortnight fortnights month months "
    "quarter quarters year years decade decades century centuries millennium millennia", 48, 24)
_PERIOD_TRIGGER = _words(
    "week weekend month year decade century summer spring fall autumn winter quarter quarters half period", 60, 30)
_MONTH_TRIGGER = _words(" ".join(MONTHS), 30, 30)
_WEEKDAY_TRIGGER = _words(" ".join(WEEKDAYS), 20, 20)
_DECADE_TRIGGER = _words("twenties thirties forties fifties sixties seventies eighties nineties", 40, 10, r"\d0'?s")
_YEAR_TRIGGER = _words("", 40, 0, r"\d\d\d\d")
_WD_PRE = r"(?:(?P<pre>(?i:last|next|this coming|this past|this|coming|past))\s)?"
_PART = r"(?:\s(?P<part>(?i:morning|afternoon|evening|night)))"
_TZ = r"(?:\s(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|local time))?"
_MONTH_REL = r"(?:(?P<rel>(?i:last|next|this|this past|this coming|the coming|the past)) )?"
_HOLIDAYS = (
    r"(?P<name>New Year'?s(?: Day| Eve)?|Christmas(?: Day| Eve)?|Thanksgiving(?: Day)?|Independence Day"
    r"|the Fourth of July|Labor Day|Memorial Day|Veterans Day|Valentine'?s Day|Halloween|Election Day"
    r"|Easter(?: Sunday)?|Good Friday)"
)

_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|nineteenth|twentieth"
    "|twenty-first"
)
# A year said in words, as broadcast transcripts write it ("nineteen ninety-four").
_SPOKEN_YEAR = rf"(?i:(?:nineteen|eighteen)[- ](?:hundred|{NUMBER_WORD_RE}))"
# "in the past" is PAST_REF unless a span follows ("in the past two years", "in the past week").
_PAST_SPAN_WORD = rf"(?:{NUMBER_RE}|{UNIT_RE}|weekend|summer|spring|fall|autumn|winter)\b"
_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_DIRECTION = (
    "past|last|next|previous|coming|following|first|final|latest|remaining|preceding|ensuing|year-earlier"
    "|same|other"
)
_QUARTER_WHICH = (
    r"latest|current|most\srecent|recent|previous|prior|year-earlier|year-ago|comparable|comparable\syear-ago"
    r"|corresponding|same|just-ended|fiscal|latest\sfiscal|current\sfiscal"
)
_YEAR_BACK = (
    r"a\syear\s(?:ago|earlier|before)|the\syear\sbefore|year-(?:earlier|ago)(?:\s(?:quarter|period))?"
    r"|the\s(?:year-earlier|year-ago)(?:\s(?:third|second|first|fourth))?\s(?:quarter|period)"
    r"|(?:the\s)?(?:corresponding|comparable)\s(?:period|quarter)\s(?:a|last)\syear(?:\sago)?"
    r"|last\syear's\s(?:quarter|period)|the\squarter\sa\syear\s(?:ago|earlier)"
)
_CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s?(?P<ampm>[ap]\.m\.?|[AP]\.M\.?|[ap]m|[AP]M)"
    r"|(?P<h24>[01]\d|2[0-3]):?(?P<min24>[0-5]\d)(?=\s(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT)\b)"
    r"|(?P<word>(?i:noon|midnight|midday))"
    r"|(?P<h2>[01]?\d)(?P<inthe>\sin\sthe\s(?:morning|afternoon|evening)))(?!\w)"
)
_CLOCK_DAY = (
    rf"(?:,?\s(?:(?i:on)\s)?(?P<wd>{WEEKDAY_RE})|\s(?P<rw>(?i:today|tonight|yesterday|tomorrow))"
    rf"|,?\s(?:(?i:on)\s)?(?P<mon>{MONTH_RE})\s(?P<day>{DAY_RE}))?"
)


def _season_year(match: re.Match, text: str) -> list[Reading]:
    year = int(match["year"]) if match["year"] else spoken_year(match["spoken"])
    if year is None:
        return []
    fields = {"rel": "the", "unit": match["rel"].lower(), "mod": modifier(match["mod"]), "year": year}
    return [Reading(match.start(), match.end(), "period", fields)]


def _weekday_set(match: re.Match, text: str) -> list[Reading]:
    """ "Tuesday nights": every Tuesday, at night (XXXX-WXX-2TNI)."""
    part = PARTS_OF_DAY[match["part"].lower().rstrip("s")]
    value = f"XXXX-WXX-{WEEKDAYS[match['what'].lower()]}T{part}"
    return [Reading(match.start(), match.end(), "literal", {"type": "SET", "value": value})]


class Rule(NamedTuple):
    """One spelling family: where it may match (``trigger``), what it matches, how it reads the match."""

    name: str
    pattern: re.Pattern
    build: Builder
    trigger: Trigger


RULES: list[Rule] = [
    Rule("month day year", _c(
        rf"{_L}(?:(?P<wd>{WEEKDAY_RE})\s?,?\s)?(?P<mon>{MONTH_RE})\s(?P<day>{DAY_RE})"
        rf"(?:(?:\s?,\s?|\s)(?P<year>{YEAR_RE}))?{_R}"), _date, _MONTH_TRIGGER),
    Rule("day month year", _c(
        rf"{_L}(?:(?P<wd>{WEEKDAY_RE})\s?,?\s)?(?:the\s)?(?P<day>{DAY_RE})\s(?:of\s)?(?P<mon>{MONTH_RE})"
        rf"(?:\s?,?\s(?P<year>{YEAR_RE}))?{_R}"), _date, _MONTH_TRIGGER),
    Rule("week of a date", _c(
        rf"{_L}(?i:the\s)?(?i:week)\sof\s(?P<mon>{MONTH_RE})\s(?P<day>{DAY_RE})(?:,?\s(?P<year>{YEAR_RE}))?{_R}"),
         _week_of, _PERIOD_TRIGGER),
    Rule("ISO date", _c(rf"{_L}(?P<year>{YEAR_RE})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
         _numeric_date, _trigger(r"\d-\d", 8, 8)),
    Rule("US numeric date", _c(rf"{_L}(?P<mon>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>{YEAR_RE}){_R}"),
         _numeric_date, _trigger(r"\d/\d", 6, 8)),
    Rule("month", _c(
        rf"{_L}(?:(?P<mod>{_MOD_RE})[\s-]?)?{_MONTH_REL}(?P<mon>{MONTH_RE})(?:,?\s(?:of\s)?(?P<year>{YEAR_RE})"
        rf"|\s(?P<spoken>{_SPOKEN_YEAR})|(?P<tail>(?:,?\s(?i:of\s)?(?i:this|last|next)\s(?i:year)(?:'s)?)))?{_R}"),
         _month, _MONTH_TRIGGER),
    Rule("year", _c(
        rf"{_L}(?P<pre>(?i:fiscal\s(?:year\s)?|FY\s?|(?:the\s)?(?:(?:early|late|mid)(?:-|\s|-\s)?"
        rf"|(?:the\s)?(?:end|beginning|start|middle)\sof\s)|the\syear\s))?(?P<year>{YEAR_RE}){_R}"),
         _year, _YEAR_TRIGGER),
    Rule("two-digit year", _c(rf"{_L}[’'](?P<yy>\d\d){_R}"),
         _two_digit_year, _trigger(r"[’']\d\d", 16, 4)),
    Rule("decade", _c(
        rf"{_L}(?:(?:the|[Tt]he)\s)?(?:(?P<mod>{_MOD_RE})[\s-]?)?"
        rf"(?:(?:(?P<full>{YEAR_RE[3:-1]}0)|'(?P<short>\d0))'?s|(?P<word>(?i:{_DECADE_WORDS}))){_R}"),
         _decade, _DECADE_TRIGGER),
    Rule("century", _c(rf"{_L}(?:the\s)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})[- ]century{_R}", _I),
         _century, _words("century centuries", 30, 0)),
    Rule("spoken year", _c(
        rf"{_L}(?:(?i:the year)\s)?(?P<words>(?i:nineteen|eighteen)[- ](?:hundred|{NUMBER_WORD_RE})"
        rf"|(?<=the year )two thousand(?: and \w+)?){_R}"), _spoken_year, _words("nineteen eighteen thousand", 24, 40)),
    Rule("weekday", _c(rf"{_L}{_WD_PRE}(?P<wd>{WEEKDAY_RE})(?!'?s\s(?i:nights|mornings)){_PART}?{_R}"),
         _weekday, _WEEKDAY_TRIGGER),
    Rule("relative day", _c(
        rf"{_L}(?:(?P<mod>early|late|earlier|later)\s)?(?P<word>the day before yesterday|the day after tomorrow"
        rf"|today|tonight|yesterday|tomorrow|this|last){_PART}?{_R}", _I),
         _relative_day, _words("today tonight yesterday tomorrow this last", 28, 12)),
    Rule("relative period", _c(
        rf"{_L}(?:(?P<mod>{_MOD_RE})[\s-](?:in\s)?)?(?P<rel>this past|this coming|the past|the previous|the coming"
        r"|the current|the following|the latest|the same|this|last|next|that|the|in the)\s"
        r"(?P<unit>week|weekend|month|year|decade|century|summer|spring|fall|autumn|winter)"
        rf"(?:\s(?:of\s)?(?P<year>{YEAR_RE}))?{_R}", _I), _relative_period, _PERIOD_TRIGGER),
    Rule("modified season", _c(
        rf"{_L}(?:(?P<rel>the)\s)?(?P<mod>early|late|mid)[\s-](?P<unit>summer|spring|fall|autumn|winter){_R}", _I),
         _modified_season, _PERIOD_TRIGGER),
    Rule("season of a year", _c(
        rf"{_L}(?:the\s)?(?:(?P<mod>{_MOD_RE})[\s-])?(?P<rel>summer|spring|fall|autumn|winter)(?P<unit>)\s(?:of\s)?"
        rf"(?:(?P<year>{YEAR_RE})|(?P<spoken>{_SPOKEN_YEAR})){_R}", _I), _season_year, _PERIOD_TRIGGER),
    Rule("year end", _c(rf"{_L}(?:year[- ]end|year's end|(?:the\s)?end of the year){_R}", _I), _year_end,
         _PERIOD_TRIGGER),
    Rule("named year", _c(
        rf"{_L}the\s(?:(?P<current>current|latest|full|current\sfiscal|full\sfiscal|latest\sfiscal)\s"
        rf"|(?P<fiscal>fiscal)\s)?year(?P<ended>\s(?:ended|ending|that\sended|to)\b)?{_R}", _I),
         _named_year, _PERIOD_TRIGGER),
    Rule("quarter or half", _c(
        rf"{_L}(?:(?P<pre>(?:the|its|a|this\syear's|last\syear's|next\syear's)\s)(?:(?P<py>{YEAR_RE})\s)?"
        rf"|(?P<py2>{YEAR_RE})\s)?(?:fiscal[- ])?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        r"(?:[- ]fiscal)?(?P<sep>[- ])(?P<unit>quarters|quarter|half)"
        rf"(?:\s(?:of\s)?(?:(?:fiscal\s)?(?P<year>{YEAR_RE})|(?P<rel>this|last|next)\syear))?{_R}", _I),
         _quarter, _PERIOD_TRIGGER),
    Rule("named quarter", _c(
        rf"{_L}(?:the|this|that|its)\s(?:(?P<year>{YEAR_RE})\s|(?P<which>{_QUARTER_WHICH})\s)?"
        rf"(?P<unit>quarter|period){_R}(?!\s(?:of|for|when|in\swhich))", _I), _named_quarter, _PERIOD_TRIGGER),
    Rule("a year back", _c(rf"{_L}(?:{_YEAR_BACK}){_R}", _I), _year_back, _PERIOD_TRIGGER),
    Rule("anaphoric year", _c(
        rf"{_L}(?:(?P<mod>{_MOD_RE})\s)?(?P<which>that\syear|the\sfollowing\syear|the\snext\syear"
        r"|the\sprevious\syear|the\spreceding\syear|the\sprior\syear|the\ssame\syear|the\syear\sbefore)"
        rf"{_R}", _I), _anaphoric_year, _PERIOD_TRIGGER),
    Rule("anaphoric day", _c(
        rf"{_L}(?:(?P<mod>[Ee]arlier|[Ll]ater)\s)?(?:[Tt]hat\s(?:same\s)?|[Tt]he\s(?:(?P<which>same|next|following"
        rf"|previous|preceding)\s))(?:day|(?P<part>morning|afternoon|evening|night)){_R}"),
         _anaphoric_day, _words("day morning afternoon evening night", 30, 4)),
    Rule("ago", _c(
        rf"{_L}(?:(?P<mod>{_DURATION_MOD_RE})\s)?(?P<num>{NUMBER_RE})[\s-](?P<unit>{UNIT_RE})\s(?:or\sso\s)?"
        rf"(?P<dir>{_FUTURE_ADVERB}){_R}", _I), _ago, _UNIT_TRIGGER),
    Rule("duration range", _c(
        rf"{_L}(?:(?P<mod>{_DURATION_MOD_RE})\s)?(?:(?:the|these)\s)?(?:(?:{_DIRECTION})\s)?"
        rf"(?P<low>\d+|{NUMBER_WORD_RE})\s(?:to|-|–|or|and)\s(?P<num>\d+|{NUMBER_WORD_RE})\s"
        rf"(?P<unit>{UNIT_RE}){_R}", _I), _duration_range, _UNIT_TRIGGER),
    Rule("duration", _c(
        rf"{_L}(?:(?P<mod>{_DURATION_MOD_RE})\s)?(?:(?P<det>the|these|those)\s)?(?:(?P<dir>{_DIRECTION})\s)?"
        rf"(?P<num>{NUMBER_RE})(?P<sep>[\s-])(?:(?:more|additional|straight|consecutive|full|long|extra)\s)?"
        rf"(?P<unit>{UNIT_RE})(?:\s(?:or\sso|straight|running|in\sa\srow))?{_R}", _I), _duration, _UNIT_TRIGGER),
    Rule("vague span", _c(
        rf"{_L}(?P<pre>(?:in\s)?recent|the\scoming|coming|the\spast\sfew|the\snext\sfew|the\sweeks|the\smonths"
        rf"|for|within|in)\s(?P<unit>years|months|weeks|days|decades|centuries)(?:\sahead)?{_R}", _I),
         _vague_span, _UNIT_TRIGGER),
    Rule("frequency adverb", _c(
        rf"{_L}(?P<word>daily|nightly|weekly|monthly|yearly|hourly|biweekly|annually|quarterly|semiannually"
        rf"|biannually){_R}", _I),
         _adverb_set, _words("daily nightly weekly monthly yearly hourly biweekly annually quarterly semiannually "
                             "biannually", 0, 0)),
    Rule("every", _c(rf"{_L}(?i:every|each|per)\s(?:other\s)?(?P<what>{UNIT_RE}|{WEEKDAY_RE}s?|{MONTH_RE}){_R}"),
         _set, _words("every each per", 0, 40)),
    Rule("every few", _c(rf"{_L}(?i:every)\s(?P<num>{NUMBER_RE})\s(?P<unit>{UNIT_RE}){_R}"),
         _every_few, _words("every", 0, 40)),
    Rule("times a", _c(rf"{_L}(?P<times>(?i:once|twice|thrice|(?:{NUMBER_RE})\stimes))\s(?i:a|an|per|each)\s"
                       rf"(?P<unit>{UNIT_RE}){_R}"),
         _times_a, _words("once twice thrice times", 30, 24)),
    Rule("weekday nights", _c(
        rf"{_L}(?P<what>{WEEKDAY_RE})s?(?:'s)?\s(?P<part>(?i:nights|mornings|evenings|afternoons)){_R}"),
         _weekday_set, _WEEKDAY_TRIGGER),
    Rule("present", _c(
        rf"{_L}(?:right now|just now|now|currently|at present|presently|these days|nowadays|at this time){_R}", _I),
         _literal("DATE", "PRESENT_REF"), _words("now currently present presently days nowadays time", 12, 0)),
    Rule("past", _c(
        rf"{_L}(?:more recently|recently|lately|in recent times|(?<=\b[Ii]n\s)the past(?![\s-]+{_PAST_SPAN_WORD})){_R}",
        _I), _literal("DATE", "PAST_REF"), _words("recently lately times past", 16, 0)),
    Rule("future", _c(
        rf"{_L}(?:the (?:near |distant )?future|the (?:near|short|long) term|as soon as possible){_R}", _I),
         _literal("DATE", "FUTURE_REF"), _words("future term possible", 30, 0)),
    Rule("clock time", _c(rf"{_L}{_CLOCK}{_TZ}{_CLOCK_DAY}{_R}"), _clock,
         _words("am pm m noon midnight midday morning afternoon evening gmt utc bst cet cest est edt cst cdt "
                "mst mdt pst pdt", 16, 40)),
    Rule("holiday", _c(rf"{_L}(?:(?P<rel>(?i:last|next|this))\s)?{_HOLIDAYS}(?:,?\s(?P<year>{YEAR_RE}))?{_R}"),
         _holiday, _words("christmas year years thanksgiving independence july labor memorial veterans valentine "
                          "valentines halloween election easter friday", 20, 12)),
]


def _word_hits(word: str, lowered: str, found: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Where ``word`` occurs as a whole word in the lowercased text (memoized in ``found``)."""
    if word not in found:
        hits, size, index = [], len(word), lowered.find(word)
        while index >= 0:
            end = index + size
            if (index == 0 or not _is_word_char(lowered[index - 1])) and (
                end == len(lowered) or not _is_word_char(lowered[end])
            ):
                hits.append((index, end))
            index = lowered.find(word, index + 1)
        found[word] = hits
    return found[word]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _windows(
    trigger: Trigger, text: str, lowered: str, found: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """Merged stretches around the trigger's hits: the only places the (costly) rule can match."""
    hits: list[tuple[int, int]] = []
    if trigger.pattern is not None:
        hits.extend(hit.span() for hit in trigger.pattern.finditer(text))
    for word in trigger.words:
        hits.extend(_word_hits(word, lowered, found))
    hits.sort()
    after = trigger.after + _LOOKAHEAD  # a window must not end where a rule's lookahead still needs to see
    windows: list[tuple[int, int]] = []
    for start, end in hits:
        low, high = max(0, start - trigger.before), min(len(text), end + after)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _matches(pattern: re.Pattern, windows: list[tuple[int, int]], text: str) -> Iterator[re.Match]:
    for low, high in windows:
        yield from pattern.finditer(text, low, high)


def find_readings(text: str) -> Iterator[Reading]:
    """Every rule's readings, longest first where they overlap, in text order.

    A "blocked" reading ("31 February") wins its span and yields nothing, so no shorter rule invents a
    date from part of an impossible one.
    """
    found: list[tuple[int, int, Reading]] = []
    lowered, word_hits = text.lower(), {}
    windows_of: dict[int, list[tuple[int, int]]] = {}
    for rank, (_, pattern, build, trigger) in enumerate(RULES):
        if id(trigger) not in windows_of:
            windows_of[id(trigger)] = _windows(trigger, text, lowered, word_hits)
        for match in _matches(pattern, windows_of[id(trigger)], text):
            for reading in build(match, text):
                if reading.end > reading.start:
                    found.append((rank, len(found), reading))
    found.sort(key=lambda item: (-(item[2].end - item[2].start), item[0], item[2].start))
    taken: list[Reading] = []
    occupied = bytearray(len(text) + 1)
    for _, _, reading in found:
        if any(occupied[reading.start : reading.end]):
            continue
        occupied[reading.start : reading.end] = b"\x01" * (reading.end - reading.start)
        taken.append(reading)
    return iter(sorted((r for r in taken if r.kind != "blocked"), key=lambda r: r.start))
