"""Plain-text articles: stored exactly as decoded, with the first line as headline when it is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.ingest.text import find_headline, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_ingest_text_keeps_the_whole_file_as_stored_text():
    data = (FIXTURES / "syndicated" / "commission_analysis.txt").read_bytes()
    article = read_text(data, "commission_analysis.txt")
    assert article.text == data.decode("utf-8")


def test_ingest_text_identifies_an_article_by_the_hash_of_its_text():
    article = read_text("Oil reached the marshes on Sunday.\n".encode(), "a.txt")
    assert len(article.content_hash) == 64
    assert article.id == article.content_hash[:16]


def test_ingest_text_normalizes_windows_line_ends():
    article = read_text(b"BP cap holds\r\n\r\nNo oil has leaked since Thursday.\r\n", "a.txt")
    assert article.text == "BP cap holds\n\nNo oil has leaked since Thursday.\n"


def test_ingest_text_headline_span_points_at_the_title_in_the_text():
    article = read_text(b"US starts Iraq withdrawal\n\nOne senior Iraqi official said 60 percent would leave.\n", "a.txt")
    assert article.title == "US starts Iraq withdrawal"
    assert article.title_span.article_id == article.id
    assert article.text[article.title_span.start : article.title_span.end] == article.title


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("As the Islamic State dwindles, US withdraws troops from Iraq\n\nFighters gather near Mosul.", True),
        ("BP shares hit 13-year low\nShares in BP fell 13 percent in London on Tuesday after the top kill failed.", True),
        ("  \n\nOil spill: the numbers\n\nAbout 5,000 barrels a day are leaking.", True),
        # A lede sentence followed by more paragraphs is the body, not a headline.
        ("The number of US forces in Iraq will fall, a spokesman told CNN.\nOn Monday the coalition spoke.", False),
        # A photo caption repeated on the next line, as scraped pages often have it.
        ("Troops on patrol in Hasakah, Syria, Nov. 4, 2018.\nTroops on patrol in Hasakah, Syria, Nov. 4, 2018.", False),
        # A short first line followed by a shorter one is a list or a dateline, not a headline over a body.
        ("Oil spill timeline for the Gulf of Mexico\nApril 20\n", False),
        ("A one-line file with no body at all", False),
    ],
)
def test_ingest_text_finds_a_headline_only_over_a_body(text, headline):
    assert (find_headline(text) is not None) is headline


def test_ingest_text_headline_offsets_skip_leading_blank_lines_and_spaces():
    text = "\n  Oil spill: the numbers\n\nAbout 5,000 barrels a day are leaking."
    start, end = find_headline(text)
    assert text[start:end] == "Oil spill: the numbers"


def test_ingest_text_seed_headline_is_read_from_the_first_line():
    data = (Path(__file__).parent.parent / "examples" / "seeds" / "004_876711f44ed858c4.txt").read_bytes()
    assert read_text(data, "004.txt").title == "US starts Iraq withdrawal after defeat of Islamic State"
