"""Words and regex fragments for English time expressions, shared by the patterns and the normalizer.

Kept apart from the rules so a reader can see at a glance which spellings are understood ("Sept.",
"twenty-four", "fall") without wading through the resolution logic.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month each season starts in, to decide whether "last summer" is this year's or last year's.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}
# unit word -> (ISO 8601 duration letter, needs the "T" time designator, size in the unit's base)
UNITS = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "millennium": ("Y", False, 1000),
}
# What an unknown number of a unit is written as ("years" -> PXY).
VAGUE_UNITS = {
    "second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD", "week": "PXW",
    "fortnight": "PXW", "month": "PXM", "quarter": "PXQ", "year": "PXY", "decade": "PXE",
    "century": "PXC", "millennium": "PXL",
}

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_VAGUE = {"few", "a few", "several", "some", "many", "a number of", "numerous", "multiple"}

MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_RE = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"
_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
UNIT_RE = rf"(?:(?:trading|business|working|calendar|fiscal) )?(?:centuries|millennia|(?:{_UNIT_WORDS})s?)"
_SMALL_WORDS = "|".join(sorted((w for w in _SMALL if len(w) > 2), key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS)
_BASIC_WORD = rf"(?:(?:{_TENS_WORDS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL_WORDS})"
NUMBER_WORD_RE = (
    rf"(?:(?:{_BASIC_WORD}|a)[- ](?:hundred|thousand)(?:(?: and)? {_BASIC_WORD})?|{_BASIC_WORD})"
)
NUMBER_RE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?: 1/2| and a half)?|{NUMBER_WORD_RE}(?: and a half)?"
    r"|a couple of|a couple|a few|a number of|several|few|many|some|numerous|an|a)"
)


def parse_number(text: str) -> float | None:
    """Read "twenty-four", "2 1/2", "a couple of", "1,000" as a number; None for vague amounts ("several").

    >>> parse_number("twenty four"), parse_number("5 1/2"), parse_number("several")
    (24.0, 5.5, None)
    """
    words = text.lower().strip()
    half = 0.0
    for suffix in (" 1/2", " and a half"):
        if words.endswith(suffix):
            words, half = words[: -len(suffix)].strip(), 0.5
    if words in _VAGUE:
        return None
    if words in ("a couple of", "a couple"):
        return 2.0 + half
    digits = words.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits) + half
    total, current = 0, 0
    for word in re.split(r"[- ]+", words):
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current) + half


def spoken_year(text: str) -> int | None:
    """Read a year said in words, as broadcast transcripts write it: "nineteen ninety-six" -> 1996."""
    words = re.split(r"[- ]+", text.lower().strip())
    if len(words) >= 2 and words[0] in ("nineteen", "eighteen") and words[1] != "hundred":
        rest = parse_number(" ".join(words[1:]))
        if rest is not None and 0 <= rest < 100:
            return (1900 if words[0] == "nineteen" else 1800) + int(rest)
    value = parse_number(text)
    if value is not None and 1000 <= value <= 2099 and value == int(value):
        return int(value)
    return None
