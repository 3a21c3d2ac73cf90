"""The claim log's storage: an SQLite database, its schema, versioned with migrations.

SQLite (the standard library's :mod:`sqlite3`) does what a hand-written append
protocol cannot do safely: every append is one transaction, written ahead to a log
(WAL mode) and synced before it returns (``synchronous=FULL``), so a process killed at
any moment leaves the database as it was before or after the append, and concurrent
writers wait their turn (a busy timeout) instead of overwriting each other.

Everything engine-specific is in :func:`connect` (the pragmas) and :func:`begin`
(``BEGIN IMMEDIATE``, which takes the write lock before reading what an append
checks); the schema and the queries are plain SQL, so a server database could take
the same tables later.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factlog.errors import FormatError, InputError

__all__ = ["SCHEMA_VERSION", "begin", "connect", "digest", "select_until"]

BUSY_TIMEOUT = 60.0
"""Seconds a writer waits for another's transaction before giving up (SQLite's busy timeout)."""

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # Version 1: transactions (when), records (what: a definition or a retraction), documents (by sha256).
    (
        "CREATE TABLE factlog_meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(256) NOT NULL)",
        "CREATE TABLE transactions (id INTEGER PRIMARY KEY, at VARCHAR(32) NOT NULL)",
        "CREATE TABLE documents (sha256 CHAR(64) PRIMARY KEY, content BLOB NOT NULL)",
        "CREATE TABLE records ("
        " seq INTEGER PRIMARY KEY,"
        " txn INTEGER NOT NULL REFERENCES transactions (id),"
        " kind VARCHAR(16) NOT NULL,"
        " record_key VARCHAR(1024) NOT NULL,"
        " action VARCHAR(16) NOT NULL,"
        " body TEXT NOT NULL,"
        " document CHAR(64) REFERENCES documents (sha256))",
        "CREATE INDEX records_by_key ON records (kind, record_key, seq)",
        "INSERT INTO factlog_meta (name, value) VALUES ('format', 'factlog-store')",
        "INSERT INTO factlog_meta (name, value) VALUES ('schema', '0')",
    ),
)

SCHEMA_VERSION = len(_MIGRATIONS)
"""The schema version this factlog writes; older stores are migrated on first write."""

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_file(path: Path, *, create: bool) -> None:
    """Refuse what is not a store before SQLite opens it (SQLite would make any empty path a database)."""
    if not path.exists():
        if not create:
            raise InputError(f"{path}: no such store")
        return
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    if start and start != _SQLITE_MAGIC:
        hint = ""
        if start.lstrip().startswith(b"{"):
            hint = "; it looks like a JSON Lines log: `factlog log import STORE LOG` reads it into a store"
        raise InputError(f"{path}: not a factlog store (an SQLite database){hint}")


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """An open connection to the store at ``path``, its schema current.

    Raises :class:`~factlog.InputError` when the file is missing (unless ``create``),
    not a regular file, not an SQLite database or not a factlog store, and
    :class:`~factlog.FormatError` when a newer factlog made it.
    """
    _check_file(path, create=create)
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            _migrate(connection, path)
        except sqlite3.OperationalError as error:
            connection.close()
            if not _locked(error) or time.monotonic() > deadline:
                raise InputError(f"{path}: cannot open the store: {error}") from None
            # Two processes creating one store can each hold a shared lock and both want the
            # exclusive one (switching to WAL); SQLite then refuses one at once rather than
            # wait (its deadlock avoidance skips the busy handler). Try again shortly.
            time.sleep(0.01 + random.random() * 0.05)
            continue
        except sqlite3.DatabaseError as error:
            connection.close()
            raise InputError(f"{path}: cannot open the store: {error}") from None
        except BaseException:
            connection.close()
            raise
        return connection


def _locked(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused a lock (SQLITE_BUSY or SQLITE_LOCKED), which is worth a retry."""
    return error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _version(connection: sqlite3.Connection, path: Path) -> int:
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'factlog_meta'"
    ).fetchall()
    if not tables:
        return 0
    row = connection.execute("SELECT value FROM factlog_meta WHERE name = 'schema'").fetchone()
    if row is None:
        return 0
    if not str(row[0]).isdigit():
        raise FormatError([f"{path}: damaged store: schema version {row[0]!r} is not a number"])
    return int(row[0])


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    if _version(connection, path) == SCHEMA_VERSION:
        return
    with begin(connection):
        version = _version(connection, path)  # again, under the write lock: another process may have migrated
        if version > SCHEMA_VERSION:
            raise FormatError([f"{path}: store schema {version} is newer than this factlog's ({SCHEMA_VERSION})"])
        if version == 0 and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise InputError(f"{path}: an SQLite database, but not a factlog store")
        for number in range(version, SCHEMA_VERSION):
            for statement in _MIGRATIONS[number]:
                connection.execute(statement)
            connection.execute("UPDATE factlog_meta SET value = ? WHERE name = 'schema'", (str(number + 1),))


@contextlib.contextmanager
def begin(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: the write lock is taken first, committed on success, rolled back otherwise."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def digest(content: bytes | None) -> str | None:
    """The sha256 a document is kept by, as hex text; None without one."""
    return hashlib.sha256(content).hexdigest() if content is not None else None


def select_until(connection: sqlite3.Connection, query: str, limit: str | None) -> list[tuple[Any, ...]]:
    """Rows of a query over ``records r`` and ``transactions t``, up to a time if given, in append order."""
    if limit is None:
        return connection.execute(query + " ORDER BY r.seq").fetchall()
    joiner = " AND " if " WHERE " in query else " WHERE "
    return connection.execute(query + joiner + "t.at <= ? ORDER BY r.seq", (limit,)).fetchall()
