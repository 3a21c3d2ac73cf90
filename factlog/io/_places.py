"""Where a record was read, for messages: acknowledgements by file and place, JSON Lines paths as lines.

A JSON document's problems are named by JSON path (``a.json: $.claims[3].certainty``).
A JSON Lines file holds one record a line, so its problems are named by line, with the
path within the line (``b.jsonl:21: $.certainty``), as editors and compilers name a
place: the file's records are counted by type while it is read, which says nothing of
the line each stands on, so the file's lines are read again (only when there is a
problem to name).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from factlog.errors import FormatError
from factlog.io._recordplaces import at_line, at_path
from factlog.io._records import RECORD_TYPES
from factlog.model._claimset import ClaimSet

__all__ = ["AcknowledgementPlaces", "acknowledgement_places", "lines_named", "named_by_line", "place_acknowledgements"]

_NOUNS = {"entities": "entity", "predicates": "predicate", "sources": "source", "claims": "claim"}
_NOUNS["acknowledged"] = "acknowledgement"


class AcknowledgementPlaces(Mapping[str, str]):
    """Where each acknowledged finding id was first read: ``a.json: $.acknowledged[0]``, ``b.jsonl:7``.

    ``places`` maps a finding id to its place or, for a record of a JSON Lines file, to
    the file as labelled, the path to read it at and the record's position among the
    file's acknowledgements: a file read whole counts its records, which says nothing of
    their lines (one read a line at a time notes them, and is named at once). The first
    such place looked up reads each of these files again (once, up to its last
    acknowledgement) and names every record by its line. A
    file that cannot be read, or no longer holds the record, leaves the place as
    ``b.jsonl: acknowledgement record 2``. Raises nothing but :class:`KeyError`.
    """

    def __init__(self, places: Mapping[str, str | tuple[str, str, int]]) -> None:
        self._places = places
        self._named: dict[str, str] | None = None

    def __getitem__(self, finding: str) -> str:
        place = self._places[finding]
        if isinstance(place, str):
            return place
        if self._named is None:
            self._named = _lines_found(self._places, None)
        return self._named[finding]

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


def acknowledgement_places(
    parts: Sequence[tuple[str, ClaimSet]],
    text: str | bytes | None = None,
    lines: Mapping[str, Sequence[int]] | None = None,
) -> AcknowledgementPlaces:
    """Each acknowledged finding id of labelled parts (files), where it was first read; raises nothing.

    A JSON Lines file (a label ending ``.jsonl``; the one part, when ``text``, its text, is
    given) names its records by line: those ``lines`` gives for its label (the line
    numbers of its acknowledgement records, in order, noted by the reader as it read
    them), else found when first looked up, or at once in ``text``.
    """
    places: dict[str, str | tuple[str, str, int]] = {}
    for label, part in parts:
        known = None if lines is None else lines.get(label)
        by_line = text is not None or label.endswith(".jsonl")
        path = str(Path(label).absolute()) if by_line and text is None else label  # the caller may change folder
        for position, ack in enumerate(part.acknowledged):
            if ack.finding in places:
                continue
            if known is not None:
                places[ack.finding] = _numbered(label, known, position)
            elif by_line:
                places[ack.finding] = (label, path, position)
            else:
                places[ack.finding] = at_path(label, f"acknowledged[{position}]")
    if text is None:
        return AcknowledgementPlaces(places)
    decoded = text.decode("utf-8-sig", errors="replace") if isinstance(text, bytes) else text
    return AcknowledgementPlaces(_lines_found(places, decoded))


def _lines_found(places: Mapping[str, str | tuple[str, str, int]], text: str | None) -> dict[str, str]:
    """``places`` with each JSON Lines record's place named by its line (in ``text``, else in its file read again)."""
    wanted: dict[str, int] = {}
    for place in places.values():
        if isinstance(place, tuple):
            wanted[place[1]] = max(wanted.get(place[1], -1), place[2])
    lines = {
        path: _acknowledgement_lines_of(path, last)
        if text is None
        else _record_lines(text, {"acknowledged": last}).get("acknowledged", [])
        for path, last in wanted.items()
    }
    named: dict[str, str] = {}
    for finding, place in places.items():
        if isinstance(place, str):
            named[finding] = place
            continue
        label, path, position = place
        named[finding] = _numbered(label, lines[path], position)
    return named


