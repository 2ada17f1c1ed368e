"""Timeline building over hand-built analyses: one sentence per line, time expressions placed by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from storyline.model import Article, ArticleAnalysis, Attribution, Mention, PartialDate, Sentence, Span, TimeExpression
from storyline.story.dated_sentences import date_sentences, is_planned, is_self_contained
from storyline.story.timeline import (
    build_timeline,
    default_timeline_size,
    rank_dates,
    story_name_words,
    timeline_of_sentences,
)


def _analysis(
    article_id: str,
    lines: list[str],
    published: str | None,
    timexes: list[tuple[str, str]] = (),
) -> ArticleAnalysis:
    """An article of one sentence per line; ``timexes`` pairs a phrase of the text with its ISO date."""
    text = "\n".join(lines) + "\n"
    sentences, offset = [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(Span(article_id, offset, offset + len(line)), index))
        offset += len(line) + 1
    found = []
    for phrase, iso in timexes:
        start = text.index(phrase)
        found.append(
            TimeExpression(Span(article_id, start, start + len(phrase)), phrase, "DATE", iso, PartialDate.parse(iso))
        )
    article = Article(
        id=article_id,
        text=text,
        path=f"{article_id}.txt",
        published=PartialDate.parse(published) if published else None,
        published_from="file" if published else None,
    )
    return ArticleAnalysis(article=article, sentences=tuple(sentences), timexes=tuple(found))


SYRIA_VOA = _analysis(
    "voa",
    [
        "The White House said the United States has begun withdrawing troops from Syria after the defeat of IS.",
        "She added the defeat of IS does not mean the military campaign by coalition forces is ending.",
        "The US first launched airstrikes against IS in Iraq in August 2014 in a limited intervention.",
        "The U.S. intervention in Iraq began in 2003 with an invasion that toppled Saddam Hussein.",
    ],
    "2018-12-19",
    [("August 2014", "2014-08"), ("in 2003", "2003")],
)
SYRIA_CNN = _analysis(
    "cnn",
    [
        "President Donald Trump ordered the withdrawal of all US troops from Syria on December 19, 2018.",
        "In 2003, an American-led invasion toppled Iraqi President Saddam Hussein and troops engaged in fighting.",
        "The coalition said the second phase of the transition will start next September and last a year.",
    ],
    "2019-01-10",
    [("December 19, 2018", "2018-12-19"), ("In 2003", "2003"), ("next September", "2019-09")],
)


def test_timeline_keeps_year_month_and_day_apart():
    entries = build_timeline([SYRIA_VOA, SYRIA_CNN])
    dates = {entry.date for entry in entries}
    assert PartialDate.parse("2003") in dates
    assert PartialDate.parse("2014-08") in dates
    assert PartialDate.parse("2018-12-19") in dates
    assert PartialDate(dt.date(2003, 1, 1), "day") not in dates


def test_timeline_support_counts_distinct_articles_with_evidence_from_each():
    entries = build_timeline([SYRIA_VOA, SYRIA_CNN])
    invasion = next(entry for entry in entries if entry.date == PartialDate.parse("2003"))
    assert invasion.support == 2
    assert {evidence.article for evidence in invasion.evidence} == {"voa", "cnn"}


def test_timeline_evidence_quotes_the_exact_article_characters():
    analyses = [SYRIA_VOA, SYRIA_CNN]
    texts = {analysis.article.id: analysis.article.text for analysis in analyses}
    for entry in build_timeline(analyses):
        for evidence in entry.evidence:
            assert texts[evidence.article][evidence.start : evidence.end] == evidence.quote
        assert entry.text == entry.evidence[0].quote


def test_timeline_marks_events_still_to_come_as_planned():
    entries = build_timeline([SYRIA_VOA, SYRIA_CNN])
    second_phase = next(entry for entry in entries if entry.date == PartialDate.parse("2019-09"))
    assert second_phase.planned
    assert not any(entry.planned for entry in entries if entry is not second_phase)


def test_timeline_dates_an_undated_lead_sentence_by_publication():
    entries = build_timeline([SYRIA_VOA])
    day = next(entry for entry in entries if entry.date == PartialDate.parse("2018-12-19"))
    assert day.text.startswith("The White House said the United States has begun withdrawing")


def test_timeline_leaves_out_sentences_that_need_missing_context():
    texts = [entry.text for entry in build_timeline([SYRIA_VOA, SYRIA_CNN])]
    assert not any(text.startswith("She added") for text in texts)


def test_timeline_is_sorted_and_capped_by_max_dates():
    entries = build_timeline([SYRIA_VOA, SYRIA_CNN], max_dates=2)
    assert len({entry.date for entry in entries}) == 2
    assert [entry.date.value for entry in entries] == sorted(entry.date.value for entry in entries)
    assert PartialDate.parse("2003") in {entry.date for entry in entries}, "the date two sources share ranks first"


def test_timeline_date_range_and_min_precision_filter_dates():
    entries = build_timeline(
        [SYRIA_VOA, SYRIA_CNN], date_range=(dt.date(2018, 1, 1), dt.date(2018, 12, 31)), min_precision="day"
    )
    assert {entry.date for entry in entries} == {PartialDate.parse("2018-12-19")}


def test_timeline_tells_an_event_once_across_dates():
    repeated = "BP pumps cement into the damaged well to seal it after the relief well intercepted it."
    first = _analysis("a", [repeated], "2010-09-17")
    second = _analysis("b", [repeated.replace("BP pumps", "Engineers say BP pumps")], "2010-09-18")
    entries = build_timeline([first, second], max_dates=2)
    assert len(entries) == 1


def test_timeline_tells_several_distinct_events_per_date_when_asked():
    day = _analysis(
        "day",
        [
            "Dr Murray is charged with involuntary manslaughter over the death of the singer.",
            "A Los Angeles judge bans the doctor from administering anesthetic agents such as propofol.",
        ],
        "2010-02-08",
    )
    entries = build_timeline([day], sentences_per_date=2)
    assert len(entries) == 2 and {entry.date for entry in entries} == {PartialDate.parse("2010-02-08")}


def test_timeline_of_nothing_is_empty():
    assert build_timeline([]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said the talks had failed and the troops would stay.", False),
        ("Syrian Democratic Forces and U.S. troops are seen during a patrol near the border.", False),
        ("US starts Iraq withdrawal after defeat of Islamic State", False),
        ("Will the troops come home before the elections in March?", False),
        ("The ruptured well is finally sealed and declared effectively dead by officials.", True),
    ],
)
def test_timeline_sentence_must_stand_alone(text, expected):
    assert is_self_contained(text) is expected


@pytest.mark.parametrize(
    "date, published, expected",
    [
        ("2025-09", "2024-09-27", True),  # "the second phase will start next September"
        ("2024-09-28", "2024-09-27", True),  # "the vote will take place on Saturday"
        ("2024-09-27", "2024-09-27", False),  # "officials said Friday the mission would change"
        ("2017-12", "2018-02-05", False),  # "Iraq's military declared victory last December"
        ("2018", "2018-02-05", False),  # "this year" contains the publication
    ],
)
def test_timeline_planned_events(date, published, expected):
    assert is_planned(PartialDate.parse(date), PartialDate.parse(published)) is expected


def test_timeline_repeated_caption_lines_are_not_events():
    caption = "Fighters attend the funeral of a comrade killed in the town of Hajin on Dec. 3, 2018."
    analysis = _analysis("cap", [caption, caption, "Kurdish-led forces pushed into Hajin this week, officials said."],
                         "2018-12-19", [("Dec. 3, 2018", "2018-12-03")])
    assert [sentence.text for sentence in date_sentences([analysis])] == [
        "Kurdish-led forces pushed into Hajin this week, officials said."
    ]


@pytest.mark.parametrize("articles, dates, expected", [(5, 30, 10), (1500, 900, 40), (3, 2, 2)])
def test_timeline_default_size_grows_slowly_with_articles(articles, dates, expected):
    assert default_timeline_size(articles, dates) == expected


def test_timeline_caption_paragraph_above_a_headline_is_not_an_event():
    caption = "Fighters attend the funeral of a comrade killed in the town of Hajin on Dec. 3, 2018."
    report = "Kurdish-led forces pushed into the town of Hajin on Dec. 3, 2018, officials said."
    text_lines = [caption, "US-Backed Forces Make 'Significant' Incursion Into Last IS Stronghold", report]
    analysis = _analysis("cap", text_lines, "2018-12-19", [("Dec. 3, 2018", "2018-12-03")])
    assert [sentence.text for sentence in date_sentences([analysis])] == [report]


def test_timeline_sentence_cut_at_a_title_abbreviation_is_not_an_event():
    assert not is_self_contained("At a January press briefing at the Pentagon, U.S. Marine Corps Brig.")


@pytest.mark.parametrize(
    "line, kept",
    [
        ("CAIRO (Reuters) - Egypt's army deployed tanks around Tahrir Square on Saturday.",
         "Egypt's army deployed tanks around Tahrir Square on Saturday."),
        ("(Update 1:12 a.m. Tuesday in Cairo) Egypt's information ministry said the Noor Group was shut down.",
         "Egypt's information ministry said the Noor Group was shut down."),
        ("* BP shares plunged 17 percent in London trading on news its latest attempt failed.",
         "BP shares plunged 17 percent in London trading on news its latest attempt failed."),
    ],
)
def test_timeline_sentence_drops_dateline_and_stamp_but_quotes_exact_characters(line, kept):
    analysis = _analysis("wire", [line], "2011-01-29")
    (sentence,) = date_sentences([analysis])
    assert sentence.text == kept
    assert analysis.article.text[sentence.sentence.span.start : sentence.sentence.span.end] == kept


def test_timeline_next_day_lead_supports_the_day_another_source_states():
    recap = _analysis(
        "recap",
        ["Dr Murray was charged with involuntary manslaughter in Los Angeles on 8 February 2010."],
        "2010-06-25",
        [("8 February 2010", "2010-02-08")],
    )
    wire = _analysis(
        "wire",
        ["Dr Murray has been charged with involuntary manslaughter in Los Angeles, prosecutors said."],
        "2010-02-09",
    )
    entries = build_timeline([recap, wire], min_precision="day")
    (charged,) = [entry for entry in entries if "charged" in entry.text]
    assert (charged.date, charged.support, charged.conflict) == (PartialDate.parse("2010-02-08"), 2, None)


def test_timeline_lead_in_present_perfect_reports_the_day_not_the_background_year():
    lead = (
        "American military forces have begun to withdraw from Iraq following Baghdad's declaration of victory "
        "over the Islamic State group last year, Western contractors say."
    )
    analysis = _analysis("ap", [lead], "2018-02-05", [("last year", "2017")])
    (sentence,) = date_sentences([analysis])
    assert sentence.date == PartialDate.parse("2018-02-05") and not sentence.mentioned


def test_timeline_of_sentences_dated_once_equals_building_from_analyses():
    analyses = [SYRIA_VOA, SYRIA_CNN]
    assert timeline_of_sentences(date_sentences(analyses), analyses) == build_timeline(analyses)


COALITION_VOA = _analysis(
    "coalition",
    [
        "The global coalition to defeat the Islamic State is set to wind down its military mission in Iraq.",
        "The second phase of the plan will start next September and will last at least one year.",
        "Central Command said in July that IS was attempting to reconstitute in Iraq and Syria.",
    ],
    "2024",
    [("in July", "2024-07")],
)


def test_timeline_opening_sentence_announcing_a_plan_is_the_news_of_its_date():
    dated = date_sentences([COALITION_VOA])
    opening = next(sentence for sentence in dated if sentence.sentence.index == 0)
    assert (opening.date, opening.mentioned, opening.planned) == (PartialDate.parse("2024"), False, False)
    assert not any(sentence.sentence.index == 1 for sentence in dated)  # a later lead sentence about the future


def test_timeline_month_inside_an_article_dated_only_by_year_supports_that_year():
    ranked = rank_dates(date_sentences([COALITION_VOA]))
    assert ranked == [PartialDate.parse("2024")]
    entries = build_timeline([COALITION_VOA])
    assert [(entry.date.iso(), entry.text[:38]) for entry in entries] == [
        ("2024", "The global coalition to defeat the Isl")
    ]


def test_timeline_recalling_years_back_outranks_recalling_months_back():
    syria = _analysis(
        "syria",
        [
            "The White House said the United States has begun withdrawing troops from Syria.",
            "Pentagon estimates from August of this year warned IS still had 13,000 fighters in Syria.",
            "A Pentagon report released in August put the number of US troops in Syria at 2,000.",
            "US troop numbers wound down to 40,000 before the complete withdrawal from Iraq in 2011.",
        ],
        "2018-12-19",
        [("August of this year", "2018-08"), ("in August", "2018-08"), ("in 2011", "2011")],
    )
    ranked = rank_dates(date_sentences([syria]))
    assert ranked.index(PartialDate.parse("2011")) < ranked.index(PartialDate.parse("2018-08"))


def test_timeline_sentence_with_two_years_is_dated_by_the_first_and_supports_the_second():
    history = (
        "At the height of the war in 2007, there were about 170,000 U.S. troops in Iraq, "
        "but they dwindled to 40,000 until the complete withdrawal in 2011."
    )
    analysis = _analysis("ap", ["Officials spoke on Monday.", history], "2018-02-05",
                         [("in 2007", "2007"), ("in 2011", "2011")])
    (dated,) = [sentence for sentence in date_sentences([analysis]) if sentence.text == history]
    assert (dated.date, dated.other_dates) == (PartialDate.parse("2007"), (PartialDate.parse("2011"),))


def test_timeline_prefers_a_one_date_sentence_to_tell_the_date():
    several = (
        "At the height of the war in 2007, there were about 170,000 U.S. troops in Iraq, but they dwindled "
        "to 40,000 until the complete withdrawal in 2011, which led to sectarian violence."
    )
    single = "US troop numbers eventually wound down to 40,000 before the complete withdrawal in 2011."
    first = _analysis("first", [several], "2018-02-05", [("in 2007", "2007"), ("in 2011", "2011")])
    second = _analysis("second", [single], "2018-02-05", [("in 2011", "2011")])
    entries = build_timeline([first, second])
    told_2011 = next(entry for entry in entries if entry.date == PartialDate.parse("2011"))
    assert (told_2011.text, told_2011.support) == (single, 2)


def _with_names(analysis: ArticleAnalysis, *names: tuple[str, str]) -> ArticleAnalysis:
    """The analysis with named-entity mentions of ``(text, label)`` placed where the text first says them."""
    mentions = []
    for name, label in names:
        start = analysis.article.text.index(name)
        mentions.append(Mention(Span(analysis.article.id, start, start + len(name)), name, label))
    return replace(analysis, mentions=tuple(mentions))


def test_timeline_event_must_name_one_of_the_story_s_actors():
    trial = _with_names(
        _analysis(
            "trial",
            ["Dr Conrad Murray appeared in court in Los Angeles on 8 February 2010 to deny the charge.",
             "My father Thomas Lewis married my mother Catherine in Neath in 1930, a listener wrote."],
            "2010-02-09",
            [("8 February 2010", "2010-02-08"), ("in 1930", "1930")],
        ),
        ("Conrad Murray", "PERSON"), ("Los Angeles", "GPE"), ("Thomas Lewis", "PERSON"),
    )
    reports = [
        _with_names(
            _analysis(f"verdict{index}", ["Conrad Murray was found guilty by a Los Angeles jury on 7 November 2011."],
                      "2011-11-08", [("7 November 2011", "2011-11-07")]),
            ("Conrad Murray", "PERSON"), ("Los Angeles", "GPE"),
        )
        for index in range(5)
    ]
    assert story_name_words([trial, *reports]) == {"Conrad", "Murray", "Los", "Angeles"}
    assert [entry.date.iso() for entry in build_timeline([trial, *reports])] == ["2010-02-08", "2011-11-07"]


def test_dated_sentences_statement_below_the_lead_takes_the_day_of_the_saying():
    lines = [
        "Rebel leaders met foreign oil companies in Benghazi to discuss future contracts with them.",
        "The council asked for a loan of three billion dollars from Western governments to pay salaries.",
        "Fighting continued around the oil port of Brega for a third week without a clear winner.",
        "Aid agencies warned that food stocks in the besieged city of Misrata were running out fast.",
        "The United Nations envoy arrived in Tripoli for talks with officials of the government there.",
        "Officials of the oil ministry said the refineries had been damaged by the fighting near Zawiya.",
    ]
    analysis = _analysis("libya", lines, "2011-06-18")
    cue = analysis.article.text.index("said")
    content = analysis.article.text.index("the refineries")
    saying = Attribution(
        content=Span("libya", content, content + 20), direct=False, cue=Span("libya", cue, cue + 4),
        date=PartialDate.parse("2011-06-18"),
    )
    dated = date_sentences([replace(analysis, attributions=(saying,))])
    (statement,) = [sentence for sentence in dated if "refineries" in sentence.text]
    assert statement.date == PartialDate.parse("2011-06-18") and not statement.mentioned


def test_dated_sentences_a_comparison_year_is_a_reference_not_the_sentence_date():
    line = "Virginia Democrats won a legislative majority in the state for the first time since 1993."
    analysis = _analysis("va", [line], "2019-11-06", [("1993", "1993")])
    (sentence,) = date_sentences([analysis])
    assert sentence.date == PartialDate.parse("2019-11-06")
    assert sentence.references == (PartialDate.parse("1993"),)


def test_timeline_never_tells_an_event_on_a_date_only_referred_to():
    lines = [
        "The White House said the United States has begun withdrawing troops from Syria after the defeat of IS.",
        "Officials said it was the biggest pullback of American forces in the region since 2011 by any measure.",
    ] + [f"Filler sentence number {n} about the coalition and its many partners in the long war." for n in range(6)]
    analysis = _analysis("syria", lines, "2018-12-19", [("2011", "2011")])
    timeline = build_timeline([analysis], max_dates=5)
    assert PartialDate.parse("2011") not in {entry.date for entry in timeline}


def test_timeline_skips_a_date_no_sentence_tells_first():
    lines = [f"Filler sentence number {n} about the coalition and its many partners in the long war." for n in range(5)]
    lines += [
        "American troops fought a long insurgency in Iraq in 2007 and left the country in the withdrawal in 2011.",
        "The drawdown is the largest pullback of American forces from the country since 2011 by most counts.",
    ]
    timexes = [("in 2007", "2007"), ("in 2011", "2011"), ("2011 by most counts", "2011")]
    analysis = _analysis("iraq", lines, "2018-02-05", timexes)
    timeline = build_timeline([analysis], max_dates=5)
    assert PartialDate.parse("2011") not in {entry.date for entry in timeline}
