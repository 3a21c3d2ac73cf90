"""Which value groups clash, without comparing every pair: the answers :func:`compatible` gives, by counting.

A set of values (one per group of claims, the groups numbered by position) answers
"how many members agree with this value, how many clash with it?" as
:func:`~factlog.analysis._values.compatible` would, pair by pair, but by counting in
O(log n): values of another type always clash; entities agree when one lies within
the other (the ``part_of`` forest is numbered, so the members within or around an
entity are counted with Fenwick trees); dates agree when their spans of days meet;
quantities agree when their ranges meet *after conversion* (each widened by the
tolerance in its own unit first: :func:`~factlog.analysis._values.quantity_ranges`),
so each unit present has a frame of the members' ranges in it; anything else agrees
only when equal, and groups hold distinct values. A ``part_of`` with several wholes
per entity falls back to asking :func:`compatible` of each member.

Figures in different units compare in the unit of the one asked about, where the
pairwise rule uses the smaller spelling of the two: as the tolerance widens each figure
in its own unit and the margin converts as a difference, they can differ only by the
rounding of a conversion, at bounds that touch exactly.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from factlog.analysis._places import PartOf
from factlog.analysis._values import compatible, unit_dimension, value_range
from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._vocabulary import ObjectKey, object_key, unit_slug

if TYPE_CHECKING:
    from factlog.analysis._clashtable import ClashTable

__all__ = ["Clashes", "PairRanges"]

PairRanges = Callable[[Quantity, Quantity], "list[tuple[float, float]] | None"]
"""``quantity_ranges([first, second], predicate)``, remembered by the caller across calls."""


_T = TypeVar("_T")


def _shallow(item: _T) -> _T:
    """A copy sharing every attribute: what ``copy.copy`` gives a plain object, without its protocol's cost."""
    other = object.__new__(type(item))
    other.__dict__.update(item.__dict__)
    return other


