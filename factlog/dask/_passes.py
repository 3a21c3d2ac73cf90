"""What each worker does, without Dask: route claims to partitions, and run the rules on one.

A check is four passes over the same claims, each with its own partition key, so that
every group a rule reads is whole in exactly one partition:

``slot``
    the normalised subject and the predicate's *family* (predicates joined by
    ``exclusive_with``, so ``exclusive_predicates`` finds both sides in one partition):
    proposition keys and slots, and every rule that reads one claim at a time;
    claims without a proposition go by their id;
``holder``
    the canonical holder: the holder-level rules (``overconfident_holder``);
``source``
    each source a claim cites (a claim goes to each of its sources' partitions): the
    source-level rules (``document_mismatch``), sources cited by no claim included;
``claim``
    the claim's own id, and the id of each claim it answers: ``answers`` links
    (``answered_denial``), duplicate ids and answers to unknown claims.

Each partition builds an :class:`~factlog.analysis._index.Index` of its claims and shows
the rules a view holding only its pass's groups (the others empty), so the same rule
functions run unchanged and each finding is made exactly once. Partition numbers come
from CRC-32 of the key (the same in every process, unlike ``hash``).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import attrs

from factlog.analysis._index import Index
from factlog.analysis._unionfind import UnionFind
from factlog.assessment._assessment import PropositionAssessment, assessed, known_by
from factlog.checks._engine import first_stated, run_rules
from factlog.checks._findings import Finding
from factlog.checks._rules import Rule
from factlog.errors import ConflictError, UnknownIdError
from factlog.io._references import unresolved
from factlog.model._claimset import ClaimSet
from factlog.model._dates import PartialDate
from factlog.model._nouns import Claim, FieldError
from factlog.model._vocabulary import Vocabulary

__all__ = ["CHECK_PASSES", "Found", "assess_partition", "check_partition", "route", "tables"]

CHECK_PASSES = ("slot", "holder", "source", "claim")
"""The passes of a distributed check, each a shuffle of the claims by its own key."""

Buckets = list[list[Claim]]
"""One list of claims for each partition."""


@attrs.frozen
class Found:
    """What one partition of one pass found: findings with their first dates, cited claims, a count."""

    findings: tuple[tuple[Finding, tuple[int, int]], ...]
    """Each finding with the sort key of its earliest ``stated`` date (see ``first_stated``)."""
    cited: tuple[Claim, ...]
    """The claims the findings name, for reports that quote their evidence."""
    claims: int
    """How many claims the partition held (in the ``slot`` pass: each claim once)."""


def partition(key: str, partitions: int) -> int:
    """The partition of a key: CRC-32 of its UTF-8 bytes, modulo the count."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % partitions


def tables(claims: ClaimSet) -> ClaimSet:
    """The small tables of a claim set (entities, predicates, sources, acknowledgements), without its claims."""
    return attrs.evolve(claims, claims=())


def _families(vocabulary: Vocabulary) -> dict[str, str]:
    joined: UnionFind[str] = UnionFind()
    for predicate in vocabulary.predicates.values():
        for other in predicate.exclusive_with:
            joined.union(predicate.id, other)
    return {predicate: joined.find(predicate) for predicate in list(joined.parent)}


def route(small: ClaimSet, part: ClaimSet, partitions: int, passes: Sequence[str], *, validate: bool) -> list[Buckets]:
    """Split a part's claims into ``partitions`` buckets for each pass, in their given order.

    With ``validate`` the claims' references to entities and sources are checked against
    the small tables (answers to claims are checked in the ``claim`` pass); raises
    :class:`~factlog.errors.UnknownIdError` naming the JSON path of each unknown id.
    """
    vocabulary = Vocabulary.of(small)
    if validate:
        within = attrs.evolve(small, claims=part.claims)
        problems = [
            f"{path}: {message}" for path, message in unresolved(part, within, vocabulary) if ".answers[" not in path
        ]
        if problems:
            raise UnknownIdError(problems)
    families = _families(vocabulary)
    routed: list[Buckets] = [[[] for _ in range(partitions)] for _ in passes]
    for claim in part.claims:
        for buckets, kind in zip(routed, passes, strict=True):
            for number in _targets(kind, claim, vocabulary, families, partitions):
                buckets[number].append(claim)
    return routed


def _targets(kind: str, claim: Claim, vocabulary: Vocabulary, families: dict[str, str], partitions: int) -> set[int]:
    if kind == "slot":
        proposition = claim.proposition
        if proposition is None:
            return {partition("\0" + claim.id, partitions)}
        normal = vocabulary.normalise(proposition)
        return {partition(normal.subject + "\0" + families.get(normal.predicate, normal.predicate), partitions)}
    if kind == "holder":
        return {partition(vocabulary.entity(claim.attribution.holder), partitions)}
    if kind == "source":
        return {partition(source, partitions) for source in claim.sources}
    return {partition(claim.id, partitions)} | {partition(answered, partitions) for answered in claim.answers}


def _part(small: ClaimSet, buckets: Sequence[Sequence[Claim]]) -> ClaimSet:
    claims = tuple(claim for bucket in buckets for claim in bucket)
    try:
        return attrs.evolve(small, claims=claims)
    except FieldError as error:
        raise ConflictError([f"$.{error.field}: claim {error.message}"]) from None


def _view(index: Index, kind: str, number: int, partitions: int, *, validate: bool) -> Index:
    empty = frozenset[str]()
    if kind == "slot":
        return attrs.evolve(index, by_holder={}, by_source={}, answered_by={}, source_scope=empty)
    only = attrs.evolve(index, entries=[], by_key={}, by_slot={}, by_holder={}, by_source={}, answered_by={})
    if kind == "holder":
        return attrs.evolve(only, by_holder=index.by_holder, source_scope=empty)
    if kind == "source":
        scope = frozenset(s.id for s in index.claims.sources if partition(s.id, partitions) == number)
        groups = {source: index.by_source[source] for source in sorted(scope) if source in index.by_source}
        return attrs.evolve(only, by_source=groups, source_scope=scope)
    answered = {claim: group for claim, group in index.answered_by.items() if partition(claim, partitions) == number}
    if validate:
        unknown = sorted(claim for claim in answered if claim not in index.by_id)
        if unknown:
            raise UnknownIdError([f"claims answering {claim!r}: unknown claim {claim!r}" for claim in unknown])
    return attrs.evolve(only, answered_by=answered, source_scope=empty)


def check_partition(
    small: ClaimSet,
    kind: str,
    number: int,
    partitions: int,
    rules: Sequence[Rule],
    *buckets: Sequence[Claim],
    validate: bool = False,
) -> Found:
    """Run the rules on partition ``number`` of pass ``kind``, given its bucket from every part."""
    index = Index.of(_part(small, buckets))
    view = _view(index, kind, number, partitions, validate=validate)
    findings = run_rules(view, rules)
    by_id = index.by_id
    cited = {claim: by_id[claim].claim for finding in findings for claim in finding.claim_ids if claim in by_id}
    return Found(
        tuple((finding, first_stated(index, finding)) for finding in findings),
        tuple(cited[claim] for claim in sorted(cited)),
        len(index.entries),
    )


def assess_partition(
    small: ClaimSet, as_of: PartialDate | None, method: str, *buckets: Sequence[Claim]
) -> list[PropositionAssessment]:
    """The assessments of one partition of the ``slot`` pass, unsorted."""
    return assessed(known_by(_part(small, buckets), as_of), method)
