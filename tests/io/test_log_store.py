"""The claim store's file: transaction times under the write lock, a busy, read-only, missing or damaged store."""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimLog
from factlog.io import _store
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, run

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a"), claim("b", denied=True, holder="russia")])
    return log


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """A file or folder that cannot be written, even by root (the immutable flag), while inside."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)


def test_an_append_that_waited_for_the_lock_is_dated_after_the_holder_s_commit(log: ClaimLog) -> None:
    """An append dated when it asked for the lock would go before a commit it waited for: dated strictly after it."""
    holder = sqlite3.connect(log.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiting = threading.Thread(target=log.append, args=([claim("late")],))
    waiting.start()
    time.sleep(0.3)  # the appender is waiting for the lock now
    committed = datetime.datetime.now(datetime.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    holder.execute("INSERT INTO transactions (at) VALUES (?)", (committed,))
    holder.execute("COMMIT")
    holder.close()
    waiting.join()
    [version] = log.history("late")
    assert version.at > datetime.datetime.fromisoformat(committed)


def test_an_as_of_answer_read_while_an_append_waits_does_not_change(log: ClaimLog) -> None:
    """`--as-of T` read at T, while an append waits for the lock, gives the same claims after that append commits."""
    holder = sqlite3.connect(log.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    waiting = threading.Thread(target=log.append, args=([claim("late")],))
    waiting.start()
    time.sleep(0.3)
    moment = datetime.datetime.now(datetime.UTC)
    before = [c.id for c in log.read(as_of=moment).claims]
    holder.execute("ROLLBACK")
    holder.close()
    waiting.join()
    assert [c.id for c in log.read(as_of=moment).claims] == before == ["a", "b"]


def test_a_retraction_and_a_replace_get_distinct_times(log: ClaimLog) -> None:
    """Appends after a latest time this clock has not reached never share a time: each is after the last."""
    ahead = "2999-01-01T00:00:00.000000Z"  # written by a machine whose clock ran ahead
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE transactions SET at = ? WHERE at = (SELECT MAX(at) FROM transactions)", (ahead,))
    connection.close()
    log.retract("a", "wrong")
    log.append([claim("b", holder="ukraine")], replace=True)
    with sqlite3.connect(log.path) as connection:
        times = [row[0] for row in connection.execute("SELECT at FROM transactions ORDER BY id")]
    connection.close()
    assert times == sorted(set(times))
    assert times[-2:] == ["2999-01-01T00:00:00.000001Z", "2999-01-01T00:00:00.000002Z"]


def test_a_lock_held_past_the_busy_timeout_is_a_busy_store(log: ClaimLog, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holding the write lock too long: one line naming the store and the timeout, exit 3."""
    monkeypatch.setattr(_store, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(log.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(factlog.InputError, match=r"the store is busy \(another process holds its write lock"):
            log.append([claim("c")])
        ran = run("log", "retract", str(log.path), "a", "--reason", "wrong")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    said = f"error: {log.path}: the store is busy (another process holds its write lock for more than 0.2 s)"
    assert (ran.returncode, ran.stderr.splitlines()) == (3, [said])
    assert [c.id for c in log.read().claims] == ["a", "b"]


def test_an_append_into_a_missing_folder_is_one_line_exit_3(tmp_path: Path) -> None:
    """A store path whose folder does not exist: the folder named, exit 3, nothing made."""
    path = tmp_path / "nowhere" / "s.db"
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    ran = run("log", "append", str(path), str(tmp_path / "c.json"))
    assert ran.returncode == 3
    assert ran.stderr.splitlines() == [
        f"error: {path}: no such folder {str(path.parent)!r}: make it first, or give another path"
    ]
    assert not path.parent.exists()


def test_an_append_to_a_read_only_store_is_refused_and_leaves_no_files(log: ClaimLog, tmp_path: Path) -> None:
    """A store file that cannot be written: one line, exit 3, no -wal or -shm left beside it."""
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    before = _files(tmp_path)
    with _read_only(log.path):
        ran = run("log", "append", str(log.path), str(tmp_path / "c.json"))
        retracted = run("log", "retract", str(log.path), "a", "--reason", "wrong")
    assert (ran.returncode, ran.stderr) == (
        3,
        f"error: {log.path}: the store cannot be written: the file is read-only\n",
    )
    assert (retracted.returncode, retracted.stderr) == (3, ran.stderr)
    assert _files(tmp_path) == before


def test_a_store_with_no_write_bit_is_refused_for_writes_and_read(log: ClaimLog, tmp_path: Path) -> None:
    """A store chmod 0444: append and retract refused (exit 3), its bytes kept, for anyone; show still reads it."""
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    log.path.chmod(0o444)
    before = log.path.read_bytes()
    appended = run("log", "append", str(log.path), str(tmp_path / "c.json"))
    retracted = run("log", "retract", str(log.path), "a", "--reason", "wrong")
    assert [(r.returncode, r.stderr) for r in (appended, retracted)] == 2 * [
        (3, f"error: {log.path}: the store cannot be written: the file is read-only\n")
    ]
    assert log.path.read_bytes() == before
    shown = run("log", "show", str(log.path))
    assert (shown.returncode, sorted(c.id for c in factlog.loads(shown.stdout).claims)) == (0, ["a", "b"])


def test_a_store_in_a_read_only_folder_is_read_and_not_written(log: ClaimLog, tmp_path: Path) -> None:
    """`log show` reads a store whose folder takes no new file; `log append` says why it cannot write; no file left."""
    folder = tmp_path / "ro"
    folder.mkdir()
    store = ClaimLog(folder / "s.db")
    store.append([*ENTITIES, *PREDICATES, *SOURCES, claim("a")])
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    with _read_only(folder):
        shown = run("log", "show", str(store.path))
        appended = run("log", "append", str(store.path), str(tmp_path / "c.json"))
    assert (shown.returncode, [c.id for c in factlog.loads(shown.stdout).claims]) == (0, ["a"])
    assert appended.returncode == 3
    assert appended.stderr.startswith(f"error: {store.path}: the store cannot be written: its folder")
    assert _files(folder) == ["s.db"]


def test_a_read_command_does_not_write_an_empty_file(tmp_path: Path) -> None:
    """`log show` of a 0-byte file is refused (exit 3) and leaves it 0 bytes: a read command writes nothing."""
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    ran = run("log", "show", str(path))
    assert (ran.returncode, ran.stderr) == (
        3,
        f"error: {path}: an empty file, not a factlog store yet (`factlog log append` makes one)\n",
    )
    assert (path.stat().st_size, _files(tmp_path)) == (0, ["empty.db"])


def _flipped(log: ClaimLog) -> None:
    """Damage the store's pages past its header as a failing disk would: every 97th byte flipped."""
    data = bytearray(log.path.read_bytes())
    for offset in range(4096 + 17, len(data), 97):
        data[offset] ^= 0xFF
    log.path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("action", "rest"),
    [("show", ()), ("export", ()), ("export", ("--to", "snap")), ("retract", ("a", "--reason", "wrong"))],
)
def test_a_damaged_store_is_named_as_such_exit_3(
    log: ClaimLog, tmp_path: Path, action: str, rest: tuple[str, ...]
) -> None:
    """Every log command on a damaged store: one line saying the store is damaged and what to do; exit 3."""
    log.append([claim(f"more-{n}") for n in range(200)])
    _flipped(log)
    ran = run("log", action, str(log.path), *rest, cwd=tmp_path)
    assert ran.returncode == 3
    [line] = ran.stderr.splitlines()
    assert line.startswith(f"error: {log.path}: the store is damaged (")
    assert "restore a copy" in line
    assert f"(removing {log.path.name}-wal and {log.path.name}-shm beside it first, if there" in line


def test_an_append_to_a_damaged_store_is_refused(log: ClaimLog, tmp_path: Path) -> None:
    """SQLite's quick check fails: the append is refused (exit 3) and the file is left as it was."""
    log.append([claim(f"more-{n}") for n in range(200)])
    _flipped(log)
    damaged = log.path.read_bytes()
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    ran = run("log", "append", str(log.path), str(tmp_path / "c.json"))
    assert (ran.returncode, ran.stderr.startswith(f"error: {log.path}: the store is damaged (")) == (3, True)
    assert log.path.read_bytes() == damaged


def test_verify_reads_every_page_and_names_damage_anywhere(log: ClaimLog) -> None:
    """`log verify`: a sound store is one line and exit 0; damage in any page is named, exit 3, the bytes kept."""
    log.append([claim(f"more-{n}") for n in range(200)])
    records = len(ENTITIES) + len(PREDICATES) + len(SOURCES) + 202
    sound = run("log", "verify", str(log.path))
    assert (sound.returncode, sound.stdout) == (0, f"{log.path}: sound: {records} records read, 202 claims held\n")
    assert log.verify().records == records
    _flipped(log)
    damaged = log.path.read_bytes()
    ran = run("log", "verify", str(log.path))
    assert (ran.returncode, ran.stdout) == (3, "")
    assert ran.stderr.startswith(f"error: {log.path}: the store is damaged (")
    with pytest.raises(factlog.InputError, match="the store is damaged"):
        log.verify()
    assert log.path.read_bytes() == damaged


def test_replace_warns_naming_each_retracted_claim_it_re_asserts(log: ClaimLog, tmp_path: Path) -> None:
    """`append --replace` of a retracted claim re-asserts it with a warning naming it, as a plain append warns."""
    log.retract("a", "withdrawn")
    file = tmp_path / "again.json"
    file.write_text(
        factlog.dumps(factlog.ClaimSet(entities=ENTITIES, predicates=PREDICATES, sources=SOURCES, claims=(claim("a"),)))
    )
    with pytest.warns(factlog.RetractedWarning, match=r"claim 'a' was retracted at .* \('withdrawn'\); re-asserted"):
        log.append([claim("a")], replace=True)
    log.retract("a", "withdrawn again")
    ran = run("log", "append", str(log.path), str(file), "--replace")
    warned = [line for line in ran.stderr.splitlines() if "re-asserted" in line]
    assert (ran.returncode, len(warned)) == (0, 1)
    assert warned[0].startswith("warning: claim 'a' was retracted at ")


def test_a_changed_document_is_a_redefinition_refused_without_replace(tmp_path: Path) -> None:
    """A document edited on disk and appended again is refused naming the source and the file; --replace keeps it."""
    claims = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "o", "name": "O", "kind": "media-outlet"}],
        "sources": [{"id": "s", "title": "t", "publisher": "o", "document": "doc.txt"}],
    }
    (tmp_path / "claims.json").write_text(json.dumps(claims), encoding="utf-8")
    (tmp_path / "doc.txt").write_text("first\n", encoding="utf-8")
    store, file = str(tmp_path / "a.db"), str(tmp_path / "claims.json")
    assert run("log", "append", store, file).returncode == 0
    (tmp_path / "doc.txt").write_text("edited\n", encoding="utf-8")
    refused = run("log", "append", store, file)
    assert refused.returncode == 3
    assert f"{file}: $.sources[0]: source 's': its document 'doc.txt' is not the one stored" in refused.stderr
    assert ClaimLog(store).documents() == {"s": b"first\n"}
    assert run("log", "append", store, file, "--replace").returncode == 0
    assert ClaimLog(store).documents() == {"s": b"edited\n"}


