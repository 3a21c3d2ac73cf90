"""Reading and writing claim sets: JSON documents and JSON Lines.

``load`` takes a file, several, or a folder (every ``*.json`` and ``*.jsonl`` below it,
in sorted order) and merges them into one :class:`~factlog.ClaimSet`; ``loads`` reads
one document from a string or bytes; ``dump``/``dumps`` write the canonical form: keys
in a fixed order, two-space indent, UTF-8, a trailing newline, defaults omitted, so
re-dumping a file gives the same bytes. orjson is used when installed, with output
identical to the standard library's.

Every problem in a document is reported at once, as a :class:`~factlog.FormatError`
whose ``errors`` name the file and the JSON path.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from factlog.bulk import paused_gc
from factlog.claimset import ClaimSet, merge_all
from factlog.converter import make_converter
from factlog.errors import FormatError, InputError, UnknownIdError
from factlog.migrations import FORMAT, VERSION, upgrade
from factlog.model import FieldError, Quantity
from factlog.references import unresolved
from factlog.vocabulary import Vocabulary

__all__ = ["DEFAULT_LIMITS", "Limits", "dump", "dumps", "dumps_lines", "load", "loads", "loads_lines"]

_SECTIONS = ("entities", "predicates", "sources", "claims", "acknowledged")
_RECORD_TYPES = {
    "entity": "entities",
    "predicate": "predicates",
    "source": "sources",
    "claim": "claims",
    "acknowledgement": "acknowledged",
}
_SECTION_TYPES = {section: record for record, section in _RECORD_TYPES.items()}

_FIELD = "\x1f"  # separates a field name from its message inside one formatted error
PathLike = str | os.PathLike[str]


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


@functools.cache
def _fast_converter() -> cattrs.Converter:
    return make_converter(detailed=False)


def _prefix(name: str | None) -> str:
    return f"{name}: " if name else ""


def _format_exception(error: BaseException, _type: type | None) -> str:
    if isinstance(error, cattrs.errors.ForbiddenExtraKeysError):
        keys = ", ".join(repr(key) for key in sorted(error.extra_fields))
        return f"unexpected key {keys}" if len(error.extra_fields) == 1 else f"unexpected keys {keys}"
    if isinstance(error, KeyError):
        return "required key missing"
    if isinstance(error, FieldError):
        return f"{error.field}{_FIELD}{error.message}"
    return str(error)


def _messages(error: BaseException, root: str) -> list[str]:
    messages = []
    for line in cattrs.transform_error(error, path=root, format_exception=_format_exception):
        message, _, path = line.rpartition(" @ ")
        field, separator, text = message.partition(_FIELD)
        if separator:
            path, message = f"{path}.{field}", text
        messages.append(f"{path}: {message}")
    return messages


@attrs.frozen
class Limits:
    """How large and how deeply nested a document factlog agrees to read.

    Beyond either limit a document is refused with a :class:`~factlog.FormatError`,
    before any work proportional to its content is done twice.
    """

    max_bytes: int = 1 << 30
    max_depth: int = 64


DEFAULT_LIMITS = Limits()
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_INNERMOST = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")


def _depth_exceeds(text: str, limit: int) -> bool:
    """Whether brackets in valid JSON nest deeper than ``limit``: peel innermost pairs, a level a pass.

    Only for text that parsed: in broken JSON an unterminated string would make the
    string pattern rescan the rest of the text from every quote.
    """
    rest = _STRING.sub("0", text)
    for _ in range(limit):
        peeled = _INNERMOST.sub("0", rest)
        if peeled == rest:
            return False
        rest = peeled
    return _INNERMOST.search(rest) is not None


def _check_size(text: str | bytes, name: str | None, limits: Limits) -> None:
    if len(text) > limits.max_bytes:
        raise FormatError(
            [
                f"{_prefix(name)}$: document of {len(text)} bytes is larger than the limit"
                f" ({limits.max_bytes} bytes, Limits.max_bytes)"
            ]
        )


def _parse_json(text: str | bytes, name: str | None, limits: Limits = DEFAULT_LIMITS) -> Any:
    _check_size(text, name, limits)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig" if text.startswith(b"\xef\xbb\xbf") else "utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(
                [f"{_prefix(name)}$: not UTF-8: byte {error.start} ({error.object[error.start]:#04x})"]
            ) from None

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            twice = next(key for key, _ in items if key in seen or seen.add(key))  # type: ignore[func-returns-value]
            raise ValueError(f"duplicate key {twice!r}")
        return result

    def constant(word: str) -> Any:
        raise ValueError(f"{word} is not a JSON number")

    too_deep = f"{_prefix(name)}$: nested deeper than {limits.max_depth} levels (Limits.max_depth)"
    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as error:
        raise FormatError(
            [f"{_prefix(name)}$: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"]
        ) from None
    except RecursionError:
        raise FormatError([too_deep]) from None  # the parser's own limit, far above any sane one
    except ValueError as error:
        raise FormatError([f"{_prefix(name)}$: invalid JSON: {error}"]) from None
    # Only valid JSON is scanned for depth: its strings all end, so the scan stays linear.
    if _depth_exceeds(text, limits.max_depth):
        raise FormatError([too_deep])
    return data


def _structure_document(data: Any, name: str | None) -> ClaimSet:
    prefix = _prefix(name)
    if not isinstance(data, dict):
        raise FormatError([f"{prefix}$: expected a factlog document (a JSON object), got a JSON {type(data).__name__}"])
    try:
        data = upgrade(data)
    except FormatError as error:
        raise type(error)([prefix + message for message in error.errors]) from None
    body = {key: value for key, value in data.items() if key not in ("format", "version")}
    # Most documents are valid: the fast converter reads them; on any error the detailed
    # one reads again, to report every problem with its path.
    with contextlib.suppress(Exception):
        return _fast_converter().structure(body, ClaimSet)
    try:
        return _converter().structure(body, ClaimSet)
    except BaseValidationError as error:
        raise FormatError([prefix + message for message in _messages(error, "$")]) from None
    except FieldError as error:
        raise FormatError([f"{prefix}$.{error.field}: {error.message}"]) from None


def _check_references(parts: Sequence[tuple[str, ClaimSet]], merged: ClaimSet) -> None:
    vocabulary = Vocabulary.of(merged)
    problems = [
        f"{_prefix(name)}{path}: {message}"
        for name, part in parts
        for path, message in unresolved(part, merged, vocabulary)
    ]
    if problems:
        raise UnknownIdError(problems)


@paused_gc
def loads(
    text: str | bytes, *, name: str | None = None, references: bool = True, limits: Limits = DEFAULT_LIMITS
) -> ClaimSet:
    """Read one claim-set document (JSON) from a string or UTF-8 bytes.

    ``name`` goes in front of error messages. With ``references`` (the default) every
    id the document mentions must be defined in it.
    """
    claims = _structure_document(_parse_json(text, name, limits), name)
    if references:
        _check_references([(name or "", claims)], claims)
    return claims


@paused_gc
def loads_lines(
    text: str | bytes, *, name: str | None = None, references: bool = True, limits: Limits = DEFAULT_LIMITS
) -> ClaimSet:
    """Read a JSON Lines claim set: a header line, then one tagged record a line."""
    _check_size(text, name, limits)
    if isinstance(text, bytes):
        try:
            decoded = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            where = text[: error.start].count(b"\n") + 1
            raise FormatError([f"{_prefix(name)}line {where}: not UTF-8: byte {error.start}"]) from None
    else:
        decoded = text.removeprefix("\ufeff")
    lines = decoded.split("\n")  # not splitlines(): U+0085 and U+2028 may stand inside strings
    if not lines:
        raise FormatError([f"{_prefix(name)}line 1: empty file, expected a header line"])
    document: dict[str, Any] = {}
    errors: list[str] = []
    try:
        header = _parse_json(lines[0], None, limits)
    except FormatError as error:
        header = None
        errors.extend(f"{_prefix(name)}line 1: {message.removeprefix('$: ')}" for message in error.errors)
    if header is not None and (not isinstance(header, dict) or set(header) != {"format", "version"}):
        errors.append(f'{_prefix(name)}line 1: expected a header {{"format": "factlog", "version": N}}')
    elif header is not None:
        document.update(header)
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            record = _parse_json(line, None, limits)
        except FormatError as error:
            errors.extend(f"{_prefix(name)}line {number}: {message.removeprefix('$: ')}" for message in error.errors)
            continue
        kind = record.pop("type", None) if isinstance(record, dict) else None
        section = _RECORD_TYPES.get(kind) if isinstance(kind, str) else None
        if section is None:
            accepted = ", ".join(_RECORD_TYPES)
            errors.append(f'{_prefix(name)}line {number}: expected an object with "type" one of {accepted}')
            continue
        document.setdefault(section, []).append(record)
    if errors:
        raise FormatError(errors)
    claims = _structure_document(document, name)
    if references:
        _check_references([(name or "", claims)], claims)
    return claims


def _files(paths: Iterable[PathLike]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a file or folder")
        else:
            raise InputError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


@paused_gc
def load(paths: PathLike | Iterable[PathLike], *, references: bool = True, limits: Limits = DEFAULT_LIMITS) -> ClaimSet:
    """Read a file, several files, or every claim file below a folder, as one merged set.

    A conflicting redefinition of an id across files is a :class:`~factlog.ConflictError`
    naming both files; ids are checked across all the files together.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files = _files(paths)
    if not files:
        raise InputError("no claim files (*.json, *.jsonl) found in " + ", ".join(str(p) for p in paths))
    parts: list[tuple[str, ClaimSet]] = []
    errors: list[str] = []
    for file in files:
        try:
            raw = file.read_bytes()
        except OSError as error:
            raise InputError(f"{file}: {error.strerror or error}") from None
        reader = loads_lines if file.suffix == ".jsonl" else loads
        try:
            part = reader(raw, name=str(file), references=False, limits=limits)
        except FormatError as error:
            errors.extend(error.errors)
            continue
        base = str(file.parent)
        parts.append((str(file), _with_bases(part, base)))
    if errors:
        raise FormatError(errors)
    merged = merge_all(parts)
    if references:
        _check_references(parts, merged)
    return merged


