"""``factlog validate`` and ``factlog check``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from factlog.checks import DEFAULT_RULES, Report, Rule, Severity, check, check_lines
from factlog.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, add_paths, colour, report_interrupt
from factlog.cli._terminal import progress, rich_console
from factlog.io import load
from factlog.render import render_json, render_markdown, render_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``validate`` and ``check`` to the subcommands."""
    validate = commands.add_parser(
        "validate",
        help="check files for format errors and unknown ids",
        description="Check claim files for"
        " format errors and unknown ids; print every problem with its file and JSON path.",
    )
    add_paths(validate)
    validate.set_defaults(run=_validate)

    parser = commands.add_parser(
        "check",
        help="find contradictions, hollow corroboration and broken evidence",
        description="Run the consistency rules over claim files and report findings.",
        epilog="Exit 0 when no unacknowledged finding is at or above --fail-on, 1 otherwise.",
    )
    add_paths(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    parser.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this rule (repeatable); one of " + ", ".join(rule.__name__ for rule in DEFAULT_RULES),
    )
    parser.add_argument(
        "--colour",
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (default: when stdout is a terminal and NO_COLOR is unset, or FORCE_COLOR is set)",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="check on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786); the workers read"
        " the files at the same paths (needs the dask extra)",
    )
    where.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="check on a local Dask cluster of N worker processes (needs the dask extra)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help="with --dask or --workers: split the claims into N partitions (default: twice the workers;"
        " at most the number of claims)",
    )
    parser.add_argument(
        "--dask-timeout",
        type=float,
        metavar="SECONDS",
        help="with --dask: how long to wait for the scheduler to answer and to have a worker"
        " (default: FACTLOG_DASK_TIMEOUT, else 30)",
    )
    where.add_argument(
        "--stream",
        action="store_true",
        help="check one large JSON Lines file in compact form, with bounded memory (JSON output only;"
        " needs numpy, the scale extra); the same findings as without it",
    )
    parser.set_defaults(run=_check)


def _validate(arguments: argparse.Namespace) -> int:
    claims = load(arguments.paths)
    counts = [
        (len(claims.entities), "entity", "entities"),
        (len(claims.predicates), "predicate", "predicates"),
        (len(claims.sources), "source", "sources"),
        (len(claims.claims), "claim", "claims"),
    ]
    print("ok: " + ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts))
    return EXIT_OK


def _check(arguments: argparse.Namespace) -> int:
    rules: tuple[Rule, ...] = DEFAULT_RULES
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
    if arguments.stream:
        return _check_stream(arguments, rules)
    if arguments.dask is None and arguments.workers is None and arguments.partitions is not None:
        raise UsageError("factlog check: error: --partitions needs --dask or --workers")
    if arguments.dask is None and arguments.dask_timeout is not None:
        raise UsageError("factlog check: error: --dask-timeout needs --dask")
    if arguments.dask is not None or arguments.workers is not None:
        report = _distributed(arguments, rules)
    else:
        with progress("loading claims"):
            claims = load(arguments.paths)
        with progress(f"checking {len(claims.claims)} claims"):
            report = check(claims, rules, stale=not arguments.rule)
    console = rich_console(arguments.colour) if arguments.format == "text" else None
    if console is not None:
        from factlog.report._terminal import print_report  # noqa: PLC0415 - rich loads only here

        print_report(report, console)
    elif arguments.format == "json":
        sys.stdout.write(render_json(report))
    elif arguments.format == "markdown":
        sys.stdout.write(render_markdown(report))
    else:
        sys.stdout.write(render_text(report, colour=colour(arguments.colour)))
    threshold = None if arguments.fail_on == "never" else Severity(arguments.fail_on)
    return EXIT_FINDINGS if report.failed(threshold) else EXIT_OK


def _distributed(arguments: argparse.Namespace, rules: tuple[Rule, ...]) -> Report:
    if arguments.dask is not None:
        from factlog.dask._connect import parse_address  # noqa: PLC0415 - an optional extra

        try:
            parse_address(arguments.dask)
        except ValueError as error:
            raise UsageError(f"factlog check: error: --dask: {error}") from None
    if arguments.workers is not None and arguments.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {arguments.workers}")
    if arguments.partitions is not None and arguments.partitions < 1:
        raise UsageError(f"--partitions must be at least 1, not {arguments.partitions}")
    if arguments.dask_timeout is not None and not arguments.dask_timeout > 0:
        raise UsageError(f"--dask-timeout must be more than 0 seconds, not {arguments.dask_timeout}")
    try:
        from factlog import dask as distributed  # noqa: PLC0415 - an optional extra, imported only when asked for
    except ImportError:  # pragma: no cover - the test environment has the extra
        raise UsageError("--dask and --workers need Dask: pip install -e '.[dask]' in a checkout of factlog") from None
    paths = [
        str(path) for path in arguments.paths
    ]  # made absolute by factlog.dask.check: the workers may start elsewhere
    stale = not arguments.rule
    if arguments.dask is not None:
        return distributed.check(
            paths,
            rules,
            stale=stale,
            client=arguments.dask,
            partitions=arguments.partitions,
            timeout=arguments.dask_timeout,
        )
    with distributed.local_client(arguments.workers) as client:
        try:
            return distributed.check(paths, rules, stale=stale, client=client, partitions=arguments.partitions)
        except KeyboardInterrupt:
            report_interrupt()  # before the cluster stops, which prints what it was doing
            raise


def _check_stream(arguments: argparse.Namespace, rules: tuple[Rule, ...]) -> int:
    """``check --stream FILE.jsonl --format json``: :func:`factlog.check_lines`."""
    paths = [str(path) for path in arguments.paths]
    if len(paths) != 1 or not paths[0].endswith(".jsonl") or arguments.format != "json":
        raise UsageError("--stream takes one .jsonl file and --format json")
    with progress("checking claims in compact form"):
        report = check_lines(paths[0], rules, stale=not arguments.rule)
    sys.stdout.write(render_json(report))
    threshold = None if arguments.fail_on == "never" else Severity(arguments.fail_on)
    return EXIT_FINDINGS if report.failed(threshold) else EXIT_OK
