"""The C-level screens the rules ask before building lists, against the plain comprehensions they replace."""

from __future__ import annotations

import attrs
from hypothesis import given, settings

from factlog import Certainty, ClaimSet, Index, Polarity
from factlog.analysis._index import Entry
from factlog.analysis._origins import may_share_origin, origins
from factlog.checks._screens import POLARITIES, key_screens
from tests.strategies import crowded_claim_sets


def _committed(group: list[Entry], polarity: Polarity) -> list[Entry]:
    return [e for e in group if e.polarity is polarity and e.claim.certainty is not Certainty.UNCOMMITTED]


def _hedged(group: list[Entry], polarity: Polarity) -> bool:
    side = {e.claim.certainty for e in group if e.polarity is polarity}
    return Certainty.POSSIBLE in side and Certainty.CERTAIN in side


@settings(max_examples=40, deadline=None)
@given(crowded_claim_sets())
def test_key_screens_keep_the_groups_the_rules_can_report_on(claims: ClaimSet) -> None:
    """The opposed, hedged, mixed and denying keys (in index order) are those comprehensions over every key find."""
    index = Index.of(claims)
    screens = key_screens(index)
    groups = [g for g in index.by_key.values() if len(g) > 1]
    assert screens.opposed == [g for g in groups if all(_committed(g, p) for p in Polarity)]
    assert screens.hedged == [g for g in groups if any(_hedged(g, p) for p in Polarity)]
    polarities = [(g, {e.polarity for e in g}) for g in groups]
    assert screens.mixed == {id(g) for g, found in polarities if len(found) == 2}
    assert screens.denying == {id(g) for g, found in polarities if Polarity.DENIED in found}


@settings(max_examples=20, deadline=None)
@given(crowded_claim_sets())
def test_key_screens_are_found_again_when_claims_are_added(claims: ClaimSet) -> None:
    """An index the claims are added to screens as an index of all of them does, however it screened before."""
    whole = Index.of(claims)
    half = len(claims.claims) // 2
    grown = Index.of(attrs.evolve(claims, claims=claims.claims[:half]))
    key_screens(grown)
    grown.add(claims.claims[half:])
    ids = [
        [[[e.id for e in group] for group in groups] for groups in (screens.opposed, screens.hedged)]
        for screens in (key_screens(grown), key_screens(whole))
    ]
    assert ids[0] == ids[1]


def test_polarities_are_every_polarity_in_order() -> None:
    """POLARITIES is what iterating Polarity gives."""
    assert list(POLARITIES) == list(Polarity)


@settings(max_examples=40, deadline=None)
@given(crowded_claim_sets())
def test_may_share_origin_is_exact(claims: ClaimSet) -> None:
    """True exactly where the union-find finds at most one origin, copies (derived_from) or not."""
    index = Index.of(claims)
    for group in [*index.by_key.values(), *index.by_source.values(), index.entries, []]:
        assert may_share_origin(index, group) == (len(origins(index, group)) <= 1)


@settings(max_examples=40, deadline=None)
@given(crowded_claim_sets())
def test_key_screens_split_the_groups_as_the_rules_did(claims: ClaimSet) -> None:
    """Each opposed and hedged group's sides, and the groups each rule reads, are the comprehensions they replace."""
    index = Index.of(claims)
    screens = key_screens(index)
    assert [found.entries for found in screens.opposed_sides] == screens.opposed
    for found in screens.opposed_sides:
        committed = [e for e in found.entries if e.claim.certainty is not Certainty.UNCOMMITTED]
        assert found.committed == committed
        assert (found.affirmed, found.denied) == (
            _committed(found.entries, Polarity.AFFIRMED),
            _committed(found.entries, Polarity.DENIED),
        )
    assert [found.entries for found in screens.hedged_sides] == screens.hedged
    for found in screens.hedged_sides:
        group = found.entries
        assert found.sides == tuple(
            (
                polarity,
                [e for e in group if e.polarity is polarity and e.claim.certainty is Certainty.POSSIBLE],
                [e for e in group if e.polarity is polarity and e.claim.certainty is Certainty.CERTAIN],
                _committed(group, polarity.opposite),
            )
            for polarity in POLARITIES
            if _hedged(group, polarity)
        )
    groups = list(index.by_key.values())
    assert screens.several == [g for g in groups if len(g) > 1]
    assert screens.sourced == [g for g in groups if len(g) > 1 or len(g[0].sources) > 1]
    assert screens.denials == [g for g in groups if any(e.polarity is Polarity.DENIED for e in g)]
