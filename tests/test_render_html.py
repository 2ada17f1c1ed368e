"""report.html: self-contained, escaped, and every citation lands on a marked sentence of its source."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from seed_story import evidence, hostile_story, seed_story, widely_reported_story

from storyline.render import render_html
from storyline.render.citations import story_evidence


class _Page(HTMLParser):
    """Collects what the tests look at: element ids, links, resource references, tags and marks."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.resources: list[str] = []
        self.tags: list[str] = []
        self.mark_ids: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if "id" in attributes:
            self.ids.append(attributes["id"])
            if tag == "mark":
                self.mark_ids.append(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        for name in ("src", "srcset", "data", "poster", "background"):
            if name in attributes:
                self.resources.append(attributes[name])
        if tag == "link":
            self.resources.append(attributes.get("href", ""))


@pytest.fixture(scope="module")
def seed_html() -> str:
    return render_html(seed_story())


def test_render_html_every_internal_link_has_a_target(seed_html):
    page = _Page(seed_html)
    internal = [href[1:] for href in page.hrefs if href.startswith("#")]
    assert len(internal) > 30
    assert set(internal) <= set(page.ids)


def test_render_html_ids_are_unique(seed_html):
    page = _Page(seed_html)
    assert len(page.ids) == len(set(page.ids))


def test_render_html_timeline_citation_jumps_to_the_exact_sentence(seed_html):
    story = seed_story()
    evidence = story.timeline[0].evidence[0]
    number = [article.id for article in story.articles].index(evidence.article) + 1
    mark_id = f"source-{number}-{evidence.start}-{evidence.end}"
    assert f'href="#{mark_id}"' in seed_html
    marked = re.search(rf'<mark id="{mark_id}">(.*?)</mark>', seed_html, re.S)
    assert marked and marked.group(1) == evidence.quote


def test_render_html_is_self_contained(seed_html):
    page = _Page(seed_html)
    assert page.resources == []
    assert "script" not in page.tags
    assert not re.search(r"@import|url\(", seed_html)
    external = [href for href in page.hrefs if not href.startswith("#")]
    assert external == [seed_story().articles[4].url]


def test_render_html_escapes_article_text_titles_and_quotes():
    html = render_html(hostile_story())
    page = _Page(html)
    assert "script" not in page.tags and "img" not in page.tags and "b" not in page.tags
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;i&gt;Officials&lt;/i&gt;" in html


def test_render_html_never_links_a_javascript_url():
    page = _Page(render_html(hostile_story()))
    assert all(not href.lower().startswith("javascript:") for href in page.hrefs)


@pytest.mark.parametrize(
    "shown",
    [
        "inferred from text (confidence 0.8)",  # publication date inferred, and said so
        "confidence is the share of dates inferred from the same kind of evidence",  # and what that means
        "https://www.newarab.com/news/us-starts-iraq-withdrawal-after-defeat-islamic-state",
        "mirror/new-arab-copy.txt",  # a duplicate input
        "inbox/photo.jpg",  # a rejected input
        "binary file (image/jpeg): not an article",
        "Sarah Sanders",
        "Daesh",  # an alias of the Islamic State
        "sources disagree",
    ],
)
def test_render_html_shows(seed_html, shown):
    assert shown in seed_html


def test_render_html_marks_planned_events(seed_html):
    planned = re.findall(r'<li class="event planned">.*?</li>', seed_html, re.S)
    assert len(planned) == 1
    assert "next September" in planned[0]
    assert '<span class="badge planned">planned</span>' in planned[0]


def test_render_html_draws_one_chart_per_dated_series(seed_html):
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", seed_html, re.S)
    assert len(charts) == 3
    iraq = charts[0]
    assert 'class="conflict-band"' in iraq
    assert iraq.count('class="point conflict"') == 3
    assert "2007" in iraq and "100,000" in iraq  # time and value axes


def test_render_html_draws_ranges_as_error_bars(seed_html):
    fighters = re.findall(r"<svg class=\"chart\".*?</svg>", seed_html, re.S)[2]
    assert fighters.count('class="range"') == 1
    assert "between 1,500 and 3,000" in fighters


def test_render_html_groups_quotes_by_speaker(seed_html):
    quotes = seed_html[seed_html.index('id="quotes"') : seed_html.index('id="names"')]
    speakers = re.findall(r'<h3 class="speaker">(.*?)</h3>', quotes)
    assert speakers == ["Sabrina Singh", "Ryan Dillon", "Sarah Sanders"]


def test_render_html_groups_quotes_without_a_speaker_last():
    story = seed_story()
    unattributed = replace(story.quotes[0], speaker=None)
    html = render_html(replace(story, quotes=(unattributed, *story.quotes[1:])))
    speakers = re.findall(r'<h3 class="speaker">(.*?)</h3>', html)
    assert speakers == ["Sabrina Singh", "Ryan Dillon", "Unattributed"]


def test_render_html_highlights_each_evidence_span_in_its_article(seed_html):
    story = seed_story()
    page = _Page(seed_html)
    numbers = {article.id: n for n, article in enumerate(story.articles, start=1)}
    expected = {f"source-{numbers[item.article]}-{item.start}-{item.end}" for _, item in story_evidence(story)}
    assert len(expected) > 20
    assert expected <= set(page.mark_ids)


def test_render_html_numbers_source_sections_in_story_order(seed_html):
    sections = re.findall(r'<article class="source" id="(source-\d+)">', seed_html)
    assert sections == [f"source-{n}" for n in range(1, 6)]
    fifth = seed_html[seed_html.index('id="source-5"') :]
    assert "US starts Iraq withdrawal after defeat of Islamic State" in fifth[:400]


def test_render_html_cites_each_source_once_per_item():
    story = seed_story()
    singh = story.quotes[2]
    speaker = evidence(story.articles[3], "Singh told reporters")
    html = render_html(replace(story, quotes=(replace(singh, evidence=(*singh.evidence, speaker)),)))
    quotes = html[html.index('id="quotes"') : html.index('id="names"')]
    assert re.findall(r'<span class="cite">(.*?)</span>', quotes) == [
        re.search(r'<a href="#source-4-\d+-\d+" title="[^"]+" aria-label="source 4">4</a>', quotes).group(0)
    ]
    assert f'id="source-4-{speaker.start}-{speaker.end}"' in html  # the speaker span is still highlighted


def test_render_html_folds_a_long_list_of_names():
    story = seed_story()
    names = tuple(replace(story.entities[2], name=f"Person {n:02d}", aliases=()) for n in range(45))
    html = render_html(replace(story, entities=names))
    shown, folded = html.split("<details>")
    assert "<summary>5 more names</summary>" in folded
    assert "Person 39" in shown and "Person 40" not in shown and "Person 44" in folded


def test_render_html_cites_the_first_sources_and_counts_the_rest():
    html = render_html(widely_reported_story(8))
    cite = re.search(r'<span class="cite">.*?</span></span>', html, re.S).group()
    assert cite.count("<a ") == 5
    assert '<span class="more" title="also sources 6, 7, 8">+3</span>' in cite
