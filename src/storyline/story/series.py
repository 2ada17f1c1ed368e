"""Figure series: the same thing counted in the same place, across articles and over time, with the
places where sources disagree.

A series is keyed by whose (canonical owner: "U.S." = "US" = "American" → United States), what
(troops = forces = soldiers, decided in ``figures.py``), what happened to them (two soldiers killed are
not a troop level), where (canonical places, "Iraq and Syria" in any order) and unit (a percentage never
joins a head count); distances and speeds are not charted, since no place makes a line of them. A
figure that does not say whose joins the one series of the same thing and place that does; if there
are several, or it names no place either, it stays apart rather than guess. An owner that is the place
("UK cases in the UK") is the place, not a second owner.
"an additional 4,000 troops" is an increment and "shares fell 13 percent" a change, not levels: they
join no series.

Which series are kept: a chart needs at least two points, and a line through points from different
places means nothing, so a series is kept when it has a place and two or more points, or when two or
more articles report it; a count with neither owner nor place is never charted. Either way it needs two
different values: one number restated on several dates ("his 50-date run of concerts in London" in
three articles) is one fact, not a line, and single facts stay in the articles' own text; nor are
vague magnitudes alone ("thousands", "hundreds of" protesters) values to draw a line through. People
counted with nothing happening to them (killed, infected, evacuated…) are a population in one sentence
and a crowd in the next, so "people" alone is never a series. The values must come from at least two
sentences: the numbers of one sentence are parts of a whole or items of a list ("$120 in New York,
$160 in Westchester"), already compared where they are written; for the same reason one sentence
giving a series two values for one date charts neither (see ``_without_parts``).
A sentence repeated word for word in later articles (a fact box, a syndicated paragraph) is the first
statement re-published: it is one point, dated by its first appearance, not a new reading each day.

Conflicts: points of one period, from different articles, whose values cannot both be true given their
hedges (one article giving two numbers for one day is usually naming parts: "21 in Choluteca, 140 in
all"). Each value is read
as an interval — exact ±0.5%, "about"/"some"/"near" ±1%, "nearly" up to 3% below, "more than" open
above, "up to" open below, a range as written — and two points conflict when their intervals do not
meet. The margins are deliberately tight: outlets rounding one fact land on one round number, so "near
166,000" against "about 170,000" is a disagreement a reader should see. A period is the points' as-of
date, where a coarser date holds a finer one (2007 holds 2007-05); claims about the series' peak ("at
its peak", "at the height of") are one period whatever their dates, because they describe one moment.
Vague magnitudes ("dozens of", "tens of thousands of") are charted but too loose to contradict anything.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from storyline.model import (
    ArticleAnalysis,
    Evidence,
    Figure,
    FigureConflict,
    FigurePoint,
    FigureSeries,
    PartialDate,
)
from storyline.story.entities import EntityIndex

INCREMENTS = {"an additional", "another"}
APPROXIMATE = {"about", "around", "roughly", "approximately", "some", "near", "close to", "an estimated", "estimated"}
BELOW = {"nearly", "almost", "just under"}
AT_LEAST = {"more than", "over", "above", "at least", "upwards of", "just over", "well over", "no fewer than",
            "in excess of", "slightly more than", "a little over", "a little more than", "well above", "as low as",
            "as little as"}  # fmt: skip
AT_MOST = {"fewer than", "less than", "under", "below", "up to", "at most", "no more than", "as many as",
           "as much as", "as high as", "slightly less than", "well below"}  # fmt: skip
LOOSE = {"a couple of": 0.5, "a few": 0.0, "several": 0.0}
EXACT_MARGIN, APPROXIMATE_MARGIN, BELOW_MARGIN = 0.005, 0.01, 0.03
PEAK = re.compile(r"\b(?:peak|height|highest|high point|maximum|all-time high)\b", re.I)
CLAUSE_BREAK = re.compile(r"\bbut\b|;|\bwhile\b|\bbefore\b|\buntil\b|\bafter\b|\bthen\b|\blater\b", re.I)

# People counted with nothing happening to them are a population, a crowd or an audience: not one thing.
GENERIC_PEOPLE = {"people", "persons", "individuals"}
TOKENIZER_DEBRIS = re.compile(r"^(?:\s*(?:-[LR][RSC]B-|[^\w\s]+))+\s*|\s*(?:\s*(?:-[LR][RSC]B-|[^\w\s.]+))+$")
SeriesKey = tuple[str | None, str, str | None, str | None, str | None]
# A distance lies between two places and a speed belongs to a moving thing: no place makes a line of them.
UNCHARTED_UNITS = {"km", "miles", "feet", "meters", "mm", "cm", "inches", "mph", "km/h"}


@dataclass(frozen=True, slots=True)
class _Reading:
    """One figure as the series sees it: canonical key, period, and the evidence a reader checks."""

    figure: Figure
    evidence: Evidence
    article_id: str
    peak: bool


def build_series(
    analyses: Sequence[ArticleAnalysis], canonical: Callable[[str], str] | None = None
) -> list[FigureSeries]:
    """Series worth charting, most points first, each with its points in as-of order and its conflicts."""
    canonical = _readable(canonical or EntityIndex(()).canonical)
    grouped: dict[SeriesKey, list[_Reading]] = defaultdict(list)
    for analysis in analyses:
        text = analysis.article.text
        for figure in analysis.figures:
            if figure.qualifier in INCREMENTS or figure.event == "changed" or figure.unit in UNCHARTED_UNITS:
                continue
            owner = canonical(figure.owner) if figure.owner else None
            place = _canonical_place(figure.where, canonical)
            key = (None if owner == place else owner, figure.what, figure.event, place, figure.unit)
            reading = _Reading(figure, Evidence.of(figure.sentence, text), analysis.article.id, _is_peak(figure, text))
            grouped[key].append(reading)
    _join_unowned(grouped)
    grouped = {key: _without_parts(_first_statements(readings)) for key, readings in grouped.items()}
    series = [_series(key, readings) for key, readings in grouped.items() if _worth_charting(key, readings)]
    return sorted(series, key=lambda s: (-len(s.points), s.what, s.where or ""))


def _readable(canonical: Callable[[str], str]) -> Callable[[str], str]:
    """Canonical names without the tokenizer brackets or punctuation a merged entity may have swept in
    ("-RRB- - Libyan" is Libyan): a label a reader sees never starts with them."""

    def name(written: str) -> str:
        return TOKENIZER_DEBRIS.sub("", canonical(written)) or written

    return name


def _canonical_place(where: str | None, canonical: Callable[[str], str]) -> str | None:
    if not where:
        return None
    names = {canonical(part.strip()) for part in re.split(r",| and ", where) if part.strip()}
    return " and ".join(sorted(names)) or None


def _is_peak(figure: Figure, text: str) -> bool:
    """True when "at its peak"/"at the height of" governs this figure, not a later clause of its sentence
    ("about 170,000 at the height …, but dwindled to 40,000": only the first)."""
    sentence = text[figure.sentence.start : figure.sentence.end]
    offset = figure.sentence.start
    for match in PEAK.finditer(sentence):
        start, end = match.start() + offset, match.end() + offset
        between = text[end : figure.span.start] if end <= figure.span.start else text[figure.span.end : start]
        if not CLAUSE_BREAK.search(between):
            return True
    return False


def _join_unowned(grouped: dict[SeriesKey, list[_Reading]]) -> None:
    """ "the 900 troops in Syria" joins "U.S. troops in Syria" when no one else's troops are counted there;
    a figure with neither owner nor place joins nothing ("76 countries have reported 35,928 cases" is not
    a count of U.S. cases because U.S. cases are the only cases someone owns)."""
    for key in [k for k in grouped if k[0] is None and k[3] is not None]:
        owned = [k for k in grouped if k[0] is not None and k[1:] == key[1:]]
        if len(owned) == 1:
            grouped[owned[0]].extend(grouped.pop(key))


def _first_statements(readings: Sequence[_Reading]) -> list[_Reading]:
    """Readings of one sentence re-published word for word, dated as its first appearance."""
    first: dict[tuple, PartialDate] = {}
    for reading in readings:
        date = reading.figure.as_of
        key = _statement(reading)
        if date is not None and (key not in first or date.value < first[key].value):
            first[key] = date
    return [
        replace(reading, figure=replace(reading.figure, as_of=first.get(_statement(reading), reading.figure.as_of)))
        for reading in readings
    ]


def _without_parts(readings: Sequence[_Reading]) -> list[_Reading]:
    """Readings less those of a sentence giving this series two values for one date: they are a whole
    and its parts or items of a list ("EastEnders, with 8.4 million viewers and Coronation Street,
    which was seen by 8.1 million"; "27 confirmed cases in the UK, 23 in England"), and which one is the
    level the sentence does not say. Values of one sentence at different dates ("about 170,000 in 2007,
    … 40,000 in 2011") are a change over time and stay."""
    values: dict[tuple, set] = defaultdict(set)
    for reading in readings:
        values[_sentence_date(reading)].add(_value_key(reading.figure.value))
    return [reading for reading in readings if len(values[_sentence_date(reading)]) == 1]


def _sentence_date(reading: _Reading) -> tuple:
    return (reading.article_id, reading.evidence.quote, reading.figure.as_of)


def _statement(reading: _Reading) -> tuple:
    figure = reading.figure
    return (reading.evidence.quote, _value_key(figure.value), figure.qualifier)


def _worth_charting(key: SeriesKey, readings: Sequence[_Reading]) -> bool:
    """Two points of a placed series, or one thing reported by two articles, with two different values;
    a count that says neither whose nor where ("cases", "pupils") mixes unrelated facts and is never
    charted."""
    if key[0] is None and key[3] is None:
        return False
    if key[1] in GENERIC_PEOPLE and key[2] is None:
        return False  # "80 million people" live in Egypt, "tens of thousands of people" gathered there
    if len({_value_key(reading.figure.value) for reading in readings}) < 2:
        return False
    if all(_is_vague(reading.figure) for reading in readings):
        return False  # "thousands", "hundreds", "thousands" of protesters: impressions, not a line
    if len({reading.evidence.quote for reading in readings}) < 2:
        return False  # one sentence's numbers are parts or a list, compared where they are written
    articles = {reading.article_id for reading in readings}
    points = {(_value_key(r.figure.value), r.figure.as_of) for r in readings}
    return (key[3] is not None and len(points) >= 2) or len(articles) >= 2


def _series(key: SeriesKey, readings: list[_Reading]) -> FigureSeries:
    owner, what, event, where, unit = key
    points = _points(readings)
    return FigureSeries(
        what=" ".join(part for part in (owner, what, event) if part),
        where=where,
        points=tuple(points),
        conflicts=tuple(_conflicts(readings)),
        unit=unit,
    )


def _points(readings: Sequence[_Reading]) -> list[FigurePoint]:
    """One point per value, hedge and date; repeats (a lede restating the body) add evidence, not points."""
    merged: dict[tuple, list[_Reading]] = defaultdict(list)
    for reading in readings:
        figure = reading.figure
        merged[(_value_key(figure.value), figure.qualifier, figure.as_of)].append(reading)
    points = [
        FigurePoint(
            value=same[0].figure.value,
            qualifier=same[0].figure.qualifier,
            as_of=same[0].figure.as_of,
            evidence=tuple(dict.fromkeys(reading.evidence for reading in same)),
        )
        for same in merged.values()
    ]
    return sorted(points, key=_point_order)


def _point_order(point: FigurePoint) -> tuple:
    undated = point.as_of is None
    return (undated, point.as_of.value if point.as_of else None, _low(point.value))


def _conflicts(readings: Sequence[_Reading]) -> list[FigureConflict]:
    conflicts: list[FigureConflict] = []
    for period, members in _periods(readings):
        comparable = [r for r in members if not _is_vague(r.figure)]
        disagreeing = {
            index
            for i, first in enumerate(comparable)
            for j, second in enumerate(comparable[i + 1 :], start=i + 1)
            if first.article_id != second.article_id and not _compatible(first.figure, second.figure)
            for index in (i, j)
        }
        if disagreeing:
            involved = [comparable[index] for index in sorted(disagreeing)]
            conflicts.append(
                FigureConflict(
                    period=period,
                    values=tuple(dict.fromkeys(r.figure.value for r in involved)),
                    evidence=tuple(dict.fromkeys(r.evidence for r in involved)),
                )
            )
    return conflicts


def _periods(readings: Sequence[_Reading]) -> list[tuple[str, list[_Reading]]]:
    """Peak claims as one period; other dated points grouped where one date holds the other."""
    peaks = [r for r in readings if r.peak]
    periods: list[tuple[str, list[_Reading]]] = []
    if len(peaks) >= 2:
        years = sorted({r.figure.as_of.value.year for r in peaks if r.figure.as_of})
        periods.append((f"peak ({', '.join(map(str, years))})" if years else "peak", peaks))
    clusters: list[tuple[PartialDate, list[_Reading]]] = []
    for reading in sorted((r for r in readings if not r.peak and r.figure.as_of), key=_coarse_first):
        date = reading.figure.as_of
        for cluster_date, members in clusters:
            if cluster_date.contains(date) or date.contains(cluster_date):
                members.append(reading)
                break
        else:
            clusters.append((date, [reading]))
    periods.extend((date.iso(), members) for date, members in clusters if len(members) >= 2)
    return periods


def _coarse_first(reading: _Reading) -> tuple:
    date = reading.figure.as_of
    return ({"year": 0, "month": 1, "day": 2}[date.precision], date.value)


def _is_vague(figure: Figure) -> bool:
    return isinstance(figure.value, tuple) and figure.qualifier not in {"between", "a few", "several"}


def _compatible(first: Figure, second: Figure) -> bool:
    low_a, high_a = _interval(first)
    low_b, high_b = _interval(second)
    return low_a <= high_b and low_b <= high_a


def _interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, given its hedge (see the module docstring)."""
    value, qualifier = figure.value, figure.qualifier
    if isinstance(value, tuple):
        return value[0] * (1 - EXACT_MARGIN), value[1] * (1 + EXACT_MARGIN)
    if qualifier in AT_LEAST:
        return value, math.inf
    if qualifier in AT_MOST:
        return 0.0, value
    if qualifier in BELOW:
        return value * (1 - BELOW_MARGIN), value
    if qualifier in LOOSE:
        margin = LOOSE[qualifier]
        return value * (1 - margin), value * (1 + margin)
    margin = APPROXIMATE_MARGIN if qualifier in APPROXIMATE else EXACT_MARGIN
    return value * (1 - margin), value * (1 + margin)


def _value_key(value: float | tuple[float, float]) -> tuple[float, float]:
    return value if isinstance(value, tuple) else (value, value)


def _low(value: float | tuple[float, float]) -> float:
    return value[0] if isinstance(value, tuple) else value
