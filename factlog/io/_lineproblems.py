"""A JSON Lines file with problems, read a line at a time: its problems, and the records that read.

The whole-file reader (:func:`factlog.io._documents._read_lines`) holds the text, its
lines and every parsed record at once, and the converter reads the records as one
document: at 300,000 claims a misspelled key cost 2.1 GB where the clean file took
under 0.3 GB. Here each line is parsed and made by the generated reader of its
section (or, refused there, by the converter's hook, which names its problems), then
dropped: only the records made (what the clean reading keeps too), the messages and
the ids the refused records give stay; 318 MB at 300,000 claims. Past
``Limits.max_problems`` messages, the others are counted by kind
(:mod:`factlog.io._tally`): at 100,000 refused claims 94 MB, where every message and
record held 1.1 GB. The messages are those
the whole-file reader gives (the same converter hooks, paths and order: a hypothesis
oracle in tests/io/test_line_problems.py); a file this reader does not take (see
:func:`problems_by_line`) is left to it, and so is a file it finds nothing amiss in
(one the streaming reader declined for another reason, such as a float of 2**63 or
more), read once more.
"""

from __future__ import annotations

import re
import stat
import typing
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import cattrs

from factlog.errors import FormatError
from factlog.io._linetext import no_record
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import FORMAT_DEPTH, Limits, parse_json, prefix, quick_parse
from factlog.io._records import RECORD_TYPES, SECTIONS
from factlog.io._salvage import Salvage, names_of
from factlog.io._tally import count_kind, record_kind
from factlog.model._claimset import ClaimSet, read_claim_set_of
from factlog.model._nouns import FieldError

__all__ = ["WholeReader", "problems_by_line"]

_JSON_WHITESPACE = b" \t\r\n"  # RFC 8259: only these make a line blank
_BOM = b"\xef\xbb\xbf"


class _Declined(Exception):
    """The file is one the whole-file reader reads: an older version, bytes that are no UTF-8."""


def _item_types() -> dict[str, Any]:
    hints = typing.get_type_hints(ClaimSet)
    return {name: typing.get_args(hints[name])[0] for name in SECTIONS}


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Each line of the file (without its newline) and its number from 1; the file read a line at a time."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            yield number, line[:-1] if line.endswith(b"\n") else line


@attrs.frozen
class WholeReader:
    """What the whole-file reader reads records with: its detailed converter, its messages, its sources' folder.

    ``messages(error, root, data)`` formats a converter's error for ``data`` under a root path (``$.claims[4]``)
    and drops its tracebacks, which hold its frames in cycles (:func:`~factlog._bulk.forget_frames`);
    ``with_bases`` gives a set its sources' folder. A record the generated reader
    (``fast``) reads is made by it, its strings shared as the clean reading shares them
    (at 300,000 claims, 420 MB read by the converter alone); only a record it refuses
    goes through the converter, which names the problems or reads what it alone takes.
    """

    converter: cattrs.Converter
    messages: Callable[[BaseException, str, Any], list[str]]
    with_bases: Callable[[ClaimSet], ClaimSet]
    fast: Callable[[str], Callable[[Any, dict[str, str]], Any]]
    """The generated reader of a section's record (ids interned in the dict it is given), tried first."""


def problems_by_line(path: Path, name: str, limits: Limits, reader: WholeReader) -> FormatError | None:
    """The :class:`~factlog.FormatError` the whole-file reader raises for this file; None where it is to read it.

    ``name`` goes in front of the messages. None for a file of an older version or
    without a current header on line 1 (a BOM before it is taken), one that holds bytes
    that are no UTF-8, is larger than ``limits.max_bytes`` or no regular file or cannot be
    read, for ``limits`` tighter than the format's nesting, and for a file without a
    problem: the whole-file reader reads these. The error has a
    :class:`~factlog.io._salvage.Salvage` attached when the records that read make a
    set (an id given twice included). Raises nothing else.
    """
    try:
        info = path.stat()
        if info.st_size > limits.max_bytes or not stat.S_ISREG(info.st_mode) or limits.max_depth < FORMAT_DEPTH:
            return None
        reading = _Reading(limits, reader, prefix(name))
        for number, line in _lines(path):
            reading.take(number, line)
        return reading.error(path)
    except (_Declined, OSError):  # the whole-file reader reads it, or names the problem
        return None


