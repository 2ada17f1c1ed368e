"""Plain-text articles: the whole decoded file is the stored text, and its first line may be the headline."""

from __future__ import annotations

from storyline.ingest.article import make_article
from storyline.ingest.decode import decode_text
from storyline.model import Article

# Headlines are short; a first "line" longer than this is a paragraph that was never wrapped.
MAX_HEADLINE_CHARS = 250
_SENTENCE_END = (".", "。")


def read_text(data: bytes, path: str) -> Article:
    """One article from a text file; raise BadInput when it is binary or empty.

    The text is stored exactly as decoded (only line ends become "\\n"), so offsets stay true to the file.
    """
    text = decode_text(data, path)
    headline = find_headline(text)
    return make_article(text, path, title=text[slice(*headline)] if headline else None, title_range=headline)


def find_headline(text: str) -> tuple[int, int] | None:
    """Where the headline stands in ``text``: its first non-blank line, when that line is followed by a
    blank line or by a longer body line. Lines ending in a full stop are ledes or photo captions, not
    headlines ("Syrian Democratic Forces ... in Hasakah, Syria, Nov. 4, 2018.").

    >>> text = "US starts Iraq withdrawal\\n\\nOne senior Iraqi official said..."
    >>> start, end = find_headline(text)
    >>> text[start:end]
    'US starts Iraq withdrawal'
    """
    lines = text.split("\n")
    offset = 0
    first = 0
    while first < len(lines) and not lines[first].strip():
        offset += len(lines[first]) + 1
        first += 1
    if first + 1 >= len(lines):
        return None
    line = lines[first]
    headline = line.strip()
    if len(headline) > MAX_HEADLINE_CHARS or headline.endswith(_SENTENCE_END):
        return None
    following = lines[first + 1].strip()
    body_follows = any(rest.strip() for rest in lines[first + 1 :])
    if not body_follows or (following and len(following) <= len(headline)):
        return None
    start = offset + (len(line) - len(line.lstrip()))
    return start, start + len(headline)
