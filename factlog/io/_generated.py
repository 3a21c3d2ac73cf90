"""What the generated readers and writers share: the source of a generated function, and the types they name.

:mod:`factlog.io._records` generates readers from the model's attrs classes and
:mod:`factlog.io._writers` writers; each builds its Python text in a :class:`Source`,
binds the objects the text names, and compiles it.
"""

from __future__ import annotations

import functools
import hashlib
import linecache
import typing
from typing import Any

from attrs import validators as v

from factlog.io._interning import Refused, intern_id
from factlog.io._interning import fail as _fail
from factlog.io._parsing import LARGE
from factlog.model import _fields as fields
from factlog.model._fields import instance_of
from factlog.model._literals import object_value
from factlog.model._nouns import Object

__all__ = [
    "FLOATS",
    "INLINE",
    "INLINE_AFTER",
    "INLINE_OPTIONAL",
    "NOT_TEXT",
    "OBJECT",
    "QUALIFIERS",
    "Source",
    "flatten",
    "implied",
    "twin",
    "without_none",
]

QUALIFIERS = tuple[tuple[str, str], ...]
"""The type of a proposition's qualifiers."""
OBJECT = Object | None
"""The type of a proposition's object."""

# Validators whose meaning the generated code carries inline, named by what it calls.
INLINE = {
    fields.is_id: "intern",
    fields.is_text: "text",
    fields.id_list: "ids",
    fields.text_list: "texts",
    fields.is_name: "name",
    fields.name_list: "names",
}
INLINE_OPTIONAL = {fields.optional_id: "intern", fields.optional_text: "text"}
# Checks on a value already converted (and so of the field's type), as statements about ``x``.
INLINE_AFTER = {
    fields.non_negative: "if x < 0: raise Refused",  # ints and floats from JSON are finite
    fields.non_empty: "if not x: raise Refused",
    fields.offset: "if x is not None and x < 0: raise Refused",  # read as None or an int (not a bool)
}
# Whether a quantity ``x`` holds a float (``Interned.floats``).
FLOATS = "(type(x.amount) is float or type(x.lower) is float or type(x.upper) is float)"
# The model's is_text, inline: ``not value.strip()`` is ``not value or value.isspace()``.
NOT_TEXT = "type(x) is not str or not x or x.isspace()"


def implied(validator: Any, kind: Any) -> bool:
    """Whether the conversion for ``kind`` already guarantees what ``validator`` checks."""
    inner = typing.get_args(kind)
    options = [item for item in inner if item is not type(None)] if typing.get_origin(kind) is not tuple else []
    candidates: list[Any] = []
    if isinstance(kind, type):
        candidates.append(instance_of(kind))
    if len(options) == 1 and isinstance(options[0], type):
        candidates.append(v.optional(instance_of(options[0])))
    if typing.get_origin(kind) is tuple and isinstance(inner[0], type):
        candidates.append(v.deep_iterable(instance_of(inner[0]), instance_of(tuple)))
    if kind == OBJECT:
        candidates.append(object_value)
    return validator in candidates


class Source:
    """The text and names of one generated function."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"Refused": Refused, "intern": intern_id, "fail": _fail, "LARGE": LARGE}

    def bind(self, name: str, value: Any) -> str:
        """``name``, bound to ``value`` in the function's globals; a name bound to another object is an error.

        (A function that reads nested objects inline binds the names of several classes'
        fields: two fields of one name could otherwise be confused.)
        """
        if self.names.get(name, value) is not value:
            raise ValueError(f"{name!r} is bound twice, to different objects")  # pragma: no cover - the model's fields
        self.names[name] = value
        return name

    def compile(self, name: str) -> Any:
        """The function ``name`` defined by the lines, registered in :mod:`linecache`.

        Tracebacks through generated code then show its source, as attrs and cattrs do
        for theirs.
        """
        text = "\n".join(self.lines) + "\n"
        filename = f"<factlog generated {name} {hashlib.sha1(text.encode()).hexdigest()[:12]}>"
        linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)
        scope: dict[str, Any] = {}
        exec(compile(text, filename, "exec"), self.names, scope)  # code generated from the model's own fields
        return scope[name]


def without_none(kind: Any) -> Any:
    """An optional type without its None."""
    return typing.Union[tuple(item for item in typing.get_args(kind) if item is not type(None))]  # noqa: UP007


def flatten(validator: Any) -> list[Any]:
    """The validators of an attrs field, each ``and_`` of a list opened up."""
    if validator is None:
        return []
    parts = getattr(validator, "_validators", None)  # attrs' and_(), made from a list of validators
    return [item for part in parts for item in flatten(part)] if parts is not None else [validator]


@functools.cache
def twin(cls: type) -> type | None:
    """A subclass of ``cls`` whose fields plain assignment sets, or None where that cannot work.

    A frozen attrs class refuses assignment in its ``__setattr__``, so each field would
    cost a call of ``object.__setattr__`` (or of the slot's ``__set__``). A reader fills
    an object of this twin instead, with assignments that CPython turns into direct slot
    stores, then makes it a ``cls`` object by assigning ``__class__``, which CPython
    allows from a subclass that adds no slots. ``__delattr__`` must be object's own too:
    the two share one type slot, and either in Python keeps both slow. (Measured on a
    claim's 13 fields: 0.95 µs with ``__set__`` calls, 0.27 µs so.)
    """
    names = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    made = type(cls.__name__, (cls,), names)
    try:
        probe: Any = object.__new__(made)
        probe.__class__ = cls
    except TypeError:  # pragma: no cover - every model class is a slotted attrs class
        return None
    return made
