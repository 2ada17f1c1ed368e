"""Multi-document summaries on DUC 2004 task 2, scored by the official ROUGE-1.5.5 Perl script.

Published DUC 2004 numbers use ``ROUGE-1.5.5.pl -n 2 -m -l 100``: recall of unigrams and bigrams against
four human 100-word summaries, Porter stemming, stopwords kept, each summary cut at 100 words. Scoring
with the same script (the copy packaged with pyrouge, which tilse installs) keeps our numbers comparable
with theirs; a re-implementation would drift in tokenisation and stemming. Two baselines run beside
storyline in the same ROUGE call so every run shows how far above them it stands: Lead (the opening
sentences of the most recent article) and LexRank (sumy).

Layout: ``docs/<topic>/<DOCID>.txt`` with one sentence per line, ``models/<TOPIC>.M.100.T.<annotator>``.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from storyline.errors import BadInput, StorylineError
from storyline.eval import require
from storyline.model import Article, ArticleAnalysis, PartialDate, Sentence, Span
from storyline.story.summary import summarize

SYSTEMS = ("storyline", "lead", "lexrank")
ROUGE_OPTIONS = ("-n", "2", "-m", "-x", "-a", "-d", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0")
"""The DUC 2004 convention (-n 2 -m, with -l set to the word budget) plus ROUGE's defaults written out,
-x to skip ROUGE-L, and -a -d to score every system in one call and print per-topic rows."""

_DOCID_DATE = re.compile(r"^[A-Z_]+(\d{4})(\d{2})(\d{2})\.")
_SCORE_LINE = re.compile(r"^(\S+) ROUGE-([12]) Average_R: ([0-9.]+)")
_EVAL_LINE = re.compile(r"^(\S+) ROUGE-([12]) Eval ([^\s.]+)\.\S+ R:([0-9.]+)")


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    analyses: tuple[ArticleAnalysis, ...]
    models: tuple[Path, ...]


def run(data: Path, words: int = 100, out: Path | None = None) -> dict:
    """Summarize every topic under ``data`` and score storyline, Lead and LexRank with ROUGE-1.5.5.

    Recall values are fractions (0.405 is the 40.5 of published tables). With ``out``, each system's
    summaries are written there (``<system>/<topic>.txt``, one sentence per line) for re-scoring.
    """
    rouge = find_rouge()
    topics = load_topics(data)
    with tempfile.TemporaryDirectory(prefix="storyline-rouge-") as scratch:
        peers = Path(out) if out else Path(scratch) / "peers"
        for topic in topics:
            for system, sentences in summarize_topic(topic, words).items():
                path = peers / system / f"{topic.name}.txt"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("".join(f"{_one_line(sentence)}\n" for sentence in sentences), encoding="utf-8")
        config = Path(scratch) / "rouge.xml"
        config.write_text(rouge_config(topics, peers), encoding="utf-8")
        output = run_rouge(rouge, config, words)
    averages, per_eval = parse_rouge_output(output)
    result: dict = {
        "rouge1_r": averages["storyline"]["rouge1_r"],
        "rouge2_r": averages["storyline"]["rouge2_r"],
        "topics": len(topics),
        "words": words,
        "per_topic": [_topic_row(topic.name, per_eval) for topic in topics],
        "baselines": {system: averages[system] for system in SYSTEMS if system != "storyline"},
    }
    return result


def load_topics(data: Path) -> list[Topic]:
    """Read every ``docs/<topic>/`` folder with its ``models/<TOPIC>.M.100.T.*`` reference summaries."""
    docs, models = Path(data) / "docs", Path(data) / "models"
    if not docs.is_dir() or not models.is_dir():
        raise BadInput(f"{data}: expected the DUC layout docs/<topic>/*.txt and models/<TOPIC>.M.100.T.*")
    topics = []
    for folder in sorted(path for path in docs.iterdir() if path.is_dir()):
        topic_id = folder.name.upper().rstrip("T")
        references = tuple(sorted(models.glob(f"{topic_id}.M.100.T.*")))
        if not references:
            raise BadInput(f"{folder}: no reference summaries {models}/{topic_id}.M.100.T.*")
        analyses = tuple(read_line_article(path) for path in sorted(folder.glob("*.txt")))
        topics.append(Topic(folder.name, analyses, references))
    if not topics:
        raise BadInput(f"{docs}: no topic folders")
    return topics


def read_line_article(path: Path) -> ArticleAnalysis:
    """One DUC document as an analysed article whose sentences are its lines (the corpus is pre-split)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    article = Article(id=path.stem, text=text, path=str(path), published=_docid_date(path.stem),
                      published_from="file", published_confidence=1.0)
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            sentences.append(Sentence(Span(article.id, start, start + len(stripped)), len(sentences)))
        offset += len(line)
    return ArticleAnalysis(article=article, sentences=tuple(sentences))


