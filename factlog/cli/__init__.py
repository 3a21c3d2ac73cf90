"""The ``factlog`` command: parse arguments, call the library, print.

Exit codes: 0 clean; 1 findings at or above ``--fail-on``; 2 usage error;
3 unreadable or invalid input, an unreachable Dask scheduler, or output that cannot be written;
130 (128 + SIGINT) when interrupted (Ctrl-C), after one line "interrupted" on stderr;
141 (128 + SIGPIPE, as a shell reports it) when the reader of the output went away before it was all
written. Data goes to stdout, errors to stderr.

Each command lives in a module of its own with a ``register(commands)`` function
that adds its subparser and sets ``run``; :data:`_COMMANDS` lists them in the
order ``factlog --help`` shows them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from factlog._version import VERSION
from factlog.cli import _assess, _check, _draft, _log, _report, _show, _split, _streams
from factlog.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    UsageError,
    report_error,
)
from factlog.cli._streams import ClosedOutput, output_in_utf8, report_interrupt, terminated_as_interrupted
from factlog.errors import EXIT_INPUT, FactlogError
from factlog.io import json_schema

__all__ = ["main"]

EXIT_BROKEN_PIPE = 141


def _register_schema(commands: Any) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the format",
        description="Print the JSON Schema (draft 2020-12) of the claim-set format.",
    )
    parser.set_defaults(run=_schema)


def _schema(arguments: argparse.Namespace) -> int:
    del arguments
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


_COMMANDS = (
    _check.register,
    _assess.register,
    _report.register,
    _show.register,
    _split.register,
    _draft.register,
    _log.register,
    _register_schema,
)


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="factlog",
        description="Who says what about the world, through whom, and how firmly.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"factlog {VERSION}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=Parser)
    for register in _COMMANDS:
        register(commands)
    return parser


def _parsed(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """``parser.parse_args(argv)``; but paths left over go to the positional a command names in ``strays``.

    A positional taking several paths takes only those before the first option: ``factlog
    draft a.txt --registry e.json v.json`` leaves ``v.json`` over, which the command then
    names in its own usage error (``--registry takes one path; repeat it``).
    """
    arguments, extras = parser.parse_known_args(argv)
    strays = getattr(arguments, "strays", None)
    if extras and strays is not None and not any(extra.startswith("-") and extra != "-" for extra in extras):
        getattr(arguments, strays).extend(extras)
    elif extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit code."""
    _streams.interrupts_reported.clear()  # one "interrupted" line per run
    if sys.stdout is None:  # started with stdout closed (`>&-`): writing data is one line and exit 3
        sys.stdout = ClosedOutput()
    output_in_utf8()
    try:
        with terminated_as_interrupted():  # `kill` (SIGTERM) cleans up as a Ctrl-C does, exit 143
            arguments = _parsed(_parser(), argv)
            try:
                code: int = arguments.run(arguments)
            except FactlogError as error:
                return report_error(error)
            except UsageError as error:
                print(error, file=sys.stderr)
                return EXIT_USAGE
            sys.stdout.flush()
    except KeyboardInterrupt as stop:
        return report_interrupt(stop)  # one line; what threads and workers print while stopping goes nowhere
    except BrokenPipeError:
        # The reader went away (`factlog schema | head -1`): stop quietly, as the Python docs advise,
        # pointing stdout at devnull so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    except OSError as error:
        if error.filename is not None:  # a file the command named, not standard output
            raise
        # Standard output cannot be written (a full disk: `factlog schema > /dev/full`, or closed): one line, exit 3.
        with contextlib.suppress(OSError, ValueError):  # a closed stdout has no descriptor to point anywhere
            number = sys.stdout.fileno()
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, number)
            os.close(devnull)
        print(f"error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return EXIT_INPUT
    return code
