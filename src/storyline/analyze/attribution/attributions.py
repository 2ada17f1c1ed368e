"""Who said what: direct quotations and reported speech, with the speaker named as fully as the article
names them and the date the words were said.

Two finders feed one list. The parse finds cue verbs and "according to" with their source and content
(``cues``); quotation marks find the quotes the parse misses — inverted ('"…," said Abbasi'),
introduced by a colon, or continued in the next sentence or paragraph without a new cue. A quotation is
never attributed without a cue next to it or a quote of the same speaker just before it, so scare quotes
("described as "limited"") stay out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from storyline.analyze.attribution.agents import can_speak
from storyline.analyze.attribution.cues import (
    QUOTE_FRAME_VERBS,
    SPEECH_VERBS,
    Candidate,
    cue_extent,
    cue_lemma,
    find_cue_attributions,
    subject_of,
    subtree_extent,
    trim_span,
)
from storyline.analyze.attribution.lines import find_colon_attributions, find_transcript_turns
from storyline.analyze.nlp import doc_text, entities, entities_within
from storyline.analyze.time import anchor_date
from storyline.analyze.attribution.quote_marks import QuotedPassage, find_quoted_passages
from storyline.analyze.attribution.speakers import SpeakerResolver
from storyline.model import Article, Attribution, PartialDate, Span, TimeExpression

# A quotation this short without a cue is a scare quote or a title, not something someone said.
MIN_CONTINUED_QUOTE_WORDS = 4
# A title or an initial ("Mr. Indyk said", "Sen. Cruz", "U.S. officials"), whose period ends no sentence.
ABBREVIATION = re.compile(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])+)\.")
# What may stand between a cue and the quote that continues it: the rest of the cue's paragraph, when the
# quotation goes on right after it or opens the next paragraph.
REST_OF_SENTENCE = re.compile(r"[^\n]{0,250}[.!?][\"”')\]]*\s*")
# A credit after a quotation: the dash on the quote's line or opening the next one, then the name.
CREDIT_LINE = re.compile(r"[ \t]*\n?[ \t]*\n?[ \t]*([-–—―]{1,2})[ \t]*([A-Z][^\n]*?)[ \t.]*(?=\n|$)")
MAX_CREDIT_WORDS = 12


def find_attributions(article: Article, doc: Doc, timexes: Sequence[TimeExpression]) -> list[Attribution]:
    """All attributions in the article, in text order of their content.

    ``doc`` must be the parse of ``article.text`` (same characters), so every span indexes the article.
    """
    turns = find_transcript_turns(doc)
    # A transcript printed as one long quotation opens each turn with a mark: its labels, not the marks,
    # say who speaks.
    passages = [
        passage for passage in find_quoted_passages(article.text)
        if not any(passage.start <= turn.cue[0] < passage.end for turn in turns)
    ]
    turn_cues = {turn.cue for turn in turns}
    reported = [
        c for c in find_cue_attributions(doc) + find_colon_attributions(doc)
        if not _quoted_cue(c, passages) and c.cue not in turn_cues
    ]
    candidates = _outermost(_absorb_quotes(reported, passages) + turns)
    candidates += _quote_attributions(doc, passages, candidates)
    candidates.sort(key=lambda candidate: candidate.content)
    resolver = SpeakerResolver(doc, candidates)
    return [
        Attribution(
            content=Span(article.id, *candidate.content),
            direct=candidate.direct,
            speaker=resolver.speaker(candidate),
            source=Span(article.id, *candidate.source) if candidate.source else None,
            cue=Span(article.id, *candidate.cue) if candidate.cue else None,
            date=_date_of(candidate, doc, timexes, anchor_date(article)),
            cue_lemma=cue_lemma(doc[candidate.cue_token]) if candidate.cue_token is not None else None,
        )
        for candidate in candidates
    ]


def _quoted_cue(candidate: Candidate, passages: Sequence[QuotedPassage]) -> bool:
    """A cue inside someone's quoted words ("I think ...") reports within the quote; it is part of the
    quotation's content, not an attribution of its own."""
    return candidate.cue is not None and any(_inside(candidate.cue[0], passage) for passage in passages)


def _outermost(candidates: list[Candidate]) -> list[Candidate]:
    """Drop attributions reported inside another one's content ("X said Y wants Z" keeps X's): the outer
    one already carries those words, and listing both would double them."""
    def nested(candidate: Candidate) -> bool:
        return candidate.cue is not None and any(
            other is not candidate and other.content[0] <= candidate.cue[0] < other.content[1]
            for other in candidates
        )

    return [candidate for candidate in candidates if not nested(candidate)]


def _covering_passages(span: tuple[int, int], passages: Sequence[QuotedPassage]) -> list[QuotedPassage]:
    return [passage for passage in passages if passage.start < span[1] and span[0] < passage.end]


def _inside(position: int, passage: QuotedPassage) -> bool:
    return passage.start <= position < passage.end