class _Reading:
    """The problems of a file's lines as they are read, and the records made of the lines that read."""

    def __init__(self, limits: Limits, reader: WholeReader, before: str) -> None:
        self.limits = limits
        self.reader = reader
        self.before = before  # in front of each message: the file's name
        self.types = _item_types()
        self.hooks = {section: reader.converter.get_structure_hook(item) for section, item in self.types.items()}
        self.fast = {section: reader.fast(section) for section in SECTIONS}
        self.interned: dict[str, str] = {}
        self.syntax = _Told(limits.max_problems, before)  # a line that is no JSON, or no header or record: alone
        self.refused: dict[str, list[tuple[int, list[str], list[str]]]] = {}  # section: (index, messages, names)
        self.told = 0  # the messages of refused records kept; past limits.max_problems, counted in more
        self.more: dict[str, int] = {}
        self.made: dict[str, list[Any]] = {section: [] for section in SECTIONS}
        self.counts = dict.fromkeys(SECTIONS, 0)

    def take(self, number: int, line: bytes) -> None:
        """Line ``number`` (without its newline): its problems noted, or its record made."""
        if number == 1:
            _header(line)
            return
        if not line.strip(_JSON_WHITESPACE):
            return
        record = self.parsed(number, line)
        if record is None:
            return
        kind = record.pop("type", None) if isinstance(record, dict) else None
        section = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
        if section is None:
            if _parsed(line, number, self.limits, self.syntax) is not None:  # else nested too deep, said so
                self.syntax.append((number, no_record(number, record, kind)))
            return
        index = self.counts[section]
        self.counts[section] += 1
        if self.syntax:  # only the lines' problems are reported: no more records are made
            self.made.clear()
            return
        try:
            self.made[section].append(self.fast[section](record, self.interned))
            return
        except Exception:  # the converter names the problem, or reads what only it takes
            pass
        try:
            self.made[section].append(self.hooks[section](record, self.types[section]))
        except Exception as error:
            exact = _parsed(line, number, self.limits, self.syntax)  # else nested too deep, said so
            if exact is not None:
                exact.pop("type", None)
                found = self.reader.messages(error, f"$.{section}[{index}]", exact)
                self.refused.setdefault(section, []).append((index, self.kept(found), names_of(exact)))

    def kept(self, found: list[str]) -> list[str]:
        """A refused record's messages, kept while fewer than ``limits.max_problems`` are; else counted by kind."""
        if self.told < self.limits.max_problems:
            self.told += len(found)
            return found
        for message in found:
            count_kind(self.more, record_kind(self.before, message))
        return []

    def parsed(self, number: int, line: bytes) -> Any:
        """The line parsed by orjson where it reads as the standard library does; None for a problem, noted."""
        try:
            record = quick_parse(line)
        except ValueError:
            return _parsed(line, number, self.limits, self.syntax)
        # orjson sets no depth: a line with as many brackets as the limit is parsed again, its depth measured.
        if line.count(b"[") + line.count(b"{") >= self.limits.max_depth:
            return _parsed(line, number, self.limits, self.syntax)
        return record

    def error(self, path: Path) -> FormatError | None:
        """The whole-file reader's error for the lines read, with the records that read attached; None: none found.

        An id given twice (no field refused) is the one problem of the file, its record
        read again from ``path`` to know the ids it gives, as the whole-file reader does.
        """
        before = self.before
        if self.syntax:
            return FormatError([before + message for message in self.syntax.messages()], more=self.syntax.more)
        sections = {section: tuple(self.made[section]) for section in SECTIONS}
        self.made.clear()
        if not self.refused and not self.twice(path, sections):
            return None  # nothing amiss, or what the whole-file reader alone names
        refused = self.refused
        error = FormatError(
            [before + message for section in SECTIONS for _, found, _ in refused.get(section, []) for message in found],
            more=self.more,
        )
        out = {section: {index for index, _, _ in items} for section, items in refused.items()}
        kept = {
            section: [n for n in range(count) if n not in out.get(section, ())]
            for section, count in self.counts.items()
            if count
        }
        ids = frozenset(found for items in refused.values() for _, _, names in items for found in names)
        try:
            part = self.reader.with_bases(read_claim_set_of(sections, {}))
        except (FieldError, FormatError):
            return error  # the records that read make no set: the fields alone, as salvaged() gives them
        # A claim's names are its id alone (names_of): each refused claim to its first refused field.
        failed = {
            names[0]: found[0].split(": ", 1)[0] if found else f"$.claims[{index}]"
            for index, found, names in refused.get("claims", [])
            if names
        }
        vars(error)["salvage"] = Salvage(part, kept, ids, failed)
        return error

    def twice(self, path: Path, sections: dict[str, tuple[Any, ...]]) -> bool:
        """Whether the set of ``sections`` gives an id twice: then noted as refused, and taken out of ``sections``."""
        try:
            self.reader.with_bases(read_claim_set_of(sections, {}))
        except FieldError as error:
            found = _TWICE.fullmatch(error.field)
            if found is None or found["section"] not in SECTIONS:
                return False
            section, index = found["section"], int(found["index"])
            record = _record_at(path, section, index, self.limits)
            self.refused = {section: [(index, [f"$.{error.field}: {error.message}"], names_of(record))]}
            sections[section] = sections[section][:index] + sections[section][index + 1 :]
            return True
        except FormatError:
            return False
        return False


