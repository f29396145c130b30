"""Near-duplicate documents: the same wire story printed twice is counted once.

Each document becomes the set of its word shingles (runs of ``shingle_words`` lower-cased words),
summarised by a MinHash signature of ``num_perm`` values. Locality-sensitive hashing cuts the
signature into ``bands`` bands; documents that agree on a whole band land in the same bucket
and only they are compared, so the cost grows with the number of documents, not its square.
A candidate pair whose signatures agree on at least ``threshold`` of their values (an estimate
of the Jaccard similarity of the shingle sets) is a pair of copies. Copies are grouped
(union-find); in each group the earliest published document (then the first stored) is the
original and every other one is recorded as its duplicate, with its estimated similarity to it.

Hashes are CRC-32 of each word and a fixed polynomial over the words of a shingle, and the
MinHash permutations come from a fixed seed, so the result does not depend on the process.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .settings import DedupSettings
from .unionfind import UnionFind

_WORD = re.compile(r"\w+")
_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_SEED = 20190701
_CHUNK = 4096  # shingles hashed per step, to bound memory on very long documents
_MIX = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1, 0xD3A2646C, 0xFD7046C5)


@dataclass(frozen=True, slots=True)
class DocumentText:
    """What dedup needs from a stored document; ``order`` is its position in storage order."""

    id: str
    text: str
    published: dt.date | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class Duplicate:
    """``doc_id`` is a near-copy of ``duplicate_of`` (estimated Jaccard ``similarity``)."""

    doc_id: str
    duplicate_of: str
    similarity: float


class _WordHashes:
    """CRC-32 of words, cached: a corpus repeats its vocabulary."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def __call__(self, words: list[str]) -> np.ndarray:
        cache = self._cache
        out = np.empty(len(words), dtype=np.uint64)
        for i, word in enumerate(words):
            value = cache.get(word)
            if value is None:
                value = cache[word] = zlib.crc32(word.encode("utf-8"))
            out[i] = value
        return out


def shingle_hashes(words: np.ndarray, k: int) -> np.ndarray:
    """32-bit hashes of every run of ``k`` consecutive word hashes (distinct values)."""
    n = len(words) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * np.uint64(_MIX[j % len(_MIX)] | 1) + words[j : j + n]
    folded = (acc >> np.uint64(32)) ^ (acc & np.uint64(0xFFFFFFFF))
    return np.unique(folded)


class MinHasher:
    def __init__(self, num_perm: int) -> None:
        rng = np.random.default_rng(_SEED)
        # a < 2**32 - 1 and x < 2**32 keep a * x + b below 2**64: no overflow in uint64.
        self.a = rng.integers(1, 2**32 - 1, size=num_perm, dtype=np.uint64)[:, None]
        self.b = rng.integers(0, 2**32 - 1, size=num_perm, dtype=np.uint64)[:, None]
        self.num_perm = num_perm

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        best = np.full(self.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
        for begin in range(0, len(shingles), _CHUNK):
            chunk = shingles[begin : begin + _CHUNK][None, :]
            values = (self.a * chunk + self.b) % _PRIME
            np.minimum(best, values.min(axis=1), out=best)
        return best.astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def find_duplicates(
    documents: Iterable[DocumentText], settings: DedupSettings | None = None
) -> list[Duplicate]:
    """The near-duplicate documents among ``documents``, each pointing at its original."""
    settings = settings or DedupSettings()
    hasher = MinHasher(settings.num_perm)
    words = _WordHashes()
    keys: list[tuple[dt.date, int, str]] = []
    signatures: list[np.ndarray] = []
    for doc in documents:
        tokens = _WORD.findall(doc.text.lower())
        shingles = shingle_hashes(words(tokens), settings.shingle_words)
        if len(shingles) < settings.min_shingles:
            continue
        signatures.append(hasher.signature(shingles))
        keys.append((doc.published or dt.date.max, doc.order, doc.id))
    if len(signatures) < 2:
        return []
    matrix = np.vstack(signatures)
    groups = UnionFind(len(signatures))
    rows = settings.num_perm // settings.bands
    for band in range(settings.bands):
        buckets: dict[bytes, list[int]] = {}
        part = np.ascontiguousarray(matrix[:, band * rows : (band + 1) * rows])
        for i in range(len(part)):
            buckets.setdefault(part[i].tobytes(), []).append(i)
        for members in buckets.values():
            if len(members) > 1:
                _join_bucket(members, matrix, groups, settings.threshold)
    found = []
    for members in groups.groups():
        if len(members) < 2:
            continue
        original = min(members, key=lambda i: keys[i])
        for i in members:
            if i != original:
                found.append(
                    Duplicate(
                        doc_id=keys[i][2],
                        duplicate_of=keys[original][2],
                        similarity=round(similarity(matrix[i], matrix[original]), 4),
                    )
                )
    return sorted(found, key=lambda d: (d.duplicate_of, d.doc_id))


def _join_bucket(
    members: list[int], matrix: np.ndarray, groups: UnionFind, threshold: float
) -> None:
    """Union the copies within one LSH bucket.

    Each member is compared with one representative per group already found in the bucket
    (not with every member), so a bucket of a thousand copies of one story costs a thousand
    comparisons, not half a million.
    """
    representatives: list[int] = []
    for i in members:
        root = groups.find(i)
        for rep in representatives:
            if groups.find(rep) == root:
                break
            if similarity(matrix[i], matrix[rep]) >= threshold:
                groups.union(i, rep)
                break
        else:
            representatives.append(i)
