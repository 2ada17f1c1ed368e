"""Figures on real sentences from the seed articles: what is a figure, what it counts, where, as of when."""

from __future__ import annotations

import datetime as dt
import json
import os

from pathlib import Path

import pytest
from conftest import EXAMPLES, REPO, shared_data
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.figures.figures import find_figures
from storyline.eval.figures import run
from storyline.model import Article, Figure, PartialDate, Span, TimeExpression

PUBLISHED = PartialDate.parse("2018-02-05")


def figures_in(nlp, text: str, timexes: tuple[tuple[str, str], ...] = ()) -> list[Figure]:
    """Figures of ``text`` with the given time expressions (as written, ISO date) tagged by hand."""
    article = Article(id="a", text=text, path="a.txt", published=PUBLISHED)
    tagged = []
    for written, iso in timexes:
        start = text.index(written)
        span = Span("a", start, start + len(written))
        tagged.append(TimeExpression(span, written, "DATE", iso, PartialDate.parse(iso)))
    return find_figures(article, nlp(text), tagged)


def only(figures: list[Figure]) -> Figure:
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "what", "where", "unit"),
    [
        (
            "The U.S. has about 2,000 troops in Syria, many of whom work closely with an alliance of Kurdish and "
            "Arab militias known as the Syrian Democratic Forces.",
            2000, "about", "troops", "Syria", None,
        ),
        (
            "A total pullout of U.S. troops from Syria would still leave the U.S. military with a sizable presence "
            "in the region, including more than 5,000 troops in neighboring Iraq.",
            5000, "more than", "troops", "Iraq", None,
        ),
        (
            "At one pont, it held more than 34,000 square miles territory from the Mediterranean coast to south "
            "of Baghdad.",
            34000, "more than", "territory", None, "square miles",
        ),
        (
            "The campaign to eliminate ISIS’s territorial foothold took nearly 25,000 coalition airstrikes in more "
            "than three years.",
            25000, "nearly", "airstrikes", None, None,
        ),
        (
            "A recent United Nations report, based on intelligence from member states, estimated IS has between "
            "1,500 and 3,000 fighters in Iraq and Syria.",
            (1500, 3000), "between", "fighters", "Iraq and Syria", None,
        ),
        ('"A couple of thousand hardened fighters remain in that area."', 2000, "a couple of", "fighters", None, None),
        (
            "Over the past week dozens of American soldiers have been transported from Iraq to Afghanistan on "
            "daily flights, together with weapons and equipment.",
            (24, 99), None, "troops", "Iraq", None,
        ),
        ("At their peak, US troop levels in Iraq stood near 166,000.", 166000, "near", "troops", "Iraq", None),
        (
            "U.S. intelligence officials have put the number of IS fighters in Iraq and Syria at about 2,500.",
            2500, "about", "fighters", "Iraq and Syria", None,
        ),
        (
            "The Pentagon said in December there were around 5,200 American forces in Iraq.",
            5200, "around", "troops", "Iraq", None,
        ),
        (
            "Friday’s long-awaited announcement comes 10 years after the U.S. and dozens of other countries joined "
            "forces to help roll back IS’ self-declared caliphate.",
            (24, 99), None, "countries", None, None,
        ),
    ],
)  # fmt: skip
def test_figures_reads_value_qualifier_what_where_and_unit(nlp, sentence, value, qualifier, what, where, unit):
    figure = only(figures_in(nlp, sentence))
    expected = tuple(float(v) for v in value) if isinstance(value, tuple) else float(value)
    assert (figure.value, figure.qualifier, figure.what, figure.where, figure.unit) == (
        expected, qualifier, what, where, unit
    )


def test_figures_reads_percent_and_count_in_one_sentence(nlp):
    text = (
        "The AP report quotes an anonymous Iraqi official who estimated that the reduction will include 60 percent "
        "of U.S. troops still in the country, leaving roughly\u00a04,000 U.S. troops to remain."
    )
    percent, count = figures_in(nlp, text)
    assert (percent.value, percent.unit, percent.what, percent.owner) == (60.0, "percent", "troops", "U.S.")
    assert (count.value, count.qualifier, count.what) == (4000.0, "roughly", "troops")


