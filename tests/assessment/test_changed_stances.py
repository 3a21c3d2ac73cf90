"""A holder that changed its stance counts as it stands now: its superseded claims are not listed as its stance."""

from __future__ import annotations

import json

import factlog
from tests.helpers import claim, world


def _reversed_twice() -> factlog.ClaimSet:
    """Paper A affirms (2023), denies (2024), affirms again (2025); the wire denies (2024-06)."""
    return world(
        claim("a-2023", holder="paper-a", stated="2023-01"),
        claim("a-2024", holder="paper-a", denied=True, stated="2024-01"),
        claim("a-2025", holder="paper-a", stated="2025-01"),
        claim("wire", holder="wire", source="s2", denied=True, stated="2024-06"),
    )


def test_an_origin_for_it_lists_only_its_current_claims() -> None:
    """The 2023 affirmation, superseded by the 2024 denial, is no part of Paper A's stance now: only 2025's."""
    assessment = factlog.assess(_reversed_twice())
    [item] = assessment.propositions
    assert [(o.label, o.claims) for o in item.supporting] == [("Paper A", ("a-2025",))]
    assert "Paper A changed its stance; its latest claims count" in item.reasons
    assert not any("claims from one origin, Paper A" in reason for reason in item.reasons)
    [written] = json.loads(factlog.render_assessment_json(assessment))["propositions"]
    assert written["for"][0]["claims"] == ["a-2025"]


def test_an_origin_against_a_value_lists_only_its_current_claims() -> None:
    """Paper A gave 15,000, then 11,000, then 15,000 again: against 11,000, and for 15,000, only its latest."""
    claims = world(
        claim("t-2023", "dprk", "troops-deployed", 15000, holder="paper-a", stated="2023-01"),
        claim("t-2024", "dprk", "troops-deployed", 11000, holder="paper-a", stated="2024-01"),
        claim("t-2025", "dprk", "troops-deployed", 15000, holder="paper-a", stated="2025-01"),
    )
    eleven, fifteen = sorted(factlog.assess(claims).propositions, key=lambda item: item.key)
    assert [(o.label, o.claims) for o in eleven.opposing] == [("Paper A", ("t-2025",))]
    assert [(o.label, o.claims) for o in fifteen.supporting] == [("Paper A", ("t-2025",))]


def test_an_origin_that_kept_its_stance_lists_every_claim() -> None:
    """Without a change every claim is the stance, the earlier ones too: two claims from one origin count once."""
    claims = world(
        claim("a-2023", holder="paper-a", stated="2023-01"), claim("a-2025", holder="paper-a", stated="2025-01")
    )
    [item] = factlog.assess(claims).propositions
    assert [o.claims for o in item.supporting] == [("a-2023", "a-2025")]
    assert "2 claims from one origin, Paper A, count once" in item.reasons
