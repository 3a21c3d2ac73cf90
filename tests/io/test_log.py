"""The claim log on SQLite: replay, as-of, retraction, redefinition, documents, damage."""

from __future__ import annotations

import datetime
import sqlite3
import threading
from pathlib import Path

import pytest

import factlog
from factlog import ClaimLog, Retraction
from tests.helpers import ENTITIES, PREDICATES, ROOT, SOURCES, claim

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 10, 2, 12, tzinfo=datetime.UTC)
T3 = datetime.datetime(2025, 10, 3, 12, tzinfo=datetime.UTC)
CORPUS = ROOT / "sources"


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a"), claim("b", denied=True, holder="russia")], at=T2)
    return log


def test_replay_rebuilds_the_claim_set(log: ClaimLog) -> None:
    """Everything appended comes back as one claim set, and it checks like any other."""
    claims = log.read()
    assert [c.id for c in claims.claims] == ["a", "b"]
    assert len(claims.entities) == len(ENTITIES)
    assert factlog.check(claims).by_rule("opposed_claims")


def test_replay_as_of_stops_at_a_transaction_time(log: ClaimLog) -> None:
    """as_of keeps the records appended by then: a date means the end of that day."""
    assert log.read(as_of=T1).claims == ()
    assert log.read(as_of="2025-10-01").claims == ()
    assert len(log.read(as_of="2025-10-02").claims) == 2
    assert len(log.read(as_of="2025-10-02T12:00:00Z").claims) == 2


@pytest.mark.parametrize(
    ("as_of", "kept"),
    [
        ("2025-10-02T12:00:00Z", 2),  # the end of that second
        ("2025-10-02T12:00Z", 2),  # the end of that minute
        ("2025-10-02T12", 2),  # the end of that hour
        ("2025-10-02T11:59:59.999999Z", 0),  # a fraction is read as written
        ("2025-10-02T11:59:59Z", 0),
    ],
)
def test_as_of_text_means_the_end_of_its_last_unit(tmp_path: Path, as_of: str, kept: int) -> None:
    """An append at 12:00:00.4 is in by the second 12:00:00 written without a fraction, as a date means its day."""
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a"), claim("b", denied=True, holder="russia")], at=T2 + datetime.timedelta(milliseconds=400))
    assert len(log.read(as_of=as_of).claims) == kept
    assert len(log.read(as_of=T2).claims) == 0  # a datetime is read exactly


def test_latest_gives_the_time_of_the_last_append(log: ClaimLog) -> None:
    """latest() is the newest transaction time, as export gives it; an as_of at it replays everything."""
    latest = log.latest()
    assert latest == "2025-10-02T12:00:00.000000Z"
    assert [c.id for c in log.read(as_of=latest).claims] == ["a", "b"]


def test_retraction_withdraws_a_claim_and_keeps_its_history(log: ClaimLog) -> None:
    """A retraction removes the claim from the replay; the record stays in the history."""
    log.retract("b", "misattributed", at=T3)
    assert [c.id for c in log.read().claims] == ["a"]
    assert [c.id for c in log.read(as_of=T2).claims] == ["a", "b"]
    assert [version.record for version in log.history("b")][1] == Retraction(claim="b", reason="misattributed")


def test_retraction_of_an_unknown_claim_is_refused(log: ClaimLog) -> None:
    """Withdrawing a claim the log does not hold is an UnknownIdError, and nothing is stored."""
    with pytest.raises(factlog.UnknownIdError, match="no claim 'e' to retract"):
        log.append([claim("c"), Retraction(claim="e", reason="try")], at=T3)
    assert [c.id for c in log.read().claims] == ["a", "b"]


