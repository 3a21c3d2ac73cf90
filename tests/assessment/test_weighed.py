"""What an assessment says was weighed: each origin's weight as its vote counts it, and every origin against."""

from __future__ import annotations

import math

import attrs
from hypothesis import given
from hypothesis import strategies as st

import factlog
from factlog import Mode
from factlog.assessment._layout import three_sides
from factlog.assessment._weights import CERTAINTY_WEIGHT, DISCOUNTS
from tests.assessment import explicit
from tests.helpers import claim, world
from tests.strategies import slot_values

Slot = tuple[dict[str, object], factlog.Predicate]


def _log_odds(grade: factlog.Reliability) -> float:
    return math.log(grade.prior / (1 - grade.prior))


def _implied(made: factlog.Claim) -> factlog.Claim:
    return attrs.evolve(made, attribution=attrs.evolve(made.attribution, mode=Mode.IMPLIED))


def _discounted() -> factlog.ClaimSet:
    """One origin for each discount but the interested one, each alone on its proposition."""
    return world(
        claim("anonymous", "dprk", holder="analysts", certainty="possible"),
        _implied(claim("implied", "prc", certainty="probable")),
        claim("relayed", "russia", holder="paper-a", via=("analysts",), source="s5"),
        claim("plain", "ukraine", holder="wire", source="s2"),
    )


def test_the_weight_shown_is_the_prior_log_odds_times_every_discount_named_beside_it() -> None:
    """Anonymous (0.5), implied (0.5) and unnamed-relay (0.7) discounts are in the printed weight."""
    assessment = factlog.assess(_discounted())
    shown = {o.claims[0]: (o.weight, o.discounts) for p in assessment.propositions for o in p.supporting}
    f = _log_odds(factlog.Reliability.F)
    assert shown == {
        "anonymous": (round(f * 0.4 * 0.5, 4), ("anonymous",)),
        "implied": (round(f * 0.7 * 0.5, 4), ("implied",)),
        "relayed": (round(f * 0.7, 4), ("unnamed relay",)),
        "plain": (round(f, 4), ()),
    }
    text = factlog.render_assessment_text(assessment)
    assert f"analysts (F, weight {f * 0.2:.2f}, anonymous)" in text


def test_every_origin_weight_agrees_with_its_certainty_and_discounts_on_the_corpus() -> None:
    """On the bundled corpus each origin's weight is ln(p/(1 − p)) × certainty × the product of its discounts."""
    claims = factlog.load("sources/")
    certainty = {c.id: c.certainty for c in claims.claims}
    for item in factlog.assess(claims).propositions:
        for origin in (*item.supporting, *item.opposing):
            factor = math.prod(DISCOUNTS[name] for name in origin.discounts)
            expected = {
                round(_log_odds(origin.reliability) * CERTAINTY_WEIGHT[certainty[c]] * factor, 4) for c in origin.claims
            }
            assert origin.weight in expected, (item.statement, origin)


def _self_denied() -> factlog.ClaimSet:
    """The author affirms and denies one proposition; the wire affirms it."""
    return world(
        claim("says", "dprk"),
        claim("unsays", "dprk", denied=True),
        claim("wire-says", "dprk", holder="wire", source="s2"),
    )


def test_a_denial_held_only_by_an_origin_listed_for_is_named_against() -> None:
    """ "weighed against its denial" comes with the origin that holds the denial, though it is listed for."""
    [item] = factlog.assess(_self_denied()).propositions
    assert [o.label for o in item.supporting] == ["The author", "The wire"]
    assert item.opposing == ()
    assert item.decided_by == "its denial"
    assert "also against: The author, listed for, also denies it" in item.reasons


def test_no_also_against_line_when_every_origin_keeps_to_one_side() -> None:
    """An origin that only affirms is never named against."""
    claims = world(claim("says", "dprk"), claim("wire-denies", "dprk", denied=True, holder="wire", source="s2"))
    [item] = factlog.assess(claims).propositions
    assert not any(reason.startswith("also against:") for reason in item.reasons)
    assert [o.label for o in item.opposing] == ["The wire"]


def test_a_rival_value_held_only_by_an_origin_listed_for_is_named_against() -> None:
    """In a slot, an origin that gives two rival values is named against each value it also backs."""
    claims = world(
        claim("one", "dprk", "troops-deployed", 1000),
        claim("other", "dprk", "troops-deployed", 5000),
        claim("wire-one", "dprk", "troops-deployed", 1000, holder="wire", source="s2"),
    )
    items = {str(item.value): item for item in factlog.assess(claims).propositions}
    for item in items.values():
        assert "also against: The author, listed for, also gives a rival value or denies it" in item.reasons