def test_figures_reads_fractions_and_magnitudes_in_a_long_sentence(nlp):
    text = (
        "Mattis and State Department officials have expressed concern about leaving Syria before a peace agreement "
        "is reached to end the civil war that has claimed hundreds of thousands of lives and displaced about half "
        "of Syria's pre-war population of about 22 million people."
    )
    lives, half, people = figures_in(nlp, text)
    assert (lives.value, lives.what) == ((200_000.0, 999_999.0), "lives")
    assert (half.value, half.unit, half.what, half.where) == (50.0, "percent", "population", "Syria")
    assert (people.value, people.what, people.where) == (22_000_000.0, "people", "Syria")


def test_figures_as_of_prefers_the_as_of_date_over_the_report_date(nlp):
    text = "A Pentagon report released in November said there were 8,892 US troops in Iraq as of late September."
    figure = only(figures_in(nlp, text, (("November", "2017-11"), ("late September", "2017-09"))))
    assert (figure.value, figure.where, figure.as_of) == (8892.0, "Iraq", PartialDate.parse("2017-09"))


def test_figures_carries_what_into_a_bare_number_and_dates_each_by_its_nearest_time(nlp):
    text = (
        "At the height of the Iraqi-U.S. War in 2007, there were about 170,000 U.S. troops in Iraq, but dwindled "
        "to 40,000 until the complete withdrawal in 2011, which led to sectarian violence."
    )
    peak, later = figures_in(nlp, text, (("2007", "2007"), ("2011", "2011")))
    assert (peak.value, peak.as_of) == (170_000.0, PartialDate.parse("2007"))
    assert (later.value, later.what, later.where) == (40_000.0, "troops", "Iraq")
    assert later.as_of == PartialDate.parse("2011")


def test_figures_carries_place_from_the_previous_sentence(nlp):
    text = (
        "There were some 170,000 American troops in Iraq in 2007 at the height of the surge of US forces.\n\n"
        "US troop numbers eventually wound down to 40,000 before the complete withdrawal in 2011."
    )
    _, later = figures_in(nlp, text, (("2007", "2007"), ("2011", "2011")))
    assert (later.value, later.what, later.where) == (40_000.0, "troops", "Iraq")


def test_figures_undated_peak_has_no_as_of_date(nlp):
    figure = only(figures_in(nlp, "At their peak, US troop levels in Iraq stood near 166,000."))
    assert figure.as_of is None


def test_figures_without_a_time_expression_are_as_of_the_article_date(nlp):
    text = "The plan would leave a force of about 4,000 US troops to continue training the Iraqi military."
    assert only(figures_in(nlp, text)).as_of == PUBLISHED


def test_figures_span_and_sentence_index_the_article_text(nlp):
    text = "Headline\n\nThe U.S. has about 2,000 troops in Syria. Officials said so."
    figure = only(figures_in(nlp, text))
    assert text[figure.span.start : figure.span.end] == "about 2,000 troops"
    assert text[figure.sentence.start : figure.sentence.end] == "The U.S. has about 2,000 troops in Syria."


def test_figures_owner_is_whoever_has_the_troops(nlp):
    text = "The U.S. has about 2,000 troops in Syria."
    assert only(figures_in(nlp, text)).owner == "U.S."


@pytest.mark.parametrize(
    "text",
    [
        "Syrian Democratic Forces and U.S. troops are seen during a patrol near Turkish border in Hasakah, Syria, "
        "Nov. 4, 2018.",
        "U.S. Army 1st Lt. William John Raymond added that U.S. troops have “had a recent change of mission”.",
        "Reuters quoted a U.S. official as sayingthe State Department is evacuating all personnel from Syria over "
        "the next 24 hours and that the time frame for the troop withdrawal is 60 to 100 days.",
        "Two Iraqi officials confirmed to The Associated Press that the US coalition and Iraqi government have "
        "reached an agreement about withdrawing troops for the first time since the war against IS was launched.",
        "The US first launched airstrikes against IS in Iraq in August 2014 in a military intervention.",
        "2 min read\n05 February, 2018",
        "Watch the interview on Fox 5 tonight.",
        "For tips call 202-555-0143 by 10:30 a.m. or (202) 555-0143.",
        "The 45-year-old soldier, aged 45, spoke to reporters.",
        "The second phase, they said, will start next September and will last at least one year.",
    ],
)
def test_figures_ignores_dates_ordinals_durations_names_phones_and_ages(nlp, text):
    assert figures_in(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "There were " + "9" * 10_000 + " troops.",
        "Troops\t2017\t2018\nIraq\t5,200\t8,892\nSyria\t2,000\t900\n",
        "| Country | Troops |\n|---|---|\n| Iraq | 5,200 |\n| Syria | 2,000 |",
        "",
        "1,2,3,4,5,6,7,8,9,10,11,12,13",
    ],
)
def test_figures_bad_input_gives_no_crash_and_no_invented_figure(nlp, text):
    assert figures_in(nlp, text) == []


