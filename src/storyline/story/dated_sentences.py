"""Which sentences report a happening, and on which date.

A timeline is built from *dated sentences*: a sentence takes the most specific calendar date among those
of its time expressions that date its event (not names, comparisons or span starts; see
``analyze.time.event_time``): "on Dec. 19, 2018" beats "in 2018"; "in 2007 … in 2011" dates it 2007 and
lets it support 2011. A sentence with none takes its article's publication date (at the precision that
date is sure of, when it was inferred) only when it sits in the article's lead and reads as reported news,
because that is the one place where news writing leaves the date implicit ("The White House said the
United States has begun withdrawing troops"); further down, a sentence reporting a statement takes the
date of the saying. Everything else stays undated rather than guessed.

Sentences that cannot stand alone in a timeline are dropped here, once, for every later step: headlines
and photo captions, questions, fragments, and sentences whose subject is a pronoun pointing into context
the reader will not see ("He said…").

An article's opening sentence states its main news, even when the news is a plan ("The coalition is set
to wind down its mission in Iraq"): the announcement happened on the publication date, so the opening
sentence takes that date while later lead sentences about what will happen stay undated.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.analyze.time import anchor_date, dates_the_event
from storyline.model import Article, ArticleAnalysis, PartialDate, Sentence, Span, TimeExpression

LEAD_SENTENCES = 5
"""How many self-contained sentences at the top of an article report the news of its publication date."""

MIN_WORDS = 6
MAX_WORDS = 70

_DATED_TYPES = frozenset({"DATE", "TIME"})
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_NUMBER_WORD = re.compile(r"(?<![A-Za-z0-9'’\-])[0-9][A-Za-z0-9'’\-]*")
_CONTEXT_OPENERS = re.compile(
    r"^\W*(he|she|they|it|his|her|their|its|this|these|those|that|him|them|we|i|but|and|or|so|also|"
    r"however|meanwhile|instead|still|yet|then)\b",
    re.IGNORECASE,
)
_CAPTION_CUES = (
    "is seen", "are seen", "was seen", "were seen", "is pictured", "are pictured", "is shown", "are shown",
    "pictured", "photo", "photograph", "getty images", "getty", "min read", "click here", "subscribe",
)
"""Photo captions and page furniture around the article body."""
_FUTURE_CUES = (
    "will", "shall", "would", "'ll", "is to", "are to", "set to", "expected to", "plan to", "plans to",
    "is planning", "are planning", "scheduled", "intend to", "intends to", "is due to", "are due to", "likely to",
)
_PAGE_FURNITURE_CUES = (
    "report abuse", "last updated", "all rights reserved", "share this", "read more", "comments",
)
_PAGE_FURNITURE_MARKS = ("|", "\\/")
"""Comment threads, bylines, schedules and navigation scraped with the article: "| Report abuse |"."""
_TRAILING_CLOSERS = "\"'”’)] \t\n"
_TITLE_ABBREVIATIONS = frozenset(
    "gen. brig. col. lt. maj. capt. sgt. adm. cmdr. gov. sen. rep. rev. mr. mrs. ms. dr. prof. st. no.".split()
)
"""A sentence "ending" on one of these was cut in two by the splitter ("… Marine Corps Brig.")."""
_PREAMBLE = re.compile(
    r"(?:[\\*•·]+\s*)?"
    r"(?:(?:\(|-LRB-)\s*update\b[^()]{0,80}?(?:\)|-RRB-)\s*(?:--|-|—|–|:)?\s*"
    r"|[^()]{0,120}?(?:\(|-LRB-)\s*(?:CNN|Reuters|AP|AFP|BBC)[^()]{0,20}?(?:\)|-RRB-)\s*"
    r"(?:--|-|—|–|:)\s*)?",
    re.IGNORECASE,
)
"""Datelines, live-blog update stamps and list bullets that open a sentence but tell nothing."""
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:already|now|just|also|since)\s+)?(?:been\s+)?[a-z]+(?:ed|en|un|wn|ne|ght|id|t)\b"
)
_OPENING_QUOTES = frozenset({'"', "“", "`", "'", "‘"})
_PUNCTUATION = re.compile(r"[.,;:!?()\[\]\"“”]")
"""Marks that would hide a phrase's last word ("All rights reserved.") from whole-word search."""
_CLITIC = re.compile(r"('ll|’ll|n't|'s|’s)\b")


