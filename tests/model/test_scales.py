"""The confidence scales: order, lossless mappings, and parsing of human words."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factlog import Certainty, Credibility, Factuality, Likelihood, Polarity, Reliability, ScaleError


def test_reliability_orders_a_above_f() -> None:
    """A is the most reliable grade, F the least."""
    assert [r.value for r in sorted(Reliability, reverse=True)] == ["A", "B", "C", "D", "E", "F"]
    assert max(Reliability) is Reliability.A
    assert min(Reliability) is Reliability.F
    assert Reliability.B > Reliability.C


def test_certainty_orders_certain_highest() -> None:
    """certain > probable > possible > uncommitted."""
    assert sorted(Certainty, reverse=True) == [
        Certainty.CERTAIN,
        Certainty.PROBABLE,
        Certainty.POSSIBLE,
        Certainty.UNCOMMITTED,
    ]


def test_scales_do_not_compare_across_types() -> None:
    """Comparing a reliability with a certainty is a TypeError, not a silent answer."""
    with pytest.raises(TypeError):
        assert Reliability.A < Certainty.CERTAIN  # type: ignore[operator]


@given(st.sampled_from([Reliability, Certainty, Polarity, Likelihood, Credibility, Factuality]), st.data())
def test_orderings_follow_declaration_order(scale: Any, data: st.DataObject) -> None:
    """<, <=, > and >= of two members, and their rank, agree with where each is declared."""
    first, second = data.draw(st.sampled_from(list(scale))), data.draw(st.sampled_from(list(scale)))
    members = list(scale)
    assert first.rank == members.index(first)
    low, high = members.index(first), members.index(second)
    assert (first < second, first <= second, first > second, first >= second) == (
        low < high,
        low <= high,
        low > high,
        low >= high,
    )


@given(st.sampled_from(Certainty), st.sampled_from(Polarity))
def test_factuality_keeps_certainty_and_polarity(certainty: Certainty, polarity: Polarity) -> None:
    """Certainty and polarity come back from their FactBank value (Uu has no polarity)."""
    value = certainty.factuality(polarity)
    assert value.certainty is certainty
    if certainty is not Certainty.UNCOMMITTED:
        assert value.polarity is polarity


@given(st.sampled_from(Factuality))
def test_factuality_and_likelihood_round_trip_on_the_committed_values(value: Factuality) -> None:
    """CT± and PR± go to an ICD 203 word and back; every value keeps its certainty and polarity."""
    if value.certainty in {Certainty.CERTAIN, Certainty.PROBABLE}:
        assert value.likelihood.factuality is value
    assert value.certainty.factuality(value.polarity) is value


@pytest.mark.parametrize(
    ("word", "band"),
    [
        ("likely", Likelihood.LIKELY),
        ("probable", Likelihood.LIKELY),
        ("may", Likelihood.ROUGHLY_EVEN_CHANCE),
        ("possibly", Likelihood.ROUGHLY_EVEN_CHANCE),
        ("certainly", Likelihood.ALMOST_CERTAIN),
    ],
)
def test_one_hedge_word_one_icd_203_band_on_every_route(word: str, band: Likelihood) -> None:
    """A hedge word read as a certainty lands in the band ICD 203 gives the same word ("likely" is 55-80 %)."""
    assert Certainty.parse(word).factuality(Polarity.AFFIRMED).likelihood is band
    if word in {"likely", "probable"}:
        assert Likelihood.parse(word) is band


def test_credibility_carries_icd_203_words() -> None:
    """Grade 2 (probably true) is ICD 203 likely; grade 6 has no likelihood."""
    assert Credibility.PROBABLY_TRUE.likelihood is Likelihood.LIKELY
    assert Credibility.CANNOT_BE_JUDGED.likelihood is None


def test_factuality_order_follows_probability() -> None:
    """CT- < PR- < PS- < Uu < PS+ < PR+ < CT+, like their probability bands."""
    ordered = sorted(Factuality)
    assert [v.value for v in ordered] == ["CT-", "PR-", "PS-", "Uu", "PS+", "PR+", "CT+"]
    probabilities = [v.likelihood.probability for v in ordered]
    assert probabilities == sorted(probabilities)  # not strictly: PS-, Uu and PS+ share the even-chance band


def test_icd_203_bands() -> None:
    """The ICD 203 bands, from almost no chance (1-5 %) to almost certain (95-99 %)."""
    assert Likelihood.ALMOST_NO_CHANCE.band == (0.01, 0.05)
    assert Likelihood.ROUGHLY_EVEN_CHANCE.band == (0.45, 0.55)
    assert Likelihood.ALMOST_CERTAIN.band == (0.95, 0.99)
    bands = [member.band for member in Likelihood]
    assert all(low < high for low, high in bands)
    assert all(bands[i][1] == bands[i + 1][0] for i in range(len(bands) - 1))


@given(st.floats(0, 1))
def test_probability_falls_in_its_band(probability: float) -> None:
    """from_probability picks the word whose band holds the probability."""
    word = Likelihood.from_probability(probability)
    low, high = word.band
    assert probability >= low or word is Likelihood.ALMOST_NO_CHANCE
    assert probability < high or word is Likelihood.ALMOST_CERTAIN


@pytest.mark.parametrize(
    ("scale", "word", "expected"),
    [
        (Likelihood, "likely", Likelihood.LIKELY),
        (Likelihood, "Almost no chance", Likelihood.ALMOST_NO_CHANCE),
        (Likelihood, "highly improbable", Likelihood.VERY_UNLIKELY),
        (Credibility, "probably true", Credibility.PROBABLY_TRUE),
        (Credibility, "2", Credibility.PROBABLY_TRUE),
        (Reliability, "B", Reliability.B),
        (Reliability, "usually reliable", Reliability.B),
        (Factuality, "CT-", Factuality.CT_MINUS),
        (Factuality, "ps+", Factuality.PS_PLUS),
        (Certainty, "reportedly", Certainty.POSSIBLE),
        (Certainty, "expected", Certainty.PROBABLE),
        (Polarity, "denied", Polarity.DENIED),
    ],
)
def test_human_words_parse(scale: type, word: str, expected: object) -> None:
    """The words analysts write parse to their scale value."""
    assert scale.parse(word) is expected  # type: ignore[attr-defined]


def test_unknown_word_lists_accepted_words() -> None:
    """An unknown word raises ScaleError (a ValueError) naming the accepted words."""
    with pytest.raises(ScaleError, match="expected one of uncommitted, possible, probable, certain") as caught:
        Certainty.parse("sure")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(ScaleError):
        Reliability.parse(3)  # type: ignore[arg-type]


def test_credibility_one_needs_independent_confirmation() -> None:
    """A high belief without independent origins is grade 2, with them grade 1."""
    assert Credibility.from_belief(0.9, independently_confirmed=False) is Credibility.PROBABLY_TRUE
    assert Credibility.from_belief(0.9, independently_confirmed=True) is Credibility.CONFIRMED
    assert Credibility.from_belief(0.1, independently_confirmed=True) is Credibility.IMPROBABLE
    assert Credibility.CONFIRMED.description == "confirmed by other sources"
    with pytest.raises(ScaleError):
        Credibility.from_belief(1.5, independently_confirmed=False)


@given(st.floats(0, 1), st.floats(0, 1))
def test_credibility_is_monotone_in_belief(a: float, b: float) -> None:
    """More belief never gives a worse grade."""
    low, high = sorted((a, b))
    assert Credibility.from_belief(low, independently_confirmed=True) <= Credibility.from_belief(
        high, independently_confirmed=True
    )


def test_reliability_priors_rank_unknown_above_unreliable() -> None:
    """A > B > C > F (unknown) > D > E, and E is at even odds: it adds nothing."""
    priors = [Reliability.parse(grade).prior for grade in "ABCFDE"]
    assert priors == sorted(priors, reverse=True)
    assert Reliability.E.prior == 0.5
    assert all(0.5 <= prior < 1 for prior in priors)
    assert Reliability.E.description == "unreliable"
    assert Polarity.AFFIRMED.opposite is Polarity.DENIED


SCALES = (Reliability, Credibility, Certainty, Polarity, Likelihood, Factuality)


@pytest.mark.parametrize("scale", SCALES, ids=lambda scale: scale.__name__)
def test_every_word_of_a_scale_parses_back_to_its_member(scale: type[Any]) -> None:
    """Each member's value, name and synonyms, in any case and spacing, parse back to that member."""
    for word, member in scale._words().items():
        for spelling in (word, word.upper(), re.sub(r"(?<=\w)-(?=\w)", " ", word), f"  {word}  "):
            assert scale.parse(spelling) is member, spelling
    for member in scale:
        assert scale.parse(str(member.value)) is member
        assert scale.parse(member.name) is member
        if hasattr(member, "description"):
            assert scale.parse(member.description) is member
