"""A missing required key is told what it holds; one slip from a key given, it is told once, beside that key."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog.io._logrecords import structure
from factlog.io._messages import SYNONYMS
from tests.helpers import ROOT, run

_CLAIM: dict[str, Any] = json.loads((ROOT / "sources" / "choe-moscow" / "claims.json").read_text("utf-8"))["claims"][0]
_REQUIRED: list[str] = factlog.json_schema()["$defs"]["Claim"]["required"]


def _document(claim: dict[str, Any]) -> list[str]:
    """What a JSON document holding ``claim`` is told, below ``$.claims[0]``."""
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads(json.dumps({"format": "factlog", "version": 1, "claims": [claim]}), references=False)
    return [e.replace("$.claims[0]", "$") for e in raised.value.errors]


def _lines(claim: dict[str, Any]) -> list[str]:
    """What a JSON Lines file holding ``claim`` is told."""
    text = '{"format": "factlog", "version": 1}\n' + json.dumps({"type": "claim", **claim}) + "\n"
    with pytest.raises(factlog.FormatError) as raised:
        factlog.loads_lines(text, name="f.jsonl", references=False)
    return [e.removeprefix("f.jsonl:2: ") for e in raised.value.errors]


def _log(claim: dict[str, Any]) -> list[str]:
    """What a claim log's record holding ``claim`` is told."""
    with pytest.raises(factlog.FormatError) as raised:
        structure(claim, "claim", "x.log:2", kind_said=False)
    return [e.removeprefix("x.log:2: ") for e in raised.value.errors]


READERS: list[Callable[[dict[str, Any]], list[str]]] = [_document, _lines, _log]


def _slips(key: str) -> st.SearchStrategy[str]:
    """``key`` with one letter left out, doubled or two swapped."""
    dropped = [key[:i] + key[i + 1 :] for i in range(1, len(key))]
    doubled = [key[:i] + key[i] + key[i:] for i in range(len(key))]
    swapped = [key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(1, len(key) - 1)]
    return st.sampled_from(sorted({*dropped, *doubled, *swapped} - {key}))


@given(
    st.sampled_from(READERS),
    st.sampled_from(["statement", "attribution", "evidence"]).flatmap(lambda key: st.tuples(st.just(key), _slips(key))),
)
def test_a_misspelled_required_key_is_one_message(
    reader: Callable[[dict[str, Any]], list[str]], slip: tuple[str, str]
) -> None:
    """Every reader: the key written, the key meant and that it is required, in one message at the key written."""
    key, written = slip
    claim = {written if name == key else name: value for name, value in _CLAIM.items()}
    assert reader(claim) == [f"$.{written}: unexpected key {written!r} (did you mean {key!r}? {key!r} is required)"]


@given(st.sampled_from(READERS), st.sampled_from(_REQUIRED))
def test_a_missing_required_key_says_what_it_holds(reader: Callable[[dict[str, Any]], list[str]], key: str) -> None:
    """Every reader: the field's own description, as the JSON Schema gives it, follows ``required key missing``."""
    claim = {name: value for name, value in _CLAIM.items() if name != key}
    described = factlog.json_schema()["$defs"]["Claim"]["properties"][key]["description"].rstrip(".")
    (told,) = reader(claim)
    assert told == f"$.{key}: required key missing ({described[0].lower()}{described[1:]})"


def test_other_unexpected_keys_are_still_told(tmp_path: Path) -> None:
    """A slip told with its key meant leaves the other unexpected keys of the object in their own message."""
    claim = {("statment" if name == "statement" else name): value for name, value in _CLAIM.items()}
    claim["colour"] = "red"
    told = _document(claim)
    assert told == [
        "$.statment: unexpected key 'statment' (did you mean 'statement'? 'statement' is required)",
        "$: unexpected key 'colour'",
    ]


def test_the_command_points_to_the_field_reference_for_a_missing_key(tmp_path: Path) -> None:
    """``factlog validate``: a missing key alone gets the hint that names docs/format.md."""
    claim = {name: value for name, value in _CLAIM.items() if name != "attribution"}
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"format": "factlog", "version": 1, "claims": [claim]}), encoding="utf-8")
    ran = run("validate", str(path))
    assert "$.claims[0].attribution: required key missing (who holds it" in ran.stderr
    assert "hint: docs/format.md, 'Field reference'" in ran.stderr


_SYNONYM_CASES = [
    (cls, word, key)
    for cls, words in SYNONYMS.items()
    if cls in ("Claim", "Attribution")
    for word, key in words.items()
]


@given(st.sampled_from(READERS), st.sampled_from(_SYNONYM_CASES))
def test_another_word_for_a_key_is_offered_the_format_s_word(
    reader: Callable[[dict[str, Any]], list[str]], case: tuple[str, str, str]
) -> None:
    """ "confidence" for ``certainty``, "speaker" for ``holder``: the format's key is offered, in every reader."""
    cls, word, key = case
    claim = json.loads(json.dumps(_CLAIM))
    target = claim if cls == "Claim" else claim["attribution"]
    value = target.pop(key, "affirmed")
    target[word] = value
    told = reader(claim)
    assert any(f"unexpected key {word!r} (did you mean {key!r}" in message for message in told), told


def test_another_word_beside_its_format_key_is_offered_nothing() -> None:
    """A "confidence" beside a "certainty" is told only that it is unexpected: the claim has the key meant."""
    claim = {**_CLAIM, "certainty": "probable", "confidence": "high"}
    assert _document(claim) == ["$: unexpected key 'confidence'"]
