"""Where :func:`factlog.dump` writes each source's ``document``: relative to the file it writes, never to a stranger.

A document path is relative to the folder of the file that defines the source and may
not leave it (``..`` and absolute paths are refused by the readers). A set loaded from
files holds each source's folder (``ClaimSet.bases``); written elsewhere, a document
that folder reaches is rewritten relative to it. The folder is the one the target is
named in, as a real path: a load of the target by that name looks for the documents
there, also when the target is a symbolic link to a file in another folder. A document
it cannot reach keeps its path as held, and a check of the file written reports it
unreadable, unless another file stands at that path beside the file written (other
bytes, or a link out of the folder, which a check refuses): the file would then name
that file as the document, so the dump is refused.
"""

from __future__ import annotations

import filecmp
import os
import stat
from pathlib import Path

import attrs

from factlog.errors import ArgumentError
from factlog.model._claimset import ClaimSet, rearranged
from factlog.model._sources import Source

__all__ = ["documents_for"]

_NAMED = 10
"""How many strangers the refusal names; the others are counted."""


def documents_for(claims: ClaimSet, target: Path) -> ClaimSet:
    """``claims`` with each loaded source's document relative to the folder of ``target``, where it reaches it.

    The folder counted is the one ``target`` is named in (a target that is a symbolic link
    to a file elsewhere is read by that name beside the link), taken as a real path, as a
    load of ``target`` finds and checks its documents. Raises
    :class:`~factlog.ArgumentError` naming ``target``, each source whose document that
    folder cannot reach while another file stands at its path beside ``target`` (other
    bytes, a link that leads out of the folder, or the document itself unreadable), and
    how to write the set instead. A place that cannot be looked at (a name too long, a
    folder not searchable) holds nothing a check could read: the path is kept.
    """
    folder = Path(os.path.realpath(Path(target).absolute().parent))  # the link's folder, not its target's
    sources, strangers, kept = [], [], []
    for source in claims.sources:
        base, document = claims.bases.get(source.id), source.document
        if document is not None and base is not None and Path(os.path.realpath(base)) != folder:
            held = Path(os.path.normpath(Path(os.path.realpath(base)) / document))
            relative = Path(os.path.relpath(held, folder))
            if relative.parts[:1] != ("..",):
                source = _named(source, relative.as_posix())  # noqa: PLW2901
            else:
                kept.append((source.id, document, held))
                found = _stranger(folder / document, held, folder)
                if found is not None:
                    strangers.append(f"source {source.id}: {document} would be {folder / document}{found}, not {held}")
        sources.append(source)
    if strangers:
        raise ArgumentError(_refusal(target, strangers, claims, kept))
    if all(new is old for new, old in zip(sources, claims.sources, strict=True)):
        return claims
    return rearranged(claims, sources=tuple(sources))


def _named(source: Source, document: str) -> Source:
    return source if document == source.document else attrs.evolve(source, document=document)


def _stranger(beside: Path, held: Path, folder: Path) -> str | None:
    """Why a file at ``beside`` would be read in place of the document ``held`` (``""``: other bytes), or None.

    As a check reads it: nothing there, or nothing that can be looked at or read, is
    reported unreadable, so it is no stranger; a link out of ``folder`` is reported
    lying outside it; a regular file inside it is read, so it must hold the document's
    bytes (compared in pieces, after the sizes).
    """
    try:
        info = os.stat(beside)
    except (OSError, ValueError):  # missing, a name too long, a folder not searchable: a check cannot read it
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    if not Path(os.path.realpath(beside)).is_relative_to(folder):
        return f" (a link leading out of {folder}, which a check refuses)"
    try:
        if os.path.samefile(beside, held):
            return None
        if os.stat(held).st_size != info.st_size:
            return ""
    except OSError:  # the document itself missing or unreadable: the file beside would be read instead
        return ""
    name = os.fspath(beside)
    try:
        return None if filecmp.cmp(name, os.fspath(held), shallow=False) else ""
    except OSError as error:  # the file beside unreadable: a check reports it so; the document unreadable: as above
        return None if error.filename == name else ""


def _refusal(target: Path, strangers: list[str], claims: ClaimSet, kept: list[tuple[str, str, Path]]) -> str:
    named = "; ".join(strangers[:_NAMED])
    if len(strangers) > _NAMED:
        named += f"; and {len(strangers) - _NAMED} more"
    documented = [source.id for source in claims.sources if source.document is not None]
    holder = os.path.commonpath([os.path.realpath(claims.bases[id_]) for id_ in documented if id_ in claims.bases])
    above = f" ({holder} or a folder above it)" if holder != os.path.sep else ""
    clash = _clash(kept)
    copies = (
        f"; copies beside it cannot serve, as sources {clash[0]} and {clash[1]} both name {clash[2]} for"
        " different texts"
        if clash is not None
        else ", or put a copy of each document at its path beside it"
    )
    return (
        f"factlog.dump: path: {target}: its folder cannot reach these documents, and other files stand at"
        f" their paths beside it, which the file written would name instead: {named}. Write the file in a"
        f" folder that holds the documents{above}{copies}; or remove the files in the way (the paths are then"
        " kept, and a check of the file written reports those documents missing)"
    )


def _clash(kept: list[tuple[str, str, Path]]) -> tuple[str, str, str] | None:
    """Two sources whose kept paths are the same but whose documents differ (no one copy serves both), if any."""
    first: dict[str, tuple[str, Path]] = {}
    for id_, document, held in kept:
        key = os.path.normpath(document)
        if key not in first:
            first[key] = (id_, held)
        elif _differ(first[key][1], held):
            return first[key][0], id_, document
    return None


def _differ(one: Path, other: Path) -> bool:
    try:
        return not (os.path.samefile(one, other) or filecmp.cmp(one, other, shallow=False))
    except OSError:  # one of them unreadable: no copy reads as both
        return True
