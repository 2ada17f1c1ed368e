"""Who can say something: speech-verb subjects that are people, groups or documents, not events."""

from __future__ import annotations

import pytest

from storyline.analyze.attribution.agents import can_speak


def subject_in(nlp, text: str, verb: str):
    doc = nlp(text)
    cue = next(token for token in doc if token.text == verb)
    return next(child for child in cue.children if child.dep_ == "nsubj")


@pytest.mark.parametrize("text, verb", [
    ("A Pentagon report said IS still had at least 13,000 fighters in Syria.", "said"),
    ("Senior U.S. officials told reporters the withdrawal would take months.", "told"),
    ("The coalition statement noted that the mission had changed.", "noted"),
    ("Sixty percent of voters say the country is on the wrong track.", "say"),
    ("She added the defeat of IS does not mean the campaign is ending.", "added"),
    ("An Iraqi government spokesman announced the agreement on Friday.", "announced"),
    ("Western contractors say American forces have begun to withdraw.", "say"),
])
def test_agents_people_groups_and_documents_can_speak(nlp, text, verb):
    assert can_speak(subject_in(nlp, text, verb))


@pytest.mark.parametrize("text, verb", [
    ("Meanwhile, the civil war has claimed hundreds of thousands of lives.", "claimed"),
    ("The end of the civil war that has claimed hundreds of thousands of lives is not in sight.", "claimed"),
])
def test_agents_events_cannot_speak(nlp, text, verb):
    assert not can_speak(subject_in(nlp, text, verb))
