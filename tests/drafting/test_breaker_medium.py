"""Phrases with "nowhere" that deny nothing, "but" opening a sentence, a second clause with its own subject, a yes."""

from __future__ import annotations

import pytest

import factlog
from tests.drafting.registries import first_claim


@pytest.mark.parametrize(
    "text",
    [
        "The attack came out of nowhere, the mayor said.",
        "The money came from nowhere, the mayor said.",
        "The damage was nowhere near as bad, the mayor said.",
    ],
)
def test_nowhere_in_a_set_phrase_denies_nothing(text: str) -> None:
    """ "Came out of nowhere", "from nowhere", "nowhere near as" hold what is said: affirmed."""
    assert first_claim(text).polarity is factlog.Polarity.AFFIRMED


def test_nowhere_alone_still_denies() -> None:
    """ "Troops were nowhere to be seen" is still a denial."""
    assert first_claim("Troops were nowhere to be seen, the mayor said.").polarity is factlog.Polarity.DENIED


@pytest.mark.parametrize("text", ["But nothing will change, Belek said.", "But Kim did not attend, Mao said."])
def test_a_negation_after_a_sentence_opening_but_denies(text: str) -> None:
    """ "But" opening the sentence sets nothing against a first clause: the negation after it denies."""
    assert first_claim(text).polarity is factlog.Polarity.DENIED


def test_a_but_that_second_clause_does_not_flip_thefirst_claim() -> None:
    """ "Belek said the count was fair but that nobody would be charged" holds the count fair: affirmed."""
    claim = first_claim("Belek said the count was fair but that nobody would be charged.")
    assert (claim.attribution.holder, claim.polarity) == ("belek", factlog.Polarity.AFFIRMED)


@pytest.mark.parametrize(
    "text",
    [
        "Kim attended and Putin did not, Mao said.",
        "Mao said Kim attended and Putin did not.",
        "The army crossed and the police did not, Mao said.",
        "Kim will attend and he will not speak, Mao said.",
    ],
)
def test_a_second_clause_with_its_own_subject_after_and_does_not_flip_thefirst_claim(text: str) -> None:
    """ "Kim attended and Putin did not" holds Kim's attending: affirmed."""
    assert first_claim(text).polarity is factlog.Polarity.AFFIRMED


@pytest.mark.parametrize(
    "text",
    [
        "Kim and Putin did not meet, Mao said.",
        "Mao said Kim and Putin did not meet.",
        "Kim did not attend and Putin did, Mao said.",
        "Kim attended and did not speak, Mao said.",
    ],
)
def test_a_negation_in_the_first_clause_or_a_shared_subject_still_denies(text: str) -> None:
    """ "Kim and Putin did not meet" is one clause with two subjects: still denied."""
    assert first_claim(text).polarity is factlog.Polarity.DENIED


@pytest.mark.parametrize("answer", ["said they had", "said yes", "confirmed it", "said that they had"])
def test_a_yes_to_an_opening_question_is_the_speakers_affirmation(answer: str) -> None:
    """ "Asked whether troops had crossed, Peskov said they had" is Peskov's: affirmed, certain."""
    claim = first_claim(f"Asked whether troops had crossed, Peskov {answer}.")
    assert (claim.attribution.holder, claim.polarity, claim.certainty) == (
        "peskov",
        factlog.Polarity.AFFIRMED,
        factlog.Certainty.CERTAIN,
    )
    denial = first_claim("Asked whether troops had crossed, Peskov said they had not.")
    assert (denial.polarity, denial.certainty) == (factlog.Polarity.DENIED, factlog.Certainty.CERTAIN)
