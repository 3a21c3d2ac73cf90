"""``factlog draft``: a first claims file from an article's raw text."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

from factlog._echo import counted
from factlog.cli._common import (
    EXIT_OK,
    UsageError,
    add_limits,
    limits,
    named_path,
    output_path,
)
from factlog.cli._streams import say, shown_path
from factlog.drafting import draft, write_draft
from factlog.drafting._segment import visible
from factlog.drafting._times import undated
from factlog.drafting._writing import Clash, ClashError, ClashKind, clashes, stores_text
from factlog.errors import FormatError, InputError
from factlog.io import dumps, load
from factlog.io._files import read_regular
from factlog.io._parsing import DEFAULT_LIMITS, Limits

__all__ = ["register"]


_OPTIONS = ("source", "published", "publisher")
"""The arguments of :func:`factlog.draft` that ``factlog draft`` takes as options of the same names."""


def register(commands: Any) -> None:
    """Add ``draft`` to the subcommands."""
    parser = commands.add_parser(
        "draft",
        help="propose a claims file from an article's text, for review",
        usage="factlog draft [-h] --source ID [--published DATE] [--publisher NAME] [--registry PATH]..."
        " [-o PATH|-] [--force] [--max-problems N] ARTICLE|-",
        description="Draft a claim-set document from an article's raw text: every sentence a claim with its"
        " evidence span, attribution and certainty read from cue words, holders resolved against the registry."
        " Each drafted claim is marked draft until reviewed; the article's text is stored beside the output.",
        epilog="Exit 0 when the draft is written, 2 for a usage error (an output or a text beside it that exists,"
        " without --force, among them), 3 when a file cannot be read or written.",
    )
    # One article; more are taken only to tell the user that --registry takes one path (not every path after it).
    parser.add_argument(
        "article",
        metavar="ARTICLE",
        nargs="+",
        type=named_path,
        help="the article as UTF-8 text ('-' for standard input)",
    )
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
        type=output_path,
        help="where to write the claims (default: SOURCE.draft.json in the current folder, or in PATH when it ends"
        " in '/'; '-' for standard output, the text then stored nowhere)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing output, and other text where the article's text goes beside it",
    )
    add_limits(parser)
    parser.set_defaults(run=_draft, strays="article")  # paths after the article too: told as above


_STANDARD = "-"
"""The name of standard input as ARTICLE, of standard output as ``-o``."""


def _document_name(article: str, output: str, source: str) -> str:
    """The article's own name when it already sits beside the output, else SOURCE.txt.

    Also SOURCE.txt, with a note, for a name that is no UTF-8 (a JSON string cannot hold it).
    """
    if _STANDARD not in (article, output) and Path(article).resolve().parent == Path(output).resolve().parent:
        name = Path(article).name
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            print(
                f"factlog draft: note: {shown_path(article)} is no UTF-8 name, which a claims file cannot hold:"
                f" the article's text is stored as {shown_path(source)}.txt",
                file=sys.stderr,
            )
        else:
            return name
    return f"{source}.txt"


def _output(output: str | None, source: str) -> str:
    """The claims file's path: SOURCE.draft.json in the current folder, or in a folder given with a final slash."""
    default = f"{source}.draft.json"
    if output is None:
        return default
    if output != _STANDARD and output.endswith(("/", os.sep)):
        return os.path.join(output, default)
    return output


def _read_article(article: str, limits: Limits) -> str:
    """The article's text: a regular file refused from its size before it is read (as every input is), or stdin."""
    if article == _STANDARD:
        name = "standard input"
        if sys.stdin is None:  # started with it closed (`<&-`)
            raise InputError(f"{name}: cannot read: it is closed")
        try:
            data = sys.stdin.buffer.read(limits.max_bytes + 1)
        except OSError as error:  # opened for writing only (`0>file`), among others
            raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
        if len(data) > limits.max_bytes:
            raise FormatError(
                [f"{name}: larger than the limit ({counted(limits.max_bytes, 'byte')}, Limits.max_bytes)"]
            )
    else:
        name, data = article, read_regular(Path(article), limits)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None


