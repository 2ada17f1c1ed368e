"""The dater: publication dates from metadata, the article's own text, and its collection."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from storyline.analyze.time.dating import (
    ANCHOR_CONFIDENCE,
    anchoring_date,
    date_article,
    date_collection,
    plausible_metadata,
)
from storyline.model import PartialDate

TODAY = dt.date(2025, 1, 1)


def seeds() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))}


def test_dating_plausible_metadata_wins():
    estimate = date_article("Officials said Monday.", PartialDate.parse("2018-02-05"), today=TODAY)
    assert (estimate.date, estimate.source) == (PartialDate.parse("2018-02-05"), "metadata")


@pytest.mark.parametrize(
    ("metadata", "reason"),
    [("2031-01-01", "in the future"), ("1970-01-01", "Unix epoch")],
)
def test_dating_implausible_metadata_gives_way_to_the_text(metadata, reason):
    estimate = date_article("BAGHDAD, Feb. 5, 2018 (Reuters) - Troops began to leave.",
                            PartialDate.parse(metadata), today=TODAY)
    assert estimate.source == "text" and estimate.date == PartialDate.parse("2018-02-05")
    assert reason in estimate.cues[0]


def test_dating_plausible_metadata_reason_is_none_for_a_past_date():
    assert plausible_metadata(PartialDate.parse("2018-12-19"), TODAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BAGHDAD, Feb. 5, 2018 (Reuters) - U.S. troops began to leave Iraq on Monday.", "2018-02-05"),
        ("US starts Iraq withdrawal\n\n2 min read\n05 February, 2018\nOne senior Iraqi official said.", "2018-02-05"),
        ("By Dan Primack February 2 , 2011 : 2:24 PM ET One day before Egyptians took to the streets .",
         "2011-02-02"),
        ("SURMAN , Libya | Mon Jun 20 , 2011 7:56 pm EDT SURMAN , Libya -LRB- Reuters -RRB- - The government said.",
         "2011-06-20"),
    ],
)
def test_dating_datelines(text, expected):
    estimate = date_article(text, today=TODAY)
    assert estimate.date == PartialDate.parse(expected)
    assert estimate.cues[0].startswith("dateline")


def test_dating_weekday_and_last_week_place_the_syria_article():
    estimate = date_article(seeds()["000_24e1abfc6c83d9c1.txt"], today=TODAY)
    assert estimate.date == PartialDate.parse("2018-12-19")
    assert "weekday 'Wednesday'" in estimate.cues
    assert any("December 11" in cue and "last week" in cue for cue in estimate.cues)


def test_dating_a_finished_year_dates_the_2024_article_to_its_year():
    estimate = date_article(seeds()["003_673533e19380046e.txt"], today=TODAY)
    assert estimate.date == PartialDate.parse("2024")
    assert "finished year" in estimate.cues[0]


def test_dating_yesterday_with_a_date_means_the_next_day():
    text = "Markets fell yesterday , March 3 , 2009 , after the report .\nInvestors waited ."
    assert date_article(text, today=TODAY).date == PartialDate.parse("2009-03-04")


def test_dating_birth_dates_are_background():
    text = "Jackson, who was born on August 29, 1958, sold millions of records."
    assert date_article(text, today=TODAY).date is None


def test_dating_an_article_is_not_older_than_the_months_it_tells_in_the_past():
    text = ("The three countries were invited to join the alliance in July 1997 at the Madrid summit.\n\n"
            "On April 4, 1949, Dean Acheson signed the treaty. The ceremony was held Friday.")
    estimate = date_article(text, today=TODAY)
    assert estimate.date is not None and estimate.date.value.year >= 1997


def test_dating_a_weekday_written_with_a_date_moves_the_year_to_one_it_fits():
    text = ("The singer was found dead in April 2008, police said.\n\n"
            "Fans gathered on Sunday 11 April at the estate. A vigil followed on 12 April.")
    assert date_article(text, today=TODAY).date == PartialDate.parse("2010-04-12")


@pytest.mark.parametrize("text", ["", "zzkq wpx 20188 31 February ----", "The sky was blue."])
def test_dating_text_without_date_cues_gives_no_date(text):
    estimate = date_article(text, today=TODAY)
    assert estimate.date is None and estimate.source is None and estimate.confidence == 0.0


def test_dating_collection_places_the_seed_articles():
    estimates = date_collection(seeds(), today=TODAY)
    days = {name: estimate.date.iso() for name, estimate in estimates.items()}
    assert days["004_876711f44ed858c4.txt"] == "2018-02-05"
    assert days["001_52eb3ba822823c75.txt"] == "2018-02-05"
    assert days["002_d2a7998f1b8d5525.txt"] == "2018-02-05"
    assert days["000_24e1abfc6c83d9c1.txt"] == "2018-12-19"
    assert days["003_673533e19380046e.txt"] == "2024"


def test_dating_collection_cites_the_sibling_it_borrowed_from():
    estimate = date_collection(seeds(), today=TODAY)["001_52eb3ba822823c75.txt"]
    assert "weekday 'Monday'" in estimate.cues
    assert any(cue.startswith("like '004_876711f44ed858c4.txt'") for cue in estimate.cues)


def test_dating_collection_keeps_metadata():
    texts = seeds()
    metadata = {"003_673533e19380046e.txt": PartialDate.parse("2024-09-27")}
    estimate = date_collection(texts, metadata, today=TODAY)["003_673533e19380046e.txt"]
    assert (estimate.date.iso(), estimate.source) == ("2024-09-27", "metadata")


def test_dating_collection_ignores_dates_repeated_as_page_furniture():
    sidebar = "Most read 9:40 pm ET February 11 , 2013 RETWEET follow us"
    texts = {
        f"{number}.txt": f"CAIRO , Egypt -LRB- CNN -RRB- -- Protesters marched on {weekday} , "
                         f"January {day} , 2011 : 10:00 AM ET .\nMore news .\n" + "Filler line .\n" * 12 + sidebar
        for number, (weekday, day) in enumerate([("Tuesday", 25), ("Wednesday", 26), ("Thursday", 27)])
    }
    texts["3.txt"] = "Protesters marched again on Friday , police said .\n" + "Filler line .\n" * 12 + sidebar
    estimates = date_collection(texts, today=TODAY)
    assert estimates["3.txt"].date is not None and estimates["3.txt"].date.value.year == 2011


def test_dating_empty_collection_gives_no_estimates():
    assert date_collection({}, today=TODAY) == {}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_dating_never_raises_and_never_dates_after_today(text):
    estimate = date_article(text, today=TODAY)
    assert estimate.date is None or estimate.date.value <= TODAY


def test_dating_a_date_that_names_an_event_is_background():
    text = "Officials met on Tuesday to review the April 20 explosion and its aftermath."
    assert date_article(text, today=TODAY).date is None


@pytest.mark.parametrize(
    "text",
    [
        "BAGHDAD, Feb. 5, 2018 (Reuters) - U.S. troops began to leave Iraq on Monday.",
        "US starts Iraq withdrawal\n\n2 min read\n05 February, 2018\nOne senior Iraqi official said.",
    ],
)
def test_dating_a_dateline_is_reported_almost_certain(text):
    assert date_article(text, today=TODAY).confidence >= 0.95


def test_dating_a_day_named_with_its_weekday_is_confident_enough_to_anchor():
    text = ("BP said on Thursday, April 29, 2010, that oil was still leaking.\n"
            "The company said Thursday it would drill a relief well.")
    estimate = date_article(text, today=TODAY)
    assert estimate.date == PartialDate.parse("2010-04-29")
    assert estimate.confidence >= ANCHOR_CONFIDENCE


def test_dating_a_day_named_with_its_weekday_below_the_opening_is_reported_less_sure():
    news = "BP said on Thursday, April 29, 2010, that oil was still leaking.\n"
    background = ("The Deepwater Horizon rig exploded and sank in the Gulf of Mexico last month.\n"
                  "Eleven workers were killed in the blast, and the well has leaked ever since.\n"
                  "Fishermen along the coast of Louisiana fear for the coming season.\n")
    opening = date_article(news + background, today=TODAY)
    further_down = date_article(background + news, today=TODAY)
    assert opening.date == further_down.date == PartialDate.parse("2010-04-29")
    assert further_down.confidence < ANCHOR_CONFIDENCE <= opening.confidence


def test_dating_the_day_after_a_named_day_is_reported_less_sure_than_the_named_day():
    named = date_article("BP said on Thursday, April 29, 2010, that oil was still leaking.\n"
                         "The company said Thursday it would drill a relief well.", today=TODAY)
    after = date_article("Rescue crews worked through the night after the explosion on April 20, 2010.\n"
                         "On Wednesday, BP said oil was leaking from the well.", today=TODAY)
    assert after.date == PartialDate.parse("2010-04-21")
    assert after.confidence < named.confidence


def test_dating_a_weekday_without_its_date_is_reported_with_low_confidence():
    # 000 names "Wednesday" and a date "last week", not the day itself: such estimates are seldom the exact day.
    estimate = date_article(seeds()["000_24e1abfc6c83d9c1.txt"], today=TODAY)
    assert estimate.date == PartialDate.parse("2018-12-19")
    assert estimate.confidence < 0.2


def test_dating_a_month_guess_is_reported_without_a_day_and_less_sure_than_a_dateline():
    # Alone, a month of recent dates is the right month 63 times in 110 on Timeline17.
    estimate = date_article("The oil company said it had capped the well on July 15, 2010.", today=TODAY)
    assert estimate.date == PartialDate.parse("2010-07")
    assert estimate.confidences.day == 0.0 and 0.4 < estimate.confidence < 0.8


def test_dating_a_weekday_alone_anchors_at_the_year_it_is_sure_of_not_the_day():
    # Seed 000 is dated Wednesday 2018-12-19 from "Wednesday" and "December 11 … last week": right, but a
    # weekday alone is the right day 3 times in 28 and the right year 15 times in 28.
    estimate = date_article((EXAMPLES / "000_24e1abfc6c83d9c1.txt").read_text(encoding="utf-8"), today=TODAY)
    assert estimate.date == PartialDate.parse("2018-12-19") and estimate.confidence < 0.4
    assert anchoring_date(estimate) == PartialDate.parse("2018")


def test_dating_weekday_on_a_siblings_stated_date_in_the_opening_anchors():
    # 002 opens "On Monday, the US-led coalition … announced"; its sibling 004 is datelined Monday 5 February 2018.
    estimate = date_collection(seeds(), today=TODAY)["002_d2a7998f1b8d5525.txt"]
    assert estimate.date.iso() == "2018-02-05"
    assert estimate.confidence >= ANCHOR_CONFIDENCE


def test_dating_weekday_on_a_siblings_stated_date_further_down_stays_below_anchoring():
    texts = seeds()
    texts["002_d2a7998f1b8d5525.txt"] = (
        texts["002_d2a7998f1b8d5525.txt"].replace("On Monday, the", "The")
        + "\nThe coalition announced the shift in focus on Monday.\n"
    )
    estimate = date_collection(texts, today=TODAY)["002_d2a7998f1b8d5525.txt"]
    assert estimate.date.iso() == "2018-02-05"
    assert estimate.confidence < ANCHOR_CONFIDENCE


def test_dating_weekday_on_a_siblings_stated_date_counts_for_more_than_one_off_it():
    texts = seeds()
    on_date = date_collection(texts, today=TODAY)["002_d2a7998f1b8d5525.txt"]
    texts["002_d2a7998f1b8d5525.txt"] = texts["002_d2a7998f1b8d5525.txt"].replace("On Monday,", "On Thursday,")
    off_date = date_collection(texts, today=TODAY)["002_d2a7998f1b8d5525.txt"]
    assert off_date.confidence < on_date.confidence
