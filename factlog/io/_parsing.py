"""From text to JSON data: size and depth limits, the standard library's exact reading, orjson's quick one.

Two parsers accept the same documents. The standard library's, with a hook that refuses
repeated keys, gives exact messages (line and column) and is the reference. orjson's is
much faster but keeps the last of two equal keys; :func:`quick_parse` adds the test that
makes it exact, and leaves anything it cannot vouch for to the standard library.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from typing import Any

import attrs

from factlog._echo import counted
from factlog.errors import FormatError
from factlog.io._encodings import wide_encoding, wide_message

__all__ = [
    "DEFAULT_LIMITS",
    "LARGE",
    "FORMAT_DEPTH",
    "Limits",
    "check_depth",
    "check_size",
    "check_writable",
    "decode",
    "has_large_float",
    "orjson_module",
    "parse_json",
    "parse_quickly",
    "prefix",
    "quick_parse",
    "size_error",
    "utf8_size",
]

_BOM = b"\xef\xbb\xbf"


def prefix(name: str | None) -> str:
    """What goes before an error message: the file name, if any."""
    return f"{name}: " if name else ""


@functools.cache
def orjson_module() -> Any:
    """orjson, or None when it is not installed (it is imported on first use, to keep the import light)."""
    try:
        import orjson  # noqa: PLC0415 - optional
    except ImportError:  # pragma: no cover - orjson is a test dependency; tests patch this function instead
        return None
    return orjson


@attrs.frozen
class Limits:
    """How large and how deeply nested a document factlog agrees to read, and how many of its problems it tells.

    Beyond either of the first two a document is refused with a
    :class:`~factlog.FormatError`, before any work proportional to its content is done
    twice. The error lists the first ``max_problems`` problems in full and counts the
    others by kind (``FormatError.more``), so that its memory stays bounded.
    """

    max_bytes: int = 1 << 30
    max_depth: int = 64
    max_problems: int = attrs.field(default=1000, validator=[attrs.validators.instance_of(int), attrs.validators.ge(1)])


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


FORMAT_DEPTH = 5
"""How deeply a valid document nests: document, claims, claim, proposition, object."""


def utf8_size(text: str | bytes) -> int:
    """How many bytes a text takes in UTF-8 (a lone surrogate counted as its three bytes)."""
    if isinstance(text, bytes):
        return len(text)
    if text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def check_size(text: str | bytes, name: str | None, limits: Limits) -> None:
    """Refuse a text of more than ``limits.max_bytes`` bytes (in UTF-8, for a string)."""
    # Every character takes at least one byte: most strings are judged without encoding them.
    size = len(text) if len(text) > limits.max_bytes else utf8_size(text)
    if size > limits.max_bytes:
        raise FormatError([size_error(size, name, limits)])


def size_error(size: int, name: str | None, limits: Limits) -> str:
    """The message for a document of ``size`` bytes, over the limit."""
    return (
        f"{prefix(name)}$: document of {counted(size, 'byte')} is larger than the limit"
        f" ({counted(limits.max_bytes, 'byte')}, Limits.max_bytes)"
    )


# CPython refuses to convert integers longer than this (sys.get_int_max_str_digits's default).
MAX_DIGITS = 4300
# Texts that may hold what the writers cannot write: an escaped surrogate, or a raw one (in a str).
_SUSPECT = re.compile(r"\\u[dD][89abcdefABCDEF]|[\ud800-\udfff]")
# What orjson reads inexactly: an escaped surrogate; and an integer of 19 digits or more may be
# beyond 64 bits, and becomes a float (a run of digits inside a string is harmless).
# An escape \uD800-\uDFFF (a surrogate) or \u0030-\u003F (an escaped colon among them):
# a backslash counts only after an even run of backslashes (``\\uD8`` is text).
_ESCAPE_NOT_QUICK = re.compile(rb"\\u(?:[dD][89abcdefABCDEF]|003)")
_DIGITS_AS_ZEROS = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGITS = b"0" * 19
_BACKSLASH = ord("\\")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_HUGE = re.compile(rf"(?<!\d)\d{{{MAX_DIGITS + 1}}}")  # the lookbehind keeps the scan linear


def _unwritable(data: Any, path: str, problems: list[str]) -> None:
    """Collect the paths of strings (and keys) with a lone surrogate."""
    if isinstance(data, str):
        if _SURROGATE.search(data):
            problems.append(f"{path}: a lone surrogate ({_surrogate(data)}) is not text")
    elif isinstance(data, dict):
        for key, value in data.items():
            if _SURROGATE.search(key):
                problems.append(f"{path}: a key with a lone surrogate ({_surrogate(key)}) is not text")
            _unwritable(value, f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]", problems)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _unwritable(value, f"{path}[{index}]", problems)


def _surrogate(text: str) -> str:
    found = _SURROGATE.search(text)
    return "" if found is None else f"U+{ord(found.group()):04X}"


@attrs.frozen
class _Huge:
    """An integer literal too long to convert: its number of digits."""

    digits: int


def _integer(text: str) -> int | _Huge:
    digits = len(text.lstrip("-"))
    return _Huge(digits) if digits > MAX_DIGITS else int(text)


def _huge_paths(data: Any, path: str, problems: list[str]) -> None:
    """Collect the paths of integers too long to read."""
    if isinstance(data, _Huge):
        problems.append(f"{path}: a number of {data.digits} digits is too long (at most {MAX_DIGITS} digits)")
    elif isinstance(data, dict):
        for key, value in data.items():
            _huge_paths(value, f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]", problems)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _huge_paths(value, f"{path}[{index}]", problems)


def check_writable(text: str, data: Any, name: str | None) -> None:
    """Refuse parsed data holding a lone surrogate (U+D800 to U+DFFF alone), with its JSON paths.

    Whatever is read must be written again: a lone surrogate cannot be encoded in UTF-8,
    and orjson refuses it. The walk runs only when the text shows a sign of one.
    """
    if not _SUSPECT.search(text):
        return
    problems: list[str] = []
    _unwritable(data, "$", problems)
    if problems:
        raise FormatError([prefix(name) + problem for problem in problems])


def decode(text: str | bytes, name: str | None) -> str:
    """The text of UTF-8 bytes (a byte order mark is dropped); a string as it is.

    Bytes in UTF-16 or UTF-32 are told so (:mod:`factlog.io._encodings`).
    """
    if isinstance(text, str):
        return text
    wide = wide_encoding(text)
    if wide is not None:
        raise FormatError([f"{prefix(name)}$: {wide_message(wide)}"])
    if text.startswith(b"SQLite format 3\x00"):
        raise FormatError(
            [
                f"{prefix(name)}$: a factlog store (an SQLite database), not a claim file:"
                " `factlog log show STORE` prints its claim set; `factlog log export STORE --to FOLDER` writes it"
                " with its stored documents, for `factlog check FOLDER`"
            ]
        )
    try:
        return text.decode("utf-8-sig" if text.startswith(_BOM) else "utf-8")
    except UnicodeDecodeError as error:
        raise FormatError(
            [f"{prefix(name)}$: not UTF-8: byte {error.start} ({error.object[error.start]:#04x})"]
        ) from None


def _after_lone_cr(text: str, position: int) -> bool:
    """Whether the whitespace before ``position`` holds a CR and no LF: JSON texts on lines ended by a CR alone."""
    start = position
    while start > 0 and text[start - 1] in " \t\r\n":  # the whitespace alone, not a copy of all before it
        start -= 1
    gap = text[start:position]
    return "\r" in gap and "\n" not in gap


def parse_json(text: str, name: str | None, limits: Limits, *, depth: bool = True) -> Any:
    """Parse with the standard library: exact messages, duplicate keys refused; ``depth``: scan it too."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            twice = next(key for key, _ in items if key in seen or seen.add(key))  # type: ignore[func-returns-value]
            raise ValueError(f"duplicate key {twice!r}")
        return result

    def constant(word: str) -> Any:
        raise ValueError(f"{word} is not a JSON number")

    try:
        huge = _HUGE.search(text) is not None
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_int=_integer if huge else None)
    except json.JSONDecodeError as error:
        place = f"line {error.lineno} column {error.colno}"
        # "Unterminated string starting at", "Invalid control character at": the json module gives the place apart.
        said = f"{error.msg} {place}" if error.msg.endswith(" at") else error.msg
        if error.msg == "Extra data" and _after_lone_cr(text, error.pos):
            said += " after a CR alone: lines end with CR only here; JSON Lines needs LF or CRLF"
        raise FormatError([f"{prefix(name)}$: invalid JSON at {place}: {said}"]) from None
    except RecursionError:
        raise FormatError([_too_deep(name, limits)]) from None  # the parser's own limit, far above any sane one
    except ValueError as error:
        raise FormatError([f"{prefix(name)}$: invalid JSON: {error}"]) from None
    if huge:
        problems: list[str] = []
        _huge_paths(data, "$", problems)
        if problems:
            raise FormatError([prefix(name) + problem for problem in problems])
    check_writable(text, data, name)
    if depth:
        check_depth(text, name, limits)
    return data


