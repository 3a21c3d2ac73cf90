"""What each worker does, without Dask: route claims to partitions, and run the rules on one.

Each rule declares the grouping it reads (:func:`factlog.checks._groupings.reads`); a
check makes one pass for each grouping its rules read, each a shuffle of the claims by
its own key, so that every group a rule reads is whole in exactly one partition:

``slot``
    each reading's normalised subject and predicate *family* (predicates joined by
    ``exclusive_with`` or a shared ``scale``, so ``exclusive_predicates`` and
    ``highest_since`` readings stay together); a claim without a proposition goes by
    its id. The ``slot`` and ``claim`` rules run here, and the projections of the
    ``whole`` rules that have one;
``object``
    each reading's entity object and predicate (``conflicting_holders``);
``holder``
    the canonical holder (``overconfident_holder``);
``source``
    each source a claim cites (``document_mismatch``, ``quote_unverified``,
    ``source_dates_disagree``), sources cited by no claim included;
``answers``
    the claim's own id and the id of each claim it answers (``answered_denial``); also
    where duplicate ids and answers to unknown claims are found;
``regarding``
    a claim about claims by its id, joined by the claims it names, the claims of their
    propositions and the claims answering them (``misreported_stance``; two small
    rounds first find which claims those are);
``whole``
    every claim in one partition, for a rule that declares no grouping.

A claim with several readings may go to several partitions of a pass; each partition
keeps to the groups it *owns* (whose key maps to it), and the claim-at-a-time rules see
a claim only in the partition of its first reading. Partition numbers come from CRC-32
of the key (the same in every process, unlike ``hash``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from factlog.analysis._dependence import Groups, found_in, may_echo, seed
from factlog.analysis._index import Entry, Index
from factlog.analysis._patterns import readings
from factlog.assessment._assessment import PropositionAssessment, assessed, known_by
from factlog.checks._engine import first_stated, run_rules
from factlog.checks._findings import Finding
from factlog.checks._groupings import reads_of
from factlog.checks._rules import Rule
from factlog.dask._routing import families, partition, slot_owner, turned_groups, turns
from factlog.errors import ConflictError, UnknownIdError
from factlog.io._references import refused_as, unresolved
from factlog.model._claimset import ClaimSet, rearranged
from factlog.model._dates import PartialDate
from factlog.model._nouns import Claim, FieldError, Proposition
from factlog.model._vocabulary import PropositionKey, Vocabulary, canonical_key

__all__ = [
    "PASS_OF",
    "Found",
    "Routing",
    "answered_ids",
    "assess_partition",
    "check_partition",
    "dependence_partition",
    "passes_of",
    "pick",
    "regarding_keys",
    "regarding_wants",
    "route",
    "tables",
]

PASS_OF = {
    "claim": "slot",
    "slot": "slot",
    "object": "object",
    "holder": "holder",
    "source": "source",
    "answers": "answers",
    "regarding": "regarding",
    "whole": "whole",
}
"""The pass a rule of each grouping runs in."""

Bucket = list[tuple[int, Claim | str]]
"""Claims for one partition, each with its position in the part it was read from; in the
``answers`` pass, a claim that neither answers nor is answered comes as its id alone
(for the duplicate-id check)."""

Wanted = dict[str, frozenset[int]]
"""Claim ids to the ``regarding`` partitions that need them."""


@attrs.frozen
class Routing:
    """How claims are routed: the partition count, the passes, and what the ``regarding`` pass wants."""

    partitions: int
    passes: tuple[str, ...]
    wanted: Wanted = attrs.field(factory=dict)
    """Claims named by claims about claims, to the partitions of those claims about claims."""
    keys: dict[PropositionKey, frozenset[int]] = attrs.field(factory=dict)
    """The proposition keys of the named claims, to the same partitions."""
    answered: frozenset[str] = frozenset()
    """The ids some claim answers: only those claims, and the answering ones, go whole to ``answers``."""


@attrs.frozen
class Found:
    """What one partition of one pass found."""

    findings: tuple[tuple[Finding, tuple[int, int]], ...]
    """Each finding with the sort key of its earliest ``stated`` date (see ``first_stated``)."""
    cited: tuple[Claim, ...]
    """The claims the findings name, for reports that quote their evidence."""
    projected: tuple[tuple[str, tuple[tuple[tuple[int, int], Any], ...] | BaseException], ...] = ()
    """For each ``whole`` rule with a projection, by name: its records, each with the position
    (part, claim) of the claim it comes from; or what the projection raised."""
    dates: tuple[tuple[str, tuple[int, int] | None], ...] = ()
    """The ``stated`` sort key of each claim the projections name."""


def tables(claims: ClaimSet) -> tuple[ClaimSet, int]:
    """The small tables of a claim set (entities, predicates, sources, acknowledgements) and its claim count.

    Not checked here: a file's tables are checked once merged with the others', with the file's paths.
    """
    return rearranged(claims, claims=()), len(claims.claims)


def passes_of(rules: Sequence[Rule], *, validate: bool) -> tuple[str, ...]:
    """The passes the rules need, in a fixed order (``answers`` also to validate ids)."""
    needed = {"answers"} if validate else set()
    for rule in rules:
        declared = reads_of(rule)
        needed.add("slot" if declared.project is not None else PASS_OF[declared.grouping])
    return tuple(kind for kind in dict.fromkeys(PASS_OF.values()) if kind in needed)


class _Router:
    """The partition keys of a claim, from the small tables."""

    def __init__(self, small: ClaimSet, routing: Routing) -> None:
        self.small = small
        self.vocabulary = Vocabulary.of(small)
        self.families = families(self.vocabulary)
        self.turns = turns(self.vocabulary)
        self.count = routing.partitions
        self.routing = routing

    def readings(self, claim: Claim) -> list[Proposition]:
        """The claim's readings, normalised, its own first (as the index files them)."""
        proposition = claim.proposition
        if proposition is None:
            return []
        if claim.pattern is None and type(proposition.object) is not tuple:
            return [self.vocabulary.normalise(proposition)]
        stated = claim.stated
        if stated is None:
            source = self.small.source_by_id.get(claim.evidence[0].source)
            stated = None if source is None else source.published
        found = readings(claim, stated, self.vocabulary)
        return [self.vocabulary.normalise(reading.proposition) for reading in found]

    def slot(self, subject: str, predicate: str) -> int:
        return partition(subject + "\0" + self.families.get(predicate, predicate), self.count)

    def targets(self, kind: str, claim: Claim, props: list[Proposition]) -> set[int] | frozenset[int]:
        count = self.count
        if kind == "slot":
            if not props:
                return {partition("\0" + claim.id, count)}
            # A symmetric pair, or one a partner turned round excludes, goes to its object's slot
            # too: filed there (one partner a side), or read there by the partner's claims.
            turns = self.turns
            found = {self.slot(p.subject, p.predicate) for p in props}
            return found.union(
                self.slot(p.object, p.predicate)
                for p in props
                if isinstance(p.object, str) and turns(p.subject, p.predicate, p.object)
            )
        if kind == "object":
            return {partition(p.object + "\0" + p.predicate, count) for p in props if isinstance(p.object, str)}
        if kind == "holder":
            return {partition(self.vocabulary.entity(claim.attribution.holder), count)}
        if kind == "source":
            return {partition(source, count) for source in claim.sources}
        if kind == "answers":
            return {partition(claim.id, count)} | {partition(answered, count) for answered in claim.answers}
        if kind == "whole":
            return {0}
        return self._regarding(claim, props)

    def _regarding(self, claim: Claim, props: list[Proposition]) -> set[int]:
        wanted, keys = self.routing.wanted, self.routing.keys
        found = {partition(claim.id, self.count)} if claim.regarding is not None else set()
        for name in (claim.id, *claim.answers):
            found.update(wanted.get(name, ()))
        for proposition in props if keys else ():
            found.update(keys.get(canonical_key(proposition), ()))
        return found