def test_figures_range_words_from_to_after_a_verb_are_two_figures(nlp):
    first, second = figures_in(nlp, "Troops rose from 5,000 to 8,000.")
    assert (first.value, second.value, first.what) == (5000.0, 8000.0, "troops")


def test_figures_money_without_a_counted_noun_measures_its_subject(nlp):
    figure = only(figures_in(nlp, "The deal is worth $1.5 billion."))
    assert (figure.value, figure.unit, figure.what) == (1.5e9, "$", "deal")


def test_figures_eval_scores_a_seed_document_against_the_gold_set(tmp_path):
    gold = json.loads((REPO / "benchmarks" / "figures_gold.json").read_text(encoding="utf-8"))
    gold["documents"] = [d for d in gold["documents"] if d["file"].startswith("002_")]
    gold["texts"] = str(EXAMPLES)
    (tmp_path / "figures_gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = run(tmp_path, out=tmp_path / "out")
    assert result["docs"] == 1 and result["gold"] == 4
    assert 0.0 <= result["figure_f1"] <= 1.0 and result["matched"] <= result["predicted"]
    assert (tmp_path / "out" / "figures_predicted.json").exists()


def test_figures_eval_counts_deaths_as_people_killed(tmp_path):
    text = "Argentine health officials say the number of deaths has risen to 17."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {"texts": ".", "documents": [{"file": "a.txt", "published": "2009-06-24", "figures": [
        {"text": "17", "start": text.index("17"), "end": text.index("17") + 2, "value": 17, "qualifier": None,
         "what": "deaths", "where": None, "as_of": "2009-06-24", "unit": None},
    ]}]}  # fmt: skip
    (tmp_path / "figures_gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = run(tmp_path)
    assert (result["gold"], result["matched"]) == (1, 1)


def test_figures_small_count_in_words_is_a_figure_when_the_clause_reports_it(nlp):
    soldiers, others = figures_in(nlp, "Two U.S. soldiers were killed and 15 others were wounded in the attack.")
    assert (soldiers.value, soldiers.what, soldiers.owner) == (2.0, "troops", "U.S.")
    assert (others.value, others.what) == (15.0, "troops")


def test_figures_small_count_as_an_object_is_prose(nlp):
    text = (
        "Abadi has long struggled to balance the often competing interests of Iraq's two key allies - Iran and "
        "the US."
    )
    assert figures_in(nlp, text) == []


def test_figures_distance_keeps_one_of_two_units_and_fused_units_measure_their_noun(nlp):
    text = "The convoy stopped about 100 kilometers (60 miles) from the border, beside a 40-foot wall."
    distance, wall = figures_in(nlp, text)
    assert (distance.value, distance.qualifier, distance.unit, distance.what) == (100.0, "about", "km", "distance")
    assert (wall.value, wall.unit, wall.what) == (40.0, "feet", "wall")


def test_figures_clock_time_with_a_zone_is_not_a_figure(nlp):
    assert figures_in(nlp, "At 12:30 p.m. local time (0130 GMT) Monday the search resumed.") == []


@pytest.mark.parametrize(
    ("sentence", "what", "event"),
    [
        ("Two U.S. soldiers were killed in the attack.", "troops", "killed"),
        ("At least 32 people died when the river burst its banks.", "people", "killed"),
        ("The death toll rose to 231 on Saturday.", "people", "killed"),
        ("More than 72,000 people were evacuated from the coast.", "people", "evacuated"),
        ("The U.S. has about 2,000 troops in Syria.", "troops", None),
    ],
)
def test_figures_event_tells_casualties_from_levels(nlp, sentence, what, event):
    figure = only(figures_in(nlp, sentence))
    assert (figure.what, figure.event) == (what, event)


def test_figures_peak_nearer_than_the_sentence_date_leaves_the_figure_undated(nlp):
    text = (
        "Friday’s long-awaited announcement comes 10 years after the U.S. joined forces to help roll back IS’ "
        "self-declared caliphate, which at its peak covered nearly one-third of Iraq and Syria."
    )
    figure = only(figures_in(nlp, text, (("Friday", "2024-09-27"),)))
    assert (figure.value, figure.what, figure.as_of) == (33.33, "area", None)


NUMBERISH = st.sampled_from(
    ["2,000", "about", "troops", "in", "Syria", "-", "0130", "1st", "percent", "of", "between", "and", "dozens",
     "$", "1.5", "billion", "2018", "(", ")", "\n", "|", "\t", "two", "killed", "99999999999999999999", "."]
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(NUMBERISH, max_size=25))
def test_figures_never_raise_and_spans_index_the_text(nlp, words):
    text = " ".join(words)
    for figure in figures_in(nlp, text):
        assert 0 <= figure.span.start < figure.span.end <= len(text)
        assert figure.sentence.start <= figure.span.start and figure.span.end <= figure.sentence.end
        assert figure.what


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Over the past week dozens of American soldiers have been transported from Iraq to Afghanistan.", "moved"),
        ("One senior Iraqi official said 60 percent of all American troops currently in the country will be "
         "withdrawn.", "withdrawn"),
    ],
)  # fmt: skip
def test_figures_event_of_a_share_or_magnitude_comes_from_its_own_verb(nlp, sentence, event):
    assert only(figures_in(nlp, sentence)).event == event


