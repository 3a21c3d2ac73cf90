"""Runs of sets of claims alive together that clash over the same values: one finding each (a brute-force oracle)."""

from __future__ import annotations

from unittest import mock

import attrs
from hypothesis import given, settings

import factlog
from factlog import Claim, ClaimSet, Interval, Quantity, Severity
from factlog.analysis._index import Entry
from factlog.analysis._timegroups import cliques
from factlog.checks import _runs, _values, conflicting_values
from factlog.checks._slotvalues import Kept, Values
from tests.checks.value_oracles import DISTANCE, pairwise
from tests.helpers import claim, findings_of, world
from tests.strategies import dated_slot_claims

_Run = tuple[list[list[str]], Severity, bool, bool]


def _slot(drawn: list[tuple[object, Interval, str]]) -> tuple[ClaimSet, Values, list[Entry]]:
    """The claim set of one ``distance`` slot, its ranked values, and its dated committed affirmations."""
    claims = []
    for n, (value, when, certainty) in enumerate(drawn):
        made = claim(
            f"c{n}", "visit", "distance", "russia", None, certainty=certainty, holder=("author", "kcna")[n % 2]
        )
        assert made.proposition is not None
        claims.append(attrs.evolve(made, proposition=attrs.evolve(made.proposition, object=value, when=when)))
    claim_set = attrs.evolve(world(*claims), predicates=(*world().predicates, DISTANCE))
    index = factlog.Index.of(claim_set)
    [entries] = [group for (subject, _, _), group in index.by_slot.items() if subject == "visit"]
    affirmed = _values._committed_affirmations(entries)

    def value_of(entry: Entry) -> object:
        assert entry.proposition is not None
        return entry.proposition.object

    values = Values(index, DISTANCE, value_of)
    values.rank(affirmed)
    return claim_set, values, [e for e in affirmed if e.timed]


def _brute_runs(values: Values, dated: list[Entry]) -> list[_runs.Conflict]:
    """Every clique built and its value groups compared pair by pair; consecutive cliques of equal clashes joined."""
    merged: list[tuple[dict[int, Entry], Severity, bool, bool]] = []
    previous: frozenset[object] = frozenset()
    stretch: dict[int, int] = {}  # position -> its stretch of days with some claim alive, numbered in time
    reach = None
    for e in sorted(dated, key=lambda e: e.span):
        if reach is not None and e.span[0] > reach + 1:
            stretch_number = max(stretch.values()) + 1
        else:
            stretch_number = max(stretch.values(), default=0)
        stretch[e.position] = stretch_number
        reach = e.span[1] if reach is None else max(reach, e.span[1])
    last_stretch = None
    for clique in cliques(dated, order=values.order):
        if stretch[clique[0].position] != last_stretch:  # days with no claim alive end a run
            previous, last_stretch = frozenset(), stretch[clique[0].position]
        groups = list(values.groups(clique, ordered=True).values())
        [(clashing, worst, definite, units)] = list(pairwise(values, groups)) or [([], Severity.INFO, False, False)]
        keys = frozenset(values.key(group[0]) for group in clashing)
        claims = {e.position: e for group in clashing for e in group}
        if keys and keys == previous:
            known, was, sure, odd = merged[-1]
            merged[-1] = ({**known, **claims}, max(was, worst), sure or definite, odd or units)
        elif keys:
            merged.append((claims, worst, definite, units))
        previous = keys
    found: list[_runs.Conflict] = []
    for claims, worst, definite, units in merged:
        ordered = sorted(claims.values(), key=lambda e: values.order[e.position])
        found.append((list(values.groups(ordered, ordered=True).values()), worst, definite, units))
    return found


def _shown(runs: list[_runs.Conflict]) -> list[_Run]:
    return [([[e.id for e in group] for group in groups], *rest) for groups, *rest in runs]


# One test draws the slots for both ways of counting: drawing them is most of the work.
@settings(max_examples=200)
@given(dated_slot_claims(max_size=16))
def test_the_sweep_finds_the_runs_of_every_clique_however_it_counts_values(
    drawn: list[tuple[object, Interval, str]],
) -> None:
    """The same runs as building every clique: claims, their order, severity, definiteness and units.

    Also with every slot counting its values present as they come and go (MANY = 0).
    """
    _, values, dated = _slot(drawn)
    expected = _shown(_brute_runs(values, dated))
    assert _shown(list(_runs.conflict_runs(values, dated))) == expected
    with mock.patch.object(_runs._Involved, "MANY", 0):
        counted = _shown(list(_runs.conflict_runs(values, dated)))
    assert counted == expected, "counted as they come and go"


