"""Where a record was read, as every message names it: ``a.json: $.sources[3]``, ``b.jsonl:7``, and a field in it.

A JSON document's records are named by JSON path; a JSON Lines file holds one record a
line, so its records are named by line, a field by its path within the line, as editors
and compilers name a place: ``a.json: $.sources[3].document``, ``b.jsonl:7: $.document``.
Text read without a name is named by path alone (``$.sources[3]``) or ``line 7``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factlog.model._claimset import ClaimSet
from factlog.model._folders import given_as

__all__ = ["at_line", "at_path", "in_record", "place_sources", "relabelled"]


def at_line(label: str, line: int) -> str:
    """``FILE:LINE``, or ``line LINE`` for text without a name."""
    return f"{label}:{line}" if label else f"line {line}"


def at_path(label: str, path: str) -> str:
    """``FILE: $.PATH`` (``path`` without its ``$.``: ``sources[3]``), or ``$.PATH`` for text without a name."""
    return f"{label}: $.{path}" if label else f"$.{path}"


def in_record(place: str, field: str) -> str:
    """Where ``field`` of the record at ``place`` (:func:`at_line` or :func:`at_path`) is given.

    ``a.json: $.sources[3]`` gives ``a.json: $.sources[3].document``; ``b.jsonl:7`` gives
    ``b.jsonl:7: $.document`` (a path names a record by its index, ending ``]``; a line by its number).
    """
    return f"{place}.{field}" if place.endswith("]") else f"{place}: $.{field}"


def place_sources(claims: ClaimSet, label: str, lines: Sequence[int] | None = None) -> ClaimSet:
    """``claims`` (the loader's own new set, read from one file or text) with ``sources_at`` filled in; raises nothing.

    Each source is named by its line when ``lines`` (the line of each source record, in
    order, noted as they were read) is given, else by its JSON path in ``label``.
    """
    if not claims.sources:
        return claims
    if lines is not None and len(lines) == len(claims.sources):
        places = {source.id: at_line(label, line) for source, line in zip(claims.sources, lines, strict=True)}
    else:
        places = {source.id: at_path(label, f"sources[{position}]") for position, source in enumerate(claims.sources)}
    object.__setattr__(claims, "sources_at", places)  # filled as the readers fill a set's fields
    return claims


def relabelled(claims: ClaimSet, label: str, given: str) -> ClaimSet:
    """``claims`` (read from the file ``label`` names) with its sources named by ``given`` in its place; raises nothing.

    For a file read at its absolute path (by a worker in another folder) and named as the
    user gave it, as :func:`factlog.load` names it. Every place of ``sources_at`` begins
    with ``label`` (:func:`at_line`, :func:`at_path`), and its sources' folders (``bases``)
    are named by ``given``'s folder; ``claims`` is changed in place.
    """
    if label != given and claims.sources_at:
        places = {source: given + place.removeprefix(label) for source, place in claims.sources_at.items()}
        object.__setattr__(claims, "sources_at", places)
    if label != given and claims.bases:  # the folder of each source, named as the user gave its file's folder
        folder = str(Path(given).parent)
        object.__setattr__(claims, "bases", {source: given_as(base, folder) for source, base in claims.bases.items()})
    return claims
