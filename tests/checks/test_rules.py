"""Each rule: where it must fire, and where it must not."""

from __future__ import annotations

import hashlib
from pathlib import Path

import attrs
import pytest

import factlog
from factlog import ClaimSet, Finding, Severity
from factlog.checks import _copying as copying
from factlog.checks import (
    answered_denial,
    conflicting_values,
    document_mismatch,
    exclusive_predicates,
    future_event_as_fact,
    hollow_corroboration,
    interested_denial,
    opposed_claims,
    overconfident_holder,
    quote_mismatch,
    self_contradiction,
    stated_after_publication,
)
from tests.helpers import claim, echo_cluster, world


def run(rule: factlog.Rule, claims: ClaimSet) -> list[Finding]:
    return list(factlog.check(claims, (rule,)).findings)


def sides(finding: Finding) -> dict[str, set[str]]:
    return {side: set(ids) for side, ids in finding.claims}


# --- opposed_claims ---------------------------------------------------------------


def test_allegation_and_two_denials_are_one_finding() -> None:
    """One allegation, two denials: one finding with every claim, naming every holder."""
    claims = world(
        claim("allegation", certainty="possible", holder="western-intelligence"),
        claim("denial-ru", "russia", "receives-weapons-from", "dprk", denied=True, holder="russia"),
        claim("denial-kp", denied=True, holder="kcna"),
    )
    [finding] = run(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"allegation"}, "denying": {"denial-ru", "denial-kp"}}
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith("Disputed: ")
    for name in ("Russia", "KCNA", "Western intelligence"):
        assert name in finding.message


def test_certain_against_certain_is_an_error() -> None:
    """Both sides certain and definitely overlapping: error."""
    [finding] = run(opposed_claims, world(claim("a"), claim("d", denied=True, holder="russia")))
    assert finding.severity is Severity.ERROR


def test_disjoint_times_do_not_conflict() -> None:
    """The same proposition affirmed for 2019 and denied for 2025 is no conflict."""
    assert run(opposed_claims, world(claim("a", when="2019"), claim("d", when="2025", denied=True))) == []


def test_different_qualifiers_do_not_conflict() -> None:
    """Affirmed in one place, denied in another: different propositions."""
    claims = world(
        claim("a", qualifiers={"place": "prc"}),
        claim("d", denied=True, qualifiers={"place": "russia"}),
    )
    assert run(opposed_claims, claims) == []


def test_missing_time_overlaps_but_lowers_severity() -> None:
    """A claim without a valid time conflicts with any time, one step less severe."""
    [finding] = run(opposed_claims, world(claim("a", when=None), claim("d", when="2019", denied=True, holder="wire")))
    assert finding.severity is Severity.WARNING


def test_denied_event_span_conflicts_with_an_event_inside_it() -> None:
    """'The last visit was in 2019' (no visit 2020/2025-10) conflicts with a visit in 2024."""
    claims = world(
        claim("last-2019", "prc", "visits", "dprk", "2020/2025-10-05", denied=True),
        claim("zhao", "prc", "visits", "dprk", "2024-04-11/2024-04-13", holder="wire", source="s2"),
        claim("xi", "prc", "visits", "dprk", "2019-06-20/2019-06-21"),
    )
    [finding] = run(opposed_claims, claims)
    assert sides(finding) == {"affirming": {"zhao"}, "denying": {"last-2019"}}
    assert finding.severity is Severity.ERROR


def test_event_only_possibly_inside_denied_span_is_a_warning() -> None:
    """A visit dated only to 2019 may fall before or after 2019-07: possible conflict."""
    claims = world(
        claim("none-since-july", "prc", "visits", "dprk", "2019-07/2025", denied=True),
        claim("visit-2019", "prc", "visits", "dprk", "2019", holder="wire", source="s2"),
    )
    [finding] = run(opposed_claims, claims)
    assert finding.severity is Severity.WARNING


def test_uncommitted_claims_are_not_compared() -> None:
    """A claim reported without commitment opposes nothing."""
    assert run(opposed_claims, world(claim("a"), claim("d", denied=True, certainty="uncommitted"))) == []


