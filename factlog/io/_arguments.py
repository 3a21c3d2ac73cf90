"""The arguments of the reading functions, refused at the door with an :class:`~factlog.ArgumentError`.

A wrong argument would otherwise surface as a bare :class:`TypeError` or
:class:`AttributeError` from deep inside (``len(None)``, ``5.max_bytes``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import cast

from factlog.errors import ArgumentError, ArgumentTypeError, described, expect
from factlog.io._parsing import Limits

__all__ = [
    "EMPTY_PATH",
    "expect_named",
    "expect_path",
    "expect_paths",
    "expect_progress",
    "expect_sizes",
    "expect_text",
    "silent",
]

PathLike = str | os.PathLike[str]


def _expect_options(caller: str, name: str | None, limits: object) -> None:
    expect(limits, Limits, f"{caller}: limits", "a factlog.Limits")
    if name is not None:
        expect(name, str, f"{caller}: name", "a str or None")


def expect_text(text: object, caller: str, *, name: str | None, limits: object) -> str | bytes:
    """The document ``text`` if it is text or bytes, ``name`` and ``limits`` checked too."""
    _expect_options(caller, name, limits)
    if not isinstance(text, str | bytes):
        given = described(text)
        expected = "a str or UTF-8 bytes (a path goes to factlog.load)"
        raise ArgumentTypeError(f"{caller}: text: expected {expected}, got {given}")
    return text


EMPTY_PATH = "expected a path, got an empty one (the working folder is '.')"
"""The message of an empty path: ``Path("")`` is the working folder, so a path left out would read it unasked."""


def expect_path(path: object, caller: str, *, limits: object) -> PathLike:
    """``path`` if it is one path (a str or :class:`os.PathLike`), not empty; ``limits`` checked too."""
    _expect_options(caller, None, limits)
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(f"{caller}: path: expected a path (str or os.PathLike), got {described(path)}")
    expect_named(path, f"{caller}: path")
    return path


def expect_named(path: str | os.PathLike[str], where: str) -> None:
    """An :class:`ArgumentError` for an empty path (``""``), which Python would take for the working folder."""
    if not os.fspath(path):
        raise ArgumentError(f"{where}: {EMPTY_PATH}")


def expect_sizes(caller: str, **sizes: object) -> None:
    """Each of ``sizes`` (a batch, a bin) a whole number of at least 1: an :class:`int`, not a :class:`bool`."""
    for name, size in sizes.items():
        if not isinstance(size, int) or isinstance(size, bool):
            raise ArgumentTypeError(f"{caller}: {name}: expected an int of at least 1, got {described(size)}")
        if size < 1:
            raise ArgumentError(f"{caller}: {name}: expected an int of at least 1, got {size}")


def expect_paths(paths: object, caller: str, *, limits: object) -> list[PathLike]:
    """``paths`` as a list: one path, or an iterable of at least one path (a str or :class:`os.PathLike` each).

    No path may be empty (``""``, which Python takes for the working folder: ``"."`` names
    it), nor the iterable: an :class:`~factlog.ArgumentError` naming ``paths`` or
    ``paths[N]``; ``limits`` checked too.
    """
    _expect_options(caller, None, limits)
    expected = "a path (str or os.PathLike) or an iterable of paths"
    if isinstance(paths, str | os.PathLike):
        expect_named(paths, f"{caller}: paths")
        return [paths]
    if not isinstance(paths, Iterable) or isinstance(paths, bytes | bytearray):
        raise ArgumentTypeError(f"{caller}: paths: expected {expected}, got {described(paths)}")
    found = list(paths)
    for number, path in enumerate(found):
        if not isinstance(path, str | os.PathLike):
            given = described(path)
            raise ArgumentTypeError(f"{caller}: paths[{number}]: expected a path (str or os.PathLike), got {given}")
        expect_named(path, f"{caller}: paths[{number}]")
    if not found:
        raise ArgumentError(f"{caller}: paths: expected at least one path, got none")
    return found


def silent(_stage: str) -> None:
    """A ``progress`` that does nothing: a caller's that gave none, a progress line not drawn; stages go nowhere."""


def expect_progress(progress: object, caller: str) -> Callable[[str], None]:
    """``progress`` (a callable taking a stage in words) or, for None, one that does nothing; else ArgumentError."""
    if progress is None:
        return silent
    if not callable(progress):
        raise ArgumentTypeError(
            f"{caller}: progress: expected a callable taking a str, or None, got {described(progress)}"
        )
    return cast("Callable[[str], None]", progress)
