"""Attribution on PolNeAR (Newell et al., LREC 2018): content spans and their sources, scored against
brat standoff annotations, with textacy's direct-quotation extractor as the side-by-side baseline.

Scoring. Spans are compared as sets of word tokens (runs of letters and digits), so a stray space or comma
at an edge does not decide a match. A predicted content matches a gold content exactly when they cover
the same non-blank characters, and by overlap when the tokens they share are at least half of the larger
of the two; matching is one-to-one, best overlap first. PolNeAR joins the pieces of a split quotation into
one discontinuous content, so predictions sharing a cue are joined the same way before scoring. Source
accuracy is over overlap-matched contents whose gold has a source: the predicted source must share at least
half of the larger span's tokens with one of the gold sources. An article annotated by several annotators
is scored against each, and its counts are averaged before being summed over articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from storyline.analyze.attribution import find_attributions
from storyline.analyze.nlp import load_nlp
from storyline.errors import BadInput
from storyline.eval import require
from storyline.model import Article

WORD = re.compile(r"\w+")
MIN_OVERLAP = 0.5
PARSE_BATCH = 16

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class AttributionSpans:
    """One attribution as brat sees it: possibly discontinuous content and source, and the cue."""

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()


@dataclass(slots=True)
class Counts:
    exact: float = 0.0
    matched: float = 0.0
    predicted: float = 0.0
    gold: float = 0.0
    sources_right: float = 0.0
    sources_judged: float = 0.0

    def add(self, other: Counts, weight: float = 1.0) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + weight * getattr(other, name))

    def scores(self, docs: int) -> dict:
        def f1(precision: float, recall: float) -> float:
            return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

        p_exact = self.exact / self.predicted if self.predicted else 0.0
        r_exact = self.exact / self.gold if self.gold else 0.0
        p_overlap = self.matched / self.predicted if self.predicted else 0.0
        r_overlap = self.matched / self.gold if self.gold else 0.0
        return {
            "content_f1_exact": f1(p_exact, r_exact),
            "content_f1_overlap": f1(p_overlap, r_overlap),
            "content_p_overlap": p_overlap,
            "content_r_overlap": r_overlap,
            "source_acc": self.sources_right / self.sources_judged if self.sources_judged else 0.0,
            "docs": docs,
            "predicted": round(self.predicted, 2),
            "gold": round(self.gold, 2),
        }


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    annotations: dict[str, list[AttributionSpans]] = field(default_factory=dict)


def run(data: Path, out: Path | None = None, limit: int | None = None) -> dict:
    """Score storyline and textacy on a PolNeAR split folder (``text/`` and ``attributions/``), optionally
    on its first ``limit`` articles; with ``out``, storyline's predictions are written as brat files."""
    articles = load_articles(data, limit)
    nlp = load_nlp()
    ours, baseline = Counts(), Counts()
    docs = nlp.pipe((article.text for article in articles), batch_size=PARSE_BATCH)
    for article, doc in zip(articles, docs):
        predicted = predict_storyline(article, doc)
        ours.add(score_article(article, predicted))
        baseline.add(score_article(article, predict_textacy(doc)))
        if out is not None:
            write_brat(out / "attributions" / f"{article.name}.ann", article.text, predicted)
    result = ours.scores(len(articles))
    result["baseline_textacy"] = baseline.scores(len(articles))
    return result


def load_articles(data: Path, limit: int | None = None) -> list[GoldArticle]:
    """Articles of a split with every annotator's attributions; annotator files are
    ``attributions/<article>_<annotator>.ann``."""
    text_dir, annotation_dir = data / "text", data / "attributions"
    if not text_dir.is_dir() or not annotation_dir.is_dir():
        raise BadInput(f"{data}: expected text/ and attributions/ folders (a PolNeAR split such as polnear/dev)")
    by_article: dict[str, list[Path]] = defaultdict(list)
    for annotation in sorted(annotation_dir.glob("*.ann")):
        by_article[annotation.stem.rsplit("_", 1)[0]].append(annotation)
    articles = []
    for name in sorted(by_article)[: limit if limit else None]:
        text_path = text_dir / f"{name}.txt"
        if not text_path.exists():
            raise BadInput(f"{by_article[name][0]}: no text file {text_path.name} in {text_dir}")
        text = text_path.read_text(encoding="utf-8")
        article = GoldArticle(name, text)
        for annotation in by_article[name]:
            annotator = annotation.stem.rsplit("_", 1)[1]
            article.annotations[annotator] = read_brat(annotation)
        articles.append(article)
    if not articles:
        raise BadInput(f"{annotation_dir}: no .ann files found")
    return articles


def _fragments(offsets: str) -> Fragments:
    pieces = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_brat(path: Path) -> list[AttributionSpans]:
    """Attribution events of one brat file; a content shared by several events is kept once per event."""
    spans: dict[str, Fragments] = {}
    events = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = _fragments(offsets)
            except ValueError as error:
                raise BadInput(f"{path} line {number}: bad offsets {offsets!r}; expected 'START END[;START END]'") from error
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    found = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        found.append(AttributionSpans(content, spans.get(roles.get("Source", ""), ()), spans.get(roles.get("Cue", ""), ())))
    return found


