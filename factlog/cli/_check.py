"""``factlog validate`` and ``factlog check``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any

from factlog._echo import counted
from factlog.checks import DEFAULT_RULES, Rule, Severity, check, check_lines
from factlog.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_paths,
    colour,
    limits,
    printed_warnings,
    stream_refused,
)
from factlog.cli._distributed import add_dask_options, on_cluster, refuse_stray_options
from factlog.cli._terminal import progress, rich_console
from factlog.io import load
from factlog.model._nearest import nearest_ids
from factlog.render import render_json, render_markdown, render_text, write_report_json

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``validate`` and ``check`` to the subcommands."""
    validate = commands.add_parser(
        "validate",
        help="check files for format errors and unknown ids",
        description="Check claim files for"
        " format errors and unknown ids; print every problem with its file and JSON path.",
        epilog="Exit 0 when every file is well formed and every id it uses is defined in the files given,"
        " 3 otherwise (each problem on a line of its own, then a hint on how to mend the usual ones),"
        " 2 for a usage error.",
    )
    add_paths(validate)
    validate.set_defaults(run=_validate)

    parser = commands.add_parser(
        "check",
        help="find contradictions, hollow corroboration and broken evidence",
        description="Run the consistency rules over claim files and report findings.",
        epilog="Exit 0 when no unacknowledged finding is at or above --fail-on, 1 otherwise, 2 for a usage error,"
        " 3 when the input cannot be read or the Dask cluster cannot be reached.",
    )
    add_paths(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)"
    )
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
    where = add_dask_options(parser, "check")
    where.add_argument(
        "--stream",
        action="store_true",
        help="check one large JSON Lines file in compact form, in under 1 KiB of memory a claim (JSON output only;"
        " needs numpy, the scale extra); the same findings as without it",
    )
    parser.set_defaults(run=_check)


def _validate(arguments: argparse.Namespace) -> int:
    claims = load(arguments.paths, limits=limits(arguments))
    counts = [
        (len(claims.entities), "entity", "entities"),
        (len(claims.predicates), "predicate", "predicates"),
        (len(claims.sources), "source", "sources"),
        (len(claims.claims), "claim", "claims"),
    ]
    print("ok: " + ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts))
    return EXIT_OK


def _unknown_rules(unknown: list[str], rules: Iterable[str]) -> str:
    """``unknown rule shared_wordings (did you mean shared_wording?)``: each unknown name with its nearest rule."""
    names = list(rules)
    words = []
    for name in unknown:
        near = nearest_ids(names, name, 1)
        words.append(f"{name} (did you mean {near[0]}?)" if near else name)
    return f"unknown rule{'s' * (len(unknown) > 1)} {', '.join(words)}"


def _check(arguments: argparse.Namespace) -> int:
    rules: tuple[Rule, ...] = DEFAULT_RULES
    if arguments.rule:
        by_name = {rule.__name__: rule for rule in DEFAULT_RULES}
        unknown = [name for name in arguments.rule if name not in by_name]
        if unknown:
            print(
                f"factlog check: error: {_unknown_rules(unknown, by_name)}; rules are: {', '.join(by_name)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        rules = tuple(by_name[name] for name in dict.fromkeys(arguments.rule))
    if arguments.stream:
        return _check_stream(arguments, rules)
    # The files' paths are made absolute by factlog.dask.check (the workers may start elsewhere);
    # the report names them as given here, as the plain check does.
    report = on_cluster(
        arguments,
        "check",
        lambda distributed, options: distributed.check(
            [str(path) for path in arguments.paths], rules, stale=not arguments.rule, **options
        ),
    )
    if report is None:
        with progress("loading claims"):
            claims = load(arguments.paths, limits=limits(arguments))
        with progress(f"checking {counted(len(claims.claims), 'claim')}"):
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


def _check_stream(arguments: argparse.Namespace, rules: tuple[Rule, ...]) -> int:
    """``check --stream FILE.jsonl --format json``: :func:`factlog.check_lines`."""
    paths = [str(path) for path in arguments.paths]
    if len(paths) != 1 or not paths[0].endswith(".jsonl") or arguments.format != "json":
        raise stream_refused("check", paths, arguments.format)
    refuse_stray_options(arguments, "check")
    with progress("checking claims in compact form") as stage, printed_warnings("check"):
        report = check_lines(paths[0], rules, stale=not arguments.rule, progress=stage, limits=limits(arguments))
    write_report_json(report, sys.stdout)  # a finding at a time: never the whole text
    threshold = None if arguments.fail_on == "never" else Severity(arguments.fail_on)
    return EXIT_FINDINGS if report.failed(threshold) else EXIT_OK
