"""Figures: numbers that count or measure something, with what they count, where and as of when.

"The U.S. has about 2,000 troops in Syria" gives value 2000, qualifier "about", what "troops", owner
"U.S.", where "Syria", as of the article's date. ``quantities.py`` reads the number phrase and rejects
years, ages, durations and names; this module reads the sentence around it:

* what is counted: the noun the number modifies ("2,000 troops"), the noun after "of" ("dozens of
  American soldiers", "60 percent of U.S. troops"), the noun fused to it ("a 115-boat fleet"), or, for
  a bare number, the level it states ("US troop levels stood near 166,000", "put the number of IS
  fighters … at about 2,500"); troops, forces, soldiers and service members are one thing, "troops".
  A bare number continues the figure before it in its sentence ("… about 170,000 U.S. troops in Iraq,
  but dwindled to 40,000"; "22 others"); money measures what it is spent on ("$2.1 million on
  television ads"); a bare length measures a distance; a bare percent or sum describes its clause's
  subject. A number with nothing it counts is dropped, never guessed. Numbers under ten in words
  count as tolls ("seven deaths"), hedged counts ("at least two regions"), when something happened
  to what they count ("killing one East Timorese") or as a clause's subject ("Two sailors died");
  not "one of two helicopters", not "Two officials said".
* what happened to them, when that defines the count: killed, wounded, evacuated, missing, moved,
  withdrawn ("dozens of soldiers have been transported" are a movement, not a troop level).
* where (read off the parse by ``places.py``): a place named by "in"/"from"/"across"… on the
  counted noun, its verb or its verb's subject, or a possessive ("Syria's population of about 22
  million people"); the place a relative clause describes ("Chile, which has seen some 5,000 cases");
  a place that sees or records the count ("Canada has seen 15 deaths"); "in the country" is the
  country its sentence names, else the one the text was last "in", else last named; a people's
  country when the article names it ("Cambodian children" → Cambodia); a bare number's own clause
  ("Argentina has had 37", "bringing the UK total to 848"); else the place of the figure just before,
  if it counts the same thing.
* as of: the time expression of the figure's clause or a clause governing it, else the article's
  date; an unnamed past ("at its peak") leaves it undated (``dates.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from storyline.analyze.nlp import entities
from storyline.analyze.figures.dates import date_figure
from storyline.analyze.figures.places import (
    PLACE_LABELS,
    RECORDING_VERBS,
    entity_text,
    homeland,
    named_place_of,
    names_elsewhere,
    place_around,
    place_of,
    place_text,
)
from storyline.analyze.figures.quantities import CHANGE_VERBS, MEASURE_UNITS, TIME_UNITS, Quantity, find_quantities
from storyline.model import Article, Figure, Span, TimeExpression

TROOP_WORDS = {"troop", "troops", "force", "forces", "soldier", "soldiers", "servicemember", "servicemembers",
               "serviceman", "servicemen", "marines", "paratroopers", "boots"}  # fmt: skip
# Nouns that stand for a count of something else: "troop levels", "the number of fighters".
LEVEL_NOUNS = {"number", "numbers", "level", "levels", "total", "count", "strength", "size", "tally", "toll",
               "figure", "figures", "presence", "contingent", "deployment"}  # fmt: skip
# Verbs whose bare number is their subject's level: "casualties rose to 5,000".
LEVEL_VERBS = {"stand", "rise", "fall", "grow", "dwindle", "shrink", "climb", "reach", "number", "total",
               "top", "decline", "drop", "increase", "decrease", "double", "triple", "swell", "peak", "hit",
               "exceed", "surpass", "wind", "go", "jump", "soar", "plunge", "remain", "stay"}  # fmt: skip
# Verbs whose subject does something with a sum rather than being measured by it ("powers agreed to
# hand over $15 billion", "the fund pledged $2 million").
TRANSFER_VERBS = {"agree", "hand", "give", "pledge", "offer", "unfreeze", "free", "provide", "donate", "send",
                  "seek", "demand", "ask", "promise", "approve", "allocate", "transfer", "lend", "borrow",
                  "invest", "release", "freeze", "award", "grant", "want", "plan", "propose", "request", "sue",
                  "fine"}  # fmt: skip
HOLDING_VERBS = {"have", "keep", "maintain", "field", "deploy", "station", "send", "base", "boast", "retain"}
SOURCE_NOUNS = {"official", "officials", "source", "sources", "diplomat", "diplomats", "witness", "witnesses",
                "aide", "aides", "analyst", "analysts", "expert", "experts", "spokesman", "spokesmen",
                "reporter", "reporters", "lawmakers", "senators", "ministers", "officers"}  # fmt: skip
SPEECH_VERBS = {"say", "tell", "confirm", "add", "state", "announce", "report", "claim", "warn", "note",
                "explain", "insist", "deny", "estimate", "testify", "write", "tweet"}  # fmt: skip
ANAPHORIC = {"others", "more", "them", "those"}
# Singular nouns that stand for many: "three crew", "2,000 staff", "500 police".
SINGULAR_ENDINGS = ("ss", "us", "is")  # "the 41 census", "a 2 virus", "the 9 crisis"
COLLECTIVE_NOUNS = {"crew", "staff", "police", "personnel", "militia", "cattle", "livestock", "infantry",
                    "poultry", "clergy", "head", "strong"}  # fmt: skip
# Tolls are figures even when small and in words: "seven deaths", "one death".
TOLL_NOUNS = {"death", "deaths", "fatality", "fatalities", "casualty", "casualties", "dead"}
CURRENCIES = {"$", "€", "£"}
DIRECTIONS = {"up", "down", "higher", "lower"}
# A count per period is a rate: "every year", "a month", "per day", "annually".
RATE_PERIODS = {"year", "month", "week", "day", "hour", "minute"}
RATE_DETERMINERS = {"every", "each", "a", "an", "per"}
RATE_UNITS = {"bpd", "mph", "km/h"}  # already per period: "60,000 bpd a day" says it twice
RATE_ADVERBS = {"annually": "a year", "yearly": "a year", "monthly": "a month", "weekly": "a week",
                "daily": "a day", "hourly": "an hour"}  # fmt: skip
# Words that make a count an addition to a total: "nine new cases", "a further 59", "26 more".
INCREMENT_WORDS = {"new", "more", "further", "additional", "fresh", "extra"}
CHANGE_NOUNS = {"rise", "drop", "fall", "increase", "decrease", "decline", "gain", "loss", "jump", "cut", "slump",
                "surge", "plunge", "climb", "dip", "reduction", "growth"}  # fmt: skip
UNIT_WORDS = {word for written, _ in MEASURE_UNITS for word in written.split()}
NOT_THINGS = {"million", "billion", "thousand", "hundred", "trillion", "m", "bn", "pm", "am", "percent", "per",
              "cent", "p", "whom", "which", "them", "those", "these", "us", "it", "one", "ones", "mark",
              "threshold", "milestone", "basis", "times", "lrb", "rrb", "lsb", "rsb"}  # fmt: skip
# Words before a number that stress it rather than hedge a count: "only two people have died in it before".
EMPHASES = {None, "only", "another", "an additional"}
# What money is spent on or paid for is what the sum measures: "spend $2.1 million on television ads".
MONEY_PREPOSITIONS = ("on", "for")
# A price stated as a level of something else: "a $105.15 intraday low", "a two-year high of $127.02".
PRICE_LEVELS = {"high", "low", "record", "peak", "intraday", "close", "level", "levels"}
# A measure after these, on a noun, measures that noun: "winds above 40 mph", "waves of 10 feet".
MEASURE_PREPOSITIONS = {"of", "above", "below", "over", "under", "exceeding", "near", "around", "at"}
BRACKETS_OPEN = {"(", "-LRB-", "["}
BRACKETS_CLOSE = {")", "-RRB-", "]"}
# Events that make a count a different quantity from a level: casualties, evacuations, arrests.
EVENTS = {"kill": "killed", "die": "killed", "dead": "killed", "drown": "killed", "execute": "killed",
          "wound": "wounded", "injure": "injured", "hurt": "injured", "miss": "missing", "missing": "missing",
          "capture": "captured", "arrest": "arrested", "detain": "detained", "abduct": "abducted",
          "kidnap": "abducted", "evacuate": "evacuated", "displace": "displaced", "rescue": "rescued",
          "flee": "fled", "strand": "stranded", "infect": "infected", "sicken": "infected",
          "hospitalize": "hospitalized", "hospitalise": "hospitalized", "diagnose": "diagnosed",
          "quarantine": "quarantined", "vaccinate": "vaccinated", "employ": "employed", "homeless": "homeless",
          "affect": "affected", "shoot": "shot",
          "transport": "moved", "relocate": "moved", "move": "moved", "withdraw": "withdrawn",
          "evacuated": "evacuated", "pull": "withdrawn"}  # fmt: skip
# Events a noun already means: a case is a diagnosed infection.
IMPLIED_EVENTS = {"case": {"diagnosed", "infected"}}
DEATHS = {"death", "deaths", "fatalities", "fatality", "dead", "toll"}
# A bare length, area or weight measures a dimension: "about 100 kilometers off the coast".
DIMENSIONS = {"km": "distance", "miles": "distance", "feet": "distance", "meters": "distance", "mm": "distance",
              "cm": "distance", "inches": "distance", "grams": "weight", "ounces": "weight",
              "square miles": "area", "square km": "area", "acres": "area", "hectares": "area",
              "tons": "weight", "tonnes": "weight", "kg": "weight", "pounds": "weight", "mph": "speed",
              "km/h": "speed", "barrels": "oil", "bpd": "oil"}  # fmt: skip
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}
OWNER_LABELS = {"GPE", "NORP", "ORG"}
MAX_ACRONYM = 5


def find_figures(article: Article, doc: Doc, timexes: Sequence[TimeExpression]) -> list[Figure]:
    """Every figure in the article, in text order; a number whose counted thing is unknown is left out."""
    figures: list[Figure] = []
    dated = [timex for timex in timexes if timex.date is not None and timex.type in ("DATE", "TIME")]
    unresolved = [timex for timex in timexes if timex.date is None and timex.type == "DATE" and "X" in timex.value]
    for quantity in find_quantities(doc):
        figure = _figure(article, doc, quantity, dated, figures, unresolved)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(
    article: Article,
    doc: Doc,
    quantity: Quantity,
    dated: Sequence[TimeExpression],
    earlier: list[Figure],
    unresolved: Sequence[TimeExpression] = (),
) -> Figure | None:
    sentence = doc[quantity.anchor].sent
    if _is_conversion(article.text, doc, quantity, earlier):
        return None
    noun = _counted_noun(doc, quantity)
    if noun is not None and quantity.unit in CURRENCIES and noun.lower_ in PRICE_LEVELS:
        noun = None  # a price's level is of the thing priced
    if quantity.spelled_small and not _is_small_count_a_figure(quantity, noun):
        return None
    if noun is not None and _names_rather_than_counts(doc, quantity, noun):
        return None
    previous = _previous_figure(doc, sentence, earlier)
    in_sentence = previous if previous is not None and previous.span.start >= sentence.start_char else None
    event = (_event(noun) if noun is not None else None) or _event(_phrase_root(doc, quantity))
    anaphor = noun is not None and noun.lower_ in ANAPHORIC and in_sentence is not None
    if anaphor:
        noun = None  # "killing one East Timorese and wounding 22 others": the others are East Timorese too
    if noun is not None:
        what, owner, where = _describe(doc, noun)
    elif in_sentence is not None and (anaphor or in_sentence.unit == quantity.unit):
        what, owner, where = in_sentence.what, in_sentence.owner, _own_place(doc, quantity, in_sentence)
        carried_place = (in_sentence.where or "").lower()
        if where is not None and owner is not None and owner.lower() == carried_place:
            owner = None  # "Australia has had 147 confirmed cases; Argentina has had 37": not Australia's
        event = event or (in_sentence.event if in_sentence.event != "changed" else None)  # its own change
    elif (measured := _measured_noun(doc, quantity)) is not None:
        what, owner, where = _describe(doc, measured)
    elif quantity.unit in DIMENSIONS:
        what, owner, where = DIMENSIONS[quantity.unit], None, None
    elif quantity.unit is not None and (subject := _clause_subject(doc, quantity)) is not None:
        what, owner, where = _describe(doc, subject)
    else:
        return None
    if where is None and previous is not None and previous.what == what and (
        previous is in_sentence or not names_elsewhere(sentence, previous, owner)
    ):
        where = previous.where
    if not _is_a_thing(what) or (what == "area" and where is None):
        return None
    if what in DEATHS:
        what, event = "people", "killed"
    if event is None and _is_change(doc, quantity, noun):
        event = "changed"
    unit = quantity.unit
    if unit not in CURRENCIES | RATE_UNITS and (rate := _rate(doc, quantity, noun)) is not None:
        unit = f"{unit} {rate}" if unit else rate  # "60,000 barrels a day", "10,000 people a year"
    follows = noun is not None and 0 <= noun.i - quantity.end <= 4 and noun.i < sentence.end
    span_end = noun.idx + len(noun) if follows and noun is not None else None
    start = doc[quantity.start].idx
    end = span_end or doc[quantity.end - 1].idx + len(doc[quantity.end - 1])
    return Figure(
        span=Span(article.id, start, end),
        sentence=_sentence_span(article, sentence),
        value=quantity.value,
        what=what,
        qualifier=quantity.qualifier,
        where=where,
        as_of=date_figure(article, doc, quantity, sentence, dated, unresolved),
        unit=unit,
        owner=owner,
        event=event,
    )


def _rate(doc: Doc, quantity: Quantity, noun: Token | None) -> str | None:
    """ "10,000 people die of influenza every year", "32,000 cyber-attacks every 24 hours", "30,000
    passengers a month": a count per period is a rate, not a level or a toll, so the period is its unit
    ("a year"; "every 24 hours" as written when the period has its own number)."""
    root = _phrase_root(doc, quantity)
    holders = [root, root.head] + ([noun, noun.head] if noun is not None else [])
    holders += [c for holder in holders[::2] for c in holder.children if c.dep_ in {"acl", "relcl"}]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "advmod" and child.lower_ in RATE_ADVERBS:
                return RATE_ADVERBS[child.lower_]
            period = child.lemma_.lower()
            per = [c for c in child.children if c.dep_ == "pobj"] if child.lower_ == "per" else []
            if per and per[0].lemma_.lower() in RATE_PERIODS:  # "40 patients per day"
                return f"a {per[0].lemma_.lower()}"
            if child.dep_ != "npadvmod" or period not in RATE_PERIODS:
                continue
            words = [token for token in child.subtree if token.i <= child.i]
            if not {token.lower_ for token in words} & RATE_DETERMINERS:
                continue  # "last year", "this week": a time, not a period
            if any(token.like_num for token in words):
                return " ".join(token.lower_ for token in words)
            return "an hour" if period == "hour" else f"a {period}"
    return None


def _own_place(doc: Doc, quantity: Quantity, carried: Figure) -> str | None:
    """The place a bare number's own clause names, when it is not the place of the figure it continues:
    "Australia has had 147 confirmed cases; Argentina has had 37" (37 cases in Argentina)."""
    root = _phrase_root(doc, quantity)
    place = place_around(doc, root, RECORDING_VERBS | {"have"}) or _place_of_total(doc, root)
    return place if place is not None and place != carried.where else None


def _place_of_total(doc: Doc, root: Token) -> str | None:
    """ "…, bringing the UK total to 848", "taking the US tally to 11": the place of the total the number
    states."""
    path = [root, *root.ancestors]
    verb = next((token for token in path if token.pos_ in {"VERB", "AUX"}), None)
    levels = [token for token in path if token.pos_ == "NOUN"][:1] + (list(verb.children) if verb else [])
    for child in levels:
        if child.lower_ not in LEVEL_NOUNS:
            continue
        place = place_of(doc, child)
        for token in reversed(doc[child.left_edge.i : child.i]):
            if place is None and token.ent_type_ in PLACE_LABELS:
                place = entity_text(doc, token)
        if place is None and child.i > 0 and doc[child.i - 1].ent_type_ in PLACE_LABELS:
            place = entity_text(doc, doc[child.i - 1])  # "the UK total" parsed as object and predicate
        if place is not None:
            return place
    return None


def _is_change(doc: Doc, quantity: Quantity, noun: Token | None) -> bool:
    """ "BP shares fell 0.9 percent", "closed down 13 percent", "falling by as much as 17 percent", "a 4.8
    percent rise", "three more cases were confirmed": the amount of a change, not a level of the thing
    changed."""
    if noun is not None and noun.lower_ in CHANGE_NOUNS:
        return True
    counted_by = [noun] if noun is not None else []
    modifiers = [c for t in [*counted_by, doc[quantity.anchor]] for c in t.children if c.dep_ == "amod"]
    if any(c.lower_ in INCREMENT_WORDS and not quantity.start <= c.i < quantity.end for c in modifiers):
        return True  # "nine new cases", "a further 59 cases", "26 more in Scotland" (not "more than 30,000")
    root = _phrase_root(doc, quantity)
    head = root.head
    if root.dep_ in {"dobj", "npadvmod", "advmod"} and head.lemma_.lower() in CHANGE_VERBS:
        return True
    before = doc[quantity.start - 1].lower_ if quantity.start > 0 else ""
    if root.dep_ in {"npadvmod", "advmod"} and (head.lower_ in DIRECTIONS or before in DIRECTIONS):
        return True  # "closed down 13 percent", "were up 1.2 percent"
    return root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in CHANGE_VERBS


def _is_a_thing(what: str) -> bool:
    """What is counted is a word, not a scale, unit or clock word left over from odd text ("a dozen of
    more than $10 million", "at 423.1 p.", "#ac 360 8:47 pm"); a unit names no thing ("520m gallons were
    released": of what, the sentence does not say), nor is a span of time ("hundreds of years of
    musings", "a quarter of a century later")."""
    word = what.replace("-", "").replace(" ", "")
    named = what not in NOT_THINGS and word not in NOT_THINGS and what not in UNIT_WORDS | TIME_UNITS
    return word.isalpha() and len(word) > 1 and named


def _event(noun: Token) -> str | None:
    """What happened to those counted, when it is what the count is of: "32 people died", "19 men were
    wounded", "killing one East Timorese", "15 others were missing", "people left homeless"; not what
    the noun already says ("nine cases were diagnosed" are cases)."""
    candidates: list[Token] = []
    has_object = any(c.dep_ == "dobj" for c in noun.head.children)
    if noun.dep_ in {"nsubjpass", "dobj"} or (noun.dep_ == "nsubj" and not has_object):  # not "two gunmen killed"
        candidates.append(noun.head)
        candidates.extend(c for c in noun.head.children if c.dep_ in {"acomp", "oprd", "xcomp"})
    candidates.extend(c for c in noun.children if c.dep_ in {"acl", "relcl", "amod"})
    for token in candidates:
        label = EVENTS.get(token.lemma_.lower()) or EVENTS.get(token.lower_)
        if label and label not in IMPLIED_EVENTS.get(noun.lemma_.lower(), ()):
            return label
    return None


def _is_conversion(text: str, doc: Doc, quantity: Quantity, earlier: list[Figure]) -> bool:
    """ "100 kilometers (60 miles)", "3,300 ft -LRB- 1,006 m -RRB-": the bracketed measure restates the
    one before it, whether or not its unit is one this module knows."""
    if not earlier or earlier[-1].unit is None:
        return False
    before = text[max(0, earlier[-1].span.end) : doc[quantity.start].idx].strip()
    opening = next((bracket for bracket in BRACKETS_OPEN if before.startswith(bracket)), None)
    if opening is None or len(before) > 40 or any(bracket in before for bracket in BRACKETS_CLOSE):
        return False  # "5,000 barrels (210,000 gallons, 795,000 litres)": each restates the first
    closing = doc[quantity.end : quantity.end + 2]
    return quantity.unit is not None or any(token.text in BRACKETS_CLOSE for token in closing)


def _is_small_count_a_figure(quantity: Quantity, noun: Token | None) -> bool:
    """A number under ten in words counts when it is a toll ("seven deaths", "one death"), when
    something happened to what it counts ("killing one East Timorese", "One man was killed"), when a
    hedge makes it a count ("in at least two regions"), or when its clause reports it ("Two sailors
    are missing"); not "One reason is …", "one senior official said", "the two men"."""
    if noun is None:
        return False
    if noun.lower_ in TOLL_NOUNS:
        return True
    if quantity.qualifier not in EMPHASES and quantity.value > 1:
        return True
    if _event(noun) is not None and noun.lower_ not in SOURCE_NOUNS:
        return True
    return quantity.value > 1 and _is_reported_count(noun)


def _names_rather_than_counts(doc: Doc, quantity: Quantity, noun: Token) -> bool:
    """A bare number right before a singular noun does not count it: it names or numbers it ("BBC Radio 2
    presenter", "the World Cup Group 9 qualifying match", "the 911 call", "the event's 50,000 capacity");
    nor does one right before a name ("6 High St", "5 Live Sport", "3 Sunny Side Up", "72 RHOSYDLAN").
    What is counted is plural ("two presenters"), a people ("22 Iraqis"), or a noun that is plural in
    sense ("three crew", "seven dead"); a size fused to its noun ("a 115-boat fleet") counts as written."""
    if quantity.unit is not None or quantity.counted is not None or noun.i < quantity.end:
        return False
    between = doc[quantity.end : noun.i]
    if any(token.lower_ in {"of", "(", "-lrb-"} or token.pos_ in {"VERB", "AUX", "PUNCT"} for token in between):
        return False  # "dozens of …", "106 were foreigners": the noun is not the one the number sits on
    if noun.ent_type_ == "NORP" or noun.lower_ in TOLL_NOUNS | TROOP_WORDS | COLLECTIVE_NOUNS:
        return False
    singular = noun.tag_ in {"NN", "NNP"} and (not noun.lower_.endswith("s") or noun.lower_.endswith(SINGULAR_ENDINGS))
    if singular and noun.tag_ == "NNP" and not noun.is_sent_start:
        return True
    value = quantity.value[0] if isinstance(quantity.value, tuple) else quantity.value
    return singular and value > 1


def _is_reported_count(noun: Token | None) -> bool:
    """A number under ten in words is a figure when it is what the clause reports: "Two sailors died".
    As an object ("one of two helicopters", "Iraq's two key allies"), after "the" ("the two men"), or
    counting sources ("Two Iraqi officials confirmed …") it is ordinary prose."""
    if noun is None or noun.dep_ not in {"nsubj", "nsubjpass"} or noun.lower_ in SOURCE_NOUNS:
        return False
    if any(child.dep_ == "det" and child.lower_ == "the" for child in noun.children):
        return False
    return noun.dep_ == "nsubjpass" or noun.head.lemma_ not in SPEECH_VERBS  # "eight people were confirmed"


def _previous_figure(doc: Doc, sentence: SpacySpan, earlier: list[Figure]) -> Figure | None:
    """The last figure if it is in this sentence or the one before."""
    if not earlier:
        return None
    start = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    return earlier[-1] if earlier[-1].span.start >= start else None


def _counted_noun(doc: Doc, quantity: Quantity) -> Token | None:
    """The noun the number counts, or None when the number stands alone."""
    after_of = _noun_after_of(doc, quantity.end)
    if after_of is not None:
        return after_of
    if quantity.needs_of:
        return None
    if quantity.counted is not None:
        return doc[quantity.counted]
    top = _phrase_root(doc, quantity)
    head = top.head
    if top.dep_ in {"nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"} and head.i >= quantity.end:
        bracket = head.text in BRACKETS_OPEN or head.text in BRACKETS_CLOSE
        if head.pos_ in {"NOUN", "PROPN"} and head.lower_ not in UNIT_WORDS and not bracket:  # not "25 and 10 percent"
            return _unwrap_level(_climb_compounds(head))
    fused = quantity.end >= 2 and doc[quantity.end - 2].text == "-"
    following = _after_aside(doc, quantity.end) if fused else quantity.end  # "a 21-inch (53-cm) pipe"
    if quantity.unit is not None and following < len(doc) and doc[following].pos_ == "NOUN":
        return _climb_compounds(doc[following])
    if top.dep_ == "nsubj" and top.head.lemma_ == "be":  # "of the 233 people on board, 106 were foreigners"
        attributes = [c for c in top.head.children if c.dep_ == "attr" and c.tag_ == "NNS"]
        if attributes:
            return attributes[0]
    if top.dep_ == "pobj" and top.head.lower_ == "by" and top.head.head.lemma_ in LEVEL_VERBS:
        changed = [c for c in top.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if changed:  # "it will increase the flow of the leak by 20%"
            return changed[0]
    if top.dep_ in {"pobj", "dobj", "attr", "oprd"}:
        verb = top.head.head if top.dep_ == "pobj" else top.head
        if top.dep_ == "pobj" and top.head.lower_ == "with":  # "has reported the most cases with 21,449"
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "NNS"]
            if objects and verb.pos_ in {"VERB", "AUX"}:
                return objects[0]
        return _level_of_clause(verb, exclude=top)
    return None


def _measured_noun(doc: Doc, quantity: Quantity) -> Token | None:
    """What a bare sum or measure is of: money spent on or paid for something ("spend $2.1 million on
    television ads", "paying $400,000 for ads"), a measure on a noun ("winds above 40 mph")."""
    if quantity.unit is None:
        return None
    root = _phrase_root(doc, quantity)
    if quantity.unit in CURRENCIES and root.dep_ == "pobj" and root.head.lower_ == "at":
        estimated = [c for c in root.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if estimated:  # "analysts have put BP's likely costs at $20 billion to $40 billion"
            return estimated[0]
    if quantity.unit in CURRENCIES:
        level = root.head if root.head.lower_ in PRICE_LEVELS else root.head.head
        if level.lower_ in PRICE_LEVELS:  # "crude … recovered from a $105.15 intraday low"
            verb = next((t for t in level.ancestors if t.pos_ == "VERB"), None)
            moved = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"}] if verb else []
            return moved[0] if moved else _clause_subject(doc, quantity)  # "drove Brent to a high of $127.02"
        holders = [root] + ([root.head] if root.dep_ in {"dobj", "attr"} and root.head.pos_ == "VERB" else [])
        for holder in holders:
            for preposition in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in MONEY_PREPOSITIONS):
                objects = [c for c in preposition.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return _climb_compounds(objects[0])
        return None
    preposition = root.head
    if root.dep_ == "pobj" and preposition.lower_ in MEASURE_PREPOSITIONS and preposition.head.pos_ == "NOUN":
        noun = preposition.head
        if noun.lower_ not in LEVEL_NOUNS and noun.ent_type_ not in PLACE_LABELS:
            return noun
    return None


def _clause_subject(doc: Doc, quantity: Quantity) -> Token | None:
    """ "The deal is worth $1.5 billion, up 3 percent": a bare amount of money or percent describes
    its clause's subject; a clause without one (a participle: "crude fell …, having recovered from a
    $105.15 intraday low") takes the subject of the clause it hangs on. A subject that does something
    with the sum ("powers agreed to hand over $15 billion") is not what the sum measures."""
    node = _phrase_root(doc, quantity)
    for _ in range(8):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in TRANSFER_VERBS:
            return None  # "powers agreed to hand over $15 billion": the sum is not the powers'
        if node.pos_ in {"VERB", "AUX"} and subjects:
            own = [c for c in subjects if _is_common_noun(c) and not quantity.start <= c.i < quantity.end]
            return own[0] if own else None
        if node.head == node:
            return None
        node = node.head
    return None


def _is_common_noun(token: Token) -> bool:
    """A noun, also one capitalized at the start of a sentence and so tagged as a name ("Crude fell …")."""
    return token.pos_ == "NOUN" or (
        token.pos_ == "PROPN" and token.is_sent_start and not token.ent_type_ and not token.is_upper
    )


def _noun_after_of(doc: Doc, end: int) -> Token | None:
    """ "dozens of American soldiers" → soldiers; "half of Syria's pre-war population" → population;
    "3,300 ft (1,006 m) of mud" → mud."""
    end = _after_aside(doc, end)
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    objects = [child for child in doc[end].children if child.dep_ == "pobj"]
    if objects:
        return _unwrap_level(objects[0])
    following = doc[end + 1 : end + 6]
    for token in following:
        if token.is_punct:
            break
        if token.tag_ in {"NNS", "NNPS"}:
            return _unwrap_level(token)
    for token in following:
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"}:
            break
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ not in {"compound", "poss", "nmod", "amod"}:
            return _unwrap_level(token)
    return None


def _after_aside(doc: Doc, end: int) -> int:
    """The token after a short bracketed aside starting at ``end`` ("(1,006 m)"), else ``end``."""
    if end >= len(doc) or doc[end].text not in BRACKETS_OPEN:
        return end
    for index in range(end + 1, min(len(doc), end + 6)):
        if doc[index].text in BRACKETS_CLOSE:
            return index + 1
    return end


def _phrase_root(doc: Doc, quantity: Quantity) -> Token:
    """The number phrase's link to the sentence: the number, or the unit it measures ("60 percent").
    A hedge parsed as a preposition ("stood near 166,000") does not count: the number is its object."""
    token = doc[quantity.anchor]
    while token.head != token and quantity.start <= token.head.i < quantity.end:
        if token.head.dep_ == "prep" and token.dep_ == "pobj":
            break
        token = token.head
    return token


def _climb_compounds(noun: Token) -> Token:
    """ "25,000 coalition airstrikes": the number sits on "coalition", the thing counted is "airstrikes";
    "four Admiral's Cups" counts cups. A name after the noun is not what is counted ("a 40-foot vessel
    Business Post Naiad" counts feet of a vessel)."""
    while noun.dep_ in {"compound", "poss"} and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        noun = noun.head
    return noun


def _unwrap_level(noun: Token) -> Token:
    """ "troop levels" → troop; "the number of IS fighters" → fighters."""
    if noun.lower_ not in LEVEL_NOUNS:
        return noun
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return objects[0]
    return noun


def _level_of_clause(verb: Token, exclude: Token) -> Token | None:
    """For "US troop levels stood near 166,000" or "put the number of IS fighters at about 2,500": the
    subject or object stating the level, else the plural subject of a verb of level or change."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    arguments = [c for c in verb.children if c is not exclude and c.pos_ == "NOUN" and c.dep_ in ARGUMENT_DEPS]
    for child in arguments:
        if child.lower_ in LEVEL_NOUNS:
            level = _unwrap_level(child)  # "bringing the total to 48" says nothing of what: the figure before does
            return level if level.lower_ not in LEVEL_NOUNS - DEATHS else None
    if verb.lemma_ not in LEVEL_VERBS:
        return None
    for child in arguments:
        if child.dep_ in {"nsubj", "nsubjpass"} and (child.tag_ == "NNS" or child.lower_ in TROOP_WORDS):
            return child
    return None


def _describe(doc: Doc, noun: Token) -> tuple[str, str | None, str | None]:
    """(what, owner, where) around the counted noun."""
    if not any(ch.isalpha() for ch in noun.text) or noun.ent_type_ == "PERSON":
        return "", None, None  # "WRAPUP 2-Obama visits Gulf" counts no Obamas
    if noun.ent_type_ in PLACE_LABELS:  # a share of a place ("one-third of Iraq") is of its area
        return ("area", None, place_text(doc, noun)) if _is_share_of(noun) else ("", None, None)
    level_head = noun.head if noun.dep_ == "compound" and noun.head.lower_ in LEVEL_NOUNS else None
    owner = _owner(doc, noun) or (_owner(doc, level_head) if level_head is not None else None) or _holder(doc, noun)
    what = _normalize_what(noun)
    holders = RECORDING_VERBS if what == "troops" else RECORDING_VERBS | {"have"}  # the U.S. has troops abroad
    where = place_around(doc, noun, holders)
    if where is None and level_head is not None:
        where = place_around(doc, level_head, holders)
    if where is None and what != "troops":  # troops are placed where they serve, not where they are from
        where = named_place_of(doc, noun) or homeland(doc, noun)
    return what, owner, where


def _is_share_of(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ == "of"


def _normalize_what(noun: Token) -> str:
    """ "troops" for every word for soldiers; a people named in more than one word as named ("one East
    Timorese" counts east timorese); else the noun as written, lower case."""
    if noun.ent_type_ == "NORP":
        for ent in entities(noun.doc):
            if ent.start <= noun.i < ent.end and ent.end - 1 == noun.i:
                return ent.text.lower()
    word = noun.lower_
    if word in TROOP_WORDS or (word in {"members", "member"} and any(c.lower_ == "service" for c in noun.children)):
        return "troops"
    return word


def _owner(doc: Doc, noun: Token) -> str | None:
    """Whose they are: "U.S. troops", "American soldiers", "IS fighters", "coalition airstrikes"; never a
    name the counted noun is itself part of ("Muslim Conquest" owns no conquests)."""
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"compound", "amod", "nmod"}:
            continue
        if noun.ent_iob_ == "I" and child.ent_type_ == noun.ent_type_ and _same_entity(doc, child, noun):
            continue
        if child.ent_type_ in OWNER_LABELS:
            return entity_text(doc, child)
        if _is_acronym(child):
            return child.text
        if child.lower_ == "coalition":
            return child.text
    return None


def _same_entity(doc: Doc, first: Token, second: Token) -> bool:
    return any(ent.start <= first.i < ent.end and ent.start <= second.i < ent.end for ent in entities(doc))


def _is_acronym(token: Token) -> bool:
    """ "IS", "NATO", "UNHCR" name an owner; a longer word in capitals is shouting or page furniture
    ("RETWEET Five Arab leaders", "THOUSANDS OF DAISEY-CUTTERS")."""
    return token.is_upper and token.is_alpha and 2 <= len(token) <= MAX_ACRONYM


def _holder(doc: Doc, noun: Token) -> str | None:
    """ "The U.S. has about 2,000 troops in Syria": whoever has, keeps or deploys them."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in HOLDING_VERBS:
        return None
    for child in noun.head.children:
        if child.dep_ == "nsubj" and (child.ent_type_ in OWNER_LABELS or _is_acronym(child)):
            return entity_text(doc, child)
    return None


def _sentence_span(article: Article, sentence: SpacySpan) -> Span:
    start, end = sentence.start_char, sentence.end_char
    while start < end and article.text[start].isspace():
        start += 1
    while end > start and article.text[end - 1].isspace():
        end -= 1
    return Span(article.id, start, end)
