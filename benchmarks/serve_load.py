"""Web app load benchmark: concurrent readers on a large library while an ``add`` writes to it.

    .venv/bin/python benchmarks/serve_load.py --db LIBRARY [--clients 50] [--seconds 30] [--add PATH ...]
                                              [--add-workers 1] [--json OUT]

LIBRARY is a library of at least 10,000 articles (``benchmarks/library.py --keep LIBRARY`` builds one from
the development collections); it is copied first, so the run leaves it as it was. ``storyline serve``
serves the copy on 127.0.0.1 while ``storyline add`` adds ``--add`` inputs to it (by default the real saved
pages, feeds and crawls of ../shared/bench/realworld, which the library does not hold; ``--add`` with no
path measures the readers alone). ``--clients``
clients then request, for ``--seconds`` (and at most ``--max-requests`` requests), pages and API calls
drawn at random: the stories page, story pages, article pages, search pages, and the API's story, article
and search calls, over stories and articles sampled from the library and words of their titles.
Reported: latency p50, p95, p99 and max per kind of request and overall, requests per second, and every
error (a status of 400 or more, or no answer). Nothing leaves the loopback address.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
STORYLINE = Path(sys.executable).with_name("storyline")
KINDS = ("stories_page", "story_page", "article_page", "search_page", "api_story", "api_article", "api_search")


def sample(db: Path, rng: random.Random) -> dict[str, list]:
    """Story ids, article ids and title words to request, read straight from the library file."""
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as connection:
        stories = [row[0] for row in connection.execute(
            "SELECT id FROM stories WHERE merged_into IS NULL AND listing IS NOT NULL")]
        articles = [row[0] for row in connection.execute("SELECT article_id FROM members")]
        total = len(articles)
        titles = [row[0] for row in connection.execute("SELECT text FROM passages WHERE kind = 'title' LIMIT 5000")]
    words = sorted({word.lower() for title in titles for word in re.findall(r"[A-Za-z]{5,}", title)})
    return {"stories": stories, "articles": rng.sample(articles, min(total, 5000)), "words": words, "total": [total]}


def request_for(kind: str, pool: dict[str, list[str]], rng: random.Random) -> str:
    story, article = rng.choice(pool["stories"]), rng.choice(pool["articles"])
    query = " ".join(rng.sample(pool["words"], rng.choice((1, 1, 2))))
    return {
        "stories_page": "/", "story_page": f"/stories/{story}", "article_page": f"/articles/{article}",
        "search_page": f"/search?q={query}", "api_story": f"/api/stories/{story}",
        "api_article": f"/api/articles/{article}", "api_search": f"/api/search?q={query}",
    }[kind]


async def client(base: str, pool: dict, rng: random.Random, until: float, budget: list[int], results: list) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < until and budget[0] > 0:
            budget[0] -= 1
            kind = rng.choice(KINDS)
            url = request_for(kind, pool, rng)
            started = time.perf_counter()
            try:
                status = (await http.get(url)).status_code
            except httpx.HTTPError as error:
                status = f"{type(error).__name__}"
            results.append((kind, status, time.perf_counter() - started, url))


def percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    if not ordered:
        return {}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 99
    return {"count": len(ordered), "p50_ms": round(cuts[49] * 1000, 1), "p95_ms": round(cuts[94] * 1000, 1),
            "p99_ms": round(cuts[98] * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(base: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"storyline serve exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/stories?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("storyline serve did not answer in time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--add", type=Path, nargs="*", default=None)
    parser.add_argument("--add-workers", type=int, default=1,
                        help="Processes the add beside the server parses on (a serving machine keeps a core for readers).")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.db.is_file():
        parser.error(f"{args.db}: no library; build one with benchmarks/library.py --keep {args.db}")
    add_inputs = args.add if args.add is not None else [SHARED / "realworld"]
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.db"
        shutil.copyfile(args.db, db)
        pool = sample(db, rng)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([STORYLINE, "serve", "--db", db, "--port", str(port)], stderr=subprocess.DEVNULL)
        try:
            wait_for(base, server)
            writer = subprocess.Popen([STORYLINE, "add", *add_inputs, "--db", db, "--quiet", "--workers",
                                       str(args.add_workers)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) if add_inputs else None
            results: list = []
            started = time.perf_counter()
            until = started + args.seconds
            budget = [args.max_requests]

            async def load() -> None:
                await asyncio.gather(*(client(base, pool, random.Random(n), until, budget, results)
                                       for n in range(args.clients)))

            asyncio.run(load())
            elapsed = time.perf_counter() - started
            add_running = writer is not None and writer.poll() is None
            if add_running:  # it has done its part; a stopped add leaves the (copied) library sound
                writer.terminate()
            if writer is not None:
                writer.wait()
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors = [(kind, status, url) for kind, status, _, url in results if not isinstance(status, int) or status >= 400]
    report = {
        "library_articles": pool["total"][0],
        "stories": len(pool["stories"]), "clients": args.clients, "seconds": round(elapsed, 1),
        "requests": len(results), "requests_per_second": round(len(results) / elapsed, 1),
        "add_ran_throughout": add_running, "add_exit": writer.returncode if writer else None,
        "overall": percentiles([latency for _, _, latency, _ in results]),
        "by_kind": {kind: percentiles([latency for k, _, latency, _ in results if k == kind]) for kind in KINDS},
        "errors": len(errors), "error_examples": errors[:10],
    }
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
