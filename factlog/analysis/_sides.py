"""Sides of a finding: values that all agree with one another, tested against a newcomer at once."""

from __future__ import annotations

from collections.abc import Callable

from factlog.analysis._clashes import Clashes
from factlog.analysis._values import compatible
from factlog.model._nouns import DateValue, Quantity

__all__ = ["Side"]


class Side:
    """Values that all agree with one another, summed up so that a newcomer is tested against all at once.

    Members' ranges meet pairwise, so a range agrees with every member exactly when it
    meets the highest low and the lowest high among them (per unit frame, as
    :class:`Clashes` converts); entities of a ``part_of`` forest that agree pairwise
    lie on one line, so an entity agrees with all exactly when it agrees with the
    deepest. The pairwise test, with the newcomer first: :func:`compatible`. O(1) per
    test and per member for ranges and entities of a forest; O(members) otherwise.
    """

    def __init__(self, clashes: Clashes, group: int) -> None:
        self.clashes, self.members = clashes, [group]
        self.kind = clashes.kinds[group]
        self.deepest: tuple[int, int] | None = None
        self.bounds: dict[tuple[str, str | None], tuple[int, float, float]] = {}
        self._take(group)

    def _frames(self, group: int) -> list[tuple[tuple[str, str | None], tuple[float, float]]]:
        """The frames a member's range is in, with the range: its date span, or its quantity in each unit."""
        clashes = self.clashes
        if self.kind is DateValue:
            span = clashes.dates.ranges.get(group)
            return [] if span is None else [(("date", None), span)]
        units = clashes.units
        found: list[tuple[tuple[str, str | None], tuple[float, float]]] = [
            (("frame", unit), frame.ranges[group]) for unit, frame in units.frames.items() if group in frame.ranges
        ]
        found += [(("raw", unit), frame.ranges[group]) for unit, frame in units.raw.items() if group in frame.ranges]
        return found

    def _take(self, group: int) -> None:
        if self.kind is str and self.clashes.entities == "forest":
            value = self.clashes.values[group]
            assert isinstance(value, str)
            number = self.clashes.numbers[value]
            if self.deepest is None or number[0] > self.deepest[0]:
                self.deepest = number
        elif self.kind in (DateValue, Quantity):
            for key, (low, high) in self._frames(group):
                count, top_low, bottom_high = self.bounds.get(key, (0, low, high))
                self.bounds[key] = (count + 1, max(top_low, low), min(bottom_high, high))

    def add(self, group: int) -> None:
        """Put a group in (one that :meth:`admits`)."""
        self.members.append(group)
        self._take(group)

    def admits(self, group: int) -> bool:
        """Whether the group's value agrees with every member's."""
        clashes = self.clashes
        if clashes.kinds[group] is not self.kind:
            return False
        value = clashes.values[group]
        if self.kind is str and clashes.entities == "flat":
            return clashes.keys[group] == clashes.keys[self.members[0]]
        if self.kind is str and clashes.entities == "forest":
            assert isinstance(value, str)
            assert self.deepest is not None
            own = clashes.numbers[value]
            deep = self.deepest
            return (deep[0] <= own[0] and own[1] <= deep[1]) or (own[0] <= deep[0] and deep[1] <= own[1])
        if self.kind is DateValue:
            return self._meets(group, [("date", None)])
        if self.kind is Quantity:
            unit = clashes.units.unit[group]
            if unit is not None:
                return self._meets(group, [("frame", unit)])
            return self._meets(group, [key for key in self.bounds if key[0] == "raw"])
        within: Callable[[str, str], bool] = clashes.part_of.within
        return all(compatible(value, clashes.values[m], clashes.predicate, within) for m in self.members)

    def _meets(self, group: int, keys: list[tuple[str, str | None]]) -> bool:
        """Whether the group's range in these frames meets every member's, and every member is in one of them."""
        clashes, total = self.clashes, 0
        for key in keys:
            found = self.bounds.get(key)
            if found is None:
                continue
            count, top_low, bottom_high = found
            if key[0] == "date":
                own = clashes.dates.ranges[group]
            else:
                own_range = clashes.units.own.get((group, key[1]))
                if own_range is None:
                    return False
                own = own_range
            if own[0] > bottom_high or own[1] < top_low:
                return False
            total += count
        return total == len(self.members)
