"""``factlog log append|show|retract|export|import``: the claim log, an SQLite store."""

from __future__ import annotations

import argparse
import collections
import datetime
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from factlog._escape import escape_terminal
from factlog.analysis import Index
from factlog.cli._common import EXIT_OK, Parser, UsageError, add_limits, limits, named_path
from factlog.cli._streams import write_data
from factlog.errors import ArgumentError, FormatError, InputError, UnknownIdError
from factlog.io import ClaimLog, DroppedLinkWarning, Record, RetractedWarning, TornLineWarning, dumps, load
from factlog.io._loglines import import_lines
from factlog.io._logrules import not_after
from factlog.io._logtime import parse_start, timestamp
from factlog.model._nearest import nearest_ids

__all__ = ["register"]

_EXITS = (
    "Exit 0 when done, 2 for a usage error (a retraction of a claim the store does not hold, or has"
    " retracted, included), 3 when a store or file cannot be read or an append, import or"
    " retraction is refused (nothing is stored then)."
)
_TIMES = ", e.g. 2025-10-30T12:00:00Z (the end of that second) or 2025-10-30 (the end of that day)"


def register(commands: Any) -> None:
    """Add ``log`` and its actions to the subcommands."""
    log = commands.add_parser(
        "log",
        help="append to, retract from, replay or export an append-only claim log",
        description="An append-only claim log in an SQLite store: nothing is edited, nothing is lost.",
        epilog=_EXITS,
    )
    actions = log.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=Parser)
    append = actions.add_parser(
        "append",
        help="append every record of a claim file to the log, in one transaction",
        description="Append every record of a claim file (and its sources' documents) in one transaction."
        " Nothing is stored (exit 3) when a record redefines an id (unless --replace), would leave a claim"
        " the store holds unreadable, or would leave an earlier reference unresolved or naming another record;"
        " that error names the claim: retract it first (factlog log retract),"
        " or put it, corrected, in the same file and append with --replace. Ids are not checked against"
        " the store: append entities, predicates and sources first (see docs/reliability.md).",
        epilog=_EXITS,
    )
    append.add_argument("log", metavar="LOG", type=named_path, help="the store (created if missing)")
    append.add_argument(
        "file", metavar="FILE", type=named_path, help="a claim file whose records (and source documents) to append"
    )
    append.add_argument(
        "--replace", action="store_true", help="keep a record that redefines an id as its new version (default: refuse)"
    )
    append.add_argument(
        "--at",
        metavar="TIME",
        help="date the append at this UTC time (a date alone: its midnight) instead of now, to replay a history"
        " day by day in order; it must be after the store's latest append (exit 3 otherwise) and not in the future",
    )
    add_limits(append)
    append.set_defaults(run=_append)
    show = actions.add_parser(
        "show",
        help="print the claim set the log holds, as canonical JSON",
        description="Print the claim set the log holds (retracted claims left out), as canonical JSON:"
        " factlog log show claims.db > now.json, then factlog validate now.json names any unknown id."
        " The JSON holds no stored document, so check it as a folder instead:"
        " factlog log export claims.db --to now/, then factlog check now/ verifies the quotes too.",
        epilog=_EXITS,
    )
    show.add_argument("log", metavar="LOG", type=named_path, help="the store")
    show.add_argument(
        "--as-of",
        metavar="TIME",
        help=f"replay only records appended to the store by this UTC time or date{_TIMES};"
        " the time of appending, not when claims were stated (factlog assess --as-of reads that)",
    )
    show.set_defaults(run=_show)
    retract = actions.add_parser(
        "retract",
        help="withdraw a claim from the log (the record stays in its history)",
        description="Withdraw a claim; its records stay in the history. A claim the store does not hold or"
        " has retracted is a usage error (exit 2) naming the held ids that come close; refused (exit 3) is"
        " the last claim dating an event that another claim's"
        " when in words counts from: retract or replace that claim first, or append another claim dating"
        " the event.",
        epilog=_EXITS,
    )
    retract.add_argument("log", metavar="LOG", type=named_path, help="the store")
    retract.add_argument("claim", metavar="CLAIM", help="the id of the claim to withdraw")
    retract.add_argument("--reason", required=True, help="why the claim is withdrawn")
    retract.add_argument(
        "--at",
        metavar="TIME",
        help="date the retraction at this UTC time (a date alone: its midnight) instead of now, as append --at"
        " does: after the store's latest append (exit 3 otherwise) and not in the future",
    )
    retract.set_defaults(run=_retract)
    export = actions.add_parser(
        "export",
        help="print the log's history as JSON Lines, or write a snapshot folder",
        description="Print the whole history as JSON Lines (a factlog-log header, then one record a line with"
        " its time and type, retractions and stored documents included), which log import reads back;"
        " or, with --to, write the claim set and its stored documents as a folder that factlog check reads.",
        epilog=_EXITS,
    )
    export.add_argument("log", metavar="LOG", type=named_path, help="the store")
    export.add_argument(
        "--as-of",
        metavar="TIME",
        help=f"export only records appended to the store by this UTC time or date{_TIMES} (the time of appending)",
    )
    export.add_argument(
        "--to", metavar="FOLDER", help="write claims.json and the stored documents to FOLDER instead of JSON Lines"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="--to: replace a folder that holds an earlier snapshot (its claims.json) whole (default: refuse)",
    )
    export.set_defaults(run=_export)
    imported = actions.add_parser(
        "import",
        help="append every record of a JSON Lines log, keeping its times",
        description="Append every record of a JSON Lines log (one written by log export, or by factlog before"
        " the store) in one transaction, keeping their times; nothing is stored if a line is refused."
        " A claim set is refused: use log append.",
        epilog=_EXITS,
    )
    imported.add_argument("log", metavar="LOG", type=named_path, help="the store (created if missing)")
    imported.add_argument("file", metavar="FILE", type=named_path, help="a JSON Lines log (factlog-log)")
    add_limits(imported)
    imported.set_defaults(run=_import)
    verify = actions.add_parser(
        "verify",
        help="read every page and record of the store, and say whether it is sound",
        description="Read every page of the store (SQLite's integrity check) and replay every record:"
        " exit 0 and one line when the store is sound, exit 3 naming the damage when not."
        " An append reads only the pages it writes on, so damage elsewhere is found here"
        " (and by any command that reads the damaged part).",
        epilog=_EXITS,
    )
    verify.add_argument("log", metavar="LOG", type=named_path, help="the store")
    verify.set_defaults(run=_verify)