class _Told:
    """The problems of lines that are no JSON, or no header or record, as found: the first ``limit`` kept.

    The others are counted by kind (:func:`~factlog.io._tally.record_kind` of ``before``,
    the file's name) in ``more``.
    """

    def __init__(self, limit: int, before: str) -> None:
        self.limit = limit
        self.before = before
        self.found: list[tuple[int, str]] = []
        self.more: dict[str, int] = {}

    def __bool__(self) -> bool:
        return bool(self.found)

    def append(self, problem: tuple[int, str]) -> None:
        """Keep (line, message), or count it once ``limit`` are kept."""
        if len(self.found) < self.limit:
            self.found.append(problem)
        else:
            count_kind(self.more, record_kind(self.before, problem[1]))

    def extend(self, problems: Iterable[tuple[int, str]]) -> None:
        """:meth:`append` each."""
        for problem in problems:
            self.append(problem)

    def messages(self) -> list[str]:
        """The messages kept, in the order of their lines."""
        return [message for _, message in sorted(self.found, key=lambda found: found[0])]


_TWICE = re.compile(r"(?P<section>[a-z_]+)\[(?P<index>\d+)\]\.[a-z_]+")
"""The field of an id given twice: ``claims[5].id``."""


def _record_at(path: Path, section: str, index: int, limits: Limits) -> Any:
    """Record ``index`` of ``section`` in a file whose every line reads (its "type" taken), read again.

    Raises :class:`_Declined` when the file no longer holds it, or holds a line that does not read:
    the file changed since its first reading, and the whole-file reader names what it now holds.
    """
    count = -1
    for number, line in _lines(path):
        if number == 1 or not line.strip(_JSON_WHITESPACE):
            continue
        try:
            record = parse_json(line.decode(), None, limits)
            found = RECORD_TYPES[record.pop("type")]
        except (ValueError, LookupError, TypeError, AttributeError):  # no UTF-8, no JSON, no record: it changed
            raise _Declined from None
        if found == section:
            count += 1
            if count == index:
                return record
    raise _Declined  # the file changed as it was read


def _header(line: bytes) -> None:
    """Nothing for the header of the current version (a BOM before it taken, as the clean reading takes it).

    Raises :class:`_Declined` for anything else.
    """
    try:
        header = quick_parse(line.removeprefix(_BOM))
    except ValueError:
        raise _Declined from None
    if header != {"format": FORMAT, "version": VERSION} or type(header["version"]) is not int:
        raise _Declined


def _parsed(line: bytes, number: int, limits: Limits, syntax: _Told) -> Any:
    """The line parsed as the whole-file reader parses it; None, its problems added to ``syntax``, if it is no JSON.

    Bytes that are no UTF-8 are left to the whole-file reader (its message names the byte in the file).
    """
    try:
        text = line.decode()
    except UnicodeDecodeError:
        raise _Declined from None
    try:
        return parse_json(text, None, limits)
    except FormatError as error:
        syntax.extend((number, f"line {number}: {message.removeprefix('$: ')}") for message in error.errors)
        return None
