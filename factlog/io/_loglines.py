"""The claim log as JSON Lines, the interchange format: exported from a store, imported into one.

The first line is the header ``{"format":"factlog-log","version":1}``; every other line
is one record with the UTC time it was appended (``at``) and a ``type``: ``entity``,
``predicate``, ``source``, ``claim``, ``acknowledgement``, ``retraction``
(``{"claim": ID, "reason": TEXT}``) or ``document`` (``{"source": ID, "sha256": HEX,
"base64": BYTES}``: the bytes of the document stored with the ``source`` record on the
next line; export writes it just before that record, import checks the sha256).
This was the log's own format before the store; such logs import as they are.
Lines are read as strictly as documents: repeated keys,
``NaN``, times without their UTC offset or still to come, and damaged records are
format errors naming the line; only JSON whitespace makes a blank line. A final line without its newline
that is not whole JSON (a crash during an append) is ignored with a :class:`TornLineWarning`.
"""

from __future__ import annotations

import base64
import binascii
import collections
import datetime
import hashlib
import json
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

from factlog._echo import counted, echoed
from factlog.errors import FormatError
from factlog.io._files import read_lines
from factlog.io._linetext import CR_ONLY, cr_only
from factlog.io._log import ClaimLog, TornLineWarning, parse_time
from factlog.io._logcheck import unreadable_alone
from factlog.io._logrecords import Record, Retraction, record_body, structure
from factlog.io._parsing import DEFAULT_LIMITS, Limits, decode, parse_json, prefix
from factlog.io._places import lines_named
from factlog.io._tally import bounded
from factlog.model._nouns import Source

__all__ = ["export_lines", "import_lines"]

HEADER = {"format": "factlog-log", "version": 1}
_BLANK = " \t\r\n"


def export_lines(log: ClaimLog, *, as_of: str | datetime.datetime | None = None) -> Iterator[str]:
    """The log's whole history (as of a time) as JSON Lines, a line at a time, each ending in a newline."""
    yield json.dumps(HEADER, separators=(",", ":")) + "\n"
    # Records and documents in one read: a source appended meanwhile comes with its document, or not at all.
    for _, at, kind, key, action, item, content in log._records(as_of, documents=True):
        if content is not None:
            document = {"at": at, "type": "document", "source": key, "sha256": hashlib.sha256(content).hexdigest()}
            document["base64"] = base64.b64encode(content).decode("ascii")
            yield json.dumps(document, separators=(",", ":")) + "\n"
        if action == "retract":
            data = {"at": at, "type": "retraction", "claim": key, "reason": item}
        else:
            data = {"at": at, "type": kind, **record_body(item)[3]}
        yield json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


