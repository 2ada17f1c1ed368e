"""Marking evidence spans in an article's text: nesting, crossing, duplicates and escaping."""

from __future__ import annotations

import re

from storyline.render.highlight import highlight

TEXT = "The U.S. intervention in Iraq began in 2003. At the height of the Iraqi-U.S. War in 2007, there were about 170,000 U.S. troops in Iraq."


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_highlight_keeps_the_text_exactly():
    html = str(highlight(TEXT, [(0, 44, "a"), (45, 130, "b"), (100, 115, "c")]))
    assert _plain(html) == TEXT


def test_highlight_nests_a_span_inside_another():
    sentence_end = TEXT.index("2003.") + 5
    figure = TEXT.index("about 170,000")
    html = str(highlight(TEXT, [(45, len(TEXT), "sentence"), (figure, figure + 13, "figure"), (0, sentence_end, "first")]))
    assert '<mark id="sentence">At the height' in html
    assert '<mark id="figure">about 170,000</mark> U.S. troops in Iraq.</mark>' in html


def test_highlight_splits_a_span_that_crosses_another():
    first_end = TEXT.index("2003.") + 5
    crossing = (TEXT.index("in 2003"), TEXT.index("At the height") + len("At the height"))
    html = str(highlight(TEXT, [(0, first_end, "first"), (*crossing, "crossing")]))
    assert '<mark id="first">The U.S. intervention in Iraq began <mark id="crossing">in 2003.</mark></mark>' in html
    assert '<mark class="continued" data-part-of="crossing"> At the height</mark>' in html
    assert html.count('id="crossing"') == 1


def test_highlight_marks_a_repeated_span_once():
    html = str(highlight(TEXT, [(0, 44, "x"), (0, 44, "x")]))
    assert html.count("<mark") == 1


def test_highlight_skips_empty_spans():
    assert str(highlight(TEXT, [(5, 5, "empty")])) == TEXT


def test_highlight_escapes_markup_in_the_text():
    html = str(highlight('Officials said <script>alert("x")</script>.', [(15, 42, "s")]))
    assert "<script>" not in html
    assert '<mark id="s">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</mark>' in html
