"""`--ray`: the per-article work on a local 2-CPU Ray gives the library one process gives, survives a
worker killed mid-run, and without the extra says how to install it."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import shared_data
from storyline.errors import MissingExtra
from storyline.library import AddOptions, Library
from storyline.render import render_json

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bbc_files():
    pytest.importorskip("ray", reason="needs the ray extra (pip install 'storyline[ray]'; make test installs it)")
    return sorted(shared_data("bench/timeline17/bpoil_bbc").rglob("*.txt"))[:60]


def _briefings(db: Path) -> dict[str, str]:
    with Library(db) as library:
        return {listing.id: render_json(library.story(listing.id)) for listing in library.stories()}


def test_ray_library_equals_the_one_built_without_it(bbc_files, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for name, options in (("plain.db", AddOptions()), ("ray.db", AddOptions(ray="local"))):
        with Library(tmp_path / name) as library:
            library.add(bbc_files, options)
    plain, ray = _briefings(tmp_path / "plain.db"), _briefings(tmp_path / "ray.db")
    assert plain and ray == plain


def _ray_workers() -> list[int]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if b"RayAnalyzer" in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_ray_run_completes_when_a_worker_is_killed(bbc_files, tmp_path):
    import os
    import signal

    killed: list[int] = []

    def kill_one() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            workers = _ray_workers()
            if workers:
                time.sleep(1.0)  # let it take a batch first
                os.kill(workers[0], signal.SIGKILL)
                killed.append(workers[0])
            time.sleep(0.2)

    killer = threading.Thread(target=kill_one, daemon=True)
    killer.start()
    with Library(tmp_path / "library.db") as library:
        result = library.add(bbc_files, AddOptions(ray="local", briefings=False))
    killer.join(timeout=5)
    assert killed, "no Ray worker was seen to kill"
    assert len(result.placements) + len(result.duplicates) == len(bbc_files) and not result.rejected


def test_ray_without_the_extra_says_how_to_install_it(monkeypatch):
    from storyline.distributed.ray_pool import require_ray

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingExtra, match=r"pip install 'storyline\[ray\]'"):
        require_ray()

