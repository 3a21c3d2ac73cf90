"""Source dependence: sources found to print one text are dependent on each other for every claim they agree on.

Copying is a relation between sources, not between claims (Dong, Berti-Équille &
Srivastava 2009, "Integrating conflicting data: the role of source dependence"): once two
sources are found to print one text in their own voice on one proposition (a run of
:data:`~factlog.analysis._wording.MIN_WORDS` words, :func:`~factlog.analysis._wording.echoes`),
what else they say alike in their own voice is the same copying, however few its words
("killing 12 civilians" is too short to tell a copy by, and printed by the copy all the
same). :func:`dependence` groups the sources so found, over every proposition of an index;
:mod:`factlog.analysis._origins` joins their agreeing own-voice claims as one origin.

The groups depend on every proposition's claims, so where claims are assessed in parts
(:func:`factlog.assess_lines`, :func:`factlog.dask.assess`) each part's groups
(:func:`found_in`) are merged (:func:`merged`) and given to every part (:func:`seed`)
before any origin is counted.
"""

from __future__ import annotations

from collections.abc import Iterable

from factlog.analysis._index import Entry, Index
from factlog.analysis._originals import original
from factlog.analysis._stories import source_story
from factlog.analysis._unionfind import UnionFind
from factlog.analysis._wording import MIN_WORDS, echoes, most_words
from factlog.model._claimset import ClaimSet
from factlog.model._scales import Polarity

__all__ = ["Groups", "dependence", "found_in", "found_original", "may_echo", "merged", "seed"]

Groups = tuple[tuple[str, ...], ...]
"""Groups of dependent sources: each sorted, two sources or more, the groups sorted."""

_MEMO = "wording:dependence"


def found_in(index: Index) -> Groups:
    """The groups of sources printing one text in their own voice, on any proposition of ``index``; raises nothing."""
    sets: UnionFind[str] = UnionFind()
    for group in index.by_key.values():
        if len(group) < 2:
            continue
        for polarity in (Polarity.AFFIRMED, Polarity.DENIED):
            side = [entry for entry in group if entry.polarity is polarity]
            for echo in echoes(index, side):
                for source_id in echo.sources[1:]:
                    sets.union(echo.sources[0], source_id)
    return _groups(sets)


def may_echo(claims: ClaimSet) -> bool:
    """False when no quote of ``claims`` has :data:`MIN_WORDS` words, so that no source can be found copying.

    Every echo holds an own-voice quote of that many words: a part without one finds
    nothing, and need not be indexed to say so. Raises nothing.
    """
    return any(most_words(evidence.quote) >= MIN_WORDS for claim in claims.claims for evidence in claim.evidence)


def merged(parts: Iterable[Groups]) -> Groups:
    """The groups of several parts' :func:`found_in` as one: sources in groups that share one are one group."""
    sets: UnionFind[str] = UnionFind()
    for groups in parts:
        for first, *others in groups:
            for source_id in others:
                sets.union(first, source_id)
    return _groups(sets)


def _groups(sets: UnionFind[str]) -> Groups:
    found: dict[str, list[str]] = {}
    for source_id in list(sets.parent):
        found.setdefault(sets.find(source_id), []).append(source_id)
    return tuple(sorted(tuple(sorted(members)) for members in found.values() if len(members) > 1))


def seed(index: Index, groups: Groups) -> Index:
    """``index`` with ``groups`` as its :func:`dependence` (found over every part of what is assessed); returns it."""
    index.memo(_MEMO, lambda _: _table(groups))
    return index


def dependence(index: Index) -> dict[str, tuple[str, ...]]:
    """Each source found dependent on another → its group (sorted ids), over every proposition; ``{}`` for most sets."""
    return index.memo(_MEMO, lambda found: _table(found_in(found)))


def found_original(index: Index, entry: Entry) -> str | None:
    """The original a claim's first source is found copying, by shared wording: its publisher's words, not the source's.

    The original of the source's group (:func:`~factlog.analysis._originals.original`)
    when it can be told and is neither the source itself nor the story it declares
    copying; None otherwise (most claims: read in no source found copying). Raises nothing.
    """
    if not entry.claim.evidence:
        return None
    source_id = entry.claim.evidence[0].source
    group = dependence(index).get(source_id)
    if group is None:
        return None
    told = original(index, group).source
    return None if told in (None, source_id, source_story(index, source_id)) else told


def _table(groups: Groups) -> dict[str, tuple[str, ...]]:
    return {source_id: members for members in groups for source_id in members}
