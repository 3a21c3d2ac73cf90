"""The incremental checker: adding claims gives what a full check would, at a fraction of the work."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given

import factlog
from factlog import Claim
from tests.checks.test_check_properties import _one_proposition, claim_lists
from tests.helpers import claim, lines_executed, world


def _shape(report: factlog.Report) -> list[tuple[str, str, str, tuple[object, ...]]]:
    return [(f.id, f.severity.value, f.message, f.claims) for f in report.findings]


@given(claim_lists(), claim_lists(max_size=4))
def test_adding_claims_gives_the_full_check(base: list[Claim], extra: list[Claim]) -> None:
    """Checker(base).add(extra) reports exactly what check(base + extra) reports."""
    renamed = [attrs.evolve(c, id=f"x{c.id}", answers=tuple(f"x{a}" for a in c.answers)) for c in extra]
    checker = factlog.Checker(world(*base))
    before = {f.id for f in checker.findings}
    new = checker.add(renamed)
    full = factlog.check(world(*base, *renamed))
    assert _shape(checker.report()) == _shape(full)
    assert {f.id for f in new} == {f.id for f in full.findings if f.rule != "stale_acknowledgement"} - before


def test_adding_a_known_claim_id_is_refused() -> None:
    """A claim id already checked cannot be added again."""
    checker = factlog.Checker(world(claim("a")))
    with pytest.raises(factlog.ConflictError, match="'a' is already in the check"):
        checker.add([claim("a")])


def test_adding_a_claim_the_predicates_refuse_is_refused() -> None:
    """An inverse predicate with a figure for its object: refused as ClaimSet refuses it, and nothing added."""
    checker = factlog.Checker(world(claim("a")))
    with pytest.raises(factlog.FieldError, match=r"^claims\[1\]\.proposition\.object: claim 'c': an inverse"):
        checker.add([claim("b"), claim("c", "dprk", "receives-weapons-from", 3)])
    assert checker.report().claims == world(claim("a"))


def test_adding_one_claim_rechecks_only_its_groups() -> None:
    """One claim added to 5,000 costs under a five-hundredth of re-checking them all (counted in lines run)."""
    claims = _one_proposition(5_000)
    unrelated = claim("new", "prc", "visits", "dprk", "2025-10", holder="mfa-prc", source="s5")
    checker = factlog.Checker(claims)
    incremental = lines_executed(lambda: checker.add([unrelated]))
    full = lines_executed(lambda: factlog.check(world(*claims.claims, unrelated)))
    assert incremental * 500 < full, (incremental, full)


def test_a_drafted_claim_added_counts_the_sources_earlier_drafts() -> None:
    """unreviewed_draft after Checker.add lists every marked claim of the source, as the full check does."""
    first, second = (attrs.evolve(claim(name), draft=True) for name in ("a", "b"))
    checker = factlog.Checker(world(first))
    checker.add([second])
    [finding] = checker.report().by_rule("unreviewed_draft")
    assert finding.message.startswith("2 claims of s1")
    assert _shape(checker.report()) == _shape(factlog.check(world(first, second)))


def test_adding_a_claim_within_a_denied_place_updates_the_denial() -> None:
    """A claim added at a place within one a party denied is listed by that denial's finding, as in a full check."""
    base = [
        claim("c0", "dprk", "supplies-weapons-to", "russia", None),
        claim("c1", "russia", "fights-in", "russia", None, denied=True, holder="russia"),
    ]
    added = [claim("x0", "russia", "fights-in", "kursk", None)]
    checker = factlog.Checker(world(*base))
    checker.add(added)
    assert _shape(checker.report()) == _shape(factlog.check(world(*base, *added)))
    [denial] = [f for f in checker.report().findings if f.rule == "interested_denial"]
    assert denial.sides["denied"] == ("x0",)
