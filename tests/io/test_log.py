"""The append-only claim log: replay, as-of, retraction, torn tails, damage."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import factlog
from factlog import ClaimLog, Retraction, TornLineWarning
from tests.helpers import ENTITIES, GOLDEN, PREDICATES, SOURCES, claim, run

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 10, 2, 12, tzinfo=datetime.UTC)
T3 = datetime.datetime(2025, 10, 3, 12, tzinfo=datetime.UTC)


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    log = ClaimLog(tmp_path / "claims.log")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a"), claim("b", denied=True, holder="russia")], at=T2)
    return log


def test_replay_rebuilds_the_claim_set(log: ClaimLog) -> None:
    """Everything appended comes back as one claim set, and it checks like any other."""
    claims = log.read()
    assert [c.id for c in claims.claims] == ["a", "b"]
    assert len(claims.entities) == len(ENTITIES)
    assert factlog.check(claims).by_rule("opposed_claims")


def test_replay_as_of_stops_at_a_record_time(log: ClaimLog) -> None:
    """as_of keeps the records appended by then: a date means the end of that day."""
    assert log.read(as_of=T1).claims == ()
    assert log.read(as_of="2025-10-01").claims == ()
    assert len(log.read(as_of="2025-10-02").claims) == 2
    assert len(log.read(as_of="2025-10-02T12:00:00Z").claims) == 2


def test_retraction_withdraws_a_claim_without_editing(log: ClaimLog) -> None:
    """A retraction removes the claim from the replay; the old record stays in the file."""
    before = log.path.read_text()
    log.append([Retraction(claim="b", reason="misattributed")], at=T3)
    assert log.path.read_text().startswith(before)
    assert [c.id for c in log.read().claims] == ["a"]
    assert [c.id for c in log.read(as_of=T2).claims] == ["a", "b"]


def test_redefinition_without_retraction_is_a_conflict(log: ClaimLog) -> None:
    """Appending a different claim under an existing id is refused on replay, naming both lines."""
    log.append([claim("a", certainty="possible")], at=T3)
    with pytest.raises(factlog.ConflictError, match=r"line \d+: claim 'a' redefined differently \(line \d+\)"):
        log.read()


def test_torn_final_line_is_reported_and_ignored(log: ClaimLog) -> None:
    """A half-written last line (a crash mid-append) is ignored with a warning, never merged."""
    with log.path.open("ab") as stream:
        stream.write(b'{"at":"2025-10-04T00:00:00Z","type":"claim","id":"torn","stat')
    with pytest.warns(TornLineWarning, match="torn final line"):
        claims = log.read()
    assert "torn" not in {c.id for c in claims.claims}
    assert log.replay().torn > 0


def test_append_after_a_torn_line_cuts_it_off(log: ClaimLog) -> None:
    """The next append removes the torn fragment first, so it never becomes a damaged middle line."""
    with log.path.open("ab") as stream:
        stream.write(b'{"at":"2025-10-04T00:00:00Z","type":"cl')
    with pytest.warns(TornLineWarning, match="cut off a torn final line"):
        log.append([claim("c")], at=T3)
    assert [c.id for c in log.read().claims] == ["a", "b", "c"]
    assert log.replay().torn == 0


def test_damaged_middle_line_names_its_number(log: ClaimLog) -> None:
    """A corrupt line that is not the last is an error with its line number."""
    lines = log.path.read_text().splitlines()
    lines[2] = lines[2][:20]
    log.path.write_text("\n".join(lines) + "\n")
    with pytest.raises(factlog.FormatError, match=r"claims.log: line 3: damaged record"):
        log.read()


def test_invalid_record_names_its_line_and_path(log: ClaimLog) -> None:
    """A well-formed line with a bad value names its line and JSON path."""
    record = {"at": "2025-10-05T00:00:00Z", "type": "claim", **json.loads(log.path.read_text().splitlines()[-1])}
    record.pop("type")
    record = {"at": "2025-10-05T00:00:00Z", "type": "claim", **{k: v for k, v in record.items() if k != "at"}}
    record["certainty"] = "sure"
    with log.path.open("a") as stream:
        stream.write(json.dumps(record) + "\n")
    with pytest.raises(factlog.FormatError, match=r"line \d+: invalid claim: \$\.certainty: expected one of"):
        log.read()


def test_missing_or_headerless_log_is_refused(tmp_path: Path) -> None:
    """A log that does not exist is an InputError; a file without the header a FormatError."""
    with pytest.raises(factlog.InputError):
        ClaimLog(tmp_path / "none.log").read()
    (tmp_path / "plain.log").write_text('{"format":"factlog","version":1}\n')
    with pytest.raises(factlog.FormatError, match="line 1: expected the header"):
        ClaimLog(tmp_path / "plain.log").read()


def test_log_times_must_be_utc(tmp_path: Path) -> None:
    """Appending with a local time is refused."""
    local = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))
    with pytest.raises(ValueError, match="UTC"):
        ClaimLog(tmp_path / "x.log").append([claim("a")], at=local)


def test_log_commands(tmp_path: Path) -> None:
    """`factlog log append` then `factlog log show` gives back the file's claim set."""
    golden = GOLDEN
    path = tmp_path / "claims.log"
    appended = run("log", "append", str(path), str(golden))
    assert appended.returncode == 0, appended.stderr
    assert appended.stdout == f"appended 12 records to {path}\n"
    shown = run("log", "show", str(path))
    assert factlog.loads(shown.stdout) == factlog.loads(golden.read_text())
    early = run("log", "show", str(path), "--as-of", "2000-01-01")
    assert factlog.loads(early.stdout).claims == ()
    assert run("log", "show", str(path), "--as-of", "yesterday").returncode == 2
    with path.open("ab") as stream:
        stream.write(b'{"at":')
    torn = run("log", "show", str(path))
    assert torn.returncode == 0
    assert "ignored a torn final line" in torn.stderr