def route(small: ClaimSet, part: ClaimSet, routing: Routing, *, validate: bool) -> list[list[Bucket]]:
    """Split a part's claims into buckets, one list of ``routing.partitions`` buckets per pass.

    With ``validate`` the claims' references to entities and sources are checked against
    the small tables (answers to claims are checked in the ``answers`` pass); raises
    :class:`~factlog.errors.UnknownIdError` naming the JSON path of each unknown id.
    """
    router = _Router(small, routing)
    if validate:
        within = small.sharing_tables(part.claims)  # what the tables ask of the claims: unresolved says it
        problems = [
            f"{path}: {message}"
            for path, message in unresolved(part, within, router.vocabulary)
            if ".answers[" not in path and ".regarding.claims[" not in path
        ]
        if problems:
            raise refused_as(problems)(problems)
    count, passes = routing.partitions, routing.passes
    routed: list[list[Bucket]] = [[[] for _ in range(1 if kind == "whole" else count)] for kind in passes]
    reads = {"slot", "object"} & set(passes) or ({"regarding"} & set(passes) if routing.keys else set())
    answered = routing.answered
    for position, claim in enumerate(part.claims):
        props = router.readings(claim) if reads else []
        for buckets, kind in zip(routed, passes, strict=True):
            if kind == "answers" and not claim.answers and claim.id not in answered:
                buckets[partition(claim.id, count)].append((position, claim.id))
                continue
            for number in router.targets(kind, claim, props):
                buckets[number].append((position, claim))
    return routed


