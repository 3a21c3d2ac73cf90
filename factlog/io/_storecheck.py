"""Whole-store checks of the claim log's storage: every page sound, the history's times and keys as appends make them.

:meth:`factlog.ClaimLog.verify` (``factlog log verify``) runs :func:`integrity` and
:func:`history_damage`, each a whole read of the store; an append checks only the latest
time (:func:`stored_time`). Each raises :func:`~factlog.io._store.damaged`.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from factlog.io._store import damaged

__all__ = ["history_damage", "integrity", "stored_time"]


def integrity(connection: sqlite3.Connection, path: Path) -> None:
    """Read every page of the store (SQLite's ``PRAGMA integrity_check``); :func:`damaged` when one is not sound.

    A whole read of the file: about a second for a store of a million claims, so it is
    :meth:`factlog.ClaimLog.verify`'s (``factlog log verify``), not every write's. A
    write reads only the pages on its way (``PRAGMA cell_size_check`` refuses a damaged one).
    """
    rows = connection.execute("PRAGMA integrity_check(3)").fetchall()
    if rows != [("ok",)]:
        raise damaged(
            path, " ".join(" ".join(str(row[0]) for row in rows).replace("*** in database main ***", "").split())
        )


_STORED_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z")
"""A transaction time as the store writes it: fixed-width UTC text, so that text order is time order."""


def stored_time(text: object) -> bool:
    """Whether a transaction time is in the form the store writes (fixed-width UTC text)."""
    return isinstance(text, str) and _STORED_TIME.fullmatch(text) is not None


def history_damage(connection: sqlite3.Connection, path: Path) -> None:
    """Raise :func:`damaged` for a history no append makes: a time not in the stored form, or not after the one before.

    Also a record of no transaction, or whose key is not its body's id (SQLite's foreign
    key check, and each definition's key). A whole read of the records, as :func:`integrity`.
    """
    before = None
    for number, at in connection.execute("SELECT id, at FROM transactions ORDER BY id"):
        if not stored_time(at):
            raise damaged(path, f"transaction {number}: time {at!r} is not a UTC time as the store writes it")
        if before is not None and at <= before:
            raise damaged(path, f"transaction {number}: time {at} is not after the one before it ({before})")
        before = at
    orphan = connection.execute("SELECT seq FROM records WHERE txn NOT IN (SELECT id FROM transactions)").fetchone()
    if orphan is not None:
        raise damaged(path, f"record {orphan[0]}: its transaction is missing")
    keyed = connection.execute(
        "SELECT seq, record_key FROM records WHERE action = 'define' AND kind != 'acknowledgement'"
        " AND json_valid(body) AND json_type(body) = 'object' AND json_extract(body, '$.id') IS NOT record_key LIMIT 1"
    ).fetchone()
    if keyed is not None:
        raise damaged(path, f"record {keyed[0]}: kept under the key {keyed[1]!r}, not its body's id")
