"""Which noun phrases can say something: the test a speech verb's subject must pass to be its speaker.

"The drawdown announced is the first since 2014" parses with "The drawdown" as the subject of
"announced"; "the civil war has claimed hundreds of thousands of lives" uses "claim" in another sense. In
both the subject is an event, and nobody said anything. People, groups, places acting as governments and
the documents that carry words (a report, a poll, a statement) can speak; events, states and abstractions
cannot. Names and pronouns always pass; a common noun passes when it is one of the speaking nouns below
or ends like a word for a person ("-er", "-ist", "-ian"). The test errs towards passing: a speaker it
misses is kept as before, so only nouns recognisably neither agents nor documents are turned away.
"""

from __future__ import annotations

from spacy.tokens import Token

# Entity types whose members can speak or be quoted: people, organisations, nationalities and groups,
# places standing for their governments ("Iraq said"), laws and works that carry words, and shares of
# people ("53% say").
SPEAKING_ENTITY_TYPES = frozenset("PERSON ORG NORP GPE LAW WORK_OF_ART FAC PRODUCT PERCENT CARDINAL".split())
# People named by what they do or are, where no agent suffix shows it.
PEOPLE = frozenset(
    """official aide adviser advisor president candidate nominee people person man woman men women guy boy girl
    child kid friend ally critic source expert analyst spokesman spokeswoman spokesperson secretary governor
    senator representative congressman congresswoman judge justice chief head director chair chairman
    chairwoman executive staff staffer staffers employee activist advocate delegate superdelegate lawyer
    attorney prosecutor diplomat envoy ambassador minister premier mayor general colonel admiral officer
    police cop agent spy host anchor moderator pundit columnist commentator journalist editor author scholar
    scientist researcher economist historian strategist operative consultant pollster insider observer
    opponent rival contender hopeful frontrunner incumbent challenger conservative liberal progressive
    moderate independent republican democrat libertarian socialist evangelical veteran student parent mother
    father son daughter wife husband brother sister family relative neighbor resident citizen voter mom dad
    boss nephew niece uncle aunt grandmother grandfather cousin millennial generation heavyweight hand lady
    gentleman girlfriend boyfriend fiancee ex legend hero pilot counsel prophet hawk dove chorus voice
    constituent fan crowd audience attendee participant respondent witness victim survivor doctor nurse
    surgeon neurosurgeon teacher professor pastor priest bishop pope rabbi imam king queen prince princess
    emperor leader lawmaker legislator politician statesman elder star celebrity actor actress comedian
    billionaire millionaire tycoon mogul magnate businessman businesswoman entrepreneur owner investor donor
    backer supporter proponent opponent defender sponsor founder cofounder partner colleague associate
    confidant assistant deputy associate militant fighter soldier troop commander rebel protester
    demonstrator marcher organizer volunteer worker union member majority minority everyone everybody
    someone somebody anyone anybody nobody""".split()
)
# Groups and institutions that issue statements.
GROUPS = frozenset(
    """campaign camp group team party administration government ministry department agency office bureau
    committee commission council board panel court tribunal congress parliament senate house assembly
    legislature cabinet military army navy force forces coalition alliance company firm corporation business
    bank fund foundation institute institution organization organisation union association society league
    network newspaper paper magazine outlet station channel site website media press publication
    establishment leadership faction wing movement caucus church school university college hospital city
    state country nation regime authority authorities embassy consulate delegation mission industry
    community public electorate base side""".split()
)
# Documents and other carriers of words: "the report says", "a poll found", "the statement noted".
DOCUMENTS = frozenset(
    """report poll survey study analysis review audit assessment estimate projection forecast finding
    findings result results data datum statistic figure record records document filing lawsuit suit
    complaint affidavit indictment ruling opinion decision order law bill legislation measure regulation
    rule policy platform plan proposal agreement deal treaty resolution letter memo memorandum email note
    message statement release announcement notice warning alert tweet post video ad advertisement
    commercial clip footage photo image sign banner transcript interview speech remark remarks comment
    comments article story column editorial op-ed headline book memoir biography textbook page account
    website blog newsletter brochure manifesto petition script summary version draft map chart graph
    model tally count research evidence polling investigation probe inquiry argument copy playbook
    language slide submission brief motion form questionnaire quiz novel tabloid forum affiliate""".split()
)
# Quantities of people: "half said", "60 percent say", "the majority believe", "one in five".
QUANTITIES = frozenset(
    """percent percentage half third quarter fifth majority minority plurality share number many most some
    few several all none both each either neither one two three four five six seven eight nine ten dozen
    dozens hundred hundreds thousand thousands million millions lot rest thirds fourths fifths array
    handful slice""".split()
)
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ee", "crat", "man", "woman", "person", "ite", "ese", "ish")
SPEAKING_NOUNS = PEOPLE | GROUPS | DOCUMENTS | QUANTITIES


def can_speak(head: Token) -> bool:
    """True when the noun phrase headed by ``head`` can be the one who says something: "A Pentagon
    report" and "officials" can, "The drawdown" cannot. A relative pronoun stands for the noun it hangs
    from: "the civil war that has claimed ..." is the war's doing."""
    if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        head = head.head.head
    if head.pos_ != "NOUN" or head.ent_type_ in SPEAKING_ENTITY_TYPES or head.text[:1].isupper():
        return True  # names (even tagged as nouns), pronouns, numbers: no ground to turn them away
    lemma = head.lemma_.lower()
    word = head.lower_
    if lemma in SPEAKING_NOUNS or word in SPEAKING_NOUNS:
        return True
    return any(word.endswith(suffix) or lemma.endswith(suffix) for suffix in AGENT_SUFFIXES)