class _Phrases:
    """A fixed list of lower-case phrases found as whole words: single words by set lookup, longer
    phrases by substring search on the space-joined words. Much faster than a case-insensitive regex
    alternation over 50,000 sentences."""

    def __init__(self, phrases: Sequence[str]) -> None:
        self._words = frozenset(phrase for phrase in phrases if " " not in phrase)
        self._padded = tuple(f" {phrase} " for phrase in phrases if " " in phrase)

    def found_in(self, padded_words: str) -> bool:
        if any(phrase in padded_words for phrase in self._padded):
            return True
        return not self._words.isdisjoint(padded_words.split())


_CAPTION = _Phrases(_CAPTION_CUES)
_FUTURE = _Phrases(_FUTURE_CUES)
_PAGE_FURNITURE = _Phrases(_PAGE_FURNITURE_CUES)


def _lower_words(text: str) -> str:
    """Lower-case words between single spaces, padded, with clitics split off the way news tokenizers
    do ("we'll" → "we 'll"), for whole-word phrase search."""
    lower = _PUNCTUATION.sub(" ", text.lower())
    if "'" in lower or "’" in lower:
        lower = _CLITIC.sub(r" \1", lower)
    return " " + " ".join(lower.split()) + " "


def speaks_of_future(text: str) -> bool:
    """True when the sentence says something will, or is expected to, happen."""
    return _FUTURE.found_in(_lower_words(text))


@dataclass(frozen=True, slots=True)
class DatedSentence:
    """One self-contained sentence with the date it reports.

    ``mentioned`` is True when the date comes from the sentence's own time expression, False when it is
    the publication date of a lead sentence or the date of a statement it reports; ``planned`` marks a
    sentence about something still to come when its article was written. ``references`` are dates it
    refers to without reporting its event on them (a name, a comparison, a span's start): they tell how much
    a date matters to the story, never when the sentence's event happened. A ``refers_only`` sentence has
    nothing but such dates (its ``date`` is the first of them): it counts for its dates' salience and tells
    no event. ``other_dates`` are further dates of the same precision the sentence
    reports ("170,000 troops in 2007, down to 40,000 by the complete withdrawal in 2011"): the sentence
    supports those dates' entries without deciding whether they make the timeline. ``certainty`` is how
    sure the date is: 1 for a date the sentence states in full, else the confidence of its article's date
    at the date's precision (a "Wednesday" resolved against an inferred day is no surer than that day).
    """

    article_index: int
    sentence: Sentence
    text: str
    date: PartialDate
    mentioned: bool
    planned: bool
    published: PartialDate | None
    other_dates: tuple[PartialDate, ...] = ()
    references: tuple[PartialDate, ...] = ()
    refers_only: bool = False
    certainty: float = 1.0
    day_unstated: bool = False
    """True when the sentence names no day of its own: a lead or a saying dated by its article's
    publication, or a clock time ("just after 6:30 p.m.") placed on the article's day."""


def date_sentences(analyses: Sequence[ArticleAnalysis]) -> list[DatedSentence]:
    """Every usable, dated sentence of every article, in article then sentence order."""
    dated: list[DatedSentence] = []
    for article_index, analysis in enumerate(analyses):
        dated.extend(_date_article_sentences(article_index, analysis))
    return dated


