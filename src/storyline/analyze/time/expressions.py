"""Time expressions in English news, tagged and normalized to TimeML TIMEX3.

Rule based and deterministic: ``patterns`` finds what the words say, ``normalize`` anchors it to the
document creation time (DCT). Without a DCT, relative expressions stay underspecified ("Wednesday" ->
"XXXX-WXX-3") while absolute ones still resolve ("December 11, 2018" -> "2018-12-11").

>>> from storyline.model import PartialDate
>>> [t.value for t in find_time_expressions("said Wednesday", PartialDate.parse("2018-12-19"))]
['2018-12-19']
"""

from __future__ import annotations

from storyline.analyze.time.normalize import Context, resolve, value_date
from storyline.analyze.time.patterns import find_readings
from storyline.model import DateEstimate, PartialDate, Span, TimeExpression

__all__ = ["find_time_expressions", "describe_time_expressions"]


def find_time_expressions(text: str, dct: PartialDate | None, article_id: str = "") -> list[TimeExpression]:
    """Every time expression in ``text`` with its TIMEX3 type and value, in text order.

    Offsets index ``text`` exactly. Never raises on a string: a reading that cannot be resolved
    (an impossible date, an arithmetic overflow) is left out rather than guessed.
    """
    if not isinstance(text, str) or not text:
        return []
    context = Context(dct=dct, text=text)
    found: list[TimeExpression] = []
    for reading in find_readings(text):
        try:
            resolved = resolve(reading, context)
        except (ValueError, OverflowError, KeyError):
            continue
        if resolved is None:
            continue
        type_, value, mod = resolved
        found.append(TimeExpression(
            span=Span(article_id, reading.start, reading.end),
            text=text[reading.start : reading.end],
            type=type_,  # type: ignore[arg-type]
            value=value,
            date=value_date(value) if type_ in ("DATE", "TIME") else None,
            anchored=context.used_dct,
            mod=mod,
        ))
    return found


def describe_time_expressions(
    text: str, dct: PartialDate | None
) -> tuple[DateEstimate | None, list[TimeExpression]]:
    """Tag ``text``; when no DCT is given, infer one with the dater first and say how (for ``storyline timex``).

    An inferred date anchors relative expressions only at a precision the dater is sure enough of; otherwise
    they stay underspecified ("XXXX-WXX-3") rather than wrong.
    """
    estimate = None
    if dct is None:
        from storyline.analyze.time.dating import anchoring_date, date_article

        estimate = date_article(text)
        dct = anchoring_date(estimate)
    return estimate, find_time_expressions(text, dct)
