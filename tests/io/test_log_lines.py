"""JSON Lines logs into and out of the store, read as strictly as documents; the log commands."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import factlog
from factlog import ClaimLog, TornLineWarning
from tests.helpers import GOLDEN, run

HEADER = '{"format":"factlog-log","version":1}\n'
ENTITY = '{"at":"2025-10-30T12:00:00.000000Z","type":"entity","id":"e","name":"E","kind":"person"}\n'


def _import(tmp_path: Path, text: str | bytes) -> ClaimLog:
    source = tmp_path / "old.log"
    source.write_bytes(text.encode() if isinstance(text, str) else text)
    log = ClaimLog(tmp_path / "claims.db")
    log.import_lines(source)
    return log


def test_a_torn_header_is_recovered(tmp_path: Path) -> None:
    """A log cut short inside its header imports as an empty store (with a warning), and takes appends."""
    with pytest.warns(TornLineWarning, match="torn final line"):
        log = _import(tmp_path, '{"format":"factlog-lo')
    assert log.read() == factlog.ClaimSet()
    log.append([factlog.Entity(id="e", name="E", kind=factlog.EntityKind.PERSON)])
    assert len(log.read().entities) == 1


def test_a_torn_tail_over_a_mebibyte_loses_only_the_fragment(tmp_path: Path) -> None:
    """A torn final record longer than 1 MiB is dropped; every complete record before it is kept."""
    torn = '{"at":"2025-10-30T12:00:00.000000Z","type":"entity","id":"big","name":"' + "x" * (1 << 20)
    with pytest.warns(TornLineWarning):
        log = _import(tmp_path, HEADER + ENTITY + torn)
    assert [e.id for e in log.read().entities] == ["e"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"at":"garbage","type":"entity","id":"e","name":"E","kind":"person"}', r":2: \$\.at: expected a UTC"),
        (
            '{"at":"2025-10-30T12:00:00","type":"entity","id":"e","name":"E","kind":"person"}',
            r":2: \$\.at: .*offset",
        ),
        ('{"at":"2025-10-30T12:00:00+02:00","type":"entity","id":"e","name":"E","kind":"person"}', r":2: \$\.at"),
        (
            '{"at":"2025-10-30T12:00:00Z","type":"entity","id":"e","name":"C","name":"E","kind":"person"}',
            "duplicate key",
        ),
        ('{"at":"2025-10-30T12:00:00Z","type":"predicate","id":"p","label":"p","kind":"state","tolerance":NaN}', "NaN"),
        ('{"at":"2025-10-30T12:00:00Z","type":"entity","id":"e","name":"\\ud800","kind":"person"}', "lone surrogate"),
        ("\x0b", r":2: invalid JSON at column 1: "),
        ('{"at":"2025-10-30T12:00:00Z","type":"retraction","claim":"c"}', "a retraction is"),
        ('{"at":"2025-10-30T12:00:00Z","type":"rumour","id":"e"}', "unknown record type 'rumour'"),
    ],
)
def test_log_lines_are_read_as_strictly_as_documents(tmp_path: Path, line: str, expected: str) -> None:
    """A damaged time, a repeated key, NaN, a surrogate, a non-JSON blank: a FormatError naming the line."""
    with pytest.raises(factlog.FormatError, match=expected):
        _import(tmp_path, HEADER + line + "\n" + ENTITY)
    assert not (tmp_path / "claims.db").exists() or ClaimLog(tmp_path / "claims.db").read() == factlog.ClaimSet()


def test_an_import_names_a_field_problem_as_the_loader_does(tmp_path: Path) -> None:
    """A record's field problem reads ``FILE:LINE: $.path: ...``, the place the loader gives a JSON Lines problem."""
    planet = ENTITY.replace('"person"', '"planet"')
    with pytest.raises(factlog.FormatError) as raised:
        _import(tmp_path, HEADER + ENTITY + planet)
    assert [error.split(": expected")[0] for error in raised.value.errors] == [f"{tmp_path / 'old.log'}:3: $.kind"]