def test_figures_sentence_with_unresolved_date_is_not_dated_as_the_article(nlp):
    from storyline.analyze.time import find_time_expressions

    text = "The Pentagon said in December there were around 5,200 American forces in Iraq."
    article = Article(id="cnn", text=text, path="cnn.txt", published=PartialDate(dt.date(2018, 2, 5)),
                      published_from="text", published_confidence=0.3)
    timexes = find_time_expressions(text, None, "cnn")
    (figure,) = find_figures(article, nlp(text), timexes)
    assert figure.value == 5200
    assert figure.as_of is None


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("The groups said they would spend $2.1 million on television ads in a dozen states.", 2.1e6, "ads"),
        ("The labor-backed groups are paying $400,000 for ads that cite campaign contributions.", 4e5, "ads"),
        ("The lobby arm is spending $200,000 on an ad that calls for clean power.", 2e5, "ad"),
    ],
)
def test_figures_money_measures_what_it_is_spent_on(nlp, sentence, value, what):
    money = [figure for figure in figures_in(nlp, sentence) if figure.unit == "$"]
    assert [(figure.value, figure.what) for figure in money] == [(value, what)]


def test_figures_bracketed_conversion_is_skipped_and_the_measure_reads_past_it(nlp):
    text = "BP chose to replace 3,300 ft -LRB- 1,006 m -RRB- of mud below the mud line with seawater."
    figure = only(figures_in(nlp, text))
    assert (figure.value, figure.unit, figure.what) == (3300.0, "feet", "mud")


def test_figures_magnitude_of_a_unit_is_a_measure(nlp):
    figure = only(figures_in(nlp, "The storm was hundreds of miles away from the well site."))
    assert (figure.value, figure.unit, figure.what) == ((200.0, 999.0), "miles", "distance")


def test_figures_year_before_a_singular_noun_is_a_year_in_a_run_on_headline(nlp):
    text = "It is a new version of the H1N1 strain which caused the 1918 flu pandemic Current treatments do work."
    assert figures_in(nlp, text) == []


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("Chile has seen some 5,000 cases and seven deaths.", 7.0, "people"),
        ("Preliminary reports showed 16 to 18 cases including one death.", 1.0, "people"),
        ("The virus was spreading in at least two regions of the world.", 2.0, "regions"),
        ("One man was killed when the roof collapsed.", 1.0, "man"),
    ],
)
def test_figures_small_count_in_words_is_a_toll_a_hedged_count_or_an_event(nlp, sentence, value, what):
    small = [figure for figure in figures_in(nlp, sentence) if figure.value == value]
    assert [figure.what for figure in small] == [what]


