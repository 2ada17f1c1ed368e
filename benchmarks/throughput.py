"""Throughput benchmark: a full storyline build against a bare spaCy pass over the same texts.

Reads the Timeline17 BP oil spill articles (../shared/bench/timeline17/bpoil_*, ~1,460 files). The build runs
on one process and on every core (``--workers``, the CLI's default); each phase runs in its own process so
each peak RSS is its own (a build on several cores reports the driver's). Targets: the one-process build
≤ 1.5× the bare single-process spaCy pass; the every-core build ≤ 1.0× it; peak RSS < 2 GB.

    .venv/bin/python benchmarks/throughput.py [--data DIR ...] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = sorted((Path(__file__).resolve().parents[2] / "shared/bench/timeline17").glob("bpoil_*"))


def input_files(folders: list[Path], limit: int | None) -> list[Path]:
    files = sorted(path for folder in folders for path in folder.rglob("*.txt"))
    return files[:limit] if limit else files


def run_build(files: list[Path], workers: int) -> dict:
    from storyline.library import BuildOptions, build_story

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        result = build_story(files, BuildOptions(db=Path(tmp) / "bench.db", workers=workers))
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": len(result.story.articles), "duplicates": len(result.story.duplicates)}


def run_spacy(files: list[Path]) -> dict:
    from storyline.analyze.nlp import load_nlp

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in files]
    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts)}


def measure(phase: str, files: list[Path], workers: int = 1) -> dict:
    """Run one phase in a child process and return its timing and peak RSS."""
    listing = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    listing.write("\n".join(map(str, files)))
    listing.close()
    output = subprocess.run(
        [sys.executable, __file__, "--phase", phase, "--files", listing.name, "--workers", str(workers)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="*", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--phase", choices=["build", "spacy"], help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        files = [Path(line) for line in args.files.read_text().splitlines()]
        result = run_build(files, args.workers) if args.phase == "build" else run_spacy(files)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    if not args.data:
        sys.exit("no data: put ../shared/bench/timeline17 beside the repository or pass --data")
    files = input_files(args.data, args.limit)
    words = sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)
    from storyline.analyze.parallel import default_workers

    cores = default_workers()
    build = measure("build", files, 1)
    parallel = measure("build", files, cores)
    bare = measure("spacy", files)
    rows = (("build, 1 process", build), (f"build, {cores} processes", parallel), ("bare spaCy nlp.pipe", bare))
    for name, row in rows:
        print(
            f"{name:22s} {row['articles']:5d} articles  {row['seconds']:7.1f} s  "
            f"{row['articles'] / row['seconds']:6.1f} articles/s  {words / row['seconds']:8.0f} words/s  "
            f"peak RSS {row['peak_rss_mb']:.0f} MB"
        )
    print(f"ratio build / bare spaCy: {build['seconds'] / bare['seconds']:.2f} (target ≤ 1.5); "
          f"on {cores} processes {parallel['seconds'] / bare['seconds']:.2f} (target ≤ 1.0)")


if __name__ == "__main__":
    main()
