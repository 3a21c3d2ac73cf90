"""The terminal: a rich console for stdout when it is one, and progress on stderr for slow steps.

Neither appears in a pipe: piped output is the plain text it always was, and progress is
drawn only when stderr is a terminal. rich (the ``report``, ``scale`` and ``dask`` extras)
is imported only when it is used; without it the output is plain and there is no progress.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any

from factlog.io._arguments import silent

__all__ = ["PROGRESS_DELAY", "progress", "rich_console"]

PROGRESS_DELAY = 1.0
"""Seconds a step runs before its progress line appears (quick steps show nothing)."""


def rich_console(choice: str) -> Any | None:
    """A rich console for stdout when it is a terminal (and rich is installed), else None.

    ``choice`` is ``--colour``: ``never`` turns colour off, ``always`` on; ``auto`` leaves it
    to rich, which honours ``NO_COLOR`` and ``FORCE_COLOR`` and ``TERM=dumb``.
    """
    if not sys.stdout.isatty():
        return None
    try:
        from rich.console import Console  # noqa: PLC0415
    except ImportError:  # pragma: no cover - rich comes with the [report] and [test] extras
        return None
    if choice == "never":
        return Console(no_color=True, highlight=False, emoji=False)
    if choice == "always":
        return Console(force_terminal=True, highlight=False, emoji=False)
    return Console(highlight=False, emoji=False, no_color=bool(os.environ.get("NO_COLOR")) or None)


@contextlib.contextmanager
def progress(
    label: str, *, stream: IO[str] | None = None, delay: float = PROGRESS_DELAY
) -> Iterator[Callable[[str], None]]:
    """Show ``label`` with a spinner on stderr if the step takes longer than ``delay`` seconds.

    Gives a function that shows a stage after the label (``label: stage``), for the
    steps that say how far they are (:func:`factlog.check_lines`' ``progress``). Nothing
    is drawn when the stream is not a terminal (a pipe, a file, a test's capture).
    """
    target = sys.stderr if stream is None else stream
    if not target.isatty():
        yield silent
        return
    try:
        from rich.console import Console  # noqa: PLC0415
    except ImportError:  # pragma: no cover - rich comes with the [report] and [test] extras
        yield silent
        return
    status = Console(file=target, highlight=False).status(label)

    def stage(text: str) -> None:
        status.update(f"{label}: {text}")

    lock = threading.Lock()
    state = {"done": False}

    def start() -> None:
        with lock:
            if not state["done"]:
                status.start()

    timer = threading.Timer(delay, start)
    timer.daemon = True
    timer.start()
    try:
        yield stage
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            status.stop()
