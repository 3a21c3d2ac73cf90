"""Precision: spans that only possibly overlap are at most a warning, in every rule, and say so."""

from __future__ import annotations

import factlog
from factlog import Interval, Severity
from factlog.analysis._index import certain_days
from factlog.analysis._timegroups import Overlap, overlap
from factlog.checks import exclusive_predicates, opposed_claims
from tests.helpers import claim, findings_of, world


def test_state_denied_from_the_boundary_year_is_a_warning() -> None:
    """In office 2010/2016, not in office 2016/2019 (year precision): only possibly at once."""
    claims = world(
        claim("term", "trump", "holds-office", "us-president", "2010/2016"),
        claim("out", "trump", "holds-office", "us-president", "2016/2019", denied=True, holder="wire"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.WARNING
    assert "the times only possibly overlap" in finding.message


def test_confirmed_in_april_against_not_by_27_april_is_a_warning() -> None:
    """An event dated only to April against a denial up to 27 April: it may have come on the 28th."""
    claims = world(
        claim("confirmed", "prc", "visits", "dprk", "2025-04"),
        claim("not-yet", "prc", "visits", "dprk", "2025-04-01/2025-04-27", denied=True, holder="wire"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.WARNING
    assert "only possibly" in finding.message


def test_definite_overlap_keeps_its_error_and_says_nothing_of_possibility() -> None:
    """In office since 2025-01-20, not in office in October 2025: an error, without the caveat."""
    claims = world(
        claim("sitting", "trump", "holds-office", "us-president", "2025-01-20/.."),
        claim("former", "trump", "holds-office", "us-president", "2025-10", denied=True, holder="wire"),
    )
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.ERROR
    assert "only possibly" not in finding.message


def test_exclusive_states_meeting_in_a_boundary_year_are_a_warning() -> None:
    """'No longer president' over 2021/2024 against a term 2017/2021: only possibly at once."""
    claims = world(
        claim("term", "trump", "holds-office", "us-president", "2017/2021"),
        claim("out", "trump", "no-longer-holds-office", "us-president", "2021/2024", holder="wire"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert finding.severity is Severity.WARNING
    assert "only possibly" in finding.message


def test_undated_claim_is_one_step_less_in_exclusive_predicates() -> None:
    """An undated 'no longer president' against a dated term: a warning, as in every rule."""
    claims = world(
        claim("term", "trump", "holds-office", "us-president", "2025-01-20/.."),
        claim("out", "trump", "no-longer-holds-office", "us-president", None, holder="wire"),
    )
    [finding] = findings_of(exclusive_predicates, claims)
    assert finding.severity is Severity.WARNING


def test_events_dated_to_a_month_are_certain_of_no_day() -> None:
    """Two events dated only to April 2025 may fall on different days; an event on one day is certain of it."""
    april = Interval.parse("2025-04")
    assert certain_days(april, event=True) is None
    day = Interval.parse("2025-04-03")
    assert certain_days(day, event=True) == (day.start_low, day.start_low)
    assert certain_days(april, event=False) == (april.start_low, april.end_high)


def test_undated_against_undated_is_the_same_unspecified_time() -> None:
    """Neither claim gives a time: certain against certain is an error in opposed_claims too."""
    claims = world(claim("a", when=None), claim("d", when=None, denied=True, holder="wire"))
    [finding] = findings_of(opposed_claims, claims)
    assert finding.severity is Severity.ERROR


def test_overlap_of_two_claims_has_three_strengths() -> None:
    """Year terms meeting in 2016: possibly; 2010/2016 and 2015/2019: definitely; 2010 and 2012: not at all."""
    index = factlog.Index.of(
        world(
            claim("a", when="2010/2016"),
            claim("b", when="2016/2019"),
            claim("c", when="2015/2019"),
            claim("d", when="2010"),
            claim("e", when="2012"),
        )
    )

    def strength(first: str, second: str) -> Overlap:
        return overlap(index.by_id[first], index.by_id[second])

    assert [strength("a", "b"), strength("a", "c"), strength("d", "e")] == [
        Overlap.POSSIBLE,
        Overlap.DEFINITE,
        Overlap.NONE,
    ]


def test_an_undated_claim_does_not_join_the_time_groups_of_opposed_claims() -> None:
    """Conflicts in 2019 and in 2025 stay two findings; an undated affirmation gets a third, one step less."""
    claims = world(
        claim("a1", when="2019"),
        claim("d1", when="2019", denied=True, holder="russia"),
        claim("a2", when="2025"),
        claim("d2", when="2025", denied=True, holder="russia"),
        claim("u", when=None, holder="wire"),
    )
    found = {frozenset(f.claim_ids): f.severity for f in findings_of(opposed_claims, claims)}
    assert found == {
        frozenset({"a1", "d1"}): Severity.ERROR,
        frozenset({"a2", "d2"}): Severity.ERROR,
        frozenset({"u", "d1", "d2"}): Severity.WARNING,
    }
