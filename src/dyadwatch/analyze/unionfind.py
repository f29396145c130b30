"""Union-find (disjoint sets) over the positions ``0 … n-1``: the grouping step of both
near-duplicate detection (``dedup``) and merging mentions into events (``merge``).

The root of a set is always its smallest position, so a grouping does not depend on the order
in which the unions were made, and a caller that keeps data per root (``merge``) knows which
side absorbs the other.
"""

from __future__ import annotations


class UnionFind:
    """Disjoint sets of ``n`` positions, each first in a set of its own."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s set (path halving keeps later look-ups short)."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> tuple[int, int] | None:
        """Join the sets of ``i`` and ``j``: ``(root, absorbed root)``, the smaller root kept, or
        ``None`` when they were one set already."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return None
        root, child = min(ri, rj), max(ri, rj)
        self.parent[child] = root
        return root, child

    def groups(self) -> list[list[int]]:
        """Every set as a list of its positions, in order of their smallest position."""
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return list(found.values())
