"""Where a split goes: the target checked, stale staging folders cleared, the complete split put in place.

A split of ``FOLDER`` is written into a staging folder beside it
(:func:`~factlog.io._staging.staging_name`), then put in place by renames alone:

- a new ``FOLDER``, or an empty one, is replaced by one rename, which the system refuses
  when the folder is no longer empty: of two splits racing for one folder, the second is
  refused and the first kept;
- with ``force``, a folder that holds an earlier split and nothing else (``tables.json``,
  ``claims-*.jsonl`` and the documents its ``tables.json`` names) is renamed aside
  (``.FOLDER.split-...old``), the staging folder renamed in its place, and the earlier
  split removed; the working folder, which cannot be renamed from under its users, has
  its entries moved so, one by one.

SIGINT and SIGTERM wait while these renames run (in the main thread: they take effect
as soon as the block ends), and a failing rename puts back what was moved: an
interrupted or failed split leaves the complete earlier split or the complete new one.
A process killed outright (SIGKILL, a power cut) may leave its staging folder behind,
hidden: a check of the parent folder passes it by, and the next split of the same
folder removes it, or puts the earlier split back when it was killed between the two
renames. The working folder gives its ``tables.json`` first and takes the new one last:
killed while its files move, it has none (a check refuses its claims, never reads part
of a split), and the next split refuses it, removing nothing, until the user mends it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from factlog.errors import FactlogError, FormatError, InputError
from factlog.io._atomic import _alive
from factlog.io._documents import read_file
from factlog.io._parsing import Limits
from factlog.io._staging import host

__all__ = ["PART", "TABLES", "Known", "expect_target", "install", "remove_stale", "signals_deferred"]

TABLES = "tables.json"
"""The name of the small-tables file of a split folder."""
PART = re.compile(r"claims-[0-9]+\.jsonl")
"""The names of a split folder's claim files."""
_ONLY = (
    "not part of an earlier split (tables.json, claims-*.jsonl and the documents tables.json names), and --force"
    " (Python: force=True) replaces only an earlier split: move it, or give another folder"
)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """SIGINT and SIGTERM received in the block take effect once it ends, as they would have (main thread only).

    A signal ignored, or handled outside Python, is left alone.
    """
    if threading.current_thread() is not threading.main_thread():  # pragma: no cover - signals reach the main one
        yield
        return
    caught: list[int] = []

    def note(number: int, _frame: FrameType | None) -> None:
        caught.append(number)

    previous = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        handler = signal.getsignal(number)
        if handler is not None and handler != signal.SIG_IGN:
            previous[number] = signal.signal(number, note)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for pending in dict.fromkeys(caught):
            signal.raise_signal(pending)


def remove_stale(target: Path, marker: str = TABLES) -> None:
    """Remove the staging folders of ``target`` that splits on this machine, since gone, left behind.

    ``marker`` is the file a complete folder holds (a split's ``tables.json``, a snapshot's ``claims.json``).

    An earlier split moved aside (``.old``) by a split killed before it moved the new one
    in is put back when ``target`` is missing. Splits still running, and those of other
    machines sharing the folder, are left alone.

    Raises :class:`~factlog.InputError` when a split of the working folder was killed
    while its files moved (``target`` without ``tables.json``, part of the earlier split
    aside): nothing is removed.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.split-{re.escape(host())}-([0-9]+)-[0-9a-f]{{8}}(\.old)?")
    try:
        with os.scandir(target.parent) as scanned:
            entries = sorted(
                (Path(entry.path) for entry in scanned if entry.is_dir(follow_symlinks=False)),
                key=lambda path: not path.name.endswith(".old"),  # an earlier split first, to be put back
            )
    except OSError:
        return
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if found is None or int(found[1]) == os.getpid() or _alive(int(found[1])):
            continue
        if found[2] and not (target.exists() or target.is_symlink()):
            with contextlib.suppress(OSError):  # else left for the user: it may be the only copy
                entry.rename(target)
            continue
        if found[2] and target.is_dir() and not (target / marker).exists() and any(entry.iterdir()):
            raise InputError(  # the working folder, killed while its files moved: part of each split on either side
                f"{target}: a split killed while moving files left part of the earlier split in {entry}, and"
                f" {target} without its {marker}: nothing was removed; put back the files you need (or remove"
                f" {entry}), then split again"
            )
        removed(entry)


Known = dict[tuple[int, int, int], set[str]]
"""The documents an earlier split's ``tables.json`` names, by its inode, time and size: read once a split."""


