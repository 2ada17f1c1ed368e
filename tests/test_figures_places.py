"""Places read off the parse around a counted noun, on real sentences from the seed and timeline17 piles."""

from __future__ import annotations

import pytest

from storyline.analyze.figures.places import entity_text, is_demonym_of, named_place_of, place_around


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "noun", "place"),
    [
        ("The U.S. has about 2,000 troops in Syria .", "troops", "Syria"),
        ("Chile , which has seen some 5,000 cases , closed schools .", "cases", "Chile"),
        ("The current unrest has left at least 233 people dead in Libya .", "people", "Libya"),
        ("Scotland is on alert . The US declared an emergency as 20 cases were confirmed in the country .",
         "cases", "US"),
        ("Officials in Louisiana said 100,000 residents of Mississippi were also told to leave .", "residents",
         "Mississippi"),
    ],
)  # fmt: skip
def test_figures_places_place_around_the_counted_noun(nlp, sentence, noun, place):
    doc = nlp(sentence)
    assert place_around(doc, token(doc, noun)) == place


def test_figures_places_place_naming_the_things_counted(nlp):
    doc = nlp("UK cases rose to 27 on Monday .")
    assert named_place_of(doc, token(doc, "cases")) == "UK"


def test_figures_places_name_loses_tokenizer_brackets(nlp):
    doc = nlp("Reuters -RRB- - Libyan rebels gathered on a ridge overlooking a strategic town .")
    assert entity_text(doc, token(doc, "Libyan")) == "Libyan"


@pytest.mark.parametrize(
    ("demonym", "place", "expected"),
    [("Cambodian", "Cambodia", True), ("Iraqi", "Iraq", True), ("Chileans", "Chile", True), ("Iraq", "Iraq", False),
     ("Mexican", "Canada", False)],
)  # fmt: skip
def test_figures_places_demonym_matches_its_place_by_stem(demonym, place, expected):
    assert is_demonym_of(demonym, place) is expected
