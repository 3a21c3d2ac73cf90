"""The determiner "no" denies ("had sent no grain"); "no doubt", "No. 2" and "no evidence that" do not."""

from __future__ import annotations

import pytest

import factlog
from factlog import Certainty, Polarity


def _reading(sentence: str) -> tuple[Polarity, Certainty]:
    [claim] = factlog.draft(sentence, source="t", published="2026-05-12", publisher="Harbour Post").claims
    return claim.polarity, claim.certainty


@pytest.mark.parametrize(
    "sentence",
    [
        "VTV said the government had sent no grain to Tarsia this year.",
        "No grain was sent to Tarsia, VTV said.",
        "No injuries were reported.",
        "Velmora sent no Velmoran grain to Tarsia.",
        "No more troops will be sent, VTV said.",
        "The economy showed no sign of slowing, VTV said.",
    ],
)
def test_the_determiner_no_denies(sentence: str) -> None:
    """'sent no grain', 'No grain was sent', 'No more troops' deny, as 'had not sent' does; 'no sign of' too."""
    assert _reading(sentence) == (Polarity.DENIED, Certainty.CERTAIN)


@pytest.mark.parametrize(
    "sentence",
    [
        "No. 2 official Anton Belek said the talks went well.",
        "There is no doubt the talks went well, VTV said.",
        "No less than 40,000 tonnes left the port, VTV said.",
        "Exports must resume no later than May, VTV said.",
        "Talks will go on no matter what, VTV said.",
        "It is no surprise that the talks went well, VTV said.",
        "Pilots flew over the no-fly zone, VTV said.",
        "“No,” Belek said.",
        "There is no question that grain was sent, VTV said.",
    ],
)
def test_no_in_an_idiom_or_an_abbreviation_does_not_deny(sentence: str) -> None:
    """'No. 2', 'no doubt', 'no question that', 'no less than', 'no matter', 'no surprise', 'no-fly', a bare 'No'."""
    assert _reading(sentence)[0] is Polarity.AFFIRMED


def test_no_evidence_that_is_uncommitted_not_a_denial() -> None:
    """'There is no evidence that X': the holder neither affirms nor denies X (FactBank's Uu)."""
    polarity, certainty = _reading("Officials said there is no evidence that Velmora sent grain to Tarsia.")
    assert (polarity, certainty) == (Polarity.AFFIRMED, Certainty.UNCOMMITTED)
    assert certainty.factuality(polarity) is factlog.Factuality.UU


def test_no_in_a_second_coordinated_clause_leaves_the_first_affirmed() -> None:
    """'The fire was put out, and there is no risk': as after a semicolon, the first clause is not denied."""
    sentence = "The fire was fully extinguished by noon, and there is no risk to nearby residents, officials said."
    assert _reading(sentence)[0] is Polarity.AFFIRMED


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials with no authority over exports said grain was sent.",
        "A source with no knowledge of the talks said grain was sent.",
        "According to officials with no stake in the talks, grain was sent.",
    ],
)
def test_no_in_the_holder_phrase_does_not_deny_what_is_said(sentence: str) -> None:
    """'Officials with no authority said X' affirms X: a negation naming who speaks is no part of what they say."""
    assert _reading(sentence)[0] is Polarity.AFFIRMED


@pytest.mark.parametrize(
    "sentence",
    [
        "Belek denied that grain was sent.",
        "Officials with no authority said no grain was sent.",
        "No grain was sent, officials with no authority said.",
    ],
)
def test_a_denial_or_a_negation_in_what_is_said_still_denies(sentence: str) -> None:
    """The reporting verb 'denied', and 'no' in the content, deny whatever the holder phrase holds."""
    assert _reading(sentence)[0] is Polarity.DENIED
