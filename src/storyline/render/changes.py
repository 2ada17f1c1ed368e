"""What changed in a story, for people and programs: JSON (the items as story.json shapes them), plain
text (``storyline changes``), and an Atom feed of the story's changes (one entry per new version), so any
feed reader can follow a story.

Every item keeps its evidence: JSON carries it whole; text and Atom name the article and span after each
item, and the Atom entry links each item to its span when given the web app's address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any
from xml.etree import ElementTree

from storyline.model import Evidence, FigurePoint
from storyline.render.json import (
    conflict_data,
    event_data,
    evidence_data,
    point_data,
    quote_data,
    timeline_entry_data,
)
from storyline.render.text import conflict_sides, format_value, human_date, quoted
from storyline.story.changes import FigureChange, StoryChanges

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (control characters pasted into an article): left out of the feed."""


def changes_data(changes: StoryChanges) -> dict[str, Any]:
    """The changes as JSON-ready data."""
    return {
        "story": changes.story_id,
        "since": {"version": changes.before_version, "at": changes.before_at},
        "now": {"version": changes.after_version, "at": changes.after_at},
        "articles": list(changes.articles),
        "events": [dict(event_data(new.event), evidence=evidence_data(new.evidence)) for new in changes.events],
        "timeline": [timeline_entry_data(entry) for entry in changes.timeline],
        "redated": [dict(timeline_entry_data(moved.entry), before=moved.before.iso()) for moved in changes.redated],
        "figures": [
            {"what": change.what, "where": change.where, "unit": change.unit,
             "before": point_data(change.before) if change.before else None, "after": point_data(change.after)}
            for change in changes.figures
        ],
        "conflicts": [
            dict(conflict_data(new.conflict), what=new.what, where=new.where, unit=new.unit) for new in changes.conflicts
        ],
        "date_conflicts": [timeline_entry_data(entry) for entry in changes.date_conflicts],
        "speakers": list(changes.speakers),
        "quotes": [quote_data(quote) for quote in changes.quotes],
        "outlets": [
            {"outlet": new.outlet, "articles": list(new.articles), "evidence": evidence_data(new.evidence)}
            for new in changes.outlets
        ],
    }


def change_lines(changes: StoryChanges) -> list[tuple[str, str, tuple[Evidence, ...]]]:
    """(section, what a reader sees, evidence) for every change, in the order a reader wants them."""
    lines: list[tuple[str, str, tuple[Evidence, ...]]] = []
    for new in changes.events:
        when = human_date(new.event.first) if new.event.first else "undated"
        lines.append(("New events", f"{when}: {new.event.title} ({len(new.event.articles)} articles)", new.evidence))
    for entry in changes.timeline:
        lines.append(("New on the timeline", f"{human_date(entry.date)}: {entry.text}", entry.evidence))
    for moved in changes.redated:
        line = f"{human_date(moved.before)} → {human_date(moved.entry.date)}: {moved.entry.text}"
        lines.append(("Dated anew", line, moved.entry.evidence))
    for change in changes.figures:
        lines.append(("Figures changed", _figure_line(change), _figure_evidence(change)))
    for new in changes.conflicts:
        counted = f"{new.what} in {new.where}" if new.where else new.what
        values = " vs ".join(format_value(value, unit=new.unit) for value in new.conflict.values)
        lines.append(("Sources now disagree", f"{counted}, {new.conflict.period}: {values}", new.conflict.evidence))
    for entry in changes.date_conflicts:
        sides = " vs ".join(human_date(date) for date, _ in conflict_sides(entry.conflict))
        line = f"the date of {quoted(_clip(entry.text))}: {sides}"
        lines.append(("Sources now disagree", line, entry.conflict.evidence))
    for speaker in changes.speakers:
        first = next(quote for quote in changes.quotes if quote.speaker == speaker)
        lines.append(("New speakers", speaker, first.evidence))
    for quote in changes.quotes:
        said = quoted(quote.text) if quote.direct else quote.text
        lines.append(("New quotes", f"{quote.speaker or 'Unattributed'}: {said}", quote.evidence))
    for new in changes.outlets:
        count = len(new.articles)
        lines.append(("New outlets", f"{new.outlet} ({count} article{'' if count == 1 else 's'})", new.evidence))
    return lines


