"""Literal objects of propositions: quantities, texts and dates."""

from __future__ import annotations

from typing import Any, TypeAlias

import attrs

from factlog._echo import echoed
from factlog.model._dates import Interval
from factlog.model._fields import FieldError, _doc, instance_of, is_name, is_text, name_list
from factlog.model._quantities import Quantity

__all__ = ["DateValue", "Object", "Quantity", "TextValue", "object_value"]


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
        validator=instance_of(Interval), metadata=_doc("A partial date or interval, e.g. 2024-04-11/2024-04-13.")
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
        raise FieldError(attribute.name, f"expected an entity id or a literal, got {echoed(value)}")
