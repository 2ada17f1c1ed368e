"""Main text against boilerplate, on trafilatura's evaluation pages (../shared/bench/realworld).

``html-trafilatura-evaldata.json`` gives, for each saved page, snippets the article's text must keep
("with") and snippets that are navigation, footers or adverts and must be left out ("without"). Each page
goes through the reader ``add`` uses; a snippet counts as kept when it appears in the stored text (spaces
collapsed). ``keep_recall`` is the share of must-keep snippets found, ``drop_rate`` the share of must-drop
snippets absent, ``f1`` their harmonic mean. A page rejected as not an article keeps nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from storyline.errors import BadInput
from storyline.ingest.reader import read_file
from storyline.model import Article

EVALDATA = "html-trafilatura-evaldata.json"
PAGES = "html-trafilatura"


def run(data: Path, out: Path | None = None) -> dict:
    """Scores over every evaldata page present under ``data`` (the realworld folder)."""
    try:
        cases = json.loads((data / EVALDATA).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BadInput(f"{data / EVALDATA}: not readable evaluation data ({error}); --data is the realworld "
                       f"folder") from error
    rows = []
    for url, case in sorted(cases.items()):
        page = data / PAGES / case["file"]
        if not page.exists():
            continue
        articles = [outcome for outcome in read_file(page) if isinstance(outcome, Article)]
        text = " ".join(" ".join(article.text for article in articles).split())
        kept = [snippet for snippet in case.get("with", []) if " ".join(snippet.split()) in text]
        left = [snippet for snippet in case.get("without", []) if " ".join(snippet.split()) in text]
        rows.append({"file": case["file"], "url": url, "read": bool(articles),
                     "missing": [snippet for snippet in case.get("with", []) if snippet not in kept],
                     "left_in": left, "with": len(case.get("with", [])), "without": len(case.get("without", []))})
    must_keep = sum(row["with"] for row in rows)
    must_drop = sum(row["without"] for row in rows)
    recall = 1 - sum(len(row["missing"]) for row in rows) / (must_keep or 1)
    dropped = 1 - sum(len(row["left_in"]) for row in rows) / (must_drop or 1)
    scores = {
        "pages": len(rows), "pages_rejected": sum(not row["read"] for row in rows),
        "keep_recall": round(recall, 4), "drop_rate": round(dropped, 4),
        "f1": round(2 * recall * dropped / (recall + dropped), 4) if recall + dropped else 0.0,
    }
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "boilerplate_predicted.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    return scores
