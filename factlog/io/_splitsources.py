"""The sources of input that does not load, each read on its own: a split names their documents beside its problems.

:func:`factlog.load` refuses input with any problem, so a split of such input would
name the documents it cannot keep only in a second run, once the problems are mended.
Each source record is read here by the loader's own reader, apart from the rest of its
file; a record refused, a line or file that is no JSON, or a file of another format or
version gives no source (the loader's problems name it), and a file whose reading
stops (a line over the limits) gives those read before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from factlog.errors import FactlogError
from factlog.io._files import read_lines, read_regular
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import Limits, decode, parse_json
from factlog.io._recordplaces import at_line, at_path, in_record
from factlog.io._records import Reader
from factlog.io._sections import section_reader
from factlog.model._nouns import Claim
from factlog.model._sources import Source

__all__ = ["Placed", "readable_sources"]

_HEADER = {"format": FORMAT, "version": VERSION}


@attrs.frozen
class Placed:
    """A source read on its own, the folder of its file, and where its document is given.

    ``place``: ``a.json: $.sources[3].document`` or ``b.jsonl:7: $.document``, as the
    split names a source's document when the input loads.
    """

    source: Source
    folder: Path
    place: str


def readable_sources(files: list[Path], limits: Limits) -> list[Placed]:
    """Every source record of ``files`` that reads on its own, each id once (its first), in file and record order.

    Raises nothing of its own: what cannot be read is passed by.
    """
    found: dict[str, Placed] = {}
    read = section_reader("sources", _no_claim)
    for file in files:
        records = _line_records(file, limits) if file.suffix == ".jsonl" else _document_records(file, limits)
        for record, place in records:
            source = _source(read, record)
            if source is not None and source.id not in found:
                found[source.id] = Placed(source, file.parent.absolute(), place)
    return list(found.values())


def _source(read: Reader, record: Any) -> Source | None:
    try:
        source: Source = read(record, {})
    except Exception:
        return None
    return source


def _no_claim(_data: Any) -> Claim:  # pragma: no cover - only the claims' reader asks for it
    raise ValueError("no claim here")


def _document_records(file: Path, limits: Limits) -> Iterator[tuple[Any, str]]:
    """The source records of a JSON document of this format and version, each with where its document is given."""
    try:
        data = parse_json(decode(read_regular(file, limits), str(file)), str(file), limits)
    except (FactlogError, OSError):
        return
    if type(data) is not dict or {key: data.get(key) for key in _HEADER} != _HEADER:
        return
    sources = data.get("sources")
    for number, record in enumerate(sources if type(sources) is list else ()):
        yield record, in_record(at_path(str(file), f"sources[{number}]"), "document")


def _line_records(file: Path, limits: Limits) -> Iterator[tuple[Any, str]]:
    """The source records of a JSON Lines file of this format and version, each with where its document is given."""
    with contextlib.suppress(FactlogError, OSError):  # a line over the limits: the records before it are kept
        for number, line in enumerate(read_lines(file, limits), start=1):
            try:
                record = parse_json(decode(line, str(file)), str(file), limits)
            except FactlogError:
                record = None
            if number == 1 and record != _HEADER:
                return
            if type(record) is dict and record.get("type") == "source":
                place = in_record(at_line(str(file), number), "document")
                yield {key: value for key, value in record.items() if key != "type"}, place
