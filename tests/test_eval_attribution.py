"""The PolNeAR attribution eval: brat reading, scoring rules, prediction files, and a run on real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_data

from storyline.errors import BadInput
from storyline.eval.attribution import (
    AttributionSpans,
    GoldArticle,
    read_brat,
    run,
    score_against,
    score_article,
    write_brat,
)

TEXT = '"We refused his proposal," said Abbasi. Officials said the deal would see troops leave.'
QUOTE = (0, TEXT.index(" said"))
SOURCE = (TEXT.index("Abbasi"), TEXT.index("Abbasi") + 6)
INDIRECT = (TEXT.index("the deal"), len(TEXT) - 1)
GOLD = [
    AttributionSpans((QUOTE,), ((SOURCE),), ((TEXT.index("said"), TEXT.index("said") + 4),)),
    AttributionSpans((INDIRECT,), ((TEXT.index("Officials"), TEXT.index("Officials") + 9),), ()),
]


def test_eval_attribution_exact_and_overlap_matches_are_counted():
    shorter = (INDIRECT[0], INDIRECT[1] - len(" leave"))
    counts = score_against(TEXT, [GOLD[0], AttributionSpans((shorter,), GOLD[1].source)], GOLD)
    assert counts.exact == 1 and counts.matched == 2
    assert counts.sources_right == 2 and counts.sources_judged == 2


def test_eval_attribution_small_overlap_is_no_match():
    tiny = (INDIRECT[0], INDIRECT[0] + len("the deal"))
    counts = score_against(TEXT, [AttributionSpans((tiny,))], GOLD)
    assert counts.matched == 0 and counts.predicted == 1 and counts.gold == 2


def test_eval_attribution_wrong_source_is_counted_wrong():
    counts = score_against(TEXT, [AttributionSpans((QUOTE,), ((INDIRECT),))], GOLD)
    assert counts.matched == 1 and counts.sources_right == 0 and counts.sources_judged == 1


def test_eval_attribution_two_annotators_are_averaged():
    article = GoldArticle("a", TEXT, {"one": GOLD, "two": GOLD[:1]})
    counts = score_article(article, GOLD[:1])
    assert counts.gold == pytest.approx(1.5) and counts.matched == pytest.approx(1.0)


def test_eval_attribution_brat_round_trip(tmp_path: Path):
    path = tmp_path / "attributions" / "a.ann"
    write_brat(path, TEXT, GOLD)
    assert read_brat(path) == [GOLD[0], AttributionSpans(GOLD[1].content, GOLD[1].source, ())]


def test_eval_attribution_bad_offsets_name_the_line(tmp_path: Path):
    path = tmp_path / "bad.ann"
    path.write_text("T1\tContent 12 x\tword\n", encoding="utf-8")
    with pytest.raises(BadInput, match="line 1"):
        read_brat(path)


def test_eval_attribution_missing_folders_are_reported(tmp_path: Path):
    with pytest.raises(BadInput, match="text/ and attributions/"):
        run(tmp_path)


@pytest.mark.slow
def test_eval_attribution_runs_on_polnear_dev(tmp_path: Path):
    data = shared_data("bench/polnear/dev")
    scores = run(data, out=tmp_path, limit=1)
    assert scores["docs"] == 1
    assert 0.0 < scores["content_f1_overlap"] <= 1.0
    assert set(scores["baseline_textacy"]) >= {"content_f1_exact", "content_f1_overlap", "source_acc"}
    written = list((tmp_path / "attributions").glob("*.ann"))
    assert len(written) == 1 and read_brat(written[0])
