"""Reading a JSON Lines claim set in two passes: the small tables whole, the claims by line offset.

The compact paths over a large file (:func:`factlog.check_lines`,
:func:`factlog.assess_lines`) keep the small tables (entities, predicates, sources,
acknowledgements) as objects and, for each claim, the byte offset of its line; claims
are decoded again from their offsets, some at a time, and indexed with the small tables
of a base :class:`Index`. No line is read past ``Limits.max_bytes`` bytes
(:func:`~factlog.io._files.read_line`): a longer one is a ``LineTooLong`` naming the
file and line.
"""

from __future__ import annotations

import warnings
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from factlog._echo import counted
from factlog.analysis._index import Index
from factlog.io._documents import load
from factlog.io._files import LineTooLong, capped_lines, read_line
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import DEFAULT_LIMITS, Limits, quick_parse
from factlog.io._recordplaces import place_sources
from factlog.io._records import RECORD_TYPES
from factlog.io._references import unresolved
from factlog.io._sections import claim_set, section_reader
from factlog.model._claimset import ClaimSet
from factlog.model._nouns import Claim
from factlog.model._vocabulary import Vocabulary
from factlog.model._written import WrittenWhen

__all__ = [
    "Unstreamable",
    "WholeFileWarning",
    "read_whole",
    "check_references",
    "claim_reader",
    "index_of",
    "materialise",
    "read_tables",
    "records",
]

_CLAIM_PREFIXES = (b'{"type":"claim"', b'{"type": "claim"')
"""How factlog (and json.dumps) write a claim line: such lines are only located in the first pass."""
_BOM = b"\xef\xbb\xbf"
_CLAIM_REFERENCE = "unknown claim"


class Unstreamable(Exception):
    """Something the compact path does not take: the caller reads the file whole instead."""


_WHY = {
    "orjson": "orjson is not installed (pip install '.[scale]' in a checkout)",
    "header": "its header is not this version's (an older file is read and migrated whole)",
    "a when in words": "a claim gives its time in words, which is resolved against the whole file",
    "a claim without an id": "a claim has no id",
}


