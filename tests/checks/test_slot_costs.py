"""Many values in one slot, deep part_of and affiliation chains: ten times the size costs about ten times the work."""

from __future__ import annotations

import attrs

import factlog
from factlog import Claim, ClaimSet, Entity, EntityKind, Predicate, Quantity
from factlog.model._kinds import PredicateKind
from tests.helpers import claim, lines_executed, world

VALUE_RULES = (factlog.checks.conflicting_values, factlog.checks.conflicting_holders)


def _one_slot(size: int) -> ClaimSet:
    """``size`` distinct troop numbers for one visit and ``size`` premiers of one country, all on one day."""
    claims: list[Claim] = []
    for n in range(size):
        holder = ("author", "wire", "kcna", "russia")[n % 4]
        certainty = ("certain", "possible")[n % 2]
        claims.append(claim(f"v{n}", "visit", "troops-deployed", 1000 * (n + 1), "2025-03-01", holder=holder))
        claims.append(
            claim(f"p{n}", f"premier {n}", "premier-of", "ruritania", "2025-03-01", certainty=certainty, holder=holder)
        )
    return world(*claims)


def test_distinct_values_in_one_slot_cost_n_log_n_not_n_squared() -> None:
    """Ten times the distinct values of one slot on one day costs about ten times the work: one finding each rule."""
    # Comparing every pair of the large slot's 2,000 claims, at one line a pair, would cost about 21 times the small's.
    small, large = _one_slot(100), _one_slot(1_000)
    small_cost = lines_executed(lambda: factlog.check(small, VALUE_RULES))
    large_cost = lines_executed(lambda: factlog.check(large, VALUE_RULES))
    # About 11: within the troops' tolerance neighbours agree, and their sides grow like
    # log n; comparing every pair costs about 100.
    assert large_cost < 15 * small_cost, (small_cost, large_cost)
    findings = factlog.check(large, VALUE_RULES).findings
    assert [sum(len(claims) for claims in f.sides.values()) for f in findings] == [1_000, 1_000]


LENGTH = Predicate(id="length", label="is long", kind=PredicateKind.STATE, functional=True)


def _lengths(size: int) -> ClaimSet:
    """``size`` distinct lengths of one thing on one day, in kilometres, metres and miles (no two equal)."""
    units = ("km", "m", "miles")
    claims = [
        claim(f"v{n}", "visit", "length", Quantity(amount=10 * n + 7, unit=units[n % 3]), "2025-03-01")
        for n in range(size)
    ]
    claim_set = world(*claims)
    return attrs.evolve(claim_set, predicates=(*claim_set.predicates, LENGTH))


def test_values_in_several_units_cost_n_log_n_not_n_squared() -> None:
    """Ten times the distinct figures, in units that convert, cost about ten times the work: one finding."""
    # Comparing every pair of figures, at three lines a pair, would cost about 13 times the small set's.
    small, large = _lengths(30), _lengths(300)
    small_cost = lines_executed(lambda: factlog.check(small, VALUE_RULES))
    large_cost = lines_executed(lambda: factlog.check(large, VALUE_RULES))
    assert large_cost < 12 * small_cost, (small_cost, large_cost)
    [finding] = factlog.check(large, VALUE_RULES).findings
    assert len(finding.sides) == 300


def _terms(size: int) -> ClaimSet:
    """``size`` leaders of one country, each for ``size // 2`` years, one term starting each year."""
    claims = [
        claim(f"t{n}", "ruritania", "leader-of", f"p{n}", f"{1000 + n}/{1000 + n + size // 2}") for n in range(size)
    ]
    return world(*claims)


def _listed(claim_set: ClaimSet) -> int:
    return sum(len(ids) for f in factlog.check(claim_set, VALUE_RULES).findings for ids in f.sides.values())


def test_overlapping_terms_cost_what_their_findings_list() -> None:
    """Long terms overlapping many others: the work grows with the claims the findings list, not with its square.

    Four times the terms list about sixteen times the claims (one finding per set alive
    together); comparing every pair in each set would cost four times more again.
    """
    # Already at these sizes the work per listed claim stays put (0.74 here); pairs would quadruple it.
    small, large = _terms(20), _terms(80)
    small_cost = lines_executed(lambda: factlog.check(small, VALUE_RULES))
    large_cost = lines_executed(lambda: factlog.check(large, VALUE_RULES))
    growth = _listed(large) / _listed(small)
    assert growth > 12
    assert large_cost < 1.5 * growth * small_cost, (small_cost, large_cost, growth)


def _chains(depth: int) -> ClaimSet:
    """Places ``depth`` deep in ``part_of`` and people ``depth`` deep in affiliations, claims at every tenth level.

    North Korea is said to fight at every tenth place and denied to fight at the top
    one; the battle is placed at every tenth place (all on one line: no conflict);
    every tenth person of the affiliation chain holds a claim.
    """
    places = [
        Entity(id=f"place{n}", name=f"Place {n}", kind=EntityKind.PLACE, part_of=(f"place{n - 1}",) if n else ())
        for n in range(depth)
    ]
    people = [
        Entity(id=f"aide{n}", name=f"Aide {n}", kind=EntityKind.PERSON, affiliation=f"aide{n - 1}" if n else None)
        for n in range(depth)
    ]
    claims = [claim("top", "dprk", "fights-in", "place0", "2025-03", denied=True, holder="kcna")]
    for n in range(depth - 1, 0, -10):
        claims.append(claim(f"f{n}", "dprk", "fights-in", f"place{n}", "2025-03-01", holder=f"aide{n}"))
        claims.append(claim(f"b{n}", "visit", "battle-place", f"place{n}", "2025-03-01", holder=f"aide{n}"))
    claim_set = world(*claims)
    return attrs.evolve(claim_set, entities=(*claim_set.entities, *places, *people))


def test_deep_part_of_and_affiliation_chains_cost_n_log_n_not_n_squared() -> None:
    """Chains ten times as deep, with claims along them, cost about ten times the work, not a hundred."""
    rules = (*VALUE_RULES, factlog.checks.opposed_claims)
    # Walking the chain from each place, at one line a step, would cost about 48 times the small chains'.
    small, large = _chains(300), _chains(3_000)
    small_cost = lines_executed(lambda: factlog.check(small, rules))
    large_cost = lines_executed(lambda: factlog.check(large, rules))
    assert large_cost < 12 * small_cost, (small_cost, large_cost)
    findings = factlog.check(large, rules).findings
    assert len(findings) == 300
    assert all(f.rule == "opposed_claims" and f.sides["denying"] == ("top",) for f in findings)


def test_index_answers_within_down_a_deep_chain() -> None:
    """The deepest place of a chain lies within the top one and every place between, not the other way."""
    index = factlog.Index.of(_chains(3_000))
    assert index.within("place2999", "place0")
    assert index.within("place2999", "place1500")
    assert not index.within("place0", "place2999")
    assert index.speaks_for("aide2999") == "aide0"
