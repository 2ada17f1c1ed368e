"""`storyline watch`: feeds and folders followed into a library, round after round (``Watcher``), with
polite, bounded HTTP (``Fetcher``)."""

import re

from storyline.errors import BadInput
from storyline.watch.fetch import Fetched, Fetcher
from storyline.watch.watcher import RoundReport, SourceRound, Watcher

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "90s", "15m", "1h", "1d" or a bare number of seconds; raise BadInput otherwise."""
    match = _INTERVAL.match(text.lower())
    if not match or float(match.group(1)) <= 0:
        raise BadInput(f"--every {text!r}: give a time such as 90s, 15m or 1h")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2)]


__all__ = ["Fetched", "Fetcher", "RoundReport", "SourceRound", "Watcher", "parse_interval"]
