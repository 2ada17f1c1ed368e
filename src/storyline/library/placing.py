"""In which order new articles are placed: publication order, so that an event grows the way its coverage
did. Undated articles come where their text dates them; those nothing dates come last. Articles of the
same date keep the order they were given in (a stream's own order, a folder's sorted paths), so adding a
dated stream at once places its articles as adding them one by one, in that order, would."""

from __future__ import annotations

import datetime as dt

from storyline.model import Article


def placement_order(article: Article) -> dt.date:
    """Sort key (the sort must be stable): the article's date, undated last."""
    return article.published.value if article.published else dt.date.max
