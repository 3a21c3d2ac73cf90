"""The log keeps what it is given: documents through export and import, retractions, history before an import."""

from __future__ import annotations

import datetime
import json
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimLog, DroppedLinkWarning, RetractedWarning
from tests.helpers import ENTITIES, PREDICATES, ROOT, SOURCES, claim, run

T1 = datetime.datetime(2025, 10, 1, 12, tzinfo=datetime.UTC)
T2 = datetime.datetime(2025, 10, 2, 12, tzinfo=datetime.UTC)
T3 = datetime.datetime(2025, 10, 3, 12, tzinfo=datetime.UTC)
T4 = datetime.datetime(2025, 10, 4, 12, tzinfo=datetime.UTC)
STORY = ROOT / "sources" / "choe-moscow"


@pytest.fixture
def log(tmp_path: Path) -> ClaimLog:
    log = ClaimLog(tmp_path / "claims.db")
    log.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    log.append([claim("a"), claim("b", denied=True, holder="russia", answers=("a",))], at=T2)
    return log


def _export(log: ClaimLog, path: Path) -> Path:
    path.write_text("".join(log.export_lines()), encoding="utf-8")
    return path


def _story_store(tmp_path: Path) -> Path:
    store = tmp_path / "a.db"
    for part in (ROOT / "sources" / "entities.json", ROOT / "sources" / "vocabulary.json", STORY / "claims.json"):
        assert run("log", "append", str(store), str(part)).returncode == 0
    return store


def test_export_then_import_keeps_every_document(tmp_path: Path) -> None:
    """A JSON Lines export carries the stored documents; the imported copy's snapshot checks clean of mismatches."""
    original = ClaimLog(_story_store(tmp_path))
    copy = ClaimLog(tmp_path / "b.db")
    copy.import_lines(_export(original, tmp_path / "a.log"))
    assert original.documents()
    assert copy.documents() == original.documents()
    report = factlog.check(factlog.load(copy.snapshot(tmp_path / "snap")))
    assert not report.by_rule("document_mismatch")


def test_a_document_line_whose_sha256_does_not_match_is_refused(log: ClaimLog, tmp_path: Path) -> None:
    """Import checks each document line's sha256 against its bytes, naming the line."""
    source = SOURCES[0].id
    log.append([SOURCES[0]], at=T3, documents={source: b"the text"})
    lines = "".join(log.export_lines()).replace('"sha256":"', '"sha256":"0', 1)
    (tmp_path / "bad.log").write_text(lines, encoding="utf-8")
    with pytest.raises(factlog.FormatError, match=r"bad\.log:\d+: \$\.sha256: does not match"):
        ClaimLog(tmp_path / "copy.db").import_lines(tmp_path / "bad.log")


def test_retracting_an_answered_claim_leaves_a_valid_claim_set(log: ClaimLog) -> None:
    """A claim that answered a retracted claim loses that reference, so the replay validates."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    shown = factlog.loads(factlog.dumps(log.read()))  # references checked
    assert [(c.id, c.answers) for c in shown.claims] == [("b", ())]
    assert log.read(as_of=T2).claims[1].answers == ("a",)


def test_a_retracted_claim_appended_again_stays_retracted(log: ClaimLog) -> None:
    """Appending the same claim after its retraction stores nothing and warns; replace re-asserts it."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    with pytest.warns(RetractedWarning, match="'a' was retracted at 2025-10-03"):
        assert log.append([claim("a")], at=T4) == 0
    assert "a" not in {c.id for c in log.read().claims}
    with pytest.warns(RetractedWarning, match="'a' was retracted at 2025-10-03.*; re-asserted"):
        assert log.append([claim("a")], at=T4, replace=True) == 1
    assert "a" in {c.id for c in log.read().claims}


