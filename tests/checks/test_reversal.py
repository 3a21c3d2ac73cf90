"""One reversal, one finding: a party that denied and later confirmed, through affiliation too."""

from __future__ import annotations

import factlog
from factlog import Severity
from factlog.checks import hollow_corroboration, opposed_claims, self_contradiction
from tests.helpers import claim, findings_of, sides, world

TROOPS = {"subject": "dprk", "predicate": "supplies-weapons-to", "obj": "russia", "when": "2024-10/2025-04"}


def test_holder_denying_then_confirming_is_one_reversal_with_both_dates() -> None:
    """Russia denies in 2024-11 and confirms in 2025-04: one finding, a reversal, no contradiction."""
    claims = world(
        claim("fake", **TROOPS, denied=True, holder="russia", stated="2024-11"),  # type: ignore[arg-type]
        claim("confirmed", **TROOPS, holder="russia", stated="2025-04", source="s5"),  # type: ignore[arg-type]
    )
    report = factlog.check(claims)
    conflicts = [f for f in report.findings if f.rule in ("opposed_claims", "self_contradiction")]
    [finding] = conflicts
    assert finding.rule == "self_contradiction"
    assert finding.message.startswith("Reversal: ")
    assert "denied by Russia (2024-11), then affirmed by Russia (2025-04)" in finding.message


def test_spokesman_and_government_are_one_party() -> None:
    """The Kremlin spokesman denies in 2024, Russia confirms in 2025: a reversal of one party."""
    claims = world(
        claim("fake", **TROOPS, denied=True, holder="peskov", stated="2024-11"),  # type: ignore[arg-type]
        claim("confirmed", **TROOPS, holder="russia", stated="2025-04", source="s5"),  # type: ignore[arg-type]
    )
    assert findings_of(opposed_claims, claims) == []
    [finding] = findings_of(self_contradiction, claims)
    assert sides(finding) == {"affirming": {"confirmed"}, "denying": {"fake"}}
    assert "the Kremlin spokesman (2024-11)" in finding.message
    assert finding.severity is Severity.WARNING


def test_reversal_against_another_party_still_contradicts() -> None:
    """Russia's reversal does not hide a denial by a third party: opposed_claims reports that group."""
    claims = world(
        claim("fake", **TROOPS, denied=True, holder="russia", stated="2024-11"),  # type: ignore[arg-type]
        claim("confirmed", **TROOPS, holder="russia", stated="2025-04", source="s5"),  # type: ignore[arg-type]
        claim("cn", **TROOPS, denied=True, holder="mfa-prc"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"confirmed"}, "denying": {"fake", "cn"}}


def test_syndicated_copies_of_one_polarity_are_no_change_of_stance() -> None:
    """Only copies of one wire story, on different days: no reversal, and the origin is named after the wire."""
    claims = world(
        claim("copy-a", holder="paper-a", source="s3", stated="2025-10-01"),
        claim("copy-b", holder="paper-b", source="s4", stated="2025-10-03"),
    )
    assert findings_of(self_contradiction, claims) == []
    assert findings_of(opposed_claims, claims) == []
    [hollow] = findings_of(hollow_corroboration, claims)
    assert "origin wire" in dict(hollow.claims)
    assert "all from one origin, The wire (“Wire story”), relayed by Paper A, Paper B" in hollow.message