def test_json_whitespace_lines_are_blank(tmp_path: Path) -> None:
    """Lines of spaces, tabs and carriage returns are skipped."""
    log = _import(tmp_path, HEADER + " \t\r\n" + ENTITY)
    assert len(log.read().entities) == 1


def test_an_old_redefinition_imports_as_a_version(tmp_path: Path) -> None:
    """A log that redefined an entity imports with both versions; the later one is current."""
    fixed = ENTITY.replace("12:00", "13:00").replace('"E"', '"E (typo fixed)"')
    log = _import(tmp_path, HEADER + ENTITY + fixed)
    assert log.read().entities[0].name == "E (typo fixed)"
    assert [version.record.name for version in log.history("e")] == ["E", "E (typo fixed)"]  # type: ignore[union-attr]


def test_log_append_prints_a_time_that_as_of_includes(tmp_path: Path) -> None:
    """`log append` says when it appended; `--as-of` that time, cut to the second, replays the append."""
    store = tmp_path / "claims.db"
    printed = run("log", "append", str(store), str(GOLDEN)).stdout
    at = printed.rstrip().rsplit(" at ", 1)[1]
    assert at == factlog.ClaimLog(store).latest()
    second = at.split(".")[0] + "Z"
    shown = run("log", "show", str(store), "--as-of", second)
    assert factlog.loads(shown.stdout) == factlog.loads(GOLDEN.read_text())
    again = run("log", "append", str(store), str(GOLDEN)).stdout
    assert again == f"appended 0 records to {store} (each was there already)\n"


def test_log_append_of_a_file_with_no_records_says_so(tmp_path: Path) -> None:
    """A claim file holding no record appends nothing, and says the file is empty, not that its records were there."""
    empty = tmp_path / "empty.json"
    empty.write_text('{"format": "factlog", "version": 1}', encoding="utf-8")
    store = tmp_path / "claims.db"
    printed = run("log", "append", str(store), str(empty)).stdout
    assert printed == f"appended 0 records to {store} ({empty} holds no records)\n"


def test_log_commands_append_show_retract_export(tmp_path: Path) -> None:
    """append, show (as of), retract, export and import work through the real entry point."""
    store = tmp_path / "claims.db"
    appended = run("log", "append", str(store), str(GOLDEN))
    assert appended.returncode == 0, appended.stderr
    assert appended.stdout == f"appended 12 records to {store} at {factlog.ClaimLog(store).latest()}\n"
    assert factlog.loads(run("log", "show", str(store)).stdout) == factlog.loads(GOLDEN.read_text())
    assert factlog.loads(run("log", "show", str(store), "--as-of", "2000-01-01").stdout).claims == ()
    assert run("log", "show", str(store), "--as-of", "yesterday").returncode == 2
    claim = factlog.loads(GOLDEN.read_text()).claims[0].id
    assert run("log", "retract", str(store), claim, "--reason", "withdrawn").returncode == 0
    shown = factlog.loads(run("log", "show", str(store)).stdout, references=False)
    assert claim not in {c.id for c in shown.claims}
    exported = run("log", "export", str(store))
    assert exported.stdout.count("\n") == 15  # header, 12 records, a document line, the retraction
    assert json.loads(exported.stdout.splitlines()[-1])["type"] == "retraction"
    (tmp_path / "claims.log").write_text(exported.stdout, encoding="utf-8")
    assert run("log", "import", str(tmp_path / "copy.db"), str(tmp_path / "claims.log")).returncode == 0
    assert run("log", "export", str(tmp_path / "copy.db")).stdout == exported.stdout
    assert run("log", "export", str(store), "--to", str(tmp_path / "snap")).returncode == 0
    assert factlog.load(tmp_path / "snap", references=False) == shown


