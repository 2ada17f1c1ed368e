"""timeline.md: the briefing in Markdown, with source-titled links and escaped article text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from seed_story import hostile_story, seed_story, widely_reported_story

from storyline.render import render_markdown


@pytest.fixture(scope="module")
def markdown() -> str:
    return render_markdown(seed_story())


def test_render_markdown_timeline_line_names_date_text_and_sources(markdown):
    assert (
        "- **2003** — In 2003, an American-led invasion toppled Iraqi President Saddam Hussein and troops engaged "
        "in extended fighting across the country, battling an insurgency and later sectarian violence. "
        "([CNN, Feb 2018](#source-3), [As the Islamic State dwindles, US withdraws troops from Iraq](#source-2)) "
        "_(2 sources)_"
    ) in markdown


def test_render_markdown_marks_planned_events(markdown):
    assert re.search(r"- \*\*2025-09\*\* — The second phase .* _\(planned, 1 source\)_", markdown)


def test_render_markdown_sections_in_order(markdown):
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings == ["Summary", "Timeline", "Figures", "Quotes", "Sources", "Duplicates", "Rejected inputs"]


def test_render_markdown_every_source_link_has_an_anchor(markdown):
    links = set(re.findall(r"\]\(#(source-\d+)\)", markdown))
    anchors = set(re.findall(r'<a id="(source-\d+)"></a>', markdown))
    assert links and links <= anchors


def test_render_markdown_figures_as_tables_with_conflicts(markdown):
    assert "### troops in Iraq\n\n| As of | Value | Source |\n| --- | --- | --- |\n" in markdown
    assert "| 2007 | near 166,000 | [CNN, Feb 2018](#source-3) |" in markdown
    assert "| undated | 40,000 |" in markdown
    assert "> **Sources disagree** for 2007: 170,000 vs 166,000" in markdown


def test_render_markdown_quotes_by_speaker(markdown):
    assert "### Sarah Sanders\n\n- “We have started returning United States troops home" in markdown
    assert "bilateral security partnership with the Iraqi government _(reported)_ — told reporters, 2024-09-27" in markdown


def test_render_markdown_sources_show_inferred_dates_and_urls(markdown):
    assert "19 Dec 2018, inferred from text (confidence 0.8)" in markdown
    assert "<https://www.newarab.com/news/us-starts-iraq-withdrawal-after-defeat-islamic-state>" in markdown


def test_render_markdown_says_what_an_inferred_dates_confidence_means(markdown):
    assert "confidence is the share of dates inferred from the same kind of evidence that were right" in markdown


def test_render_markdown_without_inferred_dates_has_no_confidence_note():
    story = seed_story()
    stated = replace(story, articles=tuple(replace(a, published_from="metadata") for a in story.articles))
    assert "confidence is the share" not in render_markdown(stated)


def test_render_markdown_lists_set_aside_inputs(markdown):
    assert "- mirror/new-arab-copy.txt: copy of [US starts Iraq withdrawal after defeat of Islamic State](#source-5)" in markdown
    assert "- inbox/photo.jpg (ingest): binary file (image/jpeg): not an article" in markdown


def test_render_markdown_escapes_markup_from_articles():
    markdown = render_markdown(hostile_story())
    assert not re.search(r"(?<!\\)<(script|img|i>)", markdown)
    assert r"Officials said \<script\>alert(" in markdown
    assert r"\*breaking\*" in markdown
    assert "<javascript:" not in markdown  # a javascript: URL is not made a link


def test_render_markdown_links_the_first_sources_and_counts_the_rest():
    line = next(line for line in render_markdown(widely_reported_story(8)).splitlines() if "25 June" in line)
    assert len(re.findall(r"\]\(#source-\d+\)", line)) == 5
    assert "and 3 more)" in line and "_(8 sources)_" in line
