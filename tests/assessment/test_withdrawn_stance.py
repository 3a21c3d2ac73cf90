"""A proposition whose only origin claimed it, then denied it: its label says so, not that nobody claimed it."""

from __future__ import annotations

import factlog
from factlog import Acceptance
from tests.helpers import claim, world


def _affirmed_then_denied() -> factlog.ClaimSet:
    """KCNA (North Korea's) says North Korea supplies Russia with weapons, then denies it."""
    return world(
        claim("said", holder="kcna", stated="2025-10-01"),
        claim("unsaid", holder="kcna", source="s2", denied=True, stated="2025-10-05"),
    )


def test_a_holder_that_affirms_then_denies_is_named_on_the_rejected_line() -> None:
    """The reason names KCNA as having claimed it and changed its stance, in text and Markdown alike."""
    assessment = factlog.assess(_affirmed_then_denied())
    [item] = assessment.propositions
    assert item.acceptance is Acceptance.REJECTED
    [line] = [reason for reason in item.reasons if reason.startswith("rejected: ")]
    assert line.startswith("rejected: nobody claims it now: KCNA claimed it, then changed its stance; ")
    assert "only parties the proposition accuses deny it" not in line
    markdown = factlog.render_assessment_markdown(assessment)
    assert "nobody claims it now: KCNA claimed it, then changed its stance" in markdown
    assert "nobody claims it;" not in markdown
