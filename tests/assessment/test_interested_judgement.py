"""A party judging its own conduct: weighed at a fifth, and no corroboration of itself.

The rule ``interested_judgement`` flags a party affirming an ``evaluative`` proposition
about itself ("our strike destroyed the sites"); the assessment discounts the same
claims as it discounts an accused party's denial, and never lets them make a proposition
*corroborated* or *confirmed*.
"""

from __future__ import annotations

import pytest

import factlog
from factlog import Status
from tests.helpers import claim, world


def _destroyed(*extra: factlog.Claim) -> factlog.ClaimSet:
    """Ukraine says it destroyed the sites; ``extra`` claims join it."""
    return world(claim("ours", "ukraine", "destroys", "sites", holder="ukraine"), *extra)


def _item(claims: factlog.ClaimSet, claim_id: str = "ours") -> factlog.PropositionAssessment:
    [item] = factlog.assess(claims, method="majority").about(claim_id)
    return item


def test_a_partys_own_judgement_is_discounted_as_interested() -> None:
    """Ukraine's word about its own strike counts a fifth of its word on a fight, with a reason."""
    item = _item(_destroyed())
    [origin] = item.supporting
    [plain] = _item(world(claim("fights", "ukraine", "fights-in", "kursk", holder="ukraine")), "fights").supporting
    assert origin.interested
    assert origin.discounts == ("interested",)
    assert origin.weight == pytest.approx(0.2 * plain.weight, abs=1e-4)
    assert plain.weight > 0
    assert any("judgements of its own conduct by a party to it count 0.2" in reason for reason in item.reasons)


def test_an_outsiders_judgement_of_the_same_is_not_interested() -> None:
    """The same words from an outlet are undiscounted: only the party judging itself is discounted."""
    item = _item(world(claim("outlet", "ukraine", "destroys", "sites", holder="wire", source="s2")), "outlet")
    [origin] = item.supporting
    assert not origin.interested
    assert origin.discounts == ()
    assert not any("judgements of its own conduct" in reason for reason in item.reasons)


def test_a_self_judgement_does_not_corroborate_one_report() -> None:
    """One outlet and the party itself: still a single-source report, not corroborated."""
    outlet = claim("outlet", "ukraine", "destroys", "sites", holder="wire", source="s2")
    assert _item(_destroyed(outlet)).status is Status.SINGLE_SOURCE
    second = claim("other", "ukraine", "destroys", "sites", holder="paper-b", source="s5")
    assert _item(_destroyed(outlet, second)).status is Status.CORROBORATED


def test_a_non_evaluative_predicate_is_the_partys_word_as_any_other() -> None:
    """Ukraine saying it fights in Kursk judges nothing: undiscounted, as before."""
    item = _item(world(claim("fights", "ukraine", "fights-in", "kursk", holder="ukraine")), "fights")
    [origin] = item.supporting
    assert not origin.interested
    assert origin.discounts == ()


def _leads_ukraine(other: str) -> factlog.PropositionAssessment:
    """Ukraine denies Alice leads it, a wire says she does, and ``other`` says she leads Ruritania."""
    claims = world(
        claim("m-leads", "alice", "leader-of", "ukraine", holder="wire", source="s2"),
        claim("n-denial", "alice", "leader-of", "ukraine", denied=True, holder="ukraine"),
        claim(other, "alice", "leader-of", "ruritania", holder="paper-b", source="s5"),
    )
    [item] = [i for i in factlog.assess(claims, method="majority").about("m-leads") if i.value == "ukraine"]
    return item


def test_a_partys_denial_of_one_value_of_a_slot_is_interested_whatever_claim_comes_first() -> None:
    """The claim naming Ruritania sorts before the others or after: Ukraine's denial is its own case either way.

    A slot question holds claims naming different objects: each claim's parties are its
    own subject and object, not those of whichever claim the slot happens to list first.
    """
    first, last = _leads_ukraine("a-rival"), _leads_ukraine("z-rival")
    for item in (first, last):
        [denial] = [origin for origin in item.opposing if "n-denial" in origin.claims]
        assert denial.interested
        assert denial.discounts == ("interested",)
    assert (first.status, first.belief, first.credibility) == (last.status, last.belief, last.credibility)