def _date_article_sentences(article_index: int, analysis: ArticleAnalysis) -> list[DatedSentence]:
    article = analysis.article
    published = anchor_date(article)  # news of the day is dated no finer than the article's date is sure
    timexes_by_sentence = _timexes_by_sentence(analysis.sentences, analysis.timexes)
    sayings = _saying_dates(analysis)
    seen_texts: set[str] = set()
    repeated = _repeated_texts(analysis)
    lead_left = LEAD_SENTENCES
    dated: list[DatedSentence] = []
    for position, sentence in enumerate(analysis.sentences):
        sentence = _without_preamble(sentence, article.text)
        text = article.text[sentence.span.start : sentence.span.end]
        if article.title_span is not None and _overlaps(sentence, article.title_span):
            continue
        if (
            text in seen_texts
            or text in repeated
            or not is_self_contained(text)
            or _is_caption_paragraph(article.text, sentence.span)
        ):
            seen_texts.add(text)
            continue
        seen_texts.add(text)
        timexes = timexes_by_sentence[position]
        dating = [dates_the_event(article.text, timex) for timex in timexes]
        dating_timexes = [timex for timex, dates_it in zip(timexes, dating) if dates_it]
        dates = finest_dates(dating_timexes)
        references = tuple(finest_dates([timex for timex, dates_it in zip(timexes, dating) if not dates_it]))
        if dates and lead_left > 0 and all(_reports_news_of_the_day(text, date, published) for date in dates):
            dates = []
        mentioned = bool(dates)
        if not dates and lead_left <= 0 and sayings.get(position) is not None:
            dates = [sayings[position]]  # "Tarhouni said the refineries had been damaged": the saying is the news
        elif not dates:
            opening = lead_left == LEAD_SENTENCES
            if lead_left <= 0 or published is None or (speaks_of_future(text) and not opening):
                lead_left -= 1
                if references:
                    first, *others = references
                    dated.append(DatedSentence(
                        article_index, sentence, text, first, True, False, published, references=tuple(others),
                        refers_only=True,
                    ))
                continue
            dates = [published]
        lead_left -= 1
        date, *other_dates = dates
        planned = is_planned(date, published)
        dating_it = [timex for timex in dating_timexes if timex.date == date]
        stated = mentioned and not any(timex.anchored for timex in dating_it)
        clock_only = mentioned and all(timex.type == "TIME" and timex.anchored for timex in dating_it)
        dated.append(
            DatedSentence(
                article_index, sentence, text, date, mentioned, planned, published, tuple(other_dates), references,
                certainty=1.0 if stated else article_date_certainty(article, date),
                day_unstated=not mentioned or clock_only,
            )
        )
    return dated


def article_date_certainty(article: Article, date: PartialDate) -> float:
    """How sure a date resting on the article's own date is: certain for a stated date, else the inferred
    date's confidence at the precision ``date`` has."""
    if article.published is None:
        return 0.0
    if article.published_from != "text":
        return 1.0
    if article.published_confidences is not None:
        return article.published_confidences.at(date.precision)
    return article.published_confidence


def _reports_news_of_the_day(text: str, date: PartialDate, published: PartialDate | None) -> bool:
    """A lead sentence in the present perfect whose only dates are coarser than its article's and
    before it tells today's news against a background ("forces have begun to withdraw following the
    victory declared last year"): its event is on the publication date, not in the background year."""
    if published is None or published.precision != "day" or date.precision == "day":
        return False
    return period_end(date) < published.value and _PRESENT_PERFECT.search(text) is not None


def finest_dates(timexes: Sequence[TimeExpression]) -> list[PartialDate]:
    """The distinct calendar dates of a sentence's finest precision, in written order.

    "On Dec. 19, 2018" beats "in 2018" in the same sentence (the year is its frame, not another event);
    dates of equal precision are each reported ("170,000 troops in 2007, down to 40,000 by the complete
    withdrawal in 2011"), so the sentence supports both on the timeline. Durations and recurring sets
    ("for 60 days", "every Monday") name no date and are ignored.
    """
    dated = [timex.date for timex in timexes if timex.type in _DATED_TYPES and timex.date is not None]
    if not dated:
        return []
    finest = max(_PRECISION_RANK[date.precision] for date in dated)
    return list(dict.fromkeys(date for date in dated if _PRECISION_RANK[date.precision] == finest))


def is_self_contained(text: str) -> bool:
    """True when a reader can understand the sentence alone on a timeline.

    >>> is_self_contained("He said the talks had failed.")
    False
    >>> is_self_contained("BP pumps cement to seal the damaged well after it was intercepted.")
    True
    >>> is_self_contained("Copyright 2016 by KSAT - All rights reserved.")
    False
    """
    if not text.rstrip(_TRAILING_CLOSERS).endswith((".", "!")) or text.lstrip()[:1] in _OPENING_QUOTES:
        return False
    if _CONTEXT_OPENERS.match(text) or any(mark in text for mark in _PAGE_FURNITURE_MARKS):
        return False
    if text.split()[-1].lower() in _TITLE_ABBREVIATIONS:
        return False
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if len(_NUMBER_WORD.findall(text)) > 0.25 * len(words):
        return False
    lower = _lower_words(text)
    return not (_CAPTION.found_in(lower) or _PAGE_FURNITURE.found_in(lower))


