"""Where two records of one id differ, field by field: what "defined twice, differently" goes on to say."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from factlog._echo import echoed

__all__ = ["differences"]

SHOWN = 3
"""How many differing fields a message names; the others are counted."""


def differences(here: object, first: object) -> str:
    """``"document: 'a.txt' here, 'story/a.txt' first"``: the fields in which two records differ; raises nothing.

    Fields are named by their path (``proposition.when``), nested records followed down
    to the fields that differ; at most :data:`SHOWN` of them, then how many more. Values
    are echoed bounded (:func:`~factlog._echo.echoed`), an enumeration by its word.
    """
    found = list(_walk(here, first, ""))
    shown = "; ".join(found[:SHOWN])
    more = len(found) - SHOWN
    return shown + (f"; and {more} more field{'s' * (more != 1)}" if more > 0 else "")


def _walk(here: object, first: object, path: str) -> Iterator[str]:
    kind = type(here)
    if kind is type(first) and attrs.has(kind) and kind.__str__ is object.__str__:  # a date is shown whole
        found = [
            line
            for field in attrs.fields(kind)
            if field.eq and getattr(here, field.name) != getattr(first, field.name)
            for line in _walk(getattr(here, field.name), getattr(first, field.name), f"{path}{field.name}.")
        ]
        if found:
            yield from found
            return
    yield f"{path.rstrip('.') or 'the record'}: {_shown(here)} here, {_shown(first)} first"


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, enum.Enum):
        return echoed(value.value)
    if isinstance(value, tuple) and all(isinstance(item, enum.Enum) for item in value):
        return echoed([item.value for item in value])
    if attrs.has(type(value)) and type(value).__str__ is not object.__str__:
        return echoed(str(value))  # a date or an interval as written
    return echoed(value)
