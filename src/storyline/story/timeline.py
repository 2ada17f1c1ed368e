"""The dated events that matter, each told once in a source's words, with every source that reports it.

Date first, then content (the "datewise" approach of Gholipour Ghalandari & Ifrim, ACL 2020, which beat
event clustering on the TLS benchmarks): a date matters when many sentences in many independent articles
refer to it, especially articles written later that still look back at it; its event is then told by the
sentence closest to what all of that date's sentences say (TF-IDF centroid), preferring sentences that
several sources repeat, and never repeating an event already told on another date.

Day, month and year dates are kept apart: "in 2014" makes a 2014 entry, not one on 2014-01-01.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.lang.en.stop_words import STOP_WORDS

from storyline.model import ArticleAnalysis, DateConflict, Evidence, PartialDate, Precision, StoryEvent, TimelineEntry
from storyline.story.date_agreement import agree_on_date, compatible, days_apart
from storyline.story.dated_sentences import DatedSentence, date_sentences, period_end

SAME_EVENT_SIMILARITY = 0.3
"""TF-IDF cosine above which two sentences on one date are taken to report the same happening."""

REDUNDANT_SIMILARITY = 0.35
"""Cosine above which a candidate repeats an event already told within ``NEAR_DAYS`` and is skipped: low,
because neighbouring days are where news repeats itself, and a timeline that tells each thing once has
room for more things."""

REDUNDANT_FAR_SIMILARITY = 0.5
"""The same for events told on dates further apart, which share words without being one happening
("troops fell to 40,000 before the complete withdrawal in 2011" after the 2007 peak)."""

NEAR_DAYS = 7
"""Dates at most this many days apart are neighbours for ``REDUNDANT_SIMILARITY``."""

LATER_MENTION_WEIGHT = 1.0
"""Extra weight of a reference from an article written after the date: looking back marks importance."""

HISTORY_WEIGHT = 1.0
"""Extra weight of a reference from an article written over ``HISTORY_DAYS`` after the date: background
paragraphs reach years back only for what shaped the story (the invasion, the withdrawal), while months
back they also recall passing reports and estimates."""

HISTORY_DAYS = 365

PUBLISHED_WEIGHT = 1.0
"""Weight of an article published on the date (its lead reports that day's news)."""

UNDATED_LEAD_FACTOR = 0.9
"""Preference for a sentence that states its date over a lead sentence dated only by publication."""

STATE_FACTOR = 0.8
"""Preference for a happening over a state of affairs ("there were around 5,200 American forces")."""

STORY_NAME_SHARE = 0.2
"""A name is one of the story's when this share of its articles mention it. A timeline event must name
one of them: pages swept in with the story (a radio schedule, a reader's family history) tell dated
events of their own that share the story's words but none of its actors."""

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_NAME_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?")

_STATE = re.compile(r"\bthere (?:is|are|was|were|had been|have been|has been)\b", re.IGNORECASE)
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(slots=True)
class _DateScore:
    mention_articles: set[int]
    later_articles: set[int]
    published_articles: set[int]
    history_articles: set[int] = field(default_factory=set)
    mention_sentences: float = 0.0

    def value(self, weights: Sequence[float]) -> float:
        return (
            sum(weights[index] for index in self.mention_articles)
            + LATER_MENTION_WEIGHT * sum(weights[index] for index in self.later_articles)
            + HISTORY_WEIGHT * sum(weights[index] for index in self.history_articles)
            + PUBLISHED_WEIGHT * sum(weights[index] for index in self.published_articles)
            + math.log1p(self.mention_sentences)
        )


def build_timeline(
    analyses: Sequence[ArticleAnalysis],
    *,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
    date_range: tuple[dt.date, dt.date] | None = None,
    min_precision: Precision = "year",
    previous_day_leads: bool = False,
    events: Sequence[StoryEvent] = (),
) -> list[TimelineEntry]:
    """The story's timeline, sorted by date (entries of one date in rank order).

    ``max_dates`` caps the number of dates (default: grows with the number of articles, for a briefing a
    reader can scan); ``sentences_per_date`` is how many distinct events a date may tell; ``date_range``
    keeps only dates overlapping it; ``min_precision="day"`` drops month and year entries.
    ``previous_day_leads`` also offers an undated lead sentence as the telling of the day before its
    publication, the benchmark convention that wire news reports yesterday's events (off by default: the
    product never moves a sentence to a date its source does not state). ``events``, the story's events
    when known, say which articles report one happening, whose dates are compared (``date_agreement``).
    """
    return timeline_of_sentences(
        date_sentences(analyses),
        analyses,
        max_dates=max_dates,
        sentences_per_date=sentences_per_date,
        date_range=date_range,
        min_precision=min_precision,
        previous_day_leads=previous_day_leads,
        events=events,
    )


def timeline_of_sentences(
    dated_sentences: Sequence[DatedSentence],
    analyses: Sequence[ArticleAnalysis],
    *,
    max_dates: int | None = None,
    sentences_per_date: int = 1,
    date_range: tuple[dt.date, dt.date] | None = None,
    min_precision: Precision = "year",
    previous_day_leads: bool = False,
    events: Sequence[StoryEvent] = (),
) -> list[TimelineEntry]:
    """``build_timeline`` from sentences already dated by ``date_sentences(analyses)`` (any subset of
    them): a caller building several timelines of one pile, as the benchmark does per gold timeline,
    dates each sentence once."""
    if sentences_per_date < 1:
        raise ValueError(f"sentences_per_date must be at least 1, got {sentences_per_date}")
    dated = [
        sentence
        for sentence in dated_sentences
        if _PRECISION_RANK[sentence.date.precision] >= _PRECISION_RANK[min_precision]
        and (date_range is None or _overlaps_range(sentence.date, date_range))
    ]
    if not dated:
        return []
    vectors = _sentence_vectors(dated)
    topicality = _topicality(vectors) * _names_the_story(dated, analyses)
    article_weights = _article_weights(dated, topicality)
    by_date: dict[PartialDate, list[int]] = defaultdict(list)
    for index, sentence in enumerate(dated):
        if sentence.refers_only:
            continue
        by_date[sentence.date].append(index)
        for other_date in sentence.other_dates:
            by_date[other_date].append(index)
        if previous_day_leads and not sentence.mentioned and sentence.date.precision == "day":
            by_date[PartialDate(sentence.date.value - dt.timedelta(days=1), "day")].append(index)
    ranked_dates = rank_dates(dated, article_weights)
    event_of = _event_of(analyses, events) if events else None
    size = max_dates if max_dates is not None else default_timeline_size(len(analyses), len(ranked_dates))

    entries: list[TimelineEntry] = []
    told: list[tuple[int, PartialDate]] = []
    dates_used = 0
    for date in ranked_dates:
        if dates_used >= size:
            break
        if not by_date[date]:
            continue  # only referred to ("since the April 20 explosion"): salient, but no sentence tells it
        picks = _pick_events(date, by_date[date], vectors, topicality, dated, told, sentences_per_date)
        if not picks:
            continue
        dates_used += 1
        for representative, cluster in picks:
            told.append((representative, date))
            entries.append(_entry(date, representative, cluster, dated, analyses, by_date, vectors, event_of))
    entries.sort(key=lambda entry: (entry.date.value, _PRECISION_RANK[entry.date.precision]))
    return entries


def rank_dates(
    dated: Sequence[DatedSentence], article_weights: Sequence[float] | None = None
) -> list[PartialDate]:
    """Dates by salience: how many articles refer to them (counting again those that look back from
    later), how many articles report them as the news of their own day, and how many sentences mention
    them.

    A month or year that contains the mentioning article's own date ("this year", "in December" written
    in December) only locates the present and does not count as a reference. ``article_weights`` (by
    article index, default 1) discount articles that are off the story's topic.
    """
    if article_weights is None:
        article_weights = [1.0] * (max(sentence.article_index for sentence in dated) + 1 if dated else 0)
    scores: dict[PartialDate, _DateScore] = defaultdict(lambda: _DateScore(set(), set(), set()))
    for sentence in dated:
        if sentence.mentioned:
            _count_mention(scores, sentence.date, sentence, article_weights)
        else:
            scores[sentence.date].published_articles.add(sentence.article_index)
        for reference in sentence.references:
            _count_mention(scores, reference, sentence, article_weights)
    values = {date: score.value(article_weights) for date, score in scores.items()}
    return sorted(
        (date for date in values if values[date] > 0), key=lambda date: (-values[date], date.value)
    )


def _count_mention(
    scores: dict[PartialDate, _DateScore], date: PartialDate, sentence: DatedSentence, article_weights: Sequence[float]
) -> None:
    score = scores[date]
    published = sentence.published
    if published is not None and _is_coarser(published, date) and published.contains(date):
        score = scores[published]  # "in July" in an article dated only "2024": news of its own period
    elif (
        published is not None
        and date.precision != "day"
        and published != date  # "Wednesday" placed in the month an article is sure of is its news
        and date.contains(published.truncate(date.precision))
    ):
        return
    score.mention_articles.add(sentence.article_index)
    score.mention_sentences += article_weights[sentence.article_index]
    if published is not None and date == published:
        score.published_articles.add(sentence.article_index)
    if published is not None and published.value > period_end(date):
        score.later_articles.add(sentence.article_index)
        if (published.value - period_end(date)).days > HISTORY_DAYS:
            score.history_articles.add(sentence.article_index)


def default_timeline_size(article_count: int, date_count: int) -> int:
    """Dates a briefing shows when the caller does not say: a handful for a few articles, growing
    slowly with the pile so a thousand articles still give a timeline one can read in minutes."""
    wanted = round(4 + 2.5 * math.sqrt(article_count))
    return max(1, min(wanted, 40, date_count))


def _pick_events(
    date: PartialDate,
    members: Sequence[int],
    vectors: sparse.csr_matrix,
    topicality: np.ndarray,
    dated: Sequence[DatedSentence],
    told: Sequence[tuple[int, PartialDate]],
    count: int,
) -> list[tuple[int, list[int]]]:
    """Up to ``count`` representative sentences of one date with the sentences reporting the same event.

    A sentence's score is its cosine to the date's centroid, raised by how many other articles report the
    same thing; candidates repeating an event already told (on any date) are skipped. A sentence that
    reports this date after another one supports the date's event but does not tell it.
    """
    member_vectors = vectors[members]
    articles = np.array([dated[index].article_index for index in members])
    tells = np.array([date not in dated[index].other_dates for index in members])
    if not tells.any():
        return []  # only supported by sentences that tell another date first
    centroid = np.asarray(member_vectors[np.flatnonzero(tells)].mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return []
    centrality = member_vectors @ (centroid / norm)
    similarity = (member_vectors @ member_vectors.T).toarray()
    support = np.array(
        [
            len(set(articles[similarity[row] >= SAME_EVENT_SIMILARITY]) | {articles[row]})
            for row in range(len(members))
        ]
    )
    mentioned = np.array([dated[index].mentioned for index in members])
    scores = (
        centrality
        * topicality[members]
        * (1.0 + np.log(support))
        * np.where(mentioned, 1.0, UNDATED_LEAD_FACTOR)
        * np.where([_STATE.search(dated[index].text) is not None for index in members], STATE_FACTOR, 1.0)
        * tells
    )
    if told:
        limits = np.array(
            [
                REDUNDANT_SIMILARITY if days_apart(date, told_date) <= NEAR_DAYS else REDUNDANT_FAR_SIMILARITY
                for _, told_date in told
            ]
        )
        told_vectors = vectors[[index for index, _ in told]]
        repeats_told = ((member_vectors @ told_vectors.T).toarray() >= limits).any(axis=1)
    else:
        repeats_told = np.zeros(len(members), dtype=bool)
    picks: list[tuple[int, list[int]]] = []
    picked_rows: list[int] = []
    for row in np.argsort(-scores, kind="stable"):
        if len(picks) >= count or scores[row] <= 0:
            break
        if repeats_told[row]:
            continue
        if any(similarity[row, other] >= REDUNDANT_SIMILARITY for other in picked_rows):
            continue
        cluster_rows = [row] + [
            other
            for other in np.argsort(-similarity[row], kind="stable")
            if other != row and similarity[row, other] >= SAME_EVENT_SIMILARITY
        ]
        picked_rows.append(row)
        picks.append((members[row], [members[other] for other in cluster_rows]))
    return picks


def _entry(
    date: PartialDate,
    representative: int,
    cluster: Sequence[int],
    dated: Sequence[DatedSentence],
    analyses: Sequence[ArticleAnalysis],
    by_date: dict[PartialDate, list[int]],
    vectors: sparse.csr_matrix,
    event_of: dict[int, str] | None,
) -> TimelineEntry:
    """The entry telling ``cluster``'s happening on the date its sources agree on (``date_agreement``),
    with the sources that date it otherwise as its conflict."""
    agreement = agree_on_date(date, representative, dated, by_date, vectors, event_of)
    # the sentences of the entry's own date stay unless the agreed date moved away from it
    kept = cluster if compatible(agreement.date, date) else ()
    members = [
        index for index in dict.fromkeys([agreement.representative, *agreement.supporting, *kept])
        if index not in agreement.contradicting
    ]

    def evidence_of(index: int) -> Evidence:
        return Evidence.of(dated[index].sentence.span, analyses[dated[index].article_index].article.text)

    conflict = None
    if agreement.contradicting:
        sides = [*agreement.supporting, *agreement.contradicting]
        conflict = DateConflict(
            tuple(dated[index].date for index in sides), tuple(evidence_of(index) for index in sides)
        )
    support = len({dated[index].article_index for index in members})
    planned = all(dated[index].planned for index in members)
    return TimelineEntry(
        agreement.date, dated[agreement.representative].text, tuple(evidence_of(index) for index in members), support,
        planned, conflict,
    )


def _event_of(analyses: Sequence[ArticleAnalysis], events: Sequence[StoryEvent]) -> dict[int, str]:
    """Article index → the id of the event it reports."""
    event_by_article = {article_id: event.id for event in events for article_id in event.articles}
    return {
        index: event_by_article[analysis.article.id]
        for index, analysis in enumerate(analyses) if analysis.article.id in event_by_article
    }


def _sentence_vectors(dated: Sequence[DatedSentence]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per dated sentence (rows are zero for all-stopword sentences)."""
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, lowercase=True)
    try:
        return vectorizer.fit_transform([sentence.text for sentence in dated]).tocsr()
    except ValueError:  # every sentence was stopwords only: no vocabulary, no content to compare
        return sparse.csr_matrix((len(dated), 1))


def _topicality(vectors: sparse.csr_matrix) -> np.ndarray:
    """How much each sentence is about what the whole pile is about (cosine to the mean of all
    sentences), relative to the median sentence and capped at 1: pages scraped with the story (radio
    schedules, comment threads) score near 0 and fall out of the timeline."""
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(vectors.shape[0])
    similarity = vectors @ (centroid / norm)
    typical = float(np.median(similarity[similarity > 0])) if np.any(similarity > 0) else 0.0
    return np.minimum(1.0, similarity / typical) if typical > 0 else similarity


def story_name_words(analyses: Sequence[ArticleAnalysis]) -> frozenset[str]:
    """Capitalised words of the names (people, organisations, places) that at least ``STORY_NAME_SHARE``
    of the articles mention: "Jackson", "Murray", "Angeles" in the Michael Jackson trial pile. Function
    words inside names ("The", "of") do not count; acronyms do ("US", "UK")."""
    articles_naming: Counter[str] = Counter()
    for analysis in analyses:
        words = {
            word
            for mention in analysis.mentions
            if mention.label in _NAME_LABELS
            for word in _NAME_WORD.findall(mention.text)
            if _is_name_word(word)
        }
        articles_naming.update(words)
    needed = STORY_NAME_SHARE * len(analyses)
    return frozenset(word for word, count in articles_naming.items() if count >= needed)


def _is_name_word(word: str) -> bool:
    return word[0].isupper() and (word.isupper() or word.lower() not in STOP_WORDS)


def _names_the_story(dated: Sequence[DatedSentence], analyses: Sequence[ArticleAnalysis]) -> np.ndarray:
    """1 for a sentence naming one of the story's main actors or places, else 0; all 1 when the
    articles carry no named-entity mentions to judge by."""
    names = story_name_words(analyses)
    if not names:
        return np.ones(len(dated))
    return np.array([not names.isdisjoint(_NAME_WORD.findall(sentence.text)) for sentence in dated], dtype=float)


def _article_weights(dated: Sequence[DatedSentence], topicality: np.ndarray) -> list[float]:
    """Each article's mean sentence topicality: how much its dates count when ranking dates."""
    article_count = max(sentence.article_index for sentence in dated) + 1
    totals = np.bincount([s.article_index for s in dated], weights=topicality, minlength=article_count)
    counts = np.bincount([s.article_index for s in dated], minlength=article_count)
    return list(np.divide(totals, counts, out=np.zeros(article_count), where=counts > 0))


def _is_coarser(first: PartialDate, second: PartialDate) -> bool:
    return _PRECISION_RANK[first.precision] < _PRECISION_RANK[second.precision]


def _overlaps_range(date: PartialDate, date_range: tuple[dt.date, dt.date]) -> bool:
    start, end = date_range
    return date.value <= end and period_end(date) >= start
