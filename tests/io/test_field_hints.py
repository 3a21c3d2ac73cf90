"""A value or key one slip from what the format takes is told what was meant."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import factlog
from factlog.io._logrecords import structure
from factlog.io._messages import _did_you_mean
from factlog.model import Attribution, Claim, Evidence, Proposition
from tests.helpers import GOLDEN
from tests.strategies import extra_keys, slips

REPEATED = " (one slip from a key given already: delete the one not meant)"
"""What a key one slip from a key its object has already is told, rather than to be that key."""


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


def test_a_misspelled_key_beside_the_key_it_repeats_is_told_to_delete_one() -> None:
    """'polarty' beside 'polarity' is not told to be 'polarity' (a second one): it is told to delete one of the two."""
    errors = _errors(lambda data: data["claims"][1].update(polarity="affirmed", polarty="denied"))
    assert errors == [f"$.claims[1]: unexpected key 'polarty'{REPEATED}"]


def test_a_slip_close_to_a_key_given_and_one_lacking_is_told_the_one_lacking() -> None:
    """'bject' in a proposition that has an object and lacks a subject: did you mean 'subject' (not 'object')."""
    errors = _errors(
        lambda data: data["claims"][1]["proposition"].update(bject=data["claims"][1]["proposition"].pop("subject"))
    )
    assert (
        "$.claims[1].proposition.bject: unexpected key 'bject' (did you mean 'subject'? 'subject' is required)"
        in errors
    )


_NESTED = [  # a claim's nested object, a key it has, and the slip of that key
    ("attribution", "holder", "holdr"),
    ("proposition", "subject", "subjet"),
    ("evidence", "quote", "qoute"),
]


def _nested(claim: dict[str, Any], place: str) -> dict[str, Any]:
    found = claim[place]
    return found[0] if isinstance(found, list) else found  # type: ignore[no-any-return]


def _where(place: str) -> str:
    return f".{place}[0]" if place == "evidence" else f".{place}"


@pytest.mark.parametrize(("place", "key", "slip"), _NESTED)
def test_a_repeated_key_in_a_nested_object_is_told_to_delete_one(place: str, key: str, slip: str) -> None:
    """'holdr' beside 'holder' in an attribution (and so in a proposition, evidence) names its path, not 'holder'."""
    errors = _errors(lambda data: _nested(data["claims"][1], place).update({slip: "x"}))
    assert errors == [f"$.claims[1]{_where(place)}: unexpected key {slip!r}{REPEATED}"]


def test_a_repeated_key_in_a_literal_object_is_told_to_delete_one() -> None:
    """A proposition's object {"text": ..., "txt": ...} is told 'txt' repeats a key, not 'did you mean text'."""
    errors = _errors(lambda data: data["claims"][1]["proposition"].update(object={"text": "a", "txt": "b"}))
    assert errors == [f"$.claims[1].proposition.object: unexpected key 'txt'{REPEATED}"]


def _lines_file(tmp_path: Path, change: Callable[[dict[str, Any]], object]) -> Path:
    """The golden document as JSON Lines, its second claim changed by ``change``; the claim is on the last line."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    change(data["claims"][1])
    kinds = {"entities": "entity", "predicates": "predicate", "sources": "source"}
    lines = [json.dumps({"format": "factlog", "version": 1})]
    lines += [json.dumps({"type": kind, **record}) for key, kind in kinds.items() for record in data[key]]
    lines += [json.dumps({"type": "claim", **record}) for record in data["claims"] if record is not data["claims"][1]]
    lines.append(json.dumps({"type": "claim", **data["claims"][1]}))
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("place", "key", "slip"), [("", "polarity", "polarty"), *_NESTED])
def test_a_repeated_key_in_json_lines_names_the_file_line_and_path(
    tmp_path: Path, place: str, key: str, slip: str
) -> None:
    """A JSON Lines claim with 'polarty' beside 'polarity' (or a nested repeat) names file, line and path."""
    path = _lines_file(tmp_path, lambda claim: (_nested(claim, place) if place else claim).update({slip: "x"}))
    count = len(path.read_text(encoding="utf-8").splitlines())
    for read in (lambda: factlog.load(path), lambda: factlog.loads_lines(path.read_bytes(), name=str(path))):
        with pytest.raises(factlog.FormatError) as raised:
            read()
        where = _where(place) if place else ""
        assert raised.value.errors == [f"{path}:{count}: ${where}: unexpected key {slip!r}{REPEATED}"]


def test_a_repeated_key_in_a_log_record_is_told_to_delete_one() -> None:
    """A claim log's record with 'polarty' beside 'polarity' is told the same as a file's claim."""
    claim = json.loads(GOLDEN.read_text(encoding="utf-8"))["claims"][1] | {"polarty": "denied"}
    with pytest.raises(factlog.FormatError) as raised:
        structure(claim, "claim", "log.jsonl:3")
    assert raised.value.errors == [f"log.jsonl:3: invalid claim: $: unexpected key 'polarty'{REPEATED}"]


_OBJECTS: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], type]] = [
    ("$.claims[1]", lambda data: data["claims"][1], Claim),
    ("$.claims[1].attribution", lambda data: data["claims"][1]["attribution"], Attribution),
    ("$.claims[1].evidence[0]", lambda data: data["claims"][1]["evidence"][0], Evidence),
    ("$.claims[1].proposition", lambda data: data["claims"][1]["proposition"], Proposition),
]


def _closeness(slip: str, key: str) -> float:
    return difflib.SequenceMatcher(None, slip, key).ratio()


@given(st.sampled_from(_OBJECTS), st.data())
def test_the_hint_for_an_extra_key_names_no_key_the_object_has(
    place: tuple[str, Callable[[dict[str, Any]], dict[str, Any]], type], data: st.DataObject
) -> None:
    """Any object with one extra key: no key it has is named, and a key it lacks one slip away is guessed."""
    path, find, cls = place
    names = [field.name for field in attrs.fields(cls)]
    document = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = find(document)
    for key in data.draw(st.sets(st.sampled_from(sorted(found))), label="dropped"):
        del found[key]
    extra = data.draw(extra_keys(names), label="extra")
    found[extra] = "x"
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps(document))
    told = (f"{path}: unexpected key {extra!r}", f"{path}.{extra}: unexpected key {extra!r}")  # at the key: required
    [message] = [error for error in raised.value.errors if error.startswith(told)]
    hint = message.removeprefix(told[0]).removeprefix(told[1])
    assert not [key for key in found if key != extra and repr(key) in hint]
    lacking = [name for name in names if name not in found and len(name) >= 5 and extra in slips(name)]
    if lacking:
        assert hint.startswith(" (did you mean '")
        guessed = hint.removeprefix(" (did you mean '").split("'")[0]
        assert hint.endswith("'?)" if message.startswith(told[0]) else f"'? {guessed!r} is required)")
        assert guessed in names
        assert guessed not in found
        assert _closeness(extra, guessed) >= max(_closeness(extra, name) for name in lacking)


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
