"""``factlog report``: one self-contained HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factlog.assessment._methods import DEFAULT_METHOD, METHODS
from factlog.cli._common import EXIT_OK, add_paths, as_of
from factlog.cli._terminal import progress
from factlog.io import load
from factlog.io._atomic import write_atomic

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``report`` to the subcommands."""
    parser = commands.add_parser(
        "report",
        help="write one self-contained HTML page: disputes, assessments, timeline, relay graph",
        description="Check and assess the claims and write one HTML page that works offline.",
    )
    add_paths(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write ('-' for stdout)")
    parser.add_argument("--title", default="factlog report", help="the page title (default: factlog report)")
    parser.add_argument(
        "--as-of", metavar="DATE", help="assess only claims stated on or before this date (e.g. 2024-11-01)"
    )
    parser.add_argument(
        "--method", choices=METHODS, default=DEFAULT_METHOD, help="how votes become belief (default: accucopy)"
    )
    parser.set_defaults(run=_report)


def _report(arguments: argparse.Namespace) -> int:
    from factlog.report import html_report  # noqa: PLC0415 - Jinja2 and networkx load only here

    with progress("loading claims"):
        claims = load(arguments.paths)
    with progress(f"checking and assessing {len(claims.claims)} claims"):
        page = html_report(
            claims, title=arguments.title, paths=arguments.paths, as_of=as_of(arguments), method=arguments.method
        )
    if arguments.output == "-":
        sys.stdout.write(page)
    else:
        write_atomic(Path(arguments.output), page.encode("utf-8"))
    return EXIT_OK
