"""Rows of (id, weight) pairs and runs of ids in :mod:`array` columns, read back as the tuples they replace.

:class:`~._index.ValueIndex` kept each value's providers and each source's values as
tuples of ``(id, weight)`` tuples: two tuples, an int and a float object a vote, about
220 bytes, for every vote of a run (issue 19). :class:`Ragged` holds them in three
columns, 12 bytes a vote and 8 a row, and :class:`Ranges` each question's run of value
ids in one column, 8 bytes a question; both give the same tuples when read, so the
code that reads them is unchanged. The arrays hold the floats exactly: every sum over
them is the same.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

__all__ = ["Ragged", "Ranges", "transposed"]

Votes = tuple[tuple[int, float], ...]
"""One row: (id, weight) pairs."""


class Ragged(Sequence[Votes]):
    """Row i is ``tuple(zip(ids[start[i]:start[i + 1]], weights[...]))``, made when it is read."""

    __slots__ = ("ids", "start", "weights")

    def __init__(self, start: array[int], ids: array[int], weights: array[float]) -> None:
        self.start, self.ids, self.weights = start, ids, weights

    @classmethod
    def of(cls, rows: Iterable[Iterable[tuple[int, float]]]) -> Ragged:
        """The rows, in their order."""
        start, ids, weights = array("q", [0]), array("i"), array("d")
        for row in rows:
            for i, weight in row:
                ids.append(i)
                weights.append(weight)
            start.append(len(ids))
        return cls(start, ids, weights)

    def __len__(self) -> int:
        return len(self.start) - 1

    def size(self, i: int) -> int:
        """The length of row ``i``, without making it."""
        return self.start[i + 1] - self.start[i]

    def row_ids(self, i: int) -> array[int]:
        """The ids of row ``i``."""
        return self.ids[self.start[i] : self.start[i + 1]]

    @overload
    def __getitem__(self, i: int) -> Votes: ...
    @overload
    def __getitem__(self, i: slice) -> list[Votes]: ...
    def __getitem__(self, i: int | slice) -> Votes | list[Votes]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        low, high = self.start[i], self.start[i + 1]
        return tuple(zip(self.ids[low:high], self.weights[low:high], strict=True))

    def __iter__(self) -> Iterator[Votes]:
        return (self[i] for i in range(len(self)))


class Ranges(Sequence[tuple[int, int]]):
    """Item i is ``(start[i], start[i + 1])``: the value ids of question i."""

    __slots__ = ("start",)

    def __init__(self, start: array[int]) -> None:
        self.start = start

    def __len__(self) -> int:
        return len(self.start) - 1

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, i: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self.start[i], self.start[i + 1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return itertools.pairwise(self.start)


def transposed(rows: Ragged, width: int) -> Ragged:
    """Row j of the result holds (i, weight) for every row i holding id j, in increasing i: a counting sort."""
    counted = array("q", [0]) * (width + 1)
    for j in rows.ids:
        counted[j + 1] += 1
    for j in range(width):
        counted[j + 1] += counted[j]
    fill = counted[:width]
    ids, weights = array("i", [0]) * len(rows.ids), array("d", [0.0]) * len(rows.ids)
    start = rows.start
    for i in range(len(rows)):
        for k in range(start[i], start[i + 1]):
            j = rows.ids[k]
            ids[fill[j]], weights[fill[j]] = i, rows.weights[k]
            fill[j] += 1
    return Ragged(counted, ids, weights)
