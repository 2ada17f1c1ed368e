"""An article in a language the analysis does not read is kept, its English-only stages are left empty,
and the briefing says so rather than make junk of it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import REPO
from storyline.library import BuildOptions, build_story
from storyline.model import Article, ArticleAnalysis
from storyline.render import render_json
from storyline.story.build import NAMED_IN_NOTE, _not_analyzed

pytestmark = pytest.mark.slow
FRENCH = ("Rappelons que le gouvernement a annoncé mardi un plan de sauvetage pour les pêcheurs de Grand Isle, "
          "touchés par la marée noire. « Nous ne les abandonnerons pas », a déclaré le ministre.\n")
ENGLISH = ("The federal government announced on Tuesday a rescue plan for the fishermen of Grand Isle, hit by the "
           "oil spill. \"We will not abandon them,\" the minister said.\n")


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    folder = tmp_path_factory.mktemp("languages")
    (folder / "isle_fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "isle_en.txt").write_text(ENGLISH, encoding="utf-8")
    return build_story([folder], BuildOptions(db=folder / "store.db")).story


def _french(story):
    return next(article for article in story.articles if article.language == "fr")


def test_language_article_in_french_is_kept(story):
    assert {article.language for article in story.articles} == {"en", "fr"}


def test_language_french_article_gives_no_quote_figure_or_timeline_entry(story):
    french = _french(story).id
    items = [*story.quotes, *story.timeline, *story.summary, *(p for s in story.figures for p in s.points)]
    assert items and not any(e.article == french for item in items for e in item.evidence)


def test_language_briefing_says_which_articles_were_not_analyzed_and_why(story):
    (note,) = story.notes
    assert "'fr'" in note and "English only" in note and "Rappelons" in note


def test_language_story_json_with_notes_validates(story):
    schema = json.loads((REPO / "src" / "storyline" / "story.schema.json").read_text())
    jsonschema.validate(json.loads(render_json(story)), schema)


def test_language_timeline_markdown_says_which_articles_were_not_analyzed(story):
    from storyline.render import render_markdown

    assert "_Not analyzed: in language 'fr'" in render_markdown(story)


def test_language_note_names_a_few_articles_and_counts_the_rest():
    articles = [ArticleAnalysis(Article(id=f"de{n}", text="Der Text.", path=f"seite{n}.html", title=f"Seite {n}",
                                        language="de")) for n in range(NAMED_IN_NOTE + 3)]
    (note,) = _not_analyzed(articles)
    assert note.startswith("not analyzed, in language 'de', 8 articles")
    assert note.endswith("Seite 4 and 3 more") and "Seite 5" not in note
