"""Literal objects of propositions: quantities, texts and dates."""

from __future__ import annotations

import math
from typing import Any, TypeAlias

import attrs
from attrs import validators as v

from factlog.model._dates import Interval
from factlog.model._fields import FieldError, _doc, is_name, is_text, name_list, optional_text

__all__ = ["DateValue", "Object", "Quantity", "TextValue", "object_value"]


def _number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FieldError(attribute.name, f"expected a finite number, got {value!r}")


@attrs.frozen(kw_only=True)
class Quantity:
    """A number with optional bounds and unit: 11,000 troops (10,000 to 12,000)."""

    amount: int | float = attrs.field(validator=_number, metadata=_doc("The number given."))
    lower: int | float | None = attrs.field(default=None, validator=_number, metadata=_doc("Lowest it may be."))
    upper: int | float | None = attrs.field(default=None, validator=_number, metadata=_doc("Highest it may be."))
    unit: str | None = attrs.field(default=None, validator=optional_text, metadata=_doc("What is counted."))

    def __attrs_post_init__(self) -> None:
        if self.lower is not None and self.lower > self.amount:
            raise FieldError("lower", f"lower bound {self.lower} is above the amount {self.amount}")
        if self.upper is not None and self.upper < self.amount:
            raise FieldError("upper", f"upper bound {self.upper} is below the amount {self.amount}")

    @property
    def low(self) -> float:
        """The lower bound, or the amount."""
        return self.amount if self.lower is None else self.lower

    @property
    def high(self) -> float:
        """The upper bound, or the amount."""
        return self.amount if self.upper is None else self.upper

    def __str__(self) -> str:
        text = f"{self.amount:,}"
        if self.lower is not None or self.upper is not None:
            text += f" ({self.low:,}–{self.high:,})"
        return f"{text} {self.unit}" if self.unit else text


@attrs.frozen(kw_only=True)
class TextValue:
    """A literal text object: a title, a name that is no entity."""

    text: str = attrs.field(validator=is_text, metadata=_doc("The literal text."))

    def __str__(self) -> str:
        return repr(self.text)


@attrs.frozen(kw_only=True)
class DateValue:
    """A date or interval as the object of a proposition (the date of an event)."""

    date: Interval = attrs.field(
        validator=v.instance_of(Interval), metadata=_doc("A partial date or interval, e.g. 2024-04-11/2024-04-13.")
    )

    def __str__(self) -> str:
        return str(self.date)


Object: TypeAlias = str | tuple[str, ...] | TextValue | DateValue | Quantity
"""A proposition's object: an entity (id or name), several entities, or a tagged literal."""


def object_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A proposition's object: nothing, an entity, several entities or a literal."""
    if isinstance(value, str):
        is_name(instance, attribute, value)
    elif isinstance(value, tuple):
        if not value:
            raise FieldError(attribute.name, "expected at least one entity")
        name_list(instance, attribute, value)
        if len(set(value)) != len(value):
            raise FieldError(attribute.name, "an entity is listed twice")
    elif value is not None and not isinstance(value, (TextValue, DateValue, Quantity)):
        raise FieldError(attribute.name, f"expected an entity id or a literal, got {value!r}")
