"""The claim log's history checked as appends make it: its times, and the keys of its records.

:meth:`factlog.ClaimLog.verify` (``factlog log verify``) runs :func:`history_damage`, a
whole read of the records, after SQLite's page check (:func:`~factlog.io._store.integrity`);
an append checks only the latest time (:func:`stored_time`). Each raises
:func:`~factlog.io._store.damaged`.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from factlog.io._store import damaged

__all__ = ["history_damage", "stored_time"]


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
