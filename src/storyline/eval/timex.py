"""Time expression tagging on TimeML (TempEval-3 task A), scored as the TempEval-3 scorer scores it.

Extents are matched strictly (same characters) and relaxed (overlapping, one to one); ``value_f1`` and
``type_f1`` are the attribute accuracy on relaxed matches times relaxed F1, i.e. 2·correct/(system+gold).
Every TIMEX3 inside TEXT counts; the DCT (functionInDocument="CREATION_TIME") never does.

``dct_mode``: "gold" gives the tagger the document's DCT; "infer" hides it and lets the dater read it
from the text (and reports how well it dated the documents); "none" gives no DCT at all.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from storyline.analyze.time import anchoring_date, date_article
from storyline.analyze.time import find_time_expressions
from storyline.errors import BadInput
from storyline.model import DateEstimate, PartialDate, TimeExpression

DCT_MODES = ("gold", "infer", "none")
# What a gold value names, in the order tried: which kinds a DCT mode gets right tells what it lacks
# (without a DCT, durations stay right while days, months and quarters need the date).
_VALUE_KINDS = (
    ("reference", re.compile(r".*_REF")),
    ("duration", re.compile(r"P.*")),
    ("underspecified", re.compile(r".*X.*")),
    ("time", re.compile(r"\d{4}-\d\d-\d\dT.*")),
    ("day", re.compile(r"\d{4}-\d\d-\d\d")),
    ("week", re.compile(r"\d{4}-W\d\d.*")),
    ("month", re.compile(r"\d{4}-\d\d")),
    ("quarter", re.compile(r"\d{4}-[QH]\d")),
    ("season", re.compile(r"\d{4}-(?:SP|SU|FA|WI)")),
    ("year", re.compile(r"\d{4}")),
    ("decade", re.compile(r"\d{2,3}")),
)


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    path: Path
    text: str
    dct: PartialDate | None
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The raw TEXT of a .tml file, its DCT and the gold TIMEX3 spans as offsets into that text."""
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as error:
        raise BadInput(f"{path}: not readable as TimeML XML ({error}); expected a TempEval-3 .tml file") from error
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise BadInput(f"{path}: no <TEXT> element; expected a TempEval-3 .tml file")
    dct = None
    dct_timex = root.find(".//DCT/TIMEX3")
    if dct_timex is None:
        dct_timex = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    if dct_timex is not None:
        try:
            dct = PartialDate.parse(dct_timex.get("value", "")[:10])
        except ValueError:
            dct = None
    pieces: list[str] = []
    gold: list[GoldTimex] = []

    def walk(element: etree._Element) -> None:
        pieces.append(element.text or "")
        for child in element:
            start = sum(map(len, pieces))
            walk(child)
            if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
                gold.append(GoldTimex(start, sum(map(len, pieces)), child.get("type", ""), child.get("value", "")))
            pieces.append(child.tail or "")

    walk(text_element)
    return TimeMLDocument(path, "".join(pieces), dct, tuple(gold))


def value_kind(value: str) -> str:
    """ "day" for "1998-08-07", "duration" for "P3Y", "underspecified" for "XXXX-WXX-5", … ("other" if none)."""
    return next((kind for kind, pattern in _VALUE_KINDS if pattern.fullmatch(value)), "other")


def _relaxed_pairs(gold: tuple[GoldTimex, ...], system: list[TimeExpression]) -> list[tuple[GoldTimex, TimeExpression]]:
    """One-to-one overlap matching, each gold span taking the first unused overlapping system span."""
    pairs, used = [], set()
    for item in gold:
        for index, found in enumerate(system):
            if index not in used and found.span.start < item.end and item.start < found.span.end:
                used.add(index)
                pairs.append((item, found))
                break
    return pairs


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * correct / (system + gold) if system + gold else 0.0
    return precision, recall, f1


def _dating_scores(estimates: list[tuple[DateEstimate, PartialDate | None]]) -> dict:
    scored = [(estimate.date, truth) for estimate, truth in estimates if truth is not None]
    total = len(scored) or 1

    def within(days: int) -> float:
        hits = sum(1 for guess, truth in scored
                   if guess is not None and guess.precision == "day" and abs((guess.value - truth.value).days) <= days)
        return round(hits / total, 4)

    return {
        "day_acc": within(0), "within3_acc": within(3), "within7_acc": within(7),
        "year_acc": round(sum(1 for guess, truth in scored
                              if guess is not None and guess.value.year == truth.value.year) / total, 4),
    }


