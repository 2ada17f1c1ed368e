"""A library of stories: a growing stream of articles sorted into events and stories, each story's
briefing kept current as articles arrive.

``Library.add`` reads inputs exactly as ``build`` does (same readers, duplicates, rejections), analyzes
only what is new, places every new article in an event and a story (``storyline.library.clustering``) and
rebuilds the briefings of the stories it touched. It writes in short transactions, one batch of articles
at a time, and takes a lock so that only one process writes: a reader never waits, a second writer is told
to wait its turn, and a killed ``add`` leaves a library that opens, which the same ``add`` run again
completes with the same result.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.analyze.parallel import WorkerPool, analysis_pool
from storyline.analyze.time import date_alone
from storyline.codec import from_data
from storyline.errors import BadInput, NotFound, StoreError
from storyline.ingest import read_inputs
from storyline.ingest.dedupe import find_duplicates, near_copy_of
from storyline.ingest.reader import DEFAULT_MAX_BYTES
from storyline.library.analyses import Progress, cached_analyses
from storyline.library.briefing import (
    BRIEFING_PENDING,
    DEFERRED_BRIEFING_ARTICLES,
    Briefing,
    briefing_dates,
    load_version,
    rebuild_briefing,
)
from storyline.library.clustering import ClusteringModel, Clusterer, Placement, article_features, default_model
from storyline.library.placing import placement_order
from storyline.library.search import SearchFilter, SearchHit, passages, search
from storyline.library.store import Store
from storyline.model import Article, ArticleAnalysis, Duplicate, Evidence, Rejected, Story, StoryEvent
from storyline.story.build import StoryOptions, generated_at
from storyline.story.changes import StoryChanges, story_changes


ANALYSIS_WINDOW = 512
"""New articles analyzed ahead by worker processes at a time, before they are placed batch by batch."""
CACHED_BRIEFINGS = 64
"""Decoded briefings kept for article pages: a reader going through one story's sources reads the same one."""


