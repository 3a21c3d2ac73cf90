"""Running one rule, and reading a finding's sides, for the rule tests."""

from __future__ import annotations

import factlog
from factlog import ClaimSet, Finding


def run(rule: factlog.Rule, claims: ClaimSet) -> list[Finding]:
    """The findings of one rule, sorted as a check sorts them."""
    return list(factlog.check(claims, (rule,)).findings)


def sides(finding: Finding) -> dict[str, set[str]]:
    """A finding's claims by side, as sets."""
    return {side: set(ids) for side, ids in finding.claims}