def import_lines(
    log: ClaimLog,
    path: str | os.PathLike[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    tally: collections.Counter[str] | None = None,
) -> int:
    """Append every record of a JSON Lines log to a store, keeping their times; one transaction.

    The file's history is kept as it is: a later definition of an id is a new version.
    Refused, as an append refuses them, naming the file and line: a retraction of a claim
    not held then (never, or retracted already), two versions of one id at one time, and
    a cycle of ``part_of``, ``affiliation`` or ``derived_from`` among its records.
    Returns how many records were stored; ``tally``, if given, counts them by kind
    (``entity`` ... ``retraction``) and the documents stored with them (``document``).
    Raises :class:`~factlog.FormatError` naming the line of each problem (a time after
    this machine's clock is one), the first ``limits.max_problems`` in full and the
    others counted by kind; nothing is stored then.

    The file is read a line at a time: ``limits.max_bytes`` bounds each line (a longer
    one is a :class:`~factlog.FormatError` naming it, refused without being read whole),
    not the file, so whatever :func:`export_lines` wrote imports back whatever its size.
    """
    name = str(path)
    now = datetime.datetime.now(datetime.UTC)
    lines = _text_lines(Path(path), name, limits)
    _refuse_empty(lines, name)
    if lines[-1].strip(_BLANK) and not _complete(lines[-1]):
        first = not any(line.strip(_BLANK) for line in lines[:-1])
        header = json.dumps(HEADER, separators=(",", ":"))
        if not lines[-1].lstrip(_BLANK).startswith("{") or (first and not header.startswith(lines[-1].strip(_BLANK))):
            _refuse_cr_only(lines, name)
            raise FormatError([f"{name}:{len(lines)}: not a factlog JSON Lines log: expected the header {header}"])
        warnings.warn(
            f"{name}: ignored a torn final line ({counted(len(lines[-1]), 'character')})", TornLineWarning, stacklevel=2
        )
        lines = lines[:-1]
    numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip(_BLANK)]
    if numbered and _header(numbered, lines, name, limits) != HEADER:
        raise FormatError([f"{name}:{numbered[0][0]}: expected the header {json.dumps(HEADER)}"])
    batches: list[tuple[str, list[tuple[str, Record, bytes | None]]]] = []
    errors: list[str] = []
    pending: tuple[str, str, bytes] | None = None  # (where, source id, bytes) of a document line
    for number, line in numbered[1:]:
        where = f"{name}:{number}"
        try:
            data = _parsed(line, where, limits)
            if isinstance(data, dict) and data.get("type") == "document":
                if pending is not None:
                    errors.append(f"{pending[0]}: a document line must come just before its source record")
                _moment(data.get("at"), where, now)
                pending = (where, *_document(data, where))
                continue
            moment, record = _record(data, where, now)
        except FormatError as error:
            errors.extend(error.errors)
            continue
        content = None
        if pending is not None:
            if isinstance(record, Source) and record.id == pending[1]:
                content = pending[2]
            else:
                errors.append(f"{pending[0]}: a document line must come just before its source record")
            pending = None
        if batches and moment < batches[-1][0]:
            errors.append(
                f"{where}: $.at: {moment} is before the line above's time ({batches[-1][0]}): times only go forward"
            )
        elif batches and batches[-1][0] == moment:
            batches[-1][1].append((where, record, content))
        else:
            batches.append((moment, [(where, record, content)]))
    if pending is not None:
        errors.append(f"{pending[0]}: a document line must come just before its source record")
    if errors:
        raise bounded(FormatError(errors), [name], limits.max_problems)
    records = [record for _, rows in batches for _, record, _ in rows]
    return log._store(batches, replace=True, lenient=True, excused=lambda: unreadable_alone(records), tally=tally)


def _refuse_empty(lines: list[str], name: str) -> None:
    """A file of nothing but JSON whitespace has no header: no log, and no store is made for it."""
    if not any(line.strip(_BLANK) for line in lines):
        header = json.dumps(HEADER, separators=(",", ":"))
        raise FormatError([f"{name}: empty: not a factlog JSON Lines log, which starts with the header {header}"])


def _text_lines(path: Path, name: str, limits: Limits) -> list[str]:
    """The file's text split at each line feed, as ``str.split`` at it would (U+2028 may stand inside strings)."""
    lines: list[str] = []
    offset = 0
    last = b"\n"
    for raw in _named(read_lines(path, limits, name=name), name):
        if not lines:
            text = decode(raw, name)  # a byte order mark dropped, a store named
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                position = offset + error.start
                raise FormatError([f"{prefix(name)}$: not UTF-8: byte {position} ({raw[error.start]:#04x})"]) from None
        offset += len(raw)
        last = raw
        lines.append(text.removesuffix("\n"))
    if last.endswith(b"\n"):
        lines.append("")
    return lines


def _named(lines: Iterator[bytes], name: str) -> Iterator[bytes]:
    """``lines``, a line too long named ``FILE:LINE: ...`` as the loader names it."""
    try:
        yield from lines
    except FormatError as error:
        raise type(error)(lines_named(error.errors, name, "")) from None


