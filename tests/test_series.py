"""Figure series built from hand-made figures over real seed sentences: grouping, order, conflicts."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, Figure, PartialDate, Span
from storyline.story.entities import EntityIndex
from storyline.story.series import build_series


def analysis(article_id: str, text: str, published: str, *figures: dict) -> ArticleAnalysis:
    """An article whose whole text is one sentence, with figures given by the phrase they cover."""
    article = Article(id=article_id, text=text, path=f"{article_id}.txt", published=PartialDate.parse(published))
    built = []
    for spec in figures:
        start = text.index(spec["phrase"])
        as_of = spec.get("as_of", published)
        built.append(
            Figure(
                span=Span(article_id, start, start + len(spec["phrase"])),
                sentence=Span(article_id, 0, len(text)),
                value=spec["value"],
                what=spec.get("what", "troops"),
                qualifier=spec.get("qualifier"),
                where=spec.get("where", "Iraq"),
                as_of=PartialDate.parse(as_of) if as_of else None,
                unit=spec.get("unit"),
                owner=spec.get("owner"),
                event=spec.get("event"),
            )
        )
    return ArticleAnalysis(article=article, figures=tuple(built))


PEAK_166 = analysis(
    "cnn",
    "At their peak, US troop levels in Iraq stood near 166,000.",
    "2018-02-05",
    {"phrase": "near 166,000", "value": 166000.0, "qualifier": "near", "owner": "US", "as_of": None},
)
PEAK_170_A = analysis(
    "epoch",
    "At the height of the Iraqi-U.S. War in 2007, there were about 170,000 U.S. troops in Iraq, but dwindled "
    "to 40,000 until the complete withdrawal in 2011.",
    "2018-02-05",
    {"phrase": "about 170,000", "value": 170000.0, "qualifier": "about", "owner": "U.S.", "as_of": "2007"},
    {"phrase": "40,000", "value": 40000.0, "owner": "U.S.", "as_of": "2011"},
)
PEAK_170_B = analysis(
    "newarab",
    "There were some 170,000 American troops in Iraq in 2007 at the height of the surge of US forces.",
    "2018-02-05",
    {"phrase": "some 170,000", "value": 170000.0, "qualifier": "some", "owner": "American", "as_of": "2007"},
)


def only_series(analyses, **kwargs):
    series = build_series(analyses, **kwargs)
    assert len(series) == 1, series
    return series[0]


def test_series_flags_the_2007_peak_conflict_across_three_sources():
    series = only_series([PEAK_166, PEAK_170_A, PEAK_170_B])
    (conflict,) = series.conflicts
    assert conflict.period == "peak (2007)"
    assert set(conflict.values) == {166000.0, 170000.0}
    assert {evidence.article for evidence in conflict.evidence} == {"cnn", "epoch", "newarab"}


def test_series_joins_owners_written_differently():
    series = only_series([PEAK_166, PEAK_170_A, PEAK_170_B])
    assert (series.what, series.where) == ("United States troops", "Iraq")


def test_series_orders_points_by_as_of_with_undated_last():
    series = only_series([PEAK_166, PEAK_170_A, PEAK_170_B])
    dates = [point.as_of.iso() if point.as_of else None for point in series.points]
    assert dates == ["2007", "2007", "2011", None]


def test_series_agreeing_hedged_values_are_no_conflict():
    first = analysis(
        "epoch", "leaving roughly 4,000 U.S. troops to remain.", "2018-02-05",
        {"phrase": "roughly 4,000", "value": 4000.0, "qualifier": "roughly", "owner": "U.S."},
    )
    second = analysis(
        "newarab", "The plan would leave a force of about 4,000 US troops.", "2018-02-05",
        {"phrase": "about 4,000", "value": 4000.0, "qualifier": "about", "owner": "US"},
    )
    later = analysis(
        "b", "there were 5,200 American forces in Iraq.", "2018-12-19",
        {"phrase": "5,200", "value": 5200.0, "owner": "American"},
    )  # fmt: skip
    assert only_series([first, second, later]).conflicts == ()


def test_series_point_evidence_is_the_figure_sentence():
    series = only_series([PEAK_166, PEAK_170_B])
    quotes = {evidence.quote for point in series.points for evidence in point.evidence}
    assert PEAK_166.article.text in quotes


def test_series_repeated_figure_is_one_point_with_more_evidence():
    text = "One senior Iraqi official said 60 percent of all US troops will be withdrawn. 60 percent of all US troops."
    lede = analysis(
        "newarab", text, "2018-02-05",
        {"phrase": "60 percent of all US", "value": 60.0, "unit": "percent", "owner": "US"},
        {"phrase": "60 percent of all US troops.", "value": 60.0, "unit": "percent", "owner": "US"},
    )
    body = analysis(
        "epoch", "the reduction will include 60 percent of U.S. troops still in the country", "2018-02-05",
        {"phrase": "60 percent", "value": 60.0, "unit": "percent", "owner": "U.S."},
    )
    later = analysis(
        "voa", "Some 40 percent of U.S. troops have left.", "2018-06-01",
        {"phrase": "40 percent", "value": 40.0, "unit": "percent", "owner": "U.S."},
    )  # fmt: skip
    series = only_series([lede, body, later])
    (point,) = [point for point in series.points if point.value == 60.0]
    assert {evidence.article for evidence in point.evidence} == {"newarab", "epoch"}


def test_series_one_value_restated_is_a_fact_not_a_series():
    dates = ("2011-08-30", "2011-09-27", "2011-11-30")
    restated = [
        analysis(
            f"bbc{day}", "Jackson died shortly before his 50-date run of comeback concerts in London.", day,
            {"phrase": "50-date", "value": 50.0, "what": "date", "where": "London"},
        )
        for day in dates
    ]  # fmt: skip
    assert build_series(restated) == []


def test_series_sentence_republished_later_is_one_point_dated_by_its_first_appearance():
    box = "Symptoms mimic those of normal flu - but in Mexico more than 100 people have died."
    first, again = (
        analysis(
            name, box, day,
            {"phrase": "more than 100", "value": 100.0, "qualifier": "more than", "what": "people",
             "where": "Mexico", "event": "killed"},
        )
        for name, day in (("bbc1", "2009-04-27"), ("bbc2", "2009-04-28"))
    )
    later = analysis(
        "bbc3", "The outbreak has killed about 150 people in Mexico.", "2009-04-29",
        {"phrase": "about 150", "value": 150.0, "qualifier": "about", "what": "people", "where": "Mexico",
         "event": "killed"},
    )  # fmt: skip
    series = only_series([first, again, later])
    assert [(point.value, point.as_of.iso(), len(point.evidence)) for point in series.points] == [
        (100.0, "2009-04-27", 2),
        (150.0, "2009-04-29", 1),
    ]


def test_series_unowned_figure_joins_the_only_owned_series_of_that_place():
    owned = analysis(
        "voa", "The U.S. has about 2,000 troops in Syria.", "2018-12-19",
        {"phrase": "about 2,000", "value": 2000.0, "qualifier": "about", "owner": "U.S.", "where": "Syria"},
    )
    unowned = analysis(
        "voa2", "the impact on the 900 troops in Syria", "2024-09-27",
        {"phrase": "900", "value": 900.0, "where": "Syria"},
    )  # fmt: skip
    series = only_series([owned, unowned])
    assert series.what == "United States troops" and len(series.points) == 2


def test_series_places_are_canonical_in_any_order():
    first = analysis(
        "a", "IS has between 1,500 and 3,000 fighters in Iraq and Syria.", "2024-09-27",
        {"phrase": "between 1,500 and 3,000", "value": (1500.0, 3000.0), "qualifier": "between",
         "what": "fighters", "where": "Iraq and Syria"},
    )
    second = analysis(
        "b", "Tens of Thousands of IS Fighters Linger in Syria, Iraq", "2018-12-19",
        {"phrase": "Tens of Thousands", "value": (20000.0, 99999.0), "what": "fighters", "where": "Syria, Iraq"},
    )  # fmt: skip
    assert only_series([first, second]).where == "Iraq and Syria"


def test_series_uses_the_canonical_names_it_is_given():
    index = EntityIndex(())
    series = only_series([PEAK_166, PEAK_170_B], canonical=index.canonical)
    assert series.what == "United States troops"


def test_series_drops_increments_and_single_facts():
    increment = analysis(
        "epoch", "a new strategy which includes sending an additional 4,000 troops.", "2018-02-05",
        {"phrase": "an additional 4,000", "value": 4000.0, "qualifier": "an additional", "where": "Afghanistan"},
    )
    single = analysis(
        "voa", "IS still had at least 13,000 fighters in Syria.", "2018-12-19",
        {"phrase": "at least 13,000", "value": 13000.0, "qualifier": "at least", "what": "fighters", "where": "Syria"},
    )  # fmt: skip
    assert build_series([increment, single]) == []


def test_series_vague_magnitude_contradicts_nothing():
    vague = analysis(
        "newarab", "Over the past week dozens of American soldiers have been transported from Iraq.", "2018-02-05",
        {"phrase": "dozens", "value": (24.0, 99.0), "owner": "American"},
    )
    level = analysis(
        "newarab2", "The plan would leave a force of about 4,000 US troops.", "2018-02-05",
        {"phrase": "about 4,000", "value": 4000.0, "qualifier": "about", "owner": "US"},
    )  # fmt: skip
    assert only_series([vague, level]).conflicts == ()


def test_series_lower_bound_agrees_with_a_larger_value_of_the_same_day():
    first = analysis(
        "a", "including more than 5,000 troops in neighboring Iraq.", "2018-12-19",
        {"phrase": "more than 5,000", "value": 5000.0, "qualifier": "more than", "owner": "U.S."},
    )
    second = analysis(
        "b", "there were 5,200 American forces in Iraq.", "2018-12-19",
        {"phrase": "5,200", "value": 5200.0, "owner": "American"},
    )
    third = analysis(
        "c", "there were 8,892 US troops in Iraq.", "2018-12-19",
        {"phrase": "8,892", "value": 8892.0, "owner": "US"},
    )  # fmt: skip
    (conflict,) = only_series([first, second, third]).conflicts
    assert set(conflict.values) == {5200.0, 8892.0}


def test_series_casualties_never_join_a_troop_level():
    level = analysis(
        "voa", "The U.S. has about 2,000 troops in Syria.", "2018-12-19",
        {"phrase": "about 2,000", "value": 2000.0, "qualifier": "about", "owner": "U.S.", "where": "Syria"},
    )
    earlier = analysis(
        "voa2", "The U.S. had 2,200 troops in Syria in November.", "2018-12-19",
        {"phrase": "2,200", "value": 2200.0, "owner": "U.S.", "where": "Syria", "as_of": "2018-11"},
    )
    killed = analysis(
        "ap", "Two U.S. soldiers were killed in Syria.", "2018-12-19",
        {"phrase": "Two", "value": 2.0, "owner": "U.S.", "where": "Syria", "event": "killed"},
    )  # fmt: skip
    series = build_series([level, earlier, killed])
    assert [s.what for s in series] == ["United States troops"]
    assert series[0].conflicts == ()


def test_series_two_numbers_from_one_article_for_one_day_are_no_conflict():
    first = analysis(
        "ap", "At least 231 people died, 140 of them in Choluteca.", "1998-10-31",
        {"phrase": "231", "value": 231.0, "qualifier": "at least", "what": "people", "event": "killed"},
        {"phrase": "140", "value": 140.0, "what": "people", "event": "killed"},
    )
    later = analysis(
        "ap2", "The storm has killed more than 7,000 people.", "1998-11-05",
        {"phrase": "more than 7,000", "value": 7000.0, "qualifier": "more than", "what": "people", "event": "killed"},
    )
    latest = analysis(
        "ap3", "The death toll rose to 9,000.", "1998-11-07",
        {"phrase": "9,000", "value": 9000.0, "what": "people", "event": "killed"},
    )  # fmt: skip
    series = only_series([first, later, latest])
    assert series.what == "people killed"
    assert series.conflicts == ()
    assert [point.value for point in series.points] == [7000.0, 9000.0]  # a whole and its part: neither is charted


def test_series_one_sentence_listing_items_gives_no_points():
    text = (
        "The most-watched programs in the UK last night were EastEnders , with 8.4 million viewers and "
        "Coronation Street , which was seen by 8.1 million ."
    )
    listed = analysis(
        "bbc1", text, "2011-11-10",
        {"phrase": "8.4 million", "value": 8.4e6, "what": "viewers", "where": "United Kingdom"},
        {"phrase": "8.1 million", "value": 8.1e6, "what": "viewers", "where": "United Kingdom"},
    )
    other = analysis(
        "bbc2", "Channel 4 's interview only attracted 757,000 viewers in the UK .", "2011-11-11",
        {"phrase": "757,000", "value": 7.57e5, "what": "viewers", "where": "United Kingdom"},
    )  # fmt: skip
    assert build_series([listed, other]) == []


def test_series_distances_are_not_charted():
    first = analysis(
        "a", "The town lies about 100 kilometers from the coast.", "1998-10-27",
        {"phrase": "about 100", "value": 100.0, "what": "distance", "unit": "km", "where": None},
    )
    second = analysis(
        "b", "The town lies 35 kilometers south of the island.", "1998-10-28",
        {"phrase": "35", "value": 35.0, "what": "distance", "unit": "km", "where": None},
    )  # fmt: skip
    assert build_series([first, second]) == []


def test_series_count_without_owner_or_place_is_not_charted_nor_joined():
    owned = analysis(
        "a", "US cases rose to 286 on Monday.", "2009-05-04",
        {"phrase": "286", "value": 286.0, "what": "cases", "owner": "US", "where": None},
    )
    owned_later = analysis(
        "b", "US cases rose to 403 on Wednesday.", "2009-05-06",
        {"phrase": "403", "value": 403.0, "what": "cases", "owner": "US", "where": None},
    )
    worldwide = analysis(
        "c", "As of 15 June, 76 countries have officially reported 35,928 cases of influenza.", "2009-06-16",
        {"phrase": "35,928", "value": 35928.0, "what": "cases", "where": None},
    )
    worldwide_again = analysis(
        "d", "Some 35,928 cases of influenza have been reported in 76 countries.", "2009-06-17",
        {"phrase": "35,928", "value": 35928.0, "qualifier": "some", "what": "cases", "where": None},
    )  # fmt: skip
    series = only_series([owned, owned_later, worldwide, worldwide_again])
    assert series.what == "United States cases" and [p.value for p in series.points] == [286.0, 403.0]


def test_series_changes_are_not_levels():
    fell = analysis(
        "a", "BP shares fell 13 percent in London.", "2010-06-01",
        {"phrase": "13 percent", "value": 13.0, "what": "shares", "where": "London", "unit": "percent",
         "event": "changed"},
    )
    rose = analysis(
        "b", "BP shares rose 6 percent in London.", "2010-05-27",
        {"phrase": "6 percent", "value": 6.0, "what": "shares", "where": "London", "unit": "percent",
         "event": "changed"},
    )  # fmt: skip
    assert build_series([fell, rose]) == []


def test_series_numbers_of_one_sentence_are_parts_not_a_series():
    text = "Our average orders in New York is $ 120 , out in Westchester it is $ 160 , and the Hamptons it is $ 250 ."
    listed = analysis(
        "cnn", text, "2011-02-01",
        *({"phrase": f"$ {value}", "value": float(value), "what": "orders", "where": "New York", "unit": "$"}
          for value in (120, 160, 250)),
    )  # fmt: skip
    assert build_series([listed]) == []


def test_series_vague_magnitudes_alone_are_not_charted():
    crowds = [
        analysis(
            name, text, day,
            {"phrase": phrase, "value": value, "what": "protesters", "where": "Cairo"},
        )
        for name, text, day, phrase, value in (
            ("cnn1", "Chants continue from thousands of protesters on Cairo 's Tahrir Square .", "2011-01-25",
             "thousands", (2000.0, 9999.0)),
            ("cnn2", "Tanks surrounded Cairo 's Tahrir Square , where hundreds of protesters had gathered .",
             "2011-01-29", "hundreds", (200.0, 999.0)),
        )
    ]  # fmt: skip
    assert build_series(crowds) == []


def test_series_owner_that_is_the_place_is_one_series_with_the_place():
    owned = analysis(
        "bbc1", "UK cases rose to 27 .", "2009-05-04",
        {"phrase": "27", "value": 27.0, "what": "cases", "owner": "UK", "where": "UK"},
    )
    placed = analysis(
        "bbc2", "There are now 39 confirmed cases in the UK .", "2009-05-08",
        {"phrase": "39", "value": 39.0, "what": "cases", "where": "UK"},
    )  # fmt: skip
    series = only_series([owned, placed])
    assert (series.what, series.where, len(series.points)) == ("cases", "United Kingdom", 2)


def test_series_people_with_nothing_happening_to_them_are_not_one_thing():
    population = analysis(
        "cnn1", "Egypt , the Arab world 's most populous nation with more than 80 million people .", "2011-02-03",
        {"phrase": "more than 80 million", "value": 8e7, "qualifier": "more than", "what": "people", "where": "Egypt"},
    )
    crowd = analysis(
        "cnn2", "About 10,000 people gathered in Egypt second largest city Friday .", "2011-02-04",
        {"phrase": "About 10,000", "value": 1e4, "qualifier": "about", "what": "people", "where": "Egypt"},
    )  # fmt: skip
    assert build_series([population, crowd]) == []


def test_series_label_never_shows_tokenizer_brackets_a_merged_name_swept_in():
    first = analysis(
        "r1", "Libya 's total foreign assets are estimated at some $ 170 billion .", "2011-09-04",
        {"phrase": "some $ 170 billion", "value": 1.7e11, "qualifier": "some", "what": "assets", "owner": "Libyan",
         "where": "Libya", "unit": "$"},
    )
    second = analysis(
        "r2", "It would release $ 16 billion of Libyan assets .", "2011-09-14",
        {"phrase": "$ 16 billion", "value": 1.6e10, "what": "assets", "owner": "Libyan", "where": "Libya",
         "unit": "$"},
    )  # fmt: skip
    series = only_series([first, second], canonical=lambda name: "-RRB- - Libyan" if name == "Libyan" else name)
    assert series.what == "Libyan assets"