def _numbered(label: str, numbers: Sequence[int], position: int) -> str:
    """``FILE:LINE`` of a file's acknowledgement record at ``position``, its lines ``numbers``; else its position."""
    if position < len(numbers):
        return at_line(label, numbers[position])
    record = f"acknowledgement record {position + 1}"
    return f"{label}: {record}" if label else record


def _acknowledgement_lines_of(path: str, last: int) -> list[int]:
    """:func:`_acknowledgement_lines` of the file at ``path``, or none when it cannot be read."""
    try:
        with Path(path).open("rb") as stream:
            return _acknowledgement_lines(stream, last)
    except OSError:
        return []


def _lines_of(path: str) -> Iterator[str]:
    """The lines of the file at ``path`` as :func:`_record_lines` takes them, read one at a time; none if unreadable.

    As the text decoded whole (``utf-8-sig``, undecodable bytes replaced) and split at
    newlines: no newline stands inside a character's bytes, so each line decodes alone.
    At 300,000 claims, naming a problem near the end this way took 200 MB less than
    holding the text and its lines (benchmarks/RESULTS.md).
    """
    try:
        with Path(path).open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                yield line.removesuffix(b"\n").decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")
    except OSError:
        return


CHUNK = 1 << 20
"""Bytes read at a time while looking for acknowledgement records."""


_ACKNOWLEDGING = (b"acknowledgement", b"\\")
"""What a JSON Lines record of type ``acknowledgement`` holds in its bytes: the word, or an escape spelling it."""


def _acknowledgement_lines(stream: IO[bytes], last: int, chunk: int = CHUNK) -> list[int]:
    """``_record_lines(text, {"acknowledged": last})["acknowledged"]`` of a file's decoded text, read from its bytes.

    The file is read ``chunk`` bytes at a time, never whole: a million-claim file is
    353 MB, which a check that names one stale acknowledgement held at once. Only the
    lines that hold the word ``acknowledgement`` or a backslash (an escape may spell the
    word) can be such records: they are found by :meth:`bytes.find`, their numbers by
    counting newlines, and each is decoded and read as :func:`_section` reads it.
    Decoding never makes or removes a newline, so the numbers are the decoded text's.
    Reading stops once more than ``last + 1`` are found. Raises what reading raises.
    """
    found: list[int] = []
    for number, line in _candidate_lines(stream, chunk):
        text = line.decode("utf-8", errors="replace")
        if text.strip() and _section(text) == "acknowledged":
            found.append(number)
            if len(found) > last:
                break
    return found


def _candidate_lines(stream: IO[bytes], chunk: int) -> Iterator[tuple[int, bytes]]:
    """(number from 1, bytes without the newline) of each line after the first that holds a needle, in order.

    A block's complete lines are searched where they lie, not copied: only the line a
    block boundary cuts is joined (at a million claims, copying each block behind the
    piece of line before it cost a third of the reading: benchmarks/RESULTS.md).
    """
    number, pending = 1, list[bytes]()  # the number of the next line, and a line begun before this block
    while True:
        block = stream.read(chunk)
        if not block:
            if pending:
                rest = b"".join(pending)
                number = yield from _candidates_in(rest, 0, len(rest), number)
            return
        cut = block.find(b"\n") + 1
        if not cut:
            pending.append(block)  # no newline yet: a long line goes on (joined once, when it ends)
            continue
        begin = 0
        if pending:  # the line the boundary cut: its pieces and this block's first line, joined
            head = b"".join((*pending, block[:cut]))
            number = yield from _candidates_in(head, 0, len(head), number)
            begin = cut
        whole = block.rfind(b"\n") + 1
        number = yield from _candidates_in(block, begin, whole, number)
        pending = [block[whole:]] if whole < len(block) else []


def _candidates_in(data: bytes, low: int, high: int, number: int) -> Generator[tuple[int, bytes], None, int]:
    """:func:`_candidate_lines` of the lines of ``data[low:high]``, the first numbered ``number``; returns the next.

    ``data[low:high]`` holds whole lines, the last one ending at ``high`` (with its newline, or at the file's end).
    """
    starts: set[int] = set()
    for needle in _ACKNOWLEDGING:
        at = data.find(needle, low, high)
        while at >= 0:
            starts.add(data.rfind(b"\n", low, at) + 1 or low)
            end = data.find(b"\n", at, high)
            at = -1 if end < 0 else data.find(needle, end, high)
    counted = low
    for begin in sorted(starts):
        number += data.count(b"\n", counted, begin)
        counted = begin
        if number > 1:
            end = data.find(b"\n", begin, high)
            yield number, data[begin : high if end < 0 else end]
    return number + data.count(b"\n", counted, high)


