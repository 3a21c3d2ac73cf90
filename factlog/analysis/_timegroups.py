"""Interval sweeps over claim groups: conflicts found by sorting, never by all pairs.

A claim's valid time is its span of days (:attr:`~factlog.Entry.span`): a state holds
throughout it, an event happens on some day inside it. Two claims whose spans share a
day overlap *possibly*; only when the days each certainly covers
(:attr:`~factlog.Entry.core`) share one do they overlap *definitely*. A claim without a
valid time spans all time, but only possibly: it never conflicts definitely. An
approximate, uncertain or unknown bound (``1961~``, ``2019?``, ``2019/``) widens the
span and shrinks the core (:func:`~factlog.analysis._entry.certain_days`), so it
softens a conflict the same way.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections.abc import Iterable, Mapping, Sequence
from operator import itemgetter

from factlog.analysis._index import Entry
from factlog.model._partial import _NEG_INF

__all__ = [
    "Overlap",
    "SpanSet",
    "cliques",
    "components",
    "definite_conflict",
    "dated_components",
    "definitely_meet",
    "overlap",
    "possible_conflict",
    "spans_meet",
    "time_groups",
]


class Overlap(enum.IntEnum):
    """How surely two claims share a day: not at all, possibly, or definitely."""

    NONE = 0
    POSSIBLE = 1
    DEFINITE = 2


def overlap(first: Entry, second: Entry) -> Overlap:
    """How surely two claims share a day (cores meeting: definitely; spans meeting: possibly)."""
    if first.span[0] > second.span[1] or second.span[0] > first.span[1]:
        return Overlap.NONE
    a, b = first.core, second.core
    if not first.timed and not second.timed:
        return Overlap.DEFINITE
    if a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]:
        return Overlap.DEFINITE
    return Overlap.POSSIBLE


def spans_meet(first: Iterable[tuple[int, int]], second: Iterable[tuple[int, int]]) -> bool:
    """Whether some span of the first list shares a day with some span of the second: a sweep, O(n log n)."""
    latest = [_NEG_INF - 1, _NEG_INF - 1]
    events = sorted([(start, 0, end) for start, end in first] + [(start, 1, end) for start, end in second])
    for start, side, end in events:
        if latest[1 - side] >= start:
            return True
        latest[side] = max(latest[side], end)
    return False


def definitely_meet(first: Sequence[Entry], second: Sequence[Entry]) -> bool:
    """Whether a claim of one side certainly shares a day with a claim of the other.

    Their cores meet; or neither gives a valid time, so both speak of the same
    unspecified time (the date of an event, stated without saying when). An undated
    claim against a dated one only possibly meets it: one step less severe.
    """
    if any(not e.timed for e in first) and any(not e.timed for e in second):
        return True
    return spans_meet([e.core for e in first if e.core], [e.core for e in second if e.core])


def cliques(entries: Sequence[Entry], order: Mapping[int, int] | None = None) -> list[list[Entry]]:
    """The maximal sets of claims that all share a day (possibly), each in claim order.

    ``order`` (position to a number, unique) puts each set in the order of those numbers instead.

    Intervals that pairwise overlap share a common day, so these are the sets of claims
    alive together on some day: A overlapping B and B overlapping C, with A and C apart,
    give {A, B} and {B, C}, never {A, B, C}. A sweep: O(n log n) plus the size of the
    output. Ordered by their first day.
    """
    events = sorted([(e.span[0], 0, e.position, e) for e in entries] + [(e.span[1], 1, e.position, e) for e in entries])
    alive: dict[int, Entry] = {}
    found: list[list[Entry]] = []
    grew = False
    for _, kind, position, entry in events:
        if kind == 0:
            alive[position] = entry
            grew = True
        else:
            if grew:
                numbers = sorted(alive) if order is None else sorted(alive, key=order.__getitem__)
                found.append([alive[number] for number in numbers])  # positions are unique
                grew = False
            del alive[position]
    return found


def components(first: Sequence[Entry], second: Sequence[Entry]) -> list[list[Entry]]:
    """Groups of claims linked by overlapping spans across the two sides.

    Only groups with claims on both sides are returned, each in claim order, ordered by
    their first claim. A sweep by first day with union-find: O(n log n) for n claims.
    """
    # Positions are unique, so the tuples order by first day and position alone: no key function.
    events = sorted([(e.span[0], e.position, 0, e) for e in first] + [(e.span[0], e.position, 1, e) for e in second])
    parent = {position: position for _, position, _, _ in events}  # a union-find, inline: run once a key

    def find(node: int) -> int:
        while (up := parent[node]) != node:
            parent[node] = node = parent[up]  # path halving
        return node

    active: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
    for start, position, side, entry in events:
        opposite = active[1 - side]
        if opposite:
            alive = [(end, other) for end, other in opposite if end >= start]
            if alive:
                mine = find(position)
                for _, other in alive:
                    theirs = find(other)
                    if theirs != mine:
                        parent[theirs] = mine
                # Everything still alive is now one group, and no later claim starts earlier:
                # the latest end stands for all of it.
                opposite[:] = [max(alive)]
            else:
                opposite.clear()
        active[side].append((entry.span[1], position))
    groups: dict[int, list[Entry]] = {}
    sides: dict[int, int] = {}  # by root: 1 for a claim of the first side, 2 of the second, 3 of both
    for _, position, side, entry in sorted(events, key=itemgetter(1)):
        root = find(position)
        group = groups.get(root)
        if group is None:
            groups[root], sides[root] = [entry], side + 1
        else:
            group.append(entry)
            sides[root] |= side + 1
    return [group for root, group in groups.items() if sides[root] == 3]


def dated_components(first: Sequence[Entry], second: Sequence[Entry]) -> list[list[Entry]]:
    """:func:`components` of the dated claims, and one more group for the undated ones.

    An undated claim overlaps every time, but only possibly: it does not join every
    time group into one. The dated claims form their groups among themselves; the
    undated claims, with every claim of the other side, form a group of their own.
    """
    dated_first, undated_first = _split_timed(first)
    dated_second, undated_second = _split_timed(second)
    groups = components(dated_first, dated_second)
    if (undated_first and second) or (undated_second and first):
        members = {e.position: e for e in [*undated_first, *undated_second]}
        if undated_first:
            members.update((e.position, e) for e in second)
        if undated_second:
            members.update((e.position, e) for e in first)
        groups.append([members[position] for position in sorted(members)])
    return groups


def _split_timed(entries: Sequence[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The claims with a valid time and those without, each in the order given: one pass."""
    dated: list[Entry] = []
    undated: list[Entry] = []
    for entry in entries:
        proposition = entry.proposition  # Entry.timed, read inline: this runs once a claim of every opposed key
        (dated if proposition is not None and proposition.when is not None else undated).append(entry)
    return dated, undated


