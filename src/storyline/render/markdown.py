"""timeline.md: the briefing as Markdown, to paste into a newsroom doc, a wiki or a pull request.

Citations link to anchors in the document's own Sources list, named by the source's title, so the file
stands alone. Article text can hold Markdown or HTML syntax; it is escaped so it reads as written and
cannot inject links or markup.
"""

from __future__ import annotations

import re

from storyline.model import Story
from storyline.render.chart import series_title
from storyline.render.citations import CITED_SOURCES, Citation, SourceIndex
from storyline.render.text import (
    INFERRED_DATE_NOTE,
    article_name,
    format_value,
    conflict_sides,
    human_date,
    published_note,
    quoted,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_WEB_ADDRESS = re.compile(r"https?://[^\s<>]+")


def escape_markdown(text: str) -> str:
    r"""Backslash-escape Markdown's special characters and fold newlines, so text renders literally.

    >>> escape_markdown("a *bold* <script> [link]")
    'a \\*bold\\* \\<script\\> \\[link\\]'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _links(citations: list[Citation]) -> str:
    """ "[Title](#source-1), [Other](#source-2)": one link per distinct source, the first
    ``CITED_SOURCES`` of them, then how many more."""
    links: dict[int, str] = {}
    for citation in citations:
        links.setdefault(citation.number, f"[{escape_markdown(citation.label)}](#source-{citation.number})")
    shown = list(links.values())[:CITED_SOURCES]
    if len(links) > CITED_SOURCES:
        shown.append(f"and {len(links) - CITED_SOURCES} more")
    return ", ".join(shown)


def _cite(index: SourceIndex, citations: list[Citation]) -> str:
    """The links in parentheses after a sentence, or nothing when it cites no source."""
    links = _links(citations)
    return f" ({links})" if links else ""


def _url(url: str) -> str:
    """A web address as an autolink when it is one, else as escaped text."""
    return f"<{url}>" if _WEB_ADDRESS.fullmatch(url) else escape_markdown(url)


def render_markdown(story: Story) -> str:
    """timeline.md text for ``story``; raises StageError if any evidence does not quote its article."""
    index = SourceIndex(story)
    lines = [f"# {escape_markdown(story.title)}", ""]
    published = sorted(a.published for a in story.articles if a.published)
    about = f"Briefing from {len(story.articles)} article{'s' if len(story.articles) != 1 else ''}"
    if published:
        first, last = human_date(published[0]), human_date(published[-1])
        about += f" published {first}" if first == last else f" published {first} to {last}"
    if story.generated_at:
        about += f", generated {story.generated_at}"
    lines += [f"_{about}._", ""]

    lines += ["## Summary", ""]
    for note in story.pending:
        lines.append(f"_Pending: {escape_markdown(note)}_")
    for note in story.notes:
        lines.append(f"_Not analyzed: {escape_markdown(note.removeprefix('not analyzed, '))}_")
    for sentence in story.summary:
        lines.append(f"- {escape_markdown(sentence.text)}{_cite(index, index.cite_all(sentence.evidence))}")
    if not story.summary and not story.pending:
        lines.append("_No summary could be drawn from these articles._")
    lines.append("")
    lines += _events(story, index)

    lines += ["## Timeline", ""]
    for entry in story.timeline:
        notes = []
        if entry.planned:
            notes.append("planned")
        notes.append(f"{entry.support} source{'s' if entry.support != 1 else ''}")
        lines.append(
            f"- **{entry.date.iso()}** — {escape_markdown(entry.text)}"
            f"{_cite(index, index.cite_all(entry.evidence))} _({', '.join(notes)})_"
        )
        if entry.conflict is not None:
            sides = " vs ".join(
                f"{human_date(date)}{_cite(index, index.cite_all(evidence))}"
                for date, evidence in conflict_sides(entry.conflict)
            )
            lines.append(f"  > **Sources disagree on the date**: {sides}")
    if not story.timeline:
        lines.append("_No dated events were found._")
    lines.append("")

    lines += _figures(story, index)
    lines += _quotes(story, index)
    lines += _sources(story)
    lines += _set_aside(story, index)
    return "\n".join(lines).rstrip("\n") + "\n"


def _figures(story: Story, index: SourceIndex) -> list[str]:
    lines = ["## Figures", ""]
    for series in story.figures:
        lines += [f"### {escape_markdown(series_title(series))}", "", "| As of | Value | Source |", "| --- | --- | --- |"]
        for point in series.points:
            date = point.as_of.iso() if point.as_of else "undated"
            value = escape_markdown(format_value(point.value, point.qualifier, series.unit))
            lines.append(f"| {date} | {value} | {_links(index.cite_all(point.evidence))} |")
        lines.append("")
        for conflict in series.conflicts:
            values = " vs ".join(format_value(value, unit=series.unit) for value in conflict.values)
            lines.append(
                f"> **Sources disagree** for {escape_markdown(conflict.period)}: {escape_markdown(values)}"
                f"{_cite(index, index.cite_all(conflict.evidence))}"
            )
            lines.append("")
    if not story.figures:
        lines += ["_No figure is reported often enough to chart._", ""]
    return lines


def _quotes(story: Story, index: SourceIndex) -> list[str]:
    lines = ["## Quotes", ""]
    speakers: dict[str, list[str]] = {}
    for quote in story.quotes:
        text = escape_markdown(quote.text)
        said = [quote.cue] if quote.cue else []
        if quote.date:
            said.append(quote.date.iso())
        line = f"- {escape_markdown(quoted(quote.text))}" if quote.direct else f"- {text} _(reported)_"
        if said:
            line += f" — {escape_markdown(', '.join(said))}"
        speakers.setdefault(quote.speaker or "Unattributed", []).append(
            line + _cite(index, index.cite_all(quote.evidence))
        )
    for speaker in sorted(speakers, key=lambda name: (name == "Unattributed", -len(speakers[name]), name)):
        lines += [f"### {escape_markdown(speaker)}", "", *speakers[speaker], ""]
    if not story.quotes:
        lines += ["_No attributed statements were found._", ""]
    return lines


def _events(story: Story, index: SourceIndex) -> list[str]:
    """The happenings the story's articles report, each with the sources that report it."""
    if not story.events:
        return []
    lines = ["## Events", ""]
    for event in story.events:
        if event.first is None:
            when = "undated"
        else:
            first, last = human_date(event.first), human_date(event.last or event.first)
            when = first if first == last else f"{first} to {last}"
        numbers = sorted(index.numbers[article_id] for article_id in event.articles if article_id in index.numbers)
        sources = ", ".join(f"[{number}](#source-{number})" for number in numbers)
        lines.append(f"- **{escape_markdown(when)}**: {escape_markdown(event.title)} (sources {sources})")
    lines.append("")
    return lines


def _sources(story: Story) -> list[str]:
    lines = ["## Sources", ""]
    if any(article.published_from == "text" for article in story.articles):
        lines += [f"_{escape_markdown(INFERRED_DATE_NOTE)}_", ""]
    for number, article in enumerate(story.articles, start=1):
        details = [escape_markdown(article.source)] if article.source else []
        details.append(escape_markdown(published_note(article)))
        if article.url:
            details.append(_url(article.url))
        details.append(f"`{article.path}`" if "`" not in article.path else escape_markdown(article.path))
        title = escape_markdown(article_name(article))
        lines.append(f'{number}. <a id="source-{number}"></a>**{title}** — {"; ".join(details)}')
    lines.append("")
    return lines


def _set_aside(story: Story, index: SourceIndex) -> list[str]:
    lines = []
    if story.duplicates:
        lines += ["## Duplicates", ""]
        for duplicate in story.duplicates:
            original = (
                f"[{escape_markdown(index.label(duplicate.of))}](#source-{index.numbers[duplicate.of]})"
                if duplicate.of in index.numbers
                else escape_markdown(duplicate.of)
            )
            lines.append(f"- {escape_markdown(duplicate.path)}: copy of {original} (similarity {duplicate.similarity:.2f})")
        lines.append("")
    if story.rejected:
        lines += ["## Rejected inputs", ""]
        for rejected in story.rejected:
            lines.append(
                f"- {escape_markdown(rejected.path)} ({escape_markdown(rejected.stage)}): {escape_markdown(rejected.reason)}"
            )
        lines.append("")
    return lines
