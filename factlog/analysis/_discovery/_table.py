"""The reported dependences of a run in :mod:`array` columns: a sequence that builds each :class:`Dependence` on access.

AccuCopy reports every pair of sources whose posterior of copying reaches the
threshold; on generated claim sets that is about half of all pairs of sources that
share a value, millions at a million claims. One :class:`Dependence` object each (two
names, three floats, five counts: about 400 bytes with its floats and the tuple that
holds it) decided the peak memory of ``assess_lines`` after the rounds (issue 19).
:class:`DependenceTable` keeps them in columns, 53 bytes a pair: the pairs in (a, b)
order, found by source number in O(log P), and the order in which the sequence gives
them (most probable first, then by names), each :class:`Dependence` made when it is
read. Standard library only.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from factlog._sequences import TupleView
from factlog.analysis._discovery._results import Dependence

__all__ = ["DependenceTable", "Row"]

Row = tuple[int, int, float, float, float, bool, int, int, int, int, int]
"""One pair as :meth:`DependenceTable.of_rows` takes it: (a, b, probability, a copies b, b copies a, declared,
shared items, same values, unique values, false values, agreeing items), a < b source numbers."""

CHUNK = 1 << 18
"""Rows sorted at once when the order is found: the sort's key objects never exceed this many."""


