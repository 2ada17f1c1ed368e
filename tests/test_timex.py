"""The TIMEX3 tagger: extents and values on real news sentences, one rule family per test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.time import describe_time_expressions, find_time_expressions
from storyline.model import PartialDate

SYRIA_DCT = PartialDate.parse("2018-12-19")  # a Wednesday
IRAQ_DCT = PartialDate.parse("2024-09-27")  # a Friday


def tagged(text: str, dct: PartialDate | None) -> list[tuple[str, str]]:
    return [(timex.text, timex.value) for timex in find_time_expressions(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The White House said Wednesday the United States has begun withdrawing troops from Syria.",
         SYRIA_DCT, [("Wednesday", "2018-12-19")]),
        ('"A couple of thousand hardened fighters remain," McGurk said on December 11.',
         SYRIA_DCT, [("December 11", "2018-12-11")]),
        ("Just last week, U.S. special presidential envoy Brett McGurk told reporters at the State Department.",
         SYRIA_DCT, [("last week", "2018-W50")]),
        ("the time frame for the troop withdrawal is 60 to 100 days.",
         SYRIA_DCT, [("60", "P60D"), ("100 days", "P100D")]),
        ("Pentagon estimates from August of this year warned IS still had at least 13,000 fighters.",
         SYRIA_DCT, [("August of this year", "2018-08")]),
        ("forcing their way into the town of Hajin within the past two days.",
         SYRIA_DCT, [("the past two days", "P2D")]),
        ("The second phase, they said, will start next September and will last at least one year.",
         IRAQ_DCT, [("next September", "2025-09"), ("at least one year", "P1Y")]),
        ("In an interview with Al-Hadath television earlier this month, al-Abbasi said Austin had pushed.",
         IRAQ_DCT, [("earlier this month", "2024-09")]),
        ('"was on pace to more than double the total number of attacks they claimed in 2023."',
         IRAQ_DCT, [("2023", "2023")]),
        ("Friday's long-awaited announcement comes 10 years after the U.S. joined forces.",
         IRAQ_DCT, [("Friday", "2024-09-27"), ("10 years", "P10Y")]),
    ],
)
def test_timex_seed_examples(text, dct, expected):
    assert tagged(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian Democratic Forces patrol near the Turkish border in Hasakah, Syria, Nov. 4, 2018.",
         [("Nov. 4, 2018", "2018-11-04")]),
        ("Published 05 February, 2018", [("05 February, 2018", "2018-02-05")]),
        ("By Dan Primack February 2 , 2011 : 2:24 PM ET",
         [("February 2 , 2011", "2011-02-02"), ("2:24 PM", "XXXX-XX-XXT14:24")]),
        ("Filed 2018-12-19 and amended 12/20/2018.", [("2018-12-19", "2018-12-19"), ("12/20/2018", "2018-12-20")]),
        ("The US first launched airstrikes against IS in Iraq in August 2014.", [("August 2014", "2014-08")]),
        ("Monday, Oct. 26, 1998 was the deadline.", [("Monday, Oct. 26, 1998", "1998-10-26")]),
    ],
)
def test_timex_absolute_dates_resolve_without_a_dct(text, expected):
    assert tagged(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The White House said Wednesday that troops would leave.", [("Wednesday", "XXXX-WXX-3")]),
        ("McGurk said on December 11.", [("December 11", "XXXX-12-11")]),
        ("Officials said last week that tests were done.", [("last week", "XXXX-WXX")]),
        ("Sales rose this year.", [("this year", "XXXX")]),
        ("He arrived yesterday.", [("yesterday", "XXXX-XX-XX")]),
    ],
)
def test_timex_relative_expressions_stay_underspecified_without_a_dct(text, expected):
    assert tagged(text, None) == expected


def test_timex_anchored_flag_marks_values_computed_from_the_dct():
    found = find_time_expressions("He said Wednesday that on Dec. 3, 2018 the town fell.", SYRIA_DCT)
    assert [(timex.text, timex.anchored) for timex in found] == [("Wednesday", True), ("Dec. 3, 2018", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Citadel posted a third-quarter net loss, versus net income of $5.3 million a year earlier.",
         [("third-quarter", True), ("a year earlier", True)]),
        ("Net fell in the third quarter of 1988, compared with a gain a year earlier.",
         [("the third quarter of 1988", False), ("a year earlier", False)]),
    ],
)
def test_timex_anchored_flag_follows_the_quarter_a_comparison_refers_to(text, expected):
    """ "a year earlier" after "third-quarter" depends on the DCT as much as the quarter does."""
    found = find_time_expressions(text, PartialDate.parse("1989"))
    assert [(timex.text, timex.anchored) for timex in found] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Slepian was killed on Oct. 23, 1998 by a sniper. Earlier that day, the family had returned from synagogue.",
         None, [("Oct. 23, 1998", "1998-10-23"), ("Earlier that day", "1998-10-23")]),
        ("The embassies were bombed on Aug. 7. The next day, rescuers pulled survivors from the rubble.",
         PartialDate.parse("1998-08-20"), [("Aug. 7", "1998-08-07"), ("The next day", "1998-08-08")]),
        ("He was released Friday and appeared in court the next morning.",
         SYRIA_DCT, [("Friday", "2018-12-14"), ("the next morning", "2018-12-15TMO")]),
        ("Market makers can suffer huge losses on trades made that day.", SYRIA_DCT, []),
    ],
)
def test_timex_anaphoric_days_count_from_the_last_day_named(text, dct, expected):
    assert tagged(text, dct) == expected


def test_timex_dates_carry_partial_dates_and_weeks_do_not():
    found = {timex.text: timex for timex in find_time_expressions(
        "In August, last week and on Dec. 3, 2018, during 2014.", SYRIA_DCT)}
    assert found["August"].date == PartialDate.parse("2018-08")
    assert found["Dec. 3, 2018"].date == PartialDate.parse("2018-12-03")
    assert found["2014"].date == PartialDate.parse("2014")
    assert found["last week"].date is None


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("The monarch will meet Bush on Thursday in Kennebunkport.", "1990-08-15", "1990-08-16"),
        ("Castro said Sunday that the father could leave.", "2000-04-03", "2000-04-02"),
        ("The team planned to leave Nairobi on Thursday for Dar es Salaam.", "1998-09-30", "1998-10-01"),
        ("Officials met last Friday to discuss the plan.", "1989-10-30", "1989-10-27"),
        ("Two bombs exploded next to the U.S. embassies in Kenya and Tanzania on Friday.", "1998-08-08",
         "1998-08-07"),
        ("It reported lower-than-expected earnings after the stock market closed Wednesday.", "1989-10-27",
         "1989-10-25"),
        ("The offer had been due to expire Friday.", "1989-10-30", "1989-10-27"),
        ("Only two of the 159 members had filed compliance reports by Wednesday.", "1990-08-16", "1990-08-15"),
        ("Until Thursday, they had not called Kopp a suspect.", "1999-05-07", "1999-05-06"),
    ],
)
def test_timex_weekday_direction_follows_the_verb(text, dct, expected):
    values = [timex.value for timex in find_time_expressions(text, PartialDate.parse(dct))]
    assert values == [expected]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("A Pentagon report released in November said there were 8,892 US troops.", "2018-02-05", "2017-11"),
        ("The three are expected to join in April, as part of marking NATO's 50th anniversary.", "1998-12-05", "1999-04"),
        ("Mr. Schwarz, 52 years old, will succeed Daniel P. Davison Feb. 1.", "1989-10-26", "1990-02-01"),
        ("He was rescued off the coast of Florida on Thanksgiving Day.", "2000-01-07", "1999-11-25"),
    ],
)
def test_timex_dates_without_a_year_take_the_nearest_plausible_year(text, dct, expected):
    assert [timex.value for timex in find_time_expressions(text, PartialDate.parse(dct))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net income fell in the third quarter.", [("the third quarter", "1989-Q3")]),
        ("The company posted a third-quarter loss.", [("third-quarter", "1989-Q3")]),
        ("Profit rose in the fourth quarter of 1988.", [("the fourth quarter of 1988", "1988-Q4")]),
        ("Sales rose in the third quarter, up from $1 billion a year earlier.",
         [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]),
        ("Revenue for the first half of 1990 is expected to rise.", [("the first half of 1990", "1990-H1")]),
        ("Results for the current fiscal year will improve.", [("the current fiscal year", "1989")]),
        ("Net rose in the third quarter. It expects a fourth-quarter charge. Sales in the latest quarter "
         "rose from a year ago.", [("the third quarter", "1989-Q3"), ("fourth-quarter", "1989-Q4"),
                                   ("the latest quarter", "1989-Q3"), ("a year ago", "1988-Q3")]),
        ("Profit rose in the third quarter. After a flat second quarter, the gain beat the year-earlier period.",
         [("the third quarter", "1989-Q3"), ("second quarter", "1989-Q2"), ("the year-earlier period", "1988-Q3")]),
        ("Net fell in the third quarter. For the nine months, net rose from $1 a share a year earlier.",
         [("the third quarter", "1989-Q3"), ("the nine months", "P9M"), ("a year earlier", "1988")]),
        ("There were no one-time gains in the latest period.", [("the latest period", "1989-Q3")]),
    ],
)
def test_timex_fiscal_quarters_and_periods(text, expected):
    assert tagged(text, PartialDate.parse("1989-10-26")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left five months ago.", [("five months ago", "2018-07")]),
        ("The invasion came two years ago.", [("two years ago", "2016")]),
        ("The convoy arrived 10 days ago.", [("10 days ago", "2018-12-09")]),
        ("The ruling will come two weeks from now.", [("two weeks from now", "2019-W01")]),
        ("The rebels fled several years ago.", [("several years ago", "PAST_REF")]),
    ],
)
def test_timex_ago_counts_back_from_the_dct(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stocks hit a five-year low.", [("five-year", "P5Y")]),
        ("The talks lasted 5 1/2 hours.", [("5 1/2 hours", "PT5H30M")]),
        ("The offer is valid for at least 30 days.", [("at least 30 days", "P30D")]),
        ("Prices have risen over the past 20 years.", [("the past 20 years", "P20Y")]),
        ("Clashes went on for several weeks.", [("several weeks", "PXW")]),
        ("The mission lasted two decades.", [("two decades", "P20Y")]),
        ("The spill will take months to clean, experts expect for years.", [("years", "PXY")]),
    ],
)
def test_timex_durations(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency gives a daily tally of inspections.", [("daily", "P1D")]),
        ("The board meets every month.", [("every month", "P1M")]),
        ("The market is held each Thursday.", [("each Thursday", "XXXX-WXX-4")]),
        ("Two flights will leave Bombay on Tuesday nights.", [("Tuesday nights", "XXXX-WXX-2TNI")]),
    ],
)
def test_timex_sets(text, expected):
    found = find_time_expressions(text, SYRIA_DCT)
    assert [(timex.text, timex.value) for timex in found] == expected
    assert {timex.type for timex in found} == {"SET"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kopp is now the second suspect.", [("now", "PRESENT_REF")]),
        ("The search was recently extended to Mexico.", [("recently", "PAST_REF")]),
        ("Russia has often claimed in the past that Ukraine owes it money.", [("the past", "PAST_REF")]),
        ("Sales fell in the past two years.", [("the past two years", "P2Y")]),
        ("We will discuss it in the near future.", [("the near future", "FUTURE_REF")]),
        ("Gangs have grown in recent years.", [("recent years", "PAST_REF")]),
        ("Clashes flared in recent weeks.", [("recent weeks", "PXW")]),
    ],
)
def test_timex_vague_references(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast occurred at 10:35 a.m. on Wednesday.", [("10:35 a.m. on Wednesday", "2018-12-19T10:35")]),
        ("The deadline will expire at noon Thursday.", [("noon Thursday", "2018-12-20T12:00")]),
        ("Brent crude settled at 1430 GMT, down 2 percent.", [("1430 GMT", "2018-12-19T14:30")]),
        ("Polls close at 2200 BST on Wednesday.", [("2200 BST on Wednesday", "2018-12-19T22:00")]),
    ],
)
def test_timex_clock_times(text, expected):
    found = find_time_expressions(text, SYRIA_DCT)
    assert [(timex.text, timex.value, timex.type) for timex in found] == [(*pair, "TIME") for pair in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hate crimes were dropping through the nineties.", [("the nineties", "199")]),
        ("The market boomed in the 1990s.", [("the 1990s", "199")]),
        ("Prices peaked in the mid-1990s.", [("the mid-1990s", "199")]),
        ("Troops will return this summer.", [("this summer", "2018-SU")]),
        ("The strike began last spring.", [("last spring", "2018-SP")]),
        ("The town was rebuilt in the 20th century.", [("the 20th century", "19")]),
        ("The broadcast said nineteen ninety-six was a record.", [("nineteen ninety-six", "1996")]),
        ("Shops will close on Christmas.", [("Christmas", "2018-12-25")]),
        ("January nineteen ninety-seven. Atlanta again.", [("January nineteen ninety-seven", "1997-01")]),
        ("the level we saw in the winter of nineteen ninety-four.",
         [("the winter of nineteen ninety-four", "1994-WI")]),
        ("Hearings will be held the week of March 6.", [("the week of March 6", "2019-W10")]),
    ],
)
def test_timex_decades_seasons_centuries_and_holidays(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts studied Friday's purchases.", [("Friday", "2018-12-14")]),
        ("He criticized last month's discovery.", [("last month", "2018-11")]),
        ("The crew will finish within 14 days.", [("14 days", "P14D")]),
        ("The plan took about three days.", [("three days", "P3D")]),
        ("Investors loved the 14-day offer.", [("14-day", "P14D")]),
        ("The 1996 election changed the party.", [("1996", "1996")]),
        ("Shareholders responded coolly to yesterday's announcement.", [("yesterday", "2018-12-18")]),
        ("The case is for today's youth what the blockade was for their parents.", []),
    ],
)
def test_timex_extents_leave_out_what_timeml_leaves_out(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("asdkj qwe zzkx 99999 ----", []),
        ("The meeting on 31 February was cancelled.", []),
        ("The code 20188 is not a year.", []),
        ("Prices fell 2,000 points and the index closed at 1678.5 today.", [("today", "2018-12-19")]),
        ("Mr. Reupke, 52 years old and a 27-year Reuters veteran, left.", [("27-year", "P27Y")]),
        ("Rooms cost $55 a night, with four flights a week.", []),
    ],
)
def test_timex_bad_input_invents_no_date(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


def test_timex_a_dct_in_the_future_still_tags_without_crashing():
    found = find_time_expressions("The vote is next week, officials said Monday.", PartialDate.parse("2999-01-02"))
    assert [timex.text for timex in found] == ["next week", "Monday"]


def test_timex_describe_infers_the_dct_when_none_is_given():
    estimate, found = describe_time_expressions(
        "BAGHDAD, Feb. 5, 2018 (Reuters) - Officials said Monday that troops left.", None)
    assert estimate is not None and estimate.date == PartialDate.parse("2018-02-05")
    assert ("Monday", "2018-02-05") in [(timex.text, timex.value) for timex in found]


def test_timex_describe_uses_the_given_dct():
    estimate, found = describe_time_expressions("He left yesterday.", SYRIA_DCT)
    assert estimate is None and [timex.value for timex in found] == ["2018-12-18"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
       st.one_of(st.none(), st.dates().map(lambda day: PartialDate(day, "day"))))
def test_timex_never_raises_and_offsets_index_the_input(text, dct):
    for timex in find_time_expressions(text, dct, "a1"):
        assert 0 <= timex.span.start < timex.span.end <= len(text)
        assert text[timex.span.start : timex.span.end] == timex.text
        assert timex.span.article_id == "a1"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["said", "Wednesday", "Dec.", "11", ",", "2018", "last", "week", "the", "past", "two", "days", "31",
     "February", "20188", "ago", "years", "next", "September", "quarter", "third", "noon", "1990s", " ", "\n",
     "of", "this", "year", "early", "mid-", "-", "a", "at", "least", "$", "%"]), max_size=40))
def test_timex_never_raises_on_time_like_word_salad(words):
    text = " ".join(words)
    for dct in (None, SYRIA_DCT, PartialDate.parse("0001-01-01"), PartialDate.parse("9999-12-31")):
        for timex in find_time_expressions(text, dct):
            assert text[timex.span.start : timex.span.end] == timex.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company cut its budget for FY2021 after the pandemic hit sales.", [("FY2021", "2021")]),
        ("Troops are expected to leave Syria in late 2019, officials said.", [("late 2019", "2019")]),
        ("Early 2018 saw protests in more than 80 Iranian cities.", [("Early 2018", "2018")]),
        ("Several members of the class of '98 sit in parliament.", [("'98", "1998")]),
        ("The floods came in early summer, as they had before.", [("early summer", "2018-SU")]),
    ],
)
def test_timex_timeml_date_families_are_tagged_with_their_modifier_or_prefix(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds gather at the monument annually to remember the dead.", [("annually", "P1Y")]),
        ("Presidential elections are held every four years.", [("every four years", "P4Y")]),
        ("The envoy met the rebel commanders twice a week.", [("twice a week", "P1W")]),
    ],
)
def test_timex_recurring_times_are_sets(text, expected):
    assert tagged(text, SYRIA_DCT) == expected


@pytest.mark.parametrize(
    "text",
    ["The board raised its quarterly dividend to 12 cents a share.",
     "Revenue is expected to grow 20% annually through 2025."],
)
def test_timex_an_accounting_adjective_or_rate_is_not_a_set(text):
    assert all(timex.type != "SET" for timex in find_time_expressions(text, SYRIA_DCT))


def test_timex_a_number_opening_a_quotation_is_not_a_two_digit_year():
    assert tagged("He said: '20 people were killed in the blast.'", SYRIA_DCT) == []