def test_log_command_errors_exit_3(tmp_path: Path) -> None:
    """A redefinition, a damaged time, a log taken for a store, a document for a log: exit 3 with the reason."""
    store = tmp_path / "claims.db"
    (tmp_path / "one.json").write_text(
        '{"format":"factlog","version":1,"entities":[{"id":"e","name":"E","kind":"person"}]}', encoding="utf-8"
    )
    (tmp_path / "two.json").write_text(
        '{"format":"factlog","version":1,"entities":[{"id":"e","name":"F","kind":"person"}]}', encoding="utf-8"
    )
    assert run("log", "append", str(store), str(tmp_path / "one.json")).returncode == 0
    refused = run("log", "append", str(store), str(tmp_path / "two.json"))
    assert (refused.returncode, "already defined differently" in refused.stderr) == (3, True)
    assert run("log", "append", str(store), str(tmp_path / "two.json"), "--replace").returncode == 0
    (tmp_path / "bad.log").write_text(HEADER + ENTITY.replace("2025-10-30T12:00:00.000000Z", "garbage"))
    damaged = run("log", "import", str(tmp_path / "new.db"), str(tmp_path / "bad.log"))
    assert (damaged.returncode, "bad.log:2: $.at:" in damaged.stderr) == (3, True)
    shown = run("log", "show", str(tmp_path / "bad.log"))
    assert (shown.returncode, "factlog log import" in shown.stderr) == (3, True)
    document = run("log", "import", str(tmp_path / "other.db"), str(tmp_path / "one.json"))
    assert (document.returncode, "factlog log append" in document.stderr) == (3, True)


def test_a_time_in_the_future_is_refused_at_import(tmp_path: Path) -> None:
    """A record or document line dated after this machine's clock is a FormatError naming the file, line and $.at."""
    future = ENTITY.replace("2025-10-30", "2999-01-01")
    with pytest.raises(factlog.FormatError, match=r"old\.log:3: \$\.at: 2999-01-01T12:00:00\.000000Z is in the"):
        _import(tmp_path, HEADER + ENTITY + future)
    assert not (tmp_path / "claims.db").exists() or ClaimLog(tmp_path / "claims.db").read() == factlog.ClaimSet()
    document = '{"at":"2999-01-01T00:00:00Z","type":"document","source":"s","sha256":"","base64":""}\n'
    with pytest.raises(factlog.FormatError, match=r":2: \$\.at: .* in the future"):
        _import(tmp_path, HEADER + document)
    (tmp_path / "future.log").write_text(HEADER + future, encoding="utf-8")
    refused = run("log", "import", str(tmp_path / "new.db"), str(tmp_path / "future.log"))
    assert (refused.returncode, "future.log:2: $.at:" in refused.stderr) == (3, True)
    assert "in the future" in refused.stderr


def test_an_append_in_the_future_is_refused(tmp_path: Path) -> None:
    """ClaimLog.append refuses a transaction time after this machine's clock, storing nothing."""
    log = ClaimLog(tmp_path / "claims.db")
    with pytest.raises(factlog.ArgumentError, match="cannot be in the future"):
        log.append(
            [factlog.Entity(id="e", name="E", kind=factlog.EntityKind.PERSON)],
            at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
        )
    assert not log.path.exists() or log.read() == factlog.ClaimSet()


def test_log_import_counts_what_it_stored_by_kind_documents_included(tmp_path: Path) -> None:
    """`log import` says how many records of each kind it stored, and the documents stored with their sources."""
    store = tmp_path / "claims.db"
    run("log", "append", str(store), str(GOLDEN))
    claim = factlog.loads(GOLDEN.read_text()).claims[0].id
    run("log", "retract", str(store), claim, "--reason", "withdrawn")
    (tmp_path / "claims.log").write_text(run("log", "export", str(store)).stdout, encoding="utf-8")
    imported = run("log", "import", str(tmp_path / "copy.db"), str(tmp_path / "claims.log"))
    assert imported.stdout == (
        f"imported 13 records into {tmp_path / 'copy.db'}: 5 entities, 2 predicates, 1 source, 3 claims,"
        " 1 acknowledgement, 1 retraction; and 1 source document\n"
    )
    again = run("log", "import", str(tmp_path / "copy.db"), str(tmp_path / "claims.log"))
    assert again.stdout == f"imported 0 records into {tmp_path / 'copy.db'}\n"