def _absorb_quotes(candidates: list[Candidate], passages: Sequence[QuotedPassage]) -> list[Candidate]:
    """Widen each content to whole quotations it cuts into, keeping the marks as PolNeAR and readers do.
    A content that is exactly one quotation is direct. One that is "that" and a quotation ('said that "the
    campaign is not over."') stays reported speech: the writer's "that" is part of it, as PolNeAR marks it,
    and shown as a quotation it would read as words the speaker never said."""
    absorbed = []
    for candidate in candidates:
        start, end = candidate.content
        cue_start = candidate.cue[0] if candidate.cue else -1
        for passage in _covering_passages(candidate.content, passages):
            if _inside(cue_start, passage):
                continue  # a cue quoted inside someone's words ("I think ...") reports within the quote
            start, end = min(start, passage.start), max(end, passage.end)
        direct = any(passage.start == start and passage.end == end for passage in passages)
        absorbed.append(Candidate((start, end), candidate.cue, candidate.source, candidate.cue_token, direct))
    return absorbed


def _quote_attributions(doc: Doc, passages: Sequence[QuotedPassage], found: list[Candidate]) -> list[Candidate]:
    """Quotations no parse-based content covers: attribute them to a speech verb framing them in the same
    sentence, to a "said:" just before them, or to the speaker of the quote right before."""
    text = doc_text(doc)
    used_cues = {candidate.cue_token for candidate in found if candidate.cue_token is not None}
    attributed: list[Candidate] = []
    previous_direct: Candidate | None = None
    for passage in passages:
        covered = any(c.content[0] <= passage.start and passage.end <= c.content[1] for c in found)
        if covered:
            previous_direct = next(c for c in found if c.content[0] <= passage.start <= c.content[1])
            continue
        verb = _framing_verb(doc, passage, passages, used_cues)
        credit = _credit_line(doc, passage)
        candidate: Candidate | None = None
        if credit is not None:
            candidate = Candidate((passage.start, passage.end), credit[0], credit[1], None, True)
        elif verb is not None:
            used_cues.add(verb.i)
            subject = subject_of(verb)
            source = trim_span(text, *subtree_extent(subject)) if subject is not None else None
            candidate = Candidate((passage.start, passage.end), cue_extent(verb), source, verb.i, True)
        elif previous_direct is not None and (
            _splits(text, previous_direct, passage) or _continues(previous_direct, passage, text)
        ):
            candidate = Candidate((passage.start, passage.end), previous_direct.cue, previous_direct.source,
                                  previous_direct.cue_token, True)
        elif (reported := _last_speech_before(doc, found, passage)) is not None and _continues(
                reported, passage, text):
            # 'Kerry said that 100,000 would be accepted. "That adds up to 185,000 over two years."'
            candidate = Candidate((passage.start, passage.end), reported.cue, reported.source,
                                  reported.cue_token, True)
        if candidate is not None:
            attributed.append(candidate)
            previous_direct = candidate
    return attributed


def _credit_line(doc: Doc, passage: QuotedPassage) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (cue, source) of a credit after a quotation that fills its own line: '"...the top 1 percent."'
    then a line '- Bernie Sanders.', or '...this low?” ― Jacklyn Ashley' at the end of the line. The dash
    is the cue; the credit must name a person, so a wire credit ("- Reuters.") or a subhead stays out."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, passage.start) + 1
    if text[line_start : passage.start].strip():
        return None
    match = CREDIT_LINE.match(text, passage.end)
    if match is None or len(match.group(2).split()) > MAX_CREDIT_WORDS:
        return None
    credit = doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
    if credit is None:
        return None
    people = [entity for entity in entities_within(credit) if entity.label_ == "PERSON"]
    if people and people[0].start - credit.start <= 1:  # the name opens the credit ("President Obama, ...")
        return match.span(1), (people[0].start_char, people[0].end_char)
    surnames = {entity[-1].lower_ for entity in entities(doc) if entity.label_ == "PERSON"}
    first = credit[0]
    if first.pos_ == "PROPN" and first.lower_ in surnames:  # "- Sanders." once the article named him
        return match.span(1), (first.idx, first.idx + len(first.text))
    return None  # a wire credit ("- Reuters.") or a subhead is no one's quote


def _last_speech_before(doc: Doc, found: list[Candidate], passage: QuotedPassage) -> Candidate | None:
    """The reported speech ("said that ...") ending last before the quotation, if its cue is a speech verb."""
    before = [c for c in found if c.content[1] <= passage.start and c.cue_token is not None]
    if not before:
        return None
    last = max(before, key=lambda candidate: candidate.content[1])
    return last if cue_lemma(doc[last.cue_token]) in SPEECH_VERBS else None


