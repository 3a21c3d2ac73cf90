"""The C-level screens the rules ask before building lists, against the plain comprehensions they replace."""

from __future__ import annotations

from hypothesis import given, settings

from factlog import Certainty, ClaimSet, Index, Polarity
from factlog.analysis._origins import may_share_origin
from factlog.checks._screens import POLARITIES, both_polarities, holds_certainty, holds_polarity, speakers
from tests.strategies import crowded_claim_sets


@settings(max_examples=40, deadline=None)
@given(crowded_claim_sets())
def test_screens_answer_as_the_comprehensions_do(claims: ClaimSet) -> None:
    """Each screen gives, on every group of an index, what a comprehension over the claims gives."""
    index = Index.of(claims)
    for group in [*index.by_key.values(), *index.by_slot.values(), index.entries, []]:
        polarities = {e.polarity for e in group}
        assert both_polarities(group) == (polarities == {Polarity.AFFIRMED, Polarity.DENIED})
        for polarity in Polarity:
            assert holds_polarity(group, polarity) == (polarity in polarities)
        for certainty in Certainty:
            assert holds_certainty(group, certainty) == any(e.claim.certainty is certainty for e in group)
        assert speakers(group) == {e.speaks_for for e in group}


def test_polarities_are_every_polarity_in_order() -> None:
    """POLARITIES is what iterating Polarity gives."""
    assert list(POLARITIES) == list(Polarity)


@settings(max_examples=40, deadline=None)
@given(crowded_claim_sets())
def test_may_share_origin_asks_what_every_speaker_did(claims: ClaimSet) -> None:
    """One speaker, or every speaker having spoken in its own voice: what comparing the two sets gives."""
    index = Index.of(claims)
    for group in [*index.by_key.values(), *index.by_source.values(), index.entries, []]:
        own_voice = {e.speaks_for for e in group if any(index.publisher(s) == e.holder for s in e.sources)}
        every = {e.speaks_for for e in group}
        assert may_share_origin(index, group) == (len(every) == 1 or own_voice == every)
