"""Shared test helpers. Benchmark data lives in ../shared beside the repo and is read only through
``shared_data``, which skips the test with the reason when the data is absent (as on a bare clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "seeds"


def shared_data(relative: str) -> Path:
    """Path to ``../shared/<relative>``, or skip the calling test if it is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs ../shared/{relative} beside the repository (benchmark data is not shipped)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from storyline.analyze.nlp import load_nlp

    return load_nlp()


WEB_INPUTS = (EXAMPLES, REPO / "tests" / "fixtures" / "ingest" / "articles.jsonl",
              REPO / "tests" / "fixtures" / "ingest" / "gulf_news.rss", REPO / "tests" / "fixtures" / "web" / "hostile.jsonl")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """A library for the web app's tests: the seeds (one story, no outlets), oil-spill articles and a feed
    from named outlets, and an article whose title, text, address and outlet carry script payloads."""
    from storyline.library import Library

    db = tmp_path_factory.mktemp("web") / "library.db"
    with Library(db) as library:
        library.add(list(WEB_INPUTS))
    return db
