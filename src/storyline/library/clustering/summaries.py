"""Running summaries of events and stories, so that placing an article costs the same at ten articles or
ten million: a cluster keeps the sum of its members' vectors (its centroid, unnormalized, trimmed to its
heaviest terms), the date windows its members cover, its size and its latest members."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from storyline.library.clustering.features import GROUPS, ArticleFeatures, dot

MAX_TERMS = 400
"""Terms kept per group of a centroid; the lightest carry too little weight to change a cosine."""
MAX_WINDOWS = 400
RECENT = 30
"""Latest members a cluster remembers, for the nearest-member similarity."""
NARROW_DAYS = 62
"""A date window this wide or less says when; a year-wide one only says roughly when."""


@dataclass(slots=True)
class ClusterSummary:
    """An event (members are articles) or a story (members are events)."""

    id: str
    seq: int
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: {group: {} for group in GROUPS})
    windows: list[tuple[int, int]] = field(default_factory=list)
    size: int = 0
    recent: list[str] = field(default_factory=list)
    parent: str | None = None
    """An event's story."""
    _norms: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def add(self, features: ArticleFeatures, member: str) -> None:
        for group in GROUPS:
            self._add_to(group, features.vectors[group])
        if features.when is not None and features.when not in self.windows:
            self.windows.append(features.when)
            self.windows.sort()
            if len(self.windows) > MAX_WINDOWS:
                del self.windows[len(self.windows) // 2]
        self.size += 1
        if member in self.recent:
            self.recent.remove(member)
        self.recent.append(member)
        del self.recent[:-RECENT]

    def absorb(self, other: ClusterSummary) -> None:
        """Take in everything ``other`` summarizes (two stories merging)."""
        for group in GROUPS:
            self._add_to(group, other.sums[group])
        self.windows = sorted(set(self.windows) | set(other.windows))[-MAX_WINDOWS:]
        self.size += other.size
        self.recent = (self.recent + [member for member in other.recent if member not in self.recent])[-RECENT:]

    def _add_to(self, group: str, weights: dict[str, float]) -> None:
        """Sums are kept rounded and trimmed exactly as they are stored, so a summary read back from the
        library after a restart scores every article as the one in memory would have."""
        self._norms.pop(group, None)
        total = self.sums[group]
        for term, weight in weights.items():
            total[term] = round(total.get(term, 0.0) + weight, 5)
        if len(total) > MAX_TERMS:
            self.sums[group] = dict(_heaviest(total, MAX_TERMS))

    def norm(self, group: str) -> float:
        """Length of a group's summed vector (kept until the group changes)."""
        if group not in self._norms:
            self._norms[group] = math.sqrt(sum(weight * weight for weight in self.sums[group].values()))
        return self._norms[group]

    def cosine(self, group: str, vector: dict[str, float]) -> float:
        """Cosine between a unit vector and this cluster's centroid of ``group``."""
        norm = self.norm(group)
        return dot(vector, self.sums[group]) / norm if norm else 0.0

    def span(self) -> tuple[int, int] | None:
        """First and last day of the members' narrow windows (all windows if none is narrow)."""
        narrow = self.narrow_windows()
        if not narrow:
            return None
        return min(first for first, _ in narrow), max(last for _, last in narrow)

    def narrow_windows(self) -> list[tuple[int, int]]:
        return [window for window in self.windows if window[1] - window[0] <= NARROW_DAYS] or self.windows

    def keys(self, words: int = 30, names: int = 60) -> set[str]:
        """Index keys: the cluster's heaviest words and names."""
        keys = {word for word, _ in _heaviest(self.sums["words"], words)}
        named = [item for group in ("people", "places", "organizations") for item in self.sums[group].items()]
        keys.update(name for name, _ in _heaviest(dict(named), names))
        return keys

    def record(self) -> dict:
        return {
            "id": self.id, "seq": self.seq, "parent": self.parent, "size": self.size, "recent": self.recent,
            "windows": self.windows, "sums": self.sums,
        }

    @classmethod
    def from_record(cls, record: dict) -> ClusterSummary:
        return cls(
            id=record["id"], seq=record["seq"], parent=record.get("parent"), size=record["size"],
            recent=list(record["recent"]), windows=[tuple(window) for window in record["windows"]],
            sums={group: dict(record["sums"].get(group, {})) for group in GROUPS},
        )


def _heaviest(total: dict[str, float], count: int) -> list[tuple[str, float]]:
    if len(total) <= count:
        return list(total.items())
    return sorted(total.items(), key=lambda item: (-item[1], item[0]))[:count]


def log_size(size: int) -> float:
    return math.log(max(1, size))


def windows_gap(when: tuple[int, int] | None, windows: Iterable[tuple[int, int]]) -> int | None:
    """Days from ``when`` to the nearest window; ``None`` when either side has no date."""
    if when is None:
        return None
    gaps = [max(0, first - when[1], when[0] - last) for first, last in windows]
    return min(gaps) if gaps else None
