"""A self-contradiction through several outlets names the party they speak for, and what each said of when."""

from __future__ import annotations

from factlog.checks import self_contradiction
from tests.helpers import claim, findings_of, world


def test_a_self_contradiction_of_two_outlets_names_their_party_and_what_each_said_when() -> None:
    """KCNA denies for 2025 what North Korea affirms for 2025-06: 'by North Korea, through ...' with times."""
    claims = world(
        claim("yes", "dprk", "visits", "russia", "2025-06", holder="dprk", stated="2025-10"),
        claim("no", "dprk", "visits", "russia", "2025", denied=True, holder="kcna", stated="2025-10", source="s2"),
    )
    [finding] = findings_of(self_contradiction, claims)
    assert finding.message.endswith(
        "both affirmed and denied by North Korea, through North Korea (affirming 2025-06) and KCNA (denying 2025)"
    )
