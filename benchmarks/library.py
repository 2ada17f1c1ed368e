"""Library benchmark: replay the development collections into one library, then add one article warm.

    .venv/bin/python benchmarks/library.py [--cache FILE] [--chunk N] [--json OUT] [--keep FILE]

1. Replay: every dev collection of ../shared/bench/clustering, the Timeline17 source folders, PolNeAR and
   TempEval-3 texts (over 10,000 articles after duplicates), added ``--chunk`` articles per ``add`` with
   briefings rebuilt after each, as a library fed day by day would be. Reported: articles per second
   (parses come from ``--cache`` when an eval has made them; the rest are parsed here), the process's
   resident memory after each chunk and its peak, and the library file's size.
2. Warm: in the same process (spaCy loaded), articles held out of the replay are added one at a time:
   their own analysis (parse and stages), their placement in an event and a story, and the rebuild of
   their story's briefing are timed apart. Targets: placement ≤ 0.2 s beyond the analysis; briefing
   ≤ 2 s for a story of up to 300 articles (a bigger one leaves its summary for later and says so; one
   over 1,000 articles leaves its whole briefing to ``refresh``, as ``add`` does).

``--keep FILE`` keeps the library built (the web app's load benchmark, ``serve_load.py``, reads it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from storyline.eval.clustering import default_cache
from storyline.ingest import read_inputs
from storyline.library import AddOptions, Library
from storyline.library.analyses import cached_analyses
from storyline.library.briefing import DEFERRED_BRIEFING_ARTICLES, FULL_BRIEFING_ARTICLES

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
HELD_OUT = 12


def replay_inputs() -> list[Path]:
    clustering = sorted((SHARED / "clustering").glob("*.jsonl"))
    folders = sorted((SHARED / "timeline17").glob("*_*"))
    polnear = [SHARED / "polnear" / "train" / "text", SHARED / "polnear" / "dev" / "text"]
    tempeval = [SHARED / "tempeval3" / "TBAQ-cleaned"]
    return [*clustering, *folders, *polnear, *[path for path in tempeval if path.exists()]]


def memory_mb() -> tuple[float, float]:
    """(resident now, peak resident) of this process, in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--keep", type=Path, help="Build the library in this file and keep it.")
    args = parser.parse_args()

    articles = list(read_inputs(replay_inputs()).articles)
    random.Random(7).shuffle(articles)  # hold out articles of every kind
    held_out, replayed = articles[:HELD_OUT], sorted(articles[HELD_OUT:], key=lambda article: article.path)
    report: dict = {"inputs": len(articles), "chunks": []}
    with tempfile.TemporaryDirectory() as folder:
        db = args.keep or Path(folder) / "library.db"
        if db.exists():
            parser.error(f"{db} exists; --keep names a new file")
        started = time.perf_counter()
        with Library(db, cache=args.cache) as library:
            for offset in range(0, len(replayed), args.chunk):
                chunk_started = time.perf_counter()
                result = library.add_articles(replayed[offset : offset + args.chunk], AddOptions())
                now, peak = memory_mb()
                row = {
                    "articles_read": offset + len(result.placements) + result.known + len(result.duplicates),
                    "library_articles": library.store.count("members"),
                    "stories": library.store.count("stories"), "seconds": round(time.perf_counter() - chunk_started, 1),
                    "rss_mb": round(now), "peak_rss_mb": round(peak), "db_mb": round(db.stat().st_size / 1e6),
                }
                report["chunks"].append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
            seconds = time.perf_counter() - started
            members = library.store.count("members")
            report["replay"] = {
                "articles": members, "stories": library.store.count("stories"), "events": library.store.count("events"),
                "seconds": round(seconds, 1), "articles_per_second": round(members / seconds, 2),
                "peak_rss_mb": round(memory_mb()[1]), "db_mb": round(db.stat().st_size / 1e6),
            }
            report["warm"] = [warm_add(library, article) for article in held_out]
    small = [row for row in report["warm"] if row["story_articles"] <= FULL_BRIEFING_ARTICLES]
    report["warm_summary"] = {
        "placement_max_s": max(row["placement_s"] for row in report["warm"]),
        "briefing_max_s_up_to_300": max((row["briefing_s"] for row in small), default=None),
        "briefing_max_s_all": max(row["briefing_s"] for row in report["warm"]),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


def warm_add(library: Library, article) -> dict:
    """One article added to the full library: its analysis, placement and briefing timed apart."""
    from storyline.analyze.time import date_alone

    started = time.perf_counter()
    cached_analyses(library.store, [date_alone(article)], [])  # its own analysis (cached, so add reuses it)
    analysis = time.perf_counter() - started
    started = time.perf_counter()
    result = library.add_articles([article], AddOptions(briefings=False))
    placement = time.perf_counter() - started
    if not result.placements:
        return {"article": article.path, "placed": False, "analysis_s": round(analysis, 3), "placement_s": round(placement, 3),
                "briefing_s": 0.0, "story_articles": 0}
    story_id = library.store.resolve_story(result.placements[0].story_id)
    articles, _ = library.store.story_size(story_id)
    row = {
        "article": article.path, "placed": True, "analysis_s": round(analysis, 3),
        "placement_s": round(placement, 3), "story_articles": articles,
    }
    if articles > DEFERRED_BRIEFING_ARTICLES:  # as add does: the briefing is left to refresh
        return {**row, "briefing_s": 0.0, "pending": ["briefing deferred to refresh"]}
    started = time.perf_counter()
    (briefing,) = library.refresh([story_id])
    return {**row, "briefing_s": round(time.perf_counter() - started, 3), "pending": list(briefing.story.pending)}


if __name__ == "__main__":
    main()