def test_a_claim_appended_answering_a_retracted_claim_is_told_its_link_is_dropped(log: ClaimLog) -> None:
    """A new claim answering a claim retracted before warns as the retraction did, and the link is not given."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    with pytest.warns(DroppedLinkWarning, match="'c' answers 'a', which the log retracted: that link .answers."):
        log.append([claim("c", denied=True, holder="russia", answers=("a",))], at=T4)
    assert {c.id: c.answers for c in log.read().claims}["c"] == ()


def test_a_claim_answering_a_held_claim_or_one_appended_with_it_warns_of_nothing(log: ClaimLog) -> None:
    """Links to claims the log gives, or appended in the same append (a retracted claim re-asserted), are kept."""
    with pytest.warns(DroppedLinkWarning):
        log.retract("a", "withdrawn", at=T3)
    with warnings.catch_warnings():
        warnings.simplefilter("error", DroppedLinkWarning)
        with pytest.warns(RetractedWarning, match="re-asserted"):
            log.append([claim("a"), claim("c", answers=("a", "b"))], at=T4, replace=True)
    assert {c.id: c.answers for c in log.read().claims}["c"] == ("a", "b")


def test_a_second_retraction_names_the_claim_and_when_and_why_the_first_was(log: ClaimLog) -> None:
    """Retracting a retracted claim is refused naming the claim (no "record 1"), the time and the reason."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    with pytest.raises(factlog.UnknownIdError) as raised:
        log.retract("a", "again", at=T4)
    assert raised.value.errors == [
        f"{log.path}: retraction of 'a': claim 'a' was already retracted at 2025-10-03T12:00:00.000000Z ('withdrawn')"
    ]


def test_importing_an_older_export_changes_no_answer_before_it(log: ClaimLog, tmp_path: Path) -> None:
    """Importing an export taken before a retraction resurrects nothing, now or as of any earlier time."""
    old = _export(log, tmp_path / "old.log")
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    before = {moment: log.read(as_of=moment) for moment in (T2, T3, T4)}
    log.import_lines(old)
    assert {moment: log.read(as_of=moment) for moment in (T2, T3, T4)} == before


def test_importing_a_stores_own_export_stores_nothing(log: ClaimLog, tmp_path: Path) -> None:
    """A store's export imported back into it adds no record, retractions at its latest time included."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    before = list(log.export_lines())
    assert log.import_lines(_export(log, tmp_path / "self.log")) == 0
    assert list(log.export_lines()) == before


def test_importing_a_new_record_dated_before_the_store_is_refused(log: ClaimLog, tmp_path: Path) -> None:
    """A record the store lacks, dated before its latest append, is refused: it would rewrite the past."""
    other = ClaimLog(tmp_path / "other.db")
    other.append([*ENTITIES, *PREDICATES, *SOURCES, claim("z")], at=T1)
    with pytest.raises(factlog.ConflictError, match="before the store's latest append"):
        log.import_lines(_export(other, tmp_path / "other.log"))
    assert "z" not in {c.id for c in log.read().claims}


def test_importing_a_new_record_dated_at_the_store_s_latest_time_is_refused(log: ClaimLog, tmp_path: Path) -> None:
    """A record the store lacks, dated at its latest append, is refused: an as-of answer at that time would change."""
    before = log.read(as_of=T2)
    other = ClaimLog(tmp_path / "other.db")
    other.append([*ENTITIES, *PREDICATES, *SOURCES, claim("z")], at=T2)
    with pytest.raises(factlog.ConflictError, match=r"other.log:\d+: \$\.at: dated .* at the store's latest append"):
        log.import_lines(_export(other, tmp_path / "other.log"))
    assert log.read(as_of=T2) == before


def test_importing_a_second_version_of_an_id_at_the_store_s_latest_time_is_refused(
    log: ClaimLog, tmp_path: Path
) -> None:
    """A new version of a held id dated at the store's latest time is refused, so every export imports back."""
    other = ClaimLog(tmp_path / "other.db")
    other.append([*ENTITIES, *PREDICATES, *SOURCES, claim("a", certainty="likely")], at=T2)
    with pytest.raises(factlog.ConflictError, match="at the store's latest append"):
        log.import_lines(_export(other, tmp_path / "other.log"))
    copy = ClaimLog(tmp_path / "copy.db")
    copy.import_lines(_export(log, tmp_path / "back.log"))
    assert copy.read() == log.read()


