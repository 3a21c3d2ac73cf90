"""Exclusive predicates: only the claims that overlap in time; a former holder may hold again."""

from __future__ import annotations

import json
from pathlib import Path

from factlog import Severity
from factlog.checks import exclusive_predicates
from tests.helpers import claim, findings_of, sides, world

VOCABULARY = Path(__file__).parents[2] / "sources" / "vocabulary.json"


def test_only_overlapping_claims_are_listed() -> None:
    """Terms in 2017/2021 and since 2025, 'no longer president' in 2025-10: the first term is left out."""
    claims = world(
        claim("first-term", "trump", "holds-office", "us-president", "2017-01-20/2021-01-20"),
        claim("second-term", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire"),
        claim("out", "trump", "no-longer-holds-office", "us-president", "2025-10", holder="kcna"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert sides(finding) == {"holds-office": {"second-term"}, "no-longer-holds-office": {"out"}}
    assert finding.severity is Severity.ERROR


def test_former_holder_holding_again_is_no_conflict() -> None:
    """'Former president' is true of anyone who held the office: it excludes nothing."""
    claims = world(
        claim("former", "trump", "former-holder-of", "us-president", "2025-10"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire"),
    )
    assert findings_of(exclusive_predicates, claims) == []


def test_bundled_vocabulary_excludes_no_longer_holding_not_former() -> None:
    """The bundled 'holds-office' is exclusive with 'no longer holds', and no predicate is 'former holder'."""
    predicates = {p["id"]: p for p in json.loads(VOCABULARY.read_text(encoding="utf-8"))["predicates"]}
    assert predicates["holds-office"]["exclusive_with"] == ["no-longer-holds-office"]
    assert "former-holder-of" not in predicates
