"""story.json: the contract (schema), provenance of every evidence item, and byte-identical output."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from seed_story import NEW_ARAB, seed_story

import storyline
from storyline.errors import StageError
from storyline.model import Evidence, SummarySentence
from storyline.render import FORMATS, render_json

SCHEMA = json.loads((Path(storyline.__file__).parent / "story.schema.json").read_text(encoding="utf-8"))


def _all_evidence(data: dict) -> list[dict]:
    items = []
    for key in ("timeline", "summary", "quotes"):
        for item in data[key]:
            items += item["evidence"]
    for series in data["figures"]:
        for part in series["points"] + series["conflicts"]:
            items += part["evidence"]
    return items


def test_render_json_validates_against_schema():
    data = json.loads(render_json(seed_story()))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_render_json_schema_rejects_a_bad_date():
    data = json.loads(render_json(seed_story()))
    data["timeline"][0]["date"] = "Dec 2018"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(data)


def test_render_json_evidence_quotes_article_text():
    data = json.loads(render_json(seed_story()))
    texts = {article["id"]: article["text"] for article in data["articles"]}
    evidence = _all_evidence(data)
    assert len(evidence) > 20
    for item in evidence:
        assert texts[item["article"]][item["start"] : item["end"]] == item["quote"]


def test_render_json_is_byte_identical_for_the_same_story():
    assert render_json(seed_story()) == render_json(seed_story())


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_render_json_every_format_is_deterministic(name):
    assert FORMATS[name](seed_story()) == FORMATS[name](seed_story())


def test_render_json_layout_is_sorted_indented_utf8_with_newline():
    text = render_json(seed_story())
    data = json.loads(text)
    assert text.endswith("}\n")
    assert text == json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "Iraq’s" in text  # curly apostrophe kept as written, not \u2019


def test_render_json_lists_duplicates_on_their_article():
    data = json.loads(render_json(seed_story()))
    copies = {article["id"]: article["duplicates"] for article in data["articles"]}
    assert copies[NEW_ARAB] == ["mirror/new-arab-copy.txt"]
    assert sum(len(paths) for paths in copies.values()) == 1


def test_render_json_writes_ranges_as_pairs_and_whole_numbers_as_integers():
    data = json.loads(render_json(seed_story()))
    values = [point["value"] for series in data["figures"] for point in series["points"]]
    assert [1500, 3000] in values
    assert 170000 in values
    assert "170000.0" not in render_json(seed_story())


def test_render_json_keeps_inferred_publication_dates_with_confidence():
    data = json.loads(render_json(seed_story()))
    first = data["articles"][0]
    assert (first["published"], first["published_from"], first["published_confidence"]) == ("2018-12-19", "text", 0.8)


def test_render_json_refuses_a_quote_that_drifted_from_its_source():
    story = seed_story()
    good = story.summary[0].evidence[0]
    drifted = Evidence(good.article, good.start, good.end, good.quote.upper())
    with pytest.raises(StageError, match=r"summary\[0\]\.evidence\[0\]"):
        render_json(replace(story, summary=(SummarySentence("x", (drifted,)),)))


def test_render_json_refuses_evidence_from_an_unknown_article():
    story = seed_story()
    stray = Evidence("not-in-story", 0, 3, "abc")
    with pytest.raises(StageError, match="not in the story"):
        render_json(replace(story, summary=(SummarySentence("x", (stray,)),)))
