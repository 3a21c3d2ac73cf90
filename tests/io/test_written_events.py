"""Event names in words are found by the Vocabulary's rule: aliases over names, folded, ambiguity refused."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import factlog
from factlog import ClaimLog, Retraction
from factlog.cli import main
from tests.helpers import import_history
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


def _store(tmp_path: Path) -> Path:
    file = tmp_path / "claims.json"
    file.write_text(json.dumps(_document("two days after the strike")), encoding="utf-8")
    store = tmp_path / "claims.db"
    assert main(["log", "append", str(store), str(file)]) == 0
    return store


def test_retracting_a_claim_that_dates_an_event_is_refused(tmp_path: Path) -> None:
    """Retracting the only claim dating an event words count from: a ConflictError naming the claim in words."""
    log = ClaimLog(_store(tmp_path))
    with pytest.raises(factlog.ConflictError) as caught:
        log.retract("strike-date", "wrong day")
    [error] = caught.value.errors
    assert "'strike-date'" in error
    assert "'c1'" in error
    assert str(log.read().claim_by_id["c1"].proposition.when) == "2025-10-22"  # type: ignore[union-attr]


def test_cli_retract_refused_and_store_still_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`factlog log retract` exits as for the store's other refusals; `log show` and `export` still read it."""
    store = _store(tmp_path)
    assert main(["log", "retract", str(store), "strike-date", "--reason", "wrong day"]) == 3
    assert main(["log", "show", str(store)]) == 0
    assert main(["log", "export", str(store)]) == 0
    capsys.readouterr()


def test_retracting_the_words_with_their_event_is_allowed(tmp_path: Path) -> None:
    """Retracting in one append the claim in words and the claim dating its event leaves a readable store."""
    log = ClaimLog(_store(tmp_path))
    log.append([Retraction(claim="c1", reason="gone"), Retraction(claim="strike-date", reason="gone")])
    assert "c1" not in log.read().claim_by_id


def test_a_count_above_999_in_a_file_is_out_of_range() -> None:
    """'in 1000 days' in a file: a format error saying the number is out of range."""
    [error] = _errors(_document("in 1000 days"))
    assert "$.claims[0].proposition.when" in error
    assert "out of range" in error


def test_a_retraction_is_not_blamed_for_words_already_unresolved(tmp_path: Path) -> None:
    """A store already holding words it cannot resolve: an unrelated retraction is not refused for them."""
    log = ClaimLog(tmp_path / "claims.db")
    claims = factlog.loads(json.dumps(_document("two days after the strike")))
    import_history(log, tmp_path, [*claims.entities, *claims.predicates, *claims.claims])  # no source: no date for c1
    log.append([Retraction(claim="strike-date", reason="wrong day")])
    assert log.history("strike-date")[-1].record == Retraction(claim="strike-date", reason="wrong day")


def test_an_event_named_with_the_is_found_without_it() -> None:
    """'two days after strike' finds the event named 'the strike' (with or without "the", either side)."""
    document = _document("two days after strike")
    document["entities"][2].update(id="s-1", aliases=[])
    document["claims"][1]["proposition"]["subject"] = "s-1"
    assert str(_when(document)) == "2025-10-22"
