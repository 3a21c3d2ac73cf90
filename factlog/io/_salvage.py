"""Every problem of a file at once: what ties records together, looked at beside the fields refused.

A record whose fields are refused cannot be built, so the references between records
are checked on the records that can: a file is read again without the refused ones (a
*salvage*), and its references are checked with every other file's. A problem that
names an id (a name, an alias, an inverse) of a refused record is left out (the record defines the id, or refers to
it, once its fields are mended), but for an unknown claim id that comes close to a refused
claim's: that claim is offered ("did you mean"), with where it failed to load. Everything is
left out when the file cannot be read
without them (a problem outside any record: a section that is no list, a key unknown
at the top) or the files do not merge: then the fields are reported alone, as before.
The paths of the salvaged set are given back as the file's own (``$.claims[4]`` of the
set without its third claim is ``$.claims[5]`` of the file). A JSON Lines file makes
its salvage as it is read a line at a time (:mod:`factlog.io._lineproblems`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from factlog.errors import FormatError
from factlog.io._parsing import prefix
from factlog.io._records import SECTIONS
from factlog.io._references import unresolved
from factlog.model._claimset import ClaimSet, merge_all
from factlog.model._vocabulary import Vocabulary

__all__ = ["Salvage", "at_once", "failed_claims", "names_of", "read_at_once", "salvage_of", "salvaged"]

_RECORD = re.compile(r"\$\.(?P<section>[a-z_]+)\[(?P<index>\d+)\]")


@attrs.frozen
class Salvage:
    """A file read without its refused records: the set, each kept record's index in the file, the refused ids."""

    part: ClaimSet
    kept: dict[str, list[int]]
    """For each section, the file's index of each record the set holds, in order."""
    refused: frozenset[str]
    """The ids, names, aliases and inverse names the refused records give (those written as strings)."""
    failed: Mapping[str, str] = attrs.field(factory=dict)
    """The id of each refused claim (written as a string) to the path of its first refused field."""


def salvaged(
    error: FormatError, body: dict[str, Any], name: str | None, read: Callable[[dict[str, Any]], ClaimSet]
) -> FormatError:
    """``error`` (the fields refused in a document ``body``) with a :class:`Salvage` attached, when one reads.

    ``read`` builds a set from a body (raising :class:`~factlog.FormatError`); raises nothing
    of its own: without a salvage, ``error`` is given back as it is.
    """
    before = prefix(name)
    refused: dict[str, set[int]] = {}
    paths: dict[int, str] = {}  # each refused claim's first refused field
    for message in error.errors:
        found = _RECORD.match(message, len(before)) if message.startswith(before) else None
        if found is None or found["section"] not in SECTIONS or not isinstance(body.get(found["section"]), list):
            return error  # a problem outside any record: nothing to read without it
        refused.setdefault(found["section"], set()).add(int(found["index"]))
        if found["section"] == "claims":
            paths.setdefault(int(found["index"]), message[len(before) :].split(": ", 1)[0])
    kept = {
        section: [n for n in range(len(items)) if n not in refused.get(section, set())]
        for section, items in body.items()
        if section in SECTIONS and isinstance(items, list)
    }
    items = [body[section][n] for section, numbers in refused.items() for n in numbers]
    ids = frozenset(name for item in items for name in names_of(item))
    rest = {key: [value[n] for n in kept[key]] if key in kept else value for key, value in body.items()}
    try:
        part = read(rest)
    except FormatError:
        return error
    vars(error)["salvage"] = Salvage(part, kept, ids, failed_claims(body["claims"], paths) if paths else {})
    return error


def failed_claims(claims: Sequence[object], paths: Mapping[int, str]) -> dict[str, str]:
    """Each refused claim's id (a string; claims at their index in ``paths``) to its path in ``paths``."""
    found = {}
    for index, path in paths.items():
        item = claims[index] if index < len(claims) else None
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found[item["id"]] = path
    return found


def names_of(item: object) -> list[str]:
    """The id, name, aliases and inverse a refused record gives as strings: what other records may name it by."""
    if not isinstance(item, dict):
        return []
    aliases = item.get("aliases")
    found = [item.get(key) for key in ("id", "name", "inverse")] + (aliases if isinstance(aliases, list) else [])
    return [value for value in found if isinstance(value, str)]


def read_at_once(read: Callable[[], ClaimSet], name: str | None, *, references: bool) -> ClaimSet:
    """``read()`` (one file); its fields refused, with the problems between the records that read (:func:`at_once`)."""
    try:
        return read()
    except FormatError as error:
        salvage = salvage_of(error)
        if salvage is None:
            raise
        errors = at_once(error.errors, [], [(name or "", salvage)], references=references)
        raise FormatError(errors, more=error.more) from None


def salvage_of(error: FormatError) -> Salvage | None:
    """The :class:`Salvage` :func:`salvaged` attached to ``error``, or None."""
    found = vars(error).get("salvage")
    return found if isinstance(found, Salvage) else None


def at_once(
    errors: list[str],
    parts: Sequence[tuple[str, ClaimSet]],
    salvages: Sequence[tuple[str, Salvage]],
    *,
    references: bool = True,
    order: Sequence[str] = (),
) -> list[str]:
    """``errors`` (the fields refused) with the problems between the records that read, each file's in its order.

    ``parts`` are the files read whole, ``salvages`` those read without their refused
    records; the problems are what :func:`~factlog.io._references.unresolved` finds in
    each, on the merge of all, less those naming a refused id, sorted by file (in
    ``order``, the files' labels; default: parts, then salvages), section and record.
    Raises nothing: files that do not merge give ``errors`` as they are.
    """
    labelled = [*parts, *((label, salvage.part) for label, salvage in salvages)]
    try:
        merged = merge_all(labelled)
    except FormatError:
        return errors
    # A reference to a claim that failed to load says where it failed: no refused id to leave out.
    failed = {
        claim: f"{prefix(label or None)}{path}" for label, salvage in salvages for claim, path in salvage.failed.items()
    }
    refused = frozenset().union(*(salvage.refused for _, salvage in salvages)).difference(failed)
    kept = {label: salvage.kept for label, salvage in salvages}
    vocabulary = Vocabulary.of(merged) if references else None
    found = list(errors)
    for label, part in labelled:
        for path, message in unresolved(part, merged, vocabulary, vouched=True, references=references, failed=failed):
            if not any(repr(ref) in message for ref in refused):
                found.append(f"{prefix(label or None)}{_in_file(path, kept.get(label))}: {message}")
    ranks = {label: n for n, label in enumerate(order or [label for label, _ in labelled])}
    return sorted(found, key=lambda message: _place(message, ranks))


def _in_file(path: str, kept: dict[str, list[int]] | None) -> str:
    """A path of a salvaged set as the file's own path (the same for a file read whole)."""
    found = _RECORD.match(path)
    if kept is None or found is None or found["section"] not in kept:
        return path
    index = kept[found["section"]][int(found["index"])]
    return f"$.{found['section']}[{index}]{path[found.end() :]}"


def _place(message: str, order: dict[str, int]) -> tuple[int, int, int]:
    """(file, section, record) of a message, for the order the file holds them in; unplaced ones first."""
    for label, rank in order.items():
        before = prefix(label or None)
        if message.startswith(before):
            found = _RECORD.match(message, len(before))
            if found is not None and found["section"] in SECTIONS:
                return rank, SECTIONS.index(found["section"]), int(found["index"])
            return rank, -1, -1
    return -1, -1, -1
