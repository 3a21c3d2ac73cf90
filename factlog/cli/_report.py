"""``factlog report``: one self-contained HTML page."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from factlog._echo import counted
from factlog._extras import optional_import
from factlog.cli._common import (
    EXIT_OK,
    UsageError,
    add_assessment_options,
    add_paths,
    as_of,
    limits,
    output_path,
    printed_warnings,
)
from factlog.cli._terminal import progress
from factlog.io import load
from factlog.io._atomic import write_atomic
from factlog.model import ClaimSet

__all__ = ["REPORT_MODULES", "register"]

REPORT_MODULES = ("jinja2", "networkx")
"""What the page needs of the ``report`` extra (rich, also in it, only draws progress when present)."""


def register(commands: Any) -> None:
    """Add ``report`` to the subcommands."""
    parser = commands.add_parser(
        "report",
        help="write one self-contained HTML page: disputes, assessments, timeline, relay graph",
        description="Check and assess the claims and write one HTML page that works offline.",
        epilog="Exit 0 when the page is written, 2 for a usage error (an -o that would overwrite an input"
        " among them), 3 when the input cannot be read or the page cannot be written.",
    )
    add_paths(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        type=output_path,
        help="the HTML file to write ('-' for stdout)",
    )
    parser.add_argument("--title", default="factlog report", help="the page title (default: factlog report)")
    add_assessment_options(parser)
    parser.set_defaults(run=_report)


def _report(arguments: argparse.Namespace) -> int:
    for module in REPORT_MODULES:  # before the claims are read: one line naming the extra, not a traceback at the end
        optional_import(module, extra="report", needed_by="factlog report")
    from factlog.report import html_report  # noqa: PLC0415 - Jinja2 and networkx load only here

    with progress("loading claims"):
        claims = load(arguments.paths, limits=limits(arguments))
    if arguments.output != "-":
        _refuse_overwriting_inputs(Path(arguments.output), arguments.paths, claims)
    with progress(f"checking and assessing {counted(len(claims.claims), 'claim')}"), printed_warnings("report"):
        page = html_report(
            claims,
            title=arguments.title,
            paths=arguments.paths,
            as_of=as_of(arguments),
            method=arguments.method,
            max_pairs=arguments.max_pairs,
            max_rounds=arguments.max_rounds,
            extrapolate=not arguments.plain_rounds,
        )
    if arguments.output == "-":
        sys.stdout.write(page)
    else:
        write_atomic(Path(arguments.output), page.encode("utf-8"))
    return EXIT_OK


def _refuse_overwriting_inputs(output: Path, paths: list[str], claims: ClaimSet) -> None:
    """A usage error when ``output`` is an input file, a file below an input folder, or a stored document.

    A page an earlier run wrote below an input folder (its ``generator`` is factlog) may be
    written again: it is never read as an input. A page there named as a claim file
    (``.json``, ``.jsonl``) would be, by the next run: refused, whether or not it exists.
    """
    target = output.resolve()
    for raw in paths:
        path = Path(raw).resolve()
        below = path.is_dir() and target.is_relative_to(path)
        read = below and target.suffix in _CLAIM_SUFFIXES
        if target == path or read or (below and target.is_file() and not _earlier_report(target)):
            what = "be read as an input below" if read and not target.exists() else "overwrite the input"
            raise UsageError(
                f"factlog report: error: -o {output}: the output would {what} {raw}"
                f" (write the page outside it, e.g. -o {_outside(output, path)})"
            )
    for source in claims.sources:
        document = claims.document_path(source.id)
        if document is not None and document.resolve() == target:
            raise UsageError(
                f"factlog report: error: -o {output}: the output would overwrite the document of source {source.id}"
            )


def _earlier_report(target: Path) -> bool:
    """Whether ``target`` is a page factlog wrote: its head names factlog as its generator."""
    try:
        with target.open("rb") as page:
            head = page.read(_HEAD_BYTES)
    except OSError:
        return False
    return head.startswith(b"<!doctype html>") and b'<meta name="generator" content="factlog ' in head


_CLAIM_SUFFIXES = (".json", ".jsonl")
"""The files a folder given as input is read for (:func:`factlog.load`)."""
_HEAD_BYTES = 1024
"""Enough of a page to read its ``generator``: the report's head puts it in the first 400 bytes."""


def _outside(output: Path, refused: Path) -> str:
    """Where the page could go instead, relative to here: beside the input, named as a page, never the input itself.

    ``refused``: the input file or folder (resolved) the page would overwrite or lie below.
    A name of a claim file (``claims.json``) becomes a page's (``claims.html``).
    """
    name = Path(output.name)
    if name.suffix in _CLAIM_SUFFIXES or not name.suffix:
        name = name.with_suffix(".html")
    place = refused.parent / name
    if place == refused:
        place = refused.parent / f"{name.stem}-report.html"
    return os.path.relpath(place)