def made_writable(function: Callable[[str], object], path: str, _error: object) -> None:
    """``shutil.rmtree``'s handler of a failure: ``path``'s folder (and ``path``, a folder) made writable, then again.

    A failure that remains is ignored: what cannot be removed is left.
    """
    parent = os.path.dirname(path)
    with contextlib.suppress(OSError):
        if not os.path.islink(parent):
            os.chmod(parent, stat.S_IMODE(os.lstat(parent).st_mode) | stat.S_IRWXU)
        if os.path.isdir(path) and not os.path.islink(path):
            os.chmod(path, stat.S_IMODE(os.lstat(path).st_mode) | stat.S_IRWXU)
        function(path)


def removed(folder: Path) -> None:
    """Remove ``folder`` and all it holds, read-only folders in it included; what cannot be removed is left.

    An earlier split made read-only (``chmod -R a-w``) is moved aside whole by a forced
    split; ``shutil.rmtree`` alone cannot empty its read-only folders, and every later
    split would leave one more copy behind.
    """

    if sys.version_info >= (3, 12):  # pragma: no cover - onerror is deprecated from Python 3.12
        shutil.rmtree(folder, onexc=made_writable)
    else:
        shutil.rmtree(folder, onerror=made_writable)


def expect_target(target: Path, *, force: bool, limits: Limits, known: Known) -> None:
    """Refuse a file, a non-empty folder without ``force``, and with it a folder holding more than an earlier split."""
    if not target.exists():
        return
    if not target.is_dir():
        raise InputError(f"{target}: not a folder")
    if not any(target.iterdir()):
        return
    if not force:
        raise InputError(
            f"{target}: not empty: give a new or empty folder, or --force (Python: force=True)"
            " to replace an earlier split"
        )
    _expect_earlier_split(target, limits, known)


def _documents(tables: Path, limits: Limits, known: Known) -> set[str] | None:
    """The documents ``tables`` names (paths in its folder, ``/``-separated); None when there is no such file."""
    try:
        info = tables.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    key = (info.st_ino, info.st_mtime_ns, info.st_size)
    if key not in known:
        try:
            sources = read_file(tables, limits).sources
        except FactlogError as error:
            reason = error.errors[0] if isinstance(error, FormatError) else str(error)
            raise InputError(f"{tables}: not the tables.json of an earlier split ({reason}): {_ONLY}") from None
        known[key] = {
            Path(os.path.normpath(source.document)).as_posix() for source in sources if source.document is not None
        }
    return known[key]


def _expect_earlier_split(target: Path, limits: Limits, known: Known) -> None:
    """Refuse a folder holding anything but an earlier split, naming the first thing that is not part of it."""
    documents = _documents(target / TABLES, limits, known)
    kept = documents is not None  # without tables.json, nothing here is an earlier split's
    documents = documents or set()
    folders = {parent.as_posix() for document in documents for parent in Path(document).parents}
    others: list[Path] = []
    pending = [target]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                name = path.relative_to(target).as_posix()
                if entry.is_dir(follow_symlinks=False) and name in folders:
                    pending.append(path)
                    continue
                if entry.is_file(follow_symlinks=False) and (
                    name in documents or (kept and folder == target and (name == TABLES or PART.fullmatch(name)))
                ):
                    continue
                others.append(path)
    if others:
        others.sort()
        more = f" and {len(others) - 1} more" if len(others) > 1 else ""
        looks_split = not kept and any(path.parent == target and PART.fullmatch(path.name) for path in others)
        missing = f" and no {TABLES} file" if looks_split else ""
        raise InputError(f"{target}: holds {others[0]}{more}{missing}, {_ONLY}")