@pytest.mark.parametrize(
    "sentence",
    ["One reason is that the rigs are old.", "Two officials said the talks had stalled.", "They met one another."],
)
def test_figures_small_count_in_words_without_a_toll_or_event_is_prose(nlp, sentence):
    assert figures_in(nlp, sentence) == []


def test_figures_number_after_with_counts_the_verbs_object(nlp):
    counts = figures_in(nlp, "Worldwide, the US has reported the most cases with 21,449.")
    assert [(figure.value, figure.what) for figure in counts] == [(21449.0, "cases")]


@pytest.mark.parametrize(
    ("sentence", "value", "where"),
    [
        ("It is winter in Argentina, and Chile, which has seen some 5,000 cases, is bracing for more.", 5000, "Chile"),
        ("Canada has seen 15 deaths and 6,457 cases, according to the health ministry.", 6457, "Canada"),
        ("Dozens of Bedouins gathered on Wednesday in the Sheikh Zwayd area near Rafah.", (24, 99), "Sheikh Zwayd"),
    ],
)
def test_figures_place_is_the_antecedent_the_recording_subject_or_the_named_area(nlp, sentence, value, where):
    expected = tuple(float(v) for v in value) if isinstance(value, tuple) else float(value)
    figure = next(figure for figure in figures_in(nlp, sentence) if figure.value == expected)
    assert figure.where == where


def test_figures_owner_of_troops_is_not_their_place(nlp):
    figure = only(figures_in(nlp, "The U.S. has about 2,000 troops."))
    assert (figure.owner, figure.where) == ("U.S.", None)


def test_figures_as_of_is_the_time_of_the_figures_own_clause(nlp):
    text = "Shell evacuated 160 workers Wednesday, and 20 helicopters were ferrying others Thursday."
    workers, helicopters = figures_in(nlp, text, (("Wednesday", "2010-07-21"), ("Thursday", "2010-07-22")))
    assert (workers.as_of.iso(), helicopters.as_of.iso()) == ("2010-07-21", "2010-07-22")


@pytest.mark.parametrize(
    ("sentence", "written", "date", "as_of"),
    [
        ("The virus first emerged in April in Mexico, which has recorded 113 deaths.", "April", "2017-04", "2018-02-05"),
        ("In August, Trump introduced a strategy which includes sending an additional 4,000 troops.", "August",
         "2017-08", "2017-08"),
    ],
)  # fmt: skip
def test_figures_present_perfect_relative_clause_is_not_dated_by_the_main_clause(nlp, sentence, written, date, as_of):
    figure = only(figures_in(nlp, sentence, ((written, date),)))
    assert figure.as_of.iso() == as_of


def test_figures_place_of_a_relative_clause_attached_to_the_verb_before_it(nlp):
    text = "The H1N1 virus first emerged in April in Mexico , which has recorded 113 deaths and 7,624 cases ."
    assert [figure.where for figure in figures_in(nlp, text)] == ["Mexico", "Mexico"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The spill had so far cost the company $9.5bn.", 9.5e9, "$"),
        ("It protects £10m of debt.", 1e7, "£"),
        ("The disaster involved a spill of 4.9 m barrels of oil.", 4.9e6, "barrels"),
    ],
)
def test_figures_scale_abbreviations_multiply_the_value(nlp, sentence, value, unit):
    figure = only(figures_in(nlp, sentence))
    assert (figure.value, figure.unit) == (value, unit)


def test_figures_metres_abbreviated_are_not_millions(nlp):
    assert all(figure.value < 1e6 for figure in figures_in(nlp, "The pipe was cut 1,524 m below the surface."))


@pytest.mark.parametrize(
    "text",
    [
        "How long are these leases? 3, 7, 10 years or until the end of production?",
        "#AC 360 Widespread damage in Mississippi and Alabama.",
        "Reuters UK WRAPUP 2-Obama visits Gulf disaster.",
        "The tally of confirmed cases is heading towards the 3,000 mark.",
        "It drew many of the airline chiefs, more than 200 of whom gathered in Kuala Lumpur.",
    ],
)
def test_figures_lists_of_durations_hashtags_names_and_empty_nouns_are_not_figures(nlp, text):
    assert figures_in(nlp, text) == []


