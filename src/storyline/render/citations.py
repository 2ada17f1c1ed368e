"""Numbers a story's sources and checks its evidence before any format is written.

A rendered briefing is only as trustworthy as its links: every evidence item must name an article of the
story and quote exactly the characters it points at. Checking once here means no renderer can publish a
quote that drifted from its source; a story that fails is a bug upstream, reported with where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from storyline.errors import StageError
from storyline.model import Article, Evidence, Story
from storyline.render.text import source_label

CITED_SOURCES = 5
"""Source links shown after an item; the rest are counted ("+12"), since its support says how many
sources agree and story.json keeps every span."""


def story_evidence(story: Story) -> Iterator[tuple[str, Evidence]]:
    """Every evidence item of the story with where it sits ("timeline[3].evidence[0]")."""
    groups = (("timeline", story.timeline), ("summary", story.summary), ("quotes", story.quotes))
    for name, items in groups:
        for i, item in enumerate(items):
            for j, evidence in enumerate(item.evidence):
                yield f"{name}[{i}].evidence[{j}]", evidence
    for i, entry in enumerate(story.timeline):
        for j, evidence in enumerate(entry.conflict.evidence if entry.conflict else ()):
            yield f"timeline[{i}].conflict.evidence[{j}]", evidence
    for i, series in enumerate(story.figures):
        for k, point in enumerate(series.points):
            for j, evidence in enumerate(point.evidence):
                yield f"figures[{i}].points[{k}].evidence[{j}]", evidence
        for k, conflict in enumerate(series.conflicts):
            for j, evidence in enumerate(conflict.evidence):
                yield f"figures[{i}].conflicts[{k}].evidence[{j}]", evidence


def check_evidence(story: Story) -> None:
    """Raise StageError unless every evidence item quotes exactly ``text[start:end]`` of a story article."""
    articles: dict[str, Article] = {}
    for article in story.articles:
        if article.id in articles:
            raise StageError(f"story has two articles with id {article.id!r} ({article.path}); ids must be unique")
        articles[article.id] = article
    for where, evidence in story_evidence(story):
        article = articles.get(evidence.article)
        if article is None:
            raise StageError(
                f"{where} cites article {evidence.article!r}, which is not in the story; "
                "evidence must point at one of story.articles"
            )
        if not 0 <= evidence.start <= evidence.end <= len(article.text):
            raise StageError(
                f"{where} spans [{evidence.start}:{evidence.end}] outside article {article.id!r} "
                f"({len(article.text)} characters); build evidence with Evidence.of(span, text)"
            )
        if article.text[evidence.start : evidence.end] != evidence.quote:
            raise StageError(
                f"{where} quote {evidence.quote[:60]!r} is not article {article.id!r} "
                f"text[{evidence.start}:{evidence.end}]; build evidence with Evidence.of(span, text)"
            )


@dataclass(frozen=True, slots=True)
class Citation:
    """One link from an output item to the sentence it rests on."""

    number: int
    href: str
    label: str
    quote: str


class SourceIndex:
    """Numbers the articles [1], [2]… in story order and names the anchors links jump to.

    Anchors use the source number rather than the article id, which may hold characters unsafe in a URL
    fragment; story order is deterministic, so the same story gives the same anchors.
    """

    def __init__(self, story: Story, href: Callable[[Evidence], str] | None = None) -> None:
        """``href`` says where a citation of an evidence span links to; by default the span's ``<mark>`` in
        the same page (report.html holds the articles' texts; the web app links to article pages)."""
        check_evidence(story)
        self.articles = {article.id: article for article in story.articles}
        self.numbers = {article.id: n for n, article in enumerate(story.articles, start=1)}
        self._href = href or (lambda evidence: f"#{self.mark_id(evidence)}")

    def anchor(self, article_id: str) -> str:
        return f"source-{self.numbers[article_id]}"

    def mark_id(self, evidence: Evidence) -> str:
        return f"{self.anchor(evidence.article)}-{evidence.start}-{evidence.end}"

    def cite(self, evidence: Evidence) -> Citation:
        return Citation(
            number=self.numbers[evidence.article],
            href=self._href(evidence),
            label=self.label(evidence.article),
            quote=evidence.quote,
        )

    def cite_all(self, evidence: tuple[Evidence, ...]) -> list[Citation]:
        """One citation per source, in the order given, linking to that source's first span.

        An item often rests on several spans of one article (a quote and its speaker); the reader needs
        one link per source, and every span stays highlighted in the article text.
        """
        by_source: dict[int, Citation] = {}
        for item in evidence:
            citation = self.cite(item)
            earlier = by_source.get(citation.number)
            if earlier is None:
                by_source[citation.number] = citation
            elif item.quote not in earlier.quote:
                by_source[citation.number] = replace(earlier, quote=f"{earlier.quote} … {item.quote}")
        return list(by_source.values())

    def label(self, article_id: str) -> str:
        return source_label(self.articles[article_id])
