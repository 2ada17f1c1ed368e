"""Each article's language, and words counted in scripts that do not space them."""

from __future__ import annotations

from storyline.ingest.article import make_article
from storyline.ingest.language import detect_language, word_count


def test_language_of_an_english_article():
    assert detect_language("The harbour council voted 7 to 2 on Tuesday to approve the dredging plan.") == "en"


def test_language_of_a_french_article():
    assert detect_language("Rappelons que le gouvernement a annoncé mardi un plan de sauvetage pour les pêcheurs.") == "fr"


def test_language_of_a_chinese_article():
    assert detect_language("英国石油公司周四表示，新的密封罩已经阻止了石油流入墨西哥湾，这是四月以来的第一次。") == "zh"


def test_language_of_a_line_too_short_to_tell_is_none():
    assert detect_language("Что") is None


def test_words_in_chinese_are_counted_by_characters():
    text = "英国石油公司周四表示，新的密封罩已经阻止了石油流入墨西哥湾。"
    assert len(text.split()) == 1 and word_count(text) >= 10


def test_every_article_carries_its_language():
    article = make_article("Les pêcheurs de Grand Isle attendent toujours les indemnités promises par BP.", "isle.txt")
    assert article.language == "fr"
