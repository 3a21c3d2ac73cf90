"""The command line's standard streams: closed or non-UTF-8 output, lines of news, paths shown, interruptions.

Standard output closed (:class:`ClosedOutput`) or in another encoding
(:func:`output_in_utf8`); news lines (:func:`say`) and paths as a line shows them
(:func:`shown_path`); data written a piece at a time (:func:`write_data`); Ctrl-C and
SIGTERM (:class:`Terminated`) reported once (:func:`report_interrupt`) with their exit codes.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from factlog._escape import escape_terminal

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_TERMINATED",
    "ClosedOutput",
    "Terminated",
    "interrupts_reported",
    "output_in_utf8",
    "report_interrupt",
    "say",
    "shown_path",
    "terminated_as_interrupted",
    "write_data",
]


class ClosedOutput(io.TextIOBase):
    """Standard output of a process started with it closed (``>&-``), where Python leaves ``sys.stdout`` None.

    Writing to it is an :class:`OSError` (``EBADF``, "standard output is closed"), which
    the command reports as output that cannot be written; it is no terminal.
    """

    def write(self, text: str) -> int:
        """Refuse ``text``: there is nowhere to write it."""
        del text
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        """False: no terminal."""
        return False


def output_in_utf8() -> None:
    r"""Write standard output in UTF-8 wherever it goes, and never fail on a character a terminal cannot show.

    factlog's data (JSON, JSON Lines, exported logs, HTML) is UTF-8 by its format; a
    locale or ``PYTHONIOENCODING`` of Latin-1 or ASCII must not turn it into another
    encoding or end it half-way in an ``UnicodeEncodeError``. Output that is no terminal
    is therefore written in UTF-8; a terminal keeps its own encoding, and a character it
    cannot show is written as a ``\x``/``\u`` escape. Standard error, read by people,
    escapes the same way.
    """
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or codecs.lookup(stream.encoding).name == "utf-8":
            continue
        if stream is sys.stderr or stream.isatty():
            stream.reconfigure(errors="backslashreplace")
        else:
            stream.reconfigure(encoding="utf-8")


def say(line: str) -> None:
    """Print a line of news (what was written, and where) to stdout, unless stdout is closed: it is no data."""
    if not isinstance(sys.stdout, ClosedOutput):
        print(line)


def shown_path(path: str) -> str:
    r"""A path as a line of output names it: control characters (a line break) and undecodable bytes as escapes.

    ``a\nb.txt`` is shown ``a\x0ab.txt``; a byte of a file name that is no UTF-8 (held by
    Python as a lone surrogate) ``\udcfe``, so the line can be printed whatever the encoding.
    """
    return escape_terminal(path).encode("utf-8", "backslashreplace").decode("utf-8")


EXIT_INTERRUPTED = 130
"""128 + SIGINT, as a shell reports a command Ctrl-C ended."""

EXIT_TERMINATED = 143
"""128 + SIGTERM, as a shell reports a command ``kill`` (or a batch job's time limit) ended."""


class Terminated(KeyboardInterrupt):
    """SIGTERM taken as an interruption: every ``finally`` and ``except KeyboardInterrupt`` runs as for a Ctrl-C.

    So a command ended by ``kill`` removes its temporary files and kills the worker
    processes of a local Dask cluster it started, and the process exits
    :data:`EXIT_TERMINATED` after one line ``terminated``.
    """


@contextlib.contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """Within the block SIGTERM raises :class:`Terminated` in the main thread (elsewhere, or ignored: left alone)."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) == signal.SIG_IGN:
        yield
        return

    def stop(_number: int, _frame: FrameType | None) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


interrupts_reported: list[bool] = []
"""Whether this run printed "interrupted" (cleared by ``main``)."""


def report_interrupt(stop: BaseException | None = None) -> int:
    """Print "interrupted" (``terminated`` for :class:`Terminated`) to stderr once, then send stderr nowhere.

    What threads and workers print while shutting down goes nowhere. Returns
    :data:`EXIT_INTERRUPTED` (130), or :data:`EXIT_TERMINATED` (143) for SIGTERM.
    """
    terminated = isinstance(stop, Terminated)
    if not interrupts_reported:
        interrupts_reported.append(True)
        print("terminated" if terminated else "interrupted", file=sys.stderr)
        sys.stderr.flush()
        with contextlib.suppress(OSError, ValueError):  # stderr may be no file (captured)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stderr.fileno())
            os.close(devnull)
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


_CHUNK = 8192
"""Characters written to standard output at a time by :func:`write_data` (no more than its buffer holds)."""


def write_data(text: str) -> None:
    """Write data to standard output a piece at a time, so that a reader gone midway is told (exit 141).

    One write of a whole large text can end, when the reader goes after the first 64 KiB,
    with the rest dropped and no error (a short write taken for the whole); pieces no
    larger than the output's buffer each reach the pipe or raise :class:`BrokenPipeError`.
    """
    for start in range(0, len(text), _CHUNK):
        sys.stdout.write(text[start : start + _CHUNK])
