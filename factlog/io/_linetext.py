"""A JSON Lines text as lines, and its header: what a file is told whose lines or header are not as the format has them.

A JSON Lines claim file is UTF-8 text, its lines ended by LF (or CRLF), its first line
the header ``{"format": "factlog", "version": 1}`` and every other line blank or one
tagged record. Each way a file misses this is told in one message naming the line:
a file saved as UTF-16 or UTF-32 (:mod:`factlog.io._encodings`), one whose lines end
with a CR alone (classic Mac OS: the whole file is one line), a header that is not on
the first line, a header of a version this factlog does not read.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from factlog.errors import FormatError
from factlog.io._encodings import wide_encoding, wide_message
from factlog.io._migrations import upgrade
from factlog.io._parsing import prefix
from factlog.io._records import RECORD_TYPES

__all__ = ["CR_ONLY", "NO_HEADER", "cr_only", "lines_document", "no_record", "text_lines"]

_JSON_WHITESPACE = " \t\r\n"  # RFC 8259: only these make a line blank
NO_HEADER = 'no header: a JSON Lines claim file begins with {"format": "factlog", "version": 1}'
"""What an empty JSON Lines file, or one whose first line is blank, is told."""
CR_ONLY = "line endings are CR only (classic Mac OS); JSON Lines needs LF or CRLF: save the file with LF line endings"
"""What a JSON Lines file whose lines end with a carriage return alone is told, on its one line."""
_NOT_FIRST = 'the header {"format": "factlog", ...} must be the first line'


def text_lines(text: str | bytes, name: str | None) -> list[str]:
    """The lines of a JSON Lines text, without their newlines: UTF-8 bytes decoded, a byte order mark dropped.

    Split at LF only, not :meth:`str.splitlines`: U+0085 and U+2028 may stand inside
    strings. Raises :class:`~factlog.FormatError` naming ``name`` and the line: bytes in
    UTF-16 or UTF-32 (``line 1: not UTF-8: the file is UTF-16; save it as UTF-8``), bytes
    that are no UTF-8 (the line and the byte).
    """
    if isinstance(text, str):
        return text.removeprefix("\ufeff").split("\n")
    wide = wide_encoding(text)
    if wide is not None:
        raise FormatError([f"{prefix(name)}line 1: {wide_message(wide)}"])
    try:
        decoded = text.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = text[: error.start].count(b"\n") + 1
        raise FormatError([f"{prefix(name)}line {where}: not UTF-8: byte {error.start}"]) from None
    return decoded.split("\n")


def cr_only(lines: list[str]) -> bool:
    r"""Whether the lines of a text (split at LF) are one line holding CRs between its JSON texts: CR line endings.

    A CR alone is JSON whitespace, so the caller asks only of a text whose lines have
    problems (a header with a CR inside is valid).
    """
    return "\r" in lines[0].strip(_JSON_WHITESPACE) and not any(line.strip(_JSON_WHITESPACE) for line in lines[1:])


def lines_document(
    records: Iterable[tuple[int, Any]],
    errors: list[tuple[int, str]],
    *,
    blank_first: bool = False,
    lines: dict[str, list[int]] | None = None,
) -> dict[str, Any]:
    """One document from the parsed lines of a JSON Lines file (line 1 among them if it parsed); problems to ``errors``.

    ``errors`` takes ``(line, message)`` pairs; ``lines`` (when given) the line of each
    record, by section, in order. ``blank_first``: line 1 is blank (else, not
    among ``records``, it is no JSON and was told so). The header, on line 1, is checked
    as a document's format and version are (``line 1: $.version: ...``). A header found
    on a later line while line 1 holds none is told once, on line 1, with the line it
    stands on; a header after one is told it is a second.
    """
    document: dict[str, Any] = {}
    first = NO_HEADER if blank_first else ""  # what line 1 is told: "" for a header, or for no JSON (told already)
    for number, record in records:
        if number == 1:
            if _header_shaped(record):
                _take_header(record, 1, document, errors)
            else:
                first = 'expected a header {"format": "factlog", "version": N}'
            continue
        kind = record.pop("type", None) if isinstance(record, dict) else None
        section = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
        if section is not None:
            document.setdefault(section, []).append(record)
            if lines is not None:
                lines.setdefault(section, []).append(number)
        elif _is_header(record) and "format" not in document:  # the first header, and not on line 1
            told = f"line 1: {_NOT_FIRST}; found on line {number}" if first else f"line {number}: {_NOT_FIRST}"
            errors.append((1 if first else number, told))
            first = ""
            _take_header(record, number, document, errors)
        else:
            errors.append((number, no_record(number, record, kind)))
    if first:
        errors.append((1, f"line 1: {first}"))
    return document


def _header_shaped(record: object) -> bool:
    return isinstance(record, dict) and set(record) == {"format", "version"}


def _is_header(record: object) -> bool:
    """Whether a line (parsed, its "type" taken) is a header: an object with ``"format": "factlog"``."""
    return isinstance(record, dict) and record.get("format") == "factlog"


def _take_header(record: dict[str, Any], number: int, document: dict[str, Any], errors: list[tuple[int, str]]) -> None:
    """The header on line ``number`` into ``document``; its format and version checked, their problems noted."""
    header = {key: value for key, value in record.items() if key in ("format", "version")}
    try:
        upgrade(header)
    except FormatError as error:
        errors.extend((number, f"line {number}: {message}") for message in error.errors)
    document.update(header)


def no_record(number: int, record: object, kind: object = None) -> str:
    """What line ``number`` of a JSON Lines file is told for ``record`` (parsed, its "type" ``kind`` taken), no record.

    A header after line 1 is said to be one: files joined with ``cat`` give one a file. A
    ``kind`` one slip from a record type is told the type meant (``"claims"``: ``claim``).
    """
    if _is_header(record):
        return (
            f'line {number}: a second header ({{"format": "factlog", ...}}): files joined with cat? Give them'
            " as separate files or their folder, or write them as one with"
            " factlog.dump(factlog.load(FOLDER), \"ALL.jsonl\") (docs/format.md, 'JSON Lines')"
        )
    close = difflib.get_close_matches(kind.casefold(), RECORD_TYPES, n=1, cutoff=0.8) if isinstance(kind, str) else []
    meant = f" (did you mean {close[0]!r}?)" if close else ""
    return f'line {number}: expected an object with "type" one of {", ".join(RECORD_TYPES)}{meant}'
