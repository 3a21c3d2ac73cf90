"""Reading a file safely: a regular file only, never waited on, refused from its size before it is read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factlog.errors import FormatError, InputError
from factlog.io._parsing import Limits, size_error

__all__ = ["read_regular"]

# Opening a named pipe for reading blocks until a writer comes, unless non-blocking.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def read_regular(path: Path, limits: Limits, *, name: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limits.max_bytes`` bytes.

    The file is opened without blocking and judged by ``fstat`` before a byte is read:
    a named pipe, a device or a socket is an :class:`~factlog.InputError` (``not a
    regular file``), a file over the limit a :class:`~factlog.FormatError` naming its
    size. ``name`` goes in front of messages (default: the path).
    """
    label = str(path) if name is None else name
    try:
        descriptor = os.open(path, _FLAGS)
    except OSError as error:
        raise InputError(f"{label}: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{label}: not a regular file")
        if info.st_size > limits.max_bytes:
            raise FormatError([size_error(info.st_size, label, limits)])
        chunks = []
        remaining = limits.max_bytes + 1  # a file that grows while it is read is still refused
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 24))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except InputError:
        raise
    except OSError as error:  # pragma: no cover - a read error on a file that opened
        raise InputError(f"{label}: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limits.max_bytes:
        raise FormatError([size_error(len(data), label, limits)])
    return data
