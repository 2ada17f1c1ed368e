"""Story titles: the pile's most typical headline, else the names most articles mention."""

from __future__ import annotations

from storyline.model import Article, ArticleAnalysis, Entity
from storyline.story.title import most_mentioned_names, story_title

TRIAL = "Dr Conrad Murray denied giving Michael Jackson a fatal dose of propofol at his Los Angeles home."
SPILL = "BP said the oil spill in the Gulf of Mexico had been contained after weeks of failed attempts."


def _analysis(article_id: str, text: str, title: str | None = None) -> ArticleAnalysis:
    return ArticleAnalysis(article=Article(id=article_id, text=text, path=f"{article_id}.txt", title=title))


def _entity(name: str, type_: str, articles: int) -> Entity:
    return Entity(name, type_, (name,), {f"a{index}": 1 for index in range(articles)})


def test_title_is_the_headline_whose_words_the_pile_uses():
    analyses = [
        _analysis("a", SPILL, title="BP contains Gulf oil spill"),
        _analysis("b", SPILL, title="Markets rally on Monday"),
        _analysis("c", SPILL),
    ]
    assert story_title(analyses) == "BP contains Gulf oil spill"


def test_title_skips_a_headline_from_a_page_swept_in_with_the_story():
    analyses = [_analysis(str(index), TRIAL) for index in range(4)]
    column = _analysis("sport", "Hughes and Wenger traded words again.", title="Hughes and Wenger - best of enemies")
    analyses.append(column)
    entities = [_entity("Michael Jackson", "PERSON", 5), _entity("Conrad Murray", "PERSON", 4)]
    assert story_title(analyses, entities) == "Michael Jackson and Conrad Murray"


def test_title_names_leave_out_a_surname_already_named():
    entities = [
        _entity("Michael Jackson", "PERSON", 129),
        _entity("Conrad Murray", "PERSON", 123),
        _entity("Jackson", "PERSON", 104),
        _entity("Los Angeles", "GPE", 88),
        _entity("2009", "DATE", 130),
    ]
    assert most_mentioned_names(entities, 3) == ["Michael Jackson", "Conrad Murray", "Los Angeles"]


def test_title_of_a_pile_without_headlines_or_names_is_neutral():
    assert story_title([_analysis("a", "Nothing here is named.")]) == "Story briefing"
