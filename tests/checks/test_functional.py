"""Functional values: compared pair by pair where times overlap, severity from the two that disagree."""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factlog import Finding, Predicate, PredicateKind, Quantity, Severity
from factlog.checks import conflicting_values
from tests.helpers import claim, findings_of, sides, world


def head(id: str, person: str, when: str | None, **kwargs: object) -> object:
    return claim(id, "ruritania", "head-of-government", person, when, **kwargs)  # type: ignore[arg-type]


def test_two_certain_agreeing_and_one_possible_dissent_is_a_warning() -> None:
    """Alice twice for the first half of 2016 (certain), Bob 'may have' in March: a warning, not an error."""
    claims = world(
        head("registry", "alice", "2016-01/2016-06", holder="wire", source="s2"),
        head("paper", "alice", "2016-01/2016-06"),
        head("maybe-bob", "bob", "2016-03", certainty="possible"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.WARNING
    assert sides(finding) == {"alice": {"registry", "paper"}, "bob": {"maybe-bob"}}


def test_certain_against_certain_at_definitely_shared_days_is_an_error() -> None:
    """Alice throughout 2016 and Bob throughout March 2016, both certain: an error."""
    claims = world(head("a", "alice", "2016"), head("b", "bob", "2016-03", holder="wire", source="s2"))
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.ERROR
    assert "only possibly" not in finding.message


def test_year_precision_handover_is_at_most_a_warning() -> None:
    """Terms 2010/2016 and 2016/2019 at year precision only possibly share a day: a warning that says so."""
    claims = world(head("a", "alice", "2010/2016"), head("b", "bob", "2016/2019", holder="wire", source="s2"))
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.WARNING
    assert "the times only possibly overlap" in finding.message


def test_term_ending_the_day_the_next_begins_is_at_most_a_warning() -> None:
    """A term ending on 2016-05-01 and the next beginning that day: the handover day is no conflict."""
    claims = world(
        head("a", "alice", "2010-02-01/2016-05-01"), head("b", "bob", "2016-05-01/2019-03-01", holder="wire")
    )
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.WARNING


def test_overlapping_terms_past_the_boundary_year_are_an_error() -> None:
    """2010/2016 against 2015/2019: both certainly hold throughout 2015."""
    claims = world(head("a", "alice", "2010/2016"), head("b", "bob", "2015/2019", holder="wire"))
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.ERROR


def test_chained_overlaps_are_not_reported_together() -> None:
    """A (2010-2013) meets B (2012-2016) meets C (2015-2019); A and C never meet: two findings, never A with C."""
    claims = world(
        head("a", "alice", "2010/2013"),
        head("b", "bob", "2012/2016", holder="wire"),
        head("c", "carol", "2015/2019", holder="russia"),
    )
    found = sorted((sides(f) for f in findings_of(conflicting_values, claims)), key=str)
    assert found == sorted([{"alice": {"a"}, "bob": {"b"}}, {"bob": {"b"}, "carol": {"c"}}], key=str)


def test_severity_of_each_pair_is_its_own() -> None:
    """A certain pair in one year and a possible dissent in another: an error and a warning."""
    claims = world(
        head("a", "alice", "2010"),
        head("b", "bob", "2010", holder="wire"),
        head("c", "alice", "2014"),
        head("d", "carol", "2014", holder="russia", certainty="possible"),
    )
    severities = sorted(f.severity.value for f in findings_of(conflicting_values, claims))
    assert severities == ["error", "warning"]


def test_undated_claim_does_not_join_every_time_group() -> None:
    """An undated Carol against Alice (2010) and Bob (2015): the dated terms stay apart, Carol is one step less."""
    claims = world(
        head("a", "alice", "2010"),
        head("b", "bob", "2015", holder="wire"),
        head("c", "carol", None, holder="russia"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"carol": {"c"}, "alice": {"a"}, "bob": {"b"}}
    assert finding.severity is Severity.WARNING


def test_two_undated_values_speak_of_the_same_time() -> None:
    """Two dates of one event given without a valid time are certain against certain: an error."""
    claims = world(
        claim("article", "visit", "takes-place-on", "date:2025-01/2025-10", None),
        claim("reference", "visit", "takes-place-on", "date:2024-04-11/2024-04-13", None, holder="wire"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert finding.severity is Severity.ERROR


@pytest.mark.parametrize("ids", [("a", "b", "c"), ("c", "b", "a")])
def test_a_claim_naming_two_values_keeps_both_when_undated_conflicts_join(ids: tuple[str, str, str]) -> None:
    """The wire's undated 'Alice or Bob', the author's undated Bob, analysts' Bob in 2024/2026: Alice stays, any ids."""
    both, bob, dated = ids
    claims = world(
        head(both, ("alice", "bob"), None, holder="wire", certainty="possible"),
        head(bob, "bob", None),
        head(dated, "bob", "2024/2026", holder="analysts", certainty="probable"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"alice": {both}, "bob": {both, bob, dated}}
    assert finding.message.count("Alice Example according to") == 1


@pytest.mark.parametrize("ids", [("a", "b", "c"), ("c", "b", "a")])
def test_one_value_given_undated_and_dated_is_one_group_whatever_the_ids(ids: tuple[str, str, str]) -> None:
    """Bob undated against Alice undated and Alice for 2024/2026: Alice is one group of both claims, any ids."""
    bob, alice, dated = ids
    claims = world(
        head(bob, "bob", None, holder="wire", certainty="possible"),
        head(alice, "alice", None),
        head(dated, "alice", "2024/2026", holder="analysts", certainty="probable"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert sides(finding) == {"bob": {bob}, "alice": {alice, dated}}
    assert finding.message.count("Alice Example according to") == 1


@pytest.mark.parametrize("ids", [("a", "b", "c"), ("c", "b", "a")])
def test_undated_conflicts_linked_through_a_third_are_one_finding_whatever_the_ids(ids: tuple[str, str, str]) -> None:
    """Undated 0–2,000 against 2,500 (2025) and 1,000–3,000 against 500 (2027) are one finding with an undated 1,500."""

    def troops(id: str, amount: Quantity, when: str | None, holder: str) -> object:
        return claim(id, "russia", "troops-deployed", amount, when, holder=holder)

    low, high, middle = ids
    claims = world(
        troops(low, Quantity(amount=1000, lower=0, upper=2000), None, "author"),  # type: ignore[arg-type]
        troops(high, Quantity(amount=2000, lower=1000, upper=3000), None, "wire"),  # type: ignore[arg-type]
        troops("x", Quantity(amount=2500), "2025", "analysts"),  # type: ignore[arg-type]
        troops("y", Quantity(amount=500), "2027", "kcna"),  # type: ignore[arg-type]
        troops(middle, Quantity(amount=1500), None, "tabloid"),  # type: ignore[arg-type]
    )
    [finding] = findings_of(conflicting_values, claims)
    assert {id for _, found in finding.claims for id in found} == {low, high, middle, "x", "y"}


_PEOPLE = ("alice", "bob", "carol")
_READINGS = st.tuples(
    st.one_of(
        st.sampled_from(_PEOPLE), st.lists(st.sampled_from(_PEOPLE), min_size=2, max_size=2, unique=True).map(tuple)
    ),
    st.sampled_from([None, None, "2024", "2024/2026", "2025-03"]),
    st.sampled_from(["certain", "probable", "possible"]),
    st.sampled_from(["author", "wire", "analysts"]),
)


@settings(max_examples=80)
@given(st.lists(_READINGS, min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_conflicting_values_do_not_depend_on_the_claim_ids(
    readings: list[tuple[object, str | None, str, str]], rng: random.Random
) -> None:
    """One slot's claims, dated and undated, some naming two values, their ids dealt in another order: the same
    findings (severity, each side's values and claims), each side naming each value once."""
    names = [f"c{number}" for number in range(len(readings))]
    dealt = rng.sample(names, len(names))

    def read(ids: list[str]) -> list[object]:
        back = dict(zip(ids, names, strict=True))
        claims = world(
            *(
                head(id, obj, when, certainty=certainty, holder=holder)
                for id, (obj, when, certainty, holder) in zip(ids, readings, strict=True)
            )
        )
        found = findings_of(conflicting_values, claims)
        for finding in found:
            for side, _ in finding.claims:
                values = side.split(" / ")
                assert len(values) == len(set(values))
        return sorted(
            (str(f.severity), sorted((side, sorted(back[id] for id in ids)) for side, ids in f.claims)) for f in found
        )

    assert read(dealt) == read(names)


def test_message_gives_names_and_each_sides_time() -> None:
    """The message names people, not ids, and gives each side's span."""
    claims = world(head("a", "alice", "2016"), head("b", "bob", "2016-03", holder="wire"))
    [finding] = findings_of(conflicting_values, claims)
    assert "Alice Example according to The author (2016)" in finding.message
    assert "Bob Example according to The wire (2016-03)" in finding.message
    assert " alice " not in finding.message


def test_a_place_within_agrees_with_its_country() -> None:
    """The battle in Sudzha and the battle in Russia agree (Sudzha is in Kursk, in Russia); in Ukraine, not."""
    agree = world(
        claim("a", "visit", "battle-place", "sudzha", "2024-08"),
        claim("b", "visit", "battle-place", "russia", "2024-08", holder="wire"),
    )
    assert findings_of(conflicting_values, agree) == []
    clash = world(*agree.claims, claim("c", "visit", "battle-place", "ukraine", "2024-08", holder="kcna"))
    [finding] = findings_of(conflicting_values, clash)
    assert set(finding.sides) == {"russia / sudzha", "ukraine"}


def test_three_values_are_listed_not_chained_with_but() -> None:
    """Three heads for one year read 'A …; B …; C …', never 'A but B but C'."""
    claims = world(
        head("a", "alice", "2016"),
        head("b", "bob", "2016", holder="wire", source="s2"),
        head("c", "carol", "2016", holder="analysts", source="s3"),
    )
    [finding] = findings_of(conflicting_values, claims)
    assert " but " not in finding.message
    assert finding.message.count("; ") >= 2


def test_five_miles_and_a_rounded_8_05_km_clash_unless_a_margin_allows_for_it() -> None:
    """5 miles is 8.047 km: against 8.05 km an error with no margin, nothing with a margin of 10 m."""

    def distance(margin: Quantity | None) -> list[Finding]:
        predicate = Predicate(
            id="distance", label="is at a distance of", kind=PredicateKind.STATE, functional=True, margin=margin
        )
        claims = [
            claim("miles", "visit", "distance", Quantity(amount=5, unit="mile"), "2025"),
            claim("km", "visit", "distance", Quantity(amount=8.05, unit="km"), "2025", holder="wire"),
        ]
        made = world(*claims)
        return findings_of(conflicting_values, attrs.evolve(made, predicates=(*made.predicates, predicate)))

    [finding] = distance(None)
    assert finding.severity is Severity.ERROR
    assert distance(Quantity(amount=10, unit="m")) == []


def _lengths(*figures: Quantity) -> list[Finding]:
    """conflicting_values over one length given once per figure, each by its own holder."""
    predicate = Predicate(id="length", label="has a length of", kind=PredicateKind.STATE, functional=True)
    holders = ("author", "wire", "analysts")
    made = world(
        *(claim(f"c{n}", "visit", "length", figure, "2025", holder=holders[n]) for n, figure in enumerate(figures))
    )
    return findings_of(conflicting_values, attrs.evolve(made, predicates=(*made.predicates, predicate)))


def test_a_figure_in_another_unit_shows_its_conversion_to_the_other_sides_unit() -> None:
    """120 km against 75 miles: '75 miles (120.7 km)', four significant figures; 130 km against 120 km: none."""
    [finding] = _lengths(Quantity(amount=120, unit="km"), Quantity(amount=75, unit="miles"))
    assert "120 km according to" in finding.message
    assert "75 miles (120.7 km) according to" in finding.message
    [same] = _lengths(Quantity(amount=120, unit="km"), Quantity(amount=130, unit="km"))
    assert "130 km according to" in same.message
