"""The multi-source summary over hand-built analyses: one sentence per line, dates and mentions by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.model import Article, ArticleAnalysis, Mention, PartialDate, Sentence, Span
from storyline.story.summary import (
    find_candidates,
    independent_sources,
    select_sentences,
    stands_alone,
    summarize,
    word_shares,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def _analysis(
    article_id: str, lines: list[str], published: str | None, mentions: list[tuple[int, str, str]] = ()
) -> ArticleAnalysis:
    """An article of one sentence per line; ``mentions`` are (line number, phrase in that line, label)."""
    text = "\n".join(lines) + "\n"
    sentences, offset = [], 0
    for index, line in enumerate(lines):
        sentences.append(Sentence(Span(article_id, offset, offset + len(line)), index))
        offset += len(line) + 1
    found = []
    for line_number, phrase, label in mentions:
        start = sentences[line_number].span.start + lines[line_number].index(phrase)
        found.append(Mention(Span(article_id, start, start + len(phrase)), phrase, label))
    article = Article(
        id=article_id,
        text=text,
        path=f"{article_id}.txt",
        published=PartialDate.parse(published) if published else None,
        published_from="file" if published else None,
    )
    return ArticleAnalysis(article=article, sentences=tuple(sentences), mentions=tuple(found))


WITHDRAWAL = "The United States has begun withdrawing its 2,000 troops from Syria after declaring victory over IS."
STORY = [
    _analysis(
        "voa",
        [
            "The White House said the United States has begun withdrawing its 2,000 troops from Syria.",
            "She added the defeat of IS does not mean the military campaign by coalition forces is ending.",
            "A Kurdish commander in Manbij said his fighters were surprised by the announcement on Wednesday.",
        ],
        "2018-12-19",
    ),
    _analysis(
        "reuters",
        [
            WITHDRAWAL,
            "But officials at the Pentagon declined to give a timeline for the pullout of the troops.",
            "Defense Secretary Jim Mattis resigned a day later over the decision to leave Syria.",
        ],
        "2018-12-20",
    ),
    _analysis(
        "ap",
        [
            "President Donald Trump says the United States has begun withdrawing its 2,000 troops from Syria.",
            "Lawmakers from both parties criticised the sudden decision to pull the troops out of Syria.",
            "Oil prices rose slightly in Asian trading on Thursday as markets weighed the news from Washington.",
        ],
        "2018-12-20",
    ),
]


@pytest.mark.parametrize("words", [20, 40, 100])
def test_summary_stays_within_word_budget(words):
    summary = summarize(STORY, words=words)
    assert summary
    assert sum(len(sentence.text.split()) for sentence in summary) <= words


def test_summary_first_evidence_is_the_sentence_itself():
    texts = {analysis.article.id: analysis.article.text for analysis in STORY}
    for sentence in summarize(STORY, words=100):
        for evidence in sentence.evidence:
            assert texts[evidence.article][evidence.start : evidence.end] == evidence.quote
        assert sentence.evidence[0].quote == sentence.text


def test_summary_prefers_the_point_every_source_reports():
    summary = summarize(STORY, words=20)
    assert len(summary) == 1
    assert "begun withdrawing its 2,000 troops from Syria" in summary[0].text
    assert {evidence.article for evidence in summary[0].evidence} == {"voa", "reuters", "ap"}


def test_summary_tells_a_repeated_point_once():
    summary = summarize(STORY, words=100)
    withdrawals = [sentence for sentence in summary if "begun withdrawing its 2,000 troops" in sentence.text]
    assert len(withdrawals) == 1


def test_summary_of_nothing_is_empty():
    assert summarize([], words=100) == []
    assert summarize(STORY, words=0) == []


def test_summary_is_deterministic():
    assert summarize(STORY, words=60) == summarize(list(STORY), words=60)


@pytest.mark.parametrize(
    "dateline", ["BAGHDAD (AP) — ", "BAGHDAD, Iraq( AP) ", "Baghdad (Reuters) - ", "BAGHDAD -- "]
)
def test_summary_leaves_out_a_dateline(dateline):
    dated = _analysis(
        "wire",
        [dateline + "American forces have begun to withdraw from Iraq after the defeat of the Islamic State."],
        "2018-02-05",
    )
    summary = summarize([dated], words=100)
    assert summary[0].text.startswith("American forces have begun")
    assert summary[0].evidence[0].start == dated.article.text.index("American")


def test_summary_keeps_an_acronym_that_opens_a_sentence():
    sentence = "NASA engineers spent the day examining the problem but found nothing wrong with the shuttle."
    summary = summarize([_analysis("nasa", [sentence], "1998-12-04")], words=100)
    assert summary[0].text == sentence


def test_summary_of_a_multi_year_story_includes_where_it_stands_now():
    background = [
        _analysis(
            f"old{n}",
            [
                "There were about 170,000 American troops in Iraq in 2007 at the height of the surge.",
                "American troops fully withdrew from Iraq in 2011 and returned in 2014 to fight the Islamic State.",
            ],
            f"2018-0{n}-10",
        )
        for n in (1, 2, 3)
    ]
    latest = _analysis(
        "new",
        ["Washington and Baghdad agreed on Friday to wind down the coalition mission in Iraq by September 2025."],
        "2024-09-27",
    )
    summary = summarize([*background, latest], words=45)
    assert any(evidence.article == "new" for sentence in summary for evidence in sentence.evidence[:1])
    assert summary[-1].evidence[0].article == "new"  # told in date order: the latest development last


def test_summary_of_a_multi_year_story_is_not_filled_by_its_busiest_period():
    busy_month = [
        _analysis(
            f"feb{n}",
            [
                "The United States has begun to withdraw troops from Iraq after the defeat of the Islamic State.",
                "Iraqi officials said 60 percent of all American troops in Iraq will be withdrawn from the country.",
                "American troops in Iraq will train and advise Iraqi forces in the fight against the Islamic State.",
            ],
            f"2018-02-0{n}",
        )
        for n in (1, 2, 3, 4, 5)
    ]
    syria = _analysis(
        "dec", ["The White House said the United States has begun withdrawing its troops from Syria."], "2018-12-19"
    )
    latest = _analysis(
        "new", ["The coalition against the Islamic State will wind down its military mission in Iraq."], "2024-09-27"
    )
    summary = summarize([*busy_month, syria, latest], words=60)
    february_words = sum(len(s.text.split()) for s in summary if s.evidence[0].article.startswith("feb"))
    assert february_words <= 30
    assert "dec" in [sentence.evidence[0].article for sentence in summary]


def test_summary_support_ignores_a_similar_sentence_about_another_place():
    iraq = _analysis(
        "iraq", ["The United States has begun withdrawing its troops from Iraq after the defeat of IS."],
        "2018-12-19", [(0, "Iraq", "GPE")],
    )
    syria = _analysis(
        "syria", ["The United States has begun withdrawing its troops from Syria after the defeat of IS."],
        "2018-12-19", [(0, "Syria", "GPE")],
    )
    summary = summarize([iraq, syria], words=16)
    assert len(summary[0].evidence) == 1


def test_summary_a_stock_no_comment_line_is_no_sources_support():
    articles = [
        _analysis(
            f"outlet{number}",
            [f"{subject} announced a plan to cut 2,000 jobs over the next three years.",
             "A spokesman did not immediately respond to a request for comment."],
            "2024-05-02",
        )
        for number, subject in enumerate(["Ford", "Siemens", "Unilever"])
    ]
    summary = summarize(articles, words=40)
    assert all("request for comment" not in sentence.text for sentence in summary)


def test_summary_a_no_comment_line_does_not_stand_alone():
    assert not stands_alone("The White House had no comment on the report, which was published on Tuesday.")


SINGH = _analysis(
    "briefing",
    [
        "Deputy Pentagon press secretary Sabrina Singh told reporters on Friday that the mission would change.",
        "Singh called the military partnership between the United States and Iraq crucial for security.",
    ],
    "2024-09-27",
    [(0, "Sabrina Singh", "PERSON"), (1, "Singh", "GPE")],
)


def test_summary_names_a_person_in_full_before_their_surname_alone():
    texts = [sentence.text for sentence in summarize([SINGH], words=100)]
    assert [text.split()[0] for text in texts] == ["Deputy", "Singh"]


def test_summary_leaves_out_a_surname_alone_without_room_for_its_introduction():
    texts = [sentence.text for sentence in summarize([SINGH], words=15)]
    assert not any(text.startswith("Singh") for text in texts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The White House said Wednesday the United States has begun withdrawing troops from Syria.", True),
        ("One senior Iraqi official said 60 percent of all US troops will be withdrawn.", True),
        ("But the ruling party refuses to negotiate unless it can threaten its partners with arrest.", False),
        ("He said the case seemed to be unprecedented and unusual in every respect.", False),
        ("This is detrimental to the sovereignty of Cambodia and its people, the minister said.", False),
        ("“We will continue working with our partners and allies to defeat ISIS,” she said.", False),
        ("Syrian Democratic Forces and U.S. troops are seen during a patrol near the Turkish border.", False),
        ("US troops to leave Iraq as mission against Islamic State winds down", False),
        ("Lt. William John Raymond told the AP at Al-Asad airbase.", False),
        ("ISIS an acronym for the Islamic State terror group operating in Iraq.", False),
        ("Is the coalition going to leave Iraq before the elections next year?", False),
        ("After four years of bombings, the elimination of key IS leaders, and other U.S.", False),
        ("The Pentagon said the last of the 2,000 troops had returned to the U.S.", True),
    ],
)
def test_summary_stands_alone(text, expected):
    assert stands_alone(text) is expected


def test_summary_counts_a_syndicated_copy_as_the_same_source():
    copy = _analysis("copy", [line for line in STORY[1].article.text.splitlines()], "2018-12-21")
    assert independent_sources([*STORY, copy]) == [0, 1, 2, 1]


def test_summary_word_shares_count_a_syndicated_copy_once():
    copy = _analysis("copy", [line for line in STORY[1].article.text.splitlines()], "2018-12-21")
    analyses = [*STORY, copy]
    shares = word_shares(analyses, independent_sources(analyses))
    assert shares["syria"] == 1.0
    assert shares["pentagon"] == pytest.approx(1 / 3)


def test_summary_salience_chooses_between_sentences_of_equal_concepts():
    candidates = find_candidates(STORY)
    budget = max(candidate.words for candidate in candidates[:2])
    no_concepts = [[] for _ in candidates]
    salience = [0.0] * len(candidates)
    salience[1] = 10.0
    assert select_sentences(candidates[:2], no_concepts[:2], {}, budget, salience=salience[:2]) == [1]


def test_summary_of_the_seed_articles_quotes_them_exactly():
    analyses = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        if path.name == "README.md":
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        analyses.append(_analysis(path.stem, lines, None))
    summary = summarize(analyses, words=100)
    texts = {analysis.article.id: analysis.article.text for analysis in analyses}
    assert summary
    assert sum(len(sentence.text.split()) for sentence in summary) <= 100
    for sentence in summary:
        first = sentence.evidence[0]
        assert texts[first.article][first.start : first.end] == sentence.text


def test_summary_a_refusal_that_is_news_still_stands_alone():
    assert stands_alone("North Korea has not responded to Seoul's request for military talks, officials said.")
