"""A union-find over hashable items, with path compression: near-linear grouping."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

__all__ = ["UnionFind"]

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Disjoint sets of items; an unseen item is its own set."""

    def __init__(self) -> None:
        self.parent: dict[T, T] = {}

    def find(self, item: T) -> T:
        """The representative of the item's set."""
        parent = self.parent
        parent.setdefault(item, item)
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: T, second: T) -> T:
        """Join two sets; the smaller representative (by ordering) represents both."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return a
        low, high = (a, b) if a < b else (b, a)  # type: ignore[operator]
        self.parent[high] = low
        return low
