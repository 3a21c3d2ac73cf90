"""The model's field validators and the JSON Schema hints they imply.

Shared with :mod:`factlog.io._records`, whose generated readers carry the common
validators' meaning inline (and must keep it when they change).
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

import attrs
from attrs import validators as v

from factlog._echo import echoed
from factlog.errors import FieldError, FieldTypeError

__all__ = [
    "ID",
    "ID_LONGEST",
    "ID_PATTERN",
    "FieldError",
    "FieldTypeError",
    "id_list",
    "id_problem",
    "instance_of",
    "is_id",
    "is_name",
    "is_text",
    "name_list",
    "non_empty",
    "non_negative",
    "not_itself",
    "offset",
    "optional_id",
    "optional_text",
    "schema_hints",
    "text_list",
]

ID_LONGEST = 200
"""The most characters an id may have (``docs/format.md``, "Ids")."""
ID_PATTERN = rf"[a-z0-9][a-z0-9._:-]{{0,{ID_LONGEST - 1}}}"
ID = re.compile(ID_PATTERN)


def _a(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


@attrs.frozen(repr=False)
class _InstanceOf:
    """An attrs validator like ``attrs.validators.instance_of``, raising :class:`FieldTypeError`.

    Equal validators compare equal (the generated readers and the JSON Schema find them so).
    """

    type: type

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, self.type):
            raise FieldTypeError(
                f"{type(instance).__name__}.{attribute.name}",
                f"expected {_a(self.type.__name__)}, got {echoed(value)} ({type(value).__name__})",
            )

    def __repr__(self) -> str:
        return f"<instance_of validator for type {self.type!r}>"


def instance_of(kind: type) -> Any:
    """An attrs validator: the value is an instance of ``kind``, else :class:`FieldTypeError`.

    The error names the class and the field and what was given:
    ``Claim.certainty: expected a Certainty, got 'sure' (str)``.
    """
    return _InstanceOf(kind)


def is_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if not isinstance(value, str) or ID.fullmatch(value) is None:
        raise FieldError(attribute.name, id_problem(value))


def id_problem(value: object) -> str:
    """Why ``value`` is no id: too long, or not of the id's characters (the value echoed, cut when long)."""
    if isinstance(value, str) and len(value) > ID_LONGEST:
        return f"id longer than {ID_LONGEST} characters: {echoed(value)}"
    return (
        "expected an id (lowercase letters, digits, '.', '_', ':', '-', starting with a"
        f" letter or digit), got {echoed(value)}"
    )


def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected a string, got {echoed(value)}")
    if not value.strip():
        raise FieldError(attribute.name, "must not be empty")


def is_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An entity reference: an id, or a name or alias as the text writes it."""
    del instance
    if not isinstance(value, str):
        raise FieldError(attribute.name, f"expected an entity id or name, got {echoed(value)}")
    if not value.strip():
        raise FieldError(attribute.name, "must not be empty")


def _utc(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    del instance
    if value is None:
        return
    if not isinstance(value, datetime.datetime) or value.utcoffset() != datetime.timedelta(0):
        raise FieldError(attribute.name, f"expected a UTC timestamp, got {echoed(value)}")


def _pattern_field(regex: str, what: str, doc: str) -> Any:
    """An optional string field that must match a pattern (the schema says so too)."""
    compiled = re.compile(regex)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        del instance
        if value is not None and (not isinstance(value, str) or compiled.fullmatch(value) is None):
            raise FieldError(attribute.name, f"expected {what}, got {echoed(value)}")

    return attrs.field(default=None, validator=check, metadata=_doc(doc, pattern=f"^{regex}$"))


def _at_least(bound: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        del instance
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < bound:
            raise FieldError(attribute.name, f"expected a number of at least {bound}, got {echoed(value)}")

    return check


non_negative = _at_least(0)


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """An attrs validator: at least one item; a FieldError otherwise."""
    del instance
    if not value:
        raise FieldError(attribute.name, "expected at least one item")


def offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: None, or a non-negative integer (not a bool); FieldError otherwise."""
    del instance
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise FieldError(attribute.name, f"expected a non-negative integer, got {echoed(value)}")


def not_itself(own: str, ids: tuple[str, ...], field: str, noun: str, verb: str) -> None:
    """A FieldError naming ``field[i]`` when the object's own id is among ``ids``: "claim 'c1' cannot answer itself"."""
    if own in ids:
        raise FieldError(f"{field}[{ids.index(own)}]", f"{noun} {own!r} cannot {verb} itself")


def _doc(text: str | None = None, **schema: Any) -> dict[str, Any]:
    return {"doc": text, "schema": schema}


# The validators below are shared with factlog.io._records, whose generated readers carry
# their meaning inline (and must keep it when they change).
id_list = v.deep_iterable(member_validator=is_id, iterable_validator=instance_of(tuple))
text_list = v.deep_iterable(member_validator=is_text, iterable_validator=instance_of(tuple))
optional_text = v.optional(is_text)
optional_id = v.optional(is_id)
name_list = v.deep_iterable(member_validator=is_name, iterable_validator=instance_of(tuple))

_ID_SCHEMA = {"pattern": f"^{ID_PATTERN}$"}
_TEXT_SCHEMA = {"minLength": 1, "pattern": "\\S"}
_VALIDATOR_SCHEMAS: tuple[tuple[object, dict[str, Any]], ...] = (
    (is_id, _ID_SCHEMA),
    (optional_id, _ID_SCHEMA),
    (is_text, _TEXT_SCHEMA),
    (optional_text, _TEXT_SCHEMA),
    (is_name, _TEXT_SCHEMA),
    (id_list, {"items": _ID_SCHEMA}),
    (name_list, {"items": _TEXT_SCHEMA}),
    (text_list, {"items": _TEXT_SCHEMA}),
)


def schema_hints(field: attrs.Attribute[Any]) -> dict[str, Any]:
    """The JSON Schema keywords a field's validators and metadata imply."""
    hints: dict[str, Any] = {}
    for validator, schema in _VALIDATOR_SCHEMAS:
        if field.validator is validator:
            hints.update(schema)
    hints.update(field.metadata.get("schema", {}))
    return hints
