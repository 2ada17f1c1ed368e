"""What to call a story: its most typical headline, or the names it is about when no headline fits.

A pile of articles often carries few headlines (plain text keeps none) and the ones it has may belong to
pages swept in with the story (a football column in a pile about a trial). A headline is used only when
its words are the pile's words: the share of articles that use each of its content words, averaged, must
reach ``MIN_TYPICALITY``. Otherwise the title names the people, organisations and places most articles
mention, which is true of the pile by construction and invents nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.model import ArticleAnalysis, Entity

MIN_TYPICALITY = 0.2
"""Mean share of articles using a headline's content words below which it does not name the story."""

NAMED_ENTITIES = 3
FALLBACK = "Story briefing"

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT"})


def story_title(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity] = ()) -> str:
    """The headline most typical of the pile, else its most mentioned names ("Michael Jackson, Conrad
    Murray and Los Angeles"), else a neutral "Story briefing"."""
    headlines = [analysis.article.title.strip() for analysis in analyses if analysis.article.title]
    if headlines:
        vocabularies = [set(content_words(analysis.article.text)) for analysis in analyses]
        scored = [(typicality(title, vocabularies), -order, title) for order, title in enumerate(headlines)]
        score, _, best = max(scored)
        if score >= MIN_TYPICALITY:
            return best
    names = most_mentioned_names(entities, NAMED_ENTITIES)
    if names:
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return FALLBACK


def typicality(headline: str, vocabularies: Sequence[set[str]]) -> float:
    """Mean over the headline's content words of the share of articles whose text uses the word."""
    words = set(content_words(headline))
    if not words or not vocabularies:
        return 0.0
    return sum(sum(word in vocabulary for vocabulary in vocabularies) for word in words) / (
        len(words) * len(vocabularies)
    )


def most_mentioned_names(entities: Sequence[Entity], count: int) -> list[str]:
    """Names of the people, organisations and places mentioned by the most articles (then mentions),
    leaving out a name that is part of one already chosen."""
    named = [entity for entity in entities if entity.type in _NAME_TYPES and entity.mentions]
    named.sort(key=lambda entity: (-len(entity.mentions), -sum(entity.mentions.values()), entity.name))
    chosen: list[str] = []
    for entity in named:
        words = set(entity.name.split())
        if not any(words <= set(name.split()) for name in chosen):  # "Jackson" after "Michael Jackson"
            chosen.append(entity.name)
        if len(chosen) == count:
            break
    return chosen


def content_words(text: str) -> list[str]:
    """Lower-case words of four letters or more that are not stopwords ("will", "very" are no evidence
    that a headline fits the pile)."""
    lowered = (word.lower() for word in _WORD.findall(text))
    return [word for word in lowered if len(word) > 3 and word not in STOP_WORDS]
