"""Where a figure is: the place named around the thing counted, its verb or its sentence.

"The U.S. has about 2,000 troops in Syria" is in Syria (a place preposition on the verb that has them);
"Syria's population of about 22 million people" in Syria (a possessive); "Chile, which has seen some
5,000 cases" in Chile (the place a relative clause describes); "Canada has seen 15 deaths" in Canada (a
place that sees or records the count); "US cases" in the US (a place naming the things counted); "in
the country" is the country its sentence names, else the one the text was last "in"; "1.7 million
hungry Cambodians" are in Cambodia when the article is about it. ``figures.py`` decides which of these
to ask for; this module only reads places off the parse, as the names are written.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.analyze.nlp import entities, entities_within
from storyline.analyze.figures.dates import antecedent
from storyline.model import Figure

# A place that sees, records or reports what is counted is where it is: "Canada has seen 15 deaths".
RECORDING_VERBS = {"see", "record", "report", "register", "confirm", "suffer", "experience", "log", "count",
                   "detect", "identify", "document"}  # fmt: skip
PLACE_PREPOSITIONS = ("in", "inside", "within", "across", "throughout", "into", "from")
PLACE_LABELS = {"GPE", "LOC"}
INSIDE_PREPOSITIONS = {"in", "inside", "within"}
LEADING_NON_NAME = {"ADP", "ADV", "AUX", "DET", "CCONJ", "SCONJ", "PART", "PUNCT"}  # "Will Tunisia …" is Tunisia
BRACKET_TOKENS = {"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"}  # brackets in tokenized text
# People counted as a place's own: "100,000 residents of Mississippi" are in Mississippi.
INHABITANT_NOUNS = {"resident", "inhabitant", "citizen", "people", "population", "voter", "household", "family"}
PLACE_NOUNS = {"country", "city", "capital", "town", "province", "region", "state", "island"}
CONTEXT_SENTENCES = 4  # how far back "in the country" looks for the country


def named_place_of(doc: Doc, noun: Token) -> str | None:
    """ "US cases", "UK deaths": a place naming the things counted is where they are counted (a grade of
    a commodity, "U.S. crude", names no place)."""
    if noun.tag_ != "NNS":
        return None
    for child in noun.children:
        if child.i < noun.i and child.dep_ in {"compound", "nmod"} and child.ent_type_ in PLACE_LABELS:
            return place_text(doc, child)
    return None


def names_elsewhere(sentence: SpacySpan, previous: Figure, owner: str | None) -> bool:
    """A sentence naming another place or people, other than whose the counted things are, is not about
    the place of the figure before it ("Italy has 10 million doses … The Dutch government is acquiring
    19 million doses"; but "… US troops in Iraq … US troop numbers wound down to 40,000" is)."""
    carried = (previous.where or "").lower()
    others = {ent.text.lower() for ent in entities_within(sentence) if ent.label_ in {"GPE", "NORP"}} - {(owner or "").lower()}
    return any(name not in carried and not is_demonym_of(name, carried) for name in others)


def homeland(doc: Doc, noun: Token) -> str | None:
    """ "49 percent of Cambodian children", "1.7 million hungry Cambodians": a people's country, when the
    article is about it (its most named place) and the sentence names no other; the demonym is matched
    to that name by their shared stem. "70 Mexicans quarantined" in an article about China are not in
    Mexico."""
    peoples = [noun] if noun.ent_type_ == "NORP" else []
    peoples += [c for c in noun.children if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" and c.i < noun.i]
    if not peoples:
        return None
    named = Counter(_name(ent) for ent in entities(doc) if ent.label_ == "GPE")
    if not named:
        return None
    most = max(named.values())
    demonyms = [entity_text(doc, people) for people in peoples]
    homes = [place for place in named if named[place] == most and any(is_demonym_of(d, place) for d in demonyms)]
    if not homes:
        return None
    home = max(homes, key=len)  # "Nigerian" is of Nigeria when Niger is named as often
    elsewhere = any(ent.label_ == "GPE" and _name(ent) != home for ent in entities_within(noun.sent))
    return None if elsewhere else home


def is_demonym_of(demonym: str, place: str) -> bool:
    """ "Cambodian" of "Cambodia", "Argentine" of "Argentina", "Iraqi" of "Iraq", "Chilean" of "Chile":
    the place's name, less at most its last two letters, begins the demonym, which adds a short ending."""
    demonym, place = demonym.lower().removesuffix("s"), place.lower()
    if " " in place or len(place) < 4 or demonym == place:
        return False
    stem = len(place) - (1 if place[-1] in "aeiouy" else 0)
    return demonym.startswith(place[:stem]) and 0 < len(demonym) - stem <= 4


def place_around(doc: Doc, noun: Token, holders: set[str] = RECORDING_VERBS) -> str | None:
    """A place attached to the counted noun, to the noun it belongs to ("population of … people"), or
    to the verb that has it ("The U.S. has … troops in Syria")."""
    node: Token | None = noun
    for _ in range(5):
        if node is None:
            return None
        place = place_of(doc, node, holders)
        if place:
            return place
        described = antecedent(node)
        if described is not None and described.ent_type_ in PLACE_LABELS:
            return place_text(doc, described)  # "Chile, which has seen some 5,000 cases"
        node = _up(node)
    return None


def _up(node: Token) -> Token | None:
    """One step towards the clause that governs the counted noun, without leaving it for a reporting
    verb ("said in Baghdad that …" is not where the troops are)."""
    if node.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "xcomp", "oprd", "appos", "compound"}:
        return node.head if node.head != node else None
    if node.dep_ == "relcl" and node.pos_ in {"VERB", "AUX"}:
        return node.head
    if node.dep_ == "conj" and node.pos_ in {"NOUN", "PROPN"}:  # "15 deaths and 6,457 cases": one verb
        return node.head
    return None


def place_of(doc: Doc, node: Token, holders: set[str] = RECORDING_VERBS) -> str | None:
    """A place said of this node: its possessor, a place preposition on it, or, for a verb, a place
    subject that sees, records or (for what is not troops) has what is counted ("Canada has 496 cases")."""
    for child in node.children:
        if child.dep_ == "poss" and child.ent_type_ in PLACE_LABELS:
            return place_text(doc, child)
    place = _place_by_preposition(doc, node)
    if place is None and node.pos_ in {"NOUN", "PROPN"}:  # "10 Mexicans quarantined in Beijing's hotel"
        for modifier in (c for c in node.children if c.dep_ in {"acl", "amod"}):  # "233 people dead in Libya"
            place = place or _place_by_preposition(doc, modifier)
    if place is None and node.pos_ in {"VERB", "AUX"}:
        for subject in (c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}):
            place = place or _place_by_preposition(doc, subject)  # "lenders in rural Cambodia charge …"
            if place is None and subject.ent_type_ in PLACE_LABELS and node.lemma_ in holders:
                place = place_text(doc, subject)  # "Canada has seen 15 deaths"
    return place


