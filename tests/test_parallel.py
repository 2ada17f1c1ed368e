"""Parsing and analysis on worker processes give the same briefing as one process, and an article whose
analysis fails on a worker is reported as one that fails in-process is."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import shared_data
from storyline.analyze.parallel import AnalysisPool, analyze_chunk
from storyline.library import AddOptions, BuildOptions, Library, build_story
from storyline.render import render_json

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bbc_files():
    """60 BBC articles on the BP oil spill: more than the pool needs before it starts workers."""
    return sorted(shared_data("bench/timeline17/bpoil_bbc").rglob("*.txt"))[:60]


def test_parallel_build_on_two_processes_equals_one(bbc_files, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = build_story(bbc_files, BuildOptions(db=tmp_path / "one.db", workers=1))
    two = build_story(bbc_files, BuildOptions(db=tmp_path / "two.db", workers=2))
    assert two.analyzed == one.analyzed == len(one.story.articles)
    assert render_json(two.story) == render_json(one.story)


def test_parallel_add_on_two_processes_places_articles_as_one(bbc_files, tmp_path):
    placed = []
    for workers, name in ((1, "one.db"), (2, "two.db")):
        with Library(tmp_path / name) as library:
            result = library.add(bbc_files, AddOptions(workers=workers, briefings=False))
            placed.append(sorted((p.article_id, p.event_id, p.story_id) for p in result.placements))
    assert placed[0] and placed[0] == placed[1]


def test_parallel_pool_waits_for_enough_articles():
    with AnalysisPool(2) as pool:
        assert not pool.worth_it(10) and pool.worth_it(100)
    assert not AnalysisPool(1).worth_it(10_000)


def test_parallel_worker_reports_an_article_too_long_to_parse(tmp_path):
    from storyline.ingest.article import make_article

    article = make_article("The spill widened. " * 60_000, "long.txt")
    ((doc_bytes, analysis, failures),) = analyze_chunk([(article, None)])
    assert doc_bytes is None and analysis.sentences == ()
    assert failures and "split the file" in failures[0].reason


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_parallel_workers_die_with_an_add_killed_mid_run(bbc_files, tmp_path):
    adding = subprocess.Popen(
        [Path(sys.executable).with_name("storyline"), "add", *bbc_files, "--db", str(tmp_path / "library.db"),
         "--workers", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and adding.poll() is None:
        workers = {pid for pid in _children(adding.pid) if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()}
        time.sleep(0.2)
    assert len(workers) >= 2, "the add finished or never started its workers"
    adding.send_signal(signal.SIGKILL)
    adding.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)