def test_export_to_a_non_empty_folder_is_refused_without_force(log: ClaimLog, tmp_path: Path) -> None:
    """`log export --to` a folder holding anything: exit 3 naming it and --force; the folder is left as it was."""
    folder = tmp_path / "snap"
    assert run("log", "export", str(log.path), "--to", str(folder)).returncode == 0
    (folder / "mine.json").write_text("{}", encoding="utf-8")
    before = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))
    ran = run("log", "export", str(log.path), "--to", str(folder))
    assert ran.returncode == 3
    assert ran.stderr.startswith(f"error: {folder}: not empty: give a new or empty folder, or --force")
    assert sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")) == before


def test_export_to_with_force_replaces_an_earlier_snapshot_whole(log: ClaimLog, tmp_path: Path) -> None:
    """--force replaces an earlier snapshot whole: no stale source is left, and the folder validates."""
    folder = tmp_path / "snap"
    log.snapshot(folder)
    (folder / "sources" / "stale").mkdir(parents=True)
    (folder / "sources" / "stale" / "source.json").write_text('{"sources": [{"document": "a.txt"}]}')
    (folder / "sources" / "stale" / "a.txt").write_text("stale", encoding="utf-8")
    other = ClaimLog(tmp_path / "other.db")
    other.append([*ENTITIES, *PREDICATES])
    ran = run("log", "export", str(other.path), "--to", str(folder), "--force")
    assert ran.returncode == 0
    assert _files(folder) == ["claims.json"]
    assert run("validate", str(folder)).returncode == 0
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_export_of_a_missing_store_makes_no_folder(tmp_path: Path) -> None:
    """`log export missing.db --to X`: exit 3 and X is not made."""
    ran = run("log", "export", str(tmp_path / "missing.db"), "--to", str(tmp_path / "x"))
    assert ran.returncode == 3
    assert _files(tmp_path) == []