def test_redefinition_is_refused_at_append_and_the_log_stays_readable(log: ClaimLog) -> None:
    """A different record under an existing id is a ConflictError at append; the log reads as before."""
    changed = factlog.Entity(id="dprk", name="DPRK (typo fixed)", kind=factlog.EntityKind.COUNTRY)
    with pytest.raises(factlog.ConflictError, match=r"record 1: entity 'dprk' is already defined differently"):
        log.append([changed], at=T3)
    assert log.read().entity_by_id["dprk"] == ENTITIES[0]


def test_replace_keeps_a_new_version_with_its_history(log: ClaimLog) -> None:
    """With replace the new definition is current; the old one stays, and as_of still sees it."""
    changed = claim("a", certainty="possible")
    log.append([changed], at=T3, replace=True)
    assert log.read().claim_by_id["a"] == changed
    assert log.read(as_of=T2).claim_by_id["a"] == claim("a")
    assert [version.at for version in log.history("a")] == [T2, T3]


def test_an_identical_record_is_not_stored_twice(log: ClaimLog) -> None:
    """Appending what the log already holds stores nothing."""
    assert log.append([claim("a"), *ENTITIES], at=T3) == 0
    assert log.replay().records == len(ENTITIES) + len(PREDICATES) + len(SOURCES) + 2


def test_documents_are_kept_so_a_snapshot_verifies_quotes(tmp_path: Path) -> None:
    """A snapshot of a log fed the corpus, documents and all, checks with no document or quote finding."""
    corpus = factlog.load(CORPUS)
    documents = {s.id: corpus.document_path(s.id).read_bytes() for s in corpus.sources if s.document}  # type: ignore[union-attr]
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*corpus.entities, *corpus.predicates, *corpus.sources, *corpus.claims], documents=documents)
    for path in CORPUS.rglob("*.txt"):
        assert path.read_bytes() in log.documents().values()
    report = factlog.check(factlog.load(log.snapshot(tmp_path / "snapshot")))
    assert documents
    assert not report.by_rule("document_mismatch")
    assert not report.by_rule("quote_mismatch")


def test_export_then_import_gives_the_same_history(log: ClaimLog, tmp_path: Path) -> None:
    """The JSON Lines export imports into a new store with the same records at the same times."""
    log.append([claim("a", certainty="possible")], at=T3, replace=True)
    log.retract("b", "misattributed", at=T3 + datetime.timedelta(hours=1))  # each append strictly later
    exported = tmp_path / "claims.log"
    exported.write_text("".join(log.export_lines()), encoding="utf-8")
    copy = ClaimLog(tmp_path / "copy.db")
    assert copy.import_lines(exported) == log.replay().records
    assert list(copy.export_lines()) == list(log.export_lines())
    assert copy.read(as_of=T2) == log.read(as_of=T2)


def test_a_missing_store_is_an_input_error(tmp_path: Path) -> None:
    """Reading a store that does not exist is an InputError, and creates nothing."""
    with pytest.raises(factlog.InputError, match="no such store"):
        ClaimLog(tmp_path / "none.db").read()
    assert not (tmp_path / "none.db").exists()


def test_a_json_lines_log_is_not_taken_for_a_store(tmp_path: Path) -> None:
    """Appending to an old JSON Lines log is refused with the command that imports it, and it is left as it was."""
    old = tmp_path / "claims.log"
    old.write_text('{"format":"factlog-log","version":1}\n', encoding="utf-8")
    with pytest.raises(factlog.InputError, match="factlog log import"):
        ClaimLog(old).append([claim("a")])
    assert old.read_text(encoding="utf-8") == '{"format":"factlog-log","version":1}\n'


def test_a_store_from_a_newer_factlog_is_refused(log: ClaimLog) -> None:
    """A schema version beyond this factlog's is a FormatError, never a guess."""
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE factlog_meta SET value = '99' WHERE name = 'schema'")
    with pytest.raises(factlog.FormatError, match="store schema 99 is newer"):
        log.read()


