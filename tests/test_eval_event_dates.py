"""eval event-dates: the timeline's date for each gold sentence against the date of the event it reports."""

from __future__ import annotations

import json

import pytest

from conftest import EXAMPLES
from storyline.errors import BadInput
from storyline.eval.event_dates import Judgement, run
from storyline.model import PartialDate

SEED = EXAMPLES / "004_876711f44ed858c4.txt"
LEAD = (
    "American military forces have begun to withdraw from Iraq following Baghdad's declaration of victory over "
    "the Islamic State group last year, Western contractors say."
)


def _gold(tmp_path, date: str | None) -> dict:
    text = SEED.read_text(encoding="utf-8")
    start = text.index(LEAD)
    gold = {
        "texts": str(EXAMPLES.parent),
        "documents": [{"file": f"{EXAMPLES.name}/{SEED.name}", "published": "2018-02-05", "sentences": [
            {"start": start, "end": start + len(LEAD), "text": LEAD, "date": date, "kind": "news_of_the_day"},
        ]}],
    }
    path = tmp_path / "event_dates_gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return run(path)


@pytest.mark.slow
def test_eval_event_dates_lead_sentence_takes_its_articles_stated_day(tmp_path):
    scores = _gold(tmp_path, "2018-02-05")
    assert scores["accuracy"] == 1.0 and scores["text_only_accuracy"] == 1.0


@pytest.mark.slow
def test_eval_event_dates_a_date_where_the_gold_says_no_event_is_a_false_date(tmp_path):
    scores = _gold(tmp_path, None)
    assert scores["accuracy"] == 0.0 and scores["false_dates"] == 1


def test_eval_event_dates_the_right_month_for_a_gold_day_is_consistent_but_not_right():
    judgement = Judgement("f", "t", "relative", PartialDate.parse("2018-12-19"), PartialDate.parse("2018-12"))
    assert judgement.consistent and not judgement.right


def test_eval_event_dates_another_day_is_wrong():
    judgement = Judgement("f", "t", "relative", PartialDate.parse("2018-12-19"), PartialDate.parse("2018-12-12"))
    assert not judgement.consistent


def test_eval_event_dates_missing_gold_file_says_what_to_pass(tmp_path):
    with pytest.raises(BadInput, match="event_dates_gold.json"):
        run(tmp_path / "nothing.json")
