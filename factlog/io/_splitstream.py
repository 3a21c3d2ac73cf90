"""The line-at-a-time reading of :func:`factlog.split_lines`: JSON Lines files of the current version, claims copied.

Two passes over each file. The first keeps the small tables (entities, predicates,
sources, acknowledgements) as objects, each source with the line it stands on; the
second reads each claim line with the loader's generated reader (the same checks as
:func:`factlog.load`), checks its references against the merged tables a batch at a
time, and hands the line on as it was written. Only 64-bit hashes of the claims' ids
and of the claims they answer or regard are kept, to find an id given twice or a link
to no claim at the end. Anything this does not take (an older version, a claim
without an id or with a ``when`` in words, any problem) raises :class:`Unsplittable`:
the caller then reads the input with :func:`factlog.load`, which names the problem or
reads what this path does not.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from factlog.io._cycles import on_cycles
from factlog.io._files import capped_lines, read_line
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import Limits, orjson_module, quick_parse
from factlog.io._recordplaces import place_sources
from factlog.io._records import RECORD_TYPES
from factlog.io._references import unresolved
from factlog.io._sections import claim_set, section_reader
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._nouns import Claim
from factlog.model._vocabulary import Vocabulary
from factlog.model._written import WrittenWhen

__all__ = ["BATCH", "Unsplittable", "stream_claims", "stream_tables"]

BATCH = 10_000
"""Claims whose references are checked against the tables at once."""

_BLANK = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"
_CLAIM_PREFIXES = (b'{"type":"claim"', b'{"type": "claim"')
_CLAIM_LINKS = ("unknown claim",)


class Unsplittable(Exception):
    """Something the line-at-a-time path does not take: the caller reads the input with :func:`factlog.load`."""


def _refuse_without_id(_data: Any) -> Claim:
    raise Unsplittable("a claim without an id")


def _lines(stream: IO[bytes], limits: Limits, name: str) -> Iterator[tuple[int, bytes]]:
    """The numbered lines of a file after its header (which must be this version's), blank lines left out."""
    header = quick_parse(read_line(stream, limits, name, 1).removeprefix(_BOM))
    if header != {"format": FORMAT, "version": VERSION} or type(header["version"]) is not int:
        raise Unsplittable("header")
    for number, line in enumerate(capped_lines(stream, limits, name, 2), start=2):
        if line.strip(_BLANK):
            yield number, line


def _section(line: bytes) -> tuple[str, dict[str, Any] | None]:
    """The section of a record line, and the record (without ``type``) when it was parsed to tell."""
    if line.startswith(_CLAIM_PREFIXES):
        return "claims", None
    record = quick_parse(line)
    return RECORD_TYPES[record.pop("type")], record


def stream_tables(files: list[Path], limits: Limits) -> ClaimSet:
    """The first pass: the merged small tables of the files, each source named by its line (``sources_at``).

    Raises :class:`Unsplittable` (or any error of the readers) for anything
    :func:`factlog.load` must read: the caller falls back to it.
    """
    if orjson_module() is None:
        raise Unsplittable("orjson")
    parts: list[tuple[str, ClaimSet]] = []
    for file in files:
        readers: dict[str, Any] = {}
        ids: dict[str, str] = {}
        sections: dict[str, list[Any]] = {}
        lines: list[int] = []  # the line of each source record
        with file.open("rb") as stream:
            for number, line in _lines(stream, limits, str(file)):
                section, record = _section(line)
                if section == "claims":
                    continue
                if section not in readers:
                    readers[section] = section_reader(section, _refuse_without_id)
                    sections[section] = []
                item = readers[section](record, ids)
                sections[section].append(item)
                if section == "sources":
                    lines.append(number)
        part = claim_set({name: tuple(items) for name, items in sections.items()}, str(file.parent))
        parts.append((str(file), place_sources(part, str(file), lines)))
    tables = merge_all(parts) if parts else ClaimSet()
    if unresolved(tables, tables):
        raise Unsplittable("references")
    return tables


def stream_claims(
    files: list[Path], tables: ClaimSet, limits: Limits, write: Callable[[bytes], None], *, batch: int = BATCH
) -> int:
    """The second pass: every claim line read and checked, then given to ``write`` as written; the number of claims.

    ``batch`` claims at a time are checked against the tables.
    Raises :class:`Unsplittable` for a claim without an id, a ``when`` in words, a
    reference the tables do not define, an id given twice, a link to no claim or a
    cycle of ``answers`` (or any error of the readers): nothing the caller wrote may
    then be kept.
    """
    vocabulary = Vocabulary.of(tables)
    read = section_reader("claims", _refuse_without_id)
    ids: array[int] = array("q")
    links: array[int] = array("q")
    claims: list[Claim] = []
    replies: dict[int, list[int]] = {}
    for file in files:
        interned: dict[str, str] = {}
        with file.open("rb") as stream:
            for _, line in _lines(stream, limits, str(file)):
                section, record = _section(line)
                if section != "claims":
                    continue
                if record is None:
                    record = quick_parse(line)
                    record.pop("type")
                item = read(record, interned)
                if item.proposition is not None and type(item.proposition.when) is WrittenWhen:
                    raise Unsplittable("a when in words")
                ids.append(hash(item.id))
                links.extend(hash(other) for other in item.answers)
                if item.answers:  # few claims answer others: their links are kept whole, for cycles
                    replies[hash(item.id)] = [hash(other) for other in item.answers]
                if item.regarding is not None:
                    links.extend(hash(other) for other in item.regarding.claims)
                claims.append(item)
                write(line.strip(_BLANK) + b"\n")
                if len(claims) >= batch:
                    _check_batch(claims, tables, vocabulary)
                    interned = {}  # the reader's strings of this batch: kept, they would grow with the claims
        _check_batch(claims, tables, vocabulary)
    if not _ids_unique_and_linked(ids, links):
        raise Unsplittable("an id given twice, or a link to no claim")
    if replies and on_cycles(replies):
        raise Unsplittable("a cycle of answers")
    return len(ids)


def _check_batch(batch: list[Claim], tables: ClaimSet, vocabulary: Vocabulary) -> None:
    """What the loader asks of some claims against the tables (links to other claims are checked at the end)."""
    if not batch:
        return
    part = tables.sharing_tables(tuple(batch))  # what the predicates ask of the claims; ids unique in the batch
    for path, message in unresolved(ClaimSet(claims=part.claims), part, vocabulary):
        if not (message.startswith(_CLAIM_LINKS) and (".answers[" in path or ".regarding.claims[" in path)):
            raise Unsplittable(message)
    batch.clear()


def _ids_unique_and_linked(ids: array[int], links: array[int]) -> bool:
    """No hash given twice in ``ids``, and every hash of ``links`` among them (numpy's sort when installed)."""
    try:
        import numpy  # noqa: PLC0415 - heavy, and only a large input needs it
    except ImportError:  # pragma: no cover - the test extra installs it
        known = set(ids)
        return len(known) == len(ids) and all(link in known for link in links)
    column = numpy.sort(numpy.frombuffer(ids, dtype=numpy.int64))
    if len(column) > 1 and bool((column[1:] == column[:-1]).any()):
        return False
    wanted = numpy.frombuffer(links, dtype=numpy.int64)
    if not len(wanted):
        return True
    if not len(column):
        return False
    found = numpy.searchsorted(column, wanted).clip(0, len(column) - 1)
    return bool((column[found] == wanted).all())
