"""The candidates of one functional slot as intervals: compatibility without listing pairs.

Two values of a slot are compatible when they may both be true (another precision of
one date, two figures within the predicate's tolerance): their ranges, of one type,
meet (:mod:`factlog.analysis._values`). With a tolerance, the compatible pairs of many
values are themselves quadratic in number, so a :class:`Layout` never lists them. It
sorts the candidates twice, by the end of their range and by its start, each type of
value in a block of its own; a value's rivals are then a prefix of the first order (the
blocks before its own, and the ranges that end before it starts) and a suffix of the
second (the ranges that start after it ends, and the blocks after), and its compatible
values the rest of its block. Sums, maxima and the first few rivals with some property
follow from prefix sums and sweeps: O(n log n) for n candidates.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs

from factlog.analysis._values import convert, quantity_ranges, value_range
from factlog.model._nouns import Object, Predicate, Quantity
from factlog.model._vocabulary import unit_slug

__all__ = ["Layout", "overlap_least", "sides", "three_sides"]

T = TypeVar("T")

_SCALE = 1074
"""Every finite float times 2**1074 is an integer: sums of those are exact."""


def _exact(value: float) -> int:
    numerator, denominator = value.as_integer_ratio()
    return numerator << (_SCALE - denominator.bit_length() + 1)


@attrs.frozen(eq=False)
class Layout:
    """The candidates of a slot (sorted names; rank = position) in two orders, with their ranges.

    ``block[i]`` numbers the candidate's block: one for each type of ranged value
    (dates; quantities whose units convert), one of its own for every other value,
    which is compatible only with itself. ``by_end`` and ``by_start`` are the ranks in
    each order; ``cut_end[i]`` is how many candidates of ``by_end`` are rivals before
    it, and ``by_start[cut_start[i]:]`` its rivals after it.
    """

    names: tuple[str, ...]
    block: tuple[int, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]
    by_end: tuple[int, ...]
    by_start: tuple[int, ...]
    cut_end: tuple[int, ...]
    cut_start: tuple[int, ...]
    ranged: frozenset[int]

    @classmethod
    def of(cls, values: Mapping[str, Object | None], predicate: Predicate) -> Layout:
        """The layout of a slot's candidates (``values``: name → typed object), ranges as in :func:`quantity_ranges`."""
        names = tuple(sorted(values))
        spans: dict[int, tuple[float, float]] = {}
        kinds: dict[int, type] = {}
        quantities = {i: value for i, name in enumerate(names) if isinstance(value := values[name], Quantity)}
        for i, name in enumerate(names):
            span = value_range(values[name])
            if span is not None:
                spans[i], kinds[i] = span, type(values[name])
        # Quantities compare in one unit per family of units that convert into each other (km and
        # miles; troops), widened by the predicate's tolerance and margin: a family is a block. A
        # family whose margin does not convert leaves each of its quantities in a block of its own.
        family: dict[int, int] = {}
        for number, members in enumerate(_families(quantities)):
            ranges = quantity_ranges([quantities[i] for i in members], predicate)
            if ranges is not None:
                for i, span in zip(members, ranges, strict=True):
                    spans[i], kinds[i], family[i] = span, Quantity, number
        types = sorted({kind.__name__ for kind in kinds.values()})
        block, low, high = [], [], []
        for i in range(len(names)):
            if i in family:
                block.append(len(types) + len(names) + family[i])
                low.append(spans[i][0])
                high.append(spans[i][1])
            elif i in spans:
                block.append(types.index(kinds[i].__name__))
                low.append(spans[i][0])
                high.append(spans[i][1])
            else:  # a block of its own: compatible with itself only
                block.append(len(types) + i)
                low.append(0.0)
                high.append(0.0)
        by_end = sorted(range(len(names)), key=lambda i: (block[i], high[i], i))
        by_start = sorted(range(len(names)), key=lambda i: (block[i], low[i], i))
        ends = [(block[i], high[i]) for i in by_end]
        starts = [(block[i], low[i]) for i in by_start]
        cut_end, cut_start = [], []
        for i in range(len(names)):
            if i in spans:
                cut_end.append(bisect.bisect_left(ends, (block[i], low[i])))
                cut_start.append(bisect.bisect_right(starts, (block[i], high[i])))
            else:
                cut_end.append(bisect.bisect_left(ends, (block[i], -float("inf"))))
                cut_start.append(bisect.bisect_right(starts, (block[i], float("inf"))))
        return cls(
            names,
            tuple(block),
            tuple(low),
            tuple(high),
            tuple(by_end),
            tuple(by_start),
            tuple(cut_end),
            tuple(cut_start),
            frozenset(spans),
        )

    @property
    def size(self) -> int:
        """The number of candidates."""
        return len(self.names)

    def compatible(self, first: int, second: int) -> bool:
        """Whether two candidates (by rank) may both be true: the same, or ranges of one type that meet."""
        if first == second:
            return True
        return (
            self.block[first] == self.block[second]
            and self.low[first] <= self.high[second]
            and self.low[second] <= self.high[first]
        )

    def rivals(self, rank: int) -> list[int]:
        """The candidates that cannot be true with this one, in rank order: O(rivals), for small slots and tests."""
        mine = self.cut_end[rank], self.cut_start[rank]
        return sorted([*self.by_end[: mine[0]], *self.by_start[mine[1] :]])

    def friend_sums(self, values: Sequence[float]) -> list[float]:
        """For each candidate, the sum of ``values`` over it and its compatible candidates, correctly rounded.

        The same float as :func:`math.fsum` over the compatible candidates: the sums are
        exact (integers scaled by 2**1074) before the one rounding. O(n).
        """
        exact = [_exact(value) for value in values]
        ends = [0]
        for i in self.by_end:
            ends.append(ends[-1] + exact[i])
        starts = [0]
        for i in reversed(self.by_start):
            starts.append(starts[-1] + exact[i])
        total = ends[-1]
        found = []
        for i in range(self.size):
            if i not in self.ranged:
                found.append(values[i])
                continue
            rest = total - ends[self.cut_end[i]] - starts[self.size - self.cut_start[i]]
            found.append(rest / (1 << _SCALE))
        return found

    def friend_least(self, keys: Mapping[int, float]) -> list[float | None]:
        """For each candidate, the least of ``keys`` (by rank) over it and its compatible candidates; None if none."""
        found: list[float | None] = [keys.get(i) for i in range(self.size)]
        blocks: dict[int, list[int]] = {}
        for i in sorted(self.ranged):
            blocks.setdefault(self.block[i], []).append(i)
        for members in blocks.values():
            items = [(self.low[i], self.high[i], keys[i]) for i in members if i in keys]
            queries = [(self.low[i], self.high[i]) for i in members]
            for i, least in zip(members, overlap_least(items, queries), strict=True):
                found[i] = least
        return found

    def first_rivals(self, chosen: Sequence[bool], limit: int) -> list[list[int]]:
        """Each candidate's first ``limit`` rivals (in rank order) among the ``chosen`` (by rank). O(n · limit)."""

        def tops(order: Sequence[int]) -> list[tuple[int, ...]]:
            found: list[tuple[int, ...]] = [()]
            for i in order:
                last = found[-1]
                found.append(tuple(sorted((*last, i))[:limit]) if chosen[i] else last)
            return found

        before = tops(self.by_end)
        after = tops(self.by_start[::-1])
        return [
            sorted((*before[self.cut_end[i]], *after[self.size - self.cut_start[i]]))[:limit] for i in range(self.size)
        ]


