"""Reference checks: every id a claim set mentions must be defined somewhere.

A single file of a corpus may lean on entities and predicates defined in another, so
references are checked against the merged set, but reported per file and JSON path.
"""

from __future__ import annotations

from collections.abc import Iterator

from factlog.claimset import ClaimSet
from factlog.vocabulary import Vocabulary, alias_problems

__all__ = ["unresolved"]


def unresolved(part: ClaimSet, within: ClaimSet, vocabulary: Vocabulary | None = None) -> list[tuple[str, str]]:
    """``(path, message)`` for each reference in ``part`` that ``within`` does not define."""
    vocabulary = vocabulary or Vocabulary.of(within)
    return list(_problems(part, within, vocabulary))


def _problems(part: ClaimSet, within: ClaimSet, vocabulary: Vocabulary) -> Iterator[tuple[str, str]]:
    sources = within.source_by_id
    claims = within.claim_by_id

    def entity(path: str, name: str) -> Iterator[tuple[str, str]]:
        if not vocabulary.knows_entity(name):
            yield path, f"unknown entity {name!r}"

    yield from alias_problems(part.entities)
    for index, item in enumerate(part.entities):
        if item.affiliation is not None:
            yield from entity(f"$.entities[{index}].affiliation", item.affiliation)
    for index, predicate in enumerate(part.predicates):
        for position, other in enumerate(predicate.exclusive_with):
            if not vocabulary.knows_predicate(other):
                yield f"$.predicates[{index}].exclusive_with[{position}]", f"unknown predicate {other!r}"
    for index, source in enumerate(part.sources):
        yield from entity(f"$.sources[{index}].publisher", source.publisher)
        for position, other in enumerate(source.derived_from):
            if other not in sources:
                yield f"$.sources[{index}].derived_from[{position}]", f"unknown source {other!r}"
    for index, claim in enumerate(part.claims):
        here = f"$.claims[{index}]"
        yield from entity(f"{here}.attribution.holder", claim.attribution.holder)
        for position, relay in enumerate(claim.attribution.via):
            yield from entity(f"{here}.attribution.via[{position}]", relay)
        for position, evidence in enumerate(claim.evidence):
            if evidence.source not in sources:
                yield f"{here}.evidence[{position}].source", f"unknown source {evidence.source!r}"
        for position, answered in enumerate(claim.answers):
            if answered not in claims:
                yield f"{here}.answers[{position}]", f"unknown claim {answered!r}"
            elif answered == claim.id:
                yield f"{here}.answers[{position}]", "a claim cannot answer itself"
        proposition = claim.proposition
        if proposition is None:
            continue
        yield from entity(f"{here}.proposition.subject", proposition.subject)
        if not vocabulary.knows_predicate(proposition.predicate):
            yield f"{here}.proposition.predicate", f"unknown predicate {proposition.predicate!r}"
        if isinstance(proposition.object, str):
            yield from entity(f"{here}.proposition.object", proposition.object)
        elif proposition.predicate in vocabulary.inverses:
            yield f"{here}.proposition.object", "an inverse predicate needs an entity as its object"
