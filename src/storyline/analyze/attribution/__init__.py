"""Attribution: who said what, read from the parse (speech cues, quotation marks, name-and-colon lines,
transcript turns), with each speaker resolved to the fullest name the article gives."""

from storyline.analyze.attribution.agents import DOCUMENTS
from storyline.analyze.attribution.attributions import find_attributions
from storyline.analyze.attribution.cues import SPEECH_VERBS

__all__ = ["DOCUMENTS", "SPEECH_VERBS", "find_attributions"]
