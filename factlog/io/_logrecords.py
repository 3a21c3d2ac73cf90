"""The records of the claim log, as appended and as stored: their kinds, bodies and JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs
from cattrs.errors import BaseValidationError

from factlog._echo import echoed
from factlog.errors import FormatError
from factlog.io._documents import _converter
from factlog.io._messages import messages
from factlog.io._parsing import check_writable
from factlog.model._fields import instance_of
from factlog.model._nouns import Acknowledgement, Claim, Entity, FieldError, Predicate, Source

__all__ = ["TYPES", "Appended", "Item", "Record", "Retraction", "encoded", "record_body", "stored_body", "structure"]

TYPES: dict[type, str] = {
    Entity: "entity",
    Predicate: "predicate",
    Source: "source",
    Claim: "claim",
    Acknowledgement: "acknowledgement",
}
_CLASSES = {name: cls for cls, name in TYPES.items()}


@attrs.frozen(kw_only=True)
class Retraction:
    """Withdraws an earlier claim from the log's claim set, with the reason."""

    claim: str = attrs.field(validator=instance_of(str))
    reason: str = attrs.field(validator=instance_of(str))


Record = Entity | Predicate | Source | Claim | Acknowledgement | Retraction


def record_body(record: Record) -> tuple[str, str, str, dict[str, Any]]:
    """(kind, key, action, JSON-ready body) of a record."""
    if isinstance(record, Retraction):
        return "claim", record.claim, "retract", {"reason": record.reason}
    kind = TYPES[type(record)]
    key = record.finding if isinstance(record, Acknowledgement) else record.id
    return kind, key, "define", _converter().unstructure(record, type(record))


def _encode(data: dict[str, Any], where: str) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    check_writable(text, data, where)
    return text


def stored_body(body: str, where: str) -> dict[str, Any]:
    """A stored record's JSON body, an object; ``WHERE: damaged store: ...`` (a FormatError) otherwise.

    ``where`` names the store and the record (``claims.db: record 60``).
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise FormatError([f"{where}: damaged store: the record's body: $: invalid JSON ({error})"]) from None
    if not isinstance(data, dict):
        raise FormatError([f"{where}: damaged store: the record's body is {_json_kind(data)}, not a JSON object"])
    return data


def _json_kind(data: Any) -> str:
    """What a parsed JSON value is, in JSON's words: ``an array``, ``null``, ``a string``..."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, list):
        return "an array"
    return "a string" if isinstance(data, str) else "a number"


def structure(data: Any, kind: str, where: str, *, kind_said: bool = True) -> Record:
    """A record of a kind from its JSON data; a FormatError ``WHERE: invalid KIND: $.PATH: ...``.

    Without ``kind_said`` the kind is left out (``FILE:LINE: $.PATH: ...``: a line of a
    file says the record's place, as the loader's messages do).
    """
    cls = _CLASSES.get(kind)
    if cls is None:
        raise FormatError([f"{where}: unknown record type {echoed(kind)}"])
    said = f"{where}: invalid {kind}: " if kind_said else f"{where}: "
    try:
        record: Record = _converter().structure(data, cls)
    except BaseValidationError as error:
        raise FormatError([said + problem for problem in messages(error, "$", data)]) from None
    except FieldError as error:
        raise FormatError([f"{said}$.{error.field}: {error.message}"]) from None
    return record


def encoded(record: Record, where: str) -> tuple[str, str, str, str]:
    kind, key, action, body = record_body(record)
    return kind, key, action, _encode(body, where)


class Item(NamedTuple):
    """One record an append stores: where it came from (``label``), the record, the JSON of the version it replaces."""

    label: str
    record: Record
    before: str | None


class Appended:
    """The records an append stores, as :class:`Item` when iterated.

    Kept in three lists, not as an object a record: an append of 100,000 claims made as
    many objects that outlived the loop, and the collector's passes over them cost
    about 0.5 s (CPU) at 100,000 claims.
    """

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.records: list[Record] = []
        self.befores: list[str | None] = []

    def add(self, label: str, record: Record, before: str | None) -> None:
        """Add a record: its label, and the JSON of the version it replaces (None for a new one)."""
        self.labels.append(label)
        self.records.append(record)
        self.befores.append(before)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Item]:
        return map(Item, self.labels, self.records, self.befores)

    def label(self, claim: str) -> str:
        """The label of the last appended claim of this id."""
        return next(
            item.label for item in reversed(list(self)) if isinstance(item.record, Claim) and item.record.id == claim
        )