def _families(quantities: Mapping[int, Quantity]) -> list[list[int]]:
    """The quantities (by rank) grouped by units that convert into each other, in rank order.

    Each distinct unit is tried once against the first unit of each family (pint, via
    :func:`convert`). A figure without a unit reads in any unit, as :func:`compatible`
    reads it; it joins the first family (the first figure with a unit) when there are
    several, so against a family whose units do not convert into that one it is a rival.
    """
    found: list[list[int]] = []
    reference: list[str] = []
    of_unit: dict[str, int] = {}
    unitless = []
    for i, value in quantities.items():
        if value.unit is None:
            unitless.append(i)
            continue
        unit = unit_slug(value.unit)
        number = of_unit.get(unit)
        if number is None:
            number = next(
                (n for n, ref in enumerate(reference) if convert(1.0, value.unit, ref) is not None), len(found)
            )
            if number == len(found):
                found.append([])
                reference.append(value.unit)
            of_unit[unit] = number
        found[number].append(i)
    if unitless:
        if not found:
            found.append([])
        found[0] = sorted(found[0] + unitless)
    return found


def overlap_least(
    items: Sequence[tuple[float, float, float]], queries: Sequence[tuple[float, float]]
) -> list[float | None]:
    """For each closed range of ``queries``, the least key of the ``items`` (low, high, key) whose range meets it.

    A sweep by the queries' ends with a Fenwick tree of minima over the items' ends:
    O((items + queries) log items). None where no item meets the range.
    """
    ends = sorted({high for _, high, _ in items})
    size = len(ends)
    tree = [float("inf")] * (size + 1)
    by_start = sorted(items)
    found: list[float | None] = [None] * len(queries)
    taken = 0
    for q in sorted(range(len(queries)), key=lambda q: queries[q][1]):
        low, high = queries[q]
        while taken < len(by_start) and by_start[taken][0] <= high:
            _, end, key = by_start[taken]
            position = size - bisect.bisect_left(ends, end)  # ends counted from the largest: 1-based
            while position <= size:
                tree[position] = min(tree[position], key)
                position += position & -position
            taken += 1
        position = size - bisect.bisect_left(ends, low)  # items ending at or after the query's start
        least = float("inf")
        while position > 0:
            least = min(least, tree[position])
            position -= position & -position
        found[q] = least if least != float("inf") else None
    return found


