"""Runs the per-article analysis stages in a declared, checked order.

Each stage names what it needs and what it provides; the order is checked once at import, so a new
stage that reads a slot no earlier stage fills fails loudly at start-up instead of on the hundredth
article. A stage that fails on one article leaves its slot empty for that article and is reported, so
one bad text never stops a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.analyze.attribution import find_attributions
from storyline.analyze.figures import find_figures
from storyline.analyze.nlp import load_nlp, model_version
from storyline.analyze.time import anchor_date, find_time_expressions
from storyline.analyze.vectors import find_vectors
from storyline.errors import StageError
from storyline.model import Article, ArticleAnalysis, Mention, Rejected, Sentence, Span

ANALYZER_VERSION = "11"  # bump when a stage's output changes, so cached analyses are redone
MAX_CHARS = 1_000_000
TOKENIZED_BRACKETS = frozenset({"-LRB-", "-RRB-", "-LSB-", "-RSB-", "-LCB-", "-RCB-"})
"""Brackets as Penn Treebank tokenizers write them, in corpora distributed as tokenized text."""
NON_NAME_LABELS = frozenset({"CARDINAL", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})


def find_sentences(article: Article, doc: Doc) -> list[Sentence]:
    """Sentence spans without their surrounding white space, so evidence quotes start on a word.

    The parser sometimes cuts a line where nothing ends a sentence ("UK" / "house" / "prices grew in
    April…" after a standfirst without a full stop); a piece that goes on in lower case is joined to the
    sentence it was cut from, so no sentence starts in the middle of another.
    """
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        start, end = _strip(article.text, sent.start_char, sent.end_char)
        if start >= end:
            continue
        if spans and _cut_mid_sentence(article.text, spans[-1][1], start):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [Sentence(Span(article.id, start, end), index) for index, (start, end) in enumerate(spans)]


SENTENCE_ENDINGS = frozenset(".!?…:;\"'”’)]»")
"""What a sentence may end with; a parser's cut after anything else, within a line, is a mistake."""


def _cut_mid_sentence(text: str, previous_end: int, start: int) -> bool:
    """A cut within a line, after no sentence ending, before a word in lower case: a sentence goes on."""
    return (
        text[start].islower() and text[previous_end - 1] not in SENTENCE_ENDINGS
        and "\n" not in text[previous_end:start]
    )


def find_mentions(article: Article, doc: Doc) -> list[Mention]:
    """Named entities (people, organisations, places…) as spaCy finds them, without punctuation or the
    brackets of tokenized text ("-RRB- - Libyan") swept into their edges; numbers and dates are other
    stages'."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ in NON_NAME_LABELS:
            continue
        tokens = list(ent)
        while tokens and _is_edge_noise(tokens[0]):
            tokens.pop(0)
        while tokens and _is_edge_noise(tokens[-1]):
            tokens.pop()
        if tokens:
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            mentions.append(Mention(Span(article.id, start, end), article.text[start:end], ent.label_))
    return mentions


def _is_edge_noise(token: Token) -> bool:
    return token.is_punct or token.is_space or token.text in TOKENIZED_BRACKETS


@dataclass(frozen=True, slots=True)
class Stage:
    """``run`` returns the stage's findings (a list, kept as a tuple) or one value; ``empty`` makes what an
    article gets in this slot when the stage fails on it."""

    name: str
    needs: tuple[str, ...]
    run: Callable[[dict[str, Any]], Any]
    empty: Callable[[], Any] = tuple


STAGES: tuple[Stage, ...] = (
    Stage("sentences", ("article", "doc"), lambda slots: find_sentences(slots["article"], slots["doc"])),
    Stage("mentions", ("article", "doc"), lambda slots: find_mentions(slots["article"], slots["doc"])),
    Stage(
        "timexes",
        ("article",),
        lambda slots: find_time_expressions(slots["article"].text, anchor_date(slots["article"]), slots["article"].id),
    ),
    Stage(
        "attributions",
        ("article", "doc", "timexes"),
        lambda slots: find_attributions(slots["article"], slots["doc"], slots["timexes"]),
    ),
    Stage(
        "figures",
        ("article", "doc", "timexes"),
        lambda slots: find_figures(slots["article"], slots["doc"], slots["timexes"]),
    ),
    Stage(
        "vectors",
        ("doc", "mentions", "sentences"),
        lambda slots: find_vectors(slots["doc"], slots["mentions"], slots["sentences"]),
        dict,
    ),
)


def check_stage_order(stages: Sequence[Stage]) -> None:
    """Raise if a stage needs a slot that neither the input nor an earlier stage provides."""
    available = {"article", "doc"}
    for stage in stages:
        missing = [need for need in stage.needs if need not in available]
        if missing:
            raise StageError(f"stage {stage.name!r} needs {missing}, which no earlier stage provides")
        available.add(stage.name)


check_stage_order(STAGES)


def parse_key(article: Article) -> str:
    """What a spaCy parse depends on: the text and the model, not the article's date (and, for a text
    parsed in pieces, that it was)."""
    pieces = "|pieces" if len(article.text) > PIECE_CHARS else ""
    return f"{article.content_hash or article.id}|{model_version()}{pieces}"


def analysis_key(article: Article) -> str:
    """What an analysis depends on: the parse, the article's date (figures and quotes fall back on it),
    whether relative expressions may resolve against it, the code, and (for an article not in English,
    whose English-only stages are skipped) its language."""
    published = article.published.iso() if article.published else "-"
    anchor = anchor_date(article)
    anchored = f"anchored {anchor.iso()}" if anchor else "free"
    language = "" if is_analyzed_language(article.language) else f"|language {article.language}"
    return f"{parse_key(article)}|{published}|{anchored}|{ANALYZER_VERSION}{language}"


ANALYZED_LANGUAGES = frozenset({"en"})
ENGLISH_ONLY_STAGES = frozenset({"mentions", "timexes", "attributions", "figures"})
"""Stages whose rules and model are English: on another language they make junk ("Что" as a person,
"Rappelons" as a speaker), so an article in another language is kept with these left empty."""


def is_analyzed_language(language: str | None) -> bool:
    """English, or too short to tell (a brief is analyzed as English rather than set aside)."""
    return language is None or language in ANALYZED_LANGUAGES


def parse_articles(
    articles: Sequence[Article], cached: Mapping[str, bytes] | None = None, *, nlp: Language | None = None
) -> Iterator[Doc | None]:
    """spaCy docs in article order: rebuilt from ``cached`` serialized parses (by ``parse_key``) when
    there, parsed now otherwise; ``None`` for a text too long for the parser."""
    nlp = nlp or load_nlp()
    cached = cached or {}
    to_parse = (
        article.text
        for article in articles
        if parse_key(article) not in cached and len(article.text) <= PIECE_CHARS
    )
    parsed = nlp.pipe(to_parse, batch_size=32)
    for article in articles:
        key = parse_key(article)
        if key in cached:
            yield Doc(nlp.vocab).from_bytes(cached[key])
        elif len(article.text) <= PIECE_CHARS:
            yield next(parsed)
        elif len(article.text) <= MAX_CHARS:
            yield parse_in_pieces(nlp, article.text)
        else:
            yield None


PIECE_CHARS = 50_000
"""A text longer than this (a live blog, a transcript, a report) is parsed in pieces of about this size,
cut at line ends, and the pieces joined into one doc: one huge doc costs the parser more time per word
and memory in proportion to its whole length."""


def parse_in_pieces(nlp: Language, text: str) -> Doc:
    """``text`` parsed piece by piece and joined, its characters and offsets exactly as one parse's."""
    pieces = []
    start = 0
    while start < len(text):
        end = len(text) if len(text) - start <= PIECE_CHARS else _piece_end(text, start)
        pieces.append(text[start:end])
        start = end
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=4)), ensure_whitespace=False)
    return doc if doc.text == text else nlp(text)  # every offset downstream indexes the text as it is


