"""Which value groups clash, without comparing every pair: the answers :func:`compatible` gives, in O(log n).

A set of values (each a group of claims) answers "does some member clash with this
value?" as :func:`~factlog.analysis._values.compatible` would, pair by pair, but by
counting: values of another type always clash; entities clash unless one lies within
the other (a forest of ``part_of`` is numbered, so the members within or around an
entity are counted with Fenwick trees); quantities and dates clash when their ranges
are apart (the members' highest low and lowest high tell); anything else clashes
unless equal. A ``part_of`` with several wholes per entity falls back to asking
:func:`compatible` of each member of the same type.
"""

from __future__ import annotations

import copy
import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

from factlog.analysis._places import PartOf
from factlog.analysis._values import compatible, value_range
from factlog.model._nouns import Predicate

__all__ = ["Clashes"]


class _Fenwick:
    """Prefix sums over positions 0..size-1 with point updates, O(log n) each."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)

    def add(self, position: int, amount: int) -> None:
        position += 1
        while position < len(self.tree):
            self.tree[position] += amount
            position += position & -position

    def prefix(self, end: int) -> int:
        """The sum of positions below ``end``."""
        total = 0
        while end > 0:
            total += self.tree[end]
            end -= end & -end
        return total


class Clashes:
    """A multiset of value groups (by number) that tells whether a group clashes with any member.

    ``values``: one value per group, the groups' numbers being their positions. Adding,
    removing and asking cost O(log n) (O(n) per question under a ``part_of`` with
    several wholes per entity).
    """

    def __init__(self, values: Sequence[object], predicate: Predicate, part_of: PartOf) -> None:
        self.values, self.predicate, self.part_of = values, predicate, part_of
        self.kinds = [type(v) for v in values]
        self.ranges = [value_range(v, predicate.tolerance) for v in values]
        self.count: Counter[int]
        self.by_kind: Counter[type]
        self.total: int
        self.lows: list[tuple[float, int]]
        self.highs: list[tuple[float, int]]
        entities = sorted({v for v in values if isinstance(v, str)})
        self.numbers: dict[str, tuple[int, int]] = {}
        if part_of.tree:
            extra = 1 << 62
            for name in entities:
                interval = part_of.interval(name)
                if interval is None:
                    interval = (extra, extra)
                    extra += 1
                self.numbers[name] = interval
        self.starts = sorted(start for start, _ in self.numbers.values())
        self._empty()

    def empty(self) -> Clashes:
        """A set of the same groups with no members, sharing what was computed of their values."""
        other = copy.copy(self)
        other._empty()
        return other

    def _empty(self) -> None:
        self.count = Counter()
        self.by_kind = Counter()
        self.total = 0
        self.lows = []
        self.highs = []
        self.inside = _Fenwick(len(self.starts))
        """Members by their own number: how many lie within an entity."""
        self.around = _Fenwick(len(self.starts) + 1)
        """+1 at each member's number, -1 past its last: how many contain an entity."""

    def add(self, group: int, amount: int = 1) -> None:
        """Put ``amount`` members of a group in (negative: take them out)."""
        self.count[group] += amount
        self.by_kind[self.kinds[group]] += amount
        self.total += amount
        value, span = self.values[group], self.ranges[group]
        if isinstance(value, str) and self.numbers:
            start, end = self.numbers[value]
            self.inside.add(bisect_left(self.starts, start), amount)
            self.around.add(bisect_left(self.starts, start), amount)
            self.around.add(bisect_right(self.starts, end), -amount)
        elif span is not None and amount > 0:
            heapq.heappush(self.lows, (-span[0], group))
            heapq.heappush(self.highs, (span[1], group))

    def remove(self, group: int) -> None:
        """Take one member of a group out."""
        self.add(group, -1)

    def _top(self, heap: list[tuple[float, int]]) -> float | None:
        while heap and self.count[heap[0][1]] <= 0:
            heapq.heappop(heap)
        return heap[0][0] if heap else None

    def clashes(self, group: int) -> bool:
        """Whether some member's value cannot be true together with this group's."""
        kind = self.kinds[group]
        same_kind = self.by_kind[kind]
        if self.total > same_kind:
            return True
        value, span = self.values[group], self.ranges[group]
        if isinstance(value, str):
            if not self.numbers:
                return self._any_member(group)
            start, end = self.numbers[value]
            within = self.inside.prefix(bisect_right(self.starts, end)) - self.inside.prefix(
                bisect_left(self.starts, start)
            )
            around = self.around.prefix(bisect_left(self.starts, start) + 1)
            return same_kind - (within + around - self.count[group]) > 0
        if span is not None:
            low, high = self._top(self.lows), self._top(self.highs)
            return (low is not None and -low > span[1]) or (high is not None and high < span[0])
        return same_kind - self.count[group] > 0

    def _any_member(self, group: int) -> bool:
        within: Callable[[str, str], bool] = self.part_of.within
        value = self.values[group]
        return any(
            count > 0 and not compatible(value, self.values[other], self.predicate, within)
            for other, count in self.count.items()
        )
