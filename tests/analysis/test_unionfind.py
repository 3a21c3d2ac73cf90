"""Union-find against a breadth-first search over the same unions, and its height bound."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from factlog.analysis._unionfind import UnionFind, smallest_joined

unions = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=80)


def _reachable(pairs: list[tuple[int, int]], start: int) -> set[int]:
    """The items connected to ``start`` by the pairs, found by breadth-first search."""
    seen, pending = {start}, [start]
    while pending:
        item = pending.pop()
        for a, b in pairs:
            for here, there in ((a, b), (b, a)):
                if here == item and there not in seen:
                    seen.add(there)
                    pending.append(there)
    return seen


@given(unions)
def test_same_set_exactly_when_connected(pairs: list[tuple[int, int]]) -> None:
    """Two items share a representative exactly when the unions connect them."""
    sets: UnionFind[int] = UnionFind()
    for a, b in pairs:
        sets.union(a, b)
    for item in range(41):
        connected = _reachable(pairs, item)
        assert {other for other in range(41) if sets.find(other) == sets.find(item)} == connected


def _height(sets: UnionFind[int], item: int) -> int:
    height = 0
    while sets.parent[item] != item:
        item, height = sets.parent[item], height + 1
    return height


@given(unions)
def test_union_by_rank_keeps_trees_logarithmic(pairs: list[tuple[int, int]]) -> None:
    """No item lies deeper than log2 of the number of items, however the unions come."""
    sets: UnionFind[int] = UnionFind()
    for a, b in pairs:
        sets.union(a, b)
    items = list(sets.parent)
    bound = math.log2(len(items)) if items else 0
    assert all(_height(sets, item) <= bound for item in items)


def test_a_chain_of_unions_stays_shallow() -> None:
    """Joining 1,000 items one after another in falling order leaves no long chain."""
    sets: UnionFind[int] = UnionFind()
    for item in range(999, 0, -1):
        sets.union(item, item - 1)
    assert max(_height(sets, item) for item in range(1000)) <= 1


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 9)), max_size=40))
def test_smallest_joined_names_each_token_by_the_smallest_token_it_reaches(pairs: list[tuple[int, int]]) -> None:
    """Tokens held by one claim are joined, transitively: each is named by the smallest of its set (a BFS oracle)."""
    import numpy as np  # noqa: PLC0415 - the scale extra, installed for the tests

    count = 10
    claims = np.array([claim for claim, _ in pairs], dtype=np.int64)
    tokens = np.array([token for _, token in pairs], dtype=np.int64)
    roots = smallest_joined(np, claims, tokens, count).tolist()
    neighbours: dict[int, set[int]] = {token: set() for token in range(count)}
    for claim in {claim for claim, _ in pairs}:
        held = [token for other, token in pairs if other == claim]
        for token in held:
            neighbours[token].update(held)
    for token in range(count):
        reached, frontier = {token}, [token]
        while frontier:
            for near in neighbours[frontier.pop()] - reached:
                reached.add(near)
                frontier.append(near)
        assert roots[token] == min(reached)