def answered_ids(part: ClaimSet) -> frozenset[str]:
    """The ids the part's claims answer."""
    return frozenset(answered for claim in part.claims for answered in claim.answers)


def regarding_wants(part: ClaimSet, partitions: int) -> Wanted:
    """The claims each claim about claims of the part names, to that claim's ``regarding`` partition."""
    found: dict[str, set[int]] = {}
    for claim in part.claims:
        if claim.regarding is not None:
            for named in claim.regarding.claims:
                found.setdefault(named, set()).add(partition(claim.id, partitions))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def regarding_keys(small: ClaimSet, part: ClaimSet, wanted: Wanted) -> dict[PropositionKey, frozenset[int]]:
    """The proposition key of each named claim of the part (its first reading), to the partitions wanting it."""
    router = _Router(small, Routing(1, ()))
    found: dict[PropositionKey, set[int]] = {}
    for claim in part.claims:
        if claim.id in wanted:
            props = router.readings(claim)
            if props:
                found.setdefault(canonical_key(props[0]), set()).update(wanted[claim.id])
    return {key: frozenset(numbers) for key, numbers in found.items()}


def pick(part: ClaimSet, ids: frozenset[str]) -> list[Claim]:
    """The part's claims with these ids."""
    return [claim for claim in part.claims if claim.id in ids]


def _part(small: ClaimSet, buckets: Sequence[Bucket]) -> tuple[ClaimSet, list[tuple[int, int]]]:
    claims = tuple(claim for bucket in buckets for _, claim in bucket if not isinstance(claim, str))
    ids = Counter(claim if isinstance(claim, str) else claim.id for bucket in buckets for _, claim in bucket)
    twice = sorted(claim for claim, times in ids.items() if times > 1)
    if twice:
        raise ConflictError([f"$.claims: claim id {claim!r} is defined twice" for claim in twice])
    try:
        merged = small.sharing_tables(claims)  # checked as they were read, by unresolved (route)
    except FieldError as error:
        raise ConflictError([f"$.{error.field}: claim {error.message}"]) from None
    places = [
        (number, position) for number, bucket in enumerate(buckets) for position, c in bucket if not isinstance(c, str)
    ]
    return merged, places


def _owner(kind: str, number: int, count: int, index: Index) -> Callable[[Entry], bool]:
    owned = slot_owner(number, count, index)

    def slot(entry: Entry) -> bool:
        proposition = entry.proposition
        if proposition is None:
            return partition("\0" + entry.id, count) == number
        return owned((proposition.subject, proposition.predicate))

    if kind == "slot":
        return slot
    return lambda entry: entry.claim.regarding is not None and partition(entry.id, count) == number


