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
import os
import random
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factlog.errors import FormatError, InputError
from factlog.io._atomic import read_only

__all__ = [
    "SCHEMA_VERSION",
    "begin",
    "busy",
    "connect",
    "damaged",
    "digest",
    "hard_links",
    "integrity",
    "remove_if_empty",
    "select_until",
    "store_error",
]

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
_SQLITE_READONLY_DBMOVED = 1032
"""SQLite's extended code for a write to a database file moved or removed since it was opened."""


def _check_file(path: Path, *, create: bool, write: bool) -> None:
    """Refuse what is not a store before SQLite opens it (SQLite would make any empty path a database).

    A store to write needs its folder: SQLite keeps its write-ahead log beside it.
    """
    if not path.exists():
        if not create:
            raise InputError(f"{path}: no such store")
        folder = path.parent
        if not folder.is_dir():
            raise InputError(f"{path}: no such folder {str(folder)!r}: make it first, or give another path")
        if write and not os.access(folder, os.W_OK | os.X_OK):
            raise InputError(f"{path}: cannot make the store: the folder {str(folder)!r} takes no new file")
        return
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    if not start and not write:
        raise InputError(f"{path}: an empty file, not a factlog store yet (`factlog log append` makes one)")
    if start and start != _SQLITE_MAGIC:
        hint = ""
        if start.lstrip().startswith(b"{"):
            hint = _json_hint(path)
        raise InputError(f"{path}: not a factlog store (an SQLite database){hint}")
    if write:
        hard_links(path)
        if read_only(path):  # no write bit is read-only on purpose, even to the superuser, as every write takes it
            raise InputError(f"{path}: the store cannot be written: the file is read-only")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise InputError(
                f"{path}: the store cannot be written: its folder {str(path.parent)!r} takes no new file"
                " (SQLite keeps its write-ahead log beside the store)"
            )


def hard_links(path: Path) -> None:
    """Refuse a store file with more than one name (hard link): SQLite keeps its write-ahead log by name.

    Writes through two names of one file keep two write-ahead logs over one database, each
    checkpoint overwriting the other's pages: acknowledged appends are lost, silently.
    """
    try:
        links = path.stat().st_nlink
    except OSError:
        return
    if links > 1:
        raise InputError(
            f"{path}: the store file has {links} names (hard links): SQLite keeps its write-ahead log by name,"
            " so writes through two names of one store lose appends; keep one name (copy a store with"
            " `factlog log export`, or `cp`, never `ln`)"
        )


def _json_hint(path: Path) -> str:
    """What a JSON file given for a store is: a claim set (a document) or a JSON Lines log."""
    try:
        with path.open("rb") as stream:
            start = stream.read(4096)
    except OSError:
        return ""
    if re.search(rb'"format"\s*:\s*"factlog"', start):
        return "; it looks like a factlog claim set: `factlog log append STORE FILE` appends its records"
    return "; it looks like a JSON Lines log: `factlog log import STORE LOG` reads it into a store"


def busy(path: Path) -> InputError:
    """The error of a write lock another process held for longer than the busy timeout."""
    return InputError(
        f"{path}: the store is busy (another process holds its write lock for more than {BUSY_TIMEOUT:g} s)"
    )


def store_error(path: Path, error: sqlite3.Error) -> InputError:
    """The :class:`~factlog.InputError` that a failure of SQLite on the store at ``path`` is told as.

    A lock held too long is a busy store; a store that cannot be written or opened says
    so; anything else SQLite refuses (a malformed page, text that is not UTF-8) is damage.
    """
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if isinstance(error, sqlite3.OperationalError) and _locked(error):
        return busy(path)
    if getattr(error, "sqlite_errorcode", None) == _SQLITE_READONLY_DBMOVED:
        return InputError(f"{path}: the store was moved or removed while this command wrote it: nothing was written")
    if code == sqlite3.SQLITE_READONLY:
        return InputError(f"{path}: the store cannot be written ({error})")
    if code == sqlite3.SQLITE_CANTOPEN:
        if not path.exists():
            return InputError(f"{path}: no such store (moved or removed meanwhile)")
        return InputError(f"{path}: cannot open the store ({error})")
    if code == sqlite3.SQLITE_FULL:
        return InputError(f"{path}: cannot write the store: the disk is full")
    if code == sqlite3.SQLITE_IOERR:
        return InputError(f"{path}: cannot read or write the store ({error})")
    return damaged(path, str(error))


def damaged(path: Path, detail: str) -> InputError:
    """The error of a store whose file is damaged: what SQLite said, and what to do."""
    if len(detail) > 120:
        detail = detail[:120] + "..."
    return InputError(
        f"{path}: the store is damaged ({detail}); nothing was written to it by this command: restore a copy of it"
        f" (removing {path.name}-wal and {path.name}-shm beside it first, if there: they belong to this file),"
        " or save what can still be read (`factlog log export` with an --as-of before the damage,"
        " or SQLite's `.recover`) into a new store"
    )


