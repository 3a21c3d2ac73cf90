"""Each rule: where it must fire, and where it must not."""

from __future__ import annotations

import pytest

import factlog
from factlog import Claim, ClaimSet, Finding, Severity, Source
from factlog.checks import (
    answered_denial,
    conflicting_values,
    exclusive_predicates,
    future_event_as_fact,
    hollow_corroboration,
    interested_denial,
    opposed_claims,
    overconfident_holder,
    self_contradiction,
    stated_after_publication,
)
from tests.helpers import ENTITIES, PREDICATES, SOURCES, claim, findings_of, sides, world

# --- opposed_claims ---------------------------------------------------------------


def test_allegation_and_two_denials_are_one_finding() -> None:
    """One allegation, two denials: one finding with every claim, naming every holder."""
    claims = world(
        claim("allegation", certainty="possible", holder="western-intelligence"),
        claim("denial-ru", "russia", "receives-weapons-from", "dprk", denied=True, holder="russia"),
        claim("denial-kp", denied=True, holder="kcna"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"allegation"}, "denying": {"denial-ru", "denial-kp"}}
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Opposed: ")  # not assess's status "disputed": credible origins both sides
    for name in ("Russia", "KCNA", "Western intelligence"):
        assert name in finding.message


def test_certain_against_certain_is_an_error() -> None:
    """Both sides certain and definitely overlapping: error."""
    [finding] = findings_of(opposed_claims, world(claim("a"), claim("d", denied=True, holder="russia")))
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith("Contradiction: ")


def test_an_info_level_opposition_is_no_contradiction() -> None:
    """Hedged on one side and only possibly overlapping: info, worded "Opposed:", never "Contradiction:"."""
    claims = world(claim("a", certainty="possible", when=None), claim("d", denied=True, holder="russia"))
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.INFO
    assert finding.message.startswith("Opposed: ")


def test_disjoint_times_do_not_conflict() -> None:
    """The same proposition affirmed for 2019 and denied for 2025 is no conflict."""
    assert findings_of(opposed_claims, world(claim("a", when="2019"), claim("d", when="2025", denied=True))) == []


def test_different_qualifiers_do_not_conflict() -> None:
    """Affirmed in one place, denied in another: different propositions."""
    claims = world(
        claim("a", qualifiers={"place": "prc"}),
        claim("d", denied=True, qualifiers={"place": "russia"}),
    )
    assert findings_of(opposed_claims, claims) == []


def test_missing_time_overlaps_but_lowers_severity() -> None:
    """A claim without a valid time conflicts with any time, one step less severe."""
    [finding] = findings_of(
        opposed_claims, world(claim("a", when=None), claim("d", when="2019", denied=True, holder="wire"))
    )
    assert finding.severity is Severity.WARNING


def test_denied_event_span_conflicts_with_an_event_inside_it() -> None:
    """'The last visit was in 2019' (no visit 2020/2025-10) conflicts with a visit in 2024."""
    claims = world(
        claim("last-2019", "prc", "visits", "dprk", "2020/2025-10-05", denied=True),
        claim("zhao", "prc", "visits", "dprk", "2024-04-11/2024-04-13", holder="wire", source="s2"),
        claim("xi", "prc", "visits", "dprk", "2019-06-20/2019-06-21"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"zhao"}, "denying": {"last-2019"}}
    assert finding.severity is Severity.ERROR


