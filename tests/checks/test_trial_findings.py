"""Findings a newcomer's trial found missing or misworded: reversals across places, within one source, wording."""

from __future__ import annotations

import json

import factlog
from factlog import Severity
from factlog.checks import (
    answered_denial,
    conflicting_values,
    falling_total,
    interested_denial,
    opposed_claims,
    self_contradiction,
)
from tests.helpers import claim, findings_of, sides, world


def test_spokesman_denying_the_country_then_government_confirming_a_region_is_a_reversal() -> None:
    """The spokesman denies fighting in Russia, Russia later confirms fighting in the Kursk region: a reversal."""
    claims = world(
        claim(
            "not-in-country", "dprk", "fights-in", "russia", "2024-11", denied=True, holder="peskov", stated="2024-11"
        ),
        claim("in-region", "dprk", "fights-in", "kursk", "2024-11", holder="russia", stated="2025-04", source="s5"),
    )
    assert findings_of(opposed_claims, claims) == []
    [finding] = findings_of(self_contradiction, claims)
    assert sides(finding) == {"affirming": {"in-region"}, "denying": {"not-in-country"}}
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Reversal: North Korea fights in the Kursk region: denied by")
    assert "(denied of the wider place: North Korea fights in Russia)" in finding.message


def test_one_holder_denying_a_country_and_affirming_a_town_two_levels_down_is_reported() -> None:
    """Sudzha lies in Kursk, in Russia: one holder's denial of Russia and affirmation of Sudzha conflict."""
    claims = world(
        claim("no", "dprk", "fights-in", "russia", "2024-11", denied=True),
        claim("yes", "dprk", "fights-in", "sudzha", "2024-11-05"),
    )
    [finding] = findings_of(self_contradiction, claims)
    assert sides(finding) == {"affirming": {"yes"}, "denying": {"no"}}


def test_one_holder_denying_a_region_and_affirming_its_country_is_no_finding() -> None:
    """'Not in Sudzha' and 'in Russia' from one holder may both be true."""
    claims = world(
        claim("no", "dprk", "fights-in", "sudzha", "2024-11", denied=True),
        claim("yes", "dprk", "fights-in", "russia", "2024-11"),
    )
    assert findings_of(self_contradiction, claims) == []


def test_one_source_with_two_stated_dates_is_a_reversal_with_both_dates() -> None:
    """A story reporting a denial on 2025-03-02 and a confirmation on 2025-04-01: a dated reversal."""
    claims = world(
        claim("denial", denied=True, holder="russia", stated="2025-03-02"),
        claim("confirmation", holder="russia", stated="2025-04-01"),
    )
    [finding] = findings_of(self_contradiction, claims)
    assert finding.message.startswith("Reversal: North Korea supplies weapons to Russia: ")
    assert finding.message.endswith("denied by Russia (2025-03-02), then affirmed by Russia (2025-04-01)")


def test_one_source_with_one_stated_date_is_a_self_contradiction() -> None:
    """Affirmed and denied in one source on the same day: the text contradicts itself."""
    claims = world(
        claim("denial", denied=True, holder="russia", stated="2025-03-02"),
        claim("confirmation", holder="russia", stated="2025-03-02"),
    )
    [finding] = findings_of(self_contradiction, claims)
    assert finding.message.startswith("Self-contradiction: ")
    assert finding.message.endswith("(in one source)")


def test_rejected_denial_says_the_answered_claim_was_denied() -> None:
    """'Denial rejected in answer' names the denial as denied, not as stated."""
    claims = world(
        claim("survived", "dprk", "destroys", "sites", "2025-06", denied=True, holder="kcna"),
        claim("wrong", None, denied=True, holder="wire", answers=("survived",)),
    )
    [finding] = findings_of(answered_denial, claims)
    assert "(denied by KCNA; denial rejected by The wire)" in finding.message


def test_interested_denial_of_a_wider_place_lists_the_narrower_affirmation() -> None:
    """Russia denies fighting in Russia; the wire says it fought in Kursk: the affirmation is what is denied."""
    claims = world(
        claim("not-in-country", "russia", "fights-in", "russia", "2024-11", denied=True, holder="russia"),
        claim("in-region", "russia", "fights-in", "kursk", "2024-11", holder="wire", source="s2"),
    )
    [finding] = findings_of(interested_denial, claims)
    assert sides(finding) == {"interested": {"not-in-country"}, "denied": {"in-region"}}


def test_prov_export_does_not_depend_on_claim_order() -> None:
    """The same claims in reverse order give the same PROV document, byte for byte."""
    claims = [
        claim("a", holder="wire", source="s2", via=("paper-a",)),
        claim("b", denied=True, holder="kcna", stated="2025-03"),
        claim("c", holder="paper-b", source="s4"),
    ]
    forward = json.dumps(factlog.to_prov(world(*claims)))
    backward = json.dumps(factlog.to_prov(world(*reversed(claims))))
    assert forward == backward


def test_lower_total_for_the_same_day_is_a_falling_total() -> None:
    """1,500 cases as of 2025-03-05, then 900 as of the same day: the lower figure is reported."""
    claims = world(
        claim("high", "ruritania", "cases-reported", 1500, "2025-03-05", stated="2025-03-05"),
        claim("low", "ruritania", "cases-reported", 900, "2025-03-05", holder="wire", source="s2", stated="2025-03-07"),
    )
    [finding] = findings_of(falling_total, claims)
    assert sides(finding) == {"established": {"high"}, "lower": {"low"}}


def test_total_over_an_interval_counts_from_its_start() -> None:
    """1,500 throughout 2025-03-01/2025-03-20 and 900 on 2025-03-10: the lower figure falls."""
    claims = world(
        claim("state", "ruritania", "cases-reported", 1500, "2025-03-01/2025-03-20"),
        claim("point", "ruritania", "cases-reported", 900, "2025-03-10", holder="wire", source="s2"),
    )
    [finding] = findings_of(falling_total, claims)
    assert sides(finding) == {"established": {"state"}, "lower": {"point"}}


def test_total_for_a_month_is_not_established_before_its_end() -> None:
    """1,500 in 2025-03 and 900 on 2025-03-10: the month's figure may be for a later day."""
    claims = world(
        claim("month", "ruritania", "cases-reported", 1500, "2025-03"),
        claim("day", "ruritania", "cases-reported", 900, "2025-03-10", holder="wire", source="s2"),
    )
    assert findings_of(falling_total, claims) == []


def test_region_and_its_country_stand_on_one_side_against_another_country() -> None:
    """The battle in the Kursk region, in Russia, or in Ukraine: two sides, the region with its country."""
    claims = world(
        claim("region", "dprk", "battle-place", "kursk", "2024-11-05"),
        claim("country", "dprk", "battle-place", "russia", "2024-11-05", holder="wire", source="s2"),
        claim("elsewhere", "dprk", "battle-place", "ukraine", "2024-11-05", holder="paper-b", source="s5"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"kursk / russia": {"region", "country"}, "ukraine": {"elsewhere"}}
    assert "the Kursk region according to The author (2024-11-05) but Ukraine" in finding.message


def test_a_year_and_a_day_in_it_agree_against_another_year() -> None:
    """Dates 1970 and 1970-05-02 may be one day; 1971 is another: one finding with two sides."""
    claims = world(
        claim("year", "trump", "takes-place-on", "date:1970", None),
        claim("day", "trump", "takes-place-on", "date:1970-05-02", None, holder="wire", source="s2"),
        claim("other", "trump", "takes-place-on", "date:1971", None, holder="paper-b", source="s5"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"1970 / 1970-05-02": {"year", "day"}, "1971": {"other"}}
