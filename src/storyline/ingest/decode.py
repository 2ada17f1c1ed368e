"""Bytes to text, with the encoding detected rather than assumed.

Order of evidence: a byte-order mark, then strict UTF-8 (non-ASCII bytes that decode as UTF-8 almost never
are anything else, while pages that declare "iso-8859-1" and are sent in UTF-8 are common), then an
encoding the document declares (HTML ``<meta charset>``, an HTTP ``Content-Type``), then
charset-normalizer's statistical guess. Binary files are refused here so no reader ever stores mojibake.
"""

from __future__ import annotations

import contextlib

import codecs
import re

import charset_normalizer

from storyline.errors import BadInput

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 8192
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Share of control characters above which decoded "text" is really binary data.
_MAX_CONTROL_RATIO = 0.01


def detect_bom(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None when the data starts without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, when Python knows that codec."""
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    return known_codec(match.group(1).decode("ascii", "replace"))


def known_codec(name: str | None) -> str | None:
    """``name`` as a Python codec name, or None if Python has no such codec (a typo in a page header).

    A declared Latin-1 is read as Windows-1252, as browsers do: pages that say "iso-8859-1" use its
    curly quotes and dashes far more often than C1 control characters.
    """
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec


def normalize_newlines(text: str) -> str:
    """Windows and old-Mac line ends become "\\n": the only change ever made to stored text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, where: str, *, declared: str | None = None) -> str:
    """Decode a text document; raise BadInput naming ``where`` when it is binary or undecodable.

    ``declared`` is an encoding the container states (HTML meta, HTTP header); it is trusted when the
    bytes are not UTF-8 and decode cleanly with it.

    >>> decode_text("café".encode("cp1252"), "menu.txt")
    'café'
    """
    bom = detect_bom(data)
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as error:
            raise BadInput(f"{where}: starts with a {bom} byte-order mark but is not {bom} ({error.reason} "
                           f"at byte {error.start}); re-save it as UTF-8") from error
        return _checked(normalize_newlines(text.removeprefix("\ufeff")), where)
    has_nul = b"\x00" in data[:_SNIFF_BYTES]
    for encoding in ("utf-8", known_codec(declared)):
        if encoding and not has_nul:
            try:
                return _checked(normalize_newlines(data.decode(encoding)), where)
            except UnicodeDecodeError:
                continue
    return _checked(normalize_newlines(_guess(data, where, has_nul)), where)


def _guess(data: bytes, where: str, has_nul: bool) -> str:
    """charset-normalizer's best reading; between equally good Western code pages, Windows-1252 wins,
    as in browsers, because it is by far the most common legacy encoding of English news text. Text
    without NUL bytes is never read as UTF-16/32 (short Latin text would otherwise turn into CJK)."""
    matches = [match for match in charset_normalizer.from_bytes(data)
               if has_nul or not match.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise BadInput(f"{where}: binary file, not text (no text encoding fits its bytes)")
    best = matches[0]
    if has_nul and not best.encoding.startswith(("utf_16", "utf_32")):
        raise BadInput(f"{where}: binary file, not text (it contains NUL bytes)")
    equally_good = (match for match in matches if match.chaos <= best.chaos and match.coherence >= best.coherence)
    if any("cp1252" in match.could_be_from_charset for match in equally_good):
        with contextlib.suppress(UnicodeDecodeError):  # a byte cp1252 leaves undefined: keep the best guess
            return data.decode("cp1252")
    return str(best)


def _checked(text: str, where: str) -> str:
    controls = len(_CONTROL_CHARACTERS.findall(text[:_SNIFF_BYTES]))
    if controls > _MAX_CONTROL_RATIO * min(len(text), _SNIFF_BYTES):
        raise BadInput(f"{where}: binary file, not text ({controls} control characters in its first "
                       f"{min(len(text), _SNIFF_BYTES)})")
    return text
