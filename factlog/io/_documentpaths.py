"""Where :func:`factlog.dump` writes each source's ``document``: relative to the file it writes, never to a stranger.

A document path is relative to the folder of the file that defines the source and may
not leave it (``..`` and absolute paths are refused by the readers). A set loaded from
files holds each source's folder (``ClaimSet.bases``); written elsewhere, a document
that folder reaches is rewritten relative to it. One it cannot reach keeps its path as
held, and a check of the file written reports it unreadable, unless another file stands
at that path beside the file written: the file would then name that file as the
document, so the dump is refused.
"""

from __future__ import annotations

import os
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

    Raises :class:`~factlog.ArgumentError` naming ``target``, each source whose document
    that folder cannot reach while another file (other bytes, or the document unreadable)
    stands at its path beside ``target``, and how to write the set instead.
    """
    folder = Path(os.path.realpath(target)).parent  # real paths: a folder reached through a symlink is itself
    sources, strangers = [], []
    for source in claims.sources:
        base, document = claims.bases.get(source.id), source.document
        if document is not None and base is not None and Path(os.path.realpath(base)) != folder:
            held = Path(os.path.normpath(Path(os.path.realpath(base)) / document))
            relative = Path(os.path.relpath(held, folder))
            if relative.parts[:1] != ("..",):
                source = _named(source, relative.as_posix())  # noqa: PLW2901
            elif _stranger(folder / document, held):
                strangers.append(f"source {source.id}: {document} would be {folder / document}, not {held}")
        sources.append(source)
    if strangers:
        raise ArgumentError(_refusal(target, strangers, claims))
    if all(new is old for new, old in zip(sources, claims.sources, strict=True)):
        return claims
    return rearranged(claims, sources=tuple(sources))


def _named(source: Source, document: str) -> Source:
    return source if document == source.document else attrs.evolve(source, document=document)


def _stranger(beside: Path, held: Path) -> bool:
    """Whether a file at ``beside`` would be read in place of the document ``held``: other bytes, or no document."""
    if not beside.is_file():
        return False
    try:
        return not os.path.samefile(beside, held) and beside.read_bytes() != held.read_bytes()
    except OSError:  # the document itself missing or unreadable: the file beside would be read instead
        return True


def _refusal(target: Path, strangers: list[str], claims: ClaimSet) -> str:
    named = "; ".join(strangers[:_NAMED])
    if len(strangers) > _NAMED:
        named += f"; and {len(strangers) - _NAMED} more"
    documented = [source.id for source in claims.sources if source.document is not None]
    holder = os.path.commonpath([os.path.realpath(claims.bases[id_]) for id_ in documented if id_ in claims.bases])
    return (
        f"factlog.dump: path: {target}: its folder cannot reach these documents, and other files stand at"
        f" their paths beside it, which the file written would name instead: {named}. Write the file in a"
        f" folder that holds the documents ({holder} or a folder above it), or put a copy of each document at"
        " its path beside it"
    )