HEADER = '{"format":"factlog-log","version":1}\n'
AT = "2026-01-01T00:00:00.000000Z"


def _log_file(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "history.log"
    lines = [json.dumps({"at": AT, **record}, separators=(",", ":")) + "\n" for record in records]
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


OUTLET = {"type": "entity", "id": "p", "name": "P", "kind": "media-outlet"}


@pytest.mark.parametrize(
    ("records", "line", "said"),
    [
        (
            [
                {"type": "entity", "id": "x", "name": "X", "kind": "place", "part_of": ["y"]},
                {"type": "entity", "id": "y", "name": "Y", "kind": "place", "part_of": ["x"]},
            ],
            2,
            "entity 'x': part_of[0]: part_of makes a cycle",
        ),
        (
            [
                {"type": "entity", "id": "m", "name": "M", "kind": "group", "affiliation": "n"},
                {"type": "entity", "id": "n", "name": "N", "kind": "group", "affiliation": "m"},
            ],
            2,
            "entity 'm': affiliation: affiliation makes a cycle",
        ),
        (
            [
                OUTLET,
                {"type": "source", "id": "sa", "title": "A", "publisher": "p", "derived_from": ["sb"]},
                {"type": "source", "id": "sb", "title": "B", "publisher": "p", "derived_from": ["sa"]},
            ],
            3,
            "source 'sa': derived_from[0]: derived_from makes a cycle",
        ),
        ([{"type": "retraction", "claim": "ghost", "reason": "x"}], 2, "no claim 'ghost' to retract"),
        ([OUTLET, {**OUTLET, "name": "P2"}], 3, "entity 'p' is defined again at the same time"),
    ],
)
def test_import_refuses_what_append_refuses_naming_the_line(
    tmp_path: Path, records: list[dict[str, object]], line: int, said: str
) -> None:
    """Cycles, a retraction of a claim never held, two versions at one time: exit 3 naming FILE:LINE; no store left."""
    path = _log_file(tmp_path, *records)
    store = tmp_path / "s.db"
    ran = run("log", "import", str(store), str(path))
    assert ran.returncode == 3
    assert f"error: {store}: {path}:{line}: {said}" in ran.stderr.splitlines()[0]
    assert _files(tmp_path) == ["history.log"]


def test_append_refuses_a_cycle_within_its_own_records(tmp_path: Path) -> None:
    """A claim file whose sources derive from each other: refused naming its JSON path, as validate names it."""
    file = tmp_path / "c.json"
    sources = [
        {"id": "sa", "title": "A", "publisher": "p", "derived_from": ["sb"]},
        {"id": "sb", "title": "B", "publisher": "p", "derived_from": ["sa"]},
    ]
    entities = [{"id": "p", "name": "P", "kind": "media-outlet"}]
    file.write_text(json.dumps({"format": "factlog", "version": 1, "entities": entities, "sources": sources}))
    ran = run("log", "append", str(tmp_path / "s.db"), str(file))
    assert ran.returncode == 3
    assert f"{file}: $.sources[0]: source 'sa': derived_from[0]: derived_from makes a cycle" in ran.stderr
    assert _files(tmp_path) == ["c.json"]


def test_an_empty_log_file_is_refused_at_import(tmp_path: Path) -> None:
    """An empty file has no header: refused (exit 3), and no store made; it said "imported 0 records"."""
    (tmp_path / "empty.log").write_bytes(b"")
    ran = run("log", "import", str(tmp_path / "s.db"), str(tmp_path / "empty.log"))
    assert (ran.returncode, "empty: not a factlog JSON Lines log" in ran.stderr) == (3, True)
    assert _files(tmp_path) == ["empty.log"]


@pytest.mark.parametrize(("as_of", "kept"), [("2025", 0), ("2025-12", 0), ("2026", 1), ("2026-01", 1), ("2026-02", 1)])
def test_as_of_a_year_or_a_month_means_its_end(tmp_path: Path, as_of: str, kept: int) -> None:
    """`--as-of 2026` and `--as-of 2026-01` are read to their end, as `assess --as-of` reads them; both were refused."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a")], at=datetime.datetime(2026, 1, 31, 23, 59, 59, tzinfo=datetime.UTC))
    ran = run("log", "show", str(log.path), "--as-of", as_of)
    assert ran.returncode == 0, ran.stderr
    assert len(factlog.loads(ran.stdout).claims) == kept


def test_a_retraction_with_an_empty_reason_is_a_usage_error(log: ClaimLog) -> None:
    """`--reason ""` (or blanks) says why nothing: exit 2, and nothing is retracted."""
    ran = run("log", "retract", str(log.path), "a", "--reason", " ")
    assert (ran.returncode, ran.stderr) == (
        2,
        "factlog log retract: error: --reason: say why the claim is withdrawn (it is empty)\n",
    )
    assert [c.id for c in log.read().claims] == ["a", "b"]


def test_a_log_export_given_to_append_names_import(log: ClaimLog, tmp_path: Path) -> None:
    """`log append STORE x.log` of a log export: one line saying to use `log import`, exit 3."""
    (tmp_path / "x.log").write_text("".join(log.export_lines()), encoding="utf-8")
    ran = run("log", "append", str(tmp_path / "other.db"), str(tmp_path / "x.log"))
    assert ran.returncode == 3
    assert ran.stderr.splitlines() == [
        f"error: {tmp_path / 'x.log'}: a log export (a factlog-log JSON Lines history), not a claim file:"
        f" `factlog log import STORE {tmp_path / 'x.log'}` reads it into a store"
    ]


def test_a_claim_set_given_for_a_store_is_called_a_claim_set(tmp_path: Path) -> None:
    """`log show claims.json` of a JSON document says it is a claim set, not "a JSON Lines log"."""
    path = tmp_path / "claims.json"
    path.write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)), encoding="utf-8")
    ran = run("log", "show", str(path))
    assert ran.returncode == 3
    assert "it looks like a factlog claim set: `factlog log append STORE FILE` appends its records" in ran.stderr


def test_an_import_interrupted_into_a_store_it_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C inside the import's transaction: nothing committed, and the store it made is removed."""
    from factlog.io import _logwrite  # noqa: PLC0415 - the step interrupted is the write's own

    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    path = _log_file(tmp_path, OUTLET)
    monkeypatch.setattr(_logwrite, "check_append", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ClaimLog(tmp_path / "s.db").import_lines(path)
    assert _files(tmp_path) == ["history.log"]


def test_a_store_another_connection_has_open_is_not_removed(tmp_path: Path) -> None:
    """A refused import into a store it made leaves it when another process has it open (it may append next)."""
    store = tmp_path / "s.db"
    path = _log_file(tmp_path, {"type": "retraction", "claim": "ghost", "reason": "x"})
    _store.connect(store, create=True).close()  # a new store, with its schema and nothing appended
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("SELECT count(*) FROM transactions").fetchone()
    try:
        _store.remove_if_empty(store)
        assert store.exists()
    finally:
        other.close()
    with pytest.raises(factlog.UnknownIdError):
        ClaimLog(store).import_lines(path)
    assert store.exists()  # it was there before the import: not the import's to remove
    _store.remove_if_empty(store)
    assert _files(tmp_path) == ["history.log"]


@pytest.mark.parametrize(
    ("body", "told"),
    [
        ("{not json", r"the record's body: \$: invalid JSON"),
        ("[]", "the record's body is an array, not a JSON object"),
        ("null", "the record's body is null, not a JSON object"),
    ],
)
@pytest.mark.parametrize("action", ["show", "export", "verify", "append", "retract"])
def test_a_damaged_record_body_is_one_line_naming_store_and_record_exit_3(
    log: ClaimLog, tmp_path: Path, body: str, told: str, action: str
) -> None:
    """A stored body that is no JSON object: `STORE: record N: damaged store: ...`, exit 3, from every command.

    A predicate's record: every append reads the predicates (a write reads what it checks, not every record).
    """
    with sqlite3.connect(log.path) as connection:
        [(seq,)] = connection.execute("SELECT MIN(seq) FROM records WHERE kind = 'predicate'").fetchall()
        connection.execute("UPDATE records SET body = ? WHERE seq = ?", (body, seq))
    connection.close()
    (tmp_path / "c.json").write_text(
        factlog.dumps(factlog.ClaimSet(entities=(factlog.Entity(id="x", name="X", kind=factlog.EntityKind.COUNTRY),)))
    )
    rest = {"append": (str(tmp_path / "c.json"),), "retract": ("b", "--reason", "wrong")}.get(action, ())
    ran = run("log", action, str(log.path), *rest, cwd=tmp_path)
    assert ran.returncode == 3
    [line] = ran.stderr.splitlines()
    assert re.fullmatch(rf"error: {re.escape(str(log.path))}: record {seq}: damaged store: {told}.*", line)


@pytest.mark.parametrize("version", ["²", "٣", "abc", "-1"])
@pytest.mark.parametrize("action", ["show", "export", "verify", "append"])
def test_a_damaged_schema_version_is_one_line_exit_3_from_every_command(
    log: ClaimLog, tmp_path: Path, version: str, action: str
) -> None:
    """A schema version that is no ASCII number ('²' passes str.isdigit) is a damaged store, never a traceback."""
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE factlog_meta SET value = ? WHERE name = 'schema'", (version,))
    connection.close()
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    rest = (str(tmp_path / "c.json"),) if action == "append" else ()
    ran = run("log", action, str(log.path), *rest, cwd=tmp_path)
    assert (ran.returncode, ran.stderr) == (
        3,
        f"error: {log.path}: damaged store: schema version {version!r} is not a schema version (a number from 0)\n",
    )


def test_a_store_with_two_hard_links_is_not_written_nor_verified_sound(log: ClaimLog, tmp_path: Path) -> None:
    """Two names of one store keep two write-ahead logs: an append through either is refused, and verify, exit 3."""
    other = tmp_path / "other.db"
    os.link(log.path, other)
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    for name in (log.path, other):
        appended = run("log", "append", str(name), str(tmp_path / "c.json"))
        assert (appended.returncode, appended.stderr) == (
            3,
            f"error: {name}: the store file has 2 names (hard links): SQLite keeps its write-ahead log by name,"
            " so writes through two names of one store lose appends; keep one name (copy a store with"
            " `factlog log export`, or `cp`, never `ln`)\n",
        )
    verified = run("log", "verify", str(other))
    assert (verified.returncode, verified.stdout, "2 names (hard links)" in verified.stderr) == (3, "", True)
    with pytest.raises(factlog.InputError, match="hard links"):
        ClaimLog(other).retract("a", "wrong")
    other.unlink()
    assert run("log", "verify", str(log.path)).returncode == 0


def test_export_to_with_force_refuses_a_folder_holding_a_file_no_snapshot_writes(log: ClaimLog, tmp_path: Path) -> None:
    """A source folder (claims.json beside its article and notes) is no earlier snapshot: --force leaves it whole."""
    folder = tmp_path / "week" / "visit"
    folder.mkdir(parents=True)
    for name, text in (("claims.json", "{}"), ("document.txt", "the article"), ("notes.txt", "my notes")):
        (folder / name).write_text(text)
    ran = run("log", "export", str(log.path), "--to", str(folder), "--force")
    assert (ran.returncode, ran.stderr) == (
        3,
        f"error: {folder}: holds 'document.txt', which no snapshot writes, so it is no earlier snapshot:"
        " --force (Python: force=True) replaces only an earlier snapshot whole; move it, or give another folder\n",
    )
    assert sorted(path.name for path in folder.iterdir()) == ["claims.json", "document.txt", "notes.txt"]
    snapshot = tmp_path / "snap"
    log.append([attrs.evolve(SOURCES[0], document="sub/article.txt")], replace=True, documents={"s1": b"text"})
    log.snapshot(snapshot)
    log.snapshot(snapshot, force=True)  # an earlier snapshot, documents in sub-folders too, is replaced
    assert (snapshot / "sources" / "s1" / "sub" / "article.txt").read_bytes() == b"text"


@pytest.mark.parametrize("document", ["source.json", "feed.json", "Items.JSONL"])
def test_export_to_refuses_a_document_a_folder_check_would_read_as_a_claim_file(
    log: ClaimLog, tmp_path: Path, document: str
) -> None:
    """A document named *.json (source.json too) would be overwritten or read as claims: refused, nothing made."""
    log.append([attrs.evolve(SOURCES[0], document=document)], replace=True, documents={"s1": b'{"a": 1}'})
    ran = run("log", "export", str(log.path), "--to", str(tmp_path / "snap"))
    assert ran.returncode == 3
    assert ran.stderr.startswith(f"error: {tmp_path / 'snap'}: source 's1': its document {document!r} ends in ")
    assert not (tmp_path / "snap").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claims.db"]


@pytest.mark.parametrize(
    ("damage", "told"),
    [
        ("UPDATE transactions SET at = 'yesterday' WHERE id = 2", "transaction 2: time 'yesterday' is not a UTC time"),
        (
            "UPDATE transactions SET at = '2999-01-01T00:00:00.000000Z' WHERE id = 1",
            "transaction 2: time .* is not after the one before it \\(2999-01-01T00:00:00.000000Z\\)",
        ),
        ("UPDATE records SET txn = 999 WHERE seq = 1", "record 1: its transaction is missing"),
        (
            "UPDATE records SET record_key = 'zzz' WHERE seq = 1",
            "record 1: kept under the key 'zzz', not its body's id",
        ),
    ],
)
def test_verify_names_a_history_no_append_makes(log: ClaimLog, damage: str, told: str) -> None:
    """Times not in the stored form or going backwards, a record of no transaction or under another key: damaged."""
    with sqlite3.connect(log.path) as connection:
        connection.execute(damage)
    connection.close()
    ran = run("log", "verify", str(log.path))
    assert (ran.returncode, ran.stdout) == (3, "")
    assert re.match(rf"error: {re.escape(str(log.path))}: the store is damaged \({told}.*\);", ran.stderr)


def test_an_append_after_a_damaged_latest_time_is_refused_as_damage(log: ClaimLog, tmp_path: Path) -> None:
    """A latest time 'yesterday': the append is refused naming the store and the damage (exit 3), not a usage error."""
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE transactions SET at = 'yesterday' WHERE id = 2")
    connection.close()
    (tmp_path / "c.json").write_text(factlog.dumps(factlog.ClaimSet(entities=ENTITIES)))
    ran = run("log", "append", str(log.path), str(tmp_path / "c.json"))
    assert (ran.returncode, ran.stderr.startswith(f"error: {log.path}: the store is damaged (the latest")) == (3, True)


def test_a_store_of_another_format_is_refused_by_every_command(log: ClaimLog, tmp_path: Path) -> None:
    """A database whose format row is not factlog-store is no factlog store: one line, exit 3."""
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE factlog_meta SET value = 'other-store' WHERE name = 'format'")
    connection.close()
    for action in ("show", "export", "verify"):
        ran = run("log", action, str(log.path))
        assert (ran.returncode, ran.stderr) == (
            3,
            f"error: {log.path}: an SQLite database of another format ('other-store'), not a factlog store\n",
        )


def test_a_snapshot_killed_between_its_renames_is_mended_by_the_next_export(log: ClaimLog, tmp_path: Path) -> None:
    """The earlier snapshot moved aside by a process since gone is put back, and its staging folders removed."""
    from factlog.io._staging import host  # noqa: PLC0415 - the machine's name as staging folders hold it

    snapshot = log.snapshot(tmp_path / "snap")
    earlier = sorted(path.relative_to(snapshot).as_posix() for path in snapshot.rglob("*"))
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    left = f".snap.split-{host()}-{ended.pid}-0123abcd"
    snapshot.rename(tmp_path / f"{left}.old")  # killed here: the earlier snapshot aside, the new one staged
    shutil.copytree(tmp_path / f"{left}.old", tmp_path / left)
    ran = run("log", "export", str(log.path), "--to", str(snapshot), "--force")
    assert ran.returncode == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["claims.db", "snap"]
    assert sorted(path.relative_to(snapshot).as_posix() for path in snapshot.rglob("*")) == earlier


def test_a_store_moved_away_after_its_check_is_missing_not_made_anew(
    log: ClaimLog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Moved while an append waited: 'no such store', never 'damaged', and no empty store made at the old path."""
    (tmp_path / "archive").mkdir()
    checked = _store._check_file

    def check_then_move(path: Path, *, create: bool, write: bool) -> None:
        checked(path, create=create, write=write)
        path.rename(tmp_path / "archive" / path.name)

    monkeypatch.setattr(_store, "_check_file", check_then_move)
    with pytest.raises(factlog.InputError) as caught:
        log.append([claim("late")])
    assert str(caught.value) == f"{log.path}: no such store (moved or removed meanwhile)"
    assert not log.path.exists()
    monkeypatch.undo()
    assert ClaimLog(tmp_path / "archive" / log.path.name).verify().records == len(ENTITIES + PREDICATES + SOURCES) + 2
