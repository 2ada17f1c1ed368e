"""Figures on noisy real piles (timeline17 BBC, Guardian and CNN pages): the sentences that gave junk
series labels, numbers or places, and what a reader should get from them instead."""

from __future__ import annotations

import pytest

from storyline.analyze.figures.figures import find_figures
from storyline.model import Article, Figure, PartialDate

PUBLISHED = PartialDate.parse("2009-05-01")


def figures_in(nlp, text: str) -> list[Figure]:
    article = Article(id="a", text=text, path="a.txt", published=PUBLISHED)
    return find_figures(article, nlp(text), [])


def only(figures: list[Figure]) -> Figure:
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Next - it 's a year since the devastating earthquake in Haiti which killed around two hundred and fifty "
         "thousand people .", 250_000),
        ("Pray for the 50 millions Latinos in the US , that they may really integrate .", 50_000_000),
    ],
)  # fmt: skip
def test_figures_noise_number_words_read_as_writers_use_them(nlp, sentence, value):
    assert only(figures_in(nlp, sentence)).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "BBC Radio 2 presenter Dermot O'Leary Dermot O'Leary has Saturday Sessions from The Divine Comedy .",
        "At 3pm , there 's live commentary of the World Cup Group 9 qualifying match between Scotland and Macedonia .",
        "Paramedics were called to Jackson 's Los Angeles mansion , according to a recording of the 911 call .",
        "The family lived at 6 High St , Llanfyllin in 1851 .",
        "From 9pm , Mark is joined by Mark Clemmit for 5 Live Football League .",
        "He added that they hope to sell out on the day and reach the event 's 50,000 capacity .",
        "I have him and his family on the 41 census onwards , but ca n't find anything on him before 1841 .",
        "He finds out how these findings might impact hundreds of years of philosophical musings .",
        "Songs inspired by the strike propel the ballad through issues still causing debate a quarter of a century "
        "later .",
    ],
)  # fmt: skip
def test_figures_noise_number_that_names_or_numbers_something_counts_nothing(nlp, sentence):
    assert figures_in(nlp, sentence) == []


def test_figures_noise_list_item_number_before_a_bracket_is_not_a_figure(nlp):
    text = "12 -RRB- 38 Russian citizens killed on March 29 , 2010 by Muslim women suicide bombers ."
    figure = only(figures_in(nlp, text))
    assert (figure.value, figure.what, figure.event) == (38, "citizens", "killed")


def test_figures_noise_year_in_a_list_of_percentages_is_not_a_figure(nlp):
    text = "Tunisia 's GDP grew by 3.4 % in 2010 and 3 % in 2009 , according to the CIA Factbook ."
    assert 2010 not in [figure.value for figure in figures_in(nlp, text)]


def test_figures_noise_word_in_capitals_is_not_an_owner(nlp):
    text = "RETWEET Five Arab leaders give their take on regional issues on GPS this Sunday ."
    assert only(figures_in(nlp, text)).owner != "RETWEET"


def test_figures_noise_bare_number_takes_the_place_its_own_clause_names(nlp):
    text = (
        "On Friday , the World Health Organization reported that Australia has had 147 confirmed cases ; "
        "Argentina has had 37 ; and none so far in South Africa ."
    )
    first, second = figures_in(nlp, text)
    assert (first.value, first.where, first.owner) == (147, "Australia", "Australia")
    assert (second.value, second.what, second.where, second.owner) == (37, "cases", "Argentina", None)


def test_figures_noise_total_after_an_increment_is_the_level_of_the_total_place(nlp):
    text = (
        "Another 25 cases of swine flu have been confirmed in England and 26 more in Scotland , taking the UK "
        "total to 848 ."
    )
    readings = [(f.value, f.where, f.event) for f in figures_in(nlp, text)]
    assert readings == [(25, "England", None), (26, "Scotland", "changed"), (848, "UK", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine new cases of swine flu were confirmed in the UK today .",
        "A further 59 cases were found in England .",
        "At least two more cases have been confirmed in Kansas .",
    ],
)
def test_figures_noise_new_or_more_cases_are_an_increment_not_a_level(nlp, sentence):
    assert only(figures_in(nlp, sentence)).event == "changed"