def test_a_source_corrected_without_its_document_at_hand_keeps_the_stored_one(log: ClaimLog, tmp_path: Path) -> None:
    """A new version of a source naming the same document, appended without its bytes, keeps those stored."""
    source = attrs.evolve(SOURCES[0], document="article.txt")
    log.append([source], at=T3, replace=True, documents={source.id: b"the article"})
    log.append([attrs.evolve(source, title="Story one, corrected")], at=T4, replace=True)
    assert log.documents()[source.id] == b"the article"
    assert (log.snapshot(tmp_path / "snap") / "sources" / "s1" / "article.txt").read_bytes() == b"the article"
    log.append([attrs.evolve(source, document="other.txt")], replace=True)
    assert source.id not in log.documents()  # another document named: the stored one is not its


def test_a_document_readable_later_is_stored_on_a_later_append(log: ClaimLog) -> None:
    """A source appended without its document takes it on a later append of the same source."""
    assert log.append([SOURCES[0]], at=T3) == 0
    assert log.append([SOURCES[0]], at=T4, documents={SOURCES[0].id: b"now readable"}) == 1
    assert log.documents()[SOURCES[0].id] == b"now readable"
    assert log.documents(as_of=T3).get(SOURCES[0].id) is None


def test_append_warns_of_a_document_it_cannot_read(tmp_path: Path) -> None:
    """An unreadable source document is named on stderr at append, and stored once it can be read."""
    claims = {
        "format": "factlog",
        "version": 1,
        "entities": [{"id": "o", "name": "O", "kind": "media-outlet"}],
        "sources": [{"id": "s", "title": "t", "publisher": "o", "document": "doc.txt"}],
    }
    (tmp_path / "claims.json").write_text(json.dumps(claims), encoding="utf-8")
    store, file = str(tmp_path / "a.db"), str(tmp_path / "claims.json")
    missing = run("log", "append", store, file)
    assert (missing.returncode, "warning: source 's':" in missing.stderr) == (0, True)
    (tmp_path / "doc.txt").write_text("hello\n", encoding="utf-8")
    assert run("log", "append", store, file).stdout == f"appended 1 record to {store} at {ClaimLog(store).latest()}\n"
    assert ClaimLog(store).documents() == {"s": b"hello\n"}


def test_export_to_a_new_folder_without_documents_creates_it(log: ClaimLog, tmp_path: Path) -> None:
    """A snapshot of a store holding no document still creates its folder and claims.json."""
    assert not log.documents()
    assert (log.snapshot(tmp_path / "new" / "snap") / "claims.json").is_file()


def test_a_redefinition_names_the_file_its_path_and_replace(tmp_path: Path) -> None:
    """Appending a changed record names the input file, the record's JSON path and --replace."""
    store, file = tmp_path / "a.db", tmp_path / "e.json"
    file.write_text('{"format":"factlog","version":1,"entities":[{"id":"e","name":"E","kind":"person"}]}')
    assert run("log", "append", str(store), str(file)).returncode == 0
    file.write_text('{"format":"factlog","version":1,"entities":[{"id":"e","name":"F","kind":"person"}]}')
    refused = run("log", "append", str(store), str(file))
    assert refused.returncode == 3
    assert f"{file}: $.entities[0]: entity 'e' is already defined differently" in refused.stderr
    assert "--replace" in refused.stderr


def test_retract_on_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    """log retract refuses a store that does not exist and leaves no file behind."""
    refused = run("log", "retract", str(tmp_path / "new.db"), "c", "--reason", "r")
    assert (refused.returncode, "no such store" in refused.stderr) == (3, True)
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", "not a factlog JSON Lines log"),
        ('{"format":"factlog","version":1,"entities":[]}', "factlog log append"),
    ],
)
def test_import_refuses_what_is_not_a_log(tmp_path: Path, text: str, expected: str) -> None:
    """A one-word file and a claim set are refused by log import, saying why; no store is made."""
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    refused = run("log", "import", str(tmp_path / "a.db"), str(tmp_path / "in.txt"))
    assert (refused.returncode, expected in refused.stderr) == (3, True)


def test_check_of_a_store_says_to_use_log_show(log: ClaimLog) -> None:
    """factlog check given a store says it is a store and names log show, and log export --to for check."""
    refused = run("check", str(log.path))
    assert (refused.returncode, "factlog log show" in refused.stderr) == (3, True)
    assert "`factlog log export STORE --to FOLDER` writes it with its stored documents" in refused.stderr


