"""Where reported speech begins and ends, and what counts as something said, on real news sentences."""

from __future__ import annotations

import pytest

from storyline.analyze.attribution.attributions import find_attributions
from storyline.model import Article, Attribution

LISTER = (
    "Charles Lister, the director of the Syria program at the Middle East Institute, has tracked about 500 IS "
    "attacks this year and warned that an IS rebuild, years in the making, in the central Syrian desert has "
    "been flowing across the Euphrates River since January."
)
DILLON = (
    '"Continued coalition presence in Iraq will be conditions-based, proportional to the need and in '
    'coordination with the government of Iraq," US coalition spokesman Army Col. Ryan Dillon told the AP when '
    "asked for comment."
)
DANA_WHITE = (
    "Later on Wednesday, Pentagon spokesperson Dana White said in a statement that \"the coalition has "
    'liberated ISIS-held territory, but the campaign against ISIS is not over." ISIS an acronym for the '
    "Islamic State terror group."
)


def attributions_in(nlp, text: str) -> list[Attribution]:
    return find_attributions(Article(id="a", text=text, path="a.txt"), nlp(text), ())


def contents(text: str, found: list[Attribution]) -> list[str]:
    return [text[a.content.start : a.content.end] for a in found]


def test_attribution_content_that_clause_runs_past_an_inserted_phrase(nlp):
    found = attributions_in(nlp, LISTER)
    warned = [a for a in found if a.cue_lemma == "warn"]
    assert contents(LISTER, warned) == [
        "that an IS rebuild, years in the making, in the central Syrian desert has been flowing across the "
        "Euphrates River since January"
    ]
    assert warned[0].speaker == "Charles Lister"


def test_attribution_content_asking_for_comment_is_not_a_statement(nlp):
    found = attributions_in(nlp, DILLON)
    assert "comment" not in contents(DILLON, found)
    quote = next(a for a in found if a.direct)
    assert quote.speaker == "Ryan Dillon"


@pytest.mark.parametrize("text, act", [
    ("The campaign released a statement on Tuesday.", "a statement"),
    ("Reporters sought more details from the Pentagon.", "more details"),
    ("A woman in the crowd asked a question.", "a question"),
])
def test_attribution_content_naming_only_a_speech_act_is_dropped(nlp, text, act):
    assert act not in contents(text, attributions_in(nlp, text))


def test_attribution_content_questions_about_a_topic_are_kept(nlp):
    text = "Sanders spent the evening answering questions about his campaign."
    assert any("his campaign" in content for content in contents(text, attributions_in(nlp, text)))


def test_attribution_content_that_and_a_quotation_is_reported_speech(nlp):
    found = attributions_in(nlp, DANA_WHITE)
    said = next(a for a in found if a.speaker == "Dana White")
    assert contents(DANA_WHITE, [said]) == [
        'that "the coalition has liberated ISIS-held territory, but the campaign against ISIS is not over."'
    ]
    assert not said.direct


@pytest.mark.parametrize("text, content", [
    ("Former Gov. Jeb Bush said that he would offer “a prayer” for the eventual Republican nominee but did not "
     "suggest it would be Trump.", "that he would offer “a prayer” for the eventual Republican nominee"),
    ("Senate Majority Leader Mitch McConnell says he spoke to Republican front-runner Donald Trump and asked him "
     "to condemn violence no matter who is responsible.", "he spoke to Republican front-runner Donald Trump"),
])
def test_attribution_content_never_ends_on_a_dangling_conjunction(nlp, text, content):
    assert content in contents(text, attributions_in(nlp, text))


def test_attribution_content_verb_sharing_the_reported_modal_stays_in(nlp):
    text = "Kasich says he'd sit Putin down and tell him “no more nonsense” at their first meeting."
    said = [a for a in attributions_in(nlp, text) if a.cue_lemma == "say"]
    assert contents(text, said) == ["he'd sit Putin down and tell him “no more nonsense” at their first meeting"]


@pytest.mark.parametrize("text", [
    "Asked whether he would run again, Trump said he had not decided.",
    "Clinton was asked whether she had practiced her speech.",
    "But he's also been described to us as a thug straight out of central casting.",
])
def test_attribution_content_one_spoken_to_or_about_is_not_the_speaker(nlp, text):
    passive = [a for a in attributions_in(nlp, text) if a.cue_lemma in ("ask", "describe")]
    assert passive and all(a.speaker is None for a in passive)


def test_attribution_content_asker_named_after_by_is_the_speaker(nlp):
    text = "Asked by Matt Lauer whether she had practiced her speech, Clinton laughed."
    asked = next(a for a in attributions_in(nlp, text) if a.cue_lemma == "ask")
    assert asked.speaker == "Matt Lauer"


def test_attribution_content_quoting_a_person_names_a_source_not_words(nlp):
    text = ("Quoting provincial officials, the station said most of the clashes took place in the Alarbeen "
            "neighborhood.")
    found = attributions_in(nlp, text)
    assert "provincial officials" not in contents(text, found)
    assert "most of the clashes took place in the Alarbeen neighborhood" in contents(text, found)


@pytest.mark.parametrize("text, circumstance", [
    ("The official spoke on the condition of anonymity because he was not authorized to talk to the media.",
     "the condition of anonymity"),
    ("Sen. Lindsey Graham wrote on Twitter that the withdrawal would be a huge mistake.", "Twitter"),
    ("The senator spoke on Monday about rights that had been denied victims of other mass shootings.", "Monday"),
])
def test_attribution_content_terms_medium_or_day_of_speaking_are_not_its_topic(nlp, text, circumstance):
    assert circumstance not in contents(text, attributions_in(nlp, text))


def test_attribution_content_day_of_saying_is_left_out_of_the_clause(nlp):
    text = "Trump said Tuesday his actions are consistent with the constitutional right to bear arms."
    said = [a for a in attributions_in(nlp, text) if a.cue_lemma == "say"]
    assert contents(text, said) == ["his actions are consistent with the constitutional right to bear arms"]


def test_attribution_content_headline_lead_that_names_no_one_is_no_source(nlp):
    text = "Far From Dead: Tens of Thousands of IS Fighters Linger in Iraq, Syria\n\nThe group is far from defeated."
    assert not [a for a in attributions_in(nlp, text) if a.cue is not None and text[a.cue.start : a.cue.end] == ":"]


def test_attribution_content_quote_beside_a_subject_that_cannot_speak_is_not_framed(nlp):
    text = ('Witnesses said the fighting spread overnight. And the unrest continues, "forget about democracy, '
            'forget about reform. It will be a fierce civil war."')
    assert not [a for a in attributions_in(nlp, text) if a.direct]
