"""Independent origins: which claims are really one voice repeated.

Within a group of claims (about one proposition), two claims share an origin when

* their holders speak for the same party (same holder, or affiliated: KCNA speaks for
  the DPRK government), however many relays each passed through; or
* one is the publisher's own voice in a source derived from the other's source
  (``derived_from``: a syndicated copy, a rewrite of a press release).

A union-find over holders and sources: linear in the size of the group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from factlog.analysis._index import Entry, Index, chronological
from factlog.analysis._unionfind import UnionFind
from factlog.errors import expect

__all__ = ["Origin", "origins"]


@attrs.frozen
class Origin:
    """One independent origin: its holders' names, the party it speaks for, its claims."""

    label: str
    speaks_for: str
    entries: tuple[Entry, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources its claims were read in."""
        return tuple(dict.fromkeys(source for entry in self.entries for source in entry.sources))


def may_share_origin(index: Index, entries: Sequence[Entry]) -> bool:
    """False when the claims certainly come from two origins or more; a quick test before :func:`origins`.

    Two speakers join only through a source one of them published in its own voice:
    a speaker with no such claim is an origin of its own.
    """
    parties: dict[str, list[Entry]] = {}
    for entry in entries:
        found = parties.get(entry.speaks_for)
        if found is None:
            parties[entry.speaks_for] = [entry]
        else:
            found.append(entry)
    if len(parties) == 1:
        return True
    publisher = index.publisher
    # Every party must have spoken in its own voice somewhere: the first that did not settles it.
    return all(
        any(publisher(source) == entry.holder for entry in mine for source in entry.sources)
        for mine in parties.values()
    )


def origins(index: Index, entries: Sequence[Entry]) -> list[Origin]:
    """The independent origins of a group of claims, ordered by their first claim.

    Claims are taken in the order they were stated (then by id), so the result does
    not depend on the order they were given in. ``entries`` are entries of ``index``
    (``[]`` gives ``[]``); each :class:`Origin` holds its entries. Raises
    :class:`~factlog.ArgumentError` (a :class:`ValueError`) for an ``index`` that is no
    :class:`~factlog.Index`, nothing for entries of ``index``: a source without a known
    publisher joins no one.
    """
    expect(index, Index, "factlog.origins: index", "an Index (factlog.Index.of(claims))")
    if len(entries) == 1:  # most groups: one claim, one origin
        return [Origin(index.name(entries[0].holder), _original_speaker(index, entries), tuple(entries))]
    entries = chronological(entries)
    sets: UnionFind[str] = UnionFind()
    find, union = sets.find, sets.union
    walked: set[str] = set()

    for entry in entries:
        speaker = "e:" + entry.speaks_for
        find(speaker)
        for source_id in entry.sources:
            publisher = index.publisher(source_id)
            if publisher is None:
                continue
            if publisher == entry.holder:
                union(speaker, "s:" + source_id)
            _join_ancestors(index, source_id, union, walked)
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(find("e:" + entry.speaks_for), []).append(entry)
    result = []
    for members in groups.values():
        holders = list(dict.fromkeys(index.name(entry.holder) for entry in members))
        names = ", ".join(holders[:3]) + (f" and {len(holders) - 3} more" if len(holders) > 3 else "")
        story = _story(index, members)
        if story is None:
            result.append(Origin(names, _original_speaker(index, members), tuple(members)))
        else:
            publisher, title = story
            label = f"{index.name(publisher)} (“{title}”), relayed by {names}"
            result.append(Origin(label, index.speaks_for(publisher), tuple(members)))
    return result


def _join_ancestors(index: Index, source_id: str, union: Callable[[str, str], object], walked: set[str]) -> None:
    """Join a source with everything it derives from; each source is walked once per call (linear in a chain)."""
    pending = [source_id]
    while pending:
        current = pending.pop()
        if current in walked:
            continue
        walked.add(current)
        source = index.claims.source_by_id.get(current)
        if source is None:
            continue
        for parent in source.derived_from:
            union("s:" + current, "s:" + parent)
            pending.append(parent)


def _story(index: Index, members: Sequence[Entry]) -> tuple[str, str] | None:
    """When every claim was read in a copy, the publisher and title of the story they all derive from.

    The root of each source (following the first ``derived_from``) is found once and
    remembered for every source on the way, so a chain costs its length, not its square.
    """
    roots: dict[str, str] = {}
    found = set()
    for entry in members:
        source = index.claims.source_by_id.get(entry.claim.evidence[0].source)
        if source is None or not source.derived_from:
            return None
        path = []
        current = source
        while current.id not in roots and current.derived_from and current.id not in path:
            path.append(current.id)
            parent = index.claims.source_by_id.get(current.derived_from[0])
            if parent is None:
                break
            current = parent
        root = roots.get(current.id, current.id)
        roots.update((step, root) for step in path)
        found.add(root)
    if len(found) != 1:
        return None
    story = index.claims.source_by_id[found.pop()]
    publisher = index.publisher(story.id)  # the entity's id, however the source names it
    return story.publisher if publisher is None else publisher, story.title


def _original_speaker(index: Index, members: Sequence[Entry]) -> str:
    """The speaker of the first claim read in a source that copies no other.

    When every claim is read in a copy, the origin is the publisher of the story the
    first claim's source was copied from (followed back to a source that copies none).
    """
    for entry in members:
        source = index.claims.source_by_id.get(entry.claim.evidence[0].source)
        if source is None or not source.derived_from:
            return entry.speaks_for
    story = _story(index, members)
    if story is not None:
        return index.speaks_for(index.vocabulary.entity(story[0]))
    return members[0].speaks_for
