"""``factlog show``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from factlog.cli._common import EXIT_OK, add_paths
from factlog.io import load
from factlog.render import entity_timeline, render_timeline_json, render_timeline_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``show`` to the subcommands."""
    parser = commands.add_parser(
        "show",
        help="a timeline of what was said about an entity",
        description="Claims about one entity in date order: date, holder, relays, stance, statement and quote.",
    )
    add_paths(parser)
    parser.add_argument("--entity", required=True, metavar="ID", help="entity id or alias")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(run=_show)


def _show(arguments: argparse.Namespace) -> int:
    claims = load(arguments.paths)
    rows = entity_timeline(claims, arguments.entity)
    sys.stdout.write(render_timeline_json(rows) if arguments.format == "json" else render_timeline_text(rows))
    return EXIT_OK
