"""A draft made to stand on its own: the predicates it names, and no proposition that contradicts another.

:func:`with_references` gives the predicates a draft uses with those they name (inverse,
exclusive); :func:`consistent` leaves out the propositions that make the draft
contradict itself (errors of :func:`factlog.check`), noting so on their claims.
"""

from __future__ import annotations

import attrs

from factlog.checks import Severity, check
from factlog.model import Claim, ClaimSet

__all__ = ["consistent", "with_references"]

_SAFETY_ROUNDS = 3


def with_references(registry: ClaimSet, predicates: set[str]) -> set[str]:
    """The predicates with those they name (inverse, exclusive), so that the draft stands on its own."""
    pending, found = list(predicates), set()
    while pending:
        predicate = registry.predicate_by_id.get(pending.pop())
        if predicate is None or predicate.id in found:
            continue
        found.add(predicate.id)
        pending += [*predicate.exclusive_with, *([predicate.inverse] if predicate.inverse else [])]
    return found


def consistent(claims: ClaimSet) -> ClaimSet:
    """The draft without the propositions that make it contradict itself (errors of ``check``)."""
    for _ in range(_SAFETY_ROUNDS):
        bare = attrs.evolve(claims, sources=tuple(attrs.evolve(s, document=None, sha256=None) for s in claims.sources))
        involved = {
            claim
            for finding in check(bare).findings
            if finding.severity >= Severity.ERROR
            for claim in finding.claim_ids
        }
        if not involved:
            return claims
        claims = attrs.evolve(claims, claims=tuple(_without_proposition(c, involved) for c in claims.claims))
    return attrs.evolve(claims, claims=tuple(attrs.evolve(c, proposition=None) for c in claims.claims))


def _without_proposition(claim: Claim, involved: set[str]) -> Claim:
    if claim.id not in involved or claim.proposition is None:
        return claim
    note = "factlog draft left out a proposition that contradicted another sentence of the article."
    return attrs.evolve(claim, proposition=None, notes=note)
