"""Symmetric predicates, inverse pairs declared from either end and exclusions between them, drawn together.

Self-loops, several objects, qualifiers and valid times included: renamed, declared
from the other end, added to a :class:`factlog.Checker` claim by claim in any order or
checked line by line in bins of one claim, the same conclusions.
"""

from __future__ import annotations

import random
from pathlib import Path

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import factlog
from tests import renaming
from tests.strategies import ids

STATE = factlog.PredicateKind.STATE
NAMES = ("p-mar", "p-ally", "p-war", "p-hit", "p-hit-by", "p-kin")
SYMMETRIC = ("p-mar", "p-ally", "p-kin")
"""Several objects are drawn only for these: on a functional directed predicate the assessment counts such a
claim for one of its values alone, the last in the order of their ids."""


@st.composite
def _predicates(draw: st.DrawFn) -> tuple[factlog.Predicate, ...]:
    """A symmetric one-to-one predicate, a symmetric exclusive one, a directed one and an inverse pair."""
    flags = st.booleans()
    ally_excludes = draw(st.lists(st.sampled_from(("p-war", "p-hit", "p-hit-by", "p-kin")), unique=True, max_size=2))
    # Not "p-hit-by": a predicate exclusive with its own inverse names the two sides of a finding
    # about "b hits a" and "a hits b" by which entity sorts first.
    hit_excludes = draw(st.lists(st.sampled_from(("p-war", "p-kin")), unique=True, max_size=1))
    declared = [
        factlog.Predicate(id="p-mar", label="marries", kind=STATE, symmetric=True, functional=draw(flags)),
        factlog.Predicate(id="p-ally", label="allies", kind=STATE, symmetric=True, exclusive_with=tuple(ally_excludes)),
        factlog.Predicate(id="p-war", label="wars", kind=STATE, functional=draw(flags)),
        factlog.Predicate(id="p-kin", label="kin", kind=STATE, symmetric=True, inverse_functional=draw(flags)),
        factlog.Predicate(
            id="p-hit",
            label="hits",
            kind=STATE,
            inverse="p-hit-by",
            functional=draw(flags),
            exclusive_with=tuple(hit_excludes),
        ),
    ]
    if draw(flags):
        declared.append(
            factlog.Predicate(
                id="p-hit-by",
                label="is hit by",
                kind=STATE,
                inverse="p-hit" if draw(flags) else None,
                functional=draw(flags),
                inverse_functional=draw(flags),
            )
        )
    return tuple(declared)


@st.composite
def pair_claim_sets(draw: st.DrawFn) -> factlog.ClaimSet:
    """Two to seven claims over three entities and the predicates above; sets the model refuses are not drawn."""
    entities = draw(st.lists(ids, min_size=3, max_size=3, unique=True))
    sources = ("s-a", "s-b", "s-c")
    claims = []
    for number in range(draw(st.integers(2, 7))):
        subject = draw(st.sampled_from(entities))
        predicate = draw(st.sampled_from(NAMES))
        target: str | tuple[str, ...] = draw(st.sampled_from(entities))
        if predicate in SYMMETRIC and draw(st.integers(0, 3)) == 0:
            target = tuple(draw(st.lists(st.sampled_from(entities), min_size=2, max_size=2, unique=True)))
        when = draw(st.sampled_from([None, "2025", "2025-03", "2024/2026"]))
        claims.append(
            factlog.Claim(
                id=f"c-{number}",
                statement=f"Statement {number}.",
                proposition=factlog.Proposition(
                    subject=subject,
                    predicate=predicate,
                    object=target,
                    qualifiers=draw(st.sampled_from([{}, {}, {"role": "envoy"}])),
                    when=None if when is None else factlog.Interval.parse(when),
                ),
                polarity=draw(st.sampled_from([factlog.Polarity.AFFIRMED] * 3 + [factlog.Polarity.DENIED])),
                attribution=factlog.Attribution(holder=draw(st.sampled_from(entities))),
                evidence=(factlog.Evidence(source=draw(st.sampled_from(sources)), quote="quote"),),
            )
        )
    try:
        return factlog.ClaimSet(
            entities=tuple(factlog.Entity(id=e, name=e.upper(), kind=factlog.EntityKind.PERSON) for e in entities),
            predicates=draw(_predicates()),
            sources=tuple(
                factlog.Source(id=s, title=s, publisher=entities[0], published=factlog.PartialDate.parse("2025-10"))
                for s in sources
            ),
            claims=tuple(claims),
        )
    except factlog.FieldError:
        assume(False)
        raise


def _found(report: factlog.Report) -> list[tuple[str, str, tuple[str, ...], str]]:
    return sorted((f.id, f.rule, f.claim_ids, f.message) for f in report.findings)


def _concluded(claims: factlog.ClaimSet, back: renaming.Names, method: str) -> list[tuple[object, ...]]:
    """Each proposition's claims, time, status, credibility and belief (:func:`renaming.assessed` less its origins).

    An origin giving two rival values of a functional slot is listed against a third by
    one of its claims, the first in the order of the values, so the origins are left out.
    """
    return sorted((read[:5] for read in renaming.assessed(claims, back, method)), key=repr)


@settings(max_examples=60, suppress_health_check=[HealthCheck.filter_too_much])
@given(pair_claim_sets(), st.sampled_from(("reverse", "shuffle")), st.sampled_from(("entity", "predicate")))
def test_renaming_the_ids_of_pairs_leaves_the_conclusions_unchanged(
    claims: factlog.ClaimSet, way: str, kind: str
) -> None:
    """Entities or predicates of symmetric and inverse pairs renamed: the same findings, statuses and beliefs."""
    renamed, back = renaming.renamed_set(claims, (kind,), way, 7)
    assert renaming.findings(renamed, back) == renaming.findings(claims, {})
    for method in ("majority", "accucopy"):
        assert _concluded(renamed, back, method) == _concluded(claims, {}, method)


@settings(max_examples=40, suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
@given(pair_claim_sets(), st.integers(0, 99))
def test_every_path_finds_the_same_findings_on_pairs(tmp_path: Path, claims: factlog.ClaimSet, seed: int) -> None:
    """check, Checker.add claim by claim in a shuffled order, and check_lines in bins of one claim: the same."""
    expected = _found(factlog.check(claims))
    order = list(claims.claims)
    random.Random(seed).shuffle(order)
    checker = factlog.Checker(attrs.evolve(claims, claims=()))
    for one in order:
        checker.add([one])
    assert _found(checker.report()) == expected
    path = tmp_path / f"claims-{seed}.jsonl"
    factlog.dump(claims, path)
    assert _found(factlog.check_lines(path, bin_size=1)) == expected