def test_figures_list_of_numbers_shares_the_unit_written_last(nlp):
    shares = figures_in(nlp, "Its lease partners Anadarko Petroleum and Mitsui will pay 25 and 10 percent.")
    assert [(figure.value, figure.unit) for figure in shares] == [(25.0, "percent"), (10.0, "percent")]


def test_figures_people_named_in_two_words_are_counted_as_named(nlp):
    text = "Troops attacked a village, killing one East Timorese and wounding 22 others."
    assert [(f.value, f.what) for f in figures_in(nlp, text)] == [(1.0, "east timorese"), (22.0, "east timorese")]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The credible range is between 840,000 gallons and 1.68 million gallons a day.", (840000.0, 1680000.0), "gallons"),
        ("The repairs would cost the company $1 billion to $2 billion.", (1e9, 2e9), "$"),
    ],
)  # fmt: skip
def test_figures_range_with_a_unit_on_both_ends_is_one_range(nlp, sentence, value, unit):
    figure = only(figures_in(nlp, sentence))
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, "between")


def test_figures_change_in_money_from_to_is_two_figures(nlp):
    assert len(figures_in(nlp, "Ticket prices rose from $5 to $8.")) == 2


@pytest.mark.parametrize(
    "text",
    ["That is more than nine times the size of the 1989 Exxon Valdez spill.", "It leads the FTSE 100 list."],
)
def test_figures_multipliers_and_index_names_are_not_figures(nlp, text):
    assert figures_in(nlp, text) == []


def test_figures_toll_counts_people_killed(nlp):
    figure = only(figures_in(nlp, "The government puts the toll at more than 150."))
    assert (figure.value, figure.what, figure.event) == (150.0, "people", "killed")


def test_figures_metres_restated_in_feet_is_one_figure(nlp):
    figure = only(figures_in(nlp, "The riser pipe is 1,524 m -LRB- 5,000 ft -RRB- beneath the surface."))
    assert (figure.value, figure.unit) == (1524.0, "meters")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Cambodia is poor. About 49 percent of Cambodian children are stunted.", "Cambodia"),
        ("Aid reached Niger and Nigeria. 1.7 million hungry Nigerians need food.", "Nigeria"),
        ("Iran and Iraq met. 200 Iraqi civilians died.", "Iraq"),
        ("Food prices rose. 200 Iraqi civilians died.", None),
    ],
)
def test_figures_people_of_a_country_the_article_names_are_placed_there(nlp, text, where):
    assert [figure.where for figure in figures_in(nlp, text)] == [where]


def test_figures_troops_are_not_placed_in_their_homeland(nlp):
    figure = only(figures_in(nlp, "America is at war. 30 American troops died."))
    assert (figure.owner, figure.where) == ("American", None)


def test_figures_in_the_country_is_the_country_named_last_before_it(nlp):
    text = (
        "US starts Iraq withdrawal after defeat of Islamic State\n\nOne senior official said 60 percent of all "
        "American troops currently in the country will be withdrawn."
    )
    assert only(figures_in(nlp, text)).where == "Iraq"


def test_figures_change_then_level_after_a_change_verb_is_two_figures(nlp):
    text = "U.S. crude rose 84 cents to $83.10 a barrel, and Brent fell $1.25 to $107.37."
    assert [(f.value, f.unit) for f in figures_in(nlp, text)] == [
        (84.0, "cents"), (83.1, "$"), (1.25, "$"), (107.37, "$")
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "event"),
    [
        ("Two gunmen killed five people in the market.", 2.0, None),
        ("One stockbroker captured the gloomy mood at the company.", None, None),
        ("Eight people were confirmed as being infected with the disease.", 8.0, None),
    ],
)
def test_figures_agents_of_events_are_not_their_victims(nlp, sentence, value, event):
    first = [figure for figure in figures_in(nlp, sentence) if figure.span.start == 0]
    assert [(f.value, f.event) for f in first] == ([] if value is None else [(value, event)])


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("Of the 233 people on board the flight, 106 were foreigners.", 106.0, "foreigners"),
        ("It will increase the flow of an already huge leak by 20%.", 20.0, "flow"),
        ("Of the 233 people on board, 106 were foreigners; roughly a quarter of them were Japanese.", 25.0,
         "foreigners"),
    ],
)  # fmt: skip
def test_figures_counted_thing_of_a_copula_a_change_by_or_an_anaphor(nlp, sentence, value, what):
    figure = next(figure for figure in figures_in(nlp, sentence) if figure.value == value)
    assert figure.what == what


