"""Canonical output: a claim set as JSON or JSON Lines, the same bytes with or without orjson."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from factlog._bulk import paused_gc
from factlog.errors import ArgumentTypeError, described
from factlog.io._arguments import expect_named
from factlog.io._atomic import write_atomic
from factlog.io._documentpaths import documents_for
from factlog.io._migrations import FORMAT, VERSION
from factlog.io._parsing import orjson_module
from factlog.io._records import SECTION_TYPES, SECTIONS
from factlog.io._sections import write_claim_set, write_claims
from factlog.model._claimset import ClaimSet, expect_claim_set, may_have_floats
from factlog.model._nouns import Quantity

__all__ = ["LoadedFolderWarning", "dump", "dump_to", "dumps", "dumps_lines", "encode_stdlib", "to_document"]

PathLike = str | os.PathLike[str]


@paused_gc
def to_document(claims: ClaimSet) -> dict[str, Any]:
    """The claim set as a plain JSON-ready dict, header first, empty sections omitted."""
    return {"format": FORMAT, "version": VERSION, **write_claim_set(claims)}


def _encoder() -> Callable[[Any], bytes]:
    orjson = orjson_module()
    if orjson is None:
        return encode_stdlib

    def encode(data: Any) -> bytes:
        try:  # the newline appended by orjson, not by copying the whole text
            written: bytes = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # an integer beyond 64 bits: the standard library writes it, to the same bytes
            return encode_stdlib(data)
        return written

    return encode


def encode_stdlib(data: Any) -> bytes:
    """Canonical bytes with the standard library's json module."""
    return (json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n").encode()


def _has_tiny_float(claims: ClaimSet) -> bool:
    # orjson writes 1.5e-05 as 0.000015: such documents take the standard library's path.
    numbers = [predicate.tolerance for predicate in claims.predicates]
    numbers += [p.margin.amount for p in claims.predicates if p.margin is not None and p.margin.amount is not None]
    # A set the readers marked as holding no float in its claims' quantities needs no look at them.
    for claim in claims.claims if may_have_floats(claims) else ():
        value = claim.proposition.object if claim.proposition is not None else None
        if isinstance(value, Quantity):
            numbers.extend(n for n in (value.amount, value.lower, value.upper) if n is not None)
    return any(isinstance(n, float) and 0 < abs(n) < 1e-4 for n in numbers)


def dumps(claims: ClaimSet) -> str:
    """The canonical JSON document of a claim set (UTF-8 text, two-space indent, trailing newline).

    A text has no folder: each source's ``document`` is written as it is held, a path
    relative to the folder of the file that defined the source (``ClaimSet.bases``), so
    the text reads back with the same documents only from a file in that folder.
    :func:`dump` rewrites the paths for the file it writes.

    Raises :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a
    :class:`~factlog.ClaimSet`, naming ``factlog.dumps``.
    """
    expect_claim_set(claims, "factlog.dumps")
    if _has_tiny_float(claims):
        return encode_stdlib(to_document(claims)).decode()
    orjson = orjson_module()
    written = in_pieces(orjson, claims, PIECE) if orjson is not None else None
    return written if written is not None else _encoder()(to_document(claims)).decode()


PIECE = 500
"""How many claims :func:`dumps` writes at a time: at a million claims, 0.8 s less than the whole
document at once (fewer pages touched: ``benchmarks/RESULTS.md``)."""


@paused_gc
def in_pieces(orjson: Any, claims: ClaimSet, size: int) -> str | None:
    r"""What orjson writes of the document of ``claims`` (indented, a final newline), its claims ``size`` at a time.

    Each piece's dicts are made, written and dropped before the next, so they take the
    same memory again, and neither the whole document's dicts nor its bytes are ever
    made. A piece of the claims is written as a list inside a list, so its claims stand
    as deep as in the document and are indented as there. None for a set without
    claims, or where orjson cannot write a piece (an integer beyond 64 bits): the whole
    document is then written as before.
    """
    if not claims.claims:
        return None
    option = orjson.OPT_INDENT_2
    head = {"format": FORMAT, "version": VERSION, **write_claim_set(claims, ("entities", "predicates", "sources"))}
    tail = write_claim_set(claims, ("acknowledged",))
    try:
        parts = [orjson.dumps(head, option=option).decode()[:-2], ',\n  "claims": [\n']
        items = claims.claims
        for start in range(0, len(items), size):
            # A list in a list puts the claims as deep as the document does: "[\n  [\n" ... "\n  ]\n]".
            parts += [orjson.dumps([write_claims(items[start : start + size])], option=option).decode()[6:-6], ",\n"]
        parts[-1] = "\n  ]"
        if tail:
            parts += [",\n", orjson.dumps(tail, option=option).decode()[2:-2]]
    except TypeError:
        return None
    parts.append("\n}\n")
    return "".join(parts)


def dumps_lines(claims: ClaimSet) -> str:
    """The claim set as JSON Lines: a header, then one tagged record a line, each ending in a newline.

    Document paths are written as :func:`dumps` writes them. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for anything but a
    :class:`~factlog.ClaimSet`, naming ``factlog.dumps_lines``.
    """
    expect_claim_set(claims, "factlog.dumps_lines")
    document = to_document(claims)
    lines = [json.dumps({"format": FORMAT, "version": VERSION}, ensure_ascii=False, separators=(",", ":"))]
    for section in SECTIONS:
        for record in document.get(section, ()):
            tagged = {"type": SECTION_TYPES[section], **record}
            lines.append(json.dumps(tagged, ensure_ascii=False, separators=(",", ":"), allow_nan=False))
    return "\n".join(lines) + "\n"


class LoadedFolderWarning(UserWarning):
    """:func:`dump` wrote a claim file inside the folder its claims were loaded from: a load of it reads both."""


def dump(claims: ClaimSet, path: PathLike) -> None:
    """Write a claim set atomically: JSON Lines when the name ends in ``.jsonl``.

    Each source's ``document`` of a set loaded from files (one in ``ClaimSet.bases``) is
    written relative to the folder of ``path``, so that loading the file written finds
    the same documents: ``factlog.dump(factlog.load("sources"), "sources.jsonl")``
    writes ``sources/choe-moscow/document.txt``, not ``document.txt``. A source defined in a file
    of that folder, or not loaded from a file, keeps its path as held. So does one whose
    document lies outside that folder (a document must lie in the folder of the file
    that defines its source, or below it), so that a set written to a scratch folder
    reads back equal, and a check of the file written reports the document unreadable;
    but where another file stands at that path beside ``path`` (other bytes than the
    document's, or a link leading out of the folder, which a check refuses), which the
    file written would name as the document, nothing is written. The folder of ``path``
    is the one it is named in (a ``path`` that is a symbolic link to a file elsewhere is
    read by that name beside the link), compared as a real path.

    Raises :class:`~factlog.ArgumentError` for anything but a :class:`~factlog.ClaimSet`
    (as :func:`dumps` does), a ``path`` that is neither :class:`str` nor
    :class:`os.PathLike` or is empty (``""``), or one beside which other files stand at
    the paths of documents its folder cannot reach (naming each source, the file and the
    document), :class:`~factlog.InputError` (an :class:`OSError`) for a path
    that cannot be written (a missing folder, a folder in its place); the file is then
    unchanged.

    Warns with a :class:`LoadedFolderWarning`, once the file is written, when it lies in
    the folder the claims were loaded from (the deepest folder holding every source's
    file, from ``ClaimSet.bases``) or below it: a later load of that folder reads the
    file beside the files it came from, and finds each source with a document defined
    twice (its path spelt from another folder). Write it outside (``story.jsonl`` beside
    ``story/``), where it still finds the documents.
    """
    expect_claim_set(claims, "factlog.dump")
    if not isinstance(path, str | os.PathLike):
        raise ArgumentTypeError(f"factlog.dump: path: expected a path (str or os.PathLike), got {described(path)}")
    expect_named(path, "factlog.dump: path")
    dump_to(claims, Path(path))
    folder = loaded_folder(claims)
    if folder is not None and Path(path).parent.resolve().is_relative_to(folder) and _beside(folder, Path(path)):
        outside = folder.parent / f"{folder.name}{Path(path).suffix or '.json'}"
        warnings.warn(
            f"factlog.dump: {path} lies inside {folder}, the folder its claims were loaded from: a load of that"
            f" folder will read it beside the files it came from, each source defined twice; write it outside,"
            f" e.g. {outside}",
            LoadedFolderWarning,
            stacklevel=2,
        )


def _beside(folder: Path, written: Path) -> bool:
    """Whether ``folder`` holds, at any depth, a claim file other than ``written`` (the first found ends the search)."""
    target = written.resolve()
    files = (found for pattern in ("*.json", "*.jsonl") for found in folder.rglob(pattern))
    return any(found.is_file() and found.resolve() != target for found in files)


def loaded_folder(claims: ClaimSet) -> Path | None:
    """The deepest folder holding the file of every source the set was loaded with (``bases``); None without any."""
    folders = {Path(base).resolve() for base in claims.bases.values()}
    if not folders:
        return None
    return Path(os.path.commonpath(sorted(folders)))


def dump_to(claims: ClaimSet, target: Path, *, new: bool = False) -> None:
    """:func:`dump` of arguments already checked; with ``new``, :class:`FileExistsError` if ``target`` exists."""
    claims = documents_for(claims, target)
    text = dumps_lines(claims) if target.suffix == ".jsonl" else dumps(claims)
    write_atomic(target, text.encode(), new=new)