def test_groups_with_disjoint_times_are_separate_findings() -> None:
    """Two conflicts at different times give two findings, not one."""
    claims = world(
        claim("a1", when="2019"),
        claim("d1", when="2019", denied=True, holder="russia"),
        claim("a2", when="2025"),
        claim("d2", when="2025", denied=True, holder="russia"),
    )
    found = [sides(f) for f in run(opposed_claims, claims)]
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
    [finding] = run(answered_denial, claims)
    assert sides(finding) == {"answered": {"allegation"}, "answering": {"denial-ru", "denial-kp"}}
    assert finding.severity is Severity.INFO


def test_confirming_answer_is_not_a_denial() -> None:
    """An answer with the same polarity confirms; nothing to report."""
    claims = world(claim("a", None), claim("b", None, holder="wire", answers=("a",)))
    assert run(answered_denial, claims) == []


def test_answer_on_the_same_proposition_is_left_to_opposed_claims() -> None:
    """When both claims share a proposition, only opposed_claims reports them."""
    claims = world(claim("a"), claim("d", denied=True, holder="russia", answers=("a",)))
    assert run(answered_denial, claims) == []
    assert len(run(opposed_claims, claims)) == 1


# --- conflicting_values -----------------------------------------------------------


def test_two_dates_for_one_event_conflict() -> None:
    """'Earlier this year' (2025) against 2024-04-11/2024-04-13: one finding, two values."""
    claims = world(
        claim("article", "visit", "takes-place-on", "date:2025-01/2025-10", None),
        claim("reference", "visit", "takes-place-on", "date:2024-04-11/2024-04-13", None, holder="wire", source="s2"),
    )
    [finding] = run(conflicting_values, claims)
    assert sides(finding) == {"2025-01/2025-10": {"article"}, "2024-04-11/2024-04-13": {"reference"}}
    assert finding.severity is Severity.ERROR


def test_compatible_precisions_of_one_date_agree() -> None:
    """2025 and 2025-04-26 may be the same day: no conflict."""
    claims = world(
        claim("year", "visit", "takes-place-on", "date:2025", None),
        claim("day", "visit", "takes-place-on", "date:2025-04-26", None, holder="wire"),
    )
    assert run(conflicting_values, claims) == []


def test_quantities_within_tolerance_agree() -> None:
    """11,000 and 11,500 troops agree under a 10 % tolerance; 15,000 does not."""
    within = world(claim("a", "dprk", "troops-deployed", 11000), claim("b", "dprk", "troops-deployed", 11500))
    assert run(conflicting_values, within) == []
    beyond = world(claim("a", "dprk", "troops-deployed", 11000), claim("b", "dprk", "troops-deployed", 15000))
    [finding] = run(conflicting_values, beyond)
    assert set(dict(finding.claims)) == {"11,000", "15,000"}


def test_values_at_disjoint_times_do_not_conflict() -> None:
    """Different troop numbers in different years are no conflict."""
    claims = world(
        claim("a", "dprk", "troops-deployed", 11000, "2024"), claim("b", "dprk", "troops-deployed", 15000, "2025")
    )
    assert run(conflicting_values, claims) == []


def test_different_entities_for_a_functional_predicate_conflict() -> None:
    """Two leaders of one country at one time conflict; a non-functional predicate never does."""
    claims = world(claim("a", "dprk", "leader-of", "trump"), claim("b", "dprk", "leader-of", "russia"))
    assert len(run(conflicting_values, claims)) == 1
    assert run(conflicting_values, world(claim("a"), claim("b", obj="prc"))) == []


# --- exclusive_predicates ---------------------------------------------------------


