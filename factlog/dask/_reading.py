"""Reading claim files on the workers, and reporting their problems as one process does.

A task that finds something wrong with the input returns it (:class:`_Failed`) rather
than raising it, so that Dask logs no failed task; the driver then reads the files
itself with :func:`factlog.load`, which raises the same error as a check in one process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from factlog.dask._passes import tables
from factlog.errors import FactlogError, InputError
from factlog.io._arguments import expect_paths
from factlog.io._documents import load, read_file
from factlog.io._files import claim_files
from factlog.io._parsing import DEFAULT_LIMITS
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._written import has_pending

__all__ = ["_Failed", "_expect_source", "_Written", "_as_plain", "_load_file", "_loaded", "_paths", "_tables"]


@attrs.frozen
class _Failed:
    """What a task found wrong with the input, returned rather than raised (Dask would log a failed task)."""

    error: FactlogError


def _as_plain(paths: list[str]) -> ClaimSet:
    """``factlog.load`` of the files here: raises its error, the same problems in the same order with file names.

    Called when a worker found a problem, so that the distributed path reports exactly
    what one process reports; returns the merged set when there is none after all (a
    claim repeated identically, which one process merges).
    """
    return load(paths)


@attrs.frozen
class _Written:
    """A file with a ``when`` in words: resolved against every file's sources and events, so read by the driver."""


def _loaded(paths: list[str], shapes: list[Any]) -> list[tuple[ClaimSet, int]] | ClaimSet:
    """The files' tables and claim counts; or the error :func:`factlog.load` raises for them.

    When a file has a ``when`` in words, the set :func:`factlog.load` reads from all the
    files (words resolve against the sources and events of every file, as there).
    """
    failed = [shape.error for shape in shapes if isinstance(shape, _Failed)]
    if failed:
        _as_plain(paths)
        raise failed[0]  # the files changed under us: the workers' own error
    if any(isinstance(shape, _Written) for shape in shapes):
        return _as_plain(paths)
    return list(shapes)


def _load_file(path: str) -> ClaimSet | _Failed | _Written:
    """A file's claims, the error reading it raised, or :class:`_Written` for a file with a ``when`` in words."""
    try:
        part = read_file(Path(path))
    except FactlogError as error:
        # Without the exception it was raised from: a worker pickles the chain with tblib once a
        # task has raised, and cattrs' validation errors cannot be rebuilt that way.
        error.__cause__ = error.__context__ = None
        return _Failed(error)
    if has_pending(part):
        return _Written()
    return merge_all([(str(Path(path)), part)])


def _tables(part: ClaimSet | _Failed | _Written) -> tuple[ClaimSet, int] | _Failed | _Written:
    return part if isinstance(part, (_Failed, _Written)) else tables(part)


def _expect_source(source: object, caller: str) -> ClaimSet | list[str | os.PathLike[str]]:
    """A claim set as it is, or the paths as a list (:func:`factlog.load` refuses what this refuses, alike).

    Raises :class:`~factlog.ArgumentError` for an empty path or no path at all, and
    :class:`~factlog.ArgumentTypeError` for something that is no path.
    """
    return source if isinstance(source, ClaimSet) else expect_paths(source, caller, limits=DEFAULT_LIMITS)


def _paths(source: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[str]]:
    """The paths as given, and the claim files as absolute paths (the workers may run in another folder)."""
    paths = [str(path) for path in ([source] if isinstance(source, (str, os.PathLike)) else source)]
    files = [os.path.abspath(file) for file in claim_files(paths)]
    if not files:
        raise InputError("no claim files (*.json, *.jsonl) found in " + ", ".join(paths))
    return paths, files
