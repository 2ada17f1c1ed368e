"""How dates, numbers and provenance are written for a reader."""

from __future__ import annotations

from dataclasses import replace

import pytest
from seed_story import seed_articles, SYRIA, NEW_ARAB, CNN_2018

from storyline.model import PartialDate
from storyline.render.text import article_name, compact_number, format_value, human_date, published_note, quoted, source_label


@pytest.mark.parametrize(
    ("date", "written"), [("2018-12-19", "19 Dec 2018"), ("2018-02", "Feb 2018"), ("2003", "2003")]
)
def test_text_human_date_keeps_precision(date, written):
    assert human_date(PartialDate.parse(date)) == written


@pytest.mark.parametrize(
    ("value", "qualifier", "unit", "written"),
    [
        (170000.0, "about", None, "about 170,000"),
        (8892.0, None, None, "8,892"),
        ((1500.0, 3000.0), "between", None, "between 1,500 and 3,000"),
        ((60.0, 100.0), None, "days", "60–100 days"),
        (60.0, None, "percent", "60%"),
        (0.25, "more than", None, "more than 0.25"),
        (4.5e9, "about", "$", "about $4,500,000,000"),
    ],
)
def test_text_format_value(value, qualifier, unit, written):
    assert format_value(value, qualifier, unit) == written


def test_text_published_note_says_when_a_date_was_inferred():
    articles = seed_articles()
    assert published_note(articles[SYRIA]) == "19 Dec 2018, inferred from text (confidence 0.8)"
    assert published_note(articles[NEW_ARAB]) == "5 Feb 2018"
    assert published_note(replace(articles[SYRIA], published=None)) == "date unknown"


def test_text_published_note_keeps_two_decimals_of_a_calibrated_confidence():
    low = replace(seed_articles()[SYRIA], published_confidence=0.13)
    assert published_note(low) == "19 Dec 2018, inferred from text (confidence 0.13)"


def test_text_source_label_falls_back_from_title_to_outlet_to_lede():
    articles = seed_articles()
    assert source_label(articles[NEW_ARAB]) == "US starts Iraq withdrawal after defeat of Islamic State"
    assert source_label(articles[CNN_2018]) == "CNN, Feb 2018"
    assert source_label(replace(articles[CNN_2018], source=None)) == "“The number of US forces in Iraq will fall after…”"


def test_text_article_name_skips_a_photo_caption_printed_twice():
    assert article_name(seed_articles()[SYRIA]) == "“The White House said Wednesday the United States has begun…”"


def test_text_article_name_is_the_file_name_without_a_line_of_prose():
    article = replace(seed_articles()[SYRIA], text="2 min read\n05 February, 2018\n")
    assert article_name(article) == "000_24e1abfc6c83d9c1.txt"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The U.S. is not withdrawing from Iraq", "“The U.S. is not withdrawing from Iraq”"),
        ("“The U.S. is not withdrawing from Iraq,”", "“The U.S. is not withdrawing from Iraq,”"),
        ('"Our footprint is going to be changing,"', '"Our footprint is going to be changing,"'),
        ("`` I fully expect we will see deaths from this infection , ''", "`` I fully expect we will see deaths from this infection , ''"),
    ],
)
def test_text_quoted_adds_quotation_marks_only_when_missing(text, shown):
    assert quoted(text) == shown


@pytest.mark.parametrize(
    ("number", "tick"), [(250000.0, "250,000"), (4.5e9, "4.5B"), (2e6, "2M"), (-3e6, "-3M"), (0.5, "0.5")]
)
def test_text_compact_number_for_chart_ticks(number, tick):
    assert compact_number(number) == tick