def possible_conflict(first: Sequence[Entry], second: Sequence[Entry]) -> bool:
    """Whether some span of one side shares a day with some span of the other."""
    return spans_meet([e.span for e in first], [e.span for e in second])


class SpanSet:
    """The spans of some claims, sorted once, to ask of many groups :func:`possible_conflict` with them.

    ``SpanSet(second).meets(first) == possible_conflict(first, second)``: O(n log n) to
    build, O(m log n) per question of m claims, where the sweep costs O((m + n) log(m + n))
    every time.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        spans = sorted(e.span for e in entries)
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))
        self.inverted = any(start > end for start, end in spans)

    def meets(self, entries: Sequence[Entry]) -> bool:
        """Whether some span of these claims shares a day with some span of the set."""
        if self.inverted or any(e.span[0] > e.span[1] for e in entries):
            return possible_conflict(entries, self.entries)  # the sweep's own reading of such spans
        for start, end in (e.span for e in entries):
            # The spans starting by this one's end: does the latest of their ends reach its start?
            count = bisect.bisect_right(self.starts, end)
            if count and self.reach[count - 1] >= start:
                return True
        return False


def definite_conflict(affirmed: Sequence[Entry], denied: Sequence[Entry], *, event: bool) -> bool:
    """Whether some timed denial certainly excludes some timed affirmation.

    A state affirmed throughout one span and denied at any time of another conflicts
    when the days each certainly covers (:attr:`~factlog.Entry.core`) meet: a term of
    ``2010/2016`` and a denial over ``2016/2019`` only possibly do. An event affirmed
    somewhere in a span conflicts with a denial only when the denied span contains the
    whole of it (a denial with an approximate, uncertain or unknown bound is only its
    widest reading, and contains nothing for certain).
    """
    if any(not e.timed for e in affirmed) and any(not e.timed for e in denied):
        return True  # neither gives a time: the same unspecified time
    timed_affirmed = [e for e in affirmed if e.timed]
    timed_denied = [e for e in denied if e.timed and (not event or e.exact)]
    if not event:
        return spans_meet([e.core for e in timed_affirmed if e.core], [e.core for e in timed_denied if e.core])
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