_FEW = 8
"""Up to this many values, a speaker's compatible stances are found by testing each: cheaper than a sweep."""


def sides(
    layout: Layout, rank: Mapping[str, int], speakers: Iterable[Sequence[tuple[float, str, T]]]
) -> tuple[list[list[T]], list[list[T]]]:
    """Each candidate's backers and opponents: one item per speaker, from its stances (strongest first).

    A speaker backs a candidate with its first stance that is the candidate or compatible
    with it; otherwise it opposes it with its first stance for another value, or for the
    candidate's denial (``not:`` answers), if any. O(candidates log) per speaker that
    gives a value (each then backs or opposes every candidate), O(denials) for the others.
    """
    backers, opponents, _ = three_sides(layout, rank, speakers)
    return backers, opponents


def three_sides(
    layout: Layout,
    rank: Mapping[str, int],
    speakers: Iterable[Sequence[tuple[float, str, T]]],
    *,
    together: Sequence[Collection[Collection[str]] | None] | None = None,
    joined: Callable[[Sequence[T]], T] | None = None,
) -> tuple[list[list[T]], list[list[T]], list[list[T]]]:
    """:func:`sides`, and each candidate's backers that also hold a stance against it, in one sweep.

    A speaker that backs a candidate also opposes it when it gives a value incompatible
    with it or denies it: it counts for the candidate, but its rival stance is weighed
    too. The third list holds such a speaker's backing item. For a speaker of many
    values the count of its compatible values comes from :meth:`Layout.friend_sums`
    (O(candidates) more, only for speakers of two values or more).

    ``together[n]``, where given, holds the values each current claim of the ``n``-th
    speaker affirms (for a speaker with a claim naming several objects): a rival value
    then stands against a candidate only through a claim that affirms nothing compatible
    with it, so a claim never stands against its own objects. ``joined``, where given,
    makes one item of a speaker's stances against a candidate that are as strong as its
    strongest (equal first elements), in order; without it the strongest alone is listed.
    """
    backers: list[list[T]] = [[] for _ in layout.names]
    opponents: list[list[T]] = [[] for _ in layout.names]
    split: list[list[T]] = [[] for _ in layout.names]
    for number, stances in enumerate(speakers):
        affirmed: dict[int, int] = {}
        denied: dict[int, int] = {}
        for index, (_, answer, _) in enumerate(stances):
            if answer.startswith("not:"):
                denied.setdefault(rank[answer[4:]], index)
            else:
                affirmed.setdefault(rank[answer], index)
        if not affirmed:
            for candidate, index in denied.items():
                opponents[candidate].append(stances[index][2])
            continue
        best: list[float | None]
        counts: Sequence[float]
        if len(affirmed) <= _FEW:
            best, counts = [], []
            for i in range(layout.size):
                friendly = [index for mine, index in affirmed.items() if layout.compatible(mine, i)]
                best.append(min(friendly, default=None))
                counts.append(len(friendly))
        else:
            best = layout.friend_least({mine: float(index) for mine, index in affirmed.items()})
            counts = (
                layout.friend_sums([1.0 if i in affirmed else 0.0 for i in range(layout.size)])
                if len(affirmed) > 1
                else [1.0] * layout.size
            )
        units = together[number] if together is not None else None
        whole = len(affirmed)
        if units:  # count the claims that back each candidate, not the values
            counts, whole = _backing(layout, rank, units), len(units)
        first = min(affirmed.values())
        against = _Against(stances, first, sorted(affirmed.values()), joined)
        for candidate, least in enumerate(best):
            if least is not None:
                backers[candidate].append(stances[int(least)][2])
                if candidate in denied or counts[candidate] < whole:
                    split[candidate].append(stances[int(least)][2])
            else:
                opponents[candidate].append(against.item(denied.get(candidate)))
    return backers, opponents, split


