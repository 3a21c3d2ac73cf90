"""The records of an append or an import written within its transaction: versions, refusals, the time."""

from __future__ import annotations

import collections
import datetime
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factlog.io._logcheck import Appended, check_append, check_new
from factlog.io._logrecords import Record, encoded
from factlog.io._logrules import current_version, forward, held, keep_document, refusal, refused
from factlog.io._logtime import parse_time, timestamp
from factlog.io._store import damaged, digest
from factlog.io._storecheck import stored_time

__all__ = ["check_unmade", "encoded_batches", "write_batches"]


def _clock_after(latest: str | None) -> str:
    """The machine's clock as a transaction time, moved up to a microsecond after ``latest`` if it is not after it."""
    now = timestamp(datetime.datetime.now(datetime.UTC))
    if latest is None or now > latest:  # fixed-width UTC text: text order is time order
        return now
    return timestamp(parse_time(latest, strict=True) + datetime.timedelta(microseconds=1))


def _latest(connection: sqlite3.Connection, path: Path) -> str | None:
    """The store's latest transaction time; :func:`damaged` when it is not in the form the store writes."""
    latest: str | None = connection.execute("SELECT MAX(at) FROM transactions").fetchone()[0]
    if latest is not None and not stored_time(latest):
        raise damaged(path, f"the latest transaction's time {latest!r} is not a UTC time as the store writes it")
    return latest


def encoded_batches(path: Path, batches: list[tuple[str, list[tuple[str, Record, bytes | None]]]]) -> list[Any]:
    """Each batch's (where, record, document bytes) as the rows :func:`write_batches` takes, the record kept."""
    return [
        (
            moment,
            [(where, *encoded(record, f"{path}: {where}"), content, record) for where, record, content in rows],
        )
        for moment, rows in batches
    ]


def check_unmade(path: Path, prepared: list[Any], *, replace: bool) -> None:
    """Refuse an append to a store not yet made, before it is made (:func:`~factlog.io._logcheck.check_new`)."""
    rows_of = [
        (
            moment,
            [
                (where, (kind, key, action, text, digest(content)), record)
                for where, kind, key, action, text, content, record in rows
            ],
        )
        for moment, rows in prepared
    ]
    check_new(str(path), rows_of, replace=replace)


def write_batches(
    connection: sqlite3.Connection,
    path: Path,
    prepared: list[Any],
    *,
    replace: bool,
    lenient: bool,
    excused: Callable[[], set[str]] | None,
    dated: bool,
    clocked: bool,
    tally: collections.Counter[str] | None = None,
) -> int:
    """:meth:`ClaimLog._store`'s records written within the transaction at ``path``; raises to roll them all back.

    ``tally``, if given, counts the records stored by kind (``entity`` ... ``retraction``)
    and the documents stored with their sources (``document``).
    """
    stored = 0
    errors: list[str] = []
    appended = Appended()
    latest = _latest(connection, path)
    if clocked:
        prepared = [(_clock_after(latest), rows) for _, rows in prepared]
    elif not lenient and latest is not None:
        prepared = forward(prepared, latest, dated=dated, path=path)
    last = connection.execute("SELECT COALESCE(MAX(seq), 0) FROM records").fetchone()[0]
    for moment, rows in prepared:
        transaction: int | None = None
        defined: dict[tuple[str, str], str] = {}
        for where, kind, key, action, text, content, record in rows:
            sha256 = digest(content)
            if lenient and latest is not None and moment <= latest:
                if held(connection, (kind, key, action, text, sha256)):
                    continue  # already in the history: an export of this store imported again
                # At the latest time itself too: an as-of answer at that time, already read, would change,
                # and the store would hold two transactions (perhaps two versions of an id) at one time.
                when = "before" if moment < latest else "at"
                errors.append(
                    f"{path}: {where}: $.at: dated {moment}, {when} the store's latest append ({latest}):"
                    " importing it would change the history up to then (a log is only added to at its end,"
                    " its times strictly increasing); import into a new store instead"
                )
                continue
            current = current_version(connection, kind, key)
            skip = refusal(current, (kind, key, action, text, sha256), replace=replace, lenient=lenient)
            if skip is True:
                continue
            if skip:
                errors.append(f"{path}: {where}: {skip}")
                continue
            if action == "define" and (kind, key) in defined:  # a replay as of then would see only one
                errors.append(
                    f"{path}: {where}: {kind} {key!r} is defined again at the same time ({moment}) as"
                    f" in {defined[kind, key]}: one transaction holds one version of an id"
                )
                continue
            if action == "define":
                defined[kind, key] = where
            else:
                defined.pop((kind, key), None)
            in_force = current is not None and current[0] == "define"
            appended.add(where, record, current[1] if in_force and current else None)
            if transaction is None:
                cursor = connection.execute("INSERT INTO transactions (at) VALUES (?)", (moment,))
                transaction = cursor.lastrowid
            if content is not None:
                keep_document(connection, content)
            connection.execute(
                "INSERT INTO records (txn, kind, record_key, action, body, document) VALUES (?, ?, ?, ?, ?, ?)",
                (transaction, kind, key, action, text, sha256),
            )
            stored += 1
            if tally is not None:
                tally["retraction" if action == "retract" else kind] += 1
                tally["document"] += content is not None
    if errors:
        raise refused(errors)
    if appended:  # raising rolls the append back: never a store its replay cannot read
        check_append(connection, str(path), last, appended, excused=excused)
    return stored
