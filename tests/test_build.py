"""End to end on the shipped example corpus: the seeds build into a sourced story."""

import json
import shutil

import pytest

from conftest import EXAMPLES
from storyline.library import BuildOptions, build_story
from storyline.render import write_story

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    result = build_story([EXAMPLES], BuildOptions(db=out / "storyline.db"))
    write_story(result.story, out)
    return result, out


def test_build_every_input_is_an_article_or_rejected(seeds_build):
    result, _ = seeds_build
    story = result.story
    assert len(story.articles) == 5
    assert [entry.path for entry in story.rejected] == [str(EXAMPLES / "README.md")]


def test_build_every_evidence_quote_is_the_text_at_its_offsets(seeds_build):
    _, out = seeds_build
    story = json.loads((out / "story.json").read_text(encoding="utf-8"))
    texts = {article["id"]: article["text"] for article in story["articles"]}
    evidence = list(_evidence_items(story))
    assert len(evidence) > 20
    for item in evidence:
        assert texts[item["article"]][item["start"] : item["end"]] == item["quote"]


def test_build_story_json_validates_against_the_schema(seeds_build):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib.resources import files

    _, out = seeds_build
    schema = json.loads(files("storyline").joinpath("story.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads((out / "story.json").read_text(encoding="utf-8")), schema)


def test_build_writes_every_output_format(seeds_build):
    _, out = seeds_build
    for name in ("story.json", "report.html", "timeline.md", "timelinejs.json"):
        assert (out / name).stat().st_size > 0


def test_build_dates_every_seed_article_from_its_text(seeds_build):
    result, _ = seeds_build
    for article in result.story.articles:
        assert article.published is not None, article.path
        assert article.published_from == "text"
        assert 0 < article.published_confidence <= 1


def test_build_rerun_reanalyzes_nothing(seeds_build):
    _, out = seeds_build
    again = build_story([EXAMPLES], BuildOptions(db=out / "storyline.db"))
    assert (again.analyzed, again.reused) == (0, 5)


def test_build_added_article_is_the_only_one_analyzed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    build_story([corpus], BuildOptions(db=tmp_path / "s.db"))
    (corpus / "kabul.txt").write_text(
        "KABUL, March 3, 2019 (AP) - Afghan officials said Sunday that talks with the Taliban would resume "
        "in Qatar later this month, after a pause of several weeks.\n",
        encoding="utf-8",
    )
    again = build_story([corpus], BuildOptions(db=tmp_path / "s.db"))
    assert (again.analyzed, again.reused) == (1, 5)


def test_build_same_inputs_give_byte_identical_story_json(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outputs = []
    for run in ("first", "second"):
        result = build_story([EXAMPLES], BuildOptions(db=tmp_path / f"{run}.db"))
        write_story(result.story, tmp_path / run)
        outputs.append((tmp_path / run / "story.json").read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"generated_at": "2023-11-14T22:13:20Z"' in outputs[0]


def _evidence_items(node):
    if isinstance(node, dict):
        if {"article", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from _evidence_items(value)
    elif isinstance(node, list):
        for value in node:
            yield from _evidence_items(value)


def test_build_timeline_tells_the_syria_withdrawal_in_its_month(seeds_build):
    # Article 000 is dated by "Wednesday" and "December 11 … last week": sure of December 2018, not of the
    # day, so its headline event is on the timeline at month precision rather than missing or on a guessed day.
    result, _ = seeds_build
    (entry,) = [entry for entry in result.story.timeline if "withdrawing troops from Syria" in entry.text]
    assert entry.date.iso() == "2018-12"


def test_build_events_are_dated_no_finer_than_their_articles_are_sure(seeds_build):
    result, _ = seeds_build
    assert [event.first.iso() for event in result.story.events] == ["2018-02-05", "2018-12", "2024"]