def _document(data: dict[str, object], where: str) -> tuple[str, bytes]:
    """(source id, bytes) of a document line; a FormatError when it is damaged or its sha256 does not match."""
    source, digest, encoded = data.get("source"), data.get("sha256"), data.get("base64")
    if set(data) != {"at", "type", "source", "sha256", "base64"} or not all(
        isinstance(value, str) for value in (source, digest, encoded)
    ):
        raise FormatError([f"{where}: a document is {{'at', 'type', 'source': ID, 'sha256': HEX, 'base64': BYTES}}"])
    try:
        content = base64.b64decode(str(encoded), validate=True)
    except binascii.Error as error:
        raise FormatError([f"{where}: $.base64: {error}"]) from None
    if hashlib.sha256(content).hexdigest() != digest:
        raise FormatError([f"{where}: $.sha256: does not match the document's bytes"])
    return str(source), content


def _header(numbered: list[tuple[int, str]], lines: list[str], name: str, limits: Limits) -> object:
    """The first line's JSON; a FormatError for no JSON, or CR line endings (:func:`_refuse_cr_only`)."""
    try:
        found = _parsed(numbered[0][1], f"{name}:{numbered[0][0]}", limits)
    except FormatError:
        _refuse_cr_only(lines, name)
        raise
    if found != HEADER:
        _refuse_cr_only(lines, name)
    return found


def _refuse_cr_only(lines: list[str], name: str) -> None:
    """A FormatError on line 1 when the lines end with a CR alone, as the claim file readers say it; else nothing.

    Asked only of a file already refused: a CR is JSON whitespace, and may stand inside a valid header.
    """
    if cr_only(lines):
        raise FormatError([f"{name}:1: {CR_ONLY}"])


def _complete(line: str) -> bool:
    """Whether a final line without its newline is whole JSON (then it is read like any other)."""
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _moment(at: object, where: str, now: datetime.datetime) -> str:
    """The fixed-width UTC text of a line's ``at``; a FormatError for a damaged time or one after ``now``.

    A transaction time says when a record was appended: one still to come is a wrong
    clock or an edited file, and once stored it would sort every later append before it.
    """
    try:
        moment = parse_time(at, strict=True) if isinstance(at, str) else None
    except ValueError as error:
        raise FormatError([f"{where}: $.at: {error}"]) from None
    if moment is None:
        raise FormatError([f"{where}: $.at: expected a UTC time like 2025-10-30T12:00:00Z, got {echoed(at)}"])
    stamp = moment.isoformat(timespec="microseconds").replace("+00:00", "Z")
    if moment > now:
        clock = now.isoformat(timespec="seconds").replace("+00:00", "Z")
        raise FormatError([f"{where}: $.at: {stamp} is in the future (this machine's clock says {clock})"])
    return stamp


def _record(data: object, where: str, now: datetime.datetime) -> tuple[str, Record]:
    if not isinstance(data, dict) or not isinstance(data.get("type"), str) or "at" not in data:
        raise FormatError([f"{where}: expected a record with 'at' and 'type'"])
    body = dict(data)
    at, kind = body.pop("at"), body.pop("type")
    stamp = _moment(at, where, now)
    if kind == "retraction":
        if set(body) != {"claim", "reason"} or not all(isinstance(value, str) for value in body.values()):
            raise FormatError([f"{where}: a retraction is {{'claim': ID, 'reason': TEXT}}"])
        return stamp, Retraction(claim=str(body["claim"]), reason=str(body["reason"]))
    return stamp, structure(body, kind, where, kind_said=False)


def _parsed(line: str, where: str, limits: Limits) -> object:
    """A line's JSON; a FormatError ``FILE:LINE: ...`` (no ``$`` for the whole line, as the loader names it)."""
    try:
        return parse_json(line, where, limits)
    except FormatError as error:
        said = [message.replace(f"{where}: $: ", f"{where}: ", 1) for message in error.errors]
        raise type(error)([message.replace("JSON at line 1 column", "JSON at column", 1) for message in said]) from None
