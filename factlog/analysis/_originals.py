"""The original among sources that print one text: the story the others most likely copy, when it can be told.

Copying is a relation between sources (Dong, Berti-Équille & Srivastava 2009, "Integrating
conflicting data: the role of source dependence"): when sources print one text in their
own voice, one of them is the original and the others copy it, or copy each other. Which
one is told by what the claim set says of them, never by a name:

* a source that declares ``derived_from`` is a copy, never the original: the story it
  declares copying (its root, :func:`~factlog.analysis._stories.source_story`) stands in
  its place;
* of the stories left, one published definitely before every other is the original (a
  copy is never earlier than what it copies);
* among those published on one day (or undated, or dated too loosely to order), the one
  its publisher issues in its own right (a source of kind ``official-statement``, or a
  publisher that is no media outlet: the ministry's statement, not the wire running it)
  is the original, when exactly one is;
* otherwise the order cannot be told, and :attr:`Original.source` is None.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from factlog.analysis._index import Index
from factlog.analysis._stories import copy_sources, source_story
from factlog.model._kinds import EntityKind, SourceKind

__all__ = ["Original", "in_own_right", "original", "stories"]


@attrs.frozen
class Original:
    """The original of sources printing one text: ``source`` (None when the order cannot be told) and why.

    ``tied`` holds the stories the order could not be told between by date (the original
    among them when one is issued in its own right), in the order given; ``(source,)``
    when one was published first. ``issued`` is True when the original was told by being
    issued in its own right, not by date.
    """

    source: str | None
    tied: tuple[str, ...]
    issued: bool = False


def stories(index: Index, sources: Iterable[str]) -> tuple[str, ...]:
    """Each of ``sources`` as a story: a declared copy's root where the set holds it, in order, once each.

    A declared copy whose story the claim set does not hold is left out: it copies
    something, so it is not the original. Raises nothing.
    """
    copies = copy_sources(index)
    found: dict[str, None] = {}
    for source_id in sources:
        if source_id not in copies:
            found[source_id] = None
            continue
        root = source_story(index, source_id)
        if root is not None:
            found[root] = None
    return tuple(found)


def in_own_right(index: Index, source_id: str) -> bool:
    """Whether a source's publisher issues it in its own right: an ``official-statement``, or no media outlet's."""
    source = index.claims.source_by_id.get(source_id)
    if source is None:
        return False
    if source.kind is SourceKind.OFFICIAL_STATEMENT:
        return True
    publisher = index.publisher(source_id)
    entity = None if publisher is None else index.entity(publisher)
    return entity is not None and entity.kind is not EntityKind.MEDIA_OUTLET


def _earlier(index: Index, first: str, other: str) -> bool:
    """Whether ``first`` was published definitely before ``other`` (both dated)."""
    by_id = index.claims.source_by_id
    one, two = by_id[first].published, by_id[other].published
    return one is not None and two is not None and one.before(two, definitely=True)


def original(index: Index, sources: Iterable[str]) -> Original:
    """The original of ``sources`` (ids of sources printing one text), as the module says; raises nothing.

    ``sources`` are first taken as :func:`stories`; ``Original(None, ())`` when none is left.
    """
    candidates = [s for s in stories(index, sources) if s in index.claims.source_by_id]
    if not candidates:
        return Original(None, ())
    first = [s for s in candidates if all(_earlier(index, s, other) for other in candidates if other != s)]
    if first:
        return Original(first[0], (first[0],))
    # The earliest possible: every story no other is definitely earlier than.
    tied = tuple(s for s in candidates if not any(_earlier(index, other, s) for other in candidates))
    issued = [s for s in tied if in_own_right(index, s)]
    if len(issued) == 1:
        return Original(issued[0], tied, issued=True)
    return Original(None, tied)