def _backing(layout: Layout, rank: Mapping[str, int], units: Collection[Collection[str]]) -> list[int]:
    """For each candidate, how many of ``units`` (the values of one claim each) hold a value compatible with it."""
    found = [0] * layout.size
    for unit in units:
        ranks = {rank[answer] for answer in unit}
        if ranks.isdisjoint(layout.ranged):  # such a value is compatible with itself alone
            for i in ranks:
                found[i] += 1
            continue
        for i in range(layout.size):
            if any(layout.compatible(mine, i) for mine in ranks):
                found[i] += 1
    return found


class _Against(Generic[T]):
    """The item a speaker that backs nothing compatible with a candidate is listed against it with."""

    def __init__(
        self,
        stances: Sequence[tuple[float, str, T]],
        first: int,
        affirmed: Sequence[int],
        joined: Callable[[Sequence[T]], T] | None,
    ) -> None:
        self.stances, self.first, self.joined = stances, first, joined
        self.tied = [index for index in affirmed if stances[index][0] == stances[first][0]]
        self._alone: T | None = None

    def item(self, denial: int | None) -> T:
        """The strongest of the speaker's values (all rivals here) and its denial of the candidate, if any."""
        stances, first = self.stances, self.first
        if self.joined is None:
            return stances[first if denial is None else min(first, denial)][2]
        if denial is None or stances[denial][0] > stances[first][0]:
            if self._alone is None:
                self._alone = self._join(self.tied)
            return self._alone
        if stances[denial][0] < stances[first][0]:
            return stances[denial][2]
        return self._join(sorted([*self.tied, denial]))

    def _join(self, indices: Sequence[int]) -> T:
        if len(indices) == 1:
            return self.stances[indices[0]][2]
        assert self.joined is not None
        return self.joined([self.stances[index][2] for index in indices])