def _too_deep(name: str | None, limits: Limits) -> str:
    return f"{prefix(name)}$: nested deeper than {limits.max_depth} levels (Limits.max_depth)"


def check_depth(text: str, name: str | None, limits: Limits) -> None:
    """Refuse JSON nested deeper than ``limits.max_depth``; only for text that parsed.

    (In valid JSON every string ends, so the scan stays linear.)
    """
    if _depth_exceeds(text, limits.max_depth):
        raise FormatError([_too_deep(name, limits)])


LARGE = 2.0**63
"""The generated readers refuse a float of this or more (``large_floats_refused`` of :func:`quick_parse`)."""


def has_large_float(data: Any) -> bool:
    """Whether JSON data holds a float of :data:`LARGE` or more, positive or negative."""
    return _has_float(data, large=True)


def _has_float(data: Any, *, large: bool = False) -> bool:
    pending = [data]
    while pending:
        item = pending.pop()
        if type(item) is float and (not large or not -LARGE < item < LARGE):
            return True
        if type(item) is dict:
            pending.extend(item.values())
        elif type(item) is list:
            pending.extend(item)
    return False


def quick_parse(raw: bytes, *, large_floats_refused: bool = False) -> Any:
    r"""Parse one JSON text with orjson; ValueError where only the standard library's reading is exact.

    orjson keeps the last of two equal keys where the format refuses them. Every colon
    of a JSON text either follows a key or stands inside a string, and orjson writes
    strings with their colons as they are, so the colons of the text and of orjson's
    own output agree exactly when no pair was dropped. (An escaped colon, ``\u003a``,
    would upset the count: such texts are refused here.)

    orjson reads an integer outside 64 bits as a float: a text with a float and a run of
    nineteen digits is refused, unless ``large_floats_refused``: the caller then refuses
    every float of 2**63 or more itself (the generated readers do), and every integer
    orjson reads as a float is one (at least 2**64, or below -2**63).
    """
    orjson = orjson_module()
    if orjson is None or _has_escape_not_quick(raw):
        raise ValueError("not for the quick parse")
    data = orjson.loads(raw)
    if not large_floats_refused and _has_long_digits(raw) and _has_float(data):
        # orjson reads a long integer as a float: the standard library reads it exactly.
        raise ValueError("not for the quick parse")
    try:
        written = _colons_written(orjson, data)
    except TypeError:  # nested beyond orjson's own limit: the standard library reports it
        raise ValueError("nested too deeply for orjson") from None
    if written != raw.count(b":"):
        raise ValueError("a key given twice, perhaps")
    return data