def _view(index: Index, kind: str, number: int, count: int, *, validate: bool) -> Index:
    """The index as the pass's rules must see it: only the groups partition ``number`` owns."""
    if kind in ("slot", "regarding"):
        owns = _owner(kind, number, count, index)
        entries = [entry for entry in index.entries if owns(entry)]
        if kind == "regarding":
            named = sorted({c for e in entries for c in e.claim.regarding.claims if c not in index.by_id})  # type: ignore[union-attr]
            if validate and named:
                raise UnknownIdError([f"claims regarding {claim!r}: unknown claim {claim!r}" for claim in named])
            return attrs.evolve(index, entries=entries)
        owned = slot_owner(number, count, index)
        keys = {key: group for key, group in index.by_key.items() if owns(group[0])}
        return attrs.evolve(
            index,
            entries=entries,
            by_key=keys,
            by_slot={slot: group for slot, group in index.by_slot.items() if owned(slot[:2])},
            turned=turned_groups(index, keys, owned),
        )
    if kind == "object":
        objects = {k: g for k, g in index.by_object.items() if partition(k[0] + "\0" + k[1], count) == number}
        return attrs.evolve(index, by_object=objects)
    if kind == "source":
        scope = frozenset(s.id for s in index.claims.sources if partition(s.id, count) == number)
        groups = {source: index.by_source[source] for source in sorted(scope) if source in index.by_source}
        # Claims by their first source (``unreviewed_draft``), each in one partition.
        entries = [e for e in index.entries if partition(e.sources[0] if e.sources else "", count) == number]
        return attrs.evolve(index, entries=entries, by_source=groups, source_scope=scope)
    if kind != "answers":
        return index
    answered = {claim: group for claim, group in index.answered_by.items() if partition(claim, count) == number}
    if validate:
        unknown = sorted(claim for claim in answered if claim not in index.by_id)
        if unknown:
            raise UnknownIdError([f"claims answering {claim!r}: unknown claim {claim!r}" for claim in unknown])
    return attrs.evolve(index, answered_by=answered)


def check_partition(
    small: ClaimSet,
    kind: str,
    number: int,
    partitions: int,
    rules: Sequence[Rule],
    *buckets: Bucket,
    validate: bool = False,
) -> Found:
    """Run pass ``kind``'s rules on its partition ``number``, given that partition's bucket from every part."""
    claims, positions = _part(small, buckets)
    index = Index.of(claims)
    view = _view(index, kind, number, partitions, validate=validate)
    declared = [(rule, reads_of(rule)) for rule in rules]
    mine = [rule for rule, reads in declared if reads.project is None and PASS_OF[reads.grouping] == kind]
    findings = run_rules(view, mine)
    by_id = index.by_id
    cited = {claim: by_id[claim].claim for finding in findings for claim in finding.claim_ids if claim in by_id}
    projected: list[tuple[str, Any]] = []
    dates: dict[str, tuple[int, int] | None] = {}
    if kind == "slot":
        where = {claim.id: at for claim, at in zip(claims.claims, positions, strict=True)}
        for rule, reads in declared:
            if reads.project is None:
                continue
            name = getattr(rule, "__name__", repr(rule))
            try:
                records = reads.project(view)
            except Exception as error:  # reported as the rule's failure, as the engine does
                projected.append((name, error))
                continue
            projected.append((name, tuple((where[record[0]], record) for record in records)))
            for record in records:
                stated = by_id[record[0]].stated
                dates[record[0]] = None if stated is None else stated.sort_key
    return Found(
        tuple((finding, first_stated(index, finding)) for finding in findings),
        tuple(cited[claim] for claim in sorted(cited)),
        tuple(projected),
        tuple(dates.items()),
    )


def assess_partition(
    small: ClaimSet,
    as_of: PartialDate | None,
    method: str,
    number: int,
    partitions: int,
    *buckets: Bucket,
    explain: bool = True,
    dependent: Groups = (),
) -> list[PropositionAssessment]:
    """The assessments of partition ``number`` of the ``slot`` pass, unsorted (``explain`` as for ``assess``).

    ``dependent``: the sources found copying over every partition (:func:`dependence_partition`, merged).
    """
    # By id, as factlog.assess (and prepare) read them: a key's first claim names its time span on a tie.
    claims = known_by(_part(small, buckets)[0], as_of)
    view = seed(_view(Index.of(claims), "slot", number, partitions, validate=False), dependent)
    return assessed(claims, method, explain=explain, index=view)


def dependence_partition(
    small: ClaimSet, as_of: PartialDate | None, number: int, partitions: int, *buckets: Bucket
) -> Groups:
    """The sources partition ``number`` of the ``slot`` pass finds printing one text (``_dependence.found_in``)."""
    claims = known_by(_part(small, buckets)[0], as_of)
    if not may_echo(claims):
        return ()  # most partitions: no quote long enough to tell a copy by, found without an index
    return found_in(_view(Index.of(claims), "slot", number, partitions, validate=False))