def test_sitting_and_no_longer_president_at_once_conflict() -> None:
    """'No longer president' in 2025-10 against 'president since 2025-01-20'."""
    claims = world(
        claim("former", "trump", "no-longer-holds-office", "us-president", "2025-10"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/..", holder="wire", source="s2"),
    )
    [finding] = run(exclusive_predicates, claims)
    assert sides(finding) == {"no-longer-holds-office": {"former"}, "holds-office": {"sitting"}}
    assert finding.severity is Severity.ERROR


def test_exclusive_predicates_at_different_times_agree() -> None:
    """No longer president in 2022, president again from 2025: no conflict."""
    claims = world(
        claim("former", "trump", "no-longer-holds-office", "us-president", "2022"),
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/.."),
    )
    assert run(exclusive_predicates, claims) == []


# --- hollow_corroboration ---------------------------------------------------------


def test_one_holder_in_several_sources_is_hollow() -> None:
    """KCNA relayed by three outlets is one origin, however many sources."""
    claims = world(
        claim("a", holder="kcna", source="s1", via=("author",)),
        claim("b", holder="kcna", source="s2", via=("wire",)),
        claim("c", holder="dprk", source="s5"),
    )
    [finding] = run(hollow_corroboration, claims)
    assert sides(finding) == {"origin dprk": {"a", "b", "c"}}
    assert "in 3 sources" in finding.message


def test_syndicated_copies_are_hollow() -> None:
    """A wire story and two papers' rewrites of it are one origin."""
    claims = world(
        claim("wire", holder="wire", source="s2"),
        claim("copy-a", holder="paper-a", source="s3"),
        claim("copy-b", holder="paper-b", source="s4"),
    )
    [finding] = run(hollow_corroboration, claims)
    assert "The wire" in finding.message


def test_independent_origins_are_not_hollow() -> None:
    """KCNA and the Chinese Foreign Ministry are two origins."""
    claims = world(claim("kp", holder="kcna", source="s1"), claim("cn", holder="mfa-prc", source="s2"))
    assert run(hollow_corroboration, claims) == []


def test_one_holder_repeating_itself_in_one_source_is_not_hollow() -> None:
    """Repetition inside one source claims no corroboration."""
    assert run(hollow_corroboration, world(claim("a", holder="kcna"), claim("b", holder="kcna"))) == []


# --- interested_denial ------------------------------------------------------------


def test_denial_by_the_accused_is_flagged() -> None:
    """Denials by the subject, the object and the subject's state media are all interested."""
    claims = world(
        claim("allegation", holder="western-intelligence", certainty="possible"),
        claim("ru", denied=True, holder="russia"),
        claim("kp", denied=True, holder="kcna"),
        claim("cn", denied=True, holder="mfa-prc"),
    )
    [finding] = run(interested_denial, claims)
    assert sides(finding) == {"interested": {"ru", "kp"}, "denied": {"allegation"}}
    assert finding.severity is Severity.INFO


def test_denial_by_a_third_party_is_not_interested() -> None:
    """China denying that North Korea arms Russia is not self-interested."""
    assert run(interested_denial, world(claim("a"), claim("cn", denied=True, holder="mfa-prc"))) == []


# --- self_contradiction -----------------------------------------------------------


def test_holder_reversing_itself_is_reported_with_dates() -> None:
    """Russia denies in 2024-11 and affirms in 2025-04: a reversal with both dates."""
    claims = world(
        claim("fake", denied=True, holder="russia", when="2024-10/2025-04", stated="2024-11"),
        claim("confirmed", holder="russia", when="2024-10/2025-04", stated="2025-04", source="s5"),
    )
    [finding] = run(self_contradiction, claims)
    assert "denied by Russia (2024-11), then affirmed by Russia (2025-04)" in finding.message


def test_holder_repeating_itself_is_no_contradiction() -> None:
    """The same holder saying the same thing twice is not reported."""
    assert run(self_contradiction, world(claim("a"), claim("b", source="s2"))) == []


# --- overconfident_holder ---------------------------------------------------------


def test_certain_claims_by_anonymous_or_unreliable_holders_are_noted() -> None:
    """Anonymous analysts stated as certain, and a tabloid graded E: one finding per holder."""
    claims = world(
        claim("a", holder="analysts"),
        claim("b", holder="tabloid"),
        claim("c", holder="analysts", certainty="possible"),
        claim("d", holder="kcna"),
    )
    found = {frozenset(f.claim_ids) for f in run(overconfident_holder, claims)}
    assert found == {frozenset({"a"}), frozenset({"b"})}


# --- integrity --------------------------------------------------------------------


def _with_document(tmp_path: Path, text: str, claims: ClaimSet, sha: str | None = None) -> ClaimSet:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    sources = tuple(attrs.evolve(s, document="doc.txt", sha256=sha) if s.id == "s1" else s for s in claims.sources)
    return attrs.evolve(claims, sources=sources, bases={"s1": str(tmp_path)})


def test_quote_matching_its_span_passes(tmp_path: Path) -> None:
    """A quote that is exactly the document's text at its span gives no finding."""
    claims = _with_document(tmp_path, "quote a and more", world(claim("a")))
    assert run(quote_mismatch, claims) == []


def test_shifted_quote_is_reported_with_where_it_stands(tmp_path: Path) -> None:
    """A quote off by two characters: error, naming the span where the quote really is."""
    claims = _with_document(tmp_path, "..quote a", world(claim("a")))
    [finding] = run(quote_mismatch, claims)
    assert finding.severity is Severity.ERROR
    assert "the quote stands at 2-9" in finding.message


def test_changed_document_is_reported(tmp_path: Path) -> None:
    """A sha256 that no longer matches the document: error listing the citing claims."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")), sha=hashlib.sha256(b"other").hexdigest())
    [finding] = run(document_mismatch, claims)
    assert "has changed" in finding.message
    assert finding.claim_ids == ("a",)


def test_missing_document_is_reported(tmp_path: Path) -> None:
    """A document that does not exist is an error naming it (escapes are covered in test_hostile)."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    assert "cannot read document" in run(document_mismatch, missing)[0].message


def test_claim_stated_after_its_source_appeared_is_an_error() -> None:
    """A source of 2025-10 cannot report what was said in 2025-12."""
    [finding] = run(stated_after_publication, world(claim("late", stated="2025-12")))
    assert finding.severity is Severity.ERROR
    assert run(stated_after_publication, world(claim("early", stated="2025-09"))) == []


def test_future_event_stated_as_fact_is_noted() -> None:
    """'Will visit' on 2025-10-05 as certain fact about a visit on 2025-10-09: info."""
    claims = world(claim("will", "prc", "visits", "dprk", "2025-10-09", stated="2025-10-05"))
    [finding] = run(future_event_as_fact, claims)
    assert finding.severity is Severity.INFO
    probable = world(claim("will", "prc", "visits", "dprk", "2025-10-09", stated="2025-10-05", certainty="probable"))
    assert run(future_event_as_fact, probable) == []


# --- the engine -------------------------------------------------------------------


def test_acknowledged_finding_does_not_fail() -> None:
    """An acknowledged finding is still reported, marked, and no longer fails the check."""
    claims = world(claim("a"), claim("d", denied=True, holder="russia"))
    finding = run(opposed_claims, claims)[0]
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


def test_undeclared_copying_names_the_echo() -> None:
    """Ten outlets repeating one origin in their own voice, nothing declared: a warning names them as repeating."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    pairs = {frozenset(side for side, _ in f.claims) for f in found}
    assert pairs == {
        frozenset({"echoed", "copier-0"}),
        frozenset({"echoed", "copier-1"}),
        frozenset({"copier-0", "copier-1"}),
    }
    assert all("nobody else gives" in f.message and f.severity is factlog.Severity.WARNING for f in found)


def test_undeclared_copying_settled_says_nothing_of_rounds() -> None:
    """An echo AccuCopy settles on within its rounds: the findings say nothing of a limit."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    assert found
    assert not [f for f in found if "unsettled" in f.message or "round" in f.message]


def test_undeclared_copying_stopped_unsettled_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped at its limit of rounds before settling, each finding says so, and keeps its id (ids come from claims)."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2, declared=False)
    settled = {f.id for f in factlog.check(claims).findings if f.rule == "undeclared_copying"}
    monkeypatch.setattr(copying, "MAX_ROUNDS", 1)
    found = [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]
    assert {f.id for f in found} == settled
    assert all(f.message.endswith("; copy detection stopped at its limit of 1 round, unsettled") for f in found)


def test_declared_copies_are_not_reported_as_undeclared() -> None:
    """The same echo, declared through relays and derived_from, gives no undeclared-copying finding."""
    claims, _ = echo_cluster(seed=11, questions=40, copiers=2)
    assert not [f for f in factlog.check(claims).findings if f.rule == "undeclared_copying"]


def test_missing_document_names_its_source_and_path(tmp_path: Path) -> None:
    """A document that cannot be read names the source id and `$.sources[N].document` to mend."""
    claims = _with_document(tmp_path, "quote a", world(claim("a")))
    position = [s.id for s in claims.sources].index("s1")
    missing = attrs.evolve(
        claims,
        sources=tuple(attrs.evolve(s, document="absent.txt") if s.id == "s1" else s for s in claims.sources),
    )
    message = run(document_mismatch, missing)[0].message
    assert message.startswith(f"source s1, $.sources[{position}].document: cannot read document ")