def _place_by_preposition(doc: Doc, node: Token) -> str | None:
    prepositions = PLACE_PREPOSITIONS + (("of",) if node.lemma_.lower() in INHABITANT_NOUNS else ())
    for preposition in prepositions:
        for child in node.children:
            if child.dep_ != "prep" or child.lower_ != preposition:
                continue
            for target in child.children:
                if target.dep_ != "pobj":
                    continue
                if target.ent_type_ in PLACE_LABELS:
                    return place_text(doc, target)
                if target.lower_ in PLACE_NOUNS and [c.lower_ for c in target.children] == ["the"]:
                    return _country_in_context(doc, target)  # "in the country", "in the city"
                named_as = [c for c in target.children if c.dep_ == "appos" and c.ent_type_ in PLACE_LABELS]
                if named_as:  # "in the disease epicentre, Mexico"
                    return place_text(doc, named_as[0])
                named = [c for c in target.children if c.dep_ in {"compound", "poss"} and c.ent_type_ in PLACE_LABELS]
                if named and preposition in INSIDE_PREPOSITIONS:  # "in the Sheikh Zwayd area", "in Cairo's …"
                    return " ".join(t.text for t in named[0].subtree if t.ent_type_ in PLACE_LABELS)
    return None


def place_text(doc: Doc, token: Token) -> str:
    """ "Iraq and Syria" for conjoined places, else the place's name as written."""
    names = [entity_text(doc, token)]
    for other in token.children:
        if other.dep_ in {"conj", "appos"} and other.ent_type_ in PLACE_LABELS:
            names.append(entity_text(doc, other))
    return " and ".join(dict.fromkeys(names))


def entity_text(doc: Doc, token: Token) -> str:
    """The name a token is part of, without words the tagger swept into it ("Besides Mexico", "The
    United States")."""
    for ent in entities(doc):
        if ent.start <= token.i < ent.end:
            return _name(ent)
    return token.text


def _name(ent: SpacySpan) -> str:
    """The entity without leading words or tokenizer brackets swept into it ("-RRB- - Libyan")."""
    start = ent.start
    while start < ent.end - 1 and _is_not_a_name_word(ent.doc[start]):
        start += 1
    return ent.doc[start : ent.end].text


def _is_not_a_name_word(token: Token) -> bool:
    return token.pos_ in LEADING_NON_NAME or token.text in BRACKET_TOKENS or not any(c.isalnum() for c in token.text)


def _country_in_context(doc: Doc, token: Token) -> str | None:
    """ "in the country": the country its own sentence names last before it (not as whose things are
    counted: "60 percent of U.S. troops still in the country"); else the place the text was
    last "in" or "from", within a few sentences; else the country named last before it there ("US starts
    Iraq withdrawal … troops currently in the country")."""
    sentence = token.sent
    in_sentence = [
        ent for ent in entities_within(sentence)
        if ent.label_ == "GPE" and ent.end <= token.i and ent.root.dep_ not in {"compound", "amod", "nmod"}
    ]  # fmt: skip
    if in_sentence:  # "The US declared an emergency as 20 cases were confirmed in the country", not "U.S. troops"
        return _name(in_sentence[-1])
    earliest = sentence.start
    for _ in range(CONTEXT_SENTENCES):
        if earliest == 0:
            break
        earliest = doc[earliest - 1].sent.start
    named = [ent for ent in entities(doc) if ent.label_ == "GPE" and earliest <= ent.start and ent.end <= token.i]
    for ent in reversed(named):
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS:
            return _name(ent)
    return _name(named[-1]) if named else None