def test_an_origin_of_many_values_is_named_against_each_but_the_values_all_its_own_agree_with() -> None:
    """Twelve figures from one origin (the sweep, past the few tested one by one): named against each one."""
    claims = world(
        *(claim(f"v{n:02}", "dprk", "troops-deployed", 1000 * 2**n) for n in range(12)),
        claim("wire", "dprk", "troops-deployed", 3, holder="wire", source="s2"),
    )
    items = {str(item.value): item for item in factlog.assess(claims).propositions}
    also = {value for value, item in items.items() if any(r.startswith("also against:") for r in item.reasons)}
    assert also == {value for value in items if value != "3"}


def test_every_decided_label_names_an_origin_that_holds_the_rival() -> None:
    """Whenever a reason says what the answer was weighed against, an against or also-against line precedes it."""
    for claims in (_self_denied(), factlog.load("sources/")):
        for item in factlog.assess(claims).propositions:
            if item.decided_by is not None:
                assert any(r.startswith(("against:", "also against:")) for r in item.reasons), item.statement


@given(slot_values(), st.data())
def test_backers_also_against_are_what_a_scan_of_each_speakers_stances_finds(slot: Slot, data: st.DataObject) -> None:
    """A backer is split exactly when one of its stances is a rival value or the candidate's denial."""
    drawn = explicit.drawn_stances(slot, data)  # type: ignore[arg-type]
    if drawn is None:
        return
    layout, compatible, stances = drawn
    _, _, found = three_sides(layout, {name: i for i, name in enumerate(layout.names)}, stances)
    for i, name in enumerate(layout.names):
        friends = compatible[name] | {name}
        backers = explicit.side(stances, friends, name, backing=True)
        expected = [
            backer
            for backer, mine in zip(backers, [m for m in stances if any(a in friends for _, a, _ in m)], strict=True)
            if any(a == f"not:{name}" or (not a.startswith("not:") and a not in friends) for _, a, _ in mine)
        ]
        assert found[i] == expected


@given(slot_values(), st.data())
def test_a_claim_of_several_values_stands_against_none_of_them_as_a_scan_finds(slot: Slot, data: st.DataObject) -> None:
    """Values grouped into claims: a backer is split only by its denial or a claim with nothing compatible."""
    drawn = explicit.drawn_stances(slot, data)  # type: ignore[arg-type]
    if drawn is None:
        return
    layout, compatible, stances = drawn
    together: list[list[frozenset[str]]] = []
    for mine in stances:
        values = sorted({a for _, a, _ in mine if not a.startswith("not:")})
        units = (
            [frozenset(unit) for unit in data.draw(st.lists(st.lists(st.sampled_from(values), min_size=1)))]
            if values
            else []
        )
        units += [frozenset((value,)) for value in values if not any(value in unit for unit in units)]
        together.append(units)
    _, _, found = three_sides(layout, {name: i for i, name in enumerate(layout.names)}, stances, together=together)
    for i, name in enumerate(layout.names):
        friends = compatible[name] | {name}
        expected = [
            backer
            for backer, mine, units in (
                (next(o for _, a, o in mine if a in friends), mine, units)
                for mine, units in zip(stances, together, strict=True)
                if any(a in friends for _, a, _ in mine)
            )
            if any(a == f"not:{name}" for _, a, _ in mine) or any(not unit & friends for unit in units)
        ]
        assert found[i] == expected


@given(slot_values(), st.data())
def test_the_stances_joined_against_a_value_are_the_strongest_as_a_scan_finds(slot: Slot, data: st.DataObject) -> None:
    """An opponent is listed with each of its answers against the value as strong as its strongest, in order."""
    drawn = explicit.drawn_stances(slot, data)  # type: ignore[arg-type]
    if drawn is None:
        return
    layout, compatible, stances = drawn
    rank = {name: i for i, name in enumerate(layout.names)}
    _, found, _ = three_sides(layout, rank, stances, joined="+".join)
    for i, name in enumerate(layout.names):
        friends = compatible[name] | {name}
        expected = []
        for mine in stances:
            if any(a in friends for _, a, _ in mine):
                continue
            first: dict[str, tuple[float, str]] = {}  # each answer against the value: its strongest stance
            for w, a, o in mine:
                if a not in friends and (not a.startswith("not:") or a == f"not:{name}"):
                    first.setdefault(a, (w, o))
            if first:
                strongest = min(w for w, _ in first.values())
                expected.append("+".join(o for w, o in sorted(first.values()) if w == strongest))
        assert found[i] == expected
