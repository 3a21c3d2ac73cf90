"""The hidden staging folders of a split: never read by a check of the parent, cleared by the next split."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import factlog
from tests.helpers import claim, run, world
from tests.io.splits import contents, pair


def host() -> str:
    """This machine's name as a staging folder holds it: ``.out.split-HOST-PID-RANDOM``."""
    return re.sub(r"[^A-Za-z0-9.-]", "-", socket.gethostname())


def _dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("suffix", ["", ".old"], ids=["staging", "moved aside"])
def test_a_check_of_the_parent_passes_by_a_staging_folder(tmp_path: Path, suffix: str) -> None:
    """A staging folder a killed split left beside its folder is not read by a check of the parent; the user's own
    hidden folders still are."""
    (tmp_path / "in").mkdir()
    given = pair(tmp_path / "in")
    parent = tmp_path / "parent"
    parent.mkdir()
    shutil.copytree(given.earlier, parent / "out")
    left = parent / f".out.split-{host()}-{_dead_pid()}-0123abcd{suffix}"
    shutil.copytree(tmp_path / "in" / "fresh", left)
    factlog.dump(world(claim("c1", denied=True)), left / "claims-00009.jsonl")  # read, it would contradict c1
    report = run("check", "--format", "json", str(parent))
    assert report.stdout == run("check", "--format", "json", str(parent / "out")).stdout
    assert factlog.load(parent) == factlog.load(parent / "out")
    (parent / ".mine").mkdir()
    factlog.dump(factlog.ClaimSet(claims=(claim("m1"),)), parent / ".mine" / "more.json")
    assert sorted(item.id for item in factlog.load(parent).claims) == ["c1", "c2", "c3", "m1"]


def test_a_later_split_removes_the_staging_folders_of_splits_gone(tmp_path: Path) -> None:
    """Staging folders of this folder by ended processes of this machine are removed; a running split's, another
    machine's, another folder's and the user's hidden folders are left alone."""
    given = pair(tmp_path)
    dead, alive = _dead_pid(), subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        names = {
            f".earlier.split-{host()}-{dead}-0123abcd": False,
            f".earlier.split-{host()}-{dead}-4567cdef.old": False,
            f".earlier.split-{host()}-{alive.pid}-89abcdef": True,
            f".earlier.split-not-{host()}-{dead}-0123abcd": True,
            f".fresh.split-{host()}-{dead}-0123abcd": True,
            ".earlier.backup": True,
        }
        for name in names:
            shutil.copytree(given.earlier, tmp_path / name)
        factlog.split_lines(given.new_input, given.earlier, 1, force=True)
    finally:
        alive.kill()
        alive.wait()
    assert contents(given.earlier) == given.new
    assert {name: (tmp_path / name).exists() for name in names} == names


def test_a_later_split_puts_back_an_earlier_split_moved_aside(tmp_path: Path) -> None:
    """A split killed between moving the earlier split aside and the new one in: the next split puts the earlier
    back before it looks at the folder (refused without force, replaced with it)."""
    given = pair(tmp_path)
    staging = tmp_path / f".out.split-{host()}-{_dead_pid()}-0123abcd"
    shutil.copytree(given.earlier, staging.with_name(staging.name + ".old"))
    shutil.copytree(tmp_path / "fresh", staging)
    with pytest.raises(factlog.InputError, match="out: not empty"):
        factlog.split_lines(given.new_input, tmp_path / "out", 1)
    assert contents(tmp_path / "out") == given.old
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]
    factlog.split_lines(given.new_input, tmp_path / "out", 1, force=True)
    assert contents(tmp_path / "out") == given.new


def test_a_folder_named_as_a_staging_folder_is_refused(tmp_path: Path) -> None:
    """A folder named as a staging folder, which a check of its parent would pass by and the next split of its
    namesake would remove, is refused before anything is written."""
    given = pair(tmp_path)
    named = tmp_path / f".out.split-{host()}-{_dead_pid()}-0123abcd"
    with pytest.raises(factlog.InputError, match=r"named as the hidden folders a split is written in"):
        factlog.split_lines(given.new_input, named, 1)
    assert not named.exists()
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]
