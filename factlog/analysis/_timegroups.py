"""Interval sweeps over claim groups: conflicts found by sorting, never by all pairs.

A claim's valid time is its span of days (:attr:`~factlog.Entry.span`): a state holds
throughout it, an event happens on some day inside it. A claim without a valid time
spans all time, but only possibly: it never conflicts definitely; nor does a claim whose
valid time has an approximate, uncertain or unknown bound (``1961~``, ``2019?``,
``2019/``), whose span is only its widest reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from factlog.analysis._index import Entry
from factlog.analysis._unionfind import UnionFind
from factlog.model._partial import _NEG_INF

__all__ = ["components", "definite_conflict", "possible_conflict", "time_groups"]


def components(first: Sequence[Entry], second: Sequence[Entry]) -> list[list[Entry]]:
    """Groups of claims linked by overlapping spans across the two sides.

    Only groups with claims on both sides are returned, each in claim order, ordered by
    their first claim. A sweep by first day with union-find: O(n log n) for n claims.
    """
    sets: UnionFind[int] = UnionFind()
    find = sets.find

    events = sorted(
        [(e.span[0], e.position, 0, e) for e in first] + [(e.span[0], e.position, 1, e) for e in second],
        key=lambda item: item[:3],
    )
    active: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for start, position, side, entry in events:
        opposite = active[1 - side]
        alive = [(end, other) for end, other in opposite if end >= start]
        for _, other in alive:
            sets.union(other, position)
        # Everything still alive is now one group, and no later claim starts earlier:
        # the latest end stands for all of it.
        opposite[:] = [max(alive)] if alive else []
        active[side].append((entry.span[1], position))
    groups: dict[int, list[Entry]] = {}
    sides: dict[int, set[int]] = {}
    for _, position, side, entry in sorted(events, key=lambda item: item[1]):
        root = find(position)
        groups.setdefault(root, []).append(entry)
        sides.setdefault(root, set()).add(side)
    return [group for root, group in groups.items() if len(sides[root]) == 2]


def possible_conflict(first: Sequence[Entry], second: Sequence[Entry]) -> bool:
    """Whether some span of one side shares a day with some span of the other."""
    latest = [_NEG_INF - 1, _NEG_INF - 1]
    events = sorted([(e.span[0], 0, e.span[1]) for e in first] + [(e.span[0], 1, e.span[1]) for e in second])
    for start, side, end in events:
        if latest[1 - side] >= start:
            return True
        latest[side] = max(latest[side], end)
    return False


def definite_conflict(affirmed: Sequence[Entry], denied: Sequence[Entry], *, event: bool) -> bool:
    """Whether some timed denial certainly excludes some timed affirmation.

    A state affirmed throughout one span and denied at any time of another conflicts
    when the spans share a day. An event affirmed somewhere in a span conflicts with a
    denial only when the denied span contains the whole of it. Claims without a valid
    time, or with an inexact one (:attr:`~factlog.Entry.exact`), take no part.
    """
    timed_affirmed = [e for e in affirmed if e.timed and e.exact]
    timed_denied = [e for e in denied if e.timed and e.exact]
    if not event:
        return possible_conflict(timed_affirmed, timed_denied)
    denials = sorted(e.span for e in timed_denied)
    best, pointer = _NEG_INF - 1, 0
    for start, end in sorted(e.span for e in timed_affirmed):
        while pointer < len(denials) and denials[pointer][0] <= start:
            best = max(best, denials[pointer][1])
            pointer += 1
        if best >= end:
            return True
    return False


def time_groups(entries: Sequence[Entry]) -> list[list[Entry]]:
    """Claims linked by possibly overlapping valid times (claims without a time link to all)."""
    ordered = sorted(entries, key=lambda e: (e.span[0], e.position))
    groups: list[list[Entry]] = []
    reach = _NEG_INF - 1
    for entry in ordered:
        if groups and entry.span[0] <= reach:
            groups[-1].append(entry)
        else:
            groups.append([entry])
        reach = max(reach, entry.span[1]) if len(groups[-1]) > 1 else entry.span[1]
    return groups