def _draft(arguments: argparse.Namespace) -> int:
    if len(arguments.article) > 1:
        given = ", ".join(arguments.article)
        raise UsageError(
            f"factlog draft: error: one ARTICLE, not {len(arguments.article)} ({given}): --registry takes one path;"
            " repeat it for each file (--registry entities.json --registry vocabulary.json)"
        )
    article, output = arguments.article[0], _output(arguments.output, arguments.source)
    if _STANDARD not in (article, output) and Path(output).resolve() == Path(article).resolve():
        raise UsageError("factlog draft: error: the output would overwrite the article")
    text = _read_article(article, DEFAULT_LIMITS)
    registry = load(arguments.registry, limits=limits(arguments)) if arguments.registry else None
    document = _document_name(article, output, arguments.source)
    try:
        claims = draft(
            text,
            source=arguments.source,
            published=arguments.published,
            publisher=arguments.publisher,
            registry=registry,
            document=document,
        )
    except InputError as error:
        # The drafter names the argument it refuses; on the command line that is an option, and a usage error.
        option, separator, reason = str(error).partition(": ")
        if separator and option in _OPTIONS:
            raise UsageError(f"factlog draft: error: --{option}: {reason}") from None
        raise
    unread = sum(1 for claim in claims.claims if undated(claim.notes))
    if unread:
        # Times were in the text and are in no claim: say so where it is seen, not only in the claims' notes.
        print(
            f"factlog draft: no --published date: the times of {unread} claim{'' if unread == 1 else 's'} were not"
            " read (each claim's notes name the words); give --published DATE to read them",
            file=sys.stderr,
        )
    count, named = len(claims.claims), "standard input" if article == _STANDARD else shown_path(article)
    drafted = f"drafted {count} claim{'' if count == 1 else 's'} from {named}"
    if not visible(text):  # nothing, spaces, or characters that show nothing (zero-width spaces, byte-order marks)
        held = "no visible text" if text.strip() else "no text"
        print(f"factlog draft: warning: {named} holds {held}: the draft has no claim", file=sys.stderr)
    if output == _STANDARD:
        sys.stdout.write(dumps(claims))
        print(f"factlog draft: {drafted} to standard output; {_unstored(document)}", file=sys.stderr)
        return EXIT_OK
    target = Path(output)
    for clash in clashes(claims, text, target):
        if clash.kind is ClashKind.SAME_PATH or (clash.kind is not ClashKind.NO_FILE and not arguments.force):
            _refuse(clash, output, arguments.source)
    stored = stores_text(target)
    try:
        write_draft(claims, text, target, force=arguments.force)
    except ClashError as error:  # a file made there since the look above, by another draft
        _refuse(error.clash, output, arguments.source)
    if stored:
        say(f"{drafted} into {shown_path(os.fspath(target))}")
    else:  # not on stdout, which may be the output itself (-o /dev/stdout)
        where = f"into {shown_path(output)}, a device, pipe or descriptor"
        print(f"factlog draft: {drafted} {where}; {_unstored(document)}", file=sys.stderr)
    return EXIT_OK


def _unstored(document: str) -> str:
    shown = shown_path(document)
    return f"the article's text is stored nowhere (store it as {shown} beside the claims to check the quotes)"


def _refuse(clash: Clash, output: str, source: str) -> NoReturn:
    """A usage error for a file in the draft's way: what stands there, and what to do."""
    output, held = shown_path(output), shown_path(os.fspath(clash.path))
    if clash.kind is ClashKind.SAME_PATH:
        raise UsageError(
            f"factlog draft: error: -o {output}: the article's text goes there, beside the claims:"
            f" name the claims otherwise (e.g. {Path(output).parent / f'{shown_path(source)}.draft.json'})"
        )
    if clash.kind is ClashKind.DRAFT:
        raise UsageError(
            f"factlog draft: error: -o {output}: the file exists (a draft reviewed since?): give --force to replace it"
        )
    raise UsageError(
        f"factlog draft: error: {held} holds another text than the article, whose text goes there beside"
        " the claims: give --force to replace it, or -o into another folder"
    )
