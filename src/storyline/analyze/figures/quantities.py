"""Reading number phrases in a parsed sentence: "about 2,000", "between 1,500 and 3,000", "22 million",
"a couple of thousand", "dozens of", "60 percent", "more than 34,000 square miles", "$1.5 billion".

This module only reads what the number says (its value, the hedge in front of it, its unit) and
rejects numbers that are not amounts at all: years, days of the month, ages, durations, clock times,
phone-like strings, ordinals and numbers that are part of a name ("Fox 5", "Flight 370"). What the
number counts, where and when is ``figures.py``'s job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.analyze.nlp import doc_text

DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# "$9.5bn", "4.9m barrels": a scale abbreviation fused to the number or right after it.
FUSED_SCALE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(bn|mn|m|tn|trn)$", re.I)
SCALE_ABBREVIATIONS = {"bn": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "trn": 1e12}
MAX_DIGITS = 15  # beyond this a "number" is an identifier or noise; a float could not even hold it exactly

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
# "dozens of", "tens of thousands of": a magnitude, kept as the range of values the words allow.
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
         "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9)}  # fmt: skip
FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0}

# Hedges before a number; QUALIFIER_WORDS tries the longest first, so "no more than" wins over "more than".
QUALIFIERS = (
    "an estimated", "as many as", "as few as", "at least", "at most", "close to", "fewer than",
    "less than", "more than", "no more than", "no fewer than", "upwards of", "just over", "just under",
    "well over", "up to", "an additional", "another", "approximately", "about", "around", "roughly",
    "nearly", "almost", "near", "some", "over", "under", "above", "below", "only", "estimated", "between",
    "as much as", "as high as", "as low as", "as little as", "in excess of", "slightly more than",
    "slightly less than", "a little over", "a little more than", "well above", "well below",
)  # fmt: skip
QUALIFIER_WORDS = sorted((phrase.split() for phrase in QUALIFIERS), key=len, reverse=True)  # "no more than" first
TIME_UNITS = {
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs", "decade",
    "decades", "century", "centuries", "a.m.", "p.m.", "am", "pm", "o'clock", "night", "nights",
    "year-old", "years-old", "weekend", "weekends", "term", "terms", "gmt", "utc", "est", "edt", "pst",
    "pdt", "bst", "cet",
}  # fmt: skip
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}  # fmt: skip
# Units of measure, longest first; the value is how the unit is reported.
MEASURE_UNITS = (
    ("barrels per day", "bpd"), ("barrels a day", "bpd"), ("bpd", "bpd"), ("parts per million", "ppm"),
    ("ppm", "ppm"), ("square miles", "square miles"), ("square mile", "square miles"),
    ("square kilometers", "square km"),
    ("square kilometres", "square km"), ("sq km", "square km"), ("square km", "square km"),
    ("percentage points", "percentage points"), ("percentage point", "percentage points"),
    ("basis points", "basis points"), ("basis point", "basis points"),
    ("per cent", "percent"), ("percent", "percent"), ("%", "percent"), ("miles per hour", "mph"),
    ("kilometers per hour", "km/h"), ("kilometres per hour", "km/h"), ("kilometers", "km"),
    ("kilometres", "km"), ("km", "km"), ("miles", "miles"), ("mile", "miles"), ("acres", "acres"),
    ("hectares", "hectares"), ("tons", "tons"), ("tonnes", "tonnes"), ("barrels", "barrels"),
    ("gallons", "gallons"), ("liters", "liters"), ("litres", "liters"), ("kilograms", "kg"), ("kg", "kg"),
    ("pounds", "pounds"), ("meters", "meters"), ("metres", "meters"), ("feet", "feet"), ("ft", "feet"),
    ("dollars", "$"), ("euros", "€"), ("cents", "cents"), ("pence", "pence"), ("mph", "mph"), ("kph", "km/h"),
    ("km/h", "km/h"), ("grams", "grams"), ("gram", "grams"), ("ounces", "ounces"), ("ounce", "ounces"),
    ("inches", "inches"), ("mm", "mm"), ("cm", "cm"), ("m", "meters"),
)  # fmt: skip
MEASURE_WORDS = [(written.split(), unit) for written, unit in MEASURE_UNITS]
FUSED_UNITS = {"mph": "mph", "kph": "km/h", "foot": "feet", "ft": "feet",
               "meter": "meters", "metre": "meters", "kilometer": "km", "kilometre": "km",
               "km": "km", "mile": "miles", "ton": "tons", "tonne": "tonnes", "acre": "acres",
               "hectare": "hectares", "pound": "pounds", "gallon": "gallons", "barrel": "barrels",
               "percent": "percent", "inch": "inches", "cm": "cm", "mm": "mm"}  # fmt: skip
CURRENCY_SIGNS = {"$": "$", "us$": "$", "€": "€", "£": "£"}
# Nouns a bare number after them numbers rather than counts: "day 37", "phase 6".
NUMBERING_WORDS = {"day", "week", "phase", "stage", "page", "chapter", "round", "level", "article", "section",
                   "flight", "gate", "room", "platform", "channel", "route", "highway", "episode", "season",
                   "game", "lane", "category", "grade", "step", "version", "item", "act", "verse"}  # fmt: skip
# Words an amount can start with, besides digits.
STARTERS = {*VAGUE, *FRACTIONS, *UNITS_WORDS, "tens", "a", "several"}
NAME_LABELS = {"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "PERSON"}
# "fell $1.25 to $107.37": after these verbs "to" gives the new level, not the top of a range.
CHANGE_VERBS = {"rise", "fall", "drop", "climb", "jump", "gain", "lose", "slip", "edge", "slide", "plunge",
                "soar", "tumble", "increase", "decrease", "decline", "grow", "shrink", "add", "shed", "surge",
                "sink", "dip", "advance", "retreat", "ease", "rally", "slump", "cut", "raise", "lower"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase over tokens ``[start, end)``; ``anchor`` is the token whose syntax places it
    (the last number word), ``needs_of`` when the words only make sense before "of" ("dozens of")."""

    start: int
    end: int
    anchor: int
    value: float | tuple[float, float]
    qualifier: str | None = None
    unit: str | None = None
    needs_of: bool = False
    spelled_small: bool = False
    counted: int | None = None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every amount in the document, left to right, without overlaps; never raises on odd input."""
    quantities: list[Quantity] = []
    text = doc_text(doc)
    i = 0
    while i < len(doc):
        quantity = _read_at(doc, i)
        if quantity is None:
            i += 1
            continue
        if not _is_not_an_amount(doc, quantity, text):
            quantities.append(quantity)
        i = max(quantity.end, i + 1)
    return quantities


def _read_at(doc: Doc, i: int) -> Quantity | None:
    """The amount starting at token ``i`` (a number word, "a couple of", "half"…), or None."""
    token = doc[i]
    lower = token.lower_
    if not token.text[:1].isdigit() and lower not in STARTERS:
        return None
    if lower in VAGUE or (lower == "tens" and _words(doc, i + 1, 2) == ["of", "thousands"]):
        return _read_vague(doc, i)
    if lower in {"a", "one", "two", "three"} or lower in FRACTIONS:
        fraction = _read_fraction(doc, i)
        if fraction:
            return fraction
    if lower == "a" and _words(doc, i + 1, 2) in (["couple", "of"], ["few", "hundred"], ["few", "thousand"]):
        return _read_few(doc, i)
    if lower == "several" and i + 1 < len(doc) and doc[i + 1].lower_ in SCALES:
        return _read_few(doc, i)
    number = _read_number(doc, i)
    if number is None:
        return None
    value, end = number
    low_high: float | tuple[float, float] = value
    currency = i - 1 if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS else None
    joiner = _words(doc, end, 1)
    opened = _preceded_by(doc, i if currency is None else currency, "between")
    if joiner in (["to"], ["-"], ["and"], ["–"]) and (joiner != ["and"] or opened):
        second_start = end + 1 + (currency is not None and _words(doc, end + 1, 1) == [doc[currency].lower_])
        second = _read_number(doc, second_start)
        scale = _scale_of(doc, second_start, second[1]) if second else 1.0
        if second and end == i + 1 and scale > 1 and value * scale < second[0]:
            value = low_high = value * scale  # "25-50 million": the scale written once belongs to both ends
        if second and second[0] > value and not _is_change(doc, i):
            low_high, end = (value, second[0]), second[1]
    start, qualifier = _qualifier_before(doc, i if currency is None else currency)  # "as high as $84.30"
    if qualifier == "between" and not isinstance(low_high, tuple):
        start, qualifier = i if currency is None else currency, None
    if isinstance(low_high, tuple) and qualifier is None:
        qualifier = "between"
    unit = CURRENCY_SIGNS[doc[currency].lower_] if currency is not None else None
    anchor = end - 1
    if unit is None:
        unit, end = _unit_after(doc, end)
    if unit is None:  # "25 and 10 percent": the first of a list takes the unit written after the last
        if not _could_be_year(doc[anchor]):  # "3.4 % in 2010 and 3 % in 2009": a year takes no unit
            unit = _unit_after(doc, _list_end(doc, end))[0]
    elif not isinstance(low_high, tuple) and not _is_change(doc, i):
        low_high, end = _range_with_units(doc, i, value, unit, end)
        if isinstance(low_high, tuple) and qualifier is None:
            qualifier = "between"
    counted = None
    if unit is None and _words(doc, end, 1) == ["-"] and end + 1 < len(doc) and doc[end + 1].tag_ == "NN":
        counted = end + 1
    spelled = unit is None and doc[i].lower_ in UNITS_WORDS and not isinstance(low_high, tuple) and low_high < 10
    return Quantity(start, end, anchor, low_high, qualifier, unit, spelled_small=spelled, counted=counted)


def _range_with_units(doc: Doc, i: int, value: float, unit: str, end: int) -> tuple[float | tuple[float, float], int]:
    """ "between 840,000 gallons and 1.68 million gallons", "$1 billion to $2 billion": a range whose
    ends both carry the unit."""
    joiner = _words(doc, end, 1)
    if joiner not in (["to"], ["and"], ["-"], ["–"]) or (joiner == ["and"] and not _preceded_by(doc, i, "between")):
        return value, end
    second_start = end + 1
    if second_start < len(doc) and CURRENCY_SIGNS.get(doc[second_start].lower_) == unit:
        second_start += 1
    second = _read_number(doc, second_start)
    if second is None or second[0] <= value:
        return value, end
    second_unit, second_end = _unit_after(doc, second[1])
    if CURRENCY_SIGNS.get(doc[end + 1].lower_) == unit:
        second_unit, second_end = unit, second[1]
    return ((value, second[0]), second_end) if second_unit == unit else (value, end)


def _read_number(doc: Doc, i: int) -> tuple[float, int] | None:
    """A number in digits or words with any scale words after it: "22 million", "two thousand"."""
    if i >= len(doc):
        return None
    text = doc[i].text.replace("\u00a0", "")
    lower = text.lower()
    fused = FUSED_SCALE.match(text)
    if fused and _is_scale_abbreviation(doc, i, fused.group(2).lower(), i + 1):
        return float(fused.group(1).replace(",", "")) * SCALE_ABBREVIATIONS[fused.group(2).lower()], i + 1
    if DIGITS.match(text):
        digits = text.replace(",", "").split(".")[0]
        if len(digits) > MAX_DIGITS or (len(digits) > 1 and digits.startswith("0")):
            return None  # too long to be an amount, or a code, clock time or day written with a leading zero
        value, end = float(text.replace(",", "")), i + 1
    elif lower in UNITS_WORDS:
        value, end = float(UNITS_WORDS[lower]), i + 1
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in UNITS_WORDS and value >= 20:
            value, end = value + UNITS_WORDS[doc[end + 1].lower_], end + 2
    else:
        return None
    while end < len(doc) and (scale := _scale_word(doc[end].lower_)):
        value *= scale
        end += 1
    if lower in UNITS_WORDS and end > i + 1 and not _preceded_by(doc, i, "between"):
        value, end = _read_and_continuation(doc, i, value, end)
    abbreviation = doc[end].lower_ if end < len(doc) else ""
    if abbreviation in SCALE_ABBREVIATIONS and _is_scale_abbreviation(doc, i, abbreviation, end + 1):
        value *= SCALE_ABBREVIATIONS[abbreviation]
        end += 1
    return value, end


def _scale_word(word: str) -> float:
    """ "million" and, after a number, its plural as some writers use it ("50 millions Latinos", "nearly 3
    billions of dollars"); 0 for any other word."""
    return SCALES.get(word) or SCALES.get(word.removesuffix("s")) or 0


def _read_and_continuation(doc: Doc, i: int, value: float, end: int) -> tuple[float, int]:
    """ "two hundred and fifty thousand" is 250,000, "one thousand and fifty" 1,050: in words, "and" after
    a scale word joins the number that follows, which a larger scale after it multiplies as a whole."""
    if _words(doc, end, 1) != ["and"] or doc[end - 1].lower_ not in SCALES:
        return value, end
    if end + 1 >= len(doc) or doc[end + 1].lower_ not in UNITS_WORDS:
        return value, end
    rest = _read_number(doc, end + 1)
    if rest is None:
        return value, end
    rest_value, rest_end = rest
    rest_scale = _scale_of(doc, end + 1, rest_end)
    if rest_scale > SCALES[doc[end - 1].lower_]:
        return (value + rest_value / rest_scale) * rest_scale, rest_end
    return value + rest_value, rest_end


def _scale_of(doc: Doc, start: int, end: int) -> float:
    """The product of the scale words in the number read over ``[start, end)``: "50 million" → 1e6."""
    scale = 1.0
    for token in doc[start + 1 : end]:
        scale *= _scale_word(token.lower_) or SCALE_ABBREVIATIONS.get(token.lower_, 1.0)
    fused = FUSED_SCALE.match(doc[start].text)
    return scale * (SCALE_ABBREVIATIONS[fused.group(2).lower()] if fused else 1.0)


def _is_scale_abbreviation(doc: Doc, i: int, abbreviation: str, following: int) -> bool:
    """ "bn" is always billions; "m" is millions after a currency sign or before what it counts ("£10m
    of debt", "4.9m barrels") and metres otherwise ("1,524m below the surface", "the 100m race")."""
    if abbreviation not in {"m", "mn"}:
        return True
    if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS:
        return True
    if following < len(doc):
        word = doc[following]
        if word.lower_ in {"to", "-", "and", "or"} and following + 2 < len(doc):  # "1.4 m to 1.5 m tonnes"
            repeated = doc[following + 2].lower_ == abbreviation
            return repeated and _is_scale_abbreviation(doc, following + 1, abbreviation, following + 3)
        return word.lower_ == "of" or word.tag_ in {"NNS", "NNPS"}
    return False


def _read_vague(doc: Doc, i: int) -> Quantity | None:
    """ "dozens of", "thousands of", "tens of thousands of", "hundreds of thousands of"."""
    words = _words(doc, i, 4)
    if words[:3] == ["tens", "of", "thousands"]:
        value, end = (20_000.0, 99_999.0), i + 3
    elif len(words) >= 3 and words[0] == "hundreds" and words[1:3] == ["of", "thousands"]:
        value, end = (200_000.0, 999_999.0), i + 3
    elif words[0] in VAGUE:
        low, high = VAGUE[words[0]]
        value, end = (float(low), float(high)), i + 1
    else:
        return None
    if _words(doc, end, 1) != ["of"]:
        return None
    start, qualifier = _qualifier_before(doc, i)
    unit, unit_end = _unit_after(doc, end + 1)
    if unit is not None and unit != "pounds":  # "hundreds of miles away" measures; "billions of pounds" is unclear
        return Quantity(start, unit_end, end - 1, value, qualifier, unit)
    return Quantity(start, end, end - 1, value, qualifier, None, needs_of=True)


def _read_few(doc: Doc, i: int) -> Quantity | None:
    """ "a couple of thousand" (about 2,000), "a few hundred", "several thousand" (a range)."""
    words = _words(doc, i, 4)
    if words[:3] == ["a", "couple", "of"] and len(words) == 4 and words[3] in SCALES:
        value: float | tuple[float, float] = 2.0 * SCALES[words[3]]
        qualifier, end = "a couple of", i + 4
    elif words[:2] == ["a", "few"] and words[2] in SCALES:
        value, qualifier, end = (2.0 * SCALES[words[2]], 5.0 * SCALES[words[2]]), "a few", i + 3
    elif words[0] == "several" and words[1] in SCALES:
        value, qualifier, end = (3.0 * SCALES[words[1]], 9.0 * SCALES[words[1]]), "several", i + 2
    else:
        return None
    return Quantity(i, end, end - 1, value, qualifier, None)


def _read_fraction(doc: Doc, i: int) -> Quantity | None:
    """ "half of", "one-third of", "a quarter of", "two-thirds of": a share, reported in percent."""
    words = _words(doc, i, 4)
    if words[0] in FRACTIONS:
        share, end = FRACTIONS[words[0]], i + 1
    elif len(words) >= 3 and words[1] == "-" and words[2] in FRACTIONS:
        share, end = FRACTIONS[words[2]] * max(1, UNITS_WORDS.get(words[0], 1)), i + 3
    elif len(words) >= 2 and words[0] == "a" and words[1] in FRACTIONS and words[1] != "half":
        share, end = FRACTIONS[words[1]], i + 2
    else:
        return None
    if _words(doc, end, 1) != ["of"]:
        return None
    start, qualifier = _qualifier_before(doc, i)
    return Quantity(start, end, end - 1, round(share, 2), qualifier, "percent", needs_of=True)


def _qualifier_before(doc: Doc, i: int) -> tuple[int, str | None]:
    """The hedge right before token ``i`` and where it starts (a non-breaking space is no gap)."""
    previous = [k for k in range(max(0, i - 6), i) if not doc[k].is_space]
    if previous and doc[previous[-1]].dep_ == "prt":  # "rolled over 35 kilometers": a particle, no hedge
        return i, None
    for words in QUALIFIER_WORDS:
        indexes = previous[-len(words) :]
        if len(indexes) == len(words) and [doc[k].lower_ for k in indexes] == words:
            return indexes[0], " ".join(words)
    return i, None


def _unit_after(doc: Doc, end: int) -> tuple[str | None, int]:
    """ "34,000 square miles", "60 percent", and fused "a 40-foot vessel", "the 1,160-kilometer race"."""
    following = _words(doc, end, 3)
    for words, unit in MEASURE_WORDS:
        if following[: len(words)] == words:
            return unit, end + len(words)
    if following[:1] == ["-"] and end + 1 < len(doc) and doc[end + 1].lower_ in FUSED_UNITS:
        return FUSED_UNITS[doc[end + 1].lower_], end + 2
    return None, end


def _is_not_an_amount(doc: Doc, quantity: Quantity, text: str) -> bool:
    """Years, dates, ages, durations, clock times, phone numbers, ordinals and names are not amounts."""
    anchor = doc[quantity.anchor]
    after = _words(doc, quantity.end, 3)
    before = doc[quantity.start - 1] if quantity.start > 0 else None
    if quantity.unit is None and after and (after[0] in TIME_UNITS or after[0] == "times"):
        return True  # durations, clock times, and multipliers ("nine times the size")
    listed = _list_end(doc, quantity.end)
    if quantity.unit is None and quantity.end < listed < len(doc) and doc[listed].lower_ in TIME_UNITS:
        return True  # "3, 7 or 10 years"
    if len(after) > 1 and after[0] == "-" and after[1] in TIME_UNITS:
        return True
    if quantity.unit is None and not quantity.needs_of and _is_year(anchor, after):
        return True
    if (after and after[0] in MONTHS) or (before is not None and before.lower_.rstrip(".") in MONTHS):
        return True
    if before is not None and before.lower_ in {"aged", "age", "ages", "no.", "number", "#"}:
        return True
    numbered = before is not None and before.lower_ in NUMBERING_WORDS and doc[quantity.start].text[:1].isdigit()
    if numbered and quantity.qualifier is None and quantity.unit is None:
        return True  # "day 37 of the crisis", "phase 6", "page 12"
    if _words(doc, max(0, quantity.start - 2), 2) in (["ages", "of"], ["age", "of"]):
        return True  # "young people between the ages of 15 to 29"
    if _is_part_of_code(doc, quantity, text):
        return True
    if _is_in_name(doc, quantity, before):
        return True
    if _is_enumerator(doc, quantity):
        return True
    return _is_small_word_number(doc, quantity)


def _is_enumerator(doc: Doc, quantity: Quantity) -> bool:
    """ "12 -RRB- 38 Russian citizens killed …", "18) Moscow airport suicide bombing": a bare number
    closed by a bracket it did not open is a list item's number."""
    if quantity.unit is not None or quantity.qualifier is not None or quantity.end >= len(doc):
        return False
    if doc[quantity.end].text not in {")", "-RRB-", "]", "-RSB-"}:
        return False
    opened = doc[max(0, quantity.start - 3) : quantity.start]
    return not any(token.text in {"(", "-LRB-", "[", "-LSB-"} for token in opened)


def _could_be_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1000 <= int(token.text) <= 2199


def _is_year(anchor: Token, after: list[str]) -> bool:
    """A four-digit number that could be a year is one unless the plural noun it counts follows at once
    ("1500 troops", "1,500 new jobs"): "the 1918 flu pandemic" is a year even when a run-on headline
    parses it as counting a later noun."""
    if not _could_be_year(anchor):
        return False
    if anchor.dep_ != "nummod" or anchor.head.tag_ != "NNS" or anchor.head.lower_ in TIME_UNITS:
        return True
    between = anchor.doc[anchor.i + 1 : anchor.head.i]
    return anchor.head.i < anchor.i or any(token.pos_ not in {"ADJ", "NUM"} for token in between)


def _is_part_of_code(doc: Doc, quantity: Quantity, text: str) -> bool:
    """Phone numbers, clock times, dates and scores written with digits and separators: 555-123-4567,
    10:30, 12/11/2018, 3-2 (when the pieces are not an ascending range of counted things)."""
    start_char = doc[quantity.start].idx
    end_char = doc[quantity.end - 1].idx + len(doc[quantity.end - 1])
    left = text[max(0, start_char - 6) : start_char]
    right = text[end_char : end_char + 6]
    if re.search(r"\d[-/:.]$", left) or re.match(r"^[-/:.]\d", right) or re.match(r"^[:/]\d", right):
        return True
    if re.search(r"\(\d{3}\)\s?$", left) or re.match(r"^-[A-Z]", right):
        return True  # a phone area code; "2-Obama", "3-D": a number fused to a capital is a name or code
    span_text = text[start_char:end_char]
    return bool(re.search(r"\d[/:]\d|\d{3}-\d{3}-\d{4}|\d-\d{3}-\d", span_text))


def _is_in_name(doc: Doc, quantity: Quantity, before: Token | None) -> bool:
    """ "Fox 5", "Flight 370", "Apollo 11", "Article 5": a capitalized word right before a bare number."""
    anchor = doc[quantity.anchor]
    if anchor.ent_type_ in NAME_LABELS and quantity.qualifier is None and quantity.unit is None:
        return True
    tagged = doc[max(0, quantity.start - 2) : quantity.start]
    if quantity.unit is None and any(token.text.startswith(("#", "@")) for token in tagged):
        return True  # "#AC 360", "@cnn 5": hashtags and handles
    if before is None or quantity.qualifier is not None or quantity.unit is not None:
        return False
    names_it = anchor.head == before or anchor.head.i < anchor.i
    if before.is_upper and before.is_alpha and before.ent_type_ in NAME_LABELS:
        return True  # "the FTSE 100 list", "G 20"
    following = doc[quantity.end] if quantity.end < len(doc) else None
    if following is not None and before.pos_ == "PROPN" and following.pos_ == "PROPN" and following.is_title:
        return True  # "the STOXX Europe 600 Oil and Gas index", "Apollo 11 Mission"
    return names_it and before.is_title and before.pos_ in {"PROPN", "NOUN"} and not before.is_sent_start


def _is_small_word_number(doc: Doc, quantity: Quantity) -> bool:
    """ "one of two helicopters", "a two-phased plan", "one another": in words, small numbers before "of"
    or fused into an adjective, and "one" not followed by what it counts, are prose, not figures.
    ``figures.py`` decides the rest from the clause ("two sailors died" and "one death" are kept, "one
    senior official said" is not)."""
    if not quantity.spelled_small or quantity.unit is not None:
        return False
    following = doc[quantity.end] if quantity.end < len(doc) else None
    if quantity.value <= 1 and (following is None or following.pos_ not in {"NOUN", "PROPN", "ADJ"}):
        return True
    return _words(doc, quantity.end, 1) in (["of"], ["-"])


def _list_end(doc: Doc, end: int) -> int:
    """Where a list of bare numbers starting right after ``end`` stops: "3 , 7 , 10 years" read from
    after the 3 stops before "years"; ``end`` itself when no list follows."""
    position = end
    while position + 1 < len(doc) and doc[position].lower_ in {",", "and", "or"}:
        following = position + 1
        if doc[following].lower_ in {"and", "or"}:
            following += 1
        number = _read_number(doc, following) if following < len(doc) else None
        if number is None:
            break
        position = number[1]
    return position


def _is_change(doc: Doc, i: int) -> bool:
    """ "rose from 5,000 to 8,000", "from $5 to $8", "fell $1.25 to $107.37" and "increased by 22 to 530"
    are two figures (a change, or where it started, and the level it reached), not a range."""
    before = i - 1 if i > 0 and doc[i - 1].lower_ in CURRENCY_SIGNS else i
    if _preceded_by(doc, before, "from") and doc[before - 1].head.pos_ == "VERB":
        return True
    if _preceded_by(doc, before, "by") and doc[before - 1].head.lemma_.lower() in CHANGE_VERBS:
        return True  # "increased by 22 to 530": the change and the level it reached
    return before > 0 and doc[before - 1].pos_ == "VERB" and doc[before - 1].lemma_.lower() in CHANGE_VERBS


def _preceded_by(doc: Doc, i: int, word: str) -> bool:
    return i > 0 and doc[i - 1].lower_ == word


def _words(doc: Doc, start: int, count: int) -> list[str]:
    return [doc[k].lower_.replace("\u00a0", " ") for k in range(start, min(len(doc), start + count))]
