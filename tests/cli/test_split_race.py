"""Two ``factlog split`` processes into one folder: the one that finishes second is refused, the first kept whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, run
from tests.io.splits import claims_with_document, contents
from tests.syscalls import at_call


@pytest.mark.parametrize("empty", [False, True], ids=["new folder", "empty folder"])
def test_a_split_finishing_second_is_refused(tmp_path: Path, *, empty: bool) -> None:
    """Another process splits into the folder after this one checked it and before it renames its split in: exit 3,
    one line saying the folder was written meanwhile; the other's split stays, whole, and nothing is left beside."""
    for name in ("one", "two", "alone"):
        (tmp_path / name).mkdir()
    mine = claims_with_document(tmp_path / "one", "a.txt", "c1", "c2")
    theirs = claims_with_document(tmp_path / "two", "b.txt", "n1")
    target = tmp_path / "out"
    if empty:
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

    with at_call({1}, other, names=("rename",), before=True):
        ran = run("split", str(mine), str(target))
    assert ran.returncode == 3
    assert ran.stderr == (
        f"error: {target}: not empty: written while this split ran (by another split?); give a new or empty folder,"
        " or --force (Python: force=True) to replace an earlier split\n"
    )
    assert contents(target) == contents(tmp_path / "alone" / "out")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["alone", "one", "out", "two"]
