"""A union-find over hashable items: union by rank and path compression, near-linear grouping.

Tarjan (1975), "Efficiency of a good but not linear set union algorithm", J. ACM 22(2):
with both heuristics, m operations on n items take O(m α(n)) time, and union by rank
alone bounds every tree's height by log2(n).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Generic, TypeVar

__all__ = ["UnionFind", "smallest_joined"]

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets of items; an unseen item is its own set.

    Which member represents a set is an implementation detail: callers group by it and
    order groups by their own keys, never by the representative.
    """

    def __init__(self) -> None:
        self.parent: dict[T, T] = {}
        self.rank: dict[T, int] = {}

    def find(self, item: T) -> T:
        """The representative of the item's set (compressing the path to it)."""
        parent = self.parent
        parent.setdefault(item, item)
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: T, second: T) -> T:
        """Join two sets under the root of higher rank (the first's on a tie); returns the new root."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return a
        rank = self.rank
        if rank.get(a, 0) < rank.get(b, 0):
            a, b = b, a
        self.parent[b] = a
        if rank.get(a, 0) == rank.get(b, 0):
            rank[a] = rank.get(a, 0) + 1
        return a


def smallest_joined(np: Any, claims: Any, tokens: Any, count: int) -> Any:
    """For each token number below ``count``, the smallest token joined to it through claims holding both.

    ``claims[i]`` and ``tokens[i]`` (numpy int64 arrays of one length) pair a claim with
    one of its token numbers. Each claim joins its first token to each other one, in a
    union-find over the tokens alone (the smaller root always becomes the parent, so a
    set's root is its smallest token). Returns an int64 array of ``count`` roots.
    """
    parent = list(range(count))
    if claims.size:
        order = np.argsort(claims, kind="stable")
        claims, numbers = claims[order], tokens[order]
        starts = np.flatnonzero(np.r_[True, claims[1:] != claims[:-1]])
        first = np.repeat(numbers[starts], np.diff(np.r_[starts, claims.size]))
        joined = first != numbers
        for one, other in zip(first[joined].tolist(), numbers[joined].tolist(), strict=True):
            left, right = _root(parent, one), _root(parent, other)
            if left != right:
                parent[max(left, right)] = min(left, right)
    return np.array([_root(parent, node) for node in range(count)], dtype=np.int64)


def _root(parent: list[int], node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]  # path halving
        node = parent[node]
    return node
