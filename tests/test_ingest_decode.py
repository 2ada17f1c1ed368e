"""Encodings are detected from the bytes, never assumed."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import BadInput
from storyline.ingest.decode import declared_html_charset, decode_text
from storyline.ingest.text import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_ingest_decode_reads_a_windows_1252_file():
    article = read_text((FIXTURES / "fishermen_cp1252.txt").read_bytes(), "fishermen_cp1252.txt")
    assert "“worst environmental disaster” in the state’s history" in article.text
    assert "€300 a day" in article.text
    assert "Jean-Pierre Thériot, a café owner" in article.text


def test_ingest_decode_reads_utf16_with_its_byte_order_mark():
    article = read_text((FIXTURES / "response_utf16.txt").read_bytes(), "response_utf16.txt")
    assert article.text.startswith("Spill response: the numbers\n\nAbout 5,000 barrels")
    assert "\ufeff" not in article.text and "\r" not in article.text


def test_ingest_decode_drops_a_utf8_byte_order_mark():
    assert decode_text("\ufeffGulf spill latest".encode("utf-8"), "a.txt") == "Gulf spill latest"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("The café reopened on Friday.", "cp1252"),
        ("Le café de la Gare a fermé ses portes après l'incendie.", "latin-1"),
        ("“No comment,” said the spokesman – twice.", "cp1252"),
        ("Привет, мир. Это новости из Москвы о погоде и политике.", "cp1251"),
        ("Zażółć gęślą jaźń — Warszawa, wiadomości z kraju i ze świata.", "cp1250"),
    ],
)
def test_ingest_decode_detects_legacy_code_pages(text, encoding):
    assert decode_text(text.encode(encoding), "a.txt") == text


def test_ingest_decode_prefers_the_charset_a_page_declares():
    data = '<meta charset="windows-1252"><p>Michèle’s café</p>'.encode("cp1252")
    assert declared_html_charset(data) == "cp1252"
    assert "Michèle’s café" in decode_text(data, "a.html", declared=declared_html_charset(data))


def test_ingest_decode_ignores_a_declared_charset_the_bytes_contradict():
    data = '<meta charset="us-ascii"><p>Michèle’s café</p>'.encode("utf-8")
    assert "Michèle’s café" in decode_text(data, "a.html", declared=declared_html_charset(data))


def test_ingest_decode_refuses_binary_data():
    with pytest.raises(BadInput, match=r"photo\.txt: binary file, not text"):
        decode_text((FIXTURES / "photo_saved_as.txt").read_bytes(), "photo.txt")


def test_ingest_decode_refuses_text_full_of_control_characters():
    with pytest.raises(BadInput, match="binary file"):
        decode_text(b"\x01\x02\x03\x04 header \x05\x06\x07\x08 more \x0e\x0f\x10", "dump.txt")
