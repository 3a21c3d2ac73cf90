"""A split of the working folder killed outright (SIGKILL, a power cut) after any change to the disk."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

import factlog
from tests.io.splits import Pair, contents, pair
from tests.syscalls import at_call


def _earlier(given: Pair, folder: Path) -> Path:
    """A copy of the earlier split at ``folder/out``."""
    folder.mkdir()
    shutil.copytree(given.earlier, folder / "out")
    return folder / "out"


def _killed_after(step: int, given: Pair, target: Path) -> bool:
    """Split the new input into ``target`` from inside it, with force, in a child process that ends at once after its
    ``step``-th change to the disk (no cleanup runs, as under SIGKILL); whether it was so ended."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process, which coverage does not follow
        code = 1
        try:
            os.chdir(target)
            with at_call({step}, lambda: os._exit(0)):
                factlog.split_lines(given.new_input, ".", 1, force=True)
        finally:
            os._exit(code)
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status) == 0


def _aside(folder: Path) -> dict[str, bytes | None]:
    """The files of the earlier splits moved aside beside ``folder/out``, by their path in those folders."""
    found: dict[str, bytes | None] = {}
    for hidden in folder.glob(".out.split-*.old"):
        found.update(contents(hidden))
    return found


def test_a_split_of_the_working_folder_killed_after_any_change_is_never_read_in_part(tmp_path: Path) -> None:
    """Killed after each change: the folder is the complete earlier or new split, or a check refuses it; the next
    split then removes no file of the earlier split (it refuses, naming the folder aside)."""
    given = pair(tmp_path)
    count = _earlier(given, tmp_path / "count")
    with contextlib.chdir(count), at_call((), lambda: None) as made:
        factlog.split_lines(given.new_input, ".", 1, force=True)
    assert contents(count) == given.new
    parts = 0
    for step in range(1, len(made) + 1):
        target = _earlier(given, tmp_path / str(step))
        assert _killed_after(step, given, target), (step, made[step - 1])
        if contents(target) in (given.old, given.new):
            factlog.split_lines(given.new_input, target, 1, force=True)
            assert contents(target) == given.new
            continue
        parts += 1
        with pytest.raises(factlog.FactlogError):
            factlog.load(target)
        with pytest.raises(factlog.InputError, match=r"killed while moving files .*nothing was removed"):
            factlog.split_lines(given.new_input, target, 1, force=True)
        kept = {**contents(target), **_aside(target.parent)}
        assert all(kept.get(name) == data for name, data in given.old.items()), (step, made[step - 1])
    assert parts > 0  # some steps do stop between the two splits