def place_acknowledgements(
    claims: ClaimSet,
    parts: Sequence[tuple[str, ClaimSet]],
    text: str | bytes | None = None,
    lines: Mapping[str, Sequence[int]] | None = None,
) -> ClaimSet:
    """``claims`` (a set the loader made of ``parts``) with ``acknowledged_at`` filled in; raises nothing.

    ``text``: the one part's JSON Lines text (:func:`factlog.loads_lines`), its records named by line at once;
    ``lines``: by label, the line numbers of a JSON Lines part's acknowledgement records, noted as it was read.
    """
    if claims.acknowledged:
        # The loader's own new set: filled as the readers fill a set's fields (read_claim_set_of).
        object.__setattr__(claims, "acknowledged_at", acknowledgement_places(parts, text, lines))
    return claims


_TYPE = re.compile(r'"type"\s*:\s*"([a-z]+)"')


def _section(line: str) -> str | None:
    """The section of a JSON Lines record (its ``"type"``), or None for a line that is no record."""
    found = _TYPE.search(line)
    kind: object = found[1] if found else None
    if found is None or line.count('"type"') > 1:  # written by hand, or a "type" inside a string: parse it
        try:
            record = json.loads(line)
        except ValueError:
            return None  # a line that is no JSON is counted in no section, as the reader counts it
        kind = record.get("type") if isinstance(record, dict) else None
    return RECORD_TYPES.get(kind) if isinstance(kind, str) else None


def _record_lines(text: str | Iterable[str], wanted: dict[str, int]) -> dict[str, list[int]]:
    """The line numbers (from 1) of the records of a JSON Lines text (or its lines, without newlines), by section.

    Reads until each section holds more than ``wanted[section]`` records (the highest
    position asked for), so an error near the start costs a few lines, not the file.
    """
    found: dict[str, list[int]] = {}
    missing = dict(wanted)
    for number, line in enumerate(text.split("\n") if isinstance(text, str) else text, start=1):
        if not missing:
            break
        if number == 1 or not line.strip():
            continue
        section = _section(line)
        if section is not None:
            numbers = found.setdefault(section, [])
            numbers.append(number)
            if missing.get(section, len(numbers)) < len(numbers):
                del missing[section]
    return found


_FIRST = re.compile(r"\(first at \$\.(?P<section>[a-z]+)\[(?P<index>\d+)\]\)")
"""Where a message says an id was first defined (``'c1' is defined twice (first at $.claims[2])``)."""

_PLACE = re.compile(
    r"(?:\$\.(?P<section>[a-z]+)\[(?P<index>\d+)\](?P<path>[^:]*)"
    r"|(?P<noun>[a-z]+) record (?P<count>\d+)|line (?P<line>\d+)): ?(?P<rest>.*)",
    re.DOTALL,
)