def _append(arguments: argparse.Namespace) -> int:
    if re.match(rb'(?:\xef\xbb\xbf)?\s*\{\s*"format"\s*:\s*"factlog-log"', _head(arguments.file)):
        raise InputError(
            f"{arguments.file}: a log export (a factlog-log JSON Lines history), not a claim file:"
            f" `factlog log import STORE {arguments.file}` reads it into a store"
        )
    log = ClaimLog(arguments.log)
    at = _append_time(arguments.at, log) if arguments.at is not None else None
    try:
        claims = load(arguments.file, references=False, limits=limits(arguments))
    except FormatError:
        if not Path(arguments.log).exists():
            raise
        # A `when` in words may count from a source, or an event, the store already holds.
        claims = load(arguments.file, references=False, context=log.read(), limits=limits(arguments))
    index = Index.of(claims)
    documents = {}
    for source in claims.sources:
        content, problem = index.document(source.id)
        if content is not None:
            documents[source.id] = content
        elif problem is not None:
            print(
                f"warning: source {source.id!r}: {escape_terminal(problem)}; appended without its document"
                " (append again once it can be read)",
                file=sys.stderr,
            )
    sections: list[tuple[str, tuple[Record, ...]]] = [
        ("entities", claims.entities),
        ("predicates", claims.predicates),
        ("sources", claims.sources),
        ("claims", claims.claims),
        ("acknowledged", claims.acknowledged),
    ]
    records = [record for _, items in sections for record in items]
    names = [f"{arguments.file}: $.{section}[{n}]" for section, items in sections for n in range(len(items))]
    with warnings.catch_warnings(record=True, category=RetractedWarning) as caught:
        warnings.simplefilter("always", RetractedWarning)  # each claim named, whatever filters the caller set
        try:
            count = log.append(records, at=at, replace=arguments.replace, documents=documents, names=names)
        except ArgumentError as error:  # given by --at: in the future, or overtaken by another append meanwhile
            if at is None:
                raise
            raise _refused_time(error, arguments.log, log, at, "append") from None
    for warning in caught:
        print(f"warning: {escape_terminal(str(warning.message))}", file=sys.stderr)
    when = f" at {log.latest()}" if count else " (each was there already)"
    if not records:
        when = f" ({arguments.file} holds no records)"
    print(f"appended {count} record{'' if count == 1 else 's'} to {arguments.log}{when}")
    return EXIT_OK