def connect(path: Path, *, create: bool, write: bool = True) -> sqlite3.Connection:
    """An open connection to the store at ``path``, its schema current.

    ``write=False`` opens it to read only: nothing is written (no schema made or migrated),
    and a store whose file or folder cannot be written is read as it is on disk.
    Raises :class:`~factlog.InputError` when the file is missing (unless ``create``),
    not a regular file, not an SQLite database or not a factlog store, damaged, busy
    for longer than the busy timeout, or (``write``) cannot be written, or its folder
    is missing; :class:`~factlog.FormatError` when a newer factlog made it.
    """
    existed = path.exists()
    _check_file(path, create=create, write=write)
    if not write:
        return _connect_to_read(path)
    # A store that existed is opened without creating: moved or removed meanwhile, it is missing, not made anew empty.
    target = f"{path.absolute().as_uri()}?mode=rw" if existed else str(path)
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            connection = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False, uri=existed
            )
        except sqlite3.Error as error:
            raise store_error(path, error) from None
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA cell_size_check=ON")  # a damaged page on a write's path is refused
            _migrate(connection, path)
        except sqlite3.OperationalError as error:
            connection.close()
            if not _locked(error) or time.monotonic() > deadline:
                raise store_error(path, error) from None
            # Two processes creating one store can each hold a shared lock and both want the
            # exclusive one (switching to WAL); SQLite then refuses one at once rather than
            # wait (its deadlock avoidance skips the busy handler). Try again shortly.
            time.sleep(0.01 + random.random() * 0.05)
            continue
        except sqlite3.DatabaseError as error:
            connection.close()
            raise store_error(path, error) from None
        except BaseException:
            connection.close()
            raise
        return connection


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


def _connect_to_read(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing.

    Read-write when the store could be written (so that SQLite, closing it last, removes its
    write-ahead log), else ``immutable`` (which makes no file beside it), or read-only when a
    write-ahead log stands beside it already.
    """
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
    target: str | Path = path
    if not writable:
        wal = Path(f"{path}-wal")
        mode = "mode=ro" if wal.exists() else "immutable=1"
        target = f"{path.absolute().as_uri()}?{mode}"
    connection = sqlite3.connect(
        target, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False, uri=not writable
    )
    try:
        connection.execute("PRAGMA query_only=ON")
        version = _version(connection, path)
        if version > SCHEMA_VERSION:
            raise FormatError([f"{path}: store schema {version} is newer than this factlog's ({SCHEMA_VERSION})"])
        if version == 0:
            raise InputError(f"{path}: an SQLite database, but not a factlog store")
        if version < SCHEMA_VERSION and not writable:
            raise InputError(
                f"{path}: store schema {version} is older than this factlog's ({SCHEMA_VERSION}) and its file"
                " or folder cannot be written to migrate it: copy it where it can be"
            )
    except sqlite3.DatabaseError as error:
        connection.close()
        raise store_error(path, error) from None
    except BaseException:
        connection.close()
        raise
    if version < SCHEMA_VERSION:  # an older store is migrated on first open, as a write would
        connection.close()
        return connect(path, create=False, write=True)
    return connection


def _locked(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite refused a lock (SQLITE_BUSY or SQLITE_LOCKED), which is worth a retry."""
    return (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _version(connection: sqlite3.Connection, path: Path) -> int:
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'factlog_meta'"
    ).fetchall()
    if not tables:
        return 0
    row = connection.execute("SELECT value FROM factlog_meta WHERE name = 'schema'").fetchone()
    if row is None:
        return 0
    made = connection.execute("SELECT value FROM factlog_meta WHERE name = 'format'").fetchone()
    if made is not None and made[0] != "factlog-store":
        raise InputError(f"{path}: an SQLite database of another format ({made[0]!r}), not a factlog store")
    if not re.fullmatch(r"[0-9]{1,9}", str(row[0])):  # ASCII digits: int() takes '²' or '٣' for digits too
        raise FormatError(
            [f"{path}: damaged store: schema version {row[0]!r} is not a schema version (a number from 0)"]
        )
    return int(row[0])


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    if _version(connection, path) == SCHEMA_VERSION:
        return
    with begin(connection, path):
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
def begin(connection: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction: the write lock is taken first, committed on success, rolled back otherwise.

    Raises :class:`~factlog.InputError` when another process holds the lock for longer than the busy timeout.
    """
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise store_error(path, error) from None
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def remove_if_empty(path: Path) -> None:
    """Remove a store that holds no transaction, and SQLite's files beside it; leave one in use or holding any.

    An append or import refused, or interrupted, into a store it made leaves no empty store behind.
    The store is removed only while no other connection has it open (SQLite's exclusive locking
    mode takes its lock only then); one that opens it meanwhile finds it removed, and SQLite
    refuses its writes to the removed file (``SQLITE_READONLY_DBMOVED``): nothing acknowledged is lost.
    """
    try:
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("PRAGMA locking_mode=EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")  # refused while another connection has the store open
        tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'transactions'").fetchone()[0]
        if not tables or connection.execute("SELECT count(*) FROM transactions").fetchone()[0] == 0:
            for name in (str(path), f"{path}-wal", f"{path}-shm", f"{path}-journal"):  # the lock still held
                with contextlib.suppress(OSError):
                    os.unlink(name)
        connection.execute("ROLLBACK")
    except sqlite3.Error:
        return
    finally:
        connection.close()


def digest(content: bytes | None) -> str | None:
    """The sha256 a document is kept by, as hex text; None without one."""
    return hashlib.sha256(content).hexdigest() if content is not None else None


def select_until(connection: sqlite3.Connection, query: str, limit: str | None) -> list[tuple[Any, ...]]:
    """Rows of a query over ``records r`` and ``transactions t``, up to a time if given, in append order."""
    if limit is None:
        return connection.execute(query + " ORDER BY r.seq").fetchall()
    joiner = " AND " if " WHERE " in query else " WHERE "
    return connection.execute(query + joiner + "t.at <= ? ORDER BY r.seq", (limit,)).fetchall()
