"""An origin's vote names the sources of the claims it counts, not those of claims it has since superseded."""

from __future__ import annotations

import factlog
from tests.helpers import claim, world


def _turned() -> factlog.ClaimSet:
    """The wire says no in one story (s2, 2024-11), then yes in another (s5, 2025-04)."""
    return world(
        claim("no", "dprk", "visits", "russia", denied=True, holder="wire", source="s2", stated="2024-11"),
        claim("yes", "dprk", "visits", "russia", holder="wire", source="s5", stated="2025-04"),
    )


def test_a_changed_stance_lists_only_the_sources_of_its_latest_claims() -> None:
    """The wire's vote now is the claim of 2025-04, read in s5: s2, where it said no, is no source of it."""
    [item] = factlog.assess(_turned(), method="majority").about("yes")
    [origin] = item.supporting
    assert origin.claims == ("yes",)
    assert origin.sources == ("s5",)
    assert not item.opposing
    assert "The wire changed its stance; its latest claims count" in item.reasons


def test_every_listed_claims_source_is_listed() -> None:
    """Both stories with one stance: both sources are named, in the order their claims were read."""
    claims = world(
        claim("one", "dprk", "visits", "russia", holder="wire", source="s2", stated="2025-04"),
        claim("two", "dprk", "visits", "russia", holder="wire", source="s5", stated="2025-04"),
    )
    [item] = factlog.assess(claims, method="majority").about("one")
    [origin] = item.supporting
    assert origin.claims == ("one", "two")
    assert origin.sources == ("s2", "s5")
