"""``split_lines(..., force=True)``: only a folder holding an earlier split and nothing else is replaced, whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import factlog
from factlog.io._splitfolder import made_writable
from tests.io.splits import contents, pair


def test_force_leaves_exactly_the_new_split(tmp_path: Path) -> None:
    """The earlier split's claim files and the documents only it copied are gone: the folder is the new split."""
    given = pair(tmp_path)
    written = factlog.split_lines(given.new_input, given.earlier, 1, force=True)
    assert contents(given.earlier) == given.new
    assert written == (given.earlier / "tables.json", *sorted(given.earlier.glob("claims-*.jsonl")))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["earlier", "fresh", "one", "two"]


@pytest.mark.parametrize(
    ("stray", "named"),
    [
        ("notes.txt", "notes.txt"),  # a file of the user's beside the split
        ("new/b.txt", "new"),  # at the path of a document of the new split, which would overwrite it
        ("old/notes.txt", "old/notes.txt"),  # beside a document the earlier split copied
        ("empty/", "empty"),  # a folder
        (".hidden", ".hidden"),
        ("claims.jsonl", "claims.jsonl"),  # claim files the split does not write
        ("claims-00001.jsonl/", "claims-00001.jsonl"),  # a folder named as a claim file
        ("link", "link"),  # a symbolic link
    ],
)
def test_force_refuses_a_folder_holding_anything_else(tmp_path: Path, stray: str, named: str) -> None:
    """Anything in the folder that is not the earlier split's: refused, named, and the folder left as it was."""
    given = pair(tmp_path)
    path = given.earlier / stray.rstrip("/")
    if stray == "claims-00001.jsonl/":
        path.unlink()
    if stray.endswith("/"):
        path.mkdir()
    elif stray == "link":
        path.symlink_to(given.earlier / "tables.json")
    else:
        path.parent.mkdir(exist_ok=True)
        path.write_text("mine", encoding="utf-8")
    before = contents(given.earlier)
    with pytest.raises(factlog.InputError) as raised:
        factlog.split_lines(given.new_input, given.earlier, 1, force=True)
    assert str(raised.value) == (
        f"{given.earlier}: holds {given.earlier / named}, not part of an earlier split (tables.json,"
        " claims-*.jsonl and the documents tables.json names), and --force (Python: force=True) replaces only an"
        " earlier split: move it, or give another folder"
    )
    assert contents(given.earlier) == before


@pytest.mark.parametrize(("tables", "more"), [("missing", 2), ("a folder", 3)])
def test_force_refuses_claim_files_without_tables(tmp_path: Path, tables: str, more: int) -> None:
    """Claim files named as a split's, but no tables.json file: not an earlier split; the first is named, the others
    counted."""
    given = pair(tmp_path)
    (given.earlier / "tables.json").unlink()
    if tables == "a folder":
        (given.earlier / "tables.json").mkdir()
    before = contents(given.earlier)
    first = given.earlier / "claims-00001.jsonl"
    with pytest.raises(factlog.InputError, match=f"holds {first} and {more} more and no tables.json file, not part"):
        factlog.split_lines(given.new_input, given.earlier, 1, force=True)
    assert contents(given.earlier) == before


def test_force_refuses_a_tables_file_that_does_not_read(tmp_path: Path) -> None:
    """A tables.json that is not a claim set: named, with why, and the folder left as it was."""
    given = pair(tmp_path)
    (given.earlier / "tables.json").write_text('{"format": "factlog"', encoding="utf-8")
    before = contents(given.earlier)
    with pytest.raises(factlog.InputError) as raised:
        factlog.split_lines(given.new_input, given.earlier, 1, force=True)
    message = str(raised.value)
    assert message.startswith(f"{given.earlier / 'tables.json'}: not the tables.json of an earlier split (")
    assert message.endswith("replaces only an earlier split: move it, or give another folder")
    assert "\n" not in message
    assert contents(given.earlier) == before


def test_force_into_an_empty_or_new_folder_writes_the_split(tmp_path: Path) -> None:
    """With force, an empty folder and a missing one take the split as without it; the empty one keeps its mode."""
    given = pair(tmp_path)
    (tmp_path / "empty").mkdir(mode=0o700)
    (tmp_path / "empty").chmod(0o750)
    factlog.split_lines(given.new_input, tmp_path / "empty", 1, force=True)
    factlog.split_lines(given.new_input, tmp_path / "new", 1, force=True)
    assert contents(tmp_path / "empty") == contents(tmp_path / "new") == given.new
    assert (tmp_path / "empty").stat().st_mode & 0o777 == 0o750


def test_a_read_only_folder_in_a_removed_split_is_made_writable_and_emptied(tmp_path: Path) -> None:
    """What ``shutil.rmtree`` could not remove (a file in a read-only folder, for a user bound by permissions)
    is removed once its folder is made writable: the earlier split of a forced split leaves no copy behind."""
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "claims-00001.jsonl").write_text("{}\n", encoding="utf-8")
    folder.chmod(0o555)
    made_writable(os.unlink, str(folder / "claims-00001.jsonl"), PermissionError(13, "Permission denied"))
    assert not (folder / "claims-00001.jsonl").exists()
    assert folder.stat().st_mode & 0o700 == 0o700
    made_writable(os.rmdir, str(folder), PermissionError(13, "Permission denied"))
    assert not folder.exists()
