"""Faults at a chosen call of the file system: a signal or an error at the n-th rename, unlink, ... of this thread.

Implemented with :func:`sys.setprofile`, which sees each call of a built-in function:
the file system is the real one, only the moment is chosen. ``act`` runs before the
call (``before=True``: an exception it raises stands for the call failing, which then
does not happen) or right after it returns (a signal sent then takes effect at once).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Collection, Iterator
from types import FrameType
from typing import Any

CHANGES = ("mkdir", "rename", "replace", "unlink", "rmdir")
"""The functions of :mod:`os` that change the disk, as a split calls them."""


@contextlib.contextmanager
def at_call(
    numbers: Collection[int], act: Callable[[], None], *, names: Collection[str] = CHANGES, before: bool = False
) -> Iterator[list[str]]:
    """Run ``act`` at each call whose number (1, 2, ... among calls of ``names``, failed ones too) is in ``numbers``.

    Yields the list of the names of the calls counted, filled as they are made.
    """
    functions = {getattr(os, name): name for name in names}
    made: list[str] = []
    due: list[bool] = []  # the call under way is the one to act after

    def profile(_frame: FrameType, kind: str, arg: Any) -> None:
        if not kind.startswith("c_") or arg not in functions:
            return
        if kind == "c_call":
            made.append(functions[arg])
            if len(made) in numbers:
                if before:
                    act()
                else:
                    due.append(True)
        elif due:  # c_return, or c_exception: the call failed
            due.clear()
            act()

    sys.setprofile(profile)
    try:
        yield made
    finally:
        sys.setprofile(None)
