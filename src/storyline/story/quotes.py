"""The story's "who said what": every attribution as a quote a reader can check against its article.

A syndicated story repeats the same quotation word for word in several outlets; listing it once per copy
would drown the rest, so a repeat is kept once, with the evidence of every copy that carries it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from storyline.analyze.attribution import DOCUMENTS, SPEECH_VERBS
from storyline.model import ArticleAnalysis, Attribution, Evidence, Quote

STATEMENT_CUES = SPEECH_VERBS | {"accord"}
"""Cues of saying or writing ("accord" is "according to"); stances and beliefs ("backed", "fears") are
attributions too, but not quotes a reader expects under "who said what"."""
UNRESOLVED_PRONOUNS = frozenset(
    {"it", "they", "he", "she", "we", "i", "you", "this", "that", "me", "us", "him", "her", "them", "their",
     "his", "its", "our", "my", "your", "theirs", "one", "those", "these", "who", "which", "someone", "anyone",
     "everyone", "somebody", "nobody"}
)
# A share of people polled ("Fifty-one percent", "60%", "half of voters", "a majority") is a finding
# about them, not someone who said it.
_SHARE_OF_PEOPLE = re.compile(
    r"^(?:[\w-]+\s+)?(?:percent|per cent|%)\b|^\d[\d.,]*\s*(?:%|percent|per cent)|"
    r"^(?:the|a)\s+(?:percentage|proportion|share|fraction)\s+of\b|"
    r"^(?:about |nearly |almost |more than |over )?(?:half|a third|two-thirds|a quarter|a majority|the majority|"
    r"a minority|most|many|some)(?: of\b.*)?$",
    re.IGNORECASE,
)
# A document named by its kind alone ("The warning", "our message") stands for someone the article does
# not name; "A Pentagon report" names its organisation and stays.
_BARE_DOCUMENT = re.compile(r"^(?:the|a|an|this|that|our|my|your|their|his|her|its)\s+(\w+)$", re.IGNORECASE)
MIN_QUOTE_WORDS = 3
"""Fewer quoted words are a term or a manner ("testified "side-by-side""), not what someone said."""
_NEGATION = re.compile(r"\b(?:not|never|no)\b|n't\b", re.IGNORECASE)

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_BLANKS = re.compile(r"\s+")


def repeat_key(speaker: str | None, text: str) -> tuple[str, str]:
    """What makes two quotes the same: the speaker and the words, ignoring blanks and the style of marks."""
    words = _BLANKS.sub(" ", text.translate(_QUOTE_MARKS)).strip().casefold()
    return (speaker or "").casefold(), words


def collect_quotes(
    analyses: Sequence[ArticleAnalysis], canonical: Callable[[str], str] | None = None
) -> list[Quote]:
    """Quotes of all articles that name who said them, ordered by date (undated last), then article order,
    then position.

    ``canonical`` maps a speaker to the story-wide name of the entity ("Trump" -> "Donald Trump") so one
    person's quotes group together across articles.
    """
    ordered: list[tuple[tuple, Quote]] = []
    kept: dict[tuple[str, str], int] = {}
    for article_order, analysis in enumerate(analyses):
        article = analysis.article
        for attribution in analysis.attributions:
            speaker = attribution.speaker
            cue = article.text[attribution.cue.start : attribution.cue.end] if attribution.cue else None
            content = Evidence.of(attribution.content, article.text)
            if not is_statement(attribution, cue, content.quote):
                continue
            if speaker and canonical is not None:
                speaker = canonical(speaker)
            key = repeat_key(speaker, content.quote)
            if key in kept:
                position, quote = ordered[kept[key]]
                ordered[kept[key]] = (position, _with_evidence(quote, content))
                continue
            evidence = (content,)
            if attribution.source is not None:
                evidence += (Evidence.of(attribution.source, article.text),)
            quote = Quote(speaker, content.quote, attribution.direct, evidence, attribution.date, cue)
            date = attribution.date
            position = (
                date is None,
                date.value if date else dt.date.min,
                article_order,
                attribution.content.start,
            )
            kept[key] = len(ordered)
            ordered.append((position, quote))
    ordered.sort(key=lambda item: item[0])
    return [quote for _, quote in ordered]


def is_statement(attribution: Attribution, cue: str | None = None, content: str | None = None) -> bool:
    """Words someone said or wrote, by a person or organisation the article names (``is_speaker``): a
    quotation of at least ``MIN_QUOTE_WORDS`` words (``content``) or a speech cue ("described as "limited""
    has no one saying it). Reported speech under a negated cue ("did not respond to a request for
    comment", "could not confirm") is something the speaker did not say."""
    if not is_speaker(attribution.speaker):
        return False
    if attribution.direct:
        return content is None or len(content.split()) >= MIN_QUOTE_WORDS
    return attribution.cue_lemma in STATEMENT_CUES and not (cue and _NEGATION.search(cue))


def is_speaker(speaker: str | None) -> bool:
    """Whether ``speaker`` names a person or an organisation: not a bare pronoun ("their"), a share of
    people polled ("Fifty-one percent") or a document named by its kind alone ("The warning").

    >>> is_speaker("Thabit al-Abbasi"), is_speaker("Fifty-one percent"), is_speaker("their")
    (True, False, False)
    """
    speaker = " ".join((speaker or "").split())
    if not speaker or speaker.casefold() in UNRESOLVED_PRONOUNS or _SHARE_OF_PEOPLE.match(speaker):
        return False
    bare = _BARE_DOCUMENT.match(speaker)  # "The warning", never "The Post" (a newspaper's name)
    return not (bare and bare.group(1).islower() and bare.group(1) in DOCUMENTS)


def _with_evidence(quote: Quote, evidence: Evidence) -> Quote:
    return Quote(quote.speaker, quote.text, quote.direct, quote.evidence + (evidence,), quote.date, quote.cue)