def _with_bases(part: ClaimSet, base: str) -> ClaimSet:
    if not part.sources:
        return part
    return ClaimSet(
        entities=part.entities,
        predicates=part.predicates,
        sources=part.sources,
        claims=part.claims,
        acknowledged=part.acknowledged,
        bases={source.id: base for source in part.sources},
    )


@paused_gc
def to_document(claims: ClaimSet) -> dict[str, Any]:
    """The claim set as a plain JSON-ready dict, header first, empty sections omitted."""
    body: dict[str, Any] = _converter().unstructure(claims)
    return {"format": FORMAT, "version": VERSION, **body}


def _encoder() -> Callable[[Any], bytes]:
    try:
        import orjson  # noqa: PLC0415 - optional, and only needed when writing
    except ImportError:  # pragma: no cover - exercised by the stdlib-path tests
        return encode_stdlib

    def encode(data: Any) -> bytes:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

    return encode


def encode_stdlib(data: Any) -> bytes:
    """Canonical bytes with the standard library's json module."""
    return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()


def _has_tiny_float(claims: ClaimSet) -> bool:
    # orjson writes 1.5e-05 as 0.000015: such documents take the standard library's path.
    numbers = [predicate.tolerance for predicate in claims.predicates]
    for claim in claims.claims:
        value = claim.proposition.object if claim.proposition is not None else None
        if isinstance(value, Quantity):
            numbers.extend((value.amount, value.low, value.high))
    return any(isinstance(n, float) and 0 < abs(n) < 1e-4 for n in numbers)


def dumps(claims: ClaimSet) -> str:
    """The canonical JSON document of a claim set."""
    encode = encode_stdlib if _has_tiny_float(claims) else _encoder()
    return encode(to_document(claims)).decode()


def dumps_lines(claims: ClaimSet) -> str:
    """The claim set as JSON Lines: a header, then one tagged record a line."""
    document = to_document(claims)
    lines = [json.dumps({"format": FORMAT, "version": VERSION}, ensure_ascii=False, separators=(",", ":"))]
    for section in _SECTIONS:
        for record in document.get(section, ()):
            tagged = {"type": _SECTION_TYPES[section], **record}
            lines.append(json.dumps(tagged, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
    return "\n".join(lines) + "\n"


def dump(claims: ClaimSet, path: PathLike) -> None:
    """Write a claim set atomically: JSON Lines when the name ends in ``.jsonl``."""
    target = Path(path)
    text = dumps_lines(claims) if target.suffix == ".jsonl" else dumps(claims)
    write_atomic(target, text.encode())


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, rename over it, fsync the folder."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"{target}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{target}: cannot write: {error.strerror or error}") from None
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
