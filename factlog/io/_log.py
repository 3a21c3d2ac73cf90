"""An append-only claim log: months of work, never edited in place, never lost.

A :class:`ClaimLog` is a JSON Lines file. Its first line is a header; every other line
is one record with the UTC time it was appended (``at``) and a ``type``: ``entity``,
``predicate``, ``source``, ``claim``, ``acknowledgement``, or ``retraction`` (which
withdraws an earlier claim by id; nothing is ever edited). :meth:`ClaimLog.append`
returns only once its records are on disk (``fsync``). :meth:`ClaimLog.replay` rebuilds
the claim set, as of any moment.

A crash in the middle of an append can leave a *torn* final line. It is detected,
reported, and ignored — never merged — and the next append cuts it off before writing.
A damaged line anywhere else is an error naming its line number.
"""

from __future__ import annotations

import datetime
import json
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from factlog.errors import ConflictError, FormatError, InputError
from factlog.io._documents import _converter, _messages
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._nouns import Acknowledgement, Claim, Entity, FieldError, Predicate, Source

__all__ = ["ClaimLog", "Record", "Replay", "Retraction", "TornLineWarning"]

_HEADER = {"format": "factlog-log", "version": 1}
_TYPES: dict[type, str] = {
    Entity: "entity",
    Predicate: "predicate",
    Source: "source",
    Claim: "claim",
    Acknowledgement: "acknowledgement",
}


class TornLineWarning(UserWarning):
    """A log ended in a partly written line (a crash during an append); it was ignored."""


@attrs.frozen(kw_only=True)
class Retraction:
    """Withdraws an earlier claim from the log's claim set, with the reason."""

    claim: str = attrs.field(validator=attrs.validators.instance_of(str))
    reason: str = attrs.field(validator=attrs.validators.instance_of(str))


Record = Entity | Predicate | Source | Claim | Acknowledgement | Retraction


@attrs.frozen
class Replay:
    """What a replay found: the claim set, how many records it used, any torn tail."""

    claims: ClaimSet
    records: int
    torn: int
    """Bytes of a torn final line that were ignored (0 when the log ended cleanly)."""


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _timestamp(moment: datetime.datetime) -> str:
    if moment.utcoffset() != datetime.timedelta(0):
        raise ValueError(f"log times are UTC, got {moment!r}")
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _parse_moment(value: str | datetime.datetime) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a UTC time like 2025-10-30T12:00:00Z or a date, got {value!r}") from None
    if moment.tzinfo is None:
        # A bare date or time means the end of that day or moment, in UTC.
        moment = moment.replace(tzinfo=datetime.UTC)
        if len(value) <= 10:
            moment += datetime.timedelta(days=1, microseconds=-1)
    return moment