def changes_text(changes: StoryChanges) -> str:
    """The changes as ``storyline changes`` prints them, each item followed by where it is said."""
    since = (f"version {changes.before_version} ({changes.before_at})" if changes.before_version
             else "before its first briefing")
    out = [f"story {changes.story_id}: version {changes.after_version} ({changes.after_at}) since {since}"]
    if changes.empty:
        out.append("nothing changed")
        return "\n".join(out) + "\n"
    out.append(f"{len(changes.articles)} new article{'' if len(changes.articles) == 1 else 's'}")
    section = None
    for heading, line, evidence in change_lines(changes):
        if heading != section:
            out.append(f"\n{heading}:")
            section = heading
        out.append(f"  {line}")
        for item in evidence[:3]:
            out.append(f"      {item.article}[{item.start}:{item.end}] {quoted(_clip(item.quote))}")
    return "\n".join(out) + "\n"


def changes_atom(
    title: str, story_id: str, history: Sequence[StoryChanges], *, link: Callable[[Evidence], str] | None = None,
    story_link: str | None = None,
) -> str:
    """An Atom feed with one entry per version of the story (newest first), each listing what that version
    changed. ``link`` turns evidence into an address (the web app's article pages); without it, entries name
    the article and span."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", f"Changes: {title}")
    _text(feed, "id", f"urn:storyline:story:{story_id}")
    _text(feed, "updated", history[0].after_at if history else "1970-01-01T00:00:00Z")
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "storyline")
    if story_link:
        ElementTree.SubElement(feed, f"{{{ATOM}}}link", href=story_link, rel="alternate")
    for changes in history:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", _entry_title(changes))
        _text(entry, "id", f"urn:storyline:story:{story_id}:version:{changes.after_version}")
        _text(entry, "updated", changes.after_at)
        if story_link:
            ElementTree.SubElement(entry, f"{{{ATOM}}}link", href=story_link, rel="alternate")
        content = ElementTree.SubElement(entry, f"{{{ATOM}}}content", type="xhtml")
        body = ElementTree.SubElement(content, f"{{{XHTML}}}div")
        for heading, line, evidence in change_lines(changes):
            paragraph = ElementTree.SubElement(body, f"{{{XHTML}}}p")
            paragraph.text = _xml_safe(f"{heading}: {line} ")
            for item in evidence[:3]:
                if link:
                    cited = ElementTree.SubElement(paragraph, f"{{{XHTML}}}a", href=link(item))
                    cited.text = f"[{item.article}]"
                else:
                    cited = ElementTree.SubElement(paragraph, f"{{{XHTML}}}span")
                    cited.text = f"[{item.article} {item.start}-{item.end}]"
                cited.tail = " "
    ElementTree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="unicode") + "\n"


def _entry_title(changes: StoryChanges) -> str:
    if changes.before_version is None:
        return f"Version {changes.after_version}: first briefing, {len(changes.articles)} articles"
    parts = [f"{len(changes.articles)} new article{'' if len(changes.articles) == 1 else 's'}"]
    for count, name in ((len(changes.events), "event"), (len(changes.figures), "figure change"),
                        (len(changes.conflicts) + len(changes.date_conflicts), "new disagreement"), (len(changes.quotes), "quote")):
        if count:
            parts.append(f"{count} {name}{'' if count == 1 else 's'}")
    return f"Version {changes.after_version}: " + ", ".join(parts)


def _figure_line(change: FigureChange) -> str:
    counted = f"{change.what} in {change.where}" if change.where else change.what
    after = _reading(change.after, change.unit)
    if change.before is None:
        return f"{counted}: {after}"
    return f"{counted}: {_reading(change.before, change.unit)} → {after}"


def _reading(point: FigurePoint, unit: str | None) -> str:
    when = f" ({human_date(point.as_of)})" if point.as_of else ""
    return f"{format_value(point.value, point.qualifier, unit)}{when}"


def _figure_evidence(change: FigureChange) -> tuple[Evidence, ...]:
    return change.after.evidence + (change.before.evidence if change.before else ())


def _clip(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(parent: ElementTree.Element, name: str, value: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = _xml_safe(value)
    return element


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)
