"""``factlog show``: what was said about an entity, or what a holder said; or the events' dates."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from factlog._escape import escape_terminal
from factlog.analysis import Index
from factlog.cli._common import EXIT_OK, add_paths, limits
from factlog.io import load
from factlog.model import ClaimSet
from factlog.render import (
    entity_timeline,
    holder_timeline,
    render_timeline_json,
    render_timeline_text,
    resolve_entity,
)
from factlog.report import events, render_events_text

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``show`` to the subcommands."""
    parser = commands.add_parser(
        "show",
        help="a timeline of what was said about an entity, or by a holder",
        description=(
            "Claims about one entity (--entity) or held by one holder (--holder) in date order: date, holder,"
            " relays, stance, statement and quote; with --events, the dates given for the events involved."
        ),
        epilog="Exit 0 when printed, 2 for a usage error or a name no entity bears (the error names the nearest"
        " ones), 3 when the input cannot be read.",
    )
    add_paths(parser)
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--entity", metavar="NAME", help="entity id, alias or name as printed")
    who.add_argument("--holder", metavar="NAME", help="holder id, alias or name as printed: what did they say?")
    parser.add_argument(
        "--events",
        action="store_true",
        help="print the event timeline instead: each event involved, with every date given and by whom",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(run=_show)


def _show(arguments: argparse.Namespace) -> int:
    claims = load(arguments.paths, limits=limits(arguments))
    name = arguments.entity if arguments.entity is not None else arguments.holder
    if arguments.events:
        target = resolve_entity(claims, name)
        found = [event for event in events(Index.of(claims)) if target in event.entities]
        if arguments.format == "json":
            import json  # noqa: PLC0415

            import attrs  # noqa: PLC0415

            data = []
            for event in found:
                shown = attrs.asdict(event) | {"conflict": event.conflict, "conflict_kind": event.conflict_kind}
                for given, clash in zip(shown["dates"], event.clashes, strict=True):
                    given["clashes"] = clash
                data.append(shown)
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_events_text(found))
        return EXIT_OK
    rows = entity_timeline(claims, name) if arguments.entity is not None else holder_timeline(claims, name)
    sys.stdout.write(render_timeline_json(rows) if arguments.format == "json" else render_timeline_text(rows))
    if not rows and arguments.holder is not None:
        _name_speakers(claims, resolve_entity(claims, name))
    return EXIT_OK


def _name_speakers(claims: ClaimSet, holder: str) -> None:
    """A note on stderr naming who holds claims for a holder that holds none in its own name."""
    index = Index.of(claims)
    speakers = sorted(other for other in index.by_holder if other != holder and index.speaks_for(other) == holder)
    if speakers:
        sys.stdout.flush()  # the note after the timeline when both go to one terminal
        each = [f"{escape_terminal(index.name(other))} (--holder {other})" for other in speakers]
        named = each[0] if len(each) == 1 else ", ".join(each[:-1]) + f" and {each[-1]} speak"
        print(
            f"note: {escape_terminal(index.name(holder))} holds no claim in its own name;"
            f" {named}{' speaks' if len(each) == 1 else ''} for it (affiliation)",
            file=sys.stderr,
        )