@pytest.mark.parametrize(
    ("sentence", "timexes", "as_of"),
    [
        (
            "Brent's premium narrowed to $24.05 a barrel by noon, after reaching a record $26.69 on Friday.",
            (("Friday", "2011-08-19"),), "2018-02-05",
        ),
        ("More actively traded October crude rose 79 cents to $83.20 a barrel.", (("October", "2011-10"),), "2018-02-05"),
        ("The Pentagon said in December there were around 5,200 American forces in Iraq.", (("December", "2017-12"),),
         "2017-12"),
    ],
)  # fmt: skip
def test_figures_as_of_comes_from_a_governing_clause_and_never_from_a_contract_month(nlp, sentence, timexes, as_of):
    assert figures_in(nlp, sentence, timexes)[0].as_of.iso() == as_of


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("Canada has 496 confirmed cases, the ministry said.", "Canada"),
        ("The tally includes 45 deaths in the disease epicentre, Mexico.", "Mexico"),
        ("The head of a hospital in Benghazi said 202 people have been confirmed dead in the city.", "Benghazi"),
    ],
)
def test_figures_place_of_a_holder_an_apposition_or_the_city_named_before(nlp, sentence, where):
    assert [figure.where for figure in figures_in(nlp, sentence)] == [where]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("In the US alone there are an estimated 25-50 million cases reported each year.", (25e6, 50e6), "a year"),
        ("The fires resulted in an estimated 1.4 m to 1.5 m tonnes of oil being released.", (1.4e6, 1.5e6), "tonnes"),
        ("The team put the flow at 19,000 bpd, well above BP's estimate.", 19000.0, "bpd"),
        ("Oil in the waters of the Gulf must reach the level of 2 parts per million or less.", 2.0, "ppm"),
    ],
)
def test_figures_ranges_share_their_scale_and_rates_have_units(nlp, sentence, value, unit):
    figure = only(figures_in(nlp, sentence))
    assert (figure.value, figure.unit) == (value, unit)


def test_figures_clock_time_tagged_as_a_year_does_not_date_a_figure(nlp):
    text = "As of 1700 BST on 15 June 2009, 76 countries have officially reported 35,928 cases of influenza."
    figures = figures_in(nlp, text, (("1700", "1700"), ("15 June 2009", "2009-06-15")))
    assert {figure.as_of.iso() for figure in figures} == {"2009-06-15"}


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("The United States has reported 4,714 confirmed cases including four deaths.", "United States"),
        ("The number of UK cases rose to 27 on Monday.", "UK"),
        ("U.S. crude rose 84 cents to $83.10 a barrel.", None),
    ],
)
def test_figures_place_named_on_counted_things_and_trimmed_names(nlp, sentence, where):
    assert figures_in(nlp, sentence)[0].where == where


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("The spill released no more than 5,000 barrels of oil.", "no more than"),
        ("The well spewed as much as 2 million gallons of crude a day.", "as much as"),
        ("U.S. crude reached as high as $84.30 a barrel.", "as high as"),
        ("The company sent in excess of 300 workers to the coast.", "in excess of"),
    ],
)
def test_figures_longest_hedge_is_the_qualifier(nlp, sentence, qualifier):
    assert only(figures_in(nlp, sentence)).qualifier == qualifier


def test_figures_place_is_not_carried_into_a_sentence_about_another_people(nlp):
    text = "Italy has 10 million doses of the drug.\nThe Dutch government is acquiring 19 million doses."
    assert [figure.where for figure in figures_in(nlp, text)] == ["Italy", None]


def test_figures_place_of_a_participle_on_the_counted_noun(nlp):
    text = "Mr Guajardo tried to visit 10 Mexicans quarantined in Beijing's Guo Men hotel."
    assert only(figures_in(nlp, text)).where == "Beijing"


