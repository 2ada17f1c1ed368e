"""Long pages: a live blog of many short updates must cost the same per word at 1,000 updates as at 4,000.

A live blog is one page of hundreds or thousands of timestamped updates, many of them "Source: what they
said" lines. The page is assembled from real sentences of the Timeline17 BP oil spill articles
(../shared/bench/timeline17/bpoil_*), in their order: each update is a time line, then one or two
sentences; every fifth update is a colon-source line naming an outlet or official. The ordinary long text
is the same articles' paragraphs run together to about 37,000 words. Each size is analyzed (parse and
every analysis stage, as ``add`` does) in its own process, so its peak RSS is its own.

    .venv/bin/python benchmarks/long_page.py [--updates 1000 2000 4000] [--prose-words 37000]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/bench/timeline17"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_SOURCES = ("BP spokesman Andrew Gowers", "Reuters", "The coast guard", "Admiral Thad Allen", "Louisiana governor Bobby Jindal")


def sentences() -> list[str]:
    """Real sentences of the BP articles, in file order, of 8 to 40 words."""
    found: list[str] = []
    for path in sorted(DATA.glob("bpoil_*/InputDocs/*/*.txt")):
        text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
        found.extend(part for part in _SENTENCE_END.split(text) if 8 <= len(part.split()) <= 40)
    return found


def live_blog(updates: int, pool: list[str]) -> str:
    lines = []
    for number in range(updates):
        hour, minute = divmod(6 * 60 + number, 60)
        lines.append(f"{hour % 24:02d}:{minute:02d} BST")
        sentence = pool[number % len(pool)]
        if number % 5 == 4:
            lines.append(f"{_SOURCES[number % len(_SOURCES)]}: {sentence}")
        else:
            lines.append(sentence + (" " + pool[(number * 7 + 3) % len(pool)] if number % 3 == 0 else ""))
        lines.append("")
    return "\n".join(lines)


def prose(words: int, pool: list[str]) -> str:
    paragraphs, count, index = [], 0, 0
    while count < words:
        paragraph = " ".join(pool[index : index + 4])
        paragraphs.append(paragraph)
        count += len(paragraph.split())
        index += 4
    return "\n\n".join(paragraphs)


def measure(kind: str, size: int) -> dict:
    """Analyze one page in this process; its time and this process's peak RSS."""
    from storyline.analyze.nlp import load_nlp
    from storyline.analyze.pipeline import analyze_articles
    from storyline.ingest.text import read_text

    pool = sentences()
    text = live_blog(size, pool) if kind == "live blog" else prose(size, pool)
    article = read_text(text.encode("utf-8"), f"{kind}-{size}.txt")
    load_nlp()
    started = time.perf_counter()
    (analysis,) = analyze_articles([article])
    seconds = time.perf_counter() - started
    words = len(text.split())
    return {
        "kind": kind, "size": size, "words": words, "seconds": round(seconds, 1),
        "ms_per_1000_words": round(1000 * seconds / words * 1000, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "attributions": len(analysis.attributions), "figures": len(analysis.figures),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--prose-words", type=int, default=37000)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        print(json.dumps(measure(arguments.one[0], int(arguments.one[1]))))
        return
    runs = [("live blog", size) for size in arguments.updates] + [("prose", arguments.prose_words)]
    for kind, size in runs:
        output = subprocess.run([sys.executable, __file__, "--one", kind, str(size)], check=True,
                                capture_output=True, text=True).stdout
        print(output.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
