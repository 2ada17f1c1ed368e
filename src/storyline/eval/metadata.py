"""Page metadata and page kinds scored against benchmarks/metadata_gold.json (the realworld newspaper4k pages).

Each page goes through the reader ``add`` uses. A field is scored only on pages whose gold states it:
titles compared case- and width-folded with quotes and spaces made uniform, outlets the same way, URLs
exactly, dates at day precision as written in the page's time zone. ``dated_without_gold`` counts dates
given where newspaper4k found none (read by hand: right or wrong, they are not scored). A page's kind is
right when an article is read as one article, a feed as its entries, and any other page is rejected as
not an article.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from storyline.errors import BadInput
from storyline.ingest.reader import read_file
from storyline.model import Article, Rejected

GOLD_FILE = "metadata_gold.json"
FIELDS = ("title", "outlet", "url", "published")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def run(data: Path, out: Path | None = None) -> dict:
    """Scores per field and for page kinds; ``out`` receives every page's prediction beside its gold."""
    gold_path = data / GOLD_FILE if data.is_dir() else data
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BadInput(f"{gold_path}: not a readable metadata gold file ({error})") from error
    pages_folder = (gold_path.parent / gold["texts"]).resolve()
    rows = [_judge(page, read_file(pages_folder / page["file"])) for page in gold["pages"]]
    scores: dict = {"pages": len(rows)}
    for field in FIELDS:
        judged = [row[field] for row in rows if row["gold"].get(field) is not None]
        scores[f"{field}_acc"] = round(sum(judged) / len(judged), 4) if judged else None
        scores[f"{field}_scored"] = len(judged)
    scores["kind_acc"] = round(sum(row["kind_right"] for row in rows) / len(rows), 4)
    records = gold.get("records")
    if records:
        judged = _judge_records(records, (gold_path.parent / records["texts"]).resolve())
        scores["record_kind_acc"] = round(sum(row["kind_right"] for row in judged) / len(judged), 4)
        scores["records"] = len(judged)
        rows.extend(judged)
    scores["dated_without_gold"] = sum(
        1 for row in rows if row["gold"].get("title") is not None and row["gold"].get("published") is None
        and row["predicted"].get("published")
    )
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "metadata_predicted.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    return scores


def _judge(page: dict, outcomes: list[Article | Rejected]) -> dict:
    articles = [outcome for outcome in outcomes if isinstance(outcome, Article)]
    kind = page["kind"]
    if kind == "article":
        kind_right = len(articles) == 1
    elif kind == "feed":
        kind_right = len(articles) >= 1 and all("#" in article.path for article in articles)
    else:
        kind_right = not articles
    article = articles[0] if len(articles) == 1 else None
    predicted = {
        "title": article.title if article else None,
        "outlet": article.source if article else None,
        "url": article.url if article else None,
        "published": article.published.iso() if article and article.published else None,
        "rejected": [outcome.reason for outcome in outcomes if isinstance(outcome, Rejected)],
    }
    row: dict = {"file": page["file"], "kind": kind, "kind_right": kind_right, "gold": page, "predicted": predicted}
    for field in FIELDS:
        expected, found = page.get(field), predicted[field]
        row[field] = expected is not None and found is not None and _same(field, expected, found)
    return row


def _judge_records(records: dict, folder: Path) -> list[dict]:
    """Each listed archive record or text file: an article must be read as one, anything else rejected."""
    read: dict[str, list[Article | Rejected]] = {}
    rows = []
    for item in records["inputs"]:
        if item["input"] not in read:
            read[item["input"]] = read_file(folder / item["input"], item["input"])
        record = item.get("record")
        wanted = f"{item['input']}#{record}" if record else item["input"]
        found = [outcome for outcome in read[item["input"]] if isinstance(outcome, Article) and outcome.path == wanted]
        reasons = [outcome.reason for outcome in read[item["input"]] if isinstance(outcome, Rejected)
                   and (record is None or outcome.reason.startswith(f"record {record}:"))]
        right = len(found) == 1 if item["kind"] == "article" else not found
        rows.append({"file": wanted, "kind": item["kind"], "kind_right": right, "gold": item,
                     "predicted": {"articles": len(found), "rejected": reasons}})
    return rows


def _same(field: str, expected: str, found: str) -> bool:
    if field in ("title", "outlet"):
        return _folded(expected) == _folded(found)
    return expected == found


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())
