"""A figure series over time as an inline SVG chart, drawn here so the report needs nothing from outside.

Each point is drawn across the period it is known for (a value "as of 2007" spans the year, not one day)
and a range ("between 1,500 and 3,000") as an error bar, so the chart never claims more precision than the
articles give. Periods where sources disagree are shaded and their points drawn in the warning colour.
Every point links to its source sentence and names it in a tooltip.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from storyline.model import Evidence, FigurePoint, FigureSeries, PartialDate
from storyline.render.citations import Citation
from storyline.render.text import MONTHS, compact_number, format_value, human_date

WIDTH, HEIGHT = 680, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 18, 40


@dataclass(frozen=True, slots=True)
class _Placed:
    """A dated point with its period in days since the epoch of ``date.toordinal``."""

    point: FigurePoint
    first_day: int
    last_day: int
    low: float
    high: float
    conflict: bool

    @property
    def middle_day(self) -> float:
        return (self.first_day + self.last_day) / 2

    @property
    def middle_value(self) -> float:
        return (self.low + self.high) / 2


def period_days(date: PartialDate) -> tuple[int, int]:
    """First and last day (ordinals) of the period a partial date names."""
    start = date.value
    if date.precision == "year":
        end = dt.date(start.year, 12, 31)
    elif date.precision == "month":
        next_month = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        end = next_month - dt.timedelta(days=1)
    else:
        end = start
    return start.toordinal(), end.toordinal()


def conflicting_points(series: FigureSeries) -> set[int]:
    """Indexes of the points a conflict of the series names: one of its values, from its evidence or period.

    The value must match because evidence is often a whole sentence that also states other figures
    ("about 170,000 … dwindled to 40,000"): sharing a sentence alone does not put a point in dispute.
    """
    flagged: set[int] = set()
    for conflict in series.conflicts:
        spans = {(e.article, e.start, e.end) for e in conflict.evidence}
        period = conflict_period(conflict.period)
        for index, point in enumerate(series.points):
            if point.value not in conflict.values:
                continue
            shares_evidence = any((e.article, e.start, e.end) in spans for e in point.evidence)
            in_period = period is not None and point.as_of is not None and period.contains(point.as_of)
            if shares_evidence or in_period:
                flagged.add(index)
    return flagged


_ISO_DATE = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b")


def conflict_period(period: str) -> PartialDate | None:
    """The date a conflict's period names ("2007", "peak (2007)"), or None when it names none."""
    found = _ISO_DATE.search(period)
    if found is None:
        return None
    try:
        return PartialDate.parse(found.group())
    except ValueError:
        return None


