"""The Timeline17 evaluation: reading the format, pooling topics, writing re-scorable output, scoring."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import shared_data
from storyline.errors import BadInput
from storyline.eval import tls

GOLD = """2010-04-20
An explosion and fire on the BP-operated drilling rig Deepwater Horizon kills 11 workers .
Thousands of gallons of oil begin gushing into the Gulf of Mexico from the blown-out well .
--------------------------------
2011-04-0
Jury selection begins .
--------------------------------
2010-07-15
After 85 days , BP manages to stanch the leak with a massive cap .
--------------------------------
"""

ARTICLES = {
    "2010-04-21": "An explosion on the Deepwater Horizon drilling rig killed 11 workers on Tuesday , BP said .\n"
    "Oil began gushing into the Gulf of Mexico from the blown-out well after the fire on the rig .\n",
    "2010-07-16": "BP managed to stanch the leak with a massive cap on Thursday after 85 days of gushing oil .\n"
    "The cap on the blown-out well in the Gulf of Mexico held overnight , officials said .\n",
}


def _write_folder(root: Path, name: str, gold: str = GOLD, articles: dict[str, str] = ARTICLES) -> Path:
    folder = root / name
    (folder / "timelines").mkdir(parents=True)
    (folder / "timelines" / "gold.txt").write_text(gold, encoding="utf-8")
    for day, text in articles.items():
        (folder / "InputDocs" / day).mkdir(parents=True)
        (folder / "InputDocs" / day / "1.htm.txt").write_text(text, encoding="utf-8")
    return folder


def test_eval_tls_reads_gold_and_names_the_blocks_it_cannot_date(tmp_path):
    (gold,) = tls.read_gold(_write_folder(tmp_path, "bpoil_bbc"))
    assert sorted(gold.dates_to_sentences) == [dt.date(2010, 4, 20), dt.date(2010, 7, 15)]
    assert gold.sentences_per_date == 2  # 3 sentences over 2 dates, rounded
    assert gold.date_range == (dt.date(2010, 4, 20), dt.date(2010, 7, 15))
    assert gold.skipped == ("gold.txt line 5: date '2011-04-0'",)


def test_eval_tls_pools_folders_that_share_a_prefix(tmp_path):
    _write_folder(tmp_path, "bpoil_bbc")
    _write_folder(tmp_path, "bpoil_reuters")
    _write_folder(tmp_path, "MJ_bbc")
    topics = {topic.name: topic for topic in tls.load_topics(tmp_path)}
    assert sorted(topics) == ["MJ", "bpoil"]
    assert len(topics["bpoil"].articles) == 4 and len(topics["bpoil"].gold) == 2
    (only,) = tls.load_topics(tmp_path, ["bpoil_reuters"])
    assert len(only.articles) == 4 and [gold.name for gold in only.gold] == ["bpoil_reuters/gold.txt"]


def test_eval_tls_articles_are_published_on_their_folder_date(tmp_path):
    articles = list(tls.read_articles(_write_folder(tmp_path, "bpoil_bbc")))
    assert [article.published.iso() for article in articles] == ["2010-04-21", "2010-07-16"]
    assert {article.published_from for article in articles} == {"file"}


def test_eval_tls_rejects_an_unknown_topic_with_the_choices(tmp_path):
    _write_folder(tmp_path, "bpoil_bbc")
    with pytest.raises(BadInput, match="choose from"):
        tls.load_topics(tmp_path, ["syria"])


def test_eval_tls_written_timeline_reads_back_with_tilse(tmp_path):
    from tilse.data.timelines import Timeline

    predicted = {dt.date(2010, 7, 15): ["BP caps the well ."], dt.date(2010, 4, 20): ["The rig explodes ."]}
    path = tmp_path / "out" / "bpoil_bbc" / "gold.txt"
    tls.write_timeline(path, predicted)
    with path.open(encoding="utf-8") as handle:
        assert Timeline.from_file(handle).dates_to_summaries == predicted


def test_eval_tls_run_scores_a_small_topic(tmp_path):
    _write_folder(tmp_path / "data", "bpoil_bbc")
    result = tls.run(tmp_path / "data", out=tmp_path / "out")
    assert result["timelines"] == 1
    assert {"ar1_f", "ar2_f", "date_f1", "seconds", "per_timeline"} <= set(result)
    (row,) = result["per_timeline"]
    assert row["predicted_dates"] <= row["gold_dates"] == 2
    assert 0 < result["ar1_f"] <= 1 and 0 <= result["date_f1"] <= 1
    assert (tmp_path / "out" / "bpoil_bbc" / "gold.txt").read_text(encoding="utf-8").startswith("2010-")


def test_eval_tls_runs_on_timeline17_documents(tmp_path):
    source = shared_data("bench/timeline17/MJ_bbc")
    folder = tmp_path / "MJ_bbc"
    shutil.copytree(source / "timelines", folder / "timelines")
    for day in sorted((source / "InputDocs").iterdir())[:3]:
        shutil.copytree(day, folder / "InputDocs" / day.name)
    result = tls.run(tmp_path)
    assert result["timelines"] == 1 and result["per_timeline"][0]["articles"] >= 1
