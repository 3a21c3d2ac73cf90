"""An unknown entity id in a claims file: the error offers the nearest entities, as ``factlog show`` does."""

from __future__ import annotations

from pathlib import Path

import factlog
from factlog.cli._common import HINTS
from factlog.io import _references
from tests.helpers import claim, run, world


def _written(tmp_path: Path, claims: factlog.ClaimSet) -> Path:
    path = tmp_path / "claims.json"
    path.write_text(factlog.dumps(claims), encoding="utf-8")
    return path


def test_a_misspelt_holder_is_offered_the_nearest_entity(tmp_path: Path) -> None:
    """'rusia' as a holder: the error line names the file, the JSON path and 'did you mean' the entity 'russia'.

    A holder like no entity's id, name or alias ('zzzz-qqqq') is offered none.
    """
    path = _written(tmp_path, world(claim("a", holder="rusia"), claim("b", holder="zzzz-qqqq")))
    ran = run("validate", str(path))
    assert ran.returncode == 3
    assert ran.stderr.splitlines()[0] == (
        f"error: {path}: $.claims[0].attribution.holder: unknown entity 'rusia'; did you mean 'russia' (Russia)?"
    )
    assert ran.stderr.splitlines()[1] == f"error: {path}: $.claims[1].attribution.holder: unknown entity 'zzzz-qqqq'"


def test_only_the_first_hundred_unknown_names_are_searched() -> None:
    """Past _SUGGESTED distinct unknown names, no fuzzy search: the message says only that the name is unknown."""
    holders = [f"russia-{n}" for n in range(_references._SUGGESTED + 1)]
    claims = world(*(claim(f"c{n}", holder=holder) for n, holder in enumerate(holders)))
    problems = dict(_references.unresolved(claims, claims))
    assert problems["$.claims[0].attribution.holder"].endswith("; did you mean 'russia' (Russia)?")
    assert problems[f"$.claims[{len(holders) - 1}].attribution.holder"] == f"unknown entity {holders[-1]!r}"


def test_one_misspelt_name_on_many_claims_is_offered_the_nearest_on_each() -> None:
    """One misspelt name on three claims: the same message, with the nearest entity, on each."""
    claims = world(*(claim(f"c{n}", holder="rusia") for n in range(3)))
    messages = {message for _, message in _references.unresolved(claims, claims)}
    assert messages == {"unknown entity 'rusia'; did you mean 'russia' (Russia)?"}


def test_a_misspelt_source_is_offered_the_nearest_source() -> None:
    """'s11' as a claim's source: 'did you mean' the source 's1'; one like no source's id is offered none."""
    claims = world(claim("a", source="s11"), claim("b", source="zzzz-qqqq"))
    problems = dict(_references.unresolved(claims, claims))
    assert problems["$.claims[0].evidence[0].source"] == "unknown source 's11'; did you mean 's1'?"
    assert problems["$.claims[1].evidence[0].source"] == "unknown source 'zzzz-qqqq'"


def test_a_misspelt_answered_claim_is_offered_the_nearest_claim() -> None:
    """A denial answering 'leak-resident': 'did you mean' the claim 'leak-residents'."""
    claims = world(claim("leak-residents"), claim("denial", denied=True, answers=("leak-resident",)))
    problems = dict(_references.unresolved(claims, claims))
    assert problems["$.claims[1].answers[0]"].startswith("unknown claim 'leak-resident'; did you mean 'leak-residents'")


def test_a_misspelt_id_adds_the_typo_hint_before_the_files_hint(tmp_path: Path) -> None:
    """An unknown id with a 'did you mean': the hints say it may be a typo, and then which files to give."""
    path = _written(tmp_path, world(claim("a", holder="rusia")))
    lines = run("validate", str(path)).stderr.splitlines()
    assert lines[-2:] == [HINTS["unknown id typo"], HINTS["unknown id"]]


def test_an_unknown_id_like_none_gets_only_the_files_hint(tmp_path: Path) -> None:
    """An unknown id with no near one: the one hint is which files to give."""
    path = _written(tmp_path, world(claim("a", holder="zzzz-qqqq")))
    lines = run("validate", str(path)).stderr.splitlines()
    assert lines[-1] == HINTS["unknown id"]
    assert HINTS["unknown id typo"] not in lines


def test_a_misspelt_predicate_is_offered_the_nearest_predicate() -> None:
    """'supply-weapons-to' as a claim's predicate: 'did you mean' the declared 'supplies-weapons-to'; a word like
    no predicate is offered none."""
    claims = world(claim("a", predicate="supply-weapons-to"), claim("b", predicate="zzzz-qqqq"))
    problems = dict(_references.unresolved(claims, claims))
    assert problems["$.claims[0].proposition.predicate"] == (
        "unknown predicate 'supply-weapons-to'; did you mean 'supplies-weapons-to'?"
    )
    assert problems["$.claims[1].proposition.predicate"] == "unknown predicate 'zzzz-qqqq'"