class ClaimLog:
    """An append-only JSON Lines log of claim-set records at one path."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def append(self, records: Iterable[Record], *, at: datetime.datetime | None = None) -> int:
        """Append records with one timestamp; return once they are on disk. Returns how many."""
        moment = _timestamp(at or _now())
        converter = _converter()
        lines = []
        for record in records:
            if isinstance(record, Retraction):
                data: dict[str, Any] = {"claim": record.claim, "reason": record.reason}
                kind = "retraction"
            else:
                kind = _TYPES[type(record)]
                data = converter.unstructure(record, type(record))
            lines.append(json.dumps({"at": moment, "type": kind, **data}, ensure_ascii=False, separators=(",", ":")))
        if not lines:
            return 0
        payload = ("\n".join(lines) + "\n").encode()
        try:
            self._write(payload)
        except OSError as error:
            raise InputError(f"{self.path}: cannot append: {error.strerror or error}") from None
        return len(lines)

    def _write(self, payload: bytes) -> None:
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            if fresh:
                payload = (json.dumps(_HEADER, separators=(",", ":")) + "\n").encode() + payload
            else:
                self._cut_torn_tail(descriptor)
            written = 0
            while written < len(payload):
                written += os.write(descriptor, payload[written:])
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if fresh:
            directory = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)

    def _cut_torn_tail(self, descriptor: int) -> None:
        size = os.fstat(descriptor).st_size
        tail = os.pread(descriptor, min(size, 1 << 20), max(size - (1 << 20), 0))
        if tail.endswith(b"\n"):
            return
        cut = tail.rfind(b"\n")
        keep = size - len(tail) + cut + 1 if cut >= 0 else 0
        warnings.warn(f"{self.path}: cut off a torn final line ({size - keep} bytes)", TornLineWarning, stacklevel=4)
        os.ftruncate(descriptor, keep)
        os.fsync(descriptor)

    def replay(self, *, as_of: str | datetime.datetime | None = None) -> Replay:
        """The claim set the log holds (as of a time, if given), and what was ignored."""
        limit = None if as_of is None else _parse_moment(as_of)
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise InputError(f"{self.path}: {error.strerror or error}") from None
        lines = data.split(b"\n")
        torn = 0
        if lines and lines[-1]:
            torn = len(lines[-1])
        lines = lines[:-1]
        if not lines:
            raise FormatError([f"{self.path}: line 1: empty log, expected a header"])
        if _loads(lines[0], self.path, 1) != _HEADER:
            raise FormatError([f"{self.path}: line 1: expected the header {json.dumps(_HEADER)}"])
        return self._replay(lines[1:], limit, torn)

    def _replay(self, lines: list[bytes], limit: datetime.datetime | None, torn: int) -> Replay:
        converter = _converter()
        sections: dict[str, dict[str, Any]] = {kind: {} for kind in _TYPES.values()}
        used = 0
        errors: list[str] = []
        for number, line in enumerate(lines, start=2):
            record = _loads(line, self.path, number)
            if not isinstance(record, dict) or "at" not in record or "type" not in record:
                raise FormatError([f"{self.path}: line {number}: expected a record with 'at' and 'type'"])
            moment = _parse_moment(str(record.pop("at")))
            if limit is not None and moment > limit:
                continue
            kind = record.pop("type")
            used += 1
            if kind == "retraction":
                sections["claim"].pop(str(record.get("claim")), None)
                continue
            cls = next((c for c, name in _TYPES.items() if name == kind), None)
            if cls is None:
                raise FormatError([f"{self.path}: line {number}: unknown record type {kind!r}"])
            try:
                item: Any = converter.structure(record, cls)
            except BaseValidationError as error:
                problems = "; ".join(_messages(error, "$"))
                raise FormatError([f"{self.path}: line {number}: invalid {kind}: {problems}"]) from None
            except FieldError as error:
                raise FormatError([f"{self.path}: line {number}: invalid {kind}: $.{error}"]) from None
            key = item.finding if isinstance(item, Acknowledgement) else item.id
            found = sections[kind].get(key)
            if found is not None and found[0] != item:
                errors.append(
                    f"{self.path}: line {number}: {kind} {key!r} redefined differently (line {found[1]});"
                    " retract it first"
                )
            sections[kind][key] = (item, number)
        if errors:
            raise ConflictError(errors)

        def items(kind: str) -> tuple[Any, ...]:
            return tuple(item for item, _ in sections[kind].values())

        claims = ClaimSet(
            entities=items("entity"),
            predicates=items("predicate"),
            sources=items("source"),
            claims=items("claim"),
            acknowledged=items("acknowledgement"),
        )
        return Replay(merge_all([(str(self.path), claims)]), used, torn)

    def read(self, *, as_of: str | datetime.datetime | None = None) -> ClaimSet:
        """The claim set the log holds; a torn final line is ignored with a :class:`TornLineWarning`."""
        replay = self.replay(as_of=as_of)
        if replay.torn:
            warnings.warn(
                f"{self.path}: ignored a torn final line ({replay.torn} bytes)", TornLineWarning, stacklevel=2
            )
        return replay.claims


def _loads(line: bytes, path: Path, number: int) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as error:
        raise FormatError([f"{path}: line {number}: damaged record: {error}"]) from None
