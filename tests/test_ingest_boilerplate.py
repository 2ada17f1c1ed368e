"""The site's own lines (calls to subscribe, "Read more:" links, comment counters, standards footers) leave
a page's text; the article's sentences stay, even when they talk about newsletters or subscribers."""

from __future__ import annotations

from storyline.ingest.boilerplate import is_boilerplate, without_boilerplate


def test_boilerplate_a_labelled_link_to_another_story_is_dropped():
    assert is_boilerplate("Read more: Recognizing Germany colonial crimes")


def test_boilerplate_a_newsletter_offer_is_dropped():
    assert is_boilerplate("Sign up to get the best content of the week, and great gaming deals, as picked by the editors.")
    assert is_boilerplate("Mit unserem Newsletter erhalten Sie monatlich Informationen rund um das Urlaubsland Österreich")


def test_boilerplate_a_standards_footer_is_dropped():
    assert is_boilerplate("Our Standards: The Thomson Reuters Trust Principles.")


def test_boilerplate_a_sentence_about_a_newsletter_is_kept():
    assert not is_boilerplate("The newsletter, which she founded in 2019, now reaches 40,000 readers a week.")


def test_boilerplate_a_long_paragraph_opening_like_a_call_to_act_is_kept():
    paragraph = ("Subscribe, the union told its members in a letter on Friday, was the one word the company's "
                 "managers kept repeating in every meeting about the new pricing plan, according to three people "
                 "who attended the meetings and asked not to be named.")
    assert not is_boilerplate(paragraph)


def test_boilerplate_removal_keeps_the_other_lines_exactly():
    text = "BP's cap is holding.\nClick here to subscribe to our daily briefing\nOil stopped flowing on Thursday."
    assert without_boilerplate(text) == "BP's cap is holding.\nOil stopped flowing on Thursday."


def test_boilerplate_a_quoted_line_about_a_newsletter_is_the_articles():
    assert not is_boilerplate('"We started our newsletter in 2019 to reach rural readers," she said.')
