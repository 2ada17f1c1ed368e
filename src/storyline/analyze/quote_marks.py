"""Find quoted passages in raw article text, tolerating the marks news text really contains.

Articles mix straight (") and typographic (“ ”) marks, nest one style inside the other, and continue a quote
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

    def inner(self, text: str) -> tuple[int, int]:
        """Offsets of the words between the marks (without the marks and surrounding blanks)."""
        start, end = self.start + 1, self.end - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


def _straight_role(text: str, index: int) -> str:
    """Whether a straight mark opens or closes, judged by its neighbours ("open", "close" or "either")."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before in _BEFORE_OPENING and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or not before.isspace():
        return "close" if not before.isspace() else "either"
    return "either"


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
    char = text[index]
    return char in OPENING_ONLY or (char == STRAIGHT and _straight_role(text, index) != "close")


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
            char = text[index]
            if char in OPENING_ONLY or char in CLOSING_ONLY or char == STRAIGHT:
                kind = "straight" if char == STRAIGHT else "curly"
                role = _straight_role(text, index) if kind == "straight" else (
                    "open" if char in OPENING_ONLY else "close")
                if first_mark_continues:
                    # The continuation paragraph's own opening mark belongs to the carried quote.
                    first_mark_continues = False
                    if role != "close":
                        stack.append((kind, carried[0]))
                        index += 1
                        continue
                closes = stack and stack[-1][0] == kind and role != "open"
                if closes:
                    kind_closed, opened_at = stack.pop()
                    if not stack:
                        paragraphs = carried[1] if carried and opened_at == carried[0] else 1
                        passages.append(QuotedPassage(opened_at, index + 1, paragraphs))
                        carried = None
                elif role != "close":
                    stack.append((kind, index))
            index += 1
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
