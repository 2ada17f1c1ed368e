"""When a figure holds: its as-of date, read from the time expressions of the clauses around it.

``figures.py`` finds what a number counts and where; this module dates it. The figure's own clause
speaks first, then the clauses that govern it ("The Pentagon said in December there were …"); a date
in a clause beside or below it, or a month naming a contract ("September crude"), is not the figure's
date. "At its peak" with no date leaves a figure undated rather than stamped with the publication
date. ``antecedent`` (the noun a relative clause describes) is shared with the place finder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.analyze.figures.quantities import Quantity
from storyline.analyze.time import anchor_date
from storyline.model import Article, PartialDate, TimeExpression

RELATIVE_TAGS = {"WDT", "WP", "WRB"}
RETROSPECTIVE = re.compile(r"\bat (?:its|their|the) (?:peak|height)\b|\bat one point\b|\ball-time high\b", re.I)
AS_OF = re.compile(r"\bas of\s*$", re.I)
MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"}  # fmt: skip
TIME_ZONE = re.compile(r"\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|hrs|hours)\b")
CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "acl", "parataxis", "conj", "pcomp"}


def date_figure(
    article: Article,
    doc: Doc,
    quantity: Quantity,
    sentence: SpacySpan,
    dated: Sequence[TimeExpression],
    unresolved: Sequence[TimeExpression] = (),
) -> PartialDate | None:
    """The dated time expression of the figure's own clause ("… and had 20 helicopters ferrying others
    Thursday" is Thursday's, not the Wednesday of the clause before), else the nearest one of a clause
    that governs it ("The Pentagon said in December there were …"), never one of a clause beside or
    below it ("narrowed to $24.05, after reaching $26.69 on Friday"), nor a month naming a contract
    ("September crude"). A relative clause in the present perfect speaks of now: "the virus emerged in
    April in Mexico, which has recorded 113 deaths" does not date the deaths in April. "At its peak"
    nearer than any date leaves the figure undated: "Friday's announcement comes 10 years after …,
    which at its peak covered nearly one-third" is not as of Friday. A sentence whose date could not be
    resolved ("in December" in an article of unknown date) is not as of the article's date either."""
    start = doc[quantity.start].idx
    end = doc[quantity.end - 1].idx + len(doc[quantity.end - 1])
    text = article.text
    anchor = doc[quantity.anchor]
    perfect = _perfect_relative_clause(anchor)
    in_sentence = [
        timex
        for timex in dated
        if sentence.start_char <= timex.span.start < sentence.end_char
        and (timex.span.end <= start or timex.span.start >= end)
        and (perfect is None or _perfect_relative_clause(_timex_root(doc, timex)) == perfect)
        and not _names_a_thing(doc, timex)
        and not _is_clock_time(text, timex)
    ]
    governing = _governing_clauses(anchor)
    in_sentence = [timex for timex in in_sentence if _clause_head(_timex_root(doc, timex)) in governing]
    own_clause = [timex for timex in in_sentence if _clause_head(_timex_root(doc, timex)) == _clause_head(anchor)]
    in_sentence = own_clause or in_sentence
    markers = [
        _distance(text, sentence.start_char + m.start(), sentence.start_char + m.end(), start, end)
        for m in RETROSPECTIVE.finditer(sentence.text)
    ]
    nearest_marker = min(markers, default=None)
    if in_sentence:
        best = min(in_sentence, key=lambda timex: _timex_distance(text, timex, start, end))
        if nearest_marker is None or _timex_distance(text, best, start, end) <= nearest_marker:
            return best.date
    if nearest_marker is not None:
        return None
    if any(sentence.start_char <= timex.span.start < sentence.end_char for timex in unresolved):
        return None
    return anchor_date(article)  # an inferred date no finer than it is sure


def _is_clock_time(text: str, timex: TimeExpression) -> bool:
    """ "As of 1700 BST on 15 June": four digits before a time zone are a clock time, not a year."""
    written = text[timex.span.start : timex.span.end]
    return written.isdigit() and bool(TIME_ZONE.match(text, timex.span.end))


def _names_a_thing(doc: Doc, timex: TimeExpression) -> bool:
    """ "September crude", "the October contracts": a bare month naming what is traded, not a date."""
    root = _timex_root(doc, timex)
    return (
        root.dep_ in {"compound", "nmod", "amod"}
        and root.lower_ in MONTH_NAMES
        and timex.span.end - timex.span.start == len(root.text)
        and root.head.pos_ == "NOUN"
    )


def _governing_clauses(token: Token) -> set[Token]:
    """The token's clause and the clauses it sits in: a date there dates the figure ("The Pentagon said
    in December there were 5,200 …"); a date in a clause of its own below or beside it does not
    ("narrowed to $24.05, after reaching a record $26.69 on Friday")."""
    clauses = set()
    node = _clause_head(token)
    while True:
        clauses.add(node)
        if node.head == node:
            return clauses
        node = _clause_head(node.head)


def _timex_root(doc: Doc, timex: TimeExpression) -> Token:
    span = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else doc[0]


def antecedent(verb: Token) -> Token | None:
    """The noun a relative clause describes, also when the parser attached the clause to the verb
    before it ("emerged in April in Mexico, which has recorded …")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ == "relcl":
        return verb.head
    pronouns = [c for c in verb.children if c.tag_ in RELATIVE_TAGS and c.i < verb.i and c.dep_ != "det"]
    if verb.dep_ not in {"advcl", "ccomp", "conj"} or not pronouns:
        return None
    before = verb.doc[pronouns[0].i - 1] if pronouns[0].i > 0 else None
    if before is not None and before.is_punct and before.i > 0:
        before = verb.doc[before.i - 1]
    return before if before is not None and before.pos_ in {"NOUN", "PROPN"} else None


def _perfect_relative_clause(token: Token) -> Token | None:
    """The relative clause in the present perfect ("which has recorded", "where … have been reported")
    a token is in, if any."""
    node = token
    while antecedent(node) is None:
        if node.head == node:
            return None
        node = node.head
    auxiliaries = [child.lower_ for child in node.children if child.dep_ in {"aux", "auxpass"}]
    return node if node.tag_ == "VBN" and any(word in {"has", "have"} for word in auxiliaries) else None


def _clause_head(token: Token) -> Token:
    """The verb of the clause a token belongs to: the first head that starts a clause of its own."""
    node = token
    while node.head != node and not (node.dep_ in CLAUSE_DEPS and node.pos_ in {"VERB", "AUX"}):
        node = node.head
    return node


def _timex_distance(text: str, timex: TimeExpression, start: int, end: int) -> int:
    if AS_OF.search(text[max(0, timex.span.start - 10) : timex.span.start]):
        return -1
    return _distance(text, timex.span.start, timex.span.end, start, end)


def _distance(text: str, other_start: int, other_end: int, start: int, end: int) -> int:
    """Words between a phrase and the number phrase ``[start, end)``."""
    if other_end <= start:
        return len(text[other_end:start].split())
    return len(text[end:other_start].split())
