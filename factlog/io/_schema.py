"""The JSON Schema of the claim-set format, generated from the model itself.

Nothing here is written twice: each attrs field gives a property, its type the schema
of the value, its default whether it is required, its ``doc`` metadata the description.
"""

from __future__ import annotations

import datetime
import enum
import types
import typing
from typing import Any

import attrs

from factlog.io._migrations import FORMAT, VERSION
from factlog.model._claimset import NOT_WRITTEN, ClaimSet
from factlog.model._dates import Interval, PartialDate
from factlog.model._fields import schema_hints
from factlog.model._nouns import DateValue, Quantity, TextValue

__all__ = ["json_schema"]

# EDTF level 1 as factlog reads it (factlog.model._partial): ASCII digits only.
_YEAR = r"([0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)"
_TIME = r"T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})"
_DATE = rf"{_YEAR}(-[0-9]{{2}}(-[0-9]{{2}}({_TIME})?)?)?[?~%]?"
_INTERVAL = rf"{_DATE}|({_DATE}|\.\.|)/({_DATE}|\.\.|)"


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that every valid factlog document satisfies; raises nothing.

    A fresh JSON-ready dict each call, the same each time (``docs/factlog.schema.json``).
    """
    definitions: dict[str, Any] = {}
    body = _class_schema(ClaimSet, definitions)
    properties = {
        "format": {"const": FORMAT, "description": "Always 'factlog'."},
        "version": {"const": VERSION, "description": "The format version."},
        **body["properties"],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://factlog.invalid/schema/v{VERSION}.json",
        "title": f"factlog claim set, format version {VERSION}",
        "type": "object",
        "properties": properties,
        "required": ["format", "version"],
        "additionalProperties": False,
        "$defs": dict(sorted(definitions.items())),
    }


def _class_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.eq and field.name in NOT_WRITTEN:
            continue
        extra = schema_hints(field)
        optional = extra.pop("optional", False)
        schema = _with_hints(_type_schema(hints[field.name], definitions), extra)
        if field.metadata.get("words"):
            schema = _with_words(schema)
        if field.metadata.get("doc"):
            schema["description"] = field.metadata["doc"]
        properties[field.name] = schema
        if field.default is attrs.NOTHING and not optional:
            required.append(field.name)
    result: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = required
    if cls is Quantity:  # an amount, or a vague estimate instead of one (Quantity.__attrs_post_init__)
        result["anyOf"] = [{"required": ["amount"]}, {"required": ["estimate"]}]
    if cls.__doc__ and cls is not ClaimSet:
        result["description"] = cls.__doc__.strip().splitlines()[0]
    return result


def _with_words(schema: dict[str, Any]) -> dict[str, Any]:
    """A date field that also takes words ("on Tuesday"); their grammar is resolve_when's, not a pattern's."""
    words = {
        "type": "string",
        "pattern": "[A-Za-z]",
        "description": "Time in words, resolved against the claim's date: see resolve_when.",
    }
    options = [option for option in schema["anyOf"] if option.get("type") != "null"]
    return {**schema, "anyOf": [*options, words, {"type": "null"}]}


def _with_hints(schema: dict[str, Any], hints: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    if "items" in hints and "items" in schema:
        schema["items"] = {**schema["items"], **hints.pop("items")}
    hints.pop("items", None)
    if "anyOf" in schema and hints:
        schema["anyOf"] = [
            _with_hints(option, dict(hints)) if option.get("type") != "null" else option for option in schema["anyOf"]
        ]
        return schema
    return {**schema, **hints}


def _ref(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    if cls.__name__ not in definitions:
        definitions[cls.__name__] = {}  # placeholder: breaks cycles
        definitions[cls.__name__] = _class_schema(cls, definitions)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _type_schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint == tuple[tuple[str, str], ...]:
        return {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], definitions)}
    if origin in (typing.Union, types.UnionType):
        members = [arg for arg in args if arg is not type(None)]
        if set(members) == {int, float}:
            return {"type": ["number", "null"]} if type(None) in args else {"type": "number"}
        options = [_type_schema(member, definitions) for member in members]
        if type(None) in args:
            options.append({"type": "null"})
        return {"anyOf": options}
    return _leaf_schema(hint, definitions)


def _leaf_schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if hint is str:
        return {"type": "string"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is PartialDate:
        return {"type": "string", "pattern": f"^{_DATE}$"}
    if hint is Interval:
        return {"type": "string", "pattern": f"^({_INTERVAL})$"}
    if hint is datetime.datetime:
        return {"type": "string", "format": "date-time", "pattern": "(Z|\\+00:00)$"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if hint in (TextValue, DateValue, Quantity) or attrs.has(hint):
        return _ref(hint, definitions)
    raise TypeError(f"no JSON Schema for {hint!r}")
