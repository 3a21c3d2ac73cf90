"""Exclusive predicates: only the claims that overlap in time; a former holder may hold again."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import Predicate, PredicateKind, Severity
from factlog.checks import exclusive_predicates
from tests.helpers import claim, findings_of, sides, world

VOCABULARY = Path(__file__).parents[2] / "sources" / "vocabulary.json"


def test_only_overlapping_claims_are_listed() -> None:
    """Terms in 2017/2021 and since 2025, 'no longer president' in 2025-10: the first term is left out."""
    claims = world(
        claim("first-term", "trump", "holds-office", "us-president", "2017-01-20/2021-01-20"),
        claim("second-term", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire"),
        claim("out", "trump", "no-longer-holds-office", "us-president", "2025-10", holder="kcna"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert sides(finding) == {"holds-office": {"second-term"}, "no-longer-holds-office": {"out"}}
    assert finding.severity is Severity.ERROR


def test_former_holder_holding_again_is_no_conflict() -> None:
    """'Former president' is true of anyone who held the office: it excludes nothing."""
    claims = world(
        claim("former", "trump", "former-holder-of", "us-president", "2025-10"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire"),
    )
    assert findings_of(exclusive_predicates, claims) == []


def test_bundled_vocabulary_excludes_no_longer_holding_not_former() -> None:
    """The bundled 'holds-office' is exclusive with 'no longer holds', and no predicate is 'former holder'."""
    predicates = {p["id"]: p for p in json.loads(VOCABULARY.read_text(encoding="utf-8"))["predicates"]}
    assert predicates["holds-office"]["exclusive_with"] == ["no-longer-holds-office"]
    assert "former-holder-of" not in predicates


def _excluding_both_ends(symmetric: bool, *claims: factlog.Claim) -> factlog.ClaimSet:
    """``rivals`` (symmetric or not) exclusive with ``hits`` and with its inverse ``hit-by``."""
    base = world(*claims)
    return attrs.evolve(
        base,
        predicates=(
            *base.predicates,
            Predicate(id="hits", label="hits", kind=PredicateKind.STATE, inverse="hit-by"),
            Predicate(
                id="rivals",
                label="rivals",
                kind=PredicateKind.STATE,
                symmetric=symmetric,
                exclusive_with=("hits", "hit-by"),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("symmetric", "target"), [(True, "bob"), (True, "alice"), (False, "alice")], ids=["pair", "self-pair", "self"]
)
def test_a_partner_declared_with_its_inverse_is_one_exclusion(symmetric: bool, target: str) -> None:
    """'rivals' exclusive with 'hits' and 'hit-by': 'Alice rivals X' against 'Alice hits X' is one finding.

    A symmetric predicate faces both orders of its partner, and a self-loop is its own
    turned round, so the partner and its inverse met the same claims: check reported
    the finding twice (one id), Checker once.
    """
    claims = _excluding_both_ends(
        symmetric,
        claim("rival", "alice", "rivals", target),
        claim("hit", "alice", "hits", target, holder="wire", source="s2"),
    )
    found = [f for f in factlog.check(claims).findings if f.rule == "exclusive_predicates"]
    assert [f.claim_ids for f in found] == [("hit", "rival")]
    checker = factlog.Checker(attrs.evolve(claims, claims=claims.claims[:1]))
    checker.add(claims.claims[1:])
    assert [f.id for f in checker.report().findings if f.rule == "exclusive_predicates"] == [found[0].id]