def test_figures_noise_more_than_is_a_hedge_not_an_increment(nlp):
    assert only(figures_in(nlp, "There were more than 5,000 troops in Iraq .")).event is None


def test_figures_noise_change_by_an_amount_to_a_level_is_two_figures(nlp):
    text = "The official number of swine flu cases in Scotland increased by 22 to 530 today ."
    readings = [(f.value, f.where, f.event) for f in figures_in(nlp, text)]
    assert readings == [(22, "Scotland", "changed"), (530, "Scotland", None)]


def test_figures_noise_place_after_a_predicate_adjective(nlp):
    text = "The current unrest has left at least 233 people dead in Libya , according to Human Rights Watch ."
    figure = only(figures_in(nlp, text))
    assert (figure.value, figure.where, figure.event) == (233, "Libya", "killed")


def test_figures_noise_the_country_is_the_one_its_sentence_names(nlp):
    text = (
        "Scotland is on alert . The US declared a public health emergency as 20 cases were confirmed in the "
        "country ."
    )
    assert only(figures_in(nlp, text)).where == "US"


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Seasonal flu kills 500,000 people a year , mainly the elderly .", "a year"),
        ("Some 10,000 people die of influenza every year in Britain .", "a year"),
        ("There are 32,000 suspected cyber-attacks every 24 hours , says the NSA .", "every 24 hours"),
        ("Bubonic plague still kills around 100 people annually worldwide .", "a year"),
        ("Last year 5,000 people died in the floods .", None),
        ("The clinic treats 40 patients per day in Lima .", "a day"),
        ("Up to 60,000 barrels of oil a day have leaked into the Gulf since 22 April .", "barrels a day"),
        ("It implies that half the estimated 12,000 to 19,000 barrels leaking each day is being captured .",
         "barrels a day"),
        ("The team put the flow at 19,000 bpd a day , well above BP 's estimate .", "bpd"),
    ],
)
def test_figures_noise_count_per_period_is_a_rate(nlp, sentence, unit):
    assert only(figures_in(nlp, sentence)).unit == unit


def test_figures_noise_unit_is_not_what_is_counted(nlp):
    assert figures_in(nlp, "1991 : 520m gallons were deliberately released from Iraqi oil tankers .") == []


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("At least 20 passengers were later diagnosed with the virus .", "diagnosed"),
        ("He said five people in the US have been hospitalised , up from one yesterday .", "hospitalized"),
        ("Dozens of Mexicans quarantined in China are being flown home .", "quarantined"),
        ("The company employs 10,105 people in the UK .", "employed"),
    ],
)
def test_figures_noise_what_happened_to_people_tells_one_count_from_another(nlp, sentence, event):
    assert only(figures_in(nlp, sentence)).event == event


@pytest.mark.parametrize(
    "sentence",
    [
        "A day after international powers met in Paris and agreed to hand over more than $ 15 billion to the "
        "rebels .",
        "Big powers agreed in Paris last week to unfreeze $ 15 billion in Libyan assets .",
    ],
)
def test_figures_noise_a_sum_handed_over_does_not_measure_who_hands_it(nlp, sentence):
    assert "powers" not in [figure.what for figure in figures_in(nlp, sentence)]


def test_figures_noise_cases_diagnosed_are_cases(nlp):
    figure = only(figures_in(nlp, "There are 39 cases in the UK , all of them diagnosed in London ."))
    assert figure.event is None
    figure = only(figures_in(nlp, "In all , 34 cases have been diagnosed in the UK ."))
    assert (figure.what, figure.event) == ("cases", None)