def _keep_mode(staging: Path, target: Path) -> None:
    """The folder that takes ``target``'s place keeps its permission bits (a shared folder's group write, say)."""
    with contextlib.suppress(OSError):
        os.chmod(staging, stat.S_IMODE(os.stat(target).st_mode))


def install(staging: Path, target: Path, *, force: bool, limits: Limits, known: Known) -> None:
    """Put the complete split in ``staging`` at ``target`` (see the module); SIGINT and SIGTERM wait meanwhile.

    Raises :class:`~factlog.InputError` when ``target`` was written meanwhile (without
    ``force``), holds more than an earlier split (with it), or a rename fails: what was
    moved is put back first.
    """
    with signals_deferred():
        if _is_working_folder(target):
            _install_here(staging, target, force=force, limits=limits, known=known)
            return
        _keep_mode(staging, target)
        try:
            os.rename(staging, target)  # a missing target, or an empty folder (which it replaces)
        except OSError as error:
            if not (force and target.is_dir() and not target.is_symlink()):
                raise _refusal(target, error) from None
        else:
            return
        _expect_earlier_split(target, limits, known)
        aside = staging.with_name(staging.name + ".old")
        _moved([(target, aside), (staging, target)], target, aside)
        removed(aside)


def _is_working_folder(target: Path) -> bool:
    try:
        return os.path.samefile(target, os.getcwd())
    except OSError:  # no such folder (yet), or a working folder removed
        return False


def _install_here(staging: Path, target: Path, *, force: bool, limits: Limits, known: Known) -> None:
    """The working folder: its entries moved aside, and the new split's moved in, one by one."""
    # tables.json moved out first and in last: a folder killed in between has none, and a check refuses its claims
    old = sorted(target.iterdir(), key=lambda path: (path.name != TABLES, path.name))
    if old and not force:
        raise _refusal(target, FileExistsError())
    if old:
        _expect_earlier_split(target, limits, known)
    aside = staging.with_name(staging.name + ".old")
    aside.mkdir()
    moves = [(path, aside / path.name) for path in old]
    new = sorted(staging.iterdir(), key=lambda path: (path.name == TABLES, path.name))
    moves += [(path, target / path.name) for path in new]
    try:
        _moved(moves, target, aside)
    except InputError:
        if not any(aside.iterdir()):  # all put back; else it holds what could not be
            aside.rmdir()
        raise
    removed(aside)


def _moved(moves: list[tuple[Path, Path]], target: Path, aside: Path) -> None:
    """Rename each pair in turn, none over anything; on any failure rename back those done, last first."""
    done: list[tuple[Path, Path]] = []
    try:
        for source, destination in moves:
            if destination.exists() or destination.is_symlink():
                raise FileExistsError(f"{destination} exists")
            os.rename(source, destination)
            done.append((source, destination))
    except OSError as error:
        try:
            for source, destination in reversed(done):
                os.rename(destination, source)
        except OSError as again:
            raise InputError(
                f"{target}: cannot put the new split in place ({error.strerror or error}), nor the earlier split"
                f" back ({again.strerror or again}): it is kept in {aside}"
            ) from None
        raise InputError(
            f"{target}: cannot put the new split in place: {error.strerror or error}; the earlier split is kept"
        ) from None


def _refusal(target: Path, error: OSError) -> InputError:
    """The error for a target that the final rename could not take."""
    if target.is_dir() and any(target.iterdir()):
        return InputError(
            f"{target}: not empty: written while this split ran (by another split?); give a new or empty folder,"
            " or --force (Python: force=True) to replace an earlier split"
        )
    return InputError(f"{target}: cannot put the split in place: {error.strerror or error}")
