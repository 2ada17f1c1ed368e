"""A Story built by hand from the seed articles, for the renderer tests.

Every evidence item is a real sentence or phrase of a seed article, located by searching the article's
text, so offsets are computed rather than typed and a quote always equals ``text[start:end]``. The dates,
figures and speakers are what a careful reader takes from those sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from storyline.model import (
    Article,
    Duplicate,
    Entity,
    Evidence,
    FigureConflict,
    FigurePoint,
    FigureSeries,
    PartialDate,
    Quote,
    Rejected,
    Span,
    Story,
    SummarySentence,
    TimelineEntry,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "seeds"

SYRIA, IRAQ_2018, CNN_2018, IRAQ_2024, NEW_ARAB = (
    "24e1abfc6c83d9c1",
    "52eb3ba822823c75",
    "d2a7998f1b8d5525",
    "673533e19380046e",
    "876711f44ed858c4",
)


def _date(text: str) -> PartialDate:
    return PartialDate.parse(text)


def seed_articles() -> dict[str, Article]:
    """The five seed articles, with the metadata a reader would give them."""
    metadata = {
        SYRIA: dict(source="VOA", published=_date("2018-12-19"), published_from="text", published_confidence=0.8),
        IRAQ_2018: dict(
            title="As the Islamic State dwindles, US withdraws troops from Iraq",
            published=_date("2018-02-05"),
            published_from="text",
            published_confidence=0.7,
        ),
        CNN_2018: dict(source="CNN", published=_date("2018-02"), published_from="text", published_confidence=0.6),
        IRAQ_2024: dict(source="VOA", published=_date("2024-09-27"), published_from="text", published_confidence=0.9),
        NEW_ARAB: dict(
            title="US starts Iraq withdrawal after defeat of Islamic State",
            source="The New Arab",
            url="https://www.newarab.com/news/us-starts-iraq-withdrawal-after-defeat-islamic-state",
            published=_date("2018-02-05"),
            published_from="metadata",
            published_confidence=1.0,
        ),
    }
    articles = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        article_id = path.stem.split("_")[1]
        text = path.read_text(encoding="utf-8")
        articles[article_id] = Article(
            id=article_id, text=text, path=f"examples/seeds/{path.name}", **metadata[article_id]
        )
    return articles


def evidence(article: Article, quote: str) -> Evidence:
    """Evidence for the first occurrence of ``quote`` in the article; fails loudly if it is not there.

    A space in ``quote`` matches any run of whitespace, since the seeds hold no-break spaces; the evidence
    keeps the article's own characters.
    """
    pattern = r"\s+".join(re.escape(word) for word in quote.split())
    found = re.search(pattern, article.text)
    if found is None:
        raise ValueError(f"{quote!r} is not in {article.path}")
    return Evidence.of(Span(article.id, found.start(), found.end()), article.text)


def seed_story() -> Story:
    a = seed_articles()

    def ev(article_id: str, quote: str) -> tuple[Evidence, ...]:
        return (evidence(a[article_id], quote),)

    invasion = ev(CNN_2018, "In 2003, an American-led invasion toppled Iraqi President Saddam Hussein")
    peak_166 = ev(CNN_2018, "At their peak, US troop levels in Iraq stood near 166,000.")
    peak_170 = ev(
        IRAQ_2018, "At the height of the Iraqi-U.S. War in 2007, there were about 170,000 U.S. troops in Iraq"
    )
    timeline = (
        TimelineEntry(
            _date("2003"),
            "In 2003, an American-led invasion toppled Iraqi President Saddam Hussein and troops engaged in "
            "extended fighting across the country, battling an insurgency and later sectarian violence.",
            invasion + ev(IRAQ_2018, "The U.S. intervention in Iraq began in 2003."),
            support=2,
        ),
        TimelineEntry(
            _date("2007"),
            "There were some 170,000 American troops in Iraq in 2007 at the height of the surge of US forces to "
            "combat sectarian violence unleashed by the US-led invasion of the country.",
            ev(NEW_ARAB, "There were some 170,000 American troops in Iraq in 2007") + peak_170,
            support=2,
        ),
        TimelineEntry(
            _date("2014-08"),
            'The US first launched airstrikes against IS in Iraq in August 2014 in a military intervention '
            'described as "limited".',
            ev(NEW_ARAB, 'The US first launched airstrikes against IS in Iraq in August 2014 in a military '
               'intervention described as "limited".'),
            support=1,
        ),
        TimelineEntry(
            _date("2017-12"),
            "Iraq’s military declared that it had “fully liberated” all of Iraq of “ISIS terrorist gangs”.",
            ev(CNN_2018, "Last December, Iraq’s military declared that it had “fully liberated” all of Iraq"),
            support=1,
        ),
        TimelineEntry(
            _date("2018-02-05"),
            "Following the Iraqi government’s declaration of victory over the Islamic State, the U.S. has begun "
            "to withdraw troops from Iraq, officials told the Associated Press Monday.",
            ev(IRAQ_2018, "the U.S. has begun to withdraw troops from Iraq, officials told the Associated Press Monday.")
            + ev(CNN_2018, "On Monday, the US-led coalition fighting ISIS announced a “shift in focus”"),
            support=2,
        ),
        TimelineEntry(
            _date("2018-12-19"),
            "The White House said Wednesday the United States has begun withdrawing troops from Syria.",
            ev(SYRIA, "The White House said Wednesday the United States has begun withdrawing troops from Syria"),
            support=1,
        ),
        TimelineEntry(
            _date("2024-09-27"),
            "The first phase of the agreement, set to start immediately, will see coalition forces wrap up their "
            "efforts in Iraq no later than a year from now, senior U.S. officials said Friday.",
            ev(IRAQ_2024, "The first phase of the agreement, set to start immediately"),
            support=1,
        ),
        TimelineEntry(
            _date("2025-09"),
            "The second phase will start next September and will last at least one year.",
            ev(IRAQ_2024, "The second phase, they said, will start next September and will last at least one year"),
            support=1,
            planned=True,
        ),
    )
    summary = (
        SummarySentence(
            "The White House said Wednesday the United States has begun withdrawing troops from Syria, shortly "
            "after U.S. President Donald Trump tweeted the U.S. has defeated the Islamic State terror group there.",
            ev(SYRIA, "The White House said Wednesday the United States has begun withdrawing troops from Syria, "
               "shortly after U.S. President Donald Trump tweeted the U.S. has defeated the Islamic State terror "
               "group there."),
        ),
        SummarySentence(
            "The global coalition to ensure the defeat of the Islamic State terror group is set to wind down its "
            "military mission in Iraq.",
            ev(IRAQ_2024, "The global coalition to ensure the defeat of the Islamic State terror group is set to "
               "wind down its military mission in Iraq"),
        ),
    )
    dillon = "Continued coalition presence in Iraq will be conditions-based, proportional to the need and in " \
        "coordination with the government of Iraq"
    quotes = (
        Quote(
            "Sarah Sanders",
            "We have started returning United States troops home as we transition to the next phase of this campaign",
            True,
            ev(SYRIA, "We have started returning United States troops home as we transition to the next phase "
               "of this campaign"),
            date=_date("2018-12-19"),
            cue="said in a statement",
        ),
        Quote("Ryan Dillon", dillon, True, ev(IRAQ_2018, dillon) + ev(NEW_ARAB, dillon), cue="told the AP"),
        Quote(
            "Sabrina Singh",
            "The U.S. is not withdrawing from Iraq",
            True,
            ev(IRAQ_2024, "The U.S. is not withdrawing from Iraq"),
            date=_date("2024-09-27"),
            cue="told reporters",
        ),
        Quote(
            "Sabrina Singh",
            "the mission would be changing to a bilateral security partnership with the Iraqi government",
            False,
            ev(IRAQ_2024, "the mission would be changing to a bilateral security partnership with the Iraqi government"),
            date=_date("2024-09-27"),
            cue="told reporters",
        ),
    )

    def point(value, qualifier, as_of, article_id, quote) -> FigurePoint:
        return FigurePoint(value, qualifier, _date(as_of) if as_of else None, ev(article_id, quote))

    iraq_troops = FigureSeries(
        "troops",
        "Iraq",
        (
            FigurePoint(170000.0, "about", _date("2007"), peak_170),
            point(170000.0, "some", "2007", NEW_ARAB, "There were some 170,000 American troops in Iraq in 2007"),
            FigurePoint(166000.0, "near", _date("2007"), peak_166),
            point(40000.0, None, None, IRAQ_2018, "dwindled to 40,000 until the complete withdrawal in 2011"),
            point(8892.0, None, "2017-09", NEW_ARAB, "there were 8,892 US troops in Iraq as of late September"),
            point(5200.0, "around", "2017-12", CNN_2018, "The Pentagon said in December there were around 5,200 "
                  "American forces in Iraq."),
            point(4000.0, "about", "2018-02-05", NEW_ARAB, "The plan would leave a force of about 4,000 US troops"),
            point(5000.0, "more than", "2018-12-19", SYRIA, "more than 5,000 troops in neighboring Iraq"),
            point(2500.0, None, "2024-09-27", IRAQ_2024, "the 2,500 U.S. forces in Iraq"),
        ),
        conflicts=(FigureConflict("2007", (170000.0, 166000.0), peak_170 + peak_166),),
    )
    syria_troops = FigureSeries(
        "troops",
        "Syria",
        (
            point(2000.0, "about", "2018-12-19", SYRIA, "The U.S. has about 2,000 troops in Syria"),
            point(900.0, None, "2024-09-27", IRAQ_2024, "the 900 troops in Syria"),
        ),
    )
    fighters = FigureSeries(
        "Islamic State fighters",
        "Iraq and Syria",
        (
            point(13000.0, "at least", "2018-08", SYRIA, "IS still had at least 13,000 fighters in Syria"),
            point((1500.0, 3000.0), "between", "2024-09", IRAQ_2024,
                  "estimated IS has between 1,500 and 3,000 fighters in Iraq and Syria"),
            point(2500.0, "about", "2024-09", IRAQ_2024, "the number of IS fighters in Iraq and Syria at about 2,500"),
        ),
    )
    entities = (
        Entity("Islamic State", "ORG", ("IS", "ISIS", "Daesh"), {SYRIA: 14, IRAQ_2018: 5, CNN_2018: 6,
                                                                 IRAQ_2024: 20, NEW_ARAB: 4}),
        Entity("Sabrina Singh", "PERSON", ("Singh",), {IRAQ_2024: 4}),
        Entity("Ryan Dillon", "PERSON", ("Dillon", "Army Colonel Ryan Dillon"), {IRAQ_2018: 2, CNN_2018: 1, NEW_ARAB: 1}),
    )
    return Story(
        title="US troop drawdowns in Iraq and Syria",
        articles=tuple(a.values()),
        timeline=timeline,
        summary=summary,
        quotes=quotes,
        figures=(iraq_troops, syria_troops, fighters),
        entities=entities,
        rejected=(Rejected("inbox/photo.jpg", "binary file (image/jpeg): not an article", "ingest"),),
        duplicates=(Duplicate("mirror/new-arab-copy.txt", NEW_ARAB, 0.98),),
        generated_at="2026-11-22T00:00:00Z",
    )


def hostile_story() -> Story:
    """A story whose article, title and quote hold HTML and Markdown, to check every format escapes them."""
    text = 'Officials said <script>alert("x")</script> troops left on Monday. See [this](javascript:alert(1)).'
    article = Article(
        id="hostile",
        text=text,
        path="inbox/<b>bold</b>.txt",
        title="<img src=x onerror=alert(1)> *breaking*",
        url="javascript:alert(1)",
        published=PartialDate(dt.date(2020, 1, 6), "day"),
        published_from="metadata",
        published_confidence=1.0,
    )
    sentence = evidence(article, 'Officials said <script>alert("x")</script> troops left on Monday.')
    return replace(
        Story(title="<script>alert('title')</script>", articles=(article,)),
        timeline=(TimelineEntry(article.published, sentence.quote, (sentence,), 1),),
        summary=(SummarySentence(sentence.quote, (sentence,)),),
        quotes=(Quote("<i>Officials</i>", '<script>alert("x")</script>', False, (sentence,)),),
    )


def widely_reported_story(sources: int) -> Story:
    """One timeline event every one of ``sources`` articles reports in the same words."""
    text = "The singer died at his Los Angeles home on 25 June 2009."
    articles = tuple(
        Article(id=f"a{index}", text=text, path=f"{index}.txt", title=f"Report {index}") for index in range(sources)
    )
    spans = tuple(Evidence.of(Span(article.id, 0, len(text)), text) for article in articles)
    entry = TimelineEntry(PartialDate.parse("2009-06-25"), text, spans, support=sources)
    return Story(title="Michael Jackson", articles=articles, timeline=(entry,))

