"""Interval sweeps over claim groups: conflicts found by sorting, never by all pairs.

Each claim's valid time is reduced to four day numbers (:attr:`Entry.span`): the
earliest and latest day it may start and end. A claim without a valid time may be true
at any time but is definitely true at none, so it conflicts only possibly.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.index import Entry
from factlog.timeline import _NEG_INF, _POS_INF

__all__ = ["components", "definite_conflict", "possible_conflict"]


def components(first: Sequence[Entry], second: Sequence[Entry]) -> list[list[Entry]]:
    """Groups of claims linked by possibly overlapping times across the two sides.

    Only groups with claims on both sides are returned, each in claim order, ordered by
    their first claim. A sweep by start day with union-find: O(n log n) for n claims.
    """
    parent: dict[int, int] = {}

    def find(item: int) -> int:
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    events = sorted(
        [(e.span[0], e.position, 0, e) for e in first] + [(e.span[0], e.position, 1, e) for e in second],
        key=lambda item: item[:3],
    )
    active: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for start, position, side, entry in events:
        parent[position] = position
        opposite = active[1 - side]
        alive = [(end, other) for end, other in opposite if end >= start]
        for _, other in alive:
            parent[find(other)] = find(position)
        # Everything still alive is now one group, and no later claim starts earlier:
        # the latest end stands for all of it.
        opposite[:] = [max(alive)] if alive else []
        active[side].append((entry.span[3], position))
    groups: dict[int, list[Entry]] = {}
    sides: dict[int, set[int]] = {}
    for _, position, side, entry in sorted(events, key=lambda item: item[1]):
        root = find(position)
        groups.setdefault(root, []).append(entry)
        sides.setdefault(root, set()).add(side)
    return [group for root, group in groups.items() if len(sides[root]) == 2]


def possible_conflict(first: Sequence[Entry], second: Sequence[Entry]) -> bool:
    """Whether some claim of one side possibly overlaps some claim of the other in time."""
    latest = [_NEG_INF - 1, _NEG_INF - 1]
    events = sorted([(e.span[0], 0, e.span[3]) for e in first] + [(e.span[0], 1, e.span[3]) for e in second])
    for start, side, end in events:
        if latest[1 - side] >= start:
            return True
        latest[side] = max(latest[side], end)
    return False


def definite_conflict(affirmed: Sequence[Entry], denied: Sequence[Entry], *, event: bool) -> bool:
    """Whether some denial definitely excludes some affirmation.

    For a state, the two must definitely share a day. For an event, the denied span must
    definitely contain all of the time the affirmed event may have happened in.
    """
    # Denials ordered by their latest start; a claim without a time never qualifies.
    denials = sorted((d.span for d in denied if d.span[1] != _POS_INF), key=lambda span: span[1])
    if event:
        # Some d with d.start_high <= a.start_low and d.end_low >= a.end_high.
        needs = sorted((a.span[0], a.span[3]) for a in affirmed)
    else:
        # Some d with d.start_high <= a.end_low and d.end_low >= a.start_high.
        needs = sorted((a.span[2], a.span[1]) for a in affirmed if a.span[1] != _POS_INF)
    best, pointer = _NEG_INF - 1, 0
    for limit, required in needs:
        while pointer < len(denials) and denials[pointer][1] <= limit:
            best = max(best, denials[pointer][2])
            pointer += 1
        if best >= required:
            return True
    return False
