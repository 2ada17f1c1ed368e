"""Publication dates for Article records: stated dates kept, missing ones inferred from the text, either
read with the rest of a pile (``date_articles``, for one story) or alone (``date_alone``, for an article
entering a library of many stories, where other articles are no guide to its date)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from storyline.analyze.time.dating import anchoring_date, date_article, date_collection
from storyline.model import Article, DateEstimate, PartialDate


def date_articles(articles: Sequence[Article]) -> list[Article]:
    """Give every article a publication date: metadata when it is plausible, else inferred from the text
    of the article read together with the rest of the collection (marked as inferred, with confidence)."""
    estimates = date_collection(
        {article.id: article.text for article in articles},
        {article.id: article.published for article in articles},
    )
    return [_dated(article, estimates[article.id]) for article in articles]


def date_alone(article: Article) -> Article:
    """The article dated by its own metadata and text only.

    In a mixed stream the articles around one are no guide to its date: the most similar may report a
    look-alike event of another year, and a collection's span mixes stories. So a library dates each
    article alone and leaves it undated rather than borrow a date."""
    return _dated(article, date_article(article.text, article.published))


def anchor_date(article: Article) -> PartialDate | None:
    """The date relative expressions resolve against, and the one a sentence reporting the article's news
    takes: a stated date as stated, an inferred one at the finest precision the dater is sure of. An article
    whose day is uncertain but whose month is not places "Wednesday" in its month; with nothing sure enough,
    "Friday" stays underspecified rather than wrong."""
    if article.published is None or article.published_from != "text":
        return article.published
    estimate = DateEstimate(
        article.published, "text", article.published_confidence, confidences=article.published_confidences
    )
    return anchoring_date(estimate)


def _dated(article: Article, estimate: DateEstimate) -> Article:
    if estimate.source == "metadata" and estimate.date == article.published:
        return article  # the stated date stands, with where it was stated ("metadata" or "file")
    return replace(
        article,
        published=estimate.date,
        published_from=estimate.source if estimate.date else None,
        published_confidence=round(estimate.confidence, 2) if estimate.date else 0.0,
        published_confidences=estimate.confidences if estimate.date else None,
    )