def summarize_topic(topic: Topic, words: int) -> dict[str, list[str]]:
    """Each system's summary of one topic as a list of sentences. The baselines fill past ``words`` and
    leave the cut to ROUGE's -l, as their published runs do; storyline keeps whole sentences within it."""
    return {
        "storyline": [sentence.text for sentence in summarize(topic.analyses, words=words)],
        "lead": lead_summary(topic.analyses, words),
        "lexrank": lexrank_summary(topic.analyses, words),
    }


def lead_summary(analyses: Sequence[ArticleAnalysis], words: int) -> list[str]:
    """The opening sentences of the most recent article, until ``words`` is reached."""
    latest = max(analyses, key=lambda analysis: (analysis.article.published or PartialDate(dt.date.min),
                                                 analysis.article.id))
    return _fill([_text(latest, sentence) for sentence in latest.sentences], words)


def lexrank_summary(analyses: Sequence[ArticleAnalysis], words: int) -> list[str]:
    """sumy's LexRank over all sentences of the topic, most central first, until ``words`` is reached."""
    SumySentence = require("sumy.models.dom", "summary").Sentence  # noqa: N806 - sumy's class
    Stemmer = require("sumy.nlp.stemmers", "summary").Stemmer  # noqa: N806
    LexRankSummarizer = require("sumy.summarizers.lex_rank", "summary").LexRankSummarizer  # noqa: N806
    get_stop_words = require("sumy.utils", "summary").get_stop_words

    tokenizer = _WordTokenizer()
    texts = [_text(analysis, sentence) for analysis in analyses for sentence in analysis.sentences]
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # sumy's __call__ returns the top sentences in document order; the ranking itself is what a
    # length-limited summary needs, so the same steps are run here to keep the scores.
    sentence_words = [summarizer._to_words_set(SumySentence(text, tokenizer)) for text in texts]
    tf_metrics = summarizer._compute_tf(sentence_words)
    idf_metrics = summarizer._compute_idf(sentence_words)
    matrix = summarizer._create_matrix(sentence_words, summarizer.threshold, tf_metrics, idf_metrics)
    scores = summarizer.power_method(matrix, summarizer.epsilon)
    ranked = sorted(range(len(texts)), key=lambda index: (-scores[index], index))
    return _fill([texts[index] for index in ranked], words)


class _WordTokenizer:
    """Word splitting for sumy without NLTK's punkt data, which is not installed offline."""

    _word = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._word.findall(sentence))



def find_rouge() -> Path:
    """The packaged ROUGE-1.5.5.pl, after checking that Perl and its XML::DOM module are installed."""
    if shutil.which("perl") is None:
        raise StorylineError("ROUGE-1.5.5 needs perl, which is not on PATH: install it (apt-get install perl)")
    check = subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True, text=True)
    if check.returncode != 0:
        raise StorylineError(
            "ROUGE-1.5.5 needs the Perl module XML::DOM: install it with "
            "`apt-get install libxml-dom-perl` (Debian/Ubuntu) or `cpan XML::DOM`, or run `make eval-deps`"
        )
    try:
        import pyrouge
    except ImportError as error:
        raise StorylineError(
            "ROUGE-1.5.5 is packaged with pyrouge: install it with `pip install -e .[eval]`"
        ) from error
    script = Path(pyrouge.__file__).parent / "tools" / "ROUGE-1.5.5" / "ROUGE-1.5.5.pl"
    if not script.is_file():
        raise StorylineError(f"{script} is missing: reinstall pyrouge (`pip install --force-reinstall tilse==0.2.1`)")
    return script


