"""Find quoted passages in raw article text, tolerating the marks news text really contains.

Articles mix straight (") and typographic (“ ”) marks (newspaper archives write '' for a double mark), nest one style inside the other, and continue a quote
over several paragraphs by opening each paragraph again and closing only the last. Scraped text also has
stray or missing marks; a quote that never closes is dropped rather than allowed to swallow the rest of the
article, so one broken mark can cost at most one quote.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING_ONLY = "“„«"
CLOSING_ONLY = "”»"
STRAIGHT = '"'
_BEFORE_OPENING = " \t\n([{—–-/:;,"


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """``start`` is the opening mark and ``end`` is just past the closing mark; ``paragraphs`` > 1 when
    the quote ran over paragraph breaks."""

    start: int
    end: int
    paragraphs: int = 1


def _straight_role(text: str, index: int, length: int = 1) -> str:
    """Whether a straight mark opens or closes, judged by its neighbours ("open", "close" or "either")."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + length] if index + length < len(text) else " "
    if before in _BEFORE_OPENING and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or not before.isspace():
        return "close" if not before.isspace() else "either"
    return "either"


def _mark_at(text: str, index: int) -> tuple[int, str, str] | None:
    """The quotation mark starting at ``index`` as (length, kind, role), or None. Two apostrophes ('')
    stand for a double mark in newspaper archives (with `` opening), and behave like a straight mark."""
    char = text[index]
    if char in OPENING_ONLY:
        return 1, "curly", "open"
    if char in CLOSING_ONLY:
        return 1, "curly", "close"
    if char == STRAIGHT:
        return 1, "straight", _straight_role(text, index)
    pair = text[index : index + 2]
    if pair == "``":
        return 2, "doubled", "open"
    if pair == "''" and text[index + 2 : index + 3] != "'":
        return 2, "doubled", _straight_role(text, index, 2)
    return None


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for index, char in enumerate(text):
        if char == "\n":
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text)))
    return bounds


def _opens_line(text: str, start: int, end: int) -> bool:
    """True when the line's first visible character is an opening mark: the sign of a continued quote."""
    index = start
    while index < end and text[index] in " \t":
        index += 1
    if index >= end:
        return False
    mark = _mark_at(text, index)
    return mark is not None and mark[2] != "close"


def find_quoted_passages(text: str) -> list[QuotedPassage]:
    """Top-level quoted passages of ``text`` in order; nested quotes stay inside their outer passage.

    >>> [text[p.start:p.end] for text in ['He said "no." Then “yes”.'] for p in find_quoted_passages(text)]
    ['"no."', '“yes”']
    """
    passages: list[QuotedPassage] = []
    lines = [(start, end) for start, end in _line_bounds(text) if text[start:end].strip()]
    # An open outer quote carried to the next paragraph: (start offset, paragraphs so far).
    carried: tuple[int, int] | None = None
    for line_number, (line_start, line_end) in enumerate(lines):
        stack: list[tuple[str, int]] = []
        first_mark_continues = carried is not None
        index = line_start
        while index < line_end:
            mark = _mark_at(text, index)
            if mark is None:
                index += 1
                continue
            length, kind, role = mark
            if first_mark_continues:
                # The continuation paragraph's own opening mark belongs to the carried quote.
                first_mark_continues = False
                if role != "close":
                    stack.append((kind, carried[0]))
                    index += length
                    continue
            # A mark closes the innermost quote of its own style, or of the other style when its position
            # leaves no doubt that it closes (sloppy text opens with “ and closes with ").
            if stack and ((stack[-1][0] == kind and role != "open") or role == "close"):
                _, opened_at = stack.pop()
                if not stack:
                    paragraphs = carried[1] if carried and opened_at == carried[0] else 1
                    passages.append(QuotedPassage(opened_at, index + length, paragraphs))
                    carried = None
            elif role != "close":
                stack.append((kind, index))
            index += length
        if first_mark_continues:
            carried = None
        if stack:
            outer_start = stack[0][1]
            next_line = lines[line_number + 1] if line_number + 1 < len(lines) else None
            if next_line is not None and _opens_line(text, *next_line):
                paragraphs = carried[1] + 1 if carried and outer_start == carried[0] else 2
                carried = (outer_start, paragraphs)
            else:
                carried = None
        else:
            carried = None
    return passages
