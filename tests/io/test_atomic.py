"""Writes that respect the user's files: the mode kept, a symlink's target written, stale temporaries removed."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import factlog
from tests.helpers import claim, world


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_dump_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    """A 0644 file (and a 0640 one) keeps its mode after a dump over it."""
    target = tmp_path / "shared.json"
    for mode in (0o644, 0o640):
        factlog.dump(world(claim("a")), target)
        os.chmod(target, mode)
        factlog.dump(world(claim("b")), target)
        assert _mode(target) == mode


@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555])
def test_dump_refuses_a_read_only_file_and_keeps_it(tmp_path: Path, mode: int) -> None:
    """A file with no write bit is refused by name, its bytes and mode kept, no temporary left beside it.

    The rename that replaces a file needs only the folder's leave: without the check a
    file made read-only on purpose was replaced as if it were writable.
    """
    target = tmp_path / "kept.json"
    factlog.dump(world(claim("a")), target)
    os.chmod(target, mode)
    before = target.read_bytes()
    with pytest.raises(factlog.InputError, match=rf"^{re.escape(str(target))}: cannot write: it is read-only"):
        factlog.dump(world(claim("b")), target)
    assert (target.read_bytes(), _mode(target), sorted(tmp_path.iterdir())) == (before, mode, [target])
    os.chmod(target, mode | stat.S_IWUSR)
    factlog.dump(world(claim("b")), target)  # writable again: replaced
    assert [c.id for c in factlog.load(target).claims] == ["b"]


def test_a_new_file_gets_the_usual_mode_less_the_umask(tmp_path: Path) -> None:
    """A file dump creates is 0666 less the umask, like any file a program creates."""
    umask = os.umask(0o022)
    try:
        factlog.dump(world(claim("a")), tmp_path / "new.json")
    finally:
        os.umask(umask)
    assert _mode(tmp_path / "new.json") == 0o644


def test_dump_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    """A dump to a symlink replaces the file it points to; the link stays a link."""
    factlog.dump(world(claim("a")), tmp_path / "real.json")
    (tmp_path / "link.json").symlink_to("real.json")
    factlog.dump(world(claim("b")), tmp_path / "link.json")
    assert (tmp_path / "link.json").is_symlink()
    assert [c.id for c in factlog.load(tmp_path / "real.json").claims] == ["b"]


def test_a_dead_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """A temporary file named for a process that is gone is removed; a live process's is kept."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=False
    )
    dead = tmp_path / f".claims.json.{finished.stdout.strip()}.0a1b2c3d.tmp"
    alive = tmp_path / f".claims.json.{os.getppid()}.0a1b2c3d.tmp"
    other = tmp_path / ".other.json.1.0a1b2c3d.tmp"
    for path in (dead, alive, other):
        path.write_bytes(b"partial")
    factlog.dump(world(claim("a")), tmp_path / "claims.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, other.name, "claims.json"])