class _Fenwick:
    """Prefix sums over positions 0..size-1 with point updates, O(log n) each."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 1)

    def add(self, position: int, amount: int) -> None:
        tree = self.tree
        size = len(tree)
        position += 1
        while position < size:
            tree[position] += amount
            position += position & -position

    def prefix(self, end: int) -> int:
        """The sum of positions below ``end``."""
        tree, total = self.tree, 0
        while end > 0:
            total += tree[end]
            end -= end & -end
        return total


class _Frame:
    """Ranges of some groups in one unit (group -> range): how many members a range meets, in O(log n)."""

    def __init__(self, ranges: dict[int, tuple[float, float]]) -> None:
        self.ranges = ranges
        self.lows = sorted({low for low, _ in ranges.values()})
        self.highs = sorted({high for _, high in ranges.values()})
        # Where each group's bounds stand among them: found once, not at every add.
        self.places = {
            group: (bisect_left(self.lows, low), bisect_left(self.highs, high)) for group, (low, high) in ranges.items()
        }
        self._empty()

    def _empty(self) -> None:
        self.low_tree, self.high_tree, self.total = _Fenwick(len(self.lows)), _Fenwick(len(self.highs)), 0

    def empty(self) -> _Frame:
        if not self.ranges:
            return self  # no group has a range here: add() changes nothing, so one frame serves every copy
        other = _shallow(self)
        other._empty()
        return other

    def add(self, group: int, amount: int) -> None:
        found = self.places.get(group)
        if found is not None:
            self.low_tree.add(found[0], amount)
            self.high_tree.add(found[1], amount)
            self.total += amount

    def meeting(self, low: float, high: float) -> int:
        """Members whose range shares a point with ``[low, high]`` (bounds included)."""
        below = self.high_tree.prefix(bisect_left(self.highs, low))
        above = self.total - self.low_tree.prefix(bisect_right(self.lows, high))
        return self.total - below - above


class _Units:
    """The quantities of a set of groups, in a frame per unit: what a pairwise comparison of two would convert to.

    A pair compares in the unit of the quantity that gives one (the earlier, when both
    do); a quantity without a unit is read in the other's unit. So a quantity in unit
    ``U`` meets, in frame ``U``, the members convertible to ``U`` and those without a
    unit; one without a unit meets, in each unit ``V``, the members in ``V`` as they
    are. A frame whose unit the predicate's ``margin`` does not convert to has none:
    its pairs do not convert.
    """

    def __init__(self, values: Sequence[object], ranges: PairRanges) -> None:
        self.unit: dict[int, str | None] = {
            n: None if v.unit is None else unit_slug(v.unit) for n, v in enumerate(values) if isinstance(v, Quantity)
        }
        first: dict[str | None, Quantity] = {}
        for n, unit in self.unit.items():
            value = values[n]
            assert isinstance(value, Quantity)
            first.setdefault(unit, value)
        ok = {unit: ranges(value, value) is not None for unit, value in first.items()}
        units = [unit for unit in first if unit is not None]
        # Dimensions only when units differ: pint's registry takes a while to build.
        dimensions = {unit: _dimension(first[unit]) if len(units) > 1 else None for unit in units}
        self.family: dict[str, set[str]] = {}
        for unit, dimension in dimensions.items():
            self.family[unit] = {
                other
                for other, seen in dimensions.items()
                if other == unit
                or (dimension is not None and seen == dimension and ranges(first[unit], first[other]) is not None)
            }
        self.own: dict[tuple[int, str | None], tuple[float, float]] = {}
        frames: dict[str, dict[int, tuple[float, float]]] = {}
        raw: dict[str | None, dict[int, tuple[float, float]]] = {}
        for n, unit in self.unit.items():
            value = values[n]
            assert isinstance(value, Quantity)
            if unit is not None:
                if ok[unit]:
                    self.own[(n, unit)] = raw.setdefault(unit, {})[n] = _pair(ranges, value, value)[0]
                    for target in (other for other in self.family[unit] if ok[other]):
                        frames.setdefault(target, {})[n] = _pair(ranges, first[target], value)[1]
                continue
            raw.setdefault(None, {})[n] = self.own[(n, None)] = _pair(ranges, value, value)[0]
            for other in first:
                if other is not None and ok[other]:
                    frames.setdefault(other, {})[n] = _pair(ranges, first[other], value)[1]
                    self.own[(n, other)] = _pair(ranges, value, first[other])[0]
        self.frames = {unit: _Frame(found) for unit, found in frames.items() if ok[unit]}
        self.raw = {unit: _Frame(found) for unit, found in raw.items()}
        self.every = [*self.frames.values(), *self.raw.values()]
        self.ok = ok
        self._empty()

    def _empty(self) -> None:
        self.by_unit: Counter[str | None] = Counter()

    def empty(self) -> _Units:
        if not self.unit:
            return self  # no quantity: Clashes never adds to it, so one serves every copy
        other = _shallow(self)
        other.frames = {unit: frame.empty() for unit, frame in self.frames.items()}
        other.raw = {unit: frame.empty() for unit, frame in self.raw.items()}
        other.every = [*other.frames.values(), *other.raw.values()]
        other._empty()
        return other

    def add(self, group: int, amount: int) -> None:
        unit = self.unit[group]
        self.by_unit[unit] += amount
        for frame in self.every:
            frame.add(group, amount)

    def agreeing(self, group: int) -> int:
        """Members (this group's own included) whose range meets this group's, converted as a pair would be."""
        unit = self.unit[group]
        if unit is not None:
            frame = self.frames.get(unit)
            return 0 if frame is None else frame.meeting(*self.own[(group, unit)])
        return sum(frame.meeting(*self.own[(group, other)]) for other, frame in self.raw.items() if self.ok[other])

    def unconvertible(self, group: int, total: int) -> int:
        """Members that cannot be compared with this group: units (or the margin) that do not convert."""
        unit = self.unit[group]
        if unit is None:
            return sum(count for other, count in self.by_unit.items() if not self.ok[other])
        frame = self.frames.get(unit)
        return total - (0 if frame is None else frame.total)


def _nested(intervals: list[tuple[int, int]]) -> bool:
    """Whether one of these intervals of a forest (sorted; they nest or lie apart) lies within another."""
    return any(start <= previous for (_, previous), (start, _) in itertools.pairwise(intervals))


def _dimension(value: Quantity) -> str | None:
    assert value.unit is not None
    return unit_dimension(value.unit)


def _pair(ranges: PairRanges, first: Quantity, second: Quantity) -> list[tuple[float, float]]:
    found = ranges(first, second)
    assert found is not None
    return found


class Clashes:
    """A multiset of value groups (by number) that counts the members clashing with a group's value.

    ``values``: one value per group, the groups' numbers being their positions;
    ``ranges``: :func:`~factlog.analysis._values.quantity_ranges` of two quantities.
    Groups may repeat a value (a finding's groups after joining). Adding, removing and
    asking cost O(log n) per unit present (O(n) per question under a ``part_of`` with
    several wholes per entity).
    """

    def __init__(self, values: Sequence[object], predicate: Predicate, part_of: PartOf, ranges: PairRanges) -> None:
        self.values, self.predicate, self.part_of = values, predicate, part_of
        self.kinds = [type(v) for v in values]
        self.keys = [object_key(v) for v in values]
        self.numbers: dict[str, tuple[int, int]] = {}
        if part_of.tree:
            extra = 1 << 62
            for name in sorted({v for v in values if isinstance(v, str)}):
                interval = part_of.interval(name)
                if interval is None:
                    interval = (extra, extra)
                    extra += 1
                self.numbers[name] = interval
        self.starts = sorted(start for start, _ in self.numbers.values())
        # How entities compare: "forest" by their numbers; "flat" (none lies within another of
        # these) by equality; "graph" (several wholes per entity) by compatible().
        self.entities = "forest" if self.numbers else "graph"
        if self.numbers and not _nested(sorted(self.numbers.values())):
            self.entities, self.numbers, self.starts = "flat", {}, []
        dates: dict[int, tuple[float, float]] = {}
        for n, value in enumerate(values):
            span = value_range(value) if isinstance(value, DateValue) else None
            if span is not None:
                dates[n] = span
        self.dates = _Frame(dates)
        self.units = _Units(values, ranges)
        self.table: ClashTable | None = None
        """The pairs as a table (:class:`~factlog.analysis._clashtable.ClashTable`), once someone built it."""
        self._empty()

    def empty(self) -> Clashes:
        """A set of the same groups with no members, sharing what was computed of their values."""
        other = _shallow(self)
        other.dates = self.dates.empty()
        other.units = self.units.empty()
        other._empty()
        return other

    def _empty(self) -> None:
        self.count: Counter[int] = Counter()
        self.by_kind: Counter[type] = Counter()
        self.by_key: Counter[ObjectKey] = Counter()
        self.total = 0
        self.inside = _Fenwick(len(self.starts))
        """Members by their own number: how many lie within an entity."""
        self.around = _Fenwick(len(self.starts) + 1)
        """+1 at each member's number, -1 past its last: how many contain an entity."""

    def add(self, group: int, amount: int = 1) -> None:
        """Put ``amount`` members of a group in (negative: take them out)."""
        self.count[group] += amount
        kind = self.kinds[group]
        self.by_kind[kind] += amount
        self.by_key[self.keys[group]] += amount
        self.total += amount
        value = self.values[group]
        if kind is str and self.entities == "forest":
            assert isinstance(value, str)
            start, end = self.numbers[value]
            self.inside.add(bisect_left(self.starts, start), amount)
            self.around.add(bisect_left(self.starts, start), amount)
            self.around.add(bisect_right(self.starts, end), -amount)
        elif kind is DateValue:
            self.dates.add(group, amount)
        elif kind is Quantity:
            self.units.add(group, amount)

    def remove(self, group: int) -> None:
        """Take one member of a group out."""
        self.add(group, -1)

    def agreeing(self, group: int) -> int:
        """Members of other groups whose value can be true together with this group's."""
        kind, value, own = self.kinds[group], self.values[group], self.count[group]
        if kind is str:
            assert isinstance(value, str)
            if self.entities == "flat":
                return self.by_key[self.keys[group]] - own
            if self.entities == "graph":
                return self._agreeing_members(group)
            start, end = self.numbers[value]
            within = self.inside.prefix(bisect_right(self.starts, end)) - self.inside.prefix(
                bisect_left(self.starts, start)
            )
            around = self.around.prefix(bisect_left(self.starts, start) + 1)
            return within + around - self.by_key[self.keys[group]] - own  # a member equal to it is in both
        if kind is DateValue:
            span = self.dates.ranges.get(group)
            return 0 if span is None else self.dates.meeting(*span) - own
        if kind is Quantity:
            return max(self.units.agreeing(group) - own, 0)
        return self.by_key[self.keys[group]] - own

    def clashing(self, group: int) -> int:
        """Members of other groups whose value cannot be true together with this group's."""
        return self.total - self.count[group] - self.agreeing(group)

    def unconvertible(self, group: int) -> int:
        """Members of other groups that are quantities in units this group's do not convert to."""
        if self.kinds[group] is not Quantity:
            return 0
        quantities = self.by_kind[Quantity]
        return self.units.unconvertible(group, quantities) - (self.count[group] if self._alone(group) else 0)

    def _alone(self, group: int) -> bool:
        """Whether this group's own members count among the unconvertible (its frame has none)."""
        unit = self.units.unit[group]
        return unit is not None and unit not in self.units.frames

    def _agreeing_members(self, group: int) -> int:
        within: Callable[[str, str], bool] = self.part_of.within
        value = self.values[group]
        return sum(
            count
            for other, count in self.count.items()
            if other != group and count > 0 and compatible(value, self.values[other], self.predicate, within)
        )
