"""The ``factlog`` command: parse arguments, call the library, print.

Exit codes: 0 clean; 1 findings at or above ``--fail-on``; 2 usage error;
3 unreadable or invalid input. Data goes to stdout, errors to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from factlog.codec import load
from factlog.errors import FactlogError, FormatError
from factlog.schema import json_schema

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="factlog",
        description="Who says what about the world, through whom, and how firmly.",
        epilog="Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 unreadable input.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help="check files for format errors and unknown ids",
        description="Check claim files for"
        " format errors and unknown ids; print every problem with its file and JSON path.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="claim files or folders")

    commands.add_parser(
        "schema",
        help="print the JSON Schema of the format",
        description="Print the JSON Schema (draft 2020-12) of the claim-set format.",
    )
    return parser


def _report_error(error: FactlogError) -> int:
    lines = error.errors if isinstance(error, FormatError) else [str(error)]
    for line in lines:
        print(f"error: {line}", file=sys.stderr)
    return EXIT_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "schema":
            print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return EXIT_OK
        claims = load(arguments.paths)
        print(
            f"ok: {len(claims.entities)} entities, {len(claims.predicates)} predicates,"
            f" {len(claims.sources)} sources, {len(claims.claims)} claims"
        )
        return EXIT_OK
    except FactlogError as error:
        return _report_error(error)
