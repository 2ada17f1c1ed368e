"""``kill -9`` of ``add`` at any point leaves a library that opens, and the same ``add`` run again ends
with what an uninterrupted run gives. A subprocess adds the seed articles, two at a time, and kills
itself inside or right after one of its write transactions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REPO
from storyline.library import Library
from storyline.library.store import Store
from storyline.render import render_json

pytestmark = pytest.mark.slow
DRIVER = REPO / "tests" / "crash_add.py"
ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1733200000"}


def add(db: Path, cache: Path, mode: str = "never", number: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(DRIVER), str(db), str(cache), mode, str(number), str(EXAMPLES)],
        capture_output=True, text=True, env=ENVIRONMENT, timeout=300,
    )


def library_state(db: Path) -> dict:
    with Library(db) as library:
        listings = library.stories()
        briefings = {listing.id: render_json(library.story(listing.id)) for listing in listings}
        members = sorted(library.store.members(sorted({e for l in listings for e in library.store.story_events(l.id)})))
    return {"listings": [json.dumps(listing.__repr__()) for listing in listings], "briefings": briefings, "members": members}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    cache = folder / "cache.db"
    run = add(folder / "reference.db", cache)
    assert run.returncode == 0, run.stderr
    return cache, library_state(folder / "reference.db"), int(run.stdout.strip())


@pytest.mark.parametrize(("mode", "point"), [("inside", 1), ("after", 1), ("inside", 2), ("after", 3), ("inside", 4), ("last", 0)])
def test_library_crash_kill_then_rerun_gives_the_uninterrupted_library(reference, tmp_path, mode, point):
    cache, expected, transactions = reference
    db = tmp_path / "killed.db"
    mode, point = ("inside", transactions) if mode == "last" else (mode, point)
    killed = add(db, cache, mode, point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Store(db) as store:
        assert store.integrity() == "ok"
    rerun = add(db, cache)
    assert rerun.returncode == 0, rerun.stderr
    assert library_state(db) == expected
