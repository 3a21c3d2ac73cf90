"""The one cattrs converter factlog structures and unstructures with.

Strict: a string never becomes a number, a number never becomes a string, ``True`` is
not ``1``, a list is the only sequence, unknown keys are errors. Hooks are registered
from the simplest types up, as cattrs requires. Never cattrs' global converter.
"""

from __future__ import annotations

import datetime
import enum
import hashlib
import itertools
import json
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from factlog._echo import echoed
from factlog.errors import FieldError
from factlog.io._messages import word_for, words_named
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._coherence import inverse_problems, vocabulary_problems
from factlog.model._dates import Interval, PartialDate
from factlog.model._nouns import (
    Acknowledgement,
    Attribution,
    Claim,
    DateValue,
    Entity,
    Evidence,
    Object,
    Pattern,
    Predicate,
    Proposition,
    Quantity,
    Regarding,
    Source,
    SourceDate,
    TextValue,
)
from factlog.model._written import WrittenWhen, read_when, written_text

__all__ = ["claim_content_id", "make_converter"]


def _type_name(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__
    )


def _expected(what: str, value: object) -> TypeError:
    shown = echoed(value) if not isinstance(value, (dict, list)) else _type_name(value)
    return TypeError(f"expected {what}, got {shown}")


def _str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expected("a string", value)
    return value


def _int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _expected("an integer", value)
    return value


def _number(value: object, _: object = None) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _expected("a number", value)
    return value


def _optional_number(value: object, _: object = None) -> int | float | None:
    return None if value is None else _number(value)


def _bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", value)
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, Any], enum.Enum]:
    members = {(type(member.value), member.value): member for member in cls}
    accepted = ", ".join(str(member.value) for member in cls)

    def structure(value: object, _: Any) -> enum.Enum:
        try:
            return members[(type(value), value)]
        except (KeyError, TypeError):
            raise ValueError(f"expected one of {accepted}, got {echoed(value)}{word_for(cls, value)}") from None

    return structure


def _partial_date(value: object, _: type) -> PartialDate:
    if not isinstance(value, str):
        raise _expected("a partial date string", value)
    with words_named(value):
        return PartialDate.parse(value)


def _interval(value: object, _: type) -> Interval:
    if not isinstance(value, str):
        raise _expected("a date or interval string", value)
    with words_named(value):
        return Interval.parse(value)


def _when(value: object, _: object) -> Interval | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _expected("a date, an interval or a time expression", value)
    return read_when(value)


def timestamp_from_json(value: object, _: object) -> datetime.datetime:
    if not isinstance(value, str):
        raise _expected("a UTC timestamp string", value)
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.utcoffset() != datetime.timedelta(0) or "T" not in value:
        raise ValueError(f"expected a UTC timestamp like 2025-10-30T12:00:00Z, got {echoed(value)}")
    return parsed.astimezone(datetime.UTC)


