"""A claim set laid out for a cluster: :func:`split_lines` writes one small-tables file and many claim files.

The folder it writes holds ``tables.json`` (the entities, predicates, sources and
acknowledgements of the whole set), ``claims-00001.jsonl``, ``claims-00002.jsonl``, ...
(each a header line and at most ``claims_per_file`` claim records, in the set's order),
and a copy of every source's stored document. ``factlog.load(folder)`` gives the set
that loading the input gives, so ``factlog check folder`` gives its findings; a Dask
cluster reads each file in a task of its own (``docs/scale.md``).

A JSON Lines input of the current version is read a line at a time
(:mod:`factlog.io._splitstream`): its claims never stand in memory together. Anything
else, and any problem, is read by :func:`factlog.load`, whose error names the file and
JSON path, after the documents a split cannot keep of the sources that read.
Everything is written into a staging folder beside the target, which
takes its place only once complete (:mod:`factlog.io._splitfolder`): invalid input
writes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO

import attrs

from factlog._echo import counted
from factlog.errors import ArgumentError, ArgumentTypeError, FactlogError, FormatError, InputError, described
from factlog.io._arguments import expect_paths, expect_sizes
from factlog.io._atomic import write_atomic
from factlog.io._documents import load
from factlog.io._files import claim_files
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import DEFAULT_LIMITS, Limits
from factlog.io._recordplaces import in_record
from factlog.io._sections import write_claims
from factlog.io._splitfolder import TABLES, Known, expect_target, install, remove_stale, signals_deferred
from factlog.io._splitsources import Placed, readable_sources
from factlog.io._splitstream import stream_claims, stream_tables
from factlog.io._staging import is_staging, staging_name
from factlog.io._tally import kind_of, problems_bounded
from factlog.io._writing import dumps
from factlog.model._claimset import ClaimSet

__all__ = ["TABLES", "Parts", "split_lines"]

PathLike = str | os.PathLike[str]

_HEADER = (json.dumps({"format": FORMAT, "version": VERSION}, separators=(",", ":")) + "\n").encode()
_WIDTH = 5
_PIECE = 500


def split_lines(
    paths: PathLike | Iterable[PathLike],
    folder: PathLike,
    claims_per_file: int = 100_000,
    *,
    force: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Path, ...]:
    """Write a claim set into ``folder`` as ``tables.json`` and JSON Lines claim files; the files written.

    ``paths``: what :func:`load` reads (a JSON document, a JSON Lines file, a folder, or
    several). ``folder`` receives ``tables.json`` (entities, predicates, sources,
    acknowledgements) and ``claims-00001.jsonl``, ... of ``claims_per_file`` claims each
    (the last may hold fewer; none when there are no claims), in the order
    :func:`load` gives the claims, each file a header line and one claim a line; the
    numbers take more digits past 99,999 files. Every source's document is copied into
    ``folder`` at its path relative to the folder of the file that defines the source,
    or, for sources of files in several folders, relative to the folder those share
    (the source's ``document`` is then rewritten to that path). ``load(folder)`` equals
    ``load(paths)`` (documents so rewritten aside), so a check of the folder gives the
    same findings; a stale acknowledgement is named in ``tables.json``.

    A JSON Lines input of the current version is read a line at a time (its claims are
    copied as written, and never held together); any other input is read whole with
    :func:`load`. Nothing is written unless the whole input is valid: everything goes
    to a hidden staging folder beside ``folder`` (``.FOLDER.split-HOST-PID-RANDOM``)
    that takes its place by a rename when complete; an earlier split replaced
    (``force``) is renamed aside first and removed after, so an error, SIGINT or
    SIGTERM at any moment leaves the complete earlier split or the complete new one
    (the signals wait while the renames run). A staging folder left by a split killed
    outright is not read by a check of the parent folder, and is removed by the next
    split of ``folder`` on the same machine.

    Raises what :func:`load` raises, naming file and JSON path;
    :class:`~factlog.FormatError` for a source whose document cannot be copied (missing,
    unreadable, outside its file's folder, or named ``*.json``/``*.jsonl``, which a
    check of the folder would read as claims), naming the source's file and line or
    JSON path: one error lists these documents, then the problems :func:`load` finds,
    and where the input does not load, the documents of the source records that read on
    their own (:mod:`factlog.io._splitsources`), the first ``limits.max_problems`` of
    them all in full and the others counted by kind, as :func:`load` counts its own
    (each document past them under its place, ``a.json: $.sources[*].document: documents
    a split cannot keep``); :class:`~factlog.InputError` for a ``folder`` that is not empty (unless
    ``force``: then a folder holding an earlier split and nothing else, its
    ``tables.json``, ``claims-*.jsonl`` and the documents its ``tables.json`` names, is
    replaced whole; anything else in it is refused, named), that another split wrote
    while this one ran, that is a file, whose parent does not exist, that lies inside a
    folder ``paths`` names (a ``folder`` that is a symbolic link is written where it
    points), that is named as a staging folder, or that cannot be written (a full disk);
    :class:`~factlog.ArgumentError` for a ``claims_per_file`` under 1, an empty
    ``folder`` (``"."`` is the working folder), ``paths`` :func:`load` refuses (an empty
    path, no path at all) or wrong arguments.
    """
    given = expect_paths(paths, "factlog.split_lines", limits=limits)
    if not isinstance(folder, str | os.PathLike):
        raise ArgumentTypeError(
            f"factlog.split_lines: folder: expected a path (str or os.PathLike), got {described(folder)}"
        )
    if not os.fspath(folder):  # Path("") is the working folder: a missing argument, taken for "."
        raise ArgumentError(
            "factlog.split_lines: folder: expected a path, got an empty one (the working folder is '.')"
        )
    expect_sizes("factlog.split_lines", claims_per_file=claims_per_file)
    named = Path(folder)
    try:
        target = named.resolve() if named.is_symlink() else named  # a link's folder is written, the link kept
        if target.name in ("", ".."):  # "." or "..": the folder's own name, for the staging folder beside it
            target = Path(os.path.abspath(target))
    except (OSError, RuntimeError) as error:  # a loop of links
        raise InputError(f"{named}: cannot follow the link: {error}") from None
    if is_staging(target.name):
        raise InputError(
            f"{named}: named as the hidden folders a split is written in (.FOLDER.split-HOST-PID-RANDOM), which a"
            " check of the folder above passes by and a later split may remove: give another name"
        )
    remove_stale(target)
    known: Known = {}  # an earlier split's documents, read once for the check here and the one before it is replaced
    expect_target(target, force=force, limits=limits, known=known)
    files = claim_files(given)
    if not files:
        raise InputError("no claim files (*.json, *.jsonl) found in " + ", ".join(str(p) for p in given))
    _expect_outside(named, target, given)
    parent = target.absolute().parent
    if not parent.is_dir():
        raise InputError(f"{target}: its folder {parent} does not exist")
    staging = parent / staging_name(target.name)
    try:
        try:
            staging.mkdir()  # as a folder made by hand is made (mkdtemp's would be private to the user)
        except OSError as error:
            raise InputError(f"{target}: cannot write in {parent}: {error.strerror or error}") from None
        with problems_bounded([str(file) for file in files], limits.max_problems, _kind):  # documents and format alike
            names = _write(given, files, staging, claims_per_file, limits)
        install(staging, target, force=force, limits=limits, known=known)
    except FactlogError:
        raise
    except OSError as error:  # a full disk, say
        where = f" ({error.filename})" if error.filename else ""
        raise InputError(f"{target}: cannot write the split: {error.strerror or error}{where}") from None
    finally:
        with signals_deferred():
            shutil.rmtree(staging, ignore_errors=True)
    return tuple(named / name for name in names)


def _expect_outside(named: Path, target: Path, given: list[PathLike]) -> None:
    """Refuse a folder strictly inside an input folder: every later check of that folder would read the split too."""
    place = target.resolve()
    for raw in given:
        path = Path(raw)
        if path.is_dir() and place != path.resolve() and place.is_relative_to(path.resolve()):
            raise InputError(
                f"{named}: inside the input folder {path}, whose checks would read the split too: give a folder"
                " outside it"
            )


def _write(given: list[PathLike], files: list[Path], folder: Path, size: int, limits: Limits) -> list[str]:
    """Write the split into ``folder`` (empty); the names written, ``tables.json`` first."""
    parts = Parts(folder, size)
    tables: ClaimSet | None = None
    unreadable: list[str] = []  # the documents a split cannot keep, where the tables were read alone
    if all(file.suffix == ".jsonl" for file in files):
        try:
            tables = stream_tables(files, limits)
        except Exception:  # any problem: load reads the input and names it
            tables = None
        else:
            try:  # refused before the claims are read, with the claims' own problems if they have any
                copies = _documents(tables)
            except FormatError as error:
                unreadable = error.errors
            else:
                try:
                    stream_claims(files, tables, limits, parts.write)
                except Exception:  # as above
                    parts.discard()
                    tables = None
            if unreadable:
                tables = None
    if tables is None:
        loaded = _loaded(given, files, limits, unreadable)
        copies = _documents(loaded)
        claims = loaded.claims
        for start in range(0, len(claims), _PIECE):
            for record in write_claims(claims[start : start + _PIECE]):
                text = json.dumps(
                    {"type": "claim", **record}, ensure_ascii=False, separators=(",", ":"), allow_nan=False
                )
                parts.write(text.encode() + b"\n")
        tables = loaded
    names = parts.close()
    sources = []
    for source in tables.sources:
        copy = copies.get(source.id)
        if copy is not None:
            original, relative = copy
            destination = folder / os.path.normpath(relative)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, destination)
            if relative != source.document:
                source = attrs.evolve(source, document=relative)  # noqa: PLW2901
        sources.append(source)
    small = ClaimSet(
        entities=tables.entities, predicates=tables.predicates, sources=tuple(sources), acknowledged=tables.acknowledged
    )
    write_atomic(folder / TABLES, dumps(small).encode())
    return [TABLES, *names]


def _loaded(given: list[PathLike], files: list[Path], limits: Limits, unreadable: list[str]) -> ClaimSet:
    """The input as :func:`load` reads it, refused with the documents a split cannot keep before load's problems.

    ``unreadable``: the documents the streamed tables could not keep. Where the tables
    were not read, the documents of the sources that read on their own are looked at
    (:mod:`factlog.io._splitsources`), so one run names both kinds of problem.
    """
    try:
        loaded = load(given, limits=limits)
    except FormatError as error:  # reported as a check reports it, after the documents a split cannot keep
        unreadable = unreadable or _unkept(readable_sources(files, limits))
        if not unreadable:
            raise
        shown = None if error.shown is None else error.shown + len(unreadable)
        raise FormatError([*unreadable, *error.errors], shown=shown, more=error.more) from None
    if unreadable:
        raise FormatError(unreadable)
    return loaded


def _documents(tables: ClaimSet) -> dict[str, tuple[Path, str]]:
    """For each source with a document: the file to copy and its path in the split folder (``/``-separated).

    Raises :class:`~factlog.FormatError` naming where each document that cannot be copied
    so that a check of the split reads it as a check of the input does is given, as a
    check names it (``a.json: $.sources[3].document``, ``b.jsonl:7: $.document``: ``sources_at``).
    """
    sources = [source for source in tables.sources if source.document is not None]
    if not sources:
        return {}
    # Not abspath: a folder given as "link/.." is where the system finds it, beside the link's target.
    bases = {source.id: Path(tables.bases.get(source.id, ".")).absolute() for source in sources}
    root = Path(os.path.commonpath([str(base) for base in bases.values()]))
    copies: dict[str, tuple[Path, str]] = {}
    problems = []
    for source in sources:
        assert source.document is not None
        base = bases[source.id]
        reason = _unreadable(base, source.document)
        if reason is not None:
            problems.append(f"{in_record(tables.sources_at[source.id], 'document')}: {reason}{_UNKEPT}")
            continue
        # Kept as written where the source's file stood in the shared folder; else rewritten from that folder.
        relative = (
            source.document
            if base == root
            else Path(os.path.relpath(os.path.normpath(base / source.document), root)).as_posix()
        )
        copies[source.id] = (base / source.document, relative)
    if problems:
        raise FormatError(problems)
    return copies


def _unkept(sources: list[Placed]) -> list[str]:
    """For each source read on its own whose document a split cannot keep: where it is given, and why."""
    problems = []
    for placed in sources:
        reason = None if placed.source.document is None else _unreadable(placed.folder, placed.source.document)
        if reason is not None:
            problems.append(f"{placed.place}: {reason}{_UNKEPT}")
    return problems


def _unreadable(base: Path, document: str) -> str | None:
    """Why the document cannot be copied as a check reads it (inside ``base``, a regular file within the limits)."""
    path = base / document
    resolved = path.resolve()
    if not resolved.is_relative_to(base.resolve()):
        return f"document {document} lies outside {base}"
    if Path(document).suffix in (".json", ".jsonl"):
        return f"document {document} would be read as a claim file by a check of the split folder"
    try:
        info = resolved.stat()
    except OSError as error:
        return f"cannot read document {path}: {error.strerror or error}"
    if not stat.S_ISREG(info.st_mode):
        return f"cannot read document {path}: not a regular file"
    if info.st_size > DEFAULT_LIMITS.max_bytes:
        return f"document {path} is larger than {counted(DEFAULT_LIMITS.max_bytes, 'byte')}"
    return None


_UNKEPT = "; a split cannot keep it"


def _kind(message: str, labels: Iterable[str]) -> str:
    """The kind a problem is counted under: a document a split cannot keep by its place alone, others as load counts.

    ``a.json: $.sources[3].document: cannot read document ...; a split cannot keep it`` is
    of the kind ``a.json: $.sources[*].document: documents a split cannot keep``, whatever
    the document and the reason, so documents missing by the thousand are one line.
    """
    if not message.endswith(_UNKEPT):
        return kind_of(message, labels)
    end = message.find(".document: ", message.find(": $"))
    if end < 0:  # pragma: no cover - every such message names its document's place
        return kind_of(message, labels)
    return kind_of(message[: end + len(".document")], labels) + ": documents a split cannot keep"


class Parts:
    """The claim files being written: a header line each, then at most ``size`` claim lines."""

    def __init__(self, folder: Path, size: int, width: int = _WIDTH) -> None:
        self.folder, self.size, self.width = folder, size, width
        self.names: list[str] = []
        self.stream: IO[bytes] | None = None
        self.lines = 0

    def write(self, line: bytes) -> None:
        """Append one claim line (ending in a newline), opening the next file when this one is full."""
        if self.stream is None or self.lines == self.size:
            self._close_one()
            self.names.append(f"claims-{len(self.names) + 1:0{self.width}d}.jsonl")
            self.stream = (self.folder / self.names[-1]).open("wb", buffering=1 << 20)
            self.stream.write(_HEADER)
            self.lines = 0
        assert self.stream is not None
        self.stream.write(line)
        self.lines += 1

    def _close_one(self) -> None:
        if self.stream is not None:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            self.stream = None

    def discard(self) -> None:
        """Remove every file written: the claims are written again from another reading."""
        self._close_one()
        for name in self.names:
            (self.folder / name).unlink()
        self.names = []

    def close(self) -> list[str]:
        """Close the last file; the names, renumbered wider when there are more files than ``width`` digits count."""
        self._close_one()
        width = len(str(len(self.names)))
        if width > self.width:
            renamed = [f"claims-{number:0{width}d}.jsonl" for number in range(1, len(self.names) + 1)]
            for old, new in zip(self.names, renamed, strict=True):
                (self.folder / old).rename(self.folder / new)
            self.names = renamed
        return self.names
