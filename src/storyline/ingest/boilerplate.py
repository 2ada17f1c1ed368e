"""Lines a page's extraction keeps that are the site talking, not the article: calls to subscribe or sign
up, "Read more:" links to other stories, "you may also like" boxes, comment counters, standards and
opinion footers.

A line is dropped only when it is short and its *form* is one of these (an imperative to the reader, a
label before a link, a disclaimer): an article that reports on a newsletter or quotes a "Read more"
button in a sentence keeps it. Dropped lines are removed before the text is stored, so every offset
still indexes the stored text.
"""

from __future__ import annotations

import re

# Longer than this, a line is a paragraph of the article whatever it starts with.
MAX_BOILERPLATE_WORDS = 20
# A quotation or a reporting verb makes a line the article's: '"We started our newsletter in 2019," she
# said', "Join our fight, the senator told the crowd".
_REPORTED = re.compile(r"[\"“”]|\b(?:said|says|told|tells|according to|sagte|erklärte)\b", re.IGNORECASE)

_PATTERNS = [
    # a link to another story, labelled ("Read more: Looted colonial art", "Lesen Sie auch: …")
    r"(?:read|see) (?:more|also)(?::.*|(?:\s+\S+){0,8})|also read:.*|related(?: articles?| stories| coverage)?:.*|more on this(?: story)?:.*|"
    r"(?:lesen sie auch|mehr zum thema|auch interessant|weiterlesen)\b.*|lire aussi\b.*",
    # "you may also like" boxes
    r"(?:you (?:may|might) also (?:like|be interested in)|recommended for you)\b.*|"
    r"(?:das|dies) (?:könnte|dürfte) (?:sie|dich) auch interessieren\b.*|.*(?:könnte|dürfte) (?:sie|dich) auch interessieren:?",
    # a call to act: subscribe, sign up, follow, download, submit
    r"(?:click here to|sign up\b|subscribe\b|join our\b|get our\b|follow us\b|download (?:our|the) app\b|"
    r"submit your\b|continue reading\b|keep reading\b).*",
    # a newsletter offered to the reader ("PC Gamer Newsletter", "Mit unserem Newsletter erhalten Sie …")
    r"(?-i:(?:[A-Z][\w']*\s){1,3}Newsletter)|.*\b(?:our|unserem?|notre) newsletter\b.*\b(?:you|your|sie|ihnen|dich|du|vous)\b.*|"
    r".*\bnewsletter\b.*\b(?:sign up|abonnieren|anmelden|inscrivez)\b.*",
    # comment widgets
    r"(?:view|show|load|hide) comments|comments? \(\d+\)|\d+ comments?|kommentare insgesamt:?.*|\d+ kommentare",
    # standards and opinion footers
    r"our standards:.*|the thomson reuters trust principles\.?|"
    r"(?:the )?(?:views|opinions) expressed (?:in this|here|are)\b.*|this (?:article|story) (?:was|has been) (?:produced|published) in partnership\b.*",
]
_BOILERPLATE = re.compile("|".join(f"(?:{pattern})" for pattern in _PATTERNS), re.IGNORECASE)


def without_boilerplate(text: str) -> str:
    """``text`` without its boilerplate lines, every other line as it was.

    >>> without_boilerplate("Troops left on Monday.\\nRead more: Looted colonial art\\nThey had been there since 2014.")
    'Troops left on Monday.\\nThey had been there since 2014.'
    >>> without_boilerplate("The newsletter, founded in 1990, reached two million readers by 2020.")
    'The newsletter, founded in 1990, reached two million readers by 2020.'
    """
    kept = [line for line in text.split("\n") if not is_boilerplate(line)]
    return "\n".join(kept)


def is_boilerplate(line: str) -> bool:
    """True for a short line whose whole form is a site's own call, label or footer."""
    stripped = line.strip(" \t-–—•·|»›>")
    if not stripped or len(stripped.split()) > MAX_BOILERPLATE_WORDS or _REPORTED.search(stripped):
        return False
    return _BOILERPLATE.fullmatch(stripped.rstrip(".!:…")) is not None or _BOILERPLATE.fullmatch(stripped) is not None