def rouge_config(topics: Sequence[Topic], peers: Path) -> str:
    """ROUGE's XML evaluation list: one EVAL per topic with every system's summary and the references."""
    lines = ['<ROUGE_EVAL version="1.5.5">']
    for topic in topics:
        lines += [
            f'<EVAL ID="{escape(topic.name)}">',
            f"<PEER-ROOT>{escape(str(peers.resolve()))}</PEER-ROOT>",
            f"<MODEL-ROOT>{escape(str(topic.models[0].parent.resolve()))}</MODEL-ROOT>",
            '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>',
            "<PEERS>",
            *(f'<P ID="{system}">{system}/{escape(topic.name)}.txt</P>' for system in SYSTEMS),
            "</PEERS>",
            "<MODELS>",
            *(f'<M ID="{path.name.rsplit(".", 1)[-1]}">{escape(path.name)}</M>' for path in topic.models),
            "</MODELS>",
            "</EVAL>",
        ]
    lines.append("</ROUGE_EVAL>")
    return "\n".join(lines) + "\n"


def run_rouge(script: Path, config: Path, words: int = 100) -> str:
    """ROUGE-1.5.5's report for the evaluations in ``config``, each summary cut at ``words`` words."""
    command = ["perl", str(script), "-e", str(script.parent / "data"), *ROUGE_OPTIONS, "-l", str(words), str(config)]
    finished = subprocess.run(command, capture_output=True, text=True)
    if finished.returncode != 0:
        raise StorylineError(f"ROUGE-1.5.5 failed ({' '.join(command)}): {finished.stderr.strip()[-500:]}")
    return finished.stdout


def parse_rouge_output(output: str) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, dict[str, float]]]]:
    """Average recall per system, and recall per system and topic, from ROUGE's -d output."""
    averages: dict[str, dict[str, float]] = {}
    per_eval: dict[str, dict[str, dict[str, float]]] = {}
    for line in output.splitlines():
        if match := _SCORE_LINE.match(line):
            system, order, value = match.groups()
            averages.setdefault(system, {})[f"rouge{order}_r"] = float(value)
        elif match := _EVAL_LINE.match(line):
            system, order, topic, value = match.groups()
            per_eval.setdefault(system, {}).setdefault(topic, {})[f"rouge{order}_r"] = float(value)
    missing = [system for system in SYSTEMS if system not in averages]
    if missing:
        raise StorylineError(f"ROUGE-1.5.5 printed no scores for {missing}; its output began: {output[:300]!r}")
    return averages, per_eval


def _topic_row(topic: str, per_eval: dict[str, dict[str, dict[str, float]]]) -> dict:
    row: dict = {"topic": topic}
    for system in SYSTEMS:
        for key in ("rouge1_r", "rouge2_r"):
            row[key if system == "storyline" else f"{system}_{key}"] = per_eval[system][topic][key]
    return row


def _docid_date(docid: str) -> PartialDate | None:
    match = _DOCID_DATE.match(docid)
    if not match:
        return None
    try:
        return PartialDate(dt.date(*(int(part) for part in match.groups())))
    except ValueError:
        return None


def _text(analysis: ArticleAnalysis, sentence: Sentence) -> str:
    return analysis.article.text[sentence.span.start : sentence.span.end]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fill(sentences: Sequence[str], words: int) -> list[str]:
    chosen, total = [], 0
    for sentence in sentences:
        if total >= words:
            break
        chosen.append(sentence)
        total += len(sentence.split())
    return chosen
