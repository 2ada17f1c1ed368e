"""Attribution on real sentences from the seed articles: direct and reported speech, speakers, dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.analyze.attribution.attributions import find_attributions
from storyline.analyze.attribution.quote_marks import find_quoted_passages
from storyline.model import Article, Attribution, PartialDate, Span, TimeExpression

PUBLISHED = PartialDate.parse("2024-09-27")

SANDERS = (
    "The White House said Wednesday the United States has begun withdrawing troops from Syria.\n\n"
    '"We have started returning United States troops home as we transition to the next phase of this '
    'campaign," White House spokesperson Sarah Sanders said in a statement.\n\n'
    "She added the defeat of IS does not mean the military campaign by coalition forces is ending in Syria.\n\n"
    '"The United States and our allies stand ready to re-engage at all levels to defend American interests '
    'whenever necessary," Sanders said.'
)
MCGURK = (
    "Just last week, U.S. special presidential envoy for the global coalition to defeat ISIS, Brett McGurk, "
    "told reporters at the State Department that liberating the last one percent of IS-held territory could "
    'take "a period of months."\n\n'
    '"There is a significant concentration of the most hardened ISIS fighters in that little splotch of '
    'territory," McGurk said on December 11. "A couple of thousand hardened fighters remain in that area."'
)
ABBASI = (
    "Some public statements from Iraqi officials, including Iraqi Defense Minister Thabit al-Abbasi, have "
    "stressed that the deal would see most of the U.S. troops in Iraq leave within the next two years.\n"
    "“We refused his proposal regarding a third year,” said Abbasi."
)
SINGH = (
    "Deputy Pentagon press secretary Sabrina Singh told reporters Friday that the mission would be changing "
    "to a bilateral security partnership with the Iraqi government.\n"
    "“The U.S. is not withdrawing from Iraq,” Singh told reporters in response to a VOA question at the briefing."
)


def attributions_in(nlp, text: str, timexes: tuple[tuple[str, str], ...] = ()) -> list[Attribution]:
    """Attributions of ``text`` with the given time expressions (as written, ISO date) tagged by hand."""
    article = Article(id="a", text=text, path="a.txt", published=PUBLISHED)
    tagged = []
    for written, iso in timexes:
        start = text.index(written)
        tagged.append(TimeExpression(Span("a", start, start + len(written)), written, "DATE", iso,
                                     PartialDate.parse(iso)))
    return find_attributions(article, nlp(text), tagged)


def content_of(text: str, attribution: Attribution) -> str:
    return text[attribution.content.start : attribution.content.end]


def attribution_with(text: str, found: list[Attribution], words: str) -> Attribution:
    matching = [a for a in found if words in content_of(text, a)]
    assert len(matching) == 1, [content_of(text, a) for a in found]
    return matching[0]


def test_attribution_inverted_quote_names_the_full_speaker(nlp):
    found = attributions_in(nlp, SANDERS)
    quote = attribution_with(SANDERS, found, "We have started returning")
    assert quote.direct
    assert quote.speaker == "Sarah Sanders"
    assert content_of(SANDERS, quote).startswith('"We have started') and content_of(SANDERS, quote).endswith(',"')


def test_attribution_surname_resolves_to_fullest_name(nlp):
    found = attributions_in(nlp, SANDERS)
    assert attribution_with(SANDERS, found, "stand ready to re-engage").speaker == "Sarah Sanders"


def test_attribution_pronoun_resolves_to_the_person_before_it(nlp):
    found = attributions_in(nlp, SANDERS)
    added = attribution_with(SANDERS, found, "the defeat of IS")
    assert not added.direct
    assert added.speaker == "Sarah Sanders"
    assert SANDERS[added.cue.start : added.cue.end] == "added"


def test_attribution_split_quote_keeps_the_speaker_for_both_parts(nlp):
    found = attributions_in(nlp, MCGURK, (("December 11", "2018-12-11"),))
    first = attribution_with(MCGURK, found, "significant concentration")
    second = attribution_with(MCGURK, found, "A couple of thousand hardened fighters")
    assert first.speaker == second.speaker == "Brett McGurk"
    assert second.direct and second.cue == first.cue


def test_attribution_date_is_the_cue_sentence_time_expression(nlp):
    found = attributions_in(nlp, MCGURK, (("December 11", "2018-12-11"),))
    assert attribution_with(MCGURK, found, "significant concentration").date == PartialDate.parse("2018-12-11")


def test_attribution_date_falls_back_to_publication(nlp):
    found = attributions_in(nlp, SANDERS)
    assert attribution_with(SANDERS, found, "stand ready").date == PUBLISHED


def test_attribution_told_reporters_that_keeps_that_in_the_content(nlp):
    found = attributions_in(nlp, SINGH, (("Friday", "2024-09-27"),))
    reported = attribution_with(SINGH, found, "bilateral security partnership")
    assert content_of(SINGH, reported).startswith("that the mission would be changing")
    assert reported.speaker == "Sabrina Singh" and not reported.direct
    assert SINGH[reported.source.start : reported.source.end] == "Deputy Pentagon press secretary Sabrina Singh"


def test_attribution_typographic_inverted_quote_with_prefixed_surname(nlp):
    found = attributions_in(nlp, ABBASI)
    quote = attribution_with(ABBASI, found, "We refused his proposal")
    assert quote.direct and quote.speaker == "Thabit al-Abbasi"
    assert content_of(ABBASI, quote) == "“We refused his proposal regarding a third year,”"


def test_attribution_according_to_names_the_source(nlp):
    text = ("One senior Iraqi official said 60 percent of all American troops currently in the country will be "
            "withdrawn. The plan would leave a force of about 4,000 US troops, according to U.S. officials.")
    found = attributions_in(nlp, text)
    according = attribution_with(text, found, "leave a force")
    assert according.speaker == "U.S. officials"
    assert text[according.cue.start : according.cue.end] == "according to"


def test_attribution_source_after_the_cue_content_first(nlp):
    text = ("Following the Iraqi government’s declaration of victory over the Islamic State, the U.S. has begun "
            "to withdraw troops from Iraq, officials told the Associated Press Monday.")
    found = attributions_in(nlp, text, (("Monday", "2018-02-05"),))
    told = attribution_with(text, found, "has begun to withdraw")
    assert told.speaker == "officials"
    assert told.date == PartialDate.parse("2018-02-05")


def test_attribution_anonymous_source_stays_as_written(nlp):
    text = ("“This is an evolution of the military mission in Iraq,” said the senior U.S. defense official, "
            "who spoke on condition of anonymity.")
    quote = attribution_with(text, attributions_in(nlp, text), "evolution of the military mission")
    assert quote.speaker == "the senior U.S. defense official"


def test_attribution_scare_quotes_get_no_speaker(nlp):
    text = ('The US first launched airstrikes against IS in Iraq in August 2014 in a military intervention '
            'described as "limited".')
    assert not [a for a in attributions_in(nlp, text) if "limited" in content_of(text, a) and a.speaker]


def test_attribution_quote_continuing_over_paragraphs_is_one_content(nlp):
    text = ('"We will stay as long as we are needed.\n\n'
            '"The mission is not over, and we will not leave our partners," the spokesman said.')
    quote = attribution_with(text, attributions_in(nlp, text), "The mission is not over")
    assert content_of(text, quote).startswith('"We will stay')
    assert quote.speaker == "the spokesman"


@pytest.mark.parametrize(
    "text",
    [
        'He said "the war is over and the troops are coming home, and then',
        "“Unbalanced opening marks everywhere “and “more,” she said “",
        '"' * 50,
        "”Backwards,“ said the official.",
        "",
    ],
)
def test_attribution_unbalanced_quotation_marks_do_not_crash_or_swallow_text(nlp, text):
    for attribution in attributions_in(nlp, text):
        assert 0 <= attribution.content.start < attribution.content.end <= len(text)
        assert attribution.content.end - attribution.content.start < len(text) or len(text) < 80


def test_attribution_unclosed_quote_is_dropped_at_the_paragraph_end():
    text = 'He said "the war is over.\nNext paragraph without any mark. "Closed," she said.'
    passages = [text[p.start : p.end] for p in find_quoted_passages(text)]
    assert passages == ['"Closed,"']


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='ab "“”\n,.', max_size=80))
def test_attribution_quoted_passages_are_inside_the_text(text):
    for passage in find_quoted_passages(text):
        assert 0 <= passage.start < passage.end <= len(text)
        assert text[passage.start] in '"“' and text[passage.end - 1] in '"”'


def test_attribution_according_to_in_a_verbless_line_terminates(nlp):
    text = "Troop numbers in Iraq, according to the Pentagon\nThe drawdown begins."
    for attribution in attributions_in(nlp, text):
        assert attribution.content.end <= len(text)


def test_attribution_headline_name_and_colon_reports_the_rest(nlp):
    text = "Brett McGurk: Last Pocket of ISIS Territory Could Take Months\n\nThe envoy spoke at the State Department."
    headline = attribution_with(text, attributions_in(nlp, text), "Last Pocket")
    assert headline.speaker == "Brett McGurk"
    assert content_of(text, headline) == "Last Pocket of ISIS Territory Could Take Months"


@pytest.mark.parametrize("text, content", [
    ("Poll: Clinton and Sanders in dead heat in California\n\nThe survey was taken last week.",
     "Clinton and Sanders in dead heat in California"),
    ("Clinton Camp: Trump's Islamaphobia threatens national security\n\nThe campaign said so on Monday.",
     "Trump's Islamaphobia threatens national security"),
])
def test_attribution_headline_lead_naming_someone_reports_the_rest(nlp, text, content):
    headline = attribution_with(text, attributions_in(nlp, text), content.split()[0])
    assert content_of(text, headline) == content


def test_attribution_column_title_headline_is_not_a_source(nlp):
    text = "The Latest: Cruz to give away engraved shotgun\n\nThe senator spoke in Iowa."
    assert all("Cruz to give" not in content_of(text, a) for a in attributions_in(nlp, text))


def test_attribution_pundit_credited_after_a_dash(nlp):
    text = ("Polls were right.\nRED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: "
            "Fewer states were solidly Democratic in 2015 than a year earlier.")
    credited = attribution_with(text, attributions_in(nlp, text), "Fewer states")
    assert text[credited.source.start : credited.source.end] == "Jeffrey M. Jones"


def test_attribution_seeming_reports_what_seems_so(nlp):
    text = "A broader swath of Republican voters appears to be moving behind Trump."
    seeming = attribution_with(text, attributions_in(nlp, text), "moving")
    assert content_of(text, seeming).startswith("A broader swath")
    assert content_of(text, seeming).endswith("moving behind Trump")


def test_attribution_coordinated_report_with_own_subject_is_its_own(nlp):
    text = ("Seven in 10 said they were very worried about the economy, and more than 4 in 10 said "
            "Trump would be best at handling it.")
    first = attribution_with(text, attributions_in(nlp, text), "worried")
    assert content_of(text, first) == "they were very worried about the economy"


def test_attribution_second_that_clause_after_but_stays_in_the_content(nlp):
    text = "Cruz says he opposes gun violence but that the president's plans won't help prevent it."
    said = attribution_with(text, attributions_in(nlp, text), "opposes")
    assert content_of(text, said).endswith("won't help prevent it")


@pytest.mark.parametrize("text, said", [
    ("Six in 10 say he is decisive, after half said so in the earlier poll.", "so"),
    ("Four in 10 voters see Trump's campaign as most unfair, and a third said the same of Cruz's campaign.",
     "the same of Cruz's campaign"),
])
def test_attribution_pro_form_stands_for_what_was_said(nlp, text, said):
    assert said in [content_of(text, a) for a in attributions_in(nlp, text)]


def test_attribution_quote_opening_the_next_paragraph_continues_the_speaker(nlp):
    text = ("“We like a lot of the candidates, some more than the others,” Adelson said during the interview "
            "in Macau.\n\n“It’s changing every day. I saw in the news today that Trump was ahead.”")
    continued = attribution_with(text, attributions_in(nlp, text), "changing every day")
    assert continued.direct and continued.speaker == "Adelson"


def test_attribution_poll_named_before_its_clause_is_the_source(nlp):
    text = "In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent."
    polled = attribution_with(text, attributions_in(nlp, text), "she led")
    assert text[polled.source.start : polled.source.end] == "an early-October CBS News poll"


def test_attribution_quote_after_reported_speech_continues_the_speaker(nlp):
    text = ('Then, in 2015, Kerry said that 100,000 refugees would be accepted. "That adds up to 185,000 '
            'over two years, but this would be the total number."')
    continued = attribution_with(text, attributions_in(nlp, text), "adds up")
    assert continued.direct and continued.speaker == "Kerry"


def test_attribution_poll_showing_an_object_reports_it(nlp):
    text = "A CNN/ORC poll of South Carolina released on Tuesday showed Mr. Trump with a 16-point lead."
    shown = attribution_with(text, attributions_in(nlp, text), "16-point lead")
    assert content_of(text, shown) == "Mr. Trump with a 16-point lead"


def test_attribution_split_quote_around_a_titled_speaker(nlp):
    text = ("''There's a lot of water under the bridge,'' Mr. Indyk said, ''and it's very hard to imagine "
            "they can do anything but paper over their differences.''")
    second = attribution_with(text, attributions_in(nlp, text), "very hard")
    assert second.direct and second.speaker == "Indyk"


def test_attribution_described_as_reports_the_description(nlp):
    text = "Guerrero, who described himself as a religious Catholic, said he recoiled."
    described = attribution_with(text, attributions_in(nlp, text), "religious Catholic")
    assert content_of(text, described).endswith("a religious Catholic")


def test_attribution_according_to_after_an_intention_keeps_its_clause(nlp):
    text = "Clinton plans to visit Charlotte on Sunday, according to a campaign aide."
    found = attributions_in(nlp, text)
    aide = attribution_with(text, found, "visit Charlotte")
    assert content_of(text, aide) == "Clinton plans to visit Charlotte on Sunday"
    assert aide.speaker == "a campaign aide"


def test_attribution_subordinate_clause_is_not_a_cue_set_aside(nlp):
    text = ("According to Ham, the current administration has shuffled through military leaders because many "
            "disagreed with Obama’s policies.")
    found = attributions_in(nlp, text)
    assert [a.speaker for a in found] == ["Ham"]


FALLIN = (
    "Partial transcript as follows:\n\n"
    "JAKE TAPPER: Donald Trump released a video on Friday talking about racial healing. Take a listen.\n\n"
    "(BEGIN VIDEO CLIP.)\n\n"
    "TAPPER: And obviously, you’re supporting Donald Trump.\n\n"
    "Specifically I’ve heard from a number of Latino-Americans, all expressing concern. Talk to them.\n\n"
    "FALLIN: Well, I think the whole nation needs to work together.\n\n"
    "….\n\n"
    "TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n"
    "FALLIN: I think he is trying to campaign as a racial healer.\n\n"
    "Follow Pam Key On Twitter @pamkeyNEN."
)


def test_attribution_transcript_turns_are_said_by_their_labels(nlp):
    found = [a for a in attributions_in(nlp, FALLIN) if FALLIN[a.cue.start : a.cue.end] == ":"]
    turns = [(FALLIN[a.source.start : a.source.end], content_of(FALLIN, a)) for a in found]
    assert turns == [
        ("JAKE TAPPER", "Donald Trump released a video on Friday talking about racial healing. Take a listen"),
        ("TAPPER", "And obviously, you’re supporting Donald Trump"),
        ("TAPPER", "Specifically I’ve heard from a number of Latino-Americans, all expressing concern. Talk to them"),
        ("FALLIN", "Well, I think the whole nation needs to work together"),
        ("TAPPER", "Do you think Donald Trump has campaigned as a racial healer?"),
        ("FALLIN", "I think he is trying to campaign as a racial healer"),
    ]


@pytest.mark.parametrize("text", [
    "UPDATE: The website that originally listed the weapon for auction took it down.",
    "CORRECTION: An earlier version of this article misstated the date of the primary.",
])
def test_attribution_kicker_in_capitals_is_not_a_transcript_label(nlp, text):
    assert not [a for a in attributions_in(nlp, text) if text[a.cue.start : a.cue.end] == ":"]


def test_attribution_as_a_source_reported_cues_the_main_clause(nlp):
    text = ("As The Washington Post reported, even if Sanders managed to split delegates with Clinton, he would "
            "then need to win 55 percent of the remaining delegates.")
    found = attributions_in(nlp, text)
    post = attribution_with(text, found, "55 percent")
    assert post.speaker == "The Washington Post"
    assert content_of(text, post).startswith("even if Sanders")


def test_attribution_asked_if_reports_the_question_not_the_one_asked(nlp):
    text = "Then Mr. Rubin asked the students if they were always so preternaturally serious."
    found = attributions_in(nlp, text)
    assert [content_of(text, a) for a in found] == ["if they were always so preternaturally serious"]


def test_attribution_participle_of_a_noun_is_nobody_speaking(nlp):
    text = "The drawdown announced Monday is the first since the 2014 intervention."
    assert attributions_in(nlp, text) == []


def test_attribution_event_as_subject_is_no_speaker(nlp):
    text = "Meanwhile, the civil war has claimed hundreds of thousands of lives."
    assert [a.speaker for a in attributions_in(nlp, text)] in ([], [None])


CREDITS = (
    "Not every statement could be easily fact-checked.\n\n"
    '"Almost all new income and wealth is going to the top 1 percent."\n\n'
    "- Bernie Sanders.\n\n"
    '"I helped write that bill."\n\n'
    "- Sanders.\n\n"
    "“He can’t even answer a question without scaring people about something else first.” ― Esther Tapia\n\n"
    '"It was just a rally like any other in the campaign."\n\n'
    "- Reuters."
)


def test_attribution_credit_line_after_a_quotation_names_the_speaker(nlp):
    found = attributions_in(nlp, CREDITS)
    credited = {content_of(CREDITS, a): a.speaker for a in found}
    assert credited == {
        '"Almost all new income and wealth is going to the top 1 percent."': "Bernie Sanders",
        '"I helped write that bill."': "Bernie Sanders",
        "“He can’t even answer a question without scaring people about something else first.”": "Esther Tapia",
    }


@pytest.mark.parametrize("text, content", [
    ("He clarified that he would not run for the Senate again.", "that he would not run for the Senate again"),
    ("Officials disputed the account given by the campaign.", "the account given by the campaign"),
    ("Priebus vouched for the nominee's commitment to the platform.", "the nominee's commitment to the platform"),
    ("The report underscores that voters remain angry about trade.", "that voters remain angry about trade"),
])
def test_attribution_cue_verbs_found_frequent_on_polnear_train(nlp, text, content):
    assert [content_of(text, a) for a in attributions_in(nlp, text)] == [content]


def test_attribution_according_to_after_the_verb_closes_its_content(nlp):
    text = ("Some 59 percent of registered voters view her unfavorably, according to an ABC News-Washington Post "
            "poll last week - virtually the same as Mr. Trump's 60 percent.")
    poll = attribution_with(text, attributions_in(nlp, text), "59 percent")
    assert content_of(text, poll) == "Some 59 percent of registered voters view her unfavorably"


def test_attribution_examples_after_including_are_not_the_speaker(nlp):
    stressed = attribution_with(ABBASI, attributions_in(nlp, ABBASI), "most of the U.S. troops")
    assert stressed.speaker == "Some public statements from Iraqi officials"


@pytest.mark.parametrize("text, speaker", [
    ('"We need much tougher, much smarter leadership - and we need it NOW!" Trump said on Twitter.', "Trump"),
    ("“There’s a special place in Hell for people like her and I hope she enjoys it there!” Smith said last week.",
     "Smith"),
    ('"Are they small hands?" Trump said.', "Trump"),
])
def test_attribution_quote_ending_in_exclamation_or_question_keeps_its_cue(nlp, text, speaker):
    found = attributions_in(nlp, text)
    assert [(a.direct, a.speaker) for a in found] == [(True, speaker)]


def test_attribution_said_with_a_participle_clause_reports_it(nlp):
    text = "Manny Gomez said seeing so many police officers at Pride was a welcome sight."
    assert [content_of(text, a) for a in attributions_in(nlp, text)] == [
        "seeing so many police officers at Pride was a welcome sight"]


def test_attribution_while_clause_stays_in_the_content(nlp):
    text = ("Hillary Clinton told the group she will protect reproductive rights while her opponent, Donald Trump, "
            "wants to take America backward.")
    told = attribution_with(text, attributions_in(nlp, text), "reproductive rights")
    assert content_of(text, told).endswith("wants to take America backward")
