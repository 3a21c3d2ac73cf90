"""An append-only claim log: months of work, never edited in place, never lost.

A :class:`ClaimLog` is an SQLite database (see :mod:`factlog.io._store`). Each
:meth:`ClaimLog.append` is one transaction with its UTC time; it holds records:
entities, predicates, sources (with the bytes of their documents, kept by sha256),
claims, acknowledgements, and retractions (which withdraw an earlier claim; nothing is
ever edited or deleted). ``append`` returns only once the transaction is on disk.
:meth:`ClaimLog.replay` rebuilds the claim set, as of any moment.

A record whose id is already defined differently is refused at append with a
:class:`~factlog.ConflictError`, unless ``replace=True`` asks for a new version: the
old one stays in the history (:meth:`ClaimLog.history`) and an ``as_of`` replay before
the new version still gives the old one. An identical record appended again is not
stored twice. An append after which the store could not be replayed is refused, and
nothing of it is stored (:mod:`factlog.io._logcheck`).
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import os
import sqlite3
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from factlog._bulk import paused_gc
from factlog.errors import ArgumentError, FormatError
from factlog.io._logrecords import TYPES, Record, Retraction, record_body, structure
from factlog.io._logrules import LISTED, DroppedLinkWarning, RetractedWarning, replayed
from factlog.io._logstored import (
    dropped_by,
    in_force,
    record_documents,
    records_query,
    retracted_claims,
    source_documents,
    stored_item,
)
from factlog.io._logtime import parse_time, timestamp
from factlog.io._logwrite import check_unmade, encoded_batches, write_batches
from factlog.io._parsing import DEFAULT_LIMITS, Limits
from factlog.io._store import (
    begin,
    connect,
    hard_links,
    integrity,
    remove_if_empty,
    select_until,
    store_error,
)
from factlog.io._storecheck import history_damage
from factlog.model._claimset import ClaimSet
from factlog.model._nouns import Source
from factlog.model._written import resolve_written

__all__ = [
    "TYPES",
    "ClaimLog",
    "DroppedLinkWarning",
    "Record",
    "RecordVersion",
    "Replay",
    "RetractedWarning",
    "Retraction",
    "TornLineWarning",
    "parse_time",
    "record_body",
    "structure",
]


class TornLineWarning(UserWarning):
    """A JSON Lines log being imported ended in a partly written line (a crash during an append); it was ignored."""


@attrs.frozen
class Replay:
    """What a replay found: the claim set, and how many stored records it used."""

    claims: ClaimSet
    records: int


@attrs.frozen
class RecordVersion:
    """One stored record of an id: when it was appended, and the record (or a retraction)."""

    at: datetime.datetime
    record: Record


class ClaimLog:
    """An append-only log of claim-set records in an SQLite database at one path."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    @contextlib.contextmanager
    def _open(self, *, create: bool, write: bool = False) -> Iterator[sqlite3.Connection]:
        """A connection to the store (to ``write``, or to read only); SQLite's failures told as :func:`store_error`."""
        connection = connect(self.path, create=create, write=write)
        try:
            yield connection
        except sqlite3.Error as error:
            raise store_error(self.path, error) from None
        finally:
            connection.close()

    def append(
        self,
        records: Iterable[Record],
        *,
        at: datetime.datetime | None = None,
        replace: bool = False,
        documents: Mapping[str, bytes] | None = None,
        names: Sequence[str] | None = None,
    ) -> int:
        """Append records in one transaction at one UTC time; return once it is on disk.

        ``documents`` maps a source id to the bytes of its document, kept in the store
        by sha256 (a source appended again with other document bytes than those stored
        redefines it: refused unless ``replace``; one stored without its document takes it).
        ``names`` says where each record came from in error messages (a file and JSON
        path; default ``record N``). Returns how many records were stored (a record
        identical to the current one is not stored again; a claim the log has
        retracted is not appended again unless ``replace``: a :class:`RetractedWarning`
        names it either way). A retraction whose claim other held claims link to
        (``answers``, ``regarding.claims``) warns, once stored, with a :class:`DroppedLinkWarning`
        for each retracted claim and field: those links are dropped from the claims the log
        gives; so does a claim appended with a link to a claim the log retracted before.

        Never leaves a store its replay cannot read (:mod:`factlog.io._logcheck`). Raises
        :class:`~factlog.ConflictError` for an id defined differently, or a source with
        another document than the one stored (unless ``replace``),
        and for records after which an earlier claim could no longer be read (a predicate
        whose inverse or missing rank it cannot take; an entity, source, claim or retraction
        that leaves its ``when`` in words nothing to count from), and for records that leave
        unresolved a reference of an earlier record that resolved (an inverse renamed with
        claims written with the old one, an alias dropped or taken, a name made ambiguous, a
        cycle of derivations closed: :mod:`factlog.io._logrefs`), naming the store, the
        records and the record stranded; :class:`~factlog.FormatError` for a claim of the append the
        store's predicates refuse or whose ``when`` in words it cannot resolve;
        :class:`~factlog.UnknownIdError` for a retraction of a claim the log does not hold
        (or already retracted); :class:`~factlog.ArgumentError` (a :class:`ValueError`)
        for a time that is not UTC, is after this machine's clock, or is not after the store's
        latest append (a history is only added to at its end, its times strictly increasing,
        so that every ``as_of`` replay before then stays as it was read and no two appends
        share a time, as ``factlog log append --at`` asks; without ``at``, an append is dated by this
        machine's clock once it holds the store's write lock, and a microsecond after the
        store's latest time if the clock is not past it). Nothing of the append
        is stored then, and no store is made where there was none.
        """
        now = timestamp(datetime.datetime.now(datetime.UTC))
        moment = now if at is None else timestamp(at)
        if moment > now:  # fixed-width UTC text: text order is time order
            raise ArgumentError(f"log times cannot be in the future: {moment} is after this machine's clock ({now})")
        listed = list(records)
        labels = list(names) if names is not None else [f"record {n}" for n in range(1, len(listed) + 1)]
        given = documents or {}
        rows: list[tuple[str, Record, bytes | None]] = [
            (label, record, given.get(record.id) if isinstance(record, Source) else None)
            for label, record in zip(labels, listed, strict=True)
        ]
        dropped = dropped_by(listed, self.read, self._retracted, self.path.exists)
        stored = self._store([(moment, rows)], replace=replace, lenient=False, dated=at is not None, clocked=at is None)
        for message in dropped:
            warnings.warn(message, DroppedLinkWarning, stacklevel=2)
        return stored

    def retract(self, claim: str, reason: str, *, at: datetime.datetime | None = None) -> int:
        """Withdraw a claim the log holds; returns how many records were stored (1).

        Warns as :meth:`append` warns: a :class:`DroppedLinkWarning` when held claims link
        to it (``answers``, ``regarding.claims``), naming them. Raises what :meth:`append`
        raises (:class:`~factlog.UnknownIdError` for a claim not
        held, with no store file created where there was none), and
        :class:`~factlog.FieldTypeError` for a ``claim`` or ``reason`` that is no str.
        """
        return self.append([Retraction(claim=claim, reason=reason)], at=at, names=[f"retraction of {claim!r}"])

    @paused_gc  # an append of many records makes as many objects: the collector's passes over them cost more
    def _store(
        self,
        batches: list[tuple[str, list[tuple[str, Record, bytes | None]]]],
        *,
        replace: bool,
        lenient: bool,
        excused: Callable[[], set[str]] | None = None,
        dated: bool = False,
        clocked: bool = False,
        tally: collections.Counter[str] | None = None,
    ) -> int:
        """Store batches of (where, record, document bytes) at their times; ``lenient`` is an import's history.

        ``excused()`` gives the claims of the batches left unreadable by the batches alone (an import's own
        history): only claims the store read before, and the others, are refused when left unreadable.
        ``dated``: the times were given (not this machine's clock), and may not go before the store's latest.
        ``clocked``: the append is dated by this machine's clock once it holds the write lock (an append
        that waited for another is dated when it commits, not when it asked), and strictly after the
        store's latest time, so that no ``as_of`` replay already read changes, and no two appends share a time.
        ``tally`` counts what was stored, by kind (:func:`~factlog.io._logwrite.write_batches`).
        """
        prepared = encoded_batches(self.path, batches)
        if not lenient and not self.path.exists():  # refused before a store is made
            check_unmade(self.path, prepared, replace=replace)
        created = not self.path.exists()
        try:
            with self._open(create=True, write=True) as connection, begin(connection, self.path):
                return write_batches(
                    connection,
                    self.path,
                    prepared,
                    replace=replace,
                    lenient=lenient,
                    excused=excused,
                    dated=dated,
                    clocked=clocked,
                    tally=tally,
                )
        except BaseException:
            if created:  # refused or interrupted: a store made for it and holding nothing is removed
                remove_if_empty(self.path)
            raise

    def _state(self, as_of: str | datetime.datetime | None) -> tuple[ClaimSet, int]:
        """The records in force (as of a time), words unresolved; and how many were read."""
        sections, used = in_force(self.records(as_of=as_of))
        claims = replayed(self.path, sections)
        return claims, used

    @paused_gc  # a store of 100,000 claims replays in 3.6 s rather than 5.0 (benchmarks/RESULTS.md)
    def replay(self, *, as_of: str | datetime.datetime | None = None) -> Replay:
        """The claim set the log holds (as of a UTC time or the end of a date, if given).

        Returns a :class:`Replay`: the claim set and how many stored records it read.
        Raises :class:`~factlog.InputError` (an :class:`OSError`) when the store is missing or
        is no factlog store, :class:`~factlog.ArgumentError` for an ``as_of`` that is no
        UTC time, :class:`~factlog.FormatError` for a ``when`` in words that cannot be resolved
        (naming the claim), a store a newer factlog made, or a stored record that cannot be read.
        """
        claims, used = self._state(as_of)
        resolved, problems = resolve_written(claims, claims)
        if problems:
            raise FormatError(
                [
                    f"{self.path}: claim {claims.claims[index].id!r}: proposition.when: {message}"
                    for index, message in problems
                ],
                shown=LISTED,
            )
        return Replay(resolved, used)

    def verify(self) -> Replay:
        """Read the whole store: every page (SQLite's integrity check), the history's times and keys, every record.

        A write reads only the pages on its way; this finds damage anywhere. Returns the
        :class:`Replay` of every record. Raises :class:`~factlog.InputError` for a damaged
        store (what SQLite found, and what to do) and what :meth:`replay` raises.
        """
        with self._open(create=False) as connection:
            hard_links(self.path)  # its writes may have lost appends: no sound history can be told
            integrity(connection, self.path)
            history_damage(connection, self.path)
        return self.replay()

    def _retracted(self, ids: Iterable[str]) -> set[str]:
        """Those of the claim ``ids`` whose latest record in the store is a retraction (one indexed lookup each)."""
        with self._open(create=False) as connection:
            return retracted_claims(connection, ids)

    def latest(self) -> str | None:
        """The UTC time of the store's latest append (ISO 8601 text ending in ``Z``), None before any.

        An ``as_of`` at or after it replays everything. Raises what :meth:`records` raises.
        """
        with self._open(create=False) as connection:
            found: str | None = connection.execute("SELECT MAX(at) FROM transactions").fetchone()[0]
        return found

    def earliest(self) -> str | None:
        """The UTC time of the store's first append (ISO 8601 text ending in ``Z``), None before any.

        An ``as_of`` before it replays nothing. Raises what :meth:`records` raises.
        """
        with self._open(create=False) as connection:
            found: str | None = connection.execute("SELECT MIN(at) FROM transactions").fetchone()[0]
        return found

    def read(self, *, as_of: str | datetime.datetime | None = None) -> ClaimSet:
        """The claim set the log holds (:meth:`replay`'s ``claims``); raises what :meth:`replay` raises."""
        return self.replay(as_of=as_of).claims

    def history(self, key: str) -> tuple[RecordVersion, ...]:
        """Every stored record under an id (of any kind), oldest first: versions and retractions.

        An id the log never held gives ``()``. Raises what :meth:`records` raises.
        """
        return tuple(
            RecordVersion(parse_time(at), Retraction(claim=key, reason=item) if action == "retract" else item)
            for _, at, _, found, action, item in self.records()
            if found == key
        )

    def documents(self, *, as_of: str | datetime.datetime | None = None) -> dict[str, bytes]:
        """The stored document bytes of each source the log holds, by source id.

        Raises :class:`~factlog.InputError` (an :class:`OSError`) when the store is missing or
        is no factlog store, :class:`~factlog.ArgumentError` for an ``as_of`` that is no UTC time.
        """
        limit = timestamp(parse_time(as_of)) if as_of is not None else None
        with self._open(create=False) as connection:
            return source_documents(connection, limit)

    def record_documents(self, *, as_of: str | datetime.datetime | None = None) -> dict[int, bytes]:
        """The document bytes stored with each source record (as of a time), by ``seq``; raises as :meth:`documents`."""
        limit = timestamp(parse_time(as_of)) if as_of is not None else None
        with self._open(create=False) as connection:
            return record_documents(connection, limit)

    def records(self, *, as_of: str | datetime.datetime | None = None) -> Iterator[tuple[int, str, str, str, str, Any]]:
        """Every stored record (as of a time) in the order appended.

        Each is ``(seq, at, kind, key, action, item)``: ``action`` is ``define`` (``item``
        the record) or ``retract`` (``item`` the reason); ``at`` the UTC transaction time
        (ISO 8601 text ending in ``Z``). A generator: it raises when first iterated, not when
        called: :class:`~factlog.InputError` (an :class:`OSError`) when the store is missing
        or is no factlog store, :class:`~factlog.ArgumentError` for an ``as_of`` that is no
        UTC time, :class:`~factlog.FormatError` for a stored record that cannot be read.
        """
        for seq, at, kind, key, action, item, _ in self._records(as_of, documents=False):
            yield seq, at, kind, key, action, item

    def _records(
        self, as_of: str | datetime.datetime | None, *, documents: bool
    ) -> Iterator[tuple[int, str, str, str, str, Any, bytes | None]]:
        """:meth:`records`, each with the document bytes stored with it (if ``documents``; else None).

        One query, so one snapshot of the store: an append committed meanwhile is wholly in it or wholly not.
        """
        limit = timestamp(parse_time(as_of)) if as_of is not None else None
        query = records_query(documents=documents)
        with self._open(create=False) as connection:
            rows = select_until(connection, query, limit)
        for seq, at, kind, key, action, body, content in rows:
            item = stored_item(self.path, seq, kind, action, body)
            yield seq, at, kind, key, action, item, None if content is None else bytes(content)

    def export_lines(self, *, as_of: str | datetime.datetime | None = None) -> Iterator[str]:
        """The log's history (as of a time) as JSON Lines, a line at a time, each ending in a newline.

        The first line is the header ``{"format":"factlog-log","version":1}`` (see
        ``docs/format.md``). A generator: it yields the header, then raises what :meth:`records` raises.
        """
        from factlog.io._loglines import export_lines  # noqa: PLC0415 - the lines module builds on this one

        return export_lines(self, as_of=as_of)

    def import_lines(self, path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> int:
        """Append every record of a JSON Lines log, keeping its times and history; how many were stored.

        Lines are read as strictly as documents; a problem is a :class:`~factlog.FormatError`
        naming its line, and nothing is stored then. A torn final line is ignored with a
        :class:`TornLineWarning`. The file is read a line at a time: ``limits`` bounds each
        line (``max_bytes``, default 1 GiB) and its nesting, not the whole file. Raises
        :class:`~factlog.InputError` (an :class:`OSError`) for a path that is missing or no
        regular file, or a store that is no factlog store; :class:`~factlog.FormatError` (a
        :class:`ValueError`) for any problem in the lines, a time after this machine's clock
        or before the store's latest append among them.
        """
        from factlog.io._loglines import import_lines  # noqa: PLC0415 - the lines module builds on this one

        return import_lines(self, path, limits=limits)

    def snapshot(
        self, folder: str | os.PathLike[str], *, as_of: str | datetime.datetime | None = None, force: bool = False
    ) -> Path:
        """Write the claim set and its stored documents to a folder that checks like any other.

        Each source with a stored document goes to ``sources/ID/source.json`` beside its
        document; everything else to ``claims.json``. The folder must be new or empty, or,
        with ``force``, hold an earlier snapshot and nothing else (``claims.json``, and
        ``sources/ID/source.json`` with the document it names), which is replaced whole;
        nothing is made when the store cannot be read. Returns the folder. Raises
        :class:`~factlog.InputError` (an :class:`OSError`) for a folder or file that cannot
        be made or written, a folder not empty (without ``force``, or holding a file no
        snapshot writes), a stored document named ``*.json`` or ``*.jsonl`` (a claim file to
        a folder's check), and what :meth:`read` raises.
        """
        from factlog.io._logsnapshot import snapshot  # noqa: PLC0415 - the snapshot module builds on this one

        return snapshot(self, folder, as_of=as_of, force=force)