def predict_storyline(article: GoldArticle, doc: Doc) -> list[AttributionSpans]:
    """storyline's attributions, split quotations sharing a cue joined into one discontinuous content."""
    record = Article(id=article.name, text=article.text, path=article.name)
    grouped: dict[tuple, list] = {}
    for attribution in find_attributions(record, doc, ()):
        key = (attribution.cue.start, attribution.cue.end) if attribution.cue else ("content", attribution.content.start)
        grouped.setdefault(key, []).append(attribution)
    predictions = []
    for group in grouped.values():
        content = tuple(sorted((a.content.start, a.content.end) for a in group))
        source = group[0].source
        cue = group[0].cue
        predictions.append(AttributionSpans(
            content, ((source.start, source.end),) if source else (), ((cue.start, cue.end),) if cue else ()
        ))
    return predictions


def predict_textacy(doc: Doc) -> list[AttributionSpans]:
    """textacy's direct quotations: speaker tokens as source, cue tokens as cue, the quotation as content."""
    direct_quotations = require("textacy.extract.triples", "attribution").direct_quotations

    predictions = []
    try:
        triples = list(direct_quotations(doc))
    except (ValueError, IndexError):
        return []
    for triple in triples:
        content = ((triple.content.start_char, triple.content.end_char),)
        source = _token_extent(triple.speaker)
        cue = _token_extent(triple.cue)
        predictions.append(AttributionSpans(content, source, cue))
    return predictions


def _token_extent(tokens: Sequence) -> Fragments:
    if not tokens:
        return ()
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return ((first.idx, last.idx + len(last.text)),)


def words(text: str, fragments: Fragments) -> frozenset[int]:
    """Start offsets of the word tokens inside the fragments."""
    found = set()
    for start, end in fragments:
        found.update(start + match.start() for match in WORD.finditer(text[start:end]))
    return frozenset(found)


def visible_characters(text: str, fragments: Fragments) -> frozenset[int]:
    return frozenset(i for start, end in fragments for i in range(start, end) if not text[i].isspace())


def overlap(first: frozenset[int], second: frozenset[int]) -> float:
    """Shared tokens as a share of the larger span (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / max(len(first), len(second))


def score_article(article: GoldArticle, predicted: Sequence[AttributionSpans]) -> Counts:
    """Counts against each annotator, averaged."""
    total = Counts()
    for gold in article.annotations.values():
        total.add(score_against(article.text, predicted, gold), 1 / len(article.annotations))
    return total


def score_against(text: str, predicted: Sequence[AttributionSpans], gold: Sequence[AttributionSpans]) -> Counts:
    gold_by_content: dict[Fragments, list[Fragments]] = {}
    for item in gold:
        gold_by_content.setdefault(item.content, []).append(item.source)
    gold_items = list(gold_by_content.items())
    gold_words = [words(text, content) for content, _ in gold_items]
    predicted_words = [words(text, item.content) for item in predicted]
    counts = Counts(predicted=len(predicted), gold=len(gold_items))

    gold_visible = [visible_characters(text, content) for content, _ in gold_items]
    unused = set(range(len(gold_items)))
    for item in predicted:
        visible = visible_characters(text, item.content)
        hit = next((index for index in unused if gold_visible[index] == visible), None)
        if hit is not None:
            unused.discard(hit)
            counts.exact += 1

    pairs = sorted(
        ((overlap(p, g), pi, gi) for pi, p in enumerate(predicted_words) for gi, g in enumerate(gold_words)
         if p & g),
        reverse=True,
    )
    taken_predicted, taken_gold = set(), set()
    for score, pi, gi in pairs:
        if score < MIN_OVERLAP or pi in taken_predicted or gi in taken_gold:
            continue
        taken_predicted.add(pi)
        taken_gold.add(gi)
        counts.matched += 1
        sources = [source for source in gold_items[gi][1] if source]
        if sources:
            counts.sources_judged += 1
            mine = words(text, predicted[pi].source)
            if any(overlap(mine, words(text, source)) >= MIN_OVERLAP for source in sources):
                counts.sources_right += 1
    return counts


def write_brat(path: Path, text: str, predicted: Iterable[AttributionSpans]) -> None:
    """Predictions as brat standoff with PolNeAR's labels, so they can be re-scored by other tools."""
    lines: list[str] = []
    number = 0

    def add(label: str, fragments: Fragments) -> str:
        nonlocal number
        number += 1
        offsets = ";".join(f"{start} {end}" for start, end in fragments)
        shown = " ".join(text[start:end] for start, end in fragments).replace("\n", " ")
        lines.append(f"T{number}\t{label} {offsets}\t{shown}")
        return f"T{number}"

    for event, item in enumerate(predicted, 1):
        roles = [f"Content:{add('Content', item.content)}"]
        if item.cue:
            roles.insert(0, f"Attribution:{add('Attribution', item.cue)}")
            roles.append(f"Cue:{add('Cue', item.cue)}")
        if item.source:
            roles.append(f"Source:{add('Source', item.source)}")
        if not item.cue:
            roles.insert(0, f"Attribution:{add('Attribution', item.content)}")
        lines.append(f"E{event}\t" + " ".join(roles))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
