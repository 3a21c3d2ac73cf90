"""Event names in words are found by the Vocabulary's rule: aliases over names, folded, ambiguity refused."""

from __future__ import annotations

import copy
from typing import Any

from tests.io.test_written_when import _document, _errors, _when


def _second_event(name: str, day: str, *, alias: bool = False) -> dict[str, Any]:
    """The usual document with a second event, ``other``, named (or aliased) ``name`` and dated ``day``."""
    document = _document("two days after the strike")
    entity: dict[str, Any] = {"id": "other", "name": "Other strike", "kind": "event"}
    entity.update(aliases=[name]) if alias else entity.update(name=name)
    document["entities"].append(entity)
    dating = copy.deepcopy(document["claims"][1])
    dating.update(id="other-date")
    dating["proposition"].update(subject="other", when=day)
    document["claims"].append(dating)
    document["claims"][1]["proposition"]["subject"] = "strike"
    return document


def test_two_events_of_one_name_are_ambiguous() -> None:
    """'the strike' and 'The Strike': a format error listing both ids."""
    [error] = _errors(_second_event("The Strike", "2025-10-01"))
    assert error.startswith("claims.json: $.claims[0].proposition.when: cannot resolve")
    assert "ambiguous" in error
    assert "'other'" in error
    assert "'strike'" in error


def test_an_alias_wins_over_a_name() -> None:
    """An event aliased 'the strike' is the one meant, not another named so (aliases over names)."""
    assert str(_when(_second_event("the strike", "2025-10-01", alias=True))) == "2025-10-03"


def test_event_names_fold_as_entity_names() -> None:
    """'the İstanbul talks' written finds the event named 'the istanbul talks' (full case folding)."""
    document = _document("two days after the İstanbul talks")
    document["entities"][2]["name"] = "the istanbul talks"
    document["entities"][2]["aliases"] = []
    document["claims"][1]["proposition"]["subject"] = "strike"
    assert str(_when(document)) == "2025-10-22"


def test_an_event_dated_only_by_a_denial_says_so() -> None:
    """An event whose only claim is denied exists but is undated: the error says that, not 'unknown'."""
    document = _document("two days after the strike")
    document["claims"][1]["polarity"] = "denied"
    [error] = _errors(document)
    assert "unknown event" not in error
    assert "no claim dates it" in error
