"""A forced split stopped at each change it makes to the disk: the complete earlier split or the complete new one.

Each test runs the split once to count its changes (mkdir, rename, replace, unlink,
rmdir), then once for each of them with a fault there (:mod:`tests.syscalls`): a
SIGINT or SIGTERM sent right after it, the call failing, or a SIGKILL.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

import factlog
from factlog import cli
from tests.helpers import ROOT, Ran, run
from tests.io.splits import Pair, contents, pair
from tests.syscalls import at_call

_PLACES = pytest.mark.parametrize("here", [False, True], ids=["folder", "working folder"])


@pytest.fixture
def interruptible() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt, as in a terminal, whatever the test runner set."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _earlier(given: Pair, folder: Path) -> Path:
    """A copy of the earlier split at ``folder/out``."""
    folder.mkdir()
    shutil.copytree(given.earlier, folder / "out")
    return folder / "out"


def _forced(given: Pair, target: Path, *, here: bool) -> Ran:
    """``factlog split --force NEW TARGET --claims-per-file 1``, from inside TARGET as ``.`` when ``here``."""
    where = "." if here else str(target)
    return run("split", "--force", str(given.new_input), where, "--claims-per-file", "1", cwd=target if here else ROOT)


def _changes(given: Pair, folder: Path, *, here: bool, names: tuple[str, ...] | None = None) -> list[str]:
    """The changes a forced split makes to the disk, in order (those of ``names`` if given)."""
    target = _earlier(given, folder)
    with at_call((), lambda: None, **({} if names is None else {"names": names})) as made:
        assert _forced(given, target, here=here).returncode == 0
    assert contents(target) == given.new
    return made


@_PLACES
@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
@pytest.mark.usefixtures("interruptible")
def test_a_signal_after_any_change_leaves_one_split_whole(
    tmp_path: Path, number: signal.Signals, code: int, *, here: bool
) -> None:
    """SIGINT or SIGTERM right after each change: exit 130 or 143, the folder the complete earlier or new split,
    nothing beside it."""
    given = pair(tmp_path)
    changes = _changes(given, tmp_path / "count", here=here)
    outcomes = []
    for step in range(1, len(changes) + 1):
        target = _earlier(given, tmp_path / str(step))
        with at_call({step}, lambda: os.kill(os.getpid(), number)):
            ran = _forced(given, target, here=here)
        assert ran.returncode == code, (step, changes[step - 1], ran.stderr)
        assert "Traceback" not in ran.stderr
        outcome = contents(target)
        assert outcome in (given.old, given.new), (step, changes[step - 1])
        outcomes.append(outcome == given.new)
        assert [path.name for path in target.parent.iterdir()] == ["out"], (step, changes[step - 1])
    assert outcomes[0] is False  # stopped while writing: the earlier split
    assert outcomes[-1] is True  # stopped while removing the earlier split: the new one, complete


@_PLACES
def test_a_failing_change_leaves_one_split_whole(tmp_path: Path, *, here: bool) -> None:
    """Each change failing in turn (a full disk): exit 3 with one line and the earlier split, or, when only the
    removal of the earlier split failed, exit 0 and the new one; a check of the parent reads the one split."""
    given = pair(tmp_path)
    changes = _changes(given, tmp_path / "count", here=here)

    def fail() -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    for step in range(1, len(changes) + 1):
        target = _earlier(given, tmp_path / str(step))
        with at_call({step}, fail, before=True):
            ran = _forced(given, target, here=here)
        outcome = contents(target)
        if ran.returncode == 0:
            assert outcome == given.new, (step, changes[step - 1])
        else:
            assert ran.returncode == 3, (step, changes[step - 1], ran.stderr)
            assert outcome == given.old, (step, changes[step - 1])
            assert ran.stderr.startswith("error: ")
            assert ran.stderr.count("\n") == 1, ran.stderr
            assert "No space left on device" in ran.stderr
        assert factlog.load(target.parent) == factlog.load(target)


def test_a_failure_that_cannot_be_undone_names_where_the_earlier_split_is(tmp_path: Path) -> None:
    """The new split's rename failing, and the folder taken meanwhile so that the earlier cannot go back: exit 3,
    naming the hidden folder that holds the earlier split, complete."""
    given = pair(tmp_path)
    changes = _changes(given, tmp_path / "count", here=False)
    step = len(changes) - changes[::-1].index("rename")  # the last rename: the new split into the folder's place
    target = _earlier(given, tmp_path / "taken")

    def taken() -> None:
        target.mkdir()
        (target / "notes.txt").write_text("written meanwhile", encoding="utf-8")
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with at_call({step}, taken, before=True):
        ran = _forced(given, target, here=False)
    assert ran.returncode == 3
    aside = [path for path in target.parent.iterdir() if path.name.endswith(".old")]
    assert len(aside) == 1
    assert ran.stderr == (
        f"error: {target}: cannot put the new split in place (Input/output error), nor the earlier split back"
        f" (Directory not empty): it is kept in {aside[0]}\n"
    )
    assert contents(aside[0]) == given.old


def test_a_failing_rename_into_a_new_folder_leaves_nothing(tmp_path: Path) -> None:
    """The one rename that puts a split into a new folder failing: exit 3, one line naming the folder, and neither
    the folder nor a staging folder left."""
    given = pair(tmp_path)
    target = tmp_path / "out"

    def fail() -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with at_call({1}, fail, names=("rename",), before=True):
        ran = run("split", str(given.new_input), str(target))
    assert ran.returncode == 3
    assert ran.stderr == f"error: {target}: cannot put the split in place: No space left on device\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["earlier", "fresh", "one", "two"]


def test_a_file_appearing_in_the_working_folder_midway_is_not_replaced(tmp_path: Path) -> None:
    """A forced split in the working folder, a file of the new split's name written there by someone else once the
    earlier split is moved aside: exit 3 naming it, the earlier split put back, the file kept."""
    given = pair(tmp_path)
    changes = _changes(given, tmp_path / "count", here=True)
    entries = len({name.split("/")[0] for name in given.old})  # each moved aside by a rename, the first renames
    moved_aside = [number for number, name in enumerate(changes, 1) if name == "rename"][entries - 1]
    target = _earlier(given, tmp_path / "intruded")

    def intrude() -> None:
        (target / "new").write_text("someone else's", encoding="utf-8")

    with at_call({moved_aside}, intrude):
        ran = _forced(given, target, here=True)
    assert ran.returncode == 3
    assert ran.stderr == (
        f"error: {target}: cannot put the new split in place: {target / 'new'} exists; the earlier split is kept\n"
    )
    assert contents(target) == {**given.old, "new": b"someone else's"}
    assert [path.name for path in target.parent.iterdir()] == ["out"]


def _killed_at(step: int, arguments: list[str]) -> int:
    """``factlog ARGUMENTS`` in a forked process, SIGKILLed right after its rename or replace number ``step``.

    The child is a real process killed by a real signal; forked from this one, it needs no interpreter start.
    Returns its exit code as :mod:`subprocess` gives it (``-signal.SIGKILL`` when killed).
    """
    child = os.fork()
    if child == 0:  # pragma: no cover - the child is killed, or leaves by os._exit
        try:
            with at_call({step}, lambda: os.kill(os.getpid(), signal.SIGKILL), names=("rename", "replace")):
                cli.main(arguments)
        finally:
            os._exit(70)  # never the test runner's exit, even when the kill was not reached
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status)


def test_a_split_killed_at_any_rename_is_mended_by_the_next(tmp_path: Path) -> None:
    """SIGKILL right after each rename: a check of the parent reads the earlier split, the new one, or (killed
    between the two renames) nothing; the next split puts the earlier back, then replaces it, leaving no trace."""
    given = pair(tmp_path)
    renames = _changes(given, tmp_path / "count", here=False, names=("rename", "replace"))
    earlier, new = factlog.load(given.earlier), factlog.load(tmp_path / "fresh")
    gone = 0
    for step in range(1, len(renames) + 1):
        target = _earlier(given, tmp_path / str(step))
        arguments = ["split", "--force", str(given.new_input), str(target), "--claims-per-file", "1"]
        assert _killed_at(step, arguments) == -signal.SIGKILL, step
        if target.exists():
            assert factlog.load(target.parent) in (earlier, new), step
        else:
            gone += 1
            with pytest.raises(factlog.InputError, match="no claim files"):
                factlog.load(target.parent)
            again = run("split", str(given.new_input), str(target))
            assert again.returncode == 3
            assert "not empty" in again.stderr
            assert contents(target) == given.old
        assert run(*arguments).returncode == 0
        assert contents(target) == given.new
        assert [path.name for path in target.parent.iterdir()] == ["out"]
    assert gone == 1
