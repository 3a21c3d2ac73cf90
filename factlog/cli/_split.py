"""``factlog split``: a claim set laid out as a small-tables file and JSON Lines claim files, for a cluster."""

from __future__ import annotations

import argparse
from typing import Any

from factlog.cli._common import EXIT_OK, add_limits, counted, limits, named_path
from factlog.io import split_lines

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add ``split`` to the subcommands."""
    parser = commands.add_parser(
        "split",
        help="lay out a claim set as tables.json and JSON Lines claim files, for a Dask cluster",
        description="Write the claim set PATH (a JSON document, a JSON Lines file, or a folder) into FOLDER as"
        " tables.json (entities, predicates, sources, acknowledgements), claims-00001.jsonl, ... of"
        " --claims-per-file claims each, and a copy of each source's document: `factlog check FOLDER`, with or"
        " without --dask, gives the findings of `factlog check PATH`. A JSON Lines file is read a line at a time.",
        epilog="Exit 0 when the folder is written, 2 for a usage error, 3 when the input is invalid (nothing is"
        " written) or FOLDER is not empty (give --force to replace an earlier split).",
    )
    parser.add_argument("path", metavar="PATH", type=named_path, help="claim file or folder")
    parser.add_argument("folder", metavar="FOLDER", type=_folder, help="where to write: a new or empty folder")
    parser.add_argument(
        "--claims-per-file",
        type=counted("claims"),
        default=100_000,
        metavar="N",
        help=(
            "claims in each claims-*.jsonl file (default: 100,000; thousands may be grouped with commas or underscores)"
        ),
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a folder that holds an earlier split and nothing else (its tables.json, claims-*.jsonl and"
        " the documents tables.json names): it then holds exactly the new split",
    )
    add_limits(parser)
    parser.set_defaults(run=_split)


def _folder(text: str) -> str:
    """An argparse ``type``: a folder's path, not empty (which Python would take for the working folder)."""
    if not text:
        raise argparse.ArgumentTypeError("expected a folder, got an empty path (the working folder is '.')")
    return text


def _split(arguments: argparse.Namespace) -> int:
    written = split_lines(  # SIGTERM ends it as Ctrl-C does (factlog.cli.main), exit 143
        arguments.path, arguments.folder, arguments.claims_per_file, force=arguments.force, limits=limits(arguments)
    )
    parts = len(written) - 1
    print(f"{arguments.folder}: tables.json and {parts} claim file{'' if parts == 1 else 's'}")
    return EXIT_OK
