"""The claims of one slot grouped by value: what the value rules share (:mod:`factlog.checks._values`)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Generic, TypeVar

from factlog.analysis import _phrasing as phrasing
from factlog.analysis._clashes import Clashes
from factlog.analysis._clashtable import ClashTable
from factlog.analysis._entry import _stated_order
from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._values import compatible, convertible, quantity_ranges
from factlog.model._nouns import DateValue, Predicate, Quantity
from factlog.model._vocabulary import object_key

__all__ = ["Kept", "Shared", "Values"]

_K = TypeVar("_K", bound="Hashable")
_V = TypeVar("_V")


class Kept(Generic[_K, _V]):
    """What was worked out for a list or set of values, by that key: every small key kept, the last few large ones.

    A key of at most :attr:`SMALL` values is kept for good (a slot's sets of claims
    alive together mostly give the same few values); of larger keys only the
    :attr:`LARGE` last used are, so a crowded slot whose values present change at
    every claim holds O(k) values for the k present, not a copy per change: 4,400
    claims of one slot, 400 of distinct agreeing figures alive throughout and 4,000
    of one day each, peaked at 1,042 MB with every key kept and at 52 MB so.
    """

    SMALL = 64
    LARGE = 16

    def __init__(self) -> None:
        self.small: dict[_K, _V] = {}
        self.large: OrderedDict[_K, _V] = OrderedDict()

    def __len__(self) -> int:
        return len(self.small) + len(self.large)

    def get(self, key: _K, size: int) -> _V | None:
        """What was kept for ``key`` (of ``size`` values), or None."""
        if size <= self.SMALL:
            return self.small.get(key)
        found = self.large.get(key)
        if found is not None:
            self.large.move_to_end(key)
        return found

    def keep(self, key: _K, size: int, value: _V) -> _V:
        """Keep ``value`` for ``key`` (of ``size`` values); past :attr:`LARGE` large keys, the least used goes."""
        if size <= self.SMALL:
            self.small[key] = value
        else:
            self.large[key] = value
            if len(self.large) > self.LARGE:
                self.large.popitem(last=False)
        return value


Shared = tuple[dict[tuple[Quantity, Quantity], "list[tuple[float, float]] | None"], Kept[tuple[object, ...], Clashes]]
"""Quantity conversions by pair, and sets of values (:class:`Clashes`) by their values' keys in order: a predicate's."""


class Values:
    """The claims of one slot grouped by value, with the pairwise test the rules share."""

    def __init__(
        self,
        index: Index,
        predicate: Predicate,
        value_of: Callable[[Entry], object],
        shared: Shared | None = None,
        names: dict[str, str] | None = None,
        *,
        keyed: bool = False,
    ) -> None:
        self.index, self.predicate, self.value_of = index, predicate, value_of
        # ``keyed``: value_of gives the reading's own object, whose object_key its key holds already.
        self._keyed = keyed
        # Conversions and built sets depend only on the values and the predicate: ``shared``
        # hands them from slot to slot of one predicate (None: this slot's own).
        self._ranges, self._clashes = ({}, Kept()) if shared is None else shared
        self._keys: dict[int, object] = {}  # by position: each claim's value key once per slot
        self._rank: dict[int, int] = {}  # by position: its place in chronological order (equal keys, equal places)
        self._said: dict[int, tuple[str, str]] = {}  # by position: the holder's name and the time in words
        self._names: dict[str, str] = {} if names is None else names  # by holder: its name (``names``: the rule's)
        self.order: dict[int, int] = {}
        """By position: each claim's place by rank, then position (filled by :meth:`rank`)."""

    def clashes(self, groups: Sequence[list[Entry]]) -> Clashes:
        """An empty :class:`Clashes` over the groups' values, conversions remembered for the whole slot (or predicate).

        The sets of claims alive on one day of a slot mostly give the same few values in
        the same order: each such list of values is counted once (a long list: while it
        is among the last few used, :class:`Kept`), and every later call gets an empty
        copy of it (:meth:`Clashes.empty` shares what was computed).
        """
        return self._built(groups).empty()

    def table(self, groups: Sequence[list[Entry]]) -> tuple[Clashes, ClashTable | None]:
        """The groups' :class:`Clashes`, never added to (its values, not members, are read), and their table.

        The table (:class:`ClashTable`) is built once per list of values, as the set is,
        and only for at most :attr:`ClashTable.MAX` groups: None past it.
        """
        built = self._built(groups)
        if built.table is None and len(groups) <= ClashTable.MAX:
            built.table = ClashTable(built)
        return built, built.table

    def _built(self, groups: Sequence[list[Entry]]) -> Clashes:
        """The groups' :class:`Clashes`, kept by their values' keys (:func:`object_key`: what Clashes reads of them).

        Values with one key have the same bounds, unit, dates or text, so they clash
        alike; a tuple of keys hashes in C, where a tuple of values calls each value's own hash.
        """
        keys = tuple(self.key(group[0]) for group in groups)
        built = self._clashes.get(keys, len(keys))
        if built is None:
            made = Clashes(
                [self.value_of(group[0]) for group in groups], self.predicate, self.index.part_of(), self.ranges
            )
            built = self._clashes.keep(keys, len(keys), made)
        return built

    def ranges(self, first: Quantity, second: Quantity) -> list[tuple[float, float]] | None:
        """:func:`quantity_ranges` of two quantities in the unit of the first that gives one, remembered.

        Each conversion once per slot; in the first's unit, as :class:`Clashes` keeps a frame per unit.
        """
        key = (first, second)
        if key not in self._ranges:
            self._ranges[key] = quantity_ranges([first, second], self.predicate, first.unit or second.unit)
        return self._ranges[key]

    def rank(self, entries: Sequence[Entry]) -> None:
        """Number the slot's claims in :func:`chronological` order once: each clique is then sorted by number.

        Also fills :attr:`order`: each claim's place by rank, then position (what a stable
        sort by rank makes of claims in position order).
        """
        # chronological()'s order, each claim's key found once (an Interval's sort_key is its span);
        # the numbers break ties as a stable sort would, so the entries are never compared.
        keyed = sorted(zip(map(_stated_order, entries), range(len(entries)), entries, strict=True))
        place, last = -1, None
        rank = self._rank
        for key, _, entry in keyed:
            if key != last:
                place, last = place + 1, key
            rank[entry.position] = place
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
                key = keys[entry.position] = self._value_key(entry)
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
            key = self._keys[entry.position] = self._value_key(entry)
        return key

    def _value_key(self, entry: Entry) -> object:
        """:func:`object_key` of the claim's value: read from its key when the value is its own object."""
        key = entry.key
        if self._keyed and key is not None:
            return key[2]
        return object_key(self.value_of(entry))

    def by_holders(self, group: Sequence[Entry], *, times: bool) -> str:
        """:func:`phrasing.by_holders`, each claim's words found once a slot (it is named on every day it is alive)."""
        return phrasing.by_holders(self.index, group, times=times, said=self._said, names=self._names)

    def clash(self, first: list[Entry], second: list[Entry]) -> bool:
        return not compatible(self.value_of(first[0]), self.value_of(second[0]), self.predicate, self.index.within)

    def convertible(self, first: list[Entry], second: list[Entry]) -> bool:
        """:func:`convertible` of the two groups' values, each pair of quantities converted once (:meth:`ranges`)."""
        one, other = self.value_of(first[0]), self.value_of(second[0])
        if isinstance(one, Quantity) and isinstance(other, Quantity):
            return self.ranges(one, other) is not None
        return convertible(one, other, self.predicate)

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