def write_timeml(source: Path, document: TimeMLDocument, found: list[TimeExpression], out: Path) -> Path:
    """The source file with the system's TIMEX3 tags inside TEXT in place of the gold annotation.

    Other inline tags (EVENT, SIGNAL) and the links that refer to them are dropped, so the file stays
    valid for any TempEval-3 timex scorer.
    """
    original = source.read_text(encoding="utf-8")
    head, _, rest = original.partition("<TEXT>")
    _, _, tail = rest.partition("</TEXT>")
    tail_lines = [line for line in tail.splitlines(keepends=True)
                  if not line.lstrip().startswith(("<TLINK", "<SLINK", "<ALINK", "<MAKEINSTANCE"))]
    parts, cursor = [], 0
    for number, timex in enumerate(found, start=1):
        parts.append(escape(document.text[cursor : timex.span.start]))
        attributes = f'tid="t{number}" type="{timex.type}" value={quoteattr(timex.value)}'
        if timex.mod:
            attributes += f' mod="{timex.mod}"'
        parts.append(f"<TIMEX3 {attributes}>{escape(timex.text)}</TIMEX3>")
        cursor = timex.span.end
    parts.append(escape(document.text[cursor:]))
    target = out / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"{head}<TEXT>{''.join(parts)}</TEXT>{''.join(tail_lines)}", encoding="utf-8")
    return target


def run(data: Path, dct_mode: str = "gold", out: Path | None = None) -> dict:
    """Tag every .tml file under ``data`` and score against its gold TIMEX3 annotation."""
    if dct_mode not in DCT_MODES:
        raise BadInput(f"dct mode {dct_mode!r} is not one of {', '.join(DCT_MODES)}")
    data = Path(data)
    paths = [data] if data.is_file() else sorted(data.rglob("*.tml"))
    if not paths:
        raise BadInput(f"{data}: no .tml files found; pass a TimeML file or a folder holding some")
    counts = {"system": 0, "gold": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    kinds_gold: Counter[str] = Counter()
    kinds_right: Counter[str] = Counter()
    estimates: list[tuple[DateEstimate, PartialDate | None]] = []
    seconds = 0.0
    for path in paths:
        document = read_timeml(path)
        began = time.process_time()
        if dct_mode == "gold":
            dct = document.dct
        elif dct_mode == "infer":
            estimate = date_article(document.text)
            estimates.append((estimate, document.dct))
            dct = anchoring_date(estimate)
        else:
            dct = None
        found = find_time_expressions(document.text, dct, path.stem)
        seconds += time.process_time() - began
        gold_spans = {(item.start, item.end) for item in document.timexes}
        counts["system"] += len(found)
        counts["gold"] += len(document.timexes)
        counts["strict"] += sum(1 for item in found if (item.span.start, item.span.end) in gold_spans)
        pairs = _relaxed_pairs(document.timexes, found)
        counts["relaxed"] += len(pairs)
        counts["value"] += sum(1 for item, guess in pairs if item.value == guess.value)
        counts["type"] += sum(1 for item, guess in pairs if item.type == guess.type)
        kinds_gold.update(value_kind(item.value) for item in document.timexes)
        kinds_right.update(value_kind(item.value) for item, guess in pairs if item.value == guess.value)
        if out is not None:
            write_timeml(path, document, found, Path(out))
    strict = _f1(counts["strict"], counts["system"], counts["gold"])
    relaxed = _f1(counts["relaxed"], counts["system"], counts["gold"])
    result = {
        "dct_mode": dct_mode,
        "docs": len(paths),
        "timexes": counts["gold"],
        "system_timexes": counts["system"],
        "strict_precision": round(strict[0], 4), "strict_recall": round(strict[1], 4),
        "strict_f1": round(strict[2], 4),
        "relaxed_precision": round(relaxed[0], 4), "relaxed_recall": round(relaxed[1], 4),
        "relaxed_f1": round(relaxed[2], 4),
        "value_f1": round(_f1(counts["value"], counts["system"], counts["gold"])[2], 4),
        "type_f1": round(_f1(counts["type"], counts["system"], counts["gold"])[2], 4),
        "docs_per_second": round(len(paths) / seconds, 1) if seconds else 0.0,
        "value_by_kind": {
            kind: {"gold": total, "right": kinds_right[kind], "accuracy": round(kinds_right[kind] / total, 4)}
            for kind, total in kinds_gold.most_common()
        },
    }
    if dct_mode == "infer":
        result.update(_dating_scores(estimates))
    return result
