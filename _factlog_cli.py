"""The ``factlog`` command's entry point: a Ctrl-C at any moment, start-up included, is one line and exit 130.

A module of its own, outside the ``factlog`` package on purpose: importing anything in
the package first imports the package (a second or more, the whole library), and a
Ctrl-C meanwhile would end in a traceback of whatever module was being imported. Here
the import is inside the ``try``; ``import factlog`` itself is no heavier.
"""

from __future__ import annotations

import signal
import sys

__all__ = ["main"]

_EXIT_INTERRUPTED = 130
"""128 + SIGINT (``factlog.cli._streams.EXIT_INTERRUPTED``, which this module cannot import before the package)."""


def main() -> int:
    """Import the command line and run it (:func:`factlog.cli.main`); its exit code, 130 when interrupted.

    Once the command has returned, a Ctrl-C has nothing left to stop: it is ignored while
    the interpreter exits, so that no traceback of its exit handlers follows the output.
    So is SIGTERM: the command's work is done (an append committed, its line printed), and
    its exit code says so, not 143.
    """
    try:
        from factlog.cli import main as run  # noqa: PLC0415 - the import a Ctrl-C may interrupt

        code = run()
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C would interrupt the report
        return _interrupted()
    return code


def _interrupted() -> int:
    """Say "interrupted" once (the command's own report when it is imported, which also quiets stderr); 130."""
    common = sys.modules.get("factlog.cli._streams")
    report = getattr(common, "report_interrupt", None)
    if report is not None:
        code: int = report()
        return code
    print("interrupted", file=sys.stderr)
    return _EXIT_INTERRUPTED
