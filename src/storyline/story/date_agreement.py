"""The date several sources agree on for one happening, and the sources that date it otherwise.

The timeline picks a happening on the date where it is most salient. Other articles may report the same
happening on a neighbouring date: a wire datelined Wednesday, a blog whose "Monday" was resolved against
a day the dater was barely sure of. Each source's reading counts by how sure its date is (a date stated in
full is certain; one resting on an inferred publication date is as sure as that date at its precision), and
the entry takes the finest date the surest sources support. Readings that contradict it are kept as a
conflict, shown beside the entry as figure disagreements are: a reader sees who says what, with the
sentences, rather than a date chosen silently.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scipy import sparse

from storyline.model import PartialDate
from storyline.story.dated_sentences import DatedSentence, period_end, speaks_of_future

SAME_HAPPENING_SIMILARITY = 0.5
"""TF-IDF cosine from which sentences on different dates are taken to report one happening: well above
the same-date threshold, since neighbouring days repeat their words for different happenings ("two killed
in Monday's strike", "three killed in Tuesday's")."""

NEIGHBOUR_DAYS = 3
"""How far apart two readings of one happening may be. Sources that disagree on one happening's date are
a day or two apart (a time zone, "Monday night" against "Tuesday", a weekday read against the wrong
week); further apart, similar sentences tell look-alike happenings (two killings in one weekend's roundup
of a city's shootings, five days apart), not a disagreement."""

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True)
class Agreement:
    """The outcome for one timeline entry: the agreed ``date``, the sentences (``dated`` indexes) that
    support it, and those that contradict it (empty when the sources agree)."""

    date: PartialDate
    representative: int
    supporting: tuple[int, ...]
    contradicting: tuple[int, ...]


def agree_on_date(
    date: PartialDate,
    representative: int,
    dated: Sequence[DatedSentence],
    by_date: Mapping[PartialDate, Sequence[int]],
    vectors: sparse.csr_matrix,
    event_of: Mapping[int, str] | None = None,
) -> Agreement:
    """The date the sources reporting ``dated[representative]``'s happening agree on.

    A reading is a sentence that tells the happening (not one that only supports it, not a plan) on a date
    within ``NEIGHBOUR_DAYS`` of ``date``. Each article counts once per date, by its surest reading there.
    Candidates are the entry's date and the days readings name; a reading that names no day (dated by its
    article's publication or a statement's day, or by a bare clock time) says when it was reported, not when
    the happening was, so it supports the dates it fits and contradicts none. A candidate scores every
    article whose reading fits it (the same date, or one inside or around it: "December 2018" does not
    contradict "19 December 2018"); the finest candidate wins, and of those the best supported, the entry's
    own date on a tie.

    ``event_of`` (article index → event id, when the story's events are known) keeps the readings to
    articles of the representative's event: look-alike happenings of other events (a second shooting in
    the same neighbourhood days later) neither vote nor contradict.
    """
    readings = _readings(date, representative, dated, by_date, vectors)
    if event_of is not None:
        event = event_of.get(dated[representative].article_index)
        readings = [index for index in readings if event_of.get(dated[index].article_index) == event]
    best_per_article: dict[tuple[int, PartialDate], int] = {}
    for index in readings:
        key = (dated[index].article_index, dated[index].date)
        kept = best_per_article.get(key)
        if kept is None or dated[index].certainty > dated[kept].certainty:
            best_per_article[key] = index
    stated = [index for index in best_per_article.values() if not dated[index].day_unstated]
    proposed = {dated[index].date for index in stated} | {date}
    finest = max(_PRECISION_RANK[proposed_date.precision] for proposed_date in proposed)
    candidates = {proposed_date for proposed_date in proposed if _PRECISION_RANK[proposed_date.precision] == finest}

    def support(candidate: PartialDate) -> float:
        surest: dict[int, float] = defaultdict(float)
        for (article, _), index in best_per_article.items():
            if fits(candidate, dated[index]):
                surest[article] = max(surest[article], dated[index].certainty)
        return sum(surest.values())

    agreed = max(sorted(candidates, key=lambda candidate: candidate.value),
                 key=lambda candidate: (support(candidate), compatible(candidate, date)))
    agreeing = {article for (article, _), index in best_per_article.items() if fits(agreed, dated[index])}
    supporting = [index for index in best_per_article.values() if fits(agreed, dated[index])]
    if not supporting:  # nothing read fits even the entry's own date: leave the entry as it was picked
        return Agreement(date, representative, (representative,), ())
    contradicting = [
        index for (article, _), index in best_per_article.items()
        if not dated[index].day_unstated and not fits(agreed, dated[index]) and article not in agreeing
    ]
    if not fits(agreed, dated[representative]):
        representative = max(supporting, key=lambda index: (dated[index].certainty, -index))
    supporting.sort(key=lambda index: (index != representative, -dated[index].certainty, index))
    contradicting.sort(key=lambda index: (dated[index].date.value, -dated[index].certainty, index))
    return Agreement(agreed, representative, tuple(supporting), tuple(contradicting))


def _readings(
    date: PartialDate,
    representative: int,
    dated: Sequence[DatedSentence],
    by_date: Mapping[PartialDate, Sequence[int]],
    vectors: sparse.csr_matrix,
) -> list[int]:
    """The sentences near ``date`` that tell the representative's happening, the representative first (not
    plans nor sentences about what will happen: those tell another happening)."""
    nearby = [
        index
        for other_date, members in by_date.items()
        if days_apart(date, other_date) <= NEIGHBOUR_DAYS
        for index in members
        if index != representative and dated[index].date == other_date and not dated[index].planned
    ]
    if not nearby:
        return [representative]
    similarity = (vectors[nearby] @ vectors[representative].T).toarray().ravel()
    return [representative] + [
        index for index, value in zip(nearby, similarity)
        if value >= SAME_HAPPENING_SIMILARITY and not speaks_of_future(dated[index].text)
    ]


def fits(date: PartialDate, sentence: DatedSentence) -> bool:
    """True when ``sentence`` does not contradict ``date`` for its happening. A sentence that names no day
    of its own (a lead dated by publication, a bare "6:30 p.m.") fits its day and the day before: news is
    often reported the morning after it happened."""
    if compatible(date, sentence.date):
        return True
    return (
        sentence.day_unstated and date.precision == "day" and sentence.date.precision == "day"
        and date.value == sentence.date.value - dt.timedelta(days=1)
    )


def compatible(first: PartialDate, second: PartialDate) -> bool:
    """True when one date lies inside the other's period (2018-12 and 2018-12-19), or they are equal."""
    return first.contains(second) or second.contains(first)


def days_apart(first: PartialDate, second: PartialDate) -> int:
    """Days between two periods, 0 when they overlap (2011 and 2011-12-18 are 0 days apart)."""
    gap = max((second.value - period_end(first)).days, (first.value - period_end(second)).days)
    return max(0, gap)
