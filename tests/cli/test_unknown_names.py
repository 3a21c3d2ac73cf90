"""An unknown entity id in a claims file: the error offers the nearest entities, as ``factlog show`` does."""

from __future__ import annotations

from pathlib import Path

import factlog
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
