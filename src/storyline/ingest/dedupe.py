"""Exact and syndicated copies: the same story run twice must count once.

An exact copy has the same content hash. A syndicated copy (a wire story on two sites, each with its own
headline, byline or copyright footer) shares nearly all its five-word shingles with the original: at
least ``threshold`` of the shorter text's shingles are in the longer one, and the longer adds no more than
a third. (Jaccard similarity is too strict for this: a new headline and footer on a 250-word wire story
already pull it down to 0.85.) To stay fast on thousands of articles, candidates come from an
index of a sample of each kept article's shingles; only candidates are compared in full, and shingles
so common that many articles share them (boilerplate) are not used to find candidates.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.model import Article, Duplicate

SHINGLE_WORDS = 5
NEAR_COPY_THRESHOLD = 0.9
# The shorter text must be at least this share of the longer: a brief is not a copy of a long feature
# that quotes it whole.
MIN_LENGTH_RATIO = 0.75
# One shingle in 2**_SAMPLE_BITS is indexed; near-copies share ~90% of any sample, different articles ~none.
_SAMPLE_BITS = 4
_MIN_SAMPLE = 8
# A sampled shingle in more kept articles than this is boilerplate ("the latest five minute news").
_MAX_POSTING = 64
# Share of the smaller sample two articles must have in common before their full texts are compared.
_CANDIDATE_SHARE = 0.5
_PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(string.punctuation + "“”‘’«»–—…·•", " "))
_MULTIPLIER = np.uint64(1_000_003)
_MIXER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads the polynomial hash over the top bits


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    shingles: np.ndarray  # sorted unique uint64 shingle hashes
    sample: frozenset[int]


def find_duplicates(
    articles: Sequence[Article], *, threshold: float = NEAR_COPY_THRESHOLD
) -> tuple[list[Article], list[Duplicate]]:
    """Split ``articles`` into the ones to keep and the copies of them, both in input order.

    The first article of a group is kept (callers pass articles in path order, so the choice is
    deterministic); each later copy is listed as ``Duplicate(path, of=<kept id>, similarity)``, where
    similarity is the share of the shorter text's shingles found in the other, 1.0 for an exact copy. A
    copy is matched against kept articles only, so near-copies never chain.
    """
    vocabulary: dict[str, int] = {}
    kept: list[Article] = []
    kept_fingerprints: list[_Fingerprint] = []
    duplicates: list[Duplicate] = []
    by_hash: dict[str, str] = {}
    postings: dict[int, list[int]] = {}
    for article in articles:
        digest = article.content_hash or article.id
        if digest in by_hash:
            duplicates.append(Duplicate(article.path, by_hash[digest], 1.0))
            continue
        fingerprint = _fingerprint(article.text, vocabulary)
        match = _best_match(fingerprint, kept_fingerprints, postings, threshold)
        if match is not None:
            index, similarity = match
            duplicates.append(Duplicate(article.path, kept[index].id, round(similarity, 3)))
            continue
        by_hash[digest] = article.id
        for key in fingerprint.sample:
            postings.setdefault(key, []).append(len(kept))
        kept.append(article)
        kept_fingerprints.append(fingerprint)
    return kept, duplicates


def near_copy_of(
    article: Article, candidates: Sequence[Article], *, threshold: float = NEAR_COPY_THRESHOLD
) -> tuple[Article, float] | None:
    """The candidate ``article`` is an exact or syndicated copy of, with the similarity, or ``None``.

    The same test as ``find_duplicates``, for an article arriving in a library that already holds the
    candidates (the articles of the event it would join)."""
    vocabulary: dict[str, int] = {}
    mine = _fingerprint(article.text, vocabulary).shingles
    best: tuple[Article, float] | None = None
    for candidate in candidates:
        if candidate.content_hash and candidate.content_hash == article.content_hash:
            return candidate, 1.0
        theirs = _fingerprint(candidate.text, vocabulary).shingles
        if min(len(mine), len(theirs)) < MIN_LENGTH_RATIO * max(len(mine), len(theirs)):
            continue
        similarity = _containment(mine, theirs)
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (candidate, round(similarity, 3))
    return best


def shingle_similarity(first: str, second: str) -> float:
    """Share of the shorter text's five-word shingles that the other text has, case and punctuation ignored.

    >>> shingle_similarity("BP's cap is holding, the company said.", "BP's cap is holding, the company said")
    1.0
    """
    vocabulary: dict[str, int] = {}
    return _containment(_fingerprint(first, vocabulary).shingles, _fingerprint(second, vocabulary).shingles)


def _fingerprint(text: str, vocabulary: dict[str, int]) -> _Fingerprint:
    """Shingles as polynomial hashes of word ids. Ids come from one shared vocabulary and the arithmetic
    wraps in uint64, so the hashes are the same in every process (Python's string hashes are salted)."""
    tokens = text.lower().translate(_PUNCTUATION_TO_SPACE).split()
    for token in sorted(set(tokens).difference(vocabulary)):  # sorted: the same ids in every run
        vocabulary[token] = len(vocabulary)
    words = np.fromiter(map(vocabulary.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1 if width else 0
    hashes = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        hashes = hashes * _MULTIPLIER + words[offset : offset + count] + np.uint64(1)
    hashes.sort()
    shingles = hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))] if count else hashes
    mixed = shingles * _MIXER
    sampled = shingles[(mixed >> np.uint64(64 - _SAMPLE_BITS)) == 0]
    sample = sampled if len(sampled) >= _MIN_SAMPLE else shingles
    return _Fingerprint(shingles, frozenset(sample.tolist()))


def _best_match(
    fingerprint: _Fingerprint, kept: list[_Fingerprint], postings: dict[int, list[int]], threshold: float
) -> tuple[int, float] | None:
    shared = Counter[int]()
    for key in fingerprint.sample:
        posting = postings.get(key)
        if posting and len(posting) <= _MAX_POSTING:
            shared.update(posting)
    best: tuple[int, float] | None = None
    size = len(fingerprint.shingles)
    for index, count in sorted(shared.items()):
        other = kept[index]
        if count < _CANDIDATE_SHARE * min(len(fingerprint.sample), len(other.sample)):
            continue
        if min(size, len(other.shingles)) < MIN_LENGTH_RATIO * max(size, len(other.shingles)):
            continue
        similarity = _containment(fingerprint.shingles, other.shingles)
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (index, similarity)
    return best


def _containment(first: np.ndarray, second: np.ndarray) -> float:
    if not len(first) or not len(second):
        return float(len(first) == len(second))
    return len(np.intersect1d(first, second, assume_unique=True)) / min(len(first), len(second))
