"""Which of a sentence's time expressions give the time of the event it reports.

A timeline entry is dated by when its event happened, not by every date its sentence mentions. Three
kinds of mention do not date the sentence's event, whatever the tagger resolved them to:

- a **name**: a year that is part of what something is called ("the 2016 election", "the 1922 Committee",
  "Worlds 2023", "Euro 2012"), or a day that says which happening is meant ("Trump's July 25 phone call",
  "the April 20 explosion"): the sentence is about something else that refers to it;
- a **comparison**: a year or time the news is measured against ("the first time since 1993", "larger than in
  2019", "up from 2,000 in 2018", "a turnaround from four years ago");
- the **start of a span**: "since January 2018" says how long a state has lasted, not when something
  happened now.

The rules read only the characters around the expression, so they hold for tokenized corpora and raw
pages alike.
"""

from __future__ import annotations

import re

from storyline.model import TimeExpression

_YEAR = re.compile(r"\d{4}")
_SINCE = re.compile(r"(?i)\bsince\s+(?:the\s+(?:start|end|beginning|middle)\s+of\s+|early\s+|late\s+|mid-?\s*)?$")
_COMPARED = re.compile(
    r"(?i)\b(?:than|compared\s+(?:with|to)|(?:up|down)\s+from|(?:turnaround|change|shift|rise|fall|drop|increase|"
    r"decrease|jump|decline|recovery)\s+from|relative\s+to|versus|vs\.?)\s+(?:(?:in|on|at|during|the|a|an)\s+)?"
    r"(?:[\w,.$%-]+\s+){0,3}?$"
)
_COMPARED_BEFORE_NUMBER = re.compile(r"(?i)\b(?:up|down)\s+from\s+[\d.,$%]+(?:\s+\w+){0,3}\s+(?:in|on|at|by)\s+$")
_NAME_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][\w'’-]*)\s+$")
"""A capitalized word right before a bare year: "Worlds 2023", "Euro 2012", "Vision 2030"."""
_NOT_NAMES = frozenset({
    "In", "By", "During", "Since", "Until", "Till", "Before", "After", "From", "Through", "Of", "On", "At", "And",
    "Or", "But", "The", "Early", "Late", "Mid", "Summer", "Spring", "Autumn", "Fall", "Winter", "Year", "Fiscal",
    "FY", "Q1", "Q2", "Q3", "Q4", "Around", "Circa", "About", "Only", "Also", "Then", "Than", "To", "Between",
    "Updated", "Published", "Posted", "Copyright",
})
"""Capitalized words that open a sentence or a date phrase rather than name something ("In 2003, …")."""
_NAME_AFTER = re.compile(r"^\s+(?:[A-Z][a-z]+|[a-z]+(?:al|ion|ions|ics|ship|ment|ments|ies|up|race|war|crisis|"
                         r"games|cup|season|budget|census|act|law|plan|poll|polls|vote|summit|olympics|attacks?|"
                         r"campaign|elections?|primar(?:y|ies)|convention|debate|deal|accord|agreement|treaty|"
                         r"survey|report|film|movie|album|model)\b)")
"""A bare year followed by a noun it classifies: "the 2016 election", "the 1922 Committee"."""
_HAPPENING_AFTER = re.compile(
    r"^,?\s+(?:[a-z]+[- ])?(?:call|meeting|attack|attacks|explosion|blast|hearing|speech|announcement|deadline|"
    r"visit|raid|strike|strikes|bombing|shooting|crash|storm|earthquake|quake|massacre|protest|protests|rally|"
    r"killing|killings|arrest|ruling|decision|letter|memo|statement|tweet|interview|summit|vote|election|"
    r"referendum|coup|uprising|disaster|spill|accident|fire|flood|ceasefire|agreement|deal|order|report|"
    r"testimony|debate|incident|assault|offensive|invasion|withdrawal|launch|meltdown|leak|release)\b"
)
"""A noun of happening after a day that modifies it: "the April 20 explosion", "Trump's July 25 phone call"."""
_ARTICLE_BEFORE = re.compile(r"(?i)(?:\b(?:the|a|an|its|their|his|her|this|that|last|next)\s+|['’]s\s+)$")
_MONTHS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})
_OPENERS = frozenset(word.title() for word in _MONTHS | _NOT_NAMES)
_WINDOW = 60


def dates_the_event(text: str, timex: TimeExpression) -> bool:
    """Whether ``timex`` (in ``text``, the article) can give the date of the event its sentence reports."""
    before = text[max(0, timex.span.start - _WINDOW) : timex.span.start]
    after = text[timex.span.end : timex.span.end + _WINDOW]
    if _SINCE.search(before):
        return False
    if _COMPARED.search(before) or _COMPARED_BEFORE_NUMBER.search(before):
        return False
    return not (_is_name(timex.text, before, after) or _is_about(timex.text, before, after))


def _is_about(expression: str, before: str, after: str) -> bool:
    """A day used to say which happening the sentence speaks of ("Trump's July 25 phone call", "the April 20
    explosion"): the sentence is about that happening, and its own event (a hearing, a report) is later."""
    if _YEAR.fullmatch(expression) or not any(character.isdigit() for character in expression):
        return False
    return bool(_ARTICLE_BEFORE.search(before) and _HAPPENING_AFTER.match(after))


def _is_name(expression: str, before: str, after: str) -> bool:
    """A bare year inside a name or used to classify a noun ("the 2016 election")."""
    if not _YEAR.fullmatch(expression):
        return False
    capitalized = _NAME_BEFORE.search(before)
    if capitalized and capitalized.group(1).rstrip(".").title() not in _OPENERS:
        return True
    return bool(_ARTICLE_BEFORE.search(before) and _NAME_AFTER.match(after))