def is_planned(date: PartialDate, published: PartialDate | None) -> bool:
    """True for an event still to come when the article was written: its whole date lies after the
    publication ("will start next September" in a September 2024 article is 2025-09).

    A future verb alone is not enough: "officials said Friday the mission would change" is dated by
    the saying, which happened.
    """
    return published is not None and date.value > period_end(published)


def period_end(date: PartialDate) -> dt.date:
    """The last day of the period a partial date names (2018-02 ends on 2018-02-28)."""
    if date.precision == "day":
        return date.value
    if date.precision == "month":
        next_month = (date.value.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return next_month - dt.timedelta(days=1)
    return dt.date(date.value.year, 12, 31)


def _saying_dates(analysis: ArticleAnalysis) -> dict[int, PartialDate]:
    """By sentence position, the date of a statement reported in it ("…, the ministry said"): the day of
    the saying, which the attribution stage takes from the sentence or, failing that, from the article."""
    starts = [sentence.span.start for sentence in analysis.sentences]
    found: dict[int, PartialDate] = {}
    for attribution in analysis.attributions:
        if attribution.cue is None or attribution.date is None:
            continue
        position = bisect.bisect_right(starts, attribution.cue.start) - 1
        if position >= 0 and attribution.cue.end <= analysis.sentences[position].span.end:
            found.setdefault(position, attribution.date)
    return found


def _timexes_by_sentence(
    sentences: Sequence[Sentence], timexes: Sequence[TimeExpression]
) -> list[list[TimeExpression]]:
    """Each sentence's time expressions, by span containment (timexes and sentences are both sorted)."""
    grouped: list[list[TimeExpression]] = [[] for _ in sentences]
    starts = [sentence.span.start for sentence in sentences]
    for timex in sorted(timexes, key=lambda t: t.span.start):
        position = bisect.bisect_right(starts, timex.span.start) - 1
        if position >= 0 and timex.span.end <= sentences[position].span.end:
            grouped[position].append(timex)
    return grouped


def _without_preamble(sentence: Sentence, text: str) -> Sentence:
    """The sentence without a leading dateline, live-blog stamp or bullet ("CAIRO (Reuters) - ",
    "(Update 1:12 a.m. Tuesday) ", "* "): still the article's exact characters, only fewer of them."""
    start, end = sentence.span.start, sentence.span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    match = _PREAMBLE.match(text, start, end)
    if match and match.end() < end:
        start = match.end()
    if (start, end) == (sentence.span.start, sentence.span.end):
        return sentence
    return Sentence(Span(sentence.span.article_id, start, end), sentence.index)


def _is_caption_paragraph(text: str, span: Span) -> bool:
    """A one-sentence paragraph right above a headline is a photo caption ("Fighters attend the funeral
    … on Dec. 3, 2018." over "US-Backed Forces Make 'Significant' Incursion"): web pages put the picture,
    then its caption, then the next story's title."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    if line_end < 0 or text[line_start : span.start].strip() or text[span.end : line_end].strip():
        return False
    while line_end >= 0:
        start = line_end + 1
        line_end = text.find("\n", start)
        next_line = text[start : line_end if line_end >= 0 else len(text)].strip()
        if next_line:
            return not next_line.rstrip(_TRAILING_CLOSERS).endswith((".", "!", "?", ":"))
    return False


def _repeated_texts(analysis: ArticleAnalysis) -> set[str]:
    """Sentences an article prints twice: photo captions and pull quotes, not reporting."""
    counts: dict[str, int] = {}
    text = analysis.article.text
    for sentence in analysis.sentences:
        key = text[sentence.span.start : sentence.span.end].strip()
        counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count > 1}


def _overlaps(sentence: Sentence, span: Span) -> bool:
    return sentence.span.start < span.end and span.start < sentence.span.end