def _refused_time(
    error: ArgumentError, path: str, log: ClaimLog, at: datetime.datetime, action: str
) -> InputError | UsageError:
    """The error to raise for an ``--at`` the log refused: overtaken by a later append (exit 3), or a usage error."""
    if "is not after the store's latest append" in str(error):
        return InputError(_not_after(path, at, log.latest()))
    return UsageError(f"factlog log {action}: error: --at: {error}")


def _append_time(text: str, log: ClaimLog, action: str = "append") -> datetime.datetime:
    """The time ``--at`` names; a usage error for text that names none, exit 3 for one not after the store's latest."""
    try:
        at = parse_start(text)
    except ArgumentError as error:
        raise UsageError(f"factlog log {action}: error: --at: {error}") from None
    latest = log.latest() if log.path.exists() else None
    if latest is not None and timestamp(at) <= latest:  # fixed-width UTC text: text order is time order
        raise InputError(_not_after(str(log.path), at, latest))
    return at


def _not_after(store: str, at: datetime.datetime, latest: str | None) -> str:
    """Why an append ``--at`` a time not after the store's latest append is refused, in one line."""
    return not_after(store, f"--at {timestamp(at)}", latest)


def _as_of(arguments: argparse.Namespace, read: Any) -> Any:
    try:
        return read(as_of=arguments.as_of)
    except ValueError as error:
        if hasattr(error, "errors"):  # a FactlogError about the store, not about --as-of
            raise
        raise UsageError(f"factlog log {arguments.action}: error: --as-of: {error}") from None


def _verify(arguments: argparse.Namespace) -> int:
    replay = ClaimLog(arguments.log).verify()
    held = len(replay.claims.claims)
    records = f"{replay.records:,} record{'' if replay.records == 1 else 's'}"
    print(f"{arguments.log}: sound: {records} read, {held:,} claim{'' if held == 1 else 's'} held")
    return EXIT_OK


def _show(arguments: argparse.Namespace) -> int:
    log = ClaimLog(arguments.log)
    replay = _as_of(arguments, log.replay)
    write_data(dumps(replay.claims))
    if arguments.as_of is not None and not replay.records:
        _nothing_appended(arguments, log)
    return EXIT_OK


def _nothing_appended(arguments: argparse.Namespace, log: ClaimLog) -> None:
    """Say on stderr that ``--as-of`` found no record: it is the time of appending, not when claims were stated."""
    first = log.earliest()
    held = f"its first append is at {first}" if first is not None else "it holds no records"
    print(
        f"factlog log {arguments.action}: nothing was appended to {arguments.log} by {arguments.as_of} ({held}):"
        " --as-of is when records were appended to the store, not when claims were stated;"
        f" factlog assess --as-of {arguments.as_of} weighs the claims stated by then",
        file=sys.stderr,
    )


_NOT_HELD = re.compile(r": (?:no claim '.*' to retract|claim '.*' was already retracted at )")
"""A retraction refused for its claim id alone (not held, or retracted already): a usage error, exit 2."""


def _nearest_held(log: ClaimLog, claim: str) -> str:
    """``"; did you mean 'leak-residents'?"``: the claims whose ids come closest to ``claim``, or ``""``.

    Held and retracted claims alike, a retracted one named so ("'mpa-toll-12', retracted
    at ..."): a typo of an id retracted already is no cue to retract another. Only the
    ids fewest edits away are offered, so a near id of another outlet's claim is not
    offered beside the id one letter away.
    """
    latest: dict[str, tuple[str, str]] = {}  # claim id -> its latest action and when
    for _, at, kind, key, action, _ in log.records():
        if kind == "claim":
            latest[key] = (action, at)
    near = nearest_ids(sorted(latest), claim)
    if not near:
        return ""
    fewest = min(Levenshtein.distance(claim, found) for found in near)
    words = [
        f"{found!r}, retracted at {latest[found][1]}" if latest[found][0] == "retract" else repr(found)
        for found in near
        if Levenshtein.distance(claim, found) == fewest
    ]
    return "; did you mean " + " or ".join(words) + "?"


