"""An article's text as HTML with its evidence spans marked, so a citation can jump to the exact sentence.

Spans may nest (a quote inside a timeline sentence) or cross (a quote running over a sentence boundary).
Nested spans become nested ``<mark>`` elements; a crossing span is split where it leaves its enclosing
mark, and only its first piece carries the id, because an id may appear once per page. The text between
marks is escaped, so an article holding ``<script>`` shows it as text.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from markupsafe import Markup, escape


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """``text`` escaped, with each ``(start, end, mark_id)`` wrapped in ``<mark id=mark_id>``.

    >>> str(highlight("Troops left. Then <more>.", [(0, 12, "m1")]))
    '<mark id="m1">Troops left.</mark> Then &lt;more&gt;.'
    """
    unique = {(start, end): mark_id for start, end, mark_id in sorted(spans) if end > start}
    pending = [(start, -end, mark_id, True) for (start, end), mark_id in unique.items()]
    heapq.heapify(pending)
    parts: list[str] = []
    open_ends: list[int] = []
    position = 0

    def emit_text_to(end: int) -> None:
        nonlocal position
        parts.append(str(escape(text[position:end])))
        position = end

    while pending:
        start, negative_end, mark_id, first = heapq.heappop(pending)
        end = -negative_end
        while open_ends and open_ends[-1] <= start:
            emit_text_to(open_ends.pop())
            parts.append("</mark>")
        if open_ends and open_ends[-1] < end:
            heapq.heappush(pending, (open_ends[-1], -end, mark_id, False))
            end = open_ends[-1]
        emit_text_to(start)
        if first:
            parts.append(f'<mark id="{escape(mark_id)}">')
        else:
            parts.append(f'<mark class="continued" data-part-of="{escape(mark_id)}">')
        open_ends.append(end)
    while open_ends:
        emit_text_to(open_ends.pop())
        parts.append("</mark>")
    emit_text_to(len(text))
    return Markup("".join(parts))
