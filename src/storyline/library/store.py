"""The library's SQLite file: the only module that imports sqlite3.

One file holds everything a library knows: the articles read and their analyses (keyed by content hash,
date and analyzer version, so nothing is analyzed twice), spaCy parses, each article's clustering features,
events and stories with their running summaries and the index that finds candidates, story briefings as
versions, a full-text index (FTS5) over titles and sentences, and every rejected or duplicate input.

It runs in WAL mode with one writer: readers (the web app) never wait for ``add``, and ``add`` writes in
short transactions, each leaving the file consistent, so a killed process loses at most the batch it was
writing and a rerun picks up from there. Summaries are cached in memory (bounded) and written through.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import Any

from storyline.codec import from_data, to_data
from storyline.errors import StoreError
from storyline.library.clustering.features import ArticleFeatures, features_from_record, features_record
from storyline.library.clustering.summaries import ClusterSummary
from storyline.model import Article, ArticleAnalysis, Duplicate, Rejected, outlet_of_url

SCHEMA_VERSION = "2"
UNDATED_FIRST, UNDATED_LAST = 0, 99_999_999
"""Day bounds stored for a cluster with no date, so that it is within reach of every article."""
POSTINGS_PER_KEY = 200
"""Clusters one index key may bring as candidates (the latest in time when a key is common)."""
DECODED_ANALYSES = 400
"""Decoded analyses kept in memory: more than the biggest story rebuilt whole with every article it gains."""
CACHED_FEATURES, CACHED_EVENTS, CACHED_STORIES = 5_000, 2_000, 1_000
"""Article features and cluster summaries kept decoded, the most recently used: the clusterer's candidates
are mostly recent, and a summary holds hundreds of weighted terms per group, so the caches stay bounded
however large the library grows (peak memory flat) at the cost of re-reading an old cluster now and then."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, path TEXT NOT NULL, record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS analyses (analysis_key TEXT PRIMARY KEY, article_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS analyses_by_article ON analyses (article_id);
CREATE TABLE IF NOT EXISTS parses (parse_key TEXT PRIMARY KEY, doc BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS members (
    article_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, event_id TEXT NOT NULL,
    added_at TEXT NOT NULL, score REAL, reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_by_event ON members (event_id, seq);
CREATE TABLE IF NOT EXISTS features (article_id TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, story_id TEXT NOT NULL,
    first_day INTEGER NOT NULL, last_day INTEGER NOT NULL, size INTEGER NOT NULL, summary BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_story ON events (story_id, seq);
CREATE TABLE IF NOT EXISTS event_keys (
    key TEXT NOT NULL, event_id TEXT NOT NULL, first_day INTEGER NOT NULL, last_day INTEGER NOT NULL,
    PRIMARY KEY (key, event_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_keys_by_time ON event_keys (key, last_day);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, merged_into TEXT, summary BLOB,
    stale INTEGER NOT NULL DEFAULT 1, listing TEXT
);
CREATE TABLE IF NOT EXISTS story_keys (
    key TEXT NOT NULL, story_id TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_keys_by_seq ON story_keys (key, seq);
CREATE TABLE IF NOT EXISTS versions (
    story_id TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, digest TEXT NOT NULL,
    story BLOB NOT NULL, PRIMARY KEY (story_id, version)
);
CREATE TABLE IF NOT EXISTS duplicates (path TEXT PRIMARY KEY, of TEXT NOT NULL, similarity REAL NOT NULL, added_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS duplicates_by_original ON duplicates (of);
CREATE TABLE IF NOT EXISTS rejected (
    path TEXT NOT NULL, reason TEXT NOT NULL, stage TEXT NOT NULL, added_at TEXT NOT NULL, PRIMARY KEY (path, reason)
);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT, etag TEXT, last_modified TEXT, last_fetch TEXT,
    status TEXT, error TEXT, articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS source_entries (
    source TEXT NOT NULL, entry TEXT NOT NULL, article_id TEXT, seen_at TEXT NOT NULL, PRIMARY KEY (source, entry)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS passages USING fts5(
    text, article_id UNINDEXED, start UNINDEXED, end UNINDEXED, kind UNINDEXED, tokenize = 'porter unicode61'
);
"""


class Store:
    """A storyline database file. Use as a context manager; write inside ``transaction()``.

    ``cache`` names another file to keep spaCy parses and analyses in, so that fresh libraries (the evals
    replay each collection into one) reuse what an earlier run computed.
    """

    def __init__(self, path: Path | str, *, cache: Path | str | None = None, readonly: bool = False) -> None:
        self.path = Path(path)
        self._db = _open_for_reading(self.path) if readonly else _connect(self.path, SCHEMA)
        self._cache_db = _connect(Path(cache), SCHEMA) if cache else self._db
        self._events: OrderedDict[str, ClusterSummary] = OrderedDict()
        self._stories: OrderedDict[str, ClusterSummary] = OrderedDict()
        self._features: OrderedDict[str, ArticleFeatures] = OrderedDict()
        self._analyses: OrderedDict[str, ArticleAnalysis] = OrderedDict()
        """Decoded analyses by key: a briefing rebuilt for every article its story gains reads the same
        analyses again, and decoding one costs more than the query."""

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        for db in {id(self._db): self._db, id(self._cache_db): self._cache_db}.values():
            if db.in_transaction:
                db.rollback()
            db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything inside commits together or not at all."""
        if self._db.in_transaction:
            yield
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot start writing ({error}); is another storyline writing to it?") from error
        try:
            yield
        except BaseException:
            self._db.rollback()
            self._forget_cached()
            raise
        try:
            self._db.commit()
        except sqlite3.Error as error:
            self._forget_cached()
            raise StoreError(f"{self.path}: cannot write ({error}); is the disk full or the file read-only?") from error

    # --- articles, analyses and parses (the cache `build` and `add` share) ---

    def save_articles(self, articles: Iterable[Article]) -> None:
        rows = [(a.id, a.content_hash, a.path, json.dumps(to_data(a), ensure_ascii=False)) for a in articles]
        self._write("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?)", rows)

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Stored articles (all, by path, or these ids in this order)."""
        if ids is None:
            rows = self._query("SELECT record FROM articles ORDER BY path")
            return [from_data(Article, json.loads(record)) for (record,) in rows]
        found = {
            article_id: from_data(Article, json.loads(record))
            for article_id, record in self._chunked("SELECT id, record FROM articles WHERE id IN ({})", ids)
        }
        return [found[article_id] for article_id in ids if article_id in found]

    def cached_analyses(self, keys: dict[str, Article]) -> dict[str, ArticleAnalysis]:
        """The stored analyses for these keys (key → current article); keys never analyzed are absent."""
        found: dict[str, ArticleAnalysis] = {}
        for key in keys:
            if key in self._analyses:
                self._analyses.move_to_end(key)
                found[key] = self._analyses[key]
        sql = "SELECT analysis_key, record FROM analyses WHERE analysis_key IN ({})"
        for key, record in self._chunked(sql, [key for key in keys if key not in found], db=self._cache_db):
            found[key] = self._analyses[key] = from_data(ArticleAnalysis, json.loads(record))
        self._trim(self._analyses, DECODED_ANALYSES)
        return {key: replace(analysis, article=keys[key]) for key, analysis in found.items()}

    def save_analyses(self, analyses: dict[str, ArticleAnalysis]) -> None:
        rows = [
            (key, analysis.article.id, json.dumps(to_data(analysis), ensure_ascii=False))
            for key, analysis in analyses.items()
        ]
        self._write("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)", rows, db=self._cache_db)

    def cached_parses(self, keys: Iterable[str]) -> dict[str, bytes]:
        """Serialized spaCy parses by key; a parse does not depend on dates, so a re-dated article re-runs
        only the cheap stages."""
        sql = "SELECT parse_key, doc FROM parses WHERE parse_key IN ({})"
        return {key: zlib.decompress(blob) for key, blob in self._chunked(sql, list(keys), db=self._cache_db)}

    def save_parses(self, parses: dict[str, bytes]) -> None:
        rows = [(key, zlib.compress(data)) for key, data in parses.items()]
        self._write("INSERT OR REPLACE INTO parses VALUES (?, ?)", rows, db=self._cache_db)

    # --- library membership ---

    def member_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already in the library."""
        return {row[0] for row in self._chunked("SELECT article_id FROM members WHERE article_id IN ({})", list(ids))}

    def add_member(self, article_id: str, event_id: str, added_at: str, score: float | None, reason: str) -> None:
        (seq,) = self._query("SELECT COALESCE(MAX(seq), 0) + 1 FROM members")[0]
        self._write("INSERT INTO members VALUES (?, ?, ?, ?, ?, ?)", [(article_id, seq, event_id, added_at, score, reason)])

    def members(self, event_ids: Sequence[str]) -> list[tuple[str, str, str]]:
        """(article id, event id, why it joined) for these events' articles, in placement order."""
        sql = "SELECT seq, article_id, event_id, reason FROM members WHERE event_id IN ({})"
        return [row[1:] for row in sorted(self._chunked(sql, list(event_ids)))]

    def membership(self, article_id: str) -> tuple[str, str, str] | None:
        """(event id, story id, why) of one article in the library, or ``None`` if it is not in it."""
        rows = self._query(
            "SELECT m.event_id, e.story_id, m.reason FROM members m JOIN events e ON e.id = m.event_id "
            "WHERE m.article_id = ?", [article_id],
        )
        return rows[0] if rows else None

    def count(self, table: str) -> int:
        if table not in {"members", "events", "stories", "rejected", "duplicates"}:
            raise StoreError(f"no table {table!r} to count")
        where = " WHERE merged_into IS NULL" if table == "stories" else ""
        return self._query(f"SELECT COUNT(*) FROM {table}{where}")[0][0]

    # --- clustering state (storyline.library.clustering.ClusterState) ---

    def save_features(self, features: ArticleFeatures) -> None:
        self._features[features.article_id] = features
        self._trim(self._features, CACHED_FEATURES)
        data = zlib.compress(json.dumps(features_record(features), separators=(",", ":")).encode())
        self._write("INSERT OR REPLACE INTO features VALUES (?, ?)", [(features.article_id, data)])

    def article_features(self, ids: Sequence[str]) -> list[ArticleFeatures]:
        missing = [article_id for article_id in ids if article_id not in self._features]
        for article_id, data in self._chunked("SELECT article_id, data FROM features WHERE article_id IN ({})", missing):
            self._features[article_id] = features_from_record(json.loads(zlib.decompress(data)))
        self._trim(self._features, CACHED_FEATURES)
        return [self._features[article_id] for article_id in ids if article_id in self._features]

    def event_postings(self, keys: set[str], when: tuple[int, int] | None, reach_days: int) -> dict[str, set[str]]:
        """Events sharing each key and within ``reach_days`` of ``when``: event id → keys shared."""
        low, high = (UNDATED_FIRST, UNDATED_LAST) if when is None else (when[0] - reach_days, when[1] + reach_days)
        found: dict[str, set[str]] = {}
        for key in sorted(keys):
            rows = self._query(
                "SELECT event_id FROM event_keys WHERE key = ? AND last_day >= ? AND first_day <= ? "
                "ORDER BY last_day DESC, event_id LIMIT ?", [key, low, high, POSTINGS_PER_KEY],
            )
            for (event_id,) in rows:
                found.setdefault(event_id, set()).add(key)
        return found

    def story_postings(self, keys: set[str]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for key in sorted(keys):
            rows = self._query(
                "SELECT story_id FROM story_keys WHERE key = ? ORDER BY seq DESC LIMIT ?", [key, POSTINGS_PER_KEY]
            )
            for (story_id,) in rows:
                found.setdefault(story_id, set()).add(key)
        return found

    def events(self, ids: Sequence[str]) -> list[ClusterSummary]:
        missing = [event_id for event_id in ids if event_id not in self._events]
        for event_id, blob in self._chunked("SELECT id, summary FROM events WHERE id IN ({})", missing):
            self._events[event_id] = ClusterSummary.from_record(json.loads(zlib.decompress(blob)))
        self._trim(self._events, CACHED_EVENTS)
        return [self._events[event_id] for event_id in ids if event_id in self._events]

    def story(self, story_id: str) -> ClusterSummary:
        story_id = self.resolve_story(story_id) or story_id
        if story_id not in self._stories:
            rows = self._query("SELECT summary FROM stories WHERE id = ?", [story_id])
            if not rows or rows[0][0] is None:
                raise StoreError(f"{self.path}: no story {story_id}")
            self._stories[story_id] = ClusterSummary.from_record(json.loads(zlib.decompress(rows[0][0])))
            self._trim(self._stories, CACHED_STORIES)
        return self._stories[story_id]

    def stories_by_id(self, ids: Sequence[str]) -> list[ClusterSummary]:
        return [self.story(story_id) for story_id in ids]

    def resolve_story(self, story_id: str) -> str | None:
        """The id a story has now: itself, or the story it was merged into; ``None`` if unknown."""
        rows = self._query("SELECT id, merged_into FROM stories WHERE id = ?", [story_id])
        if not rows:
            return None
        return rows[0][1] or rows[0][0]

    def next_seq(self, kind: str) -> int:
        table = {"event": "events", "story": "stories"}[kind]
        pending = self._events if kind == "event" else self._stories
        stored = self._query(f"SELECT COALESCE(MAX(seq), 0) FROM {table}")[0][0]
        return max([stored, *(summary.seq for summary in pending.values())]) + 1

    def save_event(self, event: ClusterSummary) -> None:
        self._events[event.id] = event
        first, last = event.span() or (UNDATED_FIRST, UNDATED_LAST)
        self._write(
            "INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(event.id, event.seq, event.parent, first, last, event.size, _pack(event.record()))],
        )
        self._write("DELETE FROM event_keys WHERE event_id = ?", [(event.id,)])
        self._write("INSERT INTO event_keys VALUES (?, ?, ?, ?)", [(key, event.id, first, last) for key in sorted(event.keys())])

    def save_story(self, story: ClusterSummary) -> None:
        self._stories[story.id] = story
        self._write(
            "INSERT INTO stories (id, seq, summary, stale) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, stale = 1",
            [(story.id, story.seq, _pack(story.record()))],
        )
        self._write("DELETE FROM story_keys WHERE story_id = ?", [(story.id,)])
        self._write("INSERT INTO story_keys VALUES (?, ?, ?)", [(key, story.id, story.seq) for key in sorted(story.keys())])

    def merge_story(self, gone: ClusterSummary, into: ClusterSummary) -> None:
        """Record ``gone`` as merged into ``into``; its events and any story merged into it follow."""
        for event in self._events.values():
            if event.parent == gone.id:
                event.parent = into.id
        self._stories.pop(gone.id, None)
        self._write("UPDATE events SET story_id = ? WHERE story_id = ?", [(into.id, gone.id)])
        self._write("UPDATE stories SET merged_into = ? WHERE merged_into = ? OR id = ?", [(into.id, gone.id, gone.id)])
        self._write("UPDATE stories SET summary = NULL, stale = 0 WHERE id = ?", [(gone.id,)])
        self._write("DELETE FROM story_keys WHERE story_id = ?", [(gone.id,)])
        self._listings_changed()

    # --- stories as readers see them ---

    def story_events(self, story_id: str) -> list[str]:
        return [row[0] for row in self._query("SELECT id FROM events WHERE story_id = ? ORDER BY seq", [story_id])]

    def stale_stories(self) -> list[str]:
        return [row[0] for row in self._query("SELECT id FROM stories WHERE stale = 1 AND merged_into IS NULL ORDER BY seq")]

    def mark_stale(self, story_ids: Sequence[str]) -> None:
        """These stories' briefings are out of date (say, a copy of one of their articles came in)."""
        self._write("UPDATE stories SET stale = 1 WHERE id = ?", [(story_id,) for story_id in story_ids])

    def story_size(self, story_id: str) -> tuple[int, int]:
        """(articles, events) of a story, counted in the library."""
        rows = self._query(
            "SELECT COUNT(m.article_id), COUNT(DISTINCT e.id) FROM events e JOIN members m ON m.event_id = e.id "
            "WHERE e.story_id = ?", [story_id],
        )
        return rows[0] if rows else (0, 0)

    def mark_briefing_pending(self, story_id: str, articles: int, events: int, note: str) -> None:
        """A story whose briefing is left for ``refresh``: its listing shows its size now and says so; it
        stays stale, so ``refresh`` picks it up."""
        rows = self._query("SELECT listing FROM stories WHERE id = ?", [story_id])
        listing = json.loads(rows[0][0]) if rows and rows[0][0] else {
            "id": story_id, "title": "(briefing pending)", "first": None, "last": None, "sources": 0,
            "updated": "", "version": 0,
        }
        listing.update(articles=articles, events=events, pending=note)
        record = json.dumps(listing, sort_keys=True)
        self._write("UPDATE stories SET listing = ?, stale = 1 WHERE id = ?", [(record, story_id)])
        self._listings_changed()

    def set_listing(self, story_id: str, listing: dict[str, Any]) -> None:
        """A story's row in ``storyline stories``, written when its briefing is rebuilt."""
        self._write("UPDATE stories SET listing = ?, stale = 0 WHERE id = ?", [(json.dumps(listing, sort_keys=True), story_id)])
        self._listings_changed()

    def listings_revision(self) -> int:
        """A number that grows whenever a story's listing changes (readers cache the list by it)."""
        value = self.meta("listings_revision")
        return int(value) if value else 0

    def _listings_changed(self) -> None:
        self._write("INSERT INTO meta VALUES ('listings_revision', '1') ON CONFLICT (key) DO UPDATE SET "
                    "value = CAST(value AS INTEGER) + 1", [()])

    def listings(self) -> list[dict[str, Any]]:
        rows = self._query("SELECT listing FROM stories WHERE merged_into IS NULL AND listing IS NOT NULL")
        return [json.loads(listing) for (listing,) in rows]

    def listing(self, story_id: str) -> dict[str, Any] | None:
        rows = self._query("SELECT listing FROM stories WHERE id = ? AND listing IS NOT NULL", [story_id])
        return json.loads(rows[0][0]) if rows else None

    def merged_stories(self, story_id: str) -> list[str]:
        return [row[0] for row in self._query("SELECT id FROM stories WHERE merged_into = ? ORDER BY seq", [story_id])]

    def story_ids_like(self, prefix: str) -> list[str]:
        rows = self._query("SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' ORDER BY seq", [_like_prefix(prefix)])
        return [row[0] for row in rows]

    def save_version(self, story_id: str, created_at: str, digest: str, story_json: str) -> int | None:
        """Keep a new version of a story's briefing unless it equals the latest; returns its number."""
        latest = self._query(
            "SELECT version, digest FROM versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", [story_id]
        )
        if latest and latest[0][1] == digest:
            return None
        number = (latest[0][0] if latest else 0) + 1
        self._write(
            "INSERT INTO versions VALUES (?, ?, ?, ?, ?)",
            [(story_id, number, created_at, digest, zlib.compress(story_json.encode("utf-8")))],
        )
        return number

    def versions(self, story_id: str) -> list[tuple[int, str]]:
        """(version, created at) of every briefing of a story, oldest first."""
        return self._query("SELECT version, created_at FROM versions WHERE story_id = ? ORDER BY version", [story_id])

    def version(self, story_id: str, number: int) -> tuple[int, str, str] | None:
        """(version, created at, story.json text) of one briefing of a story."""
        rows = self._query("SELECT version, created_at, story FROM versions WHERE story_id = ? AND version = ?",
                           [story_id, number])
        return (rows[0][0], rows[0][1], zlib.decompress(rows[0][2]).decode("utf-8")) if rows else None

    def latest_version_number(self, story_id: str) -> int | None:
        rows = self._query("SELECT MAX(version) FROM versions WHERE story_id = ?", [story_id])
        return rows[0][0] if rows else None

    def latest_version(self, story_id: str) -> tuple[int, str, str] | None:
        """(version, created at, story.json text) of the latest briefing of a story."""
        rows = self._query(
            "SELECT version, created_at, story FROM versions WHERE story_id = ? ORDER BY version DESC LIMIT 1", [story_id]
        )
        if not rows:
            return None
        version, created_at, blob = rows[0]
        return version, created_at, zlib.decompress(blob).decode("utf-8")

    # --- what did not become an article ---

    def record_rejected(self, rejected: Sequence[Rejected], added_at: str) -> None:
        rows = [(entry.path, entry.reason, entry.stage, added_at) for entry in rejected]
        self._write("INSERT OR REPLACE INTO rejected VALUES (?, ?, ?, ?)", rows)

    def record_duplicates(self, duplicates: Sequence[Duplicate], added_at: str) -> None:
        rows = [(entry.path, entry.of, entry.similarity, added_at) for entry in duplicates]
        self._write("INSERT OR REPLACE INTO duplicates VALUES (?, ?, ?, ?)", rows)

    def duplicates_of(self, article_ids: Sequence[str]) -> list[Duplicate]:
        rows = self._chunked("SELECT path, of, similarity FROM duplicates WHERE of IN ({})", list(article_ids))
        return [Duplicate(path, of, similarity) for path, of, similarity in sorted(rows)]

    def rejected_inputs(self) -> list[Rejected]:
        rows = self._query("SELECT path, reason, stage FROM rejected ORDER BY added_at, path")
        return [Rejected(path, reason, stage) for path, reason, stage in rows]

    # --- full-text search ---

    def index_passages(self, rows: Sequence[tuple[str, str, int, int, str]]) -> None:
        """(text, article id, start, end, kind) rows; kind is "title" or "sentence"."""
        self._write("INSERT INTO passages (text, article_id, start, end, kind) VALUES (?, ?, ?, ?, ?)", list(rows))

    def search_passages(
        self, match: str, limit: int, offset: int, *, story_id: str | None = None, outlet: str | None = None,
        days: tuple[int, int] | None = None,
    ) -> list[tuple[str, int, int, str, str, str, str]]:
        """(article id, start, end, kind, highlighted text, event id, story id) for an FTS5 MATCH expression,
        best first, optionally only in one story, from one outlet, or in events within ``days`` (first and
        last day as ordinals; undated events are left out then). Matched words are wrapped in \\x02 … \\x03."""
        conditions, params = ["passages MATCH ?"], [match]
        if story_id is not None:
            conditions.append("e.story_id = ?")
            params.append(story_id)
        if outlet is not None:
            conditions.append("outlet(a.record) = ?")
            params.append(outlet)
        if days is not None:
            conditions.append("e.first_day > ? AND e.last_day >= ? AND e.first_day <= ?")
            params.extend([UNDATED_FIRST, days[0], days[1]])
        join_articles = "JOIN articles a ON a.id = passages.article_id " if outlet is not None else ""
        try:
            return self._db.execute(
                "SELECT passages.article_id, start, end, kind, highlight(passages, 0, char(2), char(3)), "
                "m.event_id, e.story_id FROM passages JOIN members m ON m.article_id = passages.article_id "
                f"JOIN events e ON e.id = m.event_id {join_articles}WHERE {' AND '.join(conditions)} "
                "ORDER BY passages.rank, passages.article_id, start LIMIT ? OFFSET ?", (*params, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot search for {match!r} ({error})") from error

    # --- watched sources (storyline watch) ---

    SOURCE_FIELDS = ("source", "kind", "title", "etag", "last_modified", "last_fetch", "status", "error", "articles")

    def source_state(self, source: str) -> dict[str, Any] | None:
        rows = self._query(f"SELECT {', '.join(self.SOURCE_FIELDS)} FROM sources WHERE source = ?", [source])
        return dict(zip(self.SOURCE_FIELDS, rows[0], strict=True)) if rows else None

    def save_source_state(self, state: dict[str, Any]) -> None:
        """Insert or replace one source's row (every field of ``SOURCE_FIELDS``)."""
        row = tuple(state.get(name) for name in self.SOURCE_FIELDS)
        self._write(f"INSERT OR REPLACE INTO sources VALUES ({', '.join('?' * len(row))})", [row])

    def source_states(self) -> list[dict[str, Any]]:
        if not self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sources'"):
            return []  # a library from before watch, opened read-only
        rows = self._query(f"SELECT {', '.join(self.SOURCE_FIELDS)} FROM sources ORDER BY source")
        return [dict(zip(self.SOURCE_FIELDS, row, strict=True)) for row in rows]

    def seen_entries(self, source: str, entries: Sequence[str]) -> set[str]:
        """Which of these entries of a source were already taken in."""
        sql = "SELECT entry FROM source_entries WHERE source = ? AND entry IN ({})"
        seen: set[str] = set()
        for offset in range(0, len(entries), 500):
            chunk = list(entries[offset : offset + 500])
            seen.update(row[0] for row in self._query(sql.format(",".join("?" * len(chunk))), [source, *chunk]))
        return seen

    def mark_seen(self, source: str, entries: Sequence[tuple[str, str | None]], seen_at: str) -> None:
        """(entry, article id or None) taken in from a source."""
        self._write("INSERT OR REPLACE INTO source_entries VALUES (?, ?, ?, ?)",
                    [(source, entry, article_id, seen_at) for entry, article_id in entries])

    def meta(self, key: str) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._write("INSERT OR REPLACE INTO meta VALUES (?, ?)", [(key, value)])

    def integrity(self) -> str:
        return self._query("PRAGMA integrity_check")[0][0]

    # --- plumbing ---

    def _write(self, sql: str, rows: list[tuple], *, db: sqlite3.Connection | None = None) -> None:
        db = db or self._db
        if not rows:
            return
        try:
            if db.in_transaction:
                db.executemany(sql, rows)
            else:
                with db:
                    db.execute("BEGIN IMMEDIATE")
                    db.executemany(sql, rows)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot write ({error}); is the disk full or the file read-only?") from error

    def _query(self, sql: str, params: Iterable[object] = (), *, db: sqlite3.Connection | None = None) -> list[tuple]:
        try:
            return (db or self._db).execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as error:
            raise StoreError(
                f"{self.path}: cannot read ({error}); it may not be a storyline database — pass another --db"
            ) from error

    def _chunked(self, sql: str, values: list, *, db: sqlite3.Connection | None = None) -> list[tuple]:
        """``sql`` with its ``IN ({})`` filled by ``values``, 500 at a time (SQLite's parameter limit)."""
        rows: list[tuple] = []
        for offset in range(0, len(values), 500):
            chunk = values[offset : offset + 500]
            rows.extend(self._query(sql.format(",".join("?" * len(chunk))), chunk, db=db))
        return rows

    @staticmethod
    def _trim(cache: OrderedDict, size: int) -> None:
        while len(cache) > size:
            cache.popitem(last=False)

    def _forget_cached(self) -> None:
        self._events.clear()
        self._stories.clear()
        self._features.clear()


def _connect(path: Path, schema: str) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=30)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript(schema)
        _register_functions(db)
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version is None:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        elif version[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{path}: written by another storyline version (schema {version[0]}, this one reads "
                f"{SCHEMA_VERSION}); use a new --db file"
            )
        return db
    except (sqlite3.Error, OSError) as error:
        raise StoreError(
            f"{path}: cannot open the storyline database ({error}); "
            "choose another file with --db or delete this one to start afresh"
        ) from error


def _open_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that only reads (the web app): it never creates the file or changes its schema."""
    if not path.is_file():
        raise StoreError(f"{path}: no storyline library here; make one with `storyline add FILES --db {path}`")
    try:
        # one connection per thread still; closing one from the thread that shuts the server down is allowed
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot read it as a storyline library ({error}); pass another --db") from error
    if version is None or version[0] != SCHEMA_VERSION:
        db.close()
        raise StoreError(
            f"{path}: written by another storyline version (schema {version[0] if version else 'unknown'}, "
            f"this one reads {SCHEMA_VERSION}); rebuild it with `storyline add`"
        )
    _register_functions(db)
    return db


def _register_functions(db: sqlite3.Connection) -> None:
    """SQL functions the queries use: ``outlet(record)`` is an article record's ``Article.outlet``."""

    def outlet(record: str) -> str | None:
        data = json.loads(record)
        return data.get("source") or outlet_of_url(data.get("url"))

    db.create_function("outlet", 1, outlet, deterministic=True)


def _pack(record: dict) -> bytes:
    return zlib.compress(json.dumps(record, separators=(",", ":"), sort_keys=True).encode())


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