def _retract(arguments: argparse.Namespace) -> int:
    if not arguments.reason.strip():
        raise UsageError("factlog log retract: error: --reason: say why the claim is withdrawn (it is empty)")
    if not Path(arguments.log).exists():
        raise InputError(f"{arguments.log}: no such store")
    log = ClaimLog(arguments.log)
    at = _append_time(arguments.at, log, "retract") if arguments.at is not None else None
    try:
        with warnings.catch_warnings(record=True, action="always", category=DroppedLinkWarning) as caught:
            log.retract(arguments.claim, arguments.reason, at=at)
    except ArgumentError as error:  # given by --at: in the future, or overtaken by another append meanwhile
        if at is None:
            raise
        raise _refused_time(error, arguments.log, log, at, "retract") from None
    except UnknownIdError as error:
        if not _NOT_HELD.search(str(error)):
            raise
        # Retracted already: the claim meant is found, and no other is offered.
        near = "" if "already retracted" in str(error) else _nearest_held(log, arguments.claim)
        raise UsageError(f"factlog log retract: error: {error}{near}") from None
    print(f"retracted {arguments.claim} in {arguments.log} at {log.latest()}")
    for warning in caught:
        print(f"warning: {escape_terminal(str(warning.message))}", file=sys.stderr)
    return EXIT_OK


def _export(arguments: argparse.Namespace) -> int:
    log = ClaimLog(arguments.log)
    if arguments.force and arguments.to is None:
        raise UsageError("factlog log export: error: --force goes with --to FOLDER")
    if arguments.to is not None:
        written = _as_of(arguments, lambda as_of: log.snapshot(arguments.to, as_of=as_of, force=arguments.force))
        print(f"wrote the claim set and its documents to {written}")
        if arguments.as_of is not None and not _as_of(arguments, log.replay).records:
            _nothing_appended(arguments, log)
        return EXIT_OK
    lines = _as_of(arguments, lambda as_of: list(log.export_lines(as_of=as_of)))
    sys.stdout.writelines(lines)
    if arguments.as_of is not None and len(lines) <= 1:  # the header alone
        _nothing_appended(arguments, log)
    return EXIT_OK


def _import(arguments: argparse.Namespace) -> int:
    _refuse_claim_set(arguments.file)
    tally: collections.Counter[str] = collections.Counter()
    with warnings.catch_warnings(record=True, category=TornLineWarning) as caught:
        count = import_lines(ClaimLog(arguments.log), arguments.file, limits=limits(arguments), tally=tally)
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    print(f"imported {count} record{'' if count == 1 else 's'} into {arguments.log}{_kinds(tally)}")
    return EXIT_OK


_KINDS = (
    ("entity", "entities"),
    ("predicate", "predicates"),
    ("source", "sources"),
    ("claim", "claims"),
    ("acknowledgement", "acknowledgements"),
    ("retraction", "retractions"),
)
"""The kinds of record an import counts, in the order of a claim set's sections, with their plurals."""


def _kinds(tally: collections.Counter[str]) -> str:
    """``": 2 entities, 3 claims, 1 retraction; and 1 source document"``: what an import stored; ``""`` for nothing."""
    parts = [f"{tally[kind]} {kind if tally[kind] == 1 else plural}" for kind, plural in _KINDS if tally[kind]]
    if not parts:
        return ""
    documents = tally["document"]
    stored = f"; and {documents} source document{'' if documents == 1 else 's'}" if documents else ""
    return ": " + ", ".join(parts) + stored


def _head(path: str) -> bytes:
    """The first 4 KiB of a regular file; b"" for anything else, or what cannot be read (the reader says why)."""
    if not Path(path).is_file():
        return b""  # a named pipe is not opened (and waited on) here
    try:
        with Path(path).open("rb") as stream:
            return stream.read(4096)
    except OSError:
        return b""


def _refuse_claim_set(path: str) -> None:
    """A claim-set file given to ``log import``: say to use ``log append``."""
    if re.search(rb'"format"\s*:\s*"factlog"', _head(path)):
        raise InputError(
            f"{path}: a claim set, not a JSON Lines log: `factlog log append STORE {path}` appends its records"
        )
