"""Crash-safe writes that respect the user's file.

The bytes go to a temporary file beside the target, are synced, renamed over the
target, and the folder is synced: after a crash at any moment the target is the
complete old file or the complete new one. An existing target keeps its permission
bits (a new one gets the usual ``0o666`` less the umask), and one that is read-only
(no write bit, or not writable by this user) is refused, not replaced by the rename,
which needs only the folder's leave; a symbolic link is followed,
so its target is replaced and the link stays. A temporary file is named
``.NAME.PID.RANDOM.tmp``; one left by a writer that was killed (its process is gone)
is removed by the next write to the same target.

A target that is no regular file is never replaced: a device (``/dev/null``, a
terminal) or a named pipe is written into as a shell's ``>`` writes it (a pipe waits
for its reader), with no temporary file and no rename; a folder or a socket is
refused. So is an open descriptor named by path (``/dev/stdout``, ``/dev/fd/1``,
``/proc/self/fd/1``), whatever it leads to: one of this process is written through
itself, so a regular file there (``-o /dev/stdout > out.json``) gets the bytes where
the process's own output goes, and is not replaced. Every refusal
names the target and the reason, and a folder that takes no new file is named as such:
the target itself may be writable.

A write asked to make a ``new`` file never replaces one: the temporary file is
linked to the target's name, which fails when something stands there, made there
since the caller looked, by another process among others (:class:`FileExistsError`,
the temporary file removed). Where the file system makes no links, the target is
looked at just before the rename instead, which leaves a moment for a race.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import sys
from pathlib import Path

from factlog.errors import InputError

__all__ = ["read_only", "write_atomic", "written_in_place"]

_NEW_FILE_MODE = 0o666  # less the umask, which os.open applies
_DESCRIPTORS = re.compile(r"/proc/(?:self|thread-self|\d+)/fd|/dev/fd")
"""Folders whose entries are a process's open descriptors (on Linux, /dev/fd is a link to /proc/self/fd)."""
_MOST_LINKS = 40  # as the kernel's limit of links followed in one path
_NO_LINKS = frozenset({errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK})
"""What :func:`os.link` fails with on a file system that makes no (more) hard links (FAT, some network shares)."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process: it exists
        return True
    return True


def _remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files of this target left by writers whose process is gone."""
    start = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        parts = entry.name[len(start) :].split(".")
        if not (entry.name.startswith(start) and len(parts) == 3 and parts[2] == "tmp" and parts[0].isdigit()):
            continue
        pid = int(parts[0])
        if pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


_WRITABLE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
"""The write bits of a file's mode: a regular file with none of them is read-only even to the superuser here."""


def write_atomic(target: Path, data: bytes, *, new: bool = False) -> None:
    """Write ``data`` to ``target`` (see the module); :class:`~factlog.InputError` naming it and why on failure.

    With ``new``, :class:`FileExistsError` when anything stands at ``target``, nothing written.
    """
    try:
        kind = stat.S_IFMT(os.stat(target).st_mode)
    except FileNotFoundError:
        if _descriptor(target) is not None:  # /dev/stdout of a process started with stdout closed
            raise _cannot(target, _closed(target)) from None
        kind = None  # a new file, or a link to one: made where the link leads
    except OSError as error:
        raise _cannot(target, error.strerror or str(error)) from None
    if kind == stat.S_IFDIR:
        raise _cannot(target, "it is a folder")
    if kind == stat.S_IFSOCK:
        raise _cannot(target, "it is a socket")
    if new and (kind is not None or os.path.lexists(target)):
        raise FileExistsError(errno.EEXIST, "the file exists", os.fspath(target))
    if kind is not None and (kind != stat.S_IFREG or _descriptor(target) is not None):
        _write_into(target, data)
    else:
        _replace(target, data, new=new)


def _closed(target: Path) -> str:
    """Why a descriptor named by path that is not open cannot be written: "standard output is closed", say."""
    number = _own_descriptor(target)
    names = {0: "standard input", 1: "standard output", 2: "standard error"}
    if number in names:
        return f"{names[number]} is closed"
    return "no such open descriptor" if number is None else f"descriptor {number} is not open"


def written_in_place(target: Path) -> bool:
    """Whether :func:`write_atomic` writes into ``target`` as it is: a device, a named pipe or an open descriptor.

    Such a target has no folder of its own to hold files beside it. False for a new
    file, a regular file, and what is refused (a folder, a socket) or cannot be looked at.
    """
    try:
        kind = stat.S_IFMT(os.stat(target).st_mode)
    except OSError:
        return False
    if kind in (stat.S_IFDIR, stat.S_IFSOCK):
        return False
    return kind != stat.S_IFREG or _descriptor(target) is not None