def timestamp_to_json(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


LITERAL_TAGS: dict[str, type[TextValue | DateValue | Quantity]] = {
    "text": TextValue,
    "date": DateValue,
    "amount": Quantity,
    "estimate": Quantity,
}
"""The keys that tell which literal a proposition's object is."""


def literal_type(value: dict[str, Any]) -> type[TextValue | DateValue | Quantity] | None:
    """The one literal class whose tags the object has, or None (no tag, or tags of two classes)."""
    kinds = {LITERAL_TAGS[tag] for tag in LITERAL_TAGS if tag in value}
    return kinds.pop() if len(kinds) == 1 else None


def qualifiers_from_json(value: object, _: object) -> tuple[tuple[str, str], ...]:
    """Qualifiers as sorted pairs, from an object of names to strings."""
    if not isinstance(value, dict):
        raise _expected("an object of qualifier names to strings", value)
    for key, item in value.items():
        if not isinstance(item, str):
            raise TypeError(f"qualifier {echoed(key)}: expected a string, got {echoed(item)}")
    return tuple(sorted(value.items()))


def claim_content_id(data: dict[str, Any]) -> str:
    """The id a claim gets when its document gives none: a hash of its canonical content."""
    body = {key: value for key, value in data.items() if key != "id"}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"c-{digest[:12]}"


def make_converter(*, detailed: bool = True, coherent: bool = True) -> cattrs.Converter:
    """A new converter for factlog's model, strict and with canonical output.

    With ``detailed`` (the default) structuring collects every error with its path; a
    converter without it is faster and raises at the first error, for documents that
    are expected to be valid (the codec tries it first and falls back). With
    ``coherent`` (the default) a :class:`~factlog.ClaimSet` is structured only if it
    holds what :class:`~factlog.ClaimSet` itself would (inverses that pair predicates one
    to one; a declared inverse predicate needs an entity as its object;
    ``highest_since`` a predicate with a rank): a
    :class:`~factlog.FieldError` naming the claim's field otherwise. ``factlog.load``
    reads each file without it and checks the files once they are merged, with file and
    JSON path.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed, omit_if_default=True)

    converter.register_structure_hook(str, _str)
    converter.register_structure_hook(int, _int)
    converter.register_structure_hook(float, _number)
    converter.register_structure_hook(bool, _bool)
    converter.register_structure_hook(int | float, _number)
    converter.register_structure_hook(int | float | None, _optional_number)
    converter.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook)
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda member: member.value
    )
    converter.register_structure_hook(PartialDate, _partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(Interval, _interval)
    converter.register_unstructure_hook(Interval, str)
    converter.register_unstructure_hook(WrittenWhen, written_text)
    converter.register_structure_hook(datetime.datetime, timestamp_from_json)
    converter.register_unstructure_hook(datetime.datetime, timestamp_to_json)

    _register_sequences(converter)

    for cls in (TextValue, DateValue, Quantity):
        _register_class(converter, cls)

    def structure_object(value: object, _: Any) -> Object | None:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, list):
            # Several entities: one proposition each. Items must be strings (the model checks the rest).
            for position, item in enumerate(value):
                if not isinstance(item, str):
                    raise TypeError(f"object[{position}]: expected an entity id or name, got {echoed(item)}")
            return tuple(value)
        if isinstance(value, dict):
            literal = literal_type(value)
            if literal is not None:
                result: Object = converter.structure(value, literal)
                return result
        raise TypeError(
            "expected an entity id or name, a list of them, or an object with one of 'text', 'date' or 'amount'"
            " (or 'estimate'), got " + (repr(value) if not isinstance(value, (dict, list)) else _type_name(value))
        )

    converter.register_structure_hook(Object | None, structure_object)
    converter.register_unstructure_hook(
        Object | None,
        lambda value: list(value) if isinstance(value, tuple) else converter.unstructure(value, type(value)),
    )

    is_qualifiers = lambda t: t == tuple[tuple[str, str], ...]  # noqa: E731
    converter.register_structure_hook_func(is_qualifiers, qualifiers_from_json)
    converter.register_unstructure_hook_func(is_qualifiers, dict)

    _register_class(
        converter,
        Proposition,
        when=override(struct_hook=_when, unstruct_hook=lambda value: None if value is None else written_text(value)),
    )
    for model in (
        Entity,
        Predicate,
        SourceDate,
        Source,
        Attribution,
        Evidence,
        Regarding,
        Pattern,
        Acknowledgement,
    ):
        _register_class(converter, model)
    _register_claim(converter)
    _register_claim_set(converter, coherent=coherent)
    return converter


@attrs.frozen(kw_only=True)
class _ReadClaimSet(ClaimSet):
    """A claim set as the converter reads it: what its predicates ask of its claims is not looked at.

    The loader looks at that once the files are merged (a predicate may be declared in
    another file), as it does for the readers' sets (:func:`~factlog.model._claimset.read_claim_set_of`).
    """

    def __attrs_post_init__(self) -> None:
        pass


def _register_claim_set(converter: cattrs.Converter, *, coherent: bool) -> None:
    omit = override(omit=True)  # NOT_WRITTEN: kept by the reader, never read from a document
    _register_class(converter, ClaimSet, bases=omit, acknowledged_at=omit, sources_at=omit)
    structure = make_dict_structure_fn(_ReadClaimSet, converter, bases=omit, acknowledged_at=omit, sources_at=omit)
    names = [field.name for field in attrs.fields(ClaimSet) if field.eq]

    def structure_claim_set(value: object, _: Any) -> ClaimSet:
        if not isinstance(value, dict):
            raise _expected("an object", value)
        read = structure(value, _ReadClaimSet)
        made = read_claim_set_of({name: getattr(read, name) for name in names}, {}, unique=names)
        if coherent:
            for field, message in itertools.chain(
                inverse_problems(made.predicates), vocabulary_problems(made.predicates, made.claims)
            ):
                raise FieldError(field, message)
        return made

    converter.register_structure_hook(ClaimSet, structure_claim_set)


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple and typing.get_args(t)[1:] == (Ellipsis,)


def _register_sequences(converter: cattrs.Converter) -> None:
    def factory(t: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        item_type = typing.get_args(t)[0]

        def structure(value: object, _: Any) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _expected("an array", value)
            hook = converter.get_structure_hook(item_type)
            errors: list[Exception] = []
            items: list[Any] = []
            for index, item in enumerate(value):
                try:
                    items.append(hook(item, item_type))
                except Exception as error:
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        cattrs.errors.IterableValidationNote(f"Structuring {t} @ index {index}", index, item_type),
                    ]
                    errors.append(error)
            if errors:
                raise cattrs.errors.IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(items)

        return structure

    converter.register_structure_hook_factory(_is_tuple, factory)

    def unstructure_factory(t: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        hook = converter.get_unstructure_hook(typing.get_args(t)[0])
        return lambda items: [hook(item) for item in items]

    converter.register_unstructure_hook_factory(_is_tuple, unstructure_factory)


def _register_class(converter: cattrs.Converter, cls: type, **overrides: Any) -> None:
    structure: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter, **overrides)

    def checked(value: object, t: Any) -> Any:
        if not isinstance(value, dict):
            raise _expected("an object", value)
        return structure(value, t)

    converter.register_structure_hook(cls, checked)
    converter.register_unstructure_hook(
        cls, _in_field_order(cls, make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **overrides))
    )


def _in_field_order(cls: type, unstructure: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    # cattrs puts fields without defaults first; the format keeps the declared order.
    names = tuple(field.name for field in attrs.fields(cls))

    def ordered(value: Any) -> dict[str, Any]:
        data = unstructure(value)
        return {name: data[name] for name in names if name in data}

    return ordered


def _register_claim(converter: cattrs.Converter) -> None:
    structure = make_dict_structure_fn(Claim, converter)
    unstructure = _in_field_order(Claim, make_dict_unstructure_fn(Claim, converter, _cattrs_omit_if_default=True))

    def structure_claim(value: object, t: Any) -> Claim:
        if not isinstance(value, dict):
            raise _expected("an object", value)
        if "id" in value:
            return structure(value, t)
        claim = structure({"id": "c-pending", **value}, t)
        return attrs.evolve(claim, id=claim_content_id(unstructure(claim)))

    def unstructure_claim(claim: Claim) -> dict[str, Any]:
        data: dict[str, Any] = unstructure(claim)
        # Only an id that looks derived can be the content hash; skip the hashing otherwise.
        if data["id"].startswith("c-") and data["id"] == claim_content_id(data):
            del data["id"]
        return data

    converter.register_structure_hook(Claim, structure_claim)
    converter.register_unstructure_hook(Claim, unstructure_claim)
