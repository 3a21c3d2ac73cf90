"""Symmetric predicates whatever way the ids sort: one partner a side, and exclusion read from either end.

Each example names the entities so that the one the conclusion turns on sorts last
(``carol`` after ``alice`` and ``bob``): a symmetric pair is stored with its entities
in sorted order, and the checks must not depend on which end that puts it under.
"""

from __future__ import annotations

from pathlib import Path

import attrs

import factlog
from factlog import ClaimSet, Predicate, PredicateKind
from factlog.checks import conflicting_holders, conflicting_values, exclusive_predicates
from tests.helpers import claim, findings_of, sides, world

MARRIED = Predicate(id="married-to", label="is married to", kind=PredicateKind.STATE, symmetric=True, functional=True)
PARTNERED = attrs.evolve(MARRIED, id="partnered-with", functional=False, inverse_functional=True)
AT_WAR = Predicate(id="at-war-with", label="is at war with", kind=PredicateKind.STATE)
ALLIED = Predicate(
    id="allied-with", label="is allied with", kind=PredicateKind.STATE, symmetric=True, exclusive_with=("at-war-with",)
)


def pairs(*claims: factlog.Claim) -> ClaimSet:
    """The shared world with the predicates above (its own ``allied-with`` replaced)."""
    base = world(*claims)
    kept = tuple(p for p in base.predicates if p.id != "allied-with")
    return attrs.evolve(base, predicates=(*kept, MARRIED, PARTNERED, AT_WAR, ALLIED))


def married(id: str, one: str, other: str, predicate: str = "married-to", **kwargs: object) -> factlog.Claim:
    return claim(id, one, predicate, other, "2025", **kwargs)  # type: ignore[arg-type]


def _two_spouses_of_carol() -> ClaimSet:
    return pairs(married("to-alice", "carol", "alice"), married("to-bob", "carol", "bob", holder="wire", source="s2"))


def _seen(report: factlog.Report, rule: str) -> list[tuple[str, ...]]:
    return sorted(finding.claim_ids for finding in report.findings if finding.rule == rule)


def test_two_spouses_of_the_entity_that_sorts_last_conflict() -> None:
    """Carol married to Alice and to Bob at once: a conflict, though Carol's id sorts after both."""
    [finding] = findings_of(conflicting_values, _two_spouses_of_carol())
    assert sides(finding) == {"alice": {"to-alice"}, "bob": {"to-bob"}}
    assert finding.message.startswith("Conflicting values: Carol Example is married to")


def test_a_spouse_named_as_subject_and_as_object_conflicts() -> None:
    """Bob married to Alice (stored Alice-Bob) and Bob married to Carol (stored Bob-Carol): one conflict, under Bob."""
    claims = pairs(married("a", "bob", "alice"), married("c", "bob", "carol", holder="wire", source="s2"))
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"alice": {"a"}, "carol": {"c"}}


def test_the_same_pair_twice_is_no_conflict() -> None:
    """Carol married to Alice, and Alice married to Carol: one pair, agreeing, under both entities."""
    claims = pairs(married("one", "carol", "alice"), married("two", "alice", "carol", holder="wire", source="s2"))
    assert findings_of(conflicting_values, claims) == []


def test_inverse_functional_says_the_same_of_a_symmetric_predicate() -> None:
    """Declared inverse-functional rather than functional: the same conflict, once, from conflicting_values."""
    claims = pairs(
        married("to-alice", "carol", "alice", "partnered-with"),
        married("to-bob", "carol", "bob", "partnered-with", holder="wire", source="s2"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"alice": {"to-alice"}, "bob": {"to-bob"}}
    assert findings_of(conflicting_holders, claims) == []


def test_every_path_finds_the_two_spouses(tmp_path: Path) -> None:
    """check, Checker.add and check_lines in bins of one claim: the same conflict."""
    claims = _two_spouses_of_carol()
    expected = [("to-alice", "to-bob")]
    assert _seen(factlog.check(claims), "conflicting_values") == expected
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:1]))
    checker.add(claims.claims[1:])
    assert _seen(checker.report(), "conflicting_values") == expected
    factlog.dump(claims, tmp_path / "claims.jsonl")
    assert _seen(factlog.check_lines(tmp_path / "claims.jsonl", bin_size=1), "conflicting_values") == expected


def test_a_symmetric_pair_is_assessed_as_its_own_proposition_whichever_end_sorts_first() -> None:
    """Two spouses of Alice (first) or of Carol (last): each pair a yes-or-no proposition, assessed alike."""
    of_alice = pairs(
        married("to-bob", "alice", "bob"), married("to-carol", "alice", "carol", holder="wire", source="s2")
    )
    for claims in (of_alice, _two_spouses_of_carol()):
        assessment = factlog.assess(claims, method="majority")
        assert [(len(p.claim_ids), p.status) for p in assessment.propositions] == [
            (1, factlog.Status.SINGLE_SOURCE)
        ] * 2


def test_allied_with_excludes_at_war_with_read_the_other_way_round() -> None:
    """Alice allied with Bob (stored Alice-Bob) and Bob at war with Alice: exclusive, though Bob sorts last."""
    claims = pairs(
        married("ally", "alice", "bob", "allied-with"),
        married("war", "bob", "alice", "at-war-with", holder="wire", source="s2"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert sides(finding) == {"allied-with": {"ally"}, "at-war-with": {"war"}}
    assert finding.message.startswith("Exclusive: Bob Example is allied with Alice Example (stated by")


def test_allied_with_excludes_both_orders_of_at_war_with_once_each() -> None:
    """Alice at war with Bob and Bob at war with Alice, against one alliance: two findings, each once."""
    claims = pairs(
        married("ally", "bob", "alice", "allied-with"),
        married("war-ab", "alice", "bob", "at-war-with", holder="wire", source="s2"),
        married("war-ba", "bob", "alice", "at-war-with", holder="kcna"),
    )
    assert sorted(f.claim_ids for f in findings_of(exclusive_predicates, claims)) == [
        ("ally", "war-ab"),
        ("ally", "war-ba"),
    ]


def test_every_path_finds_the_alliance_at_war(tmp_path: Path) -> None:
    """check, Checker.add (either claim added last) and check_lines in bins of one claim: the same finding."""
    claims = pairs(
        married("ally", "alice", "bob", "allied-with"),
        married("war", "bob", "alice", "at-war-with", holder="wire", source="s2"),
    )
    expected = [("ally", "war")]
    assert _seen(factlog.check(claims), "exclusive_predicates") == expected
    for first, last in ((claims.claims[:1], claims.claims[1:]), (claims.claims[1:], claims.claims[:1])):
        checker = factlog.Checker(attrs.evolve(claims, claims=first))
        checker.add(last)
        assert _seen(checker.report(), "exclusive_predicates") == expected
    factlog.dump(claims, tmp_path / "claims.jsonl")
    assert _seen(factlog.check_lines(tmp_path / "claims.jsonl", bin_size=1), "exclusive_predicates") == expected
