"""Files saved in another shape than a claim file's: another encoding, CR line endings, a header out of place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.cli import main
from factlog.io._encodings import wide_encoding
from tests.helpers import claim, world

WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


def _lines() -> str:
    return factlog.dumps_lines(world(claim("a"), claim("b")))


def _errors(path: Path) -> list[str]:
    """What :func:`factlog.load` says of ``path``."""
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(path)
    return raised.value.errors


@pytest.mark.parametrize("encoding", WIDE)
def test_a_lines_file_in_utf16_or_utf32_is_told_to_be_saved_as_utf8(tmp_path: Path, encoding: str) -> None:
    """A JSON Lines file in UTF-16 or UTF-32, with a byte order mark or without: one message, on line 1."""
    path = tmp_path / "wide.jsonl"
    path.write_bytes(_lines().encode(encoding))
    wide = encoding[:6].upper()
    assert _errors(path) == [f"{path}:1: not UTF-8: the file is {wide}; save it as UTF-8"]
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines(path.read_bytes(), name="wide.jsonl")
    assert raised.value.errors == [f"wide.jsonl:1: not UTF-8: the file is {wide}; save it as UTF-8"]


@pytest.mark.parametrize("encoding", WIDE)
def test_a_document_in_utf16_or_utf32_is_told_to_be_saved_as_utf8(tmp_path: Path, encoding: str) -> None:
    """A JSON document in UTF-16 or UTF-32 is told what it is, not ``not UTF-8: byte 0``."""
    path = tmp_path / "wide.json"
    path.write_bytes(factlog.dumps(world(claim("a"))).encode(encoding))
    assert _errors(path) == [f"{path}: $: not UTF-8: the file is {encoding[:6].upper()}; save it as UTF-8"]


@given(st.text(min_size=2).map(lambda text: text.encode()))
def test_no_utf8_text_is_taken_for_utf16_or_utf32(raw: bytes) -> None:
    """UTF-8 bytes without a NUL are never said to be UTF-16 or UTF-32."""
    assert wide_encoding(raw.replace(b"\x00", b"")) is None


@pytest.mark.parametrize("command", [["validate"], ["check"], ["check", "--stream", "--format", "json"]])
def test_a_lines_file_with_cr_line_endings_is_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Lines ended by a CR alone (classic Mac OS): one message naming the file, not ``Extra data``."""
    path = tmp_path / "mac.jsonl"
    path.write_bytes(_lines().replace("\n", "\r").encode())
    said = f"{path}:1: line endings are CR only (classic Mac OS); JSON Lines needs LF or CRLF: save the file with LF"
    assert _errors(path) == [said + " line endings"]
    assert main([*command, str(path)]) == 3
    assert capsys.readouterr().err.splitlines() == [f"error: {said} line endings"]


def test_a_lines_file_with_crlf_line_endings_reads_as_with_lf(tmp_path: Path) -> None:
    """CRLF line endings are read: the CR is whitespace at the end of each line."""
    path = tmp_path / "windows.jsonl"
    path.write_bytes(_lines().replace("\n", "\r\n").encode())
    assert factlog.load(path) == factlog.loads_lines(_lines())


@pytest.mark.parametrize("version", [0, -1, "1", 2])
def test_a_lines_header_of_a_version_not_read_names_line_1(tmp_path: Path, version: object) -> None:
    """A header of version 0 (or any this factlog does not read) is told on line 1, as ``FILE:1: $.version``."""
    path = tmp_path / "old.jsonl"
    header = json.dumps({"format": "factlog", "version": version})
    path.write_text(header + "\n" + _lines().split("\n", 1)[1], encoding="utf-8")
    (message,) = _errors(path)
    assert message.startswith(f"{path}:1: $.version: ")


@pytest.mark.parametrize("first", ["", "  ", "claim"])
def test_a_header_on_line_2_is_told_once_where_it_stands(tmp_path: Path, first: str) -> None:
    """Line 1 blank or a record, the header on line 2: one message, on line 1, naming line 2; no "second header"."""
    header, rest = _lines().split("\n", 1)
    records = rest.split("\n")
    line = records.pop(0) if first == "claim" else first
    path = tmp_path / "late.jsonl"
    path.write_text("\n".join([line, header, *records]), encoding="utf-8")
    expected = [f'{path}:1: the header {{"format": "factlog", ...}} must be the first line; found on line 2']
    assert _errors(path) == expected
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines(path.read_text(encoding="utf-8"), name=str(path))
    assert raised.value.errors == expected


def test_a_header_after_a_line_that_is_no_json_is_told_on_its_own_line(tmp_path: Path) -> None:
    """Line 1 no JSON, the header on line 2: line 1's problem, and line 2 told the header belongs on line 1."""
    header, rest = _lines().split("\n", 1)
    path = tmp_path / "late.jsonl"
    path.write_text("{oops\n" + header + "\n" + rest, encoding="utf-8")
    errors = _errors(path)
    assert [error.split(": ", 1)[0] for error in errors] == [f"{path}:1", f"{path}:2"]
    assert errors[1] == f'{path}:2: the header {{"format": "factlog", ...}} must be the first line'


@pytest.mark.parametrize("command", [["validate"], ["check", "--stream", "--format", "json"]])
def test_lines_joined_by_a_cr_alone_in_part_of_a_file_are_told_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """Lines 1 to 3 joined by CRs, the rest with LF: line 1 says the CR alone, not just Extra data."""
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(_lines().replace("\n", "\r", 2).encode())
    (message,) = _errors(path)
    assert message.startswith(f"{path}:1: invalid JSON at column ")
    assert message.endswith("Extra data after a CR alone: lines end with CR only here; JSON Lines needs LF or CRLF")
    assert main([*command, str(path)]) == 3
    assert capsys.readouterr().err.splitlines() == [f"error: {message}"]


@pytest.mark.parametrize(
    ("written", "meant"), [("claims", "claim"), ("Entity", "entity"), ("acknowledgment", "acknowledgement")]
)
def test_a_record_type_one_slip_away_names_the_type_meant(tmp_path: Path, written: str, meant: str) -> None:
    """'"type": "claims"' is told the type it is one slip from, read whole or a line at a time."""
    text = _lines().replace('"type":"claim"', json.dumps({"type": written})[1:-1], 1)
    path = tmp_path / "slip.jsonl"
    path.write_text(text, encoding="utf-8")
    (message,) = _errors(path)
    assert message.endswith(
        f'"type" one of entity, predicate, source, claim, acknowledgement (did you mean {meant!r}?)'
    )
    with pytest.raises(factlog.FormatError) as whole:
        factlog.loads_lines(text, name=str(path))
    assert whole.value.errors == [message]
