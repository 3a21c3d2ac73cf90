"""An affirmation and a denial that are one holder's claim carried two ways: a relay (or a copy) misreporting it.

As for two values of one holder through different relays (``conflicting_values``), the
clash stays a contradiction (``opposed_claims``, as severe as any other) and says what
it most likely is; it is not the holder contradicting itself (``self_contradiction``).
"""

from __future__ import annotations

from factlog import Severity
from factlog.checks import conflicting_values, opposed_claims, self_contradiction
from tests.helpers import claim, findings_of, sides, world

OFFICE = {"subject": "alice", "predicate": "holds-office", "obj": "us-president", "when": "2025-10"}
MISREPORTED = (
    "one holder through different relays: likely a relay misreporting The wire, not The wire contradicting itself"
)


def test_one_holder_affirmed_by_one_relay_and_denied_by_another_is_a_relay_misreporting_it() -> None:
    """The wire via Paper A against the wire via Paper B, one day: opposed_claims (error), not a self-contradiction."""
    claims = world(
        claim("via-a", **OFFICE, holder="wire", via=("paper-a",), source="s1"),  # type: ignore[arg-type]
        claim("via-b", **OFFICE, denied=True, holder="wire", via=("paper-b",), source="s5", stated="2025-10"),  # type: ignore[arg-type]
    )
    assert findings_of(self_contradiction, claims) == []
    [finding] = findings_of(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"via-a"}, "denying": {"via-b"}}
    assert finding.severity is Severity.ERROR
    assert finding.message == (
        "Contradiction: Alice Example holds the office of President of the United States (2025-10):"
        f" stated by The wire via Paper A; denied by The wire via Paper B; {MISREPORTED}"
    )


def test_a_misreport_is_as_severe_as_the_claims_make_it() -> None:
    """A possible affirmation against a certain denial, one holder, two relays: a warning, as between two holders."""
    claims = world(
        claim("via-a", **OFFICE, holder="wire", via=("paper-a",), certainty="possible"),  # type: ignore[arg-type]
        claim("via-b", **OFFICE, denied=True, holder="wire", via=("paper-b",), source="s5", stated="2025-10"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Opposed: ")
    assert MISREPORTED in finding.message


def test_copies_of_one_story_in_their_own_voice_are_a_copy_misreporting_it() -> None:
    """Paper A's copy affirms, Paper B's copy denies (both in their own voice): the finding says both copy one story."""
    claims = world(
        claim("copy-a", **OFFICE, holder="paper-a", source="s3"),  # type: ignore[arg-type]
        claim("copy-b", **OFFICE, denied=True, holder="paper-b", source="s4"),  # type: ignore[arg-type]
    )
    assert findings_of(self_contradiction, claims) == []
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.ERROR
    assert finding.message.endswith(
        "stated by Paper A; denied by Paper B; copies of one story, The wire (“Wire story”): likely a copy"
        " misreporting it, not The wire contradicting itself"
    )


def test_one_holder_relayed_on_two_days_is_still_a_reversal() -> None:
    """Stated on different days, the holder may have changed its account: self_contradiction's reversal, as before."""
    claims = world(
        claim("via-a", **OFFICE, holder="wire", via=("paper-a",), stated="2025-10-01"),  # type: ignore[arg-type]
        claim("via-b", **OFFICE, denied=True, holder="wire", via=("paper-b",), stated="2025-10-05"),  # type: ignore[arg-type]
    )
    assert findings_of(opposed_claims, claims) == []
    [finding] = findings_of(self_contradiction, claims)
    assert finding.message.startswith("Reversal: ")


def test_a_relay_that_carried_both_sides_is_no_misreport() -> None:
    """Paper A relays the wire both ways (and Paper B one way): the wire, or Paper A, contradicts itself."""
    claims = world(
        claim("via-a", **OFFICE, holder="wire", via=("paper-a",)),  # type: ignore[arg-type]
        claim("via-a-no", **OFFICE, denied=True, holder="wire", via=("paper-a",), stated="2025-10"),  # type: ignore[arg-type]
        claim("via-b", **OFFICE, holder="wire", via=("paper-b",), source="s5", stated="2025-10"),  # type: ignore[arg-type]
    )
    assert findings_of(opposed_claims, claims) == []
    [finding] = findings_of(self_contradiction, claims)
    assert "both affirmed and denied by The wire" in finding.message


def test_two_copies_of_the_same_source_on_both_sides_are_no_misreport() -> None:
    """One copy both affirming and denying in its own voice: the copy contradicts itself, whatever it copies."""
    claims = world(
        claim("copy-a", **OFFICE, holder="paper-a", source="s3"),  # type: ignore[arg-type]
        claim("copy-a-no", **OFFICE, denied=True, holder="paper-a", source="s3"),  # type: ignore[arg-type]
    )
    assert findings_of(opposed_claims, claims) == []
    [finding] = findings_of(self_contradiction, claims)
    assert finding.message.endswith("both affirmed and denied by Paper A (in one source)")


def test_copies_of_one_story_published_on_different_days_are_still_a_copy_misreporting_it() -> None:
    """Paper A's copy stated on the 1st, Paper B's on the 5th: one story, whatever day each printed it."""
    claims = world(
        claim("copy-a", **OFFICE, holder="paper-a", source="s3", stated="2025-10-01"),  # type: ignore[arg-type]
        claim("copy-b", **OFFICE, denied=True, holder="paper-b", source="s4", stated="2025-10-05"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(opposed_claims, claims)
    assert "copies of one story, The wire (“Wire story”): likely a copy misreporting it" in finding.message


def test_two_values_in_copies_of_one_story_are_a_copy_misreporting_it() -> None:
    """Two dates for one event, each a copy's own words: conflicting_values says the copies share one story."""
    claims = world(
        claim("copy-a", "visit", "takes-place-on", "date:2025-10-03", None, holder="paper-a", source="s3"),
        claim("copy-b", "visit", "takes-place-on", "date:2025-10-05", None, holder="paper-b", source="s4"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.ERROR
    assert finding.message.endswith(
        "; copies of one story, The wire (“Wire story”): likely a copy misreporting it,"
        " not The wire contradicting itself"
    )
