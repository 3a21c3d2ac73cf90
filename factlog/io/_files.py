"""Reading a file safely: a regular file only, never waited on, refused from its size before it is read."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from factlog._echo import counted
from factlog.errors import FormatError, InputError
from factlog.io._parsing import Limits, size_error
from factlog.io._staging import is_staging

__all__ = ["LineTooLong", "capped_lines", "claim_files", "read_line", "read_lines", "read_regular"]

# Opening a named pipe for reading blocks until a writer comes, unless non-blocking.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _open_regular(path: Path, label: str) -> tuple[int, int]:
    """A descriptor of a regular file opened without blocking, and its size in bytes, judged by ``fstat``.

    Raises :class:`~factlog.InputError` naming ``label`` for a path that cannot be opened
    and for a named pipe, a device or a socket (``not a regular file``); the descriptor
    is then closed.
    """
    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        raise InputError(f"{label}: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
    except OSError as error:  # pragma: no cover - fstat of a descriptor just opened
        os.close(descriptor)
        raise InputError(f"{label}: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        raise InputError(f"{label}: not a regular file")
    return descriptor, info.st_size


def read_regular(path: Path, limits: Limits, *, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limits.max_bytes`` bytes.

    The file is opened without blocking and judged by ``fstat`` before a byte is read:
    a named pipe, a device or a socket is an :class:`~factlog.InputError` (``not a
    regular file``), a file over the limit a :class:`~factlog.FormatError` naming its
    size. ``name`` goes in front of messages (default: the path).
    """
    label = str(path) if name is None else name
    descriptor, size = _open_regular(path, label)
    try:
        if size > limits.max_bytes:
            raise FormatError([size_error(size, label, limits)])
        chunks = []
        remaining = limits.max_bytes + 1  # a file that grows while it is read is still refused
        # The whole file in one read, one byte over its size: a single buffer (chunks then
        # joined would touch every page twice: 163k page faults at 335 MB, 82k in one read).
        wanted = size + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, wanted))
            wanted = 1 << 24
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:  # pragma: no cover - a read error on a file that opened
        raise InputError(f"{label}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limits.max_bytes:
        raise FormatError([size_error(len(data), label, limits)])
    return data


class LineTooLong(FormatError):
    """A line longer than ``Limits.max_bytes``: a :class:`~factlog.FormatError` naming the file and the line.

    Its own class only so that a reader that falls back to reading a file whole on any
    other problem (``check_lines``) lets this one through; callers see a FormatError.
    """


_CHUNK = 1 << 20
"""How much of a line is read at a time while a long line is measured (1 MiB)."""
_NEWLINE = ord("\n")


def read_line(stream: IO[bytes], limits: Limits, name: str, number: int, *, chunk: int = _CHUNK) -> bytes:
    """The next line of ``stream`` (with its newline; ``b""`` at the end) of at most ``limits.max_bytes`` bytes.

    A line of more than ``limits.max_bytes`` bytes (its newline not counted) is refused
    with a :class:`~factlog.FormatError` naming ``name`` and line ``number`` (``NAME:NUMBER: ...``). A line is
    read ``chunk`` bytes at a time; one longer than that is measured first, keeping no
    more than a chunk (the stream must then be seekable, as a regular file is), and read
    again only if it is within the limit: refusing a line of any length costs a chunk of
    memory and at most ``max_bytes + chunk`` bytes read.
    """
    cap = min(limits.max_bytes, chunk)
    line = stream.readline(cap + 1)
    if line.endswith(b"\n") or len(line) <= cap:
        return line  # the whole line, or the end of the file
    if cap < limits.max_bytes:
        start = stream.tell() - len(line)
        size = len(line)
        while size <= limits.max_bytes:
            part = stream.readline(chunk)
            size += len(part)
            if not part or part.endswith(b"\n"):
                if size - part.endswith(b"\n") <= limits.max_bytes:
                    stream.seek(start)
                    return stream.readline(size)
                break
    raise LineTooLong(
        [f"{name}:{number}: longer than the limit ({counted(limits.max_bytes, 'byte')}, Limits.max_bytes)"]
    )


def capped_lines(stream: IO[bytes], limits: Limits, name: str, number: int) -> Iterator[bytes]:
    """The rest of ``stream``'s lines, the first being line ``number``, each as :func:`read_line` reads it."""
    cap = min(limits.max_bytes, _CHUNK) + 1
    readline = stream.readline
    while line := readline(cap):
        if len(line) == cap and line[-1] != _NEWLINE:  # a long line: measured before it is kept
            stream.seek(-cap, os.SEEK_CUR)
            line = read_line(stream, limits, name, number)
        yield line
        number += 1


def read_lines(path: Path, limits: Limits, *, name: str | None = None) -> Iterator[bytes]:
    """The lines of a regular file, each with its newline, each of at most ``limits.max_bytes`` bytes.

    No whole-file limit applies: the file is read a line at a time. As for
    :func:`read_regular`, a named pipe, a device or a socket is an
    :class:`~factlog.InputError` (judged by ``fstat`` after opening without blocking);
    a longer line is a :class:`~factlog.FormatError` naming the file and the line
    (:func:`read_line`). ``name`` goes in front of messages (default: the path).
    """
    label = str(path) if name is None else name
    descriptor, _ = _open_regular(path, label)
    try:
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        try:
            yield from capped_lines(stream, limits, label, 1)
        except LineTooLong as error:
            raise FormatError(error.errors) from None
        except OSError as error:  # pragma: no cover - a read error on a file that opened
            raise InputError(f"{label}: {error.strerror or error}") from None


def claim_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The claim files ``paths`` name, each once, in order: a folder's ``.json`` and ``.jsonl`` files, sorted.

    A folder's files are found at any depth, leaving out the staging folders of a split
    under way. Linked folders (symbolic links) are followed, each folder read once (a link
    back to a folder already read is not followed again). Raises :class:`~factlog.InputError`
    for a path that is missing or neither a file nor a folder, and for a ``.json`` or
    ``.jsonl`` link in a folder whose target is missing (a claim file that would be left
    out unread).
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(_folder_files(path)))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a file or folder")
        else:
            raise InputError(f"{path}: no such file or folder")
    return list(dict.fromkeys(found))


def _folder_files(folder: Path) -> list[Path]:
    """The ``.json`` and ``.jsonl`` files under a folder, linked folders followed once each (unsorted)."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for top, folders, files in os.walk(folder, followlinks=True):
        here = Path(top)
        status = here.stat()
        if (status.st_dev, status.st_ino) in seen:  # a link back to a folder read already: a loop, or a second name
            folders.clear()
            continue
        seen.add((status.st_dev, status.st_ino))
        folders[:] = sorted(name for name in folders if not is_staging(name))
        for name in files:
            file = here / name
            if file.suffix not in (".json", ".jsonl"):
                continue
            if file.is_file():
                found.append(file)
            elif file.is_symlink() and not file.exists():
                raise InputError(
                    f"{file}: a symbolic link to {os.readlink(file)!r}, which does not exist:"
                    " its claims cannot be read (mount or restore it, or remove the link)"
                )
    return found
