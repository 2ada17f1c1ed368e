"""The spaCy pipeline's sentence boundaries on news layout: lines, captions, datelines, quotes."""

import pytest

from storyline.analyze.nlp import entities, entities_within
from storyline.analyze.pipeline import PIECE_CHARS, find_sentences, parse_in_pieces
from storyline.ingest.text import read_text


def _sentences(nlp, text):
    return [sent.text.strip() for sent in nlp(text).sents]


def test_nlp_headline_line_is_its_own_sentence(nlp):
    text = "US starts Iraq withdrawal after defeat of Islamic State\n\nAmerican military forces have begun to withdraw."
    assert _sentences(nlp, text)[0] == "US starts Iraq withdrawal after defeat of Islamic State"


def test_nlp_short_dateline_is_not_cut(nlp):
    text = "2 min read\n05 February, 2018\nOne senior Iraqi official said 60 percent of all US troops will be withdrawn."
    assert "05 February, 2018" in _sentences(nlp, text)


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d")])
def test_nlp_closing_quote_stays_with_its_sentence(nlp, opening, closing):
    text = (
        "Brett McGurk told reporters that liberating the territory could take "
        f"{opening}a period of months.{closing}\n\nThe area has seen intense battles."
    )
    assert _sentences(nlp, text)[0].endswith(f"months.{closing}")


def test_nlp_a_line_cut_before_a_lower_case_word_stays_one_sentence(nlp):
    text = ("Prices up 5% in three months to April against a ‘particularly low’ level last year, says Halifax\n"
            "UK house prices grew in April at the fastest annual rate in more than two years according to "
            "figures from Halifax.\nThe mortgage lender said prices rose by 5% in the three months to April.")
    article = read_text(text.encode(), "halifax.txt")
    sentences = [text[s.span.start : s.span.end] for s in find_sentences(article, nlp(text))]
    assert sentences[1].startswith("UK house prices grew in April")


def test_nlp_entities_within_a_span_are_the_ones_spacy_gives(nlp):
    doc = nlp("Brett McGurk met Iraqi officials in Baghdad on Monday. The Pentagon said 2,000 troops would leave Syria.")
    assert entities(doc) == tuple(doc.ents)
    for sentence in doc.sents:
        assert entities_within(sentence) == list(sentence.ents)


def test_nlp_a_long_text_is_parsed_in_pieces_with_its_characters_unchanged(nlp):
    update = ("10:32 BST\nBP spokesman Andrew Gowers: The company said the cap was holding and no oil was "
              "leaking into the Gulf of Mexico on Friday.\n\n")
    text = update * (PIECE_CHARS // len(update) * 3)
    doc = parse_in_pieces(nlp, text)
    assert doc.text == text
    assert len(list(doc.sents)) >= text.count("\n\n") * 2
    people = [entity.text for entity in entities(doc) if entity.label_ == "PERSON"]
    assert people.count("Andrew Gowers") == text.count("Andrew Gowers")
