"""A negation written as one word ("didn't", "can't", "won't", "cannot") denies as "not" does."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from tests.drafting.registries import first_claim

_VERBS = ["do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "could", "would", "should", "must"]


@given(st.sampled_from([*(f"{verb}n't" for verb in _VERBS), "can't", "won't", "cannot", "didn’t", "can’t"]))
def test_a_contracted_negation_denies_as_not_does(negation: str) -> None:
    """ "Kim didn't attend ..." is denied, as "Kim did not attend ..." is, in the outlet's voice and a speaker's."""
    assert first_claim(f"Kim {negation} attend the parade.").polarity is factlog.Polarity.DENIED
    assert first_claim(f"Kim {negation} attend the parade, Lee said.").polarity is factlog.Polarity.DENIED


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Kim didn't rule it out, Lee said.", factlog.Certainty.POSSIBLE),
        ("Kim can't rule out a visit, Lee said.", factlog.Certainty.POSSIBLE),
        ("Peskov didn't deny the report.", factlog.Certainty.UNCOMMITTED),
        ("The ministry didn't confirm the report.", factlog.Certainty.UNCOMMITTED),
    ],
)
def test_a_contracted_negation_inside_a_cue_of_its_own_keeps_that_cue(text: str, certainty: factlog.Certainty) -> None:
    """ "didn't rule it out" stays possible and "didn't deny" uncommitted: affirmed, not denied."""
    claim = first_claim(text)
    assert (claim.polarity, claim.certainty) == (factlog.Polarity.AFFIRMED, certainty)


@pytest.mark.parametrize("negated", ["didn't say", "hasn't said", "won’t say"])
def test_a_verb_of_saying_under_a_contracted_negation_is_nobodys_saying(negated: str) -> None:
    """ "Lee didn't say Kim would attend" names no speaker (no holder "lee-didn-t"), as "Lee did not say" does."""
    contracted = first_claim(f"Lee {negated} Kim would attend.")
    spelt = first_claim("Lee did not say Kim would attend.")
    assert (contracted.attribution.holder, contracted.polarity) == (spelt.attribution.holder, spelt.polarity)
