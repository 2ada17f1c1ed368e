"""Time: the time expressions of a text (TIMEX3) and the publication date of an article that states none.

``expressions`` tags and normalizes what the words say; ``dating`` infers a document's date from its
text read with its siblings, with a calibrated confidence at each precision that decides how finely
relative expressions may resolve against it (``ANCHOR_CONFIDENCE``, ``anchoring_date``); ``event_time``
tells the expressions that date a sentence's event from names, comparisons and span starts.
"""

from storyline.analyze.time.articles import anchor_date, date_alone, date_articles
from storyline.analyze.time.event_time import dates_the_event
from storyline.analyze.time.dating import ANCHOR_CONFIDENCE, anchoring_date, date_article, date_collection
from storyline.analyze.time.expressions import describe_time_expressions, find_time_expressions

__all__ = [
    "ANCHOR_CONFIDENCE",
    "anchor_date",
    "anchoring_date",
    "date_alone",
    "date_article",
    "date_articles",
    "dates_the_event",
    "date_collection",
    "describe_time_expressions",
    "find_time_expressions",
]
