"""Which time expressions of a sentence date the event it reports: names, comparisons and span starts do not."""

from __future__ import annotations

import pytest

from storyline.analyze.time import dates_the_event, find_time_expressions
from storyline.model import PartialDate

WRITTEN = PartialDate.parse("2019-11-20")


def _verdicts(sentence: str) -> dict[str, bool]:
    return {timex.text: dates_the_event(sentence, timex) for timex in find_time_expressions(sentence, WRITTEN)}


def test_event_time_comparison_year_does_not_date_the_event():
    verdicts = _verdicts("Virginia Democrats won a legislative majority for the first time since 1993.")
    assert verdicts == {"1993": False}


def test_event_time_year_in_a_name_does_not_date_the_event():
    verdicts = _verdicts("Lawmakers questioned Sondland about the 2016 election on Tuesday.")
    assert verdicts == {"2016": False, "Tuesday": True}


def test_event_time_year_naming_a_committee_does_not_date_the_event():
    assert _verdicts("The 1922 Committee met on Tuesday.")["1922"] is False


def test_event_time_span_start_does_not_date_the_event():
    assert _verdicts("Since January 2018, it has not talked of withdrawal.") == {"January 2018": False}


def test_event_time_value_compared_with_an_earlier_year_is_dated_now():
    assert _verdicts("Troops rose to 5,000, up from 2,000 in 2018.") == {"2018": False}


@pytest.mark.parametrize("sentence, expression", [
    ("In 2003, an American-led invasion toppled Iraqi President Saddam Hussein.", "2003"),
    ("At the height of the Iraqi-U.S. War in 2007, there were about 170,000 U.S. troops in Iraq.", "2007"),
    ("The White House said on Dec. 19, 2018 that the troops would leave.", "Dec. 19, 2018"),
    ("Trial timeline 30 NOVEMBER 2011, the jury began its deliberations.", "2011"),
])
def test_event_time_plain_dates_still_date_the_event(sentence, expression):
    assert _verdicts(sentence)[expression] is True


def test_event_time_day_naming_what_a_hearing_discussed_does_not_date_the_hearing():
    verdicts = _verdicts("Lawmakers grilled Vindman about Trump's July 25 phone call on Tuesday.")
    assert verdicts == {"July 25": False, "Tuesday": True}
