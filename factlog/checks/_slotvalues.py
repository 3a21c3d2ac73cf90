"""The claims of one slot grouped by value: what the value rules share (:mod:`factlog.checks._values`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._clashes import Clashes
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._values import compatible, convertible, quantity_ranges
from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._vocabulary import object_key

__all__ = ["Shared", "Values"]


Shared = tuple[dict[tuple[Quantity, Quantity], "list[tuple[float, float]] | None"], dict[tuple[object, ...], Clashes]]
"""Quantity conversions by pair, and sets of values (:class:`Clashes`) by their values in order: one predicate's."""


class Values:
    """The claims of one slot grouped by value, with the pairwise test the rules share."""

    def __init__(
        self,
        index: Index,
        predicate: Predicate,
        value_of: Callable[[Entry], object],
        shared: Shared | None = None,
    ) -> None:
        self.index, self.predicate, self.value_of = index, predicate, value_of
        # Conversions and built sets depend only on the values and the predicate: ``shared``
        # hands them from slot to slot of one predicate (None: this slot's own).
        self._ranges, self._clashes = ({}, {}) if shared is None else shared
        self._keys: dict[int, object] = {}  # by position: each claim's value key once per slot
        self._rank: dict[int, int] = {}  # by position: its place in chronological order (equal keys, equal places)
        self._said: dict[int, tuple[str, str]] = {}  # by position: the holder's name and the time in words
        self.order: dict[int, int] = {}
        """By position: each claim's place by rank, then position (filled by :meth:`rank`)."""

    def clashes(self, groups: Sequence[list[Entry]]) -> Clashes:
        """An empty :class:`Clashes` over the groups' values, conversions remembered for the whole slot (or predicate).

        The sets of claims alive on one day of a slot mostly give the same few values in
        the same order: each such list of values is counted once, and every later call
        gets an empty copy of it (:meth:`Clashes.empty` shares what was computed).
        """
        values = tuple(self.value_of(group[0]) for group in groups)
        built = self._clashes.get(values)
        if built is None:
            built = self._clashes[values] = Clashes(list(values), self.predicate, self.index.part_of(), self.ranges)
        return built.empty()

    def ranges(self, first: Quantity, second: Quantity) -> list[tuple[float, float]] | None:
        """:func:`quantity_ranges` of two quantities, remembered: each conversion once per slot."""
        key = (first, second)
        if key not in self._ranges:
            self._ranges[key] = quantity_ranges([first, second], self.predicate)
        return self._ranges[key]

    def rank(self, entries: Sequence[Entry]) -> None:
        """Number the slot's claims in :func:`chronological` order once: each clique is then sorted by number.

        Also fills :attr:`order`: each claim's place by rank, then position (what a stable
        sort by rank makes of claims in position order).
        """
        place, last = -1, None
        for entry in chronological(entries):
            key = (entry.stated.sort_key if entry.stated else (0, 0), entry.id)
            if key != last:
                place, last = place + 1, key
            self._rank[entry.position] = place
        rank = self._rank
        by_rank = sorted((rank[e.position], e.position) for e in entries)
        self.order = {position: number for number, (_, position) in enumerate(by_rank)}

    def groups(self, entries: Sequence[Entry], *, ordered: bool = False) -> dict[object, list[Entry]]:
        """The claims by value, each group in :func:`chronological` order (a stable sort by rank gives it).

        ``ordered``: the claims come in :attr:`order` already (a clique numbered by it), and are not sorted again.
        """
        rank, keys = self._rank, self._keys
        if not ordered:
            try:
                entries = sorted(entries, key=lambda e: rank[e.position])
            except KeyError:  # a claim not ranked: sorted the long way
                entries = chronological(entries)
        found: dict[object, list[Entry]] = {}
        for entry in entries:
            key = keys.get(entry.position)
            if key is None:
                key = keys[entry.position] = object_key(self.value_of(entry))
            group = found.get(key)
            if group is None:
                found[key] = [entry]
            else:
                group.append(entry)
        return found

    def key(self, entry: Entry) -> object:
        """The claim's value key (:func:`object_key`): what :meth:`groups` groups by, found once per slot."""
        key = self._keys.get(entry.position)
        if key is None:
            key = self._keys[entry.position] = object_key(self.value_of(entry))
        return key

    def by_holders(self, group: Sequence[Entry], *, times: bool) -> str:
        """:func:`phrasing.by_holders`, each claim's words found once a slot (it is named on every day it is alive)."""
        return phrasing.by_holders(self.index, group, times=times, said=self._said)

    def clash(self, first: list[Entry], second: list[Entry]) -> bool:
        return not compatible(self.value_of(first[0]), self.value_of(second[0]), self.predicate, self.index.within)

    def convertible(self, first: list[Entry], second: list[Entry]) -> bool:
        return convertible(self.value_of(first[0]), self.value_of(second[0]), self.predicate)

    def exact(self, group: list[Entry]) -> bool:
        """Whether the group's value has no approximate or uncertain bound (a date value ``1961~`` has)."""
        value = self.value_of(group[0])
        return not isinstance(value, DateValue) or value.date.exact

    def name(self, entry: Entry) -> str:
        value = self.value_of(entry)
        return self.index.name(value) if isinstance(value, str) else "nothing" if value is None else str(value)

    def side(self, entry: Entry) -> str:
        value = self.value_of(entry)
        return "nothing" if value is None else value if isinstance(value, str) else str(value)
