"""Two ``factlog split`` processes into one folder: the one that finishes second is refused, the first kept whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, run
from tests.io.splits import claims_with_document, contents
from tests.syscalls import at_call


@pytest.mark.parametrize("place", ["new folder", "empty folder", "working folder"])
def test_a_split_finishing_second_is_refused(tmp_path: Path, place: str) -> None:
    """Another process splits into the folder after this one checked it, before it renames its split in: exit 3,
    one line saying the folder was written meanwhile; the other's split stays, whole, and nothing is left beside."""
    for name in ("one", "two", "alone"):
        (tmp_path / name).mkdir()
    mine = claims_with_document(tmp_path / "one", "a.txt", "c1", "c2")
    theirs = claims_with_document(tmp_path / "two", "b.txt", "n1")
    target = tmp_path / "out"
    if place != "new folder":
        target.mkdir()
    run("split", str(theirs), str(tmp_path / "alone" / "out"))

    def other() -> None:
        done = subprocess.run(
            [sys.executable, "-m", "factlog", "split", str(theirs), str(target)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    with at_call({1}, other, names=("replace",)):  # once this split's tables.json is written
        if place == "working folder":
            ran = run("split", str(mine), ".", cwd=target)
        else:
            ran = run("split", str(mine), str(target))
    assert ran.returncode == 3
    assert ran.stderr == (
        f"error: {target}: not empty: written while this split ran (by another split?); give a new or empty folder,"
        " or --force (Python: force=True) to replace an earlier split\n"
    )
    assert contents(target) == contents(tmp_path / "alone" / "out")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["alone", "one", "out", "two"]


def test_a_file_written_in_the_working_folder_meanwhile_is_refused(tmp_path: Path) -> None:
    """`factlog split PATH .` in an empty folder where a file appears while the split is written: exit 3, and the
    folder holds that file alone."""
    (tmp_path / "one").mkdir()
    (tmp_path / "here").mkdir()
    mine = claims_with_document(tmp_path / "one", "a.txt", "c1", "c2")

    def write() -> None:
        (tmp_path / "here" / "notes.txt").write_text("mine", encoding="utf-8")

    with at_call({1}, write, names=("replace",)):
        ran = run("split", str(mine), ".", cwd=tmp_path / "here")
    assert ran.returncode == 3
    assert ran.stderr.startswith(f"error: {tmp_path / 'here'}: not empty: written while this split ran")
    assert contents(tmp_path / "here") == {"notes.txt": b"mine"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["here", "one"]
