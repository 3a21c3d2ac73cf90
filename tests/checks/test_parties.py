"""Interested parties beyond denials, and firmness out of line with the record."""

from __future__ import annotations

import factlog
from factlog import Severity
from factlog.analysis._parties import interested
from factlog.checks import interested_judgement, understated_certainty
from tests.helpers import claim, findings_of, sides, world

STRIKE = {"subject": "prc", "predicate": "destroys", "obj": "sites", "when": "2025-06"}
TROOPS = {"subject": "dprk", "predicate": "supplies-weapons-to", "obj": "russia", "when": "2025"}


def test_a_party_judging_its_own_strike_is_flagged() -> None:
    """'Our strike obliterated the sites', said by China's foreign ministry of China's strike: info."""
    claims = world(
        claim("ours", **STRIKE, holder="mfa-prc"),  # type: ignore[arg-type]
        claim("theirs", **STRIKE, denied=True, holder="wire"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(interested_judgement, claims)
    assert sides(finding) == {"interested": {"ours"}, "others": {"theirs"}}
    assert finding.severity is Severity.INFO


def test_a_third_party_judging_is_not_interested() -> None:
    """The same judgement by an outside outlet is not flagged."""
    assert findings_of(interested_judgement, world(claim("outside", **STRIKE, holder="wire"))) == []  # type: ignore[arg-type]


def test_the_hook_marks_interested_claims_for_assessment() -> None:
    """interested(): a party's own judgement and a denial by the accused; not a plain report by a party."""
    claims = world(
        claim("judges", **STRIKE, holder="mfa-prc"),  # type: ignore[arg-type]
        claim("denies", **TROOPS, denied=True, holder="kcna"),  # type: ignore[arg-type]
        claim("reports", "prc", "visits", "dprk", "2025", holder="mfa-prc"),
    )
    index = factlog.Index.of(claims)
    assert [interested(index, index.by_id[c]) for c in ("judges", "denies", "reports")] == [True, True, False]


def test_may_against_named_certainty_is_understated() -> None:
    """A tabloid's 'may' where Russia and the wire state it as fact, and nobody denies it: info."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("fact", **TROOPS, holder="russia"),  # type: ignore[arg-type]
        claim("wire", **TROOPS, holder="wire", source="s2"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(understated_certainty, claims)
    assert sides(finding) == {"hedged": {"may"}, "certain": {"fact", "wire"}}
    assert finding.severity is Severity.INFO


def test_hedging_a_disputed_claim_is_fair() -> None:
    """When someone denies it, 'may' is not out of line."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("fact", **TROOPS, holder="russia"),  # type: ignore[arg-type]
        claim("no", **TROOPS, denied=True, holder="mfa-prc"),  # type: ignore[arg-type]
    )
    assert findings_of(understated_certainty, claims) == []


def test_anonymous_certainty_is_no_record_to_understate() -> None:
    """Only anonymous analysts state it as fact: the hedge is not flagged."""
    claims = world(
        claim("may", **TROOPS, certainty="possible", holder="tabloid"),  # type: ignore[arg-type]
        claim("analysts", **TROOPS, holder="analysts"),  # type: ignore[arg-type]
    )
    assert findings_of(understated_certainty, claims) == []
