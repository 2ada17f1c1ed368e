"""Figure charts: periods, axes, ranges and conflicts drawn from a series."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from seed_story import seed_story

from storyline.model import FigureSeries, PartialDate
from storyline.render.chart import (
    conflict_period,
    conflicting_points,
    nice_step,
    period_days,
    series_chart,
    value_axis,
)
from storyline.render.citations import SourceIndex


@pytest.mark.parametrize(
    ("date", "first", "last"),
    [
        ("2007", dt.date(2007, 1, 1), dt.date(2007, 12, 31)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2017-12", dt.date(2017, 12, 1), dt.date(2017, 12, 31)),
        ("2018-12-19", dt.date(2018, 12, 19), dt.date(2018, 12, 19)),
    ],
)
def test_chart_period_days_cover_the_known_period(date, first, last):
    assert period_days(PartialDate.parse(date)) == (first.toordinal(), last.toordinal())


@pytest.mark.parametrize(("span", "step"), [(170000, 50000), (2000, 500), (13000, 5000), (1, 0.2), (7, 2)])
def test_chart_nice_step_is_round(span, step):
    assert nice_step(span) == pytest.approx(step)


def test_chart_value_axis_is_logarithmic_when_values_span_orders_of_magnitude():
    axis = value_axis([170000, 8892, 2500])
    assert axis.logarithmic
    assert (axis.ticks[0], axis.ticks[-1]) == (2000, 200000)
    assert axis.position(10000) == pytest.approx((axis.position(2000) + axis.position(50000)) / 2, abs=0.2)


def test_chart_value_axis_is_linear_from_zero_for_values_of_one_magnitude():
    axis = value_axis([2000, 900])
    assert not axis.logarithmic
    assert axis.ticks == (0, 500, 1000, 1500, 2000)


def test_chart_names_a_logarithmic_scale():
    story = seed_story()
    svg = str(series_chart(story.figures[0], SourceIndex(story).cite))
    assert "log scale" in svg


def test_chart_flags_the_points_a_conflict_names():
    iraq = seed_story().figures[0]
    assert conflicting_points(iraq) == {0, 1, 2}  # 170,000 (two sources) and 166,000 in 2007


def test_chart_labels_time_and_value_axes():
    story = seed_story()
    svg = str(series_chart(story.figures[1], SourceIndex(story).cite))
    ticks = re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', svg)
    assert {"0", "1,000", "2,000"} <= set(ticks)
    assert {"2020", "2024"} <= set(ticks)


def test_chart_links_each_point_to_its_source_sentence():
    story = seed_story()
    svg = str(series_chart(story.figures[1], SourceIndex(story).cite))
    hrefs = re.findall(r'<a class="point" href="#(source-\d+-\d+-\d+)">', svg)
    assert len(hrefs) == 2
    assert "<title>about 2,000 (19 Dec 2018) — [1] VOA, 19 Dec 2018</title>" in svg


def test_chart_skips_undated_points_and_series_without_dates():
    story = seed_story()
    index = SourceIndex(story)
    iraq = story.figures[0]
    assert str(series_chart(iraq, index.cite)).count("<circle") == len(iraq.points) - 1
    undated = FigureSeries("troops", "Iraq", tuple(p for p in iraq.points if p.as_of is None))
    assert series_chart(undated, index.cite) is None


def test_chart_does_not_flag_another_figure_of_a_disputed_sentence():
    iraq = seed_story().figures[0]
    shared = iraq.points[0].evidence  # "…in 2007, there were about 170,000 U.S. troops in Iraq"
    dwindled = replace(iraq.points[3], evidence=shared)  # 40,000, cited to the same sentence
    series = replace(iraq, points=(*iraq.points[:3], dwindled))
    assert conflicting_points(series) == {0, 1, 2}


@pytest.mark.parametrize(("period", "date"), [("2007", "2007"), ("peak (2007)", "2007"), ("2017-12", "2017-12"), ("peak", None)])
def test_chart_conflict_period_reads_the_date_it_names(period, date):
    assert conflict_period(period) == (PartialDate.parse(date) if date else None)
