"""Entity merging on seed sentences with hand-tagged mentions (as spaCy tags them, mislabels included)."""

from __future__ import annotations

import pytest

from storyline.model import Article, ArticleAnalysis, Entity, Mention, Span
from storyline.story.entities import EntityIndex, merge_entities, strip_name


def analysis(article_id: str, text: str, *mentions: tuple[str, str]) -> ArticleAnalysis:
    """``mentions`` are (text as written, spaCy label), located at their first unused occurrence."""
    tagged = []
    cursor: dict[str, int] = {}
    for written, label in mentions:
        start = text.index(written, cursor.get(written, 0))
        cursor[written] = start + len(written)
        tagged.append(Mention(Span(article_id, start, start + len(written)), written, label))
    article = Article(id=article_id, text=text, path=f"{article_id}.txt")
    return ArticleAnalysis(article=article, mentions=tuple(tagged))


def entity_named(entities: list[Entity], name: str) -> Entity:
    matches = [entity for entity in entities if entity.name == name]
    assert len(matches) == 1, [entity.name for entity in entities]
    return matches[0]


VOA = analysis(
    "voa",
    "The White House said Wednesday the United States has begun withdrawing troops from Syria, shortly after U.S. "
    "President Donald Trump tweeted the U.S. has defeated the Islamic State terror group there. She added the "
    "defeat of IS does not mean the military campaign by coalition forces is ending in Syria. Just last week, "
    "U.S. special presidential envoy for the global coalition to defeat ISIS, Brett McGurk, told reporters. "
    '"A couple of thousand hardened fighters remain in that area," McGurk said. Trump has said he wanted to '
    "bring the troops home.",
    ("The White House", "ORG"),
    ("the United States", "GPE"),
    ("Syria", "GPE"),
    ("U.S.", "GPE"),
    ("Donald Trump", "PERSON"),
    ("U.S.", "GPE"),
    ("the Islamic State terror group", "ORG"),
    ("Syria", "GPE"),
    ("U.S.", "GPE"),
    ("ISIS", "ORG"),
    ("Brett McGurk", "PERSON"),
    ("McGurk", "ORG"),
    ("Trump", "PERSON"),
)
EPOCH = analysis(
    "epoch",
    "Iraqi government spokesman Saad al-Hadithi said that the move does not indicate a comprehensive drawdown. "
    "“The battle against Daesh has ended,” al-Hadithi said. In August, President Donald Trump introduced a new "
    "strategy for Afghanistan.",
    ("Saad al-Hadithi", "PERSON"),
    ("Daesh", "ORG"),
    ("al-Hadithi", "PERSON"),
    ("Donald Trump", "PERSON"),
    ("Afghanistan", "GPE"),
)
CNN = analysis(
    "cnn",
    "This meant US troops would be “gradually reduced,” Iraqi government spokesman Saad al-Hadithi told CNN. "
    "“Iraqi government will determine the level of the American presence,” al-Hadithi, the Iraqi government "
    "spokesman, told CNN.",
    ("US", "GPE"),
    ("Saad al-Hadithi", "PERSON"),
    ("CNN", "ORG"),
    ("American", "NORP"),
    ("al-Hadithi", "PERSON"),
    ("CNN", "ORG"),
)


def test_entities_islamic_state_aliases_are_one_entity_even_when_spacy_misses_is():
    entities = merge_entities([VOA, EPOCH])
    islamic_state = entity_named(entities, "Islamic State")
    assert {"IS", "ISIS", "Daesh", "Islamic State terror group"} <= set(islamic_state.aliases)
    assert islamic_state.mentions == {"epoch": 1, "voa": 3}


def test_entities_trump_with_and_without_title_is_one_person():
    trump = entity_named(merge_entities([VOA, EPOCH]), "Donald Trump")
    assert trump.type == "PERSON"
    assert trump.mentions == {"epoch": 1, "voa": 2}
    assert "Trump" in trump.aliases


def test_entities_united_states_forms_are_one_place():
    united_states = entity_named(merge_entities([VOA, CNN]), "United States")
    assert {"U.S.", "US"} <= set(united_states.aliases)
    assert united_states.mentions == {"cnn": 1, "voa": 4}


def test_entities_surname_joins_full_name_even_when_spacy_mislabels_it():
    mcgurk = entity_named(merge_entities([VOA]), "Brett McGurk")
    assert (mcgurk.type, mcgurk.mentions) == ("PERSON", {"voa": 2})


