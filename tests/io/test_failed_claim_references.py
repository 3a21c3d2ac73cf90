"""An unknown claim id close to a claim that failed to load is offered it, with where it failed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import factlog
from tests.helpers import ROOT

BROKEN = "headline-choe-visits-russia"
TYPO = "headline-choe-visit-russia"
WHEN = "$.claims[0].proposition.when: invalid date '2025-13'"


def _corpus(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """The Choe Son-hui article with its registry, its first claim dated in a month that does not exist."""
    shutil.copytree(ROOT / "sources" / "choe-moscow", tmp_path / "choe-moscow")
    for name in ("entities.json", "vocabulary.json"):
        shutil.copy(ROOT / "sources" / name, tmp_path / name)
    path = tmp_path / "choe-moscow" / "claims.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"][0]["proposition"]["when"] = "2025-13"
    return path, data


def _errors(*paths: Path) -> list[str]:
    with pytest.raises(factlog.FormatError) as raised:
        factlog.load(list(paths))
    return raised.value.errors


def test_a_typo_for_a_claim_of_another_file_that_failed_to_load_offers_it(tmp_path: Path) -> None:
    """Another file answers the broken claim (left out) and a typo of it (offered, with where the claim failed)."""
    path, data = _corpus(tmp_path)
    path.write_text(json.dumps(data), encoding="utf-8")
    reply = dict(data["claims"][2], id="reply", answers=[BROKEN])
    typo = dict(data["claims"][3], id="typo", answers=[TYPO])
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "factlog", "version": 1, "claims": [reply, typo]}), encoding="utf-8")
    errors = _errors(tmp_path / "entities.json", tmp_path / "vocabulary.json", path, other)
    assert [error.split(" (or a season")[0] for error in errors] == [
        f"{path}: {WHEN}: month must be between 1 and 12",
        f"{other}: $.claims[1].answers[0]: unknown claim {TYPO!r}; did you mean {BROKEN!r}"
        f" (defined but failed to load: see the error at {path}: $.claims[0].proposition.when)?",
    ]


def test_a_typo_in_regarding_claims_for_a_claim_that_failed_to_load_offers_it(tmp_path: Path) -> None:
    """A regarding naming a typo of a broken claim of the same file: the broken claim is offered, with its path."""
    path, data = _corpus(tmp_path)
    data["claims"][2]["regarding"] = {"claims": [TYPO], "party": "russia", "stance": "silent"}
    path.write_text(json.dumps(data), encoding="utf-8")
    errors = _errors(tmp_path)
    assert errors[1] == (
        f"{path}: $.claims[2].regarding.claims[0]: unknown claim {TYPO!r}; did you mean {BROKEN!r}"
        f" (defined but failed to load: see the error at {path}: $.claims[0].proposition.when)?"
    )


def test_in_json_lines_the_failure_is_named_by_its_line(tmp_path: Path) -> None:
    """In a JSON Lines file the place of the failure is its line, as the failure's own message names it."""
    _corpus(tmp_path)  # the folder, its claims file left as it was
    records = [json.loads(line) for line in factlog.dumps_lines(factlog.load([tmp_path])).splitlines()]
    for record in records:
        if record.get("id") == BROKEN:
            record["proposition"]["when"] = "2025-13"
        elif record.get("id") == "headline-trump-visits-rok":
            record["answers"] = [TYPO]
    lines = tmp_path / "claims.jsonl"
    lines.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    broken = next(n for n, record in enumerate(records, 1) if record.get("id") == BROKEN)
    errors = _errors(lines)
    assert errors[0].startswith(f"{lines}:{broken}: $.proposition.when: invalid date '2025-13'")
    assert errors[1].endswith(
        f"$.answers[0]: unknown claim {TYPO!r}; did you mean {BROKEN!r}"
        f" (defined but failed to load: see the error at {lines}:{broken}: $.proposition.when)?"
    )
