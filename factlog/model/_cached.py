"""Attributes computed once and kept in a slot, without slowing every other attribute.

attrs gives a slotted class that has a :class:`functools.cached_property` a generated
``__getattr__``, and a class with a ``__getattr__`` in Python loses CPython's fast
attribute lookup for *every* attribute, not only the cached ones (measured on
``Claim.proposition``: 37 ns against 12 ns on a plain slotted attrs class; see
``benchmarks/RESULTS.md``). The model uses two plain-Python means instead:

* a value needed often and cheap to compute (an interval's days, a date's text) is a
  slot, declared by a base class, that the class fills whenever it makes an object
  (``__attrs_post_init__``, its own fast constructors, and unpickling through
  :func:`unpickled`), and so is read at slot speed;
* a value that may never be needed and is large (a claim set's maps by id) is a
  :class:`cached_slot`: built on its first reading, then kept in a private slot
  ``_<name>`` (``_<name>_`` for a private ``_<name>``: a slot named ``__<name>`` would be
  mangled), also declared by a base class. Reading it costs a call; every other
  attribute of the class stays at slot speed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["cached_slot", "unpickled"]

_T = TypeVar("_T")
_fill = object.__setattr__


class cached_slot(Generic[_T]):
    """:class:`functools.cached_property` for a frozen slotted attrs class.

    The value is computed by the decorated method on the first reading and kept in the
    slot ``_<name>`` (for a private ``_<name>``, ``_<name>_``: the slot ``__<name>`` a
    class body declares is mangled), which a base class of the owner must declare. Assigning through
    ``object.__setattr__`` fills the slot (how a value computed elsewhere is shared);
    the owner's frozen ``__setattr__`` still refuses assignment by users.
    """

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        name = compute.__name__
        self.slot = f"{name}_" if name.startswith("_") else f"_{name}"
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type) -> cached_slot[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object, owner: type | None = None) -> _T | cached_slot[_T]:
        if instance is None:
            return self
        try:
            value: _T = getattr(instance, self.slot)
        except AttributeError:
            value = self.compute(instance)
            _fill(instance, self.slot, value)
        return value

    def __set__(self, instance: object, value: _T) -> None:
        _fill(instance, self.slot, value)


def unpickled(cls: type[_T], state: Any) -> _T:
    """An object of ``cls`` restored from the state its ``__getstate__`` gave, its kept slots filled.

    For ``__reduce__``: attrs' ``__setstate__`` restores the fields only, so the object's
    ``_fill_slots`` method fills the slots it keeps (as its constructors do).
    """
    made: Any = object.__new__(cls)
    made.__setstate__(state)
    made._fill_slots()
    result: _T = made
    return result
