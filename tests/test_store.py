import datetime as dt

import pytest

from storyline.errors import StoreError
from storyline.model import Article, ArticleAnalysis, Figure, PartialDate, Sentence, Span
from storyline.library.store import Store

TEXT = "The U.S. has about 2,000 troops in Syria."
ARTICLE = Article(
    id="a1", text=TEXT, path="voa.txt", published=PartialDate(dt.date(2018, 12, 19)), published_from="text",
    published_confidence=0.8, content_hash="h1",
)
ANALYSIS = ArticleAnalysis(
    article=ARTICLE,
    sentences=(Sentence(Span("a1", 0, len(TEXT)), 0),),
    figures=(Figure(Span("a1", 13, 31), Span("a1", 0, len(TEXT)), 2000.0, "troops", "about", "Syria"),),
)


def test_store_analysis_round_trip(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save_analyses({"k": ANALYSIS})
    with Store(tmp_path / "s.db") as store:
        assert store.cached_analyses({"k": ARTICLE}) == {"k": ANALYSIS}


def test_store_unknown_key_is_absent(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.cached_analyses({"missing": ARTICLE}) == {}


def test_store_articles_round_trip(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save_articles([ARTICLE])
        assert store.articles() == [ARTICLE]


def test_store_not_a_database_says_what_to_do(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="--db"):
        Store(path)


def test_store_parse_round_trip(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.save_parses({"h1|model": b"spaCy doc bytes " * 50})
    with Store(tmp_path / "s.db") as store:
        assert store.cached_parses(["h1|model", "other"]) == {"h1|model": b"spaCy doc bytes " * 50}
