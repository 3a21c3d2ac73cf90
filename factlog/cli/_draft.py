"""``factlog draft``: a first claims file from an article's raw text."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from factlog.cli._common import EXIT_OK, UsageError, add_limits, limits
from factlog.drafting import draft, write_draft
from factlog.errors import InputError
from factlog.io import load
from factlog.io._files import read_regular
from factlog.io._parsing import DEFAULT_LIMITS

__all__ = ["register"]


_OPTIONS = ("source", "published", "publisher")
"""The arguments of :func:`factlog.draft` that ``factlog draft`` takes as options of the same names."""


def register(commands: Any) -> None:
    """Add ``draft`` to the subcommands."""
    parser = commands.add_parser(
        "draft",
        help="propose a claims file from an article's text, for review",
        usage="factlog draft [-h] --source ID [--published DATE] [--publisher NAME] [--registry PATH]..."
        " [-o PATH] [--max-problems N] ARTICLE",
        description="Draft a claim-set document from an article's raw text: every sentence a claim with its"
        " evidence span, attribution and certainty read from cue words, holders resolved against the registry."
        " Each drafted claim is marked draft until reviewed; the article's text is stored beside the output.",
        epilog="Exit 0 when the draft is written, 2 for a usage error, 3 when a file cannot be read or written.",
    )
    # One article; more are taken only to tell the user that --registry takes one path (not every path after it).
    parser.add_argument("article", metavar="ARTICLE", nargs="+", help="the article as UTF-8 text")
    parser.add_argument("--source", required=True, metavar="ID", help="id to give the source, e.g. li-qiang-visit")
    parser.add_argument("--published", metavar="DATE", help="publication date, e.g. 2025-10-08 or 2025-10")
    parser.add_argument("--publisher", metavar="NAME", help="the outlet: a registry name, alias or id, or a new name")
    parser.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="PATH",
        help="an entity registry or vocabulary file or folder to resolve names against; repeat the option for"
        " each (--registry entities.json --registry vocabulary.json). Without one, every holder is a proposed"
        " entity whose id is made from the words of the text (edit them into your registry's ids) and no"
        " proposition is drafted",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the claims (default: SOURCE.draft.json in the current folder)",
    )
    add_limits(parser)
    parser.set_defaults(run=_draft)


def _document_name(article: Path, output: Path, source: str) -> str:
    """The article's own name when it already sits beside the output, else SOURCE.txt."""
    if article.resolve().parent == output.resolve().parent:
        return article.name
    return f"{source}.txt"


def _draft(arguments: argparse.Namespace) -> int:
    if len(arguments.article) > 1:
        given = ", ".join(arguments.article)
        raise UsageError(
            f"factlog draft: error: one ARTICLE, not {len(arguments.article)} ({given}): --registry takes one path;"
            " repeat it for each file (--registry entities.json --registry vocabulary.json)"
        )
    article = Path(arguments.article[0])
    output = Path(arguments.output or f"{arguments.source}.draft.json")
    if output.resolve() == article.resolve():
        raise UsageError("factlog draft: error: the output would overwrite the article")
    try:
        # A regular file only, refused from its size before it is read (as every input is).
        text = read_regular(article, DEFAULT_LIMITS).decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{article}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    registry = load(arguments.registry, limits=limits(arguments)) if arguments.registry else None
    try:
        claims = draft(
            text,
            source=arguments.source,
            published=arguments.published,
            publisher=arguments.publisher,
            registry=registry,
            document=_document_name(article, output, arguments.source),
        )
    except InputError as error:
        # The drafter names the argument it refuses; on the command line that is an option, and a usage error.
        option, separator, reason = str(error).partition(": ")
        if separator and option in _OPTIONS:
            raise UsageError(f"factlog draft: error: --{option}: {reason}") from None
        raise
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{output.parent}: cannot create the folder: {error.strerror or error}") from None
    write_draft(claims, text, output)
    count = len(claims.claims)
    print(f"drafted {count} claim{'' if count == 1 else 's'} from {article} into {os.fspath(output)}")
    return EXIT_OK
