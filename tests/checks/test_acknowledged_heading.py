"""A rendered report's headings count acknowledged findings apart, as its summary line does."""

from __future__ import annotations

import attrs

import factlog
from factlog import Acknowledgement
from tests.helpers import claim, world


def test_headings_and_summary_agree_on_acknowledged_findings() -> None:
    """Two errors, one acknowledged: 'Errors (2, 1 acknowledged)' over '1 error, ..., 1 acknowledged'."""
    claims = world(
        claim("a", "dprk", "troops-deployed", 11000, holder="wire", source="s2"),
        claim("b", "dprk", "troops-deployed", 15000),
        claim("c", "russia", "troops-deployed", 100, holder="wire", source="s2"),
        claim("d", "russia", "troops-deployed", 900),
    )
    first, second = factlog.check(claims, (factlog.checks.conflicting_values,)).findings
    acknowledged = attrs.evolve(claims, acknowledged=(Acknowledgement(finding=first.id, note="known"),))
    report = factlog.check(acknowledged, (factlog.checks.conflicting_values,))
    text = factlog.render_text(report)
    assert text.startswith("Errors (2, 1 acknowledged)\n")
    assert text.rstrip().endswith("4 claims checked: 1 error, 0 warnings, 0 info, 1 acknowledged")
    assert "## Errors (2, 1 acknowledged)\n" in factlog.render_markdown(report)
    assert second.id in text
