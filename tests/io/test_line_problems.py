"""A JSON Lines file with problems, read a line at a time: the messages of the whole-file reader, at its memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.io import _documents, _lineproblems
from tests.helpers import claim, world

_BREAKS = (
    "rename",
    "drop",
    "number",
    "list",
    "certainty",
    "holder",
    "syntax",
    "type",
    "header",
    "twice",
    "deep",
    "blank",
    "none",
)


def _records() -> list[str]:
    """A small set as JSON Lines, one string a line: header, entities, predicates, sources, claims a, b, c."""
    return factlog.dumps_lines(world(claim("a"), claim("b"), claim("c", holder="russia"))).splitlines()


def _broken(line: str, how: str) -> str:
    """``line`` with one problem a reader names (or none, for ``none`` and ``blank``)."""
    try:
        record = json.loads(line)
    except ValueError:
        return line  # broken already, or blank
    if how == "rename" and "id" in record:
        record["idd"] = record.pop("id")
    elif how == "drop":
        record.pop(next(key for key in reversed(list(record)) if key != "type"), None)
    elif how in {"number", "list"}:  # a value of another JSON type than the field takes
        record[next(key for key in reversed(list(record)) if key != "type")] = 7 if how == "number" else []
    elif how == "certainty" and record.get("type") == "claim":
        record["certainty"] = "sure"
    elif how == "holder" and record.get("type") == "claim":
        record["attribution"] = {"holder": "nobody"}
    elif how == "syntax":
        return line[: len(line) // 2]
    elif how == "type":
        record["type"] = "claims"
    elif how == "header":
        return json.dumps({"format": "factlog", "version": 1})
    elif how == "twice" and "id" in record:
        record["id"] = "a" if record.get("type") == "claim" else "russia"
    elif how == "deep":
        record["statement"] = json.loads("[" * 80 + "]" * 80)
    elif how == "blank":
        return " \t"
    return json.dumps(record)


def _errors(path: Path, *, whole: bool, monkeypatch: pytest.MonkeyPatch) -> list[str] | None:
    """The errors of loading ``path`` (None when it loads), read a line at a time or, with ``whole``, whole."""
    with monkeypatch.context() as patched:
        if whole:
            patched.setattr(_documents, "problems_by_line", lambda *_: None)
        try:
            factlog.load(path)
        except factlog.FormatError as error:
            return [*error.errors, type(error).__name__]
    return None


@given(st.lists(st.tuples(st.integers(1, 40), st.sampled_from(_BREAKS)), min_size=1, max_size=3))
def test_the_problems_read_a_line_at_a_time_are_the_whole_file_reader_s(
    tmp_path_factory: pytest.TempPathFactory, breaks: list[tuple[int, str]]
) -> None:
    """Any mix of broken lines: the same messages, in the same order, with the same class, as read whole."""
    lines = _records()
    for at, how in breaks:
        number = 1 + at % (len(lines) - 1)  # never the header itself
        lines[number] = _broken(lines[number], how)
    path = tmp_path_factory.mktemp("lines") / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch = pytest.MonkeyPatch()
    assert _errors(path, whole=False, monkeypatch=monkeypatch) == _errors(path, whole=True, monkeypatch=monkeypatch)


def test_a_misspelled_key_is_named_without_the_whole_file_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refused field and an unknown id in one file: named by line, and the file is never read whole."""
    lines = _records()
    lines[-1] = lines[-1].replace('"statement"', '"statment"')
    lines[-2] = _broken(lines[-2], "holder")
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def whole(*_: object) -> None:
        raise AssertionError("the file was read whole")

    monkeypatch.setattr(_documents, "read_regular", whole)
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(path)
    count = len(lines)
    assert raised.value.errors == [
        f"{path}:{count - 1}: $.attribution.holder: unknown entity 'nobody'",
        f"{path}:{count}: $.statment: unexpected key 'statment' (did you mean 'statement'? 'statement' is required)",
    ]


def test_a_file_of_an_older_version_is_left_to_the_whole_file_reader(tmp_path: Path) -> None:
    """No header of the current version on line 1: the reader a line at a time declines the file."""
    path = tmp_path / "old.jsonl"
    path.write_text('{"format": "factlog", "version": 0}\n{"type": "entity"}\n', encoding="utf-8")
    assert _lineproblems.problems_by_line(path, str(path), factlog.Limits(), _reader(path)) is None


def _reader(path: Path) -> _lineproblems.WholeReader:
    return _documents.whole_reader(str(path.parent))


def test_an_id_given_twice_is_named_without_the_whole_file_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claim c given b's id, claim a held by nobody: both named by line, and the file is never read whole."""
    lines = _records()
    at = {json.loads(line).get("id"): n for n, line in enumerate(lines)}
    lines[at["c"]] = lines[at["c"]].replace('"id":"c"', '"id":"b"')
    lines[at["a"]] = _broken(lines[at["a"]], "holder")
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = _errors(path, whole=True, monkeypatch=monkeypatch)

    def whole(*_: object) -> None:
        raise AssertionError("the file was read whole")

    monkeypatch.setattr(_documents, "read_regular", whole)
    assert _errors(path, whole=False, monkeypatch=monkeypatch) == expected
    assert [expected[0], expected[2:]] == [
        f"{path}:{at['a'] + 1}: $.attribution.holder: unknown entity 'nobody'",
        ["FormatError"],
    ]
    assert expected[1].startswith(
        f"{path}:{at['c'] + 1}: $.id: 'b' is defined twice, differently (first on line {at['b'] + 1}):"
        " statement: 'Statement c.' here, 'Statement b.' first; "
    )


def test_a_file_starting_with_a_bom_is_named_without_the_whole_file_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BOM (the clean reading takes it line by line) and a misspelled key: the same messages, never read whole.

    Declined, a 100,000-claim file with one such key took 647 MB and 13 s against 131 MB and 4 s without its BOM.
    """
    lines = _records()
    lines[-1] = lines[-1].replace('"statement"', '"statment"')
    path = tmp_path / "set.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode())
    expected = _errors(path, whole=True, monkeypatch=monkeypatch)

    def whole(*_: object) -> None:
        raise AssertionError("the file was read whole")

    monkeypatch.setattr(_documents, "read_regular", whole)
    assert _errors(path, whole=False, monkeypatch=monkeypatch) == expected
    assert expected == [
        f"{path}:{len(lines)}: $.statment: unexpected key 'statment'"
        " (did you mean 'statement'? 'statement' is required)",
        "FormatError",
    ]
