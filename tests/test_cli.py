"""The command line: exit codes and messages."""

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from storyline.cli import main


def test_cli_build_missing_path_says_so():
    result = CliRunner().invoke(main, ["build", "no/such/folder", "-o", "out"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_cli_timex_bad_dct_is_rejected(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The White House said Wednesday the United States has begun withdrawing troops.")
    result = CliRunner().invoke(main, ["timex", str(article), "--dct", "19-12-2018"])
    assert result.exit_code == 2
    assert "expected YYYY-MM-DD" in result.output


def test_cli_timex_with_dct_prints_normalized_values(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The White House said Wednesday the United States has begun withdrawing troops.\n")
    result = CliRunner().invoke(main, ["timex", str(article), "--dct", "2018-12-19"])
    assert result.exit_code == 0, result.output
    assert "\tDATE\t2018-12-19\tWednesday" in result.output


@pytest.mark.slow
def test_cli_build_strict_exits_non_zero_on_rejected_input(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(tmp_path), "--strict", "--quiet"])
    assert result.exit_code == 3
    assert "rejected: " in result.output
    assert "5 articles read, 0 duplicates, 1 rejected" in result.output


@pytest.mark.slow
def test_cli_build_prints_where_the_report_is(tmp_path):
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(tmp_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"report: {tmp_path / 'report.html'}" in result.output


def test_cli_build_of_inputs_all_rejected_says_so_and_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_text("\n")
    (tmp_path / "notes.md").write_text("# Reading list\n")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 4
    assert "all 2 inputs were rejected" in result.output and not (tmp_path / "out" / "report.html").exists()


def test_cli_eval_without_the_eval_extras_says_how_to_install_them(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "tilse.data.timelines", None)
    result = CliRunner().invoke(main, ["eval", "tls", "--data", str(tmp_path)])
    assert result.exit_code != 0
    assert "storyline eval tls needs tilse, one of the eval extras: run `make eval-deps`" in result.output
    assert "Traceback" not in result.output
