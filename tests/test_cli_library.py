"""The library commands: add, stories, show and refresh, their messages and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from storyline.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "news.db"
    result = CliRunner().invoke(main, ["add", str(EXAMPLES), "--db", str(db), "--quiet"])
    return db, result


def test_cli_library_add_says_what_it_read_and_which_stories_are_new(added):
    _, result = added
    assert result.exit_code == 0, result.output
    assert "5 articles read, 0 duplicates, 1 rejected, 0 already in the library" in result.output
    assert "new story s" in result.output


def test_cli_library_add_again_says_nothing_changed(added):
    db, _ = added
    result = CliRunner().invoke(main, ["add", str(EXAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 already in the library" in result.output
    assert f"no story changed in {db}" in result.output


def test_cli_library_add_strict_exits_non_zero_on_rejected_input(added):
    db, _ = added
    result = CliRunner().invoke(main, ["add", str(EXAMPLES), "--db", str(db), "--quiet", "--strict"])
    assert result.exit_code == 3


def test_cli_library_stories_json_is_one_object_per_line(added):
    db, _ = added
    result = CliRunner().invoke(main, ["stories", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    expected = {"id", "title", "first", "last", "articles", "sources", "events", "updated", "version", "pending", "outlets", "days"}
    assert rows and set(rows[0]) == expected
    assert sum(row["articles"] for row in rows) == 5


def test_cli_library_stories_lines_name_each_story(added):
    db, _ = added
    result = CliRunner().invoke(main, ["stories", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert " articles, 0 sources, " in result.output


def test_cli_library_show_writes_every_format(added, tmp_path):
    db, _ = added
    listing = json.loads(CliRunner().invoke(main, ["stories", "--db", str(db), "--json"]).output.splitlines()[0])
    result = CliRunner().invoke(main, ["show", listing["id"][:8], "--db", str(db), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"report: {tmp_path / 'report.html'}" in result.output
    for name in ("story.json", "report.html", "timeline.md", "timelinejs.json"):
        assert (tmp_path / name).stat().st_size > 0
    assert json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))["id"] == listing["id"]


def test_cli_library_show_unknown_story_says_how_to_list_them(added, tmp_path):
    db, _ = added
    result = CliRunner().invoke(main, ["show", "s00000000", "--db", str(db), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "storyline stories" in result.output


def test_cli_library_stories_without_a_library_says_how_to_make_one(tmp_path):
    result = CliRunner().invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "storyline add PATH" in result.output


def test_cli_library_refresh_with_nothing_stale_says_so(added):
    db, _ = added
    result = CliRunner().invoke(main, ["refresh", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "every briefing is up to date" in result.output


def test_cli_library_add_of_inputs_all_rejected_says_so_and_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("\n")
    result = CliRunner().invoke(main, ["add", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "news.db")])
    assert result.exit_code == 4 and "all 1 inputs were rejected" in result.output
