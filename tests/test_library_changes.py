"""What changed in a library story since a date or a version: the library call, `storyline changes`, the
changes.atom that `show` writes, and the web app's changes page, feed and API."""

from __future__ import annotations

import datetime as dt
import json
from xml.etree import ElementTree

import httpx
import pytest
from click.testing import CliRunner
from web_server import serving

from conftest import EXAMPLES
from storyline.cli import main
from storyline.errors import BadInput, NotFound
from storyline.ingest import read_inputs
from storyline.library import Library
from storyline.web import ServeOptions

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The seeds' library grown in two adds: three articles, then the other two. (path, story id)."""
    db = tmp_path_factory.mktemp("changes") / "library.db"
    files = sorted(EXAMPLES.glob("*.txt"))
    with Library(db) as library:
        library.add(files[1:4])
        library.add([files[0], files[4]])
        story_id = library.stories()[0].id
    return db, story_id


def test_library_changes_since_a_version_name_the_articles_added_after_it(grown):
    db, story_id = grown
    files = sorted(EXAMPLES.glob("*.txt"))
    second_add = {article.id for article in read_inputs([files[0], files[4]]).articles}
    with Library(db) as library:
        changes = library.changes(story_id, "1")
    assert changes.before_version == 1 and set(changes.articles) == second_add


def test_library_changes_since_before_the_first_briefing_hold_everything(grown):
    db, story_id = grown
    with Library(db) as library:
        changes = library.changes(story_id, "2010-01-01")
    assert changes.before_version is None and len(changes.articles) == 5


def test_library_changes_since_a_moment_with_an_offset_read_it_in_utc(grown):
    db, story_id = grown
    with Library(db) as library:
        number, at = library.store.versions(story_id)[-1]
        utc = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
        same_moment_in_athens = utc.astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat()
        assert library.changes(story_id, same_moment_in_athens).before_version == number


def test_library_changes_since_the_latest_version_are_empty(grown):
    db, story_id = grown
    with Library(db) as library:
        latest = library.store.versions(story_id)[-1][0]
        assert library.changes(story_id, str(latest)).empty


def test_library_changes_since_words_say_how_to_write_when(grown):
    db, story_id = grown
    with Library(db) as library, pytest.raises(BadInput, match="ISO 8601"):
        library.changes(story_id, "last Tuesday")


def test_library_changes_since_an_unknown_version_say_which_exist(grown):
    db, story_id = grown
    with Library(db) as library, pytest.raises(NotFound, match="versions are 1 to"):
        library.changes(story_id, "99")


def test_library_history_is_one_change_per_version_newest_first(grown):
    db, story_id = grown
    with Library(db) as library:
        history = library.history(story_id)
        versions = library.store.versions(story_id)
    assert [changes.after_version for changes in history] == [number for number, _ in reversed(versions)]
    assert history[-1].before_version is None


def test_cli_changes_prints_each_change_with_its_evidence(grown):
    db, story_id = grown
    result = CliRunner().invoke(main, ["changes", story_id[:8], "--since", "1", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "since version 1" in result.output and "2 new articles" in result.output
    assert "[" in result.output.split("\n", 3)[-1]  # evidence lines name article[start:end]


def test_cli_changes_json_is_one_object(grown):
    db, story_id = grown
    result = CliRunner().invoke(main, ["changes", story_id, "--since", "1", "--db", str(db), "--json"])
    data = json.loads(result.output)
    assert data["since"]["version"] == 1 and len(data["articles"]) == 2


def test_cli_show_writes_a_feed_with_one_entry_per_version(grown, tmp_path):
    db, story_id = grown
    result = CliRunner().invoke(main, ["show", story_id, "--db", str(db), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    feed = ElementTree.parse(tmp_path / "changes.atom").getroot()
    with Library(db) as library:
        versions = library.store.versions(story_id)
    assert len(feed.findall(f"{ATOM}entry")) == len(versions)


@pytest.fixture(scope="module")
def site(grown):
    with serving(ServeOptions(grown[0])) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client, grown[1]


def test_web_changes_feed_links_each_change_to_its_sentence(site):
    client, story_id = site
    reply = client.get(f"/stories/{story_id}/changes.atom")
    assert reply.headers["content-type"].startswith("application/atom+xml")
    links = [a.get("href") for a in ElementTree.fromstring(reply.text).iter("{http://www.w3.org/1999/xhtml}a")]
    assert links and all("/articles/" in link and "#c-" in link for link in links)


def test_web_changes_page_shows_what_changed_since_the_version_before(site):
    client, story_id = site
    page = client.get(f"/stories/{story_id}/changes")
    assert page.status_code == 200 and "Since version 1" in page.text and "/articles/" in page.text


def test_web_changes_api_is_the_cli_json(site, grown):
    client, story_id = site
    api = client.get(f"/api/stories/{story_id}/changes", params={"since": "1"}).json()
    cli = json.loads(CliRunner().invoke(main, ["changes", story_id, "--since", "1", "--db", str(grown[0]), "--json"]).output)
    assert api == cli