@dataclass(frozen=True, slots=True)
class AddOptions:
    """What ``add`` can be told. ``briefings=False`` places articles without rebuilding briefings (the
    clustering eval, which scores only where articles go); ``batch`` is how many articles one transaction
    places."""

    summary_words: int = 100
    max_bytes: int = DEFAULT_MAX_BYTES
    briefings: bool = True
    batch: int = 32
    workers: int = 1
    """Processes for the per-article work (parse and analysis); more than one pays from a few dozen articles."""
    ray: str | None = None
    """Run the per-article work on Ray instead: "local" starts one here, anything else is a cluster address."""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What one ``add`` did: ``read`` articles read from the inputs, ``placed`` new to the library, ``known``
    already in it; the stories it founded and the ones it changed (ids as they are after any merge)."""

    read: int
    placed: int
    known: int
    duplicates: tuple[Duplicate, ...]
    rejected: tuple[Rejected, ...]
    new_stories: tuple[str, ...]
    updated_stories: tuple[str, ...]
    merged: tuple[tuple[str, str], ...]
    placements: tuple[Placement, ...]
    analyzed: int
    seconds: float
    briefings: tuple[Briefing, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryListing:
    """One story as ``storyline stories`` lists it."""

    id: str
    title: str
    first: str | None
    last: str | None
    articles: int
    sources: int
    events: int
    updated: str
    version: int
    pending: str | None = None
    """Set when the story grew past what ``add`` rebuilds (its briefing is older than its articles)."""
    outlets: tuple[str, ...] = ()
    days: tuple[tuple[str, int], ...] = ()
    """Articles per day (ISO date, count) for the articles dated to the day, in date order."""

    def as_dict(self) -> dict:
        """The listing as ``storyline stories --json`` and the web API give it."""
        data = {key: getattr(self, key) for key in self.__slots__}
        data["outlets"], data["days"] = list(self.outlets), dict(self.days)
        return data


@dataclass(frozen=True, slots=True)
class LibraryArticle:
    """An article as the library knows it: ``cited`` holds (where in the briefing, evidence) for every
    span its story's briefing cites in it ("timeline[3].evidence[0]"); the event, story and briefing fields
    are ``None`` until it has been placed and briefed."""

    article: Article
    event_id: str | None
    story_id: str | None
    story_title: str | None
    event: StoryEvent | None
    duplicates: tuple[Duplicate, ...]
    cited: tuple[tuple[str, Evidence], ...]
    reason: str | None = None
    """Why the clusterer put it in its event."""


@dataclass(frozen=True, slots=True)
class _ArticleIndex:
    """A stored briefing by article: its title, its events by id and the spans it cites in each article
    (with where in the briefing), so an article page costs lookups, not a walk over the whole briefing."""

    record: dict
    title: str
    events: dict[str, StoryEvent]
    cited: dict[str, tuple[tuple[str, Evidence], ...]]

    @classmethod
    def of(cls, record: dict) -> _ArticleIndex:
        """Indexed straight from the stored record: only its evidence and events are made into objects
        (a big story's briefing holds thousands of items an article page never shows)."""
        cited: dict[str, list[tuple[str, Evidence]]] = {}
        for where, item in _packed_evidence(record):
            cited.setdefault(item["article"], []).append((where, Evidence(item["article"], item["start"], item["end"], item["quote"])))
        events = [from_data(StoryEvent, event) for event in record.get("events", [])]
        return cls(
            {"article_dates": record["article_dates"]}, record["title"], {event.id: event for event in events},
            {article_id: tuple(spans) for article_id, spans in cited.items()},
        )


def _packed_evidence(record: dict) -> Iterator[tuple[str, dict]]:
    """Every evidence item of a stored briefing with where it sits, as ``story_evidence`` walks a Story."""
    for name in ("timeline", "summary", "quotes"):
        for i, item in enumerate(record.get(name, [])):
            for j, evidence in enumerate(item.get("evidence", [])):
                yield f"{name}[{i}].evidence[{j}]", evidence
    for i, series in enumerate(record.get("figures", [])):
        for part in ("points", "conflicts"):
            for k, item in enumerate(series.get(part, [])):
                for j, evidence in enumerate(item.get("evidence", [])):
                    yield f"figures[{i}].{part}[{k}].evidence[{j}]", evidence


_BRIEFINGS: OrderedDict[tuple[str, str, int], _ArticleIndex] = OrderedDict()
_BRIEFING_LOCK = threading.Lock()


class Library:
    """A storyline library file (SQLite). Use as a context manager."""

    def __init__(
        self, path: Path | str, *, cache: Path | str | None = None, model: ClusteringModel | None = None,
        readonly: bool = False,
    ) -> None:
        """Open (or create) a library; ``readonly`` opens an existing one for reading only (the web app),
        which never waits for a writer and cannot change the file."""
        self.path = Path(path)
        self.store = Store(self.path, cache=cache, readonly=readonly)
        self.clusterer = Clusterer(self.store, model or default_model())

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # --- writing ---

    def add(self, paths: Sequence[Path], options: AddOptions = AddOptions(), on_progress: Progress | None = None) -> AddResult:
        """Read ``paths`` (files or folders) and add every new article to the library."""
        started = time.perf_counter()
        ingested = read_inputs(paths, max_bytes=options.max_bytes)
        return self.add_articles(ingested.articles, options, on_progress, rejected=ingested.rejected, started=started)

    def add_articles(
        self, articles: Sequence[Article], options: AddOptions = AddOptions(), on_progress: Progress | None = None,
        *, rejected: Sequence[Rejected] = (), started: float | None = None,
    ) -> AddResult:
        """Add articles already read (the web app's uploads, a feed's entries) as ``add`` adds files."""
        started = time.perf_counter() if started is None else started
        with self._writing():
            return self._add(articles, options, on_progress, list(rejected), started)

    def take_in(
        self, source: str, articles: Sequence[Article], rejected: Sequence[Rejected],
        entries: Sequence[tuple[str, str | None]], options: AddOptions = AddOptions(),
    ) -> AddResult:
        """Add what a watched source gave, then mark its entries seen: an entry is never marked before its
        articles are in, so a run stopped in between takes it again (and finds its articles known).
        Waits for another writer to finish rather than failing, as a watch runs beside ``add``."""
        started = time.perf_counter()
        with self._writing(wait=True):
            result = self._add(articles, options, None, list(rejected), started)
            with self.store.transaction():
                self.store.mark_seen(source, entries, generated_at())
        return result

    def source_state(self, source: str) -> dict | None:
        """What the library knows of a watched source: validators, last fetch, status, error, articles."""
        return self.store.source_state(source)

    def record_source(self, state: dict) -> None:
        with self._writing(wait=True), self.store.transaction():
            self.store.save_source_state(state)

    def seen_entries(self, source: str, entries: Sequence[str]) -> set[str]:
        return self.store.seen_entries(source, entries)

    def sources(self) -> list[dict]:
        """Every watched source with its last fetch, status, error and the articles it added."""
        return self.store.source_states()

    def refresh(self, story_ids: Sequence[str] | None = None, *, full: bool = False, summary_words: int = 100) -> list[Briefing]:
        """Rebuild the briefings of these stories (default: every story whose articles changed since its last
        briefing); ``full`` also rebuilds the parts a big story leaves for later."""
        with self._writing():
            ids = self.store.stale_stories() if story_ids is None else [self.resolve(story_id) for story_id in story_ids]
            return self._rebuild(ids, StoryOptions(summary_words), full=full)

    # --- reading ---

    def stories(self) -> list[StoryListing]:
        """Every story, newest activity first (its latest article's date, then its latest briefing)."""
        rows = self.store.listings()
        listings = [_listing(row) for row in rows]
        listings.sort(key=lambda listing: (listing.updated, listing.id), reverse=True)
        listings.sort(key=lambda listing: listing.last or "", reverse=True)
        return listings

    def listings_revision(self) -> int:
        """Grows whenever ``stories()`` would answer differently: what a reader caches the list by."""
        return self.store.listings_revision()

    def listing(self, story_id: str) -> StoryListing | None:
        """One story's line in ``stories`` (``None`` before its first briefing)."""
        row = self.store.listing(self.resolve(story_id))
        return _listing(row) if row else None

    def titles(self, story_ids: set[str]) -> dict[str, str]:
        """The titles of these stories (by current id), for pages that name stories they link to."""
        rows = (self.store.listing(story_id) for story_id in sorted(story_ids))
        return {row["id"]: row["title"] for row in rows if row}

    def story(self, story_id: str) -> Story:
        """The latest briefing of a story (by id, unique id prefix, or an id merged into another)."""
        resolved = self.resolve(story_id)
        latest = self.store.latest_version(resolved)
        if latest is None:
            raise NotFound(f"story {story_id} has no briefing yet; run `storyline refresh --db {self.path}` to build it")
        return load_version(self.store, json.loads(latest[2]))

    def changes(self, story_id: str, since: str) -> StoryChanges:
        """What changed in a story's briefing since ``since``: an ISO 8601 date or date-time (UTC unless it
        says otherwise), compared with the briefing as it stood then, or a version number."""
        resolved = self.resolve(story_id)
        versions = self.store.versions(resolved)
        if not versions:
            raise NotFound(f"story {story_id} has no briefing yet; run `storyline refresh --db {self.path}` to build it")
        base = _base_version(versions, since, story_id)
        latest = self.store.version(resolved, versions[-1][0])
        before = self.store.version(resolved, base) if base is not None else None
        assert latest is not None
        return story_changes(
            load_version(self.store, json.loads(before[2])) if before else None,
            load_version(self.store, json.loads(latest[2])),
            before_version=before[0] if before else None, before_at=before[1] if before else None,
            after_version=latest[0], after_at=latest[1],
        )

    def history(self, story_id: str, *, limit: int = 20) -> list[StoryChanges]:
        """The latest ``limit`` changes of a story's briefing, newest first: each version against the one
        before it (the first version against nothing)."""
        resolved = self.resolve(story_id)
        versions = self.store.versions(resolved)[-(limit + 1):]
        loaded = []
        for number, at in versions:
            record = self.store.version(resolved, number)
            assert record is not None
            loaded.append((number, at, load_version(self.store, json.loads(record[2]))))
        first_kept = 1 if len(loaded) > limit else 0
        changes = [
            story_changes(previous[2] if previous else None, story, before_version=previous[0] if previous else None,
                          before_at=previous[1] if previous else None, after_version=number, after_at=at)
            for previous, (number, at, story) in list(zip([None, *loaded[:-1]], loaded, strict=True))[first_kept:]
        ]
        return changes[::-1]

    def versions(self, story_id: str) -> list[tuple[int, str]]:
        """(version, when it was made) of every briefing of a story, oldest first."""
        return self.store.versions(self.resolve(story_id))

    def article_version(self, article_id: str) -> tuple[str, int | None] | None:
        """The story an article feeds and the number of that story's latest briefing (what its page shows
        changes with), or ``None`` for an article in no story."""
        membership = self.store.membership(article_id)
        return (membership[1], self.store.latest_version_number(membership[1])) if membership else None

    def version(self, story_id: str) -> int | None:
        """The number of a story's latest briefing (``None`` before its first): what changes when it does."""
        return self.store.latest_version_number(self.resolve(story_id))

    def resolve(self, story_id: str) -> str:
        """The current id of a story named by its id, a unique prefix of it, or an id merged into another."""
        exact = self.store.resolve_story(story_id)
        if exact:
            return exact
        matches = self.store.story_ids_like(story_id) if len(story_id) >= 4 else []
        current = sorted({self.store.resolve_story(match) for match in matches} - {None})
        if len(current) == 1:
            return current[0]
        if len(current) > 1:
            raise NotFound(f"{story_id!r} names {len(current)} stories ({', '.join(current[:3])}…); give more of the id")
        raise NotFound(f"no story {story_id!r} in {self.path}; `storyline stories --db {self.path}` lists them")

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, within: SearchFilter = SearchFilter()
    ) -> list[SearchHit]:
        """Titles and sentences matching ``query`` (every word, any form of it; "quoted phrases" as written),
        optionally only in one story (any id ``resolve`` takes), from one outlet or within dates."""
        if within.story_id is not None:
            within = replace(within, story_id=self.resolve(within.story_id))
        return search(self.store, query, limit=limit, offset=offset, within=within)

    def article(self, article_id: str) -> LibraryArticle:
        """One article of the library as its story's latest briefing shows it: dated as the briefing dates
        it, with the event and story it feeds, its copies, and every span the briefing cites in it."""
        found = self.store.articles([article_id])
        if not found:
            raise NotFound(f"no article {article_id!r} in {self.path}; its id is the one a story's sources link to")
        article = found[0]
        membership = self.store.membership(article_id)
        duplicates = tuple(self.store.duplicates_of([article_id]))
        if membership is None:
            return LibraryArticle(article, None, None, None, None, duplicates, ())
        event_id, story_id, reason = membership
        briefing = self._latest_briefing(story_id)
        if briefing is None:
            return LibraryArticle(article, event_id, story_id, None, None, duplicates, (), reason)
        if article_id not in briefing.record["article_dates"]:  # placed after its story's latest briefing
            return LibraryArticle(article, event_id, story_id, briefing.title, None, duplicates, (), reason)
        dated = replace(article, **briefing_dates(briefing.record, article_id))
        return LibraryArticle(
            dated, event_id, story_id, briefing.title, briefing.events.get(event_id), duplicates,
            briefing.cited.get(article_id, ()), reason,
        )

    def _latest_briefing(self, story_id: str) -> _ArticleIndex | None:
        """What article pages need of a story's latest briefing, decoded once per version and shared by
        every Library of this file in the process (the web app has one per thread)."""
        number = self.store.latest_version_number(story_id)
        if number is None:
            return None
        key = (str(self.path.resolve()), story_id, number)
        with _BRIEFING_LOCK:
            if key in _BRIEFINGS:
                _BRIEFINGS.move_to_end(key)
                return _BRIEFINGS[key]
        latest = self.store.version(story_id, number)
        if latest is None:
            return None
        index = _ArticleIndex.of(json.loads(latest[2]))
        with _BRIEFING_LOCK:
            _BRIEFINGS[key] = index
            while len(_BRIEFINGS) > CACHED_BRIEFINGS:
                _BRIEFINGS.popitem(last=False)
        return index

    # --- the work ---

    def _add(
        self, articles: Sequence[Article], options: AddOptions, on_progress: Progress | None,
        rejected: list[Rejected], started: float,
    ) -> AddResult:
        now = generated_at()
        kept, duplicates = find_duplicates(articles)
        known = self.store.member_ids(article.id for article in kept)
        as_read = {article.id: article for article in kept if article.id not in known}
        new = sorted((date_alone(article) for article in as_read.values()), key=placement_order)
        stories_before = self.store.next_seq("story") - 1
        with self.store.transaction():
            self.store.record_rejected(rejected, now)
            self.store.record_duplicates(duplicates, now)
        placements: list[Placement] = []
        copies: list[Duplicate] = []
        analyzed = 0
        with analysis_pool(options.workers, options.ray) as pool:
            if pool.worth_it(len(new)):
                analyzed += self._analyze_ahead(new, pool, on_progress)
        for offset in range(0, len(new), options.batch):
            batch = new[offset : offset + options.batch]
            failures: list[Rejected] = []
            analyses, parsed = cached_analyses(self.store, batch, failures, _offset_progress(on_progress, offset, len(new)))
            analyzed += parsed
            with self.store.transaction():
                self.store.save_articles(as_read[article.id] for article in batch)
                for analysis in analyses:
                    if _unreadable(analysis, failures):
                        continue
                    placement = self._place(analysis, now, copies)
                    if placement is not None:
                        placements.append(placement)
                self.store.record_rejected(failures, now)
                self.store.record_duplicates(copies, now)
            rejected.extend(failures)
            if on_progress:
                on_progress("place", min(offset + options.batch, len(new)), len(new))
        duplicates = self._through_copies(duplicates, copies, as_read, now)
        placed_in = {self.store.resolve_story(placement.story_id) for placement in placements}
        copied_in = self._stories_copied(duplicates + copies)
        touched = sorted((placed_in | copied_in) - {None})
        merged = tuple((gone, placement.story_id) for placement in placements for gone in placement.merged)
        # Stories an earlier, interrupted add changed are stale too: their briefings are rebuilt with these.
        stale = sorted(set(touched) | set(self.store.stale_stories())) if options.briefings else []
        briefings = tuple(self._rebuild(stale, StoryOptions(options.summary_words), defer_big=True))
        new_stories = tuple(story for story in touched if self._seq(story) > stories_before)
        return AddResult(
            read=len(articles), placed=len(placements), known=len(known), duplicates=tuple(duplicates + copies),
            rejected=tuple(rejected), new_stories=new_stories,
            updated_stories=tuple(story for story in touched if story not in new_stories), merged=merged,
            placements=tuple(placements), analyzed=analyzed, seconds=time.perf_counter() - started, briefings=briefings,
        )

    def _analyze_ahead(self, articles: Sequence[Article], pool: WorkerPool, on_progress: Progress | None) -> int:
        """Analyze new articles on the pool's workers into the store, a window at a time (memory stays
        bounded), so the placing finds them there; returns how many were parsed anew. An article that fails
        is not stored, and the placing analyzes it again and reports it."""
        parsed = 0
        for offset in range(0, len(articles), ANALYSIS_WINDOW):
            window = articles[offset : offset + ANALYSIS_WINDOW]
            parsed += cached_analyses(self.store, window, [], _offset_progress(on_progress, offset, len(articles)),
                                      pool=pool)[1]
        return parsed

    def _place(self, analysis: ArticleAnalysis, now: str, copies: list[Duplicate]) -> Placement | None:
        """Place one analyzed article, or record it as a copy of an article of the event it would join."""
        article = analysis.article
        features = article_features(analysis)
        event = self.clusterer.best_event(features)
        if event is not None:
            original = near_copy_of(article, self.store.articles(event.recent))
            if original is not None:
                copies.append(Duplicate(article.path, original[0].id, original[1]))
                return None
        self.store.save_features(features)
        placement = self.clusterer.place(features)
        self.store.add_member(article.id, placement.event_id, now, placement.score, placement.reason)
        sentences = [(sentence.span.start, sentence.span.end) for sentence in analysis.sentences]
        title_span = (article.title_span.start, article.title_span.end) if article.title_span else None
        self.store.index_passages(passages(article.id, article.text, article.title, title_span, sentences))
        return placement

    def _through_copies(
        self, duplicates: list[Duplicate], copies: Sequence[Duplicate], as_read: Mapping[str, Article], now: str
    ) -> list[Duplicate]:
        """Copies of an input that itself turned out to copy a library article, recorded as copies of that
        article (the input they copied is not in the library to point to)."""
        original_of = {copy.path: copy.of for copy in copies}
        through = [
            replace(entry, of=original_of[as_read[entry.of].path])
            if entry.of in as_read and as_read[entry.of].path in original_of else entry
            for entry in duplicates
        ]
        if through != duplicates:
            with self.store.transaction():
                self.store.record_duplicates(through, now)
        return through

    def _stories_copied(self, duplicates: Sequence[Duplicate]) -> set[str]:
        """The stories holding the originals of these copies, marked stale: their briefings list the copies."""
        stories = {membership[1] for entry in duplicates if (membership := self.store.membership(entry.of))}
        with self.store.transaction():
            self.store.mark_stale(sorted(stories))
        return stories

    def _rebuild(
        self, story_ids: Sequence[str], options: StoryOptions, *, full: bool = False, defer_big: bool = False
    ) -> list[Briefing]:
        """Rebuild these briefings; with ``defer_big`` (as ``add`` does) a story over
        ``DEFERRED_BRIEFING_ARTICLES`` only has its listing updated and is left for ``refresh``."""
        briefings = []
        for story_id in story_ids:
            with self.store.transaction():
                articles, events = self.store.story_size(story_id)
                if defer_big and articles > DEFERRED_BRIEFING_ARTICLES:
                    note = BRIEFING_PENDING.format(articles=articles)
                    self.store.mark_briefing_pending(story_id, articles, events, note)
                    continue
                briefings.append(rebuild_briefing(self.store, story_id, options, full=full))
        return briefings

    def _seq(self, story_id: str) -> int:
        return self.store.story(story_id).seq

    @contextmanager
    def _writing(self, *, wait: bool = False) -> Iterator[None]:
        """Hold the library's writer lock: one writer at a time, readers never blocked. A second writer is
        told to wait its turn, or with ``wait`` waits for it."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            except BlockingIOError as error:
                raise StoreError(
                    f"{self.path}: another storyline process is adding to this library; wait for it to finish"
                ) from error
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _base_version(versions: list[tuple[int, str]], since: str, story_id: str) -> int | None:
    """The version a change is measured from: the one numbered ``since``, or the latest made at or before
    the moment ``since`` names (``None`` when the story's first briefing came after it)."""
    text = since.strip()
    if text.isdigit():
        number = int(text)
        if number not in {version for version, _ in versions}:
            raise NotFound(f"story {story_id} has no version {number}; its versions are 1 to {versions[-1][0]}")
        return number
    moment = utc_moment(text)
    earlier = [version for version, created_at in versions if created_at <= moment]
    return earlier[-1] if earlier else None


def utc_moment(text: str) -> str:
    """An ISO 8601 date or date-time as the UTC instant versions are stamped with ("2026-12-01T00:00:00Z")."""
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise BadInput(
            f"--since {text!r} is neither a version number nor an ISO 8601 date or date-time; "
            "write 2026-12-01, 2026-12-01T09:30:00Z or 3"
        ) from error
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def _listing(row: dict) -> StoryListing:
    """A stored listing as a StoryListing (listings written before outlets and days were kept lack them)."""
    fields = {key: row.get(key) for key in StoryListing.__slots__}
    fields["outlets"] = tuple(row.get("outlets") or ())
    fields["days"] = tuple(sorted((row.get("days") or {}).items()))
    return StoryListing(**fields)


def _unreadable(analysis: ArticleAnalysis, failures: Sequence[Rejected]) -> bool:
    """An article the parser could not take (too long) has no sentences and no vectors: it is rejected,
    not placed."""
    return not analysis.sentences and not analysis.vectors and any(f.path == analysis.article.path for f in failures)


def _offset_progress(on_progress: Progress | None, offset: int, total: int) -> Progress | None:
    if on_progress is None:
        return None
    return lambda phase, done, _: on_progress(phase, offset + done, total)