# A large text is looked at in pieces: a full-size copy costs a page fault every 4 KiB.
_PIECE_BYTES = 1 << 20
_PIECE_ITEMS = 4096


def _has_long_digits(raw: bytes) -> bool:
    """Whether ``raw`` holds nineteen digits in a row; two linear C passes a piece (a regex retries inside every run).

    The pieces overlap by eighteen bytes, so a run across two of them is found.
    """
    overlap = len(_LONG_DIGITS) - 1
    for start in range(0, max(len(raw) - overlap, 1), _PIECE_BYTES):
        if raw[start : start + _PIECE_BYTES + overlap].translate(_DIGITS_AS_ZEROS).find(_LONG_DIGITS) >= 0:
            return True
    return False


def _colons_written(orjson: Any, data: Any) -> int:
    """The colons of orjson's compact text of ``data``, a long section's items written a few thousand at a time.

    Colons stand only after keys and inside strings, so the pieces' colons add up to the
    whole text's. Each piece sits as deep as in the whole (``[[items]]`` for the items of
    a section), so orjson's depth limit is met where it would be. Raises TypeError for
    data nested beyond that limit.
    """
    if type(data) is not dict:
        count: int = orjson.dumps(data).count(b":")
        return count
    total = 0
    for key, value in data.items():
        if type(value) is not list or len(value) <= _PIECE_ITEMS:
            total += orjson.dumps({key: value}).count(b":")
            continue
        total += orjson.dumps({key: None}).count(b":")
        for start in range(0, len(value), _PIECE_ITEMS):
            total += orjson.dumps([value[start : start + _PIECE_ITEMS]]).count(b":")
    return total


def _has_escape_not_quick(raw: bytes) -> bool:
    r"""Whether ``raw`` holds a surrogate (``\uD800``-``\uDFFF``) or ``\u003X`` escape.

    An escape counts only after an even run of backslashes: in ``\\uD800`` the
    backslash is escaped and the rest is text. Linear: each backslash is counted once.
    """
    for match in _ESCAPE_NOT_QUICK.finditer(raw):
        start = run = match.start()
        while run > 0 and raw[run - 1] == _BACKSLASH:
            run -= 1
        if (start - run) % 2 == 0:
            return True
    return False


def parse_quickly(texts: Sequence[str | bytes], *, large_floats_refused: bool = False) -> list[Any] | None:
    """Each text parsed by :func:`quick_parse`, or None if any one needs the standard library."""
    try:
        return [
            quick_parse(
                text.encode() if isinstance(text, str) else text.removeprefix(_BOM),
                large_floats_refused=large_floats_refused,
            )
            for text in texts
        ]
    except ValueError:  # orjson's decode errors and a str's encode errors are ValueErrors too
        return None
