"""The embedded SQLite store: the only module that imports sqlite3.

It keeps every article read and each article's analysis under a key made of its content hash, its
publication date and the analyzer's version, so a re-run analyzes nothing that has not changed and a
changed date (or a new analyzer) re-analyzes exactly the articles it affects.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import replace
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from storyline.codec import from_data, to_data
from storyline.errors import StoreError
from storyline.model import Article, ArticleAnalysis

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    path TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (
    analysis_key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_by_article ON analyses (article_id);
CREATE TABLE IF NOT EXISTS parses (
    parse_key TEXT PRIMARY KEY,
    doc BLOB NOT NULL
);
"""


class Store:
    """A storyline database file. Use as a context manager so writes are committed together."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(
                f"{self.path}: cannot open the storyline database ({error}); "
                "choose another file with --db or delete this one to start afresh"
            ) from error

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self._db.commit()
        self._db.close()

    def save_articles(self, articles: Iterable[Article]) -> None:
        rows = [(a.id, a.content_hash, a.path, json.dumps(to_data(a), ensure_ascii=False)) for a in articles]
        self._execute_many("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", rows)

    def articles(self) -> list[Article]:
        rows = self._query("SELECT record FROM articles ORDER BY path")
        return [from_data(Article, json.loads(record)) for (record,) in rows]

    def cached_analyses(self, keys: dict[str, Article]) -> dict[str, ArticleAnalysis]:
        """The stored analyses for these keys (key → current article); keys never analyzed are absent."""
        found: dict[str, ArticleAnalysis] = {}
        wanted = list(keys)
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            marks = ",".join("?" * len(chunk))
            for key, record in self._query(
                f"SELECT analysis_key, record FROM analyses WHERE analysis_key IN ({marks})", chunk
            ):
                analysis = from_data(ArticleAnalysis, json.loads(record))
                found[key] = _with_article(analysis, keys[key])
        return found

    def save_analyses(self, analyses: dict[str, ArticleAnalysis]) -> None:
        rows = [
            (key, analysis.article.id, json.dumps(to_data(analysis), ensure_ascii=False))
            for key, analysis in analyses.items()
        ]
        self._execute_many("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows)

    def cached_parses(self, keys: Iterable[str]) -> dict[str, bytes]:
        """Serialized spaCy parses by key; the parse does not depend on dates, so a re-dated article
        re-runs only the cheap stages."""
        found: dict[str, bytes] = {}
        wanted = list(keys)
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in self._query(f"SELECT parse_key, doc FROM parses WHERE parse_key IN ({marks})", chunk):
                found[key] = zlib.decompress(blob)
        return found

    def save_parses(self, parses: dict[str, bytes]) -> None:
        rows = [(key, zlib.compress(data)) for key, data in parses.items()]
        self._execute_many("INSERT OR REPLACE INTO parses VALUES (?, ?)", rows)

    def _execute_many(self, sql: str, rows: list[tuple]) -> None:
        try:
            self._db.executemany(sql, rows)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot write ({error}); is the disk full or the file read-only?") from error

    def _query(self, sql: str, params: Iterable[object] = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as error:
            raise StoreError(
                f"{self.path}: cannot read ({error}); it may not be a storyline database — pass another --db"
            ) from error


def _with_article(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """The cached analysis under the article record as read this run (its path or title may differ)."""
    return replace(analysis, article=article)
