"""The ``factlog`` command: parse arguments, call the library, print.

Exit codes: 0 clean; 1 findings at or above ``--fail-on``; 2 usage error;
3 unreadable or invalid input. Data goes to stdout, errors to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from factlog.assessment import assess
from factlog.assessment_report import render_assessment_json, render_assessment_markdown, render_assessment_text
from factlog.checks import DEFAULT_RULES
from factlog.checks.findings import Severity
from factlog.claimset import ClaimSet
from factlog.codec import dumps, load
from factlog.engine import check
from factlog.errors import FactlogError, FormatError
from factlog.exports import to_claimreview, to_prov
from factlog.log import ClaimLog, Record
from factlog.report import render_json, render_markdown, render_text
from factlog.schema import json_schema
from factlog.show import entity_timeline, render_timeline_json, render_timeline_text
from factlog.timeline import PartialDate
from factlog.voting import METHODS

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

    check = commands.add_parser(
        "check",
        help="find contradictions, hollow corroboration and broken evidence",
        description="Run the consistency rules over claim files and report findings.",
        epilog="Exit 0 when no unacknowledged finding is at or above --fail-on, 1 otherwise.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="claim files or folders")
    check.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this rule (repeatable); one of " + ", ".join(rule.__name__ for rule in DEFAULT_RULES),
    )
    check.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (default: when stdout is a terminal and NO_COLOR is unset)",
    )

    assess = commands.add_parser(
        "assess",
        help="weigh each proposition by its independent origins",
        description="For each proposition: status, Admiralty credibility, belief, origins for and against.",
    )
    assess.add_argument("paths", nargs="+", metavar="PATH", help="claim files or folders")
    assess.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
    assess.add_argument(
        "--as-of", metavar="DATE", help="use only claims stated on or before this date (e.g. 2024-11-01)"
    )
    assess.add_argument(
        "--method", choices=METHODS, default="accuvote", help="how votes become belief (default: accuvote)"
    )

    show = commands.add_parser(
        "show",
        help="a timeline of what was said about an entity",
        description="Claims about one entity in date order: date, holder, relays, stance, statement and quote.",
    )
    show.add_argument("paths", nargs="+", metavar="PATH", help="claim files or folders")
    show.add_argument("--entity", required=True, metavar="ID", help="entity id or alias")
    show.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    export = commands.add_parser(
        "export",
        help="write W3C PROV-JSON or schema.org ClaimReview JSON-LD",
        description="Export claims as W3C PROV-JSON, or assessed propositions as schema.org ClaimReview.",
    )
    export.add_argument("paths", nargs="+", metavar="PATH", help="claim files or folders")
    export.add_argument("--to", choices=("prov", "claimreview"), required=True, help="the format to write")
    export.add_argument(
        "--author", default="factlog", metavar="NAME", help="ClaimReview: the reviewing organisation (default: factlog)"
    )
    export.add_argument(
        "--url",
        default="urn:factlog:review:",
        metavar="BASE",
        help="ClaimReview: the base of each review's URL; the proposition key is appended",
    )
    export.add_argument("--as-of", metavar="DATE", help="ClaimReview: assess with claims stated by this date")
    export.add_argument("--method", choices=METHODS, default="accuvote", help="ClaimReview: assessment method")

    log = commands.add_parser(
        "log",
        help="append to or replay an append-only claim log",
        description="An append-only JSON Lines log of claim-set records: nothing is edited, nothing is lost.",
    )
    actions = log.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=_Parser)
    append = actions.add_parser("append", help="append every record of a claim file to the log")
    append.add_argument("log", metavar="LOG", help="the log file (created if missing)")
    append.add_argument("file", metavar="FILE", help="a claim file whose records to append")
    replay = actions.add_parser("show", help="print the claim set the log holds, as canonical JSON")
    replay.add_argument("log", metavar="LOG", help="the log file")
    replay.add_argument("--as-of", metavar="TIME", help="replay only records appended by this UTC time or date")

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


def _check(claims: ClaimSet, arguments: argparse.Namespace) -> int:
    rules = DEFAULT_RULES
    if arguments.rule:
        by_name = {rule.__name__: rule for rule in DEFAULT_RULES}
        unknown = [name for name in arguments.rule if name not in by_name]
        if unknown:
            print(
                f"factlog check: error: unknown rule {', '.join(unknown)}; rules are: {', '.join(by_name)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        rules = tuple(by_name[name] for name in dict.fromkeys(arguments.rule))
    report = check(claims, rules, stale=not arguments.rule)
    if arguments.format == "json":
        sys.stdout.write(render_json(report))
    elif arguments.format == "markdown":
        sys.stdout.write(render_markdown(report))
    else:
        sys.stdout.write(render_text(report, colour=_colour(arguments.colour)))
    threshold = None if arguments.fail_on == "never" else Severity(arguments.fail_on)
    return EXIT_FINDINGS if report.failed(threshold) else EXIT_OK


def _as_of(arguments: argparse.Namespace) -> PartialDate | None:
    if arguments.as_of is None:
        return None
    try:
        return PartialDate.parse(arguments.as_of)
    except ValueError as error:
        raise _UsageError(f"factlog {arguments.command}: error: --as-of: {error}") from None


class _UsageError(Exception):
    """A usage problem found after parsing; the message goes to stderr and the exit code is 2."""


def _log(arguments: argparse.Namespace) -> int:
    log = ClaimLog(arguments.log)
    if arguments.action == "append":
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
    try:
        replay = log.replay(as_of=arguments.as_of)
    except ValueError as error:
        if isinstance(error, FactlogError):
            raise
        raise _UsageError(f"factlog log show: error: --as-of: {error}") from None
    if replay.torn:
        print(f"warning: {arguments.log}: ignored a torn final line ({replay.torn} bytes)", file=sys.stderr)
    sys.stdout.write(dumps(replay.claims))
    return EXIT_OK


def _export(claims: ClaimSet, arguments: argparse.Namespace) -> int:
    if arguments.to == "prov":
        document = to_prov(claims)
    else:
        result = assess(claims, as_of=_as_of(arguments), method=arguments.method)
        document = to_claimreview(result, claims, author=arguments.author, url=arguments.url)
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _assess(claims: ClaimSet, arguments: argparse.Namespace) -> int:
    result = assess(claims, as_of=_as_of(arguments), method=arguments.method)
    render = {"json": render_assessment_json, "markdown": render_assessment_markdown}.get(
        arguments.format, render_assessment_text
    )
    sys.stdout.write(render(result))
    return EXIT_OK


def _show(claims: ClaimSet, arguments: argparse.Namespace) -> int:
    try:
        rows = entity_timeline(claims, arguments.entity)
    except LookupError as error:
        print(f"factlog show: error: {error.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(render_timeline_json(rows) if arguments.format == "json" else render_timeline_text(rows))
    return EXIT_OK


def _colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = _parser().parse_args(argv)
    try:
        if arguments.command == "schema":
            print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
            return EXIT_OK
        if arguments.command == "log":
            return _log(arguments)
        claims = load(arguments.paths)
        if arguments.command == "check":
            return _check(claims, arguments)
        if arguments.command == "assess":
            return _assess(claims, arguments)
        if arguments.command == "show":
            return _show(claims, arguments)
        if arguments.command == "export":
            return _export(claims, arguments)
        print(
            f"ok: {len(claims.entities)} entities, {len(claims.predicates)} predicates,"
            f" {len(claims.sources)} sources, {len(claims.claims)} claims"
        )
        return EXIT_OK
    except FactlogError as error:
        return _report_error(error)
    except _UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
