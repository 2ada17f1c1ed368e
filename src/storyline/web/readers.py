"""How the web app reads the library: one read-only connection per server thread, and rendered pages kept
per briefing version.

SQLite connections belong to the thread that opened them, and the server answers requests on a pool of
threads, so each thread opens its own read-only ``Library`` the first time it needs one. A read-only
connection in WAL mode never waits for ``add`` and never blocks it. A story page costs a briefing's worth
of rendering; it changes only when a new version is saved, so pages are cached by (story, version).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from storyline.library import Library

Value = TypeVar("Value")

CACHED_PAGES = 128
"""Rendered pages (story pages and story JSON) kept in memory, the most recently used."""


class Readers:
    """A read-only Library for the calling thread, opened on first use and kept for the thread's life."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[Library] = []
        self._lock = threading.Lock()

    def library(self) -> Library:
        library = getattr(self._local, "library", None)
        if library is None:
            library = Library(self.path, readonly=True)
            self._local.library = library
            with self._lock:
                self._opened.append(library)
        return library

    def close(self) -> None:
        """Close every thread's connection (at server shutdown)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for library in opened:
            library.close()


class PageCache:
    """A bounded, thread-safe map from a key (story id, version, kind) to what was rendered for it. Threads
    asking for the same missing key wait for the one rendering it rather than all rendering it."""

    def __init__(self, size: int = CACHED_PAGES) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self._rendering: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, render: Callable[[], Value]) -> Value:
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]  # type: ignore[return-value]
            own = self._rendering.setdefault(key, threading.Lock())
        with own:
            with self._lock:
                if key in self._pages:
                    return self._pages[key]  # type: ignore[return-value]
            try:
                value = render()
            finally:
                with self._lock:
                    self._rendering.pop(key, None)
            with self._lock:
                self._pages[key] = value
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)
        return value