def test_event_only_possibly_inside_denied_span_is_a_warning() -> None:
    """A visit dated only to 2019 may fall before or after 2019-07: possible conflict."""
    claims = world(
        claim("none-since-july", "prc", "visits", "dprk", "2019-07/2025", denied=True),
        claim("visit-2019", "prc", "visits", "dprk", "2019", holder="wire", source="s2"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.WARNING


def test_uncommitted_claims_are_not_compared() -> None:
    """A claim reported without commitment opposes nothing."""
    assert findings_of(opposed_claims, world(claim("a"), claim("d", denied=True, certainty="uncommitted"))) == []


def test_groups_with_disjoint_times_are_separate_findings() -> None:
    """Two conflicts at different times give two findings, not one."""
    claims = world(
        claim("a1", when="2019"),
        claim("d1", when="2019", denied=True, holder="russia"),
        claim("a2", when="2025"),
        claim("d2", when="2025", denied=True, holder="russia"),
    )
    found = [sides(f) for f in findings_of(opposed_claims, claims)]
    assert sorted(found, key=str) == sorted(
        [{"affirming": {"a1"}, "denying": {"d1"}}, {"affirming": {"a2"}, "denying": {"d2"}}], key=str
    )


# --- answered_denial --------------------------------------------------------------


def test_answer_with_opposite_polarity_is_reported_without_propositions() -> None:
    """'Moscow and Pyongyang have denied these allegations' with no proposition still counts."""
    claims = world(
        claim("allegation", None, holder="western-intelligence", certainty="possible"),
        claim("denial-ru", None, denied=True, holder="russia", answers=("allegation",)),
        claim("denial-kp", None, denied=True, holder="dprk", answers=("allegation",)),
    )
    [finding] = findings_of(answered_denial, claims)
    assert sides(finding) == {"answered": {"allegation"}, "answering": {"denial-ru", "denial-kp"}}
    assert finding.severity is Severity.INFO


def test_confirming_answer_is_not_a_denial() -> None:
    """An answer with the same polarity confirms; nothing to report."""
    claims = world(claim("a", None), claim("b", None, holder="wire", answers=("a",)))
    assert findings_of(answered_denial, claims) == []


def test_answer_on_the_same_proposition_is_left_to_opposed_claims() -> None:
    """When both claims share a proposition, only opposed_claims reports them."""
    claims = world(claim("a"), claim("d", denied=True, holder="russia", answers=("a",)))
    assert findings_of(answered_denial, claims) == []
    assert len(findings_of(opposed_claims, claims)) == 1


# --- conflicting_values -----------------------------------------------------------


def test_two_dates_for_one_event_conflict() -> None:
    """'Earlier this year' (2025) against 2024-04-11/2024-04-13: one finding, two values."""
    claims = world(
        claim("article", "visit", "takes-place-on", "date:2025-01/2025-10", None),
        claim("reference", "visit", "takes-place-on", "date:2024-04-11/2024-04-13", None, holder="wire", source="s2"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"2025-01/2025-10": {"article"}, "2024-04-11/2024-04-13": {"reference"}}
    assert finding.severity is Severity.ERROR


def test_compatible_precisions_of_one_date_agree() -> None:
    """2025 and 2025-04-26 may be the same day: no conflict."""
    claims = world(
        claim("year", "visit", "takes-place-on", "date:2025", None),
        claim("day", "visit", "takes-place-on", "date:2025-04-26", None, holder="wire"),
    )
    assert findings_of(conflicting_values, claims) == []


def test_quantities_within_tolerance_agree() -> None:
    """11,000 and 11,500 troops agree under a 10 % tolerance; 15,000 does not."""
    within = world(claim("a", "dprk", "troops-deployed", 11000), claim("b", "dprk", "troops-deployed", 11500))
    assert findings_of(conflicting_values, within) == []
    beyond = world(claim("a", "dprk", "troops-deployed", 11000), claim("b", "dprk", "troops-deployed", 15000))
    [finding] = findings_of(conflicting_values, beyond)
    assert set(dict(finding.claims)) == {"11,000", "15,000"}


def test_one_holder_in_its_own_words_and_relayed_later_may_have_changed_its_account() -> None:
    """The wire's own figure, then another in Paper B's story: each side's way is named; a change is allowed for."""
    claims = world(
        claim("own", "dprk", "troops-deployed", 11000, holder="wire", source="s2", stated="2025-10-01"),
        claim("relayed", "dprk", "troops-deployed", 15000, holder="wire", source="s5", stated="2025-10-20"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert (
        "11,000 according to The wire (2025) in its own words but 15,000 according to The wire (2025) via Paper B"
        in (finding.message)
    )
    assert finding.message.endswith(
        "; one holder through different relays, stated on different days: a relay misreporting The wire,"
        " or The wire changing its account"
    )


def test_one_holder_through_one_relay_names_no_relay() -> None:
    """Two figures of one holder by the same relay: the relay tells the sides nothing, and is not named."""
    claims = world(
        claim("a", "dprk", "troops-deployed", 11000, holder="kcna", via=("author",)),
        claim("b", "dprk", "troops-deployed", 15000, holder="kcna", via=("author",)),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert " via " not in finding.message
    assert "misreporting" not in finding.message


def test_values_at_disjoint_times_do_not_conflict() -> None:
    """Different troop numbers in different years are no conflict."""
    claims = world(
        claim("a", "dprk", "troops-deployed", 11000, "2024"), claim("b", "dprk", "troops-deployed", 15000, "2025")
    )
    assert findings_of(conflicting_values, claims) == []


def test_different_entities_for_a_functional_predicate_conflict() -> None:
    """Two leaders of one country at one time conflict; a non-functional predicate never does."""
    claims = world(claim("a", "dprk", "leader-of", "trump"), claim("b", "dprk", "leader-of", "russia"))
    assert len(findings_of(conflicting_values, claims)) == 1
    assert findings_of(conflicting_values, world(claim("a"), claim("b", obj="prc"))) == []


# --- exclusive_predicates ---------------------------------------------------------


def test_sitting_and_no_longer_president_at_once_conflict() -> None:
    """'No longer president' in 2025-10 against 'president since 2025-01-20'."""
    claims = world(
        claim("former", "trump", "no-longer-holds-office", "us-president", "2025-10"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire", source="s2"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert sides(finding) == {"no-longer-holds-office": {"former"}, "holds-office": {"sitting"}}
    assert finding.severity is Severity.ERROR


def test_exclusive_predicates_at_different_times_agree() -> None:
    """No longer president in 2022, president again from 2025: no conflict."""
    claims = world(
        claim("former", "trump", "no-longer-holds-office", "us-president", "2022"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/.."),
    )
    assert findings_of(exclusive_predicates, claims) == []


# --- hollow_corroboration ---------------------------------------------------------


def test_one_holder_in_several_sources_is_hollow() -> None:
    """KCNA relayed by three outlets is one origin, however many sources."""
    claims = world(
        claim("a", holder="kcna", source="s1", via=("author",)),
        claim("b", holder="kcna", source="s2", via=("wire",)),
        claim("c", holder="dprk", source="s5"),
    )
    [finding] = findings_of(hollow_corroboration, claims)
    assert sides(finding) == {"origin dprk": {"a", "b", "c"}}
    assert "in 3 sources" in finding.message


def test_syndicated_copies_are_hollow() -> None:
    """A wire story and two papers' rewrites of it are one origin."""
    claims = world(
        claim("wire", holder="wire", source="s2"),
        claim("copy-a", holder="paper-a", source="s3"),
        claim("copy-b", holder="paper-b", source="s4"),
    )
    [finding] = findings_of(hollow_corroboration, claims)
    assert "The wire" in finding.message


def test_hollow_corroboration_names_every_time_its_claims_give_earliest_first() -> None:
    """Copies dated 5 April, 3 April and undated name all three times, in order, not the first claim's alone."""
    claims = world(
        claim("a", holder="kcna", source="s1", via=("author",), when="2025-04-05"),
        claim("b", holder="kcna", source="s2", via=("wire",), when="2025-04-03"),
        claim("c", holder="kcna", source="s5", via=("wire",), when=None),
    )
    [finding] = findings_of(hollow_corroboration, claims)
    assert "North Korea supplies weapons to Russia (2025-04-03, 2025-04-05, undated): affirmed" in finding.message


def test_hollow_corroboration_of_one_time_names_it_once() -> None:
    """Copies that agree on the time name it once, as the proposition reads."""
    claims = world(
        claim("a", holder="kcna", source="s1", via=("author",), when="2025-04"),
        claim("b", holder="kcna", source="s2", via=("wire",), when="2025-04"),
    )
    [finding] = findings_of(hollow_corroboration, claims)
    assert "Russia (2025-04): affirmed" in finding.message


def test_independent_origins_are_not_hollow() -> None:
    """KCNA and the Chinese Foreign Ministry are two origins."""
    claims = world(claim("kp", holder="kcna", source="s1"), claim("cn", holder="mfa-prc", source="s2"))
    assert findings_of(hollow_corroboration, claims) == []


def test_one_holder_repeating_itself_in_one_source_is_not_hollow() -> None:
    """Repetition inside one source claims no corroboration."""
    assert findings_of(hollow_corroboration, world(claim("a", holder="kcna"), claim("b", holder="kcna"))) == []


def _russia_denying(*reported: Claim) -> ClaimSet:
    """Russia's denial in its own statement ('ru-statement', claim 'own'), then ``reported`` by others."""
    return ClaimSet(
        entities=ENTITIES,
        predicates=PREDICATES,
        sources=(*SOURCES, Source(id="ru-statement", title="Statement", publisher="russia")),
        claims=(claim("own", denied=True, holder="russia", source="ru-statement"), *reported),
    )


def test_a_party_repeating_its_denial_with_one_outlet_reporting_it_is_not_hollow() -> None:
    """Russia's denial in its own statement, and as one outlet reports it: one party repeating itself, not hollow."""
    claims = _russia_denying(claim("reported", denied=True, holder="russia", via=("wire",), source="s2"))
    assert findings_of(hollow_corroboration, claims) == []


def test_a_party_relayed_by_two_outlets_is_hollow() -> None:
    """The same party's denial relayed by two outlets besides its own statement: hollow, in three sources."""
    claims = _russia_denying(
        claim("wire", denied=True, holder="russia", via=("wire",), source="s2"),
        claim("author", denied=True, holder="russia", via=("author",), source="s1"),
    )
    [finding] = findings_of(hollow_corroboration, claims)
    assert "denied in 3 sources" in finding.message


def test_one_copy_in_its_own_voice_is_hollow() -> None:
    """A wire story and one paper's rewrite of it, in the paper's own voice: the copy hides its origin."""
    claims = world(claim("wire", holder="wire", source="s2"), claim("copy", holder="paper-a", source="s3"))
    [finding] = findings_of(hollow_corroboration, claims)
    assert sides(finding) == {"origin wire": {"wire", "copy"}}


# --- interested_denial ------------------------------------------------------------


def test_denial_by_the_accused_is_flagged() -> None:
    """Denials by the subject, the object and the subject's state media are all interested."""
    claims = world(
        claim("allegation", holder="western-intelligence", certainty="possible"),
        claim("ru", denied=True, holder="russia"),
        claim("kp", denied=True, holder="kcna"),
        claim("cn", denied=True, holder="mfa-prc"),
    )
    [finding] = findings_of(interested_denial, claims)
    assert sides(finding) == {"interested": {"ru", "kp"}, "denied": {"allegation"}}
    assert finding.severity is Severity.INFO


def test_denial_by_a_third_party_is_not_interested() -> None:
    """China denying that North Korea arms Russia is not self-interested."""
    assert findings_of(interested_denial, world(claim("a"), claim("cn", denied=True, holder="mfa-prc"))) == []


# --- self_contradiction -----------------------------------------------------------


def test_holder_reversing_itself_is_reported_with_dates() -> None:
    """Russia denies in 2024-11 and affirms in 2025-04: a reversal with both dates."""
    claims = world(
        claim("fake", denied=True, holder="russia", when="2024-10/2025-04", stated="2024-11"),
        claim("confirmed", holder="russia", when="2024-10/2025-04", stated="2025-04", source="s5"),
    )
    [finding] = findings_of(self_contradiction, claims)
    assert "denied by Russia (2024-11), then affirmed by Russia (2025-04)" in finding.message


def test_holder_repeating_itself_is_no_contradiction() -> None:
    """The same holder saying the same thing twice is not reported."""
    assert findings_of(self_contradiction, world(claim("a"), claim("b", source="s2"))) == []


# --- overconfident_holder ---------------------------------------------------------


def test_certain_claims_by_anonymous_or_unreliable_holders_are_noted() -> None:
    """Anonymous analysts stated as certain, and a tabloid graded E: one finding per holder."""
    claims = world(
        claim("a", holder="analysts"),
        claim("b", holder="tabloid"),
        claim("c", holder="analysts", certainty="possible"),
        claim("d", holder="kcna"),
    )
    found = {frozenset(f.claim_ids) for f in findings_of(overconfident_holder, claims)}
    assert found == {frozenset({"a"}), frozenset({"b"})}


# --- integrity --------------------------------------------------------------------


def test_claim_stated_after_its_source_appeared_is_an_error() -> None:
    """A source of 2025-10 cannot report what was said in 2025-12."""
    [finding] = findings_of(stated_after_publication, world(claim("late", stated="2025-12")))
    assert finding.severity is Severity.ERROR
    assert findings_of(stated_after_publication, world(claim("early", stated="2025-09"))) == []


def test_future_event_stated_as_fact_is_noted() -> None:
    """'Will visit' on 2025-10-05 as certain fact about a visit on 2025-10-09: info."""
    claims = world(claim("will", "prc", "visits", "dprk", "2025-10-09", stated="2025-10-05"))
    [finding] = findings_of(future_event_as_fact, claims)
    assert finding.severity is Severity.INFO
    probable = world(claim("will", "prc", "visits", "dprk", "2025-10-09", stated="2025-10-05", certainty="probable"))
    assert findings_of(future_event_as_fact, probable) == []


# --- the engine -------------------------------------------------------------------


def test_acknowledged_finding_does_not_fail() -> None:
    """An acknowledged finding is still reported, marked, and no longer fails the check."""
    claims = world(claim("a"), claim("d", denied=True, holder="russia"))
    finding = findings_of(opposed_claims, claims)[0]
    report = factlog.check(world(*claims.claims, acknowledged=((finding.id, "reviewed"),)))
    marked = report.by_rule("opposed_claims")[0]
    assert marked.acknowledged
    assert marked.note == "reviewed"
    assert not report.failed(Severity.ERROR)
    assert factlog.check(claims).failed(Severity.ERROR)


def test_stale_acknowledgement_is_reported() -> None:
    """An acknowledgement that matches no finding is itself a warning."""
    report = factlog.check(world(claim("a"), acknowledged=(("f-00000000", "old"),)))
    [stale] = report.by_rule("stale_acknowledgement")
    assert stale.severity is Severity.WARNING
    assert "f-00000000" in stale.message


def test_broken_rule_is_reported_not_raised() -> None:
    """A rule that raises becomes an error finding; the other rules still run."""

    def broken(index: factlog.Index) -> list[Finding]:
        raise RuntimeError("boom")

    report = factlog.check(world(claim("a"), claim("d", denied=True, holder="wire")), (broken, opposed_claims))
    # Both are errors; the failure of a rule outside the tuple sorts after the tuple's rules.
    assert [f.rule for f in report.findings] == ["opposed_claims", "rule_failure"]
    assert any("rule broken failed: RuntimeError: boom" in f.message for f in report.findings)


def test_findings_are_ordered_most_severe_first() -> None:
    """Errors come before warnings, warnings before info."""
    claims = world(claim("a"), claim("d", denied=True, holder="russia"), claim("x", holder="analysts", when="2010"))
    ranks = [f.severity.rank for f in factlog.check(claims).findings]
    assert ranks == sorted(ranks, reverse=True)


@pytest.mark.parametrize("threshold", [Severity.ERROR, Severity.WARNING, Severity.INFO])
def test_failed_respects_threshold(threshold: Severity) -> None:
    """A warning fails at warning or info, not at error; None never fails."""
    report = factlog.check(world(claim("a", certainty="possible"), claim("d", denied=True, holder="russia")))
    assert report.failed(threshold) == (threshold <= Severity.WARNING)
    assert not report.failed(None)
