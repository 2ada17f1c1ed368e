"""Full-text search over the library's titles and sentences (SQLite FTS5, Porter stemming).

What a reader types is searched as words, not as FTS5 syntax: each word must appear (any form of it, so
"troops" finds "troop"), and a phrase in double quotes must appear as written. Every hit is one title or
sentence with its exact span in its article, so a result links to the very sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.errors import BadInput
from storyline.library.store import Store

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_LIMIT = 200


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching title or sentence: ``text[start:end]`` of article ``article_id``; ``snippet`` is that
    text as (fragment, matched) pairs, so a page can highlight the matched words without parsing markup.
    A title taken from metadata rather than the text has no span (``start`` and ``end`` are ``None``)."""

    article_id: str
    start: int | None
    end: int | None
    kind: str
    snippet: tuple[tuple[str, bool], ...]
    event_id: str | None = None
    story_id: str | None = None

    @property
    def text(self) -> str:
        return "".join(fragment for fragment, _ in self.snippet)


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for what a reader typed; raise BadInput when it holds no word."""
    phrases = [" ".join(_WORD.findall(phrase)) for phrase in _PHRASE.findall(query)]
    words = _WORD.findall(_PHRASE.sub(" ", query))
    terms = [f'"{phrase}"' for phrase in phrases if phrase] + [f'"{word}"' for word in words]
    if not terms:
        raise BadInput(f"search for {query!r}: no word to look for; type one or more words")
    return " ".join(terms)


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """What narrows a search: one story (its current id), one outlet (``Article.outlet``), and the days
    its events fall in (inclusive; an undated event is outside any range)."""

    story_id: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def days(self) -> tuple[int, int] | None:
        if self.since is None and self.until is None:
            return None
        return (self.since or dt.date.min).toordinal(), (self.until or dt.date.max).toordinal()


def search(
    store: Store, query: str, *, limit: int = 20, offset: int = 0, within: SearchFilter = SearchFilter()
) -> list[SearchHit]:
    """Titles and sentences matching ``query``, best first (FTS5's BM25 rank)."""
    limit = max(1, min(limit, MAX_LIMIT))
    rows = store.search_passages(
        match_expression(query), limit, max(0, offset), story_id=within.story_id, outlet=within.outlet,
        days=within.days(),
    )
    return [
        SearchHit(article_id, start if start >= 0 else None, end if end >= 0 else None, kind, _fragments(marked),
                  event_id, story_id)
        for article_id, start, end, kind, marked, event_id, story_id in rows
    ]


def passages(article_id: str, text: str, title: str | None, title_span: tuple[int, int] | None,
             sentences: list[tuple[int, int]]) -> list[tuple[str, str, int, int, str]]:
    """The rows an article adds to the index: its title and each sentence with its span."""
    rows = []
    if title:
        start, end = title_span or (-1, -1)
        rows.append((title, article_id, start, end, "title"))
    for start, end in sentences:
        if title_span and (start, end) == title_span:
            continue
        rows.append((text[start:end], article_id, start, end, "sentence"))
    return rows


def _fragments(marked: str) -> tuple[tuple[str, bool], ...]:
    fragments: list[tuple[str, bool]] = []
    for piece in re.split(r"(\x02[^\x03]*\x03)", marked):
        if piece.startswith("\x02"):
            fragments.append((piece[1:-1], True))
        elif piece:
            fragments.append((piece, False))
    return tuple(fragments)