def _piece_end(text: str, start: int) -> int:
    """Where a piece starting at ``start`` ends: after the last line end (else sentence end, else space)
    within ``PIECE_CHARS``."""
    limit = start + PIECE_CHARS
    for separator in ("\n", ". ", " "):
        cut = text.rfind(separator, start + PIECE_CHARS // 2, limit)
        if cut >= 0:
            return cut + len(separator)
    return limit


def serialize_doc(doc: Doc) -> bytes:
    """A parse as bytes for the store (without the tensor, which no stage reads)."""
    return doc.to_bytes(exclude=["tensor", "user_data"])


def analyze_articles(
    articles: Sequence[Article],
    *,
    docs: Iterable[Doc | None] | None = None,
    on_failure: Callable[[Rejected], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> list[ArticleAnalysis]:
    """Analyze each article (its ``docs`` parse, else parsed now); with ``on_failure`` a failing stage
    is reported and the batch goes on, without it the first failure raises ``StageError``."""
    docs = parse_articles(articles) if docs is None else docs
    analyses: list[ArticleAnalysis] = []
    for article, doc in zip(articles, docs, strict=True):
        analyses.append(_analyze_one(article, doc, on_failure))
        if on_progress:
            on_progress(1)
    return analyses


def _analyze_one(
    article: Article, doc: Doc | None, on_failure: Callable[[Rejected], None] | None
) -> ArticleAnalysis:
    slots: dict[str, Any] = {"article": article, "doc": doc}
    found: dict[str, tuple[Any, ...]] = {}
    english = is_analyzed_language(article.language)
    for stage in STAGES:
        if not english and stage.name in ENGLISH_ONLY_STAGES:
            found[stage.name] = stage.empty()
            slots[stage.name] = found[stage.name]
            continue
        try:
            if doc is None and "doc" in stage.needs:
                raise StageError(
                    f"text is {len(article.text):,} characters, over the {MAX_CHARS:,} the parser takes; "
                    "split the file into one article per file"
                )
            result = stage.run(slots)
            found[stage.name] = tuple(result) if isinstance(result, list) else result
        except Exception as error:  # one article's failure must not stop the batch
            reason = f"{stage.name} failed: {error}"
            if on_failure is None:
                raise StageError(f"{article.path}: {reason}") from error
            on_failure(Rejected(article.path, reason, stage=stage.name))
            found[stage.name] = stage.empty()
        slots[stage.name] = found[stage.name]
    return ArticleAnalysis(article=article, **found)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