def lines_named(errors: list[str], label: str, text: str | None) -> list[str]:
    """``errors`` of a JSON Lines file, each record's JSON path given as its line.

    ``label: $.claims[19].certainty: ...`` becomes ``label:21: $.certainty: ...`` (``line
    21: $.certainty: ...`` for a label ""),
    ``label: claim record 20: ...`` becomes ``label:21: ...`` and ``label: line 21: ...``
    becomes ``label:21: ...``; an error of another file, or of a record the text does
    not hold, is kept as it is. ``text`` is the file's text (None: read from ``label``,
    a path, only when a record's line must be found; unreadable, its errors are kept).
    Raises nothing.
    """
    nouns = {noun: section for section, noun in _NOUNS.items()}
    prefix = f"{label}: " if label else ""
    places: list[tuple[str, re.Match[str] | None, str, int]] = []  # (error, match, section, position)
    wanted: dict[str, int] = {}
    failed = _failed_in(label)
    for error in errors:
        for where in failed.finditer(error):
            wanted[where["section"]] = max(wanted.get(where["section"], -1), int(where["index"]))
        found = _PLACE.fullmatch(error[len(prefix) :]) if error.startswith(prefix) else None
        section, position = "", -1
        if found is not None and found["line"] is None:
            section = found["section"] or nouns.get(found["noun"] or "", "")
            position = int(found["index"]) if found["index"] is not None else int(found["count"] or 0) - 1
            wanted[section] = max(wanted.get(section, -1), position)
        for first in _FIRST.finditer(error):
            wanted[first["section"]] = max(wanted.get(first["section"], -1), int(first["index"]))
        places.append((error, found, section, position))
    lines: dict[str, list[int]] = {}
    if wanted:
        lines = _record_lines(_lines_of(label) if text is None else text, wanted)
    named = []
    for error, found, section, position in places:
        numbers = lines.get(section, [])
        if found is not None and found["line"] is not None:
            rest = found["rest"]
            if rest.startswith("invalid JSON at line 1 column"):  # the place, and the place a message ends with
                rest = rest.replace(" at line 1 column ", " at column ", 2)
            named.append(f"{at_line(label, int(found['line']))}: {rest}")
        elif found is not None and 0 <= position < len(numbers):
            path = f"${found['path']}: " if found["section"] else ""
            rest = _FIRST.sub(lambda first: _first_line(first, lines), found["rest"])
            named.append(f"{at_line(label, numbers[position])}: {path}{rest}")
        else:
            named.append(error)
    return [failed.sub(lambda where: _failed_line(where, label, lines), error) for error in named]


def _by_line(errors: list[str], label: str) -> list[str]:
    """``errors`` with those named ``label:LINE`` (``line LINE`` for a label "") in the order of their lines, in place.

    The records of a JSON Lines file are read section by section (entities first), so
    their problems are put back in the order the file holds them; others stay where they are.
    """
    place = re.compile(rf"{re.escape(label)}:(\d+): " if label else r"line (\d+): ")
    lines = {n: int(found[1]) for n, error in enumerate(errors) if (found := place.match(error))}
    ordered = iter(sorted(lines, key=lambda n: lines[n]))
    return [errors[next(ordered)] if n in lines else error for n, error in enumerate(errors)]


def _failed_in(label: str) -> re.Pattern[str]:
    """Where a message says a record of ``label`` failed to load (``see the error at b.jsonl: $.claims[2].when``)."""
    before = re.escape(f"{label}: " if label else "")
    return re.compile(rf"(?<=see the error at ){before}\$\.(?P<section>[a-z]+)\[(?P<index>\d+)\](?P<path>[^)\s]*)")


def _failed_line(where: re.Match[str], label: str, lines: dict[str, list[int]]) -> str:
    """``b.jsonl:17: $.when`` for ``b.jsonl: $.claims[2].when``; kept as it is when the text holds no such record."""
    numbers = lines.get(where["section"], [])
    index = int(where["index"])
    return f"{at_line(label, numbers[index])}: ${where['path']}" if index < len(numbers) else where[0]


def _first_line(first: re.Match[str], lines: dict[str, list[int]]) -> str:
    """``(first on line 17)`` for ``(first at $.claims[2])``; kept as it is when the text holds no such record."""
    numbers = lines.get(first["section"], [])
    index = int(first["index"])
    return f"(first on line {numbers[index]})" if index < len(numbers) else first[0]


@contextlib.contextmanager
def named_by_line(labels: Iterable[str], text: str | bytes | None = None) -> Iterator[None]:
    """Re-raise a :class:`~factlog.FormatError` (of its own class) with the errors of JSON Lines files by line.

    ``labels`` are the files read (those ending ``.jsonl`` are looked at, read again
    only when a record's line must be found); ``text`` the one file's text, when the
    caller holds it (:func:`factlog.loads_lines`: then every label is taken as JSON Lines).
    """
    try:
        yield
    except FormatError as error:
        errors = error.errors
        for label in dict.fromkeys(labels):
            if text is not None:
                decoded = text.decode("utf-8-sig", errors="replace") if isinstance(text, bytes) else text
                errors = lines_named(errors, label, decoded)
            elif label.endswith(".jsonl"):
                errors = lines_named(errors, label, None)
            errors = _by_line(errors, label)
        if errors == error.errors:
            raise
        raise type(error)(errors, shown=error.shown, more=error.more) from None
