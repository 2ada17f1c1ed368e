"""The TempEval-3 timex eval, run on two real TimeBank files."""

from __future__ import annotations

import shutil

import pytest
from lxml import etree

from conftest import shared_data
from storyline.errors import BadInput
from storyline.eval.timex import read_timeml, run, value_kind

FILES = ("TimeBank/ABC19980108.1830.0711.tml", "AQUAINT/APW19980807.0261.tml")


@pytest.fixture()
def two_files(tmp_path):
    root = shared_data("bench/tempeval3/TBAQ-cleaned")
    for name in FILES:
        shutil.copy(root / name, tmp_path / name.split("/")[-1])
    return tmp_path


def test_eval_timex_reads_gold_spans_as_offsets_into_the_raw_text(two_files):
    document = read_timeml(two_files / "ABC19980108.1830.0711.tml")
    assert document.dct.iso() == "1998-01-08"
    assert [document.text[item.start : item.end] for item in document.timexes[:3]] == [
        "week", "the last twenty four hours", "five year"]


@pytest.mark.parametrize("mode", ["gold", "none", "infer"])
def test_eval_timex_reports_the_tempeval_scores(two_files, mode):
    result = run(two_files, dct_mode=mode)
    assert result["docs"] == 2 and result["timexes"] > 10
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1"):
        assert 0.0 <= result[key] <= 1.0
    assert result["strict_f1"] <= result["relaxed_f1"]
    if mode == "infer":
        assert {"day_acc", "within3_acc", "within7_acc", "year_acc"} <= set(result)


def test_eval_timex_gold_dct_beats_no_dct_on_values(two_files):
    assert run(two_files, dct_mode="gold")["value_f1"] > run(two_files, dct_mode="none")["value_f1"]


def test_eval_timex_writes_timeml_with_system_tags(two_files, tmp_path):
    out = tmp_path / "predicted"
    run(two_files, out=out)
    written = etree.parse(str(out / "APW19980807.0261.tml")).getroot()
    tags = list(written.find(".//TEXT").iter("TIMEX3"))
    assert tags and all(tag.get("value") and tag.get("type") for tag in tags)
    assert "".join(written.find(".//TEXT").itertext()) == read_timeml(two_files / "APW19980807.0261.tml").text
    assert written.find(".//DCT/TIMEX3").get("value") == "1998-08-07"


def test_eval_timex_rejects_an_unknown_dct_mode(two_files):
    with pytest.raises(BadInput, match="gold, infer, none"):
        run(two_files, dct_mode="guess")


def test_eval_timex_says_when_no_timeml_is_found(tmp_path):
    with pytest.raises(BadInput, match="no .tml files"):
        run(tmp_path)


@pytest.mark.parametrize(
    ("value", "kind"),
    [("1998-08-07", "day"), ("1998-08-07T10:00", "time"), ("P3Y", "duration"), ("XXXX-WXX-5", "underspecified"),
     ("1989-Q3", "quarter"), ("1998-W33", "week"), ("1998-FA", "season"), ("1989", "year"), ("199", "decade"),
     ("PAST_REF", "reference"), ("1998-08", "month")],
)
def test_eval_timex_value_kinds(value, kind):
    assert value_kind(value) == kind


def test_eval_timex_breaks_value_accuracy_down_by_kind(two_files):
    result = run(two_files, dct_mode="none")
    by_kind = result["value_by_kind"]
    assert sum(row["gold"] for row in by_kind.values()) == result["timexes"]
    assert by_kind["day"]["right"] < by_kind["day"]["gold"]  # "Friday" needs the DCT
    assert all(0.0 <= row["accuracy"] <= 1.0 for row in by_kind.values())