def _agreeing_figures(alive: int, one_day: int) -> list[tuple[object, Interval, str]]:
    """``alive`` certain figures 10 m apart held 2000–2100, then ``one_day`` more on the days of January 2001.

    All within the 1 km margin of one another: a crowded slot that gives no finding.
    """
    drawn: list[tuple[object, Interval, str]] = [
        (Quantity(amount=10_000 + n / 100, unit="km"), Interval.parse("2000/2100"), "certain") for n in range(alive)
    ]
    drawn += [
        (Quantity(amount=10_000 + (alive + n) / 100, unit="km"), Interval.parse(f"2001-01-{n + 1:02d}"), "certain")
        for n in range(one_day)
    ]
    return drawn


def test_a_value_that_clashes_with_none_present_is_not_counted_again() -> None:
    """40 agreeing figures alive throughout, 20 agreeing one-day figures: the values present are never counted."""
    _, values, dated = _slot(_agreeing_figures(alive=40, one_day=20))
    with mock.patch.object(_runs._Involved, "__call__", autospec=True, side_effect=_runs._Involved.__call__) as count:
        assert list(_runs.conflict_runs(values, dated)) == []
    assert count.call_count == 0


@settings(max_examples=100)
@given(dated_slot_claims())
def test_findings_from_the_sweep_are_those_of_the_brute_force_runs(drawn: list[tuple[object, Interval, str]]) -> None:
    """The whole check gives the same findings (ids, messages, severities, sides) with the oracle's runs."""
    claim_set, _, _ = _slot(drawn)
    found = factlog.check(claim_set, (conflicting_values,)).findings
    with mock.patch.object(_values, "conflict_runs", _brute_runs):
        expected = factlog.check(claim_set, (conflicting_values,)).findings
    assert [(f.id, f.severity, f.message, f.sides) for f in found] == [
        (f.id, f.severity, f.message, f.sides) for f in expected
    ]


def test_a_value_held_through_two_apart_dissents_is_one_finding() -> None:
    """Alice 2010–2016 against Bob in 2011 and Bob again in 2013: one run, one finding listing all three."""
    claims = [
        claim("alice", "dprk", "head-of-government", "trump", "2010/2016"),
        claim("bob-2011", "dprk", "head-of-government", "russia", "2011", holder="kcna"),
        claim("bob-2013", "dprk", "head-of-government", "russia", "2013", holder="kcna"),
    ]
    [finding] = findings_of(conflicting_values, world(*claims))
    assert sorted(c for ids in finding.sides.values() for c in ids) == ["alice", "bob-2011", "bob-2013"]
    assert finding.severity is Severity.ERROR


def test_disputes_years_apart_with_no_claim_between_are_two_findings() -> None:
    """Alice against Bob in 2010 and in 2020, nothing alive between: two runs; an agreeing 2015 claim changes none."""
    claims = [
        claim("alice-2010", "dprk", "head-of-government", "trump", "2010"),
        claim("bob-2010", "dprk", "head-of-government", "russia", "2010", holder="kcna"),
        claim("alice-2020", "dprk", "head-of-government", "trump", "2020"),
        claim("bob-2020", "dprk", "head-of-government", "russia", "2020", holder="kcna"),
    ]
    expected = [["alice-2010", "bob-2010"], ["alice-2020", "bob-2020"]]
    for extra in ([], [claim("alice-2015", "dprk", "head-of-government", "trump", "2015")]):
        findings = findings_of(conflicting_values, world(*claims, *extra))
        assert [sorted(c for ids in f.sides.values() for c in ids) for f in findings] == expected


def test_disputes_on_consecutive_days_are_one_run() -> None:
    """Alice against Bob on 1 May and again on 2 May, each claim one day: no day without a claim, one finding."""
    claims = [
        claim("alice-1", "dprk", "head-of-government", "trump", "2025-05-01"),
        claim("bob-1", "dprk", "head-of-government", "russia", "2025-05-01", holder="kcna"),
        claim("alice-2", "dprk", "head-of-government", "trump", "2025-05-02"),
        claim("bob-2", "dprk", "head-of-government", "russia", "2025-05-02", holder="kcna"),
    ]
    [finding] = findings_of(conflicting_values, world(*claims))
    assert sorted(c for ids in finding.sides.values() for c in ids) == ["alice-1", "alice-2", "bob-1", "bob-2"]


