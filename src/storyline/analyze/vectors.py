"""Each article's words and names as weighted vectors: what clustering compares.

Words are lemmas of content words (nouns, proper nouns, verbs, adjectives and numbers); names are the
article's people, places and organisations as spaCy finds them. Each group is a unit vector whose weights
are ``(1 + log count) * rarity``, where rarity comes from a general-English word list (wordfreq) rather
than from the collection: an article's weights are then the same in a library of five articles or five
million, and the same whether it arrived first or last.

The article's opening (its first sentences, where news writing states the news) and its first sentence
(usually the headline) are also kept as groups of their own. People are keyed by surname, so "Raj Chohan"
and a later "Chohan" are one key.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from spacy.tokens import Doc
from wordfreq import zipf_frequency

from storyline.model import Mention, Sentence

GROUPS = ("words", "opening", "headline", "people", "places", "organizations")
"""The vectors an article carries, in a fixed order."""

NAME_GROUPS = {
    "PERSON": "people",
    "GPE": "places", "LOC": "places", "FAC": "places",
    "ORG": "organizations", "NORP": "organizations", "EVENT": "organizations", "PRODUCT": "organizations",
    "WORK_OF_ART": "organizations", "LAW": "organizations",
}
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
OPENING_SENTENCES = 3
"""How many sentences count as the opening: the headline and the lead that states the news."""
MAX_RARITY = 8.0
MIN_RARITY = 0.5

_STOP_WORDS = frozenset(
    "a about above after again against all also am an and any are as at be because been before being below "
    "between both but by can could did do does doing down during each few for from further had has have having "
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no "
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than "
    "that the their theirs them themselves then there these they this those through to too under until up very "
    "was we were what when where which while who whom why will with would you your yours yourself yourselves "
    "say said says told tell get got make made go went come came take took give gave year years day days "
    "one two three first last new".split()
)
"""Words every article uses; "said" and "year" tell no two stories apart."""

Vector = dict[str, float]


@lru_cache(maxsize=200_000)
def rarity(term: str) -> float:
    """How much a shared term says: high for "Chohan" or "Klitschko", low for "police" or "city"."""
    return min(MAX_RARITY, max(MIN_RARITY, 8.5 - zipf_frequency(term, "en")))


def weigh(counts: Mapping[str, int | float]) -> Vector:
    """A unit vector of ``(1 + log count) * rarity`` weights, rounded so a stored vector is compact."""
    weights = {term: (1.0 + math.log(count)) * rarity(term) for term, count in counts.items() if count > 0}
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    if not norm:
        return {}
    return {term: round(weight / norm, 5) for term, weight in weights.items()}


def find_vectors(doc: Doc, mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> dict[str, Vector]:
    """The article's vectors by group (``GROUPS``) from its parse, named entities and sentences."""
    opening_end = sentences[min(OPENING_SENTENCES, len(sentences)) - 1].span.end if sentences else 0
    headline_end = sentences[0].span.end if sentences else 0
    counts: dict[str, Counter] = {group: Counter() for group in GROUPS}
    for token in doc:
        term = content_term(token.lemma_, token.pos_)
        if term is None:
            continue
        counts["words"][term] += 1
        if token.idx < opening_end:
            counts["opening"][term] += 1
        if token.idx < headline_end:
            counts["headline"][term] += 1
    for mention in mentions:
        group = NAME_GROUPS.get(mention.label)
        key = name_key(mention.text, group)
        if group and key:
            counts[group][key] += 1
    return {group: weigh(counts[group]) for group in GROUPS}


def content_term(lemma: str, pos: str) -> str | None:
    """The lemma as a term, or ``None`` for words that carry no subject (function words, punctuation)."""
    if pos not in CONTENT_POS:
        return None
    term = lemma.lower()
    if term in _STOP_WORDS:
        return None
    if term.isalpha():
        return term if len(term) > 2 else None
    if term.isdigit():
        return term if len(term) > 1 else None
    return None


def name_key(text: str, group: str | None) -> str | None:
    """A name as one key: lower case, without "the" or a possessive; a person by surname."""
    key = " ".join(text.replace("’s", "").replace("'s", "").lower().split())
    key = key.removeprefix("the ")
    if group == "people" and " " in key:
        key = key.rsplit(" ", 1)[1]
    return key if len(key) > 1 and any(character.isalpha() for character in key) else None
