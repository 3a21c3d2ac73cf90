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
from pathlib import Path, PurePosixPath

from factlog._echo import counted, echoed
from factlog.errors import FormatError, InputError
from factlog.io._atomic import write_atomic
from factlog.io._files import read_lines
from factlog.io._linetext import CR_ONLY, cr_only
from factlog.io._log import ClaimLog, TornLineWarning, parse_time
from factlog.io._logcheck import unreadable_alone
from factlog.io._logrecords import Record, Retraction, record_body, structure
from factlog.io._logtime import timestamp
from factlog.io._parsing import DEFAULT_LIMITS, Limits, decode, parse_json, prefix
from factlog.io._places import lines_named
from factlog.io._splitfolder import remove_stale, removed, signals_deferred
from factlog.io._staging import staging_name
from factlog.io._tally import bounded
from factlog.io._writing import dump
from factlog.model._claimset import ClaimSet, rearranged
from factlog.model._nouns import Source

__all__ = ["export_lines", "import_lines", "snapshot"]

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


def snapshot(
    log: ClaimLog, folder: str | os.PathLike[str], *, as_of: str | datetime.datetime | None = None, force: bool = False
) -> Path:
    """Write the claim set (as of a time) to a folder, with the stored documents, that checks like any other.

    Each source with a stored document goes to ``sources/ID/source.json`` with its
    document at the path the source names (ids are safe folder names); everything else
    to ``claims.json``. ``factlog check FOLDER`` then verifies every quote against the
    text as it was appended. The snapshot is written whole into a hidden folder beside
    ``folder``, then renamed into place: a new or empty folder is taken by one rename; a
    folder that holds anything is refused unless ``force``, and then only if it holds a
    ``claims.json`` (an earlier snapshot), which is replaced whole, nothing of it left
    (an interrupted write leaves the earlier snapshot or the new one). Nothing is made
    when the store cannot be read. Returns the folder. Raises
    :class:`~factlog.InputError` (an :class:`OSError`) for a folder or file that cannot
    be made or written (a file where the folder should be), a folder not empty, and
    what :meth:`ClaimLog.read` raises.
    """
    target = Path(folder)
    remove_stale(target, "claims.json")  # what a snapshot killed on this machine left: an earlier one put back
    _expect_folder(target, force=force)
    # Both reads bounded by the latest time read first: an append made meanwhile is later, so neither sees it
    # (a history is only added to at its end), and the documents are those of the sources read.
    latest = log.latest()
    if latest is not None and (as_of is None or timestamp(parse_time(as_of)) > latest):
        as_of = latest
    claims = log.read(as_of=as_of)
    stored = log.documents(as_of=as_of)
    kept = [source for source in claims.sources if source.document is not None and source.id in stored]
    for source in kept:
        if PurePosixPath(str(source.document)).suffix.lower() in (".json", ".jsonl"):
            # A folder's *.json and *.jsonl files are claim files to `factlog check`; and `source.json` is the record's.
            raise InputError(
                f"{target}: source {source.id!r}: its document {str(source.document)!r} ends in"
                f" {PurePosixPath(str(source.document)).suffix}: a snapshot's *.json and *.jsonl files are read"
                " as claim files, so it cannot hold that document; nothing was written (rename the document,"
                " append the source again with --replace, and export again)"
            )
    _make_folder(target.parent)
    staging = target.parent / staging_name(target.name or "snapshot")
    try:
        _make_folder(staging)
        for source in kept:
            place = staging / "sources" / source.id
            _make_folder((place / str(source.document)).parent)
            write_atomic(place / str(source.document), stored[source.id])
            dump(ClaimSet(sources=(source,)), place / "source.json")
        # Not evolve: a store may hold inverses that clash (replay reads them), and its snapshot keeps them.
        rest = rearranged(claims, sources=tuple(s for s in claims.sources if s not in kept))
        dump(rest, staging / "claims.json")
        with signals_deferred():
            _put_in_place(staging, target, force=force)
    finally:
        if staging.exists():
            removed(staging)
    return target


def _expect_folder(target: Path, *, force: bool) -> None:
    """Refuse a file, a non-empty folder without ``force``, and with it one that holds no earlier snapshot."""
    if not target.exists():
        if target.is_symlink():
            raise InputError(f"{target}: cannot make the folder: a broken symbolic link stands there")
        ancestor = next(parent for parent in target.absolute().parents if parent.exists())
        if not ancestor.is_dir():
            raise InputError(f"{target}: cannot make the folder: {ancestor} is not a folder")
        return
    if not target.is_dir():
        raise InputError(f"{target}: cannot make the folder: a file stands there")
    if not any(target.iterdir()):
        return
    if not force:
        raise InputError(
            f"{target}: not empty: give a new or empty folder, or --force (Python: force=True) to replace"
            " an earlier snapshot whole"
        )
    if not (target / "claims.json").is_file():
        raise InputError(
            f"{target}: holds no claims.json, so no earlier snapshot: --force (Python: force=True) replaces"
            " only an earlier snapshot; move it, or give another folder"
        )
    if target.resolve() == Path.cwd().resolve():
        raise InputError(f"{target}: the working folder cannot be replaced: give another folder")
    stranger = _stranger(target)
    if stranger is not None:
        raise InputError(
            f"{target}: holds {stranger}, which no snapshot writes, so it is no earlier snapshot:"
            " --force (Python: force=True) replaces only an earlier snapshot whole; move it, or give another folder"
        )


def _stranger(target: Path) -> str | None:
    """A file or folder of ``target`` that a snapshot does not write, or None when it holds only a snapshot's.

    A snapshot writes ``claims.json``, and for each source with a stored document
    ``sources/ID/source.json`` and the document it names (in sub-folders, as named).
    """
    for path in sorted(target.iterdir()):
        if path.name == "claims.json" and path.is_file() and not path.is_symlink():
            continue
        if path.name != "sources" or path.is_symlink() or not path.is_dir():
            return repr(path.name)
        for place in sorted(path.iterdir()):
            record = place / "source.json"
            if place.is_symlink() or not record.is_file() or record.is_symlink():
                return repr(f"sources/{place.name}")
            try:
                document = json.loads(record.read_bytes())["sources"][0]["document"]
            except (OSError, ValueError, KeyError, IndexError, TypeError):
                return repr(f"sources/{place.name}/source.json")
            wanted = {record, place / str(document)}
            for found in sorted(place.rglob("*")):
                if found.is_symlink() or (found.is_file() and found not in wanted):
                    return repr(found.relative_to(target).as_posix())
    return None


def _put_in_place(staging: Path, target: Path, *, force: bool) -> None:
    """Rename the complete snapshot to ``target``; with ``force``, the earlier one aside first, then removed."""
    try:
        os.rename(staging, target)  # a missing target, or an empty folder (which it replaces)
        return
    except OSError as error:
        if not (force and target.is_dir() and not target.is_symlink()):
            raise InputError(f"{target}: cannot put the snapshot in place: {error.strerror or error}") from None
    aside = staging.with_name(staging.name + ".old")
    try:
        os.rename(target, aside)
    except OSError as error:
        raise InputError(f"{target}: cannot replace the earlier snapshot: {error.strerror or error}") from None
    try:
        os.rename(staging, target)
    except OSError as error:
        os.rename(aside, target)
        raise InputError(f"{target}: cannot put the snapshot in place: {error.strerror or error}") from None
    removed(aside)


def _make_folder(folder: Path) -> None:
    """Make a folder and its parents, as needed; :class:`~factlog.InputError` when it cannot be made."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{folder}: cannot make the folder: {error.strerror or error}") from None
