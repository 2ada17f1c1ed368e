"""One round of `storyline watch`: every source asked what is new, every new entry's page fetched and read,
and everything new added through ``Library.add_articles``, the code ``add`` runs.

Nothing is lost or doubled across rounds, whatever stops them: an entry is marked seen only after the
articles it gave are in the library, so a round killed halfway leaves its remaining entries unseen, and the
next round takes them; one already added is known by its content and not added twice. A stop asked for
(SIGINT, SIGTERM) is honoured between entries, never inside a write.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyline.errors import BadInput
from storyline.ingest.feed import entry_article
from storyline.ingest.html import read_html
from storyline.ingest.reader import SUPPORTED_SUFFIXES, read_file
from storyline.library import AddOptions, AddResult, Library
from storyline.model import Article, Rejected
from storyline.story.build import generated_at
from storyline.watch.feeds import FeedEntry, ParsedFeed, feed_urls, parse_feed
from storyline.watch.fetch import Fetcher

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class SourceRound:
    """What one source gave in one round."""

    source: str
    status: str
    """ "new entries", "nothing new", "not modified", "error", or "stopped" (a stop came mid-source)."""
    entries: int = 0
    added: int = 0
    error: str | None = None
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class RoundReport:
    sources: list[SourceRound] = field(default_factory=list)
    results: list[AddResult] = field(default_factory=list)

    @property
    def new_stories(self) -> list[str]:
        return sorted({story for result in self.results for story in result.new_stories})

    @property
    def updated_stories(self) -> list[str]:
        new = set(self.new_stories)
        return sorted({story for result in self.results for story in result.updated_stories} - new)


class Watcher:
    """Watches sources into one library; ``stop`` (set from a signal handler) ends a round early."""

    def __init__(self, library: Library, fetcher: Fetcher | None = None, stop: threading.Event | None = None,
                 options: AddOptions = AddOptions()) -> None:
        self.library = library
        self.fetcher = fetcher or Fetcher()
        self.stop = stop or threading.Event()
        self.options = options

    def round(self, sources: Sequence[str]) -> RoundReport:
        """One pass over every source (feed URLs, files listing feeds, folders)."""
        report = RoundReport()
        self.fetcher.forget_robots()
        for source in sources:
            if self.stop.is_set():
                break
            if Path(source).is_dir():
                report.sources.append(self._folder(Path(source), report))
                continue
            try:
                urls = feed_urls(source)
            except BadInput as error:
                report.sources.append(SourceRound(source, "error", error=str(error)))
                continue
            for url in urls:
                if self.stop.is_set():
                    break
                report.sources.append(self._feed(url, report))
        return report

    # --- feeds ---

    def _feed(self, url: str, report: RoundReport) -> SourceRound:
        state = self.library.source_state(url) or {"source": url, "kind": "feed", "articles": 0}
        fetched = self.fetcher.get(url, etag=state.get("etag"), last_modified=state.get("last_modified"))
        state.update(last_fetch=generated_at())
        if fetched.not_modified:
            self.library.record_source(dict(state, status="not modified", error=None))
            return SourceRound(url, "not modified")
        if fetched.content is None:
            self.library.record_source(dict(state, status="error", error=fetched.error))
            return SourceRound(url, "error", error=fetched.error)
        try:
            feed = parse_feed(fetched.content, url)
        except BadInput as error:
            self.library.record_source(dict(state, status="error", error=str(error)))
            return SourceRound(url, "error", error=str(error))
        state.update(title=feed.title or state.get("title"), etag=fetched.etag, last_modified=fetched.last_modified)
        seen = self.library.seen_entries(url, [entry.key for entry in feed.entries])
        unseen = [entry for entry in feed.entries if entry.key not in seen]
        articles, rejected, notes, taken = [], [], [], []
        for entry in unseen:
            if self.stop.is_set():
                break
            outcome = self._entry_article(entry, feed)
            if isinstance(outcome, Article):
                articles.append(outcome)
                if outcome.note:
                    notes.append(f"{entry.link or entry.key}: {outcome.note}")
            else:
                rejected.append(outcome)
            taken.append((entry.key, outcome.id if isinstance(outcome, Article) else None))
        result = self.library.take_in(url, articles, rejected, taken, self.options)
        report.results.append(result)
        stopped = len(taken) < len(unseen)
        status = "stopped" if stopped else "new entries" if unseen else "nothing new"
        state.update(status=feed.problem and f"{status}; {feed.problem}" or status, error=None,
                     articles=(state.get("articles") or 0) + result.placed)
        if stopped:  # the validators would hide the untaken entries from the next round's conditional GET
            state.update(etag=None, last_modified=None)
        self.library.record_source(state)
        return SourceRound(url, status, len(taken), result.placed, feed.problem, tuple(notes))

    def _entry_article(self, entry: FeedEntry, feed: ParsedFeed) -> Article | Rejected:
        """The entry's article from its page; from its own text, saying so, when the page cannot be had."""
        label = entry.link or f"{feed.title or 'feed'}#{entry.key}"
        reason = "the entry has no link"
        if entry.link and entry.link.startswith(("http://", "https://")):
            if not self.fetcher.allowed(entry.link):
                reason = "the site's robots.txt does not allow fetching the page"
            else:
                page = self.fetcher.get(entry.link)
                reason = page.error or ""
                if page.content is not None and not page.content_type.startswith(HTML_TYPES):
                    reason = f"the page is {page.content_type or 'of no stated type'}, not HTML"
                elif page.content is not None:
                    try:
                        article = read_html(page.content, label, url=page.final_url or entry.link)
                        return _with_feed_metadata(article, entry, feed)
                    except BadInput as error:
                        reason = str(error).removeprefix(f"{label}: ")
        if not entry.text.strip():
            return Rejected(label, f"no text: the page could not be had ({reason}) and the entry carries none", "watch")
        article = entry_article(entry.text, label, title=entry.title, source=feed.title, url=entry.link,
                                published=entry.published)
        return replace(article, note=f"the feed's own text: the page could not be had ({reason})")

    # --- folders ---

    def _folder(self, folder: Path, report: RoundReport) -> SourceRound:
        source = str(folder.resolve())
        state = self.library.source_state(source) or {"source": source, "kind": "folder", "articles": 0}
        files = sorted(
            path for path in folder.rglob("*")
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts)
            and path.name.lower().endswith(SUPPORTED_SUFFIXES)
        )
        keys = {f"{path.relative_to(folder).as_posix()}|{stat.st_size}|{stat.st_mtime_ns}": path
                for path in files if (stat := path.stat())}
        seen = self.library.seen_entries(source, list(keys))
        articles, rejected, taken = [], [], []
        for key, path in keys.items():
            if key in seen:
                continue
            if self.stop.is_set():
                break
            outcomes = read_file(path, path.as_posix(), max_bytes=self.options.max_bytes)
            articles.extend(outcome for outcome in outcomes if isinstance(outcome, Article))
            rejected.extend(outcome for outcome in outcomes if isinstance(outcome, Rejected))
            taken.append((key, None))
        result = self.library.take_in(source, articles, rejected, taken, self.options)
        report.results.append(result)
        status = "new files" if taken else "nothing new"
        self.library.record_source(dict(state, last_fetch=generated_at(), status=status, error=None,
                                        articles=(state.get("articles") or 0) + result.placed))
        return SourceRound(source, status, len(taken), result.placed)


def _with_feed_metadata(article: Article, entry: FeedEntry, feed: ParsedFeed) -> Article:
    """The page's article with what the feed states filling what the page does not: the feed's date is
    metadata about the entry, its title names the outlet when the page names none."""
    return replace(
        article,
        title=article.title or entry.title,
        source=article.source or feed.title,
        url=article.url or entry.link,
        published=article.published or entry.published,
        published_from=article.published_from or ("metadata" if entry.published else None),
        published_confidence=article.published_confidence if article.published else (1.0 if entry.published else 0.0),
    )
