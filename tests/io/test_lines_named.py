"""JSON Lines files misnamed or joined: what the reader and the command line say of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import factlog
from factlog.cli import main
from factlog.cli._common import HINTS
from tests.helpers import claim, world

SECOND_HEADER = (
    'a second header ({"format": "factlog", ...}): files joined with cat? Give them as separate files or their'
    ' folder, or write them as one with factlog.dump(factlog.load(FOLDER), "ALL.jsonl") (docs/format.md,'
    " 'JSON Lines')"
)


def _text(*ids: str) -> str:
    return factlog.dumps_lines(world(*(claim(id) for id in ids)))


@pytest.mark.parametrize("whole", [True, False])
def test_files_joined_with_cat_are_told_of_their_second_header(tmp_path: Path, whole: bool) -> None:
    """Each header after line 1 is named as one, read whole (loads_lines) or a line at a time (load)."""
    first, second = _text("a"), _text("b")
    path = tmp_path / "joined.jsonl"
    path.write_text(first + second, encoding="utf-8")
    at = first.count("\n") + 1

    def read() -> object:
        return factlog.loads_lines(path.read_text(encoding="utf-8"), name=str(path)) if whole else factlog.load(path)

    with pytest.raises(factlog.FormatError) as raised:
        read()
    assert raised.value.errors[0] == f"{path}:{at}: {SECOND_HEADER}"


def test_the_folder_a_joined_file_came_from_writes_as_one(tmp_path: Path) -> None:
    """What the message offers: a folder's files written as one JSON Lines file read back as the folder."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(_text("a"), encoding="utf-8")
    (tmp_path / "in" / "b.jsonl").write_text(_text("a", "b"), encoding="utf-8")
    factlog.dump(factlog.load(tmp_path / "in"), tmp_path / "ALL.jsonl")
    assert factlog.load(tmp_path / "ALL.jsonl") == factlog.load(tmp_path / "in")


@pytest.mark.parametrize("name", ["set.ndjson", "set.JSONL", "set.json"])
def test_a_json_lines_file_named_otherwise_is_hinted_to_be_renamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Read as one document, it fails with "Extra data" on line 2; the hint says to name it .jsonl."""
    path = tmp_path / name
    path.write_text(_text("a"), encoding="utf-8")
    assert main(["validate", str(path)]) == 3
    printed = capsys.readouterr().err.splitlines()
    assert printed == [f"error: {path}: $: invalid JSON at line 2 column 1: Extra data", HINTS["lines as document"]]


def test_a_json_document_with_extra_data_on_its_first_line_is_not_hinted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two objects on line 1 are no JSON Lines file misnamed: no hint."""
    path = tmp_path / "set.json"
    path.write_text('{"format": "factlog", "version": 1} {}\n', encoding="utf-8")
    assert main(["validate", str(path)]) == 3
    assert capsys.readouterr().err.splitlines() == [f"error: {path}: $: invalid JSON at line 1 column 37: Extra data"]


@pytest.mark.parametrize("command", ["check", "assess"])
def test_stream_refused_names_what_was_given(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    """--stream with a file not named .jsonl: the usage error names the file and the format given."""
    path = tmp_path / "set.ndjson"
    path.write_text(_text("a"), encoding="utf-8")
    assert main([command, "--stream", str(path)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"factlog {command}: error: --stream takes one .jsonl file and --format json, not {path} and --format text"
    )


@pytest.mark.parametrize("command", ["check", "assess"])
@pytest.mark.parametrize("name", ["set.ndjson", "set.JSONL"])
def test_stream_of_a_misnamed_lines_file_says_to_rename_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, name: str
) -> None:
    """--stream --format json given a .ndjson or .JSONL file: the usage error, then a hint to rename it .jsonl."""
    path = tmp_path / name
    path.write_text(_text("a"), encoding="utf-8")
    assert main([command, "--stream", "--format", "json", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"factlog {command}: error: --stream takes one .jsonl file and --format json, not {path} and --format json",
        f"hint: rename {path} to end in .jsonl, in lower case (docs/format.md, 'JSON Lines')",
    ]
    assert main([command, "--stream", "--format", "text", str(path)]) == 2
    assert "hint" not in capsys.readouterr().err  # the format is wrong too: the error says so, and no more
