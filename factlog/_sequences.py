"""A read-only sequence that builds its items on access and otherwise behaves as the tuple of them.

Large results kept in compact form (the compressed findings of ``check_lines``, the
columns of reported dependences) are handed out as one of these: indexing, slicing
(to a tuple), iteration, ``in``, ``index``, ``count``, ``reversed``, ``+``, ``*``, equality
and hashing all answer as ``tuple(self)`` would, without holding every item at once.
"""

from __future__ import annotations

import operator
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from typing import TypeVar, overload

__all__ = ["TupleView"]

T = TypeVar("T")


class TupleView(Sequence[T]):
    """Subclasses give ``__len__`` and ``_at(position)`` (0 ≤ position < len); the rest is the tuple's behaviour.

    Raises :class:`IndexError` for a position out of range and :class:`TypeError` for an
    index that is no integer or slice, as a tuple does.
    """

    __slots__ = ()

    @abstractmethod
    def _at(self, position: int) -> T:
        """The item at ``position``, built from the compact form."""

    @overload
    def __getitem__(self, position: int) -> T: ...
    @overload
    def __getitem__(self, position: slice) -> tuple[T, ...]: ...
    def __getitem__(self, position: int | slice) -> T | tuple[T, ...]:
        size = len(self)
        if isinstance(position, slice):
            return tuple(self._at(at) for at in range(*position.indices(size)))
        at = operator.index(position)
        if at < 0:
            at += size
        if not 0 <= at < size:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._at(at)

    def __iter__(self) -> Iterator[T]:
        return map(self._at, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | TupleView):
            return NotImplemented
        return len(self) == len(other) and all(mine == theirs for mine, theirs in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: object) -> tuple[T, ...]:
        if not isinstance(other, tuple | TupleView):
            return NotImplemented
        return (*self, *other)

    def __radd__(self, other: object) -> tuple[T, ...]:
        if not isinstance(other, tuple):
            return NotImplemented
        return (*other, *self)

    def __mul__(self, times: object) -> tuple[T, ...]:
        if not hasattr(times, "__index__"):
            return NotImplemented
        return tuple(self) * operator.index(times)

    __rmul__ = __mul__