def test_a_write_error_on_stdout_is_one_line_and_exit_3() -> None:
    """factlog schema > /dev/full reports the write error in one line and exits 3, no traceback."""
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "factlog", "schema"], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert (done.returncode, done.stderr) == (3, "error: cannot write the output: No space left on device\n")


def test_a_store_with_a_damaged_schema_version_is_a_format_error(log: ClaimLog) -> None:
    """A non-numeric schema version in the store is a FormatError naming the store, not a ValueError."""
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE factlog_meta SET value = 'abc' WHERE name = 'schema'")
    connection.close()
    with pytest.raises(factlog.FormatError, match="schema version 'abc' is not a schema version"):
        log.read()
    shown = run("log", "show", str(log.path))
    assert (shown.returncode, "--as-of" in shown.stderr) == (3, False)


def test_a_log_whose_times_go_backwards_is_refused(tmp_path: Path) -> None:
    """Import refuses a record dated before the one above it, naming the line: it would reorder history."""
    (tmp_path / "b.log").write_text(
        '{"format":"factlog-log","version":1}\n'
        '{"at":"2025-10-30T12:00:00Z","type":"entity","id":"a","name":"A","kind":"person"}\n'
        '{"at":"2025-10-29T12:00:00Z","type":"entity","id":"a","name":"A2","kind":"person"}\n',
        encoding="utf-8",
    )
    with pytest.raises(factlog.FormatError, match=r":3: \$\.at: .* times only go forward"):
        ClaimLog(tmp_path / "a.db").import_lines(tmp_path / "b.log")


def test_an_append_dated_before_the_latest_is_refused_and_stores_nothing(log: ClaimLog) -> None:
    """A history is added to at its end: an append at T1 after one at T2 is an ArgumentError; the file is unchanged."""
    before = log.path.read_bytes()
    with pytest.raises(factlog.ArgumentError, match=r"at=2025-10-01T12:00:00.* is not after the store's latest append"):
        log.append([claim("late")], at=T1)
    assert log.path.read_bytes() == before
    log.append([claim("late")], at=T2 + datetime.timedelta(microseconds=1))  # just after the latest: in order
    assert "late" in log.read().claim_by_id


def test_an_append_at_the_latest_stored_time_is_refused_as_the_command_refuses_it(log: ClaimLog) -> None:
    """append(at=) the store's latest time: an ArgumentError worded as `log append --at`'s refusal; nothing stored."""
    before = log.path.read_bytes()
    with pytest.raises(factlog.ArgumentError) as refused:
        log.append([claim("late")], at=T2)
    assert str(refused.value) == (
        f"{log.path}: at=2025-10-02T12:00:00.000000Z is not after the store's latest append"
        " (2025-10-02T12:00:00.000000Z): a log is only added to at its end, its times strictly increasing;"
        " give a later time, or none (this machine's clock)"
    )
    with pytest.raises(factlog.ArgumentError, match="is not after the store's latest append"):
        log.retract("a", "withdrawn", at=T2)
    assert log.path.read_bytes() == before


def test_a_clock_behind_the_store_dates_the_append_just_after_the_store_s_latest_time(log: ClaimLog) -> None:
    """Without a time, on a machine whose clock is behind the store's latest append: dated a microsecond after it."""
    ahead = "2999-01-01T00:00:00.000000Z"  # written by a machine whose clock ran ahead
    with sqlite3.connect(log.path) as connection:
        connection.execute("UPDATE transactions SET at = ? WHERE at = (SELECT MAX(at) FROM transactions)", (ahead,))
    connection.close()
    log.append([claim("now")])
    [version] = log.history("now")
    assert version.at == datetime.datetime(2999, 1, 1, 0, 0, 0, 1, tzinfo=datetime.UTC)
    assert "now" in log.read().claim_by_id


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_an_export_with_cr_line_endings_is_told_so_on_import(log: ClaimLog, tmp_path: Path, ending: str) -> None:
    """Lines ended by a CR alone (classic Mac OS), with or without a last LF: one message with the file and line 1."""
    path = tmp_path / "mac.log"
    text = "".join(log.export_lines()).replace("\n", "\r")
    path.write_bytes((text.removesuffix("\r") + ending).encode())
    with pytest.raises(factlog.FormatError) as raised:
        ClaimLog(tmp_path / "copy.db").import_lines(path)
    said = f"{path}:1: line endings are CR only (classic Mac OS); JSON Lines needs LF or CRLF: save the file with LF"
    assert raised.value.errors == [said + " line endings"]
    ran = run("log", "import", str(tmp_path / "other.db"), str(path))
    assert (ran.returncode, ran.stderr.splitlines()) == (3, [f"error: {said} line endings"])


