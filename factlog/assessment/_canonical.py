"""The canonical order of a claim set: what makes an assessment depend on the set, not on its order."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, TypeVar

from factlog.analysis._index import Index
from factlog.model._claimset import ClaimSet, rearranged
from factlog.model._dates import PartialDate

__all__ = ["canonical", "known_before"]

_T = TypeVar("_T")
_ID: Callable[[Any], str] = operator.attrgetter("id")


def _by_id(items: tuple[_T, ...], key: Callable[[_T], str]) -> tuple[_T, ...]:
    ordered = tuple(sorted(items, key=key))
    return items if ordered == items else ordered


def canonical(claims: ClaimSet) -> ClaimSet:
    """The claim set with entities, predicates, sources and claims sorted by id: O(n log n), O(n) when sorted.

    Every step of assessment that keeps the first of equals (the order of questions, of
    a group's claims, of the speakers' votes) then sees the same order for the same set.
    """
    entities = _by_id(claims.entities, _ID)
    predicates = _by_id(claims.predicates, _ID)
    sources = _by_id(claims.sources, _ID)
    ordered = _by_id(claims.claims, _ID)
    if (entities, predicates, sources, ordered) == (claims.entities, claims.predicates, claims.sources, claims.claims):
        return claims
    return rearranged(claims, entities=entities, predicates=predicates, sources=sources, claims=ordered)


def known_before(claims: ClaimSet, as_of: PartialDate | None) -> ClaimSet:
    """The claims stated on or before ``as_of`` (unknown dates left out; all if None), in their own order."""
    if as_of is None:
        return claims
    kept = (e.claim for e in Index.of(claims).entries if e.stated is not None and e.stated.last_day <= as_of.last_day)
    return rearranged(claims, claims=tuple(kept))
