"""Time: the time expressions of a text (TIMEX3) and the publication date of an article that states none.

``expressions`` tags and normalizes what the words say; ``dating`` infers a document's date from its
text read with its siblings, with a calibrated confidence that decides whether relative expressions may
resolve against it (``ANCHOR_CONFIDENCE``).
"""

from storyline.analyze.time.articles import date_alone, date_articles
from storyline.analyze.time.dating import ANCHOR_CONFIDENCE, date_article, date_collection
from storyline.analyze.time.expressions import describe_time_expressions, find_time_expressions

__all__ = [
    "ANCHOR_CONFIDENCE",
    "date_alone",
    "date_article",
    "date_articles",
    "date_collection",
    "describe_time_expressions",
    "find_time_expressions",
]