def nice_step(span: float, target_ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 times a power of ten) giving about ``target_ticks`` ticks over ``span``."""
    raw = span / target_ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


LOG_SCALE_RATIO = 30.0
"""Values spanning more than this factor (170,000 troops at a peak beside 900 today) are drawn on a
logarithmic axis, or the small ones would all sit on the zero line."""


@dataclass(frozen=True, slots=True)
class ValueAxis:
    """The vertical axis: its tick values (lowest first) and where a value sits on the plot."""

    ticks: tuple[float, ...]
    logarithmic: bool

    def position(self, value: float) -> float:
        lowest, highest = self._scaled(self.ticks[0]), self._scaled(self.ticks[-1])
        share = (highest - self._scaled(value)) / (highest - lowest)
        return round(TOP + share * (HEIGHT - TOP - BOTTOM), 1)

    def _scaled(self, value: float) -> float:
        return math.log10(value) if self.logarithmic else value


def value_axis(values: list[float]) -> ValueAxis:
    """A linear axis from zero (or the lowest negative value) in round steps; a logarithmic one (ticks at
    1, 2 and 5 times powers of ten) when all values are positive and span more than ``LOG_SCALE_RATIO``."""
    lowest, highest = min(values), max(values)
    if lowest > 0 and highest / lowest > LOG_SCALE_RATIO:
        first, last = math.floor(math.log10(lowest)), math.ceil(math.log10(highest))
        steps = [multiple * 10.0**power for power in range(first, last + 1) for multiple in (1, 2, 5)]
        bottom = max(step for step in steps if step <= lowest)
        top = min(step for step in steps if step >= highest)
        return ValueAxis(tuple(step for step in steps if bottom <= step <= top), logarithmic=True)
    lowest = min(0.0, lowest)
    if highest <= lowest:
        highest = lowest + 1
    step = nice_step(highest - lowest)
    first, last = math.floor(lowest / step), math.ceil(highest / step)
    return ValueAxis(tuple(index * step for index in range(first, last + 1)), logarithmic=False)


def _time_ticks(first_day: int, last_day: int) -> list[tuple[int, str]]:
    """Tick positions and labels: years for long spans, months for shorter, days for a few weeks."""
    first, last = dt.date.fromordinal(first_day), dt.date.fromordinal(last_day)
    years = last.year - first.year
    if years >= 3:
        step = max(1, math.ceil((years + 1) / 8))
        return [
            (dt.date(year, 1, 1).toordinal(), str(year))
            for year in range(first.year + 1, last.year + 1)
            if year % step == 0
        ]
    months = (last.year - first.year) * 12 + last.month - first.month
    if months >= 2:
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 8)
        ticks = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            day = dt.date(year, month, 1)
            if first_day <= day.toordinal() and (month - 1) % step == 0:
                label = str(year) if month == 1 else f"{MONTHS[month - 1]} {year}"
                ticks.append((day.toordinal(), label))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return ticks
    step = max(1, math.ceil((last_day - first_day) / 7))
    return [
        (day, f"{dt.date.fromordinal(day).day} {MONTHS[dt.date.fromordinal(day).month - 1]}")
        for day in range(first_day, last_day + 1, step)
    ]


def _place(series: FigureSeries) -> list[_Placed]:
    flagged = conflicting_points(series)
    placed = []
    for index, point in enumerate(series.points):
        if point.as_of is None:
            continue
        first_day, last_day = period_days(point.as_of)
        low, high = point.value if isinstance(point.value, tuple) else (point.value, point.value)
        placed.append(_Placed(point, first_day, last_day, low, high, index in flagged))
    return placed


def series_chart(series: FigureSeries, cite: Callable[[Evidence], Citation]) -> Markup | None:
    """The SVG chart of ``series``, or None when no point has a date to place it on a time axis."""
    placed = _place(series)
    if not placed:
        return None
    first_day = min(p.first_day for p in placed)
    last_day = max(p.last_day for p in placed)
    padding = max(15, (last_day - first_day) // 20)
    first_day, last_day = first_day - padding, last_day + padding
    axis = value_axis([p.low for p in placed] + [p.high for p in placed])
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: float) -> float:
        return round(LEFT + (day - first_day) / (last_day - first_day) * plot_width, 1)

    y = axis.position

    title = series_title(series)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)} over time" xmlns="http://www.w3.org/2000/svg">'
    ]
    for conflict in series.conflicts:
        period = conflict_period(conflict.period)
        if period is None:
            continue
        start, end = period_days(period)
        values = " vs ".join(format_value(v, unit=series.unit) for v in conflict.values)
        parts.append(
            f'<rect class="conflict-band" x="{x(max(start, first_day))}" y="{TOP}" '
            f'width="{max(3.0, x(min(end, last_day)) - x(max(start, first_day)))}" height="{plot_height}">'
            f"<title>{escape(f'Sources disagree for {human_date(period)}: {values}')}</title></rect>"
        )
    for value in axis.ticks:
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value)}" y2="{y(value)}"/>'
            f'<text class="tick" x="{LEFT - 8}" y="{y(value) + 4}" text-anchor="end">'
            f"{escape(compact_number(value))}</text>"
        )
    baseline = y(axis.ticks[0])
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{baseline}" y2="{baseline}"/>')
    for day, label in _time_ticks(first_day, last_day):
        parts.append(
            f'<line class="axis" x1="{x(day)}" x2="{x(day)}" y1="{baseline}" y2="{baseline + 5}"/>'
            f'<text class="tick" x="{x(day)}" y="{baseline + 20}" text-anchor="middle">{escape(label)}</text>'
        )
    unit = ", ".join(part for part in (series.unit, "log scale" if axis.logarithmic else None) if part)
    parts.append(f'<text class="unit" x="{LEFT - 8}" y="{TOP - 6}" text-anchor="start">{escape(unit)}</text>')
    parts.append(_trend_line(placed, x, y))
    labels = _LabelSpace()
    for item in sorted(placed, key=lambda p: (p.middle_day, p.middle_value)):
        parts.append(_point_mark(item, series, x, y, cite, labels))
    parts.append("</svg>")
    return Markup("".join(parts))


def _trend_line(placed: list[_Placed], x: Callable[[float], float], y: Callable[[float], float]) -> str:
    """A faint line through the mean value at each date, to guide the eye without hiding disagreement."""
    by_day: dict[float, list[float]] = {}
    for item in placed:
        by_day.setdefault(item.middle_day, []).append(item.middle_value)
    if len(by_day) < 2:
        return ""
    points = " ".join(f"{x(day)},{y(sum(values) / len(values))}" for day, values in sorted(by_day.items()))
    return f'<polyline class="trend" points="{points}"/>'


class _LabelSpace:
    """Places value labels beside their points without overlapping one another or leaving the plot.

    A label that fits nowhere is left out; its point keeps the tooltip and the table lists the value.
    """

    CHAR_WIDTH, HEIGHT = 6.4, 12.0

    def __init__(self) -> None:
        self.taken: list[tuple[float, float, float, float]] = []

    def place(self, text: str, cx: float, top: float, bottom: float) -> tuple[float, float, str] | None:
        width = len(text) * self.CHAR_WIDTH
        candidates = (
            (cx, top - 9, "middle"),
            (cx, bottom + 19, "middle"),
            (cx + 9, (top + bottom) / 2 + 4, "start"),
            (cx - 9, (top + bottom) / 2 + 4, "end"),
        )
        for x, baseline, anchor in candidates:
            left = {"middle": x - width / 2, "start": x, "end": x - width}[anchor]
            box = (left, baseline - self.HEIGHT + 2, left + width, baseline + 2)
            inside = LEFT <= box[0] and box[2] <= WIDTH - RIGHT + 10 and TOP - 12 <= box[1] and box[3] <= HEIGHT - BOTTOM
            if inside and not any(_overlap(box, other) for other in self.taken):
                self.taken.append(box)
                return x, baseline, anchor
        return None


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _point_mark(
    item: _Placed,
    series: FigureSeries,
    x: Callable[[float], float],
    y: Callable[[float], float],
    cite: Callable[[Evidence], Citation],
    labels: _LabelSpace,
) -> str:
    point = item.point
    citations = [cite(e) for e in point.evidence]
    reading = format_value(point.value, point.qualifier, series.unit)
    sources = "; ".join(f"[{c.number}] {c.label}" for c in citations)
    tooltip = f"{reading} ({human_date(point.as_of)})" if point.as_of else reading
    if sources:
        tooltip += f" — {sources}"
    if item.conflict:
        tooltip += " — sources disagree"
    cx, cy = x(item.middle_day), y(item.middle_value)
    shapes = [f"<title>{escape(tooltip)}</title>"]
    if item.last_day > item.first_day:
        shapes.append(
            f'<line class="period" x1="{x(item.first_day)}" x2="{x(item.last_day)}" y1="{cy}" y2="{cy}"/>'
        )
    if item.high > item.low:
        top, bottom = y(item.high), y(item.low)
        shapes.append(
            f'<path class="range" d="M{cx},{top}V{bottom}M{cx - 5},{top}H{cx + 5}M{cx - 5},{bottom}H{cx + 5}"/>'
        )
    shapes.append(f'<circle cx="{cx}" cy="{cy}" r="4.5"/>')
    label = format_value(point.value, point.qualifier)
    spot = labels.place(label, cx, min(cy, y(item.high)) - 2, max(cy, y(item.low)) + 2)
    if spot:
        shapes.append(
            f'<text class="label" x="{round(spot[0], 1)}" y="{round(spot[1], 1)}" text-anchor="{spot[2]}">'
            f"{escape(label)}</text>"
        )
    css_class = "point conflict" if item.conflict else "point"
    body = "".join(shapes)
    if citations:
        return f'<a class="{css_class}" href="{escape(citations[0].href)}">{body}</a>'
    return f'<g class="{css_class}">{body}</g>'


def series_title(series: FigureSeries) -> str:
    """ "troops in Iraq" — what is counted, and where when the articles say."""
    return f"{series.what} in {series.where}" if series.where else series.what
