"""Crash-safe writes: a temporary file beside the target, fsync, rename over it, fsync the folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factlog.errors import InputError

__all__ = ["write_atomic"]


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, fsync, rename over it, fsync the folder."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"{target}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(f"{target}: cannot write: {error.strerror or error}") from None
        raise
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
