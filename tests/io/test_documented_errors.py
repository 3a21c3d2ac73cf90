"""What the reading, writing and log functions say they raise, where no other test shows it."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import factlog
from factlog import ClaimLog
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES, claim("a")], at=T1)
    return log


def test_loads_lines_names_a_refused_field_by_its_line_and_path_within_it() -> None:
    """A JSON Lines field the model refuses is named ``FILE:LINE`` and its JSON path within the line."""
    lines = '{"format":"factlog","version":1}\n\n{"type":"entity","id":"e","name":"E","kind":"persn"}\n'
    with pytest.raises(factlog.FormatError, match=r"^set\.jsonl:3: \$\.kind: expected one of"):
        factlog.loads_lines(lines, name="set.jsonl")
    with pytest.raises(factlog.FormatError, match=r"^line 3: \$\.kind: expected one of"):
        factlog.loads_lines(lines)


def test_dump_of_anything_but_a_claim_set_is_an_argument_error(tmp_path: Path) -> None:
    """dump refuses what is no ClaimSet as dumps does, and writes nothing."""
    with pytest.raises(factlog.ArgumentError, match=r"^factlog\.dump: claims: expected a ClaimSet"):
        factlog.dump("sources/", tmp_path / "out.json")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_dump_onto_a_folder_is_an_input_error(tmp_path: Path) -> None:
    """A folder where the file should go is an InputError (an OSError), and the folder stays."""
    (tmp_path / "out.json").mkdir()
    with pytest.raises(factlog.InputError, match="cannot write"):
        factlog.dump(factlog.ClaimSet(), tmp_path / "out.json")
    assert (tmp_path / "out.json").is_dir()


def test_json_schema_is_a_fresh_equal_dict_each_call() -> None:
    """Each call gives its own dict, equal to the last, so a caller may change it."""
    first, second = factlog.json_schema(), factlog.json_schema()
    assert first == second
    assert first is not second


def test_retracting_with_a_reason_that_is_no_string_is_a_field_type_error(log: ClaimLog) -> None:
    """retract's reason must be text: a FieldTypeError (a TypeError), and nothing is stored."""
    with pytest.raises(factlog.FieldTypeError, match=r"^Retraction\.reason: expected a str"):
        log.retract("a", 5)  # type: ignore[arg-type]
    assert [c.id for c in log.read().claims] == ["a"]


@pytest.mark.parametrize("as_of", ["garbage", 5, datetime.datetime(2025, 10, 1)])  # the last: naive
def test_a_replay_as_of_no_utc_time_is_an_argument_error(log: ClaimLog, as_of: object) -> None:
    """replay, documents and records refuse an as_of that is no UTC time."""
    for call in (log.replay, log.documents, lambda as_of: list(log.records(as_of=as_of))):
        with pytest.raises(factlog.ArgumentError, match="expected a UTC time"):
            call(as_of=as_of)


def test_reading_a_missing_store_is_an_input_error(tmp_path: Path) -> None:
    """Every reading method refuses a store that does not exist, and creates none."""
    log = ClaimLog(tmp_path / "absent.db")
    calls = [log.replay, log.read, log.documents, log.record_documents, lambda: log.history("a")]
    for call in calls:
        with pytest.raises(factlog.InputError, match="no such store"):
            call()
    assert not log.path.exists()


def test_records_and_export_lines_raise_when_iterated(tmp_path: Path) -> None:
    """The generators raise when iterated, not when called: records at once, export_lines after its header."""
    log = ClaimLog(tmp_path / "absent.db")
    records, lines = log.records(), log.export_lines()
    with pytest.raises(factlog.InputError, match="no such store"):
        next(records)
    assert json.loads(next(lines)) == {"format": "factlog-log", "version": 1}
    with pytest.raises(factlog.InputError, match="no such store"):
        next(lines)


def test_the_history_of_an_id_never_held_is_empty(log: ClaimLog) -> None:
    """history gives () for an id the log never held, not an error."""
    assert log.history("nobody") == ()


def test_a_snapshot_onto_a_file_is_an_input_error(log: ClaimLog, tmp_path: Path) -> None:
    """A file where the snapshot folder should be is an InputError (it was a bare FileExistsError)."""
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    for folder in (tmp_path / "taken", tmp_path / "taken" / "below"):
        with pytest.raises(factlog.InputError, match="cannot make the folder"):
            log.snapshot(folder)
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "x"


def test_importing_a_folder_is_an_input_error(log: ClaimLog, tmp_path: Path) -> None:
    """import_lines refuses a path that is no regular file, and stores nothing."""
    before = list(log.records())
    with pytest.raises(factlog.InputError, match="not a regular file"):
        log.import_lines(tmp_path)
    assert list(log.records()) == before


def test_loads_of_a_newer_version_is_a_format_error() -> None:
    """A document of a format version this factlog does not know is refused with its path."""
    text = json.dumps({"format": "factlog", "version": 99})
    with pytest.raises(factlog.FormatError, match=r"^\$\.version: version 99 is newer"):
        factlog.loads(text)
