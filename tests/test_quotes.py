"""Quote collection: attributions of several articles become checkable, deduplicated, dated quotes."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, Attribution, PartialDate, Span
from storyline.story.quotes import collect_quotes

QUOTE = '"We refused his proposal regarding a third year," said Abbasi.'
INDIRECT = "Singh told reporters Friday that the mission would be changing."


def analysis(article_id: str, text: str, attributions: list[Attribution], published: str) -> ArticleAnalysis:
    article = Article(id=article_id, text=text, path=f"{article_id}.txt", published=PartialDate.parse(published))
    return ArticleAnalysis(article=article, attributions=tuple(attributions))


def quote_attribution(article_id: str, date: str) -> Attribution:
    content_end = QUOTE.index(" said")
    return Attribution(
        content=Span(article_id, 0, content_end),
        direct=True,
        speaker="Thabit al-Abbasi",
        source=Span(article_id, QUOTE.index("Abbasi"), QUOTE.index("Abbasi") + len("Abbasi")),
        cue=Span(article_id, content_end + 1, content_end + 5),
        date=PartialDate.parse(date),
    )


def indirect_attribution(article_id: str, date: str) -> Attribution:
    start = INDIRECT.index("that")
    return Attribution(
        content=Span(article_id, start, len(INDIRECT) - 1),
        direct=False,
        speaker="Singh",
        source=Span(article_id, 0, 5),
        cue=Span(article_id, 6, 10),
        date=PartialDate.parse(date),
        cue_lemma="tell",
    )


def test_quotes_text_and_evidence_are_the_exact_characters():
    [quote] = collect_quotes([analysis("a", QUOTE, [quote_attribution("a", "2024-09-20")], "2024-09-27")])
    assert quote.text == '"We refused his proposal regarding a third year,"'
    assert quote.evidence[0].quote == quote.text and quote.evidence[0].start == 0
    assert quote.evidence[1].quote == "Abbasi"
    assert quote.cue == "said" and quote.direct


def test_quotes_are_ordered_by_date_then_article():
    analyses = [
        analysis("late", INDIRECT, [indirect_attribution("late", "2024-09-27")], "2024-09-27"),
        analysis("early", QUOTE, [quote_attribution("early", "2024-09-20")], "2024-09-27"),
    ]
    assert [quote.evidence[0].article for quote in collect_quotes(analyses)] == ["early", "late"]


def test_quotes_syndicated_repeats_are_kept_once_with_both_sources():
    analyses = [
        analysis("ap", QUOTE, [quote_attribution("ap", "2024-09-20")], "2024-09-20"),
        analysis("copy", QUOTE.replace('"', "“", 1), [quote_attribution("copy", "2024-09-20")], "2024-09-21"),
    ]
    [quote] = collect_quotes(analyses)
    assert {evidence.article for evidence in quote.evidence} == {"ap", "copy"}


def test_quotes_speakers_go_through_the_canonical_names():
    analyses = [analysis("a", INDIRECT, [indirect_attribution("a", "2024-09-27")], "2024-09-27")]
    [quote] = collect_quotes(analyses, canonical=lambda name: {"Singh": "Sabrina Singh"}.get(name, name))
    assert quote.speaker == "Sabrina Singh"
    assert quote.text == "that the mission would be changing" and not quote.direct


def test_quotes_undated_come_last():
    undated = Attribution(content=Span("u", 0, 10), direct=False, speaker="Singh", source=Span("u", 0, 4), cue_lemma="tell")
    analyses = [
        analysis("u", INDIRECT, [undated], "2024-09-27"),
        analysis("d", QUOTE, [quote_attribution("d", "2018-01-01")], "2018-01-01"),
    ]
    assert [quote.evidence[0].article for quote in collect_quotes(analyses)] == ["d", "u"]


def test_quotes_without_a_speaker_are_left_out():
    sourceless = Attribution(content=Span("a", 0, 10), direct=False)
    assert collect_quotes([analysis("a", INDIRECT, [sourceless], "2024-09-27")]) == []


def test_quotes_stances_are_not_listed_as_statements():
    text = "The US has closely backed Iraqi military victories over IS."
    backed = Attribution(
        content=Span("a", text.index("Iraqi"), len(text) - 1), direct=False, speaker="United States",
        source=Span("a", 4, 6), cue=Span("a", text.index("backed"), text.index("backed") + 6), cue_lemma="back",
    )
    assert collect_quotes([analysis("a", text, [backed], "2018-02-05")]) == []


def test_quotes_unresolved_pronoun_speaker_is_left_out():
    text = "It said the majority of the terror group's senior leaders remain in hiding in Syria."
    said = Attribution(
        content=Span("a", 8, len(text) - 1), direct=False, speaker="It", source=Span("a", 0, 2),
        cue=Span("a", 3, 7), cue_lemma="say",
    )
    assert collect_quotes([analysis("a", text, [said], "2024-09-27")]) == []


def test_quotes_object_pronoun_speaker_is_left_out():
    text = "Let me ask this: what does the coalition do next?"
    ask = Attribution(
        content=Span("a", text.index("this"), text.index("this") + 4), direct=False, speaker="me",
        source=Span("a", 4, 6), cue=Span("a", 7, 10), cue_lemma="ask",
    )
    assert collect_quotes([analysis("a", text, [ask], "2024-09-27")]) == []


def test_quotes_reported_speech_under_a_negated_cue_is_left_out():
    text = "The Pentagon could not confirm that troops had left the base."
    cue_start = text.index("could")
    denied = Attribution(
        content=Span("a", text.index("that"), len(text) - 1), direct=False, speaker="Pentagon",
        source=Span("a", 4, 12), cue=Span("a", cue_start, text.index(" that")), cue_lemma="confirm",
    )
    assert collect_quotes([analysis("a", text, [denied], "2024-09-27")]) == []


def _said_by(speaker: str, text: str) -> Attribution:
    cue = text.index(" said") + 1
    return Attribution(
        content=Span("a", text.index("that") + 5, len(text) - 1), direct=False, speaker=speaker,
        source=Span("a", 0, cue - 1), cue=Span("a", cue, cue + 4), cue_lemma="say",
    )


def test_quotes_a_share_of_people_polled_is_not_a_speaker():
    text = "Fifty-one percent said that the economy was getting worse."
    assert collect_quotes([analysis("a", text, [_said_by("Fifty-one percent", text)], "2024-09-27")]) == []


def test_quotes_a_possessive_pronoun_is_not_a_speaker():
    text = "Their lawyers said that the appeal would be filed on Monday."
    assert collect_quotes([analysis("a", text, [_said_by("their", text)], "2024-09-27")]) == []


def test_quotes_a_document_named_by_its_kind_alone_is_not_a_speaker():
    text = "The warning said that the storm would reach the coast by Tuesday night."
    assert collect_quotes([analysis("a", text, [_said_by("The warning", text)], "2024-09-27")]) == []


def test_quotes_a_report_that_names_its_organisation_is_kept():
    text = "A Pentagon report said that 900 troops would remain in Syria."
    quotes = collect_quotes([analysis("a", text, [_said_by("A Pentagon report", text)], "2024-09-27")])
    assert [quote.speaker for quote in quotes] == ["A Pentagon report"]


def test_quotes_a_quoted_manner_of_one_word_is_not_what_was_said():
    text = 'The two witnesses testified "side-by-side" before the committee.'
    start = text.index("side")
    manner = Attribution(
        content=Span("a", start, start + len("side-by-side")), direct=True, speaker="The two witnesses",
        source=Span("a", 0, 17), cue=Span("a", 18, 27), cue_lemma="testify",
    )
    assert collect_quotes([analysis("a", text, [manner], "2024-09-27")]) == []


def test_quotes_a_newspaper_named_like_a_document_is_a_speaker():
    text = "The Post said that the mayor had resigned on Friday."
    quotes = collect_quotes([analysis("a", text, [_said_by("The Post", text)], "2024-09-27")])
    assert [quote.speaker for quote in quotes] == ["The Post"]


def test_quotes_the_share_of_a_group_and_a_possessed_document_are_not_speakers():
    text = "The percentage of men and women said that prices were too high."
    share = _said_by("the percentage of men and women", text)
    message = _said_by("our message", text)
    assert collect_quotes([analysis("a", text, [share, message], "2024-09-27")]) == []