def test_entities_particle_surname_joins_across_articles():
    hadithi = entity_named(merge_entities([EPOCH, CNN]), "Saad al-Hadithi")
    assert hadithi.mentions == {"cnn": 2, "epoch": 2}
    assert "al-Hadithi" in hadithi.aliases


def test_entities_acronym_joins_its_expansion():
    text = "Fighters from the Syrian Democratic Forces attend the funeral. The SDF said the battle goes on."
    sdf = analysis("a", text, ("the Syrian Democratic Forces", "ORG"), ("SDF", "ORG"))
    other = analysis(
        "b", "Charles Lister, the director of the Countering Terrorism and Extremism Program (CTEP), said so.",
        ("Charles Lister", "PERSON"), ("the Countering Terrorism and Extremism Program", "ORG"), ("CTEP", "ORG"),
    )  # fmt: skip
    entities = merge_entities([sdf, other])
    assert entity_named(entities, "Syrian Democratic Forces").mentions == {"a": 2}
    assert entity_named(entities, "Countering Terrorism and Extremism Program").mentions == {"b": 2}


def test_entities_shouted_headline_word_is_not_an_acronym():
    headline = analysis("a", "WHAT IS NEXT FOR THE REGION\nThe defeat of IS is near.")
    assert entity_named(merge_entities([headline]), "Islamic State").mentions == {"a": 1}


def test_entities_demonym_is_not_a_mention_of_the_country():
    entities = merge_entities([CNN])
    assert entity_named(entities, "United States").mentions == {"cnn": 1}


def test_entities_are_ordered_by_mentions():
    entities = merge_entities([VOA, EPOCH, CNN])
    totals = [sum(entity.mentions.values()) for entity in entities]
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("America", "United States"),
        ("American", "United States"),
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("the Islamic State group", "Islamic State"),
        ("President Donald Trump", "Donald Trump"),
        ("Trump", "Donald Trump"),
        ("McGurk", "Brett McGurk"),
        ("al-Hadithi", "Saad al-Hadithi"),
        ("Hadithi", "Saad al-Hadithi"),
        ("the senior U.S. defense official", "the senior U.S. defense official"),
        ("Iraq", "Iraq"),
    ],
)
def test_entities_index_gives_canonical_names(name, canonical):
    index = EntityIndex(merge_entities([VOA, EPOCH, CNN]))
    assert index.canonical(name) == canonical


def test_entities_index_keeps_short_lowercase_words_apart_from_acronyms():
    assert EntityIndex(()).canonical("is") == "is"


@pytest.mark.parametrize(
    ("written", "stripped"),
    [
        ("the Pentagon's", "Pentagon"),
        ("President Donald Trump", "Donald Trump"),
        ("Sen. Rand Paul", "Rand Paul"),
        ("Iraq\n\n", "Iraq"),
        ("President", "President"),
    ],
)
def test_entities_strip_name_drops_articles_titles_and_possessives(written, stripped):
    assert strip_name(written) == stripped


def test_entities_empty_input_gives_no_entities():
    assert merge_entities([]) == []


def test_entities_name_after_a_kind_word_joins_it():
    text = "Hurricane Mitch roared through the Caribbean. Mitch weakened on Thursday."
    storm = analysis("a", text, ("Hurricane Mitch", "ORG"), ("Mitch", "PERSON"))
    assert entity_named(merge_entities([storm]), "Hurricane Mitch").mentions == {"a": 2}


def test_entities_ambiguous_surname_stays_apart():
    text = "Bill Clinton and Hillary Rodham Clinton arrived. Clinton spoke first."
    both = analysis(
        "a", text, ("Bill Clinton", "PERSON"), ("Hillary Rodham Clinton", "PERSON"), ("Clinton", "PERSON")
    )
    assert "Clinton" in [entity.name for entity in merge_entities([both])]


@pytest.mark.parametrize(
    ("written", "stripped"),
    [("Besides Mexico", "Mexico"), ("Unlike Iraq", "Iraq"), ("Including Brett McGurk", "Brett McGurk"), ("Like", "Like")],
)
def test_entities_strip_name_drops_a_sentence_opener_read_into_the_name(written, stripped):
    assert strip_name(written) == stripped