def test_a_damaged_record_names_its_number(log: ClaimLog) -> None:
    """A stored record that is no longer valid JSON is a FormatError naming the record."""
    with sqlite3.connect(log.path) as connection:
        connection.execute('UPDATE records SET body = \'{"id": "a", "id": 1}\' WHERE seq = 3')
    with pytest.raises(
        factlog.FormatError,
        match=r"claims.db: record 3: damaged store: the record's body: \$: invalid JSON: duplicate key 'id'",
    ):
        log.read()


def test_log_times_must_be_utc(tmp_path: Path) -> None:
    """Appending with a local time is refused."""
    local = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    with pytest.raises(factlog.ArgumentError, match="UTC"):
        ClaimLog(tmp_path / "x.db").append([claim("a")], at=local)


@pytest.mark.parametrize("as_of", ["garbage", datetime.datetime(2025, 10, 1, 12)])
def test_a_bad_as_of_is_an_argument_error(log: ClaimLog, as_of: str | datetime.datetime) -> None:
    """Text that is no time, or a time without its offset, is an ArgumentError (a FactlogError and a ValueError)."""
    with pytest.raises(factlog.ArgumentError, match="expected a UTC time"):
        log.read(as_of=as_of)


def test_what_is_not_a_store_is_refused(tmp_path: Path) -> None:
    """A folder, another SQLite database and a damaged one are InputErrors, and are left as they were."""
    with pytest.raises(factlog.InputError, match="not a regular file"):
        ClaimLog(tmp_path).read()
    with sqlite3.connect(tmp_path / "other.db") as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    with pytest.raises(factlog.InputError, match="an SQLite database, but not a factlog store"):
        ClaimLog(tmp_path / "other.db").append([claim("a")])
    (tmp_path / "damaged.db").write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(factlog.InputError, match="the store is damaged"):
        ClaimLog(tmp_path / "damaged.db").read()


def test_opening_waits_out_a_writer_that_sqlite_would_refuse_at_once(tmp_path: Path) -> None:
    """A store being created while another connection holds its write lock opens once the lock is gone.

    Switching a new database to WAL needs its exclusive lock; while another connection holds
    the reserved lock SQLite refuses at once, without its busy handler (deadlock avoidance),
    so only the store's own retry can wait the writer out.
    """
    path = tmp_path / "claims.db"
    path.touch()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    refused = sqlite3.connect(path, timeout=5, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        refused.execute("PRAGMA journal_mode=WAL")  # the refusal the retry exists for
    refused.close()
    release = threading.Timer(0.3, holder.rollback)
    release.start()
    try:
        ClaimLog(path).append([*ENTITIES, *PREDICATES, *SOURCES, claim("a")], at=T1)
    finally:
        release.join()
        holder.close()
    assert [c.id for c in ClaimLog(path).read().claims] == ["a"]


def test_a_store_is_in_wal_mode_with_full_sync(log: ClaimLog) -> None:
    """The store is written ahead (WAL, kept in the file) and each connection syncs every commit (FULL = 2)."""
    from factlog.io._store import connect  # noqa: PLC0415 - the engine-specific settings

    with sqlite3.connect(log.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    opened = connect(log.path, create=False)
    try:
        assert opened.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert opened.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
    finally:
        opened.close()


def test_an_older_store_is_migrated_on_open(log: ClaimLog, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later schema step runs once on an older store, which keeps every record and says its new version."""
    from factlog.io import _store  # noqa: PLC0415 - the migrations are the store's own

    steps = (*_store._MIGRATIONS, ("CREATE TABLE notes (id INTEGER PRIMARY KEY)",))
    monkeypatch.setattr(_store, "_MIGRATIONS", steps)
    monkeypatch.setattr(_store, "SCHEMA_VERSION", len(steps))
    assert [c.id for c in log.read().claims] == ["a", "b"]
    with sqlite3.connect(log.path) as connection:
        version = connection.execute("SELECT value FROM factlog_meta WHERE name = 'schema'").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert (version, "notes" in tables) == (str(len(steps)), True)
