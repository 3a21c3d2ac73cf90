"""Bulk work without the cyclic garbage collector in the way.

Reading, checking and assessing create millions of small acyclic objects; the cyclic
collector would scan all the live ones again and again as they pile up, which makes
these steps grow faster than the data (measured: reading 200,000 claims in 11.5 s with
the collector running, 6.2 s without). :func:`paused_gc` turns it off for the call and
back on after, if it was on; reference counting still frees everything as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["forget_frames", "paused_gc"]

P = ParamSpec("P")
R = TypeVar("R")


def paused_gc(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function with the cyclic garbage collector paused."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()

    return wrapper


def forget_frames(error: BaseException) -> None:
    """Drop the tracebacks of ``error`` and of every error it holds (an exception group's, a cause, a context).

    An error that collects others (cattrs' validation errors) holds, through each one's
    traceback, the frame whose locals hold the list of them: a cycle that only the
    cyclic collector frees, and :func:`paused_gc` pauses it. Once its messages are
    taken, an error whose tracebacks are dropped is freed by reference counting: at
    100,000 refused claims the cycles held 520 MB (``benchmarks/RESULTS.md``).
    """
    pending = [error]
    while pending:
        found = pending.pop()
        found.__traceback__ = None
        pending.extend(getattr(found, "exceptions", ()))
        pending.extend(held for held in (found.__context__, found.__cause__) if held is not None)