def _descriptor(target: Path) -> str | None:
    """The open descriptor ``target`` names, or a link on the way to what it names (``/dev/stdout``); else None.

    As the path of that descriptor, in its folder as the kernel names it (``/proc/1234/fd/1``).
    """
    path = os.path.abspath(target)
    for _ in range(_MOST_LINKS):
        folder = os.path.realpath(os.path.dirname(path))
        if _DESCRIPTORS.fullmatch(folder):
            return os.path.join(folder, os.path.basename(path))
        try:
            path = os.path.join(os.path.dirname(path), os.readlink(path))
        except OSError:  # no link: the end of the way
            return None
    return None


def _own_descriptor(target: Path) -> int | None:
    """The number of the descriptor of this process that ``target`` names (1 for ``/dev/stdout``), or None."""
    found = _descriptor(target)
    if found is None:
        return None
    folder, name = os.path.split(found)
    return int(name) if name.isdigit() and folder == os.path.realpath("/proc/self/fd") else None


def _cannot(target: Path, reason: str) -> InputError:
    return InputError(f"{target}: cannot write: {reason}")


def _write_into(target: Path, data: bytes) -> None:
    """Write into a device, a named pipe or a descriptor, as it is: a rename would put a new file in its place.

    A descriptor of this process (``/dev/stdout``) is written through itself, at its
    offset, after what Python holds for it: a regular file behind it gets the bytes
    where the process's own output goes. Anything else is opened anew, at its end.
    """
    number = _own_descriptor(target)
    try:
        if number is not None:
            for standard in (sys.stdout, sys.stderr):
                with contextlib.suppress(AttributeError, OSError, ValueError):  # replaced, or closed
                    if standard.fileno() == number:
                        standard.flush()
            handle = os.dup(number)
        else:
            flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
            handle = os.open(target, flags)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise _cannot(target, error.strerror or str(error)) from None


def _read_only(real: Path, mode: int) -> bool:
    """Whether a regular file of permission bits ``mode`` is kept as read-only: no write bit, or not writable here."""
    return not mode & _WRITABLE or not os.access(real, os.W_OK)


def read_only(target: Path) -> bool:
    """Whether :func:`write_atomic` refuses ``target``, an existing regular file, as read-only; False for anything else.

    Lets a writer of two files refuse before writing the first when the second would be refused.
    """
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        found = os.stat(real).st_mode
    except OSError:
        return False
    return stat.S_ISREG(found) and _read_only(real, stat.S_IMODE(found))


def _replace(target: Path, data: bytes, *, new: bool = False) -> None:
    """Write a temporary file beside the regular file (or the place of a new one) and rename it over it.

    With ``new``, link it to the target's name instead (see the module), then remove it.
    """
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    folder = real.parent if str(real.parent) else Path(".")
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _cannot(target, error.strerror or str(error)) from None
    if mode is not None and _read_only(real, mode):
        # A rename needs only the folder's leave: a file made read-only on purpose is kept, as open() would keep it.
        raise _cannot(target, "it is read-only (make it writable, chmod u+w, to replace it)")
    _remove_stale(folder, real.name)
    temporary = folder / f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), _NEW_FILE_MODE)
    except FileNotFoundError:
        raise _cannot(target, f"no folder {folder}") from None
    except OSError as error:
        # The target itself may be writable: the folder must take the new file that replaces it.
        reason = error.strerror or str(error)
        raise _cannot(target, f"the folder {folder} takes no new file ({reason})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            if mode is not None:
                os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if new:
            _link(temporary, real)
        else:
            os.replace(temporary, real)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, FileExistsError) and new:
            raise FileExistsError(errno.EEXIST, "the file exists", os.fspath(target)) from None
        if isinstance(error, OSError):
            raise _cannot(target, error.strerror or str(error)) from None
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _link(temporary: Path, real: Path) -> None:
    """Give the temporary file the target's name, failing if a file has it: :class:`FileExistsError`."""
    try:
        os.link(temporary, real)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        if os.path.lexists(real):  # no links here: look, then rename
            raise FileExistsError(errno.EEXIST, "the file exists", os.fspath(real)) from None
        os.replace(temporary, real)
        return
    with contextlib.suppress(OSError):  # the target is written; a temporary file left is removed by the next write
        os.unlink(temporary)
