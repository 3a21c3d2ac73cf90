"""``factlog log append|show``: the append-only claim log."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from factlog.cli._common import EXIT_OK, Parser, UsageError
from factlog.errors import FactlogError
from factlog.io import ClaimLog, Record, dumps, load

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``log`` and its actions to the subcommands."""
    log = commands.add_parser(
        "log",
        help="append to or replay an append-only claim log",
        description="An append-only JSON Lines log of claim-set records: nothing is edited, nothing is lost.",
    )
    actions = log.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)
    append = actions.add_parser("append", help="append every record of a claim file to the log")
    append.add_argument("log", metavar="LOG", help="the log file (created if missing)")
    append.add_argument("file", metavar="FILE", help="a claim file whose records to append")
    append.set_defaults(run=_append)
    replay = actions.add_parser("show", help="print the claim set the log holds, as canonical JSON")
    replay.add_argument("log", metavar="LOG", help="the log file")
    replay.add_argument("--as-of", metavar="TIME", help="replay only records appended by this UTC time or date")
    replay.set_defaults(run=_replay)


def _append(arguments: argparse.Namespace) -> int:
    log = ClaimLog(arguments.log)
    claims = load(arguments.file, references=False)
    records: list[Record] = [
        *claims.entities,
        *claims.predicates,
        *claims.sources,
        *claims.claims,
        *claims.acknowledged,
    ]
    count = log.append(records)
    print(f"appended {count} records to {arguments.log}")
    return EXIT_OK


def _replay(arguments: argparse.Namespace) -> int:
    log = ClaimLog(arguments.log)
    try:
        replay = log.replay(as_of=arguments.as_of)
    except ValueError as error:
        if isinstance(error, FactlogError):
            raise
        raise UsageError(f"factlog log show: error: --as-of: {error}") from None
    if replay.torn:
        print(f"warning: {arguments.log}: ignored a torn final line ({replay.torn} bytes)", file=sys.stderr)
    sys.stdout.write(dumps(replay.claims))
    return EXIT_OK
