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

__all__ = ["paused_gc"]

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