class DependenceTable(TupleView[Dependence]):
    """Dependences (``source_a < source_b``) in columns, given most probable first, then by names.

    ``sources`` are the run's source names, sorted; row r (rows in (a, b) order) is a
    pair of source ``a`` for ``first[a] <= r < first[a + 1]``, its other source
    ``partner[r]``; ``probability``, ``a_copies``, ``b_copies`` hold its posteriors,
    ``declared[r]`` 1 for a declared pair, and ``shared_items``, ``same_values``,
    ``unique_values``, ``false_values``, ``agreeing_items`` its counts (the fields of
    :class:`Dependence`). Item k of the sequence is row ``order[k]``. Equal to the
    tuple of the same :class:`Dependence` objects, and hashed as it is.
    """

    __slots__ = (
        "a_copies",
        "agreeing_items",
        "b_copies",
        "declared",
        "false_values",
        "first",
        "order",
        "partner",
        "probability",
        "same_values",
        "shared_items",
        "sources",
        "unique_values",
    )

    def __init__(self, sources: Sequence[str]) -> None:
        self.sources = tuple(sources)
        self.first = array("q", [0])
        self.partner = array("i")
        self.probability, self.a_copies, self.b_copies = array("d"), array("d"), array("d")
        self.declared = bytearray()
        self.shared_items, self.same_values, self.unique_values = array("i"), array("i"), array("i")
        self.false_values, self.agreeing_items = array("i"), array("i")
        self.order = array("i")

    @classmethod
    def of_rows(cls, sources: Sequence[str], rows: Iterable[Row]) -> DependenceTable:
        """The table of ``rows`` (read one at a time), which must come in increasing (a, b) order with a < b.

        ``sources`` are sorted names (a source number is a position in them). Raises
        :class:`ValueError` for a row out of order or a source number out of range.
        """
        table = cls(sources)
        count = len(table.sources)
        first, last = table.first, (-1, -1)
        for a, b, probability, a_copies, b_copies, declared, *counts in rows:
            if not (last < (a, b) and 0 <= a < b < count):
                raise ValueError(f"dependence rows must come in increasing (a, b) order, a < b: {(a, b)} after {last}")
            last = (a, b)
            while len(first) <= a:
                first.append(len(table.partner))
            table.partner.append(b)
            table.probability.append(probability)
            table.a_copies.append(a_copies)
            table.b_copies.append(b_copies)
            table.declared.append(declared)
            for column, value in zip(table._counts(), counts, strict=True):
                column.append(value)
        while len(first) <= count:
            first.append(len(table.partner))
        table.order = _order(table.probability)
        return table

    @classmethod
    def of(cls, dependences: Iterable[Dependence]) -> DependenceTable:
        """The table of these dependences (in any order), numbered over the names they hold."""
        found = list(dependences)
        sources = sorted({name for d in found for name in (d.source_a, d.source_b)})
        number = {name: i for i, name in enumerate(sources)}
        rows = sorted(
            (
                number[d.source_a],
                number[d.source_b],
                d.probability,
                d.a_copies_b,
                d.b_copies_a,
                d.declared,
                d.shared_items,
                d.same_values,
                d.unique_values,
                d.false_values,
                d.agreeing_items,
            )
            for d in found
        )
        return cls.of_rows(sources, rows)

    def _counts(self) -> tuple[array[int], ...]:
        return (self.shared_items, self.same_values, self.unique_values, self.false_values, self.agreeing_items)

    def row(self, a: int, b: int) -> int | None:
        """The row of the pair of source numbers ``a`` and ``b`` (either order), or None when it is not reported."""
        if a > b:
            a, b = b, a
        if not 0 <= a < len(self.first) - 1:
            return None
        low, high = self.first[a], self.first[a + 1]
        i = bisect_left(self.partner, b, low, high)
        return i if i < high and self.partner[i] == b else None

    def number(self, source: str) -> int | None:
        """The number of a source among :attr:`sources`, or None when no reported pair names it."""
        i = bisect_left(self.sources, source)
        return i if i < len(self.sources) and self.sources[i] == source else None

    def dependence(self, row: int) -> Dependence:
        """Row ``row`` (in (a, b) order) as a :class:`Dependence`."""
        a = bisect_right(self.first, row) - 1
        return Dependence(
            source_a=self.sources[a],
            source_b=self.sources[self.partner[row]],
            probability=self.probability[row],
            a_copies_b=self.a_copies[row],
            b_copies_a=self.b_copies[row],
            declared=bool(self.declared[row]),
            shared_items=self.shared_items[row],
            same_values=self.same_values[row],
            unique_values=self.unique_values[row],
            false_values=self.false_values[row],
            agreeing_items=self.agreeing_items[row],
        )

    def __len__(self) -> int:
        return len(self.order)

    def _at(self, position: int) -> Dependence:
        return self.dependence(self.order[position])

    def __repr__(self) -> str:
        return f"DependenceTable({tuple(self)!r})"

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its columns (an :mod:`array` pickles as its bytes): no object per pair, for a Dask worker too."""
        return (_rebuilt, (self.sources, *(getattr(self, name) for name in _COLUMNS)))


_COLUMNS = (
    "first",
    "partner",
    "probability",
    "a_copies",
    "b_copies",
    "declared",
    "shared_items",
    "same_values",
    "unique_values",
    "false_values",
    "agreeing_items",
    "order",
)


def _rebuilt(sources: tuple[str, ...], *columns: object) -> DependenceTable:
    table = DependenceTable(sources)
    for name, column in zip(_COLUMNS, columns, strict=True):
        setattr(table, name, column)
    return table


def _order(probability: array[float]) -> array[int]:
    """Row numbers by decreasing probability, rows of equal probability in row order: a stable sort, by chunks.

    Each chunk of :data:`CHUNK` rows is sorted alone (a stable sort keeps (a, b) order
    among equal probabilities) into an array, and the chunks are merged, earlier chunks
    first on ties (as :func:`heapq.merge` breaks them): the sort's lists of objects
    never hold more than one chunk, whatever the number of rows.
    """
    size = len(probability)
    negative = array("d", (-p for p in probability))
    key = negative.__getitem__
    chunks = [array("i", sorted(range(start, min(size, start + CHUNK)), key=key)) for start in range(0, size, CHUNK)]
    if len(chunks) <= 1:
        return chunks[0] if chunks else array("i")
    return array("i", heapq.merge(*chunks, key=key))
