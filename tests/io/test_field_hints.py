"""A value or key one slip from what the format takes is told what was meant."""

from __future__ import annotations

import difflib
import json
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import factlog
from factlog.io._messages import _did_you_mean
from factlog.model import Claim
from tests.helpers import GOLDEN


def _errors(change: Any) -> list[str]:
    """The problems of the golden document after ``change`` edits its data."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps(data))
    return raised.value.errors


def test_a_misspelled_key_names_the_key_meant() -> None:
    """'polarty' in a claim: unexpected, did you mean 'polarity'."""
    errors = _errors(lambda data: data["claims"][0].update(polarty="denied"))
    assert errors == ["$.claims[0]: unexpected key 'polarty' (did you mean 'polarity'?)"]


def test_a_key_of_another_object_gets_no_guess() -> None:
    """'holder' in a claim is no slip of a claim's key: no guess (the CLI's hint names the attribution)."""
    errors = _errors(lambda data: data["claims"][0].update(holder="dprk"))
    assert errors == ["$.claims[0]: unexpected key 'holder'"]


@given(st.sampled_from([field.name for field in Claim.__attrs_attrs__ if len(field.name) >= 5]), st.data())
def test_one_letter_dropped_from_a_long_key_is_guessed_back(name: str, data: st.DataObject) -> None:
    """Any claim key of five letters or more, one letter dropped, gets a guess at least as close as the key."""
    at = data.draw(st.integers(0, len(name) - 1))
    slip = name[:at] + name[at + 1 :]
    assume(slip not in {field.name for field in Claim.__attrs_attrs__})
    guess = _did_you_mean(slip, Claim)
    assert guess.startswith(" (did you mean '")
    guessed = guess.removeprefix(" (did you mean '").removesuffix("'?)")

    def closeness(key: str) -> float:
        return difflib.SequenceMatcher(None, slip, key).ratio()

    assert closeness(guessed) >= closeness(name)


def test_a_certainty_cue_word_says_what_to_write() -> None:
    """'reportedly' as a certainty is refused, saying it reads as possible and belongs in the cue."""
    (error,) = _errors(lambda data: data["claims"][0].update(certainty="reportedly"))
    assert error.endswith(
        "got 'reportedly': 'reportedly' reads as 'possible'; write that, and keep the word as the attribution's cue"
    )


def test_a_reliability_word_says_the_letter_without_a_cue() -> None:
    """A graded entity given 'usually reliable' is told B; a cue belongs to claims, so none is suggested."""
    (error,) = _errors(lambda data: data["entities"][0].update(reliability="usually reliable"))
    assert error.endswith("got 'usually reliable': 'usually reliable' reads as 'B'; write that")


def test_an_unknown_word_gets_no_hint() -> None:
    """A certainty no scale word names is refused with the accepted values alone."""
    (error,) = _errors(lambda data: data["claims"][0].update(certainty="sure-ish"))
    assert error.endswith("got 'sure-ish'")


@pytest.mark.parametrize("value", ["on Monday", "yesterday", "2025-10-10/next week"])
def test_words_in_a_stated_date_point_to_when(value: str) -> None:
    """A claim's stated date in words is refused, saying words are read in a proposition's when only."""
    (error,) = _errors(lambda data: data["claims"][0].update(stated=value))
    assert error.endswith("words are read in a proposition's when only; write the date here")


@pytest.mark.parametrize("value", ["2025-1O", "201X-13", "2025-10-1x"])
def test_a_mistyped_date_is_not_called_words(value: str) -> None:
    """A date with a stray letter is refused with the date's own message, no word hint."""
    (error,) = _errors(lambda data: data["claims"][0].update(stated=value))
    assert "words are read" not in error


@pytest.mark.parametrize(
    ("value", "meant"), [("Possible", "possible"), ("CERTAIN", "certain"), (" probable ", "probable")]
)
def test_a_scale_value_in_other_case_is_told_the_value_and_no_cue(value: str, meant: str) -> None:
    """'Possible' is the value 'possible' written otherwise: told to write it so, not to keep 'Possible' as a cue."""
    (error,) = _errors(lambda data: data["claims"][0].update(certainty=value))
    assert error.endswith(f"got {value!r}: {value!r} reads as {meant!r}; write that")


def test_a_polarity_in_capitals_is_told_the_value_and_no_cue() -> None:
    """'Denied' for 'denied': the value in capitals, no cue word."""
    (error,) = _errors(lambda data: data["claims"][0].update(polarity="Denied"))
    assert error.endswith("got 'Denied': 'Denied' reads as 'denied'; write that")