def test_three_chained_terms_of_three_values_are_two_findings() -> None:
    """2010–2014, 2013–2017 and 2016–2019, each a different value: {A, B} then {B, C}, two findings."""
    claims = [
        claim("a", "dprk", "head-of-government", "trump", "2010/2014"),
        claim("b", "dprk", "head-of-government", "russia", "2013/2017"),
        claim("c", "dprk", "head-of-government", "prc", "2016/2019"),
    ]
    findings = findings_of(conflicting_values, world(*claims))
    found = sorted(sorted(c for ids in f.sides.values() for c in ids) for f in findings)
    assert found == [["a", "b"], ["b", "c"]]


def test_a_run_is_no_more_severe_than_claims_alive_together() -> None:
    """Certain claims at two ends of a run, never alive together, make no warning: each meets only possible ones."""
    claims = [
        claim("a1", "dprk", "head-of-government", "trump", "2010-01/2010-06"),
        claim("b2", "dprk", "head-of-government", "russia", "2010-06/2011-06", certainty="possible"),
        claim("a2", "dprk", "head-of-government", "trump", "2011-06/2012-06", certainty="possible"),
        claim("b1", "dprk", "head-of-government", "russia", "2012-06/2013-06"),
    ]
    [finding] = findings_of(conflicting_values, world(*claims))
    assert sorted(c for ids in finding.sides.values() for c in ids) == ["a1", "a2", "b1", "b2"]
    assert finding.severity is Severity.INFO


def test_a_crowded_slot_lists_each_claim_once() -> None:
    """Three values given every month for two years by short claims: one finding, each claim once."""
    claims: list[Claim] = []
    for month in range(24):
        for value in ("trump", "russia", "prc"):
            when = f"{2010 + month // 12}-{month % 12 + 1:02d}"
            claims.append(claim(f"{value}-{month}", "dprk", "head-of-government", value, when))
    [finding] = findings_of(conflicting_values, world(*claims))
    listed = [c for ids in finding.sides.values() for c in ids]
    assert sorted(listed) == sorted(c.id for c in claims)


def test_an_acknowledgement_of_a_per_day_finding_says_it_may_be_merged() -> None:
    """Acknowledging Alice against Bob in 2011 alone, now one run with Bob in 2013: stale, saying runs replace days."""
    claims = [
        claim("alice", "dprk", "head-of-government", "trump", "2010/2016"),
        claim("bob-2011", "dprk", "head-of-government", "russia", "2011", holder="kcna"),
        claim("bob-2013", "dprk", "head-of-government", "russia", "2013", holder="kcna"),
    ]
    old = factlog.finding_id("conflicting_values", ["alice", "bob-2011"])
    report = factlog.check(world(*claims, acknowledged=((old, "reviewed"),)))
    [stale] = report.by_rule("stale_acknowledgement")
    assert "part of a larger finding" in stale.message
    assert "one finding per run of days, not one per day" in stale.message
    assert "the claims changed, or the finding was resolved" not in stale.message


def test_a_crowded_slot_keeps_only_the_last_few_large_sets_of_values() -> None:
    """70 figures alive throughout and 28 one-day figures, all within the margin: not every large list is kept."""
    _, values, dated = _slot(_agreeing_figures(alive=70, one_day=28))
    with mock.patch.object(_runs._Involved, "MANY", 10**9):  # every change counted again with all values present
        assert list(_runs.conflict_runs(values, dated)) == []
    kept = values._clashes
    assert len(kept.large) == Kept.LARGE
    assert all(len(key) > Kept.SMALL for key in kept.large)


def test_kept_drops_the_least_recently_used_large_key() -> None:
    """Small keys stay; a large key used again outlives one used before it."""
    kept: Kept[tuple[int, ...], str] = Kept()
    small = (1, 2)
    kept.keep(small, len(small), "small")
    large = [tuple(range(n, n + Kept.SMALL + 1)) for n in range(Kept.LARGE + 1)]
    for key in large[: Kept.LARGE]:
        kept.keep(key, len(key), str(key[0]))
    assert kept.get(large[0], len(large[0])) == "0"  # used again: now the most recent
    kept.keep(large[-1], len(large[-1]), "last")
    assert kept.get(large[1], len(large[1])) is None
    assert kept.get(large[0], len(large[0])) == "0"
    assert kept.get(small, len(small)) == "small"
    assert len(kept) == Kept.LARGE + 1