def _framing_verb(doc: Doc, passage: QuotedPassage, passages: Sequence[QuotedPassage],
                  used_cues: set[int]) -> Token | None:
    """The speech verb outside any quotation in the quote's own sentence(s), or a colon-ended "said:"
    sentence right before it; the closest to the quote wins."""
    text = doc_text(doc)
    first = doc.char_span(passage.start, passage.end, alignment_mode="expand")
    if first is None or len(first) == 0:
        return None
    sentences = {first[0].sent.start: first[0].sent, first[-1].sent.start: first[-1].sent}
    frame: list[Token] = []
    for sentence in sentences.values():
        for token in sentence:
            if not any(_inside(token.idx, other) for other in passages):
                frame.append(token)
    before = text[: passage.start].rstrip()
    if before.endswith(":") and first[0].i > 0:
        colon_sentence = doc[first[0].i - 1].sent
        frame.extend(token for token in colon_sentence if not any(_inside(token.idx, p) for p in passages))
    if first[-1].i + 1 < len(doc) and text[passage.start : passage.end].rstrip("\"”»' ").endswith(("!", "?")):
        # '"... we need it NOW!" Trump said on Twitter.': the parser ends the sentence with the quote
        following = doc[first[-1].i + 1]
        if following.sent.start == following.i and "\n" not in text[passage.end : following.idx]:
            frame.extend(token for token in following.sent if token.pos_ in ("VERB", "AUX") and not any(
                child.dep_ in ("ccomp", "dobj", "xcomp") for child in token.children))
    verbs = [
        token for token in frame
        if token.pos_ in ("VERB", "AUX") and cue_lemma(token) in QUOTE_FRAME_VERBS and token.i not in used_cues
        and _may_speak(token)
    ]
    if not verbs:
        return None
    # A quote closing on a comma ('"...," he said') hands over to the words after it; one opened after a
    # colon or comma ('He said: "..."') takes the words before it.
    if text[passage.start : passage.end].rstrip("\"”»' ").endswith(","):
        after = [token for token in verbs if token.idx >= passage.end]
        verbs = after or verbs
    elif before.endswith((":", ",")):
        earlier = [token for token in verbs if token.idx < passage.start]
        verbs = earlier or verbs
    return min(verbs, key=lambda token: min(abs(token.idx - passage.start), abs(token.idx - passage.end)))


def _may_speak(verb: Token) -> bool:
    """ '"...," Caddell continued' frames a quotation; 'the unrest continues' does not, whatever quotation
    stands next to it: its subject is no one who could say it. (Speech verbs are trusted: their subjects
    fail the test mostly where the parse is wrong.)"""
    if cue_lemma(verb) in SPEECH_VERBS:
        return True
    subject = subject_of(verb)
    return subject is None or can_speak(subject)


def _splits(text: str, previous: Candidate, passage: QuotedPassage) -> bool:
    """True for the second half of a quotation split by its cue within one sentence:
    '"What I believe," he told reporters, "is that ..."'."""
    if previous.cue is None or not previous.content[1] <= previous.cue[0] < passage.start:
        return False
    gap = text[previous.content[1] : passage.start]
    spoken = ABBREVIATION.sub("", gap)
    return len(gap) < 200 and gap.rstrip().endswith((",", ":")) and not any(mark in spoken for mark in ".!?\n")


def _continues(previous: Candidate, passage: QuotedPassage, text: str) -> bool:
    """True when the quotation is the next sentence after the previous quote's cue sentence, in the same
    paragraph or opening the next, as in '"...," McGurk said on December 11. "A couple of thousand fighters
    remain."'; a quote with a speech verb of its own never gets here."""
    if len(text[passage.start : passage.end].split()) < MIN_CONTINUED_QUOTE_WORDS:
        return False
    anchor = max(previous.content[1], previous.cue[1] if previous.cue else 0)
    if anchor > passage.start:
        return False
    following = text[passage.end : passage.end + 40].lstrip(" \t")
    if following and (following[0].islower() or following[0] in ",;:"):
        return False  # the quotation is part of a longer sentence of the writer's
    return REST_OF_SENTENCE.fullmatch(text[anchor : passage.start]) is not None


def _date_of(candidate: Candidate, doc: Doc, timexes: Sequence[TimeExpression],
             published: PartialDate | None) -> PartialDate | None:
    """The date of the cue's own sentence ("said Friday"), never one from inside the content."""
    if candidate.cue is None:
        return published
    cue_tokens = doc.char_span(*candidate.cue, alignment_mode="expand")
    if cue_tokens is None or len(cue_tokens) == 0:
        return published
    sentence = cue_tokens[0].sent
    content_start, content_end = candidate.content
    dated = [
        timex for timex in timexes
        if timex.date is not None
        and sentence.start_char <= timex.span.start and timex.span.end <= sentence.end_char
        and not (content_start < timex.span.end and timex.span.start < content_end)
    ]
    if not dated:
        return published
    cue_middle = (candidate.cue[0] + candidate.cue[1]) / 2
    return min(dated, key=lambda timex: abs((timex.span.start + timex.span.end) / 2 - cue_middle)).date