class WholeFileWarning(UserWarning):
    """A JSON Lines file the compact path read whole, with :func:`~factlog.load`, rather than line by line.

    Warned (:mod:`warnings`) by :func:`~factlog.check_lines` and
    :func:`~factlog.assess_lines` when the file is read whole and reads without error:
    the result is the same, but memory grows with the whole file (about 1.5 KiB a claim
    for a check, 3 KiB for an assessment; ``docs/scale.md``) rather than with the
    columns. ``path``: the file; ``reason``: why, in words (a claim with a ``when`` in
    words, orjson not installed, an older format version).
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path}: read whole, not line by line: {reason}; memory grows with the file")

    def __reduce__(self) -> tuple[type[WholeFileWarning], tuple[str, str]]:
        return (WholeFileWarning, (self.path, self.reason))


def read_whole(path: Path, limits: Limits, reason: object) -> ClaimSet:
    """:func:`~factlog.load` of a file the compact path does not take; a :class:`WholeFileWarning` once it reads.

    ``reason``: the :class:`Unstreamable` (or other exception) that sent the file here,
    worded for the warning. Raises what :func:`~factlog.load` raises (then nothing is
    warned: the error says what is wrong).
    """
    claims = load(path, limits=limits)
    said = str(reason)
    warnings.warn(WholeFileWarning(str(path), _WHY.get(said, said)), stacklevel=3)
    return claims


def read_tables(
    stream: IO[bytes],
    offsets: array[int],
    folder: str,
    limits: Limits = DEFAULT_LIMITS,
    name: str = "<stream>",
    *,
    acknowledgement_lines: list[int] | None = None,
) -> ClaimSet:
    """The first pass: every non-claim record read into a claim set without claims; each claim line's offset noted.

    The line number (from 1) of each acknowledgement record is appended, in order, to
    ``acknowledgement_lines`` when given: where a stale one stands, named without
    reading the file again (:func:`~factlog.io._places.place_acknowledgements`). Each
    source is named by its line in ``name`` (``sources_at``: ``FILE:LINE``).
    Raises :class:`Unstreamable` for another header or version, a claim without an id or
    a reference the tables do not resolve (or any error of the readers), and
    ``LineTooLong`` for a line over ``limits.max_bytes`` (``name`` is the file in its message).
    """
    first = read_line(stream, limits, name, 1)
    header = quick_parse(first.removeprefix(_BOM))
    if header != {"format": FORMAT, "version": VERSION} or type(header["version"]) is not int:
        raise Unstreamable("header")
    position = len(first)
    readers: dict[str, Any] = {}
    ids: dict[str, str] = {}
    sections: dict[str, list[Any]] = {}
    sources: list[int] = []  # the line of each source record: where its document is given
    for number, line in enumerate(capped_lines(stream, limits, name, 2), start=2):
        start = position
        position += len(line)
        if not line.strip(b" \t\r\n"):
            continue
        if line.startswith(_CLAIM_PREFIXES):
            offsets.append(start)
            continue
        record = quick_parse(line)
        section = RECORD_TYPES[record.pop("type")]
        if section == "claims":
            offsets.append(start)
            continue
        if section == "acknowledged" and acknowledgement_lines is not None:
            acknowledgement_lines.append(number)
        elif section == "sources":
            sources.append(number)
        if section not in readers:
            readers[section] = section_reader(section, _claim_without_id)
            sections[section] = []
        sections[section].append(readers[section](record, ids))
    tables = claim_set({section: tuple(items) for section, items in sections.items()}, folder)
    if unresolved(tables, tables):
        raise Unstreamable("references")
    return place_sources(tables, name, sources)


def _claim_without_id(_data: Any) -> Claim:
    raise Unstreamable("a claim without an id")


def materialise(stream: IO[bytes], offsets: Sequence[int], limits: Limits = DEFAULT_LIMITS) -> list[Claim]:
    """The claims whose lines start at these offsets (ascending), decoded again; none read past ``limits.max_bytes``."""
    read = section_reader("claims", _claim_without_id)
    ids: dict[str, str] = {}
    return [read(record, ids) for record in records(stream, offsets, limits)]


def records(
    stream: IO[bytes],
    offsets: Iterable[int],
    limits: Limits = DEFAULT_LIMITS,
    parse: Callable[[bytes], Any] = quick_parse,
) -> Iterator[dict[str, Any]]:
    """The claim records (without ``type``) at these offsets (ascending), parsed by ``parse``; none read past the limit.

    Raises ``LineTooLong`` for a line longer than ``limits.max_bytes``, and whatever
    ``parse`` raises.
    """
    position = stream.tell()
    for offset in offsets:
        if position != offset:
            stream.seek(offset)
        line = stream.readline(limits.max_bytes + 1)
        position = offset + len(line)
        if len(line) > limits.max_bytes and not line.endswith(b"\n"):
            where = f"{getattr(stream, 'name', '<stream>')}: byte {offset}"  # the file changed since the first pass
            raise LineTooLong(
                [f"{where}: longer than the limit ({counted(limits.max_bytes, 'byte')}, Limits.max_bytes)"]
            )
        record = parse(line)
        record.pop("type")
        yield record


def claim_reader() -> Callable[[Any, dict[str, str]], Claim]:
    """The reader of one claim record, as :func:`materialise` reads them (no id: :class:`Unstreamable`)."""
    read: Callable[[Any, dict[str, str]], Claim] = section_reader("claims", _claim_without_id)
    return read


def index_of(base: Index, claims: Sequence[Claim]) -> Index:
    """An index of some claims with the small tables of ``base``, sharing its per-entity and per-source caches."""
    part = base.claims.sharing_tables(tuple(claims))
    shared = base.view([])
    index = Index(
        part,
        base.vocabulary,
        [],
        {},
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
        defaultdict(list),
        documents=shared._documents,
        speakers=shared._speakers,
        hierarchy=shared._hierarchy,
        publishers=shared._publishers,
        texts=shared._texts,
    )
    index.add(part.claims)
    return index


def check_references(part: ClaimSet, vocabulary: Vocabulary | None = None) -> None:
    """Unknown ids within some claims (links to other claims are left to the caller): :class:`Unstreamable`.

    So is a ``when`` in words: it resolves against the sources and events of the whole
    file, so the caller reads the file whole with :func:`~factlog.load`, as the plain path does.
    ``vocabulary`` is ``part``'s own when the caller has it (:meth:`~factlog.Vocabulary.of` otherwise).
    """
    if any(claim.proposition is not None and type(claim.proposition.when) is WrittenWhen for claim in part.claims):
        raise Unstreamable("a when in words")
    claims_only = ClaimSet(claims=part.claims)
    for path, message in unresolved(claims_only, part, vocabulary):
        if not (message.startswith(_CLAIM_REFERENCE) and (".answers[" in path or ".regarding.claims[" in path)):
            raise Unstreamable(message)