def test_figures_people_abroad_are_not_placed_in_their_homeland(nlp):
    text = "China quarantined travellers. China defended the move. Mexico protested. About 70 Mexicans were confined."
    assert only(figures_in(nlp, text)).where is None


def test_figures_ages_after_the_ages_of_are_not_figures(nlp):
    text = "The region is home to more than 100 million young people between the ages of 15 to 29."
    assert [figure.value for figure in figures_in(nlp, text)] == [1e8]


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("After exports ceased, tighter supply drove Brent to a two-year high of $127.02 in April.", 127.02, "brent"),
        ("Crude fell to $107.37 a barrel, having recovered from a $105.15 intraday low.", 105.15, "crude"),
        ("Libya pumped around 1.6 million barrels per day before the war cut its output.", 1.6e6, "oil"),
    ],
)
def test_figures_price_levels_measure_the_thing_priced_and_barrels_hold_oil(nlp, sentence, value, what):
    figure = next(figure for figure in figures_in(nlp, sentence) if figure.value == value)
    assert figure.what == what


def test_figures_bare_percent_that_is_its_own_subject_has_nothing_counted(nlp):
    text = "A similar survey of children under 7 found that 65 percent are stunted."
    assert [figure.what for figure in figures_in(nlp, text)] == []


@pytest.mark.parametrize("name", ["figures_heldout_gold.json", "figures_blind_gold.json", "figures_blind2_gold.json"])
def test_figures_gold_offsets_cover_the_phrase_as_written(name):
    gold = json.loads((REPO / "benchmarks" / name).read_text(encoding="utf-8"))
    beside_repo = Path(os.path.normpath(Path("benchmarks") / gold["texts"])).parts  # ("..", "shared", ...)
    texts = shared_data(str(Path(*beside_repo[2:])))
    for document in gold["documents"]:
        text = (texts / document["file"]).read_text(encoding="utf-8")
        for figure in document["figures"]:
            assert text[figure["start"] : figure["end"]] == figure["text"], (document["file"], figure)


def test_figures_unbalanced_quotation_mark_still_gives_only_the_real_figure(nlp):
    figure = only(figures_in(nlp, '"About 2,000 troops remain in Syria, he said. "And the rest'))
    assert (figure.value, figure.what, figure.where) == (2000.0, "troops", "Syria")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("BP shares fell 0.9 percent, lagging the index.", 0.9),
        ("The shares in London closed down 13 percent on Tuesday.", 13.0),
        ("The shares were falling by as much as 17 percent.", 17.0),
        ("The index posted a 4.8 percent rise.", 4.8),
        ("Casualties climbed 20 percent in a week.", 20.0),
    ],
)
def test_figures_amount_of_a_change_is_marked_changed(nlp, sentence, value):
    figure = only(figures_in(nlp, sentence))
    assert (figure.value, figure.event) == (value, "changed")


def test_figures_level_reached_is_not_a_change(nlp):
    assert only(figures_in(nlp, "US troop levels rose to 5,000 in Iraq.")).event is None


def test_figures_number_inside_a_name_between_capitals_is_not_a_figure(nlp):
    assert figures_in(nlp, "BP lagged the STOXX Europe 600 Oil and Gas index.") == []


@pytest.mark.parametrize(
    "text", ["The mood on day 37 of the Deepwater Horizon crisis is grim.", "The WHO could move to phase 6 soon."]
)
def test_figures_numbers_after_numbering_words_are_not_figures(nlp, text):
    assert figures_in(nlp, text) == []


@pytest.mark.parametrize(
    ("sentence", "value", "what"),
    [
        ("Robots will insert a small tube into a 21-inch -LRB- 53-cm -RRB- pipe.", 21.0, "pipe"),
        ("The flow is about 5,000 barrels -LRB- 210,000 gallons, 795,000 litres -RRB- a day.", 5000.0, "oil"),
        ("Analysts have put BP's likely costs at $20 billion to $40 billion.", (2e10, 4e10), "costs"),
    ],
)
def test_figures_conversions_in_one_aside_and_estimates_put_at_a_sum(nlp, sentence, value, what):
    figure = only(figures_in(nlp, sentence))
    assert (figure.value, figure.what) == (value, what)