def test_an_export_with_crlf_line_endings_imports_as_with_lf(log: ClaimLog, tmp_path: Path) -> None:
    """CRLF line endings are read: the CR is whitespace at the end of each line."""
    path = tmp_path / "windows.log"
    path.write_bytes("".join(log.export_lines()).replace("\n", "\r\n").encode())
    copy = ClaimLog(tmp_path / "copy.db")
    assert copy.import_lines(path) == len(list(log.records()))
    assert copy.read() == log.read()


def test_retracting_an_id_not_held_is_a_usage_error_naming_the_nearest(log: ClaimLog) -> None:
    """`log retract` of a misspelt id exits 2 (a usage error, not unreadable input) and offers the held 'b'."""
    ran = run("log", "retract", str(log.path), "bb", "--reason", "x")
    assert ran.returncode == 2
    assert ran.stderr.strip() == (
        f"factlog log retract: error: {log.path}: retraction of 'bb': no claim 'bb' to retract; did you mean 'b'?"
    )


def test_a_typo_of_a_retracted_id_names_it_retracted_and_offers_no_farther_claim(tmp_path: Path) -> None:
    """'wire-tol-12' with 'wire-toll-12' retracted: that id is offered, said retracted; 'mfa-toll-12' is not."""
    store = ClaimLog(tmp_path / "claims.db")
    store.append([*ENTITIES, *PREDICATES, *SOURCES], at=T1)
    store.append([claim("wire-toll-12"), claim("mfa-toll-12", source="s2")], at=T2)
    store.retract("wire-toll-12", "a copy", at=T3)
    ran = run("log", "retract", str(store.path), "wire-tol-12", "--reason", "x")
    assert ran.returncode == 2
    assert ran.stderr.strip().endswith(
        "no claim 'wire-tol-12' to retract; did you mean 'wire-toll-12', retracted at 2025-10-03T12:00:00.000000Z?"
    )


def test_retracting_twice_offers_no_other_claim(log: ClaimLog) -> None:
    """The claim meant is found, retracted already: no 'did you mean' invites retracting another."""
    log.append([claim("aa", source="s2")], at=T3)
    with pytest.warns(DroppedLinkWarning):
        log.retract("a", "withdrawn", at=T4)
    ran = run("log", "retract", str(log.path), "a", "--reason", "again")
    assert ran.returncode == 2
    assert "claim 'a' was already retracted at 2025-10-04" in ran.stderr
    assert "did you mean" not in ran.stderr


def test_retracting_twice_is_a_usage_error(log: ClaimLog) -> None:
    """`log retract` of a claim retracted already exits 2, naming when it was retracted."""
    with pytest.warns(DroppedLinkWarning, match="'b' answered 'a'"):
        log.retract("a", "withdrawn", at=T3)
    ran = run("log", "retract", str(log.path), "a", "--reason", "again")
    assert ran.returncode == 2
    assert "claim 'a' was already retracted at 2025-10-03" in ran.stderr


def test_retracting_an_answered_claim_warns_naming_the_claims_that_answered_it(log: ClaimLog) -> None:
    """`log retract a` where 'b' answers 'a': a warning line names 'b' and says the link is dropped."""
    ran = run("log", "retract", str(log.path), "a", "--reason", "withdrawn")
    assert ran.returncode == 0
    [warning] = [line for line in ran.stderr.splitlines() if line.startswith("warning: ")]
    assert warning.startswith("warning: 'b' answered 'a': that link (answers) is dropped")
