"""Scale benchmark: the per-article work on Ray (1 and 2 workers) and on local processes, against one
process, over the Timeline17 BP oil spill articles; and the driver's peak memory as the input grows.

    .venv/bin/python benchmarks/scale.py [--limit N] [--sizes 500 1000 0] [--json OUT]

Each speed run is a whole `build` (read, parse, analyze, cluster, assemble) in its own process; each memory
run an `add` of the first N articles into a new library (on every core), so each peak RSS is that
driver's own (Ray's and the local pool's workers are other processes). Targets on this 2-core
machine: Ray on 2 workers ≥ 1.7× Ray on 1; the local default (every core) ≤ 1.0× a bare single-process
spaCy pass (benchmarks/throughput.py measures that pass); the driver's peak RSS flat from 500 articles to
all of them.
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

DATA = sorted((Path(__file__).resolve().parents[2] / "shared/bench/timeline17").glob("bpoil_*"))


def run(files: list[Path], workers: int, ray: str | None, library: bool) -> dict:
    """One build (the speed runs) or one add into a new library (the memory runs: a library keeps its
    memory bounded however large it grows, where a build assembles every article into one story)."""
    from storyline.library import AddOptions, BuildOptions, Library, build_story

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        if library:
            with Library(Path(folder) / "scale.db") as opened:
                articles = opened.add(files, AddOptions(workers=workers, ray=ray)).placed
        else:
            result = build_story(files, BuildOptions(db=Path(folder) / "scale.db", workers=workers, ray=ray))
            articles = len(result.story.articles)
        seconds = time.perf_counter() - started
    return {"articles": articles, "seconds": round(seconds, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def measure(files: list[Path], workers: int, ray: str | None, library: bool = False) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(map(str, files)))
    arguments = [sys.executable, __file__, "--phase", listing.name, "--workers", str(workers),
                 *(["--library"] if library else [])]
    output = subprocess.run([*arguments, *(["--ray", ray] if ray else [])], check=True, capture_output=True,
                            text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="Articles for the speed runs (default: all).")
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 1000, 0],
                        help="Inputs for the memory runs (0 = all).")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--ray", help=argparse.SUPPRESS)
    parser.add_argument("--library", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--skip-speed", action="store_true", help="Only the memory runs.")
    args = parser.parse_args()
    if args.phase:
        files = [Path(line) for line in Path(args.phase).read_text().splitlines()]
        print(json.dumps(run(files, args.workers, args.ray, args.library)))
        return
    files = sorted(path for folder in DATA for path in folder.rglob("*.txt"))
    if not files:
        sys.exit("no data: put ../shared/bench/timeline17 beside the repository")
    speed = files[: args.limit] if args.limit else files
    report: dict = {"speed_articles": len(speed)}
    runs = () if args.skip_speed else (("one process", 1, None), ("local, 2 processes", 2, None),
                                       ("ray, 1 worker", 1, "local"), ("ray, 2 workers", 2, "local"))
    for name, workers, ray in runs:
        report[name] = measure(speed, workers, ray)
        print(name, report[name], file=sys.stderr, flush=True)
    if runs:
        report["ray speed-up, 2 workers over 1"] = round(
            report["ray, 1 worker"]["seconds"] / report["ray, 2 workers"]["seconds"], 2)
    report["memory"] = {}
    for size in args.sizes:
        chosen = files[:size] if size else files
        report["memory"][len(chosen)] = measure(chosen, 2, None, library=True)
        print("memory", len(chosen), report["memory"][len(chosen)], file=sys.stderr, flush=True)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
