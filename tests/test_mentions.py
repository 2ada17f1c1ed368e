"""Named-entity mentions: the names a story's entities, timeline and summary are built from."""

from __future__ import annotations

from storyline.analyze.pipeline import find_mentions
from storyline.model import Article

TOKENIZED = (
    "Italy froze -LRB- - Libyan assets worth 6 billion euros -RRB- on Monday , "
    "said Muammar Gaddafi 's envoy ."
)


def _mentions(nlp, text: str) -> dict[str, str]:
    article = Article(id="a", text=text, path="a.txt")
    return {mention.text: mention.label for mention in find_mentions(article, nlp(text))}


def test_mentions_leave_tokenized_brackets_out_of_a_name(nlp):
    assert "Libyan" in _mentions(nlp, TOKENIZED)
    assert not any("RRB" in name or "LRB" in name for name in _mentions(nlp, TOKENIZED))


def test_mentions_text_is_the_article_text_at_their_span(nlp):
    article = Article(id="a", text=TOKENIZED, path="a.txt")
    for mention in find_mentions(article, nlp(TOKENIZED)):
        assert TOKENIZED[mention.span.start : mention.span.end] == mention.text


def test_mentions_leave_out_dates_and_numbers(nlp):
    assert set(_mentions(nlp, TOKENIZED).values()) <= {"GPE", "NORP", "PERSON", "ORG"}
