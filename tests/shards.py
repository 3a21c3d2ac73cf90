"""What the tests of ``undeclared_copying`` over parts share: its limit of gathered votes set, and steps recorded."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from factlog.checks import _copyshards


@contextlib.contextmanager
def copying_gathered(limit: int) -> Iterator[None]:
    """``undeclared_copying`` over parts learns on the driver up to ``limit`` votes while the block runs (0: never).

    Sets :data:`factlog.checks._copyshards.MAX_GATHERED_VOTES`, and puts it back after:
    for hypothesis tests, where pytest's ``monkeypatch`` would last the whole test.
    """
    kept = _copyshards.MAX_GATHERED_VOTES
    _copyshards.MAX_GATHERED_VOTES = limit
    try:
        yield
    finally:
        _copyshards.MAX_GATHERED_VOTES = kept


class StepsRun:
    """A runner mixin that records the name of each step it runs on its shards (a partial's: the step it wraps)."""

    ran: list[str]

    def _log(self, step: Callable[..., Any]) -> None:
        inner = step.args[0] if isinstance(step, functools.partial) else step
        self.__dict__.setdefault("ran", []).append(inner.__name__)

    def each(self, step: Callable[..., Any], *shared: Any, own: Sequence[Any] | None = None) -> list[Any]:
        self._log(step)
        return super().each(step, *shared, own=own)  # type: ignore[misc, no-any-return]

    def arriving(self, step: Callable[..., Any], *shared: Any, own: Sequence[Any] | None = None) -> Iterator[Any]:
        self._log(step)
        return super().arriving(step, *shared, own=own)  # type: ignore[misc, no-any-return]
